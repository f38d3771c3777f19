"""The library: articles, notes, tags and settings in one TinyDB file that never loses a note.

Every change runs in one transaction of :class:`~reader.store.storage.AtomicJSONStorage`:
lock the file, re-read it if another process changed it, change, write atomically, unlock.
A method returns only after the change is durably on disk; if it raises
:class:`~reader.errors.ReaderError`, the file is unchanged. Reads take no file lock (writes
replace the file atomically, so a reader always sees a whole version) but notice changes made
by other processes. One :class:`Library` may be shared by threads.

Typical use::

    lib = Library.open(db_path)              # None: the platform data folder
    record = lib.add_article(article)        # never stores the body
    note = lib.add_note(record.id, start, end, article.text, note="why", tags=["Politics"])
    notes = lib.notes_for(record.id, article.text)   # re-anchored against the current text
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
import shutil
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tinydb import TinyDB
from tinydb.table import Document, Table

from reader.document.serialize import article_to_dict
from reader.errors import ReaderError
from reader.sanitize import clean_line, clean_text
from reader.store import schema
from reader.store.anchoring import Selector, Status, describe, reanchor
from reader.store.models import ArticleRecord, Note
from reader.store.paths import default_db_path
from reader.store.storage import AtomicJSONStorage
from reader.store.tags import normalize_tag, normalize_tags

if TYPE_CHECKING:
    from reader.document.model import Article

SORTS = ("added", "opened", "title", "source", "progress", "unread")
STATES = ("read", "unread", "archived", "unarchived")
"""What ``reader mark`` can make of an article."""


class _Table(Table):
    """A TinyDB table with string ids: ids are chosen by the library, never counted per process.

    Ids are already strings on disk, so the stock ``_update_table``'s two copies of the whole
    table (int ids to JSON keys and back) are pure overhead: this one updates the cached table
    in place. That is safe because the storage only accepts writes inside a transaction and
    drops its cache if the transaction fails.
    """

    document_id_class = str  # type: ignore[assignment]

    def _update_table(self, updater: Callable[[dict[str, Any]], None]) -> None:  # type: ignore[override]
        if not getattr(self._storage, "in_transaction", False):
            raise RuntimeError("library tables change only inside storage.transaction()")
        tables = self._storage.read()
        table = tables.setdefault(self.name, {})
        updater(table)
        self._storage.write(tables)
        self.clear_cache()

    def raw(self) -> dict[str, dict[str, Any]]:
        """The live ``{id: record}`` dict (read-only use, under the storage mutex): no copies."""
        return self._read_table()  # type: ignore[return-value]


class _TinyDB(TinyDB):
    table_class = _Table


def article_id(source: str) -> str:
    """The stable id of an article: derived from its source (absolute path or URL)."""
    return hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def text_hash(text: str) -> str:
    """The SHA-256 of an article's text, to notice when it changed."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True, slots=True)
class RemovedArticle:
    """What :meth:`Library.remove_article` took away, so :meth:`Library.restore_article` can undo it."""

    article: ArticleRecord
    notes: tuple[Note, ...]
    text: dict[str, Any] | None
    owned: tuple[tuple[str, str, dict[str, Any]], ...] = ()
    """Records of the other tables tied to the article: ``(table, doc id, record)``."""


ARTICLE_TABLES: dict[str, str | None] = {"article_notes": None, "corrections": "article"}
"""Tables of other store modules whose records belong to one article, and how: ``None`` when
the record's id is the article id (:mod:`reader.store.article_notes`), else the field holding
it (:mod:`reader.store.corrections`). Removing an article removes them with it."""


def _passage_corrected(doc: dict[str, Any], current: Iterable[dict[str, Any]]) -> bool:
    """True if ``doc``, a removed correction of a quote (its speaker, or not a quote), overlaps a
    passage of the same article that a correction now in the table is about: one made since,
    which an undo must not contradict (a new correction of a passage replaces those it overlaps)."""
    def span(record: dict[str, Any]) -> tuple[int, int] | None:
        start, end = record.get("start"), record.get("end")
        if record.get("kind") == "entity_kind" or type(start) is not int or type(end) is not int:
            return None
        return start, end

    mine = span(doc)
    return mine is not None and any(
        record.get("article") == doc.get("article") and other[0] < mine[1] and mine[0] < other[1]
        for record in current if (other := span(record)))


