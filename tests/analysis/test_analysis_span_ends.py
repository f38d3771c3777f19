"""The named rules that end a reported clause before its sentence does (reader/analysis/quotes.py
``SPAN_ENDS``), each on its own examples: sentences written for these tests."""

from __future__ import annotations

import pytest

from reader.analysis.engine import PIPELINE
from reader.analysis.quotes import SPAN_ENDS
from reader.analysis.rules import Example
from tests.analysis.rule_examples import example_quote

CASES = [(rule.name, example) for rule in SPAN_ENDS for example in rule.examples]


@pytest.mark.parametrize("name, example", CASES, ids=[f"{n}-{i}" for i, (n, _e) in enumerate(CASES)])
def test_span_end_rule_example(name: str, example: Example) -> None:
    example_quote(name, example)


def test_every_span_end_rule_has_examples_and_a_docstring() -> None:
    for rule in SPAN_ENDS:
        assert rule.examples and rule.doc, rule.name


def test_a_pair_of_dashes_inside_a_report_does_not_end_it() -> None:
    text = "Ines Marlow said the ferry — a new one — would stop at the island twice a day."
    assert [q.text for q in PIPELINE.run(text).quotes] == ["the ferry — a new one — would stop at the island twice a day"]
