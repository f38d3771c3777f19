"""Feeds into the library: follow, refresh, import and export (shared by the CLI and the app).

A refresh asks every feed at once, :data:`WORKERS` at a time, each request with the limits of
web pages (:mod:`reader.document.fetch`: timeout, size cap, redirects checked, http(s) only)
and conditional (``If-None-Match`` / ``If-Modified-Since``), so an unchanged feed costs one
304. Each changed feed is read a page at a time (:mod:`reader.document.feed_parse`); its new
items (guid or link not seen before, in any feed) become library articles with their title,
link, author, date and feed, tagged with the feed's tags. An item's page is fetched and
extracted like any web page (and kept, to read offline) during the refresh, or when the item
is first opened: the ``feed_fulltext`` setting (``refresh`` or ``open``). A page that cannot be
fetched leaves the feed's summary, which says so.

Workers only fetch and parse; the calling thread saves. It saves what the workers finished
at most every :data:`SAVE_SECONDS` (and at the end), each feed's articles, keys and new state
together in one transaction: a refresh killed halfway leaves whole articles and their keys,
and the items it did not save are simply new again next time. A broken feed is one line
naming it (:attr:`FeedResult.error`); the others go on.
"""

from __future__ import annotations

import contextlib
import os
import queue
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from reader.document.feed_html import feed_links, paragraphs_article, summary_article
from reader.document.feed_parse import FEED_TYPES, FeedItem, is_http_url, read_feed
from reader.document.fetch import (
    DEFAULT_MAX_BYTES,
    DEFAULT_TIMEOUT,
    HTML_TYPES,
    TEXT_TYPES,
    FetchResult,
    article_from_fetch,
    fetch,
)
from reader.document.opml import MAX_OPML_BYTES, OpmlFeed, read_opml, write_opml
from reader.errors import ReaderError
from reader.sanitize import clean_line
from reader.store import schema
from reader.store.feeds import FeedRecord, FeedStore, NewItem
from reader.store.tags import normalize_tag

if TYPE_CHECKING:
    from reader.document.model import Article
    from reader.store import ArticleRecord, Library

WORKERS = 8
"""Feeds asked at the same time."""
SAVE_SECONDS = 1.0
"""The longest a finished feed waits before it is saved."""
FULLTEXT_SETTING = "feed_fulltext"
FULLTEXT_MODES = ("refresh", "open")
FEED_ACCEPT = FEED_TYPES | HTML_TYPES | TEXT_TYPES | frozenset({"application/octet-stream"})
ACCEPT_HEADER = ("application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
                 "application/xml;q=0.8, text/xml;q=0.8, text/html;q=0.5, */*;q=0.1")
PENDING_NOTE = ("(Feed summary. The whole article is fetched from its page when you first open it; "
                "if the page cannot be fetched, this summary stays.)")


def failed_note(reason: str) -> str:
    """The line a summary-only article ends with when its page could not be fetched."""
    return f"(Feed summary only: the page could not be fetched: {clean_line(reason)}. R in the reader tries again.)"


@dataclass(slots=True)
class Limits:
    """The limits of one request (those of web pages by default)."""

    timeout: float = DEFAULT_TIMEOUT
    max_bytes: int = DEFAULT_MAX_BYTES


@dataclass(slots=True)
class FeedResult:
    """What refreshing one feed did."""

    feed: FeedRecord
    new: int = 0
    not_modified: bool = False
    error: str = ""
    moved_to: str = ""
    refused: int = 0
    """Items skipped because their link is not http(s) (or missing)."""
    summary_only: int = 0
    """New items whose page could not be fetched (their summary was kept)."""
    more: bool = False
    """The feed holds more new items than one refresh takes; the next refresh goes on."""
    changes: dict[str, Any] = field(default_factory=dict)
    items: list[NewItem] = field(default_factory=list)

    def line(self) -> str:
        """One line for stderr or the app's progress."""
        name = clean_line(self.feed.name)
        if self.error:
            return f"{name}: {self.error}"
        if self.not_modified:
            text = f"{name}: unchanged"
        else:
            text = f"{name}: {self.new} new item{'s' if self.new != 1 else ''}"
        extras = []
        if self.summary_only:
            extras.append(f"{self.summary_only} with the feed's summary only (page not fetched)")
        if self.refused:
            extras.append(f"{self.refused} refused (link not http or https)")
        if self.moved_to:
            extras.append(f"moved to {clean_line(self.moved_to)}")
        if self.more:
            extras.append("more on the next refresh")
        return text + (" (" + "; ".join(extras) + ")" if extras else "")


