"""``reader themes`` and choosing the start theme (``--theme NAME``, the saved choice)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import reader.themes.loading
from reader.cli import main
from reader.errors import UsageError
from reader.themes import DEFAULT_THEME, load_themes, resolve_theme_name


def test_reader_themes_lists_one_theme_per_line_name_first(user_themes: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["themes"]) == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    names = [line.split()[0] for line in lines]
    assert names == load_themes().names
    assert names[0] == DEFAULT_THEME
    assert err == ""
    first = lines[0].split()
    assert first[1] == "dark"
    assert lines[0].endswith("(bundled)")
    assert any(line.split()[1] == "light" for line in lines)


def test_reader_themes_shows_user_themes_and_reports_broken_ones(
        write_theme: Any, dark_data: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    good = write_theme("mine", dark_data, description="my own")
    broken = write_theme("broken", "dark = true\n")
    assert main(["themes"]) == 0
    out, err = capsys.readouterr()
    mine = next(line for line in out.splitlines() if line.startswith("mine "))
    assert "my own" in mine and mine.endswith(f"(user {good})")
    assert "broken" not in out
    assert err.splitlines() == [f"reader: skipped theme {broken}: missing key 'colors' (a [colors] table); "
                                "missing key 'reader' (a [reader] table)"]


def test_reader_themes_warns_about_low_contrast_user_themes(
        write_theme: Any, dark_data: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    dark_data["reader"]["search_match"] = {"fg": "#777777", "bg": "#ffffff"}
    write_theme("weak", dark_data)
    assert main(["themes"]) == 0
    out, err = capsys.readouterr()
    assert any(line.startswith("weak ") for line in out.splitlines())
    assert err.startswith("reader: warning: theme ")
    assert "low contrast for search_match: #777777 on #ffffff is 4.48:1" in err


def test_reader_themes_strips_control_characters_from_user_text(
        write_theme: Any, dark_data: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    write_theme("sneaky", dark_data, description="hi\x1b]52;c;ZXZpbA==\x07 there\x1b[2J")
    assert main(["themes"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "hi there" in out


def test_reader_themes_fails_when_even_the_default_is_missing(
        user_themes: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "no-bundled"
    empty.mkdir()
    monkeypatch.setattr(reader.themes.loading, "bundled_themes_dir", lambda: empty)
    assert main(["themes"]) == 1
    assert capsys.readouterr().err == f"reader: the default theme {DEFAULT_THEME!r} could not be loaded\n"


def test_reader_themes_help_names_the_user_folder(user_themes: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["themes", "--help"])
    assert info.value.code == 0
    assert str(user_themes) in capsys.readouterr().out.replace("\n", "")


def test_resolve_prefers_the_command_line_then_the_saved_choice(user_themes: Path) -> None:
    assert resolve_theme_name(None, None) == DEFAULT_THEME
    assert resolve_theme_name(None, "reader-light") == "reader-light"
    assert resolve_theme_name("reader-sepia", "reader-light") == "reader-sepia"


def test_resolve_falls_back_quietly_for_a_stale_saved_name(user_themes: Path) -> None:
    assert resolve_theme_name(None, "deleted-theme") == DEFAULT_THEME


def test_resolve_unknown_command_line_name_is_a_usage_error_listing_names(user_themes: Path) -> None:
    with pytest.raises(UsageError) as info:
        resolve_theme_name("nope", "reader-light")
    assert info.value.exit_code == 2
    message = str(info.value)
    assert "unknown theme 'nope'" in message
    for name in load_themes().names:
        assert name in message


def test_resolve_accepts_user_themes_and_extra_names(write_theme: Any, dark_data: dict[str, Any]) -> None:
    write_theme("mine", dark_data)
    assert resolve_theme_name("mine", None) == "mine"
    assert resolve_theme_name("textual-dark", None, also=["textual-dark"]) == "textual-dark"
    with pytest.raises(UsageError, match="textual-dark"):
        resolve_theme_name("nope", None, also=["textual-dark"])


def test_resolve_rejects_a_broken_user_theme_by_name(write_theme: Any) -> None:
    write_theme("broken", "dark = true\n")
    with pytest.raises(UsageError, match="unknown theme 'broken'"):
        resolve_theme_name("broken", None)
