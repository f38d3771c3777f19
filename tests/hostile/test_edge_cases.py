"""Edge cases found in review: names that are not UTF-8, escapes in error messages, damaged
library fields, a refused fork, and unusual Unicode spaces in HTML headings."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from reader.cli import main
from reader.document import Article, BlockKind, InlineKind, TextBuilder
from reader.document.html import parse_html
from reader.document.markdown import MarkdownParser
from reader.errors import ReaderError
from reader.store import Library


def _article(source: str, text: str = "Body text of the article.") -> Article:
    builder = TextBuilder()
    builder.add(BlockKind.PARAGRAPH, text)
    return Article(title="T", text=builder.text(), blocks=builder.blocks, source=source)


def test_error_messages_are_cleaned_once_for_every_place_that_shows_them() -> None:
    error = ReaderError("bad\x1b[31m name\x1b]52;c;aGk=\x07\nsecond line")
    assert str(error) == "bad name second line"


def test_a_name_that_is_not_utf8_fails_in_one_line_and_loses_nothing_after(tmp_path: Path) -> None:
    db = tmp_path / "lib.json"
    library = Library.open(db)
    good = library.add_article(_article(str(tmp_path / "good.txt")))
    with pytest.raises(ReaderError) as info:
        library.add_article(_article(str(tmp_path / "caf\udce9.txt")))
    assert "\n" not in str(info.value)
    library.tag_article(good.id, ["x\udcff"])  # the lone surrogate is cleaned away
    note = library.add_note(good.id, 0, 4, _article("x").text, note="kept")
    reopened = Library.open(db)
    assert reopened.note(note.id).note == "kept"
    assert reopened.article(good.id).tags == ("x",)
    assert [r.id for r in reopened.articles()] == [good.id]


def test_damaged_fields_in_the_library_file_are_read_tolerantly(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "lib.json"
    path = tmp_path / "a.txt"
    path.write_text("A title line\n\nThe council met on Tuesday.\n", encoding="utf-8")
    assert main(["--db", str(db), "note", "add", str(path), "--quote", "council met"]) == 0
    assert main(["--db", str(db), "note", "add", str(path), "--quote", "Tuesday"]) == 0
    data = json.loads(db.read_text(encoding="utf-8"))
    first, second = list(data["notes"])
    data["notes"][first]["status"] = []
    data["notes"][second]["article"] = ["not", "a", "string"]
    db.write_text(json.dumps(data), encoding="utf-8")
    capsys.readouterr()
    assert main(["--db", str(db), "notes", "--json"]) == 0
    assert main(["--db", str(db), "list", "--json"]) == 0
    assert "Traceback" not in capsys.readouterr().err


def test_a_refused_fork_parses_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    source = "\n\n".join(f"Paragraph {i} with *emphasis*." for i in range(6_000))
    whole = MarkdownParser(source).parse_all()
    parser = MarkdownParser(source)
    parser.parse_next()

    def refuse() -> int:
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", refuse)
    parser.finish_in_child()
    assert parser.parse_all().text == whole.text


def test_unusual_spaces_in_an_html_heading_keep_inline_ranges_exact() -> None:
    page = ("<html><body><article><h1>Prix \u202f<b>bold</b> end</h1>"
            + "<p>Body paragraph long enough to be the article's main text for the extractor.</p>" * 5
            + "<table><tr><td>Cell \u205f<i>italic</i> x</td><td>b</td></tr></table></article></body></html>")
    article = parse_html(page, source="t.html")
    styled = {(i.kind, article.text[i.start:i.end]) for b in article.blocks for i in b.inlines}
    assert styled == {(InlineKind.BOLD, "bold"), (InlineKind.ITALIC, "italic")}
