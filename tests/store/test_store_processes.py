"""Several processes on one library: killed writers and concurrent writers never lose a saved note."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from reader.document import Article
from reader.store import Library

WRITER = Path(__file__).with_name("store_writer.py")


def _start(db: Path, aid: str, text_file: Path, seeds: list[int], count: int) -> list[subprocess.Popen[str]]:
    """Start one writer per seed and wait until each has opened the library."""
    procs = [subprocess.Popen([sys.executable, str(WRITER), str(db), aid, str(text_file), str(seed), str(count)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) for seed in seeds]
    for proc in procs:
        assert proc.stdout is not None
        first = proc.stdout.readline()  # blocks until the writer has opened the library
        assert first == "ready\n", first + proc.stdout.read()
    return procs


def _finish(proc: subprocess.Popen[str]) -> str:
    """Everything the writer printed after ``ready`` (read through the same buffer as readline)."""
    assert proc.stdout is not None
    out = proc.stdout.read()
    proc.stdout.close()
    proc.wait()
    return out


class Acks:
    """What the writers acknowledged: the state every note must (at least) have reached."""

    def __init__(self) -> None:
        self.added: set[str] = set()
        self.deleted: set[str] = set()
        self.version: dict[str, int] = {}
        self.in_flight: set[str] = set()  # deletions announced by killed writers, not acknowledged

    def record(self, output: str) -> None:
        trying: str | None = None
        for line in output.splitlines():
            kind, nid, *rest = line.split()
            if kind == "add":
                self.added.add(nid)
                self.version.setdefault(nid, 0)
            elif kind == "upd":
                self.version[nid] = max(self.version.get(nid, 0), int(rest[0]))
            elif kind == "try-del":
                trying = nid
            elif kind == "del":
                self.deleted.add(nid)
                trying = None
        if trying is not None:
            self.in_flight.add(trying)

    def check(self, db: Path) -> None:
        notes = {n.id: n for n in Library.open(db).all_notes()}
        # A writer killed during a deletion may or may not have saved it; either is correct.
        self.deleted |= self.in_flight - set(notes)
        self.in_flight.clear()
        missing = self.added - self.deleted - set(notes)
        assert not missing, f"acknowledged notes lost: {sorted(missing)[:5]}"
        resurrected = self.deleted & set(notes)
        assert not resurrected, f"acknowledged deletions undone: {sorted(resurrected)[:5]}"
        for nid in self.added - self.deleted:
            # Likewise an edit may be saved but not acknowledged: newer is fine, older is not.
            assert int(notes[nid].note.lstrip("v")) >= self.version[nid], nid


def _library_with_notes(tmp_path: Path, article: Article, notes: int) -> tuple[Path, str, Path]:
    db = tmp_path / "library.json"
    text_file = tmp_path / "text.txt"
    text_file.write_text(article.text, encoding="utf-8")
    library = Library.open(db)
    aid = library.add_article(article).id
    with library.batch():  # a library of some size, so that a write takes a while to kill inside
        for i in range(notes):
            start = (i * 7) % (len(article.text) - 30)
            library.add_note(aid, start, start + 25, article.text, note="seed")
    return db, aid, text_file


def test_sigkill_at_random_moments_never_loses_an_acknowledged_note(tmp_path: Path, article: Article) -> None:
    db, aid, text_file = _library_with_notes(tmp_path, article, 1000)
    rng = random.Random(20261129)
    acks = Acks()
    kills = torn = 0
    for round_ in range(20):
        writers = _start(db, aid, text_file, [round_ * 2, round_ * 2 + 1], 10_000)
        time.sleep(rng.uniform(0.0, 0.25))  # kill timing, not synchronisation
        for proc in writers:
            os.kill(proc.pid, signal.SIGKILL)
        for proc in writers:
            out = _finish(proc)
            assert proc.returncode == -signal.SIGKILL, out
            acks.record(out)
            kills += 1
        acks.check(db)  # loads, and has every acknowledged change
        torn += any(p.name.endswith(".tmp") for p in tmp_path.iterdir())
    assert kills == 40
    print(f"{torn} of 20 rounds killed a writer in the middle of writing its temporary file")
    assert len(acks.added) > 40, "the writers hardly wrote anything; the test proves little"
    # The next write cleans up temporary files the killed writers left.
    Library.open(db).set_setting("checked", True)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path, article: Article) -> None:
    db, aid, text_file = _library_with_notes(tmp_path, article, 200)
    writers = _start(db, aid, text_file, [1, 2], 40)
    acks = Acks()
    for proc in writers:
        out = _finish(proc)
        assert proc.returncode == 0, out
        acks.record(out)
    assert len(acks.added) >= 40
    acks.check(db)
    survivors = acks.added - acks.deleted
    assert {n.id for n in Library.open(db).all_notes() if n.note != "seed"} == survivors
