"""``reader speakers [--tag T] [--json]``: who is quoted across the library, merged across articles."""

from __future__ import annotations

import argparse
import sys

import orjson

from reader.commands import _args
from reader.commands._library import open_library
from reader.sanitize import clean_line


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """A tag filter, JSON."""
    parser.add_argument("--tag", type=_args.tag, metavar="TAG", help="only articles with this tag")
    parser.add_argument("--json", action="store_true", help="print a JSON list of speakers")


def progress_printer(enabled: bool):  # type: ignore[no-untyped-def]
    """A progress callback writing "analysing N/M" to stderr when it is a terminal."""
    if not enabled or not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        end = "\n" if done >= total else ""
        print(f"\rreader: analysing {done}/{total} articles", end=end, file=sys.stderr, flush=True)

    return show


def warn_unread(problems: list[str]) -> None:
    """One line on stderr per article that could not be read (its quotes are missing)."""
    for problem in problems:
        print(f"reader: warning: {problem}; its quotes are not counted", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    """Each speaker with direct, partial and reported quote counts and the number of articles."""
    from reader.services.speakers import library_quotes_of

    library = open_library(args)
    records = library.articles(tag=args.tag, sort="title")
    problems: list[str] = []
    _quotes, speakers = library_quotes_of(library, records, progress=progress_printer(True), with_quotes=False,
                                          problems=problems)
    warn_unread(problems)
    if args.json:
        sys.stdout.write(orjson.dumps([s.to_json() for s in speakers.values()],
                                      option=orjson.OPT_INDENT_2).decode() + "\n")
        return 0
    for speaker in speakers.values():
        counts = ", ".join(f"{speaker.counts[k]} {label}" for k, label in
                           (("direct", "direct"), ("partial", "partial"), ("indirect", "reported"))
                           if speaker.counts[k])
        articles = len(speaker.articles)
        also = sorted(speaker.aliases - {speaker.name}, key=str.casefold)
        aka = f"  (also: {', '.join(clean_line(a) for a in also)})" if also else ""
        print(f"{clean_line(speaker.name)}: {counts}; {articles} article{'s' if articles != 1 else ''}{aka}")
    return 0
