"""Every note of the library as light rows read straight from the stored records.

Building 10,000 :class:`~reader.store.Note` objects (selectors, statuses, tag tuples) costs a
few hundred milliseconds; the library-wide views (search, the notes screen) need only the
words, the tags and where the note is, so they read the records directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reader.store.models import HIGHLIGHT_COLORS

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
    prefix: str = ""
    suffix: str = ""
    status: str = "anchored"
    color: str = ""

    @property
    def article_level(self) -> bool:
        """True for a note on the whole article (see :func:`article_note_texts`)."""
        return self.id.startswith(ARTICLE_NOTE_PREFIX)

    def to_json(self) -> dict[str, object]:
        """The same dict as :meth:`reader.store.Note.to_json`."""
        return {"id": self.id, "article": self.article, "quote": self.quote, "prefix": self.prefix,
                "suffix": self.suffix, "note": self.note, "tags": list(self.tags), "start": self.start,
                "end": self.end, "status": self.status, "created": self.created, "updated": self.updated,
                "color": self.color}


ARTICLE_NOTE_PREFIX = "article:"
"""The id of an article-level note in the library-wide lists: ``article:`` and the article id."""


def _str(value: object) -> str:
    return value if isinstance(value, str) else ""


_STATUSES = ("anchored", "moved", "fuzzy", "orphaned")


def _color(value: object) -> str:
    return value if isinstance(value, str) and value in HIGHLIGHT_COLORS else ""


def _status(value: object) -> str:
    return value if isinstance(value, str) and value in _STATUSES else "anchored"


def note_text(nid: str, doc: dict[str, Any]) -> NoteText | None:
    """One stored note record as a light row (None without an article)."""
    article = doc.get("article")
    if not isinstance(article, str):
        return None
    quote, prefix, suffix, start, end = "", "", "", 0, 0
    target = doc.get("target")
    for item in target.get("selector", []) if isinstance(target, dict) else []:
        if not isinstance(item, dict):
            continue
        if item.get("type") == "TextQuoteSelector":
            quote, prefix, suffix = _str(item.get("exact")), _str(item.get("prefix")), _str(item.get("suffix"))
        elif item.get("type") == "TextPositionSelector":
            start = item.get("start") if isinstance(item.get("start"), int) else 0
            end = item.get("end") if isinstance(item.get("end"), int) else 0
    tags = doc.get("tags")
    return NoteText(str(nid), article, _str(doc.get("note")), quote,
                    tuple(t for t in tags if isinstance(t, str)) if isinstance(tags, list) else (),
                    max(0, start), max(start, end), _str(doc.get("created")), _str(doc.get("updated")),
                    prefix, suffix, _status(doc.get("status")), _color(doc.get("color")))


def note_texts(library: Library) -> list[NoteText]:
    """Every note with an article, as stored (offsets as last anchored)."""
    with library.storage.mutex:
        rows = [note_text(nid, doc) for nid, doc in library.table("notes").raw().items()]
    return [row for row in rows if row is not None]


def note_records(library: Library) -> dict[str, list[tuple[str, dict[str, Any]]]]:
    """The stored note records by article id, untouched (for scans that need few of them)."""
    out: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    with library.storage.mutex:
        for nid, doc in library.table("notes").raw().items():
            article = doc.get("article")
            if isinstance(article, str):
                out.setdefault(article, []).append((str(nid), doc))
    return out


def article_note_texts(library: Library) -> list[NoteText]:
    """Every note on a whole article (not tied to a passage) as a row at the article's start,
    with the id ``article:ARTICLE_ID`` and no passage or tags of its own."""
    from reader.store.article_notes import ArticleNotes

    return [NoteText(f"{ARTICLE_NOTE_PREFIX}{aid}", aid, note, "", (), 0, 0, created, updated)
            for aid, (note, created, updated) in ArticleNotes(library).records().items()]
