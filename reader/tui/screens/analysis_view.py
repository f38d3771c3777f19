"""The analysis in the reader: a background worker, highlights, jumps, the sources panel.

:class:`AnalysisScreen` is the base class of the reader screen. It owns everything about the
analysis so the reader screen only composes its two widgets (:class:`SourcesPanel`,
:class:`AnalysisStatus`) and calls :meth:`AnalysisScreen.article_grown` as parsing goes on.

* Once the whole article is on screen, :func:`reader.analysis.analyze` runs in a thread worker
  (exclusive, group ``"analysis"``). After :data:`BUSY_DELAY` seconds without a result the
  status line says "analysing…". A result is used only if it is for the article still shown
  (a token per run, and the text itself, are compared), so a late result never paints the
  wrong article; leaving the screen cancels the worker with it.
* Highlights are overlay layers on the reading pane (``entities``, ``quotes``, and
  ``analysis-focus`` for the item under the cursor) plus gutter marks per quoted paragraph.
  Painting only restyles text: the reading position never moves.
* Colours come from the current theme's ``$reader-ROLE-style`` variables and are repainted
  when the theme changes; see :mod:`reader.tui.widgets.analysis_style` for the monochrome cues.

Every key is one :class:`~textual.binding.Binding` in :data:`ANALYSIS_BINDINGS`, with an id
``reader.ACTION`` a user can remap in ``config.toml``; the key bar, the help screen and the
command palette (:mod:`reader.tui.palette`) are all built from the bindings in force.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.theme import Theme
from textual.timer import Timer
from textual.widgets import OptionList
from textual.worker import get_current_worker

from reader.analysis import Analysis
from reader.document.model import Article
from reader.tui.widgets.analysis_style import (
    FOCUS_STYLE,
    entity_spans,
    gutter_marks,
    quote_spans,
    role_styles,
)
from reader.tui.widgets.reading_pane import ReadingPane
from reader.tui.widgets.sources_panel import SourcesPanel
from reader.tui.widgets.status_line import AnalysisStatus, describe
from reader.view.analysis_nav import AnalysisIndex, Item, Target

BUSY_DELAY = 0.3
"""Seconds the analysis may take before the status line says it is running."""

FOCUS_LAYER = "analysis-focus"

ANALYSIS_BINDINGS: list[Binding] = [
    Binding("s", "toggle_sources", "Sources", id="reader.toggle_sources"),
    Binding("e", "toggle_entities", "Toggle name highlights", show=False, id="reader.toggle_entities"),
    Binding("quotation_mark", "toggle_quotes", "Toggle quote highlights", show=False, key_display='"', id="reader.toggle_quotes"),
    Binding("right_square_bracket", "next_quote", "Next quote", show=False, key_display="]", id="reader.next_quote"),
    Binding("left_square_bracket", "previous_quote", "Previous quote", show=False, key_display="[", id="reader.previous_quote"),
    Binding("greater_than_sign", "next_mention", "Next name", show=False, key_display=">", id="reader.next_mention"),
    Binding("less_than_sign", "previous_mention", "Previous name", show=False, key_display="<", id="reader.previous_mention"),
    Binding("full_stop", "next_occurrence", "Next of selected source", show=False, key_display=".", id="reader.next_occurrence"),
    Binding("comma", "previous_occurrence", "Previous of selected source", show=False, key_display=",", id="reader.previous_occurrence"),
    Binding("f", "narrow", "Only the selected source (toggle)", show=False, id="reader.narrow"),
]


def _analyze(text: str) -> Analysis:
    """The engine, imported on first use: loading it must not delay the first paint."""
    from reader.analysis import analyze

    return analyze(text)


class AnalysisScreen(Screen[None]):
    """Base class of the reader screen: runs the analysis and shows it (see the module doc)."""

    BINDINGS: ClassVar[list[BindingType]] = list(ANALYSIS_BINDINGS)

    analyze_text: Callable[[str], Analysis] = staticmethod(_analyze)
    """The analysis function (tests replace it to hold the worker while they scroll)."""

    start_delay: float = 0.1
    """Seconds after mounting before the analysis starts, so that the first frame is drawn and
    written without competing with the worker for the interpreter lock (0: right after the first
    refresh, as the tests do)."""

    busy_delay: float = BUSY_DELAY
    """Seconds before "analysing…" shows (0: at once)."""

    def __init__(self) -> None:
        super().__init__()
        self.analysis_index: AnalysisIndex | None = None
        self.show_entities = True
        self.show_quotes = True
        self.focus_item: Item | None = None
        self.analysis_seconds: float | None = None
        """Wall time from starting the analysis to the highlights being painted."""
        self._analysis_token = 0
        self._analysis_started_at = 0.0
        self._analysing = False
        self._analysis_busy_timer: Timer | None = None

    # -- widgets ---------------------------------------------------------------------------

    @property
    def reading_pane(self) -> ReadingPane:
        """The reading pane."""
        return self.query_one(ReadingPane)

    @property
    def sources_panel(self) -> SourcesPanel:
        """The sources sidebar."""
        return self.query_one(SourcesPanel)

    @property
    def analysis_status(self) -> AnalysisStatus:
        """The analysis status line."""
        return self.query_one(AnalysisStatus)

    @property
    def analysis_running(self) -> bool:
        """Whether an analysis is under way for the article shown."""
        return self._analysing

    # -- starting and finishing ------------------------------------------------------------

    def on_mount(self) -> None:
        """Repaint on theme changes; analyse once the article is on screen (if fully parsed)."""
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)
        if self.start_delay > 0:
            self.set_timer(self.start_delay, lambda: self.article_grown(self.reading_pane.article))
        else:
            self.call_after_refresh(self.article_grown, self.reading_pane.article)

    def article_grown(self, article: Article) -> None:
        """The article shown grew (or was first shown): analyse it once it is complete."""
        if article.complete and not self._analysing and self.analysis_index is None:
            self.start_analysis(article)

    def start_analysis(self, article: Article) -> None:
        """Analyse ``article`` in the background; any earlier run is cancelled and ignored."""
        self._analysis_token += 1
        self._analysing = True
        self._analysis_started_at = time.perf_counter()
        self.analysis_index = None
        self._stop_busy_timer()
        if self.busy_delay > 0:
            self._analysis_busy_timer = self.set_timer(self.busy_delay, self._show_busy)
        else:
            self._show_busy()
        self._run_analysis(article, self._analysis_token)

    @work(thread=True, exclusive=True, group="analysis", exit_on_error=False)
    def _run_analysis(self, article: Article, token: int) -> None:
        worker = get_current_worker()
        result = self.analysis_for(article)
        if worker.is_cancelled:
            return
        try:
            self.app.call_from_thread(self._analysis_done, article, token, result)
        except RuntimeError:  # the app stopped while we worked
            return

    def analysis_for(self, article: Article) -> Analysis:
        """The analysis to show for ``article`` (runs in the worker; a subclass may cache or correct it)."""
        return self.analyze_text(article.text)

    def _analysis_done(self, article: Article, token: int, result: Analysis) -> None:
        if token != self._analysis_token or not self.is_attached:
            return
        if article.text is not self.reading_pane.article.text and article.text != self.reading_pane.article.text:
            return  # stale: the pane shows something else now
        self._analysing = False
        self._stop_busy_timer()
        self.analysis_index = AnalysisIndex(result)
        self.focus_item = None
        self.paint_analysis()
        self.sources_panel.show_index(self.analysis_index)
        self.update_analysis_status()
        self.analysis_seconds = time.perf_counter() - self._analysis_started_at

    def _show_busy(self) -> None:
        if self._analysing:
            self.analysis_status.show_busy()
            self.sources_panel.show_index(None, busy=True)

    def _stop_busy_timer(self) -> None:
        if self._analysis_busy_timer is not None:
            self._analysis_busy_timer.stop()
            self._analysis_busy_timer = None

    # -- painting --------------------------------------------------------------------------

    def _theme_variables(self) -> dict[str, str]:
        app = self.app
        return {**app.get_theme_variable_defaults(), **app.current_theme.variables}

    def _theme_changed(self, theme: Theme) -> None:
        if self.is_attached:
            self.paint_analysis()

    def paint_analysis(self) -> None:
        """Put the highlights and gutter marks on the pane as the toggles say."""
        pane = self.reading_pane
        index = self.analysis_index
        if index is None:
            for layer in ("entities", "quotes", FOCUS_LAYER):
                pane.clear_overlay(layer)
            pane.set_gutter_marks({}, layer="quotes")
            return
        styles = role_styles(self._theme_variables())
        if self.show_entities:
            pane.set_overlay("entities", entity_spans(index.mentions, styles))
        else:
            pane.clear_overlay("entities")
        if self.show_quotes:
            pane.set_overlay("quotes", quote_spans(index.quotes, styles,
                                                   index.mentions if self.show_entities else None))
            pane.set_gutter_marks(gutter_marks(pane.article, index.quotes), layer="quotes")
        else:
            pane.clear_overlay("quotes")
            pane.set_gutter_marks({}, layer="quotes")
        self._paint_focus()

    def _paint_focus(self) -> None:
        item = self.focus_item
        if item is None:
            self.reading_pane.clear_overlay(FOCUS_LAYER)
        else:
            self.reading_pane.set_overlay(FOCUS_LAYER, [(item.start, item.end, FOCUS_STYLE)])

    def update_analysis_status(self, message: Text | None = None) -> None:
        """Describe the item under the reading cursor (or show ``message``)."""
        index = self.analysis_index
        if index is None:
            if self._analysing and self._analysis_busy_timer is None:
                self.analysis_status.show_busy()
            return
        if message is None:
            message = describe(self.current_item(), index)
        self.analysis_status.show(message, narrowed_to=index.narrow)

    def current_item(self) -> Item | None:
        """The jumped-to item, else the first quote or name in the cursor's paragraph."""
        index = self.analysis_index
        if index is None:
            return None
        if self.focus_item is not None:
            return self.focus_item
        pane = self.reading_pane
        blocks = pane.article.blocks
        if not blocks:
            return None
        block = blocks[pane.cursor_block]
        return index.first_in(block.start, max(block.end, block.start + 1))

    @on(ReadingPane.CursorMoved)
    def _analysis_follows_cursor(self, event: ReadingPane.CursorMoved) -> None:
        """Drop the focused quote or name once the cursor leaves it; describe where the cursor is."""
        item = self.focus_item
        if item is not None:
            # The cursor where it is now: one jump can post several moves (the scroll moves
            # the cursor onto the screen first), and only the last one counts.
            block = self.reading_pane.article.blocks[self.reading_pane.cursor_block]
            if not (item.start < block.end and item.end > block.start):
                self.focus_item = None  # the reader moved on: describe the new paragraph
                self._paint_focus()
        self.update_analysis_status()

    # -- moving ----------------------------------------------------------------------------

    def jump_to(self, item: Item) -> None:
        """Put the reading cursor on ``item`` and bring it into view."""
        self.focus_item = item
        self.reading_pane.scroll_to_offset(item.start)
        self._paint_focus()
        self.update_analysis_status()

    def _reference(self, direction: int) -> int:
        """Where "next" and "previous" count from: the focused item, else the cursor paragraph
        (so "next" finds an item at the paragraph's very start)."""
        if self.focus_item is not None:
            return self.focus_item.start
        offset = self.reading_pane.cursor_offset
        return offset - 1 if direction > 0 else offset

    def _jump(self, kind: str, direction: int) -> None:
        index = self.analysis_index
        if index is None:
            self.update_analysis_status()
            return
        reference = self._reference(direction)
        if kind == "quote":
            item: Item | None = index.next_quote(reference) if direction > 0 else index.previous_quote(reference)
        else:
            item = index.next_mention(reference) if direction > 0 else index.previous_mention(reference)
        if item is None:
            where = "later" if direction > 0 else "earlier"
            self.update_analysis_status(Text(f"No {where} {'quote' if kind == 'quote' else 'name'}", style="italic"))
            return
        self.jump_to(item)

    def action_next_quote(self) -> None:
        """Jump to the next quote."""
        self._jump("quote", 1)

    def action_previous_quote(self) -> None:
        """Jump to the previous quote."""
        self._jump("quote", -1)

    def action_next_mention(self) -> None:
        """Jump to the next name."""
        self._jump("mention", 1)

    def action_previous_mention(self) -> None:
        """Jump to the previous name."""
        self._jump("mention", -1)

    def selected_target(self) -> Target | None:
        """The source picked in the open panel, else the speaker or entity under the cursor."""
        if self.sources_panel.is_open and self.sources_panel.selected is not None:
            return self.sources_panel.selected
        item = self.current_item()
        if item is None or self.analysis_index is None:
            return None
        target = self.analysis_index.describe_target(item)
        return target if target.name else None

    def _step_occurrence(self, direction: int) -> None:
        index = self.analysis_index
        target = self.selected_target()
        if index is None or target is None:
            self.update_analysis_status(Text("No source selected", style="italic"))
            return
        item = index.next_occurrence(target, self._reference(direction), direction)
        if item is not None:
            self.jump_to(item)

    def action_next_occurrence(self) -> None:
        """Jump to the next quote by or mention of the selected source (wraps around)."""
        self._step_occurrence(1)

    def action_previous_occurrence(self) -> None:
        """Jump to the previous quote by or mention of the selected source (wraps around)."""
        self._step_occurrence(-1)

    # -- toggles ---------------------------------------------------------------------------

    def action_toggle_entities(self) -> None:
        """Show or hide the name highlights."""
        self.show_entities = not self.show_entities
        self.paint_analysis()
        self.notify(f"Name highlights {'on' if self.show_entities else 'off'}", timeout=2, markup=False)

    def action_toggle_quotes(self) -> None:
        """Show or hide the quote highlights and marks."""
        self.show_quotes = not self.show_quotes
        self.paint_analysis()
        self.notify(f"Quote highlights {'on' if self.show_quotes else 'off'}", timeout=2, markup=False)

    def action_narrow(self) -> None:
        """Highlight only the selected speaker's quotes and mentions; again to show all."""
        index = self.analysis_index
        if index is None:
            self.update_analysis_status()
            return
        if index.narrow is not None:
            index.set_narrow(None)
        else:
            target = self.selected_target()
            if target is None:
                self.update_analysis_status(Text("No source selected", style="italic"))
                return
            index.set_narrow(target.name)
        if self.focus_item is not None and self.focus_item not in (*index.quotes, *index.mentions):
            self.focus_item = None
        self.paint_analysis()
        self.sources_panel.show_index(index)
        self.update_analysis_status()

    def action_toggle_sources(self) -> None:
        """Open or close the sources panel (opening focuses it)."""
        panel = self.sources_panel
        if panel.is_open:
            panel.remove_class("-open")
            self.reading_pane.focus()
        else:
            panel.add_class("-open")
            if self.analysis_index is not None:
                panel.show_index(self.analysis_index)
            else:
                panel.show_index(None, busy=self._analysing)
            panel.option_list.focus()

    @on(OptionList.OptionSelected, "#sources-list")
    def _source_chosen(self, event: OptionList.OptionSelected) -> None:
        """Enter on a speaker or entity jumps to its first occurrence."""
        index = self.analysis_index
        target = self.sources_panel.target_at(event.option_index)
        if index is None or target is None:
            return
        occurrences = index.occurrences(target)
        if occurrences:
            self.jump_to(occurrences[0])


__all__ = ["ANALYSIS_BINDINGS", "AnalysisScreen"]
