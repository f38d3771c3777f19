"""The user's ``config.toml``, in the config folder (``$READER_CONFIG_DIR`` or the platform's, as for
themes). It holds two tables: ``[keymap]``, binding id -> keys, e.g. ``"app.quit" = "ctrl+x"``, and
``[reading]``, whose ``measure`` is the longest line of text in cells (a wider terminal centres the
column: long lines are hard to follow back to the next line's start).

Reading never fails: a missing file means no settings; a file that is not TOML, or an entry of
the wrong type, becomes one line naming the file and the key, and the defaults stay.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from reader.sanitize import clean_line
from reader.themes import user_config_dir

CONFIG_FILE = "config.toml"


@dataclass
class KeymapConfig:
    """The ``[keymap]`` entries that have the right shape, and one line per entry that does not."""

    path: Path
    keys: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def problem(self, key: str, message: str) -> None:
        """Record a bad entry: the file, the entry, what is wrong, and that the default stays."""
        self.problems.append(f"{self.path}: [keymap] {clean_line(key)!r}: {message}; the default key stays")


def config_path() -> Path:
    """``<config dir>/config.toml``."""
    return user_config_dir() / CONFIG_FILE


def _read(path: Path) -> tuple[dict[str, object] | None, str | None]:
    """The parsed file, or None and why not (no reason for a missing file: it just means no settings)."""
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle), None
    except FileNotFoundError:
        return None, None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        detail = clean_line(str(exc)) if isinstance(exc, tomllib.TOMLDecodeError) else "the file is not UTF-8 text"
        return None, f"not valid TOML ({detail})"
    except OSError as exc:
        return None, f"cannot read it ({exc.strerror or exc})"


def load_keymap(path: Path | None = None) -> KeymapConfig:
    """The ``[keymap]`` table of ``config.toml`` (``path`` for tests), checked for shape only.

    Whether an id names a real binding and the keys are real keys is for the UI to say
    (:mod:`reader.tui.keymap`), since only it knows its bindings and Textual's key names.
    """
    result = KeymapConfig(config_path() if path is None else path)
    data, problem = _read(result.path)
    if problem is not None:
        result.problems.append(f"{result.path}: {problem}; using the default keys")
    if data is None:
        return result
    table = data.get("keymap", {})
    if not isinstance(table, dict):
        result.problems.append(f"{result.path}: keymap must be a table ([keymap]); using the default keys")
        return result
    for key, value in table.items():
        if not isinstance(value, str) or not value.strip():
            result.problem(key, 'expected keys as a string, e.g. "ctrl+x" or "j,down"')
            continue
        result.keys[key] = value
    return result


DEFAULT_MEASURE = 100
"""The longest line of text in cells (gutter marks excluded) unless ``[reading] measure`` says otherwise."""
MEASURE_RANGE = (40, 200)
"""The measures accepted: narrower is no longer a column of prose, wider no longer a readable line."""


@dataclass
class ReadingConfig:
    """The ``[reading]`` settings, and one line per entry that was wrong (its default stays)."""

    path: Path
    measure: int = DEFAULT_MEASURE
    problems: list[str] = field(default_factory=list)


def load_reading(path: Path | None = None) -> ReadingConfig:
    """The ``[reading]`` table of ``config.toml`` (``path`` for tests), each entry checked.

    A missing file gives the defaults. A file that does not parse gives the defaults too, without
    a problem of its own: :func:`load_keymap` reads the same file at start-up and already names it.
    """
    result = ReadingConfig(config_path() if path is None else path)
    data, _ = _read(result.path)
    if data is None:
        return result
    table = data.get("reading", {})
    if not isinstance(table, dict):
        result.problems.append(f"{result.path}: reading must be a table ([reading]); using the defaults")
        return result
    low, high = MEASURE_RANGE
    for key, value in table.items():
        if key != "measure":
            result.problems.append(f"{result.path}: [reading] {clean_line(key)!r}: no such setting "
                                   "(the one setting is measure); ignored")
        elif isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
            result.measure = value
        else:
            shown = clean_line(repr(value))[:40]
            result.problems.append(f"{result.path}: [reading] 'measure': {shown} is not a whole number of "
                                   f"cells from {low} to {high}, e.g. 80; the default {DEFAULT_MEASURE} stays")
    return result
