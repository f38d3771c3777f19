"""One markdown file of a speaker's quotes across articles (``reader export --speaker NAME``)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from reader.export.escape import blockquote, escape_inline
from reader.export.markdown_export import GENERATOR, _yaml_str
from reader.sanitize import clean_line

KIND_NAMES = {"direct": "direct quote", "partial": "partial quote", "indirect": "reported speech"}


@dataclass(frozen=True, slots=True)
class SpeakerQuote:
    """A quote of the speaker with the article it is in."""

    text: str
    kind: str
    title: str
    source: str
    article: str


def speaker_export_id(name: str) -> str:
    """The stable id in the front matter of a speaker's file (re-exports replace it)."""
    return "speaker-" + hashlib.sha256(clean_line(name).casefold().encode("utf-8", "surrogatepass")).hexdigest()[:12]


def render_speaker_markdown(name: str, aliases: list[str], quotes: list[SpeakerQuote], exported: str) -> str:
    """Front matter, then the quotes grouped by article, each a block quote with the speaker in it."""
    lines = ["---", f"title: {_yaml_str(name + ': quotes')}", f"speaker: {_yaml_str(name)}",
             "aliases: [" + ", ".join(_yaml_str(a) for a in aliases) + "]",
             f"quotes: {len(quotes)}", f"exported: {_yaml_str(exported)}", f"id: {_yaml_str(speaker_export_id(name))}",
             f"generator: {_yaml_str(GENERATOR)}", "---", "", f"# {escape_inline(clean_line(name))}", ""]
    article = None
    for quote in quotes:
        if quote.article != article:
            article = quote.article
            lines += [f"## {escape_inline(clean_line(quote.title)) or 'Untitled'}", "",
                      f"Source: {escape_inline(clean_line(quote.source))}", ""]
        lines += [blockquote(quote.text), ">", f"> — {escape_inline(clean_line(name))} "
                  f"({KIND_NAMES.get(quote.kind, escape_inline(quote.kind))})", ""]
    return "\n".join(lines)
