"""Fetch a web page over http(s), carefully, and turn it into an :class:`Article`.

The standard library is enough (no new dependency): :func:`fetch` sends a clear User-Agent,
asks for an uncompressed body (no decompression bombs), follows at most ``max_redirects``
redirects itself so it can name a loop, gives up after ``timeout`` seconds of silence or
``4 * timeout`` in all, and stops reading as soon as the body passes ``max_bytes``. Every
failure is one :class:`ReaderError` line that says what went wrong: no network, an unknown
host, a refused connection, a timeout, an HTTP status, a body that is not a web page, a body
too large, too many redirects.
"""

from __future__ import annotations

import errno
import http.client
import re
import socket
import ssl
import time
import urllib.error
import urllib.request
import zlib
from dataclasses import dataclass, replace
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

from reader import __version__
from reader.document.decode import decode_bytes
from reader.document.model import Article
from reader.errors import ReaderError
from reader.sanitize import clean_line, clean_text

USER_AGENT = f"reader/{__version__} (+terminal article reader)"
DEFAULT_TIMEOUT = 15.0
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
DEFAULT_MAX_REDIRECTS = 5
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain", "text/markdown", "text/x-markdown"})
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_CHUNK = 64 * 1024
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_STATUS_TEXT = {
    401: "access denied (HTTP 401: the page needs a login)",
    403: "access denied (HTTP 403 Forbidden)",
    404: "page not found (HTTP 404)",
    410: "page gone (HTTP 410)",
    429: "too many requests (HTTP 429); try again later",
}


@dataclass(frozen=True, slots=True)
class FetchResult:
    """A fetched body: the URL it finally came from, its media type and charset, and its bytes."""

    url: str
    final_url: str
    status: int
    content_type: str
    charset: str
    data: bytes
    etag: str = ""
    last_modified: str = ""
    redirects: tuple[int, ...] = ()
    """The status of each redirect followed on the way to ``final_url`` (301 and 308 are permanent)."""

    @property
    def not_modified(self) -> bool:
        """True for a 304 answer to a conditional request: the body was not sent again."""
        return self.status == 304

    @property
    def moved_permanently(self) -> bool:
        """True when every redirect followed was permanent (the address has moved for good)."""
        return bool(self.redirects) and all(code in (301, 308) for code in self.redirects)

    @property
    def is_html(self) -> bool:
        """True when the server said (or the body shows) this is an HTML page."""
        return self.content_type in HTML_TYPES

    @property
    def text(self) -> str:
        """The body decoded: byte-order mark, the HTTP charset, a ``<meta charset>``, then detection."""
        return decode_body(self.data, self.charset, self.final_url)


def decode_body(data: bytes, charset: str, name: str) -> str:
    """Decode a response body; see :attr:`FetchResult.text` for the order of evidence."""
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode_bytes(data, name)
    candidates = [charset] if charset else []
    match = _META_CHARSET.search(data[:4096])
    if match:
        candidates.append(match.group(1).decode("ascii", "replace"))
    for candidate in candidates:
        try:
            return data.decode(candidate)
        except (LookupError, UnicodeDecodeError):
            continue
    return decode_bytes(data, name)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Hand redirects back to :func:`fetch`, which counts them and spots loops."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        return None


def _opener() -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(_NoRedirect)


def _check_url(url: str) -> None:
    try:
        parts = urlsplit(url)
    except ValueError:
        raise ReaderError(f"{clean_line(url)}: not a valid web address") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise ReaderError(f"{clean_line(url)}: only http and https addresses can be opened")
    if not parts.hostname:
        raise ReaderError(f"{clean_line(url)}: not a valid web address (no host name)")
    try:
        parts.port  # noqa: B018 - raises ValueError for a port out of range
    except ValueError:
        raise ReaderError(f"{clean_line(url)}: not a valid web address (bad port number)") from None
    if any(c.isspace() or not c.isprintable() for c in url):
        raise ReaderError(f"{clean_line(url)}: not a valid web address (it contains spaces or control characters)")


def ascii_url(url: str) -> str:
    """``url`` with a non-ASCII host in IDNA form and a non-ASCII path or query percent-encoded."""
    if url.isascii():
        return url
    parts = urlsplit(url)
    host = parts.hostname or ""
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError:
        raise ReaderError(f"{clean_line(url)}: not a valid web address (bad host name)") from None
    netloc = host if ":" not in host else f"[{host}]"
    if parts.port:
        netloc += f":{parts.port}"
    if parts.username:
        netloc = quote(parts.username, safe="") + (":" + quote(parts.password, safe="") if parts.password else "") \
            + "@" + netloc
    safe = "/%:@!$&'()*+,;=-._~?"
    return urlunsplit((parts.scheme, netloc, quote(parts.path, safe=safe), quote(parts.query, safe=safe),
                       quote(parts.fragment, safe=safe)))


def _host(url: str) -> str:
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        port = None
    return f"{parts.hostname}:{port}" if port else str(parts.hostname)


