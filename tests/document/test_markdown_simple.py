"""The simple blocks read without markdown-it give exactly what markdown-it gives.

Every test parses the same markdown twice, with runs of simple blocks read directly (the normal
way) and with markdown-it reading everything, and compares the whole article: title, text, every
block and inline range.
"""

from __future__ import annotations

from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.document import markdown
from reader.document.markdown import MarkdownParser
from reader.document.markdown_simple import simple_runs


def _article(source: str, *, direct: bool, **sizes: int) -> tuple[object, ...]:
    with patch.object(markdown, "simple_runs", simple_runs if direct else (lambda _source: [])):
        article = MarkdownParser(source, **sizes).parse_all()
        title, text = MarkdownParser(source, **sizes).title_and_text(split=False)
    return article.title, article.text, article.blocks, title, text


def assert_same(source: str, **sizes: int) -> None:
    assert _article(source, direct=True, **sizes) == _article(source, direct=False, **sizes)


def test_the_simple_blocks_are_found() -> None:
    source = ("# Title\n\nA plain paragraph\nover two lines.\n\n- one\n- two\n\n> Quoted *words*.\n\n---\n\n"
              "3) three\n4) four\n\n```py\ncode\n\nmore\n```\n\nThe end.")
    (start, end, blocks), = simple_runs(source)
    assert (start, end) == (0, len(source))
    assert [b.kind for b in blocks] == ["heading", "paragraph", "items", "quote", "rule", "items", "code",
                                        "paragraph"]
    assert blocks[5].markers == ("3)", "4)")
    assert blocks[6].content == ("code\n\nmore",) and blocks[6].lang == "py"
    assert_same(source)


@pytest.mark.parametrize("source", [
    # a list right after another across an empty line is one (loose) list: numbering goes on
    "Intro.\n\n1. a\n2. b\n\n3. c\n\nEnd.",
    "- a\n\n- b\n\nEnd.",
    # lists of other families in a row stay apart (and one of the same family after them joins it)
    "Intro.\n\n1. a\n\n5) b\n\n7. c\n\n- d\n\n* e\n\n+ f\n\n9. g\n10. h\n\nEnd.",
    "Intro.\n\n- a\n\n1. b\n\n- c\n\n- d\n\n4) e\n\n    more of e\n\nEnd.",
    "Intro.\n\n1. a\n\n7. b\n\nEnd.\n\n3) c\n\n- d\n\n8) e",
    # an indented line after a list continues its last item
    "Intro.\n\n- a\n- b\n\n    more of b\n\nEnd.",
    # a list may not open a run: an earlier list of its kind takes it in
    "1. a\n   - deep\n\n7. b\n\nText.",
    # simple-looking lines inside fenced code are code
    "```\n\nJust text.\n\n# Not a heading\n\n```\n\nAfter.",
    "- ```\n  code\n\nText.\n\n```\nx\n```",
    "~~~\nText.\n\n- item\n\n~~~~ \n\nAfter.",
    # unclosed fence: the rest is code
    "Text.\n\n```\n\nMore text.\n\n# Heading",
    # a reference defined where markdown-it alone sees it (inside a quote) serves links before it
    "See [the report].\n\nPlain text.\n\n> [the report]: https://example.org\n\nMore *text*.",
    # headings: closing marks, empty, seven marks
    "# Title #\n\n## \n\n####### seven\n\n# C#\n\nText.",
    # ordered lists starting at 0 and at large numbers; delimiter changes
    "Text.\n\n0. zero\n1. one\n\nText.\n\n123456789. big\n\nText.\n\n1. a\n1) b\n\nText.",
    # paragraphs whose lines look like block starts further down
    "Text\n=== not\n\nText\n- item\n\nText\n> quote\n\nText\n|---|\n\nText  \nhard break",
    # inline markup of every kind inside simple blocks
    "A *b* **c** `d` ~~e~~ [f](g) ![h](i) <http://j.k> &amp; \\* l_m_n\n\n- *x*\n- `y`\n\n> **z**",
    # white space that markdown-it does or does not count as empty or as indentation
    "Text.\n\u00a0\nMore.\n\n \t \nText\t\n\n\u00a0Lead\n\n\tTab\n\nEnd.",
    # tables and raw HTML next to simple blocks
    "Text.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nText.\n\n<div>raw</div>\n\nEnd.",
])
def test_tricky_neighbours_read_as_markdown_it_reads_them(source: str) -> None:
    assert_same(source)
    assert_same(source, chunk_size=12, first_chunk_size=6)


_WORD = st.sampled_from(["word", "Text", "1.", "2)", "*em*", "**b**", "_u_", "`c`", "[l](u)", "[ref]", "&amp;",
                         "\\*", "~~s~~", "|", "-", "#", ">", "“q”", "!", ":", "===", "---", "```", "\t", " ",
                         "\u00a0", "x|y"])
_LINE_START = st.sampled_from(["", "", "", "- ", "* ", "+ ", "1. ", "0) ", "> ", "# ", "### ", " ", "    ", "\t",
                               "```", "~~~", "---", "***", "[ref]: /u", "-  ", ">"])
_LINE = st.builds(lambda start, words, end: start + " ".join(words) + end, _LINE_START,
                  st.lists(_WORD, max_size=5), st.sampled_from(["", "", " ", "  ", "#", "\u00a0"]))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_LINE, st.sampled_from(["", "", " \t"])), min_size=1, max_size=30),
       st.sampled_from(["", "\n"]))
def test_any_markdown_reads_the_same_either_way(lines: list[str], end: str) -> None:
    source = "\n".join(lines) + end
    assert_same(source)
    assert_same(source, chunk_size=30, first_chunk_size=10)
