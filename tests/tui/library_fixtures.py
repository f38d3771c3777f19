"""Shared by the library UI tests: articles on disk, a library file, waiting for workers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.worker import WorkerCancelled

from reader.document import load
from reader.store import Library
from reader.tui.app import ReaderApp

PARAGRAPHS = [
    "The council met on Tuesday to discuss the harbour plan. Members argued for two hours. "
    "No vote was taken before midnight.",
    "The mayor said the plan would bring jobs to the waterfront. Critics disagreed with her figures. "
    "They asked for an independent review.",
    "Residents near the docks worried about traffic. Some signed a petition. "
    "Others welcomed the new ferry terminal.",
    "A decision is expected next month. The council will publish the review first. "
    "Both sides said they would accept the result.",
]


def write_article(folder: Path, name: str, title: str, paragraphs: list[str] | None = None,
                  repeat: int = 1) -> Path:
    """A plain-text article: a title line, then the paragraphs (``repeat`` times)."""
    body = "\n\n".join((paragraphs or PARAGRAPHS) * repeat)
    path = folder / name
    path.write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    return path


def library_with(db: Path, paths: list[Path], tags: dict[Path, list[str]] | None = None) -> Library:
    """A library at ``db`` holding the articles at ``paths`` (with optional tags)."""
    library = Library.open(db)
    for path in paths:
        library.add_article(load(str(path)), tags=(tags or {}).get(path, ()))
    return library


async def settle(app: ReaderApp, pilot: Pilot) -> None:
    """Let store workers finish and their results reach the screen."""
    for _ in range(3):
        try:
            await app.workers.wait_for_complete()
        except WorkerCancelled:  # an exclusive reload replaced an older one: wait for the new one
            continue
        await pilot.pause()


async def until(app: ReaderApp, pilot: Pilot, condition: Callable[[], bool], rounds: int = 200) -> None:
    """Let workers and messages run until ``condition`` holds (a bound, not a timing check)."""
    for _ in range(rounds):
        if condition():
            return
        await settle(app, pilot)
    assert condition(), "the screen never showed the expected state"


async def complete(pilot: Pilot, typed: str) -> None:
    """Type into the focused input, wait for its suggestion (worked out in a worker), accept it."""
    from textual.widgets import Input

    await pilot.press(*typed)
    field = pilot.app.focused
    assert isinstance(field, Input)
    for _ in range(1000):
        if field._suggestion:
            break
        await pilot.pause()
    assert field._suggestion, f"no suggestion for {typed!r}"
    await pilot.press("right")
