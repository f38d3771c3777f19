"""Read RSS (0.9x, 1.0, 2.0) and Atom feeds with feedparser, safely and a page at a time.

feedparser does the parsing (every dialect, dates, relative links, HTML sanitising); this
module puts two guards in front of it, both with the standard library's expat parser:

- **entities**: a document that declares an external entity, a parameter entity, or an entity
  whose value refers to other entities (the shape of a billion-laughs bomb) is refused before
  feedparser sees it. expat never loads an external DTD or entity by itself, so nothing is
  fetched either way; plain-text entities (``<!ENTITY nbsp "&#160;">``) stay allowed.
- **pages**: the byte ranges of the ``<item>``/``<entry>`` elements are found in one fast
  expat pass, so a feed of 10,000 items is parsed :data:`PAGE_ITEMS` at a time (head, one
  page of items, tail) instead of all at once (feedparser needs about half a millisecond per
  item). A document expat cannot read (malformed XML) goes to feedparser whole: its lenient
  parser copes with most of them.

Nothing here touches the network or the library. Text fields come back cleaned of control
characters and escapes; titles and summaries are data, never markup.
"""

from __future__ import annotations

import io
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit, urlunsplit
from xml.parsers import expat

from reader.errors import ReaderError
from reader.sanitize import clean_line, clean_text

PAGE_ITEMS = 200
"""Items handed to feedparser at a time."""
ITEM_NAMES = frozenset({"item", "entry"})
"""Local names of feed items: RSS 0.9x/1.0/2.0 ``item`` and Atom ``entry``."""
_PROLOG_ENTITY = re.compile(rb"<!ENTITY", re.IGNORECASE)
_FIRST_ELEMENT = re.compile(rb"<[A-Za-z_]")
FEED_TYPES = frozenset({
    "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml",
    "application/x-rss+xml", "application/feed+xml", "application/x-netcdf",
})
"""Media types a feed is served with (``application/x-netcdf`` is an old RSS 0.91 quirk)."""


class EntityRefused(ReaderError):
    """The document declares entities that could expand without bound or reach outside."""


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One item of a feed: what the library needs to make an article of it."""

    guid: str
    link: str
    title: str
    author: str = ""
    published: str = ""
    summary_html: str = ""

    def item_keys(self) -> tuple[str, ...]:
        """The keys that identify this item across refreshes and feeds: its guid and its link."""
        out = []
        if self.guid:
            out.append("guid:" + self.guid)
        if self.link:
            out.append("link:" + normalize_link(self.link))
        return tuple(out)


@dataclass(slots=True)
class FeedPage:
    """The feed's own fields and one page of its items."""

    title: str = ""
    site: str = ""
    items: list[FeedItem] = field(default_factory=list)
    bozo: str = ""
    """Why feedparser found the document malformed ("" if it did not)."""


@dataclass(frozen=True, slots=True)
class FeedDocument:
    """A feed document cut into head, item byte ranges and tail, ready to be parsed by pages."""

    data: bytes
    url: str
    content_type: str
    spans: tuple[tuple[int, int], ...] | None
    """Byte ranges of the items, or None when expat could not read the document."""

    @property
    def item_count(self) -> int | None:
        """How many items the document holds (None: unknown, it is malformed)."""
        return len(self.spans) if self.spans is not None else None

    @property
    def pages(self) -> int:
        """How many pages of :data:`PAGE_ITEMS` items there are (at least one)."""
        if not self.spans:
            return 1
        return (len(self.spans) + PAGE_ITEMS - 1) // PAGE_ITEMS

    def page_bytes(self, page: int) -> bytes:
        """The document with only the items of ``page`` (0-based) between its head and tail."""
        spans = self.spans
        if spans is None or len(spans) <= PAGE_ITEMS:
            return self.data
        chosen = spans[page * PAGE_ITEMS:(page + 1) * PAGE_ITEMS]
        head = self.data[:spans[0][0]]
        tail = self.data[spans[-1][1]:]
        return head + b"\n".join(self.data[a:b] for a, b in chosen) + tail

    def parse_page(self, page: int = 0) -> FeedPage:
        """Parse one page of items with feedparser (see :func:`parse_feed_bytes`)."""
        return parse_feed_bytes(self.page_bytes(page), url=self.url, content_type=self.content_type)

    def iter_pages(self) -> Iterator[FeedPage]:
        """Every page, first to last (documents usually list the newest items first)."""
        for page in range(self.pages):
            yield self.parse_page(page)


def read_feed(data: bytes, *, url: str, content_type: str = "") -> FeedDocument:
    """Check ``data`` for dangerous entities and find its items; raise :class:`EntityRefused`."""
    return FeedDocument(data=data, url=url, content_type=content_type, spans=scan(data, url))


