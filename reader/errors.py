"""Errors a user can cause: shown as one line on stderr, never as a traceback."""

from __future__ import annotations


class ReaderError(Exception):
    """A problem with the user's input or files; the CLI prints it and exits 1."""

    exit_code = 1


class UsageError(ReaderError):
    """The command line itself is wrong; the CLI prints it and exits 2."""

    exit_code = 2
