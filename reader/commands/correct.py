"""``reader correct PATH|ID --quote TEXT --speaker NAME`` (or ``--no-speaker``, ``--not-a-quote``),
``reader correct PATH|ID --entity NAME --kind PERSON|ORG|PLACE|NORP`` (or ``--not-an-entity``),
``--remove ID``.

Corrections are kept in the library and laid over every later analysis of the article, in the
app, the CLI and exports; ``reader export --corrections`` writes them all as JSON.
"""

from __future__ import annotations

import argparse
import re
import sys

import orjson

from reader.commands import _args
from reader.commands._library import current_text, open_library, resolve_article
from reader.errors import ReaderError, UsageError
from reader.sanitize import clean_line, clean_text
from reader.store import find_quote
from reader.store.corrections import ENTITY_LABELS, NOT_AN_ENTITY, Corrections


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The article, then what to correct."""
    parser.add_argument("article", type=_args.nonempty, metavar="PATH|ID", help="an article in the library, or a file to add")
    parser.add_argument("--quote", type=_args.nonempty, metavar="TEXT", help="the quoted passage; it must occur in the article")
    what = parser.add_mutually_exclusive_group()
    what.add_argument("--speaker", metavar="NAME", help="who said it")
    what.add_argument("--no-speaker", action="store_true", help="nobody known said it (clear the speaker)")
    what.add_argument("--not-a-quote", action="store_true", help="the passage is not a quote at all")
    parser.add_argument("--entity", metavar="NAME", help="a name in the article whose kind is wrong")
    kind = parser.add_mutually_exclusive_group()
    kind.add_argument("--kind", choices=ENTITY_LABELS, type=str.upper, help="the entity's right kind")
    kind.add_argument("--not-an-entity", action="store_true", help="the name is no entity at all")
    parser.add_argument("--remove", type=_args.nonempty, metavar="CORRECTION_ID", help="delete a correction")
    parser.add_argument("--json", action="store_true", help="print the correction as JSON")


def _shown(text: str) -> str:
    line = clean_line(text)
    return line if len(line) <= 60 else line[:57] + "..."


def run(args: argparse.Namespace) -> int:
    """Save the correction and print its id once it is on disk."""
    quote_fix = args.speaker is not None or args.no_speaker or args.not_a_quote
    if args.remove is None and args.entity is None and args.quote is None:
        raise UsageError("correct: give --quote TEXT with --speaker NAME, --no-speaker or --not-a-quote; "
                         "or --entity NAME with --kind KIND or --not-an-entity; or --remove ID")
    if args.quote is not None and not quote_fix:
        raise UsageError("correct: --quote needs --speaker NAME, --no-speaker or --not-a-quote")
    if quote_fix and args.quote is None:
        raise UsageError("correct: --speaker, --no-speaker and --not-a-quote need --quote TEXT")
    if (args.entity is None) != (args.kind is None and not args.not_an_entity):
        raise UsageError("correct: --entity NAME goes with --kind KIND or --not-an-entity")
    if args.remove is not None and (args.quote is not None or quote_fix or args.entity is not None):
        raise UsageError("correct: --remove ID goes alone (it deletes a correction, it makes none)")
    if args.entity is not None and not clean_line(args.entity):
        raise UsageError("correct: --entity is empty (give the name as it stands in the article)")
    if args.speaker is not None and not clean_line(args.speaker):
        raise UsageError("correct: --speaker is empty (use --no-speaker to clear a speaker)")
    library = open_library(args)
    corrections = Corrections(library)
    if args.remove is not None:
        gone = corrections.remove(args.remove)
        print(gone.id)
        return 0
    record, article = resolve_article(library, args.article, add=True)
    saved = None
    if args.quote is not None:
        text = article.text if article is not None else current_text(library, record)
        span = find_quote(text, clean_text(args.quote))
        if span is None:
            raise ReaderError(f"the quote {_shown(args.quote)!r} does not occur in {clean_line(record.title)!r} "
                              f"({record.source})")
        original = _engine_speaker(library, text, *span)
        saved = corrections.correct_quote(record.id, text, span[0], span[1], speaker=args.speaker,
                                          not_a_quote=args.not_a_quote, original=original)
    if args.entity is not None:
        text = article.text if article is not None else current_text(library, record)
        if not _names_in(library, text, args.entity):
            raise ReaderError(f"the name {_shown(args.entity)!r} does not occur in {clean_line(record.title)!r} "
                              f"({record.source})")
        saved = corrections.correct_entity(record.id, args.entity, NOT_AN_ENTITY if args.not_an_entity else args.kind)
    assert saved is not None
    if args.json:
        sys.stdout.write(orjson.dumps(saved.to_json(), option=orjson.OPT_INDENT_2).decode() + "\n")
    else:
        print(saved.id)
    return 0


def _names_in(library: object, text: str, name: str) -> bool:
    """Whether ``name`` is a name the analysis found or stands in ``text`` (case ignored, as the
    correction is applied; whitespace may differ, as across a line break). A name that is neither
    would be kept and never match anything: a typo said nothing before."""
    words = clean_line(name).split()
    if re.search(r"\s+".join(re.escape(word) for word in words), text, re.IGNORECASE):
        return True
    from reader.services.article_analysis import engine_analysis

    wanted = " ".join(words).casefold()
    mentions = engine_analysis(library, text).entities  # type: ignore[arg-type]
    return any(" ".join(m.entity.split()).casefold() == wanted for m in mentions)


def _engine_speaker(library: object, text: str, start: int, end: int) -> str | None:
    """What the engine said of the passage, kept with the correction as learning data."""
    from reader.services.article_analysis import engine_analysis
    from reader.services.exports import speaker_for

    return speaker_for(start, end, engine_analysis(library, text).quotes)  # type: ignore[arg-type]