def scan(data: bytes, name: str = "feed") -> tuple[tuple[int, int], ...] | None:
    """The byte spans of the top-level items of ``data``, or None if expat cannot read it.

    Raises :class:`EntityRefused` for an external, parameter or nested entity declaration,
    whether or not the rest of the document is well formed.
    """
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    spans: list[tuple[int, int]] = []
    depth = 0
    item_depth = 0
    item_start = 0

    def entity(entity_name: str, is_parameter: int, value: str | None, base: str | None,
               system_id: str | None, public_id: str | None, notation: str | None) -> None:
        if is_parameter or system_id or public_id or (value is not None and ("&" in value or "%" in value)):
            kind = "an external entity" if (system_id or public_id) else "entities that expand into entities"
            raise EntityRefused(f"{clean_line(name)}: refused: the document declares {kind} "
                                "(an XML bomb or an attempt to read other files); nothing was fetched")

    def start(tag: str, attrs: Any) -> None:
        nonlocal depth, item_depth, item_start
        depth += 1
        if not item_depth and tag.rpartition(" ")[2] in ITEM_NAMES:
            item_depth, item_start = depth, parser.CurrentByteIndex

    def end(tag: str) -> None:
        nonlocal depth, item_depth
        if item_depth == depth:
            index = parser.CurrentByteIndex
            close = data.find(b">", index)
            if index > item_start and close >= 0:  # an empty <item/> carries nothing
                spans.append((item_start, close + 1))
            item_depth = 0
        depth -= 1

    parser.EntityDeclHandler = entity
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.ExternalEntityRefHandler = lambda *args: 0  # never load anything (refused above anyway)
    try:
        parser.Parse(data, True)
    except expat.ExpatError:
        head = data[:m.start()] if (m := _FIRST_ELEMENT.search(data)) else data[:65536]
        if _PROLOG_ENTITY.search(head):
            raise EntityRefused(f"{clean_line(name)}: refused: a malformed document that declares entities; "
                                "nothing was fetched") from None
        return None
    return tuple(spans)


def parse_feed_bytes(data: bytes, *, url: str, content_type: str = "") -> FeedPage:
    """Parse a (page of a) feed document with feedparser; never touches the network.

    Raises :class:`ReaderError` when the body is not a feed at all (no items and no title).
    """
    import feedparser  # late: only refreshes that found a changed feed pay for it

    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(io.BytesIO(data), response_headers=headers)
    feed = parsed.get("feed", {})
    entries = parsed.get("entries", [])
    if not entries and not feed.get("title") and parsed.get("bozo"):
        reason = clean_line(str(parsed.get("bozo_exception", "")))[:120]
        raise ReaderError(f"{clean_line(url)}: not a feed (RSS or Atom){': ' + reason if reason else ''}")
    page = FeedPage(title=clean_line(str(feed.get("title", ""))), site=_http(feed.get("link", "")),
                    bozo=clean_line(str(parsed.get("bozo_exception", ""))) if parsed.get("bozo") else "")
    for entry in entries:
        page.items.append(_item(entry))
    return page


def _item(entry: Any) -> FeedItem:
    link = _str(entry.get("link"))
    summary = ""
    contents = entry.get("content") or []
    for content in contents:  # Atom content / RSS content:encoded: the fullest text the feed gives
        value = _str(content.get("value") if hasattr(content, "get") else "")
        if len(value) > len(summary):
            summary = value
    if not summary:
        summary = _str(entry.get("summary"))
    author = _str(entry.get("author"))
    return FeedItem(
        guid=clean_line(_str(entry.get("id")))[:2000],
        link=clean_line(link)[:4000],
        title=clean_line(_str(entry.get("title")))[:1000],
        author=clean_line(author)[:300],
        published=_date(entry.get("published_parsed") or entry.get("updated_parsed")),
        summary_html=clean_text(summary),
    )


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _http(value: Any) -> str:
    text = clean_line(_str(value))
    return text if is_http_url(text) else ""


def _date(value: Any) -> str:
    """A feedparser time tuple (UTC) as ISO 8601, or ""."""
    if not isinstance(value, time.struct_time):
        return ""
    try:
        return datetime(*value[:6], tzinfo=UTC).isoformat()
    except (ValueError, OverflowError):
        return ""


def is_http_url(url: str) -> bool:
    """True for an absolute http or https address with a host (no ``file:``, ``data:``, ``javascript:``)."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def normalize_link(url: str) -> str:
    """``url`` without its fragment, with scheme and host lower-cased: the same page, the same key."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, ""))
