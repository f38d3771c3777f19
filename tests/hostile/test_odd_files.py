"""Odd files: each opens sanely or fails with one clear line and a non-zero exit, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main
from reader.document import load
from reader.document.decode import MAX_BYTES
from reader.errors import ReaderError


def _one_line_error(path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """Run the headless analyser on ``path`` and return its single stderr line."""
    code = main(["analyze", str(path)])
    err = capsys.readouterr().err
    assert code == 1, err
    assert err.count("\n") == 1 and err.startswith("reader: "), err
    assert "Traceback" not in err
    return err


def test_single_five_megabyte_line_opens(tmp_path: Path) -> None:
    path = tmp_path / "line.txt"
    path.write_text("word " * 1_000_000, encoding="utf-8")
    article = load(str(path))
    assert len(article.blocks) == 1 and len(article.text) == 4_999_999


def test_one_hundred_thousand_character_word_opens(tmp_path: Path) -> None:
    path = tmp_path / "word.md"
    path.write_text("x" * 100_000, encoding="utf-8")
    assert load(str(path)).text == "x" * 100_000


def test_invalid_utf8_is_decoded_not_refused(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes("Caf\u00e9 owners said prices would rise. ".encode("latin-1") * 20 + b"\xff\xfe\xfa")
    article = load(str(path))
    assert "Caf" in article.text and "prices would rise" in article.text


def test_nul_bytes_are_refused_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "nul.txt"
    path.write_bytes(b"text\x00\x00\x00more text\x00\xff\x00")
    assert "binary" in _one_line_error(path, capsys)


def test_file_over_the_size_limit_is_refused_without_reading_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # a sparse 200 MB file: costs no disk and no time
        handle.truncate(200 * 1024 * 1024)
    assert MAX_BYTES < 200 * 1024 * 1024
    assert "too large" in _one_line_error(path, capsys)


def test_directory_and_missing_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert "folder" in _one_line_error(tmp_path, capsys)
    assert "no such file" in _one_line_error(tmp_path / "gone.md", capsys)


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("x", encoding="utf-8")

    def deny(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", deny)
    with pytest.raises(ReaderError, match="permission denied"):
        load(str(path))


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "latin-1"])
def test_other_encodings_open(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / f"{encoding}.txt"
    text = "Zo\u00eb Dupr\u00e9 said the caf\u00e9 would reopen on Monday, the council confirmed.\n\n" * 3
    path.write_bytes(text.encode(encoding))
    assert "Zo\u00eb Dupr\u00e9" in load(str(path)).text


def test_headless_command_never_prints_a_traceback_for_a_bad_file(tmp_path: Path) -> None:
    path = tmp_path / "bin.md"
    path.write_bytes(bytes(range(256)) * 64)
    out = subprocess.run([sys.executable, "-m", "reader", "analyze", str(path)], capture_output=True, text=True)
    assert out.returncode == 1
    assert out.stderr.count("\n") == 1 and "Traceback" not in out.stderr
