"""HTML articles: the main text of a web page, without its clutter, as the document model.

Extraction is done by trafilatura (imported lazily: it takes a few hundred milliseconds to
import and most sessions never open a web page). trafilatura was chosen over readability-lxml
because it keeps more of an article's paragraphs on cluttered news pages, already runs
readability and jusText as its own fallbacks, and extracts the metadata we need (author,
site name, publication date via htmldate, canonical URL), which readability-lxml does not.
Measured on the four test news pages: both kept every article sentence but one (readability
lost a paragraph of the reef page), readability kept the budget page's paywall teaser and
"Log in" link, trafilatura dropped all the clutter; 3-8 ms a page against 2-7 ms.

Its XML output (``head``, ``p``, ``quote``, ``list``/``item``, ``code``, ``table``, ``hi``,
``ref``...) is walked by :class:`reader.document.web_walk.TreeWalker` into blocks and inline
ranges. When trafilatura finds nothing (a very short page, or one it cannot parse) the page
itself is walked, minus scripts, navigation, headers, footers and forms.

Untrusted input is made inert before anything else sees it: character references to
control characters (``&#27;`` is ESC) are turned into the characters and stripped with the
rest by :func:`reader.sanitize.clean_text`, every text piece and metadata field is cleaned
again after parsing, and links keep their target only for http(s) and mailto addresses.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from reader import patterns
from reader.document.model import Article
from reader.document.web_roles import html_role, trafilatura_role
from reader.document.web_walk import TreeWalker, safe_href
from reader.errors import ReaderError
from reader.sanitize import clean_line, clean_text

_CHAR_REF = patterns.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?")
_QUIET_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext", "charset_normalizer")
LARGE_PAGE_BLOCKS = 3000
"""Pages with more block tags than this (a book, not an article) skip trafilatura, whose time
grows faster than linearly with the number of paragraphs (about 45 s for 65,000), and are
walked directly (under 2 s)."""
_BLOCK_TAG = patterns.compile(r"<(?:p|li|h[1-6]|blockquote|pre|tr)[\s>]", re.IGNORECASE)
SHORT_EXTRACTION = 250
"""Characters under which trafilatura's result is a rescue dump (its MIN_EXTRACTED_SIZE)."""
_MAIN_XPATHS = ("//article", "//main", "//*[@role='main']", "//body")


def _is_control(codepoint: int) -> bool:
    """C0 controls (but tab, newline, carriage return) and DEL: invalid in XML, dangerous in a terminal."""
    return (codepoint < 0x20 and codepoint not in (0x09, 0x0A, 0x0D)) or codepoint == 0x7F


def neutralize(html: str) -> str:
    """Decode character references to control characters and strip them with :func:`clean_text`.

    ``&#27;[31m`` would otherwise become a real ESC inside the parsed tree (which also makes
    trafilatura's XML step fail); decoding it first lets ``clean_text`` remove the whole
    escape sequence. References in the C1 range are left alone: HTML maps them to
    Windows-1252 characters.
    """

    def replace(match: re.Match[str]) -> str:
        hex_digits, dec_digits = match.groups()
        codepoint = int(hex_digits, 16) if hex_digits else int(dec_digits)
        return chr(codepoint) if _is_control(codepoint) else match.group(0)

    if "&#" in html:
        html = _CHAR_REF.sub(replace, html)
    return clean_text(html)


def _quiet_logging() -> None:
    """trafilatura logs warnings ("discarding data") that would reach stderr with no handler set."""
    for name in _QUIET_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
            logger.addHandler(logging.NullHandler())


def _extract(html: str, url: str) -> Any:
    """trafilatura's Document for ``html``, or None when it finds nothing or fails."""
    import trafilatura  # late import: heavy, and only needed for web pages

    _quiet_logging()
    try:
        return trafilatura.bare_extraction(
            html, url=url or None, with_metadata=True, include_formatting=True, include_links=True,
            include_tables=True, include_comments=False, include_images=False, deduplicate=False,
        )
    except Exception:  # noqa: BLE001 - a page trafilatura chokes on falls back to the plain walk
        return None


