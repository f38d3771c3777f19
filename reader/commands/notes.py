"""``reader notes [PATH|ID] [--json]``: notes, re-anchored against each article's current text."""

from __future__ import annotations

import argparse
import sys
from typing import Any

import orjson

from reader.commands._library import find_article, open_library
from reader.errors import ReaderError
from reader.sanitize import clean_line, clean_text
from reader.services.texts import article_texts
from reader.store import ArticleRecord, Note, reanchor


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Optionally one article; optionally JSON."""
    parser.add_argument("article", nargs="?", metavar="PATH|ID", help="only this article's notes")
    parser.add_argument("--tag", metavar="TAG", help="only notes with this tag")
    parser.add_argument("--json", action="store_true", help="print a JSON list of notes")


def run(args: argparse.Namespace) -> int:
    """Print the notes (text or JSON), grouped by article in text order."""
    library = open_library(args)
    if args.article is not None:
        record = find_article(library, args.article)
        if record is None:
            raise ReaderError(f"{clean_line(args.article)}: not in the library")
        records = [record]
    else:
        records = library.articles(sort="title")
    by_article: dict[str, list[Note]] = {}
    for note in library.all_notes(tag=args.tag):
        by_article.setdefault(note.article, []).append(note)
    rows: list[tuple[ArticleRecord, Note]] = []
    noted = [r for r in records if by_article.get(r.id)]
    texts = article_texts(library, noted)
    for problem in texts.problems:
        print(f"reader: {problem} (its notes are shown where they were last found)", file=sys.stderr)
    for record in noted:
        notes = by_article[record.id]
        text = texts.by_id.get(record.id)
        if text is None or text.hash == record.text_hash:
            anchored = notes  # unchanged since the notes were last anchored (and saved) against it
        else:
            anchored = sorted(reanchor(notes, text.text), key=lambda n: (n.start, n.end, n.created))
        if args.tag is not None:
            wanted = {n.id for n in notes}
            anchored = [n for n in anchored if n.id in wanted]
        rows.extend((record, note) for note in anchored)
    if args.json:
        out: list[dict[str, Any]] = [{**note.to_json(), "source": record.source, "title": record.title}
                                     for record, note in rows]
        sys.stdout.write(orjson.dumps(out, option=orjson.OPT_INDENT_2).decode() + "\n")
        return 0
    lines: list[str] = []
    for record, note in rows:
        lines.append(f"{note.id}  {note.status}  {clean_line(record.title)}  [{note.start}-{note.end}]")
        lines.append(f"  \u201c{clean_line(note.quote)}\u201d")
        lines.extend(f"    {line}" for line in clean_text(note.note).splitlines())
        if note.tags:
            lines.append("  " + " ".join(f"#{clean_line(t)}" for t in note.tags))
    if lines:
        sys.stdout.write("\n".join(lines) + "\n")
    return 0
