"""An Article as plain JSON-ready data, and back, so a fetched page can be reopened offline.

The library stores what was extracted from a URL, not the page: :func:`article_to_dict`
gives a dict of str/int/list/dict values only (orjson or json can write it), and
:func:`article_from_dict` rebuilds an identical Article without parsing or fetching
anything, so note offsets into ``text`` stay valid. Blocks are stored compactly: default
attributes are left out. Everything read back passes through the sanitizer again, since a
stored file is input too; a malformed dict raises :class:`ReaderError`.
"""

from __future__ import annotations

from typing import Any

from reader.document.model import Article, Block, BlockKind, Inline, InlineKind
from reader.errors import ReaderError
from reader.sanitize import clean_line, clean_text

FORMAT_VERSION = 1
_BLOCK_DEFAULTS: dict[str, Any] = {"level": 0, "depth": 0, "quote": 0, "marker": "", "lang": "", "header_rows": 0}


def article_to_dict(article: Article) -> dict[str, Any]:
    """A JSON-ready dict holding everything needed to rebuild ``article``."""
    blocks = []
    for block in article.blocks:
        entry: dict[str, Any] = {"kind": block.kind.value, "start": block.start, "end": block.end}
        for name, default in _BLOCK_DEFAULTS.items():
            value = getattr(block, name)
            if value != default:
                entry[name] = value
        if block.inlines:
            entry["inlines"] = [
                [i.kind.value, i.start, i.end] + ([i.href] if i.href is not None else []) for i in block.inlines
            ]
        blocks.append(entry)
    return {
        "version": FORMAT_VERSION,
        "title": article.title,
        "source": article.source,
        "format": article.format,
        "metadata": dict(article.metadata),
        "text": article.text,
        "blocks": blocks,
    }


def article_from_dict(data: dict[str, Any]) -> Article:
    """Rebuild an Article from :func:`article_to_dict` output; raise ReaderError if it is malformed."""
    try:
        if data.get("version") != FORMAT_VERSION:
            raise ValueError(f"unknown version {data.get('version')!r}")
        text = str(data["text"])
        if clean_text(text) != text:
            raise ValueError("text holds control characters")
        length = len(text)
        blocks = []
        for entry in data["blocks"]:
            attrs = {name: type(default)(entry.get(name, default)) for name, default in _BLOCK_DEFAULTS.items()}
            attrs["marker"] = clean_line(attrs["marker"])
            attrs["lang"] = clean_line(attrs["lang"])
            start, end = int(entry["start"]), int(entry["end"])
            if not 0 <= start <= end <= length:
                raise ValueError(f"block range {start}-{end} outside the text")
            inlines = []
            for item in entry.get("inlines", ()):
                kind, i_start, i_end = InlineKind(item[0]), int(item[1]), int(item[2])
                if not start <= i_start <= i_end <= end:
                    raise ValueError(f"inline range {i_start}-{i_end} outside its block")
                href = clean_line(str(item[3])) if len(item) > 3 else None
                inlines.append(Inline(kind, i_start, i_end, href))
            blocks.append(Block(BlockKind(entry["kind"]), start, end, inlines=inlines, **attrs))
        metadata = {clean_line(str(k)): clean_line(str(v)) for k, v in dict(data.get("metadata") or {}).items()}
        return Article(title=clean_line(str(data.get("title", ""))), text=text, blocks=blocks,
                       source=clean_line(str(data.get("source", ""))), format=str(data.get("format", "text")),
                       metadata=metadata)
    except (KeyError, TypeError, ValueError, IndexError, AttributeError) as exc:
        raise ReaderError(f"stored article is damaged ({clean_line(str(exc))})") from None
