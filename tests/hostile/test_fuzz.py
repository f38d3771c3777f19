"""Property-based fuzzing with hostile text: loaders, markdown, HTML, analysis, anchoring, export.

None may raise anything but a ReaderError, and every offset must slice its text exactly.
"""

from __future__ import annotations

import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.analysis import analyze
from reader.document import load
from reader.document.html import parse_html
from reader.errors import ReaderError
from reader.export import ExportArticle, ExportNote, render_markdown
from reader.sanitize import clean_text
from reader.store.anchoring import describe, locate

HOSTILE_PIECES = [
    "\x1b[31m", "\x1b]52;c;aGk=\x07", "\x1b]8;;http://x\x1b\\", "\x9b2J", "\u202e", "\u200b", "\ufeff", "\x00",
    "[bold]", "[/]", "[@click=app.quit]", "<script>", "</p>", "&amp;", "&#27;", "# ", "> ", "- ", "1. ", "```",
    "|", "**", "_", "`", "\n", "\n\n", "\r\n", "\t", "“", "”", "‘", "’", "'", '"', "«", "»", "said", " he said",
    "Mr ", "Smith", "Ministry", "according to ", "Zoë", "北京", "🙂", "x" * 50,
]
hostile_text = st.lists(st.one_of(st.sampled_from(HOSTILE_PIECES), st.text(max_size=8)), max_size=40).map("".join)
FAST = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.binary(max_size=600))
def test_loading_arbitrary_bytes_never_crashes(data: bytes) -> None:
    try:
        article = load("-", stdin=io.BytesIO(data))
    except ReaderError:
        return
    assert article.text == clean_text(article.text)
    for block in article.blocks:
        assert 0 <= block.start <= block.end <= len(article.text)


@FAST
@given(hostile_text)
def test_html_of_hostile_text_never_crashes(text: str) -> None:
    page = f"<html><head><title>{text}</title></head><body><article><h1>{text}</h1><p>{text}</p>" \
           f"<blockquote>{text}</blockquote><ul><li>{text}</li></ul></article></body></html>"
    try:
        article = parse_html(page, source="fuzz.html")
    except ReaderError:
        return
    assert "\x1b" not in article.text and "\x1b" not in article.title
    for block in article.blocks:
        assert 0 <= block.start <= block.end <= len(article.text)


@FAST
@given(hostile_text)
def test_analysis_offsets_always_slice_exactly(text: str) -> None:
    text = clean_text(text)
    result = analyze(text)
    for span in [*result.entities, *result.quotes]:
        assert text[span.start:span.end] == span.text
        assert span.text.strip()


@FAST
@given(hostile_text, st.data())
def test_anchoring_finds_an_untouched_passage(text: str, data: st.DataObject) -> None:
    if not text:
        return
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    selector = describe(text, start, end)
    anchor = locate(selector, text)
    assert text[anchor.start:anchor.end] == text[start:end]


@FAST
@given(hostile_text, hostile_text)
def test_export_of_hostile_text_keeps_front_matter_intact(title: str, quote: str) -> None:
    import yaml

    article = ExportArticle(id="a", title=title, source=title, tags=[title], speakers=[(quote or "x", 1)],
                            notes=[ExportNote(id="n", quote=quote or "x", note=quote, tags=[quote], speaker=quote or None)])
    markdown = render_markdown(article, "2026-01-01T00:00:00+00:00")
    meta = yaml.safe_load(markdown[4:].split("\n---\n", 1)[0])
    assert meta["id"] == "a" and meta["generator"] == "reader"
    assert "\x1b" not in markdown
