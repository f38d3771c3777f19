"""The rule and spaCy engines share one pipeline: same quote stages, same dedupe.

spaCy is optional and not needed here: a stand-in ``nlp`` gives the entities a model would.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.analysis import analyze
from reader.analysis.model import Quote
from reader.analysis.pipeline import dedupe
from reader.analysis.quotes import SENT_END_STRIP, SPAN_ENDS, THAT_SOON_RE
from reader.analysis.spacy_engine import analyze_spacy


@dataclass
class _Ent:
    text: str
    label_: str
    start_char: int
    end_char: int


class _Doc:
    def __init__(self, ents: list[_Ent]) -> None:
        self.ents = ents


def _fake_nlp(names: dict[str, str]):
    def nlp(text: str) -> _Doc:
        ents = []
        for name, label in names.items():
            start = text.find(name)
            while start >= 0:
                ents.append(_Ent(name, label, start, start + len(name)))
                start = text.find(name, start + 1)
        return _Doc(sorted(ents, key=lambda e: e.start_char))
    return nlp


TEXT = ("Harbour master Joan Petrie inspected the pier on Monday. “The pier is safe again,” Petrie said. "
        "She said the ferry would sail on Thursday.")


def test_spacy_engine_runs_the_shared_quote_stages() -> None:
    nlp = _fake_nlp({"Joan Petrie": "PERSON", "Petrie": "PERSON"})
    spacy_result = analyze_spacy(TEXT, nlp)
    rule_result = analyze(TEXT)
    assert [(q.text, q.kind, q.speaker) for q in spacy_result.quotes] == \
        [(q.text, q.kind, q.speaker) for q in rule_result.quotes]
    assert ("The pier is safe again", "direct", "Joan Petrie") in [(q.text, q.kind, q.speaker)
                                                                   for q in spacy_result.quotes]
    spans = [(q.start, q.end) for q in spacy_result.quotes]
    assert len(spans) == len(set(spans))  # deduplicated, as the rule engine's


def test_dedupe_keeps_the_first_quote_of_a_span() -> None:
    a = Quote("x y z", "direct", 0, 5, "A")
    b = Quote("x y z", "indirect", 0, 5, "B")
    c = Quote("y z", "indirect", 2, 5, "B")
    assert dedupe([a, b, a, c, c]) == [a, c]


@given(st.lists(st.tuples(st.integers(0, 6), st.integers(0, 6), st.sampled_from(["direct", "indirect"]))))
def test_dedupe_of_sorted_quotes_is_the_first_of_each_span(spans) -> None:
    """Sorted stably by span, the first quote of each span is what a set of seen spans would keep."""
    quotes = sorted((Quote("x", kind, a, b, None) for a, b, kind in spans), key=lambda q: (q.start, q.end))
    seen: set[tuple[int, int]] = set()
    first = [q for q in quotes if (q.start, q.end) not in seen and not seen.add((q.start, q.end))]
    assert dedupe(quotes) == first


@given(st.lists(st.tuples(st.integers(0, 6), st.integers(0, 6), st.sampled_from(["direct", "indirect"]))))
def test_sorting_by_span_is_one_stable_sort_by_the_pair(spans) -> None:
    from reader.analysis.pipeline import sort_by_span

    quotes = [Quote(str(i), kind, a, b, None) for i, (a, b, kind) in enumerate(spans)]
    expected = sorted(quotes, key=lambda q: (q.start, q.end))
    sort_by_span(quotes)
    assert [q.text for q in quotes] == [q.text for q in expected]  # (ties keep their order)


def _long_text() -> str:
    """Over PARALLEL_MIN_CHARS: the test articles, each paragraph kept apart, repeated."""
    from pathlib import Path

    from reader.analysis.pipeline import PARALLEL_MIN_CHARS

    gold = Path(__file__).resolve().parents[1] / "gold"
    articles = [p.read_text(encoding="utf-8") for p in sorted(gold.glob("*.txt"))]
    text = "\n\n".join(articles)
    return "\n\n".join([text] * (PARALLEL_MIN_CHARS // len(text) + 1))


def test_parallel_run_finds_exactly_what_the_sequential_run_does(monkeypatch) -> None:
    """Sentences, quote marks, cues, quotation shapes and the second half's reports found by forked
    children are rebuilt into the very same results. (This process waits for each child here: on a
    loaded machine it could otherwise finish first and adopt nothing, which the tests below cover.)"""
    import reader.document.forked as forked
    from reader.analysis.engine import PIPELINE

    real_ready = forked.ForkedParse.ready
    monkeypatch.setattr(forked.ForkedParse, "ready", lambda self, wait=0.0: real_ready(self, wait=120.0))
    text = _long_text()
    sequential, parallel = PIPELINE.run(text), PIPELINE.run(text, parallel=True)
    assert parallel.segments is not None and sequential.segments is not None
    assert parallel.segments.sentences == sequential.segments.sentences
    assert parallel.segments.paragraphs == sequential.segments.paragraphs
    assert parallel.quoted == sequential.quoted
    assert parallel.shapes is not None  # the child's work was adopted, not redone here
    assert parallel.finder is not None and sequential.finder is not None
    assert parallel.finder._shapes == sequential.finder._shapes
    assert parallel.finder.origin == sequential.finder.origin
    assert parallel.finder.resolver.history == sequential.finder.resolver.history
    assert parallel.cues is not None and sequential.cues is not None
    assert [m.span() for m in parallel.cues.hits] == [m.span() for m in sequential.cues.hits]
    assert [m.span() for m in parallel.cues.inner] == [m.span() for m in sequential.cues.inner]
    assert parallel.cues.starts == sequential.cues.starts
    assert parallel.mentions == sequential.mentions
    assert parallel.openings is not None  # where each cue's clause opens: the child's, adopted
    asked = sequential.finder._openings
    assert asked and all(parallel.finder._openings[key] == opening for key, opening in asked.items())
    assert parallel.quotes == sequential.quotes
    assert parallel.direct is not None  # the quotations too were read in two halves
    assert len(parallel.quotes) > 100


def test_an_opener_skipped_for_its_verb_would_have_found_nothing() -> None:
    """An opener's ``when`` only spares work: at every cue of the test articles whose verb it does
    not take, the opener itself answers None."""
    from reader.analysis.engine import PIPELINE
    from reader.analysis.quotes import THAT_SOON_RE

    run = PIPELINE.run(_long_text()[:400_000])
    assert run.finder is not None
    gated = [rule for rule in PIPELINE.rules.openers if rule.when is not None]
    assert len(gated) >= 5
    skipped = 0
    for hit in run.finder.hits:
        verb, pos = hit.group(), hit.end()
        that = THAT_SOON_RE.match(run.text, pos)
        for rule in gated:
            if not rule.applies(verb):
                skipped += 1
                assert rule.find(run.finder, verb, pos, that) is None, (rule.name, verb, run.text[pos:pos + 60])
    assert skipped > 1000


def test_a_reported_rule_skipped_for_what_it_needs_would_have_found_nothing() -> None:
    """A rule's ``needs`` only spares work: at every cue of the test articles where a reported-speech
    rule's test fails, the rule itself answers None (and learns nothing: the resolver is not asked);
    so does an opener without the word it needs after the verb, and a span end on a clause without
    the marks it needs."""
    from reader.analysis.engine import PIPELINE

    text = _long_text()[:400_000]
    run = PIPELINE.run(text)
    finder = run.finder
    assert finder is not None
    needy = [rule for rule in PIPELINE.rules.reported if rule.needs is not None]
    assert len(needy) >= 3
    skipped = 0
    for hit in finder.hits:
        sent = finder.seg.sentence_at(hit.start())
        if sent is None:
            continue
        end = sent.end
        while end > sent.start and text[end - 1] in SENT_END_STRIP:
            end -= 1
        for rule in PIPELINE.rules.reported:  # a rule whose ``when`` does not take the cue word, likewise
            if not rule.applies(hit.group()) and not rule.final:
                skipped += 1
                assert rule.find(finder, hit, sent, end) is None, (rule.name, text[sent.start:sent.end])
        for rule in needy:
            if rule.applies(hit.group()) and not rule.needs(finder, hit, sent):
                skipped += 1
                before = finder.checkpoint()
                assert rule.find(finder, hit, sent, end) is None, (rule.name, text[sent.start:sent.end])
                assert finder.checkpoint() == before, rule.name
        that = THAT_SOON_RE.match(text, hit.end())
        for rule in PIPELINE.rules.openers:
            if rule.needs is not None and rule.applies(hit.group()) and not rule.needs(finder, hit.group(), hit.end(), that):
                skipped += 1
                assert rule.find(finder, hit.group(), hit.end(), that) is None, (rule.name, text[hit.end():end])
        for rule in SPAN_ENDS:  # a span end that needs a mark the clause (here: all after the cue) lacks
            if not rule.needs(finder, hit.end(), end):
                skipped += 1
                assert rule.find(finder, hit.end(), end, False) is None, (rule.name, text[hit.end():end])
    assert skipped > 1000


def test_parallel_run_without_fork_gives_the_same_result(monkeypatch) -> None:
    """Where fork is missing the stages simply run in this process."""
    import reader.document.forked as forked
    from reader.analysis.engine import PIPELINE

    monkeypatch.setattr(forked, "can_fork", lambda: False)
    text = _long_text()
    assert PIPELINE.run(text, parallel=True).quotes == PIPELINE.run(text).quotes


def test_a_run_without_traces_finds_the_same_and_records_no_rules(monkeypatch) -> None:
    """``traces=False`` (what ``analyze`` runs: an Analysis does not carry them) leaves
    ``QuoteFinder.origin`` empty, in one process and across the forked halves, and the speakers and
    answers the second half's child remembered packed until asked for; it changes nothing found."""
    import reader.document.forked as forked
    from reader.analysis.engine import PIPELINE

    real_ready = forked.ForkedParse.ready
    monkeypatch.setattr(forked.ForkedParse, "ready", lambda self, wait=0.0: real_ready(self, wait=120.0))
    text = _long_text()
    traced = PIPELINE.run(text)
    assert traced.finder is not None and traced.finder.origin
    for parallel in (False, True):
        plain = PIPELINE.run(text, parallel=parallel, traces=False)
        assert plain.finder is not None and plain.finder.origin == {}
        assert plain.quotes == traced.quotes and plain.mentions == traced.mentions
        assert (plain.finder.resolver._later is not None) == parallel  # (the child's memory left packed)
        plain.finder.resolver.settle()
        assert plain.finder.resolver.history == traced.finder.resolver.history
        assert plain.finder.resolver._memo == traced.finder.resolver._memo
        assert plain.finder.resolver.quoted == traced.finder.resolver.quoted
        assert (plain.shapes is not None) == parallel  # (the child's work taken, not redone here)


