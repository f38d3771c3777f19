"""The open dialog (``o``): type a file, a folder or a URL; Right accepts the path completion."""

from __future__ import annotations

import os
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.suggester import Suggester
from textual.widgets import Input, Static

from reader.document.loader import ARTICLE_SUFFIXES, is_url
from reader.tui.screens.dialog import Dialog


def complete_path(value: str) -> str | None:
    """``value`` completed to the first matching folder (with a ``/``) or article file, or None.

    Folders and article files only (what the reader can open), hidden ones only when a dot was typed.
    """
    if not value or is_url(value) or value.lower().startswith(("http:", "https:")):
        return None
    folder, _, stem = value.rpartition(os.sep)
    base = os.path.expanduser(folder or ("." if not value.startswith(os.sep) else os.sep)) or os.sep
    try:
        names = sorted(os.listdir(base))
    except OSError:
        return None
    for name in names:
        if not name.startswith(stem) or name == stem or (name.startswith(".") and not stem.startswith(".")):
            continue
        full = os.path.join(base, name)
        if os.path.isdir(full):
            return f"{folder}{os.sep if folder or value.startswith(os.sep) else ''}{name}{os.sep}"
        if os.path.splitext(name)[1].lower() in ARTICLE_SUFFIXES:
            return f"{folder}{os.sep if folder or value.startswith(os.sep) else ''}{name}"
    return None


class PathSuggester(Suggester):
    """Suggests the rest of a path as it is typed (see :func:`complete_path`)."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        """The completed path, or None."""
        return complete_path(value)


class OpenDialog(Dialog[str | None]):
    """Returns what was typed (a path or URL), or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="open.cancel")]

    def compose(self) -> ComposeResult:
        """Heading, the input with path completion, and a hint."""
        with Vertical():
            yield Static(Text("Open an article"), classes="dialog-title")
            yield Input(placeholder="a file, a folder or https://…", suggester=PathSuggester(), id="open-path")
            yield Static(Text("Right accepts the completion · Enter opens · Escape cancels"), classes="dialog-hint")

    @on(Input.Submitted, "#open-path")
    def _submitted(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        if value:
            self.dismiss(value)

    def action_cancel(self) -> None:
        """Close without opening anything."""
        self.dismiss(None)
