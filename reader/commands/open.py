"""The default action: open the app on articles, a folder, or the library."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from reader.document.loader import ARTICLE_SUFFIXES, is_url
from reader.errors import ReaderError
from reader.sanitize import clean_line
from reader.themes import resolve_theme_name

if TYPE_CHECKING:
    from reader.document import Article
    from reader.services.loading import Preloaded


def collect_sources(paths: list[str]) -> list[str]:
    """Expand folders into the articles inside them (sorted); check that files exist.

    A folder's README and LICENSE files describe the folder; they are not articles in it.
    """
    sources: list[str] = []
    for raw in paths:
        if raw == "-" or is_url(raw):
            sources.append(raw)
            continue
        path = Path(raw).expanduser()
        if path.is_dir():
            found = sorted(p for p in path.iterdir()
                           if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES and not p.name.startswith(".")
                           and not p.stem.lower().startswith(("readme", "license", "licence")))
            if not found:
                raise ReaderError(f"{raw}: no articles (.md, .txt, .html) in this folder")
            sources.extend(str(p) for p in found)
        elif path.exists():
            sources.append(str(path))
        else:
            raise ReaderError(f"{raw}: no such file or folder")
    return sources


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
