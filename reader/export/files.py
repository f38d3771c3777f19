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


_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|#^\[\]]+')
MAX_TITLE = 100
FILE_MODE = 0o644
"""Exports are for other programs (notes apps, sync tools) to read, unlike the private library."""


def short_id(article_id: str) -> str:
    """The first eight letters and digits of an id, to tell apart two articles with one title."""
    return re.sub(r"[^A-Za-z0-9]", "", article_id)[:8] or "0"


def title_file_name(title: str, suffix: str = ".md") -> str:
    """The title as written, made safe for any file system and notes app.

    Path separators, characters Windows or Obsidian links cannot take (``: * ? " < > | # ^ [ ]``)
    and control characters become one space; leading dots and trailing dots or spaces go;
    reserved device names get a trailing underscore; at most 100 characters.
    """
    from reader.sanitize import clean_line

    name = " ".join(_UNSAFE.sub(" ", clean_line(title)).split()).lstrip(". ").rstrip(". ")
    name = name[:MAX_TITLE].rstrip(". ") or "Untitled"
    if name.split(".")[0].lower() in _RESERVED:
        name += "_"
    return name + suffix


def export_id(path: Path) -> str | None:
    """The article id in the front matter of an export reader wrote, or None."""
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            head = handle.read(4096)
    except OSError:
        return None
    if not head.startswith("---\n"):
        return None
    matter = head[4:].split("\n---", 1)[0]
    if 'generator: "reader"' not in matter:
        return None
    for line in matter.splitlines():
        if line.startswith("id: "):
            import json

            try:
                value = json.loads(line[4:])
            except ValueError:
                return None
            return value if isinstance(value, str) else None
    return None


def existing_exports(folder: Path, suffix: str = ".md") -> dict[str, Path]:
    """Every export reader wrote in ``folder``, by the id in its front matter."""
    found: dict[str, Path] = {}
    try:
        paths = sorted(folder.glob(f"*{suffix}"))
    except OSError:
        return found
    for path in paths:
        ident = export_id(path)
        if ident is not None:
            found.setdefault(ident, path)
    return found


def choose_file_name(folder: Path, title: str, article_id: str, existing: dict[str, Path],
                     suffix: str = ".md") -> str:
    """Where an article's export goes: the file reader wrote for it before (found by the id in its
    front matter, so a renamed title keeps its file), else the title, else title and short id."""
    known = existing.get(article_id)
    if known is not None and known.parent == folder:
        return known.name
    name = title_file_name(title, suffix)
    taken = {p.name for p in existing.values()}
    if (folder / name).exists() or name in taken:
        name = title_file_name(title, "")[:MAX_TITLE] + f" ({short_id(article_id)}){suffix}"
    return name


def written_by_reader(path: Path, article_id: str) -> bool:
    """True when ``path`` is an export reader wrote for this article (its front matter says so)."""
    return export_id(path) == article_id


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
            os.fchmod(handle.fileno(), FILE_MODE)
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