_BLOCKS_TAIL = (
    "\n\nHarbour Agency Says Bridge Will Reopen In Spring\n\nThe agency gave no date for the work."
    "\n\nThe agency's spokeswoman, Ann Lee, said:\n\nWe will appeal against the ruling and expect to win."
    "\n\nRuth Callow spoke to the committee.\n\nMS. CALLOW: We will not support this bill as it stands."
    "\n\nMR. DOYLE: Why not?\n\nMS. CALLOW: Because it cuts the money for rural schools.")


def test_blocks_after_the_halves_read_the_childs_memory_taken_in_first(monkeypatch) -> None:
    """Block quotations in the second half, found after the join: the resolver takes in what the
    second half's child remembered before the block rules ask it (left packed until then), so they
    come out as in one process."""
    import reader.document.forked as forked
    from reader.analysis.engine import PIPELINE

    real_ready = forked.ForkedParse.ready
    monkeypatch.setattr(forked.ForkedParse, "ready", lambda self, wait=0.0: real_ready(self, wait=120.0))
    text = _long_text() + _BLOCKS_TAIL
    sequential = PIPELINE.run(text)
    parallel = PIPELINE.run(text, parallel=True, traces=False)
    assert parallel.finder is not None and parallel.finder.resolver._later is None  # (taken in for the blocks)
    assert not parallel.finder.resolver._later_quoted and parallel.finder.resolver.quoted == sequential.finder.resolver.quoted
    blocks = [q for q in sequential.quotes if q.start > len(text) - len(_BLOCKS_TAIL)]
    assert len(blocks) >= 4 and parallel.quotes == sequential.quotes


