"""Markdown articles through markdown-it-py (CommonMark plus tables and strikethrough).

Raw HTML is not interpreted: it stays visible as text, because article text is data. Large
files are parsed in chunks cut at safe blank lines (outside fenced code, before an unindented
line), so the first screen can be shown before the rest is parsed; :class:`MarkdownParser`
keeps the state between chunks.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from reader import patterns

with patterns.warmed("markdown_it"):  # (its regular expressions from reader's cache: see there)
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

from reader.document.markdown_simple import Run, Simple, plain_text, simple_runs
from reader.document.model import (
    Article,
    BlockKind,
    Inline,
    InlineKind,
    TextBuilder,
    TextOnlyBuilder,
)

if TYPE_CHECKING:
    from reader.document.forked import ForkedParse

_FENCE_LINE = patterns.compile(r" {0,3}(`{3,}|~{3,})")
_FENCE_AFTER = patterns.compile(r"\n {0,3}(`{3,}|~{3,})")
"""A line opening with a fence's marks, matched at its start or found after a newline."""
_BLANK_LINE = patterns.compile(r"[^\S\n]*(?=\n|\Z)")
"""A line of white space only (what ``not line.strip()`` calls blank, Unicode spaces too), matched
at its start; ``_BLANK_AFTER`` finds the next one after a newline (a search that opens with a
literal character runs at C speed)."""
_BLANK_AFTER = patterns.compile(r"\n[^\S\n]*(?=\n|\Z)")
_REF_DEF = patterns.compile(r"^ {0,3}\[([^\]]+)\]:[ \t]*<?(\S+?)>?(?:[ \t]+[\"'(].*)?$", re.MULTILINE)
_FRONT_MATTER = patterns.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_LIST_START = patterns.compile(r"^(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)")
_INLINE_STYLES = {
    "strong_open": InlineKind.BOLD,
    "em_open": InlineKind.ITALIC,
    "s_open": InlineKind.STRIKE,
    "link_open": InlineKind.LINK,
}
_Half = tuple[str, bool, tuple[int, str] | None]
"""What a child parsing the second half sends back: its text, whether it made a block, its first heading."""
_CLOSERS = {"strong_close": "strong_open", "em_close": "em_open", "s_close": "s_open", "link_close": "link_open"}


def _markdown_it() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable(["table", "strikethrough"])
    return md


def split_front_matter(source: str) -> tuple[dict[str, str], str]:
    """Split simple YAML front matter (``key: value`` lines) from the markdown body."""
    match = _FRONT_MATTER.match(source)
    if not match:
        return {}, source
    meta: dict[str, str] = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip() and not key.startswith((" ", "\t", "-")):
            meta[key.strip().lower()] = value.strip().strip("'\"")
    # Keep the body's offsets simple: blank out the front matter instead of cutting it.
    return meta, "\n" * match.group(0).count("\n") + source[match.end():]


def chunk_spans(source: str, chunk_size: int, first_size: int | None = None) -> Iterator[tuple[int, int]]:
    """Yield the spans of pieces of ``source`` about ``chunk_size`` characters long, cut only where safe.

    The first piece may be shorter (at most ``first_size``): it is parsed while the reader waits for
    the first screen. A cut is safe at a blank line outside fenced code that is followed by a
    line starting in column 0 that is not a list marker, so no list item, block quote or code
    block is split.

    Only the fence lines and the blank lines from where a piece is long enough are looked at
    (found by regex), not every line: the cuts are those of a walk over every line.
    """
    size = chunk_size if first_size is None else min(chunk_size, first_size)
    length = len(source)
    if length <= size:
        yield 0, length
        return
    first = _FENCE_LINE.match(source)
    fences = [(0, first.group(1))] if first else []
    fences += [(m.start() + 1, m.group(1)) for m in _FENCE_AFTER.finditer(source)]
    next_fence = 0
    fence: str | None = None
    start = 0
    search = 0
    while True:
        reach = start + size - 1  # a cut needs the blank line to end here or later
        if reach >= length:
            break
        search = max(search, source.rfind("\n", 0, reach) + 1)
        if search >= length:
            break
        blank = _BLANK_LINE.match(source, search) or _BLANK_AFTER.search(source, search)
        if blank is None:
            break
        line_start = blank.start() + (source[blank.start()] == "\n")
        if line_start >= length:
            break
        while next_fence < len(fences) and fences[next_fence][0] < line_start:
            at, marker = fences[next_fence]
            next_fence += 1
            if fence is None:
                fence = marker
            elif marker[0] == fence[0] and len(marker) >= len(fence):
                line_end = source.find("\n", at)
                line = source[at:length if line_end < 0 else line_end]
                if not line.strip()[len(marker):].strip():
                    fence = None
        nxt = blank.end() + 1
        search = nxt
        if (fence is None and nxt < length and source[nxt] not in " \t\n"
                and not _LIST_START.match(source[nxt:nxt + 12])):
            yield start, nxt
            start = nxt
            size = chunk_size
    if start < length:
        yield start, length


