"""The Library API the CLI and the app build on."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import orjson
import pytest

from reader.document import Article, load
from reader.errors import ReaderError
from reader.store import Library, Status, article_id, describe, normalize_tag


def _span(article: Article, quote: str) -> tuple[int, int]:
    start = article.text.index(quote)
    return start, start + len(quote)


def test_add_twice_keeps_one_record_with_a_stable_id(library: Library, article: Article) -> None:
    first = library.add_article(article, tags=["Politics"])
    second = library.add_article(article, tags=["economy"])
    assert first.id == second.id == article_id(article.source)
    assert len(library.articles()) == 1
    assert second.tags == ("politics", "economy")
    assert second.added == first.added
    assert library.get_article(article.source) == second
    assert library.get_article(first.id) == second
    assert library.get_article("nope") is None
    with pytest.raises(ReaderError, match="not in the library"):
        library.article("nope")


def test_record_holds_metadata_but_not_the_body(library: Library, article: Article) -> None:
    record = library.add_article(article)
    assert record.title == article.title and record.format == "text"
    assert record.length == len(article.text) and len(record.text_hash) == 64
    assert library.stored_text(record.id) is None


def test_store_text_keeps_the_body_in_its_own_table(library: Library, article: Article, db: Path) -> None:
    record = library.add_article(article, store_text=True)
    assert library.stored_text(record.id) == article.text
    data = orjson.loads(db.read_bytes())
    assert "text" not in data["articles"][record.id]
    assert data["texts"][record.id]["text"] == article.text


def test_standard_input_cannot_be_added(library: Library) -> None:
    with pytest.raises(ReaderError, match="standard input"):
        library.add_article(Article(title="x", text="y", blocks=[], source="-"))


def test_list_filters_and_sorts(library: Library, write_article: Callable[..., Path]) -> None:
    zed = library.add_article(load(str(write_article("z.txt", title="Zebra news"))), tags=["animals"])
    apple = library.add_article(load(str(write_article("a.txt", title="Apple harvest"))))
    assert [r.id for r in library.articles(sort="title")] == [apple.id, zed.id]
    assert [r.id for r in library.articles(sort="added")] == [apple.id, zed.id]  # newest first
    assert [r.id for r in library.articles(tag="#Animals")] == [zed.id]
    assert [r.id for r in library.articles(query="A.TXT")] == [apple.id]
    library.mark_opened(zed.id)
    assert library.articles(sort="opened")[0].id == zed.id
    with pytest.raises(ReaderError, match="unknown sort"):
        library.articles(sort="colour")


def test_position_and_progress(library: Library, article: Article) -> None:
    record = library.add_article(article)
    updated = library.set_position(record.id, len(article.text) // 2)
    assert 0.49 < updated.progress < 0.51
    assert library.set_position(record.id, 10**9).progress == 1.0
    opened = library.mark_opened(record.id, position=5)
    assert opened.position == 5 and opened.last_opened


def test_notes_round_trip_with_w3c_selectors(library: Library, article: Article, db: Path) -> None:
    record = library.add_article(article)
    start, end = _span(article, "the figures did not add up")
    note = library.add_note(record.id, start, end, article.text, note="  check\x1b[31m this  ", tags=["#Audit"])
    assert note.quote == "the figures did not add up" and note.note == "check this"
    assert note.tags == ("audit",) and note.status is Status.ANCHORED
    stored = orjson.loads(db.read_bytes())["notes"][note.id]
    assert stored["target"]["selector"] == describe(article.text, start, end).to_w3c()
    assert library.get_note(note.id) == note
    assert library.notes_for(record.id) == [note]
    assert library.note_counts() == {record.id: 1}


def test_note_needs_a_known_article_and_a_real_passage(library: Library, article: Article) -> None:
    record = library.add_article(article)
    with pytest.raises(ReaderError, match="not in the library"):
        library.add_note("unknown", 0, 5, article.text)
    with pytest.raises(ReaderError, match="non-empty range"):
        library.add_note(record.id, 10, 10, article.text)


def test_update_delete_and_restore_a_note(library: Library, article: Article) -> None:
    record = library.add_article(article)
    note = library.add_note(record.id, *_span(article, "the audit"), article.text, note="one")
    changed = library.update_note(note.id, note="two", tags=["x", "#Y"])
    assert (changed.note, changed.tags) == ("two", ("x", "y"))
    gone = library.delete_note(note.id)
    assert library.get_note(note.id) is None and library.notes_for(record.id) == []
    library.restore_note(gone)
    assert library.note(note.id) == changed
    with pytest.raises(ReaderError, match="no such note"):
        library.delete_note("missing")


def test_notes_for_reanchors_against_new_text(library: Library, article: Article) -> None:
    record = library.add_article(article)
    kept = library.add_note(record.id, *_span(article, "the figures did not add up"), article.text)
    lost = library.add_note(record.id, *_span(article, "Markets were calm"), article.text)
    new_text = "Update: " + article.text.replace("Markets were calm; ", "")
    by_id = {n.id: n for n in library.notes_for(record.id, new_text)}
    assert by_id[kept.id].status is Status.MOVED
    assert new_text[by_id[kept.id].start:by_id[kept.id].end] == kept.quote
    assert by_id[lost.id].status is Status.ORPHANED
    # Not saved: the stored note is unchanged.
    assert library.note(kept.id).start == kept.start


def test_adding_a_changed_article_saves_reanchored_notes(library: Library, write_article: Callable[..., Path],
                                                         article: Article) -> None:
    record = library.add_article(article)
    note = library.add_note(record.id, *_span(article, "the opposition leader"), article.text)
    path = Path(article.source)
    path.write_text(path.read_text(encoding="utf-8").replace("Critics", "Many critics"), encoding="utf-8")
    changed = load(str(path))
    notes = library.sync_article(changed)
    assert notes[0].status is Status.MOVED
    assert changed.text[notes[0].start:notes[0].end] == "the opposition leader"
    assert library.note(note.id).start == notes[0].start
    assert library.article(record.id).text_hash != record.text_hash
    # Syncing again with the same text changes nothing.
    assert library.sync_article(changed) == notes


def test_tags_rename_merge_delete(library: Library, article: Article, write_article: Callable[..., Path]) -> None:
    one = library.add_article(article, tags=["war", "syria"])
    two = library.add_article(load(str(write_article("b.txt"))), tags=["conflict"])
    note = library.add_note(one.id, *_span(article, "the audit"), article.text, tags=["war"])
    assert library.all_tags() == {"conflict": 1, "syria": 1, "war": 2}
    assert library.rename_tag("#War", "Armed conflict") == 2
    assert library.article(one.id).tags == ("armed-conflict", "syria")
    assert library.note(note.id).tags == ("armed-conflict",)
    assert library.merge_tags(["conflict"], "armed-conflict") == 1
    assert library.article(two.id).tags == ("armed-conflict",)
    assert library.all_tags() == {"armed-conflict": 3, "syria": 1}
    assert library.delete_tag("syria") == 1
    assert "syria" not in library.all_tags()
    library.untag_article(two.id, ["armed-conflict"])
    library.tag_note(note.id, ["extra"])
    assert library.untag_note(note.id, ["armed-conflict"]).tags == ("extra",)


def test_remove_and_restore_an_article(library: Library, article: Article) -> None:
    record = library.add_article(article, store_text=True)
    note = library.add_note(record.id, *_span(article, "the audit"), article.text)
    removed = library.remove_article(record.id)
    assert library.articles() == [] and library.all_notes() == []
    library.restore_article(removed)
    assert library.article(record.id) == record and library.note(note.id) == note
    assert library.stored_text(record.id) == article.text


def test_settings(library: Library) -> None:
    assert library.get_setting("theme", "default") == "default"
    library.set_setting("theme", "paper")
    library.set_setting("width", 72)
    assert library.get_setting("theme") == "paper"
    assert library.settings() == {"theme": "paper", "width": 72}


@pytest.mark.parametrize(("raw", "tag"), [("#Politics", "politics"), ("  middle   east ", "middle-east"),
                                          ("##a\x1b[31mb", "ab"), ("Über", "über")])
def test_normalize_tag(raw: str, tag: str) -> None:
    assert normalize_tag(raw) == tag


@pytest.mark.parametrize("raw", ["", "#", "  ", "\x1b[0m", "x" * 65])
def test_bad_tags_are_refused(raw: str) -> None:
    with pytest.raises(ReaderError):
        normalize_tag(raw)


def test_threads_sharing_one_library_lose_nothing(library: Library, article: Article) -> None:
    import threading

    record = library.add_article(article)
    start, end = _span(article, "the budget")
    ids: list[str] = []

    def work() -> None:
        for _ in range(10):
            ids.append(library.add_note(record.id, start, end, article.text).id)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(ids)) == 40
    assert {n.id for n in Library.open(library.path).all_notes()} == set(ids)


def test_default_library_lives_in_the_user_data_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                       article: Article) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    library = Library.open()
    library.add_article(article)
    assert library.path == (tmp_path / "data" / "reader" / "library.json").resolve()
    assert library.path.exists()


def test_changed_on_disk_reports_other_writers_only(db: Path, article: Article) -> None:
    mine, other = Library.open(db), Library.open(db)
    record = mine.add_article(article)
    mine.articles()
    assert not mine.changed_on_disk()
    mine.set_setting("theme", "paper")  # our own write is not a change by someone else
    assert not mine.changed_on_disk()
    other.tag_article(record.id, ["x"])
    assert mine.changed_on_disk()
    assert not mine.changed_on_disk()
    assert mine.article(record.id).tags == ("x",)


def test_retag_replaces_what_the_user_edited_and_keeps_a_concurrent_addition(tmp_path) -> None:
    from reader.document import load

    path = tmp_path / "a.txt"
    path.write_text("A title line here\n\nBody.\n", encoding="utf-8")
    library = Library.open(tmp_path / "lib.json")
    record = library.add_article(load(str(path)), tags=["old", "keep"])
    Library.open(tmp_path / "lib.json").tag_article(record.id, ["meanwhile"])  # another process
    updated = library.retag_article(record.id, ["keep", "New Tag"], seen=record.tags)
    assert updated.tags == ("keep", "meanwhile", "new-tag")
    assert "new-tag" in library.all_tags()
