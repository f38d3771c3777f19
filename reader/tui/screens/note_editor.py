"""The note editor: a modal with the passage quoted above a multi-line text area."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Static, TextArea

from reader.tui.excerpt import QUOTE_EXCERPT, excerpt
from reader.tui.keymap import keys_display
from reader.tui.screens.dialog import Dialog


class NoteEditor(Dialog[str | None]):
    """Write or edit a note; Ctrl+S saves (returns the text), Escape closes (returns None).

    Escape never throws typing away: what was typed is kept in ``drafts`` under ``key`` (the
    passage, or the note being edited), and the next editor opened with the same key starts from
    it. Saving clears the draft; emptying the text and pressing Escape drops it.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save note", priority=True, id="note.save"),
        Binding("escape", "cancel", "Cancel", id="note.cancel"),
    ]

    DEFAULT_CSS = """
    NoteEditor > #note-box { width: 72; max-height: 90%; }
    NoteEditor #note-quote { color: $text-muted; text-style: italic; margin: 0 0 1 0; }
    NoteEditor TextArea { height: 8; }
    """

    def __init__(self, quote: str, note: str = "", *, title: str = "New note",
                 drafts: dict[object, str] | None = None, key: object = None) -> None:
        super().__init__()
        self.quote = quote
        self.drafts = drafts if drafts is not None else {}
        self.key = key
        self.original = note
        self.resumed = key is not None and key in self.drafts
        self.initial = self.drafts[key] if self.resumed else note
        self.heading = title + (" (draft)" if self.resumed else "")

    def compose(self) -> ComposeResult:
        """Title, the quoted passage (as plain text), the editor and a hint."""
        with Vertical(id="note-box"):
            yield Static(Text(self.heading), id="note-title", classes="dialog-title")
            # The passage as it is in the article (its own quote marks, no added ones), cut at words.
            yield Static(Text(f"▎ {excerpt(self.quote)}"), id="note-quote")
            yield TextArea(self.initial, id="note-text", soft_wrap=True, show_line_numbers=False)
            save = keys_display(self.app, "note.save", "Ctrl+S")
            cancel = keys_display(self.app, "note.cancel", "Escape")
            yield Static(Text(f"{save} saves · {cancel} keeps a draft (a on the same passage resumes it)"),
                         id="note-hint", classes="dialog-hint")

    def on_mount(self) -> None:
        """Start typing at the end of the note."""
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_save(self) -> None:
        """Return the note's text (and forget its draft)."""
        self.drafts.pop(self.key, None)
        self.dismiss(self.query_one(TextArea).text)

    def action_cancel(self) -> None:
        """Close without saving, keeping what was typed as a draft (unless nothing changed)."""
        text = self.query_one(TextArea).text
        if self.key is not None and text.strip() and text != self.original:
            self.drafts[self.key] = text
            again = keys_display(self.app, "reader.add_note", "a")
            self.app.notify(f"Draft kept: press {again} on the same passage to go on.", markup=False)
        else:
            self.drafts.pop(self.key, None)
        self.dismiss(None)


__all__ = ["QUOTE_EXCERPT", "NoteEditor", "excerpt"]
