"""argparse ``type=`` checks shared by the commands: an empty value is a usage mistake (exit 2).

``reader notes --tag ''`` used to get as far as the library and fail there with exit 1, as if
the library were at fault; argparse turns an :class:`argparse.ArgumentTypeError` raised here into
one usage line naming the option (``argument --tag: ...``), which ``reader.cli`` prints with exit 2.
Each check returns the value unchanged: the command still does its own normalising.
"""

from __future__ import annotations

import argparse

from reader.errors import ReaderError
from reader.store.tags import normalize_tag


def tag(value: str) -> str:
    """A tag that is something once cleaned (not ``''``, ``'#'`` or spaces); else a usage error."""
    try:
        normalize_tag(value)
    except ReaderError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return value


def nonempty(value: str) -> str:
    """Any text but an empty (or blank) one; else a usage error."""
    if not value.strip():
        raise argparse.ArgumentTypeError("is empty")
    return value