@dataclass(slots=True)
class RefreshReport:
    """Every feed's result, in the order they finished."""

    results: list[FeedResult] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def new(self) -> int:
        """New articles in all."""
        return sum(r.new for r in self.results)

    @property
    def failed(self) -> list[FeedResult]:
        """The feeds that could not be refreshed."""
        return [r for r in self.results if r.error]


Progress = Callable[[FeedResult, int, int], None]
"""Called on the refreshing thread after each feed is saved: (result, feeds done, feeds in all)."""


# -- following feeds -----------------------------------------------------------------------------


def check_feed_url(url: str) -> str:
    """``url`` stripped, or :class:`ReaderError` unless it is an http(s) address."""
    url = url.strip()
    if not is_http_url(url):
        raise ReaderError(f"{clean_line(url)}: only http and https feeds can be followed")
    return url


def discover(url: str, limits: Limits | None = None) -> tuple[str, FetchResult]:
    """The feed at ``url``: the address itself, or the feed a web page links with ``rel="alternate"``.

    Returns the feed's address and its response; raises :class:`ReaderError` when neither is a feed.
    """
    limits = limits or Limits()
    url = check_feed_url(url)
    result = _get(url, limits)
    if not looks_like_feed(result):
        links = [link for link, _title in feed_links(result.text, result.final_url) if is_http_url(link)]
        if not links:
            raise ReaderError(f"{clean_line(url)}: a web page that links no feed (no <link rel=\"alternate\"> "
                              "to RSS or Atom)")
        url = links[0]
        result = _get(url, limits)
        if not looks_like_feed(result):
            raise ReaderError(f"{clean_line(url)}: the page's feed link leads to another web page, not a feed")
    return url, result


def follow(library: Library, url: str, tags: Iterable[str] = (), limits: Limits | None = None) -> tuple[FeedRecord, bool]:
    """Follow the feed at ``url`` (or that a page links); returns it and whether it is new.

    The feed is fetched once to check it is one and to learn its title; its items come with
    the next refresh.
    """
    feed_url, result = discover(url, limits)
    document = read_feed(result.data, url=result.final_url, content_type=result.content_type)
    page = document.parse_page(0)
    if not page.items and not page.title:
        raise ReaderError(f"{clean_line(feed_url)}: not a feed (no title and no items)")
    store = FeedStore(library)
    known = store.get_feed(url)
    return store.add_feed(known.url if known else feed_url, title=page.title, site=page.site, tags=tags)


def unfollow(library: Library, ref: str) -> FeedRecord:
    """Stop following a feed (its articles stay)."""
    return FeedStore(library).remove_feed(ref)


def feeds_with_unread(library: Library) -> list[tuple[FeedRecord, int]]:
    """Every feed with how many of its articles are unread (and not archived)."""
    store = FeedStore(library)
    counts = store.unread_counts()
    return [(feed, counts.get(feed.id, 0)) for feed in store.feeds()]


def import_opml(library: Library, path: str) -> tuple[list[tuple[FeedRecord, bool]], list[str]]:
    """Follow every feed an OPML file lists; returns the feeds and one line per refused entry."""
    try:
        size = os.path.getsize(path)
        if size > MAX_OPML_BYTES:
            raise ReaderError(f"{path}: too large for an OPML file ({size} bytes)")
        with open(path, "rb") as handle:
            data = handle.read(MAX_OPML_BYTES + 1)
    except FileNotFoundError:
        raise ReaderError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ReaderError(f"{path}: is a folder, not an OPML file") from None
    except OSError as exc:
        raise ReaderError(f"{path}: cannot read it ({exc.strerror or exc})") from None
    store = FeedStore(library)
    added: list[tuple[FeedRecord, bool]] = []
    refused: list[str] = []
    with library.batch():
        for entry in read_opml(data, path):
            if not is_http_url(entry.url):
                refused.append(f"{clean_line(entry.url)}: only http and https feeds can be followed")
                continue
            site = entry.site if is_http_url(entry.site) else ""
            tags = [tag for tag in entry.tags if _usable_tag(tag)]  # a folder named "#" is no tag
            added.append(store.add_feed(entry.url.strip(), title=entry.title, site=site, tags=tags))
    return added, refused


def _usable_tag(tag: str) -> bool:
    try:
        normalize_tag(tag)
    except ReaderError:
        return False
    return True


