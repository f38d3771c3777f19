"""Markdown export: golden file, YAML front matter, inert article text, stable file names."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from reader.errors import ReaderError
from reader.export import (
    ExportArticle,
    ExportNote,
    articles_from_json,
    export_file_name,
    render_json,
    render_markdown,
    write_export,
)
from reader.export.escape import blockquote, clean_tag, escape_inline

GOLDEN = Path(__file__).parent / "golden"
EXPORTED = "2026-11-29T12:00:00+00:00"


def sample_article() -> ExportArticle:
    return ExportArticle(
        id="a1b2c3d4",
        title="Council approves the new harbour plan",
        source="/home/ann/articles/harbour.md",
        tags=["local", "planning"],
        author="Ann Writer",
        site="The Coast Gazette",
        published="2026-03-04",
        speakers=[("Derek Olson", 3), ("Harbour Authority", 1)],
        notes=[
            ExportNote(id="n2", quote="The authority said costs would rise.", note="Check the budget.",
                       tags=["budget"], start=300, end=336, speaker="Harbour Authority"),
            ExportNote(id="n1", quote="This plan is fair to taxpayers,\nand fair to fishermen.",
                       note="Key claim.\n\nSee also last year's vote.", tags=["claims", "#vote"],
                       start=100, end=150, speaker="Derek Olson"),
            ExportNote(id="n3", quote="a sentence that was later removed", note="", tags=[],
                       start=900, end=933, status="orphaned"),
        ],
    )


def test_markdown_matches_the_golden_file() -> None:
    rendered = render_markdown(sample_article(), EXPORTED)
    golden = (GOLDEN / "harbour.md").read_text(encoding="utf-8")
    assert rendered == golden


def _front_matter(markdown: str) -> dict:
    assert markdown.startswith("---\n")
    return yaml.safe_load(markdown[4:].split("\n---\n", 1)[0])


def test_front_matter_is_yaml_with_the_expected_fields() -> None:
    meta = _front_matter(render_markdown(sample_article(), EXPORTED))
    assert meta == {
        "title": "Council approves the new harbour plan",
        "source": "/home/ann/articles/harbour.md",
        "author": "Ann Writer",
        "site": "The Coast Gazette",
        "published": "2026-03-04",
        "tags": ["local", "planning"],
        "exported": EXPORTED,
        "id": "a1b2c3d4",
        "generator": "reader",
    }


def _blocks(markdown: str) -> list:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(markdown)


def _text_inside_quotes(tokens: list) -> str:
    depth, parts = 0, []
    for token in tokens:
        if token.type == "blockquote_open":
            depth += 1
        elif token.type == "blockquote_close":
            depth -= 1
        elif token.type == "inline" and depth:
            parts.append("".join(c.content for c in token.children if c.type == "text"))
    return " ".join(parts)


def test_every_highlight_is_inside_a_block_quote_in_reading_order() -> None:
    article = sample_article()
    tokens = _blocks(render_markdown(article, EXPORTED))
    quoted = _text_inside_quotes(tokens)
    for note in article.notes:
        for line in note.quote.split("\n"):
            assert line in quoted
    assert quoted.index("fair to taxpayers") < quoted.index("costs would rise") < quoted.index("later removed")


HOSTILE = [
    "<script>alert(1)</script>",
    "[link](javascript:alert(1))",
    "#tag in a quote and #another",
    "![img](http://x/y.png)",
    "https://evil.example/path and www.evil.example",
    "[[Wiki Link]] and ==highlight== and %%comment%% and $x$ and ^blockref",
    "<a href='x'>a</a> &lt;b&gt; &amp;",
    "- a list item\n+ plus\n1. numbered\n# heading\n> quote\n---\n```\ncode",
    "| a | b |\n|---|---|\n| c | d |",
    "*emphasis* _under_ `code` ~~strike~~ \\ backslash",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_article_text_comes_out_inert(text: str) -> None:
    article = ExportArticle(id="x1", title=text, source=text, speakers=[(text, 1)],
                            notes=[ExportNote(id="n", quote=text, speaker=text)])
    markdown = render_markdown(article, EXPORTED)
    _front_matter(markdown)  # still parses
    body = markdown.split("\n---\n", 1)[1]
    tokens = _blocks(body)
    for token in tokens:
        assert token.type not in ("html_block", "fence", "code_block", "table_open", "hr", "heading_open") or (
            token.type == "heading_open" and token.tag in ("h1", "h2")
        ), token
        assert token.type not in ("bullet_list_open", "ordered_list_open") or _is_speaker_list(token, tokens)
        children = token.children or []
        for index, child in enumerate(children):
            if child.type == "strong_open" and children[index + 1].content == "Speakers:":
                continue  # reader's own label, not article text
            assert child.type not in ("html_inline", "link_open", "image", "em_open", "strong_open",
                                      "code_inline", "s_open"), (text, child)
    for word in ("#tag", "#another"):
        assert f" {word}" not in body and f"\n{word}" not in body


def _is_speaker_list(token, tokens) -> bool:
    # The only list allowed is the one-item "- Speaker" line after each highlight.
    index = tokens.index(token)
    return tokens[index + 1].type == "list_item_open"


def test_escaping_keeps_the_words() -> None:
    rendered = MarkdownIt("commonmark").render(escape_inline("He said: #1 [x](y) <b> *a* 3. www.x.org"))
    assert "He said: #1 [x](y) &lt;b&gt; *a* 3. www.x.org" in rendered


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab #*_[]()<>!`~=^$%&|\\-+.:/1\n ")), max_size=80))
def test_no_generated_quote_becomes_markup(text: str) -> None:
    tokens = MarkdownIt("commonmark").parse(blockquote(text) if text.strip() else "> x")
    for token in tokens:
        assert token.type in ("blockquote_open", "blockquote_close", "paragraph_open", "paragraph_close", "inline")
        for child in token.children or []:
            assert child.type in ("text", "softbreak", "hardbreak"), (text, child.type)


def test_tags_are_clean() -> None:
    assert clean_tag("#My Tag") == "My-Tag"
    assert clean_tag("a<b>\x1b[31mc") == "abc"
    assert clean_tag("###") == ""


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("../../etc/passwd", "etc-passwd-ID1.md"),
        ("<script>", "script-ID1.md"),
        ("CON", "article-con-ID1.md"),
        ("", "article-ID1.md"),
        ("Zoë’s café: “naïve”", "zoes-cafe-naive-ID1.md"),
        ("x" * 300, "x" * 60 + "-ID1.md"),
    ],
)
def test_file_names_are_safe(title: str, expected: str) -> None:
    name = export_file_name(title, "ID1/../")
    assert name == expected
    assert os.sep not in name and ".." not in name


def test_re_export_replaces_its_own_file_and_never_duplicates(tmp_path: Path) -> None:
    article = sample_article()
    name = export_file_name(article.title, article.id)
    write_export(tmp_path, name, render_markdown(article, EXPORTED), article.id)
    article.notes.append(ExportNote(id="n9", quote="one more", start=500, end=508))
    write_export(tmp_path, name, render_markdown(article, "2026-12-01T00:00:00+00:00"), article.id)
    files = [p.name for p in tmp_path.iterdir()]
    assert files == [name]
    assert "one more" in (tmp_path / name).read_text(encoding="utf-8")


def test_a_file_reader_did_not_write_is_kept_without_force(tmp_path: Path) -> None:
    article = sample_article()
    name = export_file_name(article.title, article.id)
    (tmp_path / name).write_text("my own notes\n", encoding="utf-8")
    with pytest.raises(ReaderError, match="--force"):
        write_export(tmp_path, name, render_markdown(article, EXPORTED), article.id)
    assert (tmp_path / name).read_text(encoding="utf-8") == "my own notes\n"
    write_export(tmp_path, name, render_markdown(article, EXPORTED), article.id, force=True)
    assert "generator" in (tmp_path / name).read_text(encoding="utf-8")


def test_another_articles_export_is_not_overwritten(tmp_path: Path) -> None:
    other = sample_article()
    other.id = "zzzz"
    name = export_file_name(other.title, "a1b2c3d4")
    (tmp_path / name).write_text(render_markdown(other, EXPORTED), encoding="utf-8")
    with pytest.raises(ReaderError):
        write_export(tmp_path, name, render_markdown(sample_article(), EXPORTED), "a1b2c3d4")


def test_unwritable_folder_is_one_clear_error(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        target = Path("/proc/reader-export-test")  # even root cannot create folders here
    else:
        target = tmp_path / "ro"
        target.mkdir(mode=0o500)
    with pytest.raises(ReaderError) as info:
        write_export(target, "x.md", "x", "id")
    assert "\n" not in str(info.value)


def test_json_round_trip_keeps_everything() -> None:
    article = sample_article()
    article.notes[0].prefix, article.notes[0].suffix = "before ", " after"
    document = render_json([article], EXPORTED)
    note = next(n for n in document["articles"][0]["notes"] if n["id"] == "n2")
    assert note["selectors"][0] == {"type": "TextQuoteSelector", "exact": article.notes[0].quote,
                                    "prefix": "before ", "suffix": " after"}
    assert note["selectors"][1] == {"type": "TextPositionSelector", "start": 300, "end": 336}
    restored = articles_from_json(document)
    assert len(restored) == 1
    assert sorted(restored[0].notes, key=lambda n: n.id) == sorted(article.notes, key=lambda n: n.id)
    restored[0].notes = article.notes
    assert restored[0] == article
