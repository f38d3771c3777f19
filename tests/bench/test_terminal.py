"""The tmux harness against tiny programs: it sees markers, reports exits, and cleans up.

No timing is asserted; these only check that the control-mode plumbing works.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from benchmarks.terminal import Tmux, _last_words, measure_run

pytestmark = pytest.mark.skipif(not (shutil.which("tmux") and shutil.which("less")), reason="needs tmux and less")


def test_less_paints_the_start_and_reaches_the_end(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Opening words here\n" + "".join(f"line {i}\n" for i in range(200)) + "Final words there\n")
    with Tmux(80, 20) as tmux:
        result = measure_run(tmux, ["less", str(article)], "Opening words here", "Final words there", "G",
                             paint_timeout=20, end_timeout=20, env={"LESSHISTFILE": "-", "LESS": ""})
        assert tmux.command("list-sessions -F '#{session_name}'") == ["bench-idle"]  # the run's session is gone
    assert result.error is None and result.end_error is None
    assert result.first_paint is not None and result.end is not None
    assert result.peak_mib is not None and result.peak_mib > 0


def test_a_program_that_exits_is_reported_with_its_status() -> None:
    with Tmux(80, 20) as tmux:
        result = measure_run(tmux, ["sh", "-c", "exit 3"], "never shown", "nor this", "G",
                             paint_timeout=20, end_timeout=20)
    assert result.first_paint is None and not result.timed_out
    # tmux 3.3a occasionally never records an exit status; the harness then says so instead of guessing
    assert result.error in ("exited with status 3", "exited with status unknown")


def test_the_last_words_of_a_dead_pane_skip_tmux_own_line() -> None:
    screen = ["Traceback (most recent call last):", "ModuleNotFoundError: No module named 'x'", "",
              "Pane is dead (status 1, Sun Nov 29 21:46:04 2026)", ""]
    assert _last_words(screen) == "ModuleNotFoundError: No module named 'x'"
    assert _last_words(["", ""]) == ""
