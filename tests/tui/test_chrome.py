"""The title bar and key bar, and the parts of the reader built only when first used.

Pilot tests: what the bars show comes from the screen's titles and bindings, keys work when
clicked, article titles stay text; the sources panel, notes panel and search bar are mounted
by their first use (they are not on the first paint) and work the same afterwards.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.command import CommandPalette
from textual.screen import Screen
from textual.widgets import OptionList

from reader.tui.app import ReaderApp
from reader.tui.screens.help import HelpScreen
from reader.tui.screens.notes_reader import NotesReaderScreen
from reader.tui.widgets.chrome import ICON_WIDTH, KeyBar, TitleBar
from reader.tui.widgets.notes_panel import NoteList, NotesPanel
from reader.tui.widgets.search import SearchBar
from reader.tui.widgets.sources_panel import SourcesPanel
from tests.inreader.helpers import wait_for_analysis
from tests.tui.helpers import screen_lines

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "sample_articles" / "aleppo-evacuation.txt"
SIZE = (100, 24)


class BarsScreen(Screen[None]):
    """A screen with both bars and three bindings: shown, hidden, and one switched off."""

    BINDINGS = [
        Binding("x", "mark", "Mark it"),
        Binding("y", "hidden", "Never shown", show=False),
        Binding("z", "switched_off", "Off now"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.marked = 0

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield KeyBar()

    def on_mount(self) -> None:
        self.title = "[b]Not bold[/b] $x"
        self.sub_title = "sub [i]title[/i]"

    def action_mark(self) -> None:
        self.marked += 1

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return None if action == "switched_off" else True


class BarsApp(App[None]):
    def get_default_screen(self) -> Screen[None]:
        return BarsScreen()


async def test_title_bar_shows_the_titles_as_text() -> None:
    app = BarsApp()
    async with app.run_test(size=(80, 6)) as pilot:
        await pilot.pause()
        top = screen_lines(app)[0]
        assert top.startswith(" ¶")
        assert "[b]Not bold[/b] $x — sub [i]title[/i]" in top  # markup is shown, not applied
        app.screen.title = "Changed"
        await pilot.pause()
        assert "Changed — sub [i]title[/i]" in screen_lines(app)[0]


async def test_title_bar_crops_a_long_title_with_an_ellipsis() -> None:
    app = BarsApp()
    async with app.run_test(size=(40, 6)) as pilot:
        app.screen.title = "A very long title " * 5
        await pilot.pause()
        top = screen_lines(app)[0]
        assert top.rstrip().endswith("…") and len(top) <= 40


async def test_key_bar_shows_shown_bindings_and_dims_disabled_ones() -> None:
    app = BarsApp()
    async with app.run_test(size=(80, 6)) as pilot:
        await pilot.pause()
        bottom = screen_lines(app)[-1]
        assert " x Mark it " in bottom and " z Off now " in bottom
        assert "Never shown" not in bottom
        assert "palette" in bottom  # the command palette key, at the right end
        bar = app.screen.query_one(KeyBar)
        line = bar.render()
        off = line.plain.index("Off now")
        assert any(span.start <= off < span.end and "dim" in str(span.style) for span in line.spans)
        mark = line.plain.index("Mark it")
        assert not any(span.start <= mark < span.end and "dim" in str(span.style) for span in line.spans)


async def test_clicking_a_key_presses_it() -> None:
    app = BarsApp()
    async with app.run_test(size=(80, 6)) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        x = bar.render().plain.index("Mark it")
        await pilot.click(KeyBar, offset=(x, 0))
        await pilot.pause()
        assert app.screen.marked == 1
        assert bar.key_at(bar.size.width + 5) is None


async def test_clicking_the_icon_opens_the_command_palette() -> None:
    app = BarsApp()
    async with app.run_test(size=(80, 6)) as pilot:
        await pilot.click(TitleBar, offset=(ICON_WIDTH // 2, 0))
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)


async def test_reader_key_bar_is_built_from_the_reader_bindings() -> None:
    app = ReaderApp([str(SEED)])
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.pause()
        bottom = screen_lines(app)[-1]
        for shown in ("Search", "Help", "Quit"):
            assert shown in bottom
        assert "palette" not in bottom  # the reader keeps that room for the progress
        await pilot.click(KeyBar, offset=(app.screen.query_one(KeyBar).render().plain.index("Help"), 0))
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_one_source_is_the_first_screen_not_pushed_over_a_blank_one() -> None:
    app = ReaderApp([str(SEED)])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, NotesReaderScreen) and len(app.screen_stack) == 1


async def test_hidden_parts_are_built_on_first_use_and_then_work() -> None:
    app = ReaderApp([str(SEED)])
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert not screen.query_one(SourcesPanel).children
        assert not screen.query_one(NotesPanel).children
        assert not screen.query(SearchBar)

        await pilot.press("slash")
        bar = screen.query_one(SearchBar)
        assert bar.has_focus
        await pilot.press("A", "l", "e", "p", "p", "o", "enter")
        await pilot.pause()
        assert not bar.has_class("-active") and len(screen.query(SearchBar)) == 1
        await pilot.press("slash")  # the second search reuses the bar
        assert len(screen.query(SearchBar)) == 1 and bar.has_focus and bar.value == "Aleppo"
        await pilot.press("escape")

        await pilot.press("p")
        await pilot.pause()
        assert screen.query_one(NoteList).has_focus
        assert "Notes (0)" in "\n".join(screen_lines(app))

        await pilot.press("p")  # the panel has the focus: p hides it
        await pilot.pause()
        await wait_for_analysis(pilot)
        await pilot.press("s")
        await pilot.pause()
        panel = screen.query_one(SourcesPanel)
        assert panel.is_open and panel.query_one(OptionList).has_focus
        assert panel.selected is not None  # filled with the analysis when it opened


async def test_closed_panels_answer_without_being_built() -> None:
    panel = SourcesPanel()
    assert panel.selected is None and panel.target_at(0) is None
    notes = NotesPanel()
    notes.show_notes([])
    assert notes.highlighted_note() is None