def test_every_block_rule_finds_nothing_where_its_prepare_found_nothing() -> None:
    """The contract that lets blocks() skip a rule (and leave the resolver as it is)."""
    from reader.analysis.engine import PIPELINE

    for text in (_long_text()[:50_000], "Nothing here said anything.", _BLOCKS_TAIL.strip()):
        run = PIPELINE.run(text)
        assert run.finder is not None
        for rule in run.finder.rules.blocks:
            if rule.prepare is not None and not run.finder.prepared(rule.prepare):
                assert rule.find(run.finder) == [], rule.name


def test_a_partial_resolver_asks_its_parent_about_speakers_before_its_floor() -> None:
    """A child resolving from a floor on cannot know the speakers its parent remembers before it.
    A search that finds what it looks for among its own needs nothing more; one that reads past
    them is noted as a question, and the parent takes the child's answer only if its own speakers
    before the floor would have given the same."""
    from reader.analysis.speakers import Resolver

    text = "The agency said it was closed. " * 4
    child = Resolver(text, [], [])
    child.partial(40)
    child.remember(50, "Harbour Agency", "agency")
    assert child._first_remembered(60, 2, "noun", "agency") == (50, "Harbour Agency", "agency")
    assert child.learned().questions == [] and not child.learned().unsure  # its own came first
    child.phase = 2
    assert child._first_remembered(60, 4, "noun", "ministry") is None  # read past its own speakers
    delta = child.learned()
    assert not delta.unsure and delta.questions == [(2, 60, 3, "noun", "ministry", None)]
    parent = Resolver(text, [], [])
    before = set(parent.labels)
    quiet = [[], [], [(5, "the union", "union"), (20, "Harbour Ministry", "ministry")]]
    assert not parent.holds(delta.questions, quiet, 40, before)  # it remembered a ministry: another answer
    assert parent.holds(delta.questions, [[], [], [(5, "the union", "union")]], 40, before)
    far = [[], [], [(1, "Harbour Ministry", "ministry"), (5, "a", "a"), (6, "b", "b"), (7, "c", "c")]]
    assert parent.holds(delta.questions, far, 40, before)  # beyond the three the child would have read
    assert parent.adopt(delta, before) and parent.history == [(50, "Harbour Agency", "agency")]


