"""Shared by the library commands (add, list, tag, note, notes, export): the library named by
``--db``, and the article a command line names (see :mod:`reader.services.library`)."""

from __future__ import annotations

import argparse

from reader.document import Article, load
from reader.errors import ReaderError
from reader.sanitize import clean_line
from reader.services.library import current_text, find_article, looks_like_source
from reader.services.library import open_library as open_library_file
from reader.store import ArticleRecord, Library

__all__ = ["current_text", "find_article", "looks_like_source", "open_library", "resolve_article"]


def open_library(args: argparse.Namespace) -> Library:
    """The library chosen with --db / READER_DB, or the default one."""
    return open_library_file(getattr(args, "db", None))


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
