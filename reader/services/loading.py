"""Open an article for the reading pane: the first screenful now, the rest in the background.

Small articles load whole. Markdown is parsed a chunk at a time by
:class:`reader.document.MarkdownParser`: the first chunk is parsed here so the pane can paint at
once, and the caller finishes the parse in a worker thread with :func:`finish_parsing`.
Every failure becomes a one-line :class:`ReaderError`, so a bad file never crashes the app.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from reader.document import Article, open_article
from reader.errors import ReaderError
from reader.sanitize import clean_line

if TYPE_CHECKING:
    from reader.document import MarkdownParser

Loaded = tuple[Article, "MarkdownParser | None"]
"""An opened article, and the parser still finishing it (None when it is whole)."""

Preloaded = dict[str, "Loaded | ReaderError"]
"""Sources the command line opened before the app started: source -> opened, or why it could not be."""

CHUNKS_PER_UPDATE = 4
"""Parsed chunks (about 64 KB each) between two updates of the pane."""


def snapshot(parser: MarkdownParser) -> Article:
    """The article parsed so far, with a clean one-line title."""
    article = parser.article()
    article.title = clean_line(article.title)
    return article


def check_not_empty(article: Article, source: str) -> Article:
    """Refuse an article with no text: it used to open as a blank page, or be added, silently."""
    if article.complete and not article.text.strip():
        name = "standard input" if source == "-" else clean_line(source)
        raise ReaderError(f"{name}: empty article (no text to read)")
    return article


def open_for_reading(source: str) -> Loaded:
    """Load ``source``; a markdown parser that still has chunks to parse comes back with it."""
    try:
        result = open_article(source)
        if not isinstance(result, Article):  # a markdown parser with chunks to go
            result.parse_next()
            article = snapshot(result)
            if not article.text.strip():  # nothing in the first chunk: is there anything at all?
                article = result.parse_all()
            return check_not_empty(article, source), result
        result.title = clean_line(result.title)
        return check_not_empty(result, source), None
    except ReaderError:
        raise
    except Exception as exc:  # a bug in a loader must not take the app down
        raise ReaderError(one_line_error(source, exc)) from exc


def finish_parsing(parser: MarkdownParser, update: Callable[[Article], None],
                   cancelled: Callable[[], bool] = lambda: False) -> None:
    """Parse the remaining chunks, calling ``update`` with a grown article every few chunks.

    ``update`` is always called once at the end (with ``complete`` set) unless cancelled.
    """
    pending = 0
    while not cancelled() and parser.parse_next():
        pending += 1
        if pending >= CHUNKS_PER_UPDATE and not cancelled():
            update(snapshot(parser))
            pending = 0
    if not cancelled():
        update(snapshot(parser))


def one_line_error(source: str, exc: BaseException) -> str:
    """A one-line message for an unexpected error while opening ``source``."""
    detail = clean_line(str(exc)) or exc.__class__.__name__
    return f"{clean_line(source)}: could not open it ({detail})"
