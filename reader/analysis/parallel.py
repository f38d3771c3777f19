"""One long text's quotes read in two halves at once, the second by a forked child, exactly.

The quote stages go through the text in order, and a few things they learn on the way change
later answers: the speaker resolver remembers speakers (for a later "the agency") and completes
names ("James B." before ". Cole"), and a quotation may take the speaker of the one before it.
Each function here cuts its work at a paragraph where nothing before it can reach what comes
after, except through the resolver; the child's resolver notes every answer that might have
needed what the parent learns meanwhile (see :meth:`Resolver.partial`). Then, or if the child
fails, the parent reads the second half itself; otherwise it adopts the child's quotes and what
its resolver learned, so every later stage sees the sequential state.

Used by :meth:`reader.analysis.pipeline.Pipeline.run` with ``parallel`` (one long article on the
command line, whose process has a core to spare and no threads).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from reader.analysis.model import Quote
from reader.analysis.quotes import QuoteFinder
from reader.analysis.segment import Segments
from reader.analysis.speakers import ResolverDelta

Mine = TypeVar("Mine")
_Rows = tuple[list[tuple[Any, ...]], ResolverDelta, list[tuple[tuple[int, int], list[str]]]]


_CHUNK = 200
"""Cues read here between two looks at whether the child is done (a few milliseconds' work)."""


def reported_in_two(segments: Segments, finder: QuoteFinder, taken: list[tuple[int, int]],
                    spare: Callable[[], None] | None = None) -> list[Quote]:
    """``finder.reported(taken)``, the cues from the paragraph holding the middle one read by a child.

    A report never runs past its sentence, nor a sentence past its paragraph; the cues after the
    cut only depend on the ones before through the resolver, and through how far a report before
    reached (checked: none may reach past the cut). ``spare``: see :func:`_in_two`.
    """
    hits = finder.hits
    if len(hits) < 2:
        return finder.reported(taken)
    floor = segments.paragraphs[segments.paragraph_index(hits[len(hits) // 2].start())].start
    k = bisect_left(finder.cues.starts, floor)
    rest = hits[k:]

    def here(mine: tuple[list[Quote], int]) -> Iterator[list[Quote]]:
        reach = mine[1]
        for i in range(0, len(rest), _CHUNK):
            quotes, reach = finder.reported_at_cues(taken, rest[i:i + _CHUNK], reach)
            yield quotes

    found = _in_two(finder, floor, lambda: finder.reported_at_cues(taken, hits[:k]),
                    lambda: finder.reported_at_cues(taken, rest)[0],
                    lambda mine: not rest or mine[1] <= rest[0].start(), here, spare)
    if found is None:
        return finder.reported(taken)
    (first, _reach), second = found
    return first + second + finder.reported_inside()


def quotations_in_two(segments: Segments, finder: QuoteFinder, spare: Callable[[], None] | None = None) -> list[Quote]:
    """``finder.direct_quotes()``, the quotations from a cut near the middle attributed by a child.

    A quotation takes the speaker of the one before it only in the same or the next paragraph (or
    sentence), so the cut is at a quotation two paragraphs or more after where the one before it
    closed: from there on, nothing but the resolver carries over. (The same cuts further on let
    this process read the child's half piece by piece, should it have to.)
    """
    shapes = finder.shapes()
    paragraph_of = segments.paragraph_index
    cuts = [i for i in range(max(1, len(shapes) // 2), len(shapes))
            if shapes[i][3] - paragraph_of(shapes[i - 1][0].close) >= 2]
    if not cuts:
        return finder.direct_quotes()
    cut = cuts[0]
    floor = segments.paragraphs[shapes[cut][3]].start

    def here(_mine: list[Quote]) -> Iterator[list[Quote]]:
        for a, b in zip(cuts, [*cuts[1:], len(shapes)], strict=True):
            yield finder.direct_quotes(shapes=shapes[a:b])

    found = _in_two(finder, floor, lambda: finder.direct_quotes(shapes=shapes[:cut]),
                    lambda: finder.direct_quotes(shapes=shapes[cut:]), lambda _mine: True, here, spare)
    if found is None:
        return finder.direct_quotes()
    first, second = found
    return first + second


def _in_two(finder: QuoteFinder, floor: int, first: Callable[[], Mine], second: Callable[[], list[Quote]],
            fits: Callable[[Mine], bool], here: Callable[[Mine], Iterator[list[Quote]]],
            spare: Callable[[], None] | None = None) -> tuple[Mine, list[Quote]] | None:
    """``first()`` here while a forked child runs ``second()`` (the quotes from ``floor`` on).

    Then, while the child is not done (a busy machine may slow it), this process reads the second
    half itself, piece by piece (``here(first())`` yields the pieces, exactly what ``second()``
    gives once joined): whichever finishes first wins. The child's quotes are taken, and what its
    resolver learned, when ``fits(first())`` and its resolver is sure (see ``Resolver.adopt``); what
    this process had read of the second half meanwhile is then forgotten. None when no child could
    be forked. ``spare``: the caller's work, done here first if the child is still busy when this
    process is done with ``first()`` (time it would otherwise spend redoing the child's work).
    """
    from reader.document.forked import ForkedParse, can_fork

    if not can_fork():
        return None
    resolver = finder.resolver

    def in_child() -> _Rows:
        resolver.partial(floor)
        traced = {span: len(names) for span, names in finder.origin.items()}
        quotes = second()
        origin = [(span, names[traced.get(span, 0):]) for span, names in finder.origin.items()
                  if len(names) > traced.get(span, 0)]
        return [_quote_row(q) for q in quotes], resolver.learned(), origin

    labels_before = set(resolver.labels)
    try:
        child = ForkedParse(in_child)
    except OSError:
        return None
    mine = first()
    if not fits(mine):
        child.cancel()
        return mine, [q for piece in here(mine) for q in piece]
    if spare is not None and not child.ready():
        spare()
    saved = finder.checkpoint()
    pieces = here(mine)
    done: list[Quote] = []
    while not child.ready():
        piece = next(pieces, None)
        if piece is None:  # this process got there first
            child.cancel()
            return mine, done
        done.extend(piece)
    found = child.result()
    if found is not None:
        finder.restore(saved)
        rows, learned, origin = found
        if resolver.adopt(learned, labels_before):
            for span, names in origin:
                finder.origin.setdefault(span, []).extend(names)
            return mine, [Quote(*row) for row in rows]
        pieces, done = here(mine), []  # the child may have answered differently: all of it here
    for piece in pieces:
        done.extend(piece)
    return mine, done


def _quote_row(q: Quote) -> tuple[Any, ...]:
    """A quote as a plain tuple, to send to another process (a slotted dataclass pickles far slower)."""
    return (q.text, q.kind, q.start, q.end, q.speaker, q.cue, q.cue_start, q.cue_end)
