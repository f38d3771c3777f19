"""Every note of the library as light rows read straight from the stored records.

Building 10,000 :class:`~reader.store.Note` objects (selectors, statuses, tag tuples) costs a
few hundred milliseconds; the library-wide views (search, the notes screen) need only the
words, the tags and where the note is, so they read the records directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.store import Library


@dataclass(frozen=True, slots=True)
class NoteText:
    """What the library-wide views need of a note."""

    id: str
    article: str
    note: str
    quote: str
    tags: tuple[str, ...]
    start: int
    end: int
    created: str
    updated: str


def _str(value: object) -> str:
    return value if isinstance(value, str) else ""


def note_texts(library: Library) -> list[NoteText]:
    """Every note with an article, as stored (offsets as last anchored)."""
    out: list[NoteText] = []
    with library.storage.mutex:
        for nid, doc in library.table("notes").raw().items():
            article = doc.get("article")
            if not isinstance(article, str):
                continue
            quote, start, end = "", 0, 0
            target = doc.get("target")
            for item in target.get("selector", []) if isinstance(target, dict) else []:
                if not isinstance(item, dict):
                    continue
                if item.get("type") == "TextQuoteSelector":
                    quote = _str(item.get("exact"))
                elif item.get("type") == "TextPositionSelector":
                    start = item.get("start") if isinstance(item.get("start"), int) else 0
                    end = item.get("end") if isinstance(item.get("end"), int) else 0
            tags = doc.get("tags")
            out.append(NoteText(str(nid), article, _str(doc.get("note")), quote,
                                tuple(t for t in tags if isinstance(t, str)) if isinstance(tags, list) else (),
                                max(0, start), max(0, end), _str(doc.get("created")), _str(doc.get("updated"))))
    return out
