"""WCAG contrast: the formula, every bundled theme's highlights, and warnings for user themes."""

from __future__ import annotations

from typing import Any

import pytest

from reader.themes import (
    ANSI_NAMES,
    WCAG_AA,
    ReaderTheme,
    bundled_themes_dir,
    contrast_checks,
    contrast_ratio,
    load_theme_file,
    load_themes,
    min_contrast,
    parse_color,
    relative_luminance,
)

BUNDLED: list[ReaderTheme] = [
    load_theme_file(path) for path in sorted(bundled_themes_dir().glob("*.toml"))
]


def test_contrast_ratio_matches_wcag_reference_values() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#fff", "#fff") == pytest.approx(1.0)
    # Well-known pairs from WCAG tooling: #777 on white just fails AA, #767676 just passes.
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio("#0000ff", "#ffffff") == pytest.approx(8.59, abs=0.01)
    assert contrast_ratio("#ff0000", "#000000") == pytest.approx(5.25, abs=0.01)


def test_contrast_ratio_is_symmetric_and_accepts_rgb_tuples() -> None:
    assert contrast_ratio("#336699", "#f0e0d0") == pytest.approx(contrast_ratio("#f0e0d0", "#336699"))
    assert contrast_ratio((51, 102, 153), "#f0e0d0") == pytest.approx(contrast_ratio("#369", "#f0e0d0"))


def test_relative_luminance_endpoints_and_channel_weights() -> None:
    assert relative_luminance("#000") == 0.0
    assert relative_luminance("#fff") == pytest.approx(1.0)
    assert relative_luminance("#00ff00") == pytest.approx(0.7152)
    assert relative_luminance("#ff0000") == pytest.approx(0.2126)


def test_parse_color_knows_hex_and_ansi_names_only() -> None:
    assert parse_color("#0a0B0c") == (10, 11, 12)
    assert parse_color("#abc") == (0xAA, 0xBB, 0xCC)
    assert parse_color("ansi_bright_white") == (255, 255, 255)
    for bad in ("ansi_default", "red", "#12345", "ansi_purple"):
        with pytest.raises(ValueError):
            parse_color(bad)


@pytest.mark.parametrize("theme", BUNDLED, ids=lambda t: t.name)
def test_every_highlight_of_every_bundled_theme_reaches_wcag_aa(theme: ReaderTheme) -> None:
    checks = [c for c in contrast_checks(theme) if c.what != "text"]
    # every role is checked on the page, plus the layered pairs on backdrops
    assert len(checks) >= 10
    failing = [f"{c.what}: {c.fg} on {c.bg} = {c.ratio}" for c in checks if not c.ok]
    assert not failing, failing


@pytest.mark.parametrize("theme", [t for t in BUNDLED if not t.ansi], ids=lambda t: t.name)
def test_body_text_of_bundled_rgb_themes_reaches_wcag_aa(theme: ReaderTheme) -> None:
    assert contrast_ratio(theme.foreground, theme.background) >= WCAG_AA
    assert contrast_ratio(theme.foreground, theme.colors["surface"]) >= WCAG_AA


def test_high_contrast_theme_reaches_wcag_aaa() -> None:
    theme = next(t for t in BUNDLED if t.name == "reader-high-contrast")
    assert min_contrast(theme) is not None and min_contrast(theme) >= 7.0


def test_backdrops_are_checked_with_text_drawn_on_them(dark_data: dict[str, Any]) -> None:
    from reader.themes import parse_theme

    theme = parse_theme("x", dark_data)
    whats = {c.what for c in contrast_checks(theme)}
    assert "person on direct_quote" in whats
    assert "reported_speech on reading_cursor" in whats
    assert "search_match on selection" not in whats  # it brings its own background


# Common real 16-colour palettes (index order black, red, ..., bright_white), to check that the
# ANSI theme's pairs do not rely on one palette. Values from the terminals' published defaults.
PALETTES: dict[str, str] = {
    "xterm": "000000 cd0000 00cd00 cdcd00 0000ee cd00cd 00cdcd e5e5e5 "
             "7f7f7f ff0000 00ff00 ffff00 5c5cff ff00ff 00ffff ffffff",
    "tango": "2e3436 cc0000 4e9a06 c4a000 3465a4 75507b 06989a d3d7cf "
             "555753 ef2929 8ae234 fce94f 729fcf ad7fa8 34e2e2 eeeeec",
    "windows-campbell": "0c0c0c c50f1f 13a10e c19c00 0037da 881798 3a96dd cccccc "
                        "767676 e74856 16c60c f9f1a5 3b78ff b4009e 61d6d6 f2f2f2",
    "linux-vga": "000000 aa0000 00aa00 aa5500 0000aa aa00aa 00aaaa aaaaaa "
                 "555555 ff5555 55ff55 ffff55 5555ff ff55ff 55ffff ffffff",
}


@pytest.mark.parametrize("palette", PALETTES, ids=str)
def test_ansi_theme_pairs_hold_in_common_terminal_palettes(palette: str) -> None:
    colours = dict(zip(ANSI_NAMES, ("#" + c for c in PALETTES[palette].split()), strict=True))
    for theme in (t for t in BUNDLED if t.ansi):
        for check in contrast_checks(theme):
            if check.what == "text":
                continue  # ansi_default on ansi_default: the terminal's own pair
            fg, bg = colours[check.fg.removeprefix("ansi_")], colours[check.bg.removeprefix("ansi_")]
            assert contrast_ratio(fg, bg) >= WCAG_AA, (palette, check.what, check.fg, check.bg)


def test_low_contrast_user_theme_loads_with_a_warning(write_theme: Any, dark_data: dict[str, Any]) -> None:
    dark_data["reader"]["person"] = {"fg": "#2a2d35"}  # nearly the page colour
    path = write_theme("murky", dark_data)
    themes = load_themes()
    assert "murky" in themes and themes.problems == []
    messages = [str(w) for w in themes.warnings]
    assert any(m.startswith(f"{path}: low contrast for person: #2a2d35 on #1b1d23") for m in messages), messages
    assert any("person on direct_quote" in m for m in messages)


def test_ansi_user_theme_with_unknown_background_warns(write_theme: Any) -> None:
    data = {
        "dark": True, "ansi": True,
        "colors": {k: "ansi_default" for k in ("foreground", "background", "surface", "panel")}
        | {"primary": "ansi_blue", "secondary": "ansi_cyan", "accent": "ansi_yellow",
           "warning": "ansi_yellow", "error": "ansi_red", "success": "ansi_green"},
        "reader": {role: {"fg": "ansi_black", "bg": "ansi_white"} for role in (
            "person", "organisation", "place", "direct_quote", "partial_quote", "reported_speech",
            "note", "search_match", "selection", "reading_cursor")},
    }
    data["reader"]["place"] = "ansi_bright_green"  # fg only: drawn on the terminal's unknown background
    write_theme("mine-ansi", data)
    themes = load_themes()
    assert "mine-ansi" in themes
    messages = [w.message for w in themes.warnings]
    assert messages == ["contrast of place (ansi_bright_green on ansi_default) cannot be checked: "
                        "give it colours other than ansi_default"]


def test_ansi_default_is_not_allowed_in_the_reader_palette(write_theme: Any) -> None:
    from reader.themes import ThemeError, parse_theme

    data: dict[str, Any] = {"dark": True, "ansi": True, "colors": {}, "reader": {"person": "ansi_default"}}
    with pytest.raises(ThemeError, match=r"reader.person.fg: 'ansi_default' is not a colour"):
        parse_theme("x", data)
