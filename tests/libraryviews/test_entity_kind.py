"""Fixing an entity's kind: the store and the overlay (unit), ``reader correct --entity`` (CLI),
and ``E`` in the reader (Pilot): a small picker that saves, re-applies at once, and undoes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.analysis import Analysis, Entity, Mention
from reader.services import analysis_cache
from reader.services.article_analysis import article_analysis
from reader.services.corrections import apply_corrections
from reader.store import Library
from reader.store.corrections import NOT_AN_ENTITY, Correction, Corrections
from reader.tui.app import ReaderApp
from reader.tui.screens.entity_kind import EntityKindPicker
from reader.tui.screens.help import HelpScreen
from reader.tui.screens.notes_reader import NotesReaderScreen
from reader.tui.widgets.analysis_style import role_styles
from tests.tui.helpers import screen_text
from tests.tui.library_fixtures import until

from .conftest import ONE, Run


def _analysis() -> Analysis:
    mentions = [Mention("Geneva", "PLACE", 0, 6, "Geneva"), Mention("Anna Berg", "PERSON", 10, 19, "Anna Berg"),
                Mention("Berg", "PERSON", 30, 34, "Anna Berg")]
    groups = {"Geneva": Entity("Geneva", "PLACE", [mentions[0]]), "Anna Berg": Entity("Anna Berg", "PERSON", mentions[1:])}
    return Analysis(entities=mentions, quotes=[], groups=groups)


def _entity(name: str, label: str) -> Correction:
    return Correction(id="x", article="a", kind="entity_kind", entity=name, label=label)


def test_a_kind_relabels_and_not_an_entity_drops_every_mention() -> None:
    fixed = apply_corrections(_analysis(), [_entity("geneva", "ORG"), _entity("Anna Berg", NOT_AN_ENTITY)])
    assert [(m.text, m.label) for m in fixed.entities] == [("Geneva", "ORG")]
    assert {name: g.label for name, g in fixed.groups.items()} == {"Geneva": "ORG"}
    assert [m.label for m in _analysis().entities] == ["PLACE", "PERSON", "PERSON"]  # the engine's answer is kept


def test_one_correction_per_name_the_last_one_kept(db: Path, run: Run, ids: tuple[str, str]) -> None:
    one, _ = ids
    corrections = Corrections(Library.open(db))
    first = corrections.correct_entity(one, "Geneva", "org")
    second = corrections.correct_entity(one, "GENEVA", NOT_AN_ENTITY)
    assert first.id == second.id and corrections.for_article(one) == [second]
    assert [c.label for c in corrections.all()] == [NOT_AN_ENTITY]


def test_an_entity_correction_survives_a_new_engine(db: Path, run: Run, ids: tuple[str, str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    one, _ = ids
    assert run("correct", one, "--entity", "Geneva", "--not-an-entity")[0] == 0
    assert run("correct", one, "--entity", "Anna Berg", "--kind", "ORG")[0] == 0
    library = Library.open(db)
    before = article_analysis(library, one, ONE)
    monkeypatch.setattr(analysis_cache, "engine_version", lambda: "a-newer-engine")
    calls: list[str] = []

    def counting(text: str) -> Analysis:
        calls.append(text)
        from reader.analysis import analyze

        return analyze(text)

    after = article_analysis(library, one, ONE, counting)
    assert calls == [ONE]  # analysed again
    for result in (before, after):
        assert not any(m.entity == "Geneva" for m in result.entities)
        assert {m.label for m in result.entities if m.entity == "Anna Berg"} == {"ORG"}


def test_cli_not_an_entity_json_and_usage(run: Run, ids: tuple[str, str]) -> None:
    one, _ = ids
    code, out, _ = run("correct", one, "--entity", "Geneva", "--not-an-entity", "--json")
    data = json.loads(out)
    assert code == 0 and (data["kind"], data["entity"], data["label"]) == ("entity_kind", "Geneva", "NONE")
    for args in (["--entity", "Geneva", "--kind", "ORG", "--not-an-entity"], ["--not-an-entity"],
                 ["--entity", "Geneva"]):
        code, _, err = run("correct", one, *args)
        assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err, args


def test_a_fixed_kind_is_the_speakers_kind_too(run: Run, ids: tuple[str, str]) -> None:
    one, _ = ids
    def label() -> str:
        return next(s["label"] for s in json.loads(run("speakers", "--json")[1]) if s["name"] == "Anna Berg")

    assert label() == "PERSON"
    assert run("correct", one, "--entity", "anna berg", "--kind", "ORG")[0] == 0
    assert label() == "ORG"
    assert run("correct", one, "--entity", "Anna Berg", "--not-an-entity")[0] == 0
    assert label() == ""


def _entity_styles(reader: NotesReaderScreen, name: str) -> set[str]:
    """The styles the entities layer paints on the mentions of ``name``."""
    assert reader.analysis_index is not None
    spans = {(m.start, m.end) for m in reader.analysis_index.analysis.entities if m.entity == name}
    return {str(spec[2]) for spec in reader.pane._overlay_specs["entities"] if (spec[0], spec[1]) in spans}


async def _go_to_name(pilot: object, reader: NotesReaderScreen, name: str) -> None:
    for _ in range(20):
        item = reader.current_item()
        if isinstance(item, Mention) and item.entity == name:
            return
        await pilot.press("greater_than_sign")  # type: ignore[attr-defined]
    raise AssertionError(f"no highlighted {name}")


async def test_E_fixes_a_names_kind_in_the_reader(db: Path, run: Run, ids: tuple[str, str],
                                                  articles: tuple[Path, Path]) -> None:
    one, _ = ids
    app = ReaderApp([str(articles[0])], db=str(db))
    async with app.run_test(size=(110, 30)) as pilot:
        await until(app, pilot, lambda: app.screen.record is not None and app.screen.analysis_index is not None)
        reader = app.screen
        assert isinstance(reader, NotesReaderScreen)
        place_style = role_styles(reader._theme_variables())["place"]
        org_style = role_styles(reader._theme_variables())["organisation"]
        await _go_to_name(pilot, reader, "Geneva")
        assert _entity_styles(reader, "Geneva") == {str(place_style)}
        await pilot.press("E")
        await until(app, pilot, lambda: isinstance(app.screen, EntityKindPicker))
        assert "What is “Geneva”?" in screen_text(app) and "• Place" in screen_text(app)
        await pilot.press("up", "enter")  # Place -> Organisation
        await until(app, pilot, lambda: reader.analysis_index is not None and
                    {m.label for m in reader.analysis_index.analysis.entities if m.entity == "Geneva"} == {"ORG"})
        assert _entity_styles(reader, "Geneva") == {str(org_style)}  # the highlight changed at once
        [saved] = Corrections(Library.open(db)).all()
        assert (saved.article, saved.entity, saved.label) == (one, "Geneva", "ORG")

        await _go_to_name(pilot, reader, "Anna Berg")
        await pilot.press("E")
        await until(app, pilot, lambda: isinstance(app.screen, EntityKindPicker))
        await pilot.press("down", "down", "down", "down", "enter")  # Person -> Not a name at all
        await until(app, pilot, lambda: reader.analysis_index is not None and
                    not any(m.entity == "Anna Berg" for m in reader.analysis_index.analysis.entities))
        # No name is highlighted in that paragraph now: E finds the corrected one, to undo it.
        await pilot.press("E")
        await until(app, pilot, lambda: isinstance(app.screen, EntityKindPicker))
        assert "As the engine said" in screen_text(app)
        await pilot.press("end", "enter")
        await until(app, pilot, lambda: reader.analysis_index is not None and
                    any(m.entity == "Anna Berg" for m in reader.analysis_index.analysis.entities))
        assert [c.entity for c in Corrections(Library.open(db)).all()] == ["Geneva"]

        await pilot.press("E")  # the picker opens after a store read: wait for it, then Escape
        await until(app, pilot, lambda: isinstance(app.screen, EntityKindPicker))
        await pilot.press("escape")  # Escape changes nothing
        await until(app, pilot, lambda: app.screen is reader)
        assert [(c.entity, c.label) for c in Corrections(Library.open(db)).all()] == [("Geneva", "ORG")]
        await pilot.press("question_mark")
        await until(app, pilot, lambda: isinstance(app.screen, HelpScreen))
        assert ("E", "Fix the name's kind") in app.screen.rows  # type: ignore[attr-defined]


async def test_the_picker_shows_a_name_with_markup_literally() -> None:
    from textual.app import App

    hostile = "[bold red]Boom[/] <b>x</b> \\[link]"

    class Host(App[None]):
        def on_mount(self) -> None:
            self.push_screen(EntityKindPicker(hostile, "ORG", corrected=True), self.exit)

    app = Host()
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert f"What is “{hostile}”?" in text and "• Organisation" in text and "As the engine said" in text
        await pilot.press("down", "enter")
    assert app.return_value == "PLACE"


async def test_E_takes_the_name_in_the_sentence_at_the_cursor(db: Path, tmp_path: Path) -> None:
    """With the sentence cursor on the second sentence, E is about the name in that sentence,
    not the paragraph's first name (the sentence above)."""
    path = tmp_path / "quiet.txt"
    path.write_text("Talks in the city\n\nGeneva was quiet on Monday. The harbour master, Anna Berg, was not.",
                    encoding="utf-8")
    app = ReaderApp([str(path)], db=str(db))
    async with app.run_test(size=(110, 30)) as pilot:
        await until(app, pilot, lambda: app.screen.record is not None and app.screen.analysis_index is not None)
        reader = app.screen
        assert isinstance(reader, NotesReaderScreen)
        # The cursor wakes on the headline, then goes to the paragraph's first and second sentences.
        await pilot.press("right_parenthesis", "right_parenthesis", "right_parenthesis")
        assert reader.cursor.sentence() is not None
        start, end = reader.cursor.sentence()  # type: ignore[misc]
        assert "Anna Berg" in reader.pane.article.text[start:end]
        await pilot.press("E")
        await until(app, pilot, lambda: isinstance(app.screen, EntityKindPicker))
        assert "What is “Anna Berg”?" in screen_text(app) and "• Person" in screen_text(app)
        await pilot.press("escape")
        await until(app, pilot, lambda: app.screen is reader)
        assert Corrections(Library.open(db)).all() == []


