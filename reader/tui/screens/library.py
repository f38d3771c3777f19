"""The library screen: every article in the library, with tags, notes, progress and last opened.

Shown when ``reader`` starts without arguments. Rows are loaded in a thread worker (the store
may wait on another process's lock) and built from plain strings with :class:`rich.text.Text`.
Keys: Enter opens, ``s`` cycles the sort, ``/`` searches titles and sources, ``f`` filters
by a tag, ``t`` tags the article, ``r`` renames or merges a tag, ``d`` deletes (after asking)
and ``u`` undoes the last delete. ``m`` marks the article read or unread (unread titles carry
a ``●``), ``A`` archives it (or brings it back), ``v`` cycles the view (the inbox without the
archive, unread only, the archive) and ``F`` opens the feeds view
(:mod:`reader.tui.screens.feeds`). A broken library file is named on screen, never touched.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import urlsplit

from rich.cells import cell_len
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Input, Static
from textual.worker import get_current_worker

from reader.errors import ReaderError
from reader.sanitize import clean_line
from reader.store import ArticleRecord
from reader.tui.exporting import export_in_background
from reader.tui.keymap import keys_display
from reader.tui.library_service import LibraryService, run_store_call
from reader.tui.messages import OpenArticle
from reader.tui.screens.picker import display_name
from reader.tui.screens.tag_input import Confirm, RenameTag, TagInput
from reader.tui.widgets.chrome import KeyBar, TitleBar

if TYPE_CHECKING:
    from reader.store import Library, RemovedArticle

SORT_LABELS = {"added": "newest", "opened": "last opened", "title": "title", "source": "source",
               "progress": "least read", "unread": "unread first"}
VIEWS = ("inbox", "unread", "archive")
"""What the list shows: everything not archived, only unread (not archived), only the archive."""
VIEW_FILTERS: dict[str, dict[str, bool]] = {"inbox": {"archived": False},
                                            "unread": {"archived": False, "unread": True},
                                            "archive": {"archived": True}}
UNREAD_MARK = "● "
EMPTY_LIBRARY = ("The library is empty. Press o to open an article (a file, a folder or a URL), or start "
                 "with: reader PATH. Every article you open is added here.")
COLUMNS = ("Title", "Source", "Tags", "Notes", "Read", "Opened")
FIXED_CELLS = 5 + 4 + 10 + 2 * len(("Title", "Source", "Tags", "Notes", "Read", "Opened")) + 2
"""Notes, Read and Opened columns plus each column's padding and the unread mark; the rest is shared out."""
SHARES = (0.5, 0.28, 0.22)
"""How the remaining width is split between title, source and tags."""
INDEX_DELAY = 1.0
"""Seconds after the library is shown before articles not analysed yet are analysed (every core)."""
POLL_SECONDS = 3.0
"""How often the library screen checks whether another reader changed the file (a stat)."""


def source_label(source: str) -> str:
    """A short form of the source: the file name, or a URL's host and path."""
    if "://" in source:
        parts = urlsplit(source)
        return clean_line(f"{parts.netloc}{parts.path}".rstrip("/") or source)
    return display_name(source)


def opened_label(stamp: str | None) -> str:
    """The date an article was last opened (``YYYY-MM-DD``, UTC), or "never"."""
    return stamp[:10] if stamp else "never"


def shorten(text: str, cells: int) -> str:
    """``text`` cut to ``cells`` characters with an ellipsis (titles and names are mostly narrow)."""
    return text if len(text) <= cells else text[: max(0, cells - 1)] + "…"


def column_widths(total: int) -> tuple[int, int, int]:
    """Widths of the title, source and tags columns for a table ``total`` cells wide."""
    spare = max(30, total - FIXED_CELLS - 1)
    title, source, _ = (max(6, int(spare * share)) for share in SHARES)
    return title, source, max(6, spare - title - source)


