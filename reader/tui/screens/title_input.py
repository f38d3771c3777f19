"""The rename dialog: type an article's title; an empty title goes back to the article's own."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Static

from reader.sanitize import clean_line
from reader.tui.screens.dialog import Dialog


class TitleInput(Dialog[str | None]):
    """Returns the new title, ``""`` to go back to the article's own headline, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="title.cancel")]

    def __init__(self, current: str) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        """Heading, the title input and a hint."""
        with Vertical():
            yield Static(Text("Title of this article"), classes="dialog-title")
            yield Input(self.current, placeholder="the article's own headline", id="title")
            yield Static(Text("Enter saves · empty: the article's own headline · Escape cancels"),
                         classes="dialog-hint")

    @on(Input.Submitted, "#title")
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(clean_line(event.value).strip())

    def action_cancel(self) -> None:
        """Close without renaming."""
        self.dismiss(None)
