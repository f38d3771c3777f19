"""The reading pane: a Line API view that wraps an article lazily and renders only what shows.

Each block gets an *estimated* height from its length; a :class:`~reader.view.layout.HeightIndex`
maps a virtual line to its block. Blocks are laid out exactly when they come near the
viewport, and the reading position is anchored to the block at the top, so refining an
estimate above the screen never moves the text the reader is looking at. Rendered strips
are cached per block and dropped only for blocks whose overlays, marks or cursor changed.

Public API (used by later features):

* :meth:`ReadingPane.set_article`, :meth:`ReadingPane.extend_article`
* :meth:`ReadingPane.set_overlay`, :meth:`ReadingPane.clear_overlay` (styled spans by offset)
* :meth:`ReadingPane.set_gutter_marks` (a mark per block in the left gutter)
* :attr:`ReadingPane.cursor_block`, :attr:`ReadingPane.cursor_offset`,
  :meth:`ReadingPane.move_cursor`, the :class:`ReadingPane.CursorMoved` message
* :attr:`ReadingPane.measure` (the longest line; the pane is no wider, so a wide screen centres it)
* :attr:`ReadingPane.top_offset`, :attr:`ReadingPane.progress`, :meth:`ReadingPane.scroll_to_offset`,
  :meth:`ReadingPane.line_at`, :meth:`ReadingPane.visible_range`
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.document.model import Article, Block
from reader.services.config import DEFAULT_MEASURE, MEASURE_RANGE
from reader.tui.widgets.render import GUTTER_WIDTH, LineRenderer
from reader.view.layout import BLANK, HeightIndex, Line, estimate_height, layout_block
from reader.view.overlays import OverlayStore

RIGHT_MARGIN = 1
SCROLLBAR_WIDTH = 1
"""The vertical scrollbar's cells (``scrollbar-size-vertical`` below)."""
MIN_MEASURE, MAX_MEASURE = MEASURE_RANGE
"""The measures a user may set (``[reading] measure`` in config.toml)."""
STRIP_CACHE_BLOCKS = 2048


