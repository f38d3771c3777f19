"""Immutable views of library records, handed to the CLI and the app.

Records on disk are plain JSON objects; these classes read them tolerantly (a missing or
mistyped field falls back to a default instead of crashing the library screen) and turn them
back into JSON with :meth:`to_record`. Use :func:`dataclasses.replace` to derive changed copies.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from reader.store.anchoring import Anchor, Selector, Status
from reader.store.schema import count_field, text_field

_STATUS = {str(status): status for status in Status}


HIGHLIGHT_COLORS = ("yellow", "green", "blue", "pink")
"""Highlight colours; each theme draws them (see ``reader.tui.widgets.reading_pane``)."""


def _color(value: Any) -> str:
    return value if isinstance(value, str) and value in HIGHLIGHT_COLORS else ""


def _tags(value: Any) -> tuple[str, ...]:
    return tuple(t for t in value if isinstance(t, str)) if isinstance(value, list) else ()


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """An article the library knows: where it is and how far the user got, never its body.

    ``id`` is derived from ``source`` (absolute path or URL), so it is stable; ``text_hash`` is
    the SHA-256 of the text when it was last added or synced; ``length`` its length in
    characters; ``position`` the reading position as an offset into the text. ``read`` and
    ``archived`` are the reading state (an old record without them is unread, not archived);
    ``feed`` is the id of the feed the article came from ("" for everything else) and
    ``fulltext`` says what the library holds of a feed item: "" the page itself, ``pending``
    the feed's summary until the page is fetched on first opening, ``failed`` the summary
    because the page could not be fetched.
    """

    id: str
    source: str
    title: str
    format: str = "text"
    text_hash: str = ""
    length: int = 0
    metadata: dict[str, str] = field(default_factory=dict)
    added: str = ""
    last_opened: str | None = None
    position: int = 0
    tags: tuple[str, ...] = ()
    has_text: bool = False
    read: bool = False
    archived: bool = False
    feed: str = ""
    fulltext: str = ""
    renamed: bool = False
    """The user chose ``title`` (``reader retitle``, ``T`` in the app): opening the article again keeps it."""

    @property
    def progress(self) -> float:
        """How far through the article the reading position is, 0.0 to 1.0."""
        return min(1.0, self.position / self.length) if self.length else 0.0

    @classmethod
    def from_record(cls, doc_id: str, doc: dict[str, Any]) -> ArticleRecord:
        """Build from a stored JSON object."""
        metadata = doc.get("metadata")
        opened = doc.get("last_opened")
        return cls(
            id=str(doc_id),
            source=text_field(doc.get("source")),
            title=text_field(doc.get("title"), "untitled"),
            format=text_field(doc.get("format"), "text"),
            text_hash=text_field(doc.get("text_hash")),
            length=count_field(doc.get("length")),
            metadata={str(k): v for k, v in metadata.items() if isinstance(v, str)}
            if isinstance(metadata, dict) else {},
            added=text_field(doc.get("added")),
            last_opened=opened if isinstance(opened, str) else None,
            position=count_field(doc.get("position")),
            tags=_tags(doc.get("tags")),
            has_text=bool(doc.get("has_text")),
            read=doc.get("read") is True,
            archived=doc.get("archived") is True,
            feed=text_field(doc.get("feed")),
            fulltext=text_field(doc.get("fulltext")),
            renamed=doc.get("renamed") is True,
        )

    def to_record(self) -> dict[str, Any]:
        """The JSON object stored for this article (without its id)."""
        return {
            "source": self.source, "title": self.title, "format": self.format, "text_hash": self.text_hash,
            "length": self.length, "metadata": dict(self.metadata), "added": self.added,
            "last_opened": self.last_opened, "position": self.position, "tags": list(self.tags),
            "has_text": self.has_text, "read": self.read, "archived": self.archived, "feed": self.feed,
            "fulltext": self.fulltext, "renamed": self.renamed,
        }

    def to_json(self, notes: int | None = None) -> dict[str, Any]:
        """A plain dict for ``reader list --json`` and other tools."""
        out: dict[str, Any] = {"id": self.id, **self.to_record(), "progress": round(self.progress, 4)}
        if notes is not None:
            out["notes"] = notes
        return out


@dataclass(frozen=True, slots=True)
class Note:
    """A highlighted passage of an article with the user's note and tags.

    ``quote``/``prefix``/``suffix`` and ``start``/``end`` are the W3C TextQuoteSelector and
    TextPositionSelector; ``status`` says how the passage was last found
    (``anchored``, ``moved``, ``fuzzy`` or ``orphaned``, see :mod:`reader.store.anchoring`).
    """

    id: str
    article: str
    quote: str
    prefix: str
    suffix: str
    start: int
    end: int
    note: str = ""
    tags: tuple[str, ...] = ()
    created: str = ""
    updated: str = ""
    status: Status = Status.ANCHORED
    color: str = ""
    """A highlight colour (one of :data:`HIGHLIGHT_COLORS`), or "" for the theme's note style."""

    @property
    def selector(self) -> Selector:
        """The passage's selectors."""
        return Selector(self.quote, self.prefix, self.suffix, self.start, self.end)

    def anchored(self, anchor: Anchor) -> Note:
        """This note moved to where ``anchor`` found it (the quote and context stay as recorded)."""
        return replace(self, start=anchor.start, end=anchor.end, status=anchor.status)

    @classmethod
    def from_record(cls, doc_id: str, doc: dict[str, Any]) -> Note:
        """Build from a stored JSON object."""
        target = doc.get("target")
        selectors = target.get("selector") if isinstance(target, dict) else None
        sel = Selector.from_w3c(selectors if isinstance(selectors, list) else [])
        raw_status = doc.get("status")
        status = _STATUS.get(raw_status, Status.ANCHORED) if isinstance(raw_status, str) else Status.ANCHORED
        return cls(
            id=str(doc_id), article=text_field(doc.get("article")), quote=sel.quote, prefix=sel.prefix,
            suffix=sel.suffix, start=sel.start, end=sel.end, note=text_field(doc.get("note")),
            tags=_tags(doc.get("tags")), created=text_field(doc.get("created")), updated=text_field(doc.get("updated")),
            status=status, color=_color(doc.get("color")),
        )

    def to_record(self) -> dict[str, Any]:
        """The JSON object stored for this note (without its id): W3C selectors in ``target``."""
        return {
            "article": self.article, "target": {"selector": self.selector.to_w3c()}, "note": self.note,
            "tags": list(self.tags), "created": self.created, "updated": self.updated,
            "status": str(self.status), **({"color": self.color} if self.color else {}),
        }

    def to_json(self) -> dict[str, Any]:
        """A flat dict for ``reader notes --json`` and exporters."""
        return {
            "id": self.id, "article": self.article, "quote": self.quote, "prefix": self.prefix,
            "suffix": self.suffix, "note": self.note, "tags": list(self.tags), "start": self.start,
            "end": self.end, "status": str(self.status), "created": self.created, "updated": self.updated,
            "color": self.color,
        }