def test_a_resolver_not_split_reads_every_speaker_it_remembers() -> None:
    from reader.analysis.speakers import Resolver

    resolver = Resolver("x" * 80, [], [])
    resolver.remember(5, "Harbour Ministry", "ministry")
    resolver.remember(50, "Harbour Agency", "agency")
    assert resolver._first_remembered(60, 4, "noun", "ministry") == (5, "Harbour Ministry", "ministry")
    assert resolver._first_remembered(60, 1, "noun", "ministry") is None
    assert resolver.questions is None and not resolver.unsure


def test_partial_resolver_is_unsure_of_a_label_the_parent_learned_meanwhile() -> None:
    from reader.analysis.speakers import Resolver

    child, parent = Resolver("x", [], []), Resolver("x", [], [])
    before = set(parent.labels)
    child.partial(0)
    assert child.labels.get("James B. Cole") is None
    parent.labels["James B. Cole"] = "PERSON"  # the parent completed that name in its half
    assert not parent.adopt(child.learned(), before)
    other = Resolver("x", [], [])
    assert other.adopt(child.learned(), set(other.labels))  # nothing learned meanwhile: adopted


def _sequential_and_parallel(monkeypatch, ready) -> tuple:
    import reader.document.forked as forked
    from reader.analysis.engine import PIPELINE

    text = _long_text()
    sequential = PIPELINE.run(text)
    monkeypatch.setattr(forked.ForkedParse, "ready", ready)
    return sequential, PIPELINE.run(text, parallel=True)


