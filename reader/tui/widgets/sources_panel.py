"""The sources panel: who is quoted (by kind of quote) and who is named (by kind of entity).

A sidebar with one list: speakers, most quoted first, with their direct, partial and reported
counts; then people, organisations and places with their mention counts. Headings are
disabled rows, so the cursor moves over names only. Every name comes from the article and is
drawn as a :class:`rich.text.Text`, never as markup.
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reader.tui.widgets.analysis_style import QUOTE_MARKS
from reader.view.analysis_nav import GROUP_TITLES, AnalysisIndex, Target

PANEL_WIDTH = 38
OVERLAY_BELOW = 90
"""Terminals narrower than this get the panel over the text instead of beside it (at 60 columns,
beside it left the text 18 columns wide)."""
COUNT_CELLS = 3
"""Cells per count column."""
ROW_CELLS = PANEL_WIDTH - 3
"""Cells a row may use: the panel less its border and the list's scrollbar."""
KIND_ORDER = ("direct", "partial", "indirect")


def _fit(name: str, cells: int) -> str:
    """``name`` cut to ``cells`` cells with an ellipsis, padded to exactly ``cells``."""
    if cell_len(name) > cells:
        text = Text(name)
        text.truncate(cells, overflow="ellipsis")
        name = text.plain
    return name + " " * max(0, cells - cell_len(name))


def _row(name: str, counts: list[int], name_cells: int) -> Text:
    cells = "".join(f"{count or '·':>{COUNT_CELLS}}" for count in counts)
    return Text.assemble(_fit(name, name_cells - 1), " ", (cells, "bold"))


def panel_rows(index: AnalysisIndex, width: int = ROW_CELLS) -> list[tuple[Text, Target | None]]:
    """The panel's rows: ``(prompt, target)``, target None for a heading."""
    rows: list[tuple[Text, Target | None]] = []
    name_cells = max(8, width - 3 * COUNT_CELLS)
    speakers = index.speakers()
    marks = "".join(f"{QUOTE_MARKS[kind]:>{COUNT_CELLS}}" for kind in KIND_ORDER)
    rows.append((Text.assemble((_fit(f"Speakers ({len(speakers)})", name_cells - 1), "bold underline"),
                               " ", (marks, "bold")), None))
    for name, counts in speakers:
        rows.append((_row(name, [counts.get(kind, 0) for kind in KIND_ORDER], name_cells),
                     Target(name, "speaker")))
    name_cells = max(8, width - COUNT_CELLS)
    for role, entities in index.entities_by_role().items():
        rows.append((Text(f"{GROUP_TITLES[role]} ({len(entities)})", style="bold underline"), None))
        for name, count in entities:
            rows.append((_row(name, [count], name_cells), Target(name, role)))
    return rows


class SourcesPanel(Vertical):
    """The sidebar; hidden until toggled. :attr:`selected` is the highlighted speaker or entity."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "screen.toggle_sources", "Close sources", id="sources.close"),
    ]

    DEFAULT_CSS = f"""
    SourcesPanel {{
        width: {PANEL_WIDTH};
        height: 1fr;
        display: none;
        background: $surface;
        border-left: vkey $panel;
    }}
    SourcesPanel.-open {{ display: block; }}
    SourcesPanel.-overlay {{ layer: overlay; dock: right; }}
    SourcesPanel > #sources-title {{ padding: 0 1; text-style: bold; color: $text-primary; }}
    SourcesPanel > #sources-legend {{ dock: bottom; height: 2; padding: 0 1; color: $text-muted; }}
    SourcesPanel > OptionList, SourcesPanel > OptionList:focus {{
        height: 1fr; border: none; padding: 0; background: $surface;
    }}
    """

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self._targets: list[Target | None] = []
        self._built = False

    def compose(self) -> ComposeResult:
        """Nothing yet: the title and list are mounted when the panel first opens.

        The panel starts hidden, and mounting and styling its list would cost the first paint
        a few milliseconds for nothing.
        """
        return iter(())

    def _build(self) -> None:
        if not self._built:
            self._built = True
            from reader.tui.widgets.legend import compact_legend

            self.mount(Static(Text("Sources"), id="sources-title", markup=False), OptionList(id="sources-list"),
                       Static(compact_legend(), id="sources-legend", markup=False))

    @property
    def is_open(self) -> bool:
        """Whether the panel is shown."""
        return self.has_class("-open")

    @property
    def option_list(self) -> OptionList:
        """The list of speakers and entities."""
        return self.query_one(OptionList)

    def show_index(self, index: AnalysisIndex | None, *, busy: bool = False) -> None:
        """Fill the list from ``index`` (keeps the highlighted name if it is still there).

        Until the panel first opens there is no list to fill; opening it passes the index again.
        """
        if not self._built:
            if not self.is_open:
                return
            self._build()
        previous = self.selected
        option_list = self.option_list
        option_list.clear_options()
        self._targets = []
        title = self.query_one("#sources-title", Static)
        if index is None:
            title.update(Text("Sources: analysing…" if busy else "Sources"))
            return
        title.update(Text("Sources" if index.narrow is None else "Sources (narrowed)"))
        rows = panel_rows(index)
        option_list.add_options([Option(prompt, disabled=target is None) for prompt, target in rows])
        self._targets = [target for _, target in rows]
        keep = next((i for i, t in enumerate(self._targets) if t is not None and t == previous), None)
        first = next((i for i, t in enumerate(self._targets) if t is not None), None)
        option_list.highlighted = keep if keep is not None else first

    @property
    def selected(self) -> Target | None:
        """The speaker or entity under the list's cursor."""
        highlighted = self.option_list.highlighted if self._targets and self._built else None
        if highlighted is None or not 0 <= highlighted < len(self._targets):
            return None
        return self._targets[highlighted]

    def target_at(self, option_index: int) -> Target | None:
        """The target of the option at ``option_index``."""
        return self._targets[option_index] if 0 <= option_index < len(self._targets) else None
