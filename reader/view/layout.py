"""Pure line layout for the reading pane: wrapping, height estimates and a height index.

Nothing here touches Textual, so it is cheap to unit-test. A block is laid out into
:class:`Line` records that are *ranges into* ``Article.text`` rather than copies of it: the
pane renders a line by slicing the text and applying inline styles and overlays by offset,
so highlights, search matches and notes never force a re-wrap.

Widths are terminal cells: wide (CJK) characters count two, a tab counts :data:`TAB_WIDTH`.
"""

from __future__ import annotations

import math
import re
from typing import NamedTuple

from rich.cells import cell_len

from reader.document.model import Block, BlockKind

TAB_WIDTH = 4
"""Cells a tab takes; the pane renders each tab as this many spaces."""

QUOTE_BAR_WIDTH = 2
"""Cells of one block-quote bar ("▎ ")."""

CODE_INDENT = 2
"""Cells code blocks are indented by."""

LIST_INDENT = 2
"""Cells each list nesting level indents by."""

_TOKEN = re.compile(r"[ \t]+|[^ \t]+")
# Any character that is not certainly one cell wide (tabs, wide CJK, combining and zero-width
# marks, emoji): text without them wraps by counting characters, which is much faster.
_NOT_NARROW = re.compile(
    "[^\x20-\x7e\xa0-\xac\xae-\u02ff\u0370-\u0482\u048a-\u052f\u2010-\u2027\u2030-\u205e\u20a0-\u20bf]"
)


class Line(NamedTuple):
    """One visual line: ``text[start:end]`` of the article, drawn with the block's prefix.

    ``kind`` is :data:`FIRST` (first line of the block: list marker goes here), :data:`TEXT`
    (a continuation), :data:`BLANK` (the gap after a block) or :data:`RULE` (a horizontal
    rule: a rule block, or the line under a table's header). ``row`` is the hard-line index
    inside the block (a table row, a code line).
    """

    start: int
    end: int
    kind: int
    row: int = 0


FIRST = 0
TEXT = 1
BLANK = 2
RULE = 3


def text_cells(text: str) -> int:
    """Cells ``text`` takes on screen (tabs count :data:`TAB_WIDTH`)."""
    if text.isascii():
        return len(text) + text.count("\t") * (TAB_WIDTH - 1)
    return cell_len(text.replace("\t", " " * TAB_WIDTH))


