"""Where exports go: safe, stable file names and never clobbering a stranger's file."""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from pathlib import Path

from reader.errors import ReaderError

_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}
MAX_SLUG = 60


def slugify(title: str) -> str:
    """A lower-case ASCII slug: letters, digits and single dashes, at most 60 characters."""
    text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:MAX_SLUG].strip("-")
    if not slug or slug in _RESERVED:
        slug = f"article-{slug}" if slug else "article"
    return slug


def export_file_name(title: str, article_id: str, suffix: str = ".md") -> str:
    """``slug-of-title-ID.md``: the same name every time the same article is exported."""
    safe_id = re.sub(r"[^A-Za-z0-9]", "", article_id)[:16] or "0"
    return f"{slugify(title)}-{safe_id}{suffix}"


def written_by_reader(path: Path, article_id: str) -> bool:
    """True when ``path`` is an export reader wrote for this article (its front matter says so)."""
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            head = handle.read(4096)
    except OSError:
        return False
    if not head.startswith("---\n"):
        return False
    matter = head[4:].split("\n---", 1)[0]
    return 'generator: "reader"' in matter and f"id: {_quoted(article_id)}" in matter


def _quoted(value: str) -> str:
    import json

    return json.dumps(value, ensure_ascii=False)


def write_atomically(path: Path, content: str) -> None:
    """Write ``content`` to ``path`` through a temp file and a rename, so a crash leaves old or new."""
    folder = path.parent
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ReaderError(f"{folder}: cannot write exports there ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise ReaderError(f"{path}: could not write the export ({exc.strerror or exc})") from None


def write_export(folder: Path, file_name: str, content: str, article_id: str, *, force: bool = False,
                 check_owner: bool = True) -> Path:
    """Write one export file into ``folder``; refuse to replace a file reader did not write."""
    if not folder.is_dir():
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ReaderError(f"{folder}: cannot create the export folder ({exc.strerror or exc})") from None
    path = folder / file_name
    if path.exists() and check_owner and not force and not written_by_reader(path, article_id):
        raise ReaderError(f"{path}: exists and was not written by reader; use --force to replace it")
    write_atomically(path, content)
    return path
