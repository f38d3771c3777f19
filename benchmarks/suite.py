"""Run every benchmark section and turn the figures into table rows with the issues' goals."""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchmarks import (
    analyze_process,
    feeds_refresh,
    frogmouth,
    gen_article,
    library_open,
    library_views,
    saving,
    throughput,
)
from benchmarks.report import Goal, Row, format_table, write_json, write_svg
from benchmarks.startup import ArticleFile, Cell, Program, Settings, run_startup, time_command
from benchmarks.stats import Measured
from benchmarks.terminal import TerminalError, Tmux

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "benchmarks" / ".cache"
RESULTS = ROOT / "benchmarks" / "results"
SEED = ROOT / "sample_articles" / "aleppo-evacuation.txt"
SECTIONS = ("startup", "analysis", "notes", "library", "views", "feeds")

SEED_LABEL, BIG_LABEL = "seed", "3 MB"
PAINT_VS_TEXTUAL = Goal("ratio_at_most", 1.5, "<= 1.5x")
SEED_VS_FROGMOUTH = Goal("ratio_at_most", 0.5, "<= 0.5x (2x faster)")
BIG_VS_FROGMOUTH = Goal("ratio_at_most", 0.05, "<= 0.05x (20x faster)")
BIG_VS_SEED = Goal("ratio_at_most", 1.5, "<= 1.5x")
END_GOAL = Goal("value_at_most", 0.5, "< 0.5 s")
PEAK_GOAL = Goal("value_at_most", 400, "< 400 MiB")
ANALYSIS_GOAL = Goal("value_at_least", 200_000, ">= 200,000 w/s")
ANALYZE_PROCESS_GOAL = Goal("ratio_at_most", 15, "<= 15x")
NOTE_GOAL = Goal("value_at_most", 30, "< 30 ms")
WITHIN_LIST = Goal("ratio_at_most", 2.0, "<= 2x reader list")
SCREEN_GOAL = Goal("value_at_most", 0.3, "<= 0.3 s")
UNCHANGED_FEEDS_GOAL = Goal("ratio_at_most", 3.0, "<= 3x")


@dataclass
class Options:
    """What to run; see ``python -m benchmarks --help``."""

    quick: bool = False
    only: list[str] = field(default_factory=list)
    runs: int = 5
    reader: Path = ROOT / ".venv" / "bin" / "reader"
    frogmouth: bool = True
    results: Path = RESULTS

    def wants(self, section: str) -> bool:
        return not self.only or section in self.only


def _say(message: str) -> None:
    print(f"benchmarks: {message}", file=sys.stderr, flush=True)


