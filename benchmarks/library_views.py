"""Library-wide commands and screens on a generated library of 1,000 articles and 10,000 notes.

Run alone (``python -m benchmarks.library_views``, prints JSON) or through ``make bench``
(section ``views``). Everything happens in a temporary folder; the user's library is never
touched. The articles are generated news stories in which 40 people are quoted under the
forms news uses ("Sergei Lavrov", "Lavrov", "Russian Foreign Minister Sergei Lavrov").

Measured, each the median of warm runs (after one unrecorded warm-up) of the whole process:
``reader list`` (the reference), ``reader search``, ``reader speakers``, ``reader notes``;
and once, the cold ``reader speakers`` that analyses every article on every core. In the
app (Pilot): the library, speakers and notes screens from the key press until their rows are
shown, warm. CPU seconds are recorded beside wall seconds: on a shared machine wall time
stretches with the load, CPU time much less.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ARTICLES = 1_000
NOTES = 10_000
SIZE = (120, 40)
SCREEN_RUNS = 5

FIRST = ["Sergei", "Anna", "Maria", "John", "Fatima", "Kenji", "Olga", "Pedro", "Amara", "Liam"]
LAST = ["Lavrov", "Berg", "Okafor", "Lindqvist", "Haddad", "Tanaka", "Novak", "Silva", "Mensah", "Walsh"]
ROLES = ["Foreign Minister", "Finance Minister", "union leader", "spokeswoman", "mayor", "chief executive"]
TOPICS = ["budget", "ceasefire", "harbour", "strike", "election", "tariff", "flood", "railway", "hospital", "grain"]
FILLER = ("Officials met again on Tuesday as negotiations over the {t} continued behind closed doors. "
          "Analysts expect a decision before the end of the month, although few details have emerged. "
          "The {t} has dominated the news in the region for weeks, with protests outside parliament.")


def people() -> list[tuple[str, str]]:
    """Forty people: (full name, role)."""
    rng = random.Random(7)
    out = []
    for i in range(40):
        out.append((f"{FIRST[i % 10]} {LAST[(i * 3 + i // 10) % 10]}", rng.choice(ROLES)))
    return list(dict.fromkeys(out))


def article_text(n: int) -> str:
    """A generated news story with quotes by three of the people."""
    rng = random.Random(n)
    topic = TOPICS[n % len(TOPICS)]
    cast = rng.sample(people(), 3)
    paragraphs = [f"Talks on the {topic} reach day {n}"]
    for name, role in cast:
        surname = name.split()[-1]
        paragraphs.append(f"{role.capitalize()} {name} said on Monday that the {topic} plan would be revised. "
                          f"\u201cWe will not accept a deal that hurts families,\u201d {surname} told reporters.")
        paragraphs.append(FILLER.format(t=topic))
        paragraphs.append(f"\u201cThe {topic} numbers do not add up,\u201d said {surname}, adding that "
                          f"talks would resume next week.")
    paragraphs.append(f"Caf\u00e9 owners near the port said trade was slow because of the {topic}.")
    return "\n\n".join(paragraphs) + "\n"


def build(folder: Path, articles: int = ARTICLES, notes: int = NOTES) -> Path:
    """Write the articles and a library with ``notes`` notes; returns the library path."""
    from reader.document import load
    from reader.store import Library

    db = folder / "library.json"
    library = Library.open(db)
    loaded = []
    for n in range(articles):
        path = folder / f"story-{n:04d}.txt"
        path.write_text(article_text(n), encoding="utf-8")
        loaded.append(load(str(path)))
    with library.batch():
        records = library.add_articles(loaded, tags=())
        for n in range(notes):
            index = n % len(records)
            text = loaded[index].text
            start = (n * 37) % max(1, len(text) - 40)
            library.add_note(records[index].id, start, start + 30, text, note=f"note {n} on the port",
                             tags=["port"] if n % 10 == 0 else [])
        for index, record in enumerate(records):
            if index % 4 == 0:
                library.tag_article(record.id, [TOPICS[index % len(TOPICS)]])
    return db


def _time(argv: list[str], env: dict[str, str], runs: int) -> tuple[list[float], list[float]]:
    """Wall and CPU (user + system) seconds of each run after one unrecorded warm-up.

    CPU time is kept beside wall time because a loaded machine (other jobs on 2 cores) can
    stretch wall time several-fold while CPU time stays what the program costs.
    """
    import resource

    times, cpu = [], []
    for index in range(runs + 1):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(argv, env=env, check=True, capture_output=True)
        elapsed = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if index:
            times.append(elapsed)
            cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return times, cpu


async def _wait(pilot: object, condition: object, limit: float = 60.0) -> None:
    """Let the app run until ``condition()`` holds; a screen that never loads fails the section."""
    deadline = time.perf_counter() + limit
    while not condition():  # type: ignore[operator]
        if time.perf_counter() > deadline:
            raise TimeoutError("the screen did not load within a minute")
        await pilot.pause(0.005)  # type: ignore[attr-defined]


async def _screen_times(db: Path, runs: int) -> dict[str, list[float]]:
    from reader.tui.app import ReaderApp

    out: dict[str, list[float]] = {"library": [], "speakers": [], "notes": [],
                                   "library_cpu": [], "speakers_cpu": [], "notes_cpu": []}
    from reader.tui.screens.library import LibraryScreen

    LibraryScreen.index_delay = None  # measured warm: the cache is built; no background pass running
    app = ReaderApp([], db=str(db))
    async with app.run_test(size=SIZE) as pilot:
        await _wait(pilot, lambda: getattr(app.screen, "loaded", False))
        library_screen = app.screen
        for _ in range(runs):
            for key, name in (("S", "speakers"), ("N", "notes")):
                started, cpu = time.perf_counter(), time.process_time()
                await pilot.press(key)
                await _wait(pilot, lambda: app.screen is not library_screen and getattr(app.screen, "loaded", False))
                await pilot.pause()
                out[name].append(time.perf_counter() - started)
                out[f"{name}_cpu"].append(time.process_time() - cpu)
                await pilot.press("escape")
                await pilot.pause()
            started, cpu = time.perf_counter(), time.process_time()
            library_screen.loaded = False
            library_screen.reload()
            await _wait(pilot, lambda: library_screen.loaded)
            await pilot.pause()
            out["library"].append(time.perf_counter() - started)
            out["library_cpu"].append(time.process_time() - cpu)
    return out


def measure(runs: int = 5, reader: str | None = None) -> dict[str, object]:
    """Build the library in a temporary folder and time everything; seconds, medians."""
    reader = reader or str(Path(sys.executable).parent / "reader")
    result: dict[str, object] = {"articles": ARTICLES, "notes": NOTES, "cpus": os.cpu_count(),
                                 "load_average": os.getloadavg()}
    with tempfile.TemporaryDirectory(prefix="reader-bench-views-") as tmp:
        folder = Path(tmp)
        started = time.perf_counter()
        db = build(folder)
        result["build_s"] = round(time.perf_counter() - started, 1)
        env = {**os.environ, "READER_DB": str(db), "XDG_CONFIG_HOME": str(folder / "config"),
               "XDG_DATA_HOME": str(folder / "data"), "XDG_CACHE_HOME": str(folder / "cache")}
        started = time.perf_counter()
        subprocess.run([reader, "speakers"], env=env, check=True, capture_output=True)
        result["speakers_cold_s"] = round(time.perf_counter() - started, 2)
        for name, argv in (("list", ["list"]), ("search", ["search", "lavrov \"hurts families\""]),
                           ("speakers", ["speakers"]), ("notes", ["notes"]),
                           ("quotes", ["quotes", "--speaker", "Sergei Lavrov"])):
            times, cpu = _time([reader, *argv], env, runs)
            result[f"{name}_s"] = round(statistics.median(times), 3)
            result[f"{name}_runs"] = [round(t, 3) for t in times]
            result[f"{name}_cpu_s"] = round(statistics.median(cpu), 3)
        try:
            screens = asyncio.run(_screen_times(db, runs))
        except Exception as exc:  # noqa: BLE001 - the screens may not exist in an older checkout
            result["screens_error"] = f"{type(exc).__name__}: {exc}"
        else:
            for name, times in screens.items():
                if name.endswith("_cpu"):
                    result[f"{name[:-4]}_screen_cpu_s"] = round(statistics.median(times), 3)
                    continue
                result[f"{name}_screen_s"] = round(statistics.median(times), 3)
                result[f"{name}_screen_runs"] = [round(t, 3) for t in times]
    return result


if __name__ == "__main__":
    print(json.dumps(measure(), indent=2))
