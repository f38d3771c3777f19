"""Pilot tests: the notes (N) and speakers (S) screens, full-text search (/) in the library, and
correcting (c), copying (y), highlighting (h) and the article note (A) in the reader."""

from __future__ import annotations

from pathlib import Path

from reader.cli import main
from reader.store import Library
from reader.store.article_notes import ArticleNotes
from reader.store.corrections import Corrections
from reader.tui.app import ReaderApp
from reader.tui.screens.library import LibraryScreen
from reader.tui.screens.notes_list import NotesListScreen
from reader.tui.screens.notes_reader import NotesReaderScreen
from reader.tui.screens.speaker_editor import SpeakerEditor
from reader.tui.screens.speakers import QuotesScreen, SpeakersScreen
from tests.tui.helpers import screen_text
from tests.tui.library_fixtures import settle, until

SIZE = (110, 30)
HOSTILE = "[bold red]Boom[/] <b>x</b> \\[link]"


def _library(db: Path, articles: tuple[Path, Path]) -> tuple[str, str]:
    assert main(["--db", str(db), "add", str(articles[0]), str(articles[1])]) == 0
    library = Library.open(db)
    one = library.article(str(articles[0])).id
    two = library.article(str(articles[1])).id
    return one, two


async def test_notes_screen_lists_filters_and_opens_at_the_note(db: Path, articles: tuple[Path, Path],
                                                                capsys: object) -> None:
    one, two = _library(db, articles)
    main(["--db", str(db), "note", "add", one, "--quote", "business was slow", "--note", HOSTILE, "--tag", "port"])
    main(["--db", str(db), "note", "add", two, "--quote", "declined to comment", "--note", "élysée silence"])
    ArticleNotes(Library.open(db)).set(two, "Read again next week")
    app = ReaderApp([], db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("N")
        await until(app, pilot, lambda: isinstance(app.screen, NotesListScreen) and app.screen.loaded)
        screen = app.screen
        assert isinstance(screen, NotesListScreen)
        assert len(screen.shown) == 3
        text = screen_text(app)
        assert HOSTILE in text  # markup in a note stays literal
        assert "(the whole article)  Read again next week" in text
        await pilot.press("slash", *"elysee")
        assert [r.note.note for r in screen.shown] == ["élysée silence"]
        await pilot.press("ctrl+u", *"#port", "enter")
        assert [r.article.id for r in screen.shown] == [one]
        await pilot.press("enter")
        await until(app, pilot, lambda: isinstance(app.screen, NotesReaderScreen) and app.screen.record is not None)
        reader = app.screen
        assert isinstance(reader, NotesReaderScreen)
        start = reader.pane.article.text.index("business was slow")
        assert reader.cursor.sentence() is not None and reader.cursor.sentence()[0] <= start  # type: ignore[index]
        first, last = reader.pane.visible_range()
        assert first <= start <= last
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, NotesListScreen)


