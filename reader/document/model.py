"""The document model every feature shares.

An :class:`Article` is one plain ``text`` string plus a list of :class:`Block` objects, each
owning the range ``text[start:end]``. Blocks are separated in ``text`` by a blank line
(``"\\n\\n"``). Inline styles (bold, italic, code, link, strike) are :class:`Inline` ranges
into the same string. Analysis, notes, search and export all speak in offsets into ``text``,
so they never depend on how the article was formatted on disk.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

BLOCK_SEPARATOR = "\n\n"


class BlockKind(StrEnum):
    """What a block is; the reading pane styles each kind from the theme."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    BLOCKQUOTE = "blockquote"
    LIST_ITEM = "list_item"
    CODE = "code"
    RULE = "rule"
    TABLE = "table"


class InlineKind(StrEnum):
    """Inline styles inside a block."""

    BOLD = "bold"
    ITALIC = "italic"
    CODE = "code"
    LINK = "link"
    STRIKE = "strike"


@dataclass(frozen=True, slots=True)
class Inline:
    """An inline style over ``text[start:end]``; ``href`` is set for links."""

    kind: InlineKind
    start: int
    end: int
    href: str | None = None


@dataclass(slots=True)
class Block:
    """One block of the article.

    ``level`` is the heading level (1-6); ``depth`` the list nesting (1 for a top-level item);
    ``quote`` how many block quotes enclose it; ``marker`` the list bullet or number ("•",
    "3."); ``lang`` a code block's info string. A paragraph inside a block quote is a
    ``BLOCKQUOTE`` block (``quote >= 1``). Table cells are joined by ``" | "`` and rows by
    ``"\\n"``; ``header_rows`` says how many leading rows are the header.
    """

    kind: BlockKind
    start: int
    end: int
    level: int = 0
    depth: int = 0
    quote: int = 0
    marker: str = ""
    lang: str = ""
    header_rows: int = 0
    inlines: list[Inline] = field(default_factory=list)


@dataclass(slots=True)
class Article:
    """A loaded article: title, metadata, plain text and its blocks.

    ``source`` is an absolute path, a URL or ``"-"`` for standard input; ``format`` is
    ``"markdown"``, ``"text"`` or ``"html"``. ``metadata`` may hold ``author``, ``site``,
    ``published`` and ``url``. ``complete`` is False while a large article is still being
    parsed in the background; ``text`` and ``blocks`` only ever grow, so offsets stay valid.
    """

    title: str
    text: str
    blocks: list[Block]
    source: str = ""
    format: str = "text"
    metadata: dict[str, str] = field(default_factory=dict)
    complete: bool = True

    def block_text(self, block: Block) -> str:
        """The text of one block."""
        return self.text[block.start:block.end]

    def block_at(self, offset: int) -> int:
        """Index of the block containing ``offset`` (or the nearest one before it)."""
        lo, hi = 0, len(self.blocks) - 1
        if hi < 0:
            return -1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.blocks[mid].start <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo

    @property
    def word_count(self) -> int:
        """Words in the text, counted by whitespace."""
        return len(self.text.split())


class TextBuilder:
    """Accumulates blocks into one text string, keeping every range exact.

    Loaders call :meth:`add` with a block's text and its inline ranges relative to that
    text; the builder places it after a blank-line separator and shifts the ranges.
    """

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self.blocks: list[Block] = []

    @property
    def length(self) -> int:
        """Current length of the text."""
        return self._length

    def add(self, kind: BlockKind, text: str, inlines: list[Inline] | None = None, **attrs: object) -> Block | None:
        """Append a block; empty text adds nothing (except rules). Returns the block added."""
        if not text and kind is not BlockKind.RULE:
            return None
        if self._parts:
            self._parts.append(BLOCK_SEPARATOR)
            self._length += len(BLOCK_SEPARATOR)
        start = self._length
        self._parts.append(text)
        self._length += len(text)
        return self._block(kind, start, inlines, attrs)

    def _block(self, kind: BlockKind, start: int, inlines: list[Inline] | None, attrs: dict[str, object]) -> Block:
        """Record the block just added at ``start``."""
        shifted = [Inline(i.kind, i.start + start, i.end + start, i.href) for i in inlines if i.end > i.start] \
            if inlines else []
        block = Block(kind, start, self._length, inlines=shifted, **attrs)  # type: ignore[arg-type]
        self.blocks.append(block)
        return block

    def text(self) -> str:
        """The text so far."""
        if len(self._parts) > 1:
            self._parts = ["".join(self._parts)]
        return self._parts[0] if self._parts else ""

    def text_and(self, more: str) -> str:
        """The text so far, then ``more`` (another builder's text) after a block separator: what
        ``text() + BLOCK_SEPARATOR + more`` gives, in one join (no copy of this text on its own
        first: 1.2 MB of a 3 MB article's); just ``more`` when there is no text yet. Changes nothing."""
        return "".join([*self._parts, BLOCK_SEPARATOR, more]) if self._parts else more


class TextOnlyBuilder(TextBuilder):
    """A :class:`TextBuilder` for callers that need the text and no blocks (``reader analyze``): it
    keeps only the first two blocks, which the headline rule reads, and makes no object for the
    others (a tenth of a large article's parse)."""

    _ADDED = Block(BlockKind.PARAGRAPH, 0, 0)
    """What :meth:`add` returns for a block it does not keep: something, as for any block added."""

    def _block(self, kind: BlockKind, start: int, inlines: list[Inline] | None, attrs: dict[str, object]) -> Block:
        if len(self.blocks) < 2:
            return super()._block(kind, start, inlines, attrs)
        return self._ADDED
