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


# What clean_text looks for, characters it must find wherever they sit in a long text, and the
# characters around them (long texts take the bytes shortcut in needs_cleaning).
_SOUGHT = ["\x00", "\x08", "\x0b", "\x1b", "\x1f", "\x7f", "\x85", "\x9b", "\x9f", "\r", "\u061c", "\u200b",
           "\u200f", "\u2028", "\u2029", "\u202a", "\u202e", "\u2060", "\u2064", "\u2066", "\u2069", "\ufeff",
           "\ud800", "\udfff"]
_AROUND = ["a", " ", "\n", "\t", "~", "é", "“", "”", "\u00a0", "\u2009", "\u2065", "\u206a", "\u2030", "\u0600",
           "\U0001f600", "\ufefe", "\uff00"]


@given(st.lists(st.sampled_from(_AROUND), max_size=60).map("".join), st.integers(0, 6000),
       st.one_of(st.none(), st.sampled_from(_SOUGHT)))
def test_needs_cleaning_answers_as_the_regex_scan_on_short_and_long_text(piece: str, pad: int, sought: str | None) -> None:
    from reader.sanitize import _ANYTHING_TO_DO, needs_cleaning

    text = "x" * pad + piece + (sought or "") + piece
    assert needs_cleaning(text) == (_ANYTHING_TO_DO.search(text) is not None) == (sought is not None)
    assert needs_cleaning(text, text.encode("utf-8", "surrogatepass")) == (sought is not None)  # (its UTF-8 given)
    assert clean_text(text) == text or sought is not None


@given(st.text())
def test_needs_cleaning_on_any_long_text(piece: str) -> None:
    from reader.sanitize import _ANYTHING_TO_DO, needs_cleaning

    text = "x" * 4096 + piece
    assert needs_cleaning(text) == (_ANYTHING_TO_DO.search(text) is not None)
