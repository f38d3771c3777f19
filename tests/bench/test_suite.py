"""The suite's pure parts: command-line options and how startup cells become rows with goals."""

from __future__ import annotations

import pytest

from benchmarks.__main__ import parse_args
from benchmarks.startup import Cell
from benchmarks.stats import Measured
from benchmarks.suite import BIG_LABEL, SEED_LABEL, startup_rows


def test_quick_means_three_runs_and_no_frogmouth() -> None:
    options = parse_args(["--quick"])
    assert options.runs == 3 and options.frogmouth is False
    full = parse_args([])
    assert full.runs == 5 and full.frogmouth is True
    assert parse_args(["--quick", "--runs", "7"]).runs == 7


def test_only_selects_sections() -> None:
    options = parse_args(["--only", "analysis", "--only", "notes"])
    assert options.wants("analysis") and options.wants("notes") and not options.wants("startup")
    assert parse_args([]).wants("library")
    with pytest.raises(SystemExit):
        parse_args(["--only", "nonsense"])


def _cell(paint: float, end: float, peak: float) -> Cell:
    return Cell(Measured([paint]), Measured([end]), Measured([peak]))


def test_startup_rows_compare_reader_with_each_reference_and_judge_the_goals() -> None:
    cells = {
        ("reader", SEED_LABEL): _cell(0.6, 0.1, 90.0),
        ("less", SEED_LABEL): _cell(0.01, 0.01, 2.0),
        ("frogmouth", SEED_LABEL): _cell(1.0, 0.8, 50.0),
        ("reader", BIG_LABEL): _cell(0.8, 0.7, 150.0),
        ("less", BIG_LABEL): _cell(0.01, 0.01, 2.0),
        ("frogmouth", BIG_LABEL): _cell(38.0, 20.0, 700.0),
    }
    rows = startup_rows(cells, Measured([0.5]))
    verdicts = {(r.metric, r.reference_name): r.met for r in rows}
    assert verdicts[("first paint, seed", "frogmouth")] is False        # 0.6 / 1.0 = 0.6 > 0.5
    assert verdicts[("first paint, seed", "import textual.app")] is True  # 1.2x <= 1.5x
    assert verdicts[("first paint, 3 MB", "frogmouth")] is True         # 0.8 / 38 = 0.021 <= 0.05
    assert verdicts[("first paint, 3 MB", "reader, seed")] is True      # 1.33x <= 1.5x
    assert verdicts[("End to last line, 3 MB", "less")] is False        # 0.7 s >= 0.5 s
    assert verdicts[("peak RSS, 3 MB", "less")] is True
    assert verdicts[("first paint, seed", "less")] is None              # the floor has no goal


def test_cells_that_never_ran_are_reported_with_the_reason() -> None:
    rows = startup_rows({}, Measured([0.5]), "the terminal harness failed: tmux crashed")
    assert rows and all(r.reader.value is None for r in rows)
    assert {r.reader.note for r in rows} == {"the terminal harness failed: tmux crashed"}
    assert all(r.met is None for r in rows)
