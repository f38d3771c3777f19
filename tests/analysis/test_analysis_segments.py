"""Paragraphs and sentences (reader/analysis/segment.py): one scan of the whole text for sentence
ends finds what a scan of each paragraph alone finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis.segment import MAX_SENTENCE, Segments


def _alone(text: str) -> list[tuple[int, int]]:
    """The sentences of each paragraph read as a text of its own, at their offsets in ``text``."""
    found: list[tuple[int, int]] = []
    for para in Segments(text, sentences=False).paragraphs:
        inner = Segments(text[para.start:para.end])
        found.extend((para.start + s.start, para.start + s.end) for s in inner.sentences)
    return found


def test_sentences_end_at_ends_but_not_after_abbreviations() -> None:
    text = "Mr. Smith went to Washington. He said “Never.” Then J. Doe left!\n\nA new paragraph. It ends here."
    segments = Segments(text)
    assert [text[s.start:s.end] for s in segments.sentences] == [
        "Mr. Smith went to Washington.", "He said “Never.”", "Then J. Doe left!", "A new paragraph.", "It ends here."]
    assert [(s.start, s.end) for s in segments.sentences] == _alone(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Word", "word", "Mr.", "U.S.", "J.", "end.", "stop!", "why?", "“Quote.”", "'Tis",
                                 "''Two", "(Aside.)", "9.", " ", "  ", "\n", "\n\n", "\n \n", "«", "« A"]),
                max_size=60))
def test_one_scan_finds_what_each_paragraph_alone_finds(words: list[str]) -> None:
    text = " ".join(words)
    segments = Segments(text)
    assert [(s.start, s.end) for s in segments.sentences] == _alone(text)
    later = Segments(text, sentences=False)
    later.split_sentences()
    assert later.sentences == segments.sentences


def test_a_long_sentence_is_cut_at_spaces() -> None:
    text = "word " * 400 + "end."
    assert all(s.end - s.start <= MAX_SENTENCE for s in Segments(text).sentences)
