"""Pilot tests of the library screen: listing, sort, tag filter, search, open/resume, delete/undo,
renaming tags, and a broken library file."""

from __future__ import annotations

from pathlib import Path

from reader.document import load
from reader.store import Library
from reader.tui.app import ReaderApp
from reader.tui.screens.library import LibraryScreen
from reader.tui.screens.notes_reader import NotesReaderScreen
from reader.tui.screens.tag_input import Confirm, RenameTag, TagInput
from tests.textual_private import notification_messages
from tests.tui.helpers import screen_text
from tests.tui.library_fixtures import complete, library_with, settle, until, write_article

SIZE = (100, 24)


def titles(app: ReaderApp) -> list[str]:
    screen = app.screen
    assert isinstance(screen, LibraryScreen)
    return [record.title for record in screen.records]


async def test_lists_articles_with_tags_notes_and_progress(tmp_path: Path) -> None:
    db = tmp_path / "lib.json"
    first = write_article(tmp_path, "harbour.txt", "Harbour plan divides")
    second = write_article(tmp_path, "budget.txt", "Budget row deepens")
    library = library_with(db, [first, second], tags={first: ["Politics"]})
    article = load(str(first))
    record = library.article(str(first))
    library.add_note(record.id, 0, 12, article.text, note="one")
    library.add_note(record.id, 20, 30, article.text, note="two")
    library.set_position(record.id, len(article.text) // 2)
    app = ReaderApp([], db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, LibraryScreen)
        text = screen_text(app)
        assert "Harbour plan divides" in text and "Budget row deepens" in text
        row = next(line for line in text.splitlines() if "Harbour plan divides" in line)
        assert "harbour.txt" in row and "#politics" in row and " 2 " in row and "50%" in row
        assert "never" in row  # not opened yet
        assert "2 articles" in app.screen.sub_title


async def test_sort_cycles_and_search_and_tag_filter(tmp_path: Path) -> None:
    db = tmp_path / "lib.json"
    paths = [write_article(tmp_path, f"{name}.txt", title)
             for name, title in (("b", "Bravo story here"), ("a", "Alpha story here"), ("c", "Charlie report today"))]
    library_with(db, paths, tags={paths[0]: ["ports"], paths[2]: ["ports", "city"]})
    app = ReaderApp([], db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert titles(app) == ["Charlie report today", "Alpha story here", "Bravo story here"]  # newest first
        await pilot.press("s")  # last opened: none opened, so no order change beyond stability
        await settle(app, pilot)
        await pilot.press("s")  # title
        await settle(app, pilot)
        assert titles(app) == ["Alpha story here", "Bravo story here", "Charlie report today"]
        assert "sort: title" in app.screen.sub_title
        await pilot.press("slash", *"story")
        await settle(app, pilot)
        assert titles(app) == ["Alpha story here", "Bravo story here"]
        await pilot.press("enter")  # closes the search field, keeps the filter
        await pilot.press("escape")  # clears it
        await settle(app, pilot)
        assert len(titles(app)) == 3
        await pilot.press("f")
        assert isinstance(app.screen, TagInput)
        await complete(pilot, "cit")
        await pilot.press("enter")  # completion: cit -> city
        await settle(app, pilot)
        assert titles(app) == ["Charlie report today"]
        assert "tag: #city" in app.screen.sub_title


async def test_open_adds_marks_opened_and_resumes_position(tmp_path: Path) -> None:
    db = tmp_path / "lib.json"
    path = write_article(tmp_path, "long.txt", "Long read today", repeat=12)
    library = library_with(db, [path])
    article = load(str(path))
    record = library.article(str(path))
    position = article.blocks[30].start
    library.set_position(record.id, position)
    app = ReaderApp([], db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, NotesReaderScreen)
        pane = app.screen.pane
        assert pane.top_offset <= position <= pane.visible_range()[1]
        await pilot.press("G")
        await pilot.press("escape")  # back to the library: the position is saved on the way
        await settle(app, pilot)
        assert isinstance(app.screen, LibraryScreen)
        saved = Library.open(db).article(record.id)
        # at the last line the position is the end of the text (100% read, issue 15 bug 7)
        assert saved.position == len(article.text) and saved.last_opened is not None
        row = next(line for line in screen_text(app).splitlines() if "Long read today" in line)
        assert saved.last_opened[:10] in row


async def test_delete_asks_first_and_undo_restores(tmp_path: Path) -> None:
    db = tmp_path / "lib.json"
    path = write_article(tmp_path, "gone.txt", "Soon gone now")
    library = library_with(db, [path])
    record = library.article(str(path))
    article = load(str(path))
    library.add_note(record.id, 0, 9, article.text, note="keep me")
    app = ReaderApp([], db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("d")
        await until(app, pilot, lambda: isinstance(app.screen, Confirm))  # once it knows what goes with it
        await pilot.press("n")  # no: nothing happens
        await settle(app, pilot)
        assert titles(app) == ["Soon gone now"]
        await pilot.press("d")
        await until(app, pilot, lambda: isinstance(app.screen, Confirm))
        await pilot.press("y")
        await settle(app, pilot)
        assert titles(app) == []
        assert Library.open(db).get_article(record.id) is None
        await pilot.press("u")
        await settle(app, pilot)
        assert titles(app) == ["Soon gone now"]
        restored = Library.open(db)
        assert [n.note for n in restored.notes_for(record.id)] == ["keep me"]


async def test_tag_an_article_and_rename_a_tag(tmp_path: Path) -> None:
    db = tmp_path / "lib.json"
    one, two = write_article(tmp_path, "one.txt", "One small item"), write_article(tmp_path, "two.txt", "Two small items")
    library_with(db, [one, two], tags={one: ["economy"]})
    app = ReaderApp([], db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert titles(app) == ["Two small items", "One small item"]
        await pilot.press("t")  # tag "Two small items" with completion from the existing "economy"
        assert isinstance(app.screen, TagInput)
        await complete(pilot, "eco")
        await pilot.press("enter")
        await settle(app, pilot)
        assert Library.open(db).article(str(two)).tags == ("economy",)
        await pilot.press("r")
        assert isinstance(app.screen, RenameTag)
        await complete(pilot, "econ")
        await pilot.press("enter", *"money", "enter")
        await settle(app, pilot)
        fresh = Library.open(db)
        assert fresh.article(str(one)).tags == ("money",) and fresh.article(str(two)).tags == ("money",)
        assert "economy" not in fresh.all_tags()
        await until(app, pilot, lambda: "#money" in screen_text(app))  # the table reloads in a worker


async def test_a_broken_library_is_named_on_screen_and_left_untouched(tmp_path: Path) -> None:
    db = tmp_path / "lib.json"
    db.write_bytes(b'{"articles": {"x": [1, 2')  # truncated JSON
    before = db.read_bytes()
    app = ReaderApp([], db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        text = " ".join(screen_text(app).split())
        assert str(db) in text
        assert "Reading still works" in text
        assert "Traceback" not in text
    path = write_article(tmp_path, "fine.txt", "Still readable here")
    app = ReaderApp([str(path)], db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, NotesReaderScreen)
        assert "Still readable here" in screen_text(app)
        messages = notification_messages(app)
        assert any(str(db) in m for m in messages)
        await pilot.press("a")  # a note cannot be saved: says why instead of opening the editor
        assert isinstance(app.screen, NotesReaderScreen)
    assert db.read_bytes() == before


async def test_changes_made_by_another_process_show_up(tmp_path: Path) -> None:
    db = tmp_path / "lib.json"
    library_with(db, [write_article(tmp_path, "one.txt", "One small item")])
    app = ReaderApp([], db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert titles(app) == ["One small item"]
        other = Library(db)  # as another reader would: its own handle on the file
        other.add_article(load(str(write_article(tmp_path, "two.txt", "Two small items"))))
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        screen.poll_disk()  # what the timer does every few seconds
        await settle(app, pilot)
        assert titles(app) == ["Two small items", "One small item"]
