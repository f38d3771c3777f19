"""A one-line error in place of an article that could not be opened."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Middle
from textual.screen import Screen
from textual.widgets import Static

from reader.tui.widgets.chrome import KeyBar, TitleBar


class ErrorScreen(Screen[None]):
    """Shows why an article could not be opened; Escape goes back if there is a list."""

    DEFAULT_CSS = """
    ErrorScreen #error-message { width: auto; max-width: 90%; color: $text-error; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,backspace", "back", "Back", id="error.back")]

    def __init__(self, message: str, *, can_go_back: bool = False) -> None:
        super().__init__()
        self.message = message
        self._can_go_back = can_go_back

    def compose(self) -> ComposeResult:
        """The message, centred."""
        yield TitleBar()
        with Middle(), Center():
            yield Static(self.message, id="error-message", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        """Title the screen."""
        self.title = "Cannot open the article"

    def action_back(self) -> None:
        """Return to the list."""
        if self._can_go_back:
            self.dismiss()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Back only when there is a list to go back to."""
        return self._can_go_back if action == "back" else True
