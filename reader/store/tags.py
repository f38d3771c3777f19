"""Tag names: one canonical form so that ``#Politics``, ``politics`` and `` politics `` are one tag."""

from __future__ import annotations

from collections.abc import Iterable

from reader.errors import ReaderError
from reader.sanitize import clean_line

MAX_TAG_LENGTH = 64


def normalize_tag(raw: str) -> str:
    """Return the canonical form of a tag, or raise :class:`ReaderError` if nothing is left.

    Control characters and escapes are removed (:func:`reader.sanitize.clean_line`), leading
    ``#`` marks are dropped, runs of whitespace become one ``-`` (a tag never holds a space) and
    the result is lower-cased, so a tag typed twice with different case is still one tag.
    """
    text = clean_line(raw).lstrip("#").strip()
    tag = "-".join(text.split()).lower()
    if not tag:
        raise ReaderError(f"{clean_line(raw)!r} is not a tag: it is empty once cleaned")
    if len(tag) > MAX_TAG_LENGTH:
        raise ReaderError(f"tag {tag[:20]!r}... is too long (the limit is {MAX_TAG_LENGTH} characters)")
    return tag


def normalize_tags(raw: Iterable[str]) -> tuple[str, ...]:
    """Normalise each tag, dropping duplicates but keeping the first-seen order."""
    seen: dict[str, None] = {}
    for item in raw:
        seen.setdefault(normalize_tag(item), None)
    return tuple(seen)
