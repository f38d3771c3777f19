"""Leave when the terminal goes away.

When the terminal closes under the app (a multiplexer killed, an SSH link dropped) and no SIGHUP
reaches the process (measured: ``make run`` in tmux, then ``tmux kill-server``), the terminal's
file descriptors stay open but hung up: reads return end-of-file at once, and Textual's input
thread selects and reads in a loop that took a whole core for as long as the process lived.

:class:`HangupWatch` ends the app instead: on SIGHUP, and when a cheap check once a second finds
the terminal hung up (``tcgetpgrp`` fails on a hung-up terminal). Exiting goes through
``App.exit``, so the screens unmount as on ``q`` and the reading position is kept.
"""

from __future__ import annotations

import asyncio
import errno
import os
import signal
import sys
from collections.abc import Callable

CHECK_SECONDS = 1.0
"""How often the terminal is checked: cheap (one ioctl), and soon enough not to burn a core."""


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
        self.watching = self._fd is not None and os.isatty(self._fd)
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


def _stdin_fd() -> int | None:
    stream = sys.__stdin__
    try:
        return stream.fileno() if stream is not None else None
    except (OSError, ValueError):
        return None


__all__ = ["CHECK_SECONDS", "HangupWatch", "terminal_gone"]
