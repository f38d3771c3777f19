"""Keys a user remaps in ``config.toml`` ([keymap], binding id = keys): they work, the key bar, help and
palette show them, and a bad entry is one line naming the file and the entry while the default stays."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.binding import Binding
from textual.widgets import Static

from reader.services.config import load_keymap
from reader.tui.app import ReaderApp
from reader.tui.keymap import binding_ids, checked_keymap, key_problem
from reader.tui.palette import binding_commands
from reader.tui.screens.help import HelpScreen
from reader.tui.screens.picker import PickerScreen
from reader.tui.widgets.reading_pane import ReadingPane
from tests.textual_private import notification_messages
from tests.tui.helpers import screen_lines, screen_text, write_config

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "sample_articles" / "aleppo-evacuation.txt"
SIZE = (100, 24)


async def test_a_remapped_quit_key_works_and_shows_everywhere(tmp_path: Path) -> None:
    write_config('[keymap]\n"app.quit" = "ctrl+x"\n"reader.page_down" = "f"\n')
    app = ReaderApp([str(SEED)], db=str(tmp_path / "lib.json"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        bottom = screen_lines(app)[-1]
        assert " ^x Quit " in bottom and " q Quit " not in bottom
        assert " f Page down " in bottom and "space" not in bottom
        pane = app.screen.query_one(ReadingPane)
        await pilot.press("q")  # no longer quits
        await pilot.pause()
        assert app.return_code is None and app.screen.query_one(ReadingPane) is pane
        await pilot.press("f")
        await pilot.pause()
        assert pane.scroll_y > 0
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = dict((description, keys) for keys, description in app.screen.rows)
        assert sorted(rows["Quit"].split()) == ["^q", "^x"]  # ctrl+q (app.quit_anywhere) kept, q gone
        assert rows["Page down"] == "f"
        await pilot.press("escape")
        await pilot.pause()
        assert not notification_messages(app)  # a good keymap raises no complaint
        await pilot.press("ctrl+x")
        await pilot.pause()
    assert app.return_code == 0


async def test_bad_entries_are_one_line_each_and_the_defaults_stay(tmp_path: Path) -> None:
    path = write_config('[keymap]\n"app.quit" = 5\n"reader.search" = "ctrl+"\n"reader.no_such_thing" = "z"\n'
                        '"reader.toggle_sources" = "S"\n')
    app = ReaderApp([str(SEED)], db=str(tmp_path / "lib.json"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        messages = notification_messages(app)
        assert len(messages) == 3 and all("\n" not in m for m in messages)
        for entry in ("app.quit", "reader.search", "reader.no_such_thing"):
            assert sum(m.startswith(f"{path}: [keymap] '{entry}': ") for m in messages) == 1
        assert " / Search " in screen_lines(app)[-1]  # the default stays
        await pilot.press("S")  # the good entry still applies
        await pilot.pause()
        assert "People" in screen_text(app)
        await pilot.press("escape", "q")
        await pilot.pause()
    assert app.return_code == 0


async def test_an_entry_that_takes_another_bindings_key_is_reported_and_both_keep_theirs(tmp_path: Path) -> None:
    path = write_config('[keymap]\n"reader.next_quote" = "n"\n')  # n is Next match (reader.search_next)
    app = ReaderApp([str(SEED)], db=str(tmp_path / "lib.json"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        messages = notification_messages(app)
        assert messages == [f"{path}: [keymap] 'reader.next_quote': 'n' is already the key of Next match "
                            "(reader.search_next); the default key stays"]
        keys = {binding.id: key for key, (_node, binding, _enabled, _tip) in app.screen.active_bindings.items()}
        assert keys["reader.search_next"] == "n" and keys["reader.next_quote"] == "right_square_bracket"


async def test_hints_in_the_app_name_the_remapped_keys(tmp_path: Path) -> None:
    write_config('[keymap]\n"reader.add_note" = "W"\n"confirm.yes" = "ctrl+y"\n')
    app = ReaderApp([str(SEED)], db=str(tmp_path / "lib.json"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("p")  # the notes panel, empty: it says which key adds a note
        await pilot.pause()
        panel = app.screen.query_one("#notes-empty", Static)
        assert str(panel.render()) == "No notes yet: select a passage and press W."
        from reader.tui.screens.tag_input import Confirm

        await app.push_screen(Confirm("Sure?"))
        await pilot.pause()
        assert "^y: yes · n or Escape: no" in screen_text(app)


async def test_a_config_that_is_not_toml_is_one_line_and_all_keys_stay(tmp_path: Path) -> None:
    path = write_config("[keymap\n")
    app = ReaderApp([str(SEED)], db=str(tmp_path / "lib.json"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        messages = notification_messages(app)
        assert len(messages) == 1 and messages[0].startswith(f"{path}: not valid TOML")
        assert " q Quit " in screen_lines(app)[-1]


async def test_the_palette_is_built_from_the_bindings_on_every_screen(tmp_path: Path) -> None:
    """The article list declares no palette of its own; its Open key is offered, with the key in force."""
    write_config('[keymap]\n"list.open" = "o"\n')
    (tmp_path / "a.txt").write_text("First\n\nOne paragraph.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Second\n\nAnother paragraph.\n", encoding="utf-8")
    app = ReaderApp([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], db=str(tmp_path / "lib.json"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        commands = {title: help_text for title, help_text, _ in binding_commands(app.screen)}
        assert commands["Open"].endswith("(key: o)")
        assert "Quit" not in commands  # app-wide keys are the palette's own system commands


def test_every_binding_has_a_unique_screen_action_id() -> None:
    import importlib
    import pkgutil

    import reader.tui

    seen: list[str] = []
    for info in pkgutil.walk_packages(reader.tui.__path__, "reader.tui."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if isinstance(value, type) and value.__module__ == module.__name__:
                for binding in value.__dict__.get("BINDINGS", ()):
                    assert isinstance(binding, Binding) and binding.id, f"{value.__name__}: {binding}"
                    seen.append(binding.id)
    assert len(seen) == len(set(seen)) == len(binding_ids())
    assert all(len(b.split(".")) == 2 and all(b.split(".")) for b in seen)
    assert {"app.quit", "reader.next_quote", "library.tag"} <= set(seen)


@pytest.mark.parametrize(("keys", "ok"), [
    ("ctrl+x", True), ("j,down", True), ("?", True), ("R", True), ("question_mark", True), ("f2", True),
    ("pagedown", True), ("ctrl+shift+up", True), ("ctrl+", False), ("", False), ("a,,b", False),
    ("hyperdrive+x", False), ("pgdn", False), ("ctrl x", False),
])
def test_key_problem(keys: str, ok: bool) -> None:
    assert (key_problem(keys) is None) is ok


def test_load_keymap_shapes(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    assert load_keymap(path).keys == {} and load_keymap(path).problems == []  # no file: no settings
    path.write_text('keymap = "ctrl+x"\n', encoding="utf-8")
    assert load_keymap(path).problems == [f"{path}: keymap must be a table ([keymap]); using the default keys"]
    path.write_text('[keymap]\n"app.quit" = "ctrl+x"\n"app.help" = ["h"]\n"x\\u001b[31m" = ""\n', encoding="utf-8")
    loaded = load_keymap(path)
    assert loaded.keys == {"app.quit": "ctrl+x"}
    assert [p.split(": [keymap] ")[1].split("'")[1] for p in loaded.problems] == ["app.help", "x"]  # the escape sequence is stripped
    assert all("\x1b" not in p for p in loaded.problems)


def test_the_readme_keymap_example_is_valid(tmp_path: Path) -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    example = next(b.split("```", 1)[0] for b in text.split("```toml\n")[1:] if "[keymap]" in b)
    path = tmp_path / "config.toml"
    path.write_text(example, encoding="utf-8")
    keymap, problems = checked_keymap(load_keymap(path))
    assert problems == [] and keymap and set(keymap) <= binding_ids()


async def test_the_draft_notice_and_the_empty_notes_screen_name_the_remapped_keys(tmp_path: Path) -> None:
    from textual.widgets import TextArea

    from reader.tui.screens.note_editor import NoteEditor
    from reader.tui.screens.notes_list import NotesListScreen
    from reader.tui.screens.notes_reader import NotesReaderScreen

    write_config('[keymap]\n"reader.add_note" = "W"\n"reader.highlight" = "ctrl+h"\n"feeds.add" = "ctrl+f"\n')
    app = ReaderApp([str(SEED)], db=str(tmp_path / "lib.json"))
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(50):
            await pilot.pause(0.05)
            if isinstance(app.screen, NotesReaderScreen) and app.screen.record is not None:
                break
        await pilot.press("right_parenthesis", "W")
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*"half", "escape")
        assert "Draft kept: press W on the same passage to go on." in notification_messages(app)
        assert not any("[keymap]" in m for m in notification_messages(app))  # every remapped key taken
        await pilot.press("W")
        assert isinstance(app.screen, NoteEditor) and app.screen.query_one(TextArea).text == "half"
    app = ReaderApp([], db=str(tmp_path / "empty.json"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("N")
        for _ in range(50):
            await pilot.pause(0.05)
            if isinstance(app.screen, NotesListScreen) and app.screen.loaded:
                break
        message = str(app.screen.query_one("#notes-message", Static).render())
        assert message == "No notes yet. In an article, press W to write one, ^h to highlight."
        await pilot.press("escape", "F")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert "There are no feeds to refresh; press ^f to follow one." in notification_messages(app)
