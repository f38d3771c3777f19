"""Which cues' clause openings are worked out ahead (QuoteFinder.opening_rows): not those of cues only
an opening-free rule is tried at ("according to X"), and such a rule must indeed never ask for one."""

from __future__ import annotations

import re

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
