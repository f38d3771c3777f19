"""A list that renders only the rows on screen, for thousands of notes or quotes.

DataTable and OptionList build every row up front (tens of microseconds each: a third of a
second for 10,000 notes); this list asks ``render_row(index, width)`` for the visible rows only,
each a :class:`rich.text.Text` built from plain strings (never markup). Up/Down, PageUp/PageDown,
Home/End move the cursor; Enter or a click on the cursor row posts :class:`VirtualList.Selected`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

RowRenderer = Callable[[int, int], Text]


class VirtualList(ScrollView, can_focus=True):
    """Rows drawn on demand (see the module docstring)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"virtual-list--cursor"}
    DEFAULT_CSS = """
    VirtualList { height: 1fr; }
    VirtualList > .virtual-list--cursor { background: $accent 35%; text-style: bold; }
    VirtualList:blur > .virtual-list--cursor { background: $accent 15%; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Open", key_display="Enter", id="rows.open"),
        Binding("up,k", "move(-1)", "Up", show=False, id="rows.up"),
        Binding("down,j", "move(1)", "Down", show=False, id="rows.down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="rows.page_up"),
        Binding("pagedown,space", "page(1)", "Page down", show=False, id="rows.page_down"),
        Binding("home,g", "edge(0)", "First", show=False, id="rows.first"),
        Binding("end,G", "edge(1)", "Last", show=False, id="rows.last"),
    ]

    cursor: reactive[int] = reactive(0, always_update=True)

    @dataclass
    class Selected(Message):
        """Enter (or a click) on a row."""

        list: VirtualList
        index: int

        @property
        def control(self) -> VirtualList:
            """The list the row is in."""
            return self.list

    @dataclass
    class Highlighted(Message):
        """The cursor moved to a row."""

        list: VirtualList
        index: int

        @property
        def control(self) -> VirtualList:
            """The list the row is in."""
            return self.list

    def __init__(self, render_row: RowRenderer, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.render_row = render_row
        self.count = 0

    def set_count(self, count: int, cursor: int = 0) -> None:
        """Show ``count`` rows (rendered when they scroll into view), the cursor on ``cursor``."""
        self.count = count
        self.virtual_size = Size(self.size.width, count)
        self.cursor = max(0, min(cursor, count - 1)) if count else 0
        self.refresh()

    def watch_cursor(self, cursor: int) -> None:
        """Keep the cursor row on screen and tell the screen."""
        height = max(1, self.scrollable_content_region.height)
        if cursor < self.scroll_offset.y:
            self.scroll_to(y=cursor, animate=False)
        elif cursor >= self.scroll_offset.y + height:
            self.scroll_to(y=cursor - height + 1, animate=False)
        self.refresh()
        if self.count:
            self.post_message(self.Highlighted(self, cursor))

    def render_line(self, y: int) -> Strip:
        """One visible line: a row, or blank below the last."""
        index = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if index >= self.count:
            return Strip.blank(width, base)
        text = self.render_row(index, width).copy()
        text.no_wrap = True
        text.truncate(width, overflow="ellipsis")
        segments = [Segment(s.text.replace("\n", " "), s.style, s.control)
                    for s in text.render(self.app.console) if s.text != "\n"]
        strip = Strip(segments).crop_extend(0, width, base)
        if index == self.cursor:
            strip = Strip(Segment.apply_style(strip, post_style=self.get_component_rich_style("virtual-list--cursor")))
        return strip

    def action_move(self, step: int) -> None:
        """Move the cursor up or down."""
        if self.count:
            self.cursor = max(0, min(self.count - 1, self.cursor + step))

    def action_page(self, direction: int) -> None:
        """Move the cursor a screen."""
        self.action_move(direction * max(1, self.scrollable_content_region.height - 1))

    def action_edge(self, end: int) -> None:
        """The first or the last row."""
        if self.count:
            self.cursor = self.count - 1 if end else 0

    def action_select(self) -> None:
        """Enter: the row under the cursor."""
        if self.count:
            self.post_message(self.Selected(self, self.cursor))

    def on_click(self, event: events.Click) -> None:
        """A click moves the cursor; a click on the cursor row selects it."""
        index = self.scroll_offset.y + event.y
        if 0 <= index < self.count:
            if index == self.cursor:
                self.action_select()
            else:
                self.cursor = index