def test_a_kind_that_is_none_of_them_is_refused_naming_every_kind(db: Path, run: Run, ids: tuple[str, str]) -> None:
    from reader.errors import ReaderError

    with pytest.raises(ReaderError, match=r"'MONSTER' is not a kind \(choose from PERSON, ORG, PLACE, NORP, NONE\)"):
        Corrections(Library.open(db)).correct_entity(ids[0], "Geneva", "monster")


async def test_the_hints_name_the_keys_as_remapped(db: Path, tmp_path: Path) -> None:
    """E with no name at the cursor, c with no quote, y with nothing to copy: each hint names the
    key that goes there as the user remapped it in config.toml, not the default one."""
    from tests.textual_private import notification_messages
    from tests.tui.helpers import write_config

    write_config('[keymap]\n"reader.next_mention" = "ctrl+g"\n"reader.next_quote" = "ctrl+t"\n')
    path = tmp_path / "plain.txt"
    path.write_text("Nothing here\n\nthe weather was fine and nobody said anything at all.", encoding="utf-8")
    app = ReaderApp([str(path)], db=str(db))
    async with app.run_test(size=(110, 30)) as pilot:
        await until(app, pilot, lambda: app.screen.record is not None and app.screen.analysis_index is not None)
        for key in ("E", "c", "y"):
            await pilot.press(key)
        await until(app, pilot, lambda: len(notification_messages(app)) >= 3)
        hints = notification_messages(app)
        assert any("(^g goes to the next one)" in h for h in hints), hints
        assert any("(^t goes to the next one)" in h for h in hints), hints
        assert not any(">" in h or "]" in h for h in hints), hints


async def test_the_pickers_hint_names_its_cancel_key_as_remapped(db: Path, tmp_path: Path) -> None:
    from tests.tui.helpers import write_config

    write_config('[keymap]\n"entity_kind.cancel" = "ctrl+w"\n')
    app = ReaderApp([], db=str(db))
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        app.push_screen(EntityKindPicker("Geneva", "PLACE"))
        await until(app, pilot, lambda: isinstance(app.screen, EntityKindPicker) and "What is" in screen_text(app))
        assert "^w cancels" in screen_text(app) and "Escape cancels" not in screen_text(app)
        await pilot.press("ctrl+w")
        await until(app, pilot, lambda: not isinstance(app.screen, EntityKindPicker))


def test_the_picker_and_the_messages_know_every_kind_the_store_accepts() -> None:
    from reader.store.corrections import ENTITY_LABELS
    from reader.tui.screens.entity_kind import KIND_CHOICES
    from reader.tui.screens.library_reading import KIND_WORDS

    kinds = (*ENTITY_LABELS, NOT_AN_ENTITY)
    assert tuple(value for value, _title in KIND_CHOICES) == kinds and tuple(KIND_WORDS) == kinds
