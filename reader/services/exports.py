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

from reader.export.model import ExportArticle, ExportNote
from reader.export.writing import export_json, export_markdown, exported_now

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
            color=n.color,
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
    """:func:`collect` for one article: its export, and a warning if it came from saved notes only."""
    collected = collect(library, [record])
    return collected.articles[0], (collected.warnings[0] if collected.warnings else None)


def collect(library: Library, records: Sequence[ArticleRecord]) -> Collected:
    """Each article's current text (from the text cache, re-read when its source changed), its
    notes re-anchored, the analysis every view shows (cached, with the user's corrections) and
    the note on the whole article. An article whose source cannot be read is exported from its
    notes as last saved, with one warning."""
    from dataclasses import replace

    from reader.services.article_analysis import article_analysis
    from reader.services.texts import article_texts
    from reader.store import reanchor
    from reader.store.article_notes import ArticleNotes

    article_notes = ArticleNotes(library).all()
    texts = article_texts(library, records)
    problems = iter(texts.problems)
    collected = Collected()
    for record in records:
        notes = library.notes_for(record.id)
        text = texts.by_id.get(record.id)
        if text is None:
            built = build_export_article(record, notes, None)
            collected.warnings.append(f"{next(problems, record.source)}; exporting its notes as last saved")
        else:
            anchored = sorted(reanchor(notes, text.text), key=lambda n: (n.start, n.end, n.created))
            built = build_export_article(record, anchored, article_analysis(library, record.id, text.text))
        collected.articles.append(replace(built, note=article_notes.get(record.id, "")))
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
