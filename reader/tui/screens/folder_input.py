"""Choosing the export folder in the app (the same ``export_dir`` setting as
``reader config export_dir PATH``)."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Static

from reader.tui.screens.dialog import Dialog


class FolderInput(Dialog[str | None]):
    """Type a folder; Enter returns it made absolute ("" for the default), Escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="folder_input.cancel")]

    def __init__(self, current: str) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        """Title, the folder field and a hint."""
        with Vertical():
            yield Static(Text("Export notes to the folder"), classes="dialog-title")
            yield Input(self.current, placeholder="a folder (empty: Documents/reader-notes)", id="folder")
            yield Static(Text("Enter saves · empty goes back to the default · Escape cancels"), classes="dialog-hint")

    def on_mount(self) -> None:
        """Type at once."""
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """The folder, absolute, or "" for the default."""
        value = event.value.strip()
        self.dismiss(str(Path(value).expanduser().absolute()) if value else "")

    def action_cancel(self) -> None:
        """Close without a change."""
        self.dismiss(None)
