"""The generated benchmark article: size, determinism, and the block kinds it must contain."""

from __future__ import annotations

from benchmarks.gen_article import DEFAULT_SIZE, generate, write

SMALL = 60_000


def test_same_seed_gives_the_same_bytes() -> None:
    assert generate(SMALL, seed=7) == generate(SMALL, seed=7)


def test_another_seed_gives_another_article() -> None:
    assert generate(SMALL, seed=7) != generate(SMALL, seed=8)


def test_size_reaches_the_target_and_overshoots_by_at_most_one_section() -> None:
    size = len(generate(SMALL).encode("utf-8"))
    assert SMALL <= size < SMALL + 8_000


def test_default_size_is_about_three_megabytes() -> None:
    size = len(generate().encode("utf-8"))
    assert DEFAULT_SIZE <= size < DEFAULT_SIZE + 8_000
    assert 3_000_000 < size < 3_300_000


def test_it_has_every_block_kind_and_quotes() -> None:
    text = generate(SMALL)
    lines = text.splitlines()
    assert lines[0].startswith("# ")
    assert any(line.startswith("## ") for line in lines)
    assert any(line.startswith("- ") for line in lines)
    assert any(line[:2] in {"1.", "2."} for line in lines)
    assert any(line.startswith("> ") for line in lines)
    assert "```" in text
    assert "\u201c" in text and "\u2018" in text
    assert " said " in text or " told reporters " in text


def test_write_creates_the_file_and_leaves_an_identical_one_alone(tmp_path) -> None:
    path = write(tmp_path / "a.md", SMALL)
    first = path.stat().st_mtime_ns
    assert path.read_text(encoding="utf-8") == generate(SMALL)
    write(path, SMALL)
    assert path.stat().st_mtime_ns == first
