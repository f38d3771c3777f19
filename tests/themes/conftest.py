"""Shared fixtures: an isolated user config folder and a way to write theme files."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from reader.themes import bundled_themes_dir

WriteTheme = Callable[..., Path]


@pytest.fixture
def user_themes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's themes folder, inside a fresh config folder chosen with READER_CONFIG_DIR."""
    monkeypatch.setenv("READER_CONFIG_DIR", str(tmp_path / "config"))
    folder = tmp_path / "config" / "themes"
    folder.mkdir(parents=True)
    return folder


def bundled_data(name: str = "reader-dark") -> dict[str, Any]:
    """The decoded TOML of a bundled theme, as a starting point for user themes."""
    with (bundled_themes_dir() / f"{name}.toml").open("rb") as handle:
        return tomllib.load(handle)


def to_toml(data: dict[str, Any]) -> str:
    """A small TOML writer for the shapes themes use (scalars, tables, inline tables)."""

    def value(v: Any) -> str:
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, str):
            escaped = "".join(
                f"\\u{ord(c):04x}" if ord(c) < 0x20 or ord(c) == 0x7F or c in '"\\' else c for c in v
            )
            return f'"{escaped}"'
        if isinstance(v, dict):
            return "{ " + ", ".join(f"{k} = {value(x)}" for k, x in v.items()) + " }"
        if isinstance(v, list):
            return "[" + ", ".join(value(x) for x in v) + "]"
        return repr(v)

    lines = [f"{k} = {value(v)}" for k, v in data.items() if not isinstance(v, dict)]
    for key, table in data.items():
        if isinstance(table, dict):
            lines.append(f"\n[{key}]")
            lines.extend(f"{k} = {value(v)}" for k, v in table.items())
    return "\n".join(lines) + "\n"


@pytest.fixture
def dark_data() -> dict[str, Any]:
    """A fresh copy of the bundled default theme's data, to modify in a test."""
    return bundled_data()


@pytest.fixture
def write_theme(user_themes: Path) -> WriteTheme:
    """Write ``name.toml`` in the user folder from a dict (default: a copy of reader-dark) or text."""

    def write(name: str, data: dict[str, Any] | str | None = None, **top: Any) -> Path:
        if data is None:
            data = bundled_data()
        if isinstance(data, dict):
            data = to_toml({**data, **top})
        path = user_themes / f"{name}.toml"
        path.write_text(data, encoding="utf-8")
        return path

    return write
