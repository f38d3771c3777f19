"""Finish parsing a large markdown article in a child process, on the machine's other core.

The app parses the first chunk itself and paints it; the rest used to be parsed by a thread
that shares the interpreter lock with the UI, so a 3 MB article took about twice its
stand-alone parse time to complete (and End had to wait for it). When the command line opens
one large markdown file it forks, before Textual starts any thread, a child that finishes the
parse and sends the article back through a pipe; the parser then adopts it (see
:meth:`reader.document.markdown.MarkdownParser.parse_next`). Without ``fork`` (Windows), or if
the child fails, the parser simply carries on by itself: the result is the same either way.

The child never outlives the reader: on Linux the kernel kills it when its parent dies
(``prctl(PR_SET_PDEATHSIG)``), elsewhere a thread in the child checks its parent twice a second;
either way a parent already gone before the child set that up is caught by comparing the parent's
process id. The parent's terminal guard (:mod:`reader.tui.hangup`) kills :func:`live_children` too.
"""

from __future__ import annotations

import contextlib
import io
import os
import pickle
import signal
import sys
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, BinaryIO, Generic, TypeVar

if TYPE_CHECKING:
    import mmap

Parsed = TypeVar("Parsed")


_LIVE: set[int] = set()
PR_SET_PDEATHSIG = 1
PARENT_CHECK_SECONDS = 0.5


def live_children() -> list[int]:
    """Process ids of forked parsers not reaped yet (to kill if the reader must end at once)."""
    return sorted(_LIVE)


_prctl: list[Callable[..., int]] = []
"""libc's ``prctl``, looked up once (see :func:`prepare`)."""


def prepare() -> None:
    """In a process about to fork: look up what :func:`die_with_parent` calls, so each child it
    forks finds it ready instead of importing ctypes itself (2-4.5 ms of a child's start, on the
    critical path of ``reader analyze``'s second-half child; done once here)."""
    if not _prctl and sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError, ImportError):
            import ctypes

            _prctl.append(ctypes.CDLL(None, use_errno=True).prctl)


def killed_with_parent() -> bool:
    """Ask the kernel to kill this process when its parent ends; True where it will (Linux)."""
    prepare()  # (done already where the parent that forked this process called it)
    try:
        return _prctl[0](PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, IndexError):
        return False


def die_with_parent(parent: int) -> None:
    """In a forked child: end when ``parent`` ends (kernel signal on Linux, a watching thread elsewhere)."""
    if sys.platform.startswith("linux"):
        killed_with_parent()
    else:
        def watch() -> None:
            while os.getppid() == parent:
                time.sleep(PARENT_CHECK_SECONDS)
            os._exit(1)

        threading.Thread(target=watch, name="parent watch", daemon=True).start()
    if os.getppid() != parent:  # the parent died before the signal was set up
        os._exit(1)


