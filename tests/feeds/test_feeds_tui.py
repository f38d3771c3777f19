"""The feeds view and reading state in the app, pressing keys as a user would (Pilot tests)."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from textual.pilot import Pilot

from benchmarks.feed_server import FeedServer, page, rss
from reader.services import feeds as service
from reader.store import Library, schema
from reader.store.feeds import FeedStore
from reader.tui.app import ReaderApp
from reader.tui.screens.feeds import FeedsScreen
from reader.tui.screens.library import LibraryScreen
from tests.tui.helpers import screen_text
from tests.tui.library_fixtures import settle, until, write_article


def serve_feed(server: FeedServer, count: int = 2) -> str:
    entries = []
    for n in range(count):
        server.put(f"/story/{n}.html", page(f"Story {n}"), content_type="text/html; charset=utf-8")
        entries.append({"title": f"Quay story {n} [b]not bold[/b]", "link": server.url(f"/story/{n}.html"),
                        "guid": f"q{n}", "description": f"<p>Summary {n}</p>"})
    return server.put("/feed.xml", rss("Quay News", entries))


async def settled(pilot: Pilot) -> None:
    await settle(pilot.app, pilot)  # type: ignore[arg-type]


def library_screen(app: ReaderApp) -> LibraryScreen:
    screen = app.screen
    assert isinstance(screen, LibraryScreen)
    return screen


async def test_feeds_view_refreshes_with_r_and_new_items_are_marked(server: FeedServer, db: Path) -> None:
    library = Library.open(db)
    service.follow(library, serve_feed(server), ("harbour",), service.Limits(timeout=2))
    app = ReaderApp([], db=str(db))
    async with app.run_test(size=(110, 20)) as pilot:
        await settled(pilot)
        await pilot.press("F")
        await until(app, pilot, lambda: isinstance(app.screen, FeedsScreen) and app.screen.loaded)
        assert "Quay News" in screen_text(app) and "not refreshed yet" in screen_text(app)
        await pilot.press("r")
        feeds = app.screen
        assert isinstance(feeds, FeedsScreen)
        await until(app, pilot, lambda: not feeds.refreshing and "new items" in screen_text(app))
        assert "2 new items from 1 feed" in screen_text(app)
        await until(app, pilot, lambda: "2 unread" in screen_text(app) or " 2 " in screen_text(app))
        await pilot.press("escape")
        screen = library_screen(app)
        await until(app, pilot, lambda: len(screen.records) == 2)
        text = screen_text(app)
        assert "● Quay story 1 [b]not bold[/b]" in text  # unread mark; markup shown as text
        assert all(r.tags == ("harbour",) and r.feed for r in screen.records)


async def test_m_marks_read_and_a_archives(tmp_path: Path, db: Path) -> None:
    library = Library.open(db)
    from reader.document import load

    for name, title in (("one.txt", "First harbour report"), ("two.txt", "Second ferry report")):
        library.add_article(load(str(write_article(tmp_path, name, title))))
    app = ReaderApp([], db=str(db))
    async with app.run_test(size=(110, 16)) as pilot:
        await settled(pilot)
        screen = library_screen(app)
        await until(app, pilot, lambda: len(screen.records) == 2)
        first = screen.records[0]
        await pilot.press("m")
        await until(app, pilot, lambda: Library.open(db).article(first.id).read)
        await until(app, pilot, lambda: not screen_text(app).count("● " + first.title))
        await pilot.press("m")
        await until(app, pilot, lambda: not Library.open(db).article(first.id).read)
        await pilot.press("A")
        await until(app, pilot, lambda: len(screen.records) == 1)
        assert Library.open(db).article(first.id).archived and first.title not in screen_text(app)
        await pilot.press("v")  # unread
        await until(app, pilot, lambda: screen.view == "unread" and len(screen.records) == 1)
        await pilot.press("v")  # the archive
        await until(app, pilot, lambda: screen.view == "archive" and [r.id for r in screen.records] == [first.id])
        assert "view: archive" in screen_text(app)
        await pilot.press("A")  # back from the archive
        await until(app, pilot, lambda: not screen.records)
        assert not Library.open(db).article(first.id).archived


async def test_enter_on_a_feed_shows_its_articles(server: FeedServer, db: Path, tmp_path: Path) -> None:
    from reader.document import load

    library = Library.open(db)
    library.add_article(load(str(write_article(tmp_path, "own.txt", "An article of my own"))))
    service.follow(library, serve_feed(server, 1), (), service.Limits(timeout=2))
    service.refresh(library, limits=service.Limits(timeout=2))
    app = ReaderApp([], db=str(db))
    async with app.run_test(size=(110, 16)) as pilot:
        await settled(pilot)
        screen = library_screen(app)
        await until(app, pilot, lambda: len(screen.records) == 2)
        await pilot.press("F")
        await until(app, pilot, lambda: isinstance(app.screen, FeedsScreen) and bool(app.screen.rows))
        await pilot.press("enter")
        await until(app, pilot, lambda: app.screen is screen and len(screen.records) == 1)
        assert screen.records[0].feed and "feed: " in screen_text(app)
        await pilot.press("escape")
        await until(app, pilot, lambda: len(screen.records) == 2)


async def test_reading_to_the_end_marks_read(tmp_path: Path, db: Path) -> None:
    path = write_article(tmp_path, "long.txt", "A long harbour report", repeat=6)
    app = ReaderApp([str(path)], db=str(db))
    async with app.run_test(size=(80, 20)) as pilot:
        await settled(pilot)
        record = Library.open(db).article(str(path))
        assert not record.read
        await pilot.press("G")
        await until(app, pilot, lambda: Library.open(db).article(str(path)).read)


async def test_opening_a_pending_item_fetches_its_page(server: FeedServer, db: Path) -> None:
    library = Library.open(db)
    service.follow(library, serve_feed(server, 1), (), service.Limits(timeout=2))
    service.refresh(library, limits=service.Limits(timeout=2), fulltext="open")
    [record] = library.articles()
    assert record.fulltext == "pending" and server.count("/story/0.html") == 0
    app = ReaderApp([], db=str(db))
    async with app.run_test(size=(100, 20)) as pilot:
        await settled(pilot)
        screen = library_screen(app)
        await until(app, pilot, lambda: len(screen.records) == 1)
        await pilot.press("enter")
        await settled(pilot)
        assert server.count("/story/0.html") == 1
        assert "harbour wall" in screen_text(app)
    assert Library.open(db).article(record.id).fulltext == ""


@pytest.fixture
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    days = itertools.count(1)
    monkeypatch.setattr(schema, "now", lambda: f"2024-03-{min(next(days), 28):02d}T09:00:00.000000+00:00")


@pytest.mark.parametrize("theme", ["reader-dark", "reader-light", "reader-high-contrast", "reader-sepia", "reader-ansi"])
def test_feeds_screen_snapshot(snap_compare, db: Path, fixed_clock: None, theme: str) -> None:
    library = Library.open(db)
    store = FeedStore(library)
    for url, title, checked, error, items in (
            ("http://news.invalid/harbour.xml", "Harbour Gazette", "2024-03-02T08:00:00", "", 12),
            ("http://news.invalid/reef.xml", "Reef <b>Watch</b> [i]x[/i]", "2024-03-02T08:00:00", "", 3),
            ("http://news.invalid/gone.xml", "", "2024-03-02T08:00:00",
             "http://news.invalid/gone.xml: page not found (HTTP 404)", 0)):
        feed, _ = store.add_feed(url, title=title)
        store.update_feed(feed.id, checked=checked, error=error, items=items)

    async def open_feeds(pilot: Pilot) -> None:
        await settled(pilot)
        await pilot.press("F")
        await settled(pilot)

    assert snap_compare(ReaderApp([], db=str(db), theme_name=theme), run_before=open_feeds, terminal_size=(100, 12))


async def test_m_in_the_reader_marks_unread_again(tmp_path: Path, db: Path) -> None:
    path = write_article(tmp_path, "short.txt", "A short harbour note")
    app = ReaderApp([str(path)], db=str(db))
    async with app.run_test(size=(100, 30)) as pilot:
        await settled(pilot)
        await until(app, pilot, lambda: Library.open(db).article(str(path)).read)  # it fits: read whole
        await pilot.press("m")
        await until(app, pilot, lambda: not Library.open(db).article(str(path)).read)
        await pilot.press("m")
        await until(app, pilot, lambda: Library.open(db).article(str(path)).read)
