"""Render one article's notes as a markdown file for Obsidian, Logseq or a plain folder.

Layout: YAML front matter (title, source, author, site, published, tags, exported, id,
generator), a header with the article's speakers, then each note in reading order (the
highlight as a block quote, its speaker, the note, its tags and a stable ``^block-id``), and
orphaned notes in a section of their own. The user's own note text is written as the markdown
they typed; everything taken from the article is escaped (see :mod:`reader.export.escape`).
"""

from __future__ import annotations

import json

from reader.export.escape import block_id, blockquote, clean_tag, escape_inline
from reader.export.model import ExportArticle, ExportNote
from reader.sanitize import clean_line, clean_text

GENERATOR = "reader"
"""Written into the front matter; a file without it was not written by reader."""


def _yaml_str(value: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar; control characters are already gone.
    return json.dumps(clean_line(value), ensure_ascii=False)


def front_matter(article: ExportArticle, exported: str) -> str:
    """The YAML front matter block, every value quoted so no text can change its structure."""
    lines = ["---", f"title: {_yaml_str(article.title)}", f"source: {_yaml_str(article.source)}"]
    for key in ("author", "site", "published"):
        value = getattr(article, key)
        if value:
            lines.append(f"{key}: {_yaml_str(value)}")
    tags = [t for t in (clean_tag(t) for t in article.tags) if t]
    lines.append("tags: [" + ", ".join(_yaml_str(t) for t in tags) + "]")
    lines += [f"exported: {_yaml_str(exported)}", f"id: {_yaml_str(article.id)}",
              f"generator: {_yaml_str(GENERATOR)}", "---"]
    return "\n".join(lines)


def _dates(note: ExportNote) -> str:
    """"*Noted 2026-12-04, edited 2026-12-05*" from the note's ISO dates ("" if unknown)."""
    created, updated = note.created[:10], note.updated[:10]
    if not created:
        return ""
    line = f"Noted {created}"
    if updated and updated != created:
        line += f", edited {updated}"
    return f"*{escape_inline(line)}*"


def _note_block(note: ExportNote, *, orphaned: bool = False) -> str:
    """The highlight as a block quote with its speaker inside it (``> — Name``), the dates, a
    warning for an orphaned passage, the note, and its tags and ``^block-id`` ending the
    note's own paragraph (the quote's, for a highlight without a note)."""
    quote = blockquote(note.quote)
    if note.speaker:
        quote += f"\n>\n> — {escape_inline(clean_line(note.speaker))}"
    parts = [quote]
    dates = _dates(note)
    if dates:
        parts.append(dates)
    if orphaned:
        parts.append("*This passage is no longer in the article; the quote above is the last one known.*")
    ending = " ".join([*(f"#{t}" for t in (clean_tag(t) for t in note.tags) if t), f"^{block_id(note.id)}"])
    text = clean_text(note.note).strip()
    if text:
        parts.append(f"{text} {ending}")
    elif note.tags or orphaned:
        parts.append(ending)
    else:
        parts[0] += f" {ending}"
    return "\n\n".join(parts)


def render_markdown(article: ExportArticle, exported: str) -> str:
    """The whole markdown file for ``article``."""
    out = [front_matter(article, exported), "", f"# {escape_inline(clean_line(article.title)) or 'Untitled'}", ""]
    if article.speakers:
        speakers = ", ".join(f"{escape_inline(clean_line(name))} ({count})" for name, count in article.speakers)
        out += [f"**Speakers:** {speakers}", ""]
    article_note = clean_text(article.note).strip()
    if article_note:
        out += ["## About this article", "", article_note, ""]
    anchored = article.anchored_notes
    if anchored:
        out += ["## Notes", ""]
        for note in anchored:
            out += [_note_block(note), ""]
    orphaned = article.orphaned_notes
    if orphaned:
        out += ["## Orphaned notes", ""]
        for note in orphaned:
            out += [_note_block(note, orphaned=True), ""]
    if not anchored and not orphaned and not article_note:
        out += ["*No notes yet.*", ""]
    return "\n".join(out)
