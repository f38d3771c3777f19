"""Article, note and tag text that looks like markup is shown literally everywhere in the app.

Measured with Textual 8.2.8: a str given to Static, Label, OptionList, notify() or DataTable
is parsed as markup, so ``[@click=app.quit]`` could quit the app and ``[/]`` crash it. Here a
hostile article, hostile analysis results (speaker and entity names), a hostile note and tags
go through the reading pane, the sources panel, the status line, the notes panel, the library
table and a notification; the screen must show them as typed, and the app must still run.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import TextArea

from reader.analysis import Analysis, Entity, Mention, Quote
from reader.store import Library
from reader.tui.app import ReaderApp
from reader.tui.screens.analysis_view import AnalysisScreen
from tests.textual_private import screen_strips
from tests.tui.helpers import screen_text
from tests.tui.library_fixtures import settle

SIZE = (120, 34)
EVIL_NAME = "[@click=app.quit]Evil[/]"
EVIL_ORG = "[bold red]Org"
ARTICLE = (
    "Title with [b]markup[/b] and [@click=app.quit]a link[/]\n\n"
    f"{EVIL_NAME} said the plan [/] was fair. The {EVIL_ORG} agreed.\n\n"
    "Second paragraph with [link=https://evil.example]click[/link] text.\n"
)


def hostile_analysis(text: str) -> Analysis:
    """What a confused engine could return: names that look like markup."""
    name_at = text.index(EVIL_NAME)
    org_at = text.index(EVIL_ORG)
    quote_start = text.index("the plan")
    quote_end = text.index(" was fair") + len(" was fair")
    person = Mention(EVIL_NAME, "PERSON", name_at, name_at + len(EVIL_NAME), EVIL_NAME)
    org = Mention(EVIL_ORG, "ORG", org_at, org_at + len(EVIL_ORG), EVIL_ORG)
    quote = Quote(text[quote_start:quote_end], "indirect", quote_start, quote_end, EVIL_NAME, "said [/]",
                  name_at + len(EVIL_NAME) + 1, name_at + len(EVIL_NAME) + 5)
    return Analysis(entities=[person, org], quotes=[quote],
                    groups={EVIL_NAME: Entity(EVIL_NAME, "PERSON", [person]), EVIL_ORG: Entity(EVIL_ORG, "ORG", [org])})


@pytest.fixture()
def hostile_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(AnalysisScreen, "analyze_text", staticmethod(hostile_analysis))


async def test_markup_in_article_analysis_and_notes_is_shown_literally(
        tmp_path: Path, hostile_engine: None) -> None:
    db = tmp_path / "lib.json"
    path = tmp_path / "evil.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    app = ReaderApp([str(path)], db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        shown = screen_text(app)
        assert "Title with [b]markup[/b] and [@click=app.quit]a link[/]" in shown
        assert f"{EVIL_NAME} said the plan [/] was fair." in shown
        assert "[link=https://evil.example]click[/link]" in shown
        await pilot.press("s")  # sources panel: the hostile speaker and organisation, literally
        await settle(app, pilot)
        shown = screen_text(app)
        assert EVIL_NAME in shown and EVIL_ORG in shown
        await pilot.press("escape", "right_square_bracket")  # jump to the quote: the status line names it
        await settle(app, pilot)
        assert f"Quote (reported) - {EVIL_NAME} - said [/]" in screen_text(app)
        await pilot.press("right_parenthesis", "a")  # a note on the sentence at the cursor
        editor = app.screen.query_one(TextArea)
        editor.insert("[@click=app.quit]note[/]")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        await pilot.press("p")
        await settle(app, pilot)
        assert "[@click=app.quit]note[/]" in screen_text(app)
        await pilot.click(offset=(2, 2))  # clicking where a markup link would be runs no action
        await settle(app, pilot)
        assert isinstance(app.screen, AnalysisScreen) and app.return_code is None
        assert "[@click=app.quit]note[/]" in screen_text(app)


async def test_library_table_shows_hostile_titles_and_tags(tmp_path: Path) -> None:
    db = tmp_path / "lib.json"
    path = tmp_path / "evil.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    from reader.document import load

    library = Library.open(db)
    library.add_article(load(str(path)), tags=["[bold]x"])
    app = ReaderApp([], db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        row = screen_text(app).splitlines()[2]
        assert row.split()[:5] == ["●", "Title", "with", "[b]markup[/b]", "and"]  # ● unread
        assert row.split()[-4:] == ["evil.txt", "#[bold]x", "0%", "never"]
        await pilot.click(offset=(3, 2))  # on the title: opens the article, no markup action runs
        await settle(app, pilot)
        assert isinstance(app.screen, AnalysisScreen) and app.return_code is None
        assert "Title with [b]markup[/b] and [@click=app.quit]a link[/]" in screen_text(app)


def test_every_notification_in_the_app_turns_markup_off() -> None:
    """notify() parses markup by default in Textual 8; every call must say markup=False."""
    import ast

    root = Path(__file__).resolve().parents[2] / "reader" / "tui"
    offenders = []
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            is_notify = isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) == "notify"
            if is_notify and not any(k.arg == "markup" and isinstance(k.value, ast.Constant) and k.value.value is False
                                     for k in node.keywords):
                offenders.append(f"{path.name}:{node.lineno}")
    assert not offenders, offenders


async def test_a_file_that_disappears_while_open_keeps_reading(tmp_path: Path) -> None:
    db = tmp_path / "lib.json"
    path = tmp_path / "vanishing.txt"
    path.write_text("A vanishing article\n\n" + "\n\n".join(f"Paragraph {i} of the text." for i in range(80)),
                    encoding="utf-8")
    app = ReaderApp([str(path)], db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        path.unlink()
        await pilot.press("space", "G", "slash", *"Paragraph 7", "enter", "n", "x")  # scroll, search, export
        await settle(app, pilot)
        assert "Paragraph 79 of the text." in app.screen.pane.article.text
        assert app.is_running
        await pilot.press("q")
    assert Library.open(db).articles()[0].position > 0  # the reading position was still saved


async def test_escapes_in_a_file_name_never_reach_the_title_bar(tmp_path: Path) -> None:
    name = "evil\x1b]2;PWNED\x07 name\x1b[31m.txt"
    path = tmp_path / name
    path.write_text("A plain title\n\nA plain paragraph of text.\n", encoding="utf-8")
    app = ReaderApp([str(path)], db=str(tmp_path / "lib.json"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        strips = screen_strips(app)
        top = "".join(segment.text for segment in strips[0])
        assert "\x1b" not in top and "\x07" not in top
        assert "evil" in top and "name" in top
