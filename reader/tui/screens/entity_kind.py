"""The entity kind picker (``E`` at a highlighted name): person, organisation, place, nationality
or group, or no entity at all; and, when the kind was corrected before, back to the engine's."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reader.tui.excerpt import excerpt
from reader.tui.keymap import keys_display
from reader.tui.screens.dialog import Dialog

RESET = "RESET"
"""The answer that removes the user's correction (the engine's kind applies again)."""

KIND_CHOICES: tuple[tuple[str, str], ...] = (
    ("PERSON", "Person"),
    ("ORG", "Organisation"),
    ("PLACE", "Place"),
    ("NORP", "Nationality, religious or political group (not highlighted)"),
    ("NONE", "Not a name at all"),
)
"""The labels a user can give (see :mod:`reader.store.corrections`) and how they are shown."""


class EntityKindPicker(Dialog[str | None]):
    """Enter on a kind saves it; Escape cancels. Answers a label, :data:`RESET` or None."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="entity_kind.cancel")]
    DEFAULT_CSS = """
    EntityKindPicker > Vertical { width: 70; }
    EntityKindPicker #entity-kinds { height: auto; max-height: 9; border: none; margin: 1 0; }
    """

    def __init__(self, name: str, label: str, *, corrected: bool = False) -> None:
        super().__init__()
        self.entity = name
        self.label = label
        self.corrected = corrected

    def compose(self) -> ComposeResult:
        """Title (the name, plain text), the kinds, a hint."""
        options = [Option(Text(f"{'• ' if value == self.label else '  '}{title}"), id=value)
                   for value, title in KIND_CHOICES]
        if self.corrected:
            options.append(Option(Text("  As the engine said (remove my correction)"), id=RESET))
        with Vertical(id="entity-kind-box"):
            yield Static(Text(f"What is “{excerpt(self.entity)}”?"), id="entity-kind-title", classes="dialog-title")
            yield OptionList(*options, id="entity-kinds")
            cancel = keys_display(self.app, "entity_kind.cancel", "Escape")
            yield Static(Text(f"Enter: for every mention in this article · {cancel} cancels"),
                         classes="dialog-hint")

    def on_mount(self) -> None:
        """Start on the kind the name has now."""
        kinds = self.query_one(OptionList)
        kinds.focus()
        values = [value for value, _title in KIND_CHOICES]
        kinds.highlighted = values.index(self.label) if self.label in values else 0

    @on(OptionList.OptionSelected, "#entity-kinds")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        """Close without a change."""
        self.dismiss(None)
