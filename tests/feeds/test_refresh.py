"""Following and refreshing feeds against a local server: new items, 304s, dedup, moves, failures."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.feed_server import FeedServer, http_date, page, rss
from reader.services import feeds as service
from reader.store import Library
from reader.store.feeds import FeedStore
from tests.feeds.documents import ATOM, BILLION_LAUGHS, EXTERNAL_ENTITY, RSS1

FAST = service.Limits(timeout=2.0)


def items(server: FeedServer, prefix: str, count: int, *, pages: bool = True) -> list[dict[str, str]]:
    out = []
    for n in range(count):
        link = server.url(f"/{prefix}/{n}.html")
        if pages:
            server.put(f"/{prefix}/{n}.html", page(f"{prefix} story {n}"), content_type="text/html; charset=utf-8")
        out.append({"title": f"{prefix} story {n}", "link": link, "guid": f"{prefix}-{n}",
                    "description": f"<p>Summary of {prefix} {n}.</p>", "author": "desk@example.org (News Desk)",
                    "date": "Wed, 03 Dec 2025 10:00:00 GMT"})
    return out


def follow(library: Library, url: str, tags: tuple[str, ...] = ()) -> str:
    feed, _new = service.follow(library, url, tags, FAST)
    return feed.id


def test_items_become_articles_with_their_fields_tags_and_page(server: FeedServer, db: Path) -> None:
    url = server.put("/feed.xml", rss("Harbour news", items(server, "h", 3)))
    library = Library.open(db)
    fid = follow(library, url, ("Coast",))
    report = service.refresh(library, limits=FAST)
    assert report.new == 3 and not report.failed
    records = library.articles(feed=fid)
    assert len(records) == 3
    record = library.get_article(server.url("/h/0.html"))
    assert record is not None
    assert record.title == "h story 0" and record.feed == fid and record.tags == ("coast",)
    assert record.metadata["author"].endswith("(News Desk)") or "News Desk" in record.metadata["author"]
    assert record.metadata["published"] == "2025-12-03T10:00:00+00:00"
    assert record.metadata["site"]  # the page says which site; a summary-only item names the feed
    assert not record.read and not record.archived and record.fulltext == ""
    text = library.stored_text(record.id)
    assert text is not None and "harbour wall would be finished" in text  # the page, kept for offline reading
    assert library.articles(sort="added")[0].title == "h story 0"  # the feed's newest item is the newest article


def test_an_unchanged_feed_costs_one_304_and_adds_nothing(server: FeedServer, db: Path) -> None:
    url = server.put("/feed.xml", rss("Etag feed", items(server, "e", 2)), etag='"v1"')
    lm_url = server.put("/lm.xml", rss("Dated feed", items(server, "d", 2)), last_modified=http_date())
    library = Library.open(db)
    follow(library, url)
    follow(library, lm_url)
    assert service.refresh(library, limits=FAST).new == 4
    pages_before = server.count("/e/0.html")
    report = service.refresh(library, limits=FAST)
    assert report.new == 0 and all(r.not_modified for r in report.results)
    assert server.count("/e/0.html") == pages_before  # nothing but the feed was asked for


def test_items_are_deduplicated_across_refreshes_feeds_and_changed_guids(server: FeedServer, db: Path) -> None:
    shared = items(server, "s", 2)
    server.put("/a.xml", rss("Feed A", shared))
    server.put("/b.xml", rss("Feed B", [dict(i, guid="other-" + i["guid"]) for i in shared]))  # same links
    library = Library.open(db)
    follow(library, server.url("/a.xml"))
    follow(library, server.url("/b.xml"))
    assert service.refresh(library, limits=FAST).new == 2
    server.put("/a.xml", rss("Feed A", [dict(i, guid="renamed-" + i["guid"]) for i in shared]))
    assert service.refresh(library, limits=FAST).new == 0
    assert len(library.articles()) == 2


def test_a_removed_article_does_not_come_back(server: FeedServer, db: Path) -> None:
    server.put("/feed.xml", rss("F", items(server, "r", 1)))
    library = Library.open(db)
    follow(library, server.url("/feed.xml"))
    service.refresh(library, limits=FAST)
    library.remove_article(library.articles()[0].id)
    assert service.refresh(library, limits=FAST).new == 0


def test_a_page_that_cannot_be_fetched_keeps_the_summary_and_says_so(server: FeedServer, db: Path) -> None:
    entries = items(server, "m", 1, pages=False)  # no page served: 404
    server.put("/feed.xml", rss("F", entries))
    library = Library.open(db)
    follow(library, server.url("/feed.xml"))
    report = service.refresh(library, limits=FAST)
    assert report.results[0].summary_only == 1
    record = library.articles()[0]
    assert record.fulltext == "failed"
    text = library.stored_text(record.id) or ""
    assert "Summary of m 0." in text and "page could not be fetched" in text and "404" in text


def test_fulltext_when_first_opened(server: FeedServer, db: Path) -> None:
    server.put("/feed.xml", rss("F", items(server, "o", 1)))
    library = Library.open(db)
    follow(library, server.url("/feed.xml"))
    library.set_setting(service.FULLTEXT_SETTING, "open")
    service.refresh(library, limits=FAST)
    assert server.count("/o/0.html") == 0
    record = library.articles()[0]
    assert record.fulltext == "pending" and "Summary of o 0." in (library.stored_text(record.id) or "")
    article, message = service.open_pending(library, record, FAST)
    assert message == "" and article is not None and "harbour wall" in article.text
    after = library.article(record.id)
    assert after.fulltext == "" and after.feed == record.feed and after.metadata["published"].startswith("2025-12-03")
    assert "harbour wall" in (library.stored_text(record.id) or "")


def test_fulltext_on_open_that_fails_keeps_the_summary(server: FeedServer, db: Path) -> None:
    server.put("/feed.xml", rss("F", items(server, "q", 1, pages=False)))
    library = Library.open(db)
    follow(library, server.url("/feed.xml"))
    service.refresh(library, limits=FAST, fulltext="open")
    record = library.articles()[0]
    article, message = service.open_pending(library, record, FAST)
    assert article is not None and "Summary of q 0." in article.text and "could not be fetched" in article.text
    assert "404" in message
    assert library.article(record.id).fulltext == "failed"


def test_a_page_url_leads_to_its_feed(server: FeedServer, db: Path) -> None:
    server.put("/atom.xml", ATOM.format(base=server.base), content_type="application/atom+xml")
    server.put("/index.html", '<html><head><link rel="alternate" type="application/atom+xml" href="atom.xml">'
               "</head><body>home</body></html>", content_type="text/html")
    library = Library.open(db)
    feed, new = service.follow(library, server.url("/index.html"), (), FAST)
    assert new and feed.url == server.url("/atom.xml") and feed.title == "Reef Watch"
    again, new = service.follow(library, server.url("/atom.xml"), ("reef",), FAST)
    assert not new and again.id == feed.id and again.tags == ("reef",)


def test_rss1_and_atom_feeds_refresh(server: FeedServer, db: Path) -> None:
    server.put("/rss1.rdf", RSS1.format(base=server.base), content_type="application/rdf+xml")
    server.put("/atom.xml", ATOM.format(base=server.base), content_type="application/atom+xml")
    library = Library.open(db)
    follow(library, server.url("/rss1.rdf"))
    follow(library, server.url("/atom.xml"))
    report = service.refresh(library, limits=FAST)
    assert report.new == 3  # pages 404: summaries kept
    titles = {r.title for r in library.articles()}
    assert titles == {"Quay repairs begin", "Ferry timetable changes", "Coral <em>bleaching</em> survey"}


def test_a_moved_feed_is_followed_and_remembered(server: FeedServer, db: Path) -> None:
    server.put("/old.xml", rss("Moving", items(server, "mv", 1)))
    library = Library.open(db)
    fid = follow(library, server.url("/old.xml"))
    server.put("/new.xml", rss("Moving", items(server, "mv", 2)))
    server.put("/old.xml", status=301, location="/new.xml")
    report = service.refresh(library, limits=FAST)
    assert report.results[0].moved_to == server.url("/new.xml")
    feed = FeedStore(library).feed(fid)
    assert feed.url == server.url("/new.xml") and server.url("/old.xml") in feed.moved_from
    assert FeedStore(library).feed(server.url("/old.xml")).id == fid
    service.refresh(library, limits=FAST)
    assert server.count("/old.xml") == 2  # the first follow and the refresh that found the move


def test_broken_feeds_are_one_line_each_and_the_others_go_on(server: FeedServer, db: Path) -> None:
    server.put("/good.xml", rss("Good", items(server, "g", 2)))
    server.put("/loop-a", location="/loop-b")
    server.put("/loop-b", location="/loop-a")
    server.put("/gone.xml", "<h1>oops</h1>", status=500, content_type="text/html")
    server.put("/slow.xml", rss("Slow", []), stall=True)
    server.put("/page.html", "<html><body><p>no feed here</p></body></html>", content_type="text/html")
    server.put("/scheme.xml", location="file:///etc/passwd")
    server.put("/bomb.xml", BILLION_LAUGHS.format(base=server.base))
    server.put("/xxe.xml", EXTERNAL_ENTITY.format(base=server.base))
    server.put("/huge.xml", '<?xml version="1.0"?><rss version="2.0"><channel><title>Huge</title>',
               stream_bytes=3 * 1024 * 1024)
    library = Library.open(db)
    store = FeedStore(library)
    follow(library, server.url("/good.xml"))
    broken = ["/loop-a", "/gone.xml", "/slow.xml", "/page.html", "/scheme.xml", "/bomb.xml", "/xxe.xml", "/huge.xml"]
    for path in broken:  # added straight to the store: following checks the feed first
        store.add_feed(server.url(path))
    lines: list[str] = []
    report = service.refresh(library, limits=service.Limits(timeout=0.5, max_bytes=1024 * 1024),
                             progress=lambda result, done, total: lines.append(result.line()))
    assert report.new == 2
    assert len(report.failed) == len(broken) and len(lines) == len(broken) + 1
    errors = {r.feed.url.removeprefix(server.base): r.error for r in report.failed}
    assert "redirect loop" in errors["/loop-a"]
    assert "HTTP 500" in errors["/gone.xml"]
    assert "timed out" in errors["/slow.xml"]
    assert "not a feed" in errors["/page.html"]
    assert "only http and https" in errors["/scheme.xml"]
    assert "refused" in errors["/bomb.xml"] and "refused" in errors["/xxe.xml"]
    assert "too large" in errors["/huge.xml"]
    assert server.count("/secret.txt") == 0  # the external entity was never fetched
    assert all("\n" not in line for line in lines)
    assert {f.url: f.error for f in store.feeds()}[server.url("/gone.xml")]  # the error is kept for 'feed list'


def test_hostile_item_links_are_refused_and_never_opened(server: FeedServer, db: Path) -> None:
    server.put("/to-file", location="file:///etc/passwd")
    entries = [{"title": "Script", "link": "javascript:alert(1)"}, {"title": "File", "link": "file:///etc/passwd"},
               {"title": "Data", "link": "data:text/html,<b>hi</b>"},
               {"title": "Redirects to a file", "link": server.url("/to-file"), "description": "<p>kept</p>"}]
    server.put("/feed.xml", rss("Hostile", entries))
    library = Library.open(db)
    follow(library, server.url("/feed.xml"))
    report = service.refresh(library, limits=FAST)
    result = report.results[0]
    assert result.refused == 3 and result.new == 1 and result.summary_only == 1
    record = library.articles()[0]
    assert record.source == server.url("/to-file") and record.fulltext == "failed"
    assert "only http and https" in (library.stored_text(record.id) or "")


def test_ten_thousand_items_are_taken_a_page_per_refresh(server: FeedServer, db: Path) -> None:
    entries = items(server, "big", 10_000, pages=False)
    server.put("/big.xml", rss("Big", entries), etag='"big"')
    library = Library.open(db)
    follow(library, server.url("/big.xml"))
    report = service.refresh(library, limits=FAST, fulltext="open")
    assert report.new == 200 and report.results[0].more
    assert FeedStore(library).feeds()[0].etag == ""  # no validators until every new item is in
    assert service.refresh(library, limits=FAST, fulltext="open").new == 200
    assert len(library.articles()) == 400


def test_a_refresh_that_fails_saving_leaves_nothing_partial(server: FeedServer, db: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    server.put("/feed.xml", rss("F", items(server, "k", 3)))
    library = Library.open(db)
    follow(library, server.url("/feed.xml"))
    calls = 0
    original = FeedStore.update_feed

    def failing(self: FeedStore, feed: str, **changes: object) -> None:
        nonlocal calls
        calls += 1
        raise OSError("disk full")

    monkeypatch.setattr(FeedStore, "update_feed", failing)
    with pytest.raises(OSError):
        service.refresh(library, limits=FAST)
    assert calls == 1
    fresh = Library.open(db)
    assert fresh.articles() == [] and fresh.storage.read().get("feed_items", {}) == {}
    monkeypatch.setattr(FeedStore, "update_feed", original)
    assert service.refresh(fresh, limits=FAST).new == 3


def test_import_and_export_opml(server: FeedServer, db: Path, tmp_path: Path) -> None:
    from reader.document.opml import read_opml
    from tests.feeds.documents import OPML

    path = tmp_path / "subs.opml"
    path.write_text(OPML.format(base=server.base), encoding="utf-8")
    library = Library.open(db)
    added, refused = service.import_opml(library, str(path))
    assert [f.url for f, _ in added] == [server.url("/rss1.rdf"), server.url("/atom.xml")]
    assert len(refused) == 2 and all("only http and https" in line for line in refused)
    assert added[0][0].tags == ("local", "coast")
    exported = read_opml(service.export_opml(library), "export")
    assert {f.url for f in exported} == {server.url("/rss1.rdf"), server.url("/atom.xml")}


def test_a_feed_served_as_html_is_still_read(server: FeedServer, db: Path) -> None:
    server.put("/mislabelled.xml", rss("Mislabelled", items(server, "ml", 1)), content_type="text/html")
    library = Library.open(db)
    follow(library, server.url("/mislabelled.xml"))
    assert service.refresh(library, limits=FAST).new == 1