def row_cells(record: ArticleRecord, notes: int, widths: tuple[int, int, int] = (48, 28, 22)) -> tuple[Text, ...]:
    """The table cells for one article (plain text, never markup), cut to ``widths``."""
    title_cells, source_cells, tag_cells = widths
    title = Text(UNREAD_MARK if not record.read else "  ", style="bold")  # not colour alone: a mark
    title.append(shorten(record.title, title_cells), style="bold" if not record.read else "")
    return (
        title,
        Text(shorten(source_label(record.source), source_cells), style="dim"),
        Text(shorten(" ".join("#" + tag for tag in record.tags), tag_cells)),
        Text(str(notes) if notes else "", justify="right"),
        Text(f"{round(record.progress * 100)}%", justify="right"),
        Text(opened_label(record.last_opened)),
    )


def delete_question(title: str, notes: int, article_note: bool = False, corrections: int = 0) -> str:
    """The delete prompt: names what goes with the article (notes and highlights, its article
    note, corrections) only when there is some."""
    parts = []
    if notes:
        parts.append("its note" if notes == 1 else f"its {notes} notes")
    if article_note:
        parts.append("its article note")
    if corrections:
        parts.append("your correction" if corrections == 1 else f"your {corrections} corrections")
    if not parts:
        return f"Remove “{title}” from the library? It has no notes."
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"Remove “{title}” and {listed} from the library?"


