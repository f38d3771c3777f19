"""``reader analyze PATH [--json] [--engine rules|spacy]``: who is named and who said what.

The plain form lists speakers with their quotes, then entities by kind; ``--json`` prints the
evaluation shape (title, text, entities, quotes with offsets into text). Article text is printed
as plain text only, never interpreted as markup.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TextIO

from reader.analysis.model import Analysis
from reader.errors import ReaderError

_KIND_ORDER = ("PERSON", "ORG", "PLACE", "NORP")
_KIND_TITLES = {"PERSON": "People", "ORG": "Organisations", "PLACE": "Places", "NORP": "Groups and nationalities"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``reader analyze``."""
    parser.add_argument("path", metavar="PATH|URL|-", help="the article to analyse")
    parser.add_argument("--json", action="store_true", help="print JSON (title, text, entities, quotes)")
    parser.add_argument("--engine", choices=("rules", "spacy"), default="rules",
                        help="rules (default, built in) or spacy (needs the article-reader[spacy] extra and a model)")


def run(args: argparse.Namespace) -> int:
    """Load the article, analyse it and print the result."""
    from reader.document import load

    article = load(args.path)
    if args.engine == "spacy":
        from reader.analysis.spacy_engine import SpacyUnavailable, analyze_spacy

        try:
            result = analyze_spacy(article.text)
        except SpacyUnavailable as exc:
            raise ReaderError(str(exc)) from None
    else:
        from reader.analysis import analyze

        result = analyze(article.text)
    if args.json:
        json.dump(result.to_json(article.title, article.text), sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        print_summary(result, article.title, sys.stdout)
    return 0


def _one_line(text: str, limit: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def print_summary(result: Analysis, title: str, out: TextIO) -> None:
    """Speakers with their quotes, then entities grouped by kind."""
    out.write(f"{_one_line(title)}\n\n")
    speakers = result.speakers()
    out.write("Speakers\n" if speakers else "Speakers: none found\n")
    for name, counts in speakers:
        summary = ", ".join(f"{n} {kind}" for kind, n in counts.items())
        out.write(f"  {name} ({summary})\n")
        for quote in result.quotes_by(name):
            out.write(f"    [{quote.kind}] {_one_line(quote.text)}\n")
    unattributed = [q for q in result.quotes if not q.speaker]
    if unattributed:
        out.write("  (unattributed)\n")
        for quote in unattributed:
            out.write(f"    [{quote.kind}] {_one_line(quote.text)}\n")
    out.write("\n")
    for label in _KIND_ORDER:
        groups = [g for g in result.groups.values() if g.label == label]
        if not groups:
            continue
        groups.sort(key=lambda g: (-len(g.mentions), g.name.casefold()))
        out.write(f"{_KIND_TITLES[label]}\n")
        for group in groups:
            forms = sorted({m.text for m in group.mentions} - {group.name})
            also = f" (also: {', '.join(forms)})" if forms else ""
            out.write(f"  {group.name}: {len(group.mentions)}{also}\n")