class ForkedParse(Generic[Parsed]):
    """A child process running ``parse`` (e.g. a parser's ``parse_all``); :meth:`result` waits
    for and returns what it made (an article; for ``reader analyze``, a half's text).

    With ``more``, the child then goes on with ``more()`` (optional work, which it should end
    when told to, e.g. by a :class:`Nudge`) and sends what that made too: :meth:`more` takes it.

    With ``room`` (bytes), what the child sends is written into memory the two processes share
    (as much as fits: more goes through the pipe), not through the pipe: the child never waits for
    this process to read it (a pipe holds 64 KiB; a long article's results are megabytes, which
    the child would otherwise hand over piece by piece as this process, busy elsewhere, reads
    them), and nothing is copied through the kernel. Only the pages written are ever allocated.

    It takes the parse as a callable, not the parser, so this module needs nothing from
    :mod:`reader.document.markdown`, which imports it. The child lives only as long as its
    parse: if this process dies first, the pipe closes and the child's write ends it.
    """

    def __init__(self, parse: Callable[[], Parsed], more: Callable[[], object] | None = None, room: int = 0) -> None:
        prepare()
        shared = _room(room)
        read_end, write_end = os.pipe()
        parent = os.getpid()
        try:
            pid = os.fork()
        except OSError:  # no process to spare: the parser carries on in this process
            os.close(read_end)
            os.close(write_end)
            if shared is not None:
                shared.close()
            raise
        if pid == 0:  # the child: parse, send, and leave without running the parent's exit handlers
            code = 1
            try:
                die_with_parent(parent)
                os.close(read_end)
                with os.fdopen(write_end, "wb") as out:
                    _send(out, parse(), shared)
                    if more is not None:
                        out.flush()
                        _send(out, more(), shared)
                code = 0
            finally:
                os._exit(code)
        os.close(write_end)
        _LIVE.add(pid)
        self._fd: int | None = read_end
        self._pid = pid
        self._lock = threading.Lock()
        self._article: Parsed | None = None
        self._more = more is not None
        self._pipe: io.RawIOBase | None = None
        self._ending = False  # (sent all it had, not reaped yet: see more)
        self._room = shared

    def ready(self, wait: float = 0.0) -> bool:
        """Has the child begun to send its result, or ended (then :meth:`result` waits no more than
        the sending takes)? ``wait``: seconds to wait for that at most."""
        import select

        with self._lock:
            if self._fd is None:
                return True
            poll = select.poll()
            poll.register(self._fd, select.POLLIN)
            return bool(poll.poll(int(wait * 1000)))

    def cancel(self) -> None:
        """End the child and forget its result (this process did the work itself), or, once its
        result is taken, what more it would send; reap a child that sent all it had."""
        with self._lock:
            if self._ending:
                self._ending = False
                _reap(self._pid)
            if self._fd is None and self._pipe is None:
                return
            with contextlib.suppress(ProcessLookupError):
                os.kill(self._pid, signal.SIGKILL)
            if self._fd is not None:
                fd, self._fd = self._fd, None
                os.close(fd)
                self._article = None
            if self._pipe is not None:
                pipe, self._pipe = self._pipe, None
                pipe.close()
            _reap(self._pid)
            self._release()

    def result(self, reap: bool = True) -> Parsed | None:
        """What the child made (waiting for it), or None if the child failed.

        ``reap=False``: a child that has sent all it had is not waited for here (its exit, a few
        milliseconds for a large process, goes on meanwhile): :meth:`cancel`, which the caller
        must call later, reaps it."""
        with self._lock:
            if self._fd is not None:
                fd, self._fd = self._fd, None
                pipe = os.fdopen(fd, "rb", buffering=0)  # (unbuffered: a poll for more then sees all that is left)
                self._article = _received(pipe, self._room)
                if self._more and self._article is not None:
                    self._pipe = pipe  # (the child goes on: see more)
                else:
                    pipe.close()
                    if reap or self._article is None:
                        _reap(self._pid)
                    else:
                        self._ending = True
                    self._release()
            return self._article

    def more(self, wait: float) -> object | None:
        """After :meth:`result`, what the child's ``more`` made, if it starts coming within ``wait``
        seconds (tell the child to end its work first); else None, and the child is ended."""
        import select

        with self._lock:
            pipe, self._pipe = self._pipe, None
            if pipe is None:
                return None
            made = None
            try:
                poll = select.poll()
                poll.register(pipe.fileno(), select.POLLIN)
                made = _received(pipe, self._room) if poll.poll(int(wait * 1000)) else None
            finally:
                pipe.close()
                self._release()
                if made is None:
                    with contextlib.suppress(ProcessLookupError):
                        os.kill(self._pid, signal.SIGKILL)
                    _reap(self._pid)
                else:  # it is ending: reaped by cancel, not waited for now (its exit takes a few ms)
                    self._ending = True
            return made

    def _release(self) -> None:
        """Let go of the shared room (once all the child sends was taken, or it was ended)."""
        if self._room is not None:
            room, self._room = self._room, None
            with contextlib.suppress(BufferError):
                room.close()


class Nudge:
    """A one-way "enough, send what you have" from a parent to the child it forks next.

    Made before the fork, so both processes hold its pipe. A child doing optional work (work the
    parent can do later itself) asks :meth:`given` now and then and stops once the parent,
    done with its own share, has called :meth:`give`; so the child's extra work only fills time
    the parent would otherwise have spent working anyway, however fast either side runs.
    """

    def __init__(self) -> None:
        self._read, self._write = os.pipe()
        self._given = False

    def give(self) -> None:
        """In the parent: tell the child to stop its optional work (once; harmless if it has ended)."""
        if not self._given:
            self._given = True
            with contextlib.suppress(OSError):
                os.write(self._write, b"!")

    def given(self) -> bool:
        """In the child: has the parent said enough? (a poll of the pipe, a microsecond or so)"""
        if not self._given:
            import select

            poll = select.poll()
            poll.register(self._read, select.POLLIN)
            self._given = bool(poll.poll(0))
        return self._given

    def close(self) -> None:
        """In the parent, once the child is done: release the pipe."""
        for fd in (self._read, self._write):
            with contextlib.suppress(OSError):
                os.close(fd)
        self._read = self._write = -1


