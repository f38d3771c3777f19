"""Article texts for library-wide work (search, notes, speakers) without re-reading every source.

Reading and parsing 1,000 source files takes seconds; a ``stat`` of each takes milliseconds.
The text of each article is kept in ``texts.json`` in the library's cache folder with what it
was read from: a file's size and modification time, or the hash of the copy the library
stores (web pages). A source that changed since is read again; one that can no longer be
read falls back to its cached text, or is reported and skipped. A text that is not ASCII is
kept folded too (with the fold's version, and its offset map in the rare case one is needed),
since folding it costs far more than reading it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from reader.document import is_url, load
from reader.errors import ReaderError
from reader.services.cache_files import TableFile, cache_dir
from reader.services.fold import FOLD_VERSION, IDENTITY, FoldMap, fold, fold_map

if TYPE_CHECKING:
    from reader.store import ArticleRecord, Library


@dataclass(slots=True)
class ArticleText:
    """An article's current text, its hash, and its folded form for matching."""

    id: str
    text: str
    hash: str
    _folded: str | None = None
    _map: FoldMap | None = None

    @property
    def folded(self) -> str:
        """The text folded for matching (:func:`reader.services.fold.fold`; computed once)."""
        if self._folded is None:
            self._folded = fold(self.text)
        return self._folded

    @property
    def fold_map(self) -> FoldMap:
        """Offsets in :attr:`folded` back to offsets in the text (computed once, or cached)."""
        if self._map is None:
            self._map = fold_map(self.text)
        return self._map

    def source_span(self, start: int, end: int) -> tuple[int, int] | None:
        """The span of ``text`` that ``folded[start:end]`` was folded from (see :class:`FoldMap`)."""
        return self.fold_map.to_source(start, end)


@dataclass(slots=True)
class Texts:
    """The texts found, by article id, and one line per article that could not be read."""

    by_id: dict[str, ArticleText] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def texts_file(library: Library) -> TableFile:
    """The cache file of article texts for ``library``."""
    return TableFile(cache_dir(library.path) / "texts.json")


def source_key(record: ArticleRecord) -> list[Any] | None:
    """What the text was read from, to notice a change; None if the source cannot be read."""
    if record.has_text:
        return ["stored", record.text_hash]
    if is_url(record.source):
        return None
    try:
        st = os.stat(record.source)
    except OSError:
        return None
    return ["file", st.st_size, st.st_mtime_ns]


def _read(library: Library, record: ArticleRecord) -> str:
    if record.has_text:
        stored = library.stored_text(record.id)
        if stored is not None:
            return stored
    return load(record.source).text


def article_texts(library: Library, records: Iterable[ArticleRecord], *, cached_only: bool = False) -> Texts:
    """The current text of each article in ``records`` (see the module docstring).

    ``cached_only``: never read a source, use what the cache has (for a quick first answer).
    """
    from reader.store import text_hash

    table = texts_file(library)
    entries = table.entries()
    out = Texts()
    changes: dict[str, Any] = {}
    for record in records:
        entry = entries.get(record.id)
        key = source_key(record)
        fresh = entry is not None and isinstance(entry.get("text"), str) and (
            key is None or entry.get("key") == key)
        if fresh or (cached_only and entry is not None and isinstance(entry.get("text"), str)):
            assert entry is not None
            folded = entry.get("folded")
            text = entry["text"]
            mapping = FoldMap.from_json(entry.get("fold_map", []))
            current = (isinstance(folded, str) and entry.get("fold") == FOLD_VERSION and mapping is not None
                       and mapping.fits(text, folded))
            item = out.by_id[record.id] = ArticleText(
                record.id, text, str(entry.get("hash", "")), folded if current else None,
                mapping if current else None)
            if item._folded is None and not text.isascii() and not cached_only:
                # an entry from before folded texts, folded another way, or damaged
                changes[record.id] = {**entry, **_folding(item)}
            continue
        if cached_only:
            continue
        try:
            text = _read(library, record)
        except ReaderError as exc:
            out.problems.append(str(exc))
            continue
        digest = text_hash(text)
        item = out.by_id[record.id] = ArticleText(record.id, text, digest)
        changes[record.id] = {"key": key, "hash": digest, "text": text}
        if not text.isascii():  # folding such a text costs ~100 times more than lower(): keep it
            changes[record.id].update(_folding(item))
    if changes:
        table.update(changes)
    return out


def _folding(item: ArticleText) -> dict[str, Any]:
    """What the cache keeps of a non-ASCII text's fold: the folded text, the fold's version, and
    the offset map when the fold changed the length of some characters (rare)."""
    out: dict[str, Any] = {"folded": item.folded, "fold": FOLD_VERSION}
    mapping = item.fold_map
    if mapping is not IDENTITY:
        out["fold_map"] = mapping.to_json()
    return out


def forget_texts(library: Library, article_ids: Iterable[str]) -> None:
    """Drop cached texts (e.g. of removed articles)."""
    texts_file(library).update(dict.fromkeys(article_ids))
