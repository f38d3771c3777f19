"""Cold start to first paint, End to the last line, and peak memory, for reader, less and frogmouth.

Every program runs in the same tmux server, on the same files, in the same run of the bench. A
program that cannot be run (not installed, not built yet) or that fails gets a note instead of a
number; nothing is ever estimated.
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.stats import Measured
from benchmarks.terminal import Tmux, measure_run, pick_markers


@dataclass
class Program:
    """A program under test; ``argv`` is None (with ``unavailable`` saying why) when it cannot run."""

    name: str
    argv: list[str] | None
    end_key: str
    env: dict[str, str] = field(default_factory=dict)
    markdown_only: bool = False
    unavailable: str = ""


@dataclass
class ArticleFile:
    """An input file (and a .md copy of it for programs that only read markdown), with its markers."""

    label: str
    path: Path
    markdown_path: Path
    paint_timeout: float
    end_timeout: float = 30.0
    first_marker: str = ""
    last_marker: str = ""

    def __post_init__(self) -> None:
        self.first_marker, self.last_marker = pick_markers(self.path.read_text(encoding="utf-8"))

    def for_program(self, program: Program) -> Path:
        return self.markdown_path if program.markdown_only else self.path


@dataclass
class Cell:
    """Medians for one program on one file."""

    first_paint: Measured
    end: Measured
    peak: Measured


@dataclass
class Settings:
    runs: int = 5
    min_runs: int = 3
    cell_budget: float = 240.0
    width: int = 120
    height: int = 40


def run_cell(tmux: Tmux, program: Program, article: ArticleFile, settings: Settings, log: list[str]) -> Cell:
    """Run ``program`` on ``article`` up to ``settings.runs`` times; stop early on failure or budget."""
    label = f"{program.name}, {article.label}"
    if program.argv is None:
        missing = Measured.missing(f"{program.name}: {program.unavailable}")
        return Cell(missing, missing, missing)
    paints: list[float] = []
    ends: list[float] = []
    peaks: list[float] = []
    paint_note = end_note = peak_note = ""
    skip_end = False
    started = time.monotonic()
    path = article.for_program(program)
    for index in range(settings.runs):
        result = measure_run(
            tmux, [*program.argv, str(path)], article.first_marker, article.last_marker,
            None if skip_end else program.end_key, article.paint_timeout, article.end_timeout, env=program.env,
        )
        shown = "-" if result.first_paint is None else f"{result.first_paint:.3f} s"
        log.append(f"{label} run {index + 1}: paint {shown}, end {result.end}, peak {result.peak_mib}, "
                   f"error {result.error}, end error {result.end_error}")
        if result.error or result.first_paint is None:
            why = f"{label}: run {index + 1} did not paint ({result.error})"
            if not paints:
                missing = Measured.missing(why)
                # A timeout still tells something: the first paint takes longer than the timeout.
                paint = Measured.missing(why, article.paint_timeout) if result.timed_out else missing
                return Cell(paint, missing, missing)
            paint_note = end_note = peak_note = f"{why}; median of the {len(paints)} runs before it"
            break
        paints.append(result.first_paint)
        if result.peak_mib is not None:
            peaks.append(result.peak_mib)
        if result.end is not None:
            ends.append(result.end)
        elif not skip_end and result.end_error:
            # An End that times out would cost the timeout on every run: report it once instead.
            end_note = f"{label}: End did not show the last line ({result.end_error}) in run {index + 1}"
            skip_end = True
        if index + 1 >= settings.min_runs and time.monotonic() - started > settings.cell_budget:
            budget = f"{label}: median of {len(paints)} runs (stopped at the {settings.cell_budget:g} s time budget)"
            paint_note = paint_note or budget
            peak_note = peak_note or budget
            end_note = end_note or budget
            break
    if skip_end and ends:
        end_note += f"; median of the {len(ends)} runs before it"
    return Cell(Measured(paints, paint_note), Measured(ends, end_note), Measured(peaks, peak_note))


def time_command(argv: Sequence[str], runs: int, timeout: float = 60.0) -> Measured:
    """Wall time of a whole process (after one unrecorded warm-up run), e.g. ``import textual.app``."""
    times: list[float] = []
    for index in range(runs + 1):
        started = time.monotonic()
        try:
            done = subprocess.run(list(argv), capture_output=True, timeout=timeout)
        except (OSError, subprocess.TimeoutExpired) as exc:
            return Measured.missing(f"{' '.join(argv)}: {exc}")
        elapsed = time.monotonic() - started
        if done.returncode != 0:
            last = (done.stderr.decode(errors="replace").strip().splitlines() or ["?"])[-1]
            return Measured.missing(f"{' '.join(argv)} failed: {last}")
        if index:
            times.append(elapsed)
    return Measured(times)


def run_startup(programs: list[Program], articles: list[ArticleFile], settings: Settings,
                log: list[str]) -> dict[tuple[str, str], Cell]:
    """Every program on every file; a warm-up run on the first file first (its figures are dropped)."""
    cells: dict[tuple[str, str], Cell] = {}
    with Tmux(settings.width, settings.height) as tmux:
        for program in programs:
            if program.argv is None:
                continue
            warm = articles[0]
            result = measure_run(tmux, [*program.argv, str(warm.for_program(program))], warm.first_marker,
                                 warm.last_marker, None, warm.paint_timeout, warm.end_timeout, env=program.env)
            log.append(f"{program.name} warm-up: paint {result.first_paint}, error {result.error}")
            if result.error:
                # Running it again would only repeat the failure (or its timeout) in every cell.
                program.unavailable = f"did not paint {warm.label} in the warm-up run ({result.error})"
                program.argv = None
        for article in articles:
            for program in programs:
                cells[(program.name, article.label)] = run_cell(tmux, program, article, settings, log)
    return cells
