"""Corrections by hand to the analysis, kept in the library file (table ``corrections``).

A correction says, for one article: this passage's speaker is NAME (or nobody), this passage
is not a quote, or this name is a person/organisation/place/nationality (or no entity at all). Passages are recorded like
notes, with W3C selectors (quote, context, offsets) and the hash of the text they were made
on, so they are found again after the article changes. The table is additive: a library
without it reads as having no corrections, and older readers ignore it.

They are applied on top of every analysis (see :mod:`reader.services.corrections`), never
written into the analysis cache, and exported with ``reader export --corrections`` as data a
later engine can learn from.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from tinydb.table import Document

from reader.errors import ReaderError
from reader.sanitize import clean_line
from reader.store import schema
from reader.store.anchoring import Anchor, Selector, Status, describe, reanchor
from reader.store.schema import count_field, text_field

if TYPE_CHECKING:
    from reader.store.library import Library

TABLE = "corrections"
SPEAKER, NOT_A_QUOTE, ENTITY_KIND = "speaker", "not_a_quote", "entity_kind"
KINDS = (SPEAKER, NOT_A_QUOTE, ENTITY_KIND)
ENTITY_LABELS = ("PERSON", "ORG", "PLACE", "NORP")
NOT_AN_ENTITY = "NONE"
"""The label of an entity correction saying the name is no entity at all (the engine was wrong
to see one): its mentions are dropped. A reader that predates it shows them unhighlighted."""
MAX_NAME = 200


@dataclass(frozen=True, slots=True)
class Correction:
    """One correction (see the module docstring); ``speaker`` None with kind ``speaker`` clears it."""

    id: str
    article: str
    kind: str
    quote: str = ""
    prefix: str = ""
    suffix: str = ""
    start: int = 0
    end: int = 0
    speaker: str | None = None
    entity: str = ""
    label: str = ""
    original: str | None = None
    text_hash: str = ""
    created: str = ""
    updated: str = ""
    status: Status = Status.ANCHORED

    @property
    def selector(self) -> Selector:
        """The passage's selectors."""
        return Selector(self.quote, self.prefix, self.suffix, self.start, self.end)

    def anchored(self, anchor: Anchor) -> Correction:
        """This correction moved to where ``anchor`` found its passage."""
        return replace(self, start=anchor.start, end=anchor.end, status=anchor.status)

    @classmethod
    def from_record(cls, doc_id: str, doc: dict[str, Any]) -> Correction:
        """Build from a stored JSON object (tolerant of missing or mistyped fields)."""
        speaker = doc.get("speaker")
        original = doc.get("original")
        raw_status = doc.get("status")
        try:
            status = Status(raw_status) if isinstance(raw_status, str) else Status.ANCHORED
        except ValueError:
            status = Status.ANCHORED
        return cls(id=str(doc_id), article=text_field(doc.get("article")), kind=text_field(doc.get("kind")),
                   quote=text_field(doc.get("quote")), prefix=text_field(doc.get("prefix")), suffix=text_field(doc.get("suffix")),
                   start=count_field(doc.get("start")), end=count_field(doc.get("end")),
                   speaker=speaker if isinstance(speaker, str) else None, entity=text_field(doc.get("entity")),
                   label=text_field(doc.get("label")), original=original if isinstance(original, str) else None,
                   text_hash=text_field(doc.get("text_hash")), created=text_field(doc.get("created")),
                   updated=text_field(doc.get("updated")), status=status)

    def to_record(self) -> dict[str, Any]:
        """The JSON object stored (without the id)."""
        return {"article": self.article, "kind": self.kind, "quote": self.quote, "prefix": self.prefix,
                "suffix": self.suffix, "start": self.start, "end": self.end, "speaker": self.speaker,
                "entity": self.entity, "label": self.label, "original": self.original,
                "text_hash": self.text_hash, "created": self.created, "updated": self.updated,
                "status": str(self.status)}

    def to_json(self) -> dict[str, Any]:
        """A flat dict for JSON output."""
        return {"id": self.id, **self.to_record()}


def _clean_name(name: str) -> str:
    cleaned = clean_line(name)
    if len(cleaned) > MAX_NAME:
        raise ReaderError(f"the name is too long (the limit is {MAX_NAME} characters)")
    return cleaned


def _quote_id(article: str, start: int, end: int, quote: str) -> str:
    return hashlib.sha256(f"{article}\0{start}\0{end}\0{quote}".encode("utf-8", "surrogatepass")).hexdigest()[:12]


