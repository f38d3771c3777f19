"""The analysis cache: keyed by text and engine, outside the notes file, rebuilt when damaged or stale."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.analysis import analyze
from reader.services import analysis_cache
from reader.services.analysis_cache import AnalysisCache, analyse_all, analysis_from_json, analysis_to_json
from reader.store import Library, text_hash

from .conftest import ONE, TWO


def test_round_trip_keeps_everything() -> None:
    result = analyze(ONE)
    back = analysis_from_json(analysis_to_json(result))
    assert back is not None
    assert back.quotes == result.quotes and back.entities == result.entities
    assert {k: (g.label, g.mentions) for k, g in back.groups.items()} == \
           {k: (g.label, g.mentions) for k, g in result.groups.items()}


def test_cached_beside_the_library_not_in_it(db: Path) -> None:
    library = Library.open(db)
    cache = AnalysisCache(library.path)
    calls: list[str] = []

    def counting(text: str):  # type: ignore[no-untyped-def]
        calls.append(text)
        return analyze(text)

    first = cache.analysis(ONE, counting)
    second = cache.analysis(ONE, counting)
    assert calls == [ONE] and first.quotes == second.quotes
    assert (db.parent / "library.json.cache" / "analysis").is_dir()
    assert not db.exists() or b"quotes" not in db.read_bytes()


@pytest.mark.parametrize("damage", [b"", b"{not json", b'{"engine": 1}', b"[]", b'{"engine":"x","hash":"y"}'])
def test_a_damaged_entry_is_rebuilt_never_an_error(db: Path, damage: bytes) -> None:
    cache = AnalysisCache(db)
    cache.analysis(ONE)
    path = cache._path(text_hash(ONE))
    path.write_bytes(damage)
    assert cache.get(text_hash(ONE)) is None
    assert cache.analysis(ONE).quotes == analyze(ONE).quotes
    assert cache.get(text_hash(ONE)) is not None


def test_a_new_engine_makes_entries_stale(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = AnalysisCache(db)
    cache.analysis(ONE)
    monkeypatch.setattr(analysis_cache, "engine_version", lambda: "another-engine")
    assert cache.get(text_hash(ONE)) is None


def test_engine_version_is_stable() -> None:
    assert analysis_cache.engine_version() == analysis_cache.engine_version()
    assert len(analysis_cache.engine_version()) >= 8


def test_analyse_all_uses_every_core_and_reports_progress(db: Path) -> None:
    cache = AnalysisCache(db)
    texts = {text_hash(t): t for t in (ONE, TWO, ONE + " More.", TWO + " More.", ONE + " Again.")}
    seen: list[tuple[int, int]] = []
    results = analyse_all(cache, texts, progress=lambda done, total: seen.append((done, total)))
    assert set(results) == set(texts)
    assert seen[-1] == (5, 5)
    for digest, text in texts.items():
        assert analysis_from_json(results[digest]).quotes == analyze(text).quotes  # type: ignore[union-attr]
        assert cache.get(digest) is not None


POOL_UNDER_A_TUI = """
import sys
from pathlib import Path
from reader.services.analysis_cache import POOL_THRESHOLD, AnalysisCache, analyse_all


class Captured:  # what Textual puts in sys.stderr while the app runs: no file descriptor
    def write(self, text): return len(text)
    def flush(self): pass
    def fileno(self): return -1


sys.stderr = Captured()
texts = {f"{i:064x}": f"Anna Berg said the ferries would keep running {i}." for i in range(POOL_THRESHOLD)}
done = analyse_all(AnalysisCache(Path(sys.argv[1])), texts)
print(len(done), file=sys.__stdout__)
"""


def test_the_pool_starts_when_stderr_has_no_file_descriptor(tmp_path: Path) -> None:
    """In the app, Textual's stderr has no file descriptor; the pool (and its resource tracker)
    must start all the same (it failed, so the library's background analysis never ran)."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", POOL_UNDER_A_TUI, str(tmp_path / "library.json")],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == str(analysis_cache.POOL_THRESHOLD)
