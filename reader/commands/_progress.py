"""A one-line progress bar on stderr for batch commands, drawn only when stderr is a terminal.

Piped or redirected stderr gets no bar (only the error lines), so logs stay clean. File names
shown in the bar are untrusted and are cleaned of escapes first.
"""

from __future__ import annotations

import shutil
import sys
import time
from typing import TextIO

from reader.sanitize import clean_line

_CLEAR = "\r\x1b[K"


class Progress:
    """``done/total [#####-----] name`` on one line, redrawn at most every ``interval`` seconds."""

    def __init__(self, total: int, stream: TextIO | None = None, *, enabled: bool | None = None,
                 interval: float = 0.1) -> None:
        self.total = total
        self.done = 0
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = _is_terminal(self.stream) if enabled is None else enabled
        self._interval = interval
        self._drawn_at = float("-inf")
        self._shown = False

    def line(self, label: str = "") -> str:
        """The bar's text for the current count, fitted to the terminal's width."""
        width = shutil.get_terminal_size((80, 24)).columns
        count = f"{self.done}/{self.total}"
        cells = max(10, min(30, width // 4))
        filled = cells * self.done // self.total if self.total else cells
        text = f"{count} [{'#' * filled}{'-' * (cells - filled)}] {clean_line(label)}"
        return text[: max(1, width - 1)]

    def advance(self, label: str = "") -> None:
        """One more item finished (``label`` names it)."""
        self.done += 1
        now = time.monotonic()
        if self.enabled and (now - self._drawn_at >= self._interval or self.done == self.total):
            self._drawn_at = now
            self.stream.write(_CLEAR + self.line(label))
            self.stream.flush()
            self._shown = True

    def say(self, message: str) -> None:
        """Write one line (an error) above the bar, which is redrawn on the next advance."""
        self.clear()
        self.stream.write(message + "\n")
        self.stream.flush()

    def clear(self) -> None:
        """Remove the bar from the terminal (before other output, and at the end)."""
        if self._shown:
            self.stream.write(_CLEAR)
            self.stream.flush()
            self._shown = False
            self._drawn_at = float("-inf")


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