def _metadata_only(html: str, url: str) -> Any:
    """trafilatura's metadata for a page whose text it did not extract, or None."""
    import trafilatura

    try:
        return trafilatura.extract_metadata(html, default_url=url or None)
    except Exception:  # noqa: BLE001 - metadata is optional
        return None


def _fallback_walk(html: str, base_url: str) -> TreeWalker | None:
    """Walk the page itself (its ``<article>``, ``<main>`` or ``<body>``), or None if unparsable."""
    import lxml.html
    from lxml import etree

    try:
        tree = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return None
    root = tree
    for xpath in _MAIN_XPATHS:
        found = tree.xpath(xpath)
        if found:
            root = found[0]
            break
    walker = TreeWalker(html_role, base_url)
    walker.walk(root)
    return walker if walker.builder.blocks else None


def _page_title(html: str) -> str:
    """The ``<title>`` of a page, for pages trafilatura could not read."""
    match = re.search(r"<title[^>]*>(.*?)</title", html, re.IGNORECASE | re.DOTALL)
    if not match:
        return ""
    import html as html_lib

    return clean_line(html_lib.unescape(match.group(1)))


def parse_html(text: str, source: str = "", fallback_title: str = "", *, base_url: str = "") -> Article:
    """Parse an HTML page into an :class:`Article` holding its main text.

    ``source`` is stored on the article (a path or URL); ``base_url`` (or ``source`` when it
    is a URL, or the page's canonical URL) resolves relative links. Metadata keys: ``author``,
    ``site``, ``published`` (``YYYY-MM-DD``) and ``url``. Raises :class:`ReaderError` when the
    page holds no readable text. The result depends only on the input (and, through the
    date check that ignores dates in the future, on today's date).
    """
    if not base_url and source.lower().startswith(("http://", "https://")):
        base_url = source
    html = neutralize(text)
    if not html.strip():
        raise ReaderError(f"{source or 'input'}: the page is empty")
    book_length = len(_BLOCK_TAG.findall(html, 0, len(html))) > LARGE_PAGE_BLOCKS
    doc = None if book_length else _extract(html, base_url)
    meta_doc = doc
    walker: TreeWalker | None = None
    link_base = base_url or (safe_href(doc.url) or "" if doc is not None else "")
    if doc is not None and getattr(doc, "body", None) is not None:
        walker = TreeWalker(trafilatura_role, link_base)
        walker.walk(doc.body)
        if walker.builder.length < SHORT_EXTRACTION:
            # Below this size trafilatura's last resort is a flat dump of the whole page
            # (menus included); the structural walk, which drops navigation, does better.
            walker = _fallback_walk(html, link_base) or walker
    else:
        walker = _fallback_walk(html, link_base)
        if meta_doc is None:
            meta_doc = _metadata_only(html, base_url)
    if walker is None or not walker.builder.blocks:
        raise ReaderError(f"{source or 'input'}: no readable article text in this page")

    metadata: dict[str, str] = {}
    if meta_doc is not None:
        for key, attribute in (("author", "author"), ("site", "sitename"), ("published", "date"),
                               ("url", "url")):
            value = clean_line(str(getattr(meta_doc, attribute, None) or ""))
            if key == "url":
                value = safe_href(value) or ""  # a page's canonical link is as untrusted as its text
            if value:
                metadata[key] = value
    if base_url:
        metadata["url"] = base_url
    title = clean_line(str(getattr(meta_doc, "title", None) or "")) if meta_doc is not None else ""
    title = title or _page_title(html) or walker.first_heading or fallback_title or "untitled"
    builder = walker.builder
    return Article(title=title, text=builder.text(), blocks=builder.blocks, source=source, format="html",
                   metadata=metadata)
