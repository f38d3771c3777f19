"""Every named rule's own examples, run through the whole pipeline.

Each rule in the registries (reader/analysis/reported.py, attribution.py) carries sentences written
for this project with the quote it must give: the exact span, its kind and speaker, and the rule
must be among those that made or attributed that span (``QuoteFinder.origin``).
"""

from __future__ import annotations

import pytest

from reader.analysis.engine import PIPELINE
from reader.analysis.pipeline import RULES, STAGES
from reader.analysis.rules import Example, Registry, Rule
from tests.analysis.rule_examples import example_quote

CASES = [(rule, example) for rule in RULES.all_rules() for example in rule.examples]


@pytest.mark.parametrize("rule, example", CASES, ids=[f"{r.name}-{i}" for i, (r, _e) in enumerate(CASES)])
def test_rule_example(rule: Rule, example: Example) -> None:
    run, quote = example_quote(rule.name, example)
    assert run.finder is not None
    made_by = run.finder.origin.get((quote.start, quote.end), [])
    if example.kind in ("direct", "partial") and rule.name not in made_by:
        made_by = [name for (a, b), names in run.finder.origin.items() if a <= quote.start and quote.end <= b
                   for name in names]
    assert rule.name in made_by, f"{example.span!r} was made by {made_by}, not {rule.name}"


def test_every_rule_has_examples_and_a_docstring() -> None:
    for rule in RULES.all_rules():
        assert rule.examples, rule.name
        assert rule.doc, rule.name


def test_rule_names_are_unique_in_a_registry() -> None:
    registry = Registry("test")
    registry.rule("one")(lambda: None)
    with pytest.raises(ValueError):
        registry.rule("one")(lambda: None)


def test_pipeline_stages_are_named_in_order() -> None:
    assert [name for name, _stage in PIPELINE.stages()] == list(STAGES)
    assert STAGES[0] == "segments" and STAGES[-1] == "speakers"
