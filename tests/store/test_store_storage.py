"""The library file: atomic writes, refusing files it cannot understand, failures that change nothing."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import orjson
import pytest

from reader.document import Article
from reader.errors import ReaderError
from reader.store import Library, LibraryFileError, schema
from reader.store.storage import AtomicJSONStorage


def _note(library: Library, article: Article, quote: str = "the budget", note: str = "") -> str:
    record = library.add_article(article)
    start = article.text.index(quote)
    return library.add_note(record.id, start, start + len(quote), article.text, note=note).id


def test_new_library_is_created_on_first_write_only(db: Path, article: Article) -> None:
    library = Library.open(db)
    assert library.articles() == [] and not db.exists()
    library.add_article(article)
    assert db.exists()
    data = orjson.loads(db.read_bytes())
    assert data["_meta"]["schema"]["version"] == schema.SCHEMA_VERSION
    assert set(schema.TABLES) <= set(data)
    assert stat.S_IMODE(db.stat().st_mode) == 0o600


def test_file_is_utf8_json_and_never_holds_the_body(db: Path, article: Article) -> None:
    library = Library.open(db)
    _note(library, article, note="café — naïve ✓")
    raw = db.read_bytes()
    assert "café — naïve ✓".encode() in raw
    assert article.text[200:260].encode() not in raw  # the body is not there


def test_keeps_the_file_permissions(db: Path, article: Article) -> None:
    library = Library.open(db)
    library.add_article(article)
    os.chmod(db, 0o640)
    _note(library, article)
    assert stat.S_IMODE(db.stat().st_mode) == 0o640


def test_unchanged_file_is_not_parsed_again(db: Path, article: Article) -> None:
    library = Library.open(db)
    _note(library, article)
    parses = library.storage.parses
    for _ in range(5):
        library.notes_for(library.articles()[0].id)
        _note(library, article, quote="the figures")
    assert library.storage.parses == parses


def test_a_change_by_another_process_is_seen(db: Path, article: Article) -> None:
    first, second = Library.open(db), Library.open(db)
    a = _note(first, article)
    b = _note(second, article, quote="the figures")  # re-reads, so it keeps ``a``
    c = _note(first, article, quote="the audit")  # re-reads, so it keeps ``b``
    assert {n.id for n in Library.open(db).all_notes()} == {a, b, c}
    assert {n.id for n in first.all_notes()} == {a, b, c}


def test_a_rewrite_with_the_same_size_and_mtime_is_still_noticed(db: Path, article: Article) -> None:
    # Coarse timestamps: another write may keep size and mtime; inode and write token still differ.
    first, second = Library.open(db), Library.open(db)
    nid = _note(first, article, note="aaaa")
    assert first.note(nid).note == "aaaa"
    before = os.stat(db)
    second.update_note(nid, note="bbbb")
    os.utime(db, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert first.note(nid).note == "bbbb"


def test_leftover_temp_files_are_removed(db: Path, article: Article) -> None:
    library = Library.open(db)
    library.add_article(article)
    stale = db.with_name(f".{db.name}.deadbeef0000.tmp")
    stale.write_bytes(b'{"half": ')
    other = db.with_name(".other.json.abc.tmp")
    other.write_bytes(b"keep")
    Library.open(db).set_setting("theme", "dark")
    assert not stale.exists() and other.exists()


BAD_FILES = {
    "corrupt": b'{"_meta": {"schema": {"version": 1}}, "notes": {"a": {"x": 1}}}}garbage',
    "truncated": b'{"_write":"abc","_meta":{"schema":{"version":1}},"notes":{"n1":{"note":"hel',
    "empty": b"",
    "blank": b"  \n",
    "not-json": b"this is not json at all\n",
    "binary": bytes(range(256)),
    "json-list": b"[1, 2, 3]",
    "no-schema": b'{"notes": {}}',
    "wrong-shape-table": b'{"_meta": {"schema": {"version": 1}}, "notes": [1, 2]}',
    "wrong-shape-record": b'{"_meta": {"schema": {"version": 1}}, "notes": {"n1": "text"}}',
    "bad-version": b'{"_meta": {"schema": {"version": "one"}}}',
    "future-version": b'{"_meta": {"schema": {"version": 99}}, "notes": {}}',
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_files_are_refused_and_left_untouched(name: str, db: Path, article: Article) -> None:
    content = BAD_FILES[name]
    db.write_bytes(content)
    before = os.stat(db)
    with pytest.raises(LibraryFileError) as caught:
        Library.open(db).add_article(article)
    message = str(caught.value)
    assert "\n" not in message and str(db) in message
    assert "--db" in message
    if name == "future-version":
        assert "newer" in message
    assert db.read_bytes() == content
    assert os.stat(db).st_mtime_ns == before.st_mtime_ns


def test_a_file_damaged_while_open_is_not_overwritten(db: Path, article: Article) -> None:
    library = Library.open(db)
    nid = _note(library, article)
    db.write_bytes(b'{"_meta": {"schema": {"version": 1}}, "notes": {"x"')
    with pytest.raises(LibraryFileError):
        library.update_note(nid, note="changed")
    with pytest.raises(LibraryFileError):
        library.all_notes()
    assert db.read_bytes() == b'{"_meta": {"schema": {"version": 1}}, "notes": {"x"'


def test_a_newer_reader_upgrading_the_file_stops_older_writes(db: Path, article: Article) -> None:
    library = Library.open(db)
    nid = _note(library, article)
    data = orjson.loads(db.read_bytes())
    data["_meta"]["schema"]["version"] = schema.SCHEMA_VERSION + 1
    db.write_bytes(orjson.dumps(data))
    content = db.read_bytes()
    with pytest.raises(LibraryFileError, match="newer"):
        library.update_note(nid, note="x")
    assert db.read_bytes() == content


def _fail_after(monkeypatch: pytest.MonkeyPatch, name: str, calls: int, error: int) -> None:
    """Make ``os.<name>`` fail with ``error`` after ``calls`` successful calls."""
    real = getattr(os, name)
    count = {"n": 0}

    def fake(*args: object, **kwargs: object) -> object:
        count["n"] += 1
        if count["n"] > calls:
            raise OSError(error, os.strerror(error))
        if name == "write":  # a partial write first, as a filling disk does
            fd, data = args
            return real(fd, bytes(data)[: max(1, len(data) // 2)])  # type: ignore[arg-type]
        return real(*args, **kwargs)

    monkeypatch.setattr(os, name, fake)


@pytest.mark.parametrize(("name", "calls"), [("write", 0), ("write", 1), ("fsync", 0)])
def test_full_disk_never_damages_the_file(name: str, calls: int, db: Path, article: Article,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    library = Library.open(db)
    kept = _note(library, article)
    content = db.read_bytes()
    with monkeypatch.context() as patch:
        _fail_after(patch, name, calls, errno.ENOSPC)
        with pytest.raises(ReaderError, match="No space left") as caught:
            _note(library, article, quote="the figures")
    assert "not changed" in str(caught.value)
    assert db.read_bytes() == content
    assert [p.name for p in db.parent.iterdir() if p.name.endswith(".tmp")] == []
    # The library is still usable and shows what is really on disk.
    assert [n.id for n in library.all_notes()] == [kept]
    third = _note(library, article, quote="the audit")
    assert {n.id for n in Library.open(db).all_notes()} == {kept, third}


def test_read_only_folder_never_damages_the_file(db: Path, article: Article,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    library = Library.open(db)
    kept = _note(library, article)
    content = db.read_bytes()
    real_open = os.open

    def refuse_temp(path: object, flags: int, mode: int = 0o777, **kwargs: object) -> int:
        if str(path).endswith(".tmp"):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
        return real_open(path, flags, mode, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refuse_temp)
    with pytest.raises(ReaderError, match="Read-only file system"):
        _note(library, article, quote="the figures")
    monkeypatch.undo()
    assert db.read_bytes() == content
    assert [n.id for n in library.all_notes()] == [kept]


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions")
def test_really_read_only_folder(db: Path, article: Article) -> None:  # pragma: no cover - needs non-root
    library = Library.open(db)
    _note(library, article)
    content = db.read_bytes()
    os.chmod(db.parent, 0o555)
    try:
        with pytest.raises(ReaderError):
            _note(library, article, quote="the figures")
    finally:
        os.chmod(db.parent, 0o755)
    assert db.read_bytes() == content


def test_read_only_file_is_not_replaced(db: Path, article: Article, monkeypatch: pytest.MonkeyPatch) -> None:
    library = Library.open(db)
    _note(library, article)
    content = db.read_bytes()
    monkeypatch.setattr(os, "access", lambda path, mode, **kw: mode != os.W_OK)
    with pytest.raises(ReaderError, match="read-only"):
        _note(library, article, quote="the figures")
    assert db.read_bytes() == content


def test_missing_folder_is_a_one_line_error(tmp_path: Path, article: Article) -> None:
    library = Library.open(tmp_path / "nowhere" / "lib.json")
    with pytest.raises(ReaderError, match="does not exist"):
        library.add_article(article)


def test_writes_outside_a_transaction_are_refused(db: Path) -> None:
    storage = AtomicJSONStorage(db)
    with pytest.raises(RuntimeError):
        storage.write(schema.new_database())


def test_a_failing_batch_saves_nothing(db: Path, article: Article) -> None:
    library = Library.open(db)
    kept = _note(library, article)
    content = db.read_bytes()
    with pytest.raises(KeyError), library.batch():
        _note(library, article, quote="the figures")
        raise KeyError("boom")
    assert db.read_bytes() == content
    assert [n.id for n in library.all_notes()] == [kept]


def test_old_schema_is_migrated_with_a_backup(db: Path, article: Article, monkeypatch: pytest.MonkeyPatch) -> None:
    library = Library.open(db)
    nid = _note(library, article)
    old = db.read_bytes()

    def add_colour(data: dict[str, dict[str, dict[str, object]]]) -> None:
        for note in data["notes"].values():
            note["colour"] = "yellow"

    monkeypatch.setattr(schema, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(schema, "MIGRATIONS", {1: add_colour})
    upgraded = Library.open(db)
    data = orjson.loads(db.read_bytes())
    assert data["_meta"]["schema"]["version"] == 2
    assert data["notes"][nid]["colour"] == "yellow"
    assert "2" in data["migrations"]
    assert db.with_name(db.name + ".schema1.bak").read_bytes() == old
    assert upgraded.note(nid).quote == "the budget"
