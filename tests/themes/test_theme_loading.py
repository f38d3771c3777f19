"""Loading and validating theme files: good, broken, incomplete, unknown keys, overrides."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

from reader.themes import (
    DEFAULT_THEME,
    ROLES,
    Highlight,
    ThemeError,
    bundled_themes_dir,
    load_theme_file,
    load_themes,
    parse_theme,
    user_themes_dir,
)

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = sorted(p.stem for p in (ROOT / "themes").glob("*.toml"))


def test_at_least_five_bundled_themes_load_without_problems(user_themes: Path) -> None:
    themes = load_themes()
    assert themes.problems == []
    assert themes.warnings == []
    assert len(BUNDLED) >= 5
    assert themes.names == [DEFAULT_THEME] + sorted(set(BUNDLED) - {DEFAULT_THEME})
    assert themes.default is not None and themes.default.dark
    assert {t.origin for t in themes} == {"bundled"}


def test_bundled_set_covers_dark_light_high_contrast_and_ansi(user_themes: Path) -> None:
    themes = load_themes()
    assert any(t.dark for t in themes) and any(not t.dark for t in themes)
    assert any(t.ansi for t in themes), "a 16-colour (ANSI) theme is bundled"
    assert "reader-high-contrast" in themes


def test_every_bundled_theme_has_every_role_and_a_description(user_themes: Path) -> None:
    for theme in load_themes():
        assert set(theme.highlights) == set(ROLES)
        assert theme.description
        variables = theme.variables()
        assert len(variables) == 4 * len(ROLES)
        assert variables["reader-direct-quote-style"] == theme.highlights["direct_quote"].inline_style()


def test_a_good_user_theme_loads_with_its_path(write_theme: Any, dark_data: dict[str, Any]) -> None:
    dark_data["description"] = "mine"
    path = write_theme("my-theme", dark_data)
    themes = load_themes()
    mine = themes["my-theme"]
    assert mine.origin == "user" and mine.source == path
    assert mine.description == "mine"
    assert mine.where == f"user {path}"
    assert themes.problems == []


def test_user_theme_with_same_name_overrides_the_bundled_one(write_theme: Any, dark_data: dict[str, Any]) -> None:
    dark_data["reader"]["person"] = {"fg": "#a0d0ff"}
    write_theme(DEFAULT_THEME, dark_data)
    themes = load_themes()
    assert themes[DEFAULT_THEME].origin == "user"
    assert themes[DEFAULT_THEME].highlights["person"] == Highlight(fg="#a0d0ff")
    assert themes.names.count(DEFAULT_THEME) == 1


def test_broken_user_override_keeps_the_bundled_theme(write_theme: Any) -> None:
    path = write_theme(DEFAULT_THEME, "dark = [unclosed\n")
    themes = load_themes()
    assert themes[DEFAULT_THEME].origin == "bundled"
    assert len(themes.problems) == 1
    assert themes.problems[0].path == path
    assert str(themes.problems[0]).startswith(f"{path}: not valid TOML")


def test_string_shorthand_is_a_text_colour(dark_data: dict[str, Any]) -> None:
    dark_data["reader"]["place"] = "#92d69c"
    theme = parse_theme("x", dark_data)
    assert theme.highlights["place"] == Highlight(fg="#92d69c")
    assert theme.resolved("place") == ("#92d69c", theme.background)


def test_variables_for_a_backdrop_role(dark_data: dict[str, Any]) -> None:
    theme = parse_theme("x", dark_data)
    variables = theme.variables()
    assert variables["reader-selection"] == theme.foreground
    assert variables["reader-selection-background"] == "#2e4a6b"
    assert variables["reader-selection-style"] == "on #2e4a6b"
    assert variables["reader-person-background"] == "transparent"
    assert variables["reader-person-text-style"] == "bold"
    assert variables["reader-place-text-style"] == "none"


def _problem(write_theme: Any, name: str, data: dict[str, Any] | str) -> str:
    """Write a user theme, load, and return the single problem message (the theme must be skipped)."""
    path = write_theme(name, data)
    themes = load_themes()
    assert name not in themes, "a broken theme is skipped"
    assert len(themes.problems) == 1, themes.problems
    message = str(themes.problems[0])
    assert message.startswith(f"{path}: "), "the message names the file"
    assert "\n" not in message, "one line per broken theme"
    return message


def test_missing_colour_key_is_named(write_theme: Any, dark_data: dict[str, Any]) -> None:
    del dark_data["colors"]["panel"]
    assert "[colors] missing key 'panel'" in _problem(write_theme, "incomplete", dark_data)


def test_missing_reader_role_is_named(write_theme: Any, dark_data: dict[str, Any]) -> None:
    del dark_data["reader"]["reading_cursor"]
    assert "[reader] missing key 'reading_cursor'" in _problem(write_theme, "incomplete", dark_data)


def test_missing_tables_are_named(write_theme: Any) -> None:
    message = _problem(write_theme, "empty", 'description = "nothing else"\n')
    assert "missing key 'dark'" in message
    assert "missing key 'colors'" in message
    assert "missing key 'reader'" in message


@pytest.mark.parametrize(("change", "expected"), [
    (lambda d: d.update(colour="#fff"), "unknown key 'colour'"),
    (lambda d: d["colors"].update(backgroud="#000000"), "[colors] unknown key 'backgroud'"),
    (lambda d: d["reader"].update(speaker="#ffffff"), "[reader] unknown key 'speaker'"),
    (lambda d: d["reader"].update(person={"fg": "#ffffff", "colour": "#000000"}),
     "reader.person: unknown key 'colour'"),
])
def test_unknown_keys_are_named(write_theme: Any, dark_data: dict[str, Any], change: Any, expected: str) -> None:
    change(dark_data)
    assert expected in _problem(write_theme, "typo", dark_data)


@pytest.mark.parametrize(("change", "expected"), [
    (lambda d: d["colors"].update(primary="blu"), "colors.primary: 'blu' is not a colour"),
    (lambda d: d["colors"].update(primary="#12345"), "colors.primary: '#12345' is not a colour"),
    (lambda d: d["reader"].update(person={"fg": "#ggg"}), "reader.person.fg: '#ggg' is not a colour"),
    (lambda d: d["reader"].update(note={"bg": "rgb(1,2,3)"}), "reader.note.bg: 'rgb(1,2,3)' is not a colour"),
    (lambda d: d["reader"].update(place="ansi_red"), "set ansi = true"),
    (lambda d: d["reader"].update(place="transparent"), "reader.place.fg: 'transparent' is not a colour"),
])
def test_bad_colours_are_named(write_theme: Any, dark_data: dict[str, Any], change: Any, expected: str) -> None:
    change(dark_data)
    assert expected in _problem(write_theme, "badcolour", dark_data)


@pytest.mark.parametrize(("change", "expected"), [
    (lambda d: d.update(dark="yes"), "dark: expected true or false, got a string"),
    (lambda d: d.update(description=3), "description: expected a string, got a number"),
    (lambda d: d.update(colors="#000"), "[colors]: expected a table, got a string"),
    (lambda d: d["colors"].update(primary=255), "colors.primary: expected a string, got a number"),
    (lambda d: d["reader"].update(person=["#fff"]), "reader.person: expected a colour string or a table"),
    (lambda d: d["reader"].update(person={"fg": True}), "reader.person.fg: expected a string, got true/false"),
    (lambda d: d["reader"].update(person={"fg": "#fff", "style": ["bold"]}),
     "reader.person.style: expected a string, got a list"),
])
def test_wrong_types_are_named(write_theme: Any, dark_data: dict[str, Any], change: Any, expected: str) -> None:
    change(dark_data)
    assert expected in _problem(write_theme, "wrongtype", dark_data)


def test_highlight_needs_a_colour_and_known_styles(write_theme: Any, dark_data: dict[str, Any]) -> None:
    dark_data["reader"]["person"] = {"style": "bold"}
    dark_data["reader"]["place"] = {"fg": "#92d69c", "style": "bold reverse"}
    message = _problem(write_theme, "styles", dark_data)
    assert "reader.person: needs fg, bg or both" in message
    assert "reader.place.style: unknown text style 'reverse'" in message


def test_every_problem_in_a_file_is_reported_at_once(write_theme: Any, dark_data: dict[str, Any]) -> None:
    del dark_data["colors"]["error"]
    dark_data["reader"]["note"] = {"bg": "nope"}
    dark_data["extra"] = True
    message = _problem(write_theme, "many", dark_data)
    assert "missing key 'error'" in message and "'nope'" in message and "unknown key 'extra'" in message


def test_bad_theme_name_is_rejected(write_theme: Any, dark_data: dict[str, Any]) -> None:
    assert "must be lowercase letters" in _problem(write_theme, "My Theme", dark_data)


def test_file_that_is_not_utf8_is_a_problem_not_a_crash(user_themes: Path) -> None:
    (user_themes / "latin.toml").write_bytes(b'description = "caf\xe9"\n')
    themes = load_themes()
    assert [p.path.name for p in themes.problems] == ["latin.toml"]
    assert "not valid TOML" in themes.problems[0].message


def test_theme_error_has_no_path_but_the_set_adds_it(tmp_path: Path) -> None:
    path = tmp_path / "x.toml"
    path.write_text("dark = true\n", encoding="utf-8")
    with pytest.raises(ThemeError) as info:
        load_theme_file(path)
    assert str(path) not in str(info.value)
    assert "missing key 'colors'" in str(info.value)


def test_unreadable_or_missing_folders_are_fine(tmp_path: Path) -> None:
    themes = load_themes(bundled_dir=tmp_path / "none", user_dir=tmp_path / "nothing")
    assert themes.names == [] and themes.problems == [] and themes.default is None


def test_non_toml_and_hidden_files_are_ignored(user_themes: Path) -> None:
    (user_themes / "notes.txt").write_text("not a theme", encoding="utf-8")
    (user_themes / ".hidden.toml").write_text("broken [", encoding="utf-8")
    themes = load_themes()
    assert themes.problems == []


def test_user_folder_comes_from_reader_config_dir(user_themes: Path) -> None:
    assert user_themes_dir() == user_themes


def test_user_folder_defaults_to_platformdirs(monkeypatch: pytest.MonkeyPatch) -> None:
    import platformdirs

    monkeypatch.delenv("READER_CONFIG_DIR", raising=False)
    assert user_themes_dir() == Path(platformdirs.user_config_dir("reader")) / "themes"


def test_bundled_themes_are_found_in_a_source_checkout() -> None:
    assert bundled_themes_dir() == ROOT / "themes"


def test_pyproject_ships_themes_inside_the_wheel() -> None:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        pyproject = tomllib.load(handle)
    force = pyproject["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert force["themes"] == "reader/_themes"


def test_bundled_themes_are_found_in_an_installed_layout(tmp_path: Path) -> None:
    """Mimic the wheel: ``reader/`` with the themes copied to ``reader/_themes`` and no ``themes/`` beside it."""
    site = tmp_path / "site"
    shutil.copytree(ROOT / "reader", site / "reader", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "themes", site / "reader" / "_themes")
    code = ("from pathlib import Path; import reader.themes as t; s = t.load_themes(user_dir=Path('/nonexistent'));"
            "print(t.bundled_themes_dir()); print(','.join(s.names)); print(len(s.problems))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=tmp_path, env={"PYTHONPATH": str(site), "PATH": ""})
    folder, names, problems = out.stdout.split("\n")[:3]
    assert Path(folder) == site / "reader" / "_themes"
    assert names.split(",")[0] == DEFAULT_THEME and sorted(names.split(",")) == BUNDLED
    assert problems == "0"


@pytest.mark.parametrize("readme", ["README.md", "themes/README.md"])
def test_the_documented_example_theme_is_valid_and_readable(readme: str, tmp_path: Path) -> None:
    from reader.themes import contrast_warnings

    text = (ROOT / readme).read_text(encoding="utf-8")
    blocks = [b.split("```", 1)[0] for b in text.split("```toml\n")[1:]]
    blocks = [b for b in blocks if "[colors]" in b]  # the README also shows a [keymap] example
    assert blocks, f"{readme} shows an example theme"
    path = tmp_path / "example.toml"
    path.write_text(blocks[0], encoding="utf-8")
    theme = load_theme_file(path, origin="user")
    assert contrast_warnings(theme) == []
