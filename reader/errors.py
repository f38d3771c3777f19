"""Errors a user can cause: shown as one line on stderr, never as a traceback."""

from __future__ import annotations

from reader.sanitize import clean_line


class ReaderError(Exception):
    """A problem with the user's input or files; the CLI prints it and exits 1.

    The message often quotes a file name, a URL or a server's words, all untrusted: it is
    cleaned here, once, of escapes and control characters and folded onto one line, so every
    place that shows it (stderr, a notification, an error screen) gets it safe.
    """

    exit_code = 1

    def __init__(self, message: str = "", *args: object) -> None:
        super().__init__(clean_line(str(message)), *args)


class UsageError(ReaderError):
    """The command line itself is wrong; the CLI prints it and exits 2."""

    exit_code = 2