def _same(sequential, parallel) -> None:
    assert parallel.quotes == sequential.quotes
    assert parallel.mentions == sequential.mentions
    assert parallel.segments.sentences == sequential.segments.sentences
    assert parallel.finder.origin == sequential.finder.origin
    assert parallel.finder.resolver.history == sequential.finder.resolver.history
    assert parallel.finder.resolver.fired == sequential.finder.resolver.fired
    assert parallel.finder.resolver.labels == sequential.finder.resolver.labels


@pytest.mark.parametrize("taken", [True, False])
def test_the_openings_the_first_child_goes_on_to_are_taken_or_not_with_the_same_result(monkeypatch, taken) -> None:
    """Once it has sent its part, the sentence child goes on working out openings and clauses until
    this process is ready to read the reports (ForkedParse.more); whether what it sends then is
    taken, or comes too late (ended unread), the result is the sequential one."""
    import reader.analysis.quotes as quotes
    import reader.document.forked as forked
    from reader.analysis.engine import PIPELINE

    text = _long_text()
    sequential = PIPELINE.run(text)
    real_ready, real_more = forked.ForkedParse.ready, forked.ForkedParse.more
    monkeypatch.setattr(forked.ForkedParse, "ready", lambda self, wait=0.0: real_ready(self, wait=120.0))
    adopted: list[int] = []
    real_adopt = quotes.QuoteFinder.adopt_opening_rows
    monkeypatch.setattr(quotes.QuoteFinder, "adopt_opening_rows",
                        lambda self, rows: (adopted.append(len(rows) + len(rows.clauses)), real_adopt(self, rows))[1])
    def late(self, wait: float) -> None:  # not sent in time: the child is ended, nothing taken
        self.cancel()

    monkeypatch.setattr(forked.ForkedParse, "more", (lambda self, wait: real_more(self, wait=120.0)) if taken else late)
    parallel = PIPELINE.run(text, parallel=True)
    _same(sequential, parallel)
    assert len(adopted) == (2 if taken else 1)


def test_parallel_run_does_the_work_itself_when_the_children_lag(monkeypatch) -> None:
    """On a busy machine a child may be slower than this process reading its half too: then this
    process's own reading wins, and the result is still the sequential one."""
    _same(*_sequential_and_parallel(monkeypatch, lambda self, wait=0.0: False))


def test_parallel_run_adopts_a_child_that_finishes_while_this_process_reads_its_half(monkeypatch) -> None:
    """What this process read of the child's half meanwhile is forgotten when the child's work is
    taken, so nothing is learned twice."""
    import reader.document.forked as forked

    looks: dict[int, int] = {}
    real_ready = forked.ForkedParse.ready

    def ready_after_three_looks(self, wait: float = 0.0) -> bool:
        looks[id(self)] = looks.get(id(self), 0) + 1
        return looks[id(self)] > 3 and real_ready(self, wait)

    _same(*_sequential_and_parallel(monkeypatch, ready_after_three_looks))


def test_direct_spans_are_the_spans_of_the_direct_quotations() -> None:
    """What reported clauses stay out of, read off the shapes, is what the quotes themselves give."""
    from reader.analysis.engine import PIPELINE

    run = PIPELINE.run(_long_text()[:200_000])
    finder = run.finder
    assert finder is not None
    spans = sorted((q.start, q.end) for q in finder.direct_quotes(attribute=False) if q.kind == "direct")
    assert spans and finder.direct_spans() == spans


