"""The whole ``reader analyze --json FILE`` process against a bare ``re.finditer(r"\\w+")`` scan (issue 14).

What a user waits for is the process: interpreter start, imports, reading and parsing the
article, the analysis, and writing the JSON. The floor is the least any analysis must do, one
pass over the words of the same text (the file as read, decoded), timed in the harness's own
process. The two are timed alternately, run after run, so a shared machine's changing load
falls on both; the figure is the ratio of their medians (goal: at most 15x). The CPU seconds of
both are reported too: on a loaded machine they move far less than the wall time does.

Standalone: ``python -m benchmarks.analyze_process [FILE] [--reader PATH] [--runs N]``. Like ``make
bench``, it first byte-compiles the measured reader package, as installing it would (an editable
install where bytecode cannot be written otherwise compiles ``reader/`` again in every process).
"""

from __future__ import annotations

import argparse
import re
import resource
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.stats import Measured

WORD = re.compile(r"\w+")


@dataclass
class Figures:
    """Wall and CPU seconds of the process and of the scan, one entry per run."""

    process: Measured = field(default_factory=Measured)
    scan: Measured = field(default_factory=Measured)
    process_cpu: Measured = field(default_factory=Measured)
    scan_cpu: Measured = field(default_factory=Measured)


def scan_seconds(text: str) -> tuple[float, float]:
    """Wall and CPU seconds of one bare ``re.finditer(r"\\w+")`` pass over ``text`` (every match visited)."""
    started, cpu = time.perf_counter(), time.process_time()
    for _ in WORD.finditer(text):
        pass
    return time.perf_counter() - started, time.process_time() - cpu


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def process_seconds(reader: Path, path: Path, timeout: float = 300.0) -> tuple[float, float] | str:
    """Wall and CPU seconds of ``reader analyze --json path`` writing into a pipe, as for a scorer.

    CPU counts the process and every child it waited for. Returns why, if it failed.
    """
    started, cpu = time.perf_counter(), _children_cpu()
    try:
        done = subprocess.run([str(reader), "analyze", "--json", str(path)], capture_output=True,
                              timeout=timeout, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"reader analyze --json failed: {exc}"
    elapsed, used = time.perf_counter() - started, _children_cpu() - cpu
    if done.returncode != 0:
        last = (done.stderr.decode(errors="replace").strip().splitlines() or ["?"])[-1]
        return f"reader analyze --json exited {done.returncode}: {last[:200]}"
    return elapsed, used


def measure(reader: Path, path: Path, runs: int) -> Figures:
    """The process and the scan, ``runs`` times each (after one unrecorded warm-up), alternately."""
    text = path.read_text(encoding="utf-8")
    figures = Figures()
    if not reader.exists():
        figures.process = figures.process_cpu = Measured.missing(f"{reader} does not exist (run `make test` first)")
        for _ in range(runs):
            wall, cpu = scan_seconds(text)
            figures.scan.runs.append(wall)
            figures.scan_cpu.runs.append(cpu)
        return figures
    for index in range(runs + 1):
        timed = process_seconds(reader, path)
        if isinstance(timed, str):
            figures.process = figures.process_cpu = Measured.missing(timed)
            return figures
        floor = scan_seconds(text)
        if index:
            figures.process.runs.append(timed[0])
            figures.process_cpu.runs.append(timed[1])
            figures.scan.runs.append(floor[0])
            figures.scan_cpu.runs.append(floor[1])
    return figures


def main(argv: list[str] | None = None) -> int:
    from benchmarks import gen_article
    from benchmarks.suite import CACHE, ROOT, compile_reader

    parser = argparse.ArgumentParser(prog="python -m benchmarks.analyze_process", description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path, nargs="?", help="the article (default: the generated 3 MB one)")
    parser.add_argument("--reader", type=Path, default=ROOT / ".venv" / "bin" / "reader")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    path = args.file or gen_article.write(CACHE / "articles" / "generated-3mb.md")
    log: list[str] = []
    compile_reader(args.reader.absolute(), log)  # as `make bench` does first: an installed reader's bytecode
    figures = measure(args.reader.absolute(), path, max(1, args.runs))
    process, scan, cpu, scan_cpu = figures.process, figures.scan, figures.process_cpu, figures.scan_cpu
    if process.value is None or scan.value is None or cpu.value is None or not scan_cpu.value:
        print(f"n/a: {process.note or scan.note}")
        return 1
    print(f"{path.name}: reader analyze --json {process.value:.3f} s, re.finditer scan {scan.value:.4f} s, "
          f"ratio {process.value / scan.value:.1f}x (goal <= 15x); runs {[round(t, 3) for t in process.runs]}; "
          f"CPU {cpu.value:.3f} s against {scan_cpu.value:.4f} s = {cpu.value / scan_cpu.value:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
