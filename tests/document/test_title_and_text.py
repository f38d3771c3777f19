"""Title and text without blocks (what ``reader analyze`` needs): exactly what a whole parse gives.

The split parse hands the last chunks to a forked child; the joined text and the
title must not depend on where the halves meet.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.document import load
from reader.document.forked import ForkedParse
from reader.document.loader import load_title_and_text
from reader.document.markdown import MarkdownParser

PIECES = [
    "# Council votes on the budget",
    "## A second-level heading",
    "“We will not back down,” said Mayor Jo Banks. The council met on Tuesday.",
    "- first item\n- second item\n\n  continued item text",
    "1. one\n2. two",
    "> A quoted paragraph\n> over two lines",
    "```\ncode block\n\n# not a heading\n```",
    "---",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "Some *emphasis*, a [link](https://example.org) and `code`.",
    "Setext heading\n==============",
    "<div>raw html stays text</div>",
]


def _whole(source: str, size: int) -> tuple[str, str]:
    article = MarkdownParser(source, fallback_title="fallback", chunk_size=size, first_chunk_size=size).parse_all()
    return article.title, article.text


def _split(source: str, size: int) -> tuple[str, str]:
    parser = MarkdownParser(source, fallback_title="fallback", chunk_size=size, first_chunk_size=size)
    return parser.title_and_text(split=True)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=30), st.integers(min_value=20, max_value=400))
def test_split_parse_gives_the_whole_parse(pieces: list[str], size: int) -> None:
    source = "\n\n".join(pieces) + "\n"
    assert _split(source, size) == _whole(source, size)


@pytest.mark.parametrize("source", [
    "## Minor heading\n\n" + "Body text here.\n\n" * 40 + "# The real title\n\n" + "More text.\n\n" * 40,
    "---\n\n" + "Paragraph.\n\n" * 60,  # the first half holds only a rule
    "Paragraph.\n\n" * 60 + "---\n",  # the second half ends with only a rule
    "---\ntitle: From front matter\n---\n\n# Heading\n\n" + "Text.\n\n" * 60,
    "No headings at all.\n\n" * 60,
])
def test_titles_and_joins_match_at_the_edges(source: str) -> None:
    assert _split(source, 40) == _whole(source, 40)


def test_a_failed_child_is_made_up_for_here(monkeypatch: pytest.MonkeyPatch) -> None:
    source = "# Title\n\n" + "“Yes,” she said.\n\n" * 80
    real_result = ForkedParse.result

    def lost(self: ForkedParse) -> None:
        real_result(self)  # reap the child
        return None

    monkeypatch.setattr(ForkedParse, "result", lost)
    assert _split(source, 50) == _whole(source, 50)


def test_meanwhile_runs_once_and_formats_other_than_markdown_agree(tmp_path: Path) -> None:
    calls: list[int] = []
    for name, body in (("a.md", "# T\n\n" + "Para.\n\n" * 20000), ("b.txt", "Plain title\n\nSome text.\n"),
                       ("c.html", "<html><head><title>Page</title></head><body><p>Body text.</p></body></html>")):
        path = tmp_path / name
        path.write_text(body, encoding="utf-8")
        article = load(str(path))
        got = load_title_and_text(str(path), split=True, meanwhile=lambda: calls.append(1))
        assert got == (article.title, article.text)
    assert calls == [1, 1, 1]


def test_a_failing_meanwhile_still_waits_for_the_child(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    children: list[int] = []
    real_result = ForkedParse.result

    def noting(self: ForkedParse) -> object:
        children.append(self._pid)
        return real_result(self)

    monkeypatch.setattr(ForkedParse, "result", noting)
    parser = MarkdownParser("# Title\n\n" + "Text of a paragraph.\n\n" * 80, chunk_size=50, first_chunk_size=50)

    def fail() -> None:
        raise RuntimeError("engine missing")

    with pytest.raises(RuntimeError):
        parser.title_and_text(split=True, meanwhile=fail)
    assert len(children) == 1
    with pytest.raises(ChildProcessError):  # already waited for: nothing is left behind
        os.waitpid(children[0], os.WNOHANG)


def test_text_and_joins_as_text_then_separator_then_more_and_changes_nothing() -> None:
    from reader.document.model import BLOCK_SEPARATOR, BlockKind, TextBuilder

    empty = TextBuilder()
    assert empty.text_and("tail") == "tail" and empty.text() == ""
    builder = TextBuilder()
    builder.add(BlockKind.PARAGRAPH, "one")
    builder.add(BlockKind.RULE, "")
    builder.add(BlockKind.PARAGRAPH, "two")
    before = builder.text()
    assert builder.text_and("tail") == before + BLOCK_SEPARATOR + "tail"
    assert builder.text() == before and builder.length == len(before)
