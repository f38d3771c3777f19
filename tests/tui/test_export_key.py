"""Pilot tests of the export key: in the reader and on the library screen, it writes the markdown
file `reader export` would write and says where."""

from __future__ import annotations

from pathlib import Path

from reader.store import Library
from reader.tui.app import ReaderApp
from tests.textual_private import notification_messages
from tests.tui.library_fixtures import library_with, settle, write_article

SIZE = (100, 30)


async def test_export_key_in_the_reader_writes_the_notes(tmp_path: Path) -> None:
    db = tmp_path / "lib.json"
    out = tmp_path / "exports"
    path = write_article(tmp_path, "harbour.txt", "Harbour plan divides [b]council[/b]")
    library = library_with(db, [path])
    record = library.articles()[0]
    library.set_setting("export_dir", str(out))
    app = ReaderApp([str(path)], db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        body = app.screen.pane.article.text
        begin = body.index("Members argued")
        Library.open(db).add_note(record.id, begin, begin + len("Members argued for two hours."), body,
                                  note="why so long?", tags=["process"])
        await pilot.press("x")
        await settle(app, pilot)
        files = list(out.iterdir())
        assert len(files) == 1 and files[0].suffix == ".md"
        markdown = files[0].read_text(encoding="utf-8")
        assert "> Members argued for two hours." in markdown and "#process" in markdown
        assert 'title: "Harbour plan divides [b]council[/b]"' in markdown
        assert any(m == f"Exported 1 note to {files[0]}" for m in notification_messages(app))


async def test_export_key_on_the_library_screen_and_a_refused_target(tmp_path: Path) -> None:
    db = tmp_path / "lib.json"
    out = tmp_path / "exports"
    path = write_article(tmp_path, "harbour.txt", "Harbour plan divides council")
    library = library_with(db, [path])
    library.set_setting("export_dir", str(out))
    app = ReaderApp([], db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("x")
        await settle(app, pilot)
        written = next(out.iterdir())
        assert "*No notes yet.*" in written.read_text(encoding="utf-8")
        written.write_text("someone else's file\n", encoding="utf-8")
        await pilot.press("x")
        await settle(app, pilot)
        assert written.read_text(encoding="utf-8") == "someone else's file\n"  # kept: the export goes beside it
        beside = sorted(set(out.iterdir()) - {written})
        assert len(beside) == 1 and beside[0].name.startswith(written.stem + " (")
        assert any(str(beside[0]) in m for m in notification_messages(app))


async def test_export_key_shows_the_last_saved_warning_as_a_notification(tmp_path: Path) -> None:
    """An article whose file is gone is exported from its saved notes, and the app says so."""
    db = tmp_path / "lib.json"
    out = tmp_path / "exports"
    path = write_article(tmp_path, "harbour.txt", "Harbour plan divides council")
    library = library_with(db, [path])
    record = library.articles()[0]
    body = path.read_text(encoding="utf-8")
    begin = body.index("Members argued")
    library.add_note(record.id, begin, begin + len("Members argued"), body)
    library.set_setting("export_dir", str(out))
    path.unlink()
    app = ReaderApp([], db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("x")
        await settle(app, pilot)
        assert "> Members argued" in next(out.iterdir()).read_text(encoding="utf-8")
        messages = notification_messages(app)
        assert any(m.startswith(str(path)) and m.endswith("exporting its notes as last saved") for m in messages)
        assert any(m.startswith("Exported 1 note to ") for m in messages)
