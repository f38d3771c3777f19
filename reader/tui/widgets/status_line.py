"""The analysis status line: what the quote or name under the reading cursor is.

"Quote (direct) - Sergei Lavrov - said", "Person - Sergei Lavrov - 4 mentions", or
"analysing…" while the analysis runs. Names and cues come from the article, so every line
is built as a :class:`rich.text.Text` from plain strings, never as markup.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from reader.analysis import Mention, Quote
from reader.view.analysis_nav import ENTITY_ROLES, QUOTE_TITLES, ROLE_TITLES, AnalysisIndex, Item

SEPARATOR = " - "
UNKNOWN_SPEAKER = "unknown speaker"
BUSY = "analysing…"


def describe(item: Item | None, index: AnalysisIndex) -> Text:
    """One line describing ``item`` (empty Text for None)."""
    if item is None:
        return Text()
    if isinstance(item, Quote):
        return describe_quote(item)
    return describe_mention(item, index.mention_count(item.entity))


def describe_quote(quote: Quote) -> Text:
    """"Quote (direct) - NAME - said"; the cue is left out when there is none."""
    parts: list[str | tuple[str, str]] = [
        (f"Quote ({QUOTE_TITLES.get(quote.kind, quote.kind)})", "bold"),
        SEPARATOR,
        quote.speaker or (UNKNOWN_SPEAKER, "italic"),  # type: ignore[list-item]
    ]
    if quote.cue:
        parts += [SEPARATOR, quote.cue]
    return Text.assemble(*parts, no_wrap=True, overflow="ellipsis")


def describe_mention(mention: Mention, count: int) -> Text:
    """"Person - NAME - 4 mentions"."""
    title = ROLE_TITLES.get(ENTITY_ROLES.get(mention.label, ""), mention.label.title())
    mentions = f"{count} mention{'' if count == 1 else 's'}"
    return Text.assemble((title, "bold"), SEPARATOR, mention.entity, SEPARATOR, mentions,
                         no_wrap=True, overflow="ellipsis")


class AnalysisStatus(Static):
    """One line above the footer for the analysis: busy, the item at the cursor, narrowing."""

    DEFAULT_CSS = """
    AnalysisStatus {
        height: 1;
        padding: 0 1;
        background: $panel;
        color: $foreground;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(Text(), id=id, markup=False)
        self.message = Text()

    def show(self, message: Text, *, narrowed_to: str | None = None) -> None:
        """Show ``message``, prefixed by the speaker highlighting is narrowed to, if any."""
        if narrowed_to:
            message = Text.assemble(("only: ", "italic"), narrowed_to, "  ", message,
                                    no_wrap=True, overflow="ellipsis")
        self.message = message
        self.update(message)

    def show_busy(self) -> None:
        """Say that the analysis is running."""
        self.show(Text(BUSY, style="italic"))
