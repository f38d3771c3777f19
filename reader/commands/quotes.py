"""``reader quotes [--speaker NAME] [--tag T] [--json]``: quotes across the library with their article."""

from __future__ import annotations

import argparse
import sys

import orjson

from reader.commands import _args
from reader.commands._library import open_library
from reader.errors import ReaderError
from reader.sanitize import clean_line


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """A speaker, a tag filter, JSON."""
    parser.add_argument("--speaker", type=_args.nonempty, metavar="NAME", help='only this speaker (merged: "Lavrov" finds "Sergei Lavrov")')
    parser.add_argument("--tag", type=_args.tag, metavar="TAG", help="only articles with this tag")
    parser.add_argument("--json", action="store_true", help="print a JSON list of quotes")


def run(args: argparse.Namespace) -> int:
    """Print the quotes, by article, each with its speaker and kind."""
    from reader.commands.speakers import progress_printer, warn_unread
    from reader.services.speakers import find_speaker, library_quotes_of, no_such_speaker

    library = open_library(args)
    records = library.articles(tag=args.tag, sort="title")
    problems: list[str] = []
    quotes, speakers = library_quotes_of(library, records, progress=progress_printer(True), problems=problems)
    warn_unread(problems)
    if args.speaker is not None:
        speaker = find_speaker(speakers, args.speaker)
        if speaker is None:
            raise ReaderError(no_such_speaker(speakers, args.speaker))
        quotes = [q for q in quotes if q.person == speaker.name]
    if args.json:
        sys.stdout.write(orjson.dumps([q.to_json() for q in quotes], option=orjson.OPT_INDENT_2).decode() + "\n")
        return 0
    title = None
    for quote in quotes:
        if quote.title != title:
            title = quote.title
            print(f"{quote.article}  {clean_line(title)}")
        who = clean_line(quote.person) if quote.person else "(unattributed)"
        text = " ".join(clean_line(quote.text).split())
        print(f"  [{quote.kind}] {who}: {text}")
    return 0
