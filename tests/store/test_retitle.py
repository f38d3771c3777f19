"""Bug 3: a headline ending in a full stop is the title everywhere; ``reader retitle`` renames."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from reader.cli import main
from reader.document import load
from reader.document.loader import open_article
from reader.document.plaintext import is_title_line, parse_text
from reader.store import Library

BODY = ("The council voted on Tuesday to approve the budget for the coming year, after a long debate.\n\n"
        "Members said the plan would fund two new libraries and repair the harbour wall.\n")


def test_a_headline_that_ends_in_a_full_stop_is_the_title() -> None:
    article = parse_text("Council approves new budget.\n\n" + BODY, fallback_title="headline")
    assert article.title == "Council approves new budget."
    assert article.blocks[0].kind.name == "HEADING"


@pytest.mark.parametrize("first", [
    "The council met on Tuesday evening to discuss at length the harbour plan and its cost to the town.",
    "It rained. Then the council met.",
    "Yes.",
])
def test_a_first_sentence_is_not_taken_for_a_headline(first: str) -> None:
    assert not is_title_line(first, first=True)
    assert parse_text(first + "\n\n" + BODY, fallback_title="fallback").title == "fallback"


def test_later_paragraphs_ending_in_a_full_stop_are_never_titles() -> None:
    assert not is_title_line("Council approves new budget.")


def test_a_markdown_file_without_a_heading_and_standard_input_take_the_headline(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text("Council approves new budget.\n\n" + BODY, encoding="utf-8")
    assert load(str(path)).title == "Council approves new budget."
    piped = open_article("-", io.BytesIO(("Council approves new budget.\n\n" + BODY).encode()))
    assert piped.title == "Council approves new budget."


def test_the_headline_names_the_article_in_the_library_and_the_export(tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "lib.json")
    path = tmp_path / "headline.txt"
    path.write_text("Council approves new budget.\n\n" + BODY, encoding="utf-8")
    assert main(["--db", db, "add", str(path)]) == 0
    assert main(["--db", db, "list"]) == 0
    assert "Council approves new budget." in capsys.readouterr().out
    assert main(["--db", db, "note", "add", str(path), "--quote", "two new libraries"]) == 0
    out = tmp_path / "out"
    assert main(["--db", db, "export", "--all", "--out", str(out)]) == 0
    [written] = out.iterdir()
    assert written.name.lower().replace(" ", "-").startswith("council-approves-new-budget")
    assert 'title: "Council approves new budget."' in written.read_text(encoding="utf-8")


def test_retitle_names_an_article_and_the_name_survives_opening_it_again(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "lib.json"
    path = tmp_path / "scan_0042.txt"
    path.write_text("it was a long day at the council\nand nobody expected it\n\n" + BODY, encoding="utf-8")
    assert main(["--db", str(db), "add", str(path)]) == 0
    article_id = capsys.readouterr().out.strip()
    assert main(["--db", str(db), "retitle", article_id[:6], "Harbour", "wall", "funded"]) == 0
    assert capsys.readouterr().out == f"{article_id}\tHarbour wall funded\n"
    assert main(["--db", str(db), "add", str(path)]) == 0  # opening or adding again keeps the user's title
    assert Library.open(db).article(article_id).title == "Harbour wall funded"
    assert main(["--db", str(db), "retitle", str(path), "--reset"]) == 0
    assert Library.open(db).article(article_id).title == "scan 0042"
    assert not Library.open(db).article(article_id).renamed


def test_retitle_needs_a_title_or_reset(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Council approves new budget.\n\n" + BODY, encoding="utf-8")
    assert main(["--db", str(tmp_path / "lib.json"), "retitle", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--reset" in err
