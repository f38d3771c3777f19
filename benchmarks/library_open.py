"""Opening the library screen with 1,000 articles: time from spawn until article titles are shown.

This picks itself up when the pieces exist: it needs ``reader add`` (the store) to fill a library
and ``reader`` with no arguments to open the library screen. Until ``reader add`` exists the
figure is reported as not available; if the library screen does not show the titles, the failure
(exit or timeout) is reported as it happened.
"""

from __future__ import annotations

import os
import re
import subprocess
import time
from pathlib import Path

from benchmarks.stats import Measured
from benchmarks.terminal import Tmux, end_processes, process_tree

ARTICLES = 1000
TITLE = re.compile(r"Briefing \d{4}")


def write_articles(folder: Path, count: int = ARTICLES) -> list[Path]:
    """``count`` small markdown articles whose titles all match :data:`TITLE`."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(1, count + 1):
        path = folder / f"briefing-{index:04d}.md"
        text = (f"# Briefing {index:04d} on the convoys\n\n"
                f"The convoy numbered {index} left at dawn, officials said.\n")
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def fill_library(reader: Path, db: Path, folder: Path, env: dict[str, str]) -> str:
    """Add the articles to a fresh library at ``db``; return "" or why it failed."""
    env = {**os.environ, **env}
    probe = subprocess.run([str(reader), "add", "--help"], capture_output=True, text=True, timeout=60, env=env)
    if probe.returncode != 0:
        return "not available: `reader add` does not exist yet"
    db.unlink(missing_ok=True)
    paths = [str(p) for p in write_articles(folder)]
    done = subprocess.run([str(reader), "--db", str(db), "add", *paths], capture_output=True, text=True,
                          timeout=600, env=env)
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["?"])[-1]
        return f"`reader add` of {len(paths)} articles failed: {last}"
    return ""


def measure(tmux: Tmux, reader: Path, cache: Path, env: dict[str, str], runs: int,
            timeout: float = 30.0) -> Measured:
    """Median seconds from spawning ``reader --db LIB`` to the first article titles on screen."""
    if not reader.exists():
        return Measured.missing(f"not available: {reader} does not exist")
    db = cache / "library-1000.db"
    why = fill_library(reader, db, cache / "library-articles", env)
    if why:
        return Measured.missing(why)
    times = []
    for index in range(runs):
        started = time.monotonic()
        session, pid = tmux.spawn([str(reader), "--db", str(db)], env=env)
        try:
            elapsed, _, failure = tmux.wait_for(session, lambda s: TITLE.search(s) is not None, timeout, started)
        finally:
            pids = process_tree(pid)
            tmux.kill(session)
            end_processes(pids)
        if failure or elapsed is None:
            note = f"library screen, run {index + 1}: {failure}"
            return Measured(times, note) if times else Measured.missing(note)
        times.append(elapsed)
    return Measured(times)
