"""Refreshing feeds: 100 local feeds of 50 items each, served by :mod:`benchmarks.feed_server`.

Three figures, each the wall time of a whole ``reader feed refresh`` process:

- **unchanged**: every feed answers 304 to the conditional request; compared with one
  ``reader list`` of the same library (5,000 articles), the issue's goal is within 3x;
- **changed, summaries**: a fresh library takes all 5,000 items (``feed_fulltext`` ``open``:
  the feeds' summaries, pages fetched when first opened), in items per second;
- **changed, with pages**: 10 of the feeds (500 items), each item's page fetched and extracted
  during the refresh (the default), in items per second.

Everything is served from 127.0.0.1; nothing leaves the machine.
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

from benchmarks.feed_server import FeedServer, page, rss
from benchmarks.stats import Measured

FEEDS = 100
ITEMS = 50
PAGE_FEEDS = 10


def serve(server: FeedServer) -> list[str]:
    """Put :data:`FEEDS` feeds (with ETags) and their item pages on ``server``; return the feed URLs."""
    urls = []
    for feed in range(FEEDS):
        items = []
        for item in range(ITEMS):
            path = f"/f{feed}/{item}.html"
            server.put(path, page(f"Feed {feed} story {item}", 3), content_type="text/html; charset=utf-8")
            items.append({"title": f"Feed {feed} story {item}", "link": server.url(path), "guid": f"f{feed}-{item}",
                          "description": f"<p>Summary of story {item} from feed {feed}; the council said it "
                                         "would decide next week.</p>",
                          "date": "Wed, 03 Dec 2025 10:00:00 GMT"})
        urls.append(server.put(f"/feed{feed}.xml", rss(f"Feed {feed}", items), etag=f'"feed-{feed}-v1"'))
    return urls


def _opml(urls: list[str], path: Path) -> Path:
    from reader.document.opml import OpmlFeed, write_opml

    path.write_bytes(write_opml([OpmlFeed(url=u, title="") for u in urls]))
    return path


def _run(argv: list[str], env: dict[str, str], timeout: float = 900.0) -> tuple[float, str]:
    started = time.monotonic()
    done = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, env={**os.environ, **env})
    elapsed = time.monotonic() - started
    if done.returncode != 0:
        return elapsed, (done.stderr.strip().splitlines() or ["?"])[-1]
    return elapsed, ""


def _library(reader: Path, db: Path, urls: list[str], env: dict[str, str], mode: str) -> str:
    for leftover in db.parent.glob(db.name + "*"):
        leftover.unlink()
    for argv in ([str(reader), "--db", str(db), "feed", "import", str(_opml(urls, db.with_suffix(".opml")))],
                 [str(reader), "--db", str(db), "feed", "fulltext", mode]):
        _, error = _run(argv, env)
        if error:
            return error
    return ""


def measure(reader: Path, cache: Path, env: dict[str, str], runs: int) -> dict[str, Measured]:
    """The figures named in the module docstring: ``unchanged``, ``list``, ``summaries``, ``pages``."""
    if not reader.exists():
        why = Measured.missing(f"not available: {reader} does not exist")
        return {"unchanged": why, "list": why, "summaries": why, "pages": why}
    cache.mkdir(parents=True, exist_ok=True)
    db = cache / "feeds-bench.json"
    env = {k: v for k, v in env.items()}
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        os.environ.pop(name, None)
    refresh = [str(reader), "--db", str(db), "feed", "refresh", "--quiet"]
    out: dict[str, Measured] = {}
    with FeedServer() as server:
        urls = serve(server)
        rates: list[float] = []
        note = ""
        for _ in range(runs):
            note = _library(reader, db, urls, env, "open")
            if note:
                break
            elapsed, note = _run(refresh, env)
            if note:
                break
            rates.append(FEEDS * ITEMS / elapsed)
        out["summaries"] = Measured(rates, note) if rates else Measured.missing(note or "no run")
        unchanged: list[float] = []
        listing: list[float] = []
        for index in range(runs + 1):  # the first of each is a warm-up
            elapsed, note = _run(refresh, env)
            if note:
                break
            listed, list_note = _run([str(reader), "--db", str(db), "list"], env)
            if list_note:
                note = list_note
                break
            if index:
                unchanged.append(elapsed)
                listing.append(listed)
        hits_before = sum(server.count(f"/f{f}/{i}.html") for f in range(FEEDS) for i in range(ITEMS))
        out["unchanged"] = Measured(unchanged, note) if unchanged else Measured.missing(note or "no run")
        out["list"] = Measured(listing) if listing else Measured.missing(note or "no run")
        page_rates: list[float] = []
        note = ""
        for _ in range(max(1, min(runs, 3))):
            note = _library(reader, db, urls[:PAGE_FEEDS], env, "refresh")
            if note:
                break
            elapsed, note = _run(refresh, env)
            if note:
                break
            page_rates.append(PAGE_FEEDS * ITEMS / elapsed)
        fetched = sum(server.count(f"/f{f}/{i}.html") for f in range(FEEDS) for i in range(ITEMS)) - hits_before
        if page_rates and fetched < PAGE_FEEDS * ITEMS:
            note = f"only {fetched} pages were fetched"
        out["pages"] = Measured(page_rates, note) if page_rates else Measured.missing(note or "no run")
    for leftover in db.parent.glob(db.name + "*"):
        leftover.unlink()
    return out
