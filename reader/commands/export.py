"""``reader export [PATH|ID ...] [--all] [--format md|json] [--out DIR|-] [--force]``."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

from reader.errors import ReaderError, UsageError

JSON_FILE = "reader-export.json"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the command's arguments."""
    parser.add_argument("articles", nargs="*", metavar="PATH|ID", help="articles to export (by path, URL or id)")
    parser.add_argument("--all", action="store_true", help="export every article in the library that has notes")
    parser.add_argument("--format", choices=("md", "json"), default="md", help="markdown files (default) or JSON")
    parser.add_argument("--out", metavar="DIR|-", default=".",
                        help="folder to write into (default: the current folder), or - for standard output")
    parser.add_argument("--force", action="store_true", help="replace files at the target that reader did not write")


def exported_now() -> str:
    """The export time, ISO 8601 in UTC to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def run(args: argparse.Namespace) -> int:
    """Export the chosen articles; print each file written (or the export itself with --out -)."""
    from reader.commands._library import open_library, resolve_article
    from reader.export import export_file_name, render_json, render_markdown, write_export
    from reader.export.collect import collect

    if not args.articles and not args.all:
        raise UsageError("export: name the articles to export, or use --all")
    library = open_library(args)
    if args.all:
        counts = library.note_counts()
        records = [r for r in library.articles(sort="title") if counts.get(r.id)]
    else:
        records = [resolve_article(library, ref, add=False)[0] for ref in args.articles]
    exported = exported_now()
    articles = [collect(library, record) for record in records]
    to_stdout = args.out == "-"
    if args.format == "json":
        document = json.dumps(render_json(articles, exported), ensure_ascii=False, indent=2) + "\n"
        if to_stdout:
            sys.stdout.write(document)
            return 0
        folder = Path(args.out).expanduser()
        path = folder / JSON_FILE
        if path.exists() and not args.force and not _is_our_json(path):
            raise ReaderError(f"{path}: exists and was not written by reader; use --force to replace it")
        write_export(folder, JSON_FILE, document, "", force=True, check_owner=False)
        print(path)
        return 0
    if to_stdout:
        sys.stdout.write("\n".join(render_markdown(a, exported) for a in articles))
        return 0
    folder = Path(args.out).expanduser()
    for article in articles:
        path = write_export(folder, export_file_name(article.title, article.id), render_markdown(article, exported),
                            article.id, force=args.force)
        print(path)
    if not articles:
        print("reader: no notes to export", file=sys.stderr)
    return 0


def _is_our_json(path: Path) -> bool:
    try:
        with path.open(encoding="utf-8") as handle:
            return json.load(handle).get("format") == "reader-export"
    except (OSError, ValueError, AttributeError):
        return False
