"""Every note of the library on one screen (``N`` in the library), filtered as you type.

The filter takes words (matched in the note, its passage and the article's title, case and
accents ignored) and ``#tag`` (only notes or articles with that tag). Enter opens the article
at the note. Rows are drawn only when visible (:class:`~reader.tui.widgets.virtual_list.VirtualList`),
so 10,000 notes open as fast as ten; all text is plain, never markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Input, Static

from reader.errors import ReaderError
from reader.sanitize import clean_line
from reader.services.fold import fold
from reader.tui.keymap import keys_display
from reader.tui.messages import OpenArticle
from reader.tui.widgets.chrome import KeyBar, TitleBar
from reader.tui.widgets.virtual_list import VirtualList

if TYPE_CHECKING:
    from reader.services.notes_index import NoteText
    from reader.store import ArticleRecord
    from reader.tui.library_service import LibraryService


@dataclass(slots=True)
class NoteRow:
    """A note with its article; the folded text the filter looks in is made on first use."""

    note: NoteText
    article: ArticleRecord
    _haystack: str | None = None
    _tags: frozenset[str] | None = None

    @property
    def haystack(self) -> str:
        """The note, its passage and the article's title, folded."""
        if self._haystack is None:
            self._haystack = fold(f"{self.note.note}\n{self.note.quote}\n{self.article.title}")
        return self._haystack

    @property
    def tags(self) -> frozenset[str]:
        """The note's and the article's tags, folded."""
        if self._tags is None:
            self._tags = frozenset(fold(t) for t in (*self.note.tags, *self.article.tags))
        return self._tags


def parse_filter(value: str) -> tuple[list[str], list[str]]:
    """Words and ``#tags`` of the filter, folded."""
    words, tags = [], []
    for part in value.split():
        if part.startswith("#") and len(part) > 1:
            tags.append(fold(part[1:]))
        elif part.strip("#"):
            words.append(fold(part))
    return words, tags


def matches(row: NoteRow, words: list[str], tags: list[str]) -> bool:
    """True when every word is in the note, passage or title, and every tag on the note or article."""
    return all(w in row.haystack for w in words) and all(t in row.tags for t in tags)


class NotesListScreen(Screen[None]):
    """Every note across the library (see the module docstring)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="notes_list.back"),
        Binding("slash", "filter", "Filter", tooltip="Filter the notes by words and #tags", id="notes_list.filter"),
    ]
    DEFAULT_CSS = """
    NotesListScreen #notes-filter { border: tall $accent; }
    NotesListScreen #notes-message { padding: 0 1; color: $text-muted; height: auto; }
    """

    def __init__(self, service: LibraryService, *, article: str | None = None) -> None:
        super().__init__()
        self.service = service
        self.article = article
        self.rows: list[NoteRow] = []
        self.shown: list[NoteRow] = []
        self.loaded = False

    def compose(self) -> ComposeResult:
        """Header, filter, the list, a message line and the footer."""
        yield TitleBar()
        yield Input(placeholder="filter: words, #tag", id="notes-filter")
        yield VirtualList(self._render_row, id="notes-list")
        yield Static("", id="notes-message", markup=False)
        yield KeyBar()

    @property
    def list(self) -> VirtualList:
        """The list of notes."""
        return self.query_one(VirtualList)

    def on_mount(self) -> None:
        """Load the notes in a worker."""
        self.title = "Notes"
        self.list.focus()
        self._load()

    @work(thread=True, exclusive=True, group="notes-list", exit_on_error=False)
    def _load(self) -> None:
        library = self.service.open()
        if library is None:
            self.app.call_from_thread(self._message, self.service.error or "the library is not available")
            return
        from reader.services.notes_index import article_note_texts, note_texts

        try:
            records = {r.id: r for r in library.articles()}
            notes = note_texts(library) + article_note_texts(library)
        except ReaderError as exc:
            self.app.call_from_thread(self._message, str(exc))
            return
        rows = [NoteRow(note, records[note.article]) for note in notes if note.article in records
                and (self.article is None or note.article == self.article)]
        rows.sort(key=lambda r: r.note.updated or r.note.created, reverse=True)
        self.app.call_from_thread(self._fill, rows)

    def _fill(self, rows: list[NoteRow]) -> None:
        if not self.is_attached:
            return
        self.rows = rows
        self._apply_filter(self.query_one("#notes-filter", Input).value)
        self.loaded = True

    def _message(self, text: str) -> None:
        self.query_one("#notes-message", Static).update(Text(text))

    def _apply_filter(self, value: str) -> None:
        words, tags = parse_filter(value)
        self.shown = [r for r in self.rows if matches(r, words, tags)] if (words or tags) else list(self.rows)
        self.list.set_count(len(self.shown))
        count = len(self.shown)
        self.sub_title = f"{count} note{'s' if count != 1 else ''}" + (f" · filter: {value.strip()}" if value.strip() else "")
        if not self.rows:
            note, highlight = keys_display(self.app, "reader.add_note", "a"), keys_display(self.app, "reader.highlight", "h")
            self._message(f"No notes yet. In an article, press {note} to write one, {highlight} to highlight.")
        elif not self.shown:
            self._message("No note matches.")
        else:
            self._message("")

    def _render_row(self, index: int, width: int) -> Text:
        row = self.shown[index]
        note = row.note
        title = clean_line(row.article.title)
        quote = clean_line(note.quote)
        body = clean_line(note.note)
        text = Text(no_wrap=True)
        text.append(f"{title[:28]:<28}  ", style="bold")
        if quote:
            text.append(f"\u201c{quote[:50]}\u201d", style="italic")
        else:
            text.append("(the whole article)", style="italic dim")
        if body:
            text.append(f"  {body}")
        if note.tags:
            text.append("  " + " ".join("#" + t for t in note.tags), style="dim")
        return text

    @on(Input.Changed, "#notes-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self._apply_filter(event.value)

    @on(Input.Submitted, "#notes-filter")
    def _filter_submitted(self) -> None:
        self.list.focus()

    def action_filter(self) -> None:
        """Focus the filter."""
        self.query_one("#notes-filter", Input).focus()

    def action_back(self) -> None:
        """Back to the library (Escape in the filter first returns to the list)."""
        if self.query_one("#notes-filter", Input).has_focus:
            self.list.focus()
            return
        self.dismiss()

    @on(VirtualList.Selected, "#notes-list")
    def _open(self, event: VirtualList.Selected) -> None:
        row = self.shown[event.index]
        self.post_message(OpenArticle(row.article.source, can_go_back=True, at=row.note.start))
