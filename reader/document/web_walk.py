"""Walk an element tree (trafilatura's XML or plain HTML) into the document model.

Both trees are walked by one :class:`TreeWalker`; a *classifier* says what each element is
(a heading, a list item, bold text, a link, something to skip...). Text and inline
elements flow into a pending :class:`InlineBuffer`; every block element flushes it, so loose
text in a ``<div>`` or text after a nested list still becomes its own block. Whitespace is
collapsed the way a browser would, every piece of text passes through
:func:`reader.sanitize.clean_text`, and link targets are kept only when they are ``http``,
``https`` or ``mailto`` addresses (``javascript:`` and ``data:`` links lose their target and
keep their text).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from reader.document.model import BlockKind, Inline, InlineKind, TextBuilder
from reader.sanitize import clean_line, clean_text

_SPACE = re.compile(r"[ \t\n\r\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})


@dataclass(frozen=True, slots=True)
class Role:
    """What an element is. ``name`` is one of the role names below; ``level``, ``ordered``,
    ``head`` and ``href`` carry the detail some roles need."""

    name: str
    level: int = 0
    ordered: bool = False
    head: bool = False
    href: str | None = None
    style: InlineKind | None = None


# Role names.
SKIP = "skip"  # drop the element and its content (its tail text stays)
CONTAINER = "container"  # a block-level box: flush before and after, walk the children
INLINE = "inline"  # a span with no style of its own: walk the children into the buffer
STYLE = "style"  # bold, italic, code, strike or link (``style`` and ``href``)
HEADING = "heading"
PARAGRAPH = "paragraph"
QUOTE = "quote"
LIST = "list"
ITEM = "item"
CODE_BLOCK = "code_block"
CODE_AUTO = "code_auto"  # trafilatura's <code>: a block when it stands alone, inline otherwise
TABLE = "table"
ROW_GROUP = "row_group"  # <thead>/<tbody>/<tfoot>: ``head`` is True for a header section
ROW = "row"
CELL = "cell"  # ``head`` is True for a header cell
BREAK = "break"
RULE = "rule"

Classifier = Callable[[object], Role]
_LAYOUT_ROLES = frozenset({PARAGRAPH, HEADING, QUOTE, LIST, TABLE, CODE_BLOCK, CONTAINER})


def safe_href(href: str | None, base_url: str = "") -> str | None:
    """Return an absolute http(s)/mailto target, or None for anything else (scripts, data, bad URLs)."""
    if not href:
        return None
    href = clean_line(href)
    if not href or href.startswith("#"):
        return None
    try:
        if base_url:
            href = urljoin(base_url, href)
        scheme = urlsplit(href).scheme.lower()
    except ValueError:
        return None
    return href if scheme in SAFE_SCHEMES else None


class InlineBuffer:
    """Text of the block being built, with its inline style ranges and any still open."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.inlines: list[Inline] = []
        self.open: list[list] = []  # [kind, start, href]
        self._last = ""

    def append(self, text: str) -> None:
        """Add text, collapsing whitespace runs to one space as HTML does."""
        text = _SPACE.sub(" ", clean_text(text))
        if not text:
            return
        if self._last in ("", " ", "\n") and text.startswith(" "):
            text = text[1:]
            if not text:
                return
        self._push(text)

    def hard_break(self) -> None:
        """A line break (``<br>``): a newline, never two in a row or at the start."""
        if self.length == 0:
            return
        if self._last == " ":
            self.parts[-1] = self.parts[-1][:-1]
            self.length -= 1
            self._last = self.parts[-1][-1:] if self.parts[-1] else ""
        if self._last != "\n" and self.length:
            self._push("\n")

    def _push(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)
        self._last = text[-1]

    def open_style(self, kind: InlineKind, href: str | None = None) -> None:
        self.open.append([kind, self.length, href])

    def close_style(self) -> None:
        kind, start, href = self.open.pop()
        if self.length > start:
            self.inlines.append(Inline(kind, start, self.length, href))

    def take(self) -> tuple[str, list[Inline]]:
        """Return the text and inline ranges so far and start afresh; open styles carry on."""
        text = "".join(self.parts).rstrip()
        end = len(text)
        for kind, start, href in self.open:
            if end > start:
                self.inlines.append(Inline(kind, start, end, href))
        inlines = [Inline(i.kind, i.start, min(i.end, end), i.href) for i in self.inlines if i.start < end]
        inlines.sort(key=lambda i: (i.start, -i.end))
        self.parts, self.length, self.inlines, self._last = [], 0, [], ""
        for entry in self.open:
            entry[1] = 0
        return text, inlines


