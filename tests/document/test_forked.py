"""Finishing a large markdown parse in a forked child gives exactly the in-process result."""

from __future__ import annotations

import pickle

import pytest

from reader.document.forked import can_fork
from reader.document.markdown import MarkdownParser

pytestmark = pytest.mark.skipif(not can_fork(), reason="no fork on this platform")

SOURCE = "# Big article\n\n" + "\n\n".join(
    f"## Part {i}\n\nParagraph {i} with *emphasis*, a [link](https://example.org/{i}) and `code`.\n\n"
    f"- item {i}\n- another\n\n> quoted {i}" for i in range(1_500))


def _shape(article):
    return article.title, article.text, [(b.kind, b.start, b.end, b.level, b.depth, b.quote, b.marker, b.inlines)
                                          for b in article.blocks]


def test_child_result_equals_in_process_parse() -> None:
    whole = MarkdownParser(SOURCE, chunk_size=8_000).parse_all()
    parser = MarkdownParser(SOURCE, chunk_size=8_000)
    parser.parse_next()
    first = parser.article()
    parser.finish_in_child()
    finished = parser.parse_all()
    assert finished.complete and parser.done
    assert _shape(finished) == _shape(whole)
    assert finished.text.startswith(first.text)
    assert parser.parse_next() is False


def test_a_failing_child_falls_back_to_parsing_here(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> bytes:
        raise RuntimeError("child cannot send")

    whole = MarkdownParser(SOURCE, chunk_size=8_000).parse_all()
    parser = MarkdownParser(SOURCE, chunk_size=8_000)
    parser.parse_next()
    monkeypatch.setattr(pickle, "dumps", broken)  # the forked child inherits these and sends nothing
    monkeypatch.setattr(pickle, "dump", broken)
    parser.finish_in_child()
    monkeypatch.undo()
    assert _shape(parser.parse_all()) == _shape(whole)


async def test_the_app_reaches_the_last_line_of_a_forked_parse(tmp_path) -> None:
    from reader.commands.open import _preload
    from reader.tui.app import ReaderApp
    from tests.tui.helpers import pane_lines

    path = tmp_path / "big.md"
    path.write_text(SOURCE + "\n\nThe very last line of the article.\n", encoding="utf-8")
    preloaded = _preload([str(path)])
    _article, parser = preloaded[str(path)]
    assert parser is not None and parser._forked is not None
    app = ReaderApp([str(path)], db=str(tmp_path / "lib.json"), preloaded=preloaded)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("end")
        await pilot.pause()
        assert any("The very last line of the article." in line for line in pane_lines(app))


def test_ready_says_when_the_child_has_answered_and_cancel_ends_a_slow_one() -> None:
    import os
    import time

    from reader.document.forked import ForkedParse, live_children

    quick = ForkedParse(lambda: 42)
    deadline = time.monotonic() + 20
    while not quick.ready() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert quick.ready() and quick.result() == 42
    before = set(live_children())
    slow = ForkedParse(lambda: time.sleep(30))
    assert not slow.ready()
    (pid,) = set(live_children()) - before
    slow.cancel()
    assert pid not in live_children() and slow.ready() and slow.result() is None
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # ended and reaped


def test_a_child_with_more_sends_it_after_its_result_or_is_ended() -> None:
    import os
    import time

    from reader.document.forked import ForkedParse, Nudge, live_children

    nudge = Nudge()

    def more() -> list[int]:  # optional work until told to stop
        done = []
        while not nudge.given():
            done.append(len(done))
            time.sleep(0.001)
        return done

    child = ForkedParse(lambda: "first", more=more)
    assert child.result() == "first"
    assert child._pid in live_children()  # still at work on more
    time.sleep(0.05)
    nudge.give()
    extra = child.more(wait=20)
    assert isinstance(extra, list) and extra == list(range(len(extra)))
    assert child.more(wait=1) is None
    child.cancel()  # (reaps the child, which ended after sending)
    assert child._pid not in live_children()
    with pytest.raises(ProcessLookupError):
        os.kill(child._pid, 0)
    nudge.close()

    stuck = ForkedParse(lambda: "first", more=lambda: time.sleep(30))
    assert stuck.result() == "first"
    started = time.monotonic()
    assert stuck.more(wait=0.05) is None and time.monotonic() - started < 5  # not sent in time: ended
    with pytest.raises(ProcessLookupError):
        os.kill(stuck._pid, 0)

    dropped = ForkedParse(lambda: "first", more=lambda: time.sleep(30))
    assert dropped.result() == "first"
    dropped.cancel()  # what more it would send is not wanted: ended, reaped
    with pytest.raises(ProcessLookupError):
        os.kill(dropped._pid, 0)

    failing = ForkedParse(lambda: "first", more=lambda: 1 / 0)
    assert failing.result() == "first" and failing.more(wait=20) is None


def test_more_already_sent_with_the_result_is_taken() -> None:
    """A child whose ``more`` has nothing left to do sends it right after its result: whether it is
    then still in the pipe or already read along with the result, more() takes it."""
    import time

    from reader.document.forked import ForkedParse

    for _ in range(5):
        child = ForkedParse(lambda: "first" * 10_000, more=lambda: "second")
        time.sleep(0.05)  # (both messages are in the pipe now)
        assert child.result() == "first" * 10_000
        assert child.more(wait=5) == "second"
        child.cancel()


@pytest.mark.parametrize("room", [0, 64, 1 << 20], ids=["pipe", "too-small", "room"])
def test_what_a_child_sends_arrives_whole_through_the_room_or_the_pipe(room: int) -> None:
    """With room, the messages are pickled into memory the two processes share; what does not fit
    (here the first or both) goes through the pipe; either way both arrive as sent, and a second
    message that fits after a first that did not goes into the room."""
    import time

    from reader.document.forked import ForkedParse

    big = {"text": "é" * 50_000, "rows": [(i, i + 1, "said") for i in range(2_000)]}
    child = ForkedParse(lambda: big, more=lambda: ["more"] * 3, room=room)
    time.sleep(0.05)  # (both are sent by now: the child never waits for this process to read)
    assert child.result() == big
    assert child.more(wait=5) == ["more"] * 3
    child.cancel()
    assert child._room is None  # (let go once all was taken)


def test_a_child_that_fails_after_its_result_through_the_room_sends_no_more() -> None:
    from reader.document.forked import ForkedParse

    child = ForkedParse(lambda: "first", more=lambda: 1 / 0, room=1 << 16)
    assert child.result() == "first" and child.more(wait=20) is None


def test_a_result_taken_without_reaping_is_reaped_by_cancel() -> None:
    """result(reap=False) does not wait for the child's exit; cancel reaps it (a failed child is
    reaped at once all the same)."""
    import os

    from reader.document.forked import ForkedParse, live_children

    child = ForkedParse(lambda: [1, 2, 3], room=1 << 16)
    assert child.result(reap=False) == [1, 2, 3]
    assert child._pid in live_children()  # (left to cancel)
    child.cancel()
    assert child._pid not in live_children()
    with pytest.raises(ProcessLookupError):
        os.kill(child._pid, 0)

    failed = ForkedParse(lambda: 1 / 0)
    assert failed.result(reap=False) is None and failed._pid not in live_children()
