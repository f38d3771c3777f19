"""Analyses cached per article text, outside the notes file, and computed on every core.

Key: the SHA-256 of the text plus the engine version (a fingerprint of the analysis package's
own files, so any change to the engine makes old entries stale). Each analysis is one file,
``analysis/<hash[:2]>/<hash>.json`` in the library's cache folder; a missing, damaged or stale
file is simply analysed again and rewritten, never an error.

For library-wide views (speakers, quotes) the quotes and speaker kinds of every article are
also kept together in ``quotes.json``, so those views read one file instead of a thousand.
Corrections are never baked into the cache: they are applied on top by
:mod:`reader.services.corrections` each time an analysis is used.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from functools import cache
from pathlib import Path
from typing import Any

from reader.analysis import Analysis, Entity, Mention, Quote
from reader.services.cache_files import TableFile, cache_dir, read_json, write_json

Progress = Callable[[int, int], None]
"""``progress(done, total)``, called as articles are analysed."""

POOL_THRESHOLD = 4
"""Fewer uncached articles than this are analysed in the calling process (a pool costs ~0.3 s)."""


@cache
def engine_version() -> str:
    """The analysis engine's version: its own ``ENGINE_VERSION`` or a hash of its source files."""
    import reader.analysis as package

    declared = getattr(package, "ENGINE_VERSION", None)
    if isinstance(declared, str) and declared:
        return declared
    root = Path(package.__file__).parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".txt", ".json", ".toml") and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


# -- (de)serialising ----------------------------------------------------------------------------

def analysis_to_json(analysis: Analysis) -> dict[str, Any]:
    """A compact JSON form of ``analysis`` (mentions by index in the groups)."""
    index = {id(m): i for i, m in enumerate(analysis.entities)}
    return {
        "entities": [[m.text, m.label, m.start, m.end, m.entity] for m in analysis.entities],
        "quotes": [[q.text, q.kind, q.start, q.end, q.speaker, q.cue, q.cue_start, q.cue_end]
                   for q in analysis.quotes],
        "groups": [[g.name, g.label, [index[id(m)] for m in g.mentions if id(m) in index]]
                   for g in analysis.groups.values()],
    }


def analysis_from_json(data: Any) -> Analysis | None:
    """The inverse of :func:`analysis_to_json`; None for anything malformed."""
    try:
        mentions = [Mention(str(t), str(label), int(s), int(e), str(ent))
                    for t, label, s, e, ent in data["entities"]]
        quotes = [Quote(str(t), str(kind), int(s), int(e), sp if isinstance(sp, str) else None, str(cue),
                        int(cs), int(ce)) for t, kind, s, e, sp, cue, cs, ce in data["quotes"]]
        groups = {str(name): Entity(str(name), str(label), [mentions[i] for i in members])
                  for name, label, members in data["groups"]}
    except (KeyError, TypeError, ValueError, IndexError):
        return None
    return Analysis(entities=mentions, quotes=quotes, groups=groups)


def quote_rows(analysis: Analysis) -> dict[str, Any]:
    """What the library-wide views keep of an analysis: quotes and the kind of each named speaker."""
    labels = {g.name: g.label for g in analysis.groups.values()}
    return {
        "quotes": [[q.text, q.kind, q.start, q.end, q.speaker] for q in analysis.quotes],
        "labels": {q.speaker: labels[q.speaker] for q in analysis.quotes if q.speaker in labels},
    }


# -- the per-text cache -------------------------------------------------------------------------

class AnalysisCache:
    """Analyses by text hash in the cache folder of the library at ``library_path``."""

    def __init__(self, library_path: Path) -> None:
        self.folder = cache_dir(library_path) / "analysis"
        self.summary = TableFile(cache_dir(library_path) / "quotes.json")

    def _path(self, digest: str) -> Path:
        safe = "".join(c for c in digest if c in "0123456789abcdef")[:64] or "0"
        return self.folder / safe[:2] / f"{safe}.json"

    def get(self, digest: str) -> Analysis | None:
        """The cached analysis of the text with hash ``digest`` by this engine, or None."""
        data = read_json(self._path(digest))
        if not isinstance(data, dict) or data.get("engine") != engine_version() or data.get("hash") != digest:
            return None
        return analysis_from_json(data.get("analysis"))

    def put(self, digest: str, analysis: Analysis) -> None:
        """Keep ``analysis`` for the text with hash ``digest`` (a failed write only costs time)."""
        self.put_json(digest, analysis_to_json(analysis))

    def put_json(self, digest: str, data: dict[str, Any]) -> None:
        """Like :meth:`put` with the JSON form already made."""
        write_json(self._path(digest), {"engine": engine_version(), "hash": digest, "analysis": data})

    def forget(self, digest: str) -> None:
        """Drop the cached analysis of the text with hash ``digest`` (e.g. of a removed article)."""
        with contextlib.suppress(OSError):
            self._path(digest).unlink()

    def analysis(self, text: str, analyze: Callable[[str], Analysis] | None = None) -> Analysis:
        """The analysis of ``text``: from the cache, or computed now and cached."""
        from reader.store import text_hash

        digest = text_hash(text)
        found = self.get(digest)
        if found is not None:
            return found
        if analyze is None:
            from reader.analysis import analyze
        result = analyze(text)
        self.put(digest, result)
        return result


