"""``reader export`` end to end: files written, re-export stable, speakers attached, JSON restorable."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from reader.cli import main
from reader.export import articles_from_json

ARTICLE = """Harbour plan approved

The council voted on Tuesday to approve the new harbour plan after a long debate.

"This plan is fair to taxpayers and fair to fishermen," said Derek Olson, the council leader.

Critics #disagree and posted <script>alert(1)</script> in the comments.
"""


@pytest.fixture()
def library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("READER_DB", str(tmp_path / "library.json"))
    path = tmp_path / "harbour.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def run(*args: str) -> int:
    return main(list(args))


def test_export_writes_one_file_per_article_with_speaker(library: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert run("note", "add", str(library), "--quote", "fair to taxpayers", "--note", "Key claim", "--tag", "claims") == 0
    assert run("note", "add", str(library), "--quote", "Critics #disagree and posted <script>") == 0
    capsys.readouterr()
    out = tmp_path / "out"
    assert run("export", str(library), "--out", str(out)) == 0
    written = capsys.readouterr().out.splitlines()
    assert len(written) == 1 and Path(written[0]).parent == out
    assert Path(written[0]).name == "Harbour plan approved.md"
    assert Path(written[0]).stat().st_mode & 0o777 == 0o644
    markdown = Path(written[0]).read_text(encoding="utf-8")
    meta = yaml.safe_load(markdown[4:].split("\n---\n", 1)[0])
    assert meta["title"] == "Harbour plan approved" and meta["source"] == str(library)
    assert "> This plan is fair to taxpayers" not in markdown  # the note is on the passage, not the whole quote
    assert "> fair to taxpayers\n>\n> — Derek Olson\n\n*Noted " in markdown
    assert "\n\nKey claim #claims ^note-" in markdown
    assert "\\#disagree" in markdown and "\\<script\\>" in markdown
    assert "Derek Olson (1)" in markdown


def test_re_export_does_not_duplicate(library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run("note", "add", str(library), "--quote", "long debate")
    out = tmp_path / "out"
    for _ in range(3):
        assert run("export", "--all", "--out", str(out)) == 0
    assert len(list(out.iterdir())) == 1


def test_a_strangers_file_is_kept(library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run("note", "add", str(library), "--quote", "long debate")
    out = tmp_path / "out"
    run("export", "--all", "--out", str(out))
    target = next(out.iterdir())
    target.write_text("my own file\n", encoding="utf-8")
    capsys.readouterr()
    assert run("export", "--all", "--out", str(out)) == 0
    beside = Path(capsys.readouterr().out.strip())
    assert beside != target and beside.name.startswith("Harbour plan approved (") and beside.parent == out
    assert target.read_text(encoding="utf-8") == "my own file\n"
    assert run("export", "--all", "--out", str(out)) == 0
    assert sorted(out.iterdir()) == sorted([target, beside])  # the id in the front matter keeps its name
    assert run("export", "--all", "--out", str(out), "--force") == 0


def test_json_to_stdout_round_trips(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run("note", "add", str(library), "--quote", "fair to taxpayers", "--tag", "claims")
    capsys.readouterr()
    assert run("export", "--all", "--format", "json", "--out", "-") == 0
    document = json.loads(capsys.readouterr().out)
    restored = articles_from_json(document)
    assert restored[0].title == "Harbour plan approved"
    note = restored[0].notes[0]
    assert note.quote == "fair to taxpayers" and note.speaker == "Derek Olson" and note.tags == ["claims"]
    assert note.prefix.endswith('"This plan is ') and note.suffix.startswith(" and fair to fishermen")


def test_orphaned_notes_get_their_own_section(library: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    run("note", "add", str(library), "--quote", "after a long debate")
    library.write_text(ARTICLE.replace("after a long debate", "in a short meeting"), encoding="utf-8")
    capsys.readouterr()
    assert run("export", "--all", "--out", "-") == 0
    markdown = capsys.readouterr().out
    assert "## Orphaned notes" in markdown and "> after a long debate" in markdown


def test_missing_source_still_exports_with_a_warning(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run("note", "add", str(library), "--quote", "long debate")
    library.unlink()
    capsys.readouterr()
    assert run("export", "--all", "--out", "-") == 0
    captured = capsys.readouterr()
    assert "> long debate" in captured.out
    assert "warning" in captured.err and captured.err.count("\n") == 1


def test_usage_errors(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("export") == 2
    assert run("export", "--all", "--format", "pdf") == 2
    assert run("export", "no-such-article") == 1