class ReadingPane(ScrollView, can_focus=True, inherit_bindings=False):
    """Shows one :class:`Article`, wrapped to the pane's width, with a reading cursor."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "line_down", "Line down", show=False, id="reader.line_down"),
        Binding("up,k", "line_up", "Line up", show=False, id="reader.line_up"),
        Binding("space,pagedown", "page_down", "Page down", id="reader.page_down"),
        Binding("b,pageup", "page_up", "Page up", show=False, id="reader.page_up"),
        Binding("g,home", "top", "Top", show=False, id="reader.top"),
        Binding("G,end", "bottom", "End", show=False, id="reader.bottom"),
        Binding("right_curly_bracket", "cursor_next", "Next paragraph", show=False, id="reader.next_paragraph"),
        Binding("left_curly_bracket", "cursor_previous", "Previous paragraph", show=False, id="reader.previous_paragraph"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "reading-pane--h1", "reading-pane--h2", "reading-pane--h3",
        "reading-pane--h4", "reading-pane--h5", "reading-pane--h6",
        "reading-pane--quote", "reading-pane--quote-bar", "reading-pane--list-marker",
        "reading-pane--code-block", "reading-pane--inline-code", "reading-pane--link",
        "reading-pane--bold", "reading-pane--italic", "reading-pane--strike",
        "reading-pane--rule", "reading-pane--table", "reading-pane--table-header",
        "reading-pane--gutter", "reading-pane--cursor",
        "reading-pane--search", "reading-pane--search-current", "reading-pane--selection",
        "reading-pane--highlight", "reading-pane--note",
        "reading-pane--mark-yellow", "reading-pane--mark-green", "reading-pane--mark-blue", "reading-pane--mark-pink",
    }

    DEFAULT_CSS = """
    ReadingPane {
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-size-vertical: 1;
        background: $background;
        color: $foreground;
    }
    ReadingPane > .reading-pane--h1 { color: $markdown-h1-color; text-style: bold; }
    ReadingPane > .reading-pane--h2 { color: $markdown-h2-color; text-style: bold; }
    ReadingPane > .reading-pane--h3 { color: $markdown-h3-color; text-style: bold; }
    ReadingPane > .reading-pane--h4 { color: $markdown-h4-color; text-style: bold italic; }
    ReadingPane > .reading-pane--h5 { color: $markdown-h5-color; text-style: italic; }
    ReadingPane > .reading-pane--h6 { color: $markdown-h6-color; text-style: italic; }
    ReadingPane > .reading-pane--quote { color: $text-muted; text-style: italic; }
    ReadingPane > .reading-pane--quote-bar { color: $secondary; }
    ReadingPane > .reading-pane--list-marker { color: $accent; }
    ReadingPane > .reading-pane--code-block { background: $surface; color: $text-secondary; }
    ReadingPane > .reading-pane--inline-code { background: $surface; color: $text-secondary; }
    ReadingPane > .reading-pane--link { color: $link-color; text-style: underline; }
    ReadingPane > .reading-pane--bold { text-style: bold; }
    ReadingPane > .reading-pane--italic { text-style: italic; }
    ReadingPane > .reading-pane--strike { text-style: strike; }
    ReadingPane > .reading-pane--rule { color: $foreground-muted; }
    ReadingPane > .reading-pane--table { color: $foreground; }
    ReadingPane > .reading-pane--table-header { text-style: bold; color: $text-primary; }
    ReadingPane > .reading-pane--gutter { color: $foreground-muted; }
    ReadingPane > .reading-pane--cursor { color: $accent; }
    ReadingPane:blur > .reading-pane--cursor { color: $foreground-muted; }
    ReadingPane > .reading-pane--search { background: $warning-muted; }
    ReadingPane > .reading-pane--search-current { background: $warning; color: $background; }
    ReadingPane > .reading-pane--selection { background: $screen-selection-background; }
    ReadingPane > .reading-pane--highlight { background: $accent-muted; }
    ReadingPane > .reading-pane--note { text-style: none; background: $accent-muted; }
    ReadingPane > .reading-pane--mark-yellow { background: $warning-muted; text-style: underline; }
    ReadingPane > .reading-pane--mark-green { background: $success-muted; text-style: underline; }
    ReadingPane > .reading-pane--mark-blue { background: $primary-muted; text-style: underline; }
    ReadingPane > .reading-pane--mark-pink { background: $error-muted; text-style: underline; }
    """

    @dataclass
    class CursorMoved(Message):
        """The reading cursor moved to another block."""

        pane: ReadingPane
        block: int
        offset: int

        @property
        def control(self) -> ReadingPane:
            """The pane that sent the message."""
            return self.pane

    @dataclass
    class EndWanted(Message):
        """End was pressed before the article finished parsing: whoever parses it can finish now."""

        pane: ReadingPane

        @property
        def control(self) -> ReadingPane:
            """The pane that sent the message."""
            return self.pane

    progress: reactive[int] = reactive(0, init=False)
    """How far the reader is, in percent (100 at the end)."""

    def __init__(self, article: Article | None = None, *, name: str | None = None,
                 id: str | None = None, classes: str | None = None,  # noqa: A002
                 measure: int = DEFAULT_MEASURE) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._article = article or Article(title="", text="", blocks=[])
        self._measure = max(MIN_MEASURE, min(MAX_MEASURE, measure))
        self.styles.max_width = self._measure + GUTTER_WIDTH + RIGHT_MARGIN + SCROLLBAR_WIDTH  # see measure
        self._width = 0  # wrap width (cells, prefix included), 0 until the first layout
        self._heights = HeightIndex()
        self._lines: dict[int, list[Line]] = {}
        self._strips: dict[int, dict[int, Strip]] = {}
        self._overlays = OverlayStore()
        self._overlay_specs: dict[str, list[tuple[int, int, Style | str]]] = {}
        self._marks: dict[int, Text] = {}
        self._mark_layers: dict[str, dict[int, Text]] = {}
        self._cursor = 0
        self._top_offset = 0
        self._renderer: LineRenderer | None = None
        self._stick_to_end = False  # End pressed while the article is still growing
        self._refinements = 0  # bumped whenever a laid-out block's height differs from its estimate
        self._settled: tuple[int, ...] | None = None  # the state the last _settle left (see _settle_key)

    # -- article ---------------------------------------------------------------------------

    @property
    def article(self) -> Article:
        """The article shown."""
        return self._article

    def set_article(self, article: Article) -> None:
        """Show another article from its top; overlays, marks and the cursor are reset."""
        self._article = article
        self._overlays = OverlayStore()
        self._overlay_specs = {}
        self._marks = {}
        self._mark_layers = {}
        self._cursor = 0
        self._top_offset = 0
        self._width = 0
        self._relayout(anchor=0)
        self._set_top(0)
        self.refresh()

    def extend_article(self, article: Article) -> None:
        """Take a grown snapshot of the same article (more blocks parsed); the view stays put."""
        old = self._article
        count = len(old.blocks)
        at_end = self._width and round(self.scroll_y) >= self._max_y()
        self._article = article
        self._renderer = None
        if not self._width:
            return
        if count:  # the old last block may now have a gap after it
            self._forget(count - 1)
        for index in range(count, len(article.blocks)):
            following = article.blocks[index + 1] if index + 1 < len(article.blocks) else None
            self._heights.append(estimate_height(article.text, article.blocks[index], self._width, following))
        self._overlays.rebucket(article)
        self._update_virtual_size()
        if at_end and self._stick_to_end:  # End was pressed before the parse finished
            self.action_bottom()
        else:
            self._settle()
        self.refresh()

    # -- overlays, gutter, cursor ------------------------------------------------------------

    def set_overlay(self, layer: str, spans: Iterable[tuple[int, int, Style | str]]) -> None:
        """Show styled ``(start, end, style)`` spans (offsets into ``Article.text``) on ``layer``.

        Replaces the layer's previous spans. A style may be a Rich ``Style``, the name of one
        of this pane's component classes (themeable), or a Rich style definition such as
        ``"bold red"``. Layers stack in :data:`reader.view.overlays.LAYER_ORDER`.
        """
        specs = [(start, end, style) for start, end, style in spans if end > start]
        self._overlay_specs[layer] = specs  # kept to re-resolve theme styles when the theme changes
        resolved = [(start, end, self._resolve_style(style)) for start, end, style in specs]
        touched = self._overlays.set(layer, resolved, self._article)
        self._invalidate(touched)

    def clear_overlay(self, layer: str) -> None:
        """Remove every span of ``layer``."""
        self._overlay_specs.pop(layer, None)
        self._invalidate(self._overlays.clear(layer))

    def overlay_spans(self, layer: str) -> list[tuple[int, int, Style]]:
        """The spans currently shown on ``layer``."""
        return self._overlays.spans(layer)

    def set_gutter_marks(self, marks: dict[int, str | Text], layer: str = "default") -> None:
        """Show marks left of each given block's first line; replaces the marks of ``layer``.

        Several features mark the gutter (notes, quotes); each owns a layer. A block's marks
        are shown side by side, ``notes`` first, cropped to the gutter's two cells.
        """
        new = {index: mark if isinstance(mark, Text) else Text(mark) for index, mark in marks.items()}
        old = self._mark_layers.get(layer, {})
        self._mark_layers[layer] = new
        touched = set(old) | set(new)
        for index in touched:
            parts = [self._mark_layers[name][index] for name in sorted(self._mark_layers, key=_gutter_order)
                     if index in self._mark_layers[name]]
            if parts:
                self._marks[index] = Text("").join(parts)
            else:
                self._marks.pop(index, None)
        self._invalidate(touched)

    def gutter_marks(self, layer: str = "default") -> dict[int, Text]:
        """The marks ``layer`` currently shows, by block index."""
        return dict(self._mark_layers.get(layer, {}))

    @property
    def cursor_block(self) -> int:
        """Index of the block the reading cursor is on."""
        return self._cursor

    @property
    def cursor_offset(self) -> int:
        """Offset in ``Article.text`` where the cursor block starts."""
        blocks = self._article.blocks
        return blocks[self._cursor].start if blocks else 0

    def move_cursor(self, block: int, *, scroll: bool = True) -> None:
        """Put the reading cursor on ``block`` (clamped); scroll it into view if asked."""
        blocks = self._article.blocks
        if not blocks:
            return
        block = max(0, min(block, len(blocks) - 1))
        if scroll:
            self._scroll_block_into_view(block)
        if block != self._cursor:
            old, self._cursor = self._cursor, block
            self._invalidate({old, block})
            self.post_message(self.CursorMoved(self, block, blocks[block].start))

    # -- measure -------------------------------------------------------------------------------

    @property
    def measure(self) -> int:
        """The longest line of text in cells (quote bars and list indents included, not the gutter).

        The pane itself is never wider than the measure with its gutter, margin and scrollbar, so
        a container that centres it (the reader screen does) centres the text in a wide terminal.
        """
        return self._measure

    # -- reading position --------------------------------------------------------------------

    @property
    def top_offset(self) -> int:
        """Offset in ``Article.text`` of the first line shown (the reading position)."""
        return self._top_offset

    def line_at(self, y: int) -> tuple[int, int] | None:
        """The ``(start, end)`` text range shown on viewport row ``y`` (None past the end)."""
        if not self._article.blocks or not self._width:
            return None
        virtual_y = round(self.scroll_y) + y
        if not 0 <= virtual_y < self._heights.total:
            return None
        block, line_no = self._heights.find(virtual_y)
        lines = self._layout(block)
        if line_no >= len(lines):
            return None
        line = lines[line_no]
        return line.start, line.end

    def visible_range(self) -> tuple[int, int]:
        """The text offsets from the first to the last line on screen (for lazy analysis)."""
        ranges = [r for r in (self.line_at(y) for y in range(self._view_height())) if r is not None]
        if not ranges:
            return 0, 0
        return ranges[0][0], ranges[-1][1]

    def scroll_to_offset(self, offset: int, *, move_cursor: bool = True) -> None:
        """Bring the line holding ``offset`` into view (a third from the top if it was hidden)."""
        if not self._article.blocks or not self._ensure_width():
            return
        block = max(0, self._article.block_at(offset))
        lines = self._layout(block)
        index = max((i for i, line in enumerate(lines) if line.start <= offset), default=0)
        self._layout_backwards(block, self._view_height())
        y = self._heights.prefix(block) + index
        top = round(self.scroll_y)
        height = self._view_height()
        if not top <= y < top + height:
            self._scroll_y(y - height // 3)
        if move_cursor:
            self.move_cursor(block, scroll=False)

    @property
    def top_line(self) -> int:
        """The virtual line at the top of the view (with :meth:`scroll_to_line`, to come back)."""
        return round(self.scroll_y)

    def scroll_to_line(self, y: int) -> None:
        """Put virtual line ``y`` at the top (as saved from :attr:`top_line`)."""
        self._scroll_y(y)

    # -- actions -----------------------------------------------------------------------------

    def action_line_down(self) -> None:
        """Scroll one line down."""
        self._scroll_y(round(self.scroll_y) + 1)

    def action_line_up(self) -> None:
        """Scroll one line up."""
        self._scroll_y(round(self.scroll_y) - 1)

    def action_page_down(self) -> None:
        """Scroll a page down (one line of the old page stays visible)."""
        self._scroll_y(round(self.scroll_y) + max(1, self._view_height() - 1))

    def action_page_up(self) -> None:
        """Scroll a page up."""
        self._scroll_y(round(self.scroll_y) - max(1, self._view_height() - 1))

    def action_top(self) -> None:
        """Go to the start of the article."""
        self._scroll_y(0)
        if self._article.blocks:
            self.move_cursor(0, scroll=False)

    def action_bottom(self) -> None:
        """Go to the end of the article (lays out only the last screenful)."""
        blocks = self._article.blocks
        if not blocks or not self._ensure_width():
            return
        self._layout_backwards(len(blocks) - 1, self._view_height())
        self._update_virtual_size()
        self._scroll_y(self._max_y())
        self.move_cursor(len(blocks) - 1, scroll=False)
        self._stick_to_end = not self._article.complete
        if self._stick_to_end:
            self.post_message(self.EndWanted(self))

    def action_cursor_next(self) -> None:
        """Move the reading cursor to the next block."""
        self.move_cursor(self._cursor + 1)

    def action_cursor_previous(self) -> None:
        """Move the reading cursor to the previous block."""
        self.move_cursor(self._cursor - 1)

    # -- Textual hooks -----------------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        """Clicking a paragraph puts the reading cursor on it."""
        if not self._article.blocks or not self._width:
            return
        block, _ = self._heights.find(round(self.scroll_y) + event.y)
        self.move_cursor(block, scroll=False)

    def on_resize(self, event: events.Resize) -> None:
        """Re-wrap to the new width, keeping the line at the top."""
        self._ensure_width()
        self._settle_if_needed()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        """Lay out what came into view and keep the reading position and cursor in step."""
        super().watch_scroll_y(old_value, new_value)
        if self._width:
            self._settle_if_needed()

    def notify_style_update(self) -> None:
        """A theme or CSS change: cached strips hold old colours."""
        super().notify_style_update()
        self._renderer = None
        self._strips.clear()
        self._overlay_styles_stale = True  # re-resolved at the next render, once the new CSS applies

    def render_lines(self, crop: Region) -> list[Strip]:
        """Make sure the width is current and the visible blocks are laid out, then render."""
        if self._ensure_width():
            self._settle_if_needed()
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        """Render line ``y`` of the viewport from the cached strips."""
        width = self.scrollable_content_region.width
        blocks = self._article.blocks
        virtual_y = round(self.scroll_y) + y
        if not blocks or not self._width or virtual_y >= self._heights.total:
            return Strip.blank(width, self.rich_style)
        index, line_no = self._heights.find(virtual_y)
        lines = self._layout(index)
        if line_no >= len(lines):
            return Strip.blank(width, self.rich_style)
        cache = self._strips.get(index)
        if cache is None:
            if len(self._strips) > STRIP_CACHE_BLOCKS:
                self._strips.clear()
            cache = self._strips[index] = {}
        strip = cache.get(line_no)
        if strip is None or strip.cell_length != width:
            strip = self._render_strip(index, lines[line_no], width)
            cache[line_no] = strip
        return strip

    # -- internals ---------------------------------------------------------------------------

    def _restyle_overlays(self) -> None:
        """Resolve overlay styles given as component-class names again (the theme changed)."""
        self._overlay_styles_stale = False
        for layer, specs in self._overlay_specs.items():
            if any(isinstance(style, str) for _, _, style in specs):
                resolved = [(start, end, self._resolve_style(style)) for start, end, style in specs]
                self._overlays.set(layer, resolved, self._article)

    def _render_strip(self, index: int, line: Line, width: int) -> Strip:
        if getattr(self, "_overlay_styles_stale", False):
            self._restyle_overlays()
        if self._renderer is None:
            self._renderer = LineRenderer(self._article.text, self._component_style, self.rich_style)
        return self._renderer.render(
            self._article.blocks[index], line, width, self._width,
            cursor=index == self._cursor, mark=self._marks.get(index),
            overlays=self._overlays.for_block(index),
        )

    def _component_style(self, name: str) -> Style:
        return self.get_component_rich_style(name, partial=True)

    def _resolve_style(self, style: Style | str) -> Style:
        if isinstance(style, Style):
            return style
        if style in self.COMPONENT_CLASSES:
            return self._component_style(style)
        return Style.parse(style)

    def _wrap_width(self) -> int:
        return max(8, min(self._measure, self.scrollable_content_region.width - GUTTER_WIDTH - RIGHT_MARGIN))

    def _view_height(self) -> int:
        return max(1, self.scrollable_content_region.height)

    def _max_y(self) -> int:
        return max(0, self._heights.total - self._view_height())

    def _ensure_width(self) -> bool:
        """Re-lay out if the width changed; return False while the pane has no size yet."""
        if self.scrollable_content_region.width <= 0:
            return False
        width = self._wrap_width()
        if width != self._width:
            self._width = width
            self._relayout(anchor=self._top_offset)
        return True

    def _relayout(self, anchor: int) -> None:
        """Drop every layout, re-estimate all heights and put ``anchor`` back on the top line."""
        self._lines.clear()
        self._strips.clear()
        self._renderer = None
        self._settled = None
        article = self._article
        blocks = article.blocks
        if not self._width:
            self._heights = HeightIndex()
            return
        text, width = article.text, self._width
        followers: list[Block | None] = [*blocks[1:], None] if blocks else []
        heights = [estimate_height(text, block, width, following)
                   for block, following in zip(blocks, followers, strict=True)]
        self._heights = HeightIndex(heights)
        if not blocks:
            self._update_virtual_size()
            return
        block = max(0, article.block_at(anchor))
        lines = self._layout(block)
        index = max((i for i, line in enumerate(lines) if line.start <= anchor), default=0)
        self._layout_backwards(block, self._view_height())
        self._update_virtual_size()
        self._set_top(min(self._heights.prefix(block) + index, self._max_y()))

    def _layout(self, index: int) -> list[Line]:
        """The exact lines of block ``index`` (laid out now if needed; its height updated)."""
        lines = self._lines.get(index)
        if lines is None:
            article = self._article
            blocks = article.blocks
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            lines = layout_block(article.text, blocks[index], self._width, following)
            self._lines[index] = lines
            if self._heights.set(index, len(lines)):
                self._refinements += 1  # lines below moved: the anchor may need putting back
        return lines

    def _layout_backwards(self, index: int, cells: int) -> None:
        """Lay out blocks from ``index`` back until they cover ``cells`` lines."""
        covered = 0
        while index >= 0 and covered < cells:
            covered += len(self._layout(index))
            index -= 1

    def _forget(self, index: int) -> None:
        self._lines.pop(index, None)
        self._strips.pop(index, None)
        self._settled = None

    def _invalidate(self, blocks: Iterable[int]) -> None:
        for index in blocks:
            self._strips.pop(index, None)
        self.refresh()

    def _update_virtual_size(self) -> None:
        size = Size(self.scrollable_content_region.width, self._heights.total)
        if size != self.virtual_size:
            self.virtual_size = size

    def _scroll_y(self, y: int) -> None:
        """Scroll to line ``y`` at once (no animation), laying out what comes into view."""
        if not self._ensure_width():
            return
        height = self._view_height()
        current = round(self.scroll_y)
        if y < current <= y + 2 * height:  # a short move up: lay out what comes into view first
            top_block, _ = self._heights.find(current)
            before = self._heights.prefix(top_block)
            self._layout_backwards(top_block, current - y + height)
            shift = self._heights.prefix(top_block) - before
            y += shift
        self._update_virtual_size()
        y = max(0, min(y, self._max_y()))
        self._set_top(y)  # settles through watch_scroll_y when the top moved
        self._settle_if_needed()

    def _set_top(self, y: int) -> None:
        """Put virtual line ``y`` at the top at once (no animation; scrollbar updated)."""
        self.scroll_to(y=y, animate=False, force=True)

    def _settle_key(self) -> tuple[int, ...]:
        """Everything :meth:`_settle` reads: while it is unchanged, settling again changes nothing."""
        return (round(self.scroll_y), self._width, self._view_height(), len(self._article.blocks),
                self._refinements, self._cursor)

    def _settle_if_needed(self) -> None:
        """Settle unless nothing moved since the last time.

        A key press reaches here three times (the scroll watcher, the action, the next render)
        and a frame may render more than once; only the first of them can change anything.
        """
        if self._settle_key() != self._settled:
            self._settle()

    def _settle(self) -> None:
        """Lay out the visible blocks and a screenful either side; anchor the top block."""
        blocks = self._article.blocks
        if not blocks:
            self.progress = 100
            self._settled = self._settle_key()
            return
        if not self._width:
            return
        heights = self._heights
        height = self._view_height()
        top = round(self.scroll_y)
        block, offset = heights.find(top)
        lines = self._layout(block)
        offset = min(offset, len(lines) - 1)
        # Below: the rest of the screen plus one more screenful.
        covered = len(lines) - offset
        index = block + 1
        while index < len(blocks) and covered < 2 * height:
            covered += len(self._layout(index))
            index += 1
        # Above: one screenful; refining these moves the anchor's virtual line, not the text.
        self._layout_backwards(block - 1, height)
        new_top = heights.prefix(block) + offset
        self._update_virtual_size()
        if new_top != top:
            self._set_top(min(new_top, self._max_y()))
        self._after_move(block, lines[offset])
        self._settled = self._settle_key()

    def _after_move(self, top_block: int, top_line: Line) -> None:
        """Record the reading position, update progress, keep the cursor on screen."""
        # Keep a more precise anchor (from before a resize) while it is still on the top line,
        # so resizing back and forth does not creep backwards.
        if not top_line.start <= self._top_offset <= top_line.end:
            self._top_offset = top_line.start
        top_offset = self._top_offset
        text_length = len(self._article.text)
        top = round(self.scroll_y)
        if self._heights.total <= self._view_height() or top >= self._max_y():
            self.progress = 100
        else:
            self.progress = min(99, top_offset * 100 // max(1, text_length))
        bottom_block, _ = self._heights.find(top + self._view_height() - 1)
        # A block whose text has scrolled off, leaving only its blank gap line on top, is not on
        # screen for the reader: the cursor bar (never drawn on a blank line) would vanish there.
        first_block = top_block + 1 if top_line.kind == BLANK and top_block < bottom_block else top_block
        if self._cursor < first_block or self._cursor > bottom_block:
            # Prefer the first block that starts on screen.
            start = self._heights.prefix(top_block)
            target = top_block if start >= top or top_block == bottom_block else top_block + 1
            self.move_cursor(min(target, bottom_block), scroll=False)

    def _scroll_block_into_view(self, block: int) -> None:
        if not self._ensure_width():
            return
        lines = self._layout(block)
        self._layout_backwards(block, self._view_height())
        start = self._heights.prefix(block)
        top = round(self.scroll_y)
        height = self._view_height()
        if start < top:
            self._scroll_y(start)
        elif start + min(len(lines), height) > top + height:
            self._scroll_y(start + min(len(lines), height) - height)


def _gutter_order(layer: str) -> tuple[int, str]:
    """Notes' marks come first in the gutter, then every other layer by name."""
    return (0 if layer == "notes" else 1, layer)
