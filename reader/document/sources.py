"""Turn command-line arguments into article sources: folders become the articles inside them.

Shared by opening the app, ``reader add`` and ``reader analyze``, so every command finds the
same articles in a folder. Light on purpose (no parser, no Textual): a headless command that
only needs the list pays for nothing else.
"""

from __future__ import annotations

from pathlib import Path

from reader.document.loader import ARTICLE_SUFFIXES, is_url
from reader.errors import ReaderError

_NOT_ARTICLES = ("readme", "license", "licence")
"""A folder's README and LICENSE files describe the folder; they are not articles in it."""


def article_files(folder: Path) -> list[Path]:
    """The articles directly inside ``folder`` (.md, .txt, .html ...), sorted; hidden files skipped."""
    return sorted(p for p in folder.iterdir()
                  if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES and not p.name.startswith(".")
                  and not p.stem.lower().startswith(_NOT_ARTICLES))


def is_folder(raw: str) -> bool:
    """True when the argument names an existing folder (not ``-`` or a URL)."""
    return raw != "-" and not is_url(raw) and Path(raw).expanduser().is_dir()


def collect_sources(paths: list[str]) -> list[str]:
    """Expand folders into the articles inside them (sorted); check that files exist.

    ``-`` (standard input) and URLs pass through unchanged. Raises :class:`ReaderError` for a
    path that does not exist or a folder with no articles.
    """
    sources: list[str] = []
    for raw in paths:
        if raw == "-" or is_url(raw):
            sources.append(raw)
            continue
        path = Path(raw).expanduser()
        if path.is_dir():
            found = article_files(path)
            if not found:
                raise ReaderError(f"{raw}: no articles (.md, .txt, .html) in this folder")
            sources.extend(str(p) for p in found)
        elif path.exists():
            sources.append(str(path))
        else:
            raise ReaderError(f"{raw}: no such file or folder")
    return sources
