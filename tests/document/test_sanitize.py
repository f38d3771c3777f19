"""Escape and control-character stripping: nothing from an article reaches the terminal raw."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from reader.sanitize import clean_line, clean_text


def test_csi_osc52_osc8_sequences_are_removed_whole() -> None:
    text = (
        "red \x1b[31mALERT\x1b[0m done "
        "clip \x1b]52;c;ZXZpbA==\x07 gone "
        "link \x1b]8;;http://evil.example\x1b\\click\x1b]8;;\x1b\\ end"
    )
    cleaned = clean_text(text)
    assert "\x1b" not in cleaned
    assert "52;c" not in cleaned and "evil.example" not in cleaned
    assert cleaned == "red ALERT done clip  gone link click end"


def test_c1_controls_and_8bit_csi_are_removed() -> None:
    assert clean_text("a\x9b31mb\x85c\x90d") == "ab\ncd"


def test_newlines_and_tabs_survive_and_crlf_is_normalised() -> None:
    assert clean_text("a\r\nb\rc\td\u2028e") == "a\nb\nc\td\ne"


def test_bidi_overrides_and_zero_width_characters_are_removed() -> None:
    assert clean_text("safe\u202etxt.exe\u200b\u2066x\u2069\ufeff") == "safetxt.exex"


def test_clean_line_folds_whitespace() -> None:
    assert clean_line("  a\n\tb  \x1b[1mc ") == "a b c"


@given(st.text())
def test_no_control_character_survives(text: str) -> None:
    cleaned = clean_text(text)
    for ch in cleaned:
        assert ch in "\n\t" or unicodedata.category(ch) != "Cc", repr(ch)
    assert "\r" not in cleaned


def _reference_line_endings(text: str) -> str:
    """The line-ending rule as one regex (what clean_text did before its str.replace fast path)."""
    import re

    return re.sub(r"\r\n?|[\u2028\u2029\x85]", "\n", text)


@given(st.text(alphabet=st.sampled_from(["a", " ", "\n", "\r", "\u2028", "\u2029", "\x85", "\t", "é"])))
def test_line_endings_become_newlines_exactly_as_the_rule_says(text: str) -> None:
    assert clean_text(text) == clean_text(_reference_line_endings(text)) == _reference_line_endings(text)


def test_every_kind_of_line_ending() -> None:
    assert clean_text("a\r\nb\rc\u2028d\u2029e\x85f\r\r\ng") == "a\nb\nc\nd\ne\nf\n\ng"