def test_a_nudged_child_sends_the_clause_openings_it_has_and_the_rest_are_worked_out_here(monkeypatch) -> None:
    """Where each cue's clause opens is the child's optional work: nudged (this process done with
    the entities), it stops, having taken cues from both halves in turn, and the reported-clause
    stage works out the rest. Same result either way."""
    import reader.document.forked as forked
    from reader.analysis.engine import PIPELINE

    text = _long_text()
    sequential = PIPELINE.run(text)
    looks = [0]

    def enough_on_the_third_look(self) -> bool:  # runs in the child, on its copy of ``looks``
        looks[0] += 1
        return looks[0] >= 3

    monkeypatch.setattr(forked.Nudge, "given", enough_on_the_third_look)
    parallel = PIPELINE.run(text, parallel=True)
    assert parallel.openings is not None
    starts = [start for start, _end, _opening in parallel.openings]
    assert len(starts) == 64  # two looks of 32 cues each
    middle = len(text) // 2
    assert sum(start < middle for start in starts) >= 16 and sum(start >= middle for start in starts) >= 16
    _same(sequential, parallel)


def test_a_nudge_reaches_the_child_it_was_made_for() -> None:
    """``give`` in the parent is seen by ``given`` in the child, which until then goes on."""
    import os

    from reader.document.forked import ForkedParse, Nudge

    nudge = Nudge()

    def wait_for_it() -> bool:
        while not nudge.given():
            os.sched_yield()
        return True

    child = ForkedParse(wait_for_it)
    assert not child.ready(wait=0.05)  # the child is still waiting to be nudged
    nudge.give()
    assert child.result() is True
    nudge.close()


def test_spare_work_is_done_once_on_the_final_mentions_while_a_child_is_busy(monkeypatch) -> None:
    """The caller's spare work runs once, given the very mentions the analysis ends with, when this
    process would wait for a child; the result is the sequential one all the same."""
    import reader.document.forked as forked
    from reader.analysis.engine import PIPELINE

    text = _long_text()
    sequential = PIPELINE.run(text)
    given: list[list] = []
    monkeypatch.setattr(forked.ForkedParse, "ready", lambda self, wait=0.0: False)  # children always busy
    parallel = PIPELINE.run(text, parallel=True, spare=given.append)
    assert len(given) == 1 and given[0] is parallel.mentions
    _same(sequential, parallel)


def test_spare_work_that_fails_is_left_undone_and_the_analysis_goes_on(monkeypatch) -> None:
    import reader.document.forked as forked
    from reader.analysis.engine import PIPELINE

    def fails(_mentions) -> None:
        raise ValueError("the caller's own bug")

    text = _long_text()
    sequential = PIPELINE.run(text)
    monkeypatch.setattr(forked.ForkedParse, "ready", lambda self, wait=0.0: False)
    _same(sequential, PIPELINE.run(text, parallel=True, spare=fails))


def test_no_spare_work_without_a_second_process() -> None:
    from reader.analysis.engine import PIPELINE

    given: list[list] = []
    PIPELINE.run("Ann Lee said the plan works.", parallel=True, spare=given.append)
    assert given == []


def test_a_stage_failing_while_the_child_works_leaves_no_child_behind(monkeypatch) -> None:
    import pytest

    import reader.document.forked as forked
    from reader.analysis.engine import PIPELINE
    from reader.analysis.pipeline import Pipeline

    def fails(self, run) -> None:
        raise RuntimeError("a bug in the entity stage")

    monkeypatch.setattr(Pipeline, "entity_votes", fails)
    with pytest.raises(RuntimeError):
        PIPELINE.run(_long_text(), parallel=True)
    assert forked.live_children() == []


def test_a_parallel_run_keeps_only_the_last_runs_working_state() -> None:
    """A parallel run (one article, in a process about to end) leaves its working state referenced
    rather than freed object by object; the next parallel run replaces it, a sequential one keeps none."""
    from reader.analysis.engine import PIPELINE
    from reader.analysis.pipeline import KEPT

    text = _long_text()
    first = PIPELINE.run(text, parallel=True)
    assert len(KEPT) == 1 and KEPT[0] is first and first.finder is not None
    second = PIPELINE.run(text, parallel=True)
    assert len(KEPT) == 1 and KEPT[0] is second
    PIPELINE.run("Ann Lee said the plan works.")
    assert KEPT[0] is second
    KEPT.clear()


