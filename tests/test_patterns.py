"""The cache of compiled regular expressions gives exactly what ``re.compile`` gives (reader.patterns).

A compiled pattern compares equal to another only if their pattern, flags and engine code are the
same, so ``==`` against ``re.compile`` checks the cached code itself, not just a few matches.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import platformdirs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader import patterns

pytestmark = pytest.mark.skipif(not patterns.USABLE, reason="this Python's re is not one reader.patterns feeds")

SAMPLES = [
    (r"(?P<who>[A-Z]\w+)\s+(?:said|says)\b", 0),
    (r"(?<![\w’'-])(?:according to|told)(?![\w’'-])", re.IGNORECASE),
    (r"^ {0,3}(`{3,}|~{3,})", re.MULTILINE),
    (r"[\"“”„«»‘’'](?:(?<=')')?", 0),
    (r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL),
    (r"(a)(?P<b>b)?(?(b)c|d)", 0),
]


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache folder of its own and the module as a new process has it (nothing read or made yet)."""
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path / "cache"))
    new_process(monkeypatch)
    return tmp_path / "cache"


def new_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(patterns, "_made", {})
    monkeypatch.setattr(patterns, "_entries", None)
    monkeypatch.setattr(patterns, "_added", {})
    monkeypatch.setattr(patterns, "_used", set())
    monkeypatch.setattr(patterns, "_imports", {})


def test_every_pattern_reader_declares_equals_re_compile() -> None:
    import reader.analysis.engine  # noqa: F401 - imported for the patterns it declares
    import reader.document.loader  # noqa: F401
    import reader.document.markdown  # noqa: F401

    assert len(patterns._made) > 150
    for (pattern, flags), made in patterns._made.items():
        assert made == re.compile(pattern, flags), pattern


