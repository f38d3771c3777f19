"""A resize re-cuts the library table from the rows already loaded; the store is read again
only when the library may have changed (back from an article, a new sort, an edit)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.store import Library
from reader.tui.app import ReaderApp
from reader.tui.screens.library import LibraryScreen, column_widths, shorten
from reader.tui.screens.notes_reader import NotesReaderScreen
from tests.tui.helpers import screen_text
from tests.tui.library_fixtures import library_with, settle, write_article

LONG_TITLE = "Harbour plan divides the council once again"


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    """Every listing of the library's articles (what the screen loads its rows with)."""
    seen: list[str | None] = []
    articles = Library.articles

    def counting(self: Library, **kwargs: object) -> object:
        seen.append(kwargs.get("sort"))  # type: ignore[arg-type]
        return articles(self, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Library, "articles", counting)
    return seen


def library_screen(app: ReaderApp) -> LibraryScreen:
    screen = app.screen
    assert isinstance(screen, LibraryScreen)
    return screen


async def test_resize_recuts_columns_without_reading_the_store(tmp_path: Path, reads: list[str | None]) -> None:
    db = tmp_path / "lib.json"
    library_with(db, [write_article(tmp_path, "harbour.txt", LONG_TITLE),
                      write_article(tmp_path, "budget.txt", "Budget row deepens")])
    app = ReaderApp([], db=str(db))
    async with app.run_test(size=(100, 20)) as pilot:
        await settle(app, pilot)
        screen = library_screen(app)
        assert len(reads) == 1
        wide = column_widths(100)[0]
        assert shorten(LONG_TITLE, wide) in screen_text(app)
        await pilot.press("down")  # the cursor on the second row (the older article)
        assert screen.current() is not None and screen.current().title == LONG_TITLE  # type: ignore[union-attr]
        for width in (60, 80, 60):  # a terminal being dragged
            await pilot.resize_terminal(width, 20)
            await settle(app, pilot)
        assert len(reads) == 1  # nothing in the library changed: the rows were re-cut from memory
        narrow = column_widths(60)[0]
        assert narrow < wide
        text = screen_text(app)
        assert shorten(LONG_TITLE, narrow) in text and shorten(LONG_TITLE, wide) not in text
        assert screen.current() is not None and screen.current().title == LONG_TITLE  # type: ignore[union-attr]
        assert [r.title for r in screen.records] == ["Budget row deepens", LONG_TITLE]


async def test_resume_and_sort_still_read_the_store(tmp_path: Path, reads: list[str | None]) -> None:
    db = tmp_path / "lib.json"
    library_with(db, [write_article(tmp_path, "harbour.txt", LONG_TITLE)])
    app = ReaderApp([], db=str(db))
    async with app.run_test(size=(100, 20)) as pilot:
        await settle(app, pilot)
        assert reads == ["added"]
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, NotesReaderScreen)
        await pilot.press("escape")  # back: progress and last opened changed
        await settle(app, pilot)
        library_screen(app)
        assert reads == ["added", "added"]
        await pilot.press("s")
        await settle(app, pilot)
        assert reads == ["added", "added", "opened"]
