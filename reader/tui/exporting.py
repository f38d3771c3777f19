"""The app's export key: write an article's notes to the export folder and say where.

The files are the same as ``reader export`` writes (see :mod:`reader.services.exports`); the
folder is the library's ``export_dir`` setting, else ``Documents/reader-notes``. The work
(re-reading and analysing the article, writing the file) runs in a thread worker.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.screen import Screen

from reader.errors import ReaderError

if TYPE_CHECKING:
    from reader.store import Library


def export_in_background(screen: Screen[Any], library: Library | None, article_ids: list[str]) -> None:
    """Export ``article_ids`` to markdown and notify the path written (or why it failed)."""
    if library is None:
        screen.notify("Export needs the library, which could not be opened.", title="Export",
                      severity="warning", markup=False)
        return
    if not article_ids:
        return

    def export() -> None:
        from reader.services.exports import default_export_dir, export_records

        try:
            records = [library.article(article_id) for article_id in article_ids]
            result = export_records(library, records, default_export_dir(library))
        except ReaderError as exc:
            screen.app.call_from_thread(screen.notify, str(exc), title="Export failed", severity="error",
                                        markup=False)
            return
        for warning in result.warnings:
            screen.app.call_from_thread(screen.notify, warning, title="Export", severity="warning",
                                        markup=False)
        paths, notes = result.paths, result.notes
        where = str(paths[0]) if len(paths) == 1 else f"{len(paths)} files in {paths[0].parent}"
        message = f"Exported {notes} note{'s' if notes != 1 else ''} to {where}"
        screen.app.call_from_thread(screen.notify, message, title="Export", markup=False)

    screen.run_worker(export, thread=True, group="export", exclusive=True, exit_on_error=False)
