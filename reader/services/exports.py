"""Export library articles: gather each article's notes, current text and analysis, then write.

Shared by ``reader export`` and the app's export key. An article whose source can no longer be
read is still exported from what the library knows (its notes with their last known quotes);
that comes back as a warning in the result, which the CLI prints on stderr and the app shows as
a notification, instead of being printed here where the app would swallow it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reader.errors import ReaderError
from reader.export.model import ExportArticle, ExportNote
from reader.export.writing import export_json, export_markdown, exported_now
from reader.services.library import current_text

if TYPE_CHECKING:
    from reader.analysis import Analysis, Quote
    from reader.store import ArticleRecord, Library, Note

EXPORT_DIR_SETTING = "export_dir"
"""The library setting naming the app's export folder."""


@dataclass
class Collected:
    """The articles ready to export, and one warning per article exported from saved notes only."""

    articles: list[ExportArticle] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote: the files, the number of notes in them, and warnings to show."""

    paths: list[Path]
    notes: int
    warnings: list[str]


def speaker_for(start: int, end: int, quotes: Sequence[Quote]) -> str | None:
    """The speaker of the attributed quote a passage lies in (or mostly overlaps), if any."""
    best: tuple[int, str] | None = None
    length = max(1, end - start)
    for quote in quotes:
        if quote.speaker is None or quote.end <= start or quote.start >= end:
            continue
        overlap = min(end, quote.end) - max(start, quote.start)
        inside = quote.start <= start and end <= quote.end
        if (inside or overlap * 2 >= length) and (best is None or overlap > best[0]):
            best = (overlap, quote.speaker)
    return best[1] if best else None


def build_export_article(record: ArticleRecord, notes: Sequence[Note], analysis: Analysis | None) -> ExportArticle:
    """An :class:`ExportArticle` from a library record, its (re-anchored) notes and an analysis."""
    quotes = list(analysis.quotes) if analysis is not None else []
    speakers: list[tuple[str, int]] = []
    if analysis is not None:
        speakers = [(name, sum(counts.values())) for name, counts in analysis.speakers()]
    meta = record.metadata
    export_notes = [
        ExportNote(
            id=n.id, quote=n.quote, note=n.note, tags=list(n.tags), start=n.start, end=n.end,
            status=str(n.status), prefix=n.prefix, suffix=n.suffix, created=n.created, updated=n.updated,
            speaker=speaker_for(n.start, n.end, quotes) if str(n.status) != "orphaned" else None,
        )
        for n in notes
    ]
    return ExportArticle(
        id=record.id, title=record.title, source=record.source, tags=list(record.tags),
        author=meta.get("author", ""), site=meta.get("site", ""), published=meta.get("published", ""),
        speakers=speakers, notes=export_notes,
    )


def collect_article(library: Library, record: ArticleRecord) -> tuple[ExportArticle, str | None]:
    """Load the article's current text, re-anchor its notes, analyse it, and build its export.

    If the source cannot be read, the export is built from the notes as last saved and the
    second item says so (one line); otherwise it is None.
    """
    try:
        text = current_text(library, record)
    except ReaderError as exc:
        warning = f"{exc}; exporting its notes as last saved"
        return build_export_article(record, library.notes_for(record.id), None), warning
    from reader.analysis import analyze  # late: the analysis loads its word lists on first use

    return build_export_article(record, library.notes_for(record.id, text), analyze(text)), None


def collect(library: Library, records: Sequence[ArticleRecord]) -> Collected:
    """:func:`collect_article` for each record, the warnings gathered in order."""
    collected = Collected()
    for record in records:
        article, warning = collect_article(library, record)
        collected.articles.append(article)
        if warning is not None:
            collected.warnings.append(warning)
    return collected


def default_export_dir(library: Library | None = None) -> Path:
    """Where the app exports: the ``export_dir`` setting, else ``Documents/reader-notes``."""
    if library is not None:
        chosen = library.get_setting(EXPORT_DIR_SETTING)
        if isinstance(chosen, str) and chosen.strip():
            return Path(chosen).expanduser()
    from platformdirs import user_documents_dir

    return Path(user_documents_dir()) / "reader-notes"


def write_articles(articles: list[ExportArticle], folder: Path, *, fmt: str = "md", force: bool = False,
                   exported: str | None = None) -> list[Path]:
    """Write collected articles: one markdown file each, or one ``reader-export.json``."""
    stamp = exported or exported_now()
    if fmt == "json":
        return [export_json(articles, folder, force=force, exported=stamp)]
    return export_markdown(articles, folder, force=force, exported=stamp)


def export_records(library: Library, records: Sequence[ArticleRecord], folder: Path, *, fmt: str = "md",
                   force: bool = False) -> ExportResult:
    """Collect and export library articles (notes re-anchored, speakers attached)."""
    collected = collect(library, records)
    paths = write_articles(collected.articles, folder, fmt=fmt, force=force)
    notes = sum(len(article.notes) for article in collected.articles)
    return ExportResult(paths=paths, notes=notes, warnings=collected.warnings)