def _network_error(url: str, reason: object, timeout: float) -> ReaderError:
    """One clear line for a failure below HTTP (DNS, refused, unreachable, timeout, TLS)."""
    name = clean_line(url)
    host = _host(url)
    if isinstance(reason, socket.gaierror):
        if reason.errno in (socket.EAI_AGAIN, getattr(socket, "EAI_NODATA", -5), getattr(socket, "EAI_SYSTEM", -11)):
            return ReaderError(f"{name}: cannot look up {host}; is the network down?")
        return ReaderError(f"{name}: no such host {host} (DNS lookup failed)")
    if isinstance(reason, TimeoutError | socket.timeout):
        return ReaderError(f"{name}: timed out after {timeout:g} s waiting for {host}")
    if isinstance(reason, ConnectionRefusedError):
        return ReaderError(f"{name}: connection refused by {host}")
    if isinstance(reason, ssl.SSLCertVerificationError):
        return ReaderError(f"{name}: the secure connection to {host} failed (certificate not trusted)")
    if isinstance(reason, ssl.SSLError):
        return ReaderError(f"{name}: the secure connection to {host} failed ({reason.reason or 'TLS error'})")
    if isinstance(reason, ConnectionResetError | http.client.RemoteDisconnected | BrokenPipeError):
        return ReaderError(f"{name}: {host} closed the connection")
    if isinstance(reason, OSError) and reason.errno in (errno.ENETUNREACH, errno.EHOSTUNREACH, errno.ENETDOWN):
        return ReaderError(f"{name}: no network connection ({host} is unreachable)")
    if isinstance(reason, http.client.HTTPException):
        return ReaderError(f"{name}: {host} sent a broken response")
    detail = clean_line(str(getattr(reason, "strerror", None) or reason)) or type(reason).__name__
    return ReaderError(f"{name}: cannot reach {host} ({detail})")


def _status_error(url: str, code: int, reason: str) -> ReaderError:
    name = clean_line(url)
    if code in _STATUS_TEXT:
        return ReaderError(f"{name}: {_STATUS_TEXT[code]}")
    reason = clean_line(reason)
    if code >= 500:
        return ReaderError(f"{name}: the server failed (HTTP {code}{' ' + reason if reason else ''})")
    return ReaderError(f"{name}: the server refused the request (HTTP {code}{' ' + reason if reason else ''})")


def fetch(url: str, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES,
          max_redirects: int = DEFAULT_MAX_REDIRECTS,
          accept: frozenset[str] = HTML_TYPES | TEXT_TYPES, accept_header: str | None = None,
          etag: str = "", last_modified: str = "") -> FetchResult:
    """GET ``url`` and return its body; raise :class:`ReaderError` with one clear line on failure.

    ``timeout`` bounds each wait on the network; the whole fetch is abandoned after
    ``4 * timeout``. Bodies whose media type is not in ``accept`` are refused before they are
    read; a body larger than ``max_bytes`` is refused as soon as that is known. Every redirect
    target is checked like ``url`` (http or https only). With ``etag`` or ``last_modified``
    the request is conditional: an unchanged resource comes back as a body-less result whose
    :attr:`FetchResult.not_modified` is true.
    """
    _check_url(url)
    opener = _opener()
    deadline = time.monotonic() + 4 * timeout
    current = ascii_url(url)
    visited = [current]
    redirects: list[int] = []
    headers = {
        "User-Agent": USER_AGENT,
        "Accept": accept_header or "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.5,*/*;q=0.1",
        "Accept-Encoding": "identity",
    }
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    while True:
        request = urllib.request.Request(current, headers=headers)
        try:
            response = opener.open(request, timeout=timeout)
        except urllib.error.HTTPError as exc:
            with exc:
                if exc.code in _REDIRECTS:
                    location = exc.headers.get("Location")
                    if not location:
                        raise ReaderError(f"{clean_line(current)}: redirect (HTTP {exc.code}) without a "
                                          "new address") from None
                    target = urljoin(current, location.strip().replace(" ", "%20"))
                    if target in visited:
                        raise ReaderError(f"{clean_line(url)}: redirect loop ({clean_line(current)} leads back "
                                          f"to {clean_line(target)})") from None
                    if len(visited) > max_redirects:
                        raise ReaderError(f"{clean_line(url)}: too many redirects (more than "
                                          f"{max_redirects})") from None
                    _check_url(target)
                    target = ascii_url(target)
                    visited.append(target)
                    redirects.append(exc.code)
                    current = target
                    continue
                if exc.code == 304 and (etag or last_modified):
                    return FetchResult(url=url, final_url=current, status=304, content_type="", charset="",
                                       data=b"", etag=_header(exc.headers, "ETag") or etag,
                                       last_modified=_header(exc.headers, "Last-Modified") or last_modified,
                                       redirects=tuple(redirects))
                raise _status_error(current, exc.code, str(exc.reason)) from None
        except urllib.error.URLError as exc:
            raise _network_error(current, exc.reason, timeout) from None
        except (ValueError, http.client.InvalidURL) as exc:  # anything urllib still finds malformed
            raise ReaderError(f"{clean_line(current)}: not a valid web address "
                              f"({clean_line(str(exc)) or 'malformed'})") from None
        except (OSError, http.client.HTTPException) as exc:
            raise _network_error(current, exc, timeout) from None
        with response:
            result = _read(url, current, response, timeout=timeout, max_bytes=max_bytes, accept=accept,
                           deadline=deadline)
        return replace(result, etag=_header(response.headers, "ETag"),
                       last_modified=_header(response.headers, "Last-Modified"), redirects=tuple(redirects))


