"""Keys a user can remap: the ``[keymap]`` of ``config.toml`` checked against the app's bindings.

Every binding has an id ``SCREEN.ACTION`` (``app.quit``, ``reader.next_quote``, ``library.tag``);
``"app.quit" = "ctrl+x"`` in ``[keymap]`` replaces that binding's keys (Textual's keymap does the
rest: the key bar, ``?`` and the command palette all show the keys in force). An entry whose keys
are not keys, whose id names no binding, or whose key another binding of the same screen keeps
(Textual would let one of them win without a word) is one line naming the file and the entry, and
the default keys stay (see :mod:`reader.services.config` for reading the file).
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


def binding_classes() -> list[type]:
    """Every class in ``reader.tui`` that declares bindings (importing every screen and widget)."""
    import importlib
    import pkgutil

    import reader.tui

    found: list[type] = []
    for module_info in pkgutil.walk_packages(reader.tui.__path__, "reader.tui."):
        module = importlib.import_module(module_info.name)
        for value in vars(module).values():
            if isinstance(value, type) and value.__module__ == module.__name__ and "BINDINGS" in value.__dict__:
                found.append(value)
    return found


def _own_bindings(cls: type) -> list[Binding]:
    """The reader bindings a class has, its own and inherited (Textual's widgets' are not remappable)."""
    return [b for base in cls.__mro__ if base.__module__.startswith("reader.")
            for b in base.__dict__.get("BINDINGS", ()) if isinstance(b, Binding)]


def binding_ids() -> set[str]:
    """The id of every binding in the app."""
    return {b.id for cls in binding_classes() for b in _own_bindings(cls) if b.id}


def _keys(keys: str) -> list[str]:
    return [k.strip() for k in keys.split(",")]


def check_against_bindings(keymap: Mapping[str, str], path: object) -> tuple[dict[str, str], list[str]]:
    """The entries to keep, and one line for each dropped one: an id no binding has, or keys that
    another binding of the same screen or widget keeps (Textual would quietly let one win)."""
    classes = binding_classes()
    known = {b.id for cls in classes for b in _own_bindings(cls) if b.id}
    kept: dict[str, str] = {}
    problems: list[str] = []

    def bad(binding_id: str, message: str) -> None:
        problems.append(f"{path}: [keymap] {clean_line(binding_id)!r}: {message}")

    for binding_id, keys in keymap.items():
        if binding_id not in known:
            bad(binding_id, "no key has this id (ids look like app.quit or reader.next_quote); ignored")
            continue
        clash = _clash(binding_id, keys, keymap, classes)
        if clash is not None:
            key, other = clash
            bad(binding_id, f"{key!r} is already the key of {other.description} ({other.id}); "
                            "the default key stays")
            continue
        kept[binding_id] = keys
    return kept, problems


def _clash(binding_id: str, keys: str, keymap: Mapping[str, str], classes: list[type]) -> tuple[str, Binding] | None:
    """A key of ``keys`` that another binding next to ``binding_id`` still has after the keymap."""
    for cls in classes:
        bindings = _own_bindings(cls)
        if not any(b.id == binding_id for b in bindings):
            continue
        for other in bindings:
            if other.id == binding_id:
                continue
            other_keys = _keys(keymap[other.id]) if other.id in keymap else _keys(other.key)
            for key in _keys(keys):
                if any(same_key(k, key) or same_key(key, k) for k in other_keys):
                    return key, other
    return None


def keys_display(app: App[object], binding_id: str, default: str) -> str:
    """How the keys of ``binding_id`` are shown in a hint: ``default`` unless the user remapped them."""
    keymap: Mapping[str, str] = getattr(app, "user_keymap", None) or {}
    keys = keymap.get(binding_id)
    if not keys:
        return default
    return " or ".join(app.get_key_display(Binding(key.strip(), "")) for key in keys.split(","))


def same_key(bound: str, typed: str) -> bool:
    """Whether a binding's key (Textual's long name, e.g. ``question_mark``) is the key a user typed (``?``)."""
    return bound == typed or (len(typed) == 1 and key_to_character(bound) == typed)
