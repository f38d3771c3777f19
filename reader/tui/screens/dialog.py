"""The base class of the app's small modal dialogs (tags, rename, confirm, the note editor).

One look for all of them: a box centred over the screen with a bold title, the inputs, a muted
hint and an error line. A dialog composes a ``Vertical`` holding ``Static`` lines with the
classes ``dialog-title``, ``dialog-hint`` and ``dialog-error``; a subclass only adds CSS for what
differs (the note editor is wider).
"""

from __future__ import annotations

from typing import TypeVar

from textual.screen import ModalScreen

ResultT = TypeVar("ResultT")


class Dialog(ModalScreen[ResultT]):
    """A modal box centred over the current screen; dismissed with its result."""

    DEFAULT_CSS = """
    Dialog { align: center middle; }
    Dialog > Vertical {
        width: 64; max-width: 95%; height: auto; padding: 0 1;
        background: $panel; border: round $accent;
    }
    Dialog .dialog-title { text-style: bold; }
    Dialog .dialog-hint { color: $text-muted; }
    Dialog .dialog-error { color: $text-error; }
    """
