"""Leave when the terminal goes away.

When the terminal closes under the app (a multiplexer killed, an SSH link dropped) and no SIGHUP
reaches the process (measured: ``make run`` in tmux, then ``tmux kill-server``), the terminal's
file descriptors stay open but hung up: reads return end-of-file at once, and Textual's input
thread selects and reads in a loop that took a whole core for as long as the process lived.

:class:`HangupWatch` ends the app instead: on SIGHUP, and when a cheap check once a second finds
the terminal hung up (``tcgetpgrp`` fails on a hung-up terminal). Exiting goes through
``App.exit``, so the screens unmount as on ``q`` and the reading position is kept.

:class:`TerminalGuard` covers the whole life of a ``reader`` process, not only the running app:
the command line starts it before anything is read, so a terminal closed while standard input is
read, while a large article's first chunk is parsed or its parser forked, before the first frame,
or while the app quits, still ends the process. It is a daemon thread (the main thread may be
busy or blocked in any of those phases) that checks the terminal every
:data:`GUARD_SECONDS`, and takes SIGHUP too. Once the app runs, leaving goes through ``App.exit``
first; if the process is still alive :data:`GRACE_SECONDS` later it kills the forked parser and
exits at once. The forked parser also dies with its parent by itself (see
:mod:`reader.document.forked`).
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import os
import signal
import sys
import threading
from collections.abc import Callable

CHECK_SECONDS = 1.0
"""How often the terminal is checked: cheap (one ioctl), and soon enough not to burn a core."""
GUARD_SECONDS = 0.5
"""How often the process-wide guard checks the terminal."""
GRACE_SECONDS = 2.0
"""How long a graceful exit (saving the reading position) may take before the process just ends."""
HANGUP_EXIT = 129
"""The exit status of a process ended by its terminal (128 + SIGHUP), as a shell reports it."""


def terminal_gone(fd: int) -> bool:
    """Is ``fd`` a terminal that has hung up (or no longer a usable descriptor)?

    A descriptor that never was a terminal (tests, pipes) is not "gone": there is nothing to watch.
    """
    try:
        os.tcgetpgrp(fd)
    except OSError as exc:
        return exc.errno in (errno.EIO, errno.EBADF, errno.ENXIO)
    return False


class HangupWatch:
    """Calls ``leave`` once when the terminal on ``fd`` hangs up or the process gets SIGHUP."""

    def __init__(self, leave: Callable[[], None], fd: int | None = None) -> None:
        self._leave = leave
        self._fd = fd if fd is not None else _stdin_fd()
        self._left = False
        self.watching = self._fd is not None and (os.isatty(self._fd) or terminal_gone(self._fd))
        """False when stdin is not a terminal (Pilot tests, pipes): then nothing is watched."""

    def install_signal(self, loop: asyncio.AbstractEventLoop) -> None:
        """Leave on SIGHUP (where the platform has it and the loop can take signal handlers)."""
        hup = getattr(signal, "SIGHUP", None)
        if hup is None or signal.getsignal(hup) is signal.SIG_IGN:
            return  # no SIGHUP here, or the user asked to ignore it ("nohup reader ..."): the check remains
        try:
            loop.add_signal_handler(hup, self.leave)
        except (NotImplementedError, RuntimeError, ValueError):  # not the main thread, or no support
            return

    def check(self) -> None:
        """The periodic check: leave if the terminal has hung up."""
        if self.watching and self._fd is not None and terminal_gone(self._fd):
            self.leave()

    def leave(self) -> None:
        """Leave once, however many signals and checks ask for it."""
        if not self._left:
            self._left = True
            self._leave()


class TerminalGuard:
    """Ends the process when its terminal goes away, in every phase (see the module docstring).

    One per process: :meth:`start` it before reading anything, :meth:`attach` the app's exit once
    the app runs. ``end`` (tests replace it) ends the process; ``children`` are killed first.
    """

    _current: TerminalGuard | None = None

    def __init__(self, fd: int, *, interval: float = GUARD_SECONDS, grace: float = GRACE_SECONDS,
                 end: Callable[[int], None] = os._exit, children: Callable[[], list[int]] = lambda: []) -> None:
        self.fd = fd
        self.interval = interval
        self.grace = grace
        self._end = end
        self._children = children
        self._hangup = threading.Event()
        self._stopped = threading.Event()
        self._exit: Callable[[], None] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None

    @classmethod
    def current(cls) -> TerminalGuard | None:
        """The guard this process started, if any."""
        return cls._current

    @classmethod
    def start_for_terminal(cls, children: Callable[[], list[int]] = lambda: []) -> TerminalGuard | None:
        """Start guarding standard input's terminal; None when it is no terminal (pipes, tests)."""
        fd = _stdin_fd()
        if fd is None or not (os.isatty(fd) or terminal_gone(fd)):
            return None
        guard = cls(fd, children=children)
        guard.start()
        return guard

    def start(self) -> None:
        """Watch from now on: a daemon thread, and SIGHUP (unless ignored, as under ``nohup``)."""
        TerminalGuard._current = self
        hup = getattr(signal, "SIGHUP", None)
        if hup is not None and threading.current_thread() is threading.main_thread():
            with contextlib.suppress(ValueError, OSError):
                if signal.getsignal(hup) is not signal.SIG_IGN:
                    signal.signal(hup, lambda _signum, _frame: self._hangup.set())
        self._thread = threading.Thread(target=self._watch, name="terminal guard", daemon=True)
        self._thread.start()

    def attach(self, exit_app: Callable[[], None], loop: asyncio.AbstractEventLoop) -> None:
        """From now on, leave through ``exit_app`` (run on ``loop``) before ending the process."""
        self._exit, self._loop = exit_app, loop

    def stop(self) -> None:
        """Stop watching (the thread ends at its next check)."""
        self._stopped.set()
        if TerminalGuard._current is self:
            TerminalGuard._current = None

    def _watch(self) -> None:
        while not self._stopped.is_set():
            if self._hangup.wait(self.interval) or terminal_gone(self.fd):
                if not self._stopped.is_set():
                    self._leave()
                return

    def _leave(self) -> None:
        exit_app, loop = self._exit, self._loop
        if exit_app is not None and loop is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(exit_app)
            if self._stopped.wait(self.grace):  # the app finished in time
                return
        for pid in self._children():
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        self._end(HANGUP_EXIT)


def _stdin_fd() -> int | None:
    stream = sys.__stdin__
    try:
        return stream.fileno() if stream is not None else None
    except (OSError, ValueError):
        return None


__all__ = ["CHECK_SECONDS", "HangupWatch", "TerminalGuard", "terminal_gone"]
