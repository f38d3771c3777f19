"""The default action: open the app on articles, a folder, or the library."""

from __future__ import annotations

import argparse
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


def run(args: argparse.Namespace) -> int:
    """Start the Textual app (imported only here, so headless commands never load it)."""
    theme_name = getattr(args, "theme", None)
    if theme_name is not None:  # a typo is a usage error (exit 2) before the screen is taken over
        resolve_theme_name(theme_name, None)
    sources = collect_sources(args.paths)
    db = getattr(args, "db", None)
    preloaded = _preload(sources, db)
    from reader.tui.app import ReaderApp

    app = ReaderApp(sources=sources, db=db, theme_name=theme_name, preloaded=preloaded)
    app.run()
    return app.return_code or 0
