"""Styles and spans for the analysis highlights, from the theme's reader palette.

Colours come from the theme variables ``$reader-ROLE-style`` (see ``themes/README.md``). Every
distinction also shows without colour, so it survives a monochrome terminal and ``NO_COLOR``
(Textual then greys every colour but keeps text attributes):

* entities: person **bold**, organisation underlined, place *italic*, added to the theme's style;
* quotes: a gutter mark per paragraph for the kinds of quote it holds (:data:`QUOTE_MARKS`):
  ``“`` a direct quote, ``‘`` a partial quote, ``»`` reported speech. Direct and partial
  quotes also carry their own quotation marks in the text; reported speech has none.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping

from rich.style import Style
from rich.text import Text
from textual.markup import parse_style

from reader.analysis import Mention, Quote
from reader.document.model import Article
from reader.view.analysis_nav import ENTITY_ROLES, QUOTE_ROLES

Span = tuple[int, int, Style]

MONOCHROME_STYLES: dict[str, str] = {"person": "bold", "organisation": "underline", "place": "italic"}
"""Text attributes added to each entity role so kinds differ without colour."""

QUOTE_MARKS: dict[str, str] = {"direct": "“", "partial": "‘", "indirect": "»"}
"""Gutter mark for each quote kind, strongest first (a paragraph shows up to two)."""

FOCUS_STYLE = Style(reverse=True)
"""The quote or mention the reading cursor is on: reversed, which keeps its contrast ratio."""

ROLES = (*ENTITY_ROLES.values(), *QUOTE_ROLES.values())


def role_styles(variables: Mapping[str, str]) -> dict[str, Style]:
    """A Rich style per highlight role from the theme variables (``reader-ROLE-style``).

    A missing or unparsable variable gives a plain style (plus the monochrome attribute),
    never an error: a theme must not be able to break reading.
    """
    styles: dict[str, Style] = {}
    for role in ROLES:
        definition = variables.get(f"reader-{role.replace('_', '-')}-style", "")
        try:
            style = parse_style(definition, dict(variables)).rich_style if definition else Style()
        except Exception:  # a bad colour in a user theme: keep the text readable
            style = Style()
        extra = MONOCHROME_STYLES.get(role)
        styles[role] = style + Style.parse(extra) if extra else style
    return styles


def entity_spans(mentions: Iterable[Mention], styles: Mapping[str, Style]) -> list[Span]:
    """One span per mention, styled by its kind."""
    return [(m.start, m.end, styles[ENTITY_ROLES[m.label]]) for m in mentions if m.label in ENTITY_ROLES]


def quote_spans(quotes: Iterable[Quote], styles: Mapping[str, Style],
                mentions: list[Mention] | None = None) -> list[Span]:
    """Spans for quotes; with ``mentions``, the names inside a quote keep their own style on top.

    The quotes layer stacks above the entities layer, so a reported-speech colour would hide a
    person's colour; instead each quote is cut around the mentions inside it and those pieces
    get the quote style *plus* the entity style (quote background, name colour).
    """
    spans: list[Span] = []
    starts = [m.start for m in mentions] if mentions else []
    for quote in quotes:
        style = styles[QUOTE_ROLES.get(quote.kind, "reported_speech")]
        position = quote.start
        if mentions:
            index = bisect_left(starts, quote.start)
            while index < len(mentions) and mentions[index].start < quote.end:
                mention = mentions[index]
                index += 1
                if mention.end > quote.end or mention.label not in ENTITY_ROLES or mention.start < position:
                    continue
                if mention.start > position:
                    spans.append((position, mention.start, style))
                spans.append((mention.start, mention.end, style + styles[ENTITY_ROLES[mention.label]]))
                position = mention.end
        if position < quote.end:
            spans.append((position, quote.end, style))
    return spans


def gutter_marks(article: Article, quotes: Iterable[Quote]) -> dict[int, Text]:
    """For each block holding quotes, a mark of up to two kinds (strongest first)."""
    kinds: dict[int, set[str]] = {}
    blocks = article.blocks
    for quote in quotes:
        index = max(0, article.block_at(quote.start))
        while index < len(blocks) and blocks[index].start < quote.end:
            if blocks[index].end > quote.start:
                kinds.setdefault(index, set()).add(quote.kind)
            index += 1
    marks: dict[int, Text] = {}
    for index, present in kinds.items():
        symbols = "".join(mark for kind, mark in QUOTE_MARKS.items() if kind in present)[:2]
        marks[index] = Text(symbols, style="bold")
    return marks