def looks_like_feed(result: FetchResult) -> bool:
    """True for a feed, even one served as ``text/html`` (the body starts like RSS, RDF or Atom)."""
    if not result.is_html:
        return True
    head = result.data[:1024].lstrip().lower()
    return head.startswith(b"<?xml") or head.startswith((b"<rss", b"<feed", b"<rdf:rdf"))


def export_opml(library: Library) -> bytes:
    """Every feed as an OPML 2.0 document (tags in ``category``)."""
    return write_opml([OpmlFeed(url=f.url, title=f.title, site=f.site, tags=f.tags) for f in FeedStore(library).feeds()])


def fulltext_mode(library: Library) -> str:
    """When items' pages are fetched: ``refresh`` (default) or ``open``."""
    mode = library.get_setting(FULLTEXT_SETTING, "refresh")
    return mode if mode in FULLTEXT_MODES else "refresh"


# -- refreshing ----------------------------------------------------------------------------------


def refresh(library: Library, refs: Sequence[str] = (), *, limits: Limits | None = None,
            fulltext: str | None = None, workers: int = WORKERS, progress: Progress | None = None,
            cancelled: Callable[[], bool] = lambda: False) -> RefreshReport:
    """Refresh the feeds named by ``refs`` (ids or addresses; none: every feed). See the module docstring."""
    started = time.monotonic()
    store = FeedStore(library)
    feeds = [store.feed(ref) for ref in refs] if refs else store.feeds()
    limits = limits or Limits()
    mode = fulltext if fulltext in FULLTEXT_MODES else fulltext_mode(library)
    report = RefreshReport()
    claimed: set[str] = set()
    claim_lock = threading.Lock()

    def claim(keys: tuple[str, ...]) -> bool:
        with claim_lock:
            if any(k in claimed for k in keys):
                return False
            claimed.update(keys)
            return True

    pending: list[FeedResult] = []
    last_save = time.monotonic()
    done = 0
    stop = threading.Event()
    todo: queue.SimpleQueue[FeedRecord] = queue.SimpleQueue()
    finished: queue.SimpleQueue[FeedResult] = queue.SimpleQueue()
    for feed in feeds:
        todo.put(feed)

    def work() -> None:
        while not stop.is_set():
            try:
                feed = todo.get_nowait()
            except queue.Empty:
                return
            finished.put(_refresh_one(feed, store, limits, mode, claim, lambda: stop.is_set() or cancelled()))

    # Daemon threads, not a ThreadPoolExecutor: Ctrl+C (or a closed terminal) ends the process at
    # once instead of waiting for requests in flight to time out.
    threads = [threading.Thread(target=work, name=f"feed-{n}", daemon=True)
               for n in range(max(1, min(workers, len(feeds))))]
    for thread in threads:
        thread.start()
    try:
        while done + len(pending) < len(feeds):
            with contextlib.suppress(queue.Empty):
                pending.append(finished.get(timeout=SAVE_SECONDS))
            if not any(t.is_alive() for t in threads) and finished.empty() and not pending:
                raise ReaderError("feed refresh stopped: a worker died")  # never wait for nothing
            all_in = done + len(pending) == len(feeds)
            if pending and (all_in or time.monotonic() - last_save >= SAVE_SECONDS):
                _save(store, pending)
                for result in pending:
                    done += 1
                    report.results.append(result)
                    if progress is not None:
                        progress(result, done, len(feeds))
                pending = []
                last_save = time.monotonic()
    finally:
        stop.set()
    report.seconds = time.monotonic() - started
    return report


def _save(store: FeedStore, results: list[FeedResult]) -> None:
    """Save finished feeds: each one's articles, keys and state in one locked transaction."""
    with store.library.batch():
        for result in results:
            if result.items:
                result.new = len(store.add_items(result.feed, result.items))
                result.items = []
            if result.changes:
                store.update_feed(result.feed.id, **result.changes)  # None if removed meanwhile


def _get(url: str, limits: Limits, etag: str = "", modified: str = "") -> FetchResult:
    return fetch(url, timeout=limits.timeout, max_bytes=limits.max_bytes, accept=FEED_ACCEPT,
                 accept_header=ACCEPT_HEADER, etag=etag, last_modified=modified)


