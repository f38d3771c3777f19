"""One way to run a named rule's example for every registry's tests: the pipeline over the
example's sentence, and the quote it must find (its span, kind and, when given, speaker)."""

from __future__ import annotations

from reader.analysis.engine import PIPELINE
from reader.analysis.model import Quote
from reader.analysis.pipeline import Run
from reader.analysis.rules import Example


def example_quote(name: str, example: Example) -> tuple[Run, Quote]:
    """The run over ``example.sentence`` and its quote of ``example.span``, asserting the span is
    found with the example's kind and speaker (``name`` is the rule's, for the failure message)."""
    run = PIPELINE.run(example.sentence)
    found = [q for q in run.quotes if q.text == example.span]
    assert found, f"{name}: no quote {example.span!r} in {[q.text for q in run.quotes]}"
    quote = found[0]
    assert quote.kind == example.kind
    if example.speaker is not None:
        assert quote.speaker == example.speaker
    return run, quote
