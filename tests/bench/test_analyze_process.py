"""The whole-process analyze figure (issue 14): timed against the scan, failures reported, goal judged."""

from __future__ import annotations

import stat
from pathlib import Path

from benchmarks.analyze_process import measure, scan_seconds
from benchmarks.report import Row
from benchmarks.suite import ANALYZE_PROCESS_GOAL


def _fake_reader(tmp_path: Path, body: str) -> Path:
    script = tmp_path / "reader"
    script.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


def _article(tmp_path: Path) -> Path:
    path = tmp_path / "a.md"
    path.write_text("# Title\n\nWords and more words, said Jo Banks.\n" * 50, encoding="utf-8")
    return path


def test_each_run_times_the_process_and_the_scan(tmp_path: Path) -> None:
    reader = _fake_reader(tmp_path, 'test "$1" = analyze && test "$2" = --json && echo "{}"')
    figures = measure(reader, _article(tmp_path), runs=3)
    process, scan = figures.process, figures.scan
    assert len(process.runs) == 3 and len(scan.runs) == 3 and not process.note
    assert len(figures.process_cpu.runs) == 3 and len(figures.scan_cpu.runs) == 3
    row = Row("analyze --json process, 3 MB", "s", process, "re.finditer(\\w+) scan", scan, ANALYZE_PROCESS_GOAL)
    assert row.ratio is not None and row.ratio > 0 and row.met is not None


def test_a_failing_or_missing_reader_is_reported_not_timed(tmp_path: Path) -> None:
    failing = _fake_reader(tmp_path, 'echo "reader: broken here" >&2; exit 3')
    process = measure(failing, _article(tmp_path), runs=2).process
    assert process.value is None and "exited 3" in process.note and "broken here" in process.note
    missing = measure(tmp_path / "nope", _article(tmp_path), runs=2)
    assert missing.process.value is None and "does not exist" in missing.process.note
    assert missing.process_cpu.value is None and len(missing.scan.runs) == 2


def test_the_goal_is_fifteen_times_the_scan() -> None:
    assert ANALYZE_PROCESS_GOAL.check(None, 14.9) is True
    assert ANALYZE_PROCESS_GOAL.check(None, 15.1) is False
    wall, cpu = scan_seconds("word " * 1000)
    assert wall >= 0 and cpu >= 0