def _refresh_one(feed: FeedRecord, store: FeedStore, limits: Limits, mode: str,
                 claim: Callable[[tuple[str, ...]], bool], cancelled: Callable[[], bool]) -> FeedResult:
    """Fetch and read one feed in a worker thread; nothing is saved here."""
    result = FeedResult(feed=feed)
    if cancelled():
        result.error = "not refreshed (cancelled)"
        return result
    stamp = schema.now()
    try:
        response = _get(feed.url, limits, feed.etag, feed.modified)
        changes: dict[str, Any] = {"checked": stamp, "error": ""}
        if response.moved_permanently and response.final_url != feed.url:
            result.moved_to = response.final_url
            changes["url"] = response.final_url
            changes["moved_from"] = feed.moved_from + (feed.url,)
        if response.not_modified:
            result.not_modified = True
            result.changes = changes
            return result
        if not looks_like_feed(response):
            raise ReaderError(f"{clean_line(response.final_url)}: a web page, not a feed")
        document = read_feed(response.data, url=response.final_url, content_type=response.content_type)
        items: list[FeedItem] = []
        title = site = ""
        for number in range(document.pages):
            page = document.parse_page(number)
            title, site = title or page.title, site or page.site
            known = store.known(key for item in page.items for key in item.item_keys())
            for item in page.items:
                if not item.link or not is_http_url(item.link):
                    result.refused += 1
                    continue
                keys = item.item_keys()
                if not known.intersection(keys) and claim(keys):
                    items.append(item)
            if items:
                result.more = number + 1 < document.pages
                break
        changes.update(changed=stamp, title=title or feed.title, site=site or feed.site)
        if not result.more:  # validators only once every new item is in: a 304 must not hide the rest
            changes.update(etag=response.etag, modified=response.last_modified)
        else:
            changes.update(etag="", modified="")
        for item in reversed(items):  # oldest first, so the newest item is the newest article
            if cancelled():
                raise ReaderError("refresh cancelled")
            result.items.append(_new_item(item, feed, limits, mode, result))
        result.changes = changes
    except ReaderError as exc:
        result.error = str(exc) or "failed"
        result.items = []
        result.changes = {"checked": stamp, "error": result.error}
    except Exception as exc:  # a parser bug must not stop the other feeds
        result.error = f"{clean_line(feed.url)}: could not read the feed ({clean_line(str(exc)) or type(exc).__name__})"
        result.items = []
        result.changes = {"checked": stamp, "error": result.error}
    return result


def _new_item(item: FeedItem, feed: FeedRecord, limits: Limits, mode: str, result: FeedResult) -> NewItem:
    """The article for a new item: its page (mode ``refresh``), or its summary."""
    article: Article
    state = ""
    if mode == "refresh":
        try:
            article = article_from_fetch(fetch(item.link, timeout=limits.timeout, max_bytes=limits.max_bytes))
            article.source = item.link
            if item.title:
                article.title = item.title
        except ReaderError as exc:
            reason = str(exc).removeprefix(clean_line(item.link) + ": ") or "failed"
            article = summary_article(item.title, item.summary_html, source=item.link, note=failed_note(reason))
            state = "failed"
            result.summary_only += 1
    else:
        article = summary_article(item.title, item.summary_html, source=item.link, note=PENDING_NOTE)
        state = "pending"
    article.metadata.setdefault("url", item.link)
    return NewItem(article=article, keys=item.item_keys(), fulltext=state, author=item.author,
                   published=item.published)


# -- opening an item whose page was not fetched yet ----------------------------------------------


def open_pending(library: Library, record: ArticleRecord, limits: Limits | None = None) -> tuple[Article | None, str]:
    """Fetch the page of a feed item kept as a summary (``fulltext`` ``pending``) and keep it.

    Returns the article (None: read the stored summary) and a message for the user ("" when
    the page came). A page that cannot be fetched leaves the summary, now saying so.
    """
    limits = limits or Limits()
    store = FeedStore(library)
    try:
        article = article_from_fetch(fetch(record.source, timeout=limits.timeout, max_bytes=limits.max_bytes))
    except ReaderError as exc:
        reason = str(exc).removeprefix(clean_line(record.source) + ": ") or "failed"
        stored = library.stored_article(record.id)
        if stored is None:
            return None, str(exc)
        paragraphs = [stored.block_text(b) for b in stored.blocks[1:]]
        if paragraphs and paragraphs[-1] == PENDING_NOTE:
            paragraphs.pop()
        summary = paragraphs_article(record.title, paragraphs, source=record.source, note=failed_note(reason))
        with library.batch():
            library.add_article(summary, store_text=True)
            store.set_fulltext(summary, "failed")
        return summary, f"Only the feed's summary: {str(exc)}"
    article.source = record.source
    article.title = record.title or article.title
    store.set_fulltext(article, "")
    return article, ""
