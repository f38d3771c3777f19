"""fetch / fetch_article against a local server on 127.0.0.1: pages, and one clear line per failure."""

from __future__ import annotations

import errno
import socket

import pytest

from reader import __version__
from reader.document import BlockKind, load
from reader.document.fetch import fetch, fetch_article
from reader.errors import ReaderError
from tests.web.conftest import HUGE_BYTES, LocalServer, fixture_html


def _error(call, *args, **kwargs) -> str:
    with pytest.raises(ReaderError) as info:
        call(*args, **kwargs)
    message = str(info.value)
    assert "\n" not in message and "Traceback" not in message
    return message


def test_fetch_article_reads_a_news_page(local_server: LocalServer) -> None:
    url = local_server.url("/news/harbour.html")
    article = fetch_article(url)
    assert article.source == url
    assert article.metadata["url"] == url
    assert article.format == "html"
    assert article.title == "Harbour council approves flood wall after two-year fight"
    assert article.metadata["author"] == "Miriam Okafor"
    assert "Ms Thorne said the association would study the revised plans" in article.text
    assert "Typical council" not in article.text


def test_the_user_agent_names_reader(local_server: LocalServer) -> None:
    fetch(local_server.url("/news/reef.html"))
    assert local_server.seen_headers[-1]["User-Agent"] == f"reader/{__version__} (+terminal article reader)"


def test_load_routes_urls_to_the_fetcher(local_server: LocalServer) -> None:
    article = load(local_server.url("/news/interview.html"))
    assert article.metadata["site"] == "Riverside Review"
    assert any(b.kind is BlockKind.BLOCKQUOTE for b in article.blocks)


def test_redirects_are_followed_and_the_final_url_kept(local_server: LocalServer) -> None:
    url = local_server.url("/chain/7")  # 7 -> 8 -> 9 -> 10 -> harbour: four redirects
    article = fetch_article(url)
    assert article.source == url
    assert article.metadata["url"] == local_server.url("/news/harbour.html")
    assert "flood wall" in article.text


def test_a_relative_location_is_resolved(local_server: LocalServer) -> None:
    result = fetch(local_server.url("/moved"))
    assert result.final_url == local_server.url("/news/interview.html")
    assert result.is_html


def test_redirect_loop(local_server: LocalServer) -> None:
    message = _error(fetch, local_server.url("/loop-a"))
    assert message.startswith(local_server.url("/loop-a") + ": redirect loop")


def test_too_many_redirects(local_server: LocalServer) -> None:
    message = _error(fetch, local_server.url("/chain/0"))
    assert message == f"{local_server.url('/chain/0')}: too many redirects (more than 5)"
    assert fetch(local_server.url("/chain/0"), max_redirects=11).final_url.endswith("/news/harbour.html")


def test_redirect_without_location(local_server: LocalServer) -> None:
    assert "redirect (HTTP 302) without a new address" in _error(fetch, local_server.url("/no-location"))


@pytest.mark.parametrize(("path", "expected"), [
    ("/missing", "page not found (HTTP 404)"),
    ("/forbidden", "access denied (HTTP 403 Forbidden)"),
    ("/broken", "the server failed (HTTP 500 Internal Server Error)"),
])
def test_http_status_errors(local_server: LocalServer, path: str, expected: str) -> None:
    assert _error(fetch_article, local_server.url(path)) == f"{local_server.url(path)}: {expected}"


@pytest.mark.parametrize(("path", "media_type"), [("/image.png", "image/png"), ("/data.json", "application/json")])
def test_not_a_web_page(local_server: LocalServer, path: str, media_type: str) -> None:
    message = _error(fetch_article, local_server.url(path))
    assert message == f"{local_server.url(path)}: not a web page (the server sent {media_type})"


def test_too_large_by_its_content_length(local_server: LocalServer) -> None:
    message = _error(fetch, local_server.url("/huge-declared"))
    assert message == f"{local_server.url('/huge-declared')}: too large ({HUGE_BYTES} bytes); the limit is 10 MiB"


def test_too_large_while_streaming_stops_at_the_cap(local_server: LocalServer) -> None:
    message = _error(fetch, local_server.url("/huge-stream"))
    assert message == f"{local_server.url('/huge-stream')}: too large (more than 10 MiB)"


def test_a_smaller_cap_is_honoured(local_server: LocalServer) -> None:
    size = len(fixture_html("harbour").encode("utf-8"))
    message = _error(fetch, local_server.url("/news/harbour.html"), max_bytes=2000)
    assert message == f"{local_server.url('/news/harbour.html')}: too large ({size} bytes); the limit is 2000 bytes"


def test_slow_response_times_out(local_server: LocalServer) -> None:
    message = _error(fetch, local_server.url("/slow"), timeout=0.5)
    assert message == f"{local_server.url('/slow')}: timed out after 0.5 s waiting for " + \
        local_server.base.removeprefix("http://")


