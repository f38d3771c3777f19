"""The analysis as an explicit pipeline of named stages, shared by the rule and spaCy engines.

    segments -> entity candidates -> entity votes -> quote marks -> cues -> reported clauses -> speakers

Each stage reads what the earlier ones left on a :class:`Run` and adds its own result, so an
engine differs only in how it finds entities (the rule engine's candidates and votes, or a spaCy
model's), and everything after the entities — quotation marks, cues, the reported-speech rules,
speaker attribution and the final dedupe — is one code path for both.

On a long text, ``run(text, parallel=True)`` uses a second core, with the very same result:
sentences, quotation marks, cues, the quotations' shapes and where each cue's clause opens read
only the text, not the entities, so a forked child finds them while this process runs the entity
stages (it needs only the paragraphs), and sends them back as plain offsets to rebuild them from; then
the text is read in two halves at once, each half's reported clauses then its quotations with their
speakers, the second half by another child (see :mod:`reader.analysis.parallel`): the
``reported clauses`` stage then does the ``speakers`` stage's reading of the quotations too.
"""

from __future__ import annotations

import logging
from array import array
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from reader.analysis.attribution import ATTRIBUTIONS
from reader.analysis.cues import Cues, find_cues
from reader.analysis.marks import Quoted, find_quoted, quoted_from_rows, quoted_rows
from reader.analysis.model import Analysis, Entity, Mention, Quote, group_mentions
from reader.analysis.parallel import quotes_in_two
from reader.analysis.quotes import OpeningRows, QuoteFinder, ShapeRows
from reader.analysis.reported import BLOCKS, INSIDE, OPENERS, REPORTED
from reader.analysis.rules import Rulebook
from reader.analysis.segment import Segments
from reader.analysis.speakers import Resolver

if TYPE_CHECKING:
    from reader.document.forked import ForkedParse, Nudge

log = logging.getLogger(__name__)
_START, _END = attrgetter("start"), attrgetter("end")
RULES = Rulebook(reported=REPORTED, openers=OPENERS, attributions=ATTRIBUTIONS, inside=INSIDE, blocks=BLOCKS)
STAGES = ("segments", "entity candidates", "entity votes", "quote marks", "cues", "reported clauses", "speakers")
_NUDGED_WAIT = 0.02
"""Seconds to wait for a nudged child to start sending before doing its work here: once nudged it
stops within a few dozen cues' work, unless it is still on the stages it must finish."""
PARALLEL_MIN_CHARS = 200_000
"""Below this a text is analysed in one process: forking costs more than the overlap saves."""
_Found = tuple["array[int]", list[tuple[int, int, bool, int]], "array[int]", "array[int]", ShapeRows, OpeningRows]
"""What the child sends back, as plain data: the sentences, the quoted spans, the starts of the cues
outside and inside them, the quotations' shapes, and where each cue's clause would open."""


@dataclass(slots=True)
class Run:
    """What the stages found in one text, filled in stage order."""

    text: str
    segments: Segments | None = None
    candidates: Any = None
    mentions: list[Mention] = field(default_factory=list)
    quoted: list[Quoted] = field(default_factory=list)
    cues: Cues | None = None
    finder: QuoteFinder | None = None
    reported: list[Quote] = field(default_factory=list)
    direct: list[Quote] | None = None  # the quotations, when read together with the reports (parallel)
    quotes: list[Quote] = field(default_factory=list)
    parallel: bool = False  # a second process may take part of the stages (see Pipeline.run)
    shapes: ShapeRows | None = None  # the quotations' shapes, when that process found them
    openings: OpeningRows | None = None  # where each cue's clause opens, when that process found it
    spare: Callable[[list[Mention]], None] | None = None  # the caller's work for a wait (see Pipeline.run)
    resolver: Resolver | None = None  # the speaker resolver, when made before the quote stages (parallel)
    # the mentions by entity, when grouped in a wait (parallel); empty from the start when not wanted
    groups: dict[str, Entity] | None = None
    more_openings: Callable[[], OpeningRows | None] | None = None  # the rest of them, from that process
    traces: bool = True  # a full record of the work: the rules that made each quote, all the resolver remembered

    def analysis(self) -> Analysis:
        groups = self.groups if self.groups is not None else group_mentions(self.mentions)
        return Analysis(entities=self.mentions, quotes=self.quotes, groups=groups)


KEPT: list[Run] = []
"""The last parallel run with all its working state (the entity finder, the quote finder, its
resolver and their tables), kept referenced after :meth:`Pipeline.run` returns. A parallel run is
only for a process analysing one article and ending right after (``reader analyze``, which leaves
without freeing its objects): freeing that state object by object would take 0.03-0.04 s of a
3 MB article's run. One run at most: the next parallel run replaces it."""


