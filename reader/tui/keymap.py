"""Keys a user can remap: the ``[keymap]`` of ``config.toml`` checked against the app's bindings.

Every binding has an id ``SCREEN.ACTION`` (``app.quit``, ``reader.next_quote``, ``library.tag``);
``"app.quit" = "ctrl+x"`` in ``[keymap]`` replaces that binding's keys (Textual's keymap does the
rest: the key bar, ``?`` and the command palette all show the keys in force). An entry whose keys
are not keys, or whose id names no binding, is one line naming the file and the entry, and the
default key stays (see :mod:`reader.services.config` for reading the file).
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.app import App
from textual.binding import Binding
from textual.keys import Keys, key_to_character

from reader.sanitize import clean_line
from reader.services.config import KeymapConfig

MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})
_KEY_NAMES = frozenset(key.value for key in Keys)


def key_problem(keys: str) -> str | None:
    """Why ``keys`` (comma-separated, e.g. ``"ctrl+x,f2"``) is not a list of keys, or None."""
    for part in keys.split(","):
        key = part.strip()
        if not key:
            return f"{keys!r} has an empty key"
        *modifiers, name = key.split("+")
        bad = [m for m in modifiers if m not in MODIFIERS]
        if bad or not name:
            return f"{key!r} is not a key (modifiers are {', '.join(sorted(MODIFIERS))}, e.g. ctrl+x)"
        if len(name) == 1 and name.isprintable() and not name.isspace():
            continue
        if name in _KEY_NAMES or key_to_character(name) is not None:
            continue
        return f"{key!r} is not a key name Textual knows (e.g. a, R, ?, f2, pagedown, question_mark)"
    return None


def checked_keymap(config: KeymapConfig) -> tuple[dict[str, str], list[str]]:
    """The entries whose keys are real keys, and the problems of the file and of the other entries."""
    keymap: dict[str, str] = {}
    for binding_id, keys in config.keys.items():
        problem = key_problem(keys)
        if problem is None:
            keymap[binding_id] = keys
        else:
            config.problem(binding_id, problem)
    return keymap, list(config.problems)


def binding_ids() -> set[str]:
    """The id of every binding in the app: the classes of every module in ``reader.tui``.

    Imports every screen and widget, so the app calls it only when a keymap is set, after the
    first paint.
    """
    import importlib
    import pkgutil

    import reader.tui

    ids: set[str] = set()
    for module_info in pkgutil.walk_packages(reader.tui.__path__, "reader.tui."):
        module = importlib.import_module(module_info.name)
        for value in vars(module).values():
            if isinstance(value, type) and value.__module__ == module.__name__:
                ids.update(b.id for b in value.__dict__.get("BINDINGS", ()) if isinstance(b, Binding) and b.id)
    return ids


def unknown_ids(keymap: Mapping[str, str], path: object) -> list[str]:
    """One line for each keymap entry that names no binding."""
    known = binding_ids()
    return [f"{path}: [keymap] {clean_line(binding_id)!r}: no key has this id (ids look like app.quit or "
            f"reader.next_quote); ignored" for binding_id in keymap if binding_id not in known]


def keys_display(app: App[object], binding_id: str, default: str) -> str:
    """How the keys of ``binding_id`` are shown in a hint: ``default`` unless the user remapped them."""
    keymap: Mapping[str, str] = getattr(app, "user_keymap", None) or {}
    keys = keymap.get(binding_id)
    if not keys:
        return default
    return " or ".join(app.get_key_display(Binding(key.strip(), "")) for key in keys.split(","))
