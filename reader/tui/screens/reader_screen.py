"""The reader screen: the article title in the header, the reading pane, search, progress."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Input, Static
from textual.worker import get_current_worker

from reader.document import Article
from reader.sanitize import clean_line
from reader.services.config import DEFAULT_MEASURE
from reader.services.loading import finish_parsing, one_line_error, snapshot
from reader.tui.screens.analysis_view import AnalysisScreen
from reader.tui.widgets.chrome import KeyBar, TitleBar
from reader.tui.widgets.reading_pane import ReadingPane
from reader.tui.widgets.search import SearchBar, SearchState
from reader.tui.widgets.sources_panel import OVERLAY_BELOW, SourcesPanel
from reader.tui.widgets.status_line import AnalysisStatus

if TYPE_CHECKING:
    from reader.document import MarkdownParser


class ProgressLabel(Static):
    """How far through the article the reader is ("42%")."""

    def show_progress(self, percent: int, complete: bool = True) -> None:
        """Show ``percent``; a trailing "+" while the article is still being parsed."""
        self.update(f"{percent:>3}%{'' if complete else '+'}")


class ReaderScreen(AnalysisScreen):
    """Reads one article. Escape goes back to the list it was opened from, if any."""

    DEFAULT_CSS = """
    ReaderScreen #status { dock: bottom; height: 1; background: $footer-background; }
    ReaderScreen #status KeyBar { dock: none; width: 1fr; }
    ReaderScreen #progress {
        width: 6; padding: 0 1 0 0; content-align: right middle;
        color: $footer-key-foreground; background: $footer-background;
    }
    ReaderScreen #reading-row { height: 1fr; align-horizontal: center; layers: default overlay; }
    ReaderScreen #reading-row ReadingPane { width: 1fr; }
    """
    # Wide terminals: the text keeps its measure (the pane is no wider than its ``measure``, the
    # user's [reading] measure, plus gutter, margin and scrollbar) and the row centres it, rather
    # than leaving it flush left with the rest empty.
    # Narrow ones: the sources panel goes on the overlay layer, over the text (SourcesPanel.-overlay).

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "search", "Search", id="reader.search"),
        Binding("n", "search_next", "Next match", show=False, id="reader.search_next"),
        Binding("N", "search_previous", "Previous match", show=False, id="reader.search_previous"),
        Binding("escape,backspace", "back", "Back", id="reader.back"),
    ]

    PANE_CLASS: ClassVar[type[ReadingPane]] = ReadingPane
    """The pane widget to show (a subclass may add to it, e.g. mouse selection)."""

    def __init__(self, article: Article, parser: MarkdownParser | None = None, *, can_go_back: bool = False) -> None:
        super().__init__()
        self.article = article
        self._parser = parser
        self._can_go_back = can_go_back
        self._search = SearchState()
        self._search_origin = 0
        self._place: tuple[object, ...] = (0, 0)

    def compose(self) -> ComposeResult:
        """Header, the pane, the (hidden) search bar and the status line."""
        yield TitleBar()
        with Horizontal(id="reading-row"):
            yield self.PANE_CLASS(self.article, id="pane", measure=getattr(self.app, "measure", DEFAULT_MEASURE))
            yield from self.side_panels()
        yield AnalysisStatus(id="analysis-status")
        with Horizontal(id="status"):
            yield KeyBar(show_palette=False)
            yield ProgressLabel("  0%", id="progress")

    def side_panels(self) -> ComposeResult:
        """The panels beside the text, between the title bar and the status lines (never over them)."""
        yield SourcesPanel(id="sources")

    @property
    def pane(self) -> ReadingPane:
        """The reading pane."""
        return self.query_one(ReadingPane)

    def on_mount(self) -> None:
        """Title the screen, follow progress, and finish parsing a large article."""
        self._set_titles(self.article)
        self.watch(self.pane, "progress", self._show_progress)
        self.pane.focus()
        if self._parser is not None:  # after the first paint, so parsing does not delay it
            self.call_after_refresh(self._finish_parsing, self._parser)

    def on_resize(self, event: events.Resize) -> None:
        """Narrow terminals: the sources panel covers the text's right side instead of squeezing it."""
        self._place_sources_panel(event.size.width)

    def _place_sources_panel(self, width: int) -> None:
        panel = self.query_one(SourcesPanel)
        overlay = width < OVERLAY_BELOW
        panel.set_class(overlay, "-overlay")

    def _set_titles(self, article: Article) -> None:
        self.title = article.title or "untitled"
        source = article.source
        # A file name or URL is as untrusted as the article: its escapes must not reach the terminal.
        if source == "-":
            self.sub_title = "standard input"
        else:  # a file name or URL is as untrusted as the article: its escapes must not reach the terminal
            self.sub_title = clean_line(Path(source).name if source and "://" not in source else source)

    def _show_progress(self, percent: int) -> None:
        self.query_one(ProgressLabel).show_progress(percent, self.pane.article.complete)

    # -- background parsing ------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="parse", exit_on_error=False)
    def _finish_parsing(self, parser: MarkdownParser) -> None:
        worker = get_current_worker()
        try:
            finish_parsing(parser, lambda article: self.app.call_from_thread(self._grow, article),
                           lambda: worker.is_cancelled)
        except Exception as exc:  # a parser bug: keep what was parsed, say so in one line
            if worker.is_cancelled:  # the screen closed or the app quit meanwhile
                return
            message = one_line_error(self.article.source, exc)
            self.app.call_from_thread(self.notify, message, severity="error", markup=False)

    def on_reading_pane_end_wanted(self, _message: ReadingPane.EndWanted) -> None:
        """End before the parse finished: finish it here, at full speed, rather than wait for the worker.

        The worker shares the GIL with the UI and so runs at a fraction of its speed; parsing
        on the UI thread while the user waits for the last line is about twice as fast.
        """
        if self._parser is not None and not self._parser.done:
            self._parser.parse_all()
            self._grow(snapshot(self._parser))

    def _grow(self, article: Article) -> None:
        """Take more of the article; the reading position and search stay where they are."""
        if not self.is_attached:  # the reader went back to the list while parsing
            return
        if len(article.blocks) < len(self.article.blocks):  # a worker's snapshot older than ours
            return
        if self.article.complete and len(article.blocks) == len(self.article.blocks):
            return  # End already finished the parse; the worker's final snapshot adds nothing
        self.article = article
        self.pane.extend_article(article)
        self._set_titles(article)
        self._show_progress(self.pane.progress)
        self.call_after_refresh(self.article_grown, article)  # let this growth paint before analysis starts
        if self._search.query:
            self._search.update(article.text, self._search.query, self._current_match_start())
            self._paint_search()

    # -- search ------------------------------------------------------------------------------

    def _search_bar(self) -> SearchBar | None:
        """The search bar, once the first search has mounted it."""
        found = self.query(SearchBar)
        return found.first() if found else None

    async def action_search(self) -> None:
        """Open the search bar (incremental, case- and accent-insensitive).

        The bar is mounted by the first search, not at start-up: an Input's styles and widgets
        are not worth a slower first paint for readers who never search.
        """
        bar = self._search_bar()
        if bar is None:
            bar = SearchBar()
            await self.mount(bar, before=self.query_one("#status"))
        self._search_origin = self.pane.top_offset
        self._place = self._remember_place()
        bar.add_class("-active")
        bar.value = self._search.query
        bar.focus()

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        self._search.update(self.pane.article.text, event.value, self._search_origin)
        event.input.set_class(bool(event.value) and not self._search.matches, "-no-match")
        self._paint_search()
        if self._search.matches:
            self._show_current_match()
        else:  # "zzzq" after "zzz" matched far down: no match, so back to where the search began
            self._return_to_place(self._place)

    def _remember_place(self) -> tuple[object, ...]:
        """Where the reader is (view and cursor), to come back to after a failed or cancelled search."""
        return (self.pane.top_line, self.pane.cursor_block)

    def _return_to_place(self, place: tuple[object, ...]) -> None:
        top, block = place[0], place[1]
        self.pane.scroll_to_line(int(top))  # type: ignore[call-overload]
        self.pane.move_cursor(int(block), scroll=False)  # type: ignore[call-overload]

    @on(Input.Submitted, "#search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        self._close_search_bar()
        if not self._search.matches and self._search.query:
            self.notify(f"Not found: {self._search.query}", severity="warning", markup=False)

    def on_key(self, event: events.Key) -> None:
        """Escape in the search bar cancels the search."""
        bar = self._search_bar()
        if event.key == "escape" and bar is not None and bar.has_focus:
            event.stop()
            event.prevent_default()
            self._search.clear()
            self.pane.clear_overlay("search")
            self._return_to_place(self._place)
            self._close_search_bar()

    def _close_search_bar(self) -> None:
        bar = self._search_bar()
        if bar is not None:
            bar.remove_class("-active")
        self.pane.focus()
        self.refresh_bindings()

    def action_search_next(self) -> None:
        """Go to the next match."""
        self._step(1)

    def action_search_previous(self) -> None:
        """Go to the previous match."""
        self._step(-1)

    def _step(self, direction: int) -> None:
        if self._search.step(direction) is None:
            return
        self._paint_search()
        self._show_current_match()

    def _current_match_start(self) -> int:
        match = self._search.current_match
        return match[0] if match else self._search_origin

    def _paint_search(self) -> None:
        current = self._search.current_match
        spans = [(start, end, "reading-pane--search-current" if (start, end) == current else "reading-pane--search")
                 for start, end in self._search.matches]
        self.pane.set_overlay("search", spans)
        self.refresh_bindings()

    def _show_current_match(self) -> None:
        match = self._search.current_match
        if match:
            self.pane.scroll_to_offset(match[0])

    # -- navigation --------------------------------------------------------------------------

    def action_back(self) -> None:
        """Clear the search if one is shown; otherwise go back to the article list."""
        if self._search.query:
            self._search.clear()
            self.pane.clear_overlay("search")
            self.refresh_bindings()
        elif self._can_go_back:
            self.dismiss()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide Back when there is no search to clear and nowhere to go."""
        if action == "back":
            return self._can_go_back or bool(self._search.query)
        return True
