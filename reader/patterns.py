"""Reader's own regular expressions, compiled once per machine instead of once per process.

Python compiles a regular expression in Python code (a parser, then a code generator), and the
analysis and the document readers declare about 180 of them when they are imported: 0.04-0.05 s
of every ``reader analyze`` start, more than the rest of the engine's import. What the compiler
makes of a pattern is plain data, the regex engine's code (a list of integers) and the pattern's
groups, so :func:`compile` keeps it in a cache file and hands it straight to the engine the next
time (``_sre.compile``, the call ``re.compile`` itself ends with; the engine checks the code before
it takes it). It is the bytecode cache of regular expressions: the file is bound to the exact
interpreter and regex engine (version, engine magic and code size), an entry to its pattern and
flags, so anything that changed is a miss, compiled as ``re.compile`` would and saved for the
next process. A file that is missing, unreadable or not ours is ignored and, on a miss, replaced.

This reads three private pieces of :mod:`re` (``re._parser.parse``, ``re._compiler._code``,
``_sre.compile``) exactly as ``re._compiler.compile`` uses them in Python 3.11-3.13; elsewhere, or if
anything about them is unexpected, :func:`compile` is ``re.compile``. The tests check that every
pattern made here equals ``re.compile``'s (a compiled pattern compares its code).

Only constant patterns belong here (declared at import): one built from an article's text would
grow the file for nothing. Other packages' module-level patterns (markdown-it's) are served the
same way around their import (:func:`warmed`), through re's own cache of compiled patterns. The
file is written by :func:`flush`, which the command line calls as it ends; an import never writes.
It lives in the user's cache folder (``$READER_CACHE_DIR``, else platformdirs'
``user_cache_dir("reader")``, worked out by hand on Linux: importing platformdirs would cost a
quarter of what the cache saves).
"""

from __future__ import annotations

import _sre
import contextlib
import marshal
import os
import re
import sys
from array import array
from collections.abc import Iterator
from pathlib import Path

_FORMAT = 2
"""This module's file format: part of the key, so a change of it makes every entry a miss. (2: a
file of format 1 may hold many copies of one pattern that changed from process to process, fixed
since; such a file is replaced, not kept growing.)"""

_CODE = "I"
"""The array type of the engine's code words (the engine's ``CODESIZE`` bytes each)."""

_ENTRIES_KEPT = 4000
"""Beyond this many entries (old versions' patterns piling up), a flush keeps only this process's."""

USABLE = (3, 11) <= sys.version_info[:2] <= (3, 13) and array(_CODE).itemsize == getattr(_sre, "CODESIZE", 0) \
    and hasattr(re, "_parser") and hasattr(getattr(re, "_compiler", None), "_code")
"""Whether this interpreter's ``re`` is one this module knows how to feed; otherwise plain ``re.compile``."""

_KEY = (_FORMAT, sys.version, sys.implementation.cache_tag, getattr(_sre, "MAGIC", None), getattr(_sre, "CODESIZE", None))

Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]
"""What the engine needs besides the pattern: flags, code (as bytes), group count, name -> index, index -> name."""

_made: dict[tuple[str, int], re.Pattern[str]] = {}
_entries: dict[tuple[str, int], Entry] | None = None
_added: dict[tuple[str, int], Entry] = {}
_used: set[tuple[str, int]] = set()