def _header(headers: object, name: str) -> str:
    """A response header as one clean line (validators are echoed back to the server), or ""."""
    value = headers.get(name) if headers is not None else None  # type: ignore[attr-defined]
    return clean_line(value)[:512] if isinstance(value, str) else ""


def _read(url: str, final_url: str, response: http.client.HTTPResponse, *, timeout: float, max_bytes: int,
          accept: frozenset[str], deadline: float) -> FetchResult:
    """Check the headers, then stream the body, stopping at ``max_bytes`` or the deadline."""
    name = clean_line(final_url)
    headers = response.headers
    content_type = (headers.get_content_type() or "").lower() if headers.get("Content-Type") else ""
    charset = headers.get_content_charset() or ""
    if content_type and content_type not in accept:
        raise ReaderError(f"{name}: not a web page (the server sent {clean_line(content_type)})")
    limit_text = f"{max_bytes / (1024 * 1024):g} MiB" if max_bytes >= 1024 * 1024 else f"{max_bytes} bytes"
    length = headers.get("Content-Length")
    if length and length.strip().isdigit() and int(length) > max_bytes:
        raise ReaderError(f"{name}: too large ({int(length)} bytes); the limit is {limit_text}")
    chunks: list[bytes] = []
    total = 0
    try:
        while True:
            chunk = response.read1(_CHUNK)  # whatever has arrived: a trickle cannot outrun the deadline
            if not chunk:
                break
            total += len(chunk)
            if total > max_bytes:
                raise ReaderError(f"{name}: too large (more than {limit_text})")
            chunks.append(chunk)
            if time.monotonic() > deadline:
                raise ReaderError(f"{name}: timed out after {4 * timeout:g} s reading the page")
    except ReaderError:
        raise
    except (OSError, http.client.HTTPException) as exc:
        raise _network_error(final_url, exc, timeout) from None
    data = _decompress(b"".join(chunks), headers.get("Content-Encoding", ""), name=name, max_bytes=max_bytes,
                       limit_text=limit_text)
    if not content_type:  # no header: sniff
        head = data[:1024].lstrip().lower()
        content_type = "text/html" if head.startswith((b"<!doctype html", b"<html")) else "text/plain"
    return FetchResult(url=url, final_url=final_url, status=response.status, content_type=content_type,
                       charset=charset, data=data)


def _decompress(data: bytes, encoding: str, *, name: str, max_bytes: int, limit_text: str) -> bytes:
    """Undo a gzip/deflate body some servers send despite ``Accept-Encoding: identity``, capped."""
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return data
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise ReaderError(f"{name}: the page is compressed in a way reader cannot read ({clean_line(encoding)})")
    # wbits: 47 reads gzip or zlib headers; raw deflate needs -15.
    wbits = 47 if encoding != "deflate" or data[:1] == b"\x78" else -15
    decompressor = zlib.decompressobj(wbits)
    try:
        out = decompressor.decompress(data, max_bytes + 1)
    except zlib.error:
        raise ReaderError(f"{name}: the server sent a broken compressed page") from None
    if len(out) > max_bytes or decompressor.unconsumed_tail:
        raise ReaderError(f"{name}: too large once decompressed (more than {limit_text})")
    return out


def _fallback_title(url: str) -> str:
    parts = urlsplit(url)
    tail = parts.path.rstrip("/").rpartition("/")[2]
    return clean_line(tail.replace("-", " ").replace("_", " ")) or clean_line(parts.hostname or url)


def article_from_fetch(result: FetchResult) -> Article:
    """Parse a fetched body into an Article: HTML through trafilatura, text and markdown as files are."""
    text = clean_text(result.text)
    fallback = _fallback_title(result.final_url)
    if result.is_html:
        from reader.document.html import parse_html

        article = parse_html(text, source=result.url, fallback_title=fallback, base_url=result.final_url)
    elif result.content_type in ("text/markdown", "text/x-markdown"):
        from reader.document.markdown import parse_markdown

        article = parse_markdown(text, path=result.url, fallback_title=fallback)
    else:
        from reader.document.plaintext import parse_text

        article = parse_text(text, source=result.url, fallback_title=fallback)
    article.source = result.url
    article.metadata["url"] = result.final_url
    article.title = clean_line(article.title) or fallback
    return article


def fetch_article(url: str, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES,
                  max_redirects: int = DEFAULT_MAX_REDIRECTS) -> Article:
    """Fetch ``url`` and return its article; ``source`` is ``url``, ``metadata["url"]`` the final URL."""
    return article_from_fetch(fetch(url, timeout=timeout, max_bytes=max_bytes, max_redirects=max_redirects))
