"""The batch worker pool: results by index, a dead worker reported, and no worker outliving its parent.

Each scenario runs in its own Python process (a small script), so the test process itself is
never forked and signals reach only the processes under test.
"""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from reader.commands._pool import WorkerPool, cpu_count
from reader.commands._progress import Progress

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the lifetime checks need POSIX processes")

SCRIPT = textwrap.dedent("""
    import os, sys, time
    from reader.commands._pool import WorkerPool, WorkerDied

    PIDS = sys.argv[2]

    def square(n):
        return n * n

    def crash_on_three(n):
        if n == 3:
            os._exit(9)
        return n

    def sleep_long(n):
        with open(os.path.join(PIDS, str(os.getpid())), "w"):
            pass
        time.sleep(60)
        return n

    mode = sys.argv[1]
    try:
        with WorkerPool(2) as pool:
            if mode == "square":
                print(sorted(pool.completed(square, list(range(7)))))
            elif mode == "crash":
                for index, outcome in sorted(pool.completed(crash_on_three, list(range(8))), key=lambda x: x[0]):
                    print(index, "died" if isinstance(outcome, WorkerDied) else outcome)
            else:
                print("ready", flush=True)
                for _ in pool.completed(sleep_long, [1, 2, 3, 4]):
                    pass
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        sys.exit(130)
""")


def _start(tmp_path: Path, mode: str) -> tuple[subprocess.Popen[str], Path]:
    script = tmp_path / "pool_script.py"
    script.write_text(SCRIPT, encoding="utf-8")
    pids = tmp_path / "pids"
    pids.mkdir()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen([sys.executable, str(script), mode, str(pids)], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, env=env, start_new_session=True)
    return process, pids


def _alive(pid: int) -> bool:
    """True while ``pid`` runs (a zombie waiting for a reaper that never comes counts as ended)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return True
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def _wait_for(condition, timeout: float = 20.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def _workers_started(pids: Path) -> list[int]:
    assert _wait_for(lambda: len(list(pids.iterdir())) >= 2), "the workers never started"
    return [int(p.name) for p in pids.iterdir()]


def test_results_come_back_with_their_index(tmp_path: Path) -> None:
    process, _ = _start(tmp_path, "square")
    out, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    assert out.strip() == str([(n, n * n) for n in range(7)])


def test_a_worker_that_dies_costs_only_its_own_item(tmp_path: Path) -> None:
    process, _ = _start(tmp_path, "crash")
    out, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    assert out.splitlines() == ["0 0", "1 1", "2 2", "3 died", "4 4", "5 5", "6 6", "7 7"]


def test_ctrl_c_ends_the_parent_and_every_worker_without_tracebacks(tmp_path: Path) -> None:
    process, pids = _start(tmp_path, "sleep")
    workers = _workers_started(pids)
    os.killpg(process.pid, signal.SIGINT)  # as a terminal does: the whole foreground group
    out, err = process.communicate(timeout=30)
    assert process.returncode == 130
    assert err.strip() == "interrupted" and "Traceback" not in err
    assert _wait_for(lambda: not any(_alive(pid) for pid in workers), 10.0), "a worker outlived Ctrl+C"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the kernel's parent-death signal is Linux's")
def test_workers_die_when_their_parent_is_killed(tmp_path: Path) -> None:
    process, pids = _start(tmp_path, "sleep")
    workers = _workers_started(pids)
    os.kill(process.pid, signal.SIGKILL)  # no chance to clean up: the kernel must end the workers
    process.communicate(timeout=30)
    assert _wait_for(lambda: not any(_alive(pid) for pid in workers), 10.0), "a worker outlived its parent"


def test_a_hangup_ends_everyone(tmp_path: Path) -> None:
    process, pids = _start(tmp_path, "sleep")
    workers = _workers_started(pids)
    os.killpg(process.pid, signal.SIGHUP)  # the terminal went away
    process.communicate(timeout=30)
    assert process.returncode == -signal.SIGHUP
    assert _wait_for(lambda: not any(_alive(pid) for pid in workers), 10.0)


def test_a_worker_dying_while_items_are_handed_out_costs_only_its_item(monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker can die before every item is submitted (a loaded machine): submit then raises
    BrokenProcessPool. The items not handed out must be run again, not end the whole batch."""
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    from reader.commands import _pool

    class Executor:  # the first pool breaks at the third item (item 2 killed its worker)
        made = 0

        def __init__(self, max_workers: int, **_kwargs: object) -> None:
            Executor.made += 1
            self.broken = Executor.made == 1
            self.futures: list[Future[int]] = []

        def submit(self, function, item):  # type: ignore[no-untyped-def]
            future: Future[int] = Future()
            if self.broken:  # items wait in the queue until the pool breaks under them
                if len(self.futures) == 2:
                    for pending in self.futures:
                        pending.set_exception(BrokenProcessPool("a child process terminated abruptly"))
                    raise BrokenProcessPool("a child process terminated abruptly")
            elif item == 2:
                future.set_exception(BrokenProcessPool("a child process terminated abruptly"))
            else:
                future.set_result(function(item))
            self.futures.append(future)
            return future

        def shutdown(self, **_kwargs: object) -> None:
            pass

    monkeypatch.setattr(_pool, "ProcessPoolExecutor", Executor)
    with WorkerPool(2) as pool:
        outcomes = dict(pool.completed(abs, [0, -1, 2, -3, 4]))
    assert {i: o for i, o in outcomes.items() if not isinstance(o, _pool.WorkerDied)} == {0: 0, 1: 1, 3: 3, 4: 4}
    assert isinstance(outcomes[2], _pool.WorkerDied)


def test_one_job_runs_in_this_process_in_order() -> None:
    with WorkerPool(1) as pool:
        assert list(pool.completed(str, [3, 1, 2])) == [(0, "3"), (1, "1"), (2, "2")]
    assert cpu_count() >= 1


def test_progress_draws_counts_and_clears_only_on_a_terminal() -> None:
    stream = io.StringIO()
    progress = Progress(2, stream, enabled=True, interval=0.0)
    progress.advance("first\x1b]52;c;ZXZpbA==\x07.md")
    assert "1/2 [" in stream.getvalue() and "\x1b]52" not in stream.getvalue() and "first.md" in stream.getvalue()
    progress.say("reader: second.md: no such file")
    assert stream.getvalue().endswith("\r\x1b[Kreader: second.md: no such file\n")
    progress.advance("third.md")
    progress.clear()
    assert stream.getvalue().endswith("2/2 [" + "#" * len(progress.line().split("[")[1].split("]")[0]) + "] third.md"
                                      "\r\x1b[K")
    quiet = io.StringIO()
    silent = Progress(2, quiet)  # a StringIO is not a terminal
    silent.advance("a")
    silent.say("reader: b: no such file")
    silent.clear()
    assert quiet.getvalue() == "reader: b: no such file\n"
