"""Removing an article removes every record tied to it (notes, highlights, article note,
corrections, stored text, cached text, quotes summary, cached analysis), and nothing of another."""

from __future__ import annotations

import json
from pathlib import Path

from reader.services.analysis_cache import AnalysisCache
from reader.services.library import remove_article
from reader.services.texts import texts_file
from reader.store import Library
from reader.store.article_notes import ArticleNotes
from reader.store.corrections import Corrections
from reader.tui.app import ReaderApp
from reader.tui.screens.library import LibraryScreen
from reader.tui.screens.tag_input import Confirm
from tests.tui.library_fixtures import settle, until

from .conftest import Run


def _full_library(run: Run, ids: tuple[str, str], db: Path) -> None:
    """Both articles with a note, a highlight, an article note, corrections, and warm caches."""
    for aid, quote in zip(ids, ("the talks had stalled", "dead on arrival"), strict=True):
        assert run("note", "add", aid, "--quote", quote, "--note", "why?", "--tag", "check")[0] == 0
        assert run("correct", aid, "--quote", quote, "--speaker", "Somebody")[0] == 0
        assert run("correct", aid, "--entity", "Lavrov", "--kind", "ORG")[0] == 0
    for aid in ids:
        ArticleNotes(Library.open(db)).set(aid, "whole")
    assert run("search", "lavrov")[0] == 0  # fills the text cache
    assert run("speakers")[0] == 0  # fills the quotes summary and the analysis cache


def _cached_analysis(db: Path, digest: str) -> bool:
    return AnalysisCache(db)._path(digest).is_file()


def test_removing_an_article_leaves_nothing_of_it(run: Run, ids: tuple[str, str], db: Path) -> None:
    one, two = ids
    _full_library(run, ids, db)
    library = Library.open(db)
    digest_one = library.article(one).text_hash
    assert one in db.read_text(encoding="utf-8") and len(Corrections(library).for_article(one)) == 2
    assert one in texts_file(library).entries() and one in AnalysisCache(db).summary.entries()
    assert _cached_analysis(db, digest_one)
    before_two = (Corrections(library).for_article(two), ArticleNotes(library).get(two), library.notes_for(two))

    removed = remove_article(library, one)

    assert one not in db.read_text(encoding="utf-8")  # no record of the library file names it
    fresh = Library.open(db)
    assert Corrections(fresh).for_article(one) == [] and ArticleNotes(fresh).get(one) == ""
    assert one not in texts_file(fresh).entries() and one not in AnalysisCache(db).summary.entries()
    assert not _cached_analysis(db, digest_one)
    assert run("search", "stalled")[1] == ""  # the search no longer finds it
    # The other article keeps everything.
    assert (Corrections(fresh).for_article(two), ArticleNotes(fresh).get(two), fresh.notes_for(two)) == before_two
    assert _cached_analysis(db, fresh.article(two).text_hash)
    code, out, _ = run("quotes", "--json")
    assert {q["article"] for q in json.loads(out)} == {two}

    fresh.restore_article(removed)  # undo brings back what was in the library file
    again = Library.open(db)
    assert len(Corrections(again).for_article(one)) == 2 and ArticleNotes(again).get(one) == "whole"
    assert len(again.notes_for(one)) == 1


