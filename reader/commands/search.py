"""``reader search QUERY [--tag T] [--json]``: search text, titles, notes and tags of the library."""

from __future__ import annotations

import argparse
import sys

import orjson

from reader.commands import _args
from reader.commands._library import open_library
from reader.errors import UsageError
from reader.sanitize import clean_line


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The query, a tag filter, JSON."""
    parser.add_argument("query", metavar="QUERY", help='words and "phrases in quotes" (case and accents ignored)')
    parser.add_argument("--tag", type=_args.tag, metavar="TAG", help="only articles with this tag")
    parser.add_argument("--limit", type=int, default=None, metavar="N", help="at most N articles")
    parser.add_argument("--json", action="store_true", help="print a JSON list of results")


def run(args: argparse.Namespace) -> int:
    """Print the matching articles, best first, each with where it matched."""
    from reader.services.fold import parse_query
    from reader.services.search_index import search

    if not parse_query(args.query):
        raise UsageError("search: the query has no words")
    library = open_library(args)
    problems: list[str] = []
    results = search(library, args.query, tag=args.tag, limit=args.limit, problems=problems)
    for problem in problems:
        print(f"reader: warning: {problem}; searched its title, notes and tags only", file=sys.stderr)
    if args.json:
        sys.stdout.write(orjson.dumps([r.to_json() for r in results], option=orjson.OPT_INDENT_2).decode() + "\n")
        return 0
    for result in results:
        print(f"{result.id}  {clean_line(result.title)}")
        for match in result.matches:
            where = f"{match.field} {match.start}-{match.end}" if match.start >= 0 and match.field == "text" else match.field
            if match.note is not None:
                where = f"note {match.note}"
            print(f"  [{where}] {clean_line(match.snippet)}")
    if not results:
        print("reader: nothing matches", file=sys.stderr)
    return 0
