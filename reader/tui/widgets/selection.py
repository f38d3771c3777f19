"""Choosing a passage to note: a sentence cursor, a keyboard selection and mouse dragging.

:class:`SentenceCursor` is plain logic (no widgets): it knows the article's sentences (from
:mod:`reader.analysis.segment`, split at the document's blank lines so a sentence never
crosses a block), the sentence the cursor is on, and an optional anchor; the passage is the
anchor sentence through the cursor sentence. :class:`SelectablePane` is the reading pane
with mouse dragging: it turns a drag into a :class:`SelectablePane.Dragged` message carrying
text offsets, snapped to whole words.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from textual import events
from textual.message import Message

from reader.document.model import Article
from reader.tui.widgets.reading_pane import ReadingPane
from reader.tui.widgets.render import GUTTER_WIDTH


class SentenceCursor:
    """The sentence under the reading cursor and the selection grown from an anchor sentence."""

    def __init__(self) -> None:
        self._text = ""
        self._spans: list[tuple[int, int]] = []
        self._starts: list[int] = []
        self.index = 0
        self.anchor: int | None = None
        self.mouse: tuple[int, int] | None = None  # a dragged range overrides sentences

    def sync(self, article: Article) -> None:
        """Re-split when the article's text changed (it grew, or was refreshed)."""
        if article.text is self._text or article.text == self._text:
            return
        self._text = article.text
        from reader.analysis.segment import Segments  # late: sentence splitting is needed on first use

        segments = Segments(article.text)
        self._spans = [(s.start, s.end) for s in segments.sentences]
        self._starts = [start for start, _ in self._spans]
        self.index = min(self.index, max(0, len(self._spans) - 1))
        if self.anchor is not None:
            self.anchor = min(self.anchor, max(0, len(self._spans) - 1))

    @property
    def empty(self) -> bool:
        """True when the article has no sentences."""
        return not self._spans

    def index_at(self, offset: int) -> int:
        """The sentence containing ``offset`` (or the nearest one before it)."""
        return max(0, bisect_right(self._starts, offset) - 1)

    def sentence(self) -> tuple[int, int] | None:
        """The ``(start, end)`` of the cursor sentence."""
        return self._spans[self.index] if self._spans else None

    def move(self, step: int) -> tuple[int, int] | None:
        """Move by ``step`` sentences (clamped); returns the new cursor sentence."""
        if not self._spans:
            return None
        self.mouse = None
        self.index = max(0, min(len(self._spans) - 1, self.index + step))
        return self._spans[self.index]

    def go_to(self, offset: int) -> None:
        """Put the cursor on the sentence at ``offset``."""
        if self._spans:
            self.index = self.index_at(offset)

    def start_selection(self) -> None:
        """Anchor the selection at the cursor sentence (moving the cursor then extends it)."""
        self.mouse = None
        self.anchor = self.index

    def clear(self) -> None:
        """Drop the selection (the cursor stays)."""
        self.anchor = None
        self.mouse = None

    @property
    def selecting(self) -> bool:
        """True while a selection (keyboard or mouse) exists."""
        return self.anchor is not None or self.mouse is not None

    def passage(self) -> tuple[int, int] | None:
        """The passage a note would go on: the mouse range, the selection, or the cursor sentence."""
        if self.mouse is not None:
            return self.mouse
        if not self._spans:
            return None
        if self.anchor is None:
            return self._spans[self.index]
        low, high = sorted((self.anchor, self.index))
        return self._spans[low][0], self._spans[high][1]


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``[start, end)`` to whole words and trim surrounding whitespace."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class SelectablePane(ReadingPane):
    """The reading pane, plus selecting a passage by dragging the mouse over it."""

    @dataclass
    class Dragged(Message):
        """The mouse selected ``text[start:end]`` (whole words)."""

        pane: SelectablePane
        start: int
        end: int

        @property
        def control(self) -> SelectablePane:
            """The pane that sent the message."""
            return self.pane

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._drag_from: int | None = None

    def offset_at(self, x: int, y: int) -> int | None:
        """The text offset under viewport cell ``(x, y)`` (approximate inside indented blocks)."""
        line = self.line_at(y)
        if line is None:
            return None
        start, end = line
        return max(start, min(end, start + x - GUTTER_WIDTH))

    def on_mouse_down(self, event: events.MouseDown) -> None:
        """Start a drag where the button went down."""
        if event.button != 1:
            return
        self._drag_from = self.offset_at(event.x, event.y)
        if self._drag_from is not None:
            self.capture_mouse()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        """Grow the selection while the button is held."""
        if self._drag_from is None or not event.button:
            return
        here = self.offset_at(event.x, event.y)
        if here is not None and here != self._drag_from:
            low, high = sorted((self._drag_from, here))
            start, end = snap_to_words(self.article.text, low, high)
            if end > start:
                self.post_message(self.Dragged(self, start, end))

    def on_mouse_up(self, event: events.MouseUp) -> None:
        """End the drag."""
        if self._drag_from is not None:
            self._drag_from = None
            self.capture_mouse(False)