@dataclass(slots=True)
class _Context:
    """Where flushed text goes: a paragraph, a heading or a list item."""

    kind: BlockKind
    level: int = 0
    marker: str = ""
    depth: int = 0


class TreeWalker:
    """Turn an element tree into blocks on a :class:`TextBuilder`."""

    def __init__(self, classify: Classifier, base_url: str = "") -> None:
        self.classify = classify
        self.base_url = base_url
        self.builder = TextBuilder()
        self.buffer = InlineBuffer()
        self.quote = 0
        self.lists: list[list] = []  # [ordered, next number]
        self.contexts: list[_Context] = [_Context(BlockKind.PARAGRAPH)]
        self.first_heading = ""

    # -- driving -------------------------------------------------------------------------

    def walk(self, root: object) -> TextBuilder:
        """Walk ``root`` (its own tag is treated as a container) and return the builder."""
        self._children(root)
        self.flush()
        return self.builder

    def _children(self, element: object) -> None:
        if element.text:  # type: ignore[attr-defined]
            self.buffer.append(element.text)  # type: ignore[attr-defined]
        for child in element:  # type: ignore[attr-defined]
            self._element(child)
            if child.tail:
                self.buffer.append(child.tail)

    def _element(self, element: object) -> None:
        role = self.classify(element)
        name = role.name
        if name == SKIP:
            return
        if name == INLINE:
            self._children(element)
        elif name == STYLE:
            assert role.style is not None
            href = safe_href(role.href, self.base_url) if role.style is InlineKind.LINK else None
            if role.style is InlineKind.LINK and href is None:
                self._children(element)
                return
            self.buffer.open_style(role.style, href)
            self._children(element)
            self.buffer.close_style()
        elif name == BREAK:
            self.buffer.hard_break()
        elif name == CODE_AUTO:
            text = "".join(element.itertext())  # type: ignore[attr-defined]
            if "\n" in text.strip("\n") or (self.buffer.length == 0 and not (element.tail or "").strip()):  # type: ignore[attr-defined]
                self._code_block(text)
            else:
                self.buffer.open_style(InlineKind.CODE)
                self._children(element)
                self.buffer.close_style()
        elif name == CODE_BLOCK:
            self._code_block("".join(element.itertext()))  # type: ignore[attr-defined]
        elif name == RULE:
            self.flush()
            self.builder.add(BlockKind.RULE, "", quote=self.quote)
        elif name == TABLE:
            self.flush()
            if self._is_layout_table(element):
                self._children(element)  # rows and cells act as plain containers
                self.flush()
            else:
                self._table(element)
        else:
            self._block(element, role)

    def _block(self, element: object, role: Role) -> None:
        self.flush()
        name = role.name
        if name == HEADING:
            self._within(element, _Context(BlockKind.HEADING, level=max(1, min(6, role.level or 2))))
        elif name == QUOTE:
            self.quote += 1
            self._children(element)
            self.flush()
            self.quote -= 1
        elif name == LIST:
            self.lists.append([role.ordered, 1])
            self._children(element)
            self.flush()
            self.lists.pop()
        elif name == ITEM:
            if not self.lists:  # a stray <li>: treat it as a one-item bullet list
                self.lists.append([False, 1])
                self._item(element)
                self.lists.pop()
            else:
                self._item(element)
        elif name == PARAGRAPH:
            self._children(element)
            self.flush()
        else:  # CONTAINER
            self._children(element)
            self.flush()

    def _item(self, element: object) -> None:
        current = self.lists[-1]
        depth = len(self.lists)
        if current[0]:
            marker = f"{current[1]}."
            current[1] += 1
        else:
            marker = "•" if depth % 2 else "◦"
        self._within(element, _Context(BlockKind.LIST_ITEM, marker=marker, depth=depth))

    def _within(self, element: object, context: _Context) -> None:
        self.contexts.append(context)
        self._children(element)
        self.flush()
        self.contexts.pop()

    # -- emitting ------------------------------------------------------------------------

    def flush(self) -> None:
        """Turn the pending text into a block of the current context's kind."""
        text, inlines = self.buffer.take()
        if not text:
            return
        context = self.contexts[-1]
        if context.kind is BlockKind.HEADING:
            text = text.replace("\n", " ")  # one line; same length, so the inline ranges stay put
            if not self.first_heading:
                self.first_heading = text
            self.builder.add(BlockKind.HEADING, text, inlines, level=context.level, quote=self.quote)
        elif context.kind is BlockKind.LIST_ITEM:
            self.builder.add(BlockKind.LIST_ITEM, text, inlines, depth=context.depth, quote=self.quote,
                             marker=context.marker)
            context.marker = ""  # later paragraphs of the same item carry no bullet
        elif self.lists:  # loose text directly inside a list
            self.builder.add(BlockKind.LIST_ITEM, text, inlines, depth=len(self.lists), quote=self.quote)
        elif self.quote:
            self.builder.add(BlockKind.BLOCKQUOTE, text, inlines, quote=self.quote)
        else:
            self.builder.add(BlockKind.PARAGRAPH, text, inlines)

    def _code_block(self, raw: str) -> None:
        self.flush()
        code = clean_text(raw).replace("\u00a0", " ").strip("\n").rstrip()
        code = re.sub(r"\n{2,}", "\n \n", code)  # keep blank lines without making a block separator
        if code.strip():
            self.builder.add(BlockKind.CODE, code, quote=self.quote, depth=len(self.lists))

    def _table(self, element: object) -> None:
        rows: list[tuple[str, list[Inline]]] = []
        header_rows = 0
        counting_header = True
        for row, in_head in self._rows(element):
            cells: list[tuple[str, list[Inline]]] = []
            all_head = True
            for cell, is_head in row:
                walker = TreeWalker(self.classify, self.base_url)
                walker._children(cell)
                text, inlines = walker.buffer.take()
                text = text.replace("\n", " ")  # same length: inline ranges stay put
                cells.append((text, inlines))
                all_head = all_head and (is_head or not text)
            filled = [cell for cell in cells if cell[0]]
            if not filled:
                continue
            if len(filled) == 1 and cells[0][0]:  # a caption or a cell spanning the row
                cells = filled
            rows.append(_join(cells, " | "))
            if counting_header and (in_head or all_head):
                header_rows += 1
            else:
                counting_header = False
        if not rows:
            return
        text, inlines = _join(rows, "\n")
        self.builder.add(BlockKind.TABLE, text, inlines, quote=self.quote, header_rows=header_rows)

    def _is_layout_table(self, table: object) -> bool:
        """A table used for page layout: its cells hold paragraphs, headings, lists or tables."""
        iterator = table.iter()  # type: ignore[attr-defined]
        next(iterator)  # the table itself
        return any(self.classify(element).name in _LAYOUT_ROLES for element in iterator)

    def _rows(self, table: object) -> list[tuple[list[tuple[object, bool]], bool]]:
        """Rows of a table as (cells, inside a header section), cells as (element, is header)."""
        rows: list[tuple[list[tuple[object, bool]], bool]] = []

        def visit(element: object, in_head: bool) -> None:
            for child in element:  # type: ignore[attr-defined]
                role = self.classify(child)
                if role.name == ROW:
                    cells = [(c, self.classify(c).head) for c in child if self.classify(c).name == CELL]
                    rows.append((cells, in_head))
                elif role.name == ROW_GROUP:
                    visit(child, role.head)

        visit(table, False)
        return rows


def _join(pieces: list[tuple[str, list[Inline]]], separator: str) -> tuple[str, list[Inline]]:
    parts: list[str] = []
    inlines: list[Inline] = []
    offset = 0
    for text, piece_inlines in pieces:
        if parts:
            parts.append(separator)
            offset += len(separator)
        parts.append(text)
        inlines.extend(Inline(i.kind, i.start + offset, i.end + offset, i.href) for i in piece_inlines)
        offset += len(text)
    return "".join(parts), inlines
