"""Plain-text articles: blank lines separate paragraphs, a short first line is the title.

Hard-wrapped lines inside a paragraph are joined with a space so the reading pane can reflow
them. Lines starting with a bullet (``-``, ``*``, ``•``) become list items.
"""

from __future__ import annotations

import re

from reader.document.model import Article, BlockKind, TextBuilder

_BLANK = re.compile(r"\n[ \t\u00a0]*\n")
_BULLET = re.compile(r"^\s*([-*•‣◦])\s+(.*)$")
_ALPHA_WORD = re.compile(r"[^\W\d_]{2,}")


def _is_title(paragraph: str) -> bool:
    """A title is one short line with at least three words that does not end like a sentence."""
    if "\n" in paragraph or len(paragraph) > 160:
        return False
    if paragraph.rstrip().endswith((".", ",", ";")) and not paragraph.rstrip().endswith("..."):
        return False
    return len(_ALPHA_WORD.findall(paragraph)) >= 3


def parse_text(text: str, source: str = "", fallback_title: str = "") -> Article:
    """Parse cleaned plain text into an :class:`Article`."""
    paragraphs = [p.strip("\n") for p in _BLANK.split(text.replace("\u00a0\n", "\n"))]
    paragraphs = [p for p in paragraphs if p.strip()]
    title_index = next((i for i, p in enumerate(paragraphs[:3]) if _is_title(p.strip())), -1)
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