FIRST_CHUNK = 16_000
"""Characters parsed before the first screen: more than a 200x60 terminal can show (12,000
cells), so the first screen is usually whole (markup such as long link targets or tables can make
it less); the rest is parsed in the background and grows in."""


class MarkdownParser:
    """Parse markdown into blocks, a chunk at a time, into one growing :class:`TextBuilder`."""

    def __init__(self, source: str, *, path: str = "", fallback_title: str = "", chunk_size: int = 64_000,
                 first_chunk_size: int = FIRST_CHUNK) -> None:
        self.metadata, body = split_front_matter(source)
        self._md = _markdown_it()
        # Reference definitions may sit anywhere; collect them once so every chunk sees them.
        self._env: dict = {}
        if "]:" in body:
            refs = {}
            for label, href in _REF_DEF.findall(body):
                key = " ".join(label.split()).casefold().upper()
                refs.setdefault(key, {"title": "", "href": self._md.normalizeLink(href), "map": None})
            self._env = {"references": refs}
        self._body = body
        self._spans = chunk_spans(body, chunk_size, first_chunk_size)
        self._chunks = (body[start:end] for start, end in self._spans)
        self._builder = TextBuilder()
        self._path = path
        self._fallback_title = fallback_title
        self._first_heading: tuple[int, str] | None = None
        self.done = False
        self._lock = threading.Lock()
        self._forked: ForkedParse[Article] | None = None
        self._adopted: Article | None = None

    def parse_next(self) -> bool:
        """Parse the next chunk; return False when nothing was left.

        Thread-safe: a background worker and the UI thread may both drive the same parser.
        """
        with self._lock:
            if self._forked is not None:
                forked, self._forked = self._forked, None
                whole = forked.result()
                if whole is not None:  # the child finished the parse: take its article whole
                    self._adopted = whole
                    self._chunks = iter(())
            if self._adopted is not None:
                self.done = True
                return False
            chunk = next(self._chunks, None)
            if chunk is None:
                self.done = True
                return False
            self._parse_chunk(chunk)
            return True

    def finish_in_child(self) -> None:
        """Let a forked child parse the rest (see :mod:`reader.document.forked`); call before any thread starts."""
        from reader.document.forked import ForkedParse, can_fork, room_for

        if not self.done and self._forked is None and can_fork():
            try:
                self._forked = ForkedParse(self.parse_all, room=room_for(len(self._body)))
            except OSError:  # fork refused (process limit, memory): parse here as before
                self._forked = None

    def parse_all(self) -> Article:
        """Parse whatever is left and return the whole article."""
        while self.parse_next():
            pass
        return self.article()

    def title_and_text(self, split: bool = True, meanwhile: Callable[[], object] | None = None) -> tuple[str, str]:
        """The title and text :meth:`parse_all` would give, for callers that need no blocks.

        With ``split`` and a large article, a forked child parses the last three fifths of the
        chunks while this process parses the rest, and sends back only its text (a string pickles
        in a moment; blocks would not); ``meanwhile`` then runs here while the child finishes (the
        analyse command imports its engine). The child takes the larger part because this
        process has ``meanwhile`` to do: on the 3 MB article the first two fifths (0.04 s) and the
        engine's import (0.035 s, its regular expressions cached: see :mod:`reader.patterns`) take
        about what the rest takes the child (0.07 s; with a quarter here, the child ended 0.02-0.03 s
        after this process). Chunks are cut where
        markdown cannot carry state across (see :func:`chunk_spans`), so the parts join
        exactly as one parse would. If the child fails, this process parses its part too.
        Consumes the parser.
        """
        with self._lock:
            if not self._builder.length:  # nothing parsed yet: keep the text, not the blocks
                self._builder = TextOnlyBuilder()
            # (the pieces' spans, each sliced by the process that parses it: the child's three fifths
            # of the text are not copied here before the fork)
            spans, body = list(self._spans), self._body
            self._chunks = iter(())
            self.done = True
            cut = len(spans) * 2 // 5
            child = self._fork_tail(spans[cut:]) if split and len(spans) >= 4 else None
            for start, end in spans[:cut] if child is not None else spans:
                self._parse_chunk(body[start:end])
            try:
                if meanwhile is not None:
                    meanwhile()
            finally:  # even if meanwhile fails, the child is waited for, not left behind
                tail = child.result() if child is not None else None
            if tail is None and child is not None:  # the child failed: parse its half here
                for start, end in spans[cut:]:
                    self._parse_chunk(body[start:end])
            if tail is not None and tail[1]:  # (the child made a block: its text follows this process's)
                text = self._builder.text_and(tail[0]) if self._builder.blocks else tail[0]
            else:
                text = self._builder.text()
            if tail is not None:
                tail_heading = tail[2]
                if tail_heading is not None and (self._first_heading is None
                                                 or (tail_heading[0] == 1 and self._first_heading[0] > 1)):
                    self._first_heading = tail_heading
            title = self.metadata.get("title") or (self._first_heading[1] if self._first_heading else "")
            if not title:  # the same headline rule as a whole parse (see _first_line_title)
                more = tail is not None and tail[1]
                title = _first_line_title(text, self._builder.blocks, more=more)
            return title or self._fallback_title, text

    def _fork_tail(self, spans: list[tuple[int, int]]) -> ForkedParse[_Half] | None:
        """A child parsing the pieces of the text at ``spans`` from an empty builder; None where fork
        is missing or refused."""
        from reader.document.forked import ForkedParse, can_fork, room_for

        body = self._body

        def parse_tail() -> _Half:  # runs in the child, on its own copy of this parser
            self._builder = TextOnlyBuilder()
            self._first_heading = None
            for start, end in spans:
                self._parse_chunk(body[start:end])
            return self._builder.text(), bool(self._builder.blocks), self._first_heading

        if not can_fork():
            return None
        try:
            return ForkedParse(parse_tail, room=room_for(sum(end - start for start, end in spans)))
        except OSError:
            return None

    def article(self) -> Article:
        """A snapshot of what has been parsed so far."""
        with self._lock:
            return self._snapshot()

    def _snapshot(self) -> Article:
        if self._adopted is not None:
            whole = self._adopted
            return Article(title=whole.title, text=whole.text, blocks=list(whole.blocks), source=whole.source,
                           format=whole.format, metadata=dict(whole.metadata), complete=True)
        text = self._builder.text()
        title = (self.metadata.get("title") or (self._first_heading[1] if self._first_heading else "")
                 or _first_line_title(text, self._builder.blocks))
        meta = {k: v for k, v in self.metadata.items() if k in ("author", "site", "published", "date", "url")}
        if "date" in meta and "published" not in meta:
            meta["published"] = meta.pop("date")
        meta.pop("date", None)
        return Article(title=title or self._fallback_title, text=text,
                       blocks=list(self._builder.blocks), source=self._path, format="markdown",
                       metadata=meta, complete=self.done)

    # -- parsing a chunk -----------------------------------------------------------------

    def _parse_chunk(self, chunk: str) -> None:
        """Add the blocks of one chunk: what ``self._emit(md.parse(chunk))`` adds, in far less time.

        The runs of simple blocks (see :mod:`reader.document.markdown_simple`) go to markdown-it
        as one placeholder line each, and their blocks are added where its paragraph comes out;
        should one not come out as a top-level paragraph of its own line, the chunk is parsed
        whole instead.
        """
        runs = simple_runs(chunk)
        if runs:
            source, at_line = _with_placeholders(chunk, runs)
            env = dict(self._env)
            tokens = self._md.parse(source, env)
            if _placeholders_found(tokens, at_line):
                self._emit(tokens, at_line, env)
                return
        self._emit(self._md.parse(chunk, dict(self._env)))

    def _add_simple(self, block: Simple, env: dict) -> None:
        """Add a simple block as :meth:`_emit` adds the tokens markdown-it makes of it; inline
        content goes through markdown-it's inline parser with the chunk's references, unless it is
        plain text."""
        add = self._builder.add
        kind = block.kind
        if kind == "rule":
            add(BlockKind.RULE, "", quote=0)
            return
        if kind == "code":
            add(BlockKind.CODE, block.content[0] or " ", quote=0, depth=0, lang=block.lang)
            return
        if kind == "items":
            for content, marker in zip(block.content, block.markers, strict=True):
                add(BlockKind.LIST_ITEM, *self._inline(content, env), depth=1, quote=0, marker=marker)
            return
        text, inlines = self._inline(block.content[0], env)
        if kind == "paragraph":
            add(BlockKind.PARAGRAPH, text, inlines)
        elif kind == "heading":
            self._add_heading(block.level, text, inlines, quote=0)
        else:
            add(BlockKind.BLOCKQUOTE, text, inlines, quote=1)

    def _inline(self, content: str, env: dict) -> tuple[str, list[Inline]]:
        """What :func:`_render_inline` makes of markdown-it's inline tokens for ``content``."""
        plain = plain_text(content)
        if plain is not None:
            return plain, []
        # markdown-it's inline parser itself, without parseInline's core chain around it (normalising
        # what is normal already; text_join's renaming of escapes' text_special, which
        # _render_inline reads as text)
        tokens: list[Token] = []
        self._md.inline.parse(content, self._md, env, tokens)
        return _render_inline(tokens)

    def _add_heading(self, level: int, text: str, inlines: list[Inline], quote: int) -> None:
        block = self._builder.add(BlockKind.HEADING, text, inlines, level=level, quote=quote)
        if block and (self._first_heading is None or (level == 1 and self._first_heading[0] > 1)):
            self._first_heading = (level, text)

    # -- token walking -------------------------------------------------------------------

    def _emit(self, tokens: list[Token], simple: dict[int, list[Simple]] | None = None,
              env: dict | None = None) -> None:
        """Add the blocks of markdown-it's tokens; ``simple``: the blocks each placeholder stands
        for, by its line, with ``env`` the parse's environment (see :meth:`_parse_chunk`)."""
        quote = 0
        lists: list[dict] = []  # stack: {"ordered": bool, "next": int}
        item_marker: list[str] = []  # marker waiting for the first paragraph of a list item
        heading_level = 0
        in_table = False
        table_rows: list[tuple[str, list[Inline]]] = []
        row_cells: list[tuple[str, list[Inline]]] = []
        header_rows = 0
        in_thead = False
        add = self._builder.add
        stand_in: list[Simple] | None = None
        for token in tokens:
            kind = token.type
            if stand_in is not None and kind == "inline":
                for block in stand_in:
                    self._add_simple(block, env or {})
                stand_in = None
            elif kind == "inline":
                text, inlines = _render_inline(token.children or [])
                if in_table:
                    row_cells.append((text, inlines))
                elif heading_level:
                    self._add_heading(heading_level, text, inlines, quote)
                elif lists:
                    marker = item_marker.pop() if item_marker else ""
                    add(BlockKind.LIST_ITEM, text, inlines, depth=len(lists), quote=quote, marker=marker)
                elif quote:
                    add(BlockKind.BLOCKQUOTE, text, inlines, quote=quote)
                else:
                    add(BlockKind.PARAGRAPH, text, inlines)
            elif kind == "paragraph_open" and simple and token.level == 0 and token.map:
                stand_in = simple.get(token.map[0])
            elif kind == "heading_open":
                heading_level = int(token.tag[1])
            elif kind == "heading_close":
                heading_level = 0
            elif kind == "blockquote_open":
                quote += 1
            elif kind == "blockquote_close":
                quote -= 1
            elif kind in ("bullet_list_open", "ordered_list_open"):
                start = token.attrGet("start")
                lists.append({"ordered": kind == "ordered_list_open", "next": int(start) if start else 1})
            elif kind in ("bullet_list_close", "ordered_list_close"):
                lists.pop()
            elif kind == "list_item_open":
                current = lists[-1]
                if current["ordered"]:
                    item_marker[:] = [f"{current['next']}{token.markup or '.'}"]
                    current["next"] += 1
                else:
                    item_marker[:] = ["•" if len(lists) % 2 else "◦"]
            elif kind == "list_item_close":
                if item_marker:  # an empty item still shows its marker
                    add(BlockKind.LIST_ITEM, " ", depth=len(lists), quote=quote, marker=item_marker.pop())
            elif kind in ("fence", "code_block"):
                code = token.content.rstrip("\n")
                add(BlockKind.CODE, code or " ", quote=quote, depth=len(lists), lang=token.info.strip())
                item_marker.clear()
            elif kind == "hr":
                add(BlockKind.RULE, "", quote=quote)
            elif kind == "table_open":
                in_table, table_rows, header_rows = True, [], 0
            elif kind == "thead_open":
                in_thead = True
            elif kind == "thead_close":
                in_thead = False
            elif kind == "tr_open":
                row_cells = []
            elif kind == "tr_close":
                table_rows.append(_join_cells(row_cells))
                header_rows += in_thead
            elif kind == "table_close":
                in_table = False
                self._add_table(table_rows, header_rows, quote)

    def _add_table(self, rows: list[tuple[str, list[Inline]]], header_rows: int, quote: int) -> None:
        parts: list[str] = []
        inlines: list[Inline] = []
        offset = 0
        for text, row_inlines in rows:
            if parts:
                parts.append("\n")
                offset += 1
            parts.append(text)
            inlines.extend(Inline(i.kind, i.start + offset, i.end + offset, i.href) for i in row_inlines)
            offset += len(text)
        self._builder.add(BlockKind.TABLE, "".join(parts), inlines, quote=quote, header_rows=header_rows)


