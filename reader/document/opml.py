"""OPML 1.0/2.0 feed lists: read one (``reader feed import``) and write one (``reader feed export``).

Reading goes through the same entity guard as feeds (:func:`reader.document.feed_parse.scan`)
before :mod:`xml.etree.ElementTree` builds the tree, so an OPML bomb is refused too. Every
``<outline>`` with an ``xmlUrl`` is a feed; its tags are its ``category`` attribute (comma or
slash separated, as OPML 2.0 writes them) plus the titles of the folders (outlines without
``xmlUrl``) it sits in. Writing escapes every attribute, so no title can break the file.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime

from reader.document.feed_parse import scan
from reader.errors import ReaderError
from reader.sanitize import clean_line

MAX_OPML_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class OpmlFeed:
    """One feed of an OPML list."""

    url: str
    title: str = ""
    site: str = ""
    tags: tuple[str, ...] = field(default_factory=tuple)


def read_opml(data: bytes, name: str) -> list[OpmlFeed]:
    """The feeds listed in an OPML document; raise :class:`ReaderError` naming ``name`` if it is not one."""
    if scan(data, name) is None:
        raise ReaderError(f"{clean_line(name)}: not a valid OPML file (the XML is malformed)")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise ReaderError(f"{clean_line(name)}: not a valid OPML file ({clean_line(str(exc))})") from None
    if root.tag.lower() != "opml":
        raise ReaderError(f"{clean_line(name)}: not an OPML file (its root element is <{clean_line(root.tag)[:40]}>)")
    body = root.find("body")
    feeds: list[OpmlFeed] = []
    if body is not None:
        _walk(body, (), feeds)
    return feeds


def _walk(node: ET.Element, folders: tuple[str, ...], out: list[OpmlFeed]) -> None:
    for outline in node.findall("outline"):
        attrs = {k.lower(): v for k, v in outline.attrib.items()}
        title = clean_line(attrs.get("title") or attrs.get("text") or "")
        url = clean_line(attrs.get("xmlurl", ""))
        if url:
            categories = [clean_line(part) for raw in attrs.get("category", "").split(",")
                          for part in raw.split("/")]
            tags = tuple(dict.fromkeys(t for t in (*folders, *categories) if t))
            out.append(OpmlFeed(url=url, title=title, site=clean_line(attrs.get("htmlurl", "")), tags=tags))
        _walk(outline, folders + ((title,) if title and not url else ()), out)


def write_opml(feeds: list[OpmlFeed], title: str = "reader feeds") -> bytes:
    """An OPML 2.0 document listing ``feeds`` (tags in ``category``), UTF-8 encoded."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    ET.SubElement(head, "dateCreated").text = format_datetime(datetime.now(UTC))
    body = ET.SubElement(root, "body")
    for feed in feeds:
        attrs = {"type": "rss", "text": feed.title or feed.url, "title": feed.title or feed.url,
                 "xmlUrl": feed.url}
        if feed.site:
            attrs["htmlUrl"] = feed.site
        if feed.tags:
            attrs["category"] = ",".join(feed.tags)
        ET.SubElement(body, "outline", attrs)
    ET.indent(root)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n").encode()
