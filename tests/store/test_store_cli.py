"""The library commands through ``reader.cli.main``: output, exit codes, one-line errors."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.cli import main
from reader.document import load
from reader.store import Library
from tests.cli_run import Run


def _one_line_error(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("reader: "), err
    assert "Traceback" not in err
    return lines[0]


def test_add_prints_ids_and_adding_twice_is_fine(run: Run, write_article: Callable[..., Path]) -> None:
    one, two = write_article("one.txt"), write_article("two.md")
    code, out, _ = run("add", str(one), str(two))
    assert code == 0
    ids = out.split()
    assert len(ids) == 2 and len(set(ids)) == 2
    code, again, _ = run("add", str(one))
    assert (code, again.split()) == (0, ids[:1])


def test_add_a_folder_and_report_missing_files(run: Run, write_article: Callable[..., Path], tmp_path: Path) -> None:
    write_article("one.txt")
    code, out, err = run("add", str(tmp_path), str(tmp_path / "missing.txt"))
    assert code == 1
    assert len(out.split()) == 1
    assert "missing.txt" in _one_line_error(err)


def test_add_refuses_standard_input(run: Run) -> None:
    code, _, err = run("add", "-")
    assert code == 1 and "standard input" in _one_line_error(err)


def test_list_text_json_and_tag_filter(run: Run, write_article: Callable[..., Path]) -> None:
    one, two = write_article("one.txt"), write_article("two.txt")
    _, out, _ = run("add", str(one), str(two))
    first, second = out.split()
    assert run("tag", first, "#Politics", "Middle East")[0] == 0
    code, out, _ = run("list")
    assert code == 0 and len(out.splitlines()) == 2 and "#politics #middle-east" in out
    code, out, _ = run("list", "--tag", "politics", "--json")
    data = json.loads(out)
    assert [a["id"] for a in data] == [first]
    assert data[0]["tags"] == ["politics", "middle-east"] and data[0]["notes"] == 0
    assert data[0]["source"] == str(one)
    assert json.loads(run("list", "--json", "--tag", "none")[1]) == []


def test_tag_remove_and_unknown_article(run: Run, write_article: Callable[..., Path]) -> None:
    path = write_article()
    code, out, _ = run("tag", str(path), "a", "b")  # a file not yet in the library is added
    assert code == 0 and out.split("\t")[1].split() == ["a", "b"]
    code, out, _ = run("tag", str(path), "a", "--remove")
    assert code == 0 and out.split("\t")[1].split() == ["b"]
    code, _, err = run("tag", "nothing-here", "x")
    assert code == 1 and "not in the library" in _one_line_error(err)
    code, _, err = run("tag", str(path), "#")
    assert code == 2 and "not a tag" in _one_line_error(err)


def test_note_add_then_notes(run: Run, write_article: Callable[..., Path], db: Path) -> None:
    path = write_article()
    code, out, _ = run("note", "add", str(path), "--quote", "the figures did not add up",
                       "--note", "which figures?", "--tag", "#Audit", "--tag", "numbers")
    assert code == 0
    note_id = out.strip()
    # Saved before the id was printed: a fresh process sees it.
    assert Library.open(db).note(note_id).note == "which figures?"
    code, out, _ = run("notes", "--json")
    assert code == 0
    [item] = json.loads(out)
    assert {"id", "article", "quote", "note", "tags", "start", "end", "status"} <= set(item)
    assert item["id"] == note_id and item["quote"] == "the figures did not add up"
    assert item["tags"] == ["audit", "numbers"] and item["status"] == "anchored"
    code, text, _ = run("notes", str(path))
    assert code == 0 and note_id in text and "which figures?" in text and "#audit" in text


def test_note_quote_must_occur(run: Run, write_article: Callable[..., Path], db: Path) -> None:
    path = write_article()
    run("add", str(path))
    before = db.read_bytes()
    code, out, err = run("note", "add", str(path), "--quote", "words that are not there")
    assert code == 1 and out == ""
    assert "does not occur" in _one_line_error(err)
    assert db.read_bytes() == before


def test_note_quote_across_a_line_break(run: Run, write_article: Callable[..., Path]) -> None:
    path = write_article()
    code, out, _ = run("note", "add", str(path), "--quote", "the figures\ndid not")
    assert code == 0 and out.strip()


def test_note_by_id_prefix(run: Run, write_article: Callable[..., Path]) -> None:
    _, out, _ = run("add", str(write_article()))
    code, note_id, _ = run("note", "add", out.strip()[:6], "--quote", "the audit")
    assert code == 0 and note_id.strip()


def test_notes_are_reanchored_against_the_current_text(run: Run, write_article: Callable[..., Path]) -> None:
    path = write_article()
    _, moved_id, _ = run("note", "add", str(path), "--quote", "asked for an audit")
    _, gone_id, _ = run("note", "add", str(path), "--quote", "Markets were calm")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Critics in parliament", "Many critics in the parliament")
                    .replace("Markets were calm; ", ""), encoding="utf-8")
    code, out, _ = run("notes", str(path), "--json")
    assert code == 0
    by_id = {item["id"]: item for item in json.loads(out)}
    assert by_id[moved_id.strip()]["status"] == "moved"
    assert by_id[gone_id.strip()]["status"] == "orphaned"
    current = load(str(path)).text  # the moved offsets point at the quote in the new text
    item = by_id[moved_id.strip()]
    assert current[item["start"]:item["end"]] == "asked for an audit"


def test_notes_of_a_deleted_file_are_still_listed(run: Run, write_article: Callable[..., Path]) -> None:
    path = write_article()
    _, note_id, _ = run("note", "add", str(path), "--quote", "the audit")
    path.unlink()
    code, out, err = run("notes", "--json")
    assert code == 0
    assert [item["id"] for item in json.loads(out)] == [note_id.strip()]
    assert "no such file" in _one_line_error(err)


def test_notes_for_an_unknown_article(run: Run) -> None:
    code, _, err = run("notes", "abcdef123456")
    assert code == 1 and "not in the library" in _one_line_error(err)


def test_note_without_action_is_a_usage_error(run: Run) -> None:
    code, _, err = run("note")
    assert code == 2 and "ACTION" in _one_line_error(err)


@pytest.mark.parametrize("content", [b"", b"{not json", b'{"_meta": {"schema": {"version": 7}}}', b"[]"])
@pytest.mark.parametrize("command", [("list",), ("notes",), ("tag", "x", "y")])
def test_a_bad_library_file_is_one_line_and_untouched(run: Run, db: Path, content: bytes,
                                                      command: tuple[str, ...]) -> None:
    db.write_bytes(content)
    code, _, err = run(*command)
    line = _one_line_error(err)
    assert code == 1 and str(db) in line and "--db" in line
    assert db.read_bytes() == content


def test_reader_db_environment_variable(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                        write_article: Callable[..., Path], capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "env-library.json"
    monkeypatch.setenv("READER_DB", str(target))
    assert main(["add", str(write_article())]) == 0
    capsys.readouterr()
    assert target.exists() and len(Library.open(target).articles()) == 1


def test_db_option_after_the_note_subcommand(tmp_path: Path, write_article: Callable[..., Path],
                                             capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "late.json"
    assert main(["note", "add", str(write_article()), "--quote", "the audit", "--db", str(db)]) == 0
    note_id = capsys.readouterr().out.strip()
    assert Library.open(db).note(note_id).quote == "the audit"
    assert main(["notes", "--json", "--db", str(db)]) == 0
    assert json.loads(capsys.readouterr().out)[0]["id"] == note_id
