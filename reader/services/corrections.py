"""Apply the user's corrections on top of an analysis: every view and export goes through here.

The engine's answer is never changed in the cache; each time an analysis is used, the
article's corrections (re-anchored against its current text) are laid over it:

- a speaker correction sets (or clears) the speaker of the quote it overlaps most, and adds
  the passage as a quote when the engine missed it;
- ``not_a_quote`` drops the quote it overlaps;
- an entity correction changes the kind of every mention of that name, or (``NONE``) drops them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from reader.analysis import Analysis, Mention, Quote
from reader.analysis.model import group_mentions
from reader.store import Status
from reader.store.corrections import ENTITY_KIND, NOT_A_QUOTE, NOT_AN_ENTITY, SPEAKER, Correction

_OPENING_MARKS = "\"“‘'«„‹「"


def _best(quotes: Sequence[Quote], start: int, end: int) -> int | None:
    """Index of the quote that overlaps ``start..end`` most (at least half of the shorter), or None."""
    best: tuple[int, int] | None = None
    for i, quote in enumerate(quotes):
        overlap = min(end, quote.end) - max(start, quote.start)
        if overlap <= 0 or overlap * 2 < min(end - start, quote.end - quote.start):
            continue
        if best is None or overlap > best[0]:
            best = (overlap, i)
    return best[1] if best else None


def apply_to_quotes(quotes: Iterable[Quote], corrections: Iterable[Correction]) -> list[Quote]:
    """``quotes`` with the quote corrections applied (sorted by position)."""
    out = list(quotes)
    for c in corrections:
        if c.kind not in (SPEAKER, NOT_A_QUOTE) or c.status is Status.ORPHANED or c.end <= c.start:
            continue
        index = _best(out, c.start, c.end)
        if c.kind == NOT_A_QUOTE:
            if index is not None:
                del out[index]
        elif index is not None:
            out[index] = replace(out[index], speaker=c.speaker)
        elif c.speaker:
            kind = "direct" if c.quote[:1] in _OPENING_MARKS else "indirect"
            out.append(Quote(c.quote, kind, c.start, c.end, c.speaker))
    out.sort(key=lambda q: (q.start, q.end))
    return out


def apply_corrections(analysis: Analysis, corrections: Sequence[Correction]) -> Analysis:
    """A new analysis: ``analysis`` with ``corrections`` laid over it (``analysis`` is not changed)."""
    if not corrections:
        return analysis
    kinds = {c.entity.casefold(): c.label for c in corrections if c.kind == ENTITY_KIND}
    mentions = analysis.entities
    groups = analysis.groups
    if kinds:
        mentions = [replace(m, label=kinds.get(m.entity.casefold(), kinds.get(m.text.casefold(), m.label)))
                    if m.label != "DATE" else m for m in mentions]
        mentions = [m for m in mentions if m.label != NOT_AN_ENTITY]
        groups = group_mentions(mentions)
        for name, group in groups.items():
            fixed = kinds.get(name.casefold())
            if fixed is not None:
                group.label = fixed
    quotes = apply_to_quotes(analysis.quotes, corrections)
    return Analysis(entities=list[Mention](mentions), quotes=quotes, groups=groups)
