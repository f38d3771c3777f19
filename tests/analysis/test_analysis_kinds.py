"""The named rules that tell a partial quotation from a direct one (reader/analysis/quotes.py
``KINDS``), each on its own examples: sentences written for these tests."""

from __future__ import annotations

import pytest

from reader.analysis.quotes import KINDS
from reader.analysis.rules import Example
from tests.analysis.rule_examples import example_quote

CASES = [(rule.name, example) for rule in KINDS for example in rule.examples]


@pytest.mark.parametrize("name, example", CASES, ids=[f"{n}-{i}" for i, (n, _e) in enumerate(CASES)])
def test_kind_rule_example(name: str, example: Example) -> None:
    run, quote = example_quote(name, example)
    assert run.finder is not None
    traced = [names for (a, b), names in run.finder.origin.items() if a <= quote.start and quote.end <= b]
    assert (name in [n for names in traced for n in names]) == (example.kind == "partial"), traced


def test_every_kind_rule_has_examples_and_a_docstring() -> None:
    for rule in KINDS:
        assert rule.examples and rule.doc, rule.name
