"""Loading articles from files and stdin: formats, titles, cleaning and clear errors."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from reader.document import BlockKind, load
from reader.errors import ReaderError

SEED = Path(__file__).resolve().parents[2] / "sample_articles" / "aleppo-evacuation.txt"


def test_seed_article_title_skips_the_breadcrumb() -> None:
    article = load(str(SEED))
    assert article.title == "Over 360 militants lay down arms in Aleppo: Russia"
    assert article.format == "text"
    assert article.source == str(SEED)
    assert article.blocks[1].kind is BlockKind.HEADING
    for block in article.blocks:
        assert "\n\n" not in article.block_text(block)


def test_text_paragraphs_are_reflowed_and_bullets_become_items(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("A Short Title For The Story\n\nfirst line\nwrapped line\n\n- one\n- two\n", encoding="utf-8")
    article = load(str(path))
    assert article.title == "A Short Title For The Story"
    assert [article.block_text(b) for b in article.blocks] == [
        "A Short Title For The Story", "first line wrapped line", "one", "two"]
    assert [b.kind for b in article.blocks[2:]] == [BlockKind.LIST_ITEM, BlockKind.LIST_ITEM]


def test_escapes_are_stripped_on_load(tmp_path: Path) -> None:
    path = tmp_path / "evil.md"
    path.write_bytes(b"# Title\x1b[31m red\n\nBody \x1b]52;c;aGk=\x07 text \x1b[2J cleared")
    article = load(str(path))
    assert "\x1b" not in article.text and "52;c" not in article.text
    assert article.text == "Title red\n\nBody  text  cleared"


def test_markup_like_text_is_kept_as_data(tmp_path: Path) -> None:
    path = tmp_path / "markup.txt"
    path.write_text("x [bold]y[/bold] [@click=app.quit]z[/]", encoding="utf-8")
    assert load(str(path)).text == "x [bold]y[/bold] [@click=app.quit]z[/]"


def test_stdin_is_read_as_markdown() -> None:
    article = load("-", stdin=io.BytesIO(b"# From a pipe\n\nbody"))
    assert article.title == "From a pipe" and article.source == "-"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.txt", None, "no such file"),
        ("folder", "DIR", "is a folder"),
        ("image.txt", b"\x89PNG\x00\x00\x01\x02\x03" * 50, "binary"),
    ],
)
def test_bad_inputs_give_one_clear_error(tmp_path: Path, name: str, content: object, message: str) -> None:
    path = tmp_path / name
    if content == "DIR":
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    with pytest.raises(ReaderError, match=message) as info:
        load(str(path))
    assert "\n" not in str(info.value)
    assert name in str(info.value)


def test_empty_and_whitespace_files_open_as_empty_articles(tmp_path: Path) -> None:
    for content in ("", "   \n\n \t\n"):
        path = tmp_path / "empty.txt"
        path.write_text(content, encoding="utf-8")
        article = load(str(path))
        assert article.text == "" and article.blocks == []
        assert article.title == "empty"


def test_oversized_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import reader.document.loader as loader

    monkeypatch.setattr(loader, "MAX_BYTES", 1000)
    path = tmp_path / "big.txt"
    path.write_text("word " * 1000, encoding="utf-8")
    with pytest.raises(ReaderError, match="too large"):
        load(str(path))
