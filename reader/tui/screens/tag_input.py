"""Typing tags with completion from the library's tags; also the rename/merge and confirm dialogs.

Tags are typed comma-separated; the suggester completes the tag being typed (the text after
the last comma) from the known tags, and Right or End accepts the suggestion (Textual's
``Input`` behaviour). Every name is normalised with :func:`reader.store.normalize_tag` before
it is returned, so a bad tag is reported in the dialog, never saved.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.suggester import Suggester
from textual.widgets import Input, Static

from reader.errors import ReaderError
from reader.store.tags import normalize_tag
from reader.tui.keymap import keys_display
from reader.tui.screens.dialog import Dialog


class TagSuggester(Suggester):
    """Completes the last comma-separated tag from ``tags`` (case-insensitive prefix match)."""

    def __init__(self, tags: Iterable[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.tags = sorted(set(tags))

    async def get_suggestion(self, value: str) -> str | None:
        """The whole value with its last tag completed, or None."""
        head, comma, last = value.rpartition(",")
        typed = last.lstrip()
        if not typed:
            return None
        lead = last[: len(last) - len(typed)]
        needle = typed.lstrip("#").lower()
        for tag in self.tags:
            if tag.startswith(needle) and tag != needle:
                return f"{head}{comma}{lead}{typed}{tag[len(needle):]}"  # keeps what was typed
        return None


def parse_tags(value: str) -> tuple[str, ...]:
    """Comma-separated tags, normalised, duplicates dropped; raises ReaderError for a bad one."""
    seen: dict[str, None] = {}
    for part in value.split(","):
        if part.strip():
            seen.setdefault(normalize_tag(part), None)
    return tuple(seen)


def stored_preview(value: str) -> Text:
    """``Saved as: #a #b`` for what is typed, or the reason a tag cannot be saved."""
    try:
        tags = parse_tags(value)
    except ReaderError as exc:
        return Text(str(exc), style="bold")
    if not tags:
        return Text("Saved as: no tags")
    return Text.assemble("Saved as: ", (" ".join("#" + tag for tag in tags), "bold"))


class TagInput(Dialog[tuple[str, ...] | None]):
    """Edit a set of tags: returns the tags typed (maybe none), or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="tags.cancel")]

    def __init__(self, title: str, current: Iterable[str], known: Iterable[str], *,
                 hint: str = "Comma-separated · Right accepts a suggestion · Enter saves") -> None:
        super().__init__()
        self.heading = title
        self.current = tuple(current)
        self.known = tuple(known)
        self.hint = hint

    def compose(self) -> ComposeResult:
        """Title, the input with completion, a hint and an error line."""
        with Vertical():
            yield Static(Text(self.heading), classes="dialog-title")
            value = ", ".join(self.current) + (", " if self.current else "")
            yield Input(value, placeholder="tag, another-tag", suggester=TagSuggester(self.known), id="tags")
            yield Static(Text(self.hint), classes="dialog-hint")
            yield Static(stored_preview(value), classes="dialog-hint", id="tags-preview", markup=False)
            yield Static("", classes="dialog-error", id="tags-error", markup=False)

    @on(Input.Changed, "#tags")
    def _changed(self, event: Input.Changed) -> None:
        """Show the tags as they will be stored while they are typed: "WikiLeaks emails" is saved as
        ``wikileaks-emails``, and that used to happen silently."""
        self.query_one("#tags-preview", Static).update(stored_preview(event.value))
        self.query_one("#tags-error", Static).update("")

    @on(Input.Submitted, "#tags")
    def _submitted(self, event: Input.Submitted) -> None:
        try:
            tags = parse_tags(event.value)
        except ReaderError as exc:
            self.query_one("#tags-error", Static).update(Text(str(exc)))
            return
        self.dismiss(tags)

    def action_cancel(self) -> None:
        """Close without changing anything."""
        self.dismiss(None)


class RenameTag(Dialog[tuple[str, str] | None]):
    """Rename a tag, or merge it into an existing one: returns ``(old, new)`` or None."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="rename_tag.cancel")]

    def __init__(self, known: Iterable[str]) -> None:
        super().__init__()
        self.known = tuple(known)

    def compose(self) -> ComposeResult:
        """Two inputs with completion: the tag to rename, and its new name (an existing tag merges)."""
        with Vertical():
            yield Static(Text("Rename or merge a tag across the library"), classes="dialog-title")
            yield Input(placeholder="tag to rename", suggester=TagSuggester(self.known), id="old-tag")
            yield Input(placeholder="new name (an existing tag merges)", suggester=TagSuggester(self.known),
                        id="new-tag")
            cancel = keys_display(self.app, "rename_tag.cancel", "Escape")
            yield Static(Text(f"Enter moves on, then renames · {cancel} cancels"), classes="dialog-hint")
            yield Static("", classes="dialog-error", id="rename-error", markup=False)

    @on(Input.Submitted, "#old-tag")
    def _old_submitted(self) -> None:
        self.query_one("#new-tag", Input).focus()

    @on(Input.Submitted, "#new-tag")
    def _new_submitted(self) -> None:
        error = self.query_one("#rename-error", Static)
        try:
            old = normalize_tag(self.query_one("#old-tag", Input).value)
            new = normalize_tag(self.query_one("#new-tag", Input).value)
        except ReaderError as exc:
            error.update(Text(str(exc)))
            return
        if old not in self.known:
            error.update(Text(f"no tag {old!r} in the library"))
            return
        self.dismiss((old, new))

    def action_cancel(self) -> None:
        """Close without renaming."""
        self.dismiss(None)


class Confirm(Dialog[bool]):
    """A yes/no question; y or Enter says yes, n or Escape says no."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,enter", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        """The question (plain text) and the keys."""
        with Vertical():
            yield Static(Text(self.question), classes="dialog-title")
            yes = keys_display(self.app, "confirm.yes", "y")
            no = keys_display(self.app, "confirm.no", "n or Escape")
            yield Static(Text(f"{yes}: yes · {no}: no"), classes="dialog-hint")

    def action_answer(self, yes: bool) -> None:
        """Close with the answer."""
        self.dismiss(yes)
