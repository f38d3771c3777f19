"""Feeds in the library file: the subscriptions, and which items were already taken.

Two tables of their own, next to the articles (an older reader ignores them):

- ``feeds``: one document per feed, id derived from the address it was added with (so it
  stays the same when the feed moves): address, title, site, tags, the HTTP validators of the
  last answer (``etag``, ``modified``) and what the last refresh found;
- ``feed_items``: one document per item key (``guid:...`` or ``link:...``, hashed), pointing
  at the article made of it, so an item is taken once across refreshes *and* across feeds,
  even when a feed changes its guids (the link still matches) or an article was removed.

Items become articles in :meth:`FeedStore.add_items`: the articles, their stored text, their
feed fields and their keys go in one transaction under the library's lock, so a refresh killed
halfway leaves whole articles or none, never an article without its keys (or keys without it).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from tinydb.table import Document

from reader.errors import ReaderError
from reader.sanitize import clean_line
from reader.store import schema
from reader.store.library import article_id
from reader.store.models import ArticleRecord
from reader.store.schema import count_field, text_field
from reader.store.tags import normalize_tags

if TYPE_CHECKING:
    from reader.document.model import Article
    from reader.store.library import Library

FEEDS = "feeds"
FEED_ITEMS = "feed_items"


def feed_id(url: str) -> str:
    """The stable id of a feed: derived from the address it was first added with."""
    return hashlib.sha256(("feed:" + url).encode("utf-8", "surrogatepass")).hexdigest()[:12]


def key_id(key: str) -> str:
    """The document id of an item key (``guid:...`` or ``link:...``)."""
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:20]


@dataclass(frozen=True, slots=True)
class FeedRecord:
    """A feed the library follows (read tolerantly: a damaged field falls back to its default)."""

    id: str
    url: str
    title: str = ""
    site: str = ""
    tags: tuple[str, ...] = ()
    added: str = ""
    checked: str = ""
    """When the last refresh asked the server."""
    changed: str = ""
    """When the last refresh found the feed changed (not a 304)."""
    etag: str = ""
    modified: str = ""
    error: str = ""
    """What went wrong at the last refresh ("" if it went well)."""
    items: int = 0
    """Articles taken from this feed so far."""
    moved_from: tuple[str, ...] = field(default_factory=tuple)

    @property
    def name(self) -> str:
        """The title, or the address when the feed has no title yet."""
        return self.title or self.url

    @classmethod
    def from_record(cls, doc_id: str, doc: dict[str, Any]) -> FeedRecord:
        """Build from a stored JSON object."""
        tags = doc.get("tags")
        moved = doc.get("moved_from")
        return cls(
            id=str(doc_id), url=text_field(doc.get("url")), title=text_field(doc.get("title")), site=text_field(doc.get("site")),
            tags=tuple(t for t in tags if isinstance(t, str)) if isinstance(tags, list) else (),
            added=text_field(doc.get("added")), checked=text_field(doc.get("checked")), changed=text_field(doc.get("changed")),
            etag=text_field(doc.get("etag")), modified=text_field(doc.get("modified")), error=text_field(doc.get("error")),
            items=count_field(doc.get("items")),
            moved_from=tuple(m for m in moved if isinstance(m, str)) if isinstance(moved, list) else (),
        )

    def to_record(self) -> dict[str, Any]:
        """The JSON object stored for this feed (without its id)."""
        return {"url": self.url, "title": self.title, "site": self.site, "tags": list(self.tags),
                "added": self.added, "checked": self.checked, "changed": self.changed, "etag": self.etag,
                "modified": self.modified, "error": self.error, "items": self.items,
                "moved_from": list(self.moved_from)}

    def to_json(self, unread: int | None = None) -> dict[str, Any]:
        """A plain dict for ``reader feed list --json``."""
        out: dict[str, Any] = {"id": self.id, **self.to_record()}
        if unread is not None:
            out["unread"] = unread
        return out


@dataclass(frozen=True, slots=True)
class NewItem:
    """An item ready to enter the library: its article, its keys, and what its text is."""

    article: Article
    keys: tuple[str, ...]
    fulltext: str = ""
    author: str = ""
    published: str = ""


class FeedStore:
    """The feeds and item keys of one :class:`~reader.store.library.Library`."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self._feeds = library._table(FEEDS)
        self._keys = library._table(FEED_ITEMS)

    # -- feeds -------------------------------------------------------------------------------

    def feeds(self) -> list[FeedRecord]:
        """Every feed, by title (then address)."""
        with self.library.storage.mutex:
            feeds = [FeedRecord.from_record(fid, doc) for fid, doc in self._feeds.raw().items()]
        return sorted(feeds, key=lambda f: (f.name.casefold(), f.url))

    def get_feed(self, ref: str) -> FeedRecord | None:
        """A feed by id, address (current, first or earlier), or a unique id prefix of 4+ characters."""
        ref = ref.strip()
        feeds = self.feeds()
        for feed in feeds:
            if ref in (feed.id, feed.url) or ref in feed.moved_from:
                return feed
        if len(ref) >= 4:
            matches = [f for f in feeds if f.id.startswith(ref.lower())]
            if len(matches) > 1:
                raise ReaderError(f"{clean_line(ref)}: more than one feed id starts with this; give more of it")
            if matches:
                return matches[0]
        return None

    def feed(self, ref: str) -> FeedRecord:
        """Like :meth:`get_feed` but raises :class:`ReaderError` when there is no such feed."""
        found = self.get_feed(ref)
        if found is None:
            raise ReaderError(f"{clean_line(ref)}: no such feed (see 'reader feed list')")
        return found

    def add_feed(self, url: str, *, title: str = "", site: str = "", tags: Iterable[str] = ()) -> tuple[FeedRecord, bool]:
        """Follow the feed at ``url``; returns it and whether it is new (a known one gains ``tags``)."""
        clean_tags = normalize_tags(tags)
        with self.library.storage.transaction():
            known = self.get_feed(url)
            if known is not None:
                merged = replace(known, tags=known.tags + tuple(t for t in clean_tags if t not in known.tags),
                                 title=known.title or clean_line(title), site=known.site or site)
                self._put(merged)
                self.library._register_tags(clean_tags)
                return merged, False
            record = FeedRecord(id=feed_id(url), url=url, title=clean_line(title), site=site, tags=clean_tags,
                                added=schema.now())
            self._put(record)
            self.library._register_tags(clean_tags)
        return record, True

    def remove_feed(self, ref: str) -> FeedRecord:
        """Stop following a feed; the articles taken from it stay in the library with their notes."""
        with self.library.storage.transaction():
            record = self.feed(ref)
            self._feeds.remove(doc_ids=[record.id])
        return record

    def update_feed(self, feed: str, **changes: Any) -> FeedRecord | None:
        """Save changed fields of a feed (``title``, ``etag``, ``error``, ``url``...).

        Returns None, saving nothing, when the feed was removed meanwhile (by another process).
        """
        with self.library.storage.transaction():
            doc = self._feeds.get(doc_id=feed)
            if doc is None:
                return None
            record = replace(FeedRecord.from_record(feed, doc), **changes)
            self._put(record)
        return record

    def _put(self, record: FeedRecord) -> None:
        self._feeds.upsert(Document(record.to_record(), doc_id=record.id))

    # -- items -------------------------------------------------------------------------------

    def known(self, keys: Iterable[str]) -> set[str]:
        """Which of ``keys`` were taken before (from any feed); one read for a whole page of items."""
        with self.library.storage.mutex:
            raw = self._keys.raw()
            return {key for key in keys if key_id(key) in raw}

    def add_items(self, feed: FeedRecord, items: Sequence[NewItem]) -> list[ArticleRecord]:
        """Add items as articles (tagged with the feed's tags), in one transaction.

        An item whose key was taken meanwhile (another feed, another process) is skipped; an
        item whose link is already a library article gains the feed's key but keeps its
        record (the user's article is never overwritten by a summary).
        """
        added: list[ArticleRecord] = []
        library = self.library
        with library.storage.transaction():
            raw = self._keys.raw()
            stored = library._articles.raw()
            for item in items:
                if any(key_id(k) in raw for k in item.keys):
                    continue
                aid = article_id(item.article.source)
                if aid not in stored:
                    record = library._put_article(item.article, feed.tags, True)
                    extra = {k: v for k, v in (("author", item.author), ("published", item.published),
                                               ("site", feed.title)) if v and not record.metadata.get(k)}
                    record = replace(record, feed=feed.id, fulltext=item.fulltext,
                                     metadata={**record.metadata, **extra})
                    library._articles.upsert(Document(record.to_record(), doc_id=aid))
                    added.append(record)
                for key in item.keys:
                    self._keys.upsert(Document({"article": aid, "feed": feed.id}, doc_id=key_id(key)))
            if added:
                doc = self._feeds.get(doc_id=feed.id)
                if doc is not None:
                    self._feeds.update({"items": count_field(doc.get("items")) + len(added)}, doc_ids=[feed.id])
        return added

    def set_fulltext(self, article: Article, state: str) -> ArticleRecord:
        """Replace a feed item's summary with its page (``state`` ""), or record why not (``failed``)."""
        library = self.library
        with library.storage.transaction():
            if state == "":
                record = library._put_article(article, (), True)
            else:
                record = library.article(article.source)
            record = replace(record, fulltext=state)
            library._articles.upsert(Document(record.to_record(), doc_id=record.id))
        return record

    def unread_counts(self) -> dict[str, int]:
        """How many unread, unarchived articles each feed has."""
        counts: dict[str, int] = {}
        with self.library.storage.mutex:
            for doc in self.library._articles.raw().values():
                fid = doc.get("feed")
                if isinstance(fid, str) and fid and doc.get("read") is not True and doc.get("archived") is not True:
                    counts[fid] = counts.get(fid, 0) + 1
        return counts