def test_a_saved_pattern_comes_back_from_the_file(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = [patterns.compile(pattern, flags) for pattern, flags in SAMPLES]
    assert not patterns.cache_file().exists()  # compiling never writes
    patterns.flush()
    assert patterns.cache_file().parent == fresh and patterns.cache_file().exists()

    new_process(monkeypatch)
    again = [patterns.compile(pattern, flags) for pattern, flags in SAMPLES]
    assert not patterns._added  # every one came from the file
    assert again == first == [re.compile(pattern, flags) for pattern, flags in SAMPLES]
    match = again[0].search("Then Smith said so")
    assert match is not None and match.group("who") == "Smith" and again[0].groupindex == {"who": 1}


def test_a_pattern_is_made_once_per_process(fresh: Path) -> None:
    assert patterns.compile(r"\w+") is patterns.compile(r"\w+")
    assert patterns.compile(r"\w+", re.IGNORECASE) is not patterns.compile(r"\w+")


@pytest.mark.parametrize("content", [b"", b"not a cache", b"\xe9" * 100])
def test_a_file_that_does_not_load_is_a_miss_and_is_replaced(fresh: Path, monkeypatch: pytest.MonkeyPatch,
                                                              content: bytes) -> None:
    fresh.mkdir()
    patterns.cache_file().write_bytes(content)
    made = patterns.compile(*SAMPLES[0])
    assert made == re.compile(*SAMPLES[0]) and patterns._added
    patterns.flush()
    new_process(monkeypatch)
    patterns.compile(*SAMPLES[0])
    assert not patterns._added


def test_another_interpreters_file_is_ignored(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import marshal

    patterns.compile(*SAMPLES[0])
    patterns.flush()
    key, entries = marshal.loads(patterns.cache_file().read_bytes())
    patterns.cache_file().write_bytes(marshal.dumps(((*key[:1], "another Python", *key[2:]), entries)))
    new_process(monkeypatch)
    assert patterns.compile(*SAMPLES[0]) == re.compile(*SAMPLES[0])
    assert patterns._added  # a miss: compiled afresh


def test_an_entry_the_engine_refuses_is_compiled_afresh(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import marshal

    pattern, flags = SAMPLES[0]
    patterns.compile(pattern, flags)
    patterns.flush()
    key, entries = marshal.loads(patterns.cache_file().read_bytes())
    flags_out, _code, groups, groupindex, indexgroup = entries[(pattern, flags)]
    entries[(pattern, flags)] = (flags_out, b"\xff\xff\xff\xff" * 3, groups, groupindex, indexgroup)
    entries[("x", 0)] = "not an entry"
    patterns.cache_file().write_bytes(marshal.dumps((key, entries)))
    new_process(monkeypatch)
    assert patterns.compile(pattern, flags) == re.compile(pattern, flags)
    assert patterns.compile("x") == re.compile("x")


def test_a_bad_pattern_raises_as_re_compile_does(fresh: Path) -> None:
    with pytest.raises(re.error):
        patterns.compile("(unclosed")


def test_a_folder_that_cannot_be_written_leaves_no_error(fresh: Path) -> None:
    fresh.parent.joinpath("cache").write_text("a file where the folder should be")
    patterns.compile(*SAMPLES[1])
    patterns.flush()  # nothing raised, nothing written
    assert fresh.is_file()


def test_flush_keeps_what_another_process_saved(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    patterns.compile(*SAMPLES[0])
    patterns.flush()
    new_process(monkeypatch)  # another process, which read nothing of the first one's
    monkeypatch.setattr(patterns, "_entries", {})
    patterns.compile(*SAMPLES[1])
    patterns.flush()
    new_process(monkeypatch)
    patterns.compile(*SAMPLES[0])
    patterns.compile(*SAMPLES[1])
    assert not patterns._added


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the folder is worked out by hand on Linux only")
@pytest.mark.parametrize("xdg", [None, "", "/tmp/some-cache"])
def test_the_cache_folder_is_platformdirs_one(monkeypatch: pytest.MonkeyPatch, xdg: str | None) -> None:
    monkeypatch.delenv("READER_CACHE_DIR")
    if xdg is None:
        monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_CACHE_HOME", xdg)
    assert patterns.cache_file().parent == Path(platformdirs.user_cache_dir("reader"))


PIECES = st.sampled_from([
    "a", "b", r"\w", r"\s+", r"\d{2,3}", "[a-c]", "[^x]", ".", "|", "(", ")", "(?:", "(?P<n>", "(?=",
    "(?<!a)", "*", "+?", "?", "^", "$", r"\b", "é", "’", "{1,2}", "[", "]",
])
FLAGS = st.sampled_from([0, re.IGNORECASE, re.MULTILINE | re.DOTALL, re.VERBOSE, re.ASCII])


@pytest.mark.filterwarnings("ignore::FutureWarning")  # ("possible nested set": the parser warns, both ways alike)
@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=12).map("".join), FLAGS)
def test_any_pattern_compiles_as_re_compile_would(pattern: str, flags: int) -> None:
    try:
        expected = re.compile(pattern, flags)
    except re.error:
        with pytest.raises(re.error):
            patterns._pieces(pattern, flags)
        return
    assert patterns._engine(pattern, patterns._pieces(pattern, flags)) == expected


def test_the_suite_keeps_the_cache_out_of_the_real_home() -> None:
    from tests.conftest import REAL_HOME

    assert not patterns.cache_file().resolve().is_relative_to(Path(REAL_HOME).resolve())


_DECLARED = """
import importlib, pkgutil, reader
from reader import patterns
for module in pkgutil.walk_packages(reader.__path__, "reader."):
    if not module.name.endswith("__main__"):
        try:
            importlib.import_module(module.name)
        except ImportError:  # (an optional engine's package missing)
            pass
print(sorted(patterns._made))
"""


def test_the_patterns_reader_declares_are_the_same_in_every_process(tmp_path: Path) -> None:
    """A pattern built from a set in the set's order would differ from one process to the next (string
    hashes are salted per process): never found in the cache, compiled and the file rewritten by
    every run, and the file growing by one entry each time."""
    import os
    import subprocess

    made = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "READER_CACHE_DIR": str(tmp_path / seed)}
        made.append(subprocess.run([sys.executable, "-c", _DECLARED], env=env, capture_output=True, text=True,
                                   check=True, cwd=Path(__file__).parent.parent).stdout)
    assert made[0] and made[0] == made[1]


_MODULE = """
import re
FIRST = re.compile(r"(?P<who>[A-Z]\\w+) (?:said|says)")
SECOND = re.compile(r"^ {0,3}(`{3,}|~{3,})", re.MULTILINE)
"""


def _fresh_import(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """As a new process: the module not imported and re's own cache without its patterns."""
    monkeypatch.delitem(sys.modules, name, raising=False)
    for key in [key for key in re._cache if isinstance(key[1], str) and key[1] in _MODULE]:  # type: ignore[attr-defined]
        del re._cache[key]  # type: ignore[attr-defined]


def test_a_warmed_import_finds_its_patterns_made_from_the_file(fresh: Path, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """What another package's import compiled is saved by flush; the next process puts it in re's
    cache before importing, where the module's own re.compile finds it: equal to what it compiles."""
    import importlib

    (tmp_path / "somebody_elses.py").write_text(_MODULE, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    _fresh_import("somebody_elses", monkeypatch)
    with patterns.warmed("somebody_elses"):
        first = importlib.import_module("somebody_elses")
    assert set(patterns._imports["somebody_elses"]) >= {(first.FIRST.pattern, 0), (first.SECOND.pattern, re.M)}
    patterns.flush()

    new_process(monkeypatch)
    _fresh_import("somebody_elses", monkeypatch)
    with patterns.warmed("somebody_elses"):
        assert (str, first.FIRST.pattern, 0) in re._cache  # type: ignore[attr-defined]  # (made before the import)
        again = importlib.import_module("somebody_elses")
    assert not patterns._imports and not patterns._added  # nothing compiled anew: nothing to save
    assert again.FIRST == first.FIRST == re.compile(first.FIRST.pattern)
    assert re.compile(first.SECOND.pattern, re.M) == again.SECOND
    assert again.FIRST.search("Then Smith said so").group("who") == "Smith"


def test_a_warmed_import_ignores_a_record_that_is_not_flushs(fresh: Path, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    (tmp_path / "somebody_elses.py").write_text(_MODULE, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    _fresh_import("somebody_elses", monkeypatch)
    monkeypatch.setattr(patterns, "_entries", {("somebody_elses", -1): ("x", 3, None, ("a", "b", "c")),
                                                (r"\w+", 0): ("not", "an", "entry")})
    with patterns.warmed("somebody_elses"):
        module = importlib.import_module("somebody_elses")
    assert re.compile(module.FIRST.pattern) == module.FIRST
    with patterns.warmed("somebody_elses"):  # (imported already: nothing to do)
        pass