def _entity_id(article: str, name: str) -> str:
    return hashlib.sha256(f"{article}\0entity\0{name.casefold()}".encode("utf-8", "surrogatepass")).hexdigest()[:12]


class Corrections:
    """The corrections of one library (every change is one locked, atomic save)."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self._table = library.table(TABLE)

    def all(self) -> list[Correction]:
        """Every correction, by article then position."""
        with self.library.storage.mutex:
            rows = [Correction.from_record(cid, doc) for cid, doc in self._table.raw().items()]
        return sorted((c for c in rows if c.kind in KINDS), key=lambda c: (c.article, c.start, c.end, c.id))

    def by_article(self) -> dict[str, list[Correction]]:
        """Every correction grouped by article id."""
        out: dict[str, list[Correction]] = {}
        for correction in self.all():
            out.setdefault(correction.article, []).append(correction)
        return out

    def for_article(self, article_id: str, text: str | None = None) -> list[Correction]:
        """An article's corrections; with ``text``, their passages found again in it."""
        found = [c for c in self.all() if c.article == article_id]
        if text is None:
            return found
        from reader.store import text_hash

        digest = text_hash(text)
        same = [c for c in found if c.kind == ENTITY_KIND or c.text_hash == digest]
        moved = reanchor([c for c in found if c.kind != ENTITY_KIND and c.text_hash != digest], text)
        return sorted(same + moved, key=lambda c: (c.start, c.end, c.id))

    def correct_quote(self, article_id: str, text: str, start: int, end: int, *, speaker: str | None = None,
                      not_a_quote: bool = False, original: str | None = None) -> Correction:
        """Set (or with ``speaker`` None, clear) the speaker of ``text[start:end]``, or mark it not a quote.

        A later correction of the same passage replaces the earlier one.
        """
        from reader.store import text_hash

        try:
            selector = describe(text, start, end)
        except ValueError as exc:
            raise ReaderError(str(exc)) from None
        name = _clean_name(speaker) if speaker is not None else None
        if name == "":
            name = None
        stamp = schema.now()
        with self.library.storage.transaction():
            self.library.article(article_id)
            kept = [c for c in self.for_article(article_id) if c.kind != ENTITY_KIND
                    and c.start < end and start < c.end and _overlap(c, start, end) * 2 >= min(end - start, c.end - c.start)]
            created = kept[0].created if kept else stamp
            if kept:
                self._table.remove(doc_ids=[c.id for c in kept])
            cid = _quote_id(article_id, start, end, selector.quote)
            saved = Correction(id=cid, article=article_id, kind=NOT_A_QUOTE if not_a_quote else SPEAKER,
                               quote=selector.quote, prefix=selector.prefix, suffix=selector.suffix, start=start,
                               end=end, speaker=None if not_a_quote else name,
                               original=clean_line(original) if original else None,
                               text_hash=text_hash(text), created=created, updated=stamp)
            self._table.upsert(Document(saved.to_record(), doc_id=cid))
        return saved

    def correct_entity(self, article_id: str, name: str, label: str) -> Correction:
        """Say that ``name`` in this article is a ``label`` (PERSON, ORG, PLACE or NORP), or with
        :data:`NOT_AN_ENTITY` that it is no entity at all; replaces an earlier one for the name."""
        label = label.upper()
        if label not in (*ENTITY_LABELS, NOT_AN_ENTITY):
            raise ReaderError(f"{clean_line(label)!r} is not a kind (choose from "
                              f"{', '.join((*ENTITY_LABELS, NOT_AN_ENTITY))})")
        cleaned = _clean_name(name)
        if not cleaned:
            raise ReaderError("the entity's name is empty")
        stamp = schema.now()
        cid = _entity_id(article_id, cleaned)
        with self.library.storage.transaction():
            self.library.article(article_id)
            old = self._table.get(doc_id=cid)
            created = text_field(old.get("created")) if old is not None else stamp
            saved = Correction(id=cid, article=article_id, kind=ENTITY_KIND, entity=cleaned, label=label,
                               created=created or stamp, updated=stamp)
            self._table.upsert(Document(saved.to_record(), doc_id=cid))
        return saved

    def remove(self, correction_id: str) -> Correction:
        """Delete a correction; returns it."""
        with self.library.storage.transaction():
            doc = self._table.get(doc_id=correction_id)
            if doc is None:
                raise ReaderError(f"{clean_line(correction_id)}: no such correction")
            gone = Correction.from_record(correction_id, doc)
            self._table.remove(doc_ids=[correction_id])
        return gone


def _overlap(c: Correction, start: int, end: int) -> int:
    return max(0, min(end, c.end) - max(start, c.start))
