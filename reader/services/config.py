"""The user's ``config.toml``, in the config folder (``$READER_CONFIG_DIR`` or the platform's, as for
themes). Today it holds one table, ``[keymap]``: binding id -> keys, e.g. ``"app.quit" = "ctrl+x"``.

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


def load_keymap(path: Path | None = None) -> KeymapConfig:
    """The ``[keymap]`` table of ``config.toml`` (``path`` for tests), checked for shape only.

    Whether an id names a real binding and the keys are real keys is for the UI to say
    (:mod:`reader.tui.keymap`), since only it knows its bindings and Textual's key names.
    """
    result = KeymapConfig(config_path() if path is None else path)
    try:
        with result.path.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        return result
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        detail = clean_line(str(exc)) if isinstance(exc, tomllib.TOMLDecodeError) else "the file is not UTF-8 text"
        result.problems.append(f"{result.path}: not valid TOML ({detail}); using the default keys")
        return result
    except OSError as exc:
        result.problems.append(f"{result.path}: cannot read it ({exc.strerror or exc}); using the default keys")
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
