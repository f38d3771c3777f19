"""What an export is made of, independent of the store and of the analysis engine.

The store's records and the analysis are turned into these plain dataclasses by
``reader.services.exports``; the renderers only ever see them, so they are easy to test with
hostile text.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class ExportNote:
    """One note: the highlighted passage and what the reader wrote about it."""

    id: str
    quote: str
    note: str = ""
    tags: list[str] = field(default_factory=list)
    start: int = 0
    end: int = 0
    status: str = "anchored"
    speaker: str | None = None
    prefix: str = ""
    suffix: str = ""
    created: str = ""
    updated: str = ""
    color: str = ""


@dataclass(slots=True)
class ExportArticle:
    """One article with its notes in reading order and its speakers with quote counts."""

    id: str
    title: str
    source: str
    tags: list[str] = field(default_factory=list)
    author: str = ""
    site: str = ""
    published: str = ""
    speakers: list[tuple[str, int]] = field(default_factory=list)
    notes: list[ExportNote] = field(default_factory=list)
    note: str = ""
    """The note on the whole article (not tied to a passage), as the user wrote it."""

    @property
    def anchored_notes(self) -> list[ExportNote]:
        """Notes that still point into the article's text, in reading order."""
        return sorted((n for n in self.notes if n.status != "orphaned"), key=lambda n: (n.start, n.end))

    @property
    def orphaned_notes(self) -> list[ExportNote]:
        """Notes whose passage is no longer in the article."""
        return [n for n in self.notes if n.status == "orphaned"]
