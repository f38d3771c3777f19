"""The whole ``reader analyze --json FILE`` process against a bare ``re.finditer(r"\\w+")`` scan (issue 14).

What a user waits for is the process: interpreter start, imports, reading and parsing the
article, the analysis, and writing the JSON. The floor is the least any analysis must do, one
pass over the words of the same text (the file as read, decoded), timed in the harness's own
process. The two are timed alternately, run after run, so a shared machine's changing load
falls on both; the figure is the ratio of their medians (goal: at most 15x).

Standalone: ``python -m benchmarks.analyze_process [FILE] [--reader PATH] [--runs N]``.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.stats import Measured

WORD = re.compile(r"\w+")


def scan_seconds(text: str) -> float:
    """Seconds for one bare ``re.finditer(r"\\w+")`` pass over ``text`` (every match visited)."""
    started = time.perf_counter()
    for _ in WORD.finditer(text):
        pass
    return time.perf_counter() - started


def process_seconds(reader: Path, path: Path, timeout: float = 300.0) -> float | str:
    """Wall seconds of ``reader analyze --json path`` writing into a pipe, as for a scorer, or why it failed."""
    started = time.perf_counter()
    try:
        done = subprocess.run([str(reader), "analyze", "--json", str(path)], capture_output=True,
                              timeout=timeout, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"reader analyze --json failed: {exc}"
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        last = (done.stderr.decode(errors="replace").strip().splitlines() or ["?"])[-1]
        return f"reader analyze --json exited {done.returncode}: {last[:200]}"
    return elapsed


def measure(reader: Path, path: Path, runs: int) -> tuple[Measured, Measured]:
    """The process and the scan, ``runs`` times each (after one unrecorded warm-up), alternately."""
    text = path.read_text(encoding="utf-8")
    if not reader.exists():
        why = f"{reader} does not exist (run `make test` first)"
        return Measured.missing(why), Measured([scan_seconds(text) for _ in range(runs)])
    process: list[float] = []
    scan: list[float] = []
    for index in range(runs + 1):
        elapsed = process_seconds(reader, path)
        if isinstance(elapsed, str):
            return Measured.missing(elapsed), Measured(scan)
        floor = scan_seconds(text)
        if index:
            process.append(elapsed)
            scan.append(floor)
    return Measured(process), Measured(scan)


def main(argv: list[str] | None = None) -> int:
    from benchmarks import gen_article
    from benchmarks.suite import CACHE, ROOT

    parser = argparse.ArgumentParser(prog="python -m benchmarks.analyze_process", description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path, nargs="?", help="the article (default: the generated 3 MB one)")
    parser.add_argument("--reader", type=Path, default=ROOT / ".venv" / "bin" / "reader")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    path = args.file or gen_article.write(CACHE / "articles" / "generated-3mb.md")
    process, scan = measure(args.reader.absolute(), path, max(1, args.runs))
    if process.value is None or scan.value is None:
        print(f"n/a: {process.note or scan.note}")
        return 1
    print(f"{path.name}: reader analyze --json {process.value:.3f} s, re.finditer scan {scan.value:.4f} s, "
          f"ratio {process.value / scan.value:.1f}x (goal <= 15x); runs {[round(t, 3) for t in process.runs]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
