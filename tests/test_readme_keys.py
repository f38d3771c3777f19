"""The README's key table and list of binding ids are checked against the bindings in force.

Every key of every binding must be written in the table row of the screen it works on (a binding's
id, ``SCREEN.ACTION``, says which), every single key the table shows in backticks must be a key of a
binding of that row, and the list of ids people can remap in ``config.toml`` must be exactly the
ids the app has. So a key added, changed or removed in the code fails here until the README says so.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.keys import key_to_character

from reader.tui.keymap import _own_bindings, binding_classes, binding_ids

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
KEYS_SECTION = README.split("### Keys", 1)[1].split("\n### ", 1)[0]

ROW_OF_SCREEN = {
    "reader": ("reading", "who said what", "notes"),
    "sources": ("who said what",),
    "speaker_editor": ("who said what",),
    "entity_kind": ("who said what",),
    "notes": ("notes",),
    "note": ("notes",),
    "library": ("library",),
    "notes_list": ("notes, speakers screens",),
    "speakers": ("notes, speakers screens",),
    "quotes": ("notes, speakers screens",),
    "rows": ("notes, speakers screens",),
    "feeds": ("feeds (`F`)",),
    "add_feed": ("feeds (`F`)",),
    "app": ("reading", "library"),
    **dict.fromkeys(("confirm", "help", "error", "list", "picker", "open", "title", "tags", "rename_tag",
                     "folder_input"), ("dialogs, help, lists",)),
}
"""The table rows that document each screen's keys (a screen added later must be given its row)."""

NAMED = {
    "escape": "Esc", "enter": "Enter", "space": "space", "backspace": "Backspace", "delete": "Delete",
    "pagedown": "PgDn", "pageup": "PgUp", "home": "Home", "end": "End", "up": "arrows", "down": "arrows",
    "tab": "Tab", "left": "Left", "right": "Right",
}
"""How the README writes keys that have no character."""
CHARACTERS = {"slash": "/"}
"""Key names Textual gives a character that :func:`textual.keys.key_to_character` does not know."""


def table_rows() -> dict[str, str]:
    """The key table: the first column (where) -> the second (keys)."""
    rows: dict[str, str] = {}
    for line in KEYS_SECTION.splitlines():
        match = re.fullmatch(r"\| (.+?) \| (.+) \|", line)
        if match and match.group(1) not in ("where", "---"):
            rows[match.group(1)] = match.group(2)
    return rows


def written(key: str) -> str:
    """``key`` (a Textual key name) as the README writes it: `j`, `}`, Esc, Ctrl+S."""
    *modifiers, name = key.split("+")
    if modifiers:
        return "+".join(m.capitalize() for m in modifiers) + "+" + (name.upper() if len(name) == 1 else name)
    if name in NAMED:
        return NAMED[name]
    character = name if len(name) == 1 else CHARACTERS.get(name) or key_to_character(name)
    assert character is not None, f"no README form for the key {key!r}: add it to NAMED"
    return f"`{character}`"


def bindings() -> list[tuple[str, str, str]]:
    """``(id, key, description)`` for every key of every binding with an id."""
    found = {(b.id, key.strip(), b.description) for cls in binding_classes() for b in _own_bindings(cls)
             if b.id for key in b.key.split(",")}
    return sorted(found)


def test_every_binding_has_an_id() -> None:
    """:func:`bindings` (and so the whole check) sees only bindings with an id: one without would
    pass unchecked, and could not be remapped in config.toml either."""
    missing = [(cls.__name__, b.key, b.action) for cls in binding_classes() for b in _own_bindings(cls) if not b.id]
    assert not missing, f"bindings without an id (SCREEN.ACTION): {missing}"


def test_the_table_has_the_rows_the_check_expects() -> None:
    rows = table_rows()
    assert {row for names in ROW_OF_SCREEN.values() for row in names} <= set(rows)


@pytest.mark.parametrize(("binding_id", "key", "description"), bindings())
def test_every_key_in_force_is_in_the_readme(binding_id: str, key: str, description: str) -> None:
    rows = table_rows()
    screen = binding_id.split(".", 1)[0]
    assert screen in ROW_OF_SCREEN, f"{binding_id}: which row of the README's key table documents {screen!r}?"
    form = written(key)
    assert any(form in rows[name] for name in ROW_OF_SCREEN[screen]), (
        f"{binding_id} ({description}) is bound to {key!r}, written {form}, but the README's key table "
        f"row(s) {', '.join(ROW_OF_SCREEN[screen])} do not say so")


def test_every_key_the_table_names_is_a_key_in_force() -> None:
    rows = table_rows()
    keys_of_row: dict[str, set[str]] = {name: set() for name in rows}
    for binding_id, key, _ in bindings():
        for name in ROW_OF_SCREEN.get(binding_id.split(".", 1)[0], ()):
            keys_of_row[name].add(written(key))
    stale = {(name, token) for name, text in rows.items()
             for token in re.findall(r"`[^`]`", text) if token not in keys_of_row[name]}
    assert not stale, f"the README's key table names keys no binding of that screen has: {sorted(stale)}"


def test_the_remappable_ids_listed_are_exactly_the_bindings_ids() -> None:
    listed = set()  # lines such as "- `open.`, `title.` (dialogs): `cancel`": every screen has every action
    for head, tail in re.findall(r"^- (`[a-z_]+\.`.*?): (.+)$", KEYS_SECTION, flags=re.MULTILINE):
        listed |= {f"{prefix}.{name}" for prefix in re.findall(r"`([a-z_]+)\.`", head)
                   for name in re.findall(r"`([a-z_]+)`", tail)}
    actual = binding_ids()
    assert listed == actual, (f"README lists ids no binding has: {sorted(listed - actual)}; "
                              f"missing from the README: {sorted(actual - listed)}")
