"""What an export needs from the library: current texts (cached), notes re-anchored, and the
analysis as every view shows it (cached, with the user's corrections laid over it)."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from reader.export.collect import build_export_article
from reader.export.model import ExportArticle
from reader.services.article_analysis import article_analysis
from reader.services.texts import article_texts
from reader.store import reanchor

if TYPE_CHECKING:
    from reader.store import ArticleRecord, Library


def collect_articles(library: Library, records: Sequence[ArticleRecord], *, warn: bool = True) -> list[ExportArticle]:
    """One :class:`ExportArticle` per record. An article whose source cannot be read is still
    exported from what the library knows (notes as last saved), with a warning on stderr."""
    from dataclasses import replace

    from reader.store.article_notes import ArticleNotes

    article_notes = ArticleNotes(library).all()
    texts = article_texts(library, records)
    if warn:
        for problem in texts.problems:
            print(f"reader: warning: {problem}; exporting its notes as last saved", file=sys.stderr)
    out: list[ExportArticle] = []
    for record in records:
        notes = library.notes_for(record.id)
        text = texts.by_id.get(record.id)
        if text is None:
            built = build_export_article(record, notes, None)
        else:
            anchored = sorted(reanchor(notes, text.text), key=lambda n: (n.start, n.end))
            built = build_export_article(record, anchored, article_analysis(library, record.id, text.text))
        out.append(replace(built, note=article_notes.get(record.id, "")))
    return out