def test_a_body_that_stalls_times_out(local_server: LocalServer) -> None:
    message = _error(fetch, local_server.url("/slow-body"), timeout=0.5)
    assert "timed out after 0.5 s" in message


def test_a_trickling_body_hits_the_overall_deadline(local_server: LocalServer) -> None:
    message = _error(fetch, local_server.url("/trickle"), timeout=0.2)
    assert message == f"{local_server.url('/trickle')}: timed out after 0.8 s reading the page"


def test_a_non_ascii_address_is_encoded(local_server: LocalServer) -> None:
    url = local_server.url("/café.html")
    article = fetch_article(url)
    assert article.source == url
    assert article.metadata["url"] == local_server.url("/caf%C3%A9.html")
    assert "Renée Dupré" in article.text


def test_a_gzipped_body_sent_anyway_is_decompressed(local_server: LocalServer) -> None:
    assert "Coral cover on reefs" in fetch_article(local_server.url("/gzipped.html")).text


def test_a_compression_bomb_is_too_large(local_server: LocalServer) -> None:
    message = _error(fetch, local_server.url("/gzip-bomb.html"))
    assert message == f"{local_server.url('/gzip-bomb.html')}: too large once decompressed (more than 10 MiB)"


def test_connection_refused() -> None:
    with socket.socket() as probe:  # a port nobody listens on: bind, note it, close
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/page.html"
    assert _error(fetch, url) == f"{url}: connection refused by 127.0.0.1:{port}"


def _fail_lookup(error: OSError):
    def getaddrinfo(*args, **kwargs):
        raise error
    return getaddrinfo


def test_unknown_host(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket, "getaddrinfo",
                        _fail_lookup(socket.gaierror(socket.EAI_NONAME, "Name or service not known")))
    url = "http://no-such-host.invalid/story"
    assert _error(fetch, url) == f"{url}: no such host no-such-host.invalid (DNS lookup failed)"


def test_no_network_for_the_lookup(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket, "getaddrinfo",
                        _fail_lookup(socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")))
    url = "https://news.invalid/story"
    assert _error(fetch, url) == f"{url}: cannot look up news.invalid; is the network down?"


def test_no_network_route(monkeypatch: pytest.MonkeyPatch) -> None:
    def unreachable(*args, **kwargs):
        raise OSError(errno.ENETUNREACH, "Network is unreachable")

    monkeypatch.setattr(socket, "create_connection", unreachable)
    url = "http://news.invalid/story"
    assert _error(fetch, url) == f"{url}: no network connection (news.invalid is unreachable)"


@pytest.mark.parametrize(("url", "expected"), [
    ("ftp://example.invalid/file", "only http and https addresses can be opened"),
    ("http:///nohost", "not a valid web address (no host name)"),
    ("javascript:alert(1)", "only http and https addresses can be opened"),
    ("http://exa mple.test/", "not a valid web address (it contains spaces or control characters)"),
    ("http://127.0.0.1:99999/", "not a valid web address (bad port number)"),
    ("http://127.0.0.1:1/a\x1b[31mb", "not a valid web address (it contains spaces or control characters)"),
    ("http://[::1", "not a valid web address"),
])
def test_bad_addresses(url: str, expected: str) -> None:
    assert _error(fetch, url).endswith(expected)


def test_charset_from_the_http_header(local_server: LocalServer) -> None:
    article = fetch_article(local_server.url("/latin1.html"))
    assert "The naïve résumé of the café owner, Renée Dupré" in article.text
    assert "£12,000" in article.text


def test_charset_from_a_meta_tag(local_server: LocalServer) -> None:
    result = fetch(local_server.url("/meta-charset.html"))
    assert result.charset == ""
    assert "Renée Dupré" in result.text


def test_a_missing_content_type_is_sniffed(local_server: LocalServer) -> None:
    result = fetch(local_server.url("/no-type.html"))
    assert result.is_html
    assert "Coral cover on reefs" in fetch_article(local_server.url("/no-type.html")).text


def test_plain_text_is_read_as_a_text_article(local_server: LocalServer) -> None:
    article = fetch_article(local_server.url("/notes.txt"))
    assert article.format == "text"
    assert "The wall will be built along the eastern quay." in article.text
    assert [b.kind for b in article.blocks].count(BlockKind.LIST_ITEM) == 2


def test_an_empty_page_is_one_clear_error(local_server: LocalServer) -> None:
    url = local_server.url("/empty.html")
    assert _error(fetch_article, url) == f"{url}: the page is empty"


def test_a_hostile_page_fetched_is_inert(local_server: LocalServer) -> None:
    article = fetch_article(local_server.url("/news/hostile.html"))
    assert "\x1b" not in article.text and "INJECTED" not in article.text
    assert "[bold]BOYCOTT[/bold]" in article.text
