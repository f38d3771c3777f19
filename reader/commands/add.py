"""``reader add PATH|URL ...``: add articles to the library and print each id, one per line."""

from __future__ import annotations

import argparse
import sys

from reader.commands import _args
from reader.commands._library import open_library
from reader.document import Article, is_url, load
from reader.errors import ReaderError
from reader.services.loading import check_not_empty


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Sources to add, and optional tags for all of them."""
    parser.add_argument("sources", nargs="+", metavar="PATH|URL",
                        help="article files, folders of them, or URLs (adding twice is not an error)")
    parser.add_argument("--tag", action="append", default=[], type=_args.tag, metavar="TAG", help="tag every article added")


def run(args: argparse.Namespace) -> int:
    """Load every source, save them in one go, then print the ids (so a printed id is saved)."""
    from reader.document.sources import collect_sources

    library = open_library(args)
    failed = False
    articles: list[Article] = []
    for raw in args.sources:
        if raw == "-":
            raise ReaderError("standard input cannot be added to the library; save it to a file first")
        try:
            for source in collect_sources([raw]):
                articles.append(check_not_empty(load(source), source))
        except ReaderError as exc:
            print(f"reader: {exc}", file=sys.stderr)
            failed = True
    # Web pages are kept whole (text and structure) so they open offline and keep their notes' anchors.
    with library.batch():
        records = [library.add_article(article, tags=args.tag, store_text=is_url(article.source))
                   for article in articles]
    for record in records:
        print(record.id)
    return 1 if failed else 0
