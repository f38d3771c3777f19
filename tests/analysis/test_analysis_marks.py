"""The named rules deciding which mark closes a double quotation (reader/analysis/marks.py
``CLOSERS``), each on its own examples: sentences written for these tests."""

from __future__ import annotations

import pytest

from reader.analysis.marks import CLOSERS, find_quoted
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
