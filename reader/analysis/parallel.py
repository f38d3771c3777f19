"""One long text's reports and quotations read in two halves at once, the second by a forked child, exactly.

Read in one process, the quote stages go: the reports at every cue, then the reports inside
quotations, then the quotations with their speakers. A few things learned on the way change
later answers: the speaker resolver remembers speakers (for a later "the agency"), completes
names ("James B." before ". Cole") and, once the reports are known, stops names inside them being
taken for a later "he said"'s antecedent; a quotation may take the speaker of the one before it.

Here the text is cut at a paragraph (the floor) where nothing before it reaches what comes after
except through the resolver: no report or quotation runs across it, and the quotation after it is
two paragraphs or more from the one before. This process reads the reports, inside reports and
quotations before the floor; a child forked beforehand reads those from the floor on, and needs
from this process only the spans of its reports, which it is handed as soon as they are known
(:class:`reader.document.forked.Handoff`). Each side's resolver notes every answer that might
have needed what the other learns meanwhile (see :meth:`Resolver.partial` and
:meth:`Resolver.bounded`); the child's searches of the speakers remembered before the floor come
back as questions this process checks against its own (:meth:`Resolver.holds`). When one might
differ, or the child fails, this process reads the second half itself, as one process would
have after its first half's reports. Otherwise it adopts the
child's quotes and what its resolver learned, in the order one process would have learned it,
so every later stage sees the sequential state.

Used by :meth:`reader.analysis.pipeline.Pipeline.run` with ``parallel`` (one long article on the
command line, whose process has a core to spare and no threads).
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterator
from typing import Any

from reader.analysis.model import Quote
from reader.analysis.quotes import QuoteFinder
from reader.analysis.records import dict_maker
from reader.analysis.segment import Segments
from reader.analysis.speakers import ResolverDelta

_Origin = list[tuple[tuple[int, int], list[str]]]
_Half = tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], list[tuple[Any, ...]], ResolverDelta, tuple[int, int],
              tuple[bytes, list[str]], bytes]
"""What the child sends back: its reports, inside reports and quotations as rows, what its resolver
learned, where its subject rules fired for the first two (counts into ``ResolverDelta.fired``),
the rules that made each quote (packed: see :func:`_packed`), and the speakers and answers its
resolver remembered, pickled apart (see :meth:`ResolverDelta.split`)."""

_quote = dict_maker(Quote)
_PATIENCE = 0.15
"""Seconds to wait for a child about to send before reading its half here too (going back to the
state after the first half's reports, and to this one if the child's work is taken, costs a few
milliseconds each: worth it only when the child lags far behind, on a busy machine)."""
_CHUNK = 200
"""Cues read here between two looks at whether a lagging child is done (a few milliseconds' work)."""


def quotes_in_two(segments: Segments, finder: QuoteFinder, taken: list[tuple[int, int]],
                  spare: Callable[[], None] | None = None) -> tuple[list[Quote], list[Quote]] | None:
    """``(reported, direct)``: what ``finder.reported(taken)`` then (the reports' spans added to
    the resolver) ``finder.direct_quotes()`` give, with the resolver then as they leave it; the
    second half read by a child. None, with nothing read, where the text has no such cut or no
    child can be forked. ``spare``: the caller's work, done here if the child is still busy when
    this process is done with its half (time it would otherwise spend redoing the child's work).
    """
    from reader.document.forked import ForkedParse, Handoff, can_fork, room_for

    hits, inner = finder.hits, finder.inner_hits
    cut = _cut(segments, finder)
    if cut is None or not can_fork():
        return None
    floor, q_cut = cut
    shapes = finder.shapes()
    k = bisect_left(finder.cues.starts, floor)
    j = bisect_left([h.start() for h in inner], floor)
    resolver = finder.resolver
    handoff = Handoff(2 * (2 * k + j))  # (two offsets a report; a cue may make two reports)

    def in_child() -> _Half | None:
        handoff.in_child()
        resolver.partial(floor)
        traced = finder.trace_counts()
        fired = len(resolver.fired)
        reported = finder.reported_at_cues(taken, hits[k:])[0]
        after_reported = len(resolver.fired) - fired
        resolver.phase = 1
        inside = finder.reported_inside(inner[j:])
        after_inside = len(resolver.fired) - fired
        resolver.phase = 2
        given = handoff.take()  # the spans of this process's reports before the floor
        if given is None:
            return None
        resolver.add_quoted([*zip(given[::2], given[1::2], strict=True), *_spans(reported), *_spans(inside)])
        direct = finder.direct_quotes(shapes=shapes[q_cut:])
        origin = _packed(finder.traced_since(traced))
        learned, memory = resolver.learned().split()
        return (_rows(reported), _rows(inside), _rows(direct), learned, (after_reported, after_inside), origin,
                memory)

    labels_before = set(resolver.labels)
    fired_before = len(resolver.fired)
    try:
        child = ForkedParse(in_child, room=room_for(len(finder.text)))
    except OSError:
        handoff.close()
        return None
    try:
        handoff.in_parent()
        first, reach = finder.reported_at_cues(taken, hits[:k])
        alone = _Alone(finder, taken, hits[k:], reach, first)
        if k < len(hits) and reach > hits[k].start():  # a report ran past the floor (not seen so far)
            child.cancel()
            return alone.finish()
        alone.start = finder.checkpoint()  # where one process goes on with the second half's reports
        fired_first = len(resolver.fired)
        resolver.bounded(floor)
        inside = finder.reported_inside(inner[:j])
        fired_inside = len(resolver.fired)
        remembered = [alone.start[0][0], list(resolver.history)]  # (the speakers the child's questions read)
        mine = _spans(first) + _spans(inside)
        if not handoff.give([offset for span in mine for offset in span]):
            handoff.close()  # (more than it has room for: the child is told none will come)
        resolver.add_quoted(mine)
        direct = finder.direct_quotes(shapes=shapes[:q_cut])
        remembered.append(list(resolver.history))
        unsure, missed = resolver.unbounded()
        if spare is not None and not child.ready():
            spare()  # (once: see pipeline._spare_work)
        if not child.ready():
            finder.prepare_blocks(child.ready)  # (the blocks come after the join: what they read of the text, now)
        done = None
        child.ready(wait=_PATIENCE)
        while not child.ready():  # a busy machine slows the child: read its half here meanwhile
            if done is None:
                done = finder.checkpoint(whole=True)
            if not alone.step():
                return alone.finish()
        found = child.result(reap=False)  # (reaped by the cancel below, once it has left: not waited for now)
        if found is not None and not unsure and not missed & found[3].labels.keys() and \
                resolver.holds(found[3].questions, remembered, floor, labels_before):
            reported2, inside2, direct2, learned, (after_reported, after_inside), origin, memory = found
            progress = None
            if done is not None:
                progress = finder.checkpoint(whole=True)
                finder.restore(done)
            if resolver.adopt(learned, labels_before, memory):
                ours, theirs = resolver.fired[fired_before:], learned.fired
                resolver.fired[fired_before:] = [
                    *ours[:fired_first - fired_before], *theirs[:after_reported],
                    *ours[fired_first - fired_before:fired_inside - fired_before], *theirs[after_reported:after_inside],
                    *ours[fired_inside - fired_before:len(ours) - len(theirs)], *theirs[after_inside:]]
                finder.add_traces(_unpacked(origin))
                second = [_quote(*row) for row in reported2]
                second_inside = [_quote(*row) for row in inside2]
                resolver.add_quoted(_spans(second) + _spans(second_inside), forget=False, later=True)
                return first + second + inside + second_inside, direct + [_quote(*row) for row in direct2]
            if progress is not None:
                finder.restore(progress)
        return alone.finish()  # the child's half here, after all (or the rest of it)
    finally:
        child.cancel()
        handoff.close()


class _Alone:
    """The second half as one process reads it after the first half's reports, from the state
    ``start`` (a checkpoint of the finder), piece by piece: what this process does while a
    lagging child is not done, and all of it when the child's work cannot be used."""

    def __init__(self, finder: QuoteFinder, taken: list[tuple[int, int]], rest: list[Any], reach: int,
                 first: list[Quote]) -> None:
        self.finder, self.start = finder, None
        self._steps = self._pieces(taken, rest, reach, first)
        self._result: tuple[list[Quote], list[Quote]] | None = None

    def step(self) -> bool:
        """Read one more piece; False once all is read."""
        return next(self._steps, None) is not None and self._result is None

    def finish(self) -> tuple[list[Quote], list[Quote]]:
        """Read what is left: ``(reported, direct)``."""
        while self.step():
            pass
        assert self._result is not None
        return self._result

    def _pieces(self, taken: list[tuple[int, int]], rest: list[Any], reach: int, first: list[Quote]) -> Iterator[bool]:
        finder = self.finder
        if self.start is not None:
            finder.restore(self.start)
        reported = list(first)
        for i in range(0, len(rest), _CHUNK):
            quotes, reach = finder.reported_at_cues(taken, rest[i:i + _CHUNK], reach)
            reported.extend(quotes)
            yield True
        reported.extend(finder.reported_inside())
        finder.resolver.add_quoted(_spans(reported))
        yield True
        shapes = finder.shapes()
        direct: list[Quote] = []
        for a, b in _runs(finder, shapes):
            direct.extend(finder.direct_quotes(shapes=shapes[a:b]))
            yield True
        self._result = (reported, direct)
        yield True


def _cut(segments: Segments, finder: QuoteFinder) -> tuple[int, int] | None:
    """The floor (a paragraph's start) and the index of the first quotation from it on: the
    quotation cut nearest the middle cue (one that takes no speaker from those before it: see
    :func:`_takes_nothing_before`). None for too few cues, or no cut."""
    hits = finder.hits
    if len(hits) < 2:
        return None
    shapes = finder.shapes()
    paragraphs, paragraph_of = segments.paragraphs, segments.paragraph_index
    middle = len(hits) // 2
    starts = finder.cues.starts
    best: tuple[int, int, int] | None = None
    if not shapes:
        best = (0, paragraphs[paragraph_of(hits[middle].start())].start, 0)
    for i in range(1, len(shapes)):
        if not _takes_nothing_before(shapes, i, paragraph_of):
            continue
        floor = paragraphs[shapes[i][3]].start
        off = abs(bisect_left(starts, floor) - middle)
        if best is not None and off > best[0]:
            break  # (further cuts are further from the middle)
        if best is None or off < best[0]:
            best = (off, floor, i)
    if best is None or not 0 < bisect_left(starts, best[1]) < len(hits):
        return None
    return best[1], best[2]


def _takes_nothing_before(shapes: list[Any], i: int, paragraph_of: Callable[[int], int]) -> bool:
    """Does quotation ``i`` take no speaker from the ones before it? Yes when it is two paragraphs
    or more after where the one before it closed (a quotation takes the speaker of the one before
    it only in the same or the next paragraph)."""
    return shapes[i][3] - paragraph_of(shapes[i - 1][0].close) >= 2


def _runs(finder: QuoteFinder, shapes: list[Any]) -> list[tuple[int, int]]:
    """The quotations in runs that take no speaker from the run before (see :func:`_cut`)."""
    paragraph_of = finder.seg.paragraph_index
    cuts = [0] + [i for i in range(1, len(shapes)) if _takes_nothing_before(shapes, i, paragraph_of)]
    return list(zip(cuts, [*cuts[1:], len(shapes)], strict=True))


def _packed(origin: _Origin) -> tuple[bytes, list[str]]:
    """The rules that made each quote as one array of (start, end, how many) and the names in a row:
    a long text's child sends some 5,000, which pickle (and load) in a fraction of the time so."""
    return array("q", [n for (start, end), names in origin for n in (start, end, len(names))]).tobytes(), \
        [name for _span, names in origin for name in names]


def _unpacked(packed: tuple[bytes, list[str]]) -> Iterator[tuple[tuple[int, int], list[str]]]:
    """What :func:`_packed` packed."""
    numbers, names = array("q"), packed[1]
    numbers.frombytes(packed[0])
    at = 0
    row = iter(numbers.tolist())
    for start, end, count in zip(row, row, row, strict=True):
        yield (start, end), names[at:at + count]
        at += count


def _spans(quotes: list[Quote]) -> list[tuple[int, int]]:
    return [(q.start, q.end) for q in quotes]


def _rows(quotes: list[Quote]) -> list[tuple[Any, ...]]:
    """Quotes as plain tuples, to send to another process (a dataclass pickles far slower)."""
    return [(q.text, q.kind, q.start, q.end, q.speaker, q.cue, q.cue_start, q.cue_end) for q in quotes]
