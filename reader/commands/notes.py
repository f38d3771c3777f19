"""``reader notes [PATH|ID] [--tag T] [--json]``: passage notes, re-anchored against each article's current
text, and article-level notes (``"article_level": true`` in JSON)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

import orjson

from reader.commands import _args
from reader.commands._library import find_article, open_library
from reader.errors import ReaderError
from reader.sanitize import clean_line, clean_text
from reader.services.notes_index import NoteText, article_note_texts, note_texts
from reader.services.texts import article_texts
from reader.store import ArticleRecord, Note, normalize_tag


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Optionally one article; optionally JSON."""
    parser.add_argument("article", nargs="?", type=_args.nonempty, metavar="PATH|ID", help="only this article's notes")
    parser.add_argument("--tag", type=_args.tag, metavar="TAG", help="only notes with this tag (and the article-level notes "
                                                     "of articles with it)")
    parser.add_argument("--json", action="store_true", help="print a JSON list of notes")


def run(args: argparse.Namespace) -> int:
    """Print the notes (text or JSON), grouped by article: its article-level note first, then the
    passage notes in text order.

    Notes of an article whose text is unchanged since they were last anchored are printed as
    saved (read as light rows); only the articles whose text changed are re-anchored.
    """
    library = open_library(args)
    if args.article is not None:
        record = find_article(library, args.article)
        if record is None:
            raise ReaderError(f"{clean_line(args.article)}: not in the library")
        records = [record]
    else:
        records = library.articles(sort="title")
    wanted = normalize_tag(args.tag) if args.tag is not None else None
    by_article: dict[str, list[NoteText]] = {}
    for row in note_texts(library):
        if wanted is None or wanted in row.tags:
            by_article.setdefault(row.article, []).append(row)
    # An article-level note has no tags of its own: with --tag, those of articles with the tag.
    whole = {row.article: row for row in article_note_texts(library)}
    records = [r for r in records if by_article.get(r.id) or (r.id in whole and (wanted is None or wanted in r.tags))]
    texts = article_texts(library, [r for r in records if by_article.get(r.id)])
    for problem in texts.problems:
        print(f"reader: {problem} (its notes are shown where they were last found)", file=sys.stderr)
    rows: list[tuple[ArticleRecord, NoteText | Note]] = []
    for record in records:
        if record.id in whole and (wanted is None or wanted in record.tags):
            rows.append((record, whole[record.id]))
        light = by_article.get(record.id)
        if not light:
            continue
        text = texts.by_id.get(record.id)
        if text is None or text.hash == record.text_hash:
            notes: list[NoteText] | list[Note] = sorted(light, key=lambda n: (n.start, n.end, n.created))
        else:
            keep = {n.id for n in light}
            notes = [n for n in library.notes_for(record.id, text.text) if n.id in keep]
        rows.extend((record, note) for note in notes)
    if args.json:
        out: list[dict[str, Any]] = [{**note.to_json(), "source": record.source, "title": record.title,
                                      "article_level": _article_level(note)} for record, note in rows]
        sys.stdout.write(orjson.dumps(out, option=orjson.OPT_INDENT_2).decode() + "\n")
        return 0
    lines: list[str] = []
    for record, note in rows:
        if _article_level(note):
            lines.append(f"{note.id}  article-level  {clean_line(record.title)}")
        else:
            lines.append(f"{note.id}  {note.status}  {clean_line(record.title)}  [{note.start}-{note.end}]")
            lines.append(f"  \u201c{clean_line(note.quote)}\u201d")
        lines.extend(f"    {line}" for line in clean_text(note.note).splitlines())
        if note.tags:
            lines.append("  " + " ".join(f"#{clean_line(t)}" for t in note.tags))
    if lines:
        sys.stdout.write("\n".join(lines) + "\n")
    return 0


def _article_level(note: NoteText | Note) -> bool:
    """True for a note on the whole article (only the library-wide rows, :class:`NoteText`, hold one)."""
    return isinstance(note, NoteText) and note.article_level
