"""Unit tests of the small pure parts: search, overlay stacking, loading errors, help rows."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.style import Style

from reader.document import parse_markdown
from reader.errors import ReaderError
from reader.services.fold import fold
from reader.services.loading import finish_parsing, open_for_reading
from reader.tui.widgets.search import MAX_MATCHES, SearchState, find_matches
from reader.view.overlays import LAYER_ORDER, OverlayStore, layer_rank
from tests.tui.generate import large_markdown


def test_find_matches_is_case_insensitive_and_literal() -> None:
    text = "Aleppo and ALEPPO and aleppo. a.b axb"
    assert find_matches(text, "aleppo") == [(0, 6), (11, 17), (22, 28)]
    assert find_matches(text, "a.b") == [(30, 33)]  # the dot is not a regex wildcard
    assert find_matches(text, "") == []


def test_find_matches_stops_at_the_limit() -> None:
    assert len(find_matches("a" * (MAX_MATCHES + 10), "a")) == MAX_MATCHES


def test_find_matches_ignores_accents_and_maps_back_to_the_characters_matched() -> None:
    text = "Straße, CAFÉ, cafe\u0301 and ﬁnal Æsir; STRASSE."
    assert [text[s:e] for s, e in find_matches(text, "strasse")] == ["Straße", "STRASSE"]
    assert [text[s:e] for s, e in find_matches(text, "Café")] == ["CAFÉ", "cafe\u0301"]  # accent kept with its letter
    assert [text[s:e] for s, e in find_matches(text, "final aesir")] == ["ﬁnal Æsir"]
    assert find_matches("Straße", "s") == [(0, 1), (4, 5)]  # not a second match inside the "ss" of ß
    assert find_matches("Straße", "\u00ad") == []  # a query that folds to nothing finds nothing


_TEXT = st.text(alphabet=st.sampled_from("aAsSeEß æÆéÉ\u0301ﬁfi.İ"), max_size=40)


@settings(max_examples=300, deadline=None)
@given(_TEXT, _TEXT.filter(lambda q: q.strip() != ""))
def test_each_match_is_the_query_folded_in_order_and_apart(text: str, query: str) -> None:
    matches = find_matches(text, query)
    for start, end in matches:
        assert 0 <= start < end <= len(text)
        assert fold(text[start:end]).startswith(fold(query))
    assert all(a[1] <= b[0] for a, b in zip(matches, matches[1:], strict=False))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=60), st.text(alphabet="aAbB.", min_size=1, max_size=3))
def test_ascii_text_finds_what_case_insensitive_search_found(text: str, query: str) -> None:
    expected = [m.span() for m in re.finditer(re.escape(query), text, re.IGNORECASE)]
    assert find_matches(text, query) == expected


def test_search_state_folds_a_text_once_not_per_keystroke() -> None:
    state = SearchState()
    text = "Die Straße " * 1000
    state.update(text, "s", origin=0)
    folded = state._folded
    for query in ("st", "str", "stra", "strasse"):
        state.update(text, query, origin=0)
        assert state._folded is folded
    assert len(state.matches) == 1000
    grown = text + "und noch eine Straße"
    state.update(grown, "strasse", origin=0)
    assert state._folded is not folded and len(state.matches) == 1001  # the text grew: folded again


def test_search_state_starts_at_origin_and_wraps() -> None:
    state = SearchState()
    state.update("x.x.x.x", "x", origin=3)
    assert state.current_match == (4, 5)
    assert state.step(1) == (6, 7)
    assert state.step(1) == (0, 1)  # wraps to the first
    assert state.step(-1) == (6, 7)  # and back to the last
    state.clear()
    assert state.step(1) is None


def test_layer_order_puts_selection_on_top_and_unknown_layers_before_search() -> None:
    ranks = sorted(["selection", "search", "custom", "entities", "notes"], key=layer_rank)
    assert ranks == ["entities", "notes", "custom", "search", "selection"]
    assert LAYER_ORDER[-1] == "selection"


def test_overlay_store_buckets_spans_by_block_in_layer_order() -> None:
    article = parse_markdown("first para\n\nsecond para\n\nthird para\n")
    store = OverlayStore()
    red, blue = Style(color="red"), Style(color="blue")
    second = article.blocks[1]
    touched = store.set("search", [(second.start, second.start + 3, red)], article)
    assert touched == {1}
    store.set("entities", [(0, article.blocks[2].end, blue)], article)  # spans all blocks
    assert [span[2] for span in store.for_block(1)] == [blue, red]  # entities under search
    assert store.clear("search") == {1}
    assert [span[2] for span in store.for_block(1)] == [blue]


def test_open_for_reading_reports_missing_and_binary_files(tmp_path: Path) -> None:
    with pytest.raises(ReaderError):
        open_for_reading(str(tmp_path / "missing.txt"))
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 20)
    with pytest.raises(ReaderError):
        open_for_reading(str(binary))


def test_large_markdown_parses_the_first_chunk_then_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "big.md"
    path.write_text(large_markdown(400_000), encoding="utf-8")
    article, parser = open_for_reading(str(path))
    assert parser is not None and not article.complete
    first_length = len(article.text)
    grown: list[int] = []
    finish_parsing(parser, lambda snapshot: grown.append(len(snapshot.text)))
    assert grown == sorted(grown) and grown[0] > first_length
    final = parser.article()
    assert final.complete and final.text.startswith(article.text)
    assert final.text.rstrip().endswith("The final line of the generated report.")


def test_the_pane_keeps_a_measure_in_range_and_is_no_wider_than_it() -> None:
    from reader.tui.widgets.reading_pane import ReadingPane

    for asked, kept in ((10, 40), (72, 72), (500, 200)):
        pane = ReadingPane(measure=asked)
        assert pane.measure == kept
        assert pane.styles.max_width is not None and pane.styles.max_width.value == kept + 6  # gutter, margin, bar
