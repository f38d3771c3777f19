"""Classifiers that tell :class:`reader.document.web_walk.TreeWalker` what an element is.

:func:`trafilatura_role` reads trafilatura's small XML vocabulary (``head``, ``p``, ``quote``,
``list``/``item``, ``code``, ``table``/``row``/``cell``, ``hi``, ``ref``, ``del``, ``lb``);
:func:`html_role` reads ordinary HTML for the fallback used when trafilatura finds nothing.
"""

from __future__ import annotations

import reader.document.web_walk as w
from reader.document.model import InlineKind

_BOLD = w.Role(w.STYLE, style=InlineKind.BOLD)
_ITALIC = w.Role(w.STYLE, style=InlineKind.ITALIC)
_CODE = w.Role(w.STYLE, style=InlineKind.CODE)
_STRIKE = w.Role(w.STYLE, style=InlineKind.STRIKE)
_SKIP = w.Role(w.SKIP)
_CONTAINER = w.Role(w.CONTAINER)
_INLINE = w.Role(w.INLINE)
_PARAGRAPH = w.Role(w.PARAGRAPH)
_QUOTE = w.Role(w.QUOTE)
_ITEM = w.Role(w.ITEM)
_BREAK = w.Role(w.BREAK)
_ROW = w.Role(w.ROW)
_TABLE = w.Role(w.TABLE)


def _tag(element: object) -> str:
    """The lower-case local tag name, or "" for comments and processing instructions."""
    tag = getattr(element, "tag", None)
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2].lower()


def _heading_level(value: str | None) -> int:
    if value and len(value) == 2 and value[0] in "hH" and value[1] in "123456":
        return int(value[1])
    return 2


def trafilatura_role(element: object) -> w.Role:
    """Role of an element of trafilatura's XML output."""
    tag = _tag(element)
    get = element.get  # type: ignore[attr-defined]
    if tag == "p":
        return _PARAGRAPH
    if tag == "head":
        return w.Role(w.HEADING, level=_heading_level(get("rend")))
    if tag == "hi":
        rend = get("rend") or ""
        if "#b" in rend:
            return _BOLD
        if "#i" in rend:
            return _ITALIC
        if "#t" in rend:
            return _CODE
        return _INLINE
    if tag == "ref":
        return w.Role(w.STYLE, style=InlineKind.LINK, href=get("target"))
    if tag == "del":
        return _STRIKE
    if tag == "lb":
        return _BREAK
    if tag == "quote":
        return _QUOTE
    if tag == "list":
        return w.Role(w.LIST, ordered=(get("rend") or "").lower() == "ol")
    if tag == "item":
        return _ITEM
    if tag == "code":
        return w.Role(w.CODE_AUTO)
    if tag == "table":
        return _TABLE
    if tag == "row":
        return _ROW
    if tag == "cell":
        return w.Role(w.CELL, head=get("role") == "head")
    if tag in ("graphic", "") or tag == "fw":
        return _SKIP
    return _CONTAINER


_HTML_SKIP = frozenset({
    "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed", "applet",
    "svg", "math", "canvas", "video", "audio", "picture", "img", "source", "track", "map", "area",
    "form", "button", "input", "select", "option", "textarea", "label", "fieldset", "dialog",
    "nav", "header", "footer", "aside", "menu", "head", "title", "meta", "link", "base",
})
_HTML_CONTAINERS = frozenset({
    "html", "body", "main", "article", "section", "div", "figure", "figcaption", "address", "details",
    "summary", "center", "dl", "dt", "dd", "hgroup", "caption", "legend",
})
_HTML_STYLES = {
    "b": _BOLD, "strong": _BOLD, "i": _ITALIC, "em": _ITALIC, "cite": _ITALIC, "dfn": _ITALIC,
    "code": _CODE, "kbd": _CODE, "samp": _CODE, "tt": _CODE, "var": _ITALIC,
    "s": _STRIKE, "del": _STRIKE, "strike": _STRIKE,
}


def html_role(element: object) -> w.Role:
    """Role of an ordinary HTML element, for the fallback walk of a whole page."""
    tag = _tag(element)
    get = element.get  # type: ignore[attr-defined]
    if not tag or tag in _HTML_SKIP or get("hidden") is not None or get("aria-hidden") == "true":
        return _SKIP
    if tag == "p":
        return _PARAGRAPH
    if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
        return w.Role(w.HEADING, level=int(tag[1]))
    if tag in _HTML_STYLES:
        return _HTML_STYLES[tag]
    if tag == "a":
        return w.Role(w.STYLE, style=InlineKind.LINK, href=get("href"))
    if tag == "br":
        return _BREAK
    if tag == "hr":
        return w.Role(w.RULE)
    if tag == "blockquote":
        return _QUOTE
    if tag in ("ul", "ol"):
        return w.Role(w.LIST, ordered=tag == "ol")
    if tag == "li":
        return _ITEM
    if tag == "pre":
        return w.Role(w.CODE_BLOCK)
    if tag == "table":
        return _TABLE
    if tag in ("thead", "tbody", "tfoot"):
        return w.Role(w.ROW_GROUP, head=tag == "thead")
    if tag == "tr":
        return _ROW
    if tag in ("td", "th"):
        return w.Role(w.CELL, head=tag == "th")
    if tag in _HTML_CONTAINERS:
        return _CONTAINER
    return _INLINE