async def test_enter_on_an_article_note_opens_the_article_at_the_top(db: Path, tmp_path: Path) -> None:
    long = tmp_path / "long.txt"
    long.write_text("A long read\n\n" + "\n\n".join(f"Paragraph {i} says little." for i in range(80)),
                    encoding="utf-8")
    assert main(["--db", str(db), "add", str(long)]) == 0
    library = Library.open(db)
    aid = library.article(str(long)).id
    ArticleNotes(library).set(aid, "About the whole piece")
    library.set_position(aid, len("A long read") + 60 * 27)  # read far down before
    app = ReaderApp([], db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("N")
        await until(app, pilot, lambda: isinstance(app.screen, NotesListScreen) and app.screen.loaded)
        assert [r.note.note for r in app.screen.shown] == ["About the whole piece"]  # type: ignore[attr-defined]
        assert "(the whole article)  About the whole piece" in screen_text(app)
        await pilot.press("enter")
        await until(app, pilot, lambda: isinstance(app.screen, NotesReaderScreen) and app.screen.record is not None)
        reader = app.screen
        assert isinstance(reader, NotesReaderScreen)
        await settle(app, pilot)
        assert reader.pane.top_offset == 0 and reader.pane.visible_range()[0] == 0


async def test_speakers_screen_merges_and_opens_quotes(db: Path, articles: tuple[Path, Path]) -> None:
    one, _ = _library(db, articles)
    app = ReaderApp([], db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("S")
        await until(app, pilot, lambda: isinstance(app.screen, SpeakersScreen) and app.screen.loaded)
        screen = app.screen
        assert isinstance(screen, SpeakersScreen)
        lavrov = screen.speakers[0]
        assert lavrov.name == "Sergei Lavrov" and len(lavrov.articles) == 2
        assert "2 articles" in screen_text(app)
        await pilot.press("enter")
        await until(app, pilot, lambda: isinstance(app.screen, QuotesScreen))
        quotes = app.screen
        assert {q.article for q in quotes.quotes} == set(lavrov.articles)
        target = quotes.quotes[0]
        await pilot.press("enter")
        await until(app, pilot, lambda: isinstance(app.screen, NotesReaderScreen) and app.screen.record is not None)
        reader = app.screen
        first, last = reader.pane.visible_range()
        assert first <= target.start <= last
        await pilot.press("escape", "escape")
        await settle(app, pilot)
        assert isinstance(app.screen, SpeakersScreen)
        Library.open(db).tag_article(one, ["geneva"])
        await pilot.press("f", *"geneva", "enter")  # only the speakers of articles tagged #geneva
        await until(app, pilot, lambda: screen.loaded and screen.tag == "geneva")
        assert len(screen.speakers[0].articles) == 1 and "#geneva" in screen.sub_title


async def test_speakers_screen_shows_markup_in_a_speaker_literally(db: Path, articles: tuple[Path, Path]) -> None:
    one, _ = _library(db, articles)
    main(["--db", str(db), "correct", one, "--quote", "the ferries would keep running", "--speaker", HOSTILE])
    app = ReaderApp([], db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("S")
        await until(app, pilot, lambda: isinstance(app.screen, SpeakersScreen) and app.screen.loaded)
        assert HOSTILE in screen_text(app)


async def test_library_search_finds_text_and_opens_at_the_match(db: Path, articles: tuple[Path, Path]) -> None:
    one, two = _library(db, articles)
    app = ReaderApp([], db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"harbour master")
        await until(app, pilot, lambda: [r.id for r in app.screen.records] == [one])
        library = app.screen
        assert isinstance(library, LibraryScreen)
        await pilot.press("enter")  # closes the field
        await pilot.press("enter")  # opens at the match
        await until(app, pilot, lambda: isinstance(app.screen, NotesReaderScreen) and app.screen.record is not None)
        start = app.screen.pane.article.text.index("harbour master")
        first, last = app.screen.pane.visible_range()
        assert first <= start <= last
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.press("slash", *"[bold]nothing")
        await until(app, pilot, lambda: library.records == [])
        assert "No article matches." in screen_text(app)


async def test_correct_a_speaker_in_the_reader(db: Path, articles: tuple[Path, Path]) -> None:
    one, _ = _library(db, articles)
    app = ReaderApp([str(articles[0])], db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await until(app, pilot, lambda: app.screen.record is not None and app.screen.analysis_index is not None)
        reader = app.screen
        assert isinstance(reader, NotesReaderScreen)
        await pilot.press(*["right_square_bracket"] * 4)  # the fourth quote (after the café owners'): the harbour master's
        assert reader.current_item() is not None and "ferries" in reader.current_item().text  # type: ignore[union-attr]
        await pilot.press("c")
        assert isinstance(app.screen, SpeakerEditor)
        await pilot.press("ctrl+u", *"Port Office", "enter")
        await until(app, pilot, lambda: reader.analysis_index is not None and any(
            q.speaker == "Port Office" for q in reader.analysis_index.analysis.quotes))
        [saved] = Corrections(Library.open(db)).all()
        assert (saved.speaker, saved.original) == ("Port Office", "Anna Berg")
        # (the new analysis puts the cursor on its paragraph's first quote, the café owners'): back to the ferries
        for _ in range(4):
            if "ferries" in getattr(reader.current_item(), "text", ""):
                break
            await pilot.press("right_square_bracket")
        assert "ferries" in reader.current_item().text  # type: ignore[union-attr]
        await pilot.press("c", "ctrl+x")
        await until(app, pilot, lambda: reader.analysis_index is not None and not any(
            "ferries" in q.text for q in reader.analysis_index.analysis.quotes))


async def test_copy_highlight_and_article_note(db: Path, articles: tuple[Path, Path]) -> None:
    one, _ = _library(db, articles)
    app = ReaderApp([str(articles[0])], db=str(db))
    copied: list[str] = []
    app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await until(app, pilot, lambda: app.screen.record is not None and app.screen.analysis_index is not None)
        await pilot.press("right_square_bracket", "y")
        assert copied and copied[0].startswith("> ") and "— Sergei Lavrov, *Talks stall in Geneva* (" in copied[0]
        assert any("OSC 52" in n.message for n in app._notifications)
        await pilot.press("right_parenthesis", "h")
        await until(app, pilot, lambda: len(Library.open(db).notes_for(one)) == 1)
        [note] = Library.open(db).notes_for(one)
        assert note.note == "" and note.quote and note.color == "yellow"
        await pilot.press("h")  # again on the same highlight: the next colour
        await until(app, pilot, lambda: Library.open(db).notes_for(one)[0].color == "green")
        assert len(Library.open(db).notes_for(one)) == 1
        await until(app, pilot, lambda: any(spec[2] == "reading-pane--mark-green"
                                            for spec in app.screen.pane._overlay_specs["notes"]))
        await pilot.press("A", *"Whole story: ", *HOSTILE, "ctrl+s")
        await until(app, pilot, lambda: ArticleNotes(Library.open(db)).get(one) != "")
        assert ArticleNotes(Library.open(db)).get(one) == "Whole story: " + HOSTILE


async def test_export_folder_is_set_in_the_app(db: Path, articles: tuple[Path, Path], tmp_path: Path) -> None:
    from reader.services.exports import default_export_dir
    from reader.tui.screens.folder_input import FolderInput

    _library(db, articles)
    target = tmp_path / "vault"
    app = ReaderApp([], db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("X")
        assert isinstance(app.screen, FolderInput)
        await pilot.press("ctrl+u", *str(target), "enter")
        await until(app, pilot, lambda: default_export_dir(Library.open(db)) == target)
        await pilot.press("x")  # the export key writes there
        await until(app, pilot, lambda: target.is_dir() and any(target.iterdir()))


async def test_the_library_analyses_uncached_articles_in_the_background(db: Path, articles: tuple[Path, Path],
                                                                        monkeypatch: object) -> None:
    from reader.services.analysis_cache import AnalysisCache

    one, two = _library(db, articles)
    monkeypatch.setattr(LibraryScreen, "index_delay", 0.01)  # type: ignore[attr-defined]
    app = ReaderApp([], db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await until(app, pilot, lambda: set(AnalysisCache(db).summary.entries()) == {one, two})
        await until(app, pilot, lambda: "analysing" not in app.screen.sub_title)
        assert app.screen.sub_title.startswith("2 articles")
