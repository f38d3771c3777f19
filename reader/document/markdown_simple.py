"""Markdown blocks simple enough to read without markdown-it, exactly as it reads them.

markdown-it spends most of its time per block (each line is offered to a dozen Python rules),
not per character, and most blocks of an article are simple: a paragraph of plain lines, an ATX
heading, a one-paragraph block quote, a list of one-line items, a rule, a fenced code block. This
module finds the runs of such blocks in a chunk of markdown; :mod:`reader.document.markdown`
hands markdown-it the chunk with each run replaced by one placeholder line and adds each run's
blocks itself where the placeholder's paragraph comes out.

Exactness: a block is taken only in forms whose reading by markdown-it does not depend on
anything around it once it starts at the top level after an empty line (or the chunk's start)
and is followed by one (or the chunk's end). The placeholder line is of the same kind as a run's
first line for every rule of what comes before (at column 0, neither a list marker nor a fence),
so markdown-it reads the text around it exactly as around the run; that it comes out as a
top-level paragraph of its own proves the run was at the top level (not, say, inside fenced
code), and when it does not, the chunk is parsed whole. What markdown-it makes of a run's inline
content (emphasis, code, links) is still markdown-it's, parsed with the same references; only
text with no inline markup at all is joined here (its soft line breaks become spaces). A list is
never a run's first block (an earlier list of the same kind would take it in) nor its last but
at the chunk's end (a later indented line would continue it), nor next to a list of its family
(bullet or delimiter): those join into one list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader import patterns

_NOT_FIRST = r"\s#>+*_=~`|\[:\-"
"""What may not open a line of a simple paragraph: white space, and what opens or may open a
block there (heading, block quote, list, rule, setext underline, fence, table row, reference)."""
_LINE = rf"(?!\d{{1,9}}[.)])[^{_NOT_FIRST}](?:[^\n]*\S)?"
"""A paragraph line: as above, not a list item's ordinal either, and no white space at its end
(nothing for the paragraph's trim or a hard break to take)."""
_PARAGRAPH = patterns.compile(rf"{_LINE}(?:\n{_LINE})*")
_HEADING = patterns.compile(r"(#{1,6}) ([^\s#]|\S[^\n]*[^\s#])")
"""An ATX heading with one space after its marks and no closing marks."""
_RULE = patterns.compile(r"\*{3,}|-{3,}|_{3,}")
_QUOTE = patterns.compile(rf"> {_LINE}(?:\n> {_LINE})*")
_BULLETS = patterns.compile(rf"([-+*]) {_LINE}(?:\n\1 {_LINE})*")
_ORDERED = patterns.compile(rf"(\d{{1,9}})([.)]) {_LINE}(?:\n\d{{1,9}}\2 {_LINE})*")
_ITEM_TEXT = patterns.compile(r"^\S+ ", re.MULTILINE)
_FENCE_OPEN = patterns.compile(r"(`{3,}|~{3,})([^\n]*)")
_BLOCK = patterns.compile(r"^[ \t]*[^ \t\n][^\n]*(?:\n[ \t]*[^ \t\n][^\n]*)*", re.MULTILINE)
"""A run of non-empty lines (markdown-it's empty line holds only spaces and tabs)."""
_INLINE_MARKUP = patterns.compile(r"[\\`*_~\[<&]")
"""What any inline rule acts on (escapes, code, emphasis, strikethrough, links and images,
autolinks, entities); text without it is text and soft breaks only."""


@dataclass(slots=True)
class Simple:
    """One simple block: ``kind`` (paragraph, heading, quote, items, rule, code) and what makes it.

    ``content`` is what markdown-it would parse inline (for items, one per item); ``level`` a
    heading's; ``markers`` the items' (as the reading pane shows them); ``lang`` a fence's info.
    Not frozen: a frozen dataclass's ``__init__`` costs three times as much, once per block.
    """

    kind: str
    content: tuple[str, ...] = ()
    level: int = 0
    markers: tuple[str, ...] = ()
    lang: str = ""
    family: str = ""
    """A list's bullet or its numbers' delimiter: lists of one family in a row are one list."""


def plain_text(content: str) -> str | None:
    """The text markdown-it's inline parse gives for ``content`` when it holds no inline markup
    (its lines joined by soft breaks, shown as spaces), else None."""
    if _INLINE_MARKUP.search(content) is not None:
        return None
    return content.replace("\n", " ")


def _fence(source: str, start: int, line_end: int) -> tuple[Simple, int] | None:
    """A fenced code block opening at ``start`` (its first line ends at ``line_end``) and the end
    of its closing line; None without a closer or when its info string makes it no fence."""
    match = _FENCE_OPEN.fullmatch(source, start, line_end)
    if match is None:
        return None
    marks, info = match.groups()
    if marks[0] == "`" and "`" in info:
        return None
    # markdown-it's closer: at most 3 spaces (a tab makes the line indented code), at least as
    # many marks of the same kind, then spaces and tabs only.
    closer = re.compile(rf"^ {{0,3}}{re.escape(marks[0])}{{{len(marks)},}}[ \t]*$", re.MULTILINE)
    found = closer.search(source, line_end + 1) if line_end < len(source) else None
    if found is None:
        return None
    body = source[line_end + 1:found.start()]
    return Simple("code", (body.rstrip("\n"),), lang=info.strip()), found.end()


def _block(text: str) -> Simple | None:
    """The simple block ``text`` (a run of non-empty lines) is, or None."""
    first = text[0]
    if first == "#":
        heading = _HEADING.fullmatch(text)
        return Simple("heading", (heading.group(2),), level=len(heading.group(1))) if heading else None
    if first in "-*_" and _RULE.fullmatch(text):
        return Simple("rule")
    if first == ">":
        if _QUOTE.fullmatch(text):
            return Simple("quote", ("\n".join(line[2:] for line in text.split("\n")),))
        return None
    if first in "-+*":
        if _BULLETS.fullmatch(text):
            items = tuple(_ITEM_TEXT.sub("", text).split("\n"))
            return Simple("items", items, markers=("•",) * len(items), family=first)
        return None
    if first.isdigit():
        ordered = _ORDERED.fullmatch(text)
        if ordered:
            items = tuple(_ITEM_TEXT.sub("", text).split("\n"))
            number = int(ordered.group(1)) or 1  # markdown-it keeps no start for 1; 0 reads as none
            delimiter = ordered.group(2)
            return Simple("items", items, markers=tuple(f"{number + i}{delimiter}" for i in range(len(items))),
                          family=delimiter)
    if _PARAGRAPH.fullmatch(text):
        return Simple("paragraph", (text,))
    return None


Run = tuple[int, int, list[Simple]]
"""A run of simple blocks: where it starts and ends in the chunk, and its blocks."""


def simple_runs(source: str) -> list[Run]:
    """The runs of simple blocks of ``source`` (a chunk markdown-it would parse on its own), in
    order; between two blocks of a run only empty lines. Empty when markdown-it would rewrite the
    source first (CR, NUL)."""
    if "\r" in source or "\x00" in source:
        return []
    blocks: list[tuple[int, int, Simple | None]] = []
    pos = 0
    length = len(source)
    while True:
        match = _BLOCK.search(source, pos)
        if match is None:
            break
        start, end = match.start(), match.end()
        found: Simple | None = None
        if source.startswith(("```", "~~~"), start):
            line_end = source.find("\n", start, end)
            fence = _fence(source, start, end if line_end < 0 else line_end)
            if fence is not None:
                found, end = fence
                following = source.find("\n", end + 1)
                if source[end + 1:length if following < 0 else following].strip(" \t"):
                    found = None  # a closer not followed by an empty line: leave it all to markdown-it
        else:
            found = _block(match.group())
        blocks.append((start, end, found))
        pos = end
    return _runs(blocks, at_end=len(blocks))


def _runs(blocks: list[tuple[int, int, Simple | None]], at_end: int) -> list[Run]:
    """Group consecutive simple blocks into runs, leaving out each list that may not stand where it
    is (see the module's docstring)."""
    def family(i: int) -> str:
        found = blocks[i][2]
        return found.family if found is not None else ""

    runs: list[Run] = []
    current: list[tuple[int, int, Simple]] = []
    for i, (start, end, found) in enumerate(blocks):
        if found is not None and found.kind == "items":
            # not first in its run; followed by a block of the run that is no list of its family (a
            # list of another family ends it), or by the chunk's end. (So it never follows a list of
            # its family in a run: that one's own check fails.)
            after = i + 1 == at_end or (blocks[i + 1][2] is not None and family(i + 1) != found.family)
            if not (current and after):
                found = None
        if found is None:
            if current:
                runs.append((current[0][0], current[-1][1], [b for _s, _e, b in current]))
                current = []
            continue
        current.append((start, end, found))
    if current:
        runs.append((current[0][0], current[-1][1], [b for _s, _e, b in current]))
    return runs
