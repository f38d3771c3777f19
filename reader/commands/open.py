"""The default action: open the app on articles, a folder, or the library."""

from __future__ import annotations

import argparse
from pathlib import Path

from reader.cli import db_path
from reader.document.loader import ARTICLE_SUFFIXES, is_url
from reader.errors import ReaderError
from reader.themes import resolve_theme_name


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


def _preload(sources: list[str]) -> dict[str, object]:
    """Open a single local article before Textual starts, so a large markdown file can be
    finished by a forked child while the app paints its first screen (see reader.document.forked)."""
    if len(sources) != 1 or sources[0] == "-" or is_url(sources[0]):
        return {}
    from reader.tui.loading import open_for_reading

    try:
        loaded = open_for_reading(sources[0])
    except ReaderError as exc:
        return {sources[0]: exc}
    _article, parser = loaded
    if parser is not None:
        parser.finish_in_child()
    return {sources[0]: loaded}


def run(args: argparse.Namespace) -> int:
    """Start the Textual app (imported only here, so headless commands never load it)."""
    theme_name = getattr(args, "theme", None)
    if theme_name is not None:  # a typo is a usage error (exit 2) before the screen is taken over
        resolve_theme_name(theme_name, None)
    sources = collect_sources(args.paths)
    preloaded = _preload(sources)
    from reader.tui.app import ReaderApp

    app = ReaderApp(sources=sources, db=db_path(args), theme_name=theme_name, preloaded=preloaded)
    app.run()
    return app.return_code or 0
