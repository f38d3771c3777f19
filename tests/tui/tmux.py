"""A private tmux server for the real-terminal tests: run the reader, type, read the screen, kill."""

from __future__ import annotations

import contextlib
import os
import shlex
import subprocess
import sys
import time
import uuid
from pathlib import Path

READER = [sys.executable, "-m", "reader"]


class Tmux:
    """A private tmux server (own socket, no user config); one session ``t`` of a fixed size."""

    def __init__(self, prefix: str = "reader-test") -> None:
        self.base = ["tmux", "-L", f"{prefix}-{os.getpid()}-{uuid.uuid4().hex[:8]}", "-f", "/dev/null"]

    def __call__(self, *args: str) -> str:
        return subprocess.run([*self.base, *args], capture_output=True, text=True, timeout=20).stdout

    def start(self, command: str, width: int = 100, height: int = 30) -> None:
        """Run ``command`` (a shell line) as the session's only pane."""
        self("new-session", "-d", "-x", str(width), "-y", str(height), "-s", "t", "sh", "-c", command)

    def screen(self) -> str:
        return self("capture-pane", "-p", "-t", "t")

    def wait_for(self, text: str, timeout: float = 30.0) -> str:
        """The screen once ``text`` is on it (a bound for a loaded machine, not a timing check)."""
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.05)
        raise AssertionError(f"{text!r} never appeared; the screen was:\n{screen}")

    def kill(self) -> None:
        """Close the terminal under whatever runs in it, as closing a terminal window does."""
        subprocess.run([*self.base, "kill-server"], capture_output=True, timeout=20)


def reader_command(*args: str | Path, db: Path, ignore_hangup: bool = True) -> str:
    """A shell line running the reader on a private library; with SIGHUP ignored (``make run``
    in tmux measured it: no SIGHUP reaches the app) the app must notice the hang-up itself."""
    env = f"READER_DB={shlex.quote(str(db))} TERM=xterm-256color"
    line = f"{env} {' '.join(shlex.quote(str(a)) for a in [*READER, *args])}"
    return f"trap '' HUP; {line}" if ignore_hangup else line


def processes_with(marker: str) -> list[int]:
    """Live processes whose command line mentions ``marker`` (this test's own file names)."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit() or int(proc.name) == os.getpid():
            continue
        try:
            cmdline = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            state = (proc / "stat").read_text().split(") ", 1)[1].split()[0]
        except (OSError, IndexError):
            continue
        if marker in cmdline and state != "Z" and "tmux" not in cmdline.split(" ", 1)[0]:
            found.append(int(proc.name))
    return found


def gone_within(marker: str, seconds: float) -> list[int]:
    """Wait until no process mentions ``marker``; return those still alive after ``seconds`` (killed)."""
    deadline = time.monotonic() + seconds
    alive = processes_with(marker)
    while alive and time.monotonic() < deadline:
        time.sleep(0.1)
        alive = processes_with(marker)
    for pid in alive:
        with contextlib.suppress(OSError):
            os.kill(pid, 9)
    return alive