def test_a_handoff_reaches_the_child_once_given_and_none_if_never() -> None:
    """The parent hands offsets to a busy child without waiting for it; a parent that hands none
    (it closed its end) leaves the child with None, not waiting for ever; too many for its room
    are refused."""
    from reader.document.forked import Handoff

    handoff = Handoff(4)
    child = _taking(handoff)
    assert not child.ready(wait=0.05)  # waiting for them
    assert not handoff.give([1, 2, 3, 4, 5])
    assert handoff.give([7, 8, 2**40, 0])
    assert child.result() == [7, 8, 2**40, 0]
    handoff.close()
    never = Handoff(2)
    child = _taking(never)
    never.close()
    assert child.result() is None


def _taking(handoff):
    """A child that takes what ``handoff`` hands over (this process's end set up as the parent's)."""
    from reader.document.forked import ForkedParse

    def takes() -> list[int] | None:
        handoff.in_child()
        return handoff.take()

    child = ForkedParse(takes)
    handoff.in_parent()
    return child


def test_a_bounded_resolver_is_unsure_of_what_only_the_child_may_know() -> None:
    """This process reads up to a ceiling while the child reads on: a look at a phrase, a quoted
    span or the speakers at or past it, or a label it asked for and did not know, is noted."""
    from reader.analysis.speakers import Resolver

    text = "The agency said it was closed. " * 4
    resolver = Resolver(text, [], [])
    resolver.bounded(40)
    resolver.resolve_how(0, 10)
    resolver._first_remembered(30, 4, "group", "")
    resolver._in_quote(39)
    assert resolver.unbounded() == (False, set())
    for look in (lambda: resolver.resolve_how(40, 50), lambda: resolver._first_remembered(41, 1, "group", ""),
                 lambda: resolver._in_quote(40)):
        resolver.bounded(40)
        look()
        assert resolver.unbounded()[0]
    resolver.bounded(40)
    assert resolver.labels.get("James B. Cole") is None
    assert resolver.unbounded() == (False, {"James B. Cole"})
    assert type(resolver.labels) is dict and not resolver.unsure
    resolver._in_quote(10**6)
    assert not resolver.unsure  # not bounded: nothing to be unsure of


def test_parallel_run_reads_the_second_half_itself_when_the_child_was_unsure(monkeypatch) -> None:
    """A child whose answers may have needed the parent's is not adopted: the result is still the
    sequential one."""
    import dataclasses

    from reader.analysis.speakers import Resolver

    learned = Resolver.learned
    monkeypatch.setattr(Resolver, "learned", lambda self: dataclasses.replace(learned(self), unsure=True))
    alone = _count_alone(monkeypatch)
    _same(*_sequential_and_parallel(monkeypatch, _waiting_ready()))
    assert alone == [1]


def test_parallel_run_reads_the_second_half_itself_when_it_was_unsure_itself(monkeypatch) -> None:
    """Nor when this process's own half may have needed what the child learned."""
    from reader.analysis.speakers import Resolver

    unbounded = Resolver.unbounded
    monkeypatch.setattr(Resolver, "unbounded", lambda self: (True, unbounded(self)[1]))
    alone = _count_alone(monkeypatch)
    _same(*_sequential_and_parallel(monkeypatch, _waiting_ready()))
    assert alone == [1]


def _count_alone(monkeypatch) -> list[int]:
    """How many times the second half is read here (not adopted from the child)."""
    from reader.analysis.parallel import _Alone

    count = [0]
    finish = _Alone.finish

    def counted(self):
        count[0] += 1
        return finish(self)

    monkeypatch.setattr(_Alone, "finish", counted)
    return count


def _waiting_ready():
    """``ForkedParse.ready`` that waits for the child (so its work is always there to judge)."""
    import reader.document.forked as forked

    real_ready = forked.ForkedParse.ready
    return lambda self, wait=0.0: real_ready(self, wait=120.0)


