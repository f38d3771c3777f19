"""Pilot tests of notes in the reader: select with keys or the mouse, write a note, see it in the
gutter and the panel, edit, delete and undo, tag notes and articles with completion."""

from __future__ import annotations

from pathlib import Path

from textual import events

from reader.document import load
from reader.store import Library
from reader.tui.app import ReaderApp
from reader.tui.screens.note_editor import NoteEditor
from reader.tui.screens.notes_reader import NOTE_MARK, NotesReaderScreen
from reader.tui.screens.tag_input import TagInput
from reader.tui.widgets.notes_panel import NoteList
from tests.tui.helpers import screen_text
from tests.tui.library_fixtures import PARAGRAPHS, complete, library_with, settle, write_article

SIZE = (100, 30)
TITLE = "Harbour plan divides council"


def reader(app: ReaderApp) -> NotesReaderScreen:
    assert isinstance(app.screen, NotesReaderScreen)
    return app.screen


async def test_select_sentences_with_keys_and_add_a_note(tmp_path: Path) -> None:
    db = tmp_path / "lib.json"
    path = write_article(tmp_path, "harbour.txt", TITLE)
    app = ReaderApp([str(path)], db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = reader(app)
        assert screen.record is not None  # added to the library on opening
        await pilot.press("right_parenthesis")  # shows the sentence cursor on the title
        await pilot.press("right_parenthesis")  # first sentence of the first paragraph
        text = screen.pane.article.text
        spans = screen.pane.overlay_spans("selection")
        assert [text[s:e] for s, e, _ in spans] == ["The council met on Tuesday to discuss the harbour plan."]
        await pilot.press("v", "right_parenthesis")  # select two sentences
        spans = screen.pane.overlay_spans("selection")
        assert [text[s:e] for s, e, _ in spans] == [
            "The council met on Tuesday to discuss the harbour plan. Members argued for two hours."]
        await pilot.press("a")
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*"Quite a point", "enter", *"second line", "ctrl+s")  # q types, never quits
        await settle(app, pilot)
        assert app.screen is screen
        saved = Library.open(db).notes_for(screen.record.id)
        assert [(n.quote, n.note) for n in saved] == [
            ("The council met on Tuesday to discuss the harbour plan. Members argued for two hours.",
             "Quite a point\nsecond line")]
        assert screen.pane.overlay_spans("selection") == []  # the selection is used up
        note_spans = screen.pane.overlay_spans("notes")
        assert [(s, e) for s, e, _ in note_spans] == [(saved[0].start, saved[0].end)]
        block = screen.pane.article.block_at(saved[0].start)
        assert screen.pane.gutter_marks("notes")[block].plain == NOTE_MARK
        assert NOTE_MARK in screen_text(app)
        await pilot.press("p")
        assert screen.panel.is_open and screen.query_one(NoteList).has_focus
        panel_text = screen_text(app)
        assert "Notes (1)" in panel_text and "Quite a point" in panel_text


