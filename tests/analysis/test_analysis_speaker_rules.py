"""Every subject rule's own examples (reader/analysis/speakers.py ``SUBJECTS``), run through the whole pipeline.

A subject rule reads who a subject phrase names ("Sanders advisers", "aides to Senator Kemp"); each
carries sentences written for this project with the quote and the speaker it must be given, and the
rule must be the one that read that quote's subject phrase.
"""

from __future__ import annotations

import pytest

from reader.analysis.engine import PIPELINE
from reader.analysis.rules import Example, Rule
from reader.analysis.speakers import SUBJECTS

CASES = [(rule, example) for rule in SUBJECTS for example in rule.examples]


@pytest.mark.parametrize("rule, example", CASES, ids=[f"{r.name}-{i}" for i, (r, _e) in enumerate(CASES)])
def test_subject_rule_example(rule: Rule, example: Example) -> None:
    run = PIPELINE.run(example.sentence)
    found = [q for q in run.quotes if q.text == example.span]
    assert found, f"{rule.name}: no quote {example.span!r} in {[q.text for q in run.quotes]}"
    quote = found[0]
    assert quote.kind == example.kind
    assert quote.speaker == example.speaker
    assert run.finder is not None
    assert rule.name in {name for _a, _b, name in run.finder.resolver.fired}


def test_every_subject_rule_has_examples_and_a_docstring() -> None:
    assert len(SUBJECTS) > 0
    for rule in SUBJECTS:
        assert rule.examples, rule.name
        assert rule.doc, rule.name


@pytest.mark.parametrize("text, span, speaker", [
    # A paragraph that is only a quotation, after one closed by its own attribution: the same speaker.
    ("The union met on Friday.\n\n“We will not sign this,” Dora Quince told the members in Leeds.\n\n"
     "“We have waited four years for a fair offer.”", "We have waited four years for a fair offer.", "Dora Quince"),
    # A partial quotation attributed by its own cue leads the next quotation in its paragraph.
    ('Most delegates were calm. Many called the plan "a fair start," Lionel Ames said. "Our aim is a vote by June."',
     "Our aim is a vote by June.", "Lionel Ames"),
])
def test_a_quotation_continues_the_last_attributed_one(text: str, span: str, speaker: str) -> None:
    quotes = [q for q in PIPELINE.run(text).quotes if q.text == span]
    assert quotes and quotes[0].speaker == speaker


def test_an_answer_after_a_question_is_not_the_askers() -> None:
    text = ("The panel took questions.\n\n“Will the plant close?” asked Nora Vey, a reporter from the Gazette.\n\n"
            "“No decision has been made about the plant.”")
    quotes = [q for q in PIPELINE.run(text).quotes if q.text.startswith("No decision")]
    assert quotes and quotes[0].speaker != "Nora Vey"


@pytest.mark.parametrize("text, span, speaker", [
    ("“We will appeal,” said James B. Whitcombe, the firm’s lawyer.", "We will appeal", "James B. Whitcombe"),
    ("James B. Whitcombe said the firm would appeal the ruling.", "the firm would appeal the ruling",
     "James B. Whitcombe"),
    ("“It was a fair hearing,” Dora T. Vance said.", "It was a fair hearing", "Dora T. Vance"),
])
def test_a_middle_initial_does_not_cut_the_speakers_name(text: str, span: str, speaker: str) -> None:
    quotes = [q for q in PIPELINE.run(text).quotes if q.text == span]
    assert quotes and quotes[0].speaker == speaker


@pytest.mark.parametrize("text, span, speaker", [
    ("Larry Kemp and Ed Sorensen host rival shows.\n\nBoth Mr. Kemp and Mr. Sorensen say the network has never "
     "told them what to say.", "the network has never told them what to say", "Larry Kemp and Ed Sorensen"),
    ("Senator Alma Reyes led the talks on Monday. Reyes and her aides said the deal could be saved.",
     "the deal could be saved", "Alma Reyes and aides"),
])
def test_a_coordinated_subject_is_the_group_never_one_person(text: str, span: str, speaker: str) -> None:
    quotes = [q for q in PIPELINE.run(text).quotes if q.text == span]
    assert quotes and quotes[0].speaker == speaker


def test_a_subject_rule_skipped_for_its_labels_would_have_found_nothing() -> None:
    """A subject rule's ``when`` only spares work: for every phrase the gold articles and the rules'
    own examples ask about, a rule whose ``when`` turns down the labels of the phrase's mentions
    answers None itself."""
    from pathlib import Path

    gold = Path(__file__).resolve().parents[1] / "gold"
    texts = [p.read_text(encoding="utf-8") for p in sorted(gold.glob("*.txt"))]
    texts += [example.sentence for _rule, example in CASES]
    gated = [rule for rule in SUBJECTS if rule.when is not None]
    assert len(gated) == len(SUBJECTS)
    skipped = 0
    for text in texts:
        run = PIPELINE.run(text)
        assert run.finder is not None
        resolver = run.finder.resolver
        for start, end in list(resolver._memo):
            found = resolver.mentions_in(start, end)
            labels = " ".join(m.label for m in found)
            for rule in gated:
                if not rule.applies(labels):
                    skipped += 1
                    assert rule.find(resolver, start, end, found) is None, (rule.name, text[start:end])
    assert skipped > 500
