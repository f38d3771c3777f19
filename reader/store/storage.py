"""A TinyDB storage that never leaves a half-written file and never loses another process's write.

TinyDB's ``JSONStorage`` rewrites the file in place (a crash leaves a file that does not load)
and knows nothing of other processes. This storage:

- writes atomically: the whole database goes to a temporary file in the same folder, which is
  fsynced, renamed over the library with ``os.replace`` and the folder fsynced, so the file on
  disk is always either the old or the new version; it keeps the file's permission bits;
- serialises with orjson (UTF-8) and keeps the parsed data in memory, re-parsing only when the
  file changed since this process last read or wrote it (inode, size, ``mtime_ns`` and a random
  write token at the head of the file, which guards against coarse timestamps);
- allows writes only inside :meth:`AtomicJSONStorage.transaction`, which holds a cross-process
  lock (``<file>.lock``, via filelock), re-reads the file first, and writes once at the end;
- refuses, and never overwrites, a file that does not parse, has the wrong shape or a newer
  schema version (see :mod:`reader.store.schema`);
- removes temporary files left behind by a crashed writer (under the lock, so never a live one).
"""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import secrets
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import filelock
import orjson
from tinydb.storages import Storage

from reader.errors import ReaderError
from reader.store import schema

WRITE_TOKEN = "_write"
_HEAD = b'{"' + WRITE_TOKEN.encode() + b'":"'
_MISSING = ("missing",)
_NEW_FILE_MODE = 0o600  # notes are private until the user says otherwise