class Pipeline:
    """The stages in order; ``candidates`` and ``votes`` are the engine's entity stages.

    ``candidates(text, segments)`` returns anything ``votes(candidates)`` turns into mentions
    sorted by start.
    """

    def __init__(self, candidates: Callable[[str, Segments], Any], votes: Callable[[Any], list[Mention]],
                 rules: Rulebook = RULES) -> None:
        self.find_candidates = candidates
        self.vote = votes
        self.rules = rules

    def stages(self) -> list[tuple[str, Callable[[Run], None]]]:
        """The named stages, in the order they run."""
        steps = [self.segments, self.entity_candidates, self.entity_votes, self.quote_marks, self.find_cues,
                 self.reported_clauses, self.speakers]
        return list(zip(STAGES, steps, strict=True))

    def run(self, text: str, *, parallel: bool = False,
            spare: Callable[[list[Mention]], None] | None = None, groups: bool = True, traces: bool = True) -> Run:
        """Every stage over ``text``; with ``parallel``, a long text's stages share the work with
        forked children (see the module's docstring). Use ``parallel`` only in a process with a
        core to spare and no threads (one article on the command line).

        ``spare``: the caller's own work on the final mentions (e.g. writing them out), done at
        most once, when this process would otherwise wait for a child to finish its half (so it
        takes no time of its own); not at all if no such wait comes. ``groups=False``: the mentions
        will not be grouped by entity (the analysis's ``groups`` stay empty). ``traces=False``: the
        run keeps no full record of its work, only what its analysis needs: the quote finder does not
        record which rules made each quote (``run.finder.origin`` stays empty), and a long text's
        resolver may leave what the second half's child remembered packed (:meth:`Resolver.settle`)."""
        run = Run(text, parallel=parallel and len(text) >= PARALLEL_MIN_CHARS, spare=spare,
                  groups=None if groups else {}, traces=traces)
        if run.parallel:
            KEPT.clear()  # (the last one's state is freed now, not after this run: one at most)
            self._run_overlapped(run)
            if traces and run.finder is not None:
                run.finder.resolver.settle()  # (all it remembered, for who reads the run's state)
            KEPT.append(run)
            return run
        for _name, stage in self.stages():
            stage(run)
        return run

    def analyze(self, text: str, *, parallel: bool = False,
                spare: Callable[[list[Mention]], None] | None = None, groups: bool = True) -> Analysis:
        """:meth:`run`'s analysis; ``groups=False``: without the mentions grouped by entity. Which
        rules made each quote is not recorded: an :class:`Analysis` does not carry it."""
        return self.run(text, parallel=parallel, spare=spare, groups=groups, traces=False).analysis()

    def _run_overlapped(self, run: Run) -> None:
        """The stages in order, but a child finds the sentences, the quote marks, the cues and the
        quotations' shapes while the entity stages (which need only paragraphs) run here; then,
        until this process is done with the entities, where the cues' clauses open, and while this
        process builds the speaker resolver and takes back the child's work, more of that (what is
        left of it the reported-clause stage works out as it goes). If the child cannot be forked or
        fails, all that is done here afterwards: same result."""
        from reader.document.forked import ForkedParse, Nudge, can_fork, room_for

        nudge = Nudge() if can_fork() else None
        nudge_more = Nudge() if nudge is not None else None
        finders: list[QuoteFinder] = []

        def quote_stages() -> _Found:  # in the child, on its own copy of the run
            self.segments(run)
            self.quote_marks(run)
            self.find_cues(run)
            assert run.segments is not None and run.cues is not None
            finder = QuoteFinder(run.text, run.segments, [], run.quoted, run.cues, self.rules, traces=run.traces)
            finders.append(finder)
            found = (run.segments.sentence_rows(), quoted_rows(run.quoted), *run.cues.starts_of(), finder.shape_rows())
            return (*found, finder.opening_rows(enough=nudge.given if nudge is not None else None))

        def more_openings() -> OpeningRows:  # in the child, once its first part is sent
            return finders[0].more_opening_rows(enough=nudge_more.given if nudge_more is not None else None)

        child: ForkedParse[_Found] | None = None
        if nudge is not None:
            try:
                child = ForkedParse(quote_stages, more=more_openings, room=room_for(len(run.text)))
            except OSError:
                child = None
        # Forked before this process builds anything: this process's later writes then copy no
        # pages the two would otherwise share.
        segments = run.segments = Segments(run.text, sentences=False)
        found = None
        try:  # (also when a stage here fails: no child left running, no pipe left open)
            self.entity_candidates(run)
            self.entity_votes(run)
            if nudge is not None:
                nudge.give()  # the child sends what it has (its optional part is then cut short)
                # the resolver's tables of the mentions, while the child sends
                run.resolver = Resolver(run.text, run.mentions, [], segments)
            # On a busy machine the child may lag: then this process starts on the same work itself,
            # step by step, and takes whichever is done first.
            steps = [segments.split_sentences, lambda: self.quote_marks(run), lambda: self.find_cues(run)]
            while steps and child is not None and not child.ready(wait=_NUDGED_WAIT):
                steps.pop(0)()
            if child is not None and steps:
                found = child.result()
            if found is None:
                if child is not None:
                    child.cancel()
                for step in steps:
                    step()
            else:
                sentences, rows, hits, inner, run.shapes, run.openings = found
                segments.add_sentence_rows(sentences)
                run.quoted = quoted_from_rows(rows)
                run.cues = Cues.at(run.text, hits, inner)
                if child is not None and nudge_more is not None:
                    run.more_openings = partial(_more_from, child, nudge_more)
            self.reported_clauses(run)
            self.speakers(run)
        finally:
            if child is not None:
                child.cancel()  # (nothing to do once all it sends was taken)
            for each in (nudge, nudge_more):
                if each is not None:
                    each.close()

    # -- stages ----------------------------------------------------------------------------------

    def segments(self, run: Run) -> None:
        run.segments = Segments(run.text)

    def entity_candidates(self, run: Run) -> None:
        assert run.segments is not None
        run.candidates = self.find_candidates(run.text, run.segments)

    def entity_votes(self, run: Run) -> None:
        run.mentions = self.vote(run.candidates)

    def quote_marks(self, run: Run) -> None:
        assert run.segments is not None
        run.quoted = find_quoted(run.text, run.segments)

    def find_cues(self, run: Run) -> None:
        run.cues = find_cues(run.text, run.quoted)

    def reported_clauses(self, run: Run) -> None:
        """Reported speech first: its clauses then stop names inside them being taken for the
        antecedent of a later "he said"."""
        assert run.segments is not None and run.cues is not None
        finder = run.finder = QuoteFinder(run.text, run.segments, run.mentions, run.quoted, run.cues, self.rules,
                                          run.resolver, traces=run.traces)
        if run.shapes is not None:
            finder.adopt_shape_rows(run.shapes)
        if run.openings is not None:
            finder.adopt_opening_rows(run.openings)
        taken = finder.direct_spans()
        if run.more_openings is not None:  # what the child worked out while this process went on
            more, run.more_openings = run.more_openings, None
            extra = more()
            if extra is not None:
                finder.adopt_opening_rows(extra)
        both = quotes_in_two(run.segments, finder, taken, _spare_work(run)) if run.parallel else None
        if both is not None:  # the quotations too, each half's after its reports (same result)
            run.reported, run.direct = both
            return
        run.reported = finder.reported(taken)
        finder.resolver.add_quoted([(q.start, q.end) for q in run.reported])

    def speakers(self, run: Run) -> None:
        """The quotations with their speakers, then all quotes in text order, each span once."""
        assert run.finder is not None
        assert run.segments is not None
        direct = run.direct if run.direct is not None else run.finder.direct_quotes()
        quotes = direct + run.finder.blocks() + run.reported
        sort_by_span(quotes)
        run.quotes = dedupe(quotes)


