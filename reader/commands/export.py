"""``reader export [PATH|ID ...] [--all] [--format md|json] [--out DIR|-] [--force]``,
``reader export --speaker NAME [--tag T]`` and ``reader export --corrections``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from reader.commands import _args
from reader.errors import ReaderError, UsageError

CORRECTIONS_FILE = "reader-corrections.json"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the command's arguments."""
    parser.add_argument("articles", nargs="*", type=_args.nonempty, metavar="PATH|ID", help="articles to export (by path, URL or id)")
    parser.add_argument("--all", action="store_true",
                        help="export every article in the library that has notes or tags")
    parser.add_argument("--format", choices=("md", "json"), default="md", help="markdown files (default) or JSON")
    parser.add_argument("--out", type=_args.nonempty, metavar="DIR|-", default=".",
                        help="folder to write into (default: the current folder), or - for standard output")
    parser.add_argument("--force", action="store_true", help="replace files at the target that reader did not write")
    parser.add_argument("--speaker", type=_args.nonempty, metavar="NAME", help="one file of this speaker's quotes across articles")
    parser.add_argument("--tag", type=_args.tag, metavar="TAG", help="with --speaker or --all: only articles with this tag")
    parser.add_argument("--corrections", action="store_true",
                        help=f"write every correction as JSON ({CORRECTIONS_FILE}), data a later engine can learn from")


def run(args: argparse.Namespace) -> int:
    """Export the chosen articles; print each file written (or the export itself with --out -)."""
    from reader.commands._library import open_library, resolve_article

    modes = sum([bool(args.articles) or args.all, args.speaker is not None, args.corrections])
    if modes == 0:
        raise UsageError("export: name the articles to export, or use --all, --speaker NAME or --corrections")
    if modes > 1:
        raise UsageError("export: articles (or --all), --speaker and --corrections go one at a time")
    library = open_library(args)
    if args.corrections:
        return _export_corrections(library, args)
    if args.speaker is not None:
        return _export_speaker(library, args)
    from reader.export import render_json, render_markdown
    from reader.export.writing import exported_now
    from reader.services.exports import collect, write_articles

    if args.all:
        counts = library.note_counts()
        records = [r for r in library.articles(sort="title", tag=args.tag) if counts.get(r.id) or r.tags]
    else:
        records = [resolve_article(library, ref, add=False)[0] for ref in args.articles]
    exported = exported_now()
    collected = collect(library, records)
    for warning in collected.warnings:
        print(f"reader: warning: {warning}", file=sys.stderr)
    articles = collected.articles
    if args.out == "-":
        if args.format == "json":
            sys.stdout.write(json.dumps(render_json(articles, exported), ensure_ascii=False, indent=2) + "\n")
        else:
            sys.stdout.write("\n".join(render_markdown(a, exported) for a in articles))
        return 0
    folder = Path(args.out).expanduser()
    paths = write_articles(articles, folder, fmt=args.format, force=args.force, exported=exported)
    for path in paths:
        print(path)
    if not articles:
        print("reader: no notes to export", file=sys.stderr)
    return 0


def _write_or_print(args: argparse.Namespace, name: str, content: str, ident: str) -> int:
    from reader.export.files import existing_exports, write_export

    if args.out == "-":
        sys.stdout.write(content)
        return 0
    folder = Path(args.out).expanduser()
    known = existing_exports(folder, Path(name).suffix).get(ident) if folder.is_dir() else None
    path = write_export(folder, known.name if known is not None else name, content, ident, force=args.force,
                        check_owner=not name.endswith(".json"))
    print(path)
    return 0


def _export_speaker(library: Any, args: argparse.Namespace) -> int:
    from reader.export.files import title_file_name
    from reader.export.speaker_export import SpeakerQuote, render_speaker_markdown, speaker_export_id
    from reader.export.writing import exported_now
    from reader.services.speakers import find_speaker, library_quotes_of, no_such_speaker

    if args.format != "md":
        raise UsageError("export: --speaker writes markdown only")
    quotes, speakers = library_quotes_of(library, library.articles(tag=args.tag, sort="title"))
    speaker = find_speaker(speakers, args.speaker)
    if speaker is None:
        raise ReaderError(no_such_speaker(speakers, args.speaker))
    mine = [SpeakerQuote(q.text, q.kind, q.title, q.source, q.article) for q in quotes if q.person == speaker.name]
    aliases = sorted(speaker.aliases - {speaker.name}, key=str.casefold)
    content = render_speaker_markdown(speaker.name, aliases, mine, exported_now())
    return _write_or_print(args, title_file_name(f"{speaker.name} - quotes"), content,
                           speaker_export_id(speaker.name))


def _export_corrections(library: Any, args: argparse.Namespace) -> int:
    from reader.export.writing import exported_now
    from reader.services.analysis_cache import engine_version
    from reader.store.corrections import Corrections

    records = {r.id: r for r in library.articles()}
    rows = []
    for correction in Corrections(library).all():
        record = records.get(correction.article)
        rows.append({**correction.to_json(), "title": record.title if record else None,
                     "source": record.source if record else None})
    document = {"format": "reader-corrections", "version": 1, "exported": exported_now(),
                "engine": engine_version(), "corrections": rows}
    content = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    if args.out != "-":
        path = Path(args.out).expanduser() / CORRECTIONS_FILE
        if path.exists() and not args.force:
            try:
                ours = json.loads(path.read_text(encoding="utf-8")).get("format") == "reader-corrections"
            except (OSError, ValueError, AttributeError):
                ours = False
            if not ours:
                raise ReaderError(f"{path}: exists and was not written by reader; use --force to replace it")
    return _write_or_print(args, CORRECTIONS_FILE, content, "")
