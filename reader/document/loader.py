"""Open an article from a path or standard input.

Everything that reaches the document model passes through :func:`reader.sanitize.clean_text`
first, so no parser or widget ever sees a terminal escape from an article.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from reader import patterns
from reader.document.decode import MAX_BYTES, decode_text
from reader.document.model import Article
from reader.document.plaintext import parse_text
from reader.errors import ReaderError
from reader.sanitize import clean_line, clean_text

if TYPE_CHECKING:
    from reader.document.markdown import MarkdownParser

MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}
TEXT_SUFFIXES = {".txt", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
ARTICLE_SUFFIXES = MARKDOWN_SUFFIXES | TEXT_SUFFIXES | HTML_SUFFIXES


_MARKDOWN_SIGNS = patterns.compile(r"^(#{1,6}\s|```|~~~|(=+|-{3,})\s*$|\[[^\]\n]+\]:\s)|\]\([^)\n]+\)|^---\s*\n", re.M)
"""What marks standard input as markdown: headings, fences, setext underlines, links, front matter.
Anything else is read as plain text, whose first line is its headline."""


def is_url(source: str) -> bool:
    """True for http(s) URLs."""
    return source.lower().startswith(("http://", "https://"))


def read_source(source: str, stdin: BinaryIO | None = None) -> tuple[bytes, str]:
    """Read the raw bytes of ``source`` (a path or ``-``); return them with a display name."""
    if source == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read(MAX_BYTES + 1)
        name = "standard input"
    else:
        path = Path(source).expanduser()
        name = str(source)
        try:
            if path.is_dir():
                raise ReaderError(f"{name}: is a folder, not an article")
            size = path.stat().st_size
            if size > MAX_BYTES:
                raise ReaderError(f"{name}: too large ({size // (1024 * 1024)} MiB); the limit is "
                                  f"{MAX_BYTES // (1024 * 1024)} MiB")
            with path.open("rb") as handle:
                data = handle.read(MAX_BYTES + 1)
        except FileNotFoundError:
            raise ReaderError(f"{name}: no such file") from None
        except PermissionError:
            raise ReaderError(f"{name}: permission denied") from None
        except IsADirectoryError:
            raise ReaderError(f"{name}: is a folder, not an article") from None
        except OSError as exc:
            raise ReaderError(f"{name}: cannot read it ({exc.strerror or exc})") from None
    if len(data) > MAX_BYTES:
        raise ReaderError(f"{name}: too large; the limit is {MAX_BYTES // (1024 * 1024)} MiB")
    return data, name


def detect_format(source: str, text: str) -> str:
    """``markdown``, ``text`` or ``html`` from the suffix, or from the content for stdin."""
    suffix = Path(source).suffix.lower() if source != "-" else ""
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in HTML_SUFFIXES:
        return "html"
    if source == "-" or suffix not in TEXT_SUFFIXES:
        head = text.lstrip()[:512].lower()
        if head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head):
            return "html"
        if source == "-":
            return "markdown" if _MARKDOWN_SIGNS.search(text[:20_000]) else "text"
    return "text"


def source_name(source: str) -> str:
    """The stored form of a source: an absolute path, a URL, or ``-``."""
    if source == "-" or is_url(source):
        return source
    return os.path.abspath(os.path.expanduser(source))


def _fallback_title(source: str) -> str:
    if source == "-":
        return "standard input"
    return clean_line(Path(source).stem.replace("_", " ").replace("-", " ")) or "untitled"


def parse_source_text(text: str, source: str, fmt: str) -> Article | MarkdownParser:
    """Parse already-decoded, cleaned text; markdown returns its (unstarted) parser."""
    fallback = _fallback_title(source)
    stored = source_name(source)
    if fmt == "markdown":
        from reader.document.markdown import MarkdownParser  # late: text articles never need it

        return MarkdownParser(text, path=stored, fallback_title=fallback)
    if fmt == "html":
        from reader.document.html import parse_html  # late import: trafilatura is heavy

        return parse_html(text, source=stored, fallback_title=fallback)
    return parse_text(text, source=stored, fallback_title=fallback)


def open_article(source: str, stdin: BinaryIO | None = None) -> Article | MarkdownParser:
    """Read and decode ``source``; return an Article, or a MarkdownParser to drive chunk by chunk."""
    if is_url(source):
        from reader.document.fetch import fetch_article  # late import: networking is optional

        return fetch_article(source)
    data, name = read_source(source, stdin)
    text = clean_text(*decode_text(data, name))
    return parse_source_text(text, source, detect_format(source, text))


def load_title_and_text(source: str, stdin: BinaryIO | None = None, *, split: bool = False,
                        meanwhile: Callable[[], object] | None = None) -> tuple[str, str]:
    """``(load(source).title, load(source).text)``, for callers that need no blocks (analysis).

    With ``split``, a large markdown article is parsed on two cores (see
    :meth:`reader.document.markdown.MarkdownParser.title_and_text`) and ``meanwhile`` runs while
    the second half finishes; use it only when a core is free (one article, not a batch).
    """
    result = open_article(source, stdin)
    if isinstance(result, Article):
        title, text = result.title, result.text
        if meanwhile is not None:
            meanwhile()
    else:
        title, text = result.title_and_text(split=split, meanwhile=meanwhile)
    return clean_line(title), text


def load(source: str, stdin: BinaryIO | None = None) -> Article:
    """Load a whole article from a path, URL or ``-``; raise :class:`ReaderError` on failure."""
    result = open_article(source, stdin)
    if not isinstance(result, Article):
        result = result.parse_all()
    result.title = clean_line(result.title)
    return result
