"""The library file and the articles in it: where it is, opening it, finding an article, its text.

:func:`library_path` is the one place that decides which file is the library: ``--db PATH``,
else ``$READER_DB``, else the platform's user data folder (see :mod:`reader.store.paths`).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from reader.document import is_url, load
from reader.errors import ReaderError
from reader.store.paths import default_db_path
from reader.store.peek import peek_setting

if TYPE_CHECKING:
    from reader.store import ArticleRecord, Library, RemovedArticle

MIN_PREFIX = 4
"""The shortest id prefix that may name an article."""

THEME_SETTING = "theme"
"""The library setting that remembers the chosen theme."""


def library_path(db: str | os.PathLike[str] | None) -> Path:
    """The library file: ``db`` (``--db``) if given, else ``$READER_DB``, else the default file."""
    return Path(db).expanduser() if db else default_db_path()


def open_library(db: str | os.PathLike[str] | None) -> Library:
    """Open the library at :func:`library_path` (``db`` None: the default, its folder created)."""
    from reader.store import Library  # late: TinyDB and the file lock stay off the app's first paint

    return Library.open(library_path(db) if db else None)


def saved_theme(db: str | os.PathLike[str] | None) -> str | None:
    """The saved theme name, or None; read without opening the library.

    A peek at the file (see :mod:`reader.store.peek`) keeps the library's full open, and its
    imports, off the app's first paint; a damaged library is reported when a screen opens it.
    """
    value = peek_setting(library_path(db), THEME_SETTING)
    return value if isinstance(value, str) else None


def find_article(library: Library, ref: str) -> ArticleRecord | None:
    """An article by id, source, or a unique id prefix of at least four characters."""
    record = library.get_article(ref)
    if record is not None:
        return record
    if len(ref) >= MIN_PREFIX and all(c in "0123456789abcdef" for c in ref.lower()):
        matches = [r for r in library.articles() if r.id.startswith(ref.lower())]
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            raise ReaderError(f"{ref}: more than one article id starts with this; give more of it")
    return None


def looks_like_source(ref: str) -> bool:
    """True for a URL or an existing file (which can be added on the fly)."""
    return is_url(ref) or os.path.isfile(os.path.expanduser(ref))


def current_text(library: Library, record: ArticleRecord) -> str:
    """The article's text as it is now: read from its source, or the copy stored with it."""
    stored = library.stored_text(record.id)
    if stored is not None:
        return stored
    return load(record.source).text


def remove_article(library: Library, article_id: str) -> RemovedArticle:
    """Remove an article and every record tied to it, for the app's delete (and any later CLI path).

    In one transaction of the library (its lock held throughout): the article, its notes and
    highlights, stored text, article note and corrections (:meth:`Library.remove_article`), then
    the caches kept for it outside the library file: its text (which the search reads) and its
    quotes summary, and the cached analysis of its text unless another article has the same text.
    A cache can always be rebuilt, so an undo (:meth:`Library.restore_article`) only costs time.
    """
    from reader.services.analysis_cache import AnalysisCache
    from reader.services.texts import texts_file

    with library.storage.transaction():
        removed = library.remove_article(article_id)
        aid = removed.article.id
        texts, cache = texts_file(library), AnalysisCache(library.path)
        cached_texts, summaries = texts.entries(), cache.summary.entries()
        digests = {removed.article.text_hash, *(_hash(e) for e in (cached_texts.get(aid), summaries.get(aid)))}
        texts.update({aid: None})
        cache.summary.update({aid: None})
        kept = {r.text_hash for r in library.articles()}
        kept.update(_hash(cached_texts.get(r)) for r in cached_texts if r != aid)
        for digest in digests - kept - {""}:
            cache.forget(digest)
    return removed


def _hash(entry: object) -> str:
    """The text hash a cache entry was made for ("" if none)."""
    value = entry.get("hash") if isinstance(entry, dict) else None
    return value if isinstance(value, str) else ""
