"""The Textual bridge: reader themes registered on an App, switched live, variables resolved."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.color import Color
from textual.content import Content
from textual.markup import parse_style
from textual.widgets import Static

from reader.errors import UsageError
from reader.themes import ANSI_REFERENCE_RGB, DEFAULT_THEME, ROLES, load_themes, resolve_theme_name
from reader.tui.theming import reader_variable_defaults, register_reader_themes, to_textual_theme
from tests.textual_private import ansi_color_rgb


class PaneApp(App[None]):
    """A stand-in for the reading pane: CSS that uses the reader variables."""

    CSS = """
    #person { color: $reader-person; background: $reader-person-background;
              text-style: $reader-person-text-style; }
    #quote { background: $reader-direct-quote-background; }
    #match { color: $reader-search-match; background: $reader-search-match-background; }
    """

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return reader_variable_defaults()

    def compose(self) -> ComposeResult:
        yield Static("Ada", id="person")
        yield Static("said so", id="quote")
        yield Static("match", id="match")


def _rgb(value: str) -> tuple[int, int, int]:
    color = Color.parse(value)
    return color.r, color.g, color.b


async def test_register_on_a_bare_app_and_switch_to_each_theme(user_themes: Path) -> None:
    app = App[None]()
    themes = load_themes()
    async with app.run_test() as pilot:
        names = register_reader_themes(app, themes)
        assert names == themes.names
        for name in names:
            app.theme = name
            await pilot.pause()
            assert app.current_theme.name == name
            variables = app.get_css_variables()
            assert app.theme_variables == variables
            expected = themes[name].variables()
            for role in ROLES:
                key = "reader-" + role.replace("_", "-")
                for suffix in ("", "-background", "-text-style", "-style"):
                    assert variables[key + suffix] == expected[key + suffix]
            # The whole-style variable works for Content spans (article text is never markup).
            style = parse_style("$reader-person-style", variables)
            fg, bg = themes[name].resolved("person")
            assert style.foreground is not None
            if themes[name].ansi:
                assert style.foreground.ansi is not None and style.background is not None
            else:
                assert _rgb(style.foreground.hex) == _rgb(fg)
            assert style.bold == ("bold" in themes[name].highlights["person"].styles)
            content = Content("Ada Lovelace said").stylize("$reader-person-style", 0, 12)
            assert content.plain == "Ada Lovelace said"
            assert [(s.start, s.end, s.style) for s in content.spans] == [(0, 12, "$reader-person-style")]


async def test_pane_css_follows_the_theme_live(user_themes: Path) -> None:
    app = PaneApp()
    themes = load_themes()
    async with app.run_test() as pilot:
        register_reader_themes(app, themes)
        for theme in themes:
            app.theme = theme.name
            await pilot.pause()
            person = app.query_one("#person", Static).styles
            quote = app.query_one("#quote", Static).styles
            match = app.query_one("#match", Static).styles
            person_fg = theme.highlights["person"].fg or theme.foreground
            match_fg, match_bg = theme.resolved("search_match")
            quote_bg = theme.highlights["direct_quote"].bg
            assert quote_bg is not None
            if theme.ansi:
                # ANSI colours stay ANSI: the terminal's palette draws them.
                assert person.color.ansi is not None and match.background.ansi is not None
            else:
                assert _rgb(person.color.hex) == _rgb(person_fg)
                assert _rgb(quote.background.hex) == _rgb(quote_bg)
                assert _rgb(match.color.hex) == _rgb(match_fg)
                assert _rgb(match.background.hex) == _rgb(match_bg)
            assert person.text_style.bold == ("bold" in theme.highlights["person"].styles)


async def test_reader_css_still_parses_under_a_builtin_textual_theme(user_themes: Path) -> None:
    app = PaneApp()
    async with app.run_test() as pilot:
        register_reader_themes(app)
        app.theme = "textual-light"
        await pilot.pause()
        assert app.theme_variables["reader-person"] == load_themes()[DEFAULT_THEME].variables()["reader-person"]
        assert app.query_one("#person", Static).styles.color.hex.lower() == "#8ec5ff"


async def test_hide_builtin_leaves_only_reader_themes(user_themes: Path) -> None:
    app = App[None]()
    async with app.run_test() as pilot:
        assert app.theme == "textual-dark"
        names = register_reader_themes(app, hide_builtin=True)
        await pilot.pause()
        assert sorted(app.available_themes) == sorted(names)
        assert app.theme == DEFAULT_THEME


async def test_user_theme_is_registered_and_broken_one_is_not(write_theme: Any, dark_data: dict[str, Any]) -> None:
    dark_data["reader"]["person"] = {"fg": "#a0d0ff", "style": "italic underline"}
    write_theme("mine", dark_data)
    write_theme("broken", "dark = true\n")
    app = App[None]()
    async with app.run_test() as pilot:
        names = register_reader_themes(app)
        assert "mine" in names and "broken" not in names
        app.theme = "mine"
        await pilot.pause()
        assert app.theme_variables["reader-person"] == "#a0d0ff"
        assert app.theme_variables["reader-person-text-style"] == "italic underline"


def test_ansi_theme_becomes_a_native_ansi_textual_theme(user_themes: Path) -> None:
    ansi = next(t for t in load_themes() if t.ansi)
    theme = to_textual_theme(ansi)
    assert theme.ansi is True
    assert theme.variables["ansi-background"] == "ansi_black"
    assert theme.variables["reader-person-style"].startswith("ansi_black on ansi_bright_cyan")


def test_selection_role_drives_textual_selection_colours(user_themes: Path) -> None:
    dark = load_themes()[DEFAULT_THEME]
    theme = to_textual_theme(dark)
    assert theme.variables["screen-selection-background"] == dark.highlights["selection"].bg
    assert theme.variables["screen-selection-foreground"] == dark.foreground


@pytest.mark.parametrize("name", sorted(ANSI_REFERENCE_RGB))
def test_ansi_reference_rgb_matches_textual(name: str) -> None:
    assert ansi_color_rgb(f"ansi_{name}") == ANSI_REFERENCE_RGB[name]


class WiredApp(App[None]):
    """The wiring the reader app uses (see themes/README.md): everything set up in ``__init__``."""

    def __init__(self, theme_name: str | None, saved: str | None) -> None:
        self.reader_themes = load_themes()  # before super().__init__(), which reads the CSS variables
        super().__init__()
        register_reader_themes(self, self.reader_themes, hide_builtin=True)
        self.theme = resolve_theme_name(theme_name, saved, themes=self.reader_themes)

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return reader_variable_defaults(self.reader_themes)

    def compose(self) -> ComposeResult:
        text = Content("Ada Lovelace said so").stylize("$reader-person-style", 0, 12)
        yield Static(text.stylize("$reader-direct-quote-style", 13, 20), id="pane")


async def test_wiring_in_init_starts_with_the_chosen_theme(user_themes: Path) -> None:
    app = WiredApp("reader-sepia", saved="reader-light")
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.theme == "reader-sepia"
        assert sorted(app.available_themes) == sorted(app.reader_themes.names)
        svg = app.export_screenshot()
    sepia = app.reader_themes["reader-sepia"]
    assert sepia.highlights["person"].fg in svg
    assert sepia.highlights["direct_quote"].bg in svg


def test_wiring_with_an_unknown_theme_is_a_usage_error(user_themes: Path) -> None:
    with pytest.raises(UsageError, match="unknown theme 'nope'"):
        WiredApp("nope", saved=None)
