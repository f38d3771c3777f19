"""The help screen: every key binding active where ``?`` was pressed, with its description.

It is generated from the bindings themselves (``App.active_bindings``), so it can never drift
from what the keys really do.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static


def binding_rows(active: Mapping[str, ActiveBinding], key_display: Callable[[Binding], str]) -> list[tuple[str, str]]:
    """``(keys, description)`` rows: one per action, all its keys joined, in declaration order."""
    grouped: dict[tuple[str, str], list[str]] = {}
    for active_binding in active.values():
        binding = active_binding.binding
        if not active_binding.enabled or not binding.description or binding.system:
            continue
        keys = grouped.setdefault((binding.action, binding.description), [])
        shown = key_display(binding)
        if shown not in keys:
            keys.append(shown)
    return [(" ".join(keys), description) for (_, description), keys in grouped.items()]


class HelpScreen(ModalScreen[None]):
    """A table of keys; Escape, ``?`` or ``q`` closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "close", "Close help"),
    ]

    def __init__(self, rows: list[tuple[str, str]], *, marks: Text | None = None) -> None:
        super().__init__()
        self.rows = rows
        self.marks = marks
        """What the reader's marks mean (see :mod:`reader.tui.widgets.legend`), shown under the keys."""

    def compose(self) -> ComposeResult:
        """The key table in a scrollable box."""
        table = Table(box=None, show_header=False, padding=(0, 2), expand=False)
        table.add_column(justify="right", style="bold")
        table.add_column()
        for keys, description in self.rows:
            table.add_row(Text(keys), Text(description))
        with VerticalScroll(id="help-box"):
            yield Static(Text("Keys", style="bold"), id="help-title")
            yield Static(table, id="help-table")
            if self.marks is not None:
                yield Static(Text("Marks", style="bold"), id="help-marks-title")
                yield Static(self.marks, id="help-marks")
            yield Static(Text("Escape, ? or q closes this help.", style="dim"), id="help-hint")

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss()
