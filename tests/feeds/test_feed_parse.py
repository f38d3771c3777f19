"""Parsing feeds (RSS 2.0, RSS 1.0, Atom), the entity guard, pages, summaries, discovery and OPML."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from benchmarks.feed_server import rss
from reader.document.feed_html import feed_links, summary_article, summary_text
from reader.document.feed_parse import PAGE_ITEMS, EntityRefused, is_http_url, normalize_link, read_feed
from reader.document.opml import OpmlFeed, read_opml, write_opml
from reader.errors import ReaderError
from tests.feeds.documents import (
    ATOM,
    BILLION_LAUGHS,
    EXTERNAL_ENTITY,
    MALFORMED,
    OPML,
    PARAMETER_ENTITY,
    RSS1,
)

BASE = "http://127.0.0.1:9"


def parse(text: str, url: str = BASE + "/feed.xml"):
    return read_feed(text.format(base=BASE).encode(), url=url).parse_page(0)


def test_rss2_items_have_title_link_guid_author_and_date() -> None:
    doc = rss("Harbour", [{"title": "Wall plans", "link": BASE + "/a.html", "guid": "id-1",
                           "author": "kim@example.org (Kim Ode)", "date": "Tue, 02 Dec 2025 07:15:00 GMT",
                           "description": "<p>The <b>wall</b></p>"}])
    page = parse(doc)
    assert page.title == "Harbour"
    [item] = page.items
    assert (item.title, item.link) == ("Wall plans", BASE + "/a.html")
    assert item.guid.endswith("id-1")  # feedparser resolves a permalink guid against the feed
    assert "Kim Ode" in item.author
    assert item.published == "2025-12-02T07:15:00+00:00"
    assert summary_text(item.summary_html) == "The wall"


def test_rss1_items() -> None:
    page = parse(RSS1)
    assert page.title == "Harbour Gazette"
    assert [i.title for i in page.items] == ["Quay repairs begin", "Ferry timetable changes"]
    assert page.items[0].author == "Mara Quist"
    assert page.items[0].published.startswith("2025-11-03T09:30")


def test_atom_relative_links_resolve_and_html_titles_stay_literal() -> None:
    page = parse(ATOM, url=BASE + "/atom.xml")
    [entry] = page.items
    assert entry.link == BASE + "/reef/survey.html"
    assert entry.guid == "urn:test:reef:survey"
    assert entry.author == "Ines Takahashi"
    assert entry.title == "Coral <em>bleaching</em> survey"  # markup kept as text, never interpreted
    assert summary_text(entry.summary_html) == "Divers counted four sites."


def test_malformed_xml_still_yields_its_items() -> None:
    document = read_feed(MALFORMED.format(base=BASE).encode(), url=BASE + "/sloppy.xml")
    assert document.spans is None  # expat gave up; feedparser's lenient parser reads it
    links = [i.link for i in document.parse_page(0).items]
    assert BASE + "/sloppy/1.html" in links


def test_not_a_feed_is_one_error() -> None:
    with pytest.raises(ReaderError, match="not a feed"):
        read_feed(b"<<<>>> this is not xml", url=BASE + "/x").parse_page(0)


@pytest.mark.parametrize("doc", [BILLION_LAUGHS, EXTERNAL_ENTITY, PARAMETER_ENTITY])
def test_entity_attacks_are_refused(doc: str) -> None:
    with pytest.raises(EntityRefused, match="refused"):
        read_feed(doc.format(base=BASE).encode(), url=BASE + "/bomb.xml")


def test_a_malformed_document_with_entities_is_refused_too() -> None:
    broken = EXTERNAL_ENTITY.replace("</rss>", "</rs").format(base=BASE).encode()
    with pytest.raises(EntityRefused):
        read_feed(broken, url=BASE + "/bomb.xml")


def test_plain_text_entities_are_allowed() -> None:
    doc = ('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY mdash "&#8212;">]><rss version="2.0"><channel>'
           f'<title>A &mdash; B</title><item><title>x</title><link>{BASE}/x</link></item></channel></rss>')
    page = read_feed(doc.encode(), url=BASE + "/f").parse_page(0)
    assert page.title == "A \u2014 B"


def test_ten_thousand_items_are_read_a_page_at_a_time() -> None:
    items = [{"title": f"Item {n}", "link": f"{BASE}/i/{n}", "guid": f"g{n}"} for n in range(10_000)]
    document = read_feed(rss("Big", items).encode(), url=BASE + "/big.xml")
    assert document.item_count == 10_000
    assert document.pages == 10_000 // PAGE_ITEMS
    first = document.parse_page(0)
    assert len(first.items) == PAGE_ITEMS and first.items[0].title == "Item 0" and first.title == "Big"
    last = document.parse_page(document.pages - 1)
    assert last.items[-1].title == "Item 9999"


def test_summaries_drop_scripts_and_keep_markup_as_text() -> None:
    html = '<p>One &amp; two<script>alert("x")</script></p><div>[bold]three[/bold] &lt;i&gt;</div>'
    assert summary_text(html) == "One & two\n\n[bold]three[/bold] <i>"
    article = summary_article("Title \x1b[31mred", html, source=BASE + "/a", note="(note)")
    assert "\x1b" not in article.text and article.title == "Title red"
    assert article.text.endswith("(note)")


@given(st.text())
def test_summary_articles_are_clean_for_any_input(text: str) -> None:
    article = summary_article(text[:40], text, source=BASE + "/a")
    assert not any(ord(c) < 32 and c not in "\n\t" for c in article.text)
    assert article.blocks and article.blocks[-1].end <= len(article.text)


def test_feed_links_are_found_and_made_absolute() -> None:
    html = ('<html><head><link rel="stylesheet" href="/s.css"><link rel="alternate" type="application/atom+xml" '
            'href="atom.xml" title="Atom"><link rel="alternate" type="application/rss+xml" href="/rss"></head></html>')
    assert feed_links(html, BASE + "/news/") == [(BASE + "/news/atom.xml", "Atom"), (BASE + "/rss", "")]


@pytest.mark.parametrize("url,ok", [("http://a.org/x", True), ("HTTPS://a.org", True), ("file:///etc/passwd", False),
                                    ("data:text/html,hi", False), ("javascript:alert(1)", False), ("/relative", False),
                                    ("http://", False)])
def test_only_http_links_count(url: str, ok: bool) -> None:
    assert is_http_url(url) is ok


def test_links_normalise_for_deduplication() -> None:
    assert normalize_link("HTTP://Example.ORG/a?b=1#frag") == "http://example.org/a?b=1"
    assert normalize_link("http://example.org") == "http://example.org/"


def test_opml_round_trip_keeps_urls_titles_and_tags() -> None:
    feeds = [OpmlFeed("http://a.org/feed?x=1&y=2", 'Quotes "and" <tags>', "http://a.org/", ("news", "local"))]
    assert read_opml(write_opml(feeds), "out.opml") == feeds


def test_opml_folders_and_categories_become_tags() -> None:
    feeds = read_opml(OPML.format(base=BASE).encode(), "subs.opml")
    assert feeds[0] == OpmlFeed(BASE + "/rss1.rdf", "Harbour Gazette", BASE + "/", ("Local", "coast"))
    assert [f.url for f in feeds][2:] == ["file:///etc/passwd", "javascript:alert(1)"]  # the service refuses them


def test_opml_bombs_and_non_opml_are_refused() -> None:
    with pytest.raises(EntityRefused):
        read_opml(BILLION_LAUGHS.replace("rss", "opml").format(base=BASE).encode(), "bomb.opml")
    with pytest.raises(ReaderError, match="not an OPML file"):
        read_opml(b"<html><body/></html>", "page.opml")
    with pytest.raises(ReaderError, match="malformed"):
        read_opml(b"<opml><body>", "cut.opml")


@given(st.binary(max_size=2000) | st.text(max_size=2000).map(lambda t: ("<rss><channel>" + t).encode()))
def test_any_bytes_are_a_feed_or_one_error(data: bytes) -> None:
    try:
        page = read_feed(data, url=BASE + "/fuzz.xml").parse_page(0)
    except ReaderError as exc:
        assert "\n" not in str(exc)
        return
    for item in page.items:
        assert "\x1b" not in item.title and "\n" not in item.title
