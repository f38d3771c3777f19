"""Plain-text articles: blank lines separate paragraphs, a short first line is the title.

A first line that ends in a full stop is a title too when it reads like a headline (short, one
sentence): about a third of saved news stories start "Council approves new budget." and used to
be titled after their file name.

Hard-wrapped lines inside a paragraph are joined with a space so the reading pane can reflow
them. Lines starting with a bullet (``-``, ``*``, ``•``) become list items.
"""

from __future__ import annotations

from reader import patterns
from reader.document.model import Article, BlockKind, TextBuilder

_BLANK = patterns.compile(r"\n[ \t\u00a0]*\n")
_BULLET = patterns.compile(r"^\s*([-*•‣◦])\s+(.*)$")
_ALPHA_WORD = patterns.compile(r"[^\W\d_]{2,}")
_SENTENCE_BREAK = patterns.compile(r"[.!?][\"”’)]*\s+[\"“‘(]*[A-Z0-9]")
HEADLINE_WORDS = 16
"""A headline that ends in a full stop has at most this many words; a first sentence (a lede) has more."""


def is_title_line(paragraph: str, *, first: bool = False) -> bool:
    """A title is one short line with at least three words that does not end like a sentence.

    The ``first`` paragraph may end in a full stop if it is headline-like: one sentence of at
    most :data:`HEADLINE_WORDS` words.
    """
    if "\n" in paragraph or len(paragraph) > 160:
        return False
    stripped = paragraph.rstrip()
    if stripped.endswith((",", ";", ":")):
        return False
    if stripped.endswith(".") and not stripped.endswith("...") and not (first and headline_like(stripped)):
        return False
    return len(_ALPHA_WORD.findall(paragraph)) >= 3


def headline_like(line: str) -> bool:
    """One short sentence of three to :data:`HEADLINE_WORDS` words, on one line: a headline."""
    if "\n" in line or len(line) > 160 or _SENTENCE_BREAK.search(line.rstrip(" .")):
        return False
    words = line.split()
    return len(_ALPHA_WORD.findall(line)) >= 3 and len(words) <= HEADLINE_WORDS


def parse_text(text: str, source: str = "", fallback_title: str = "") -> Article:
    """Parse cleaned plain text into an :class:`Article`."""
    paragraphs = [p.strip("\n") for p in _BLANK.split(text.replace("\u00a0\n", "\n"))]
    paragraphs = [p for p in paragraphs if p.strip()]
    title_index = next((i for i, p in enumerate(paragraphs[:3]) if is_title_line(p.strip(), first=i == 0)), -1)
    builder = TextBuilder()
    title = fallback_title
    for index, paragraph in enumerate(paragraphs):
        lines = [line.strip() for line in paragraph.split("\n")]
        if index == title_index:
            title = " ".join(lines)
            builder.add(BlockKind.HEADING, title, level=1)
            continue
        pending: list[str] = []
        for line in lines:
            bullet = _BULLET.match(line)
            if bullet:
                if pending:
                    builder.add(BlockKind.PARAGRAPH, " ".join(pending))
                    pending = []
                builder.add(BlockKind.LIST_ITEM, bullet.group(2).strip(), depth=1, marker="•")
            elif line:
                pending.append(line)
        if pending:
            builder.add(BlockKind.PARAGRAPH, " ".join(pending))
    return Article(title=title or fallback_title, text=builder.text(), blocks=builder.blocks, source=source,
                   format="text")
