"""Shared by the library commands (add, list, tag, note, notes): open the library, find articles."""

from __future__ import annotations

import argparse
import os

from reader.cli import db_path
from reader.document import Article, is_url, load
from reader.errors import ReaderError
from reader.sanitize import clean_line
from reader.store import ArticleRecord, Library

MIN_PREFIX = 4


def open_library(args: argparse.Namespace) -> Library:
    """The library chosen with --db / READER_DB, or the default one."""
    return Library.open(db_path(args))


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


def resolve_article(library: Library, ref: str, *, add: bool) -> tuple[ArticleRecord, Article | None]:
    """The library article ``ref`` names, adding it first when ``add`` and it is a file or URL.

    Returns the record, and the loaded article when it had to be loaded to add it.
    """
    record = find_article(library, ref)
    if record is not None:
        return record, None
    if add and looks_like_source(ref):
        article = load(ref)
        return library.add_article(article), article
    raise ReaderError(f"{clean_line(ref)}: not in the library (and not a file); add it with 'reader add'")


def current_text(library: Library, record: ArticleRecord) -> str:
    """The article's text as it is now: read from its source, or the copy stored with it."""
    stored = library.stored_text(record.id)
    if stored is not None:
        return stored
    return load(record.source).text