def test_what_a_child_learned_pickles_and_loads_as_itself() -> None:
    """A child's resolver delta goes to the parent as columns, the rules that made its quotes as one
    array and a list of names: both come back as they were, empty or not."""
    import pickle

    from reader.analysis.parallel import _packed, _unpacked
    from reader.analysis.speakers import ResolverDelta

    delta = ResolverDelta([(1, "Ann Lee", "lee"), (5, "the agency", "agency")],
                          {(1, 8): ("Ann Lee", "named"), (30, 34): (None, "pronoun")}, {"James B. Cole": "PERSON"},
                          [(1, 8, "a-rule")], ["Bo"], True)
    for each in (delta, ResolverDelta([], {}, {}, [], [], False)):
        assert pickle.loads(pickle.dumps(each, protocol=pickle.HIGHEST_PROTOCOL)) == each
    origin = [((3, 9), ["writer-clause", "said-after"]), ((12, 20), ["according-to"]), ((25, 30), [])]
    assert list(_unpacked(pickle.loads(pickle.dumps(_packed(origin))))) == origin
    assert list(_unpacked(_packed([]))) == []
    from reader.analysis.engine import PIPELINE

    finder = PIPELINE.run("Ann Lee said the plan works.").finder
    assert finder is not None
    finder.origin = {(3, 9): ["inside-clause"], (1, 2): ["x"]}
    finder.add_traces(_unpacked(_packed(origin)))  # the child's names after this process's own, new spans added
    assert finder.origin == {(3, 9): ["inside-clause", "writer-clause", "said-after"], (1, 2): ["x"],
                             (12, 20): ["according-to"], (25, 30): []}
    counts = finder.trace_counts()  # what a child traces since: by span, only the new names
    finder.trace_span(3, 9, "later")
    finder.trace_span(40, 44, "new")
    assert finder.traced_since(counts) == [((3, 9), ["later"]), ((40, 44), ["new"])]


def test_a_block_rule_prepared_early_finds_what_it_finds_prepared_late() -> None:
    """A block rule's ``prepare`` reads only the text: done early (as the parallel run does while it
    waits for its child) or when the rule asks, once either way, the blocks are the same."""
    from reader.analysis.engine import PIPELINE
    from reader.analysis.pipeline import Run
    from reader.analysis.reported import BLOCKS

    prepared = [rule for rule in BLOCKS if rule.prepare is not None]
    assert prepared  # (headline-report)
    text = "\n\n".join(example.sentence for rule in BLOCKS for example in rule.examples) + "\n\n" + _long_text()[:50_000]
    late = PIPELINE.run(text)
    early = Run(text)
    for _name, stage in PIPELINE.stages()[:-1]:  # up to the speakers, which read the blocks
        stage(early)
    assert early.finder is not None and late.finder is not None and not early.finder._prepared
    early.finder.prepare_blocks()
    first = dict(early.finder._prepared)
    PIPELINE.speakers(early)
    assert len(first) == len(prepared) and all(early.finder._prepared[work] is found for work, found in first.items())
    assert early.quotes == late.quotes and early.finder.origin == late.finder.origin
    assert any(q.kind == "indirect" for q in late.finder.blocks())  # the headline examples were found


def test_parallel_run_reads_the_second_half_itself_when_the_childs_questions_do_not_hold(monkeypatch) -> None:
    """A child that answered from what it knew at the fork, where this process remembers otherwise,
    is not adopted: the result is the sequential one."""
    from reader.analysis.speakers import Resolver

    monkeypatch.setattr(Resolver, "holds", lambda self, *args: False)
    alone = _count_alone(monkeypatch)
    _same(*_sequential_and_parallel(monkeypatch, _waiting_ready()))
    assert alone == [1]


@given(st.lists(st.sampled_from(["Says", "Said", "Warns", "Told", "x", "-", "’", "'", " ", "\n", "é", "Says-", "Saysx"]),
                max_size=14).map("".join), st.integers(0, 20), st.integers(0, 40))
def test_headline_cue_finds_what_one_pattern_with_the_look_behind_finds(text: str, start: int, end: int) -> None:
    import re

    from reader.analysis.reported import _HEADLINE_CUE_WORD_RE, headline_cue

    whole = re.compile(r"(?<![\w’'-])" + _HEADLINE_CUE_WORD_RE.pattern)
    expected = whole.search(text, start, end)
    found = headline_cue(text, start, end)
    assert (found and found.span()) == (expected and expected.span())