def _run_env(home: Path) -> dict[str, str]:
    """Environment for the programs under test: their state goes to a scratch folder, not the user's."""
    return {
        "READER_DB": str(home / "library.db"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "LESSHISTFILE": "-",
        "LESS": "",
    }


def compile_reader(reader: Path, log: list[str]) -> None:
    """Compile the measured reader package's bytecode, as ``pip install`` does for a wheel.

    An editable install leaves ``reader/`` uncompiled, and where bytecode cannot be written
    (PYTHONDONTWRITEBYTECODE, a read-only checkout) every start compiles it again: ~30 ms that
    an installed reader, and frogmouth and Textual in the same table, never pay.
    """
    python = reader.parent / "python"
    if not python.exists():
        return
    # -P: the package the measured python imports, not a "reader/" in the folder the bench runs from.
    where = subprocess.run([str(python), "-P", "-c", "import pathlib, reader; print(pathlib.Path(reader.__file__).parent)"],
                           capture_output=True, text=True, check=False, timeout=60)
    package = where.stdout.strip()
    if where.returncode != 0 or not package:
        log.append(f"reader: could not locate the package to compile: {where.stderr.strip()[-200:]}")
        return
    done = subprocess.run([str(python), "-m", "compileall", "-q", package], capture_output=True, text=True,
                          check=False, timeout=300)
    log.append(f"reader: compiled bytecode of {package}" + ("" if done.returncode == 0 else " (with errors)"))


def programs(options: Options, env: dict[str, str], log: list[str]) -> list[Program]:
    """reader, less and (unless skipped) frogmouth, each with why it cannot run if it cannot."""
    if options.reader.exists():
        compile_reader(options.reader, log)
    reader = Program("reader", [str(options.reader)] if options.reader.exists() else None, "End", env,
                     unavailable=f"{options.reader} does not exist (run `make test` first)")
    less_path = shutil.which("less")
    less = Program("less", [less_path] if less_path else None, "G", env, unavailable="less is not installed")
    found = [reader, less]
    if options.frogmouth:
        executable, why = frogmouth.ensure(CACHE / "frogmouth-venv", CACHE / "frogmouth-install.log")
        log.append(f"frogmouth: {executable or why}")
        found.append(Program("frogmouth", [str(executable)] if executable else None, "End", env,
                             markdown_only=True, unavailable=why))
    else:
        found.append(Program("frogmouth", None, "End", env, markdown_only=True,
                             unavailable="skipped (--quick or --no-frogmouth)"))
    return found


def prepare_articles(quick: bool) -> list[ArticleFile]:
    """The seed article (and a .md copy for markdown-only programs) and the generated 3 MB one."""
    articles_dir = CACHE / "articles"
    articles_dir.mkdir(parents=True, exist_ok=True)
    seed_md = articles_dir / (SEED.stem + ".md")
    if not seed_md.exists() or seed_md.read_bytes() != SEED.read_bytes():
        seed_md.write_bytes(SEED.read_bytes())
    big = gen_article.write(articles_dir / "generated-3mb.md")
    return [
        ArticleFile(SEED_LABEL, SEED, seed_md, paint_timeout=30.0),
        ArticleFile(BIG_LABEL, big, big, paint_timeout=60.0 if quick else 90.0, end_timeout=60.0),
    ]


def startup_rows(cells: dict[tuple[str, str], Cell], textual_import: Measured,
                 why_missing: str = "not measured") -> list[Row]:
    """The startup rows with their goals; a cell that was never filled says ``why_missing``."""
    rows: list[Row] = []
    missing = Measured.missing(why_missing)

    def cell(program: str, label: str) -> Cell:
        return cells.get((program, label), Cell(missing, missing, missing))

    for label in (SEED_LABEL, BIG_LABEL):
        mine = cell("reader", label)
        less, frog = cell("less", label), cell("frogmouth", label)
        rows.append(Row(f"first paint, {label}", "s", mine.first_paint, "less", less.first_paint))
        rows.append(Row(f"first paint, {label}", "s", mine.first_paint, "frogmouth", frog.first_paint,
                        SEED_VS_FROGMOUTH if label == SEED_LABEL else BIG_VS_FROGMOUTH))
        if label == SEED_LABEL:
            rows.append(Row(f"first paint, {label}", "s", mine.first_paint, "import textual.app", textual_import,
                            PAINT_VS_TEXTUAL))
        else:
            rows.append(Row(f"first paint, {label}", "s", mine.first_paint, "reader, seed",
                            cell("reader", SEED_LABEL).first_paint, BIG_VS_SEED))
        rows.append(Row(f"End to last line, {label}", "s", mine.end, "less", less.end, END_GOAL))
        rows.append(Row(f"End to last line, {label}", "s", mine.end, "frogmouth", frog.end))
        rows.append(Row(f"peak RSS, {label}", "MiB", mine.peak, "less", less.peak, PEAK_GOAL))
        rows.append(Row(f"peak RSS, {label}", "MiB", mine.peak, "frogmouth", frog.peak))
    return rows


def run_startup_section(options: Options, articles: list[ArticleFile], env: dict[str, str],
                        log: list[str]) -> list[Row]:
    settings = Settings(runs=options.runs, min_runs=min(3, options.runs),
                        cell_budget=60.0 if options.quick else 240.0)
    found = programs(options, env, log)
    _say("startup: " + ", ".join(p.name + ("" if p.argv else " (unavailable)") for p in found))
    python = options.reader.parent / "python"
    baseline = [str(python), "-c", "import textual.app"]
    # The machine's load drifts: time the baseline before and after the terminal runs, pool the runs.
    before = time_command(baseline, options.runs) if python.exists() else Measured.missing(f"{python} does not exist")
    try:
        cells = run_startup(found, articles, settings, log)
    except TerminalError as exc:
        return startup_rows({}, before, f"the terminal harness failed: {exc}")
    after = time_command(baseline, options.runs) if before.runs else before
    textual_import = Measured(before.runs + after.runs, after.note) if after.runs else before
    return startup_rows(cells, textual_import)


def run_analysis_section(options: Options, articles: list[ArticleFile]) -> list[Row]:
    big = articles[-1].path
    try:
        from reader.document import load

        text = load(str(big)).text
    except Exception as exc:  # the document model is not under test here; fall back to the raw file
        _say(f"analysis: could not load {big.name} as an article ({exc}); using the raw file text")
        text = big.read_text(encoding="utf-8")
    _say(f"analysis: {throughput.count_words(text):,} words")
    mine = throughput.analysis_rate(text, options.runs)
    floor = throughput.floor_scan(text, options.runs)
    _say(f"analysis: the whole `reader analyze --json` process on {big.name}")
    process = analyze_process.measure(options.reader, big, options.runs)
    return [Row(f"analysis throughput, {BIG_LABEL}", "words/s", mine, "re.findall(\\w+)", floor, ANALYSIS_GOAL),
            Row(f"analyze --json process, {BIG_LABEL}", "s", process.process, "re.finditer(\\w+) scan",
                process.scan, ANALYZE_PROCESS_GOAL),
            Row(f"analyze --json process CPU, {BIG_LABEL}", "s", process.process_cpu, "re.finditer(\\w+) scan CPU",
                process.scan_cpu)]


def run_notes_section(options: Options) -> list[Row]:
    mine = saving.reader_note_save()
    floors = saving.floors(max(options.runs, 20), CACHE)
    rows = []
    for kind, what, floor_name in (("in_app", "in app", "SQLite insert+fsync"),
                                   ("process", "as a process", "python+SQLite insert+fsync")):
        for notes in saving.SIZES:
            goal = NOTE_GOAL if kind == "in_app" and notes == 10000 else None
            rows.append(Row(f"note save {what}, {notes:,} notes", "ms", mine[(kind, notes)], floor_name,
                            floors[(kind, notes)], goal))
    return rows


def run_library_section(options: Options, env: dict[str, str]) -> list[Row]:
    with Tmux() as tmux:
        mine = library_open.measure(tmux, options.reader, CACHE, env, options.runs)
    return [Row(f"open library screen, {library_open.ARTICLES:,} articles", "s", mine, "", Measured())]


def run_views_section(options: Options) -> list[Row]:
    """Library-wide commands and screens on a generated 1,000-article, 10,000-note library."""
    result = library_views.measure(options.runs, str(options.reader))
    size = f"{library_views.ARTICLES:,} articles, {library_views.NOTES:,} notes"

    def runs(key: str) -> Measured:
        values = result.get(key)
        return Measured(list(values)) if isinstance(values, list) and values else Measured.missing(
            str(result.get("screens_error", f"{key} not measured")))

    listing = runs("list_runs")
    rows = [Row(f"reader {name}, warm, {size}", "s", runs(f"{name}_runs"), "reader list", listing, WITHIN_LIST)
            for name in ("search", "speakers", "notes")]
    rows.append(Row(f"reader quotes --speaker, warm, {size}", "s", runs("quotes_runs"), "reader list", listing))
    rows.append(Row(f"reader speakers, cold (analyses all, {result.get('cpus')} cpus)", "s",
                    Measured([float(result["speakers_cold_s"])]), "", Measured()))
    for name in ("speakers", "notes", "library"):
        rows.append(Row(f"{name} screen in the app, warm, {size}", "s", runs(f"{name}_screen_runs"), "", Measured(),
                        SCREEN_GOAL))
    for name in ("list", "search", "speakers", "notes"):
        cpu = result.get(f"{name}_cpu_s")
        rows.append(Row(f"reader {name}, CPU seconds (user + system)", "s",
                        Measured([float(cpu)]) if isinstance(cpu, float) else Measured.missing("not measured"),
                        "", Measured()))
    for name in ("speakers", "notes", "library"):
        cpu = result.get(f"{name}_screen_cpu_s")
        rows.append(Row(f"{name} screen, CPU seconds of the app", "s",
                        Measured([float(cpu)]) if isinstance(cpu, float) else Measured.missing("not measured"),
                        "", Measured()))
    return rows
def run_feeds_section(options: Options, env: dict[str, str]) -> list[Row]:
    figures = feeds_refresh.measure(options.reader, CACHE / "feeds", env, options.runs)
    feeds, items = feeds_refresh.FEEDS, feeds_refresh.ITEMS
    return [
        Row(f"feed refresh, {feeds} feeds unchanged (304)", "s", figures["unchanged"],
            f"reader list, {feeds * items:,} articles", figures["list"], UNCHANGED_FEEDS_GOAL),
        Row(f"feed refresh, {feeds}x{items} new items (summaries)", "items/s", figures["summaries"], "", Measured()),
        Row(f"feed refresh, {feeds_refresh.PAGE_FEEDS}x{items} new items (pages)", "items/s", figures["pages"],
            "", Measured()),
    ]


def _machine() -> dict[str, Any]:
    tmux = subprocess.run(["tmux", "-V"], capture_output=True, text=True).stdout.strip() if shutil.which("tmux") else None
    return {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
            "tmux": tmux, "load_average": os.getloadavg()}


def run(options: Options) -> tuple[list[Row], dict[str, Any]]:
    """Run the chosen sections; return the rows and the metadata for the JSON file."""
    started = time.monotonic()
    log: list[str] = []
    rows: list[Row] = []
    articles = prepare_articles(options.quick)
    CACHE.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="run-home-", dir=CACHE) as home:
        env = _run_env(Path(home))
        sections: dict[str, Callable[[], list[Row]]] = {
            "startup": lambda: run_startup_section(options, articles, env, log),
            "analysis": lambda: run_analysis_section(options, articles),
            "notes": lambda: run_notes_section(options),
            "library": lambda: run_library_section(options, env),
            "views": lambda: run_views_section(options),
            "feeds": lambda: run_feeds_section(options, env),
        }
        for name, section in sections.items():
            if options.wants(name):
                _say(f"{name} ...")
                try:
                    rows += section()
                except Exception as exc:  # one broken section must not cost the rest of the table
                    traceback.print_exc()
                    failed = Measured.missing(f"the {name} section failed: {type(exc).__name__}: {exc}")
                    rows.append(Row(f"{name} (section failed)", "s", failed, "", Measured()))
    meta = {
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "duration_s": round(time.monotonic() - started, 1),
        "command": " ".join(["python -m benchmarks", *sys.argv[1:]]),
        "options": {"quick": options.quick, "only": options.only, "runs": options.runs,
                    "reader": str(options.reader), "frogmouth": options.frogmouth},
        "articles": {a.label: {"path": str(a.path), "bytes": a.path.stat().st_size,
                               "first_marker": a.first_marker, "last_marker": a.last_marker} for a in articles},
        "machine": _machine(),
        "log": log,
    }
    return rows, meta


def publish(rows: list[Row], meta: dict[str, Any], results: Path) -> str:
    """Write latest.json and latest.svg; return the table text."""
    table = format_table(rows)
    write_json(results / "latest.json", rows, meta)
    write_svg(results / "latest.svg", rows, f"reader benchmarks, {meta['generated_at']}")
    return table
