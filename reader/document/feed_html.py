"""The HTML around feeds: a page's ``<link rel="alternate">`` feeds, and item summaries as text.

Both use the standard library's lenient :class:`html.parser.HTMLParser` (HTML, not XML: a
page or a summary is rarely well formed). A summary becomes an :class:`Article` of plain
paragraphs: tags are dropped, never interpreted, so markup in a feed can only ever show as
the text it contains.
"""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urljoin

from reader.document.model import Article, BlockKind, TextBuilder
from reader.sanitize import clean_line, clean_text

FEED_LINK_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+xml")
_BLOCKS = frozenset({"p", "div", "br", "li", "ul", "ol", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6",
                     "tr", "table", "pre", "section", "article", "figure", "figcaption", "hr", "dd", "dt"})
_SKIP = frozenset({"script", "style", "template", "noscript", "iframe", "object", "svg", "math"})


class _FeedLinks(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []
        self.base = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): (v or "") for k, v in attrs}
        if tag == "base" and values.get("href") and not self.base:
            self.base = values["href"].strip()
        if tag != "link":
            return
        rels = values.get("rel", "").lower().split()
        kind = values.get("type", "").lower().split(";")[0].strip()
        if "alternate" in rels and kind in FEED_LINK_TYPES and values.get("href", "").strip():
            self.found.append((values["href"].strip(), clean_line(values.get("title", ""))))


def feed_links(html: str, base_url: str) -> list[tuple[str, str]]:
    """The feeds a page links with ``<link rel="alternate" type="application/rss+xml" ...>``.

    Returns ``(absolute URL, title)`` pairs in page order; the caller checks the scheme.
    """
    parser = _FeedLinks()
    parser.feed(html[:2_000_000])
    parser.close()
    base = urljoin(base_url, parser.base) if parser.base else base_url
    seen: set[str] = set()
    out: list[tuple[str, str]] = []
    for href, title in parser.found:
        url = urljoin(base, href)
        if url not in seen:
            seen.add(url)
            out.append((url, title))
    return out


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip += 1
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def summary_text(html: str) -> str:
    """A feed summary (HTML or plain text) as paragraphs separated by blank lines."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    paragraphs = (" ".join(block.split()) for block in clean_text("".join(parser.parts)).split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)


def summary_article(title: str, summary_html: str, *, source: str, note: str = "") -> Article:
    """An article made of a feed item's summary, with ``note`` (why it is only a summary) last."""
    return paragraphs_article(title, summary_text(summary_html).split("\n\n"), source=source, note=note)


def paragraphs_article(title: str, paragraphs: list[str], *, source: str, note: str = "") -> Article:
    """An article of a heading (``title``), plain ``paragraphs`` and ``note`` last (text, never markup)."""
    title = clean_line(title) or "untitled"
    builder = TextBuilder()
    builder.add(BlockKind.HEADING, title, level=1)
    paragraphs = [clean_line(p) for p in paragraphs if clean_line(p)] or ["(The feed gave no summary.)"]
    for paragraph in [*paragraphs, note] if note else paragraphs:
        builder.add(BlockKind.PARAGRAPH, paragraph)
    return Article(title=title, text=builder.text(), blocks=builder.blocks, source=source, format="text")
