"""``reader retitle PATH|ID TITLE``: give an article a title of your own (or ``--reset`` it).

A file whose first line is not a headline gets its file name as title; this is the way to name
it properly. The title is kept when the article is opened or added again, and used everywhere
the article's title shows: the library, the tag dialog, the export's H1 and its file name.
"""

from __future__ import annotations

import argparse

from reader.commands import _args
from reader.commands._library import open_library, resolve_article
from reader.document import load
from reader.errors import UsageError
from reader.sanitize import clean_line


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The article and its new title."""
    parser.add_argument("article", type=_args.nonempty, metavar="PATH|ID", help="an article in the library, or a file to add")
    parser.add_argument("title", nargs="*", metavar="TITLE", help="the new title (several words are joined)")
    parser.add_argument("--reset", action="store_true", help="go back to the article's own headline")


def run(args: argparse.Namespace) -> int:
    """Change the title and print the article id with its title now."""
    title = clean_line(" ".join(args.title)).strip()
    if args.reset == bool(title):
        raise UsageError("give a TITLE, or --reset to go back to the article's own headline")
    library = open_library(args)
    record, _ = resolve_article(library, args.article, add=True)
    if title:
        record = library.retitle_article(record.id, title)
    else:
        library.retitle_article(record.id, None)
        stored = library.stored_article(record.id)
        record = library.add_article(stored if stored is not None else load(record.source),
                                     store_text=record.has_text)
    print("\t".join([record.id, clean_line(record.title)]))
    return 0
