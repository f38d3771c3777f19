"""The correction dialog (``c`` at a quote): set or clear the speaker, or say it is not a quote."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Static

from reader.tui.excerpt import excerpt
from reader.tui.screens.dialog import Dialog

Answer = tuple[str, str | None]
"""``("speaker", NAME or None)`` or ``("not_a_quote", None)``."""


class SpeakerEditor(Dialog[Answer | None]):
    """Enter saves the speaker (empty: nobody), Ctrl+X marks not a quote, Escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+x", "not_a_quote", "Not a quote", priority=True, id="speaker_editor.not_a_quote"),
        Binding("escape", "cancel", "Cancel", id="speaker_editor.cancel"),
    ]
    DEFAULT_CSS = """
    SpeakerEditor > Vertical { width: 72; }
    SpeakerEditor #speaker-quote { color: $text-muted; text-style: italic; margin: 0 0 1 0; }
    """

    def __init__(self, quote: str, speaker: str | None) -> None:
        super().__init__()
        self.quote = quote
        self.speaker = speaker or ""

    def compose(self) -> ComposeResult:
        """Title, the quote (plain text), the name field and a hint."""
        with Vertical(id="speaker-box"):
            yield Static(Text("Who said this?"), id="speaker-title", classes="dialog-title")
            yield Static(Text(f"“{excerpt(self.quote)}”"), id="speaker-quote")
            yield Input(self.speaker, placeholder="the speaker's name (empty: nobody known)", id="speaker-name")
            yield Static(Text("Enter saves · empty clears the speaker · Ctrl+X: not a quote · Escape cancels"),
                         id="speaker-hint", classes="dialog-hint")

    def on_mount(self) -> None:
        """Type at once."""
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Save the name (empty: clear the speaker)."""
        name = " ".join(event.value.split())
        self.dismiss(("speaker", name or None))

    def action_not_a_quote(self) -> None:
        """The passage is not a quote."""
        self.dismiss(("not_a_quote", None))

    def action_cancel(self) -> None:
        """Close without a change."""
        self.dismiss(None)