async def test_without_a_selection_the_note_goes_on_the_cursor_sentence(tmp_path: Path) -> None:
    db = tmp_path / "lib.json"
    path = write_article(tmp_path, "harbour.txt", TITLE)
    app = ReaderApp([str(path)], db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = reader(app)
        await pilot.press("right_curly_bracket", "a")  # next paragraph, then note: its first sentence
        assert isinstance(app.screen, NoteEditor)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        (note,) = Library.open(db).notes_for(screen.record.id)
        assert note.quote == "The council met on Tuesday to discuss the harbour plan."


async def test_edit_delete_and_undo_from_the_notes_panel(tmp_path: Path) -> None:
    db = tmp_path / "lib.json"
    path = write_article(tmp_path, "harbour.txt", TITLE)
    library = library_with(db, [path])
    article = load(str(path))
    record = library.article(str(path))
    start = article.text.index("Critics disagreed")
    note = library.add_note(record.id, start, start + len("Critics disagreed"), article.text, note="why?")
    app = ReaderApp([str(path)], db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = reader(app)
        await pilot.press("p", "enter")  # jump to the note: the pane gets the focus back
        assert screen.pane.has_focus
        assert screen.pane.article.block_at(start) == screen.pane.cursor_block
        await pilot.press("p", "e")
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*" Ask them.", "ctrl+s")
        await settle(app, pilot)
        assert Library.open(db).note(note.id).note == "why? Ask them."
        assert "Ask them." in screen_text(app)
        await pilot.press("d")
        await settle(app, pilot)
        assert Library.open(db).get_note(note.id) is None
        assert screen.pane.overlay_spans("notes") == [] and screen.pane.gutter_marks("notes") == {}
        assert "Notes (0)" in screen_text(app)
        await pilot.press("u")
        await settle(app, pilot)
        restored = Library.open(db).note(note.id)
        assert (restored.quote, restored.note) == ("Critics disagreed", "why? Ask them.")
        assert "Notes (1)" in screen_text(app)


async def test_tag_a_note_and_the_article_with_completion(tmp_path: Path) -> None:
    db = tmp_path / "lib.json"
    path = write_article(tmp_path, "harbour.txt", TITLE)
    other = write_article(tmp_path, "other.txt", "Another story here")
    library = library_with(db, [path, other], tags={other: ["harbour-plans", "council"]})
    article = load(str(path))
    record = library.article(str(path))
    note = library.add_note(record.id, 30, 60, article.text)
    app = ReaderApp([str(path)], db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("p", "t")
        assert isinstance(app.screen, TagInput)
        await complete(pilot, "har")
        await pilot.press(*", Urgent", "enter")
        await settle(app, pilot)
        assert Library.open(db).note(note.id).tags == ("harbour-plans", "urgent")
        assert "#harbour-plans #urgent" in screen_text(app)
        await pilot.press("escape")  # leaves the panel for the pane
        await pilot.press("t")
        assert isinstance(app.screen, TagInput)
        await complete(pilot, "cou")
        await pilot.press("enter")
        await settle(app, pilot)
        assert Library.open(db).article(record.id).tags == ("council",)
        await pilot.press("t")  # the input starts with the current tags; clearing it removes them
        await pilot.press(*["backspace"] * 12, "enter")
        await settle(app, pilot)
        assert Library.open(db).article(record.id).tags == ()


async def test_dragging_the_mouse_selects_whole_words(tmp_path: Path) -> None:
    db = tmp_path / "lib.json"
    path = write_article(tmp_path, "harbour.txt", TITLE, paragraphs=PARAGRAPHS[:1])
    app = ReaderApp([str(path)], db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = reader(app)
        pane = screen.pane
        row = next(y for y in range(10) if (line := pane.line_at(y)) and "council met" in pane.article.text[line[0]:line[1]])
        start, _ = pane.line_at(row)
        text = pane.article.text
        x_from = 4 + text.index("council", start) - start + 2  # inside "council"
        x_to = 4 + text.index("Tuesday", start) - start + 1  # inside "Tuesday"
        common = {"delta_x": 0, "delta_y": 0, "ctrl": False, "meta": False, "shift": False}
        pane.post_message(events.MouseDown(pane, x_from, row, button=1, screen_x=x_from, screen_y=row, **common))
        pane.post_message(events.MouseMove(pane, x_to, row, button=1, screen_x=x_to, screen_y=row, **common))
        pane.post_message(events.MouseUp(pane, x_to, row, button=1, screen_x=x_to, screen_y=row, **common))
        await pilot.pause()
        spans = pane.overlay_spans("selection")
        assert [text[s:e] for s, e, _ in spans] == ["council met on Tuesday"]
        await pilot.press("a", *"dragged", "ctrl+s")
        await settle(app, pilot)
        (note,) = Library.open(db).notes_for(screen.record.id)
        assert (note.quote, note.note) == ("council met on Tuesday", "dragged")


async def test_reading_position_is_saved_when_quitting(tmp_path: Path) -> None:
    db = tmp_path / "lib.json"
    path = write_article(tmp_path, "long.txt", TITLE, repeat=12)
    app = ReaderApp([str(path)], db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("space", "space")
        top = reader(app).pane.top_offset
        assert top > 0
        await pilot.press("q")
    assert Library.open(db).article(str(path)).position == top
    app = ReaderApp([str(path)], db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        pane = reader(app).pane
        first, second = pane.line_at(0), pane.line_at(1)
        assert first is not None and second is not None
        assert first[0] <= top <= second[1]  # back at the top of the screen
