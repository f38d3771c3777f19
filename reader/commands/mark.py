"""``reader mark PATH|ID read|unread|archived``: set an article's reading state (or ``unarchived``)."""

from __future__ import annotations

import argparse

from reader.commands import _args
from reader.commands._library import open_library, resolve_article
from reader.sanitize import clean_line
from reader.store.library import STATES


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The article and the state."""
    parser.add_argument("article", type=_args.nonempty, metavar="PATH|ID", help="an article in the library")
    parser.add_argument("state", choices=STATES, help="read, unread, archived (hidden from the list) or unarchived")


def run(args: argparse.Namespace) -> int:
    """Save the state and print the article id with its state now."""
    library = open_library(args)
    record, _ = resolve_article(library, args.article, add=False)
    record = library.mark(record.id, args.state)
    state = ("read" if record.read else "unread") + (" archived" if record.archived else "")
    print("\t".join([record.id, state, clean_line(record.title)]))
    return 0