class AtomicJSONStorage(Storage):
    """Atomic, locked, cached JSON storage for one library file (see the module docstring)."""

    def __init__(self, path: str | os.PathLike[str], *, lock_timeout: float = 10.0) -> None:
        super().__init__()
        self.path = Path(os.path.realpath(os.fspath(path)))
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self._file_lock = filelock.FileLock(self.lock_path, timeout=lock_timeout, thread_local=False,
                                            poll_interval=0.005, preserve_lock_file=True)
        self._mutex = threading.RLock()
        self._data: dict[str, Any] | None = None
        self._key: tuple[int, ...] | tuple[str] | None = None
        self._token: bytes | None = None
        self._depth = 0
        self._dirty = False
        self._poisoned = False
        self._cleaned = False
        self.parses = 0  # how many times the file was parsed (for tests and benchmarks)

    @property
    def mutex(self) -> threading.RLock:
        """The in-process lock every reader of the cached data holds (threads share the cache)."""
        return self._mutex

    @property
    def in_transaction(self) -> bool:
        """True inside :meth:`transaction` (in the thread that holds it)."""
        return self._depth > 0 and self._mutex._is_owned()  # type: ignore[attr-defined]

    def refresh(self) -> bool:
        """Re-read the file if it changed on disk; True if it did (e.g. another process wrote)."""
        with self._mutex:
            before = (self._key, self._token)
            self._refresh()
            return (self._key, self._token) != before

    # -- TinyDB's interface ------------------------------------------------------------------

    def read(self) -> dict[str, Any]:
        """The current tables; outside a transaction, re-parsed first if the file changed."""
        with self._mutex:
            if self._depth == 0 or self._data is None:
                self._refresh()
            assert self._data is not None
            return self._data

    def write(self, data: dict[str, Any]) -> None:
        """Stage ``data``; it reaches the disk when the enclosing transaction ends."""
        with self._mutex:
            if self._depth == 0:
                raise RuntimeError("AtomicJSONStorage.write outside a transaction: use storage.transaction()")
            self._data = data
            self._dirty = True

    def close(self) -> None:
        """Forget the cached data (the lock is only ever held inside a transaction)."""
        with self._mutex:
            self._invalidate()

    # -- transactions ------------------------------------------------------------------------

    def mark_dirty(self) -> None:
        """Say that the data returned by :meth:`read` was changed in place and must be saved."""
        with self._mutex:
            if self._depth == 0:
                raise RuntimeError("mark_dirty outside a transaction")
            self._dirty = True

    @contextlib.contextmanager
    def transaction(self) -> Iterator[dict[str, Any]]:
        """Lock the file, re-read it, yield the tables, and save them once if anything changed.

        Nested transactions join the outer one. If the block raises, nothing is written and
        the cached data is dropped (it may hold half-made changes); the next read re-parses.
        Raises :class:`ReaderError` when the lock cannot be taken or the save fails; the file
        on disk is then unchanged.
        """
        with self._mutex:
            if self._depth:
                self._depth += 1
                try:
                    yield self.read()
                except BaseException:
                    self._poisoned = True
                    raise
                finally:
                    self._depth -= 1
                return
            self._acquire()
            try:
                self._refresh()
                if not self._cleaned:
                    self._remove_stale_temp_files()
                    self._cleaned = True
                self._depth, self._dirty, self._poisoned = 1, False, False
                try:
                    yield self.read()
                except BaseException:
                    self._invalidate()
                    raise
                if self._poisoned:
                    self._invalidate()
                    raise RuntimeError("a nested change failed; nothing was saved")
                if self._dirty:
                    try:
                        self._commit()
                    except BaseException:  # whatever failed, the cache must not keep unsaved changes
                        self._invalidate()
                        raise
            finally:
                self._depth = 0
                self._dirty = False
                self._file_lock.release()

    def _acquire(self) -> None:
        if not self.path.parent.is_dir():
            raise ReaderError(f"{self.path}: the folder {self.path.parent} does not exist")
        try:
            self._file_lock.acquire()
        except filelock.Timeout:
            raise ReaderError(f"{self.path}: the library is busy (another reader holds {self.lock_path}); "
                              "try again") from None
        except OSError as exc:
            raise ReaderError(f"{self.path}: cannot lock the library ({exc.strerror or exc}); "
                              "is the folder read-only?") from None

    # -- reading -----------------------------------------------------------------------------

    def _invalidate(self) -> None:
        self._data = None
        self._key = None
        self._token = None

    def _refresh(self) -> None:
        """Make the cache match the file, parsing it only when it changed."""
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            if self._data is None or self._key != _MISSING:
                self._data, self._key, self._token = schema.new_database(), _MISSING, None
            return
        except OSError as exc:
            raise ReaderError(f"{self.path}: cannot read the library ({exc.strerror or exc})") from None
        if self._data is not None and self._key == _stat_key(st) and self._head_matches():
            return
        self._load()

    def _head_matches(self) -> bool:
        if self._token is None:
            return True
        expected = _HEAD + self._token + b'"'
        try:
            with open(self.path, "rb") as handle:
                return handle.read(len(expected)) == expected
        except OSError:
            return False

    def _load(self) -> None:
        self._invalidate()
        try:
            with open(self.path, "rb") as handle:
                st = os.fstat(handle.fileno())
                raw = handle.read()
        except FileNotFoundError:  # replaced between stat and open: try once more from scratch
            self._refresh()
            return
        except OSError as exc:
            raise ReaderError(f"{self.path}: cannot read the library ({exc.strerror or exc})") from None
        if not raw.strip():
            raise schema.refuse(self.path, "the file is empty")
        try:
            data = orjson.loads(raw)
        except orjson.JSONDecodeError as exc:
            raise schema.refuse(self.path, f"not valid JSON ({str(exc).splitlines()[0][:80]})") from None
        token = data.pop(WRITE_TOKEN, None) if isinstance(data, dict) else None
        schema.check(data, self.path)
        self.parses += 1
        self._data = data
        self._key = _stat_key(st)
        self._token = token.encode() if isinstance(token, str) and token.isalnum() else None

    # -- writing -----------------------------------------------------------------------------

    def _commit(self) -> None:
        """Write the staged data atomically; on failure the old file stays as it was."""
        assert self._data is not None
        token = secrets.token_hex(8)
        try:
            payload = orjson.dumps({WRITE_TOKEN: token, **self._data})
        except orjson.JSONEncodeError as exc:
            self._invalidate()
            raise ReaderError(f"{self.path}: could not save: {exc} (nothing was written)") from None
        existing: os.stat_result | None
        try:
            existing = os.stat(self.path)
        except FileNotFoundError:
            existing = None
        if existing is not None and not os.access(self.path, os.W_OK):
            self._invalidate()
            raise ReaderError(f"{self.path}: the library file is read-only; nothing was saved")
        tmp = self.path.with_name(f".{self.path.name}.{secrets.token_hex(6)}.tmp")
        replaced = False
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0),
                         _NEW_FILE_MODE)
            try:
                _write_all(fd, payload)
                if existing is not None:
                    os.fchmod(fd, existing.st_mode & 0o7777)
                    if (existing.st_uid, existing.st_gid) != (os.geteuid(), os.getegid()):
                        with contextlib.suppress(OSError):
                            os.fchown(fd, existing.st_uid, existing.st_gid)
                os.fsync(fd)
                st = os.fstat(fd)
            finally:
                os.close(fd)
            os.replace(tmp, self.path)
            replaced = True
            _fsync_folder(self.path.parent)
        except OSError as exc:
            if not replaced:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
            self._invalidate()
            reason = exc.strerror or str(exc)
            if replaced:
                raise ReaderError(f"{self.path}: saved, but the folder could not be synced ({reason})") from None
            raise ReaderError(f"{self.path}: could not save the library ({reason}); "
                              "the file on disk was not changed") from None
        self._key = _stat_key(st)
        self._token = token.encode()

    def _remove_stale_temp_files(self) -> None:
        """Delete temporary files a killed writer left behind (we hold the lock: none is live)."""
        pattern = os.path.join(glob.escape(str(self.path.parent)), f".{glob.escape(self.path.name)}.*.tmp")
        for leftover in glob.glob(pattern):
            with contextlib.suppress(OSError):
                os.unlink(leftover)


def _stat_key(st: os.stat_result) -> tuple[int, ...]:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def _write_all(fd: int, payload: bytes) -> None:
    view = memoryview(payload)
    while view:
        written = os.write(fd, view)
        if written <= 0:
            raise OSError(errno.EIO, "short write")
        view = view[written:]


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX needs the folder synced)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:  # e.g. platforms that cannot open folders; the rename is still atomic
        return
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP):
            raise
    finally:
        os.close(fd)
