"""Which words are cues: verbs of saying, not the same words used as nouns or in the passive."""

from __future__ import annotations

import pytest

from reader.analysis.cues import find_cues
from reader.analysis.marks import find_quoted
from reader.analysis.segment import Segments


def cue_words(text: str) -> list[str]:
    return [m.group() for m in find_cues(text, find_quoted(text, Segments(text))).hits]


@pytest.mark.parametrize("text", [
    "The port's expansion has barely been mentioned in the campaign.",
    "The merger was announced on Monday morning.",
    "He met the secretary of state in Rome.",
    "Her report ran to ninety pages.",
])
def test_nouns_and_passives_are_not_cues(text: str) -> None:
    assert cue_words(text) == []


@pytest.mark.parametrize("text, cue", [
    ("The family said they did not blame the nurses.", "said"),
    ("She was told that the ward was full.", "told"),
    ("The mayor is warning that the bridge may close.", "warning"),
    ("He was quoted as saying the plan had failed.", "saying"),
])
def test_cues_after_nouns_and_auxiliaries(text: str, cue: str) -> None:
    assert cue in cue_words(text)
