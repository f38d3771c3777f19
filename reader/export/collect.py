"""Gather what an export needs from the library, the article's current text and its analysis."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

from reader.export.model import ExportArticle, ExportNote


def speaker_for(start: int, end: int, quotes: Sequence[Any]) -> str | None:
    """The speaker of the attributed quote a passage lies in (or mostly overlaps), if any."""
    best: tuple[int, str] | None = None
    length = max(1, end - start)
    for quote in quotes:
        if quote.speaker is None or quote.end <= start or quote.start >= end:
            continue
        overlap = min(end, quote.end) - max(start, quote.start)
        inside = quote.start <= start and end <= quote.end
        if (inside or overlap * 2 >= length) and (best is None or overlap > best[0]):
            best = (overlap, quote.speaker)
    return best[1] if best else None


def build_export_article(record: Any, notes: Sequence[Any], analysis: Any | None) -> ExportArticle:
    """An :class:`ExportArticle` from a library record, its (re-anchored) notes and an analysis."""
    quotes = list(analysis.quotes) if analysis is not None else []
    speakers: list[tuple[str, int]] = []
    if analysis is not None:
        speakers = [(name, sum(counts.values())) for name, counts in analysis.speakers()]
    meta = record.metadata
    export_notes = [
        ExportNote(
            id=n.id, quote=n.quote, note=n.note, tags=list(n.tags), start=n.start, end=n.end,
            status=str(n.status), prefix=n.prefix, suffix=n.suffix, created=n.created, updated=n.updated,
            speaker=speaker_for(n.start, n.end, quotes) if str(n.status) != "orphaned" else None,
        )
        for n in notes
    ]
    return ExportArticle(
        id=record.id, title=record.title, source=record.source, tags=list(record.tags),
        author=meta.get("author", ""), site=meta.get("site", ""), published=meta.get("published", ""),
        speakers=speakers, notes=export_notes,
    )


def collect(library: Any, record: Any) -> ExportArticle:
    """Load the article's current text, re-anchor its notes, analyse it, and build its export.

    An article whose source can no longer be read is still exported from what the library
    knows (notes with their last known quotes), with a warning on stderr.
    """
    from reader.commands._library import current_text
    from reader.errors import ReaderError

    try:
        text = current_text(library, record)
    except ReaderError as exc:
        print(f"reader: warning: {exc}; exporting its notes as last saved", file=sys.stderr)
        return build_export_article(record, library.notes_for(record.id), None)
    from reader.analysis import analyze

    return build_export_article(record, library.notes_for(record.id, text), analyze(text))
