"""Pilot tests of issue 15 (the first hour as a user): each one failed before its fix."""

from __future__ import annotations

from pathlib import Path

from reader.store import Library
from reader.tui.app import ReaderApp
from reader.tui.screens.notes_reader import NotesReaderScreen
from reader.tui.screens.title_input import TitleInput
from tests.textual_private import notification_messages
from tests.tui.helpers import screen_lines, write_config
from tests.tui.library_fixtures import PARAGRAPHS, library_with, settle, until, write_article

SIZE = (100, 30)


def reader(app: ReaderApp) -> NotesReaderScreen:
    assert isinstance(app.screen, NotesReaderScreen)
    return app.screen


async def test_rename_an_article_in_the_reader_and_it_stays_renamed(tmp_path: Path) -> None:
    db = tmp_path / "lib.json"
    path = write_article(tmp_path, "scan_0042.txt", "it was a long day, and nobody expected it,")
    app = ReaderApp([str(path)], db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert reader(app).title == "scan 0042"
        await pilot.press("T")
        assert isinstance(app.screen, TitleInput)
        await pilot.press(*"Harbour wall funded", "enter")
        await settle(app, pilot)
        assert reader(app).title == "Harbour wall funded"
        assert "Harbour wall funded" in screen_lines(app)[0]
    record = Library.open(db).articles()[0]
    assert (record.title, record.renamed) == ("Harbour wall funded", True)
    again = ReaderApp([str(path)], db=str(db))
    async with again.run_test(size=SIZE) as pilot:
        await until(again, pilot, lambda: reader(again).record is not None)
        assert reader(again).title == "Harbour wall funded"


async def test_rename_an_article_from_the_library(tmp_path: Path) -> None:
    db = tmp_path / "lib.json"
    library_with(db, [write_article(tmp_path, "a.txt", "Council approves new budget.", PARAGRAPHS)])
    app = ReaderApp([], db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert "Council approves new budget." in "\n".join(screen_lines(app))
        await pilot.press("T")
        assert isinstance(app.screen, TitleInput)
        await pilot.press(*"Budget passes", "enter")
        await until(app, pilot, lambda: "Budget passes" in "\n".join(screen_lines(app)))
    assert Library.open(db).articles()[0].title == "Budget passes"


def _long_article(tmp_path: Path) -> Path:
    paragraphs = [f"Paragraph {i} tells of the harbour and the town council at some length. "
                  f"It has a second sentence about paragraph {i}." for i in range(60)]
    paragraphs[30] = ("The zzz marker sits here in the middle of the text. Nothing else is like it. "
                      "A zzz again closes the paragraph.")
    return write_article(tmp_path, "long.txt", "A long article about the harbour", paragraphs)


async def test_a_failed_search_returns_to_where_the_reader_was(tmp_path: Path) -> None:
    app = ReaderApp([str(_long_article(tmp_path))], db=str(tmp_path / "lib.json"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = reader(app)
        await pilot.press("space", "space")
        top, block = screen.pane.top_offset, screen.pane.cursor_block
        await pilot.press("slash", *"zzzqqq", "enter")
        await settle(app, pilot)
        assert (screen.pane.top_offset, screen.pane.cursor_block) == (top, block)
        assert any(str(n.message) == "Not found: zzzqqq" for n in app._notifications)
        await pilot.press("slash", *"zzz", "escape")  # a cancelled search comes back too
        assert (screen.pane.top_offset, screen.pane.cursor_block) == (top, block)


async def test_the_sentence_cursor_follows_the_search_match(tmp_path: Path) -> None:
    app = ReaderApp([str(_long_article(tmp_path))], db=str(tmp_path / "lib.json"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = reader(app)
        text = screen.pane.article.text
        await pilot.press("slash", *"zzz", "enter")
        start, end = screen.cursor.sentence()
        assert text[start:end] == "The zzz marker sits here in the middle of the text."
        await pilot.press("n")
        start, end = screen.cursor.sentence()
        assert text[start:end] == "A zzz again closes the paragraph."
        [(s, e, _)] = screen.pane.overlay_spans("selection")  # shown, and what a note would go on
        assert text[s:e] == "A zzz again closes the paragraph."
        assert screen.cursor.passage() == (start, end)


async def test_reading_to_the_end_is_100_percent_read(tmp_path: Path) -> None:
    db = tmp_path / "lib.json"
    path = _long_article(tmp_path)
    library_with(db, [path])
    app = ReaderApp([], db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await until(app, pilot, lambda: isinstance(app.screen, NotesReaderScreen) and app.screen.record is not None)
        await pilot.press("G")
        await settle(app, pilot)
        await pilot.press("escape")
        await until(app, pilot, lambda: "100%" in "\n".join(screen_lines(app)))
    assert Library.open(db).articles()[0].progress == 1.0


def _notes(app: ReaderApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_r_on_a_local_file_says_why_it_does_nothing(tmp_path: Path) -> None:
    app = ReaderApp([str(_long_article(tmp_path))], db=str(tmp_path / "lib.json"))
    async with app.run_test(size=SIZE) as pilot:
        await until(app, pilot, lambda: reader(app).record is not None)
        await pilot.press("R")
        await settle(app, pilot)
        assert any(m.startswith("R fetches a web page again; this article is a file") for m in _notes(app))


async def test_an_empty_file_says_empty_article(tmp_path: Path) -> None:
    from reader.tui.screens.error import ErrorScreen

    path = tmp_path / "empty.txt"
    path.write_text("\n  \n", encoding="utf-8")
    app = ReaderApp([str(path)], db=str(tmp_path / "lib.json"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, ErrorScreen)
        assert "empty.txt: empty article" in "\n".join(screen_lines(app))


def test_reader_add_refuses_an_empty_file(tmp_path: Path, capsys) -> None:
    from reader.cli import main

    path = tmp_path / "empty.txt"
    path.write_text("", encoding="utf-8")
    assert main(["--db", str(tmp_path / "lib.json"), "add", str(path)]) == 1
    err = capsys.readouterr().err
    assert err == f"reader: {path}: empty article (no text to read)\n"
    assert Library.open(tmp_path / "lib.json").articles() == []


async def test_library_home_and_g_go_to_the_first_row_and_the_delete_prompt_has_no_0_notes(tmp_path: Path) -> None:
    from reader.tui.screens.tag_input import Confirm

    db = tmp_path / "lib.json"
    library_with(db, [write_article(tmp_path, f"a{i}.txt", f"Article number {i} today") for i in range(5)])
    app = ReaderApp([], db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        table = app.screen.table
        await pilot.press("G")
        assert table.cursor_row == 4
        await pilot.press("g")
        assert table.cursor_row == 0
        await pilot.press("end", "home")
        assert table.cursor_row == 0
        await pilot.press("d")
        await until(app, pilot, lambda: isinstance(app.screen, Confirm))
        assert isinstance(app.screen, Confirm)
        assert app.screen.question.endswith("from the library? It has no notes.")
        assert " 0 note" not in app.screen.question
        await pilot.press("n")


async def test_escape_in_the_note_editor_keeps_a_draft_that_a_reopens(tmp_path: Path) -> None:
    from textual.widgets import TextArea

    from reader.tui.screens.note_editor import NoteEditor

    db = tmp_path / "lib.json"
    app = ReaderApp([str(_long_article(tmp_path))], db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await until(app, pilot, lambda: reader(app).record is not None)
        await pilot.press("right_parenthesis", "right_parenthesis", "a")
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*"half a thought", "escape")
        assert not isinstance(app.screen, NoteEditor)
        assert "Draft kept: press a on the same passage to go on." in _notes(app)
        await pilot.press("a")
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.query_one(TextArea).text == "half a thought"
        assert "(draft)" in "\n".join(screen_lines(app))
        await pilot.press(*", finished", "ctrl+s")
        await settle(app, pilot)
        [note] = Library.open(db).notes_for(reader(app).record.id)
        assert note.note == "half a thought, finished"
        await pilot.press("a")  # the draft was used up by saving
        assert app.screen.query_one(TextArea).text == ""


async def test_the_note_preview_cuts_whole_words_and_adds_no_quote_marks(tmp_path: Path) -> None:
    from textual.widgets import Static

    from reader.tui.excerpt import excerpt
    from reader.tui.screens.note_editor import NoteEditor

    words = " ".join(f"word{i}" for i in range(80))
    assert all(part in words.split() for part in excerpt(words, 60).replace(" … ", " ").split())
    path = write_article(tmp_path, "quoted.txt", "Harbour wall to be rebuilt",
                         ["“We will rebuild the wall,” the mayor said. Work starts in May."])
    app = ReaderApp([str(path)], db=str(tmp_path / "lib.json"))
    async with app.run_test(size=SIZE) as pilot:
        await until(app, pilot, lambda: reader(app).record is not None)
        await pilot.press("right_parenthesis", "right_parenthesis", "a")
        assert isinstance(app.screen, NoteEditor)
        shown = str(app.screen.query_one("#note-quote", Static).render())
        assert shown == "▎ “We will rebuild the wall,” the mayor said."  # no “““ … ”” around it


async def test_o_opens_a_file_typed_with_path_completion_from_the_empty_library(tmp_path: Path) -> None:
    from reader.tui.screens.open_dialog import OpenDialog
    from tests.tui.library_fixtures import complete

    folder = tmp_path / "news"
    folder.mkdir()
    write_article(folder, "harbour-story.txt", "Harbour wall to be rebuilt")
    write_article(folder, "budget.txt", "Council approves new budget.")
    app = ReaderApp([], db=str(tmp_path / "lib.json"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert "Press o to open an article" in "\n".join(screen_lines(app))
        await pilot.press("o")
        assert isinstance(app.screen, OpenDialog)
        await complete(pilot, f"{folder}/har")
        await pilot.press("enter")
        await until(app, pilot, lambda: isinstance(app.screen, NotesReaderScreen))
        assert reader(app).title == "Harbour wall to be rebuilt"
        await pilot.press("o")  # from the reader too: a folder lists its articles
        await pilot.press(*str(folder), "enter")
        await settle(app, pilot)
        assert app.screen.__class__.__name__ == "PickerScreen"
        await pilot.press("escape")
        assert isinstance(app.screen, NotesReaderScreen)
        await pilot.press("o", *str(tmp_path / "missing.txt"), "enter")
        await settle(app, pilot)
        assert any("no such file" in m for m in _notes(app))


async def test_help_and_the_sources_panel_explain_the_marks_and_notes_are_not_underlined(tmp_path: Path) -> None:
    from textual.widgets import Static

    from reader.tui.screens.help import HelpScreen

    db = tmp_path / "lib.json"
    app = ReaderApp([str(_long_article(tmp_path))], db=str(db))
    async with app.run_test(size=(120, 40)) as pilot:
        await until(app, pilot, lambda: reader(app).record is not None)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        marks = app.screen.query_one("#help-marks", Static).render()
        assert "“ direct quote" in str(marks) and "✎ your note" in str(marks) and "» reported speech" in str(marks)
        spans = {str(marks)[s.start:s.end]: str(s.style) for s in marks.spans}
        assert spans["person"] == "bold" and spans["organisation"] == "underline" and spans["place"] == "italic"
        await pilot.press("escape", "s")
        await settle(app, pilot)
        legend = str(reader(app).query_one("#sources-legend", Static).render())
        assert "‘ partial" in legend and "✎ note" in legend and "organisation" in legend
        note_style = reader(app).pane.get_component_rich_style("reading-pane--note", partial=True)
        assert not note_style.underline and note_style.bgcolor is not None


async def test_a_selection_is_named_in_the_status_line(tmp_path: Path) -> None:
    from reader.tui.widgets.status_line import AnalysisStatus

    app = ReaderApp([str(_long_article(tmp_path))], db=str(tmp_path / "lib.json"))
    async with app.run_test(size=SIZE) as pilot:
        await until(app, pilot, lambda: reader(app).record is not None)
        status = reader(app).query_one(AnalysisStatus)
        await pilot.press("right_parenthesis", "right_parenthesis", "v")
        assert str(status.message).startswith("Selecting: 13 words")
        await pilot.press("right_parenthesis")
        assert str(status.message).startswith("Selecting: 21 words")
        await pilot.press("v")
        assert not str(status.message).startswith("Selecting")


async def test_the_selection_hint_names_the_keys_in_force(tmp_path: Path) -> None:
    """Keys remapped in config.toml [keymap] are the ones the "Selecting" hint names, not the defaults."""
    from reader.tui.widgets.status_line import AnalysisStatus

    write_config('[keymap]\n"reader.next_sentence" = "J"\n"reader.add_note" = "W"\n"reader.select" = "ctrl+b"\n')
    app = ReaderApp([str(_long_article(tmp_path))], db=str(tmp_path / "lib.json"))
    async with app.run_test(size=SIZE) as pilot:
        await until(app, pilot, lambda: reader(app).record is not None)
        assert not notification_messages(app)
        status = reader(app).query_one(AnalysisStatus)
        await pilot.press("J", "ctrl+b")
        hint = str(status.message)
        assert hint.startswith("Selecting: ")
        assert hint.endswith("( J extend · W note · ^b or Esc drop"), hint
        await pilot.press("ctrl+b")
        assert not str(status.message).startswith("Selecting")


async def test_the_notes_panel_leaves_the_footer_escape_closes_it_down_stops_and_lines_stay(tmp_path: Path) -> None:
    from reader.tui.widgets.notes_panel import NoteList, NotesPanel

    db = tmp_path / "lib.json"
    path = _long_article(tmp_path)
    library = library_with(db, [path])
    record = library.articles()[0]
    from reader.document import load

    text = load(str(path)).text
    for sentence in ("It has a second sentence about paragraph 0.", "It has a second sentence about paragraph 1."):
        begin = text.index(sentence)
        library.add_note(record.id, begin, begin + len(sentence), text, note="first line\nsecond line")
    app = ReaderApp([str(path)], db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await until(app, pilot, lambda: reader(app).record is not None and len(reader(app).notes) == 2)
        await pilot.press("p")
        await settle(app, pilot)
        lines = screen_lines(app)
        assert "Back" in lines[-1]  # the footer with its Escape hint is not covered
        notes_list = app.screen.query_one(NoteList)
        assert "first line\nsecond line" in str(notes_list.get_option_at_index(0).prompt)
        await pilot.press("down", "down", "down")
        assert notes_list.highlighted == 1  # stays on the last note, no wrap to the first
        reader(app).pane.focus()
        await pilot.press("escape")
        assert not app.screen.query_one(NotesPanel).is_open


async def test_the_sources_panel_overlays_narrow_text_and_wide_text_is_centred(tmp_path: Path) -> None:
    from reader.tui.widgets.sources_panel import SourcesPanel

    path = _long_article(tmp_path)
    app = ReaderApp([str(path)], db=str(tmp_path / "lib.json"))
    async with app.run_test(size=(60, 24)) as pilot:
        await until(app, pilot, lambda: reader(app).record is not None)
        await pilot.press("s")
        await settle(app, pilot)
        panel = app.screen.query_one(SourcesPanel)
        assert panel.is_open and reader(app).pane.region.width == 60  # over the text, not squeezing it to 22
    wide = ReaderApp([str(path)], db=str(tmp_path / "lib.json"))
    async with wide.run_test(size=(200, 50)) as pilot:
        await settle(wide, pilot)
        region = reader(wide).pane.region
        assert region.width <= 106 and abs(region.x - (200 - region.right)) <= 1  # a measure, centred


async def test_the_tag_dialog_shows_the_tag_as_it_will_be_stored(tmp_path: Path) -> None:
    from textual.widgets import Static

    from reader.tui.screens.tag_input import TagInput

    app = ReaderApp([str(_long_article(tmp_path))], db=str(tmp_path / "lib.json"))
    async with app.run_test(size=SIZE) as pilot:
        await until(app, pilot, lambda: reader(app).record is not None)
        await pilot.press("t")
        assert isinstance(app.screen, TagInput)
        await pilot.press(*"WikiLeaks emails")
        assert str(app.screen.query_one("#tags-preview", Static).render()) == "Saved as: #wikileaks-emails"


async def test_the_reading_cursor_never_rests_on_a_blank_line_when_scrolling(tmp_path: Path) -> None:
    """Line by line with ``j``, the cursor bar stays on screen: it used to vanish whenever the top row
    was the blank line after the cursor's paragraph (that paragraph's text scrolled off)."""
    from reader.tui.widgets.render import CURSOR_CHAR

    app = ReaderApp([str(_long_article(tmp_path))], db=str(tmp_path / "lib.json"))
    async with app.run_test(size=SIZE) as pilot:
        await until(app, pilot, lambda: reader(app).record is not None)
        pane = reader(app).pane
        blank_tops = 0
        for key in ["j"] * 12 + ["space", "j", "j", "space", "b"] + ["k"] * 7:
            await pilot.press(key)
            gutters = ["".join(s.text for s in pane.render_line(y))[:1] for y in range(pane.size.height)]
            blank_tops += pane.line_at(0) is not None and not pane.article.text[slice(*pane.line_at(0))]
            assert CURSOR_CHAR in gutters, f"no cursor on screen after scrolling to {pane.top_offset}"
            start, end = pane.line_at(gutters.index(CURSOR_CHAR))  # type: ignore[misc]
            assert pane.article.blocks[pane.cursor_block].start <= start < end
        assert blank_tops >= 3  # the case that lost the cursor came up
        await pilot.press("k", "k")
        assert CURSOR_CHAR in ["".join(s.text for s in pane.render_line(y))[:1] for y in range(pane.size.height)]
        while pane.line_at(0) is None or pane.article.text[slice(*pane.line_at(0))]:
            await pilot.press("j")
        above = pane.article.block_at(pane.line_at(0)[0])
        await pilot.click(type(pane), offset=(10, 0))  # the blank top row: its paragraph is off screen
        assert pane.cursor_block == above + 1
        await pilot.click(type(pane), offset=(10, 1))
        assert pane.cursor_block == above + 1


def _text_columns(app: ReaderApp) -> tuple[int, int]:
    """The first and last screen columns holding article text (title bar, status lines and the
    scrollbar left out)."""
    pane = reader(app).pane
    region = pane.scrollable_content_region
    rows = screen_lines(app)[region.y:region.bottom]
    rows = [row[:region.right] for row in rows if row[:region.right].strip()]
    return min(len(row) - len(row.lstrip()) for row in rows), max(len(row.rstrip()) for row in rows)


async def test_the_measure_in_config_toml_sets_the_centred_text_column_at_200_columns(tmp_path: Path) -> None:
    write_config('[keymap]\n"app.quit" = "ctrl+x"\n\n[reading]\nmeasure = 64\n')
    app = ReaderApp([str(_long_article(tmp_path))], db=str(tmp_path / "lib.json"))
    async with app.run_test(size=(200, 50)) as pilot:
        await settle(app, pilot)
        assert reader(app).pane.measure == 64
        left, right = _text_columns(app)
        gutter = 4  # the cursor bar, two mark cells and a space, left of the text
        assert 56 <= right - (left + gutter) <= 64  # lines fill the measure, never more
        region = reader(app).pane.region
        assert region.width == 64 + gutter + 2 and abs(region.x - (200 - region.right)) <= 1  # centred
        assert not notification_messages(app)


async def test_a_bad_measure_is_one_notification_naming_the_file_and_the_default_stays(tmp_path: Path) -> None:
    path = write_config("[reading]\nmeasure = 20\n")
    app = ReaderApp([str(_long_article(tmp_path))], db=str(tmp_path / "lib.json"))
    async with app.run_test(size=(200, 50)) as pilot:
        await settle(app, pilot)
        messages = notification_messages(app)
        assert len(messages) == 1 and messages[0].startswith(f"{path}: [reading] 'measure': 20 ")
        assert reader(app).pane.measure == 100
        left, right = _text_columns(app)
        assert 90 <= right - (left + 4) <= 100


async def test_the_sources_panel_lies_over_the_text_at_60_and_80_columns_and_beside_it_at_120(tmp_path: Path) -> None:
    from reader.tui.widgets.sources_panel import SourcesPanel

    write_config("[reading]\nmeasure = 72\n")
    path = _long_article(tmp_path)
    for width, over in ((60, True), (80, True), (120, False)):
        app = ReaderApp([str(path)], db=str(tmp_path / "lib.json"))
        async with app.run_test(size=(width, 24)) as pilot:
            await settle(app, pilot)
            await pilot.press("s")
            await settle(app, pilot)
            panel = app.screen.query_one(SourcesPanel)
            pane = reader(app).pane
            assert panel.is_open
            if over:  # the text keeps the whole width (up to the measure) under the panel
                assert panel.region.right == width and pane.region.width == min(width, 72 + 6)
                assert panel.region.x < pane.region.right
            else:  # beside the text at its full measure, the two centred together
                assert pane.region.width == 72 + 6 and pane.region.right <= panel.region.x
                assert abs(pane.region.x - (width - panel.region.right)) <= 1
            await pilot.press("escape")
            await settle(app, pilot)
            assert not panel.is_open


async def test_the_selection_stays_named_when_it_grows_into_the_next_paragraph(tmp_path: Path) -> None:
    """Extending a selection over a paragraph break used to replace "Selecting: N words" with the
    description of the paragraph the cursor reached."""
    from reader.tui.widgets.status_line import AnalysisStatus

    app = ReaderApp([str(_long_article(tmp_path))], db=str(tmp_path / "lib.json"))
    async with app.run_test(size=SIZE) as pilot:
        await until(app, pilot, lambda: reader(app).analysis_index is not None)
        status = reader(app).query_one(AnalysisStatus)
        await pilot.press("right_parenthesis", "v")
        blocks = {reader(app).pane.cursor_block}
        counts: list[int] = []
        for _ in range(5):
            await pilot.press("right_parenthesis")
            await settle(app, pilot)
            blocks.add(reader(app).pane.cursor_block)
            passage = reader(app).cursor.passage()
            assert passage is not None
            words = len(reader(app).pane.article.text[passage[0]:passage[1]].split())
            assert str(status.message).startswith(f"Selecting: {words} words"), str(status.message)
            counts.append(words)
        assert counts == sorted(counts) and counts[0] < counts[-1]  # the count grows with the selection
        assert len(blocks) >= 3  # the selection crossed paragraph breaks
        await pilot.press("v")
        await settle(app, pilot)
        assert not str(status.message).startswith("Selecting")