def test_undo_after_the_article_came_back_overwrites_nothing_written_since(
        run: Run, ids: tuple[str, str], db: Path, articles: tuple[Path, Path]) -> None:
    """Remove an article, add the same file again (same id), write on it, then undo the removal:
    what was written since stays (its article note, a correction of the same name or passage, its
    tags and title), and what the removal took comes back beside it."""
    one, _ = ids
    _full_library(run, ids, db)
    assert run("tag", one, "before")[0] == 0
    removed = remove_article(Library.open(db), one)
    assert run("add", str(articles[0]), "--tag", "since")[1].strip() == one  # the same id again
    assert run("retitle", one, "My title")[0] == 0
    ArticleNotes(Library.open(db)).set(one, "written since")
    assert run("correct", one, "--entity", "Lavrov", "--kind", "PLACE")[0] == 0
    assert run("correct", one, "--quote", "the talks had", "--speaker", "Someone Else")[0] == 0

    Library.open(db).restore_article(removed)

    again = Library.open(db)
    note = ArticleNotes(again).get(one)
    assert "written since" in note and "whole" in note  # neither article note is lost
    kinds = {c.entity: c.label for c in Corrections(again).for_article(one) if c.kind == "entity_kind"}
    assert kinds == {"Lavrov": "PLACE"}  # the correction made since stays
    speakers = [c.speaker for c in Corrections(again).for_article(one) if c.kind == "speaker"]
    assert speakers == ["Someone Else"]  # and so does the one of the same passage, made since
    record = again.article(one)
    assert record.title == "My title" and record.tags == ("since", "before")
    assert len(again.notes_for(one)) == 1


def test_a_cached_analysis_shared_with_another_article_stays(tmp_path: Path, run: Run, db: Path) -> None:
    one_path, two_path = tmp_path / "a.txt", tmp_path / "b.txt"
    for path in (one_path, two_path):
        path.write_text("Same text\n\n\u201cWe stay,\u201d said Anna Berg.", encoding="utf-8")
    code, out, _ = run("add", str(one_path), str(two_path))
    one, two = out.split()
    assert run("speakers")[0] == 0
    library = Library.open(db)
    digest = library.article(one).text_hash
    assert digest == library.article(two).text_hash and _cached_analysis(db, digest)
    remove_article(library, one)
    assert _cached_analysis(db, digest)


def test_the_delete_question_names_what_goes() -> None:
    from reader.tui.screens.library import delete_question

    assert delete_question("T", 0) == "Remove “T” from the library? It has no notes."
    assert delete_question("T", 0, True) == "Remove “T” and its article note from the library?"
    assert delete_question("T", 3, True, 2) == \
        "Remove “T” and its 3 notes, its article note and your 2 corrections from the library?"


async def test_delete_in_the_app_removes_the_corrections(run: Run, ids: tuple[str, str], db: Path) -> None:
    one, two = ids
    assert run("correct", one, "--entity", "Geneva", "--kind", "ORG")[0] == 0
    assert run("correct", two, "--entity", "Moscow", "--kind", "ORG")[0] == 0
    app = ReaderApp([], db=str(db))
    async with app.run_test(size=(110, 30)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        await until(app, pilot, lambda: screen.current() is not None)
        while screen.current().id != one:  # type: ignore[union-attr]
            await pilot.press("down")
        await pilot.press("d")
        await until(app, pilot, lambda: isinstance(app.screen, Confirm))
        assert app.screen.question.endswith("and your correction from the library?")  # type: ignore[attr-defined]
        await pilot.press("y")
        await until(app, pilot, lambda: Library.open(db).get_article(one) is None)
        assert [c.article for c in Corrections(Library.open(db)).all()] == [two]


def test_undo_after_the_file_came_back_changed_finds_the_notes_again(
        run: Run, ids: tuple[str, str], db: Path, articles: tuple[Path, Path]) -> None:
    """The removed notes were anchored on the old text: when the same file came back with text
    added above them, the undo must leave them to be found again in the new text, not at their
    old offsets (the current record's text hash said they were up to date)."""
    from reader.document import load

    one, _ = ids
    assert run("note", "add", one, "--quote", "the talks had stalled", "--note", "why?")[0] == 0
    removed = remove_article(Library.open(db), one)
    path = articles[0]
    title, body = path.read_text(encoding="utf-8").split("\n\n", 1)
    path.write_text(f"{title}\n\nA new first paragraph, written after the article was removed.\n\n{body}",
                    encoding="utf-8")
    assert run("add", str(path))[1].strip() == one
    Library.open(db).restore_article(removed)
    code, out, _ = run("notes", one, "--json")
    [note] = json.loads(out)
    assert load(str(path)).text[note["start"]:note["end"]] == "the talks had stalled"
