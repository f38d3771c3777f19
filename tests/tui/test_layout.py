"""Unit tests of the pure line layout: wrapping, prefixes, estimates and the height index."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from reader.document import parse_markdown
from reader.document.model import Block, BlockKind
from reader.view.layout import (
    BLANK,
    FIRST,
    RULE,
    TAB_WIDTH,
    TEXT,
    HeightIndex,
    estimate_height,
    layout_block,
    prefix_width,
    text_cells,
    wrap_range,
)


def wrap(text: str, width: int) -> list[str]:
    return [text[start:end] for start, end in wrap_range(text, 0, len(text), width)]


def test_words_wrap_at_spaces_and_the_spaces_belong_to_no_line() -> None:
    assert wrap("the quick brown fox jumps over", 10) == ["the quick", "brown fox", "jumps over"]


def test_a_line_that_fits_is_one_range() -> None:
    assert wrap("short", 80) == ["short"]


def test_hard_newlines_always_break_and_empty_lines_stay() -> None:
    assert wrap("one\n\ntwo", 80) == ["one", "", "two"]


def test_very_long_word_is_cut_by_cells() -> None:
    assert wrap("x" * 25 + " end", 10) == ["x" * 10, "x" * 10, "xxxxx end"]


def test_wide_cjk_characters_count_two_cells() -> None:
    lines = wrap("中文" * 10, 7)
    assert all(cell_len(line) <= 7 for line in lines)
    assert "".join(lines) == "中文" * 10
    assert lines[0] == "中文中"


def test_cjk_fills_the_current_line_before_it_is_cut() -> None:
    lines = wrap("Wide: " + "中文" * 5, 10)
    assert lines[0] == "Wide: 中文"
    assert "".join(lines).replace(" ", "") == "Wide:" + "中文" * 5


def test_tabs_count_as_tab_width_cells() -> None:
    assert text_cells("\t") == TAB_WIDTH
    assert text_cells("a\tb") == 2 + TAB_WIDTH
    assert wrap("\tabc def", 8) == ["\tabc", "def"]


def test_leading_indentation_of_a_hard_line_is_kept() -> None:
    assert wrap("    indented code", 40) == ["    indented code"]
    assert wrap("  a\n  b", 40) == ["  a", "  b"]


def test_empty_text_gives_one_empty_line() -> None:
    assert wrap_range("", 0, 0, 10) == [(0, 0)]


def test_width_below_one_is_treated_as_one() -> None:
    assert wrap("ab", 0) == ["a", "b"]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab 中\t\né"), max_size=80), st.integers(min_value=2, max_value=30))
def test_wrapping_never_exceeds_the_width_and_loses_no_word(text: str, width: int) -> None:
    ranges = wrap_range(text, 0, len(text), width)
    for start, end in ranges:
        assert 0 <= start <= end <= len(text)
        assert text_cells(text[start:end]) <= width
    assert [r[0] for r in ranges] == sorted(r[0] for r in ranges)
    # Every non-space character is on some line.
    covered = set()
    for start, end in ranges:
        covered.update(range(start, end))
    assert all(i in covered for i, ch in enumerate(text) if ch not in " \t\n")


def _block(kind: BlockKind, text: str, **attrs: object) -> tuple[str, Block]:
    return text, Block(kind, 0, len(text), **attrs)  # type: ignore[arg-type]


def test_list_item_prefix_is_indent_plus_marker() -> None:
    _, block = _block(BlockKind.LIST_ITEM, "x", depth=2, marker="•")
    assert prefix_width(block) == 2 + 1 + 1
    _, quoted = _block(BlockKind.BLOCKQUOTE, "x", quote=2)
    assert prefix_width(quoted) == 4


def test_layout_marks_first_line_and_adds_a_gap_before_the_next_block() -> None:
    text, block = _block(BlockKind.PARAGRAPH, "one two three four five six")
    following = Block(BlockKind.PARAGRAPH, len(text) + 2, len(text) + 5)
    lines = layout_block(text, block, 14, following)
    assert [line.kind for line in lines] == [FIRST, TEXT, BLANK]
    assert layout_block(text, block, 14, None)[-1].kind is TEXT


def test_consecutive_list_items_have_no_gap() -> None:
    text, block = _block(BlockKind.LIST_ITEM, "a", depth=1, marker="•")
    following = Block(BlockKind.LIST_ITEM, 3, 4, depth=1, marker="•")
    assert [line.kind for line in layout_block(text, block, 20, following)] == [FIRST]


def test_rule_block_is_one_rule_line() -> None:
    block = Block(BlockKind.RULE, 0, 0)
    assert [line.kind for line in layout_block("", block, 20, None)] == [RULE]


def test_table_gets_a_rule_under_its_header() -> None:
    article = parse_markdown("| a | b |\n| - | - |\n| 1 | 2 |\n| 3 | 4 |\n")
    block = article.blocks[0]
    lines = layout_block(article.text, block, 40, None)
    kinds = [line.kind for line in lines]
    assert kinds == [FIRST, RULE, TEXT, TEXT]
    assert [line.row for line in lines if line.kind is not RULE] == [0, 1, 2]


def test_every_markdown_block_kind_lays_out_within_the_width() -> None:
    source = ("# Head\n\npara **b** *i*\n\n> quote\n\n- item one\n- item two\n\n```\ncode\n\tx\n```\n\n---\n\n"
              "| h | v |\n|---|---|\n| 1 | 2 |\n")
    article = parse_markdown(source)
    width = 12
    for index, block in enumerate(article.blocks):
        following = article.blocks[index + 1] if index + 1 < len(article.blocks) else None
        for line in layout_block(article.text, block, width, following):
            assert text_cells(article.text[line.start:line.end]) + prefix_width(block) <= width


def test_estimates_are_close_for_plain_paragraphs() -> None:
    words = " ".join(random.Random(4).choice(["a", "word", "longer", "reading"]) for _ in range(400))
    text, block = _block(BlockKind.PARAGRAPH, words)
    exact = len(layout_block(text, block, 60, None))
    estimate = estimate_height(text, block, 60, None)
    assert abs(estimate - exact) <= max(2, exact // 5)


def test_height_index_finds_blocks_by_line() -> None:
    index = HeightIndex([3, 1, 4])
    assert index.total == 8
    assert [index.find(y) for y in range(8)] == [(0, 0), (0, 1), (0, 2), (1, 0), (2, 0), (2, 1), (2, 2), (2, 3)]
    assert index.find(100) == (2, 3)
    assert index.prefix(2) == 4


def test_height_index_updates_and_appends() -> None:
    index = HeightIndex([3, 1, 4])
    assert index.set(0, 1) == -2
    assert index.exact(0) and not index.exact(1)
    index.append(2)
    assert index.total == 8
    assert index.prefix(3) == 6
    assert index.find(6) == (3, 0)


@pytest.mark.parametrize("count", [1, 2, 7, 64, 100])
def test_height_index_matches_a_plain_prefix_sum(count: int) -> None:
    rng = random.Random(count)
    heights = [rng.randint(1, 5) for _ in range(count)]
    index = HeightIndex(heights[: count // 2])
    for height in heights[count // 2:]:
        index.append(height)
    for _ in range(20):
        position = rng.randrange(count)
        heights[position] = rng.randint(1, 9)
        index.set(position, heights[position])
    for position in range(count + 1):
        assert index.prefix(position) == sum(heights[:position])
    y = 0
    for block, height in enumerate(heights):
        for line in range(height):
            assert index.find(y) == (block, line)
            y += 1


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab cé’ж"), max_size=60), st.integers(min_value=1, max_value=12))
def test_fast_narrow_wrapping_agrees_with_the_general_one(text: str, width: int) -> None:
    from reader.view.layout import _wrap_narrow, _wrap_tokens

    fast: list[tuple[int, int]] = []
    slow: list[tuple[int, int]] = []
    if len(text) > width:
        _wrap_narrow(text, 0, len(text), width, fast)
        _wrap_tokens(text, 0, len(text), width, slow)
        assert fast == slow


def test_characters_treated_as_narrow_are_one_cell_for_rich() -> None:
    from reader.view.layout import _NOT_NARROW

    wrong = [hex(code) for code in range(0x20, 0x3000)
             if not _NOT_NARROW.search(chr(code)) and cell_len(chr(code)) != 1]
    assert wrong == []
