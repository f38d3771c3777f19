"""Unit tests of the pieces behind the notes UI: sentence cursor, word snapping, tag completion,
and the library's stored copy of a page."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.document import parse_text
from reader.errors import ReaderError
from reader.store import Library
from reader.tui.screens.notes_reader import NOTE_MARK, gutter_mark
from reader.tui.screens.tag_input import TagSuggester, parse_tags
from reader.tui.widgets.selection import SentenceCursor, snap_to_words

TEXT = "One two three. Four five six.\n\nSeven eight. Nine ten."


def test_sentence_cursor_moves_selects_and_clamps() -> None:
    article = parse_text(TEXT, source="/x.txt")
    cursor = SentenceCursor()
    cursor.sync(article)
    assert cursor.passage() == (0, 14)
    assert cursor.move(-1) == (0, 14)  # clamped at the start
    cursor.move(1)
    cursor.start_selection()
    cursor.move(1)
    cursor.move(1)
    start, end = cursor.passage()  # type: ignore[misc]
    assert article.text[start:end] == "Four five six.\n\nSeven eight. Nine ten."
    cursor.move(-3)  # back past the anchor: the selection flips
    start, end = cursor.passage()  # type: ignore[misc]
    assert article.text[start:end] == "One two three. Four five six."
    cursor.clear()
    assert not cursor.selecting and cursor.passage() == (0, 14)
    assert cursor.move(10) == (article.text.index("Nine"), len(article.text))


def test_snap_to_words_widens_and_trims() -> None:
    text = "alpha beta gamma"
    assert snap_to_words(text, 2, 8) == (0, 10)
    assert snap_to_words(text, 5, 6) == (0, 10)  # from the end of one word into the next
    assert snap_to_words(text, 0, 100) == (0, len(text))


async def test_tag_suggester_completes_the_last_tag_only() -> None:
    suggester = TagSuggester(["politics", "ports", "city"])
    assert await suggester.get_suggestion("pol") == "politics"
    assert await suggester.get_suggestion("city, po") == "city, politics"
    assert await suggester.get_suggestion("city, #Ci") == "city, #City"  # what was typed stays
    assert await suggester.get_suggestion("city, ") is None
    assert await suggester.get_suggestion("politics") is None


def test_parse_tags_normalises_and_rejects_bad_ones() -> None:
    assert parse_tags("Politics, #city , politics,,") == ("politics", "city")
    with pytest.raises(ReaderError):
        parse_tags("x" * 100)


def test_stored_article_keeps_structure_and_falls_back_to_plain_text(tmp_path: Path) -> None:
    library = Library.open(tmp_path / "lib.json")
    article = parse_text("Three word title\n\nFirst paragraph here.\n\nSecond one.", source="https://e.org/a")
    record = library.add_article(article, store_text=True)
    stored = library.stored_article(record.id)
    assert stored is not None
    assert (stored.text, [b.kind for b in stored.blocks], stored.title) == (
        article.text, [b.kind for b in article.blocks], article.title)
    with library.batch():  # an older copy without its structure: paragraphs over the same text
        library._texts.update({"structure": None}, doc_ids=[record.id])
    plain = library.stored_article(record.id)
    assert plain is not None and plain.text == article.text
    assert [plain.text[b.start:b.end] for b in plain.blocks] == article.text.split("\n\n")
    assert library.stored_article("nope") is None


def test_gutter_mark_counts_notes_in_two_cells() -> None:
    assert [gutter_mark(n) for n in (1, 2, 9, 12)] == [NOTE_MARK, NOTE_MARK + "2", NOTE_MARK + "9", NOTE_MARK + "+"]