def _analyze_json(text: str) -> dict[str, Any]:
    """Run in a worker process: the analysis of ``text`` as JSON (pickles small and fast)."""
    from reader.analysis import analyze

    return analysis_to_json(analyze(text))


def worker_count() -> int:
    """Every core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker with a real file as its stderr.

    The tracker is started with the file descriptor of ``sys.stderr``; in the app, Textual has
    replaced ``sys.stderr`` with a capture that has none (``fileno()`` is -1), and creating the
    pool fails with "bad value(s) in fds_to_keep" (the library's background analysis never ran).
    Its messages go to the null device then: the terminal shows the app.
    """
    from multiprocessing import resource_tracker

    try:
        usable = sys.stderr is not None and sys.stderr.fileno() >= 0
    except (AttributeError, OSError, ValueError):
        usable = False
    if usable:
        return
    saved = sys.stderr
    with open(os.devnull, "w", encoding="utf-8") as null:
        sys.stderr = null
        try:
            resource_tracker.ensure_running()
        finally:
            sys.stderr = saved


def analyse_all(cache: AnalysisCache, texts: dict[str, str], *, progress: Progress | None = None,
                cancelled: Callable[[], bool] | None = None) -> dict[str, dict[str, Any]]:
    """Analyses (JSON form) of ``texts`` (hash -> text), from the cache or computed on every core.

    New analyses are written to the cache as they come in, so an interrupted run keeps its work.
    """
    results: dict[str, dict[str, Any]] = {}
    todo: dict[str, str] = {}
    for digest, text in texts.items():
        found = cache.get(digest)
        if found is not None:
            results[digest] = analysis_to_json(found)
        else:
            todo[digest] = text
    total, done = len(texts), len(results)
    if progress is not None:
        progress(done, total)
    if not todo:
        return results
    workers = worker_count()
    if len(todo) < POOL_THRESHOLD or workers == 1:
        for digest, text in todo.items():
            if cancelled is not None and cancelled():
                break
            results[digest] = _analyze_json(text)
            cache.put_json(digest, results[digest])
            done += 1
            if progress is not None:
                progress(done, total)
        return results
    import multiprocessing

    _start_resource_tracker()
    # spawn, not fork: the app has threads, and a forked copy of a locked interpreter can hang.
    with ProcessPoolExecutor(max_workers=min(workers, len(todo)),
                             mp_context=multiprocessing.get_context("spawn")) as pool:
        futures = {pool.submit(_analyze_json, text): digest for digest, text in todo.items()}
        for future in as_completed(futures):
            if cancelled is not None and cancelled():
                for pending in futures:
                    pending.cancel()
                break
            digest = futures[future]
            try:
                results[digest] = future.result()
            except Exception:  # a worker died: this article is analysed next time  # noqa: BLE001
                continue
            cache.put_json(digest, results[digest])
            done += 1
            if progress is not None:
                progress(done, total)
    return results


def library_quotes(cache: AnalysisCache, items: Iterable[tuple[str, str, str, Any]], *,
                   progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
                   ) -> dict[str, dict[str, Any]]:
    """Quote rows of the articles in ``items`` (article id, text hash, text, source key), made
    from the per-text cache (or analysed on every core) and saved in ``quotes.json`` at once.

    The caller passes the articles whose entry is stale (see :func:`summary_is_fresh`).
    """
    engine = engine_version()
    items = list(items)
    analysed = analyse_all(cache, {digest: text for _aid, digest, text, _key in items},
                           progress=progress, cancelled=cancelled)
    out: dict[str, dict[str, Any]] = {}
    for aid, digest, _text, key in items:
        data = analysed.get(digest)
        analysis = analysis_from_json(data) if data is not None else None
        if analysis is not None:
            out[aid] = {"hash": digest, "engine": engine, "key": key, **quote_rows(analysis)}
    cache.summary.update(out)
    return out


def summary_is_fresh(entry: dict[str, Any] | None, key: Any) -> bool:
    """True if a ``quotes.json`` entry is for this engine and the source as it is now
    (``key`` None: a source that cannot be read again, whose last entry stands)."""
    return (entry is not None and entry.get("engine") == engine_version() and isinstance(entry.get("quotes"), list)
            and (key is None or entry.get("key") == key))
