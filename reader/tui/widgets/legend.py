"""What the marks mean: the gutter symbols and the entity styles, for ``?`` and the sources panel.

Highlights never depend on colour alone, but nothing on screen said so: the legend draws each
style with the style itself, so it reads right in every theme and without colour.
"""

from __future__ import annotations

from rich.text import Text

from reader.tui.widgets.analysis_style import QUOTE_MARKS

NOTE_MARK = "✎"
"""The gutter mark of a paragraph with a note (the notes reader uses the same symbol)."""


def legend_lines() -> list[Text]:
    """The legend as short lines (fits the 38-cell sources panel)."""
    gutter = [(QUOTE_MARKS["direct"], "direct quote"), (QUOTE_MARKS["partial"], "partial quote"),
              (QUOTE_MARKS["indirect"], "reported speech"), (NOTE_MARK, "your note")]
    lines = [Text.assemble((mark, "bold"), f" {label}") for mark, label in gutter]
    lines.append(Text.assemble(("person", "bold"), " · ", ("organisation", "underline"), " · ",
                               ("place", "italic")))
    return lines


def legend() -> Text:
    """The whole legend as one text (lines joined), for the help screen."""
    return Text("\n").join(legend_lines())


def compact_legend() -> Text:
    """The legend in two lines of at most 35 cells, for the foot of the sources panel."""
    direct, partial, reported = QUOTE_MARKS["direct"], QUOTE_MARKS["partial"], QUOTE_MARKS["indirect"]
    return Text.assemble(
        (direct, "bold"), " direct  ", (partial, "bold"), " partial  ", (reported, "bold"), " reported\n",
        (NOTE_MARK, "bold"), " note  ", ("person", "bold"), "  ", ("organisation", "underline"), "  ",
        ("place", "italic"))
