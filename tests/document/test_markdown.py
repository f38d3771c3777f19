"""Markdown to the document model: every block kind, inline styles and exact offsets."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.document import BlockKind, InlineKind, MarkdownParser, parse_markdown
from reader.document.markdown import chunk_spans

DOC = """---
title: Front Matter Title
author: Ann Writer
date: 2026-01-02
---

# The Heading

A paragraph with **bold**, *italic*, `code`, ~~gone~~ and a [link](https://example.org).
Soft break here.

> A quoted paragraph.
>
> - a list in a quote

- first item
- second item
  1. nested one
  2. nested two

```python
print("hi")
```

---

| Name | Role |
| ---- | ---- |
| Ann  | Chair |

<b>raw html stays text</b>
"""


def kinds(article):
    return [(b.kind, article.block_text(b)) for b in article.blocks]


def test_blocks_of_every_kind_with_their_text() -> None:
    article = parse_markdown(DOC, path="/x/doc.md", fallback_title="doc")
    assert article.title == "Front Matter Title"
    assert article.metadata == {"author": "Ann Writer", "published": "2026-01-02"}
    assert kinds(article) == [
        (BlockKind.HEADING, "The Heading"),
        (BlockKind.PARAGRAPH, "A paragraph with bold, italic, code, gone and a link. Soft break here."),
        (BlockKind.BLOCKQUOTE, "A quoted paragraph."),
        (BlockKind.LIST_ITEM, "a list in a quote"),
        (BlockKind.LIST_ITEM, "first item"),
        (BlockKind.LIST_ITEM, "second item"),
        (BlockKind.LIST_ITEM, "nested one"),
        (BlockKind.LIST_ITEM, "nested two"),
        (BlockKind.CODE, 'print("hi")'),
        (BlockKind.RULE, ""),
        (BlockKind.TABLE, "Name | Role\nAnn | Chair"),
        (BlockKind.PARAGRAPH, "<b>raw html stays text</b>"),
    ]
    heading, _, quote, quoted_item, first, _, nested, nested2, code, _, table, _ = article.blocks
    assert heading.level == 1
    assert quote.quote == 1 and quoted_item.quote == 1
    assert first.depth == 1 and first.marker == "•"
    assert nested.depth == 2 and nested.marker == "1." and nested2.marker == "2."
    assert code.lang == "python"
    assert table.header_rows == 1


def test_inline_styles_slice_their_words() -> None:
    article = parse_markdown(DOC)
    para = article.blocks[1]
    styles = {(i.kind, article.text[i.start:i.end], i.href) for i in para.inlines}
    assert styles == {
        (InlineKind.BOLD, "bold", None),
        (InlineKind.ITALIC, "italic", None),
        (InlineKind.CODE, "code", None),
        (InlineKind.STRIKE, "gone", None),
        (InlineKind.LINK, "link", "https://example.org"),
    }


def test_blocks_are_separated_by_blank_lines_in_text() -> None:
    article = parse_markdown("one\n\ntwo\n\n# three")
    assert article.text == "one\n\ntwo\n\nthree"
    assert [(b.start, b.end) for b in article.blocks] == [(0, 3), (5, 8), (10, 15)]


def test_title_falls_back_to_first_heading_then_file_name() -> None:
    assert parse_markdown("## Sub\n\n# Main\n\ntext").title == "Main"
    assert parse_markdown("just text", fallback_title="file name").title == "file name"


def test_images_become_their_alt_text() -> None:
    article = parse_markdown("Look: ![a chart of prices](chart.png) here")
    assert article.text == "Look: a chart of prices here"


def _chunks(source: str, chunk_size: int, first_size: int | None = None) -> list[str]:
    """The pieces the parser parses one at a time (each process slices its own from these spans)."""
    return [source[start:end] for start, end in chunk_spans(source, chunk_size, first_size)]


def test_reference_links_resolve_across_chunks() -> None:
    body = "\n\n".join(f"Paragraph {i} with [ref][r] inside." for i in range(400))
    source = body + "\n\n[r]: https://example.org/ref\n"
    parser = MarkdownParser(source, chunk_size=2_000)
    article = parser.parse_all()
    links = [i for b in article.blocks for i in b.inlines if i.kind is InlineKind.LINK]
    assert len(links) == 400 and all(i.href == "https://example.org/ref" for i in links)


def test_chunks_never_split_code_fences_or_list_items() -> None:
    source = "\n\n".join(
        ["Intro paragraph."] + [f"```\ncode {i}\n\nstill code {i}\n```\n\n- item {i}\n\n    continued {i}" for i in range(200)]
    )
    chunks = _chunks(source, 500)
    assert len(chunks) > 5
    assert "".join(chunks) == source
    whole = parse_markdown(source)
    chunked = MarkdownParser(source, chunk_size=500).parse_all()
    assert chunked.text == whole.text
    assert [(b.kind, b.start, b.end) for b in chunked.blocks] == [(b.kind, b.start, b.end) for b in whole.blocks]


def test_incremental_parsing_only_grows_the_text() -> None:
    source = "\n\n".join(f"## H{i}\n\nBody {i} *em*." for i in range(2_000))
    parser = MarkdownParser(source, chunk_size=4_000)
    assert parser.parse_next()
    first = parser.article()
    assert not first.complete and first.blocks
    full = parser.parse_all()
    assert full.complete
    assert full.text.startswith(first.text)
    assert full.blocks[: len(first.blocks)] == first.blocks


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab *_`#>-1.[]()!|~\n\\<")), max_size=300))
def test_any_markdown_gives_exact_ranges(source: str) -> None:
    article = parse_markdown(source)
    previous_end = -2
    for block in article.blocks:
        assert 0 <= block.start <= block.end <= len(article.text)
        assert block.start >= previous_end + 2 or block.start == 0
        previous_end = block.end
        for inline in block.inlines:
            assert block.start <= inline.start <= inline.end <= block.end


def test_the_first_chunk_is_small_and_the_rest_full_size() -> None:
    source = "\n\n".join(f"Paragraph {i} " + "word " * 30 for i in range(3_000))
    chunks = _chunks(source, 64_000, 16_000)
    assert "".join(chunks) == source
    assert 16_000 <= len(chunks[0]) < 17_000
    assert all(64_000 <= len(chunk) < 65_000 for chunk in chunks[1:-1])
    assert _chunks(source, 500, 16_000)[0] == _chunks(source, 500)[0]


def test_a_small_first_chunk_parses_to_the_same_article() -> None:
    source = "\n\n".join(f"## H{i}\n\nBody {i} *em* [link][r].\n\n- item\n\n    more" for i in range(1_500))
    source += "\n\n[r]: https://example.org\n"
    parser = MarkdownParser(source, chunk_size=20_000, first_chunk_size=3_000)
    assert parser.parse_next()
    assert len(parser.article().text) < 3_000
    whole = parse_markdown(source)
    chunked = parser.parse_all()
    assert chunked.text == whole.text
    assert [(b.kind, b.start, b.end) for b in chunked.blocks] == [(b.kind, b.start, b.end) for b in whole.blocks]
