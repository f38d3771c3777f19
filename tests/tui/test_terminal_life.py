"""In a real terminal (tmux): keys after piped input, and no process outliving its terminal.

Bug 1 of issue 15: ``cat story.txt | reader -`` showed the article but every key, ``q`` included,
was echoed over the screen while the app spun on the empty pipe. Bug 2: killing the terminal
while a large article loaded, or while quitting, left the reader (and its forked parser) alive.
"""

from __future__ import annotations

import shlex
import shutil
import time
from pathlib import Path

import pytest

from tests.tui.tmux import Tmux, gone_within, processes_with, reader_command

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

STORY = ("Council approves new budget.\n\n"
         "The council voted on Tuesday to approve the budget for the coming year, after a long debate.\n\n"
         "Members said the plan would fund two new libraries and repair the harbour wall.\n")
LEFT_WITHIN = 5.0
"""Seconds after the terminal closed by which no reader process may be left (the issue's bound)."""


def test_piped_input_reads_keys_from_the_terminal_and_q_quits(tmp_path: Path) -> None:
    story = tmp_path / "piped-story.txt"
    story.write_text(STORY, encoding="utf-8")
    tmux = Tmux("reader-pipe")
    line = reader_command("-", db=tmp_path / "lib.json", ignore_hangup=False)
    tmux.start(f"cat {shlex.quote(str(story))} | {line}; echo READER-EXITED $?; sleep 60")
    try:
        screen = tmux.wait_for("two new libraries")
        assert "Council approves new budget." in screen.splitlines()[0]  # the headline titles it
        tmux("send-keys", "-t", "t", "q")
        screen = tmux.wait_for("READER-EXITED 0", timeout=20)
        assert "q" not in screen.splitlines()[0].split()  # the key was read, not echoed
    finally:
        tmux.kill()


@pytest.fixture(scope="module")
def large_article(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from benchmarks.gen_article import write

    return write(tmp_path_factory.mktemp("large") / "hangup-large-article.md")


def _open_and_close(large_article: Path, tmp_path: Path, after: float, marker: str) -> list[int]:
    """Open the large article in a fresh terminal, close the terminal ``after`` seconds later."""
    copy = tmp_path / f"{marker}.md"
    copy.symlink_to(large_article)
    tmux = Tmux("reader-life")
    tmux.start(reader_command(copy, db=tmp_path / "lib.json"))
    try:
        deadline = time.monotonic() + 20
        while not processes_with(marker) and time.monotonic() < deadline:
            time.sleep(0.01)
        assert processes_with(marker), "the reader never started"
        time.sleep(after)
    finally:
        tmux.kill()
    return gone_within(marker, LEFT_WITHIN)


@pytest.mark.parametrize("after", [0.0, 0.3, 0.6, 0.9])
def test_no_process_outlives_a_terminal_closed_while_a_large_article_loads(
        large_article: Path, tmp_path: Path, after: float) -> None:
    marker = f"load-{int(after * 10)}-{tmp_path.name}"
    left = _open_and_close(large_article, tmp_path, after, marker)
    assert not left, f"still running {LEFT_WITHIN} s after the terminal closed {after} s in: {left}"


@pytest.mark.parametrize("after", [0.0, 0.2, 0.5])
def test_no_process_outlives_a_terminal_closed_while_quitting(large_article: Path, tmp_path: Path,
                                                              after: float) -> None:
    marker = f"quit-{int(after * 10)}-{tmp_path.name}"
    copy = tmp_path / f"{marker}.md"
    copy.symlink_to(large_article)
    tmux = Tmux("reader-quit")
    tmux.start(reader_command(copy, db=tmp_path / "lib.json"))
    try:
        tmux.wait_for("%")
        tmux("send-keys", "-t", "t", "End")
        tmux("send-keys", "-t", "t", "C-q")
        time.sleep(after)
    finally:
        tmux.kill()
    left = gone_within(marker, LEFT_WITHIN)
    assert not left, f"still running {LEFT_WITHIN} s after the terminal closed while quitting: {left}"
