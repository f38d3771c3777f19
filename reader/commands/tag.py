"""``reader tag PATH|ID TAG ... [--remove]``: add tags to an article (or remove them)."""

from __future__ import annotations

import argparse

from reader.commands import _args
from reader.commands._library import open_library, resolve_article
from reader.sanitize import clean_line


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The article and the tags."""
    parser.add_argument("article", type=_args.nonempty, metavar="PATH|ID", help="an article in the library, or a file to add")
    parser.add_argument("tags", nargs="+", type=_args.tag, metavar="TAG", help="tags ('#' and spaces are dropped)")
    parser.add_argument("--remove", action="store_true", help="remove these tags instead")


def run(args: argparse.Namespace) -> int:
    """Change the tags and print the article id with its tags now."""
    library = open_library(args)
    record, _ = resolve_article(library, args.article, add=not args.remove)
    if args.remove:
        record = library.untag_article(record.id, args.tags)
    else:
        record = library.tag_article(record.id, args.tags)
    print("\t".join([record.id, " ".join(clean_line(t) for t in record.tags)]))
    return 0
