"""Shared fixtures for the web tests: the fixture pages and a local HTTP server on 127.0.0.1.

The server serves the fixture pages plus every failure the fetcher must name: a redirect
loop, a long redirect chain, a 404, a 500, non-HTML bodies, bodies over the size cap and
responses that stall. Stalling handlers wait on an Event that the fixture sets at teardown,
so no test sleeps and no thread outlives the session. Nothing here touches any address but
the loopback one.
"""

from __future__ import annotations

import contextlib
import gzip
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
NEWS_PAGES = ("harbour", "budget", "reef", "interview")
HUGE_BYTES = 11 * 1024 * 1024  # just over the default 10 MiB cap

LATIN1_PAGE = (
    "<html><head><title>Caf\u00e9 society</title></head><body><article><h1>Caf\u00e9 society</h1>"
    "<p>The na\u00efve r\u00e9sum\u00e9 of the caf\u00e9 owner, Ren\u00e9e Dupr\u00e9, was read aloud at the "
    "tribunal on Monday morning, to the surprise of everyone in the crowded room.</p>"
    "<p>She said the d\u00e9cor had cost \u00a312,000 and that the \u00e9clairs were made on the premises "
    "every single day of the week, including holidays.</p></article></body></html>"
)
PLAIN_TEXT = "Notes on the harbour\n\nThe wall will be built along the eastern quay.\n\n- first point\n- second\n"


def fixture_html(name: str) -> str:
    """The text of a fixture page."""
    return (FIXTURES / f"{name}.html").read_text(encoding="utf-8")


@dataclass
class LocalServer:
    """A running test server: its base URL, the headers it saw, and the event that frees stalls."""

    base: str
    release: threading.Event
    seen_headers: list[dict[str, str]] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base + path


class _Handler(BaseHTTPRequestHandler):
    server_version = "TestServer/1.0"
    state: LocalServer  # set on the subclass made per server

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - silence request logs
        pass

    def _send(self, status: int, content_type: str | None, body: bytes, length: int | None = None) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, status: int, location: str) -> None:
        self.send_response(status)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        self.state.seen_headers.append(dict(self.headers))
        path = self.path
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up on purpose
            self._route(path)

    def _route(self, path: str) -> None:
        if path.startswith("/news/") and path.endswith(".html"):
            name = path[len("/news/"):-len(".html")]
            if name in (*NEWS_PAGES, "hostile"):
                self._send(200, "text/html; charset=utf-8", fixture_html(name).encode("utf-8"))
                return
        if path == "/latin1.html":
            self._send(200, "text/html; charset=windows-1252", LATIN1_PAGE.encode("cp1252"))
        elif path == "/meta-charset.html":
            body = LATIN1_PAGE.replace("<head>", '<head><meta charset="windows-1252">')
            self._send(200, "text/html", body.encode("cp1252"))
        elif path == "/no-type.html":
            self._send(200, None, fixture_html("reef").encode("utf-8"))
        elif path == "/notes.txt":
            self._send(200, "text/plain; charset=utf-8", PLAIN_TEXT.encode("utf-8"))
        elif path == "/loop-a":
            self._redirect(302, "/loop-b")
        elif path == "/loop-b":
            self._redirect(302, "/loop-a")
        elif path.startswith("/chain/"):
            step = int(path.rsplit("/", 1)[1])
            self._redirect(301, f"/chain/{step + 1}" if step < 10 else "/news/harbour.html")
        elif path == "/moved":
            self._redirect(308, "news/interview.html")  # relative Location
        elif path == "/no-location":
            self.send_response(302)
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/missing":
            self._send(404, "text/html", b"<html><body><h1>Not Found</h1></body></html>")
        elif path == "/forbidden":
            self._send(403, "text/html", b"<html><body><h1>Forbidden</h1></body></html>")
        elif path == "/broken":
            self._send(500, "text/html", b"<html><body><h1>Oops</h1></body></html>")
        elif path == "/image.png":
            self._send(200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
        elif path == "/data.json":
            self._send(200, "application/json", b'{"headline": "not a page"}')
        elif path == "/huge-declared":
            self._send(200, "text/html", b"<html><body>", length=HUGE_BYTES)
        elif path == "/huge-stream":
            self._stream_huge()
        elif path == "/slow":
            self.state.release.wait(30)
            self._send(200, "text/html", b"<html><body><p>late</p></body></html>")
        elif path == "/slow-body":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<html><body><p>The first half of the page arrives")
            self.wfile.flush()
            self.state.release.wait(30)
        elif path == "/caf%C3%A9.html":
            self._send(200, "text/html; charset=utf-8", LATIN1_PAGE.encode("utf-8"))
        elif path == "/trickle":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<html><body><p>")
            while not self.state.release.wait(0.05):  # a byte every 50 ms: never silent, never done
                self.wfile.write(b"a")
                self.wfile.flush()
        elif path in ("/gzipped.html", "/gzip-bomb.html"):
            body = fixture_html("reef").encode("utf-8") if path == "/gzipped.html" else b"\0" * HUGE_BYTES
            packed = gzip.compress(body, mtime=0)
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Encoding", "gzip")  # sent although the client asked for identity
            self.send_header("Content-Length", str(len(packed)))
            self.end_headers()
            self.wfile.write(packed)
        elif path == "/empty.html":
            self._send(200, "text/html", b"")
        else:
            self._send(404, "text/html", b"<html><body>no such test page</body></html>")

    def _stream_huge(self) -> None:
        """A body with no Content-Length, larger than the cap: the client must stop on its own."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        chunk = b"<p>" + b"All work and no play makes a very long page. " * 1400 + b"</p>\n"
        sent = 0
        self.wfile.write(b"<html><body>")
        while sent < HUGE_BYTES:
            self.wfile.write(chunk)
            sent += len(chunk)


@pytest.fixture(scope="session")
def local_server() -> Iterator[LocalServer]:
    """A threaded HTTP server on 127.0.0.1, on a free port, for the whole session."""
    release = threading.Event()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    host, port = server.server_address[:2]
    state = LocalServer(base=f"http://{host}:{port}", release=release)
    server.RequestHandlerClass = type("Handler", (_Handler,), {"state": state})
    thread = threading.Thread(target=server.serve_forever, name="web-test-server", daemon=True)
    thread.start()
    try:
        yield state
    finally:
        release.set()
        server.shutdown()
        server.server_close()
        thread.join(5)


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Requests to the loopback server must go straight to it, never through a configured proxy."""
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