def compile(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:  # noqa: A001 - re.compile's name, on purpose
    """``re.compile(pattern, flags)``, from the cache file when it holds ``pattern`` (see the module)."""
    key = (pattern, int(flags))
    made = _made.get(key)
    if made is None:
        made = _made[key] = _compiled(key) if USABLE and not key[1] & re.DEBUG else re.compile(pattern, flags)
    return made


_IMPORT = -1
"""The flags of an entry that lists what a module's import compiled (see :func:`warmed`): no pattern's."""
_imports: dict[str, list[tuple[str, int]]] = {}
"""Modules imported under :func:`warmed` this run -> the patterns their import compiled anew."""


@contextlib.contextmanager
def warmed(module: str) -> Iterator[None]:
    """Around the first import of another package's ``module``: the regular expressions that import
    compiled last time are made from the cache file and put where ``re.compile`` looks first (re's
    own cache of compiled patterns), so its module-level ``re.compile`` calls find them; what it
    compiles anew is noted, for :func:`flush` to save. markdown-it compiles some 70 patterns as it
    is imported (5-7 ms of each ``reader analyze`` start, before any work can be shared).

    Does nothing where this module feeds ``re.compile`` itself (see ``USABLE``), or once ``module``
    is imported. A pattern the engine refuses is left for ``re.compile`` to compile, as ever."""
    cache = getattr(re, "_cache", None)
    if not USABLE or module in sys.modules or not isinstance(cache, dict):
        yield
        return
    global _entries
    if _entries is None:
        _entries = _read()
    record = (module, _IMPORT)
    _used.add(record)
    recorded = _entries.get(record)
    for key in recorded if isinstance(recorded, tuple) else ():
        if not (isinstance(key, tuple) and len(key) == 2 and isinstance(key[0], str) and isinstance(key[1], int)):
            continue  # (not what flush writes: ignored, as any file not ours)
        entry = _entries.get(key)
        if entry is not None and (str, *key) not in cache:
            with contextlib.suppress(RuntimeError, TypeError, ValueError, IndexError, OverflowError):
                cache[str, key[0], key[1]] = _engine(key[0], entry)
                _used.add(key)
    before = set(cache)
    try:
        yield
    finally:
        new = [(key[1], key[2]) for key in cache if key not in before and key[0] is str and isinstance(key[2], int)]
        if new:
            _imports[module] = new


def cache_file() -> Path:
    """The cache file: ``$READER_CACHE_DIR``, else the user's cache folder, then ``patterns-<python>.bin``."""
    return _cache_dir() / f"patterns-{sys.implementation.cache_tag}.bin"


def flush() -> None:
    """Save the patterns this process compiled that the file lacked (nothing to do: nothing written).

    A temporary file renamed over the old one (no fsync: after a crash the file may be cut short,
    and a file that does not load is a miss like any other); the file is read again first, so what
    another process saved meanwhile is kept. A folder that cannot be written leaves things as they
    were: the cache only saves time.
    """
    global _entries
    for module, keys in _imports.items():  # (what a warmed import compiled anew: made here, once)
        known = (_entries or {}).get((module, _IMPORT))
        known = known if isinstance(known, tuple) else ()
        for key in keys:
            with contextlib.suppress(Exception):
                _added[key] = _pieces(*key)
                _used.add(key)
        _added[module, _IMPORT] = tuple(dict.fromkeys([*known, *keys]))  # type: ignore[assignment]
    _imports.clear()
    if not _added:
        return
    entries = {**_read(), **_added}
    if len(entries) > _ENTRIES_KEPT:
        entries = {key: entry for key, entry in entries.items() if key in _used}
    path = cache_file()
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(temporary, "wb") as out:
            out.write(marshal.dumps((_KEY, entries)))
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink()
        return
    _added.clear()
    _entries = entries


def _compiled(key: tuple[str, int]) -> re.Pattern[str]:
    global _entries
    if _entries is None:
        _entries = _read()
    _used.add(key)
    entry = _entries.get(key)
    if entry is not None:
        try:
            return _engine(key[0], entry)
        except (RuntimeError, TypeError, ValueError, IndexError, OverflowError):  # not code the engine takes
            pass
    try:
        entry = _pieces(*key)
        made = _engine(key[0], entry)
    except re.error:
        raise
    except Exception:  # noqa: BLE001 - anything unexpected in re's internals: the public way
        return re.compile(*key)
    _entries[key] = _added[key] = entry
    return made


def _engine(pattern: str, entry: Entry) -> re.Pattern[str]:
    flags, code, groups, groupindex, indexgroup = entry
    return _sre.compile(pattern, flags, array(_CODE, code).tolist(), groups, groupindex, indexgroup)


def _pieces(pattern: str, flags: int) -> Entry:
    """What ``re._compiler.compile`` hands the engine for ``pattern``, worked out the same way."""
    parsed = re._parser.parse(pattern, flags)  # type: ignore[attr-defined]
    code = re._compiler._code(parsed, flags)  # type: ignore[attr-defined]
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return int(flags | parsed.state.flags), array(_CODE, code).tobytes(), parsed.state.groups - 1, groupindex, \
        tuple(indexgroup)


def _read() -> dict[tuple[str, int], Entry]:
    """The file's entries; none if it is missing, unreadable, another interpreter's or not ours."""
    try:
        data = cache_file().read_bytes()
        key, entries = marshal.loads(data)
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return entries if key == _KEY and isinstance(entries, dict) else {}


def _cache_dir() -> Path:
    override = os.environ.get("READER_CACHE_DIR")
    if override:
        return Path(override).expanduser()
    if sys.platform.startswith("linux"):  # platformdirs' Unix rule: $XDG_CACHE_HOME if set, else ~/.cache
        base = os.environ.get("XDG_CACHE_HOME", "").strip()
        return Path(base or os.path.expanduser("~/.cache")) / "reader"
    import platformdirs

    return Path(platformdirs.user_cache_dir("reader"))
