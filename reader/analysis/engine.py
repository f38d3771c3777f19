"""``analyze``: the rule engine's entry point, tying segmentation, entities and quotes together."""

from __future__ import annotations

import logging

from reader.analysis.entities import EntityFinder
from reader.analysis.model import Analysis, Entity, Mention, Quote
from reader.analysis.quotes import QuoteFinder
from reader.analysis.segment import Segments

log = logging.getLogger(__name__)


def analyze(text: str) -> Analysis:
    """Find the named entities and attributed quotes of ``text``.

    Pure and deterministic: it keeps no state between calls, so it can run in a worker thread
    while the reading pane stays responsive. It never raises on a string; an internal failure is
    logged and yields an empty analysis rather than taking the reader down.
    """
    if not isinstance(text, str) or not text.strip():
        return Analysis()
    try:
        return _analyze(text)
    except Exception:  # pragma: no cover - a bug must not break reading; it is logged
        log.exception("analysis failed")
        return Analysis()


def _analyze(text: str) -> Analysis:
    segments = Segments(text)
    mentions = EntityFinder(text, segments).find()
    finder = QuoteFinder(text, segments, mentions)
    quotes = attributed_quotes(finder)
    quotes.sort(key=lambda q: (q.start, q.end))
    return Analysis(entities=mentions, quotes=_dedupe(quotes), groups=group_mentions(mentions))


def attributed_quotes(finder: QuoteFinder) -> list[Quote]:
    """Reported speech first (its clauses then stop names inside them being taken for the
    antecedent of a later "he said"), then the quotations with their speakers."""
    spans = finder.direct_quotes(attribute=False)
    taken = sorted((q.start, q.end) for q in spans if q.kind == "direct")
    reported = finder.reported(taken)
    finder.resolver.add_quoted([(q.start, q.end) for q in reported])
    return finder.direct_quotes() + finder.introduced_blocks() + reported


def _dedupe(quotes: list[Quote]) -> list[Quote]:
    out: list[Quote] = []
    seen: set[tuple[int, int]] = set()
    for q in quotes:
        if (q.start, q.end) not in seen:
            seen.add((q.start, q.end))
            out.append(q)
    return out


def group_mentions(mentions: list[Mention]) -> dict[str, Entity]:
    """Mentions grouped by canonical name (PERSON, ORG, PLACE and NORP; dates are not entities)."""
    groups: dict[str, Entity] = {}
    for m in mentions:
        if m.label == "DATE":
            continue
        entity = groups.get(m.entity)
        if entity is None:
            entity = groups[m.entity] = Entity(m.entity, m.label)
        entity.mentions.append(m)
    return groups
