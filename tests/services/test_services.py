"""The services layer: one library path, finding articles, and exports whose warnings come back as data."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.document import load
from reader.errors import ReaderError
from reader.services.exports import collect, export_records
from reader.services.library import current_text, find_article, library_path, open_library
from reader.store import Library

ARTICLE = "Harbour plan approved\n\nThe council voted on Tuesday after a long debate.\n"


@pytest.fixture()
def article(tmp_path: Path) -> Path:
    path = tmp_path / "harbour.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_library_path_is_db_then_reader_db_then_the_data_folder(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READER_DB", str(tmp_path / "env.json"))
    assert library_path(str(tmp_path / "given.json")) == tmp_path / "given.json"
    assert library_path(None) == tmp_path / "env.json"
    monkeypatch.delenv("READER_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert library_path(None).name == "library.json" and library_path(None).parent.name == "reader"


def test_find_article_by_id_source_and_unique_prefix(tmp_path: Path, article: Path) -> None:
    library = open_library(str(tmp_path / "lib.json"))
    record = library.add_article(load(str(article)))
    assert find_article(library, record.id) == record
    assert find_article(library, record.source) == record
    assert find_article(library, record.id[:6]) == record
    assert find_article(library, "ffff0000") is None
    assert current_text(library, record) == load(str(article)).text


def test_an_unreadable_source_is_a_warning_in_the_result_not_on_stderr(
        tmp_path: Path, article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    library = Library.open(tmp_path / "lib.json")
    record = library.add_article(load(str(article)))
    text = load(str(article)).text
    begin = text.index("long debate")
    library.add_note(record.id, begin, begin + len("long debate"), text, note="why?")
    article.unlink()
    with pytest.raises(ReaderError):
        current_text(library, record)

    collected = collect(library, [record])
    assert [a.notes[0].quote for a in collected.articles] == ["long debate"]
    assert len(collected.warnings) == 1
    assert str(article) in collected.warnings[0] and collected.warnings[0].endswith("exporting its notes as last saved")

    result = export_records(library, [record], tmp_path / "out")
    assert [p.parent for p in result.paths] == [tmp_path / "out"] and result.notes == 1
    assert result.warnings == collected.warnings
    assert capsys.readouterr().err == ""
