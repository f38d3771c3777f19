"""The entity stages' shortcuts change nothing: rule gates (a phase skips a rule whose gate
shuts a run or a pair of names out) and run plans (a recurring run reuses its names' saturated
judgements) give the same rules fired and the same mentions as the plain way; the words before a
name read from the right are what the search found; mentions made directly equal Mention's."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis import analyze, entities, entity_rules
from reader.analysis.entities import _PREV_RE, EntityFinder, explain, words_before
from reader.analysis.model import Mention

_ROOT = Path(__file__).resolve().parents[2]
_SAMPLES = sorted((_ROOT / "sample_articles").glob("*.*"))
_GOLD = sorted((_ROOT / "tests" / "gold").glob("*.txt"))[:20]
_EXAMPLES = "\n\n".join(ex.sentence for r in entity_rules.RULES for ex in r.examples)
# A word that is a name mid-sentence and an ordinary word opening one, and a name opening a run.
_OPENERS = ("The road from Marsh was shut, and the marsh flooded. Marsh covered the fields. Economist "
            "Marsh said so. The Harbour Trust opened. Separately the mayor spoke to Separately Bank.\n\n")


def _texts() -> list[str]:
    return [_EXAMPLES, _OPENERS] + [p.read_text(encoding="utf-8") for p in _SAMPLES + _GOLD if p.suffix in (".txt", ".md")]


def _ungated(phase: entity_rules.Phase, j: entity_rules.Judgement) -> tuple[entity_rules.Step, ...]:
    return phase.every


def test_gates_only_skip_rules_that_would_not_fire(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _texts()
    gated = [(explain(t), analyze(t).entities) for t in texts]
    monkeypatch.setattr(entity_rules.Phase, "select", _ungated)
    monkeypatch.setattr(entities, "_PAIR_RULES_BY_GAP", None)  # every pair calls every pair rule
    assert [(explain(t), analyze(t).entities) for t in texts] == gated


_GATES = ("single", "before", "after", "first", "last", "upper", "surface", "follows", "gap")


def test_every_gate_lets_its_rules_examples_through() -> None:
    for r in entity_rules.RULES:
        if any(getattr(r, gate) is not None for gate in _GATES):
            assert any(ex.fires for ex in r.examples), r.name  # so the example tests cover the gate


def test_run_plans_give_what_judging_each_name_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    # Repeated, so names saturate and recur at sentence starts and mid-sentence.
    texts = [t * 8 for t in _texts()]
    planned = [analyze(t).entities for t in texts]
    monkeypatch.setattr(EntityFinder, "_plan", lambda *args: None)
    assert [analyze(t).entities for t in texts] == planned


def _prev_search(text: str, start: int) -> tuple[str, str] | None:
    """What the finder took for the words before a name: the search over a 40-character window."""
    prev = _PREV_RE.search(text, max(0, start - 40), start)
    if prev and prev.end() == start:
        return prev.group(1) or "", prev.group(2)
    return None


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet="abZ9_é’'-,. \n\"(Ü", max_size=90), st.data())
def test_words_before_is_the_search_read_from_the_right(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    assert words_before(text, start) == _prev_search(text, start)


@pytest.mark.parametrize("before, words", [
    ("It was written by economist ", ("by", "economist")),
    ("the library workers' union, ", None),  # a comma ends the words before
    ("He met Dr. ", ("met", "Dr")),
    ("She wrote:  ", None),
    ("(", None),
    ("Émile Zola's friend ", ("Zola's", "friend")),  # from the first ASCII letter of the run
    ("x" * 50 + " ", ("", "x" * 39)),  # the word cut by the window's start
])
def test_words_before_examples(before: str, words: tuple[str, str] | None) -> None:
    text = before + "Anna Berg said so."
    assert words_before(text, len(before)) == words == _prev_search(text, len(before))


def test_mentions_made_directly_equal_mentions_made_by_the_class() -> None:
    made = entities._mention("Ann Roe", "PERSON", 4, 11, "Ann Roe")
    plain = Mention("Ann Roe", "PERSON", 4, 11, "Ann Roe")
    assert type(made) is Mention and made == plain and hash(made) == hash(plain) and repr(made) == repr(plain)
    assert entities._mention is not Mention  # Mention is still a frozen dataclass with slots
