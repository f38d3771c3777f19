"""Export as a notes app wants it: names from titles, stable ids, speakers, dates, corrections."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from reader.export import ExportNote
from reader.export.files import title_file_name
from reader.export.markdown_export import _note_block

from .conftest import Run


def test_title_file_names_are_safe_and_readable() -> None:
    assert title_file_name("Talks stall: Geneva?") == "Talks stall Geneva.md"
    assert title_file_name("../../etc/passwd") == "etc passwd.md"
    assert title_file_name("CON") == "CON_.md"
    assert title_file_name("") == "Untitled.md"
    assert title_file_name("a\x1b[31m#b^c[[d]]|e") == "a b c d e.md"
    assert len(title_file_name("x" * 300)) == 103


def test_note_dates_speaker_and_block_id_on_the_notes_paragraph() -> None:
    note = ExportNote(id="n1", quote="We will not wait.", note="Strong words.", tags=["tone"], speaker="[b]Lavrov",
                      created="2026-12-01T10:00:00+00:00", updated="2026-12-03T09:00:00+00:00")
    block = _note_block(note)
    assert block == ("> We will not wait.\n>\n> — \\[b\\]Lavrov\n\n*Noted 2026-12-01, edited 2026-12-03*\n\n"
                     "Strong words. #tone ^note-n1")
    bare = _note_block(ExportNote(id="n2", quote="A highlight."))
    assert bare == "> A highlight. ^note-n2"


def test_all_includes_tagged_articles_and_collisions_get_the_short_id(run: Run, ids: tuple[str, str],
                                                                       tmp_path: Path, articles: tuple[Path, Path]) -> None:
    one, two = ids
    run("tag", two, "later")
    run("note", "add", one, "--quote", "the talks had stalled", "--note", "n")
    out = tmp_path / "out"
    code, written, _ = run("export", "--all", "--out", str(out))
    assert code == 0
    assert sorted(Path(p).name for p in written.splitlines()) == ["Ceasefire hopes fade.md", "Talks stall in Geneva.md"]
    # Another article with the same title gets the short id; the first keeps its file.
    same = tmp_path / "same.txt"
    same.write_text("Talks stall in Geneva\n\nA different story.", encoding="utf-8")
    code, out_id, _ = run("add", str(same))
    run("tag", out_id.strip(), "x")
    code, written, _ = run("export", "--all", "--out", str(out))
    names = sorted(Path(p).name for p in written.splitlines())
    assert names == sorted(["Ceasefire hopes fade.md", "Talks stall in Geneva.md",
                            f"Talks stall in Geneva ({out_id.strip()[:8]}).md"])
    # A changed title keeps the file it had (found by the id in its front matter).
    articles[1].write_text(articles[1].read_text(encoding="utf-8").replace("Ceasefire hopes fade", "Ceasefire hopes fade as the talks end"),
                           encoding="utf-8")
    run("add", str(articles[1]))
    code, written, _ = run("export", two, "--out", str(out))
    assert Path(written.strip()).name == "Ceasefire hopes fade.md"
    assert "as the talks end" in (out / "Ceasefire hopes fade.md").read_text(encoding="utf-8")


def test_a_correction_reaches_the_export(run: Run, ids: tuple[str, str], tmp_path: Path) -> None:
    one, _ = ids
    run("note", "add", one, "--quote", "the ferries would keep running")
    code, out, _ = run("export", one, "--out", "-")
    assert "> — Anna Berg" in out
    run("correct", one, "--quote", "the ferries would keep running", "--speaker", "Port <Authority>")
    code, out, _ = run("export", one, "--out", "-")
    assert "> — Port \\<Authority\\>" in out and "Anna Berg" not in out.split("## Notes")[1]


def test_speaker_export_is_one_file_across_articles(run: Run, ids: tuple[str, str], tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, written, _ = run("export", "--speaker", "Lavrov", "--out", str(out))
    assert code == 0
    path = Path(written.strip())
    assert path.name == "Sergei Lavrov - quotes.md"
    markdown = path.read_text(encoding="utf-8")
    meta = yaml.safe_load(markdown[4:].split("\n---\n", 1)[0])
    assert meta["speaker"] == "Sergei Lavrov" and meta["quotes"] >= 4
    assert "## Talks stall in Geneva" in markdown and "## Ceasefire hopes fade" in markdown
    assert "> — Sergei Lavrov (direct quote)" in markdown
    assert run("export", "--speaker", "Lavrov", "--out", str(out))[0] == 0
    assert len(list(out.iterdir())) == 1
    code, _, err = run("export", "--speaker", "Nobody Here", "--out", str(out))
    assert code == 1 and err.count("\n") == 1


def test_corrections_export_json(run: Run, ids: tuple[str, str], tmp_path: Path) -> None:
    one, _ = ids
    run("correct", one, "--quote", "the talks had stalled", "--speaker", "Someone Else")
    run("correct", one, "--entity", "Geneva", "--kind", "ORG")
    code, out, _ = run("export", "--corrections", "--out", "-")
    document = json.loads(out)
    assert document["format"] == "reader-corrections" and document["version"] == 1 and document["engine"]
    kinds = sorted(c["kind"] for c in document["corrections"])
    assert kinds == ["entity_kind", "speaker"]
    speaker = next(c for c in document["corrections"] if c["kind"] == "speaker")
    assert speaker["original"] == "Sergei Lavrov" and speaker["speaker"] == "Someone Else"
    assert speaker["title"] == "Talks stall in Geneva"
    code, written, _ = run("export", "--corrections", "--out", str(tmp_path / "c"))
    assert Path(written.strip()).name == "reader-corrections.json"
    code, _, err = run("export", "--corrections", "--speaker", "x")
    assert code == 2


def test_the_article_note_is_exported(run: Run, ids: tuple[str, str], db: Path) -> None:
    from reader.store import Library
    from reader.store.article_notes import ArticleNotes

    one, _ = ids
    ArticleNotes(Library.open(db)).set(one, "Why I keep this: <b>sources</b>")
    code, out, _ = run("export", one, "--out", "-")
    assert "## About this article\n\nWhy I keep this: <b>sources</b>\n" in out
    assert "*No notes yet.*" not in out
    code, out, _ = run("export", one, "--out", "-", "--format", "json")
    assert json.loads(out)["articles"][0]["note"] == "Why I keep this: <b>sources</b>"
