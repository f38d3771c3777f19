"""Incremental search over ``Article.text``, case- and accent-insensitive, and the search input bar.

The text and the query are folded as library search folds them (:mod:`reader.services.fold`:
"strasse" finds "Straße", "cafe" finds "café"), and each match found in the folded text is
mapped back to the characters of the article it covers, so the highlight falls on them. The
fold of the text is made once per text (not per keystroke): a 3 MB ASCII article costs one
``lower()``, and the map back is the identity.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from textual.widgets import Input

from reader.services.fold import IDENTITY, FoldMap, fold, fold_map

MAX_MATCHES = 20_000
"""Matches kept for one query (a one-letter query in a 3 MB article would find millions)."""


@dataclass(frozen=True, slots=True)
class FoldedText:
    """One text, its fold and the map from the fold back to the text."""

    text: str
    folded: str
    map: FoldMap = IDENTITY

    @classmethod
    def of(cls, text: str) -> FoldedText:
        """Fold ``text`` (once: keep the result while the text is the same)."""
        return cls(text, fold(text), fold_map(text))


def find_folded(folded: FoldedText, query: str, limit: int = MAX_MATCHES) -> list[tuple[int, int]]:
    """``(start, end)`` in ``folded.text`` of each occurrence of ``query``, case and accents ignored
    (plain text, not a regex); a match that begins halfway through one character's fold ("s" as
    the second letter of "ß") is none."""
    needle = fold(query)
    if not needle:
        return []
    haystack, to_source = folded.folded, folded.map.to_source
    matches: list[tuple[int, int]] = []
    at = haystack.find(needle)
    while at != -1:
        span = to_source(at, at + len(needle))
        if span is None or span[1] <= span[0]:
            at = haystack.find(needle, at + 1)
            continue
        matches.append(span)
        if len(matches) >= limit:
            break
        at = haystack.find(needle, at + len(needle))
    return matches


def find_matches(text: str, query: str, limit: int = MAX_MATCHES) -> list[tuple[int, int]]:
    """``(start, end)`` of each case- and accent-insensitive occurrence of ``query`` in ``text``."""
    return find_folded(FoldedText.of(text), query, limit) if query else []


@dataclass
class SearchState:
    """The current query, its matches and which one is current."""

    query: str = ""
    matches: list[tuple[int, int]] = field(default_factory=list)
    current: int = -1
    _folded: FoldedText | None = field(default=None, repr=False)

    def update(self, text: str, query: str, origin: int) -> None:
        """Search ``text`` for ``query``; the current match is the first at or after ``origin``."""
        self.query = query
        self.matches = find_folded(self._fold(text), query) if query else []
        self.current = self._index_from(origin) if self.matches else -1

    def _fold(self, text: str) -> FoldedText:
        """The fold of ``text``, made again only when the text changed (it grows while parsing)."""
        if self._folded is None or self._folded.text is not text:
            self._folded = FoldedText.of(text)
        return self._folded

    def clear(self) -> None:
        """Forget the query and its matches."""
        self.query, self.matches, self.current = "", [], -1

    def step(self, direction: int) -> tuple[int, int] | None:
        """Move to the next (``1``) or previous (``-1``) match, wrapping around."""
        if not self.matches:
            return None
        self.current = (self.current + direction) % len(self.matches)
        return self.matches[self.current]

    def _index_from(self, origin: int) -> int:
        index = bisect_left(self.matches, (origin, -1))
        return index if index < len(self.matches) else 0

    @property
    def current_match(self) -> tuple[int, int] | None:
        """The current match, if any."""
        return self.matches[self.current] if 0 <= self.current < len(self.matches) else None


class SearchBar(Input):
    """The one-line search input shown by ``/``; hidden when not searching."""

    DEFAULT_CSS = """
    SearchBar {
        dock: bottom;
        display: none;
        height: 1;
        border: none;
        padding: 0 1;
        margin: 0;
    }
    SearchBar.-active { display: block; }
    SearchBar.-no-match { color: $text-error; }
    """

    def __init__(self) -> None:
        super().__init__(placeholder="search (Enter to keep, Esc to cancel)", id="search")
