"""The help screen: every key binding active where ``?`` was pressed, with its description.

It is generated from the bindings themselves (``App.active_bindings``), so it can never drift
from what the keys really do, and shows the keys in force after a ``[keymap]`` in ``config.toml``.
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

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen #help-box {
        width: 64; max-width: 90%; height: auto; max-height: 90%;
        padding: 0 2; background: $panel; border: round $accent;
    }
    HelpScreen #help-title, HelpScreen #help-table, HelpScreen #help-hint { width: auto; }
    HelpScreen #help-marks-title { width: auto; margin: 1 0 0 0; }
    HelpScreen #help-marks { width: auto; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "close", "Close help", id="help.close"),
    ]

    def __init__(self, rows: list[tuple[str, str]], *, close_keys: str = "Escape, ? or q",
                 marks: Text | None = None) -> None:
        super().__init__()
        self.rows = rows
        self.close_keys = close_keys
        """The keys that close this help, as the hint shows them (the user may have remapped them)."""
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
            yield Static(Text(f"{self.close_keys} closes this help.", style="dim"), id="help-hint")

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss()