_PLACEHOLDER = "x"
"""The line that stands for a run of simple blocks in what markdown-it parses: a paragraph line
(at column 0, no list marker, no fence), as each run's first line is for whatever comes before."""


def _with_placeholders(source: str, runs: list[Run]) -> tuple[str, dict[int, list[Simple]]]:
    """``source`` with each run replaced by a placeholder line, and each run's blocks by the
    placeholder's line number there."""
    parts: list[str] = []
    at_line: dict[int, list[Simple]] = {}
    line = 0
    done = 0
    for start, end, blocks in runs:
        parts.append(source[done:start])
        line += source.count("\n", done, start)
        at_line[line] = blocks
        parts.append(_PLACEHOLDER)
        done = end
    parts.append(source[done:])
    return "".join(parts), at_line


def _placeholders_found(tokens: list[Token], at_line: dict[int, list[Simple]]) -> bool:
    """Did every placeholder come out as a top-level paragraph of its own line, holding only itself?"""
    found = 0
    for i, token in enumerate(tokens):
        if token.type == "paragraph_open" and token.level == 0 and token.map and token.map[0] in at_line:
            if token.map[1] != token.map[0] + 1 or tokens[i + 1].content != _PLACEHOLDER:
                return False
            found += 1
    return found == len(at_line)


