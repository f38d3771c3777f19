"""Properties of ``analyze`` on arbitrary text: it never raises, every span slices its text exactly,
results are sorted, deterministic and the same from several threads at once."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis import Analysis, analyze
from reader.analysis.engine import _analyze as analyze_unguarded  # no safety net: bugs must surface here

# Text built from the pieces the rules react to, so hypothesis reaches the interesting paths.
PIECES = st.sampled_from([
    "said", " said ", "told reporters", "according to", "that", "“", "”", "‘", "’", '"', "'", "«", "»",
    "\n\n", "\n", ". ", ", ", ": ", "—", "Mr", "Dr.", "President", "Anna Kowalska", "Lavrov", "the ministry",
    "Ministry", "University of", "Oxford", "in", "Paris", "he", "she", "they", "U.S.", "al-", "’s", "s’",
    "'90s", "don't", "The", "Agency", "FC", " ", "X", "é", "\u00a0", "(", ")", "1,500", "warned", "adding",
])
ARTICLE_LIKE = st.lists(st.one_of(PIECES, st.text(max_size=6)), max_size=60).map("".join)


def _check_spans(text: str, result: Analysis) -> None:
    for m in result.entities:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert m.label in {"PERSON", "ORG", "PLACE", "NORP", "DATE"}
        assert m.entity
    for q in result.quotes:
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start:q.end] == q.text
        assert q.kind in {"direct", "partial", "indirect"}
        assert q.speaker is None or q.speaker.lower() not in {"he", "she", "they", "it", "i", "we", "you"}
        if q.cue:
            assert text[q.cue_start:q.cue_end] == q.cue
    assert [m.start for m in result.entities] == sorted(m.start for m in result.entities)
    assert [q.start for q in result.quotes] == sorted(q.start for q in result.quotes)


@settings(max_examples=300, deadline=None)
@given(ARTICLE_LIKE)
def test_article_like_text_never_raises_and_offsets_are_exact(text: str) -> None:
    if text.strip():
        _check_spans(text, analyze_unguarded(text))
    _check_spans(text, analyze(text))


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_any_text_never_raises_and_offsets_are_exact(text: str) -> None:
    if text.strip():
        _check_spans(text, analyze_unguarded(text))
    result = analyze(text)
    _check_spans(text, result)
    assert result.to_json("t", text)["text"] == text


def test_analysis_is_deterministic_and_thread_safe() -> None:
    text = ("Foreign Minister Anna Kowalska said on Monday that the talks would resume. "
            "“We expect a result,” she told reporters in Warsaw.\n\n") * 40
    expected = analyze(text)
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(analyze, [text] * 8))
    assert all(r == expected for r in results)
    assert analyze(text) == expected


def test_empty_and_blank_text() -> None:
    for text in ("", "   ", "\n\n\n"):
        result = analyze(text)
        assert result.entities == [] and result.quotes == [] and result.groups == {}


@given(ARTICLE_LIKE, st.integers(-5, 80), st.integers(-5, 80), st.integers(0, 6))
@settings(max_examples=300, deadline=None)
def test_word_counts_and_first_words_read_in_place_agree_with_word_list(text: str, start: int, end: int,
                                                                         count: int) -> None:
    """The helpers that read words in place (to stop early) give what splitting the slice gives."""
    from reader.analysis.lexicon import parenthetical
    from reader.analysis.quotes import at_least_words, first_word, has_content_in, word_list

    start, end = max(0, start), max(0, end)
    words = word_list(text[start:end])
    assert at_least_words(text, start, end, count) == (len(words) >= count)
    assert first_word(text[start:end]) == (words[0] if words else "")
    assert has_content_in(text, start, end) == any(not parenthetical(w.lower()) for w in words)
