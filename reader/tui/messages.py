"""Messages screens post to the app (the app decides which screen comes next)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class OpenArticle(Message):
    """Open ``source`` (a path or URL) in a reader screen over the current one.

    Posted by the article list and the library screen; handled by
    :meth:`reader.tui.app.ReaderApp.open_source`. ``can_go_back`` lets Escape/q return to the
    screen that asked.
    """

    source: str
    can_go_back: bool = True
    at: int | None = None
    """An offset into the text to show (a search match, a note, a quote) instead of the saved
    reading position."""
