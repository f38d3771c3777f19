"""Which cues' clause openings are worked out ahead (QuoteFinder.opening_rows): not those of cues only
an opening-free rule is tried at ("according to X"), and such a rule must indeed never ask for one."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from reader.analysis.engine import PIPELINE
from reader.analysis.pipeline import RULES
from reader.analysis.quotes import OPENING_FREE, QuoteFinder

FREE = [(rule, example) for rule in RULES.reported if rule.name in OPENING_FREE for example in rule.examples]


def test_the_opening_free_rules_are_reported_speech_rules() -> None:
    assert OPENING_FREE and OPENING_FREE.issubset(rule.name for rule in RULES.reported)


@pytest.mark.parametrize("rule, example", FREE, ids=[f"{r.name}-{i}" for i, (r, _e) in enumerate(FREE)])
def test_an_opening_free_rule_never_asks_where_a_clause_opens(rule, example, monkeypatch) -> None:
    """This fails when a rule of OPENING_FREE starts to read a clause opening (then take it out)."""
    run = PIPELINE.run(example.sentence)
    finder = run.finder
    assert finder is not None and run.segments is not None
    asked: list[str] = []

    def opening(self: QuoteFinder, hit: re.Match[str]) -> None:
        asked.append(hit.group())
        return None

    monkeypatch.setattr(QuoteFinder, "_opening", opening)
    finder._openings.clear()
    finder._clauses.clear()
    tried = 0
    for hit in finder.hits:
        if rule.applies(hit.group()):
            sent = run.segments.sentence_at(hit.start())
            assert sent is not None
            rule.find(finder, hit, sent, sent.end)
            tried += 1
    assert tried and not asked


def test_the_child_works_out_no_opening_for_a_cue_only_an_opening_free_rule_reads() -> None:
    text = ("According to the harbour master, the ferry will not sail before Thursday. Ines Marlow said the "
            "bridge would open in May, according to two crew members. The council announced that fares would rise.")
    run = PIPELINE.run(text)
    finder = run.finder
    assert finder is not None
    assert not finder.asks_opening("According to") and not finder.asks_opening("according to")
    assert finder.asks_opening("said") and finder.asks_opening("announced")
    fresh = QuoteFinder(text, run.segments, run.mentions, run.quoted, run.cues, RULES)
    rows = fresh.opening_rows()
    words = sorted(text[start:end] for start, end, _opening in rows)
    assert words == ["announced", "said"]


_TEXT = ("Ines Marlow said the ferry would sail on Monday, but the harbour was closed. The council announced "
         "that fares would rise in May. According to the harbour master, the pier will be rebuilt. Tomas "
         "Rieder described the plan as a waste. Hanna Vos told reporters the school would stay open.")


def test_time_left_after_the_openings_goes_on_the_clauses_and_they_are_those_asked_for_later() -> None:
    run = PIPELINE.run(_TEXT)
    assert run.segments is not None and run.cues is not None
    child = QuoteFinder(_TEXT, run.segments, [], run.quoted, run.cues, RULES)  # (no entities, as in the child)
    rows = child.opening_rows()
    assert [(a, b) for a, b, *_rest in rows.clauses] == [(a, b) for a, b, opening in rows if opening is not None]
    assert any(clause is not None for *_key, clause in rows.clauses)
    fresh = QuoteFinder(_TEXT, run.segments, run.mentions, run.quoted, run.cues, RULES)
    for start, end, sent_start, sent_end, words_end, clause in rows.clauses:
        hit = next(h for h in fresh.hits if h.span() == (start, end))
        sent = run.segments.sentence_at(start)
        assert sent is not None and (sent.start, sent.end) == (sent_start, sent_end)
        assert words_end == fresh.sentence_words_end(sent) and fresh.clause(hit, sent, words_end) == clause
    adopting = QuoteFinder(_TEXT, run.segments, run.mentions, run.quoted, run.cues, RULES)
    adopting.adopt_opening_rows(rows)
    assert adopting.reported(adopting.direct_spans()) == run.reported


def test_a_nudged_child_sends_no_clauses_before_every_opening_is_known() -> None:
    run = PIPELINE.run(_TEXT)
    child = QuoteFinder(_TEXT, run.segments, [], run.quoted, run.cues, RULES)
    rows = child.opening_rows(enough=lambda: True)
    assert list(rows) == [] and rows.clauses == []


def test_openings_worked_out_in_rounds_are_those_of_one_go() -> None:
    """The child sends what it has when nudged, goes on (more_opening_rows) and is nudged again: the
    rows and clauses of all the rounds, in order, are those one uninterrupted call gives."""
    run = PIPELINE.run(_TEXT * 3)
    whole = QuoteFinder(run.text, run.segments, [], run.quoted, run.cues, RULES).opening_rows()
    assert len(whole) > 3 and len(whole.clauses) > 3

    def stop_after(count: int) -> Callable[[], bool]:
        asked = [0]

        def enough() -> bool:  # (asked before each row here: ASK_EVERY is 1)
            asked[0] += 1
            return asked[0] > count
        return enough

    for first, second in [(0, 0), (1, 2), (2, len(whole) + 1), (len(whole), 3), (len(whole) + 2, 10_000)]:
        finder = QuoteFinder(run.text, run.segments, [], run.quoted, run.cues, RULES)
        finder.ASK_EVERY = 1
        rounds = [finder.opening_rows(enough=stop_after(first))]
        rounds.append(finder.more_opening_rows(enough=stop_after(second)))
        rounds.append(finder.more_opening_rows())
        assert finder.more_opening_rows() == [] and finder.more_opening_rows().clauses == []
        assert [row for r in rounds for row in r] == list(whole)
        assert [row for r in rounds for row in r.clauses] == whole.clauses
