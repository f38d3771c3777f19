"""The hangup watch: a hung-up terminal (or SIGHUP) ends the app once; pipes are not watched."""

from __future__ import annotations

import os

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
