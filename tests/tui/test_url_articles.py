"""Web pages in the library: kept whole for offline reading, refreshed with re-anchored notes.

A local HTTP server on 127.0.0.1 (port 0) serves a page the test rewrites between fetches.
"""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.command import CommandList, CommandPalette

from reader.cli import main as cli_main
from reader.store import Library, article_id
from reader.tui.app import ReaderApp
from reader.tui.palette import binding_commands
from reader.tui.screens.notes_reader import NotesReaderScreen
from tests.textual_private import notification_messages
from tests.tui.library_fixtures import settle

VERSION_ONE = """Harbour plan divides the council

The council met on Tuesday to discuss the harbour plan. Members argued for two hours.

Residents near the docks worried about traffic. Some signed a petition against the dredging.

A decision is expected next month.
"""
VERSION_TWO = """Harbour plan divides the council

Update: the council has now published its review of the plan.

The council met on Tuesday to discuss the harbour plan. Members argued for two hours.

A decision is expected next month.
"""


class Page:
    """What the server answers: a body, or 404 when None."""

    body: str | None = VERSION_ONE


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - quiet
        pass

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        body = Page.body
        if body is None:
            self.send_error(404)
            return
        data = body.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture
def page_url(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The URL of the page on a fresh loopback server (no proxy in the way)."""
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    Page.body = VERSION_ONE
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/news/harbour"
    server.shutdown()
    server.server_close()
    thread.join(5)


async def test_refresh_fetches_again_and_reports_moved_and_orphaned_notes(tmp_path: Path, page_url: str) -> None:
    db = tmp_path / "lib.json"
    app = ReaderApp([page_url], db=str(db))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, NotesReaderScreen) and screen.record is not None
        text = screen.pane.article.text
        library = Library.open(db)
        assert library.stored_text(screen.record.id) == text  # kept for offline reading
        for quote in ("Members argued for two hours.", "Some signed a petition against the dredging."):
            start = text.index(quote)
            library.add_note(screen.record.id, start, start + len(quote), text)
        Page.body = VERSION_TWO
        titles = [title for title, _, _ in binding_commands(screen)]
        assert "Refresh from the web" in titles and "Note" in titles
        await pilot.press("ctrl+p", *"Refresh from")  # the command palette (the key is R)
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        for _ in range(1000):  # the palette searches in a background task: wait for its first hit
            if palette.query_one(CommandList).option_count:
                break
            await pilot.pause()
        assert "Refresh from the web" in str(palette.query_one(CommandList).get_option_at_index(0).prompt)
        await pilot.press("enter")
        await settle(app, pilot)
        messages = notification_messages(app)
        assert "Refreshed: 1 note moved, 1 orphaned." in messages
        new_text = screen.pane.article.text
        assert "published its review" in new_text and "petition" not in new_text
        fresh = Library.open(db)
        assert fresh.stored_text(screen.record.id) == new_text
        moved, orphaned = sorted(fresh.notes_for(screen.record.id), key=lambda n: n.quote)
        assert new_text[moved.start:moved.end] == "Members argued for two hours."
        assert str(orphaned.status) == "orphaned"
        assert [(s, e) for s, e, _ in screen.pane.overlay_spans("notes")] == [(moved.start, moved.end)]


async def test_a_stored_page_opens_offline_with_its_structure(tmp_path: Path, page_url: str) -> None:
    db = tmp_path / "lib.json"
    assert cli_main(["--db", str(db), "add", page_url]) == 0  # reader add URL keeps the text too
    library = Library.open(db)
    stored = library.stored_article(article_id(page_url))
    assert stored is not None and "petition" in stored.text
    Page.body = None  # the page is gone
    app = ReaderApp([page_url], db=str(db))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, NotesReaderScreen)
        assert screen.pane.article.text == stored.text
        assert [b.kind for b in screen.pane.article.blocks] == [b.kind for b in stored.blocks]
        assert screen.title == "Harbour plan divides the council"
        assert "Refresh from the web" in [t for t, _, _ in binding_commands(screen)]


async def test_refresh_is_only_offered_for_web_pages(tmp_path: Path) -> None:
    path = tmp_path / "local.txt"
    path.write_text(VERSION_ONE, encoding="utf-8")
    app = ReaderApp([str(path)], db=str(tmp_path / "lib.json"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, NotesReaderScreen)
        titles = [title for title, _, _ in binding_commands(screen)]
        assert "Refresh from the web" not in titles and "Tag" in titles


def test_the_command_line_reads_a_url_before_the_app_starts(
        tmp_path: Path, page_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    from reader.commands.open import _preload

    db = tmp_path / "lib.json"
    fetched = _preload([page_url], str(db))[page_url]
    assert not isinstance(fetched, Exception) and "petition" in fetched[0].text
    assert "fetching" in capsys.readouterr().err  # the wait shows on the terminal, not in a frozen app
    assert cli_main(["--db", str(db), "add", page_url]) == 0
    Page.body = None  # gone from the web: the stored copy is used, without a fetch
    capsys.readouterr()
    stored = _preload([page_url], str(db))[page_url]
    assert not isinstance(stored, Exception) and "petition" in stored[0].text
    assert "fetching" not in capsys.readouterr().err
    missing = _preload([page_url + "/other"], str(db))[page_url + "/other"]
    assert isinstance(missing, Exception) and "404" in str(missing)
