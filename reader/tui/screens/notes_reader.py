"""The reader screen with the library: resume position, select passages, notes, tags, refresh.

:class:`NotesReaderScreen` extends :class:`~reader.tui.screens.reader_screen.ReaderScreen`.
Once the article is whole (large markdown parses in the background), a worker adds it to the
library, marks it opened, reads its notes (re-anchored against the current text) and resumes
at the saved reading position. Every store call runs in a thread worker (a save may wait on
another process's lock); the reading position is saved when leaving the article and at most
every :data:`POSITION_SAVE_SECONDS` while reading.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.timer import Timer

from reader.document import Article, is_url
from reader.errors import ReaderError
from reader.store import ArticleRecord, Note, Status
from reader.tui.exporting import export_in_background
from reader.tui.keymap import keys_display
from reader.tui.library_service import RECOVERY_HINT, LibraryService, run_store_call
from reader.tui.screens.library_reading import READING_BINDINGS, LibraryReadingActions
from reader.tui.screens.reader_screen import ReaderScreen
from reader.tui.widgets.notes_panel import NotesPanel
from reader.tui.widgets.reading_pane import ReadingPane
from reader.tui.widgets.selection import SelectablePane, SentenceCursor

if TYPE_CHECKING:
    from reader.document import MarkdownParser
    from reader.store import Library

POSITION_SAVE_SECONDS = 5.0
NOTE_MARK = "✎"
SELECTION_STYLE = "reading-pane--selection"
NOTE_STYLE = "reading-pane--note"


class NotesReaderScreen(LibraryReadingActions, ReaderScreen):
    """Reads one article with the library: notes, tags, selection and (for web pages) refresh."""

    PANE_CLASS: ClassVar[type[ReadingPane]] = SelectablePane
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right_parenthesis", "sentence(1)", "Next sentence", key_display=")", show=False, id="reader.next_sentence"),
        Binding("left_parenthesis", "sentence(-1)", "Previous sentence", key_display="(", show=False, id="reader.previous_sentence"),
        Binding("v", "select", "Select", show=False,
                tooltip="Start or drop a selection at the sentence cursor", id="reader.select"),
        Binding("a", "add_note", "Note",
                tooltip="Add a note on the selection (or the sentence at the cursor)", id="reader.add_note"),
        Binding("t", "tag_article", "Tag", show=False,
                tooltip="Add or remove this article's tags", id="reader.tag"),
        Binding("T", "retitle", "Rename", show=False,
                tooltip="Give this article a title of your own", id="reader.retitle"),
        Binding("p", "toggle_notes", "Notes",
                tooltip="Show or hide the notes panel", id="reader.toggle_notes"),
        Binding("u", "undo_delete", "Undo delete", show=False,
                tooltip="Put back the last deleted note", id="reader.undo_delete"),
        Binding("R", "refresh_page", "Refresh from the web", show=False,
                tooltip="Fetch the web page again and re-anchor its notes", id="reader.refresh_page"),
        Binding("x", "export_notes", "Export notes", show=False,
                tooltip="Write this article's notes to a markdown file in the export folder", id="reader.export"),
        *READING_BINDINGS,
        Binding("m", "toggle_read", "Read/unread", show=False,
                tooltip="Mark this article read or unread", id="reader.toggle_read"),
    ]

    attach_delay: float = 0.1
    """Seconds after mounting before the library is opened and read (see ``start_delay``)."""

    def __init__(self, article: Article, parser: MarkdownParser | None = None, *, can_go_back: bool = False,
                 service: LibraryService | None = None) -> None:
        super().__init__(article, parser, can_go_back=can_go_back)
        self.service = service
        self.record: ArticleRecord | None = None
        self.notes: list[Note] = []
        self.known_tags: dict[str, int] = {}
        self.cursor = SentenceCursor()
        self._show_cursor = False
        self._saved_position: int | None = None
        self._position_timer: Timer | None = None
        self._deleted: list[Note] = []
        self.drafts: dict[object, str] = {}
        """Notes typed and closed with Escape: by passage ``(start, end)`` or by note id when editing."""
        self._last_top: int | None = None
        self.start_at: int | None = None
        """Where to open instead of the saved position (a search match, a note, a quote)."""

    def side_panels(self) -> ComposeResult:
        """The sources panel and the (hidden) notes panel: beside the text, so the footer and its
        Escape hint stay visible while the notes are open."""
        yield from super().side_panels()
        yield NotesPanel(id="notes-panel")

    @property
    def panel(self) -> NotesPanel:
        """The notes panel."""
        return self.query_one(NotesPanel)

    @property
    def library(self) -> Library | None:
        """The open library, if there is one."""
        return self.service.library if self.service is not None else None

    def on_mount(self) -> None:
        """Attach to the library now if the article is whole (else when parsing ends)."""
        self.watch(self.pane, "scroll_y", self._track_position)
        if self.article.complete:
            if self.attach_delay > 0:
                self.set_timer(self.attach_delay, lambda: self._attach_library(self.article))
            else:
                self._attach_library(self.article)

    def _track_position(self) -> None:
        """Remember the reading position (the pane is gone by the time the screen unmounts).

        Reaching the end of the article marks it read (once)."""
        self._last_top = self.reading_position()
        self._mark_read_at_end()

    def reading_position(self) -> int:
        """The position to save: the top line's offset, or the end of the text once the last line
        is on screen, so reading to the end (``G``) counts as 100% read, not the top line's 86%."""
        pane = self.pane
        if pane.progress >= 100 and pane.article.complete and pane.article.text:
            return len(pane.article.text)
        return pane.top_offset

    def _set_titles(self, article: Article) -> None:
        """The article's headline, or the title the user gave it (``T``, ``reader retitle``)."""
        super()._set_titles(article)
        record = getattr(self, "record", None)
        if record is not None and record.renamed:
            self.title = record.title

    def action_toggle_read(self) -> None:
        """Mark the article read, or unread again (reaching its end marks it read too)."""
        record = self.record
        if record is None:
            return
        self.record = replace(record, read=not record.read)
        state = "read" if self.record.read else "unread"
        self._store_call(lambda library: library.mark(record.id, state),
                         lambda _: self.notify(f"Marked {state}.", markup=False))

    def _mark_read_at_end(self) -> None:
        record = self.record
        pane = self.pane
        if record is None or record.read or not self.article.complete or pane.scroll_y < pane.max_scroll_y:
            return
        self.record = replace(record, read=True)
        self._store_call(lambda library: library.mark(record.id, "read"))

    def _grow(self, article: Article) -> None:
        super()._grow(article)
        if article.complete and self.is_attached and self.record is None:
            self._attach_library(article)

    # -- library: attach, position ----------------------------------------------------------

    @work(thread=True, exclusive=True, group="attach", exit_on_error=False)
    def _attach_library(self, article: Article) -> None:
        if self.service is None or article.source in ("", "-"):
            return
        library = self.service.open()
        if library is None:
            self.app.call_from_thread(self._library_broken)
            return
        try:
            with library.batch():
                record = library.add_article(article, store_text=is_url(article.source))
                record = library.mark_opened(record.id)
            notes = library.notes_for(record.id, article.text)
            tags = library.all_tags()
        except ReaderError as exc:
            self.app.call_from_thread(self._report, str(exc))
            return
        self.app.call_from_thread(self._attached, record, notes, tags)

    def _library_broken(self) -> None:
        message = self.service.error if self.service is not None else None
        self.notify(f"{message}\n{RECOVERY_HINT}", title="Library not available", severity="error",
                    timeout=30, markup=False)

    def _report(self, message: str, severity: str = "error") -> None:
        if self.is_attached:
            self.notify(message, severity=severity, markup=False)  # type: ignore[arg-type]

    def _attached(self, record: ArticleRecord, notes: list[Note], tags: dict[str, int]) -> None:
        if not self.is_attached:
            return
        self.record = record
        self.known_tags = tags
        self._set_titles(self.article)
        self._show_notes(notes)
        self._saved_position = record.position
        if self.start_at is not None:
            self._open_at(self.start_at)
            self.start_at = None
        elif record.position > 0 and self.pane.top_offset == 0:
            self._resume_at(record.position)
        if self._position_timer is not None:
            self._position_timer.stop()
        self._position_timer = self.set_interval(POSITION_SAVE_SECONDS, self._save_position_later)
        self.refresh_bindings()
        self.call_after_refresh(self._mark_read_at_end)  # an article that fits on the screen is read whole

    def _open_at(self, offset: int) -> None:
        """Show ``offset`` (a match, a note, a quote) with the sentence cursor on it."""
        offset = max(0, min(offset, len(self.pane.article.text)))
        self.pane.scroll_to_offset(offset)
        self.cursor.sync(self.pane.article)
        self.cursor.go_to(offset)
        self._show_cursor = True
        self._paint_selection()
        self._last_top = self.pane.top_offset

    def _resume_at(self, position: int) -> None:
        """Put the line holding ``position`` at the top, where the reader left it."""
        pane = self.pane
        pane.scroll_to_offset(position)
        for _ in range(pane.size.height):  # scroll_to_offset leaves it a third down the screen
            if pane.top_offset >= position:
                break
            before = pane.scroll_y
            pane.action_line_down()
            if pane.top_offset > position:
                pane.action_line_up()
                break
            if pane.scroll_y == before:  # the end of the article
                break
        self._last_top = self.reading_position()

    def _save_position_later(self) -> None:
        position = self._last_top = self.reading_position()
        if self.record is not None and position != self._saved_position:
            self._saved_position = position
            self._store_call(lambda lib: lib.set_position(self.record.id, position))  # type: ignore[union-attr]

    def save_position_now(self) -> None:
        """Save the reading position at once if it changed (when leaving the article)."""
        library, record = self.library, self.record
        position = self._last_top
        if library is None or record is None or position is None or position == self._saved_position:
            return
        self._saved_position = position
        try:
            library.set_position(record.id, position)
        except ReaderError as exc:
            self.app.notify(str(exc), severity="error", markup=False)

    def action_back(self) -> None:
        """Close the notes panel, drop the selection, clear a search, or go back (saving the position)."""
        if self.panel.is_open:  # wherever the focus is: Escape used to do nothing from the article
            self.panel.remove_class("-open")
            self.pane.focus()
            self.refresh_bindings()
        elif self.cursor.selecting:
            self.cursor.clear()
            self._paint_selection()
        else:
            if self._can_go_back and not self._search.query:
                self._last_top = self.reading_position()
                self.save_position_now()
            super().action_back()

    def on_unmount(self) -> None:
        """Leaving the article (or quitting): save where the reader got to."""
        if self._position_timer is not None:
            self._position_timer.stop()
        self.save_position_now()

    def palette_offers(self, action: str) -> bool:
        """The palette offers refresh only for web pages (``R`` on a file says why it does nothing)."""
        return action != "refresh_page" or (self.record is not None and is_url(self.record.source))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Back also clears a selection; refresh only for web pages; library actions need the library."""
        if action == "back":
            panel_open = bool(self.query("#notes-panel.-open"))
            return self.cursor.selecting or panel_open or super().check_action(action, parameters)
        if action in ("tag_article", "undo_delete", "toggle_read", "retitle"):
            return self.record is not None
        return super().check_action(action, parameters)

    # -- running store calls ----------------------------------------------------------------

    def _store_call(self, call: Callable[[Library], Any], done: Callable[[Any], None] | None = None) -> None:
        """Run ``call(library)`` off the UI thread; ``done(result)`` back on it."""
        run_store_call(self, self.library, call, done)

    def _need_record(self) -> ArticleRecord | None:
        if self.record is None:
            if self.service is not None and self.service.error:
                self._library_broken()
            elif self.article.source in ("", "-"):
                self.notify("Notes need a saved article: save standard input to a file and open that.",
                            severity="warning", markup=False)
            else:
                self.notify("The article is still being added to the library.", severity="warning", markup=False)
        return self.record

    # -- notes on screen --------------------------------------------------------------------

    def _show_notes(self, notes: list[Note], keep: str | None = None) -> None:
        self.notes = sorted(notes, key=lambda n: (n.start, n.end, n.created))
        shown = [n for n in self.notes if n.status is not Status.ORPHANED and n.end > n.start]
        self.pane.set_overlay("notes", [(n.start, n.end, f"reading-pane--mark-{n.color}" if n.color else NOTE_STYLE)
                                        for n in shown])
        article = self.pane.article
        per_block = Counter(max(0, article.block_at(n.start)) for n in shown)
        self.pane.set_gutter_marks({block: gutter_mark(count) for block, count in per_block.items()}, layer="notes")
        self.panel.show_notes(self.notes, keep=keep)

    def _replace_note(self, note: Note) -> None:
        others = [n for n in self.notes if n.id != note.id]
        self._show_notes([*others, note], keep=note.id)

    # -- search: the sentence cursor follows the match -----------------------------------------

    def _show_current_match(self) -> None:
        """Bring the match into view and put the sentence cursor on it (the status line and ``a`` use it)."""
        super()._show_current_match()
        match = self._search.current_match
        if match is None:
            return
        self.cursor.sync(self.pane.article)
        self.cursor.mouse = None
        self.cursor.go_to(match[0])
        self._show_cursor = True
        self._paint_selection()

    def _remember_place(self) -> tuple[object, ...]:
        return (*super()._remember_place(), self.cursor.index, self._show_cursor)

    def _return_to_place(self, place: tuple[object, ...]) -> None:
        super()._return_to_place(place)
        if len(place) < 4:
            return
        self.cursor.index, self._show_cursor = int(place[2]), bool(place[3])  # type: ignore[call-overload]
        self._paint_selection()

    # -- sentence cursor and selection ------------------------------------------------------

    def _paint_selection(self) -> None:
        passage = self.cursor.passage() if self._show_cursor or self.cursor.selecting else None
        if passage is None:
            self.pane.clear_overlay("selection")
        else:
            self.pane.set_overlay("selection", [(passage[0], passage[1], SELECTION_STYLE)])
        self._say_selection(passage)
        self.refresh_bindings()

    def _say_selection(self, passage: tuple[int, int] | None) -> None:
        """A selection is more than a colour: the status line says how much is selected."""
        if self.cursor.selecting and passage is not None:
            words = len(self.pane.article.text[passage[0]:passage[1]].split())
            self.analysis_status.show(Text.assemble(
                ("Selecting: ", "bold"), f"{words} word{'s' if words != 1 else ''}",
                (f"  {self._selection_keys()}", "dim")))
            self._said_selection = True
        elif getattr(self, "_said_selection", False):
            self._said_selection = False
            self.update_analysis_status()
            if self.analysis_index is None and not self.analysis_running:
                self.analysis_status.show(Text(""))

    def _selection_keys(self) -> str:
        """The selection hint with the keys in force (the user's, if remapped in config.toml)."""
        extend = f"{self._keys('reader.previous_sentence', '(')} {self._keys('reader.next_sentence', ')')}"
        note = self._keys("reader.add_note", "a")
        drop = f"{self._keys('reader.select', 'v')} or {self._keys('reader.back', 'Esc')}"
        return f"{extend} extend · {note} note · {drop} drop"

    def update_analysis_status(self, message: Text | None = None) -> None:
        """While a selection exists the status line names it, wherever the cursor goes: moving the
        cursor into another paragraph would otherwise describe that paragraph instead."""
        if message is None and self.cursor.selecting:
            self._say_selection(self.cursor.passage())
            return
        super().update_analysis_status(message)

    def _passage_to_mark(self) -> tuple[ArticleRecord, int, int] | None:
        """The article's record and the passage a new note or highlight goes on (the selection, or
        the sentence at the cursor, which is shown); None when there is none (and why, when the
        article has no record yet)."""
        record = self._need_record()
        if record is None:
            return None
        self._wake_cursor()
        passage = self.cursor.passage()
        return None if passage is None else (record, *passage)

    def _wake_cursor(self) -> bool:
        """Show the sentence cursor (True if it was hidden), in the reading cursor's block."""
        self.cursor.sync(self.pane.article)
        if self._show_cursor:
            return False
        self._show_cursor = True
        blocks = self.pane.article.blocks
        span = self.cursor.sentence()
        if blocks and span is not None:
            block = blocks[self.pane.cursor_block]
            if block.start <= span[0] < max(block.end, block.start + 1):
                return True  # still in the block the reader is on: carry on from there
        self.cursor.go_to(self.pane.cursor_offset)
        return True

    def action_sentence(self, step: int) -> None:
        """Move the sentence cursor (extending the selection if one was started)."""
        placed = self._wake_cursor()
        span = self.cursor.sentence() if placed else self.cursor.move(step)
        if span is not None:
            self.pane.scroll_to_offset(span[0])
        self._paint_selection()

    def action_select(self) -> None:
        """Start a selection at the cursor sentence; press again to drop it."""
        self._wake_cursor()
        if self.cursor.selecting:
            self.cursor.clear()
        else:
            self.cursor.start_selection()
        self._paint_selection()

    @on(ReadingPane.CursorMoved)
    def _sentence_follows_cursor(self, event: ReadingPane.CursorMoved) -> None:
        """Keep the sentence cursor inside the block the reading cursor moved to.

        Runs as well as :meth:`AnalysisScreen._analysis_follows_cursor` (Textual calls the
        handlers of every class), which is why the two have different names.
        """
        if not self._show_cursor:
            return
        self.cursor.sync(self.pane.article)
        blocks = self.pane.article.blocks
        block = blocks[event.block]
        span = self.cursor.sentence()
        if span is None or block.start <= span[0] < max(block.end, block.start + 1):
            return
        self.cursor.mouse = None
        self.cursor.go_to(block.start)
        self._paint_selection()

    @on(SelectablePane.Dragged)
    def _dragged(self, event: SelectablePane.Dragged) -> None:
        self.cursor.sync(self.pane.article)
        self._show_cursor = True
        self.cursor.anchor = None
        self.cursor.go_to(event.end)
        self.cursor.mouse = (event.start, event.end)
        self._paint_selection()

    # -- adding, editing, deleting notes ----------------------------------------------------

    def action_add_note(self) -> None:
        """Write a note on the selection, or on the sentence at the cursor."""
        target = self._passage_to_mark()
        if target is None:
            return
        record, start, end = target
        text = self.pane.article.text

        def save(written: str | None) -> None:
            if written is None:
                return
            # After the repaint that closes the editor, so the save does not share the GIL with it.
            self.call_after_refresh(self._store_call, lambda lib: lib.add_note(record.id, start, end, text,
                                                                               note=written), self._note_added)

        from reader.tui.screens.note_editor import NoteEditor  # dialogs load when first opened

        self.app.push_screen(NoteEditor(text[start:end], drafts=self.drafts, key=(start, end)), save)

    def _note_added(self, note: Note) -> None:
        self.cursor.clear()
        self._show_cursor = False  # let the new note's mark show; ( or ) brings the cursor back
        self._paint_selection()
        self._show_notes([*self.notes, note], keep=note.id)
        self.notify("Note saved.", markup=False)

    @on(NotesPanel.Chosen)
    def _chosen(self, event: NotesPanel.Chosen) -> None:
        note = event.note
        if event.what == "jump":
            self._jump_to(note)
        elif event.what == "edit":
            self._edit(note)
        elif event.what == "delete":
            self._store_call(lambda lib: lib.delete_note(note.id), self._note_deleted)
        elif event.what == "tag":
            self._tag_note(note)

    def _jump_to(self, note: Note) -> None:
        if note.status is Status.ORPHANED:
            self.notify("This note's passage is no longer in the article.", severity="warning", markup=False)
            return
        self.pane.scroll_to_offset(note.start)
        self.cursor.sync(self.pane.article)
        self.cursor.go_to(note.start)
        self.pane.focus()

    def _edit(self, note: Note) -> None:
        def save(written: str | None) -> None:
            if written is not None:
                self._store_call(lambda lib: lib.update_note(note.id, note=written),
                                 lambda saved: self._replace_note(_keep_anchor(saved, note)))

        from reader.tui.screens.note_editor import NoteEditor

        self.app.push_screen(NoteEditor(note.quote, note.note, title="Edit note", drafts=self.drafts, key=note.id),
                             save)

    def _note_deleted(self, note: Note) -> None:
        self._deleted.append(note)
        self._show_notes([n for n in self.notes if n.id != note.id])
        self.notify(f"Note deleted. Press {keys_display(self.app, 'reader.undo_delete', 'u')} to undo.", markup=False)

    def action_undo_delete(self) -> None:
        """Put back the last deleted note."""
        if not self._deleted:
            self.notify("No deleted note to put back.", severity="warning", markup=False)
            return
        note = self._deleted.pop()
        self._store_call(lambda lib: lib.restore_note(note), self._note_restored)

    def _note_restored(self, note: Note) -> None:
        self._show_notes([*self.notes, note], keep=note.id)
        self.notify("Note restored.", markup=False)

    def action_export_notes(self) -> None:
        """Export this article's notes to markdown and say where the file went."""
        export_in_background(self, self.library, [self.record.id] if self.record is not None else [])

    def action_toggle_notes(self) -> None:
        """Show the notes panel and focus it; hide it if it has the focus already."""
        panel = self.panel
        if panel.is_open and panel.has_focus_within:
            panel.remove_class("-open")
            self.pane.focus()
        else:
            panel.open()
        self.refresh_bindings()

    # -- tags --------------------------------------------------------------------------------

    def action_tag_article(self) -> None:
        """Edit this article's tags (with completion from the library's tags)."""
        record = self._need_record()
        if record is None:
            return

        def save(tags: tuple[str, ...] | None) -> None:
            if tags is None:
                return

            def change(lib: Library) -> tuple[ArticleRecord, dict[str, int]]:
                return lib.retag_article(record.id, tags, seen=record.tags), lib.all_tags()

            self._store_call(change, self._article_tagged)

        from reader.tui.screens.tag_input import TagInput

        self.app.push_screen(TagInput(f"Tags of “{record.title}”", record.tags, self.known_tags), save)

    def action_retitle(self) -> None:
        """Give the article a title of your own (empty: back to its own headline)."""
        record = self._need_record()
        if record is None:
            return

        def save(title: str | None) -> None:
            if title is None:
                return

            def change(lib: Library) -> ArticleRecord:
                if title:
                    return lib.retitle_article(record.id, title)
                lib.retitle_article(record.id, None)
                return lib.add_article(self.article, store_text=record.has_text)

            self._store_call(change, self._retitled)

        from reader.tui.screens.title_input import TitleInput

        self.app.push_screen(TitleInput(record.title if record.renamed else ""), save)

    def _retitled(self, record: ArticleRecord) -> None:
        self.record = record
        self._set_titles(self.article)
        self.notify(f"Title: {record.title}", markup=False)

    def _article_tagged(self, result: tuple[ArticleRecord, dict[str, int]]) -> None:
        self.record, self.known_tags = result
        shown = ", ".join(self.record.tags) or "none"
        self.notify(f"Tags: {shown}", markup=False)

    def _tag_note(self, note: Note) -> None:
        def save(tags: tuple[str, ...] | None) -> None:
            if tags is None:
                return

            def change(lib: Library) -> tuple[Note, dict[str, int]]:
                return lib.update_note(note.id, tags=tags), lib.all_tags()

            self._store_call(change, self._note_tagged)

        from reader.tui.screens.tag_input import TagInput

        self.app.push_screen(TagInput("Tags of the note", note.tags, self.known_tags), save)

    def _note_tagged(self, result: tuple[Note, dict[str, int]]) -> None:
        saved, self.known_tags = result
        current = next((n for n in self.notes if n.id == saved.id), saved)
        self._replace_note(_keep_anchor(saved, current))

    # -- refreshing a web page ---------------------------------------------------------------

    def action_refresh_page(self) -> None:
        """Fetch the page again, keep its new text, and re-anchor the notes."""
        record = self._need_record()
        if record is None:
            return
        if not is_url(record.source):  # used to do nothing and say nothing
            self.notify("R fetches a web page again; this article is a file, read from disk each time it "
                        "is opened (open it again to see changes).", severity="warning", markup=False)
            return
        self.notify("Fetching the page again…", markup=False)
        self._refresh(record)

    @work(thread=True, exclusive=True, group="refresh", exit_on_error=False)
    def _refresh(self, record: ArticleRecord) -> None:
        from reader.document.fetch import fetch_article

        library = self.library
        if library is None:
            return
        try:
            article = fetch_article(record.source)
            before = {note.id: (note.start, note.end) for note in library.notes_for(record.id)}
            library.add_article(article, store_text=True)  # re-anchors and saves the notes once
            notes = library.notes_for(record.id)
            moved = sum(1 for note in notes
                        if note.status is not Status.ORPHANED and before.get(note.id) != (note.start, note.end))
            orphaned = sum(1 for note in notes if note.status is Status.ORPHANED)
            record = library.article(record.id)
        except ReaderError as exc:
            self.app.call_from_thread(self._report, str(exc))
            return
        self.app.call_from_thread(self._refreshed, article, record, notes, moved, orphaned)

    def _refreshed(self, article: Article, record: ArticleRecord, notes: list[Note], moved: int,
                   orphaned: int) -> None:
        if not self.is_attached:
            return
        self.article = article
        self.record = record
        self.pane.set_article(article)
        self._set_titles(article)
        self.cursor = SentenceCursor()
        self._show_cursor = False
        self._show_notes(notes)
        self.start_analysis(article)  # the old analysis and search described the old text
        if self._search.query:
            self._search.update(article.text, self._search.query, 0)
            self._paint_search()
        self.notify(f"Refreshed: {moved} note{'s' if moved != 1 else ''} moved, {orphaned} orphaned.",
                    markup=False)


def gutter_mark(count: int) -> str:
    """The gutter mark of a block with ``count`` notes starting in it (two cells at most)."""
    if count <= 1:
        return NOTE_MARK
    return NOTE_MARK + (str(count) if count < 10 else "+")


def _keep_anchor(saved: Note, current: Note) -> Note:
    """A saved note with the offsets and status it has in the text on screen."""
    return replace(saved, start=current.start, end=current.end, status=current.status)