class Handoff:
    """Integers a parent hands to the child it forks next, once it has them, without waiting.

    Made before the fork with room for ``capacity`` integers (what the parent will hand over
    cannot be more): the parent writes them into memory both processes share and says so on a
    pipe, so it never blocks on a child that is busy elsewhere; the child reads them when it
    comes to need them, waiting if they are not there yet. ``None`` to the child means none
    will come (the parent closed its end, or is gone).
    """

    def __init__(self, capacity: int) -> None:
        import mmap

        self._capacity = capacity
        self._map = mmap.mmap(-1, 8 * (capacity + 1))
        self._read, self._write = os.pipe()

    def in_child(self) -> None:
        """First thing in the child: let go of the parent's end (so a parent gone reads as None)."""
        with contextlib.suppress(OSError):
            os.close(self._write)
        self._write = -1

    def in_parent(self) -> None:
        """Right after forking, in the parent: let go of the child's end."""
        with contextlib.suppress(OSError):
            os.close(self._read)
        self._read = -1

    def give(self, values: list[int]) -> bool:
        """In the parent: hand ``values`` over (once); False, and nothing handed, if they are more
        than ``capacity``."""
        from array import array

        if len(values) > self._capacity:
            return False
        self._map[:8] = len(values).to_bytes(8, "little")
        self._map[8:8 + 8 * len(values)] = array("q", values).tobytes()
        with contextlib.suppress(OSError):
            os.write(self._write, b"!")
        return True

    def take(self) -> list[int] | None:
        """In the child: the values, waiting for them; None if the parent hands none over."""
        from array import array

        try:
            if os.read(self._read, 1) != b"!":
                return None
        except OSError:
            return None
        count = int.from_bytes(self._map[:8], "little")
        values = array("q")
        values.frombytes(self._map[8:8 + 8 * count])
        return values.tolist()

    def close(self) -> None:
        """Release the pipe and the shared memory (in either process, once done)."""
        for fd in (self._read, self._write):
            if fd >= 0:
                with contextlib.suppress(OSError):
                    os.close(fd)
        self._read = self._write = -1
        with contextlib.suppress(BufferError, ValueError):
            self._map.close()


def room_for(characters: int) -> int:
    """The shared room (see :class:`ForkedParse`) for what a child sends about a text of this many
    characters: its UTF-8 at most (4 bytes a character), and a megabyte (a long article's results
    take 0.6 bytes a character; only the bytes written are allocated)."""
    return 4 * characters + (1 << 20)


def _room(size: int) -> mmap.mmap | None:
    """Shared memory of ``size`` bytes for a child's messages (see :class:`ForkedParse`), or None."""
    if size <= 0:
        return None
    import mmap

    try:
        return mmap.mmap(-1, size)
    except (OSError, ValueError, OverflowError):
        return None


def _send(out: BinaryIO, made: object, room: mmap.mmap | None = None) -> None:
    """One message to the parent: a head of 16 bytes, the length of ``made`` pickled and where it
    starts in ``room`` (pickled straight into it, after the messages before), or -1 when the
    pickle follows the head in the pipe (no room, or not enough left)."""
    if room is not None:
        at = room.tell()
        try:
            pickle.dump(made, room, protocol=pickle.HIGHEST_PROTOCOL)
        except ValueError:  # (writing past its end: no room left)
            room.seek(at)
        else:
            out.write((room.tell() - at).to_bytes(8, "little") + at.to_bytes(8, "little", signed=True))
            return
    data = pickle.dumps(made, protocol=pickle.HIGHEST_PROTOCOL)
    out.write(len(data).to_bytes(8, "little") + (-1).to_bytes(8, "little", signed=True))
    out.write(data)


def _received(pipe: io.RawIOBase, room: mmap.mmap | None = None) -> Any:
    """One message from the child (see :func:`_send`), or None if it failed before it was whole."""
    try:
        head = _exactly(pipe, 16)
        if head is None:
            return None
        size, at = int.from_bytes(head[:8], "little"), int.from_bytes(head[8:], "little", signed=True)
        if at >= 0:
            if room is None or at + size > len(room):
                return None
            with memoryview(room) as shared, shared[at:at + size] as data:
                return pickle.loads(data)
        data = _exactly(pipe, size)
        return pickle.loads(data) if data is not None else None
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError, MemoryError):
        return None


def _exactly(pipe: io.RawIOBase, size: int) -> bytearray | None:
    """``size`` bytes read from ``pipe`` (each read takes what the pipe holds, and no more), or
    None if it ends before."""
    data = bytearray(size)
    view, got = memoryview(data), 0
    while got < size:
        count = pipe.readinto(view[got:])
        if not count:
            return None
        got += count
    return data


def _reap(pid: int) -> None:
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)
    _LIVE.discard(pid)


def can_fork() -> bool:
    """True where a child process can be forked (not on Windows)."""
    return hasattr(os, "fork")
