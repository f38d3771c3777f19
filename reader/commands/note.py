"""``reader note add PATH|ID --quote TEXT [--note TEXT] [--tag TAG ...]``: note a passage."""

from __future__ import annotations

import argparse

from reader.commands import _args
from reader.commands._library import current_text, open_library, resolve_article
from reader.errors import ReaderError
from reader.sanitize import clean_line, clean_text
from reader.store import find_quote


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Subcommands: ``add``."""
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = actions.add_parser("add", help="add a note on a passage quoted from the article")
    add.add_argument("article", type=_args.nonempty, metavar="PATH|ID", help="an article in the library, or a file to add")
    add.add_argument("--quote", required=True, type=_args.nonempty, metavar="TEXT", help="the passage; it must occur in the article")
    add.add_argument("--note", default="", metavar="TEXT", help="the note's text")
    add.add_argument("--tag", action="append", default=[], type=_args.tag, metavar="TAG", help="a tag (repeatable)")
    # Options after 'add' are parsed by this subparser, so it needs the global --db as well.
    add.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                     help="the library file (default: $READER_DB or the platform data folder)")


def run(args: argparse.Namespace) -> int:
    """Find the quote in the article's current text, save the note, print its id once it is on disk."""
    library = open_library(args)
    record, article = resolve_article(library, args.article, add=True)
    text = article.text if article is not None else current_text(library, record)
    quote = clean_text(args.quote)
    span = find_quote(text, quote)
    if span is None:
        shown = clean_line(quote)
        shown = shown if len(shown) <= 60 else shown[:57] + "..."
        raise ReaderError(f"the quote {shown!r} does not occur in {clean_line(record.title)!r} ({record.source})")
    note = library.add_note(record.id, span[0], span[1], text, note=args.note, tags=args.tag)
    print(note.id)
    return 0
