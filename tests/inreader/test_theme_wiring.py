"""Themes in the app: --theme, unknown names, the remembered choice, broken files and libraries."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import main
from reader.services.library import THEME_SETTING
from reader.store import Library
from reader.themes import DEFAULT_THEME, bundled_themes_dir
from reader.tui.app import ReaderApp
from reader.tui.widgets.reading_pane import ReadingPane
from tests.inreader.helpers import SEED
from tests.textual_private import notification_messages, notifications

SIZE = (80, 24)


def saved_theme(db: Path) -> object:
    with Library.open(db) as library:
        return library.get_setting(THEME_SETTING)


def test_unknown_theme_is_a_usage_error_before_the_app_starts(monkeypatch: pytest.MonkeyPatch,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    def never(self: ReaderApp) -> None:
        raise AssertionError("the app must not start")

    monkeypatch.setattr(ReaderApp, "run", never)
    assert main(["--theme", "no-such-theme", str(SEED)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no-such-theme" in err and DEFAULT_THEME in err


def test_theme_option_starts_the_app_with_it(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    seen: dict[str, object] = {}

    def fake_run(self: ReaderApp) -> None:
        seen["theme"] = self.theme
        seen["db"] = self.db

    monkeypatch.setattr(ReaderApp, "run", fake_run)
    db = tmp_path / "lib.json"
    assert main(["--theme", "reader-sepia", "--db", str(db), str(SEED)]) == 0
    assert seen == {"theme": "reader-sepia", "db": str(db)}


async def test_only_reader_themes_are_offered() -> None:
    app = ReaderApp([str(SEED)])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        bundled = {p.stem for p in bundled_themes_dir().glob("*.toml")}
        assert set(app.available_themes) == bundled
        assert app.theme == DEFAULT_THEME
        assert app.theme_variables["reader-person-style"]


async def test_theme_choice_is_remembered_across_runs(tmp_path: Path) -> None:
    db = tmp_path / "lib.json"
    app = ReaderApp([str(SEED)], db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.theme = "reader-light"  # what the palette's "Change theme" does
        await pilot.pause()
        await app.workers.wait_for_complete()
    assert saved_theme(db) == "reader-light"
    again = ReaderApp([str(SEED)], db=str(db))
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.theme == "reader-light"
    # --theme wins for one run and is not saved.
    once = ReaderApp([str(SEED)], db=str(db), theme_name="reader-high-contrast")
    async with once.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await once.workers.wait_for_complete()
        assert once.theme == "reader-high-contrast"
    assert saved_theme(db) == "reader-light"


async def test_theme_choice_is_remembered_through_reader_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "env.json"
    monkeypatch.setenv("READER_DB", str(db))
    app = ReaderApp([str(SEED)])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.theme = "reader-sepia"
        await pilot.pause()
        await app.workers.wait_for_complete()
    assert saved_theme(db) == "reader-sepia"


async def test_broken_theme_file_is_reported_and_the_app_starts(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "config"
    (config / "themes").mkdir(parents=True)
    broken = config / "themes" / "mine.toml"
    broken.write_text("dark = true\n[colors]\nprimary = 'blu'\n", encoding="utf-8")
    monkeypatch.setenv("READER_CONFIG_DIR", str(config))
    app = ReaderApp([str(SEED)])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == DEFAULT_THEME
        messages = notification_messages(app)
        assert any(str(broken) in message for message in messages)


async def test_broken_library_is_a_notification_not_a_crash(tmp_path: Path) -> None:
    db = tmp_path / "lib.json"
    db.write_text("{ this is not json", encoding="utf-8")
    app = ReaderApp([str(SEED)], db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.theme == DEFAULT_THEME
        # The reader screen says the library cannot be used, naming the file.
        assert any(n.title == "Library not available" and str(db) in n.message for n in notifications(app))
        app.theme = "reader-light"  # saving fails too: another notification, still no crash
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert sum(n.title == "Library" for n in notifications(app)) == 1
        assert db.read_text(encoding="utf-8") == "{ this is not json"


async def test_search_and_selection_colours_follow_a_theme_switch(tmp_path: Path) -> None:
    app = ReaderApp([str(SEED)], db=str(tmp_path / "lib.json"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        pane = app.screen.query_one(ReadingPane)
        pane.set_overlay("search", [(0, 4, "reading-pane--search")])
        before = pane.overlay_spans("search")[0][2]
        app.theme = "reader-light"
        await pilot.pause()
        after = pane.overlay_spans("search")[0][2]
        assert after != before and after == pane._resolve_style("reading-pane--search")