class ArticleTable(DataTable[Text]):
    """The table of articles; Enter is described for the footer and help."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Open", key_display="Enter", id="library.open"),
        Binding("home,g", "scroll_top", "First article", show=False, id="library.first"),
        Binding("end,G", "scroll_bottom", "Last article", show=False, id="library.last"),
    ]


class LibrarySearch(Input):
    """The search field (hidden until ``/``)."""

    DEFAULT_CSS = """
    LibrarySearch { dock: bottom; display: none; margin-bottom: 1; border: tall $accent; }
    LibrarySearch.-active { display: block; }
    """


class LibraryScreen(Screen[None]):
    """Every article in the library (see the module docstring for the keys)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "cycle_sort", "Sort",
                tooltip="Sort by the next key (newest, last opened, title, source, least read)", id="library.sort"),
        Binding("slash", "search", "Search",
                tooltip="Search the text, titles, notes and tags of every article", id="library.search"),
        Binding("f", "filter_tag", "Filter",
                tooltip="Show only articles with a tag", id="library.filter"),
        Binding("t", "tag_article", "Tag", show=False,
                tooltip="Add or remove the article's tags", id="library.tag"),
        Binding("T", "retitle", "Rename", show=False,
                tooltip="Give the article a title of your own", id="library.retitle"),
        Binding("r", "rename_tag", "Rename tag", show=False,
                tooltip="Rename a tag across the library, or merge it into another", id="library.rename_tag"),
        Binding("d,delete", "delete", "Delete",
                tooltip="Remove the article and its notes (asks first)", id="library.delete"),
        Binding("u", "undo_delete", "Undo delete", show=False,
                tooltip="Put back the last removed article", id="library.undo_delete"),
        Binding("x", "export_notes", "Export notes", show=False,
                tooltip="Write the article's notes to a markdown file in the export folder", id="library.export"),
        Binding("N", "all_notes", "All notes", tooltip="Every note across the library", id="library.all_notes"),
        Binding("S", "speakers", "Speakers", tooltip="Who is quoted across the library, with their quotes",
                id="library.speakers"),
        Binding("X", "export_folder", "Export folder", show=False, tooltip="Choose the folder notes are exported to",
                id="library.export_folder"),
        Binding("escape", "clear_filters", "Clear filters", show=False, id="library.clear_filters"),
        Binding("m", "toggle_read", "Read/unread", show=False,
                tooltip="Mark the article read or unread", id="library.toggle_read"),
        Binding("A", "toggle_archive", "Archive",
                tooltip="Archive the article (hidden from the list) or bring it back", id="library.archive"),
        Binding("v", "cycle_view", "View", show=False,
                tooltip="Show the inbox, only unread articles, or the archive", id="library.view"),
        Binding("F", "feeds", "Feeds",
                tooltip="The feeds followed: refresh them, add or remove one", id="library.feeds"),
    ]

    DEFAULT_CSS = """
    LibraryScreen #library-table { height: 1fr; border: none; }
    LibraryScreen #library-message { padding: 1 2; color: $text-muted; }
    LibraryScreen #library-message.-error { color: $text-error; }
    """

    index_delay: float | None = INDEX_DELAY
    """When to analyse what is not cached yet, in the background (None: never; tests). Above 0."""

    def __init__(self, service: LibraryService) -> None:
        super().__init__()
        self._indexing = ""
        self._index_started = False
        self.service = service
        self.sort = "added"
        self.tag: str | None = None
        self.query_text = ""
        self.view = "inbox"
        self.feed: str | None = None
        self.records: list[ArticleRecord] = []
        self.counts: dict[str, int] = {}
        self.known_tags: dict[str, int] = {}
        self._removed: list[RemovedArticle] = []
        self._widths = (0, 0, 0)
        self.loaded = False
        self.matches: dict[str, tuple[int, str]] = {}
        """For a search: each article's first match (offset into its text, snippet)."""

    def compose(self) -> ComposeResult:
        """Header, the table, a message line, the search field and the footer."""
        yield TitleBar()
        yield ArticleTable(id="library-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="library-message", markup=False)
        yield LibrarySearch(placeholder='search text, titles, notes, tags: words, "a phrase"', id="library-search")
        yield KeyBar()

    @property
    def table(self) -> ArticleTable:
        """The article table."""
        return self.query_one(ArticleTable)

    def on_mount(self) -> None:
        """Title the screen and load the articles."""
        self.title = "Library"
        self.table.focus()
        self.reload()
        self.set_interval(POLL_SECONDS, self.poll_disk)

    def poll_disk(self) -> None:
        """Reload if another process (``reader add``, another window) changed the library file."""
        if self.loaded and self.is_current and self.service.library is not None:
            self._check_disk()

    @work(thread=True, exclusive=True, group="library-poll", exit_on_error=False)
    def _check_disk(self) -> None:
        library = self.service.library
        try:
            changed = library is not None and library.changed_on_disk()
        except ReaderError:
            return
        if changed:
            self.app.call_from_thread(self.reload)

    def on_resize(self) -> None:
        """Re-cut the columns when the width changed, from the rows already loaded.

        Nothing in the library changed, so the store is not asked again (a resize comes as a
        burst of events while a terminal is dragged)."""
        if self.loaded and column_widths(self.app.size.width) != self._widths:
            self._show_rows(self._cursor_id())

    def on_screen_resume(self) -> None:
        """Back from an article: progress, last opened and notes may have changed."""
        if self.loaded:
            self.reload()

    # -- loading -----------------------------------------------------------------------------

    def reload(self, keep: str | None = None) -> None:
        """Read the articles again (in a worker) with the current sort, tag and search."""
        self._load(self.sort, self.tag, self.query_text, keep, self.view, self.feed)

    @work(thread=True, exclusive=True, group="library-load", exit_on_error=False)
    def _load(self, sort: str, tag: str | None, query: str, keep: str | None, view: str = "inbox",
              feed: str | None = None) -> None:
        library = self.service.open()
        if library is None:
            self.app.call_from_thread(self._show_broken)
            return
        try:
            records, matches = self._records(library, sort, tag, query, view, feed)
            counts = library.note_counts()
            tags = library.all_tags()
        except ReaderError as exc:
            self.app.call_from_thread(self._message, str(exc), True)
            return
        if get_current_worker().is_cancelled:  # a newer sort, filter or search replaced this one
            return
        self.matches = matches
        self.app.call_from_thread(self._fill, records, counts, tags, keep)

    @staticmethod
    def _records(library: Library, sort: str, tag: str | None, query: str, view: str = "inbox",
                 feed: str | None = None) -> tuple[list[ArticleRecord], dict[str, tuple[int, str]]]:
        """The articles to list in the current view (inbox, unread, archive) and feed: all (sorted),
        or for a search the full-text results, best first, then any whose source matches, with
        where each matched."""
        shown = {"tag": tag, "sort": sort, "feed": feed, **VIEW_FILTERS[view]}
        if not query:
            return library.articles(**shown), {}
        from reader.services.search_index import search

        everything = library.articles(**shown)
        results = search(library, query, records=everything)
        found = {r.id for r in results}
        by_id = {r.id: r for r in everything}
        records = [by_id[r.id] for r in results if r.id in by_id]
        records += [r for r in library.articles(query=query, **shown) if r.id not in found]
        matches = {r.id: (r.offset, next((m.snippet for m in r.matches if m.field in ("text", "note")), ""))
                   for r in results}
        return records, matches

    def _show_broken(self) -> None:
        self.table.display = False
        self.sub_title = "library not available"
        self._message(f"{self.service.error}\nReading still works: open an article with reader PATH.", True)

    def _message(self, text: str, error: bool = False) -> None:
        message = self.query_one("#library-message", Static)
        message.update(Text(text))
        message.set_class(error, "-error")
        message.display = bool(text)

    def _fill(self, records: list[ArticleRecord], counts: dict[str, int], tags: dict[str, int],
              keep: str | None) -> None:
        if not self.is_attached:
            return
        if keep is None:
            keep = self._cursor_id()
        self.records, self.counts, self.known_tags = records, counts, tags
        self._show_rows(keep)
        self._update_sub_title()
        if not self._index_started and self.index_delay is not None and records:
            self._index_started = True
            self.set_timer(self.index_delay, self._index_library)
        if not records:
            filtered = self.tag or self.query_text or self.feed or self.view != "inbox"
            self._message(EMPTY_LIBRARY if not filtered else "No article matches.")
        else:
            self._message("")
        self.loaded = True

    def _update_sub_title(self) -> None:
        filters = [f"sort: {SORT_LABELS[self.sort]}"]
        if self.view != "inbox":
            filters.append(f"view: {self.view}")
        if self.feed:
            filters.append("feed: " + next((r.metadata.get("site", "") for r in self.records
                                            if r.metadata.get("site")), self.feed))
        if self.tag:
            filters.append(f"tag: #{self.tag}")
        if self.query_text:
            filters.append(f"search: {self.query_text}")
        if self._indexing:
            filters.append(self._indexing)
        count = len(self.records)
        self.sub_title = f"{count} article{'s' if count != 1 else ''} · " + " · ".join(filters)

    @work(thread=True, exclusive=True, group="library-index", exit_on_error=False)
    def _index_library(self) -> None:
        """Analyse (on every core) and cache the articles not analysed yet, so search, speakers and
        quotes answer at once later; progress shows in the sub-title."""
        from reader.services.speakers import quote_summaries

        worker = get_current_worker()
        library = self.service.library
        if library is None:
            return

        def progress(done: int, total: int) -> None:
            if done < total and not worker.is_cancelled:
                self.app.call_from_thread(self._show_indexing, f"analysing {done}/{total}")

        with contextlib.suppress(ReaderError):
            quote_summaries(library, library.articles(), progress=progress, cancelled=lambda: worker.is_cancelled)
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show_indexing, "")

    def _show_indexing(self, text: str) -> None:
        if self.is_attached:
            self._indexing = text
            self._update_sub_title()

    def _cursor_id(self) -> str | None:
        """The id of the article under the table's cursor (before the rows are rebuilt)."""
        table = self.table
        if table.row_count and table.cursor_row < len(self.records):
            return self.records[table.cursor_row].id
        return None

    def _show_rows(self, keep: str | None) -> None:
        """Fill the table from :attr:`records`, cut to the current width; the cursor stays on ``keep``."""
        table = self.table
        table.clear(columns=True)  # columns too, so their widths fit the new rows
        widths = self._widths = column_widths(self.app.size.width)
        rows = [(record.id, row_cells(record, self.counts.get(record.id, 0), widths)) for record in self.records]
        # Widths given, not measured by the table: a table refilled while its last measure is still
        # pending (a reload right after another, on a busy machine) sized its columns by the
        # headers alone ("Two s" for a title).
        for index, label in enumerate(COLUMNS):
            width = max([cell_len(label)] + [cells[index].cell_len for _, cells in rows])
            table.add_column(label, width=width)
        for key, cells in rows:
            table.add_row(*cells, key=key)
        ids = [r.id for r in self.records]
        if keep in ids:
            table.move_cursor(row=ids.index(keep), animate=False)

    def current(self) -> ArticleRecord | None:
        """The article under the cursor."""
        table = self.table
        if not self.records or not 0 <= table.cursor_row < len(self.records):
            return None
        return self.records[table.cursor_row]

    # -- running store calls -----------------------------------------------------------------

    def _store_call(self, call: Callable[[Library], Any], done: Callable[[Any], None] | None = None) -> None:
        """Run ``call(library)`` off the UI thread; ``done(result)`` back on it."""
        run_store_call(self, self.service.library, call, done)

    # -- actions -----------------------------------------------------------------------------

    @on(DataTable.RowSelected)
    def _open(self, event: DataTable.RowSelected) -> None:
        event.stop()
        record = self.current()
        if record is not None:
            match = self.matches.get(record.id) if self.query_text else None
            self.post_message(OpenArticle(record.source, can_go_back=True,
                                          at=match[0] if match and match[0] > 0 else None))

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        """During a search, the message line shows where the article under the cursor matched."""
        record = self.current()
        if self.query_text and record is not None and self.records:
            snippet = self.matches.get(record.id, (0, ""))[1]
            self._message(snippet)

    def action_all_notes(self) -> None:
        """Every note across the library."""
        from reader.tui.screens.notes_list import NotesListScreen

        self.app.push_screen(NotesListScreen(self.service))

    def action_export_folder(self) -> None:
        """Choose the export folder (the library's ``export_dir`` setting)."""
        from reader.services.exports import EXPORT_DIR_SETTING, default_export_dir
        from reader.tui.screens.folder_input import FolderInput

        library = self.service.library
        if library is None:
            return

        def save(folder: str | None) -> None:
            if folder is None:
                return

            def change(lib: Library) -> str:
                lib.set_setting(EXPORT_DIR_SETTING, folder or None)
                return str(default_export_dir(lib))

            self._store_call(change, lambda where: self.notify(f"Notes will be exported to {where}", markup=False))

        self.app.push_screen(FolderInput(str(default_export_dir(library))), save)

    def action_speakers(self) -> None:
        """Who is quoted across the library (or the tag filtered on)."""
        from reader.tui.screens.speakers import SpeakersScreen

        self.app.push_screen(SpeakersScreen(self.service, tag=self.tag))

    def action_cycle_sort(self) -> None:
        """Sort by the next key: newest, last opened, title, source, least read."""
        from reader.store.library import SORTS

        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self.reload()

    def action_search(self) -> None:
        """Show the search field (titles and sources, as you type)."""
        search = self.query_one(LibrarySearch)
        search.add_class("-active")
        search.value = self.query_text
        search.focus()

    @on(Input.Changed, "#library-search")
    def _search_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value.strip()
        self.reload()

    @on(Input.Submitted, "#library-search")
    def _search_submitted(self) -> None:
        self.query_one(LibrarySearch).remove_class("-active")
        self.table.focus()

    def action_clear_filters(self) -> None:
        """Close the search field and drop the search and tag filter."""
        self.query_one(LibrarySearch).remove_class("-active")
        self.table.focus()
        if self.query_text or self.tag or self.feed:
            self.query_text, self.tag, self.feed = "", None, None
            self.reload()

    def action_filter_tag(self) -> None:
        """Show only articles with a tag (empty: all)."""
        def chosen(tags: tuple[str, ...] | None) -> None:
            if tags is None:
                return
            self.tag = tags[0] if tags else None
            self.reload()

        self.app.push_screen(TagInput("Show articles tagged", (self.tag,) if self.tag else (), self.known_tags,
                                      hint="One tag · empty shows all · Right accepts a suggestion"), chosen)

    def action_tag_article(self) -> None:
        """Edit the tags of the article under the cursor."""
        record = self.current()
        if record is None:
            return

        def save(tags: tuple[str, ...] | None) -> None:
            if tags is None:
                return

            def change(library: Library) -> None:
                library.retag_article(record.id, tags, seen=record.tags)

            self._store_call(change, lambda _: self.reload(keep=record.id))

        self.app.push_screen(TagInput(f"Tags of “{record.title}”", record.tags, self.known_tags), save)

    def action_retitle(self) -> None:
        """Give the article under the cursor a title of your own (empty: its own headline)."""
        record = self.current()
        if record is None:
            return

        def save(title: str | None) -> None:
            if title is None:
                return
            self._store_call(lambda library: library.retitle_article(record.id, title or None),
                             lambda _: self.reload(keep=record.id))
            if not title:
                self.notify("The article's own headline comes back when it is next opened.", markup=False)

        from reader.tui.screens.title_input import TitleInput

        self.app.push_screen(TitleInput(record.title if record.renamed else ""), save)

    def action_rename_tag(self) -> None:
        """Rename a tag everywhere, or merge it into another."""
        if not self.known_tags:
            self.notify("There are no tags yet.", severity="warning", markup=False)
            return

        def save(names: tuple[str, str] | None) -> None:
            if names is None:
                return
            old, new = names
            merge = new in self.known_tags

            def done(changed: int) -> None:
                verb = "Merged" if merge else "Renamed"
                self.notify(f"{verb} #{old} into #{new} on {changed} item{'s' if changed != 1 else ''}.",
                            markup=False)
                self.reload()

            self._store_call(lambda library: library.rename_tag(old, new), done)

        self.app.push_screen(RenameTag(self.known_tags), save)

    def action_export_notes(self) -> None:
        """Export the selected article's notes to markdown and say where the file went."""
        record = self.current()
        export_in_background(self, self.service.library, [record.id] if record is not None else [])

    def action_delete(self) -> None:
        """Remove the article and its notes from the library, after asking."""
        record = self.current()
        if record is None:
            return
        notes = self.counts.get(record.id, 0)

        def answer(yes: bool | None) -> None:
            if yes:
                from reader.services.library import remove_article

                self._store_call(lambda library: remove_article(library, record.id), self._deleted)

        def ask(found: tuple[bool, int]) -> None:
            self.app.push_screen(Confirm(delete_question(record.title, notes, *found)), answer)

        def tied(library: Library) -> tuple[bool, int]:
            from reader.store.article_notes import ArticleNotes
            from reader.store.corrections import Corrections

            return ArticleNotes(library).get(record.id) != "", len(Corrections(library).for_article(record.id))

        self._store_call(tied, ask)

    def _deleted(self, removed: RemovedArticle) -> None:
        self._removed.append(removed)
        undo = keys_display(self.app, "library.undo_delete", "u")
        self.notify(f"Removed “{removed.article.title}”. Press {undo} to undo.", markup=False)
        self.reload()

    def action_undo_delete(self) -> None:
        """Put back the last removed article with its notes."""
        if not self._removed:
            self.notify("Nothing to undo.", severity="warning", markup=False)
            return
        removed = self._removed.pop()
        self._store_call(lambda library: library.restore_article(removed),
                         lambda record: self.reload(keep=record.id))

    def action_toggle_read(self) -> None:
        """Mark the article under the cursor read, or unread again."""
        record = self.current()
        if record is not None:
            state = "unread" if record.read else "read"
            self._store_call(lambda library: library.mark(record.id, state), lambda _: self.reload(keep=record.id))

    def action_toggle_archive(self) -> None:
        """Archive the article under the cursor (it leaves the inbox), or bring it back from the archive."""
        record = self.current()
        if record is None:
            return
        state = "unarchived" if record.archived else "archived"

        def done(changed: ArticleRecord) -> None:
            verb = "Archived" if changed.archived else "Brought back"
            self.notify(f"{verb} “{changed.title}”.", markup=False)
            self.reload()

        self._store_call(lambda library: library.mark(record.id, state), done)

    def action_cycle_view(self) -> None:
        """Show the inbox (not archived), only unread articles, or the archive."""
        self.view = VIEWS[(VIEWS.index(self.view) + 1) % len(VIEWS)]
        self.reload()

    def action_feeds(self) -> None:
        """Open the feeds view; choosing a feed there shows only its articles."""
        from reader.tui.screens.feeds import FeedsScreen

        def chosen(feed: str | None) -> None:
            self.feed = feed
            self.reload()

        self.app.push_screen(FeedsScreen(self.service), chosen)