def _more_from(child: ForkedParse[_Found], nudge: Nudge) -> OpeningRows | None:
    """Tell the child to stop, and take the openings and clauses it worked out since it sent its
    part (None if it does not send them within :data:`_NUDGED_WAIT`: it is ended then)."""
    nudge.give()
    more = child.more(wait=_NUDGED_WAIT)
    return more if isinstance(more, OpeningRows) else None


def _spare_work(run: Run) -> Callable[[], None]:
    """Work on this run's final mentions for a wait, done once: the caller's (see
    :meth:`Pipeline.run`), then grouping them by entity for the analysis."""
    def once() -> None:
        spare, run.spare = run.spare, None
        if spare is not None:
            try:
                spare(run.mentions)
            except Exception:  # noqa: BLE001 - optional work: left undone, the caller does it itself later
                log.debug("spare work failed", exc_info=True)
        if run.groups is None:
            run.groups = group_mentions(run.mentions)
    return once


def sort_by_span(quotes: list[Quote]) -> None:
    """Sort ``quotes`` by (start, end), stably: by end, then stably by start, the same order as one
    sort by the pair, in less time (whole numbers compare faster than pairs: 2.7 -> 1.7 ms for
    18,000 quotes, at the end of a long article's run, on one core)."""
    quotes.sort(key=_END)
    quotes.sort(key=_START)


def dedupe(quotes: list[Quote]) -> list[Quote]:
    """The first quote of each span, of quotes sorted (stably) by span, so those of a span are side
    by side (direct quotations come before reports of the same span)."""
    out: list[Quote] = []
    last_start = last_end = -1
    for q in quotes:
        if q.start != last_start or q.end != last_end:
            out.append(q)
            last_start, last_end = q.start, q.end
    return out
