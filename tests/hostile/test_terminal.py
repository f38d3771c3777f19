"""In a real terminal (tmux): escapes in an article never reach it, markup never runs.

tmux with ``set-clipboard on`` copies any OSC 52 sequence the program prints into its paste
buffers, so an empty buffer list after reading a hostile article proves no clipboard write
got through. A control run first shows that the check can fail.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

HOSTILE = (
    "Hostile article title for the terminal test\n\n"
    "Clipboard \x1b]52;c;ZXZpbC1wYXlsb2Fk\x07 write and \x1b[2J clear and \x1b[31mred\x1b[0m text.\n\n"
    "Link \x1b]8;;http://evil.example/\x1b\\click here\x1b]8;;\x1b\\ and [@click=app.quit]press me[/] "
    "and [bold]not bold[/bold] and \u202eesrever\u202c end.\n"
)
READER = [sys.executable, "-m", "reader"]


class Tmux:
    """A private tmux server (own socket) with one session of a fixed size."""

    def __init__(self, name: str) -> None:
        self.base = ["tmux", "-L", name, "-f", "/dev/null"]

    def __call__(self, *args: str) -> str:
        return subprocess.run([*self.base, *args], capture_output=True, text=True, timeout=20).stdout

    def wait_for(self, text: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self("capture-pane", "-p", "-t", "t")
            if text in screen:
                return screen
            time.sleep(0.05)
        panes = self("list-panes", "-a", "-F", "#{pane_dead} #{pane_dead_status} #{pane_current_command} #{pane_start_command}")
        raise AssertionError(f"{text!r} never appeared; panes: {panes}; screen was:\n{screen}")


@pytest.fixture()
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    server = Tmux(f"reader-test-{os.getpid()}-{uuid.uuid4().hex[:8]}")  # a fresh server per test
    server("new-session", "-d", "-x", "100", "-y", "30", "-s", "t", "sleep 120")
    server("set-option", "-g", "set-clipboard", "on")
    server("set-option", "-g", "remain-on-exit", "on")
    yield server
    server("kill-server")


def test_control_osc52_would_be_caught(tmux: Tmux) -> None:
    tmux("new-window", "-d", "-t", "t", "printf '\\033]52;c;Y29udHJvbA==\\a'; sleep 30")
    deadline = time.monotonic() + 30  # a bound for a loaded machine, not a timing check
    while "control" not in tmux("list-buffers") and time.monotonic() < deadline:
        time.sleep(0.05)
    assert "control" in tmux("list-buffers")


def test_hostile_article_is_shown_inert(tmux: Tmux, tmp_path: Path) -> None:
    article = tmp_path / "hostile.txt"
    article.write_bytes(HOSTILE.encode("utf-8"))
    env = f"READER_DB={tmp_path / 'lib.json'} READER_CONFIG_DIR={tmp_path / 'config'} TERM=xterm-256color"
    command = " ".join([env, *READER, str(article)])
    tmux("respawn-pane", "-k", "-t", "t", command)
    screen = tmux.wait_for("press me")
    assert "[@click=app.quit]press me[/]" in screen
    assert "[bold]not bold[/bold]" in screen
    assert "ZXZpbC1wYXlsb2Fk" not in screen and "evil.example" not in screen
    assert tmux("list-buffers") == ""
    raw = tmux("capture-pane", "-p", "-e", "-t", "t")
    assert "\x1b]52" not in raw and "\x1b]8;;http://evil" not in raw
    assert "\u202e" not in raw
    tmux("send-keys", "-t", "t", "q")
    deadline = time.monotonic() + 30
    while "press me" in tmux("capture-pane", "-p", "-t", "t") and time.monotonic() < deadline:
        time.sleep(0.05)
    assert tmux("list-buffers") == ""


def test_the_app_leaves_when_its_terminal_goes_away(tmp_path: Path) -> None:
    """A terminal closed under the app, with no SIGHUP reaching it (here ignored, as happened under
    ``make run`` in tmux), must end the app, not leave Textual's input thread reading end-of-file
    in a loop on a whole core."""
    article = tmp_path / "hangup-article.txt"
    article.write_text("A short article for the hangup test\n\nIt has one paragraph of text.\n", encoding="utf-8")
    server = Tmux(f"reader-hup-{os.getpid()}-{uuid.uuid4().hex[:8]}")
    env = f"READER_DB={tmp_path / 'lib.json'} READER_CONFIG_DIR={tmp_path / 'config'} TERM=xterm-256color"
    command = f"trap '' HUP; {env} {' '.join(READER)} {article}"
    server("new-session", "-d", "-x", "100", "-y", "30", "-s", "t", "sh", "-c", command)
    try:
        server.wait_for("one paragraph of text")
        found = subprocess.run(["pgrep", "-f", str(article)], capture_output=True, text=True).stdout.split()
        pids = [int(p) for p in found if int(p) != os.getpid()]
        assert pids, "the reader process was not found"
    finally:
        server("kill-server")
    deadline = time.monotonic() + 30  # a bound for a loaded machine; the app checks every second
    alive = pids
    while alive and time.monotonic() < deadline:
        time.sleep(0.1)
        alive = [p for p in pids if Path(f"/proc/{p}").exists() and "Z" not in _state(p)]
    for pid in alive:
        os.kill(pid, 9)
    assert not alive, "the app kept running after its terminal went away"


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1].split()[0]
    except (OSError, IndexError):
        return "Z"