class Library:
    """Articles, notes, tags and settings of one library file (see the module docstring)."""

    def __init__(self, path: str | os.PathLike[str], *, lock_timeout: float = 10.0) -> None:
        """Use :meth:`open`, which also checks the file and migrates old schemas."""
        self._db = _TinyDB(os.fspath(path), storage=AtomicJSONStorage, lock_timeout=lock_timeout)
        self.storage: AtomicJSONStorage = self._db.storage  # type: ignore[assignment]
        self.path: Path = self.storage.path
        self._articles = self._table("articles")
        self._notes = self._table("notes")
        self._tags = self._table("tags")
        self._settings = self._table("settings")
        self._texts = self._table("texts")

    def _table(self, name: str) -> _Table:
        table = self._db.table(name, cache_size=0)  # no query cache: another process may change the file
        assert isinstance(table, _Table)
        return table

    def table(self, name: str) -> _Table:
        """Another table of this library file, for stores kept in modules of their own
        (e.g. :mod:`reader.store.corrections`); change it only inside ``storage.transaction()``."""
        return self._table(name)

    # -- opening -----------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | os.PathLike[str] | None = None, *, lock_timeout: float = 10.0) -> Library:
        """Open (not yet create) the library at ``path``, or the default one in the user data folder.

        Raises :class:`ReaderError` with one line if the file is damaged, not a library, or from
        a newer version; such a file is never written to. An older schema is migrated (after
        copying the file to ``<file>.schema<N>.bak``).
        """
        if path is None:
            path = default_db_path()
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise ReaderError(f"{path.parent}: cannot create the library folder ({exc.strerror or exc}); "
                                  "choose a library file with --db") from None
        library = cls(path, lock_timeout=lock_timeout)
        library._upgrade()
        return library

    def _upgrade(self) -> None:
        with self.storage.mutex:
            if schema.schema_version(self.storage.read()) >= schema.SCHEMA_VERSION:
                return
        with self.storage.transaction() as data:
            old = schema.schema_version(data)
            if old >= schema.SCHEMA_VERSION:
                return
            backup = self.path.with_name(f"{self.path.name}.schema{old}.bak")
            if self.path.exists() and not backup.exists():
                shutil.copy2(self.path, backup)
            schema.migrate(data)
            self.storage.mark_dirty()

    def changed_on_disk(self) -> bool:
        """True if another process changed the library since this one last read or wrote it.

        The app can poll this (it costs a ``stat`` and a 30-byte read) to refresh its screens;
        the data is re-read as a side effect.
        """
        return self.storage.refresh()

    def close(self) -> None:
        """Drop the cached data; the file is never left locked between calls."""
        self._db.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Group several changes into one locked read-modify-write (one save at the end).

        Everything inside is saved together or, if the block raises, not at all.
        """
        with self.storage.transaction():
            yield

    @contextlib.contextmanager
    def _reading(self) -> Iterator[None]:
        with self.storage.mutex:
            yield

    # -- articles ----------------------------------------------------------------------------

    def add_article(self, article: Article, *, tags: Iterable[str] = (), store_text: bool = False) -> ArticleRecord:
        """Add ``article`` (or refresh it if its source is known) and return its record.

        Adding twice is not an error: title, format, metadata and the text hash are refreshed,
        and if the text changed, the article's notes are re-anchored and their new offsets saved.
        The body is never stored, except with ``store_text=True`` (meant for fetched web pages
        that cannot be read again): then it goes to the separate ``texts`` table.
        """
        return self.add_articles([article], tags=tags, store_text=store_text)[0]

    def add_articles(self, articles: Iterable[Article], *, tags: Iterable[str] = (),
                     store_text: bool = False) -> list[ArticleRecord]:
        """Add several articles in one save; see :meth:`add_article`."""
        clean_tags = normalize_tags(tags)
        articles = list(articles)
        for article in articles:
            if not article.source or article.source == "-":
                raise ReaderError("an article read from standard input has no source to keep; "
                                  "save it to a file and add that")
        records: list[ArticleRecord] = []
        with self.storage.transaction():
            for article in articles:
                records.append(self._put_article(article, clean_tags, store_text))
        return records

    def _put_article(self, article: Article, tags: tuple[str, ...], store_text: bool) -> ArticleRecord:
        aid = article_id(article.source)
        digest = text_hash(article.text)
        stored = self._articles.get(doc_id=aid)
        title = clean_line(article.title) or "untitled"
        metadata = {clean_line(str(k)): clean_line(v) for k, v in article.metadata.items() if isinstance(v, str)}
        if stored is None:
            record = ArticleRecord(id=aid, source=article.source, title=title, format=article.format,
                                   text_hash=digest, length=len(article.text), metadata=metadata,
                                   added=schema.now(), tags=tags, has_text=store_text)
        else:
            old = ArticleRecord.from_record(aid, stored)
            if old.text_hash and old.text_hash != digest:
                self._reanchor_saved(aid, article.text)
            if old.feed:  # a feed item's author, date and feed survive its page replacing the summary
                metadata = {**old.metadata, **metadata}
            record = replace(old, source=article.source, title=old.title if old.renamed else title,
                             format=article.format, text_hash=digest,
                             length=len(article.text), metadata=metadata,
                             position=min(old.position, len(article.text)),
                             tags=old.tags + tuple(t for t in tags if t not in old.tags),
                             has_text=old.has_text or store_text,
                             fulltext="" if store_text and old.text_hash != digest else old.fulltext)
        self._articles.upsert(Document(record.to_record(), doc_id=aid))
        self._register_tags(tags)
        kept = self._texts.get(doc_id=aid) if (store_text or record.has_text) else None
        if (store_text or (stored is not None and record.has_text)) and (
                kept is None or kept.get("text_hash") != digest):  # an unchanged copy is not rewritten
            structure = {k: v for k, v in article_to_dict(article).items() if k != "text"}
            self._texts.upsert(Document({"text": article.text, "text_hash": digest, "saved": schema.now(),
                                         "structure": structure}, doc_id=aid))
        return record

    def _reanchor_saved(self, aid: str, text: str) -> list[Note]:
        """Re-anchor an article's notes against ``text`` and save offsets and statuses that changed."""
        notes = self._notes_of(aid)
        moved = reanchor(notes, text)
        for before, after in zip(notes, moved, strict=True):
            if (before.start, before.end, before.status) != (after.start, after.end, after.status):
                self._notes.update({"target": {"selector": after.selector.to_w3c()}, "status": str(after.status)},
                                   doc_ids=[after.id])
        return moved

    def sync_article(self, article: Article) -> list[Note]:
        """Bring a known article's record and notes up to date with its current text.

        If the text hash is unchanged this only reads; otherwise the notes are re-anchored and
        the new offsets, statuses and hash saved. Returns the article's notes, sorted.
        Raises :class:`ReaderError` if the article is not in the library.
        """
        aid = article_id(article.source)
        record = self.article(aid)
        if record.text_hash == text_hash(article.text):
            return self.notes_for(aid)
        self.add_article(article)
        return self.notes_for(aid)

    def get_article(self, ref: str) -> ArticleRecord | None:
        """The article with id ``ref``, or whose source is ``ref`` (a path is made absolute)."""
        from reader.document.loader import source_name

        with self._reading():
            for candidate in (ref, article_id(ref), article_id(source_name(ref))):
                doc = self._articles.get(doc_id=candidate)
                if doc is not None:
                    return ArticleRecord.from_record(candidate, doc)
        return None

    def article(self, ref: str) -> ArticleRecord:
        """Like :meth:`get_article` but raises :class:`ReaderError` when it is not in the library."""
        record = self.get_article(ref)
        if record is None:
            raise ReaderError(f"{clean_line(ref)}: not in the library (add it with 'reader add')")
        return record

    def articles(self, *, tag: str | None = None, sort: str = "added", query: str | None = None,
                 unread: bool | None = None, archived: bool | None = None,
                 feed: str | None = None) -> list[ArticleRecord]:
        """All articles, optionally only those tagged ``tag`` or whose title/source contains ``query``.

        ``sort``: ``added`` (newest first), ``opened`` (most recently opened first, never-opened
        last), ``title``, ``source``, ``progress`` (least read first) or ``unread`` (unread
        first, then newest). ``unread``/``archived``/``feed``: only articles in that state or
        from that feed (None: no filter; the default list passes ``archived=False``).
        """
        if sort not in SORTS:
            raise ReaderError(f"unknown sort {sort!r} (choose from {', '.join(SORTS)})")
        wanted = normalize_tag(tag) if tag is not None else None
        needle = query.casefold() if query else None
        with self._reading():
            records = [ArticleRecord.from_record(aid, doc) for aid, doc in self._articles.raw().items()]
        if wanted is not None:
            records = [r for r in records if wanted in r.tags]
        if needle:
            records = [r for r in records if needle in r.title.casefold() or needle in r.source.casefold()]
        if unread is not None:
            records = [r for r in records if r.read is not unread]
        if archived is not None:
            records = [r for r in records if r.archived is archived]
        if feed is not None:
            records = [r for r in records if r.feed == feed]
        if sort == "unread":
            records.sort(key=lambda r: r.added, reverse=True)
            return sorted(records, key=lambda r: r.read)
        keys: dict[str, Callable[[ArticleRecord], Any]] = {
            "added": lambda r: r.added, "opened": lambda r: (r.last_opened is not None, r.last_opened or ""),
            "title": lambda r: (r.title.casefold(), r.source), "source": lambda r: r.source,
            "progress": lambda r: (r.progress, r.title.casefold()),
        }
        return sorted(records, key=keys[sort], reverse=sort in ("added", "opened"))

    def remove_article(self, article_id: str) -> RemovedArticle:
        """Remove an article with everything of it in the library file (its notes, stored text,
        article note and corrections: see :data:`ARTICLE_TABLES`) in one locked, atomic save;
        returns them for :meth:`restore_article`."""
        with self.storage.transaction():
            record = self.article(article_id)
            notes = tuple(self._notes_of(record.id))
            text = self._texts.get(doc_id=record.id)
            self._articles.remove(doc_ids=[record.id])
            if notes:
                self._notes.remove(doc_ids=[n.id for n in notes])
            if text is not None:
                self._texts.remove(doc_ids=[record.id])
            owned: list[tuple[str, str, dict[str, Any]]] = []
            for name, field in ARTICLE_TABLES.items():
                table = self._table(name)
                mine = [(str(doc_id), dict(doc)) for doc_id, doc in table.raw().items()
                        if (doc_id == record.id if field is None else doc.get(field) == record.id)]
                if mine:
                    table.remove(doc_ids=[doc_id for doc_id, _ in mine])
                    owned.extend((name, doc_id, doc) for doc_id, doc in mine)
        return RemovedArticle(record, notes, dict(text) if text is not None else None, tuple(owned))

    def restore_article(self, removed: RemovedArticle) -> ArticleRecord:
        """Undo :meth:`remove_article`, overwriting nothing written since.

        The article's id comes from its source, so the same file may have been added again
        before the undo, and written on: then its record (title, position...) and stored text
        stay as they are now, with the removed record's tags added (and, if the text changed,
        the old text's hash, so the notes put back are re-anchored when it is next read); a correction made since
        stays and the removed one of the same passage or name is dropped; the two article notes
        are kept one after the other. Returns the article's record as it is after the undo.
        """
        with self.storage.transaction():
            current = self._articles.get(doc_id=removed.article.id)
            record = removed.article
            if current is not None:
                now = ArticleRecord.from_record(removed.article.id, current)
                record = replace(now, tags=now.tags + tuple(t for t in removed.article.tags if t not in now.tags))
                if removed.notes and now.text_hash != removed.article.text_hash:
                    # The notes put back were anchored on the text the article had then: with its
                    # hash, the next reader of the article sees a change and finds them again.
                    record = replace(record, text_hash=removed.article.text_hash)
            self._articles.upsert(Document(record.to_record(), doc_id=record.id))
            for note in removed.notes:
                if self._notes.get(doc_id=note.id) is None:
                    self._notes.upsert(Document(note.to_record(), doc_id=note.id))
            if removed.text is not None and self._texts.get(doc_id=record.id) is None:
                self._texts.upsert(Document(removed.text, doc_id=record.id))
            since = {name: list(self._table(name).raw().values()) for name in ARTICLE_TABLES}  # before the undo
            for name, doc_id, doc in removed.owned:
                table = self._table(name)
                kept = table.get(doc_id=doc_id)
                if kept is None:
                    if name == "corrections" and _passage_corrected(doc, since[name]):
                        continue
                    table.upsert(Document(doc, doc_id=doc_id))
                elif name == "article_notes" and isinstance(kept.get("note"), str) and isinstance(doc.get("note"), str) \
                        and doc["note"] not in kept["note"]:
                    table.upsert(Document({**kept, "note": kept["note"] + "\n\n" + doc["note"]}, doc_id=doc_id))
            self._register_tags(record.tags + tuple(t for n in removed.notes for t in n.tags))
        return record

    def set_position(self, article_id: str, position: int) -> ArticleRecord:
        """Save the reading position (an offset into the text). Each call is a save: debounce it."""
        return self._change_article(article_id, lambda r: replace(r, position=max(0, min(position, r.length or position))))

    def retitle_article(self, ref: str, title: str | None) -> ArticleRecord:
        """Give the article a title of the user's choosing, kept when the article is opened again.

        ``None`` (or a blank title) goes back to the article's own headline, found when it is next
        opened or added. Raises :class:`ReaderError` for an unknown article.
        """
        clean = clean_line(title or "").strip()
        if clean:
            return self._change_article(ref, lambda r: replace(r, title=clean, renamed=True))
        return self._change_article(ref, lambda r: replace(r, renamed=False))

    def mark_opened(self, article_id: str, position: int | None = None) -> ArticleRecord:
        """Record that the article was opened now (and, optionally, the reading position)."""
        stamp = schema.now()

        def change(record: ArticleRecord) -> ArticleRecord:
            record = replace(record, last_opened=stamp)
            if position is None:
                return record
            return replace(record, position=max(0, min(position, record.length or position)))

        return self._change_article(article_id, change)

    def mark(self, ref: str, state: str) -> ArticleRecord:
        """Mark an article ``read``, ``unread``, ``archived`` or ``unarchived`` (see :data:`STATES`).

        Reading state and archive are independent: archiving keeps an article's read state.
        """
        changes = {"read": {"read": True}, "unread": {"read": False}, "archived": {"archived": True},
                   "unarchived": {"archived": False}}
        if state not in changes:
            raise ReaderError(f"unknown state {state!r} (choose from {', '.join(STATES)})")
        return self._change_article(ref, lambda r: replace(r, **changes[state]))  # type: ignore[arg-type]

    def stored_text(self, article_id: str) -> str | None:
        """The text kept with ``store_text=True``, or None."""
        with self._reading():
            doc = self._texts.get(doc_id=article_id)
        text = doc.get("text") if doc is not None else None
        return text if isinstance(text, str) else None

    def stored_article(self, article_id: str) -> Article | None:
        """The whole article kept with ``store_text=True`` (blocks, links, metadata), or None.

        Lets a fetched web page reopen offline exactly as it was (same text, so note offsets
        stay valid). A copy saved without its structure comes back as plain paragraphs.
        """
        from reader.document.serialize import article_from_dict

        with self._reading():
            doc = self._texts.get(doc_id=article_id)
            record = self._articles.get(doc_id=article_id)
        text = doc.get("text") if doc is not None else None
        if not isinstance(text, str):
            return None
        structure = doc.get("structure") if doc is not None else None
        if isinstance(structure, dict):
            try:
                return article_from_dict({**structure, "text": text})
            except ReaderError:
                pass  # damaged structure: fall back to the plain text, which is what notes anchor to
        source = record.get("source", "") if record is not None else ""
        title = record.get("title", "") if record is not None else ""
        return _plain_article(text, source if isinstance(source, str) else "", title if isinstance(title, str) else "")

    def _change_article(self, ref: str, change: Callable[[ArticleRecord], ArticleRecord]) -> ArticleRecord:
        with self.storage.transaction():
            record = change(self.article(ref))
            self._articles.upsert(Document(record.to_record(), doc_id=record.id))
        return record

    # -- tags --------------------------------------------------------------------------------

    def tag_article(self, ref: str, tags: Iterable[str]) -> ArticleRecord:
        """Add tags to an article (normalised; already-present tags are kept once)."""
        new = normalize_tags(tags)
        with self.storage.transaction():
            record = self._change_article(ref, lambda r: replace(r, tags=r.tags + tuple(t for t in new if t not in r.tags)))
            self._register_tags(new)
        return record

    def untag_article(self, ref: str, tags: Iterable[str]) -> ArticleRecord:
        """Remove tags from an article (tags it does not have are ignored)."""
        gone = set(normalize_tags(tags))
        return self._change_article(ref, lambda r: replace(r, tags=tuple(t for t in r.tags if t not in gone)))

    def retag_article(self, ref: str, tags: Iterable[str], seen: Iterable[str]) -> ArticleRecord:
        """Make an article's tags what the user chose: ``tags``, edited from ``seen``.

        Tags in ``seen`` but not in ``tags`` are removed, ``tags`` are added; a tag another
        process added meanwhile (not in ``seen``) is kept. One locked change.
        """
        wanted = normalize_tags(tags)
        removed = set(normalize_tags(seen)) - set(wanted)
        with self.storage.transaction():
            record = self._change_article(ref, lambda r: replace(
                r, tags=tuple(t for t in r.tags if t not in removed) + tuple(t for t in wanted if t not in r.tags)))
            self._register_tags(wanted)
        return record

    def tag_note(self, note_id: str, tags: Iterable[str]) -> Note:
        """Add tags to a note."""
        new = normalize_tags(tags)
        with self.storage.transaction():
            note = self.note(note_id)
            return self.update_note(note_id, tags=note.tags + tuple(t for t in new if t not in note.tags))

    def untag_note(self, note_id: str, tags: Iterable[str]) -> Note:
        """Remove tags from a note."""
        gone = set(normalize_tags(tags))
        with self.storage.transaction():
            note = self.note(note_id)
            return self.update_note(note_id, tags=[t for t in note.tags if t not in gone])

    def all_tags(self) -> dict[str, int]:
        """Every known tag with how many articles and notes carry it, sorted by name (for completion)."""
        with self._reading():
            counts: Counter[str] = Counter()
            for table in (self._articles, self._notes):
                for doc in table.raw().values():
                    if doc.get("tags"):  # most notes have none: skip them without building a list
                        counts.update(_tags_of(doc))
            known = set(self._tags.raw())
        return {name: counts.get(name, 0) for name in sorted(known | set(counts))}

    def rename_tag(self, old: str, new: str) -> int:
        """Rename a tag everywhere; if ``new`` already exists the two merge. Returns records changed."""
        return self.merge_tags([old], new)

    def merge_tags(self, sources: Iterable[str], into: str) -> int:
        """Replace each of ``sources`` by ``into`` on every article and note. Returns records changed."""
        target = normalize_tag(into)
        olds = set(normalize_tags(sources)) - {target}
        return self._retag(olds, target)

    def delete_tag(self, name: str) -> int:
        """Remove a tag from every article and note. Returns records changed."""
        return self._retag({normalize_tag(name)}, None)

    def _retag(self, olds: set[str], target: str | None) -> int:
        if not olds:
            return 0
        changed = 0

        def fix(tags: Any) -> list[str]:
            out: list[str] = []
            for tag in tags if isinstance(tags, list) else []:
                tag = target if tag in olds else tag
                if tag is not None and tag not in out:
                    out.append(tag)
            return out

        with self.storage.transaction():
            for table in (self._articles, self._notes):
                ids = [doc_id for doc_id, doc in table.raw().items() if olds & set(_tags_of(doc))]
                for doc_id in ids:
                    doc = table.get(doc_id=doc_id)
                    assert doc is not None
                    table.update({"tags": fix(doc.get("tags"))}, doc_ids=[doc_id])
                changed += len(ids)
            self._tags.remove(doc_ids=[t for t in olds if self._tags.contains(doc_id=t)])
            if target is not None:
                self._register_tags([target])
        return changed

    def _register_tags(self, tags: Iterable[str]) -> None:
        for tag in tags:
            if not self._tags.contains(doc_id=tag):
                self._tags.insert(Document({"created": schema.now()}, doc_id=tag))

    # -- notes -------------------------------------------------------------------------------

    def add_note(self, article_id: str, start: int, end: int, text: str, note: str = "",
                 tags: Iterable[str] = (), color: str = "") -> Note:
        """Save a note on ``text[start:end]`` of a library article; returns it once it is on disk.

        ``text`` is the article's current ``Article.text``; the quote, 32 characters of context
        each side and the offsets are recorded as W3C selectors. Raises :class:`ReaderError`
        for an unknown article or an empty/out-of-range passage.
        """
        try:
            selector = describe(text, start, end)
        except ValueError as exc:
            raise ReaderError(str(exc)) from None
        clean_tags = normalize_tags(tags)
        stamp = schema.now()
        with self.storage.transaction():
            record = self.article(article_id)
            note_id = self._new_note_id()
            saved = Note(id=note_id, article=record.id, quote=selector.quote, prefix=selector.prefix,
                         suffix=selector.suffix, start=start, end=end, note=_clean_note(note), tags=clean_tags,
                         created=stamp, updated=stamp, color=_checked_color(color))
            self._notes.insert(Document(saved.to_record(), doc_id=note_id))
            self._register_tags(clean_tags)
        return saved

    def _new_note_id(self) -> str:
        while True:
            candidate = secrets.token_hex(6)
            if not self._notes.contains(doc_id=candidate):
                return candidate

    def update_note(self, note_id: str, *, note: str | None = None, tags: Iterable[str] | None = None,
                    selector: Selector | None = None, color: str | None = None) -> Note:
        """Change a note's text, tags (replacing them), passage or highlight colour; returns the saved note."""
        clean_tags = normalize_tags(tags) if tags is not None else None
        with self.storage.transaction():
            current = self.note(note_id)
            changed = replace(current, updated=schema.now())
            if note is not None:
                changed = replace(changed, note=_clean_note(note))
            if clean_tags is not None:
                changed = replace(changed, tags=clean_tags)
                self._register_tags(clean_tags)
            if color is not None:
                changed = replace(changed, color=_checked_color(color))
            if selector is not None:
                changed = replace(changed, quote=selector.quote, prefix=selector.prefix, suffix=selector.suffix,
                                  start=selector.start, end=selector.end, status=Status.ANCHORED)
            self._notes.update(changed.to_record(), doc_ids=[note_id])
        return changed

    def delete_note(self, note_id: str) -> Note:
        """Delete a note; returns it so :meth:`restore_note` can undo the deletion."""
        with self.storage.transaction():
            gone = self.note(note_id)
            self._notes.remove(doc_ids=[note_id])
        return gone

    def restore_note(self, note: Note) -> Note:
        """Put back a note returned by :meth:`delete_note` (same id, same dates)."""
        with self.storage.transaction():
            self.article(note.article)
            self._notes.upsert(Document(note.to_record(), doc_id=note.id))
            self._register_tags(note.tags)
        return note

    def get_note(self, note_id: str) -> Note | None:
        """The note with this id, or None."""
        with self._reading():
            doc = self._notes.get(doc_id=note_id)
        return Note.from_record(note_id, doc) if doc is not None else None

    def note(self, note_id: str) -> Note:
        """Like :meth:`get_note` but raises :class:`ReaderError` for an unknown id."""
        found = self.get_note(note_id)
        if found is None:
            raise ReaderError(f"{clean_line(note_id)}: no such note")
        return found

    def notes_for(self, article_id: str, text: str | None = None) -> list[Note]:
        """An article's notes in text order; with ``text``, re-anchored against it (not saved)."""
        with self._reading():
            notes = self._notes_of(article_id)
        return sorted(reanchor(notes, text) if text is not None else notes, key=_note_order)

    def _notes_of(self, aid: str) -> list[Note]:
        return [Note.from_record(nid, doc) for nid, doc in self._notes.raw().items() if doc.get("article") == aid]

    def all_notes(self, *, tag: str | None = None) -> list[Note]:
        """Every note (optionally only those tagged ``tag``), grouped by article, in text order."""
        wanted = normalize_tag(tag) if tag is not None else None
        with self._reading():
            notes = [Note.from_record(nid, doc) for nid, doc in self._notes.raw().items()]
        if wanted is not None:
            notes = [n for n in notes if wanted in n.tags]
        return sorted(notes, key=lambda n: (n.article, *_note_order(n)))

    def note_counts(self) -> dict[str, int]:
        """How many notes each article has (articles without notes are absent)."""
        with self._reading():
            return dict(Counter(a for doc in self._notes.raw().values() if isinstance(a := doc.get("article"), str)))

    # -- settings ----------------------------------------------------------------------------

    def get_setting(self, key: str, default: Any = None) -> Any:
        """A saved setting (e.g. ``theme``), or ``default``."""
        with self._reading():
            doc = self._settings.get(doc_id=key)
        return doc.get("value", default) if doc is not None else default

    def set_setting(self, key: str, value: Any) -> None:
        """Save a setting; ``value`` must be JSON-serialisable."""
        with self.storage.transaction():
            self._settings.upsert(Document({"value": value, "updated": schema.now()}, doc_id=key))

    def settings(self) -> dict[str, Any]:
        """Every saved setting."""
        with self._reading():
            return {key: doc.get("value") for key, doc in self._settings.raw().items()}


def _plain_article(text: str, source: str, title: str) -> Article:
    """Paragraph blocks over ``text`` exactly as stored (split at blank lines), so offsets hold."""
    from reader.document.model import Article, Block, BlockKind

    blocks: list[Block] = []
    start = 0
    while start <= len(text):
        end = text.find("\n\n", start)
        end = len(text) if end < 0 else end
        if end > start:
            blocks.append(Block(BlockKind.PARAGRAPH, start, end))
        start = end + 2
    return Article(title=title or "untitled", text=text, blocks=blocks, source=source)


def _tags_of(doc: dict[str, Any]) -> list[str]:
    tags = doc.get("tags")
    return [t for t in tags if isinstance(t, str)] if isinstance(tags, list) else []


def _checked_color(color: str) -> str:
    from reader.store.models import HIGHLIGHT_COLORS

    if color and color not in HIGHLIGHT_COLORS:
        raise ReaderError(f"{clean_line(color)!r} is not a highlight colour (choose from {', '.join(HIGHLIGHT_COLORS)})")
    return color


def _clean_note(text: str) -> str:
    return clean_text(text).strip()


def _note_order(note: Note) -> tuple[int, int, str]:
    return (note.start, note.end, note.created)
