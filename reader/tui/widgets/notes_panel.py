"""The notes panel: a sidebar listing the article's notes; Enter jumps, e edits, d deletes, t tags.

Rows are built from plain strings with :class:`rich.text.Text` (quotes and notes are user or
article text, never markup). The panel only shows and asks: it posts :class:`NotesPanel.Chosen`
and the reader screen does the store work.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reader.store import Note, Status
from reader.tui.excerpt import excerpt
from reader.tui.keymap import keys_display

QUOTE_CHARS = 90
NOTE_CHARS = 160
NOTE_LINES = 4
"""Lines of a note shown in the panel (the editor shows them all)."""
STATUS_LABEL = {Status.MOVED: "moved", Status.FUZZY: "fuzzy", Status.ORPHANED: "orphaned"}


def note_row(note: Note) -> Text:
    """One row: the quote excerpt, then the note, tags and (if not exact) the anchoring status."""
    row = Text.assemble(("“", "dim"), (excerpt(note.quote, QUOTE_CHARS), "italic"), ("”", "dim"))
    if note.note:  # the note's own lines stay lines (a list, an address), a few at most
        lines = [line for line in note.note.splitlines() if line.strip()]
        shown = lines[:NOTE_LINES]
        if len(lines) > NOTE_LINES:
            shown[-1] += " …"
        for line in shown:
            row.append("\n")
            row.append(excerpt(line, NOTE_CHARS))
    extras = [("#" + tag, "bold") for tag in note.tags]
    label = STATUS_LABEL.get(note.status)
    if label:
        extras.append((f"[{label}]", "bold red" if note.status is Status.ORPHANED else "yellow"))
    if extras:
        row.append("\n")
        for index, (part, style) in enumerate(extras):
            if index:
                row.append(" ")
            row.append(part, style=style)
    return row


class NoteList(OptionList):
    """The list of notes, with its keys declared for the footer and help."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "choose('jump')", "Go to note", key_display="Enter", id="notes.jump"),
        Binding("e", "choose('edit')", "Edit note", id="notes.edit"),
        Binding("d,delete", "choose('delete')", "Delete note", id="notes.delete"),
        Binding("t", "choose('tag')", "Tag note", id="notes.tag"),
    ]

    def action_cursor_down(self) -> None:
        """Down stops at the last note: wrapping to the first put the highlight (and a delete) on
        a note the reader was not looking at."""
        if self.highlighted is not None and self.highlighted >= self.option_count - 1:
            return
        super().action_cursor_down()

    def action_cursor_up(self) -> None:
        """Up stops at the first note (see :meth:`action_cursor_down`)."""
        if self.highlighted is not None and self.highlighted <= 0:
            return
        super().action_cursor_up()

    def action_choose(self, what: str) -> None:
        """Ask the screen to do ``what`` with the highlighted note."""
        panel = next((a for a in self.ancestors if isinstance(a, NotesPanel)), None)
        if panel is not None:
            panel.choose(what)


class NotesPanel(Vertical):
    """A sidebar with the article's notes in text order."""

    DEFAULT_CSS = """
    NotesPanel {
        dock: right; width: 40%; min-width: 28; max-width: 56; height: 1fr;
        border-left: vkey $foreground 30%; background: $surface; display: none;
    }
    NotesPanel.-open { display: block; }
    NotesPanel > #notes-title { padding: 0 1; text-style: bold; }
    NotesPanel > NoteList, NotesPanel > NoteList:focus { height: 1fr; border: none; background: $surface; }
    NotesPanel > #notes-empty { padding: 0 1; color: $text-muted; }
    """

    @dataclass
    class Chosen(Message):
        """The user asked to ``jump`` to, ``edit``, ``delete`` or ``tag`` ``note``."""

        panel: NotesPanel
        what: str
        note: Note

        @property
        def control(self) -> NotesPanel:
            """The panel that sent the message."""
            return self.panel

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.notes: list[Note] = []
        self._built = False

    def compose(self) -> ComposeResult:
        """Nothing yet: the title, list and empty-state line are mounted when the panel first opens.

        The panel starts hidden; mounting and styling its list would cost the first paint a few
        milliseconds for nothing.
        """
        return iter(())

    def open(self) -> None:
        """Show the panel (building it the first time) and focus the list."""
        self.add_class("-open")
        if not self._built:
            self._built = True
            add = keys_display(self.app, "reader.add_note", "a")
            self.mount(Static(Text("Notes"), id="notes-title"), NoteList(id="note-list"),
                       Static(Text(f"No notes yet: select a passage and press {add}."), id="notes-empty"))
            self.show_notes(self.notes)
        self.query_one(NoteList).focus()

    @property
    def is_open(self) -> bool:
        """True while the panel is shown."""
        return self.has_class("-open")

    def show_notes(self, notes: list[Note], keep: str | None = None) -> None:
        """Show ``notes``; keep the highlight on note id ``keep`` (or the same row) if possible."""
        self.notes = list(notes)
        if not self._built:  # drawn when the panel first opens
            return
        option_list = self.query_one(NoteList)
        old_index = option_list.highlighted
        option_list.clear_options()
        option_list.add_options([Option(note_row(note), id=note.id) for note in self.notes])
        self.query_one("#notes-title", Static).update(Text(f"Notes ({len(self.notes)})"))
        self.query_one("#notes-empty").display = not self.notes
        if self.notes:
            ids = [n.id for n in self.notes]
            index = ids.index(keep) if keep in ids else min(old_index or 0, len(ids) - 1)
            option_list.highlighted = index

    def highlighted_note(self) -> Note | None:
        """The note under the highlight."""
        if not self._built:
            return None
        index = self.query_one(NoteList).highlighted
        return self.notes[index] if index is not None and 0 <= index < len(self.notes) else None

    def choose(self, what: str) -> None:
        """Post :class:`Chosen` for the highlighted note."""
        note = self.highlighted_note()
        if note is not None:
            self.post_message(self.Chosen(self, what, note))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """A click (or Enter via the list's own handling) jumps to the note."""
        event.stop()
        self.choose("jump")
