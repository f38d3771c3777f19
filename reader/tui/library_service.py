"""The app's handle on the library file: opened once, a broken file kept as one line of text.

Opening reads the file (no lock unless an old schema is migrated). If it fails with a
:class:`~reader.errors.ReaderError` (damaged file, newer schema, busy lock, unwritable
folder), :attr:`LibraryService.error` holds the message, the file is left alone, and the app
keeps working without a library. Every other store call happens in thread workers of the
screens, because a save can wait on another process's lock.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from reader.errors import ReaderError
from reader.sanitize import clean_line
from reader.services.library import open_library

if TYPE_CHECKING:
    from textual.screen import Screen

    from reader.store import Library

RECOVERY_HINT = "Reading still works; notes and tags are off until the library can be opened."


class LibraryService:
    """Opens the library at ``db`` (None: the default file) once, remembering why it failed."""

    def __init__(self, db: str | None) -> None:
        self.db = db
        self._library: Library | None = None
        self._error: str | None = None
        self._tried = False
        self._lock = threading.Lock()

    def open(self) -> Library | None:
        """The library, opening it on first use; None (see :attr:`error`) when it cannot be used."""
        with self._lock:
            if not self._tried:
                self._tried = True
                try:
                    self._library = open_library(self.db)  # imports the store late: off the first paint
                except ReaderError as exc:
                    self._error = clean_line(str(exc))
            return self._library

    @property
    def library(self) -> Library | None:
        """The open library, or None (not opened yet, or broken)."""
        return self._library

    @property
    def error(self) -> str | None:
        """Why the library could not be opened (one line naming the file), or None."""
        return self._error


def run_store_call(screen: Screen[Any], library: Library | None, call: Callable[[Library], Any],
                   done: Callable[[Any], None] | None = None) -> None:
    """Run ``call(library)`` in a thread worker of ``screen`` (a save may wait on another process's
    lock); hand the result to ``done`` on the UI thread if the screen is still shown. A
    :class:`ReaderError` becomes an error notification. Nothing happens without a library."""
    if library is None:
        return

    def work() -> None:
        try:
            result = call(library)
        except ReaderError as exc:
            screen.app.call_from_thread(_report, screen, str(exc))
            return
        if done is not None:
            screen.app.call_from_thread(_deliver, screen, done, result)

    screen.run_worker(work, thread=True, group="store", exit_on_error=False)


def _report(screen: Screen[Any], message: str) -> None:
    if screen.is_attached:
        screen.notify(message, severity="error", markup=False)


def _deliver(screen: Screen[Any], done: Callable[[Any], None], result: Any) -> None:
    if screen.is_attached:
        done(result)
