"""Find your way through an article's analysis: what is at an offset, what comes next, counts.

Pure Python over :class:`reader.analysis.Analysis` (no Textual), so the reader screen, the
sources panel and the status line share one index and it can be unit-tested cheaply. Only
people, organisations and places are shown as entities; nationalities (``NORP``) and dates are
left out of the reading view because the themes have no role for them.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from reader.analysis import Analysis, Mention, Quote

ENTITY_ROLES: dict[str, str] = {"PERSON": "person", "ORG": "organisation", "PLACE": "place"}
"""Analysis label -> theme role, for the labels the reader highlights."""

ROLE_TITLES: dict[str, str] = {"person": "Person", "organisation": "Organisation", "place": "Place"}
GROUP_TITLES: dict[str, str] = {"person": "People", "organisation": "Organisations", "place": "Places"}

QUOTE_ROLES: dict[str, str] = {"direct": "direct_quote", "partial": "partial_quote", "indirect": "reported_speech"}
"""Quote kind -> theme role."""

QUOTE_TITLES: dict[str, str] = {"direct": "direct", "partial": "partial", "indirect": "reported"}
"""How each quote kind is named on screen ("indirect" is reported speech)."""

Item = Quote | Mention
"""Something the reading cursor can be on."""


@dataclass(frozen=True)
class Target:
    """A speaker or entity chosen in the sources panel (or taken from the cursor)."""

    name: str
    kind: str
    """``"speaker"`` or an entity role (``"person"``, ``"organisation"``, ``"place"``)."""


def _sorted(items: Sequence[Item]) -> list[Item]:
    return sorted(items, key=lambda item: (item.start, item.end))


class AnalysisIndex:
    """Lookups over one analysis: items at an offset, next/previous, counts, narrowing.

    ``narrow`` (a name) restricts the *shown* quotes and mentions to those of one speaker or
    entity: quotes attributed to it and mentions of it. Counts always cover the whole article.
    """

    def __init__(self, analysis: Analysis, narrow: str | None = None) -> None:
        self.analysis = analysis
        self.all_mentions: list[Mention] = [m for m in _sorted(analysis.entities)
                                            if m.label in ENTITY_ROLES]  # type: ignore[misc]
        self.all_quotes: list[Quote] = _sorted(analysis.quotes)  # type: ignore[assignment]
        self.mention_counts: dict[str, int] = {}
        for mention in self.all_mentions:
            self.mention_counts[mention.entity] = self.mention_counts.get(mention.entity, 0) + 1
        self.narrow: str | None = None
        self.mentions: list[Mention] = self.all_mentions
        self.quotes: list[Quote] = self.all_quotes
        self.set_narrow(narrow)

    # -- narrowing -------------------------------------------------------------------------

    def set_narrow(self, name: str | None) -> None:
        """Show only the quotes and mentions of ``name`` (None: show everything)."""
        self.narrow = name
        if name is None:
            self.mentions, self.quotes = self.all_mentions, self.all_quotes
        else:
            self.mentions = [m for m in self.all_mentions if m.entity == name]
            self.quotes = [q for q in self.all_quotes if q.speaker == name]
        self._mention_starts = [m.start for m in self.mentions]
        self._quote_starts = [q.start for q in self.quotes]

    # -- what is where ---------------------------------------------------------------------

    def quote_at(self, offset: int) -> Quote | None:
        """The shown quote covering ``offset`` (the innermost if several), or None."""
        return _covering(self.quotes, self._quote_starts, offset)

    def mention_at(self, offset: int) -> Mention | None:
        """The shown mention covering ``offset``, or None."""
        return _covering(self.mentions, self._mention_starts, offset)

    def first_in(self, start: int, end: int) -> Item | None:
        """The first shown quote or mention starting in ``[start, end)`` (a quote wins a tie),
        else one that covers ``start`` (a quote running on from the previous paragraph)."""
        quote = _first_from(self.quotes, self._quote_starts, start, end)
        mention = _first_from(self.mentions, self._mention_starts, start, end)
        found = [item for item in (quote, mention) if item is not None]
        if found:
            return min(found, key=lambda item: (item.start, isinstance(item, Mention)))
        return self.quote_at(start) or self.mention_at(start)

    def describe_target(self, item: Item) -> Target:
        """The speaker or entity an item belongs to (an unattributed quote has none)."""
        if isinstance(item, Quote):
            return Target(item.speaker or "", "speaker")
        return Target(item.entity, ENTITY_ROLES[item.label])

    def mention_count(self, name: str) -> int:
        """Mentions of entity ``name`` in the whole article."""
        return self.mention_counts.get(name, 0)

    # -- moving ----------------------------------------------------------------------------

    def next_quote(self, offset: int) -> Quote | None:
        """The first shown quote starting after ``offset``."""
        return _after(self.quotes, self._quote_starts, offset)

    def previous_quote(self, offset: int) -> Quote | None:
        """The last shown quote starting before ``offset``."""
        return _before(self.quotes, self._quote_starts, offset)

    def next_mention(self, offset: int) -> Mention | None:
        """The first shown mention starting after ``offset``."""
        return _after(self.mentions, self._mention_starts, offset)

    def previous_mention(self, offset: int) -> Mention | None:
        """The last shown mention starting before ``offset``."""
        return _before(self.mentions, self._mention_starts, offset)

    def occurrences(self, target: Target) -> list[Item]:
        """Every quote by ``target`` and every mention of it, in text order (whole article)."""
        items: list[Item] = [q for q in self.all_quotes if q.speaker == target.name]
        items.extend(m for m in self.all_mentions if m.entity == target.name)
        return _sorted(items)

    def next_occurrence(self, target: Target, offset: int, direction: int) -> Item | None:
        """The occurrence of ``target`` after (``direction`` 1) or before (-1) ``offset``; wraps."""
        items = self.occurrences(target)
        if not items:
            return None
        if direction > 0:
            return next((i for i in items if i.start > offset), items[0])
        return next((i for i in reversed(items) if i.start < offset), items[-1])

    # -- counts for the sources panel ------------------------------------------------------

    def speakers(self) -> list[tuple[str, dict[str, int]]]:
        """Speakers with their quote counts by kind, most quoted first."""
        return self.analysis.speakers()

    def entities_by_role(self) -> dict[str, list[tuple[str, int]]]:
        """For each role, ``(name, mentions)`` most mentioned first, then by name."""
        grouped: dict[str, list[tuple[str, int]]] = {role: [] for role in GROUP_TITLES}
        labels: dict[str, str] = {}
        for mention in self.all_mentions:
            labels.setdefault(mention.entity, ENTITY_ROLES[mention.label])
        for name, role in labels.items():
            grouped[role].append((name, self.mention_counts[name]))
        for rows in grouped.values():
            rows.sort(key=lambda row: (-row[1], row[0].casefold()))
        return grouped


def _covering(items: Sequence[Item], starts: list[int], offset: int) -> Item | None:
    """The item with the latest start at or before ``offset`` that still covers it."""
    index = bisect_right(starts, offset) - 1
    # Quotes can nest or overlap: look back a little for one that still covers the offset.
    for back in range(index, max(-1, index - 8), -1):
        item = items[back]
        if item.start <= offset < item.end:
            return item
    return None


def _first_from(items: Sequence[Item], starts: list[int], start: int, end: int) -> Item | None:
    index = bisect_left(starts, start)
    if index < len(items) and items[index].start < end:
        return items[index]
    return None


def _after(items: Sequence[Item], starts: list[int], offset: int) -> Item | None:
    index = bisect_right(starts, offset)
    return items[index] if index < len(items) else None


def _before(items: Sequence[Item], starts: list[int], offset: int) -> Item | None:
    index = bisect_left(starts, offset) - 1
    return items[index] if index >= 0 else None
