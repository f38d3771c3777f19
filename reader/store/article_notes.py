"""A note on a whole article, not tied to a passage (table ``article_notes``, one per article).

Kept in the library file like every note (atomic, locked saves); the table is additive, so a
library without it simply has no article notes and older readers ignore it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tinydb.table import Document

from reader.sanitize import clean_text
from reader.store import schema

if TYPE_CHECKING:
    from reader.store.library import Library

TABLE = "article_notes"


class ArticleNotes:
    """Article-level notes of one library."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self._table = library.table(TABLE)

    def get(self, article_id: str) -> str:
        """The article's note, or ""."""
        with self.library.storage.mutex:
            doc = self._table.get(doc_id=article_id)
        text = doc.get("note") if doc is not None else None
        return text if isinstance(text, str) else ""

    def all(self) -> dict[str, str]:
        """Every article note, by article id."""
        return {aid: note for aid, (note, _created, _updated) in self.records().items()}

    def records(self) -> dict[str, tuple[str, str, str]]:
        """Every article note with its created and updated dates, by article id."""
        out: dict[str, tuple[str, str, str]] = {}
        with self.library.storage.mutex:
            for aid, doc in self._table.raw().items():
                note, created, updated = doc.get("note"), doc.get("created"), doc.get("updated")
                if isinstance(note, str):
                    out[aid] = (note, created if isinstance(created, str) else "",
                                updated if isinstance(updated, str) else "")
        return out

    def set(self, article_id: str, note: str) -> str:
        """Save (or, when empty, remove) the article's note; returns what was saved."""
        text = clean_text(note).strip()
        stamp = schema.now()
        with self.library.storage.transaction():
            self.library.article(article_id)
            old = self._table.get(doc_id=article_id)
            if not text:
                if old is not None:
                    self._table.remove(doc_ids=[article_id])
                return ""
            created = old.get("created", stamp) if old is not None else stamp
            self._table.upsert(Document({"note": text, "created": created, "updated": stamp}, doc_id=article_id))
        return text
