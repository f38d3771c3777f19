"""``reader analyze`` throughput in words per second, against a bare regex word scan (the floor).

The analysis figure comes from ``benchmarks.analysis_speed.measure(text)`` when that module
exists (its author knows how to drive the engine), else from timing
``reader.analysis.analyze(text)`` directly, else it is reported as not available.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
import time
from collections.abc import Callable, Mapping
from typing import Any

from benchmarks.stats import Measured

WORD = re.compile(r"\w+")


def count_words(text: str) -> int:
    """The words of ``text`` for every words/s figure here: whitespace-separated, as a reader counts.

    The same count is used for reader and for the floor, so their ratio compares times only.
    """
    return len(text.split())


def _time_words_per_second(function: Callable[[str], object], text: str, words: int, runs: int) -> Measured:
    rates = []
    for _ in range(runs):
        started = time.perf_counter()
        function(text)
        elapsed = time.perf_counter() - started
        rates.append(words / elapsed if elapsed > 0 else float("inf"))
    return Measured(rates)


def floor_scan(text: str, runs: int) -> Measured:
    """Words/s of ``re.findall(r"\\w+")`` over the text: an engine can hardly read the words faster."""
    return _time_words_per_second(WORD.findall, text, count_words(text), runs)


def rate_from_result(result: Mapping[str, Any], words: int | None = None) -> float | None:
    """Words/s from an ``analysis_speed.measure`` dict.

    With ``words`` (this module's count) and a 'seconds' figure, the rate uses that count, so it is
    comparable with the floor; otherwise 'words_per_second', or 'words' / 'seconds'.
    """
    seconds = result.get("seconds")
    if words is not None and isinstance(seconds, int | float) and seconds > 0:
        return words / float(seconds)
    for key in ("words_per_second", "words_per_s", "wps"):
        if isinstance(result.get(key), int | float):
            return float(result[key])
    words = result.get("words")
    if isinstance(words, int | float) and isinstance(seconds, int | float) and seconds > 0:
        return float(words) / float(seconds)
    return None


def _runs_in(result: Mapping[str, Any]) -> int:
    runs = result.get("runs")
    if isinstance(runs, list | tuple):
        return len(runs)
    return runs if isinstance(runs, int) else 1


def module_available(name: str) -> bool:
    """True when ``name`` can be found (without importing it); False for a missing parent too."""
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


def analysis_rate(text: str, runs: int) -> Measured:
    """reader's analysis throughput on ``text`` (median of at least ``runs`` runs), or why there is none."""
    if module_available("benchmarks.analysis_speed"):
        try:
            measure = importlib.import_module("benchmarks.analysis_speed").measure
            rates: list[float] = []
            covered = 0
            while covered < runs:  # measure() may take its own median; call it until enough runs are in
                result = measure(text)
                rate = rate_from_result(result, count_words(text)) if isinstance(result, Mapping) else None
                if rate is None:
                    return Measured.missing(f"analysis_speed.measure() gave no words/s: {result!r:.120}")
                rates.append(rate)
                covered += max(1, _runs_in(result))
            return Measured(rates)
        except Exception as exc:  # a broken module is reported, not allowed to stop the bench
            return Measured.missing(f"benchmarks.analysis_speed failed: {type(exc).__name__}: {exc}")
    if module_available("reader.analysis"):
        try:
            analyze = importlib.import_module("reader.analysis").analyze
        except (ImportError, AttributeError) as exc:
            return Measured.missing(f"reader.analysis.analyze is not usable yet: {exc}")
        try:
            return _time_words_per_second(analyze, text, count_words(text), runs)
        except Exception as exc:
            return Measured.missing(f"reader.analysis.analyze failed: {type(exc).__name__}: {exc}")
    return Measured.missing("not available: neither benchmarks.analysis_speed nor reader.analysis exists yet")
