"""Anchoring notes to passages, and finding them again after the article's text changed.

A note remembers its passage the way the W3C Web Annotation model does: a
``TextQuoteSelector`` (the exact quote plus up to 32 characters of prefix and suffix) and a
``TextPositionSelector`` (start and end offsets into ``Article.text``). When the text changes,
:func:`locate` finds the passage again, in the spirit of Hypothesis's ``match-quote.ts``:

1. the quote is still at its old offsets, with context at least as good as anywhere else
   -> ``anchored``;
2. the exact quote occurs elsewhere -> ``moved`` to the occurrence whose prefix and suffix fit
   best (the nearest to the old position among equals) -- unless no occurrence has a fitting
   context and an approximate match (step 3) scores higher: a common phrase found elsewhere
   must not steal a note whose own passage was only slightly edited;
3. an approximate match of the quote, scored on quote similarity (weight 50), prefix (20),
   suffix (20) and closeness to the old position (2), above a threshold -> ``fuzzy``;
4. otherwise ``orphaned``: the note keeps its old selectors and is never dropped.

Everything here is a pure function of its arguments.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol, Self, TypeVar

CONTEXT = 32
MAX_EXACT_CANDIDATES = 1000
FUZZY_CANDIDATES = 8
LONG_QUOTE = 64  # quotes longer than this are searched with cheaper windows
#: An approximate match needs at least this quote similarity (0..1) ...
MIN_QUOTE_SIMILARITY = 0.6
#: ... and at least this combined score (quote, prefix, suffix, position; 0..1).
MIN_FUZZY_SCORE = 0.6
#: Exact occurrences whose context fits less than this are weighed against approximate matches.
WEAK_CONTEXT = 0.5
QUOTE_WEIGHT, PREFIX_WEIGHT, SUFFIX_WEIGHT, POSITION_WEIGHT = 50.0, 20.0, 20.0, 2.0


class Status(StrEnum):
    """How a note's passage was found in the current text."""

    ANCHORED = "anchored"
    MOVED = "moved"
    FUZZY = "fuzzy"
    ORPHANED = "orphaned"


