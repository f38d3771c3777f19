"""Escaping article text so it stays text in any markdown notes app.

Article text is untrusted. In exported markdown it must not become HTML (``<script>``), a link
(``[x](javascript:...)``, bare ``https://`` autolinks, ``[[wikilinks]]``), an Obsidian or
Logseq tag (``#word``), a block reference (``^id``), a highlight (``==x==``), a comment
(``%%x%%``), maths (``$x$``) or a new block (a line starting with ``-``, ``+``, ``1.``, ``#``,
``>``, ``---``). CommonMark lets any ASCII punctuation be backslash-escaped, so every
character with a meaning is escaped; ordinary sentence punctuation (``. , ; : ' " ? ( )``) is
left alone so the export stays readable.
"""

from __future__ import annotations

import re

from reader.sanitize import clean_line, clean_text

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~!$%^=&])")
_LINE_START = re.compile(r"^(\s*)([-+]|\d+(?=[.)]))", re.MULTILINE)
_AUTOLINK = re.compile(r"(?i)\b(https?|ftp|mailto|javascript|data|file|vbscript)(:)|\b(www)(\.)")
_TAG_CHARS = re.compile(r"[^\w/-]+")


def escape_inline(text: str) -> str:
    """Escape one line or paragraph of article text for use inside markdown."""
    text = _SPECIAL.sub(r"\\\1", clean_text(text))
    text = _AUTOLINK.sub(lambda m: f"{m.group(1) or m.group(3)}\\{m.group(2) or m.group(4)}", text)
    return _LINE_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}", text)


def blockquote(text: str) -> str:
    """Article text as a markdown block quote: every line, blank ones too, starts with ``>``."""
    lines = escape_inline(text.strip("\n")).split("\n")
    return "\n".join(f"> {line}" if line.strip() else ">" for line in lines)


def clean_tag(tag: str) -> str:
    """A tag fit for YAML lists and ``#tag`` syntax: no ``#``, no spaces, only word characters, / and -."""
    tag = clean_line(tag).lstrip("#").replace(" ", "-")
    return _TAG_CHARS.sub("", tag).strip("-/")


def block_id(note_id: str) -> str:
    """An Obsidian block id (letters, digits and dashes) stable for a given note id."""
    return "note-" + (re.sub(r"[^A-Za-z0-9-]", "", note_id) or "x")
