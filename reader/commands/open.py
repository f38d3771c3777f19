"""The default action: open the app on articles, a folder, or the library."""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

from reader.document.loader import is_url
from reader.document.sources import collect_sources
from reader.errors import ReaderError
from reader.sanitize import clean_line
from reader.themes import resolve_theme_name

if TYPE_CHECKING:
    from reader.document import Article
    from reader.services.loading import Preloaded


def _preload(sources: list[str], db: str | None = None) -> Preloaded:
    """Open a single article before Textual starts.

    A large markdown file can then be finished by a forked child while the app paints its first
    screen (see reader.document.forked), and a web page is read from the library's stored copy
    or fetched here, where the wait shows on the terminal and Ctrl+C works, instead of freezing
    the app's first screen.
    """
    if len(sources) != 1 or sources[0] == "-":
        return {}
    from reader.services.loading import open_for_reading

    if is_url(sources[0]):
        stored = _stored_web_copy(sources[0], db)
        if stored is not None:
            return {sources[0]: (stored, None)}
        print(f"reader: fetching {clean_line(sources[0])}", file=sys.stderr)
    try:
        loaded = open_for_reading(sources[0])
    except ReaderError as exc:
        return {sources[0]: exc}
    _article, parser = loaded
    if parser is not None:
        parser.finish_in_child()
    return {sources[0]: loaded}


def _stored_web_copy(url: str, db: str | None) -> Article | None:
    """The library's copy of a web page (opens offline, keeps note anchors), if there is one."""
    from reader.services.library import open_library
    from reader.store import article_id

    try:
        return open_library(db).stored_article(article_id(url))
    except ReaderError:
        return None  # a damaged library is reported once the app opens it


def terminal_for_keys() -> int | None:
    """The descriptor the app will read keys from: 0 if standard input is a terminal, else the
    controlling terminal (``/dev/tty``) opened now, or None when there is no screen at all.

    After ``cat story.txt | reader -`` read the pipe to its end, descriptor 0 is an end-of-file:
    every key went to the terminal in its cooked mode (echoed over the screen, ``q`` included)
    while the app's input thread spun on the empty pipe. Like ``less`` and ``fzf``, the app
    reads keys from the terminal instead (see :func:`keys_from_terminal`).
    """
    from reader.tui.hangup import terminal_gone

    try:
        if os.isatty(0) or terminal_gone(0):  # a terminal closed already is still one to guard
            return 0
        if not os.isatty(sys.__stdout__.fileno()):  # type: ignore[union-attr]
            return None  # no screen to draw on, so nobody to press keys either
    except (AttributeError, OSError, ValueError):
        return None
    try:
        return os.open("/dev/tty", os.O_RDWR)
    except OSError:
        raise ReaderError("standard input is not a terminal and there is no terminal (/dev/tty) "
                          "to read keys from") from None


def keys_from_terminal(fd: int | None) -> None:
    """Put the terminal ``fd`` on descriptor 0, where the app reads keys (once stdin was read)."""
    if fd is not None and fd != 0:
        os.dup2(fd, 0)
        os.close(fd)


def run(args: argparse.Namespace) -> int:
    """Start the Textual app (imported only here, so headless commands never load it)."""
    theme_name = getattr(args, "theme", None)
    if theme_name is not None:  # a typo is a usage error (exit 2) before the screen is taken over
        resolve_theme_name(theme_name, None)
    terminal = terminal_for_keys()
    # From here on a terminal that goes away ends the process, whatever it is doing (reading a
    # pipe, parsing, forking, painting, quitting): see reader.tui.hangup.
    from reader.document.forked import live_children
    from reader.tui.hangup import TerminalGuard

    if terminal is not None:
        TerminalGuard(terminal, children=live_children).start()
    sources = collect_sources(args.paths)
    db = getattr(args, "db", None)
    preloaded = _preload(sources, db)
    from reader.tui.app import ReaderApp

    app = ReaderApp(sources=sources, db=db, theme_name=theme_name, preloaded=preloaded)
    keys_from_terminal(terminal)  # after the app read standard input
    app.run()
    return app.return_code or 0
