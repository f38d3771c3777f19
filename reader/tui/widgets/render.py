"""Turn one laid-out :class:`~reader.view.layout.Line` into a :class:`~textual.strip.Strip`.

Article text is data: it is sliced from ``Article.text`` and emitted as plain
:class:`~rich.segment.Segment` objects, never parsed as markup. Styles come in three tiers,
combined in this order: the block's style (heading, quote, code, table), the inline styles
(bold, italic, code, link, strike) and the overlay layers (analysis, notes, search,
selection), each a list of ``(start, end, Style)`` spans in article offsets.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from reader.document.model import Block, BlockKind, InlineKind
from reader.view.layout import (
    BLANK,
    CODE_INDENT,
    FIRST,
    LIST_INDENT,
    RULE,
    TAB_WIDTH,
    Line,
    text_cells,
)

Span = tuple[int, int, Style]

TABLE_SEPARATOR = " | "
"""How the document model joins table cells."""

CURSOR_CHAR = "▎"
QUOTE_BAR = "▎ "
MARK_WIDTH = 2
GUTTER_WIDTH = 1 + MARK_WIDTH + 1
"""Cells at the left of every line: the cursor bar, a two-cell mark, a space."""

INLINE_CLASSES: dict[InlineKind, str] = {
    InlineKind.BOLD: "reading-pane--bold",
    InlineKind.ITALIC: "reading-pane--italic",
    InlineKind.CODE: "reading-pane--inline-code",
    InlineKind.LINK: "reading-pane--link",
    InlineKind.STRIKE: "reading-pane--strike",
}


def block_class(block: Block, row: int) -> str | None:
    """The component class styling a whole block (None: plain body text)."""
    kind = block.kind
    if kind is BlockKind.HEADING:
        return f"reading-pane--h{min(max(block.level, 1), 6)}"
    if kind is BlockKind.CODE:
        return "reading-pane--code-block"
    if kind is BlockKind.TABLE:
        return "reading-pane--table-header" if row < block.header_rows else "reading-pane--table"
    if kind is BlockKind.BLOCKQUOTE or block.quote:
        return "reading-pane--quote"
    return None


class LineRenderer:
    """Renders lines of one article with styles looked up by component class name."""

    def __init__(self, text: str, style_of: Callable[[str], Style], base: Style) -> None:
        self.text = text
        self.style_of = style_of
        self.base = base
        self._tables: dict[tuple[int, int], list[int]] = {}

    def render(
        self,
        block: Block,
        line: Line,
        width: int,
        text_width: int,
        *,
        cursor: bool,
        mark: Text | None,
        overlays: Sequence[Span],
    ) -> Strip:
        """Render ``line`` of ``block`` to exactly ``width`` cells.

        ``text_width`` is the width the block was wrapped to (prefix included); ``cursor``
        draws the reading-cursor bar; ``mark`` is the gutter mark (first line only);
        ``overlays`` are spans in layer order (later ones win).
        """
        base = self.base
        segments: list[Segment] = []
        gutter_style = base + self.style_of("reading-pane--gutter")
        if cursor and line.kind is not BLANK:
            segments.append(Segment(CURSOR_CHAR, base + self.style_of("reading-pane--cursor")))
        else:
            segments.append(Segment(" ", gutter_style))
        segments.extend(_mark_segments(mark if line.kind is FIRST else None, gutter_style))
        segments.append(Segment(" ", base))
        if line.kind is BLANK:
            return _finish(segments, width, base)
        kind_class = block_class(block, line.row)
        line_style = base + self.style_of(kind_class) if kind_class else base
        used = self._prefix(block, line, segments, line_style)
        if line.kind is RULE:
            rule_style = base + self.style_of("reading-pane--rule")
            columns = self._columns(block, text_width - used) if block.kind is BlockKind.TABLE else None
            rule = "─┼─".join("─" * cells for cells in columns) if columns else "─" * max(0, text_width - used)
            segments.append(Segment(rule, rule_style))
            return _finish(segments, width, base)
        columns = self._columns(block, text_width - used) if block.kind is BlockKind.TABLE else None
        if columns:
            body = self._table_row(block, line, line_style, overlays, columns)
        else:
            body = self._body(block, line, line_style, overlays)
        segments.extend(body)
        if block.kind is BlockKind.CODE:  # the code background spans the text column
            body_cells = sum(s.cell_length for s in body)
            pad = text_width - used - body_cells
            if pad > 0:
                segments.append(Segment(" " * pad, line_style))
        return _finish(segments, width, base)

    def _prefix(self, block: Block, line: Line, segments: list[Segment], line_style: Style) -> int:
        """Append quote bars, list indent/marker and code indent; return their cells."""
        used = 0
        if block.quote:
            bar = self.base + self.style_of("reading-pane--quote-bar")
            segments.append(Segment(QUOTE_BAR * block.quote, bar))
            used += len(QUOTE_BAR) * block.quote
        if block.kind is BlockKind.LIST_ITEM:
            indent = (max(block.depth, 1) - 1) * LIST_INDENT
            marker_cells = text_cells(block.marker) + 1
            if indent:
                segments.append(Segment(" " * indent, self.base))
            if line.kind is FIRST:
                marker_style = self.base + self.style_of("reading-pane--list-marker")
                segments.append(Segment(block.marker + " ", marker_style))
            else:
                segments.append(Segment(" " * marker_cells, self.base))
            used += indent + marker_cells
        elif block.depth:
            segments.append(Segment(" " * (block.depth * LIST_INDENT), self.base))
            used += block.depth * LIST_INDENT
        if block.kind is BlockKind.CODE:
            segments.append(Segment(" " * CODE_INDENT, line_style))
            used += CODE_INDENT
        return used

    def _columns(self, block: Block, avail: int) -> list[int] | None:
        """Column widths of a table, or None when the aligned table would not fit ``avail``."""
        key = (block.start, block.end)
        if key not in self._tables:
            rows = self.text[block.start:block.end].split("\n")
            cells = [row.split(TABLE_SEPARATOR) for row in rows]
            count = max(len(row) for row in cells)
            widths = [0] * count
            for row in cells:
                for index, cell in enumerate(row):
                    widths[index] = max(widths[index], text_cells(cell))
            self._tables[key] = widths
        widths = self._tables[key]
        fits = sum(widths) + len(TABLE_SEPARATOR) * (len(widths) - 1) <= avail
        return widths if fits else None

    def _table_row(self, block: Block, line: Line, line_style: Style, overlays: Sequence[Span],
                   columns: list[int]) -> list[Segment]:
        """A table row with its cells padded to the column widths and "│" between them."""
        segments: list[Segment] = []
        separator = Segment(" │ ", self.base + self.style_of("reading-pane--rule"))
        position = line.start
        for index, cells in enumerate(columns):
            if position > line.end:
                break
            cut = self.text.find(TABLE_SEPARATOR, position, line.end)
            cell_end = line.end if cut == -1 or index == len(columns) - 1 else cut
            if index:
                segments.append(separator)
            cell = Line(position, cell_end, line.kind, line.row)
            segments.extend(self._body(block, cell, line_style, overlays))
            pad = cells - text_cells(self.text[position:cell_end])
            if pad > 0 and index < len(columns) - 1:
                segments.append(Segment(" " * pad, line_style))
            if cut == -1:
                break
            position = cut + len(TABLE_SEPARATOR)
        return segments

    def _body(self, block: Block, line: Line, line_style: Style, overlays: Sequence[Span]) -> list[Segment]:
        """Segments of ``text[line.start:line.end]`` with inline styles and overlays applied."""
        start, end = line.start, line.end
        if start >= end:
            return []
        spans: list[Span] = [
            (inline.start, inline.end, self.style_of(INLINE_CLASSES[inline.kind]))
            for inline in block.inlines
            if inline.start < end and inline.end > start
        ]
        spans.extend(span for span in overlays if span[0] < end and span[1] > start)
        text = self.text
        if not spans:
            return [Segment(_detab(text[start:end]), line_style)]
        cuts = {start, end}
        for span_start, span_end, _ in spans:
            if span_start > start:
                cuts.add(span_start)
            if span_end < end:
                cuts.add(span_end)
        points = sorted(cuts)
        segments: list[Segment] = []
        for left, right in zip(points, points[1:], strict=False):
            style = line_style
            for span_start, span_end, span_style in spans:
                if span_start <= left and span_end >= right:
                    style = style + span_style
            segments.append(Segment(_detab(text[left:right]), style))
        return segments


def _detab(text: str) -> str:
    return text.replace("\t", " " * TAB_WIDTH) if "\t" in text else text


def _mark_segments(mark: Text | None, style: Style) -> list[Segment]:
    """The two mark cells: the mark cropped or padded to :data:`MARK_WIDTH`."""
    if mark is None or not mark.plain:
        return [Segment(" " * MARK_WIDTH, style)]
    fitted = mark.copy()
    fitted.truncate(MARK_WIDTH, overflow="crop", pad=True)
    return [Segment(part.text, style + part.style if part.style else style) for part in _text_parts(fitted)]


def _text_parts(text: Text) -> list[Segment]:
    """Split a Rich ``Text`` into segments by its spans, without a console."""
    plain = text.plain
    cuts = {0, len(plain)}
    for span in text.spans:
        cuts.update((max(0, min(span.start, len(plain))), max(0, min(span.end, len(plain)))))
    points = sorted(cuts)
    parts: list[Segment] = []
    base = text.style if isinstance(text.style, Style) else Style.parse(text.style or "")
    for left, right in zip(points, points[1:], strict=False):
        style = base
        for span in text.spans:
            if span.start <= left and span.end >= right:
                style = style + (span.style if isinstance(span.style, Style) else Style.parse(span.style))
        parts.append(Segment(plain[left:right], style))
    return parts


def _finish(segments: list[Segment], width: int, base: Style) -> Strip:
    strip = Strip(segments)
    return strip.extend_cell_length(width, base).crop(0, width)
