"""Everything as JSON, with the W3C anchoring selectors, so a later import can restore it."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from reader.export.model import ExportArticle, ExportNote

FORMAT_VERSION = 1


def note_to_dict(note: ExportNote) -> dict[str, Any]:
    """A note with its Web Annotation selectors (TextQuoteSelector and TextPositionSelector)."""
    data = asdict(note)
    data["selectors"] = [
        {"type": "TextQuoteSelector", "exact": note.quote, "prefix": note.prefix, "suffix": note.suffix},
        {"type": "TextPositionSelector", "start": note.start, "end": note.end},
    ]
    return data


def render_json(articles: list[ExportArticle], exported: str) -> dict[str, Any]:
    """The export document: format version, time, and every article with its notes."""
    out: list[dict[str, Any]] = []
    for article in articles:
        data = asdict(article)
        data["speakers"] = [{"name": name, "quotes": count} for name, count in article.speakers]
        data["notes"] = [note_to_dict(n) for n in sorted(article.notes, key=lambda n: (n.start, n.end))]
        out.append(data)
    return {"format": "reader-export", "version": FORMAT_VERSION, "exported": exported, "articles": out}


def articles_from_json(document: dict[str, Any]) -> list[ExportArticle]:
    """Read an export document back (the inverse of :func:`render_json`)."""
    articles = []
    for data in document.get("articles", []):
        notes = []
        for raw in data.get("notes", []):
            fields = {k: v for k, v in raw.items() if k in ExportNote.__dataclass_fields__}
            notes.append(ExportNote(**fields))
        fields = {k: v for k, v in data.items() if k in ExportArticle.__dataclass_fields__ and k not in ("notes", "speakers")}
        fields["speakers"] = [(s["name"], s["quotes"]) for s in data.get("speakers", [])]
        articles.append(ExportArticle(**fields, notes=notes))
    return articles