def _join_cells(cells: list[tuple[str, list[Inline]]]) -> tuple[str, list[Inline]]:
    parts: list[str] = []
    inlines: list[Inline] = []
    offset = 0
    for text, cell_inlines in cells:
        if parts:
            parts.append(" | ")
            offset += 3
        text = text.replace("\n", " ")
        parts.append(text)
        inlines.extend(Inline(i.kind, i.start + offset, i.end + offset, i.href) for i in cell_inlines)
        offset += len(text)
    return "".join(parts), inlines


def _render_inline(children: list[Token]) -> tuple[str, list[Inline]]:
    """Flatten inline tokens to text plus style ranges relative to that text."""
    parts: list[str] = []
    inlines: list[Inline] = []
    open_at: dict[str, list[tuple[int, str | None]]] = {}
    length = 0
    for child in children:
        kind = child.type
        if kind == "text" or kind == "html_inline" or kind == "text_special":  # (escapes, see _inline)
            parts.append(child.content)
            length += len(child.content)
        elif kind == "softbreak":
            parts.append(" ")
            length += 1
        elif kind == "hardbreak":
            parts.append("\n")
            length += 1
        elif kind == "code_inline":
            parts.append(child.content)
            inlines.append(Inline(InlineKind.CODE, length, length + len(child.content)))
            length += len(child.content)
        elif kind == "image":
            alt = "".join(c.content for c in child.children or []) or child.content
            if alt:
                parts.append(alt)
                length += len(alt)
        elif kind in _INLINE_STYLES:
            open_at.setdefault(kind, []).append((length, child.attrGet("href") if kind == "link_open" else None))
        elif kind in _CLOSERS:
            stack = open_at.get(_CLOSERS[kind])
            if stack:
                start, href = stack.pop()
                inlines.append(Inline(_INLINE_STYLES[_CLOSERS[kind]], start, length, href))
    text = "".join(parts)
    stripped = text.rstrip()
    if len(stripped) != len(text):
        text = stripped
        inlines = [Inline(i.kind, i.start, min(i.end, len(text)), i.href) for i in inlines]
    return text, inlines


def _first_line_title(text: str, blocks: list, *, more: bool = False) -> str:
    """A heading-less article's first paragraph, when it reads like a headline (see plaintext).

    ``more``: further blocks exist beyond ``blocks`` (parsed elsewhere, see ``title_and_text``).
    """
    from reader.document.plaintext import is_title_line

    if not blocks or (len(blocks) < 2 and not more) or blocks[0].kind is not BlockKind.PARAGRAPH:
        return ""
    first = text[blocks[0].start:blocks[0].end].strip()
    return first if is_title_line(first, first=True) else ""


def parse_markdown(source: str, path: str = "", fallback_title: str = "") -> Article:
    """Parse a whole markdown document into an :class:`Article`."""
    return MarkdownParser(source, path=path, fallback_title=fallback_title).parse_all()
