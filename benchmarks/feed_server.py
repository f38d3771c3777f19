"""A local HTTP server of feeds and pages on 127.0.0.1, for the feed tests and the feeds benchmark.

Each path serves a :class:`Resource` that can be changed while the server runs: a body with
its media type and validators (a request that sends the same ``If-None-Match`` or
``If-Modified-Since`` gets a 304), a redirect, a status, a stall (released at shutdown, so no
thread outlives the server) or a stream larger than any cap. Every request is counted per path,
so a test can tell what was (and was not) fetched. Nothing here reaches beyond the loopback.
"""

from __future__ import annotations

import contextlib
import threading
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape


@dataclass
class Resource:
    """What one path answers."""

    body: bytes = b""
    content_type: str = "application/rss+xml; charset=utf-8"
    status: int = 200
    etag: str = ""
    last_modified: str = ""
    location: str = ""
    stall: bool = False
    stream_bytes: int = 0


class FeedServer:
    """A threaded server on a free loopback port; use as a context manager."""

    def __init__(self) -> None:
        self.resources: dict[str, Resource] = {}
        self.hits: Counter[str] = Counter()
        self.release = threading.Event()
        self._lock = threading.Lock()
        server = _Server(("127.0.0.1", 0), _Handler)
        server.feeds = self  # type: ignore[attr-defined]
        self._server = server
        host, port = server.server_address[:2]
        self.base = f"http://{host}:{port}"
        self._thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                                        name="feed-test-server", daemon=True)

    def __enter__(self) -> FeedServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)

    def url(self, path: str) -> str:
        """The absolute address of ``path``."""
        return self.base + path

    def put(self, path: str, body: bytes | str = b"", **fields: object) -> str:
        """Serve ``body`` (and the given :class:`Resource` fields) at ``path``; returns its address."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        with self._lock:
            self.resources[path] = Resource(body=data, **fields)  # type: ignore[arg-type]
        return self.url(path)

    def count(self, path: str) -> int:
        """How many requests ``path`` received."""
        with self._lock:
            return self.hits[path]


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # the listen backlog: the default 5 drops concurrent connects (1 s retries)


class _Handler(BaseHTTPRequestHandler):
    server_version = "FeedTestServer/1.0"
    protocol_version = "HTTP/1.0"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - silence request logs
        pass

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        feeds: FeedServer = self.server.feeds  # type: ignore[attr-defined]
        with feeds._lock:
            feeds.hits[self.path] += 1
            resource = feeds.resources.get(self.path)
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self._answer(feeds, resource)

    def _answer(self, feeds: FeedServer, resource: Resource | None) -> None:
        if resource is None:
            self._send(404, "text/html", b"<html><body>no such test page</body></html>")
            return
        if resource.stall:
            feeds.release.wait(30)
        if resource.location:
            self.send_response(resource.status if resource.status in (301, 302, 303, 307, 308) else 302)
            self.send_header("Location", resource.location)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if (resource.etag and self.headers.get("If-None-Match") == resource.etag) or (
                resource.last_modified and self.headers.get("If-Modified-Since") == resource.last_modified):
            self.send_response(304)
            if resource.etag:
                self.send_header("ETag", resource.etag)
            self.end_headers()
            return
        if resource.stream_bytes:
            self.send_response(200)
            self.send_header("Content-Type", resource.content_type)
            self.end_headers()
            chunk = b"<!-- " + b"x" * 65000 + b" -->\n"
            sent = 0
            self.wfile.write(resource.body)
            while sent < resource.stream_bytes:
                self.wfile.write(chunk)
                sent += len(chunk)
            return
        extra = {}
        if resource.etag:
            extra["ETag"] = resource.etag
        if resource.last_modified:
            extra["Last-Modified"] = resource.last_modified
        self._send(resource.status, resource.content_type, resource.body, extra)

    def _send(self, status: int, content_type: str, body: bytes, extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)


# -- documents --------------------------------------------------------------------------------


def rss(title: str, items: list[dict[str, str]], link: str = "http://127.0.0.1/") -> str:
    """An RSS 2.0 document; each item may have title, link, guid, description, author, date."""
    out = [f'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>{escape(title)}</title>'
           f"<link>{escape(link)}</link><description>test feed</description>"]
    for item in items:
        parts = ["<item>"]
        for key, tag in (("title", "title"), ("link", "link"), ("guid", "guid"), ("description", "description"),
                         ("author", "author")):
            if key in item:
                parts.append(f"<{tag}>{escape(item[key])}</{tag}>")
        if "date" in item:
            parts.append(f"<pubDate>{escape(item['date'])}</pubDate>")
        parts.append("</item>")
        out.append("".join(parts))
    out.append("</channel></rss>\n")
    return "".join(out)


def page(title: str, paragraphs: int = 4) -> str:
    """A small news page that the web-page path extracts."""
    body = "".join(f"<p>Paragraph {n} of {escape(title)}: the council said on Monday that the harbour wall "
                   f"would be finished by the spring, and residents welcomed the news at a meeting.</p>"
                   for n in range(paragraphs))
    return (f"<!doctype html><html><head><title>{escape(title)}</title></head><body><article>"
            f"<h1>{escape(title)}</h1>{body}</article></body></html>")


def http_date(seconds: float = 1_700_000_000) -> str:
    """An HTTP date (for Last-Modified)."""
    return formatdate(seconds, usegmt=True)


@contextlib.contextmanager
def serving() -> Iterator[FeedServer]:
    """A started :class:`FeedServer`, stopped at the end."""
    with FeedServer() as server:
        yield server
