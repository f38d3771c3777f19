"""Write exports to a folder: one markdown file per article, or one ``reader-export.json``.

The articles come ready-made (see :mod:`reader.services.exports`, which gathers them from the
library); this module only renders and writes, replacing only files that reader wrote.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from reader.errors import ReaderError
from reader.export.files import choose_file_name, existing_exports, title_file_name, write_export
from reader.export.json_export import render_json
from reader.export.markdown_export import render_markdown
from reader.export.model import ExportArticle

JSON_FILE = "reader-export.json"


def exported_now() -> str:
    """The export time, ISO 8601 in UTC to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def export_markdown(articles: list[ExportArticle], folder: Path, *, force: bool = False,
                    exported: str | None = None) -> list[Path]:
    """Write one markdown file per article into ``folder``; return the paths written."""
    stamp = exported or exported_now()
    existing = existing_exports(folder) if folder.is_dir() else {}
    paths: list[Path] = []
    for article in articles:
        name = export_file_name_for(folder, article, existing, force=force)
        path = write_export(folder, name, render_markdown(article, stamp), article.id, force=force)
        existing[article.id] = path
        paths.append(path)
    return paths


def export_file_name_for(folder: Path, article: ExportArticle, existing: dict[str, Path], *, force: bool) -> str:
    """The file name for ``article`` in ``folder`` (see :func:`choose_file_name`); with ``force`` the
    title itself, replacing whatever file has that name."""
    if force and article.id not in existing:
        return title_file_name(article.title)
    return choose_file_name(folder, article.title, article.id, existing)


def export_json(articles: list[ExportArticle], folder: Path, *, force: bool = False,
                exported: str | None = None) -> Path:
    """Write ``reader-export.json`` into ``folder`` (replacing only an export reader wrote)."""
    path = folder / JSON_FILE
    if path.exists() and not force and not _is_our_json(path):
        raise ReaderError(f"{path}: exists and was not written by reader; use --force to replace it")
    document = json.dumps(render_json(articles, exported or exported_now()), ensure_ascii=False, indent=2) + "\n"
    return write_export(folder, JSON_FILE, document, "", force=True, check_owner=False)


def _is_our_json(path: Path) -> bool:
    try:
        with path.open(encoding="utf-8") as handle:
            return json.load(handle).get("format") == "reader-export"
    except (OSError, ValueError, AttributeError):
        return False
