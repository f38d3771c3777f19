"""The hangup watch: a hung-up terminal (or SIGHUP) ends the app once; pipes are not watched."""

from __future__ import annotations

import os

import pytest

from reader.tui.hangup import HangupWatch, terminal_gone


def test_a_terminal_whose_other_end_closed_is_gone_and_ends_the_app_once() -> None:
    master, slave = os.openpty()
    left: list[int] = []
    try:
        watch = HangupWatch(lambda: left.append(1), fd=slave)
        assert watch.watching and not terminal_gone(slave)
        watch.check()
        assert left == []
        os.close(master)
        master = -1
        assert terminal_gone(slave)
        watch.check()
        watch.check()
        watch.leave()  # a SIGHUP arriving as well
        assert left == [1]
    finally:
        if master >= 0:
            os.close(master)
        os.close(slave)


def test_a_pipe_is_not_a_terminal_to_watch() -> None:
    read, write = os.pipe()
    try:
        watch = HangupWatch(lambda: None, fd=read)
        assert not watch.watching and not terminal_gone(read)
    finally:
        os.close(read)
        os.close(write)


def test_the_terminal_guard_leaves_through_the_app_then_ends_the_process_and_its_children() -> None:
    import asyncio
    import subprocess
    import sys
    import threading

    from reader.tui.hangup import HANGUP_EXIT, TerminalGuard

    master, slave = os.openpty()
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    ended: list[int] = []
    done = threading.Event()
    guard = TerminalGuard(slave, interval=0.01, grace=0.05, children=lambda: [child.pid],
                          end=lambda code: (ended.append(code), done.set()))
    loop = asyncio.new_event_loop()
    asked: list[int] = []
    try:
        guard.attach(lambda: asked.append(1), loop)
        guard._thread = threading.Thread(target=guard._watch, daemon=True)  # no signal handler in a test
        guard._thread.start()
        os.close(master)
        master = -1
        assert done.wait(30)  # a bound for a loaded machine
        loop.run_until_complete(asyncio.sleep(0))  # the exit the guard scheduled on the app's loop
        assert asked == [1] and ended == [HANGUP_EXIT]
        assert child.wait(30) == -9  # the forked parser is killed, not left behind
    finally:
        guard.stop()
        loop.close()
        child.kill()
        if master >= 0:
            os.close(master)
        os.close(slave)


_BARE_FORK = """
import os, time
from reader.document.forked import die_with_parent
parent = os.getpid()
pid = os.fork()
if pid == 0:
    die_with_parent(parent)
    while True:
        time.sleep(0.05)
open({pid_file!r}, "w").write(str(pid))
time.sleep(60)
"""
_FORKED_PARSE = """
import os, time
from reader.document.forked import ForkedParse, live_children
child = ForkedParse(lambda: time.sleep(60))  # (what the child calls was looked up here, before the fork)
open({pid_file!r}, "w").write(str(live_children()[0]))
time.sleep(60)
"""


@pytest.mark.parametrize("script", [_BARE_FORK, _FORKED_PARSE], ids=["die_with_parent", "ForkedParse"])
def test_a_forked_parser_dies_with_its_parent(tmp_path, script: str) -> None:
    """The parent is killed outright (no cleanup runs): its forked child must not stay."""
    import signal
    import subprocess
    import sys
    import time

    pid_file = tmp_path / "child.pid"
    script = script.format(pid_file=str(pid_file))
    parent = subprocess.Popen([sys.executable, "-c", script])
    try:
        deadline = time.monotonic() + 30
        while not (pid_file.exists() and pid_file.read_text()) and time.monotonic() < deadline:
            time.sleep(0.02)
        child = int(pid_file.read_text())
        parent.send_signal(signal.SIGKILL)
        parent.wait(30)
        deadline = time.monotonic() + 30
        while _alive(child) and time.monotonic() < deadline:
            time.sleep(0.02)
        assert not _alive(child)
    finally:
        parent.kill()


def _alive(pid: int) -> bool:
    from pathlib import Path

    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False
