"""Incremental, case-insensitive search over ``Article.text``, and the search input bar."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from textual.widgets import Input

MAX_MATCHES = 20_000
"""Matches kept for one query (a one-letter query in a 3 MB article would find millions)."""


def find_matches(text: str, query: str, limit: int = MAX_MATCHES) -> list[tuple[int, int]]:
    """``(start, end)`` of each case-insensitive occurrence of ``query`` (plain text, not a regex)."""
    if not query:
        return []
    pattern = re.compile(re.escape(query), re.IGNORECASE)
    matches: list[tuple[int, int]] = []
    for match in pattern.finditer(text):
        if match.end() > match.start():
            matches.append(match.span())
            if len(matches) >= limit:
                break
    return matches


@dataclass
class SearchState:
    """The current query, its matches and which one is current."""

    query: str = ""
    matches: list[tuple[int, int]] = field(default_factory=list)
    current: int = -1

    def update(self, text: str, query: str, origin: int) -> None:
        """Search ``text`` for ``query``; the current match is the first at or after ``origin``."""
        self.query = query
        self.matches = find_matches(text, query)
        self.current = self._index_from(origin) if self.matches else -1

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
