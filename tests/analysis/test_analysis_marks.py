"""The named rules deciding which mark closes a double quotation (reader/analysis/marks.py
``CLOSERS``), each on its own examples: sentences written for these tests."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis.marks import CLOSERS, MARK_RE, find_quoted
from reader.analysis.segment import Segments

CASES = [(rule.name, example) for rule in CLOSERS for example in rule.examples]


@pytest.mark.parametrize("name, example", CASES, ids=[f"{n}-{i}" for i, (n, _e) in enumerate(CASES)])
def test_closer_rule_example(name: str, example) -> None:
    text = example.text
    found = [q for q in find_quoted(text, Segments(text)) if q.double]
    if example.content is None:  # the first mark opens a quotation that no mark in its paragraph closes
        assert found and found[0].close >= text.find("\n"), name
        return
    assert found, name
    first = found[0]
    start = first.open + (2 if text.startswith("''", first.open) else 1)  # two apostrophes are one mark
    assert text[start:first.close] == example.content


def test_every_closer_rule_has_examples_and_a_docstring() -> None:
    for rule in CLOSERS:
        assert rule.examples and rule.doc, rule.name


def test_a_mark_after_a_no_break_space_opens_a_quotation() -> None:
    text = "The vote was close.\u00a0“We lost by four,” the mayor said."
    found = find_quoted(text, Segments(text))
    assert [text[q.open + 1:q.close] for q in found] == ["We lost by four,"]


def test_a_quotation_never_closed_does_not_lend_its_paragraphs_to_the_next() -> None:
    text = "“We start on Monday.\n\nThe board called the plan “Phase Two.” Nobody objected."
    found = find_quoted(text, Segments(text))
    assert [q.paragraphs for q in found] == [1, 1]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab \n'\"“”„«»‘’")), max_size=40))
def test_the_mark_pattern_finds_what_the_plain_alternation_finds(text: str) -> None:
    plain = re.compile(r"''|[\"“”„«»‘’']")
    assert [(m.start(), m.group()) for m in MARK_RE.finditer(text)] == \
        [(m.start(), m.group()) for m in plain.finditer(text)]