@dataclass(frozen=True, slots=True)
class Selector:
    """Where a passage is: its quote with context, and its offsets into ``Article.text``."""

    quote: str
    prefix: str
    suffix: str
    start: int
    end: int

    def to_w3c(self) -> list[dict[str, Any]]:
        """The W3C Web Annotation selectors for this passage."""
        return [
            {"type": "TextQuoteSelector", "exact": self.quote, "prefix": self.prefix, "suffix": self.suffix},
            {"type": "TextPositionSelector", "start": self.start, "end": self.end},
        ]

    @classmethod
    def from_w3c(cls, selectors: Iterable[dict[str, Any]]) -> Selector:
        """Read selectors written by :meth:`to_w3c` (unknown selector types are ignored)."""
        quote = prefix = suffix = ""
        start = end = 0
        for item in selectors:
            if not isinstance(item, dict):
                continue
            if item.get("type") == "TextQuoteSelector":
                quote, prefix, suffix = _text(item.get("exact")), _text(item.get("prefix")), _text(item.get("suffix"))
            elif item.get("type") == "TextPositionSelector":
                start, end = _int(item.get("start")), _int(item.get("end"))
        return cls(quote, prefix, suffix, start, max(start, end))


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a passage was found: status, offsets into the current text, and a 0..1 score."""

    status: Status
    start: int
    end: int
    score: float


class Anchorable(Protocol):
    """Anything with a :class:`Selector` that can be moved to an :class:`Anchor` (e.g. a Note)."""

    @property
    def selector(self) -> Selector: ...

    def anchored(self, anchor: Anchor) -> Self: ...


N = TypeVar("N", bound=Anchorable)


def describe(text: str, start: int, end: int, context: int = CONTEXT) -> Selector:
    """The selector for ``text[start:end]``; raises ``ValueError`` for an empty or out-of-range span."""
    if not 0 <= start < end <= len(text):
        raise ValueError(f"passage {start}..{end} is not a non-empty range inside the text (0..{len(text)})")
    return Selector(text[start:end], text[max(0, start - context):start], text[end:end + context], start, end)


def find_all(text: str, quote: str, limit: int = MAX_EXACT_CANDIDATES) -> list[int]:
    """Start offsets of every (possibly overlapping) exact occurrence of ``quote``, up to ``limit``."""
    found: list[int] = []
    if not quote:
        return found
    index = text.find(quote)
    while index != -1 and len(found) < limit:
        found.append(index)
        index = text.find(quote, index + 1)
    return found


def similarity(a: str, b: str) -> float:
    """Normalised Levenshtein similarity, 1.0 for equal strings (two empty strings are equal)."""
    from rapidfuzz.distance import Levenshtein  # late: only re-anchoring needs it, not start-up

    return float(Levenshtein.normalized_similarity(a, b))


def _context_fit(expected: str, found: str, *, before: bool) -> float:
    """How well recorded context matches the text beside a candidate, 0..1.

    Half edit-distance similarity, half the share of characters that match exactly starting
    right next to the quote (the nearest characters say the most about which occurrence it is).
    """
    if not expected:
        return 1.0
    pairs = zip(reversed(expected), reversed(found), strict=False) if before else zip(expected, found, strict=False)
    adjacent = 0
    for a, b in pairs:
        if a != b:
            break
        adjacent += 1
    return 0.5 * similarity(expected, found) + 0.5 * adjacent / len(expected)


def _context_scores(selector: Selector, text: str, start: int, end: int) -> tuple[float, float, float]:
    """How well the prefix, the suffix and the position fit a candidate at ``start..end``."""
    prefix = text[max(0, start - len(selector.prefix)):start]
    suffix = text[end:end + len(selector.suffix)]
    position = 1.0 - min(1.0, abs(start - selector.start) / max(1, len(text)))
    return (_context_fit(selector.prefix, prefix, before=True),
            _context_fit(selector.suffix, suffix, before=False), position)


def _exact_fit(selector: Selector, text: str, start: int) -> float:
    """How well the context around an exact occurrence fits (distance only breaks ties)."""
    prefix, suffix, _position = _context_scores(selector, text, start, start + len(selector.quote))
    return (PREFIX_WEIGHT * prefix + SUFFIX_WEIGHT * suffix) / (PREFIX_WEIGHT + SUFFIX_WEIGHT)


def locate(selector: Selector, text: str) -> Anchor:
    """Find the passage described by ``selector`` in ``text`` (see the module docstring)."""
    quote, start, end = selector.quote, selector.start, selector.end
    if not quote:
        return _orphan(selector, text)
    if (text[start:end] == quote and text[max(0, start - len(selector.prefix)):start] == selector.prefix
            and text[end:end + len(selector.suffix)] == selector.suffix):
        return Anchor(Status.ANCHORED, start, end, 1.0)
    exact = find_all(text, quote)
    if exact:
        fits = {candidate: _exact_fit(selector, text, candidate) for candidate in exact}
        best = max(exact, key=lambda c: (fits[c], -abs(c - start)))
        if start in fits and fits[start] >= fits[best]:
            return Anchor(Status.ANCHORED, start, start + len(quote), fits[start])
        moved = Anchor(Status.MOVED, best, best + len(quote), fits[best])
        if fits[best] >= WEAK_CONTEXT:
            return moved
        # Only occurrences in foreign context (a common phrase repeated elsewhere): the passage
        # itself may still be there, slightly edited, in its own context.
        fuzzy = _best_approximate(selector, text)
        return fuzzy if fuzzy is not None and fuzzy.score > _score(selector, text, best, best + len(quote)) else moved
    match = _best_approximate(selector, text)
    if match is not None:
        return match
    return _orphan(selector, text)


def _orphan(selector: Selector, text: str) -> Anchor:
    start = min(selector.start, len(text))
    return Anchor(Status.ORPHANED, start, max(start, min(selector.end, len(text))), 0.0)


def _score(selector: Selector, text: str, start: int, end: int, quote_score: float = 1.0) -> float:
    """The combined 0..1 score of a match at ``start..end`` (weights as in match-quote.ts)."""
    prefix, suffix, position = _context_scores(selector, text, start, end)
    return (QUOTE_WEIGHT * quote_score + PREFIX_WEIGHT * prefix + SUFFIX_WEIGHT * suffix
            + POSITION_WEIGHT * position) / (QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT)


def _candidate_regions(quote: str, text: str) -> tuple[list[tuple[int, int]], int]:
    """Rough spans of ``text`` likely to match ``quote``, best first, and how far their ends may be off.

    Short quotes: overlapping windows three quotes wide, ranked by ``partial_ratio``, then
    aligned inside the window. Long quotes (where ``partial_ratio`` gets slow): windows one
    quote wide every quarter quote, ranked by ``ratio``; :func:`_refine` then moves their ends
    by up to half a quote (text inserted into or cut from the passage).
    """
    from rapidfuzz import fuzz, process  # late: only fuzzy re-anchoring needs it, not start-up

    size = max(len(quote), 8)
    long_quote = size > LONG_QUOTE
    width, step = (size, max(1, size // 4)) if long_quote else (3 * size, size)
    if len(text) <= width:
        starts = [0]
    else:
        starts = list(range(0, len(text) - width, step))
        starts.append(len(text) - width)
    chunks = [text[s:s + width] for s in starts]
    if long_quote:
        ranked = process.extract(quote, chunks, scorer=fuzz.ratio, limit=FUZZY_CANDIDATES,
                                 score_cutoff=100.0 * (MIN_QUOTE_SIMILARITY - 0.15))
        return [(starts[i], min(len(text), starts[i] + width)) for _c, _s, i in ranked], size // 2
    ranked = process.extract(quote, chunks, scorer=fuzz.partial_ratio, limit=FUZZY_CANDIDATES,
                             score_cutoff=100.0 * MIN_QUOTE_SIMILARITY)
    regions = []
    for _chunk, _score, i in ranked:
        alignment = fuzz.partial_ratio_alignment(quote, chunks[i])
        regions.append((starts[i] + alignment.dest_start, starts[i] + alignment.dest_end))
    return regions, max(2, min(len(quote) // 4, CONTEXT))


def _best_approximate(selector: Selector, text: str) -> Anchor | None:
    """The best-scoring approximate match of the quote above the thresholds, or None."""
    quote = selector.quote
    best: Anchor | None = None
    regions, reach = _candidate_regions(quote, text)
    for rough_start, rough_end in regions:
        start, end = _refine(selector, text, rough_start, rough_end, reach)
        quote_score = similarity(quote, text[start:end])
        if quote_score < MIN_QUOTE_SIMILARITY:
            continue
        if text[start:end] == quote:
            continue  # an exact occurrence: already weighed by locate()
        score = _score(selector, text, start, end, quote_score)
        if score >= MIN_FUZZY_SCORE and (best is None or score > best.score):
            best = Anchor(Status.FUZZY, start, end, score)
    return best


def _refine(selector: Selector, text: str, lo: int, hi: int, reach: int) -> tuple[int, int]:
    """Move each end of a rough match, within ``reach``, to where quote and context fit best.

    The start is scored on quote similarity and how well the recorded prefix fits before it,
    the end likewise with the suffix (quote similarity alone prefers a match cut short when text
    was inserted into the passage). Coarse to fine: every ``reach // 8`` characters, then each.
    """
    quote, prefix, suffix = selector.quote, selector.prefix, selector.suffix

    def start_score(a: int, end: int) -> float:
        if end <= a:
            return -1.0
        return (QUOTE_WEIGHT * similarity(quote, text[a:end])
                + PREFIX_WEIGHT * _context_fit(prefix, text[max(0, a - len(prefix)):a], before=True))

    def end_score(begin: int, b: int) -> float:
        if b <= begin:
            return -1.0
        return (QUOTE_WEIGHT * similarity(quote, text[begin:b])
                + SUFFIX_WEIGHT * _context_fit(suffix, text[b:b + len(suffix)], before=False))

    stride = max(1, reach // 8)
    for span, step in ((reach, stride), (stride, 1)) if stride > 1 else ((reach, 1),):
        lo = max(range(max(0, lo - span), min(hi, lo + span + 1), step),
                 key=lambda a, end=hi, near=lo: (start_score(a, end), -abs(a - near)))
        hi = max(range(max(lo + 1, hi - span), min(len(text), hi + span) + 1, step),
                 key=lambda b, begin=lo, near=hi: (end_score(begin, b), -abs(b - near)))
    return lo, hi


def reanchor(notes: Sequence[N], text: str) -> list[N]:
    """Each note re-anchored against ``text`` (same order; orphaned notes are kept)."""
    return [note.anchored(locate(note.selector, text)) for note in notes]


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _int(value: Any) -> int:
    if type(value) is int:
        return max(0, value)
    try:
        return max(0, int(value))
    except (TypeError, ValueError):
        return 0


def find_quote(text: str, quote: str) -> tuple[int, int] | None:
    """Where a quote typed by a user occurs in ``text``: the first exact occurrence, else the first
    occurrence that differs only in whitespace (a quote copied across a line break). None if absent."""
    if not quote.strip():
        return None
    index = text.find(quote)
    if index != -1:
        return index, index + len(quote)
    words = quote.split()
    match = re.search(r"\s+".join(re.escape(word) for word in words), text)
    return (match.start(), match.end()) if match else None
