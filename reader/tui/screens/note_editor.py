"""The note editor: a modal with the passage quoted above a multi-line text area."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from reader.tui.excerpt import QUOTE_EXCERPT, excerpt


class NoteEditor(ModalScreen[str | None]):
    """Write or edit a note; Ctrl+S saves (returns the text), Escape cancels (returns None)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save note", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]

    DEFAULT_CSS = """
    NoteEditor { align: center middle; }
    NoteEditor > #note-box {
        width: 72; max-width: 95%; height: auto; max-height: 90%;
        padding: 0 1; background: $panel; border: round $accent;
    }
    NoteEditor #note-title { text-style: bold; }
    NoteEditor #note-quote { color: $text-muted; text-style: italic; margin: 0 0 1 0; }
    NoteEditor TextArea { height: 8; }
    NoteEditor #note-hint { color: $text-muted; }
    """

    def __init__(self, quote: str, note: str = "", *, title: str = "New note") -> None:
        super().__init__()
        self.quote = quote
        self.initial = note
        self.heading = title

    def compose(self) -> ComposeResult:
        """Title, the quoted passage (as plain text), the editor and a hint."""
        with Vertical(id="note-box"):
            yield Static(Text(self.heading), id="note-title")
            yield Static(Text(f"“{excerpt(self.quote)}”"), id="note-quote")
            yield TextArea(self.initial, id="note-text", soft_wrap=True, show_line_numbers=False)
            yield Static(Text("Ctrl+S saves · Escape cancels"), id="note-hint")

    def on_mount(self) -> None:
        """Start typing at the end of the note."""
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_save(self) -> None:
        """Return the note's text."""
        self.dismiss(self.query_one(TextArea).text)

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)


__all__ = ["QUOTE_EXCERPT", "NoteEditor", "excerpt"]
