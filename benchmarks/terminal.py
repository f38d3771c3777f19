"""Time a program in a real terminal: a detached tmux pane of fixed size, read back with capture-pane.

A private tmux server (its own socket, no user config) is driven through one control-mode client,
so polling the screen every ~10 ms costs a line on a pipe rather than a new process each time. One
run spawns the program in a new detached session, polls until a marker from the article is on the
screen (first paint), sends a key (End) and polls until the article's last words are on the screen,
reads the peak resident memory of the program's process tree from /proc, and ends the session.
"""

from __future__ import annotations

import contextlib
import os
import queue
import re
import shutil
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

TMUX = shutil.which("tmux") or "/usr/bin/tmux"
POLL_INTERVAL = 0.010
_PLAIN_TOKEN = re.compile(r"^[A-Za-z0-9]+$")
MARKER_WORDS = 3
PARAGRAPH_WORDS = 12  # a line this long is body text, not a title, kicker or heading
TIMED_OUT = "timed out"


class TerminalError(RuntimeError):
    """tmux is missing or stopped answering."""


@dataclass
class RunResult:
    """What one run of a program in the pane showed. Times are seconds from spawn / from the key."""

    first_paint: float | None = None
    end: float | None = None
    peak_mib: float | None = None
    error: str | None = None
    timed_out: bool = False
    end_error: str | None = None


def normalise_screen(lines: Sequence[str]) -> str:
    """The screen as one string with runs of whitespace collapsed, so wrapped text still matches."""
    return " ".join(" ".join(lines).split())


def pick_markers(source: str, words: int = MARKER_WORDS) -> tuple[str, str]:
    """Choose the texts that prove the article's start and its end are on screen.

    The start marker is the first run of ``words`` plain tokens (letters and digits only, so no
    markdown syntax or typography can change how it renders) in the first paragraph of body text:
    a line of at least PARAGRAPH_WORDS words that is not a markdown heading, so a title shown in a
    header bar before the article itself cannot count as the first paint (the first such run on
    any non-heading line when no line is that long). The end marker is the last such run in the
    file that occurs only once, so seeing it means the last lines are really shown.
    """
    lines = source.splitlines()

    def windows(line: str) -> list[str]:
        tokens = line.split()
        found = []
        for i in range(len(tokens) - words + 1):
            chunk = tokens[i:i + words]
            if all(_PLAIN_TOKEN.match(t) for t in chunk):
                found.append(" ".join(chunk))
        return found

    body = [line for line in lines if not line.lstrip().startswith("#")]
    paragraphs = [line for line in body if len(line.split()) >= PARAGRAPH_WORDS]
    first = next((w[0] for line in paragraphs + body if (w := windows(line))), None)
    flat = " ".join(source.split())
    last = None
    for line in reversed(lines):
        for candidate in reversed(windows(line)):
            if flat.count(candidate) == 1:
                last = candidate
                break
        if last:
            break
    if first is None or last is None:
        raise ValueError(f"no run of {words} plain words to use as a marker")
    return first, last


def _children_map() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        # the command name may contain spaces or parentheses: the ppid follows the last ')'
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    return children


def process_tree(pid: int) -> list[int]:
    """``pid`` and all its descendants that are alive now."""
    children = _children_map()
    tree, todo = [], [pid]
    while todo:
        current = todo.pop()
        tree.append(current)
        todo.extend(children.get(current, []))
    return tree


def peak_rss_mib(pids: Sequence[int]) -> float | None:
    """Sum of VmHWM (peak resident set) over ``pids``, in MiB; None if none could be read."""
    total_kib, seen = 0, False
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    total_kib += int(line.split()[1])
                    seen = True
        except OSError:
            continue
    return total_kib / 1024 if seen else None


def _quote(arg: str) -> str:
    """Quote one argument for tmux's command parser (single quotes, no expansion inside)."""
    return "'" + arg.replace("'", "'\"'\"'") + "'"


