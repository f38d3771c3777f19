"""The feeds view of the library (``F``): the feeds followed, refreshing them, adding and removing.

Each row is a feed: its title, unread articles, articles taken, when it was last checked and
what went wrong last time. ``r`` refreshes every feed in a thread worker
(:func:`reader.services.feeds.refresh`), with a progress line that names each feed as it is
done (a broken feed is one line; the others go on); ``a`` follows a new feed (a feed address
or a page that links one), ``d`` stops following one (asks first; its articles stay), and
Enter goes back to the library showing only that feed's articles. Everything a feed says is
shown as plain text, never markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Input, Static
from textual.worker import get_current_worker

from reader.errors import ReaderError
from reader.sanitize import clean_line
from reader.services import feeds as service
from reader.tui.keymap import keys_display
from reader.tui.library_service import LibraryService, run_store_call
from reader.tui.screens.dialog import Dialog
from reader.tui.screens.tag_input import Confirm, parse_tags
from reader.tui.widgets.chrome import KeyBar, TitleBar

if TYPE_CHECKING:
    from reader.store.feeds import FeedRecord

COLUMNS = ("Feed", "Unread", "Items", "Checked", "Status")
FIXED = (6, 5, 16)
"""Widths of the Unread, Items and Checked columns; Feed and Status share the rest."""


def column_widths(total: int) -> tuple[int, int, int, int, int]:
    """Every column's width for a screen ``total`` cells wide (set, not measured: a table that
    measures its columns only when idle can paint rows cut to the headers' widths first)."""
    spare = max(30, total - sum(FIXED) - 2 * len(COLUMNS) - 2)
    feed = max(12, spare * 11 // 20)
    return feed, FIXED[0], FIXED[1], FIXED[2], max(10, spare - feed)
NO_FEEDS = "No feeds yet. Press a to follow one (a feed address, or a page that links its feed)."


def cut(text: str, cells: int) -> str:
    """``text`` cut to ``cells`` characters with an ellipsis."""
    return text if len(text) <= cells else text[: max(0, cells - 1)] + "…"


def feed_cells(feed: FeedRecord, unread: int, widths: tuple[int, ...] = (40, 6, 5, 16, 30)) -> tuple[Text, ...]:
    """The table cells for one feed (plain text, never markup), cut to ``widths``."""
    name = clean_line(feed.name)
    error = clean_line(feed.error).removeprefix(clean_line(feed.url) + ": ")  # the row already names the feed
    status = error if feed.error else ("ok" if feed.checked else "not refreshed yet")
    return (
        Text(cut(name, widths[0]), style="bold" if unread else ""),
        Text(str(unread) if unread else "", justify="right"),
        Text(str(feed.items), justify="right"),
        Text(feed.checked[:16].replace("T", " ") if feed.checked else "never"),
        Text(cut(status, widths[4]), style="red" if feed.error else "dim"),
    )


class FeedTable(DataTable[Text]):
    """The table of feeds; Enter shows the feed's articles."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Show items", key_display="Enter", id="feeds.show_items")]


class AddFeed(Dialog[tuple[str, tuple[str, ...]] | None]):
    """Ask for a feed address (or a page that links one) and tags for its items."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="add_feed.cancel")]

    def compose(self) -> ComposeResult:
        """Title, address, tags, hint and the error line."""
        with Vertical():
            yield Static("Follow a feed", classes="dialog-title", markup=False)
            yield Input(placeholder="https://example.org/feed.xml or a page that links its feed", id="feed-url")
            yield Input(placeholder="tags for its items, comma-separated (optional)", id="feed-tags")
            cancel = keys_display(self.app, "add_feed.cancel", "Escape")
            yield Static(Text(f"Enter follows · {cancel} cancels"), classes="dialog-hint")
            yield Static("", classes="dialog-error", id="feed-error", markup=False)

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        url = self.query_one("#feed-url", Input).value.strip()
        if event.input.id == "feed-url" and url:
            self.query_one("#feed-tags", Input).focus()
            return
        try:
            tags = parse_tags(self.query_one("#feed-tags", Input).value)
            service.check_feed_url(url)
        except ReaderError as exc:
            self.query_one("#feed-error", Static).update(Text(str(exc)))
            return
        self.dismiss((url, tags))

    def action_cancel(self) -> None:
        """Close without following anything."""
        self.dismiss(None)


class FeedsScreen(Screen[str | None]):
    """The feeds followed; dismissed with a feed id to show its articles, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "refresh_feeds", "Refresh", tooltip="Fetch every feed's new items into the library",
                id="feeds.refresh"),
        Binding("a", "add_feed", "Add feed", tooltip="Follow a feed (its address, or a page that links it)",
                id="feeds.add"),
        Binding("d,delete", "remove_feed", "Remove",
                tooltip="Stop following the feed under the cursor (its articles stay)", id="feeds.remove"),
        Binding("escape", "back", "Back", tooltip="Back to the library", id="feeds.back"),
    ]
    DEFAULT_CSS = """
    FeedsScreen #feeds-table { height: 1fr; border: none; }
    FeedsScreen #feeds-progress { padding: 0 2; color: $text-muted; height: auto; }
    FeedsScreen #feeds-progress.-error { color: $text-error; }
    """

    def __init__(self, service_: LibraryService) -> None:
        super().__init__()
        self.service = service_
        self.rows: list[tuple[FeedRecord, int]] = []
        self.refreshing = False
        self.loaded = False

    def compose(self) -> ComposeResult:
        """Header, the table, the progress line and the footer."""
        yield TitleBar()
        yield FeedTable(id="feeds-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="feeds-progress", markup=False)
        yield KeyBar()

    @property
    def table(self) -> FeedTable:
        """The feed table."""
        return self.query_one(FeedTable)

    def on_mount(self) -> None:
        """Title the screen and load the feeds."""
        self.title = "Feeds"
        self.table.focus()
        self.reload()

    # -- loading -----------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the feeds again (in a worker)."""
        self._load()

    @work(thread=True, exclusive=True, group="feeds-load", exit_on_error=False)
    def _load(self) -> None:
        library = self.service.open()
        if library is None:
            self.app.call_from_thread(self._say, self.service.error or "the library is not available", True)
            return
        try:
            rows = service.feeds_with_unread(library)
        except ReaderError as exc:
            self.app.call_from_thread(self._say, str(exc), True)
            return
        self.app.call_from_thread(self._fill, rows)

    def _fill(self, rows: list[tuple[FeedRecord, int]]) -> None:
        if not self.is_attached:
            return
        keep = self.current()
        self.rows = rows
        table = self.table
        table.clear(columns=True)
        widths = column_widths(self.app.size.width)
        for label, width in zip(COLUMNS, widths, strict=True):
            table.add_column(label, width=width)
        for feed, unread in rows:
            table.add_row(*feed_cells(feed, unread, widths), key=feed.id)
        ids = [feed.id for feed, _ in rows]
        if keep is not None and keep.id in ids:
            table.move_cursor(row=ids.index(keep.id), animate=False)
        unread = sum(count for _, count in rows)
        self.sub_title = f"{len(rows)} feed{'s' if len(rows) != 1 else ''} · {unread} unread"
        if not rows and not self.refreshing:
            self._say(NO_FEEDS)
        self.loaded = True

    def _say(self, text: str, error: bool = False) -> None:
        line = self.query_one("#feeds-progress", Static)
        line.update(Text(text))
        line.set_class(error, "-error")

    def current(self) -> FeedRecord | None:
        """The feed under the cursor."""
        table = self.table
        if not self.rows or not 0 <= table.cursor_row < len(self.rows):
            return None
        return self.rows[table.cursor_row][0]

    # -- actions -----------------------------------------------------------------------------

    def action_refresh_feeds(self) -> None:
        """Fetch every feed's new items (progress below the table)."""
        if self.refreshing:
            self.notify("Already refreshing.", markup=False)
            return
        if not self.rows:
            add = keys_display(self.app, "feeds.add", "a")
            self.notify(f"There are no feeds to refresh; press {add} to follow one.", severity="warning", markup=False)
            return
        self.refreshing = True
        self._say(f"Refreshing {len(self.rows)} feed{'s' if len(self.rows) != 1 else ''}…")
        self._refresh_all()

    @work(thread=True, exclusive=True, group="feeds-refresh", exit_on_error=False)
    def _refresh_all(self) -> None:
        library = self.service.open()
        worker = get_current_worker()
        if library is None:
            self.app.call_from_thread(self._refreshed, None, self.service.error or "the library is not available")
            return

        def progress(result: service.FeedResult, done: int, total: int) -> None:
            self.app.call_from_thread(self._progress, result, done, total)

        try:
            report = service.refresh(library, progress=progress, cancelled=lambda: worker.is_cancelled)
        except ReaderError as exc:
            self.app.call_from_thread(self._refreshed, None, str(exc))
            return
        self.app.call_from_thread(self._refreshed, report, "")

    def _progress(self, result: service.FeedResult, done: int, total: int) -> None:
        if self.is_attached:
            self._say(f"Refreshing {done}/{total} · {result.line()}", bool(result.error))

    def _refreshed(self, report: service.RefreshReport | None, error: str) -> None:
        self.refreshing = False
        if not self.is_attached:
            return
        if report is None:
            self._say(error, True)
            self.notify(error, severity="error", markup=False)
            return
        failed = report.failed
        text = (f"{report.new} new item{'s' if report.new != 1 else ''} from {len(report.results)} "
                f"feed{'s' if len(report.results) != 1 else ''}")
        if failed:
            text += f"; {len(failed)} failed: " + "; ".join(r.line() for r in failed[:3])
        self._say(text, bool(failed))
        self.notify(text, severity="warning" if failed else "information", markup=False)
        self.reload()

    def action_add_feed(self) -> None:
        """Follow a feed: its address, or a page that links it."""
        def chosen(answer: tuple[str, tuple[str, ...]] | None) -> None:
            if answer is None:
                return
            url, tags = answer
            self._say(f"Fetching {clean_line(url)}…")

            def done(result: tuple[FeedRecord, bool]) -> None:
                feed, new = result
                self._say(f"Following {clean_line(feed.name)}; r fetches its items." if new
                          else f"Already following {clean_line(feed.name)}.")
                self.reload()

            run_store_call(self, self.service.open(), lambda library: service.follow(library, url, tags), done)

        self.app.push_screen(AddFeed(), chosen)

    def action_remove_feed(self) -> None:
        """Stop following the feed under the cursor, after asking (its articles stay)."""
        feed = self.current()
        if feed is None:
            return

        def answer(yes: bool | None) -> None:
            if yes:
                run_store_call(self, self.service.library, lambda library: service.unfollow(library, feed.id),
                               lambda _: self.reload())

        self.app.push_screen(Confirm(f"Stop following “{feed.name}”? Its articles stay in the library."), answer)

    @on(DataTable.RowSelected)
    def _show_items(self, event: DataTable.RowSelected) -> None:
        event.stop()
        feed = self.current()
        if feed is not None:
            self.dismiss(feed.id)

    def action_back(self) -> None:
        """Back to the library (all articles)."""
        self.dismiss(None)
