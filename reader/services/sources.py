"""What a command line or the open dialog names: files, folders of articles, URLs, ``-``."""

from __future__ import annotations

from pathlib import Path

from reader.document.loader import ARTICLE_SUFFIXES, is_url
from reader.errors import ReaderError

__all__ = ["collect_sources"]


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