class Tmux:
    """A private tmux server with a control-mode client; use as a context manager."""

    def __init__(self, width: int = 120, height: int = 40, socket_name: str | None = None) -> None:
        self.width, self.height = width, height
        self.socket = socket_name or f"reader-bench-{os.getpid()}"
        self._proc: subprocess.Popen[bytes] | None = None
        self._lines: queue.Queue[str | None] = queue.Queue()
        self._count = 0

    def __enter__(self) -> Tmux:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def start(self) -> None:
        if not os.path.exists(TMUX):
            raise TerminalError(f"tmux not found at {TMUX}")
        env = {k: v for k, v in os.environ.items() if k not in ("TMUX", "TMUX_PANE")}
        env.setdefault("TERM", "xterm-256color")
        self._proc = subprocess.Popen(
            [TMUX, "-u", "-L", self.socket, "-f", "/dev/null", "-C", "new-session", "-s", "bench-idle",
             "-x", str(self.width), "-y", str(self.height), "sleep", "100000"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env,
        )
        threading.Thread(target=self._read, daemon=True).start()
        self._sync()
        terminal = "tmux-256color" if subprocess.run(["infocmp", "tmux-256color"], capture_output=True).returncode == 0 \
            else "screen-256color"
        for option in ("remain-on-exit on", "status off",  # "window-size manual" crashes tmux 3.3a
                       f"default-size {self.width}x{self.height}", f"default-terminal {terminal}",
                       "escape-time 0"):
            self.command(f"set -g {option}")

    def _read(self) -> None:
        assert self._proc is not None and self._proc.stdout is not None
        for raw in self._proc.stdout:
            self._lines.put(raw.decode("utf-8", "replace").rstrip("\r\n"))
        self._lines.put(None)

    def _next_line(self, deadline: float) -> str:
        try:
            line = self._lines.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            raise TerminalError("tmux did not answer in time") from None
        if line is None:
            raise TerminalError("tmux control client exited")
        return line

    def _read_block(self, timeout: float) -> tuple[bool, list[str]]:
        """Read up to the next %begin ... %end/%error block, skipping notifications."""
        deadline = time.monotonic() + timeout
        while not self._next_line(deadline).startswith("%begin"):
            pass
        output = []
        while True:
            line = self._next_line(deadline)
            if line.startswith(("%end ", "%error ")) or line in ("%end", "%error"):
                return line.startswith("%end"), output
            output.append(line)

    def _sync(self) -> None:
        """Consume whatever the initial attach printed, up to the answer of a marker command."""
        token = f"sync-{time.monotonic_ns()}"
        self._send(f"display -p {token}")
        deadline = time.monotonic() + 10
        while True:
            _, output = self._read_block(max(0.1, deadline - time.monotonic()))
            if token in output:
                return

    def _send(self, line: str) -> None:
        if self._proc is None or self._proc.stdin is None:
            raise TerminalError("tmux is not running")
        self._proc.stdin.write(line.encode("utf-8") + b"\n")
        self._proc.stdin.flush()

    def command(self, line: str, timeout: float = 10.0, check: bool = True) -> list[str]:
        """Run one tmux command; return its output lines."""
        self._send(line)
        ok, output = self._read_block(timeout)
        if not ok and check:
            raise TerminalError(f"tmux {line.split()[0]}: {' '.join(output)}")
        return output

    def spawn(self, argv: Sequence[str], env: Mapping[str, str] | None = None, cwd: str | None = None) -> tuple[str, int]:
        """Start ``argv`` in a new detached session; return (session name, pane pid)."""
        self._count += 1
        name = f"run{self._count}"
        parts = ["new-session", "-d", "-P", "-F", _quote("#{pane_pid}"), "-s", name,
                 "-x", str(self.width), "-y", str(self.height)]
        if cwd:
            parts += ["-c", _quote(cwd)]
        for key, value in (env or {}).items():
            parts += ["-e", _quote(f"{key}={value}")]
        parts += [_quote(a) for a in argv]
        output = self.command(" ".join(parts))
        return name, int(output[0].strip())

    def screen(self, session: str) -> list[str]:
        return self.command(f"capture-pane -p -t {session}")

    def pane_dead(self, session: str) -> tuple[bool, str]:
        """Whether the program has exited, and its exit status ("" if tmux does not know it yet)."""
        for attempt in range(10):
            out = self.command(f"display -p -t {session} {_quote('#{pane_dead} #{pane_dead_status}')}")
            dead, _, status = (out[0] if out else "0").partition(" ")
            # tmux can see the pane close before it has reaped the process (and 3.3a sometimes never
            # records the status at all): give it a moment, then do without
            if dead != "1" or status.strip() or attempt == 9:
                return dead == "1", status.strip()
            time.sleep(0.025)
        raise AssertionError("unreachable")

    def send_key(self, session: str, key: str) -> None:
        self.command(f"send-keys -t {session} {_quote(key)}")

    def kill(self, session: str) -> None:
        self.command(f"kill-session -t {session}", check=False)

    def wait_for(self, session: str, found: Callable[[str], bool], timeout: float,
                 since: float) -> tuple[float | None, str, str | None]:
        """Poll the screen until ``found(screen)``; return (seconds since ``since``, screen, failure)."""
        deadline = time.monotonic() + timeout
        polls = 0
        screen = ""
        while True:
            started = time.monotonic()
            screen = normalise_screen(self.screen(session))
            if found(screen):
                return time.monotonic() - since, screen, None
            polls += 1
            if polls % 5 == 0:
                dead, status = self.pane_dead(session)
                if dead:
                    # tmux may flag the pane dead before it has read the last output: let it settle
                    time.sleep(0.1)
                    last = _last_words(self.screen(session))
                    return None, last, f"exited with status {status or 'unknown'}" + (f": {last}" if last else "")
            if started >= deadline:
                return None, screen, f"{TIMED_OUT} after {timeout:g} s"
            time.sleep(max(0.0, POLL_INTERVAL - (time.monotonic() - started)))

    def close(self) -> None:
        if self._proc is None:
            return
        subprocess.run([TMUX, "-L", self.socket, "kill-server"], capture_output=True)
        try:
            self._proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._proc.kill()
        self._proc = None


def end_processes(pids: Sequence[int], grace: float = 3.0) -> None:
    """Make sure the run's processes (found earlier, started by us) are gone; SIGKILL stragglers."""
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        alive = [p for p in pids if _alive(p)]
        if not alive:
            return
        time.sleep(0.05)
    for pid in pids:
        if _alive(pid):
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def _last_words(lines: Sequence[str], limit: int = 120) -> str:
    """The last line a dead pane printed (its error), without tmux's own 'Pane is dead' line."""
    for line in reversed(lines):
        text = " ".join(line.split())
        if text and not text.startswith("Pane is dead"):
            return text[:limit]
    return ""


def measure_run(tmux: Tmux, argv: Sequence[str], first_marker: str, last_marker: str, end_key: str | None,
                paint_timeout: float, end_timeout: float, env: Mapping[str, str] | None = None,
                cwd: str | None = None) -> RunResult:
    """One cold start: spawn, first paint, End to the last line, peak RSS, then end the session."""
    result = RunResult()
    started = time.monotonic()
    session, pid = tmux.spawn(argv, env=env, cwd=cwd)
    pids = [pid]
    try:
        paint, screen, failure = tmux.wait_for(session, lambda s: first_marker in s, paint_timeout, started)
        result.first_paint = paint
        if failure:
            result.error = failure
            result.timed_out = failure.startswith(TIMED_OUT)
        elif end_key is not None:
            if last_marker in screen:
                result.end_error = "the last line was already on the first screen"
            else:
                pressed = time.monotonic()
                tmux.send_key(session, end_key)
                end, screen, failure = tmux.wait_for(session, lambda s: last_marker in s, end_timeout, pressed)
                result.end = end
                result.end_error = failure
        pids = process_tree(pid)
        result.peak_mib = peak_rss_mib(pids)
    finally:
        tmux.kill(session)
        end_processes(pids)
    return result
