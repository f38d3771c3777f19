"""``reader export [PATH|ID ...] [--all] [--format md|json] [--out DIR|-] [--force]``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from reader.errors import UsageError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the command's arguments."""
    parser.add_argument("articles", nargs="*", metavar="PATH|ID", help="articles to export (by path, URL or id)")
    parser.add_argument("--all", action="store_true", help="export every article in the library that has notes")
    parser.add_argument("--format", choices=("md", "json"), default="md", help="markdown files (default) or JSON")
    parser.add_argument("--out", metavar="DIR|-", default=".",
                        help="folder to write into (default: the current folder), or - for standard output")
    parser.add_argument("--force", action="store_true", help="replace files at the target that reader did not write")


def run(args: argparse.Namespace) -> int:
    """Export the chosen articles; print each file written (or the export itself with --out -)."""
    from reader.commands._library import open_library, resolve_article
    from reader.export import render_json, render_markdown
    from reader.export.writing import exported_now
    from reader.services.exports import collect, write_articles

    if not args.articles and not args.all:
        raise UsageError("export: name the articles to export, or use --all")
    library = open_library(args)
    if args.all:
        counts = library.note_counts()
        records = [r for r in library.articles(sort="title") if counts.get(r.id)]
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