def wrap_range(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Word-wrap ``text[start:end]`` to ``width`` cells; return absolute ``(start, end)`` ranges.

    Hard newlines always break. Lines break at spaces/tabs; the spaces at a break belong to
    no line. A word wider than the line is cut by cells (this is also how text without spaces,
    such as Chinese, wraps). Leading whitespace of a hard line is kept (code indentation).
    An empty hard line yields an empty range.
    """
    width = max(1, width)
    ranges: list[tuple[int, int]] = []
    pos = start
    while pos <= end:
        nl = text.find("\n", pos, end)
        hard_end = end if nl == -1 else nl
        _wrap_hard_line(text, pos, hard_end, width, ranges)
        if nl == -1:
            break
        pos = nl + 1
    return ranges


def _wrap_hard_line(text: str, start: int, end: int, width: int, out: list[tuple[int, int]]) -> None:
    if start >= end:
        out.append((start, start))
        return
    if not _NOT_NARROW.search(text, start, end):
        if end - start <= width:
            out.append((start, end))
        else:
            _wrap_narrow(text, start, end, width, out)
        return
    _wrap_tokens(text, start, end, width, out)


def _wrap_narrow(text: str, start: int, end: int, width: int, out: list[tuple[int, int]]) -> None:
    """Exactly what :func:`_wrap_tokens` does, for text where every character is one cell.

    It jumps a line at a time with ``rfind`` instead of walking every word, so a
    multi-megabyte paragraph lays out many times faster. A property test checks that both agree.
    """
    indent = _count_spaces(text, start, end)
    if indent == end - start:  # only spaces, wider than the line
        out.append((start, start))
        return
    line_start = start if indent <= width else start + indent
    while True:
        if end - line_start <= width:
            if line_start < end:  # (only spaces may follow the last break)
                out.append((line_start, _rstrip_end(text, line_start, end)))
            return
        limit = line_start + width
        space = limit if text[limit] == " " else text.rfind(" ", line_start, limit)
        word_end = _rstrip_end(text, line_start, space) if space > line_start else line_start
        first_word = line_start + indent if line_start == start else line_start
        if word_end > first_word:
            out.append((line_start, word_end))
            line_start = space + _count_spaces(text, space, end)
            continue
        # The first word does not fit: the kept indentation is a line of its own, then the
        # word is cut at the edge; its last piece starts the next line.
        if first_word > line_start:
            out.append((line_start, first_word))
        word_stop = text.find(" ", first_word, end)
        word_stop = end if word_stop == -1 else word_stop
        line_start = first_word
        while word_stop - line_start > width:
            out.append((line_start, line_start + width))
            line_start += width


def _count_spaces(text: str, start: int, end: int) -> int:
    """How many spaces run from ``start``."""
    index = start
    while index < end and text[index] == " ":
        index += 1
    return index - start


def _rstrip_end(text: str, start: int, end: int) -> int:
    """``end`` moved back over trailing spaces (not before ``start``)."""
    while end > start and text[end - 1] == " ":
        end -= 1
    return end


def _wrap_tokens(text: str, start: int, end: int, width: int, out: list[tuple[int, int]]) -> None:
    """Word-wrap one hard line token by token (any text: wide characters, tabs)."""
    emitted = len(out)
    line_start = line_end = start  # line_end: end of the last word placed on the current line
    col = 0
    for match in _TOKEN.finditer(text, start, end):
        token = match.group()
        if token[0] in " \t":
            cells = text_cells(token)
            if line_end == start and cells <= width:
                line_end = match.end()  # leading indentation of a hard line is kept
            col += cells
            continue
        cells = text_cells(token)
        if col + cells <= width:
            col += cells
            line_end = match.end()
            continue
        if cells > width and cells != len(token) and col < width:
            # Text without spaces (Chinese, Japanese) fills the current line before it is cut.
            piece_start = line_start
        else:
            if line_end > line_start:
                out.append((line_start, line_end))
            line_start = line_end = match.start()
            col = 0
            if cells <= width:
                col = cells
                line_end = match.end()
                continue
            piece_start = match.start()
        # A word longer than a line: cut it by cells.
        for index in range(match.start(), match.end()):
            char_cells = text_cells(text[index])
            if col + char_cells > width and index > piece_start:
                out.append((piece_start, line_end if index == match.start() else index))
                piece_start = index
                col = 0
            col += char_cells
        line_start = piece_start
        line_end = match.end()
    if line_end > line_start or len(out) == emitted:
        out.append((line_start, line_end))


def prefix_width(block: Block) -> int:
    """Cells drawn before a block's text: quote bars, list indent and marker, code indent."""
    width = block.quote * QUOTE_BAR_WIDTH
    if block.kind is BlockKind.LIST_ITEM:
        width += (max(block.depth, 1) - 1) * LIST_INDENT + text_cells(block.marker) + 1
    elif block.depth:
        width += block.depth * LIST_INDENT  # code or paragraphs nested in a list item
    if block.kind is BlockKind.CODE:
        width += CODE_INDENT
    return width


def has_gap_after(block: Block, following: Block | None) -> bool:
    """A blank line follows every block except the last and a list item followed by another."""
    if following is None:
        return False
    return not (block.kind is BlockKind.LIST_ITEM and following.kind is BlockKind.LIST_ITEM)


def layout_block(text: str, block: Block, width: int, following: Block | None) -> list[Line]:
    """Lay out one block to ``width`` cells (prefix included); the gap line comes last."""
    avail = max(1, width - prefix_width(block))
    lines: list[Line] = []
    if block.kind is BlockKind.RULE:
        lines.append(Line(block.start, block.end, RULE))
    else:
        row = 0
        pos = block.start
        for line_start, line_end in wrap_range(text, block.start, block.end, avail):
            row += text.count("\n", pos, line_start)
            pos = line_start
            lines.append(Line(line_start, line_end, TEXT if lines else FIRST, row))
        if block.kind is BlockKind.TABLE and block.header_rows:
            last_header = max((i for i, line in enumerate(lines) if line.row < block.header_rows), default=-1)
            if 0 <= last_header < len(lines) - 1:
                at = lines[last_header].end
                lines.insert(last_header + 1, Line(at, at, RULE, block.header_rows - 1))
    if has_gap_after(block, following):
        lines.append(Line(block.end, block.end, BLANK, -1))
    return lines


def estimate_height(text: str, block: Block, width: int, following: Block | None) -> int:
    """A cheap guess of :func:`layout_block`'s line count, from length and hard newlines."""
    gap = 1 if has_gap_after(block, following) else 0
    if block.kind is BlockKind.RULE:
        return 1 + gap
    avail = max(1, width - prefix_width(block))
    hard = text.count("\n", block.start, block.end) + 1
    length = block.end - block.start
    # Word wrapping leaves on average about a tenth of each line empty.
    soft = math.ceil(length * 1.1 / avail) if length > avail else 1
    extra = 1 if block.kind is BlockKind.TABLE and block.header_rows else 0
    return max(hard, soft) + extra + gap


class HeightIndex:
    """Block heights with prefix sums (a Fenwick tree): find the block at line ``y`` in log time.

    Heights start as estimates and are replaced by exact ones as blocks are laid out;
    :meth:`exact` says which is which.
    """

    def __init__(self, heights: list[int] | None = None) -> None:
        self._heights: list[int] = []
        self._tree: list[int] = [0]
        self._exact: list[bool] = []
        self._total = 0
        if heights:
            self.reset(heights)

    def reset(self, heights: list[int]) -> None:
        """Replace every height (all estimates) in linear time."""
        self._heights = list(heights)
        self._exact = [False] * len(heights)
        tree = [0] + self._heights
        size = len(tree)
        for i in range(1, size):
            parent = i + (i & -i)
            if parent < size:
                tree[parent] += tree[i]
        self._tree = tree
        self._total = sum(self._heights)

    def __len__(self) -> int:
        return len(self._heights)

    @property
    def total(self) -> int:
        """Sum of all heights."""
        return self._total

    def height(self, index: int) -> int:
        """Height of block ``index``."""
        return self._heights[index]

    def exact(self, index: int) -> bool:
        """True once block ``index`` has its laid-out height."""
        return self._exact[index]

    def append(self, height: int) -> None:
        """Add a block at the end (an estimate)."""
        i = len(self._heights) + 1
        self._heights.append(height)
        self._exact.append(False)
        low = i & -i
        self._tree.append(height + self.prefix(i - 1) - self.prefix(i - low))
        self._total += height

    def set(self, index: int, height: int, exact: bool = True) -> int:
        """Set block ``index``'s height; return the change."""
        delta = height - self._heights[index]
        self._exact[index] = exact
        if delta:
            self._heights[index] = height
            self._total += delta
            i = index + 1
            size = len(self._tree)
            while i < size:
                self._tree[i] += delta
                i += i & -i
        return delta

    def prefix(self, index: int) -> int:
        """Sum of the heights of blocks ``0 .. index-1`` (the first line of block ``index``)."""
        total = 0
        i = index
        while i > 0:
            total += self._tree[i]
            i -= i & -i
        return total

    def find(self, y: int) -> tuple[int, int]:
        """``(block, line inside it)`` for virtual line ``y`` (clamped to the content)."""
        count = len(self._heights)
        if count == 0:
            return 0, 0
        if y >= self._total:
            return count - 1, max(0, self._heights[-1] - 1)
        y = max(0, y)
        pos = 0
        remaining = y
        step = 1 << count.bit_length()
        while step:
            nxt = pos + step
            if nxt <= count and self._tree[nxt] <= remaining:
                pos = nxt
                remaining -= self._tree[nxt]
            step >>= 1
        return pos, remaining
