"""``reader list [--tag TAG] [--unread] [--archived] [--json]``: the articles in the library.

Archived articles are left out unless ``--archived`` asks for them (then only they are listed).
"""

from __future__ import annotations

import argparse
import sys

import orjson

from reader.commands import _args
from reader.commands._library import open_library
from reader.sanitize import clean_line
from reader.store.library import SORTS


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Filter by tag, choose the order, or print JSON."""
    parser.add_argument("--tag", type=_args.tag, metavar="TAG", help="only articles with this tag")
    parser.add_argument("--sort", choices=SORTS, default="added", help="order (default: newest added first)")
    parser.add_argument("--unread", action="store_true", help="only articles not read yet")
    parser.add_argument("--archived", action="store_true", help="only archived articles (hidden otherwise)")
    parser.add_argument("--json", action="store_true", help="print a JSON list of articles")


def run(args: argparse.Namespace) -> int:
    """Print one line per article (id, title, tags, notes, source) or a JSON list."""
    library = open_library(args)
    records = library.articles(tag=args.tag, sort=args.sort, unread=True if args.unread else None,
                               archived=args.archived)
    counts = library.note_counts()
    if args.json:
        sys.stdout.write(orjson.dumps([r.to_json(notes=counts.get(r.id, 0)) for r in records],
                                      option=orjson.OPT_INDENT_2).decode() + "\n")
        return 0
    for record in records:
        parts = [record.id, clean_line(record.title)]
        if record.tags:
            parts.append(" ".join(f"#{clean_line(t)}" for t in record.tags))
        notes = counts.get(record.id, 0)
        if notes:
            parts.append(f"{notes} note{'s' if notes != 1 else ''}")
        parts.append(clean_line(record.source))
        print("  ".join(parts))
    return 0
