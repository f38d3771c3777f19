"""``reader feed ...``, ``reader mark`` and ``reader list --unread/--archived`` through the CLI."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson

from benchmarks.feed_server import FeedServer, page, rss
from reader.document import load
from reader.store import Library
from tests.cli_run import Run
from tests.feeds.documents import OPML


def feed_with_pages(server: FeedServer, path: str, prefix: str, count: int, **fields: object) -> str:
    entries = []
    for n in range(count):
        server.put(f"/{prefix}/{n}.html", page(f"{prefix} {n}"), content_type="text/html")
        entries.append({"title": f"{prefix} {n}", "link": server.url(f"/{prefix}/{n}.html"), "guid": f"{prefix}{n}"})
    return server.put(path, rss(prefix.title(), entries), **fields)


def test_add_list_refresh_remove(run: Run, server: FeedServer) -> None:
    url = feed_with_pages(server, "/feed.xml", "harbour", 2, etag='"1"')
    code, out, _ = run("feed", "add", url, "--tag", "Coast")
    assert code == 0
    fid, title = out.strip().split("\t")
    assert title == "Harbour" and len(fid) == 12
    code, out, err = run("feed", "refresh")
    assert code == 0 and out == ""
    assert "[1/1] Harbour: 2 new items" in err and "2 new items from 1 feed" in err
    code, out, _ = run("feed", "list")
    assert out.startswith(f"{fid}  Harbour  2 unread  #coast  {url}")
    code, out, _ = run("feed", "list", "--json")
    [listed] = json.loads(out)
    assert (listed["id"], listed["url"], listed["unread"], listed["tags"]) == (fid, url, 2, ["coast"])
    code, _, err = run("feed", "refresh", fid)
    assert code == 0 and "Harbour: unchanged" in err
    code, out, _ = run("feed", "remove", url)
    assert code == 0 and out.startswith(fid)
    code, out, _ = run("feed", "list")
    assert out == ""
    code, out, _ = run("list")
    assert len(out.splitlines()) == 2  # the articles stay


def test_errors_are_one_line(run: Run, server: FeedServer) -> None:
    for args, needle in ((("feed", "add", "file:///etc/passwd"), "only http and https"),
                         (("feed", "add", server.url("/nothing")), "404"),
                         (("feed", "remove", "nosuchfeed"), "no such feed"),
                         (("feed", "import", "/no/such.opml"), "no such file"),
                         (("mark", "nosuch", "read"), "not in the library")):
        code, _, err = run(*args)
        lines = err.splitlines()
        assert code == 1 and len(lines) == 1 and needle in lines[0] and "Traceback" not in err, (args, err)
    code, _, err = run("mark", "x", "sideways")
    assert code == 2 and "invalid choice" in err


def test_refresh_reports_a_broken_feed_and_exits_1(run: Run, server: FeedServer, db: Path) -> None:
    from reader.store.feeds import FeedStore

    run("feed", "add", feed_with_pages(server, "/good.xml", "good", 1))
    FeedStore(Library.open(db)).add_feed(server.url("/missing.xml"), title="Missing")
    code, _, err = run("feed", "refresh", "--quiet")
    lines = err.splitlines()
    assert code == 1 and len(lines) == 2
    assert lines[0].endswith(f"] Missing: {server.url('/missing.xml')}: page not found (HTTP 404)")
    assert lines[1].startswith("reader: 1 new item from 2 feeds") and lines[1].endswith("; 1 failed")


def test_import_export_opml(run: Run, server: FeedServer, tmp_path: Path) -> None:
    path = tmp_path / "subs.opml"
    path.write_text(OPML.format(base=server.base), encoding="utf-8")
    code, out, err = run("feed", "import", str(path))
    assert code == 1  # two entries refused, the rest imported
    assert len(out.splitlines()) == 2
    assert "file:///etc/passwd: only http and https" in err and "2 new feeds of 2" in err
    code, out, _ = run("feed", "export")
    assert code == 0 and out.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    assert server.url("/rss1.rdf") in out and "javascript" not in out


def test_fulltext_setting(run: Run) -> None:
    assert run("feed", "fulltext")[1] == "refresh\n"
    assert run("feed", "fulltext", "open")[1] == "open\n"
    assert run("feed", "fulltext")[1] == "open\n"


def test_mark_and_list_by_state(run: Run, tmp_path: Path) -> None:
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text("First article\n\nThe council met on Monday.\n", encoding="utf-8")
    second.write_text("Second article\n\nThe ferry left on Tuesday.\n", encoding="utf-8")
    _, out, _ = run("add", str(first), str(second))
    one, two = out.split()
    code, out, _ = run("mark", one, "read")
    assert code == 0 and out.startswith(f"{one}\tread\t")
    assert run("list", "--unread")[1].split()[0] == two
    run("mark", str(second), "archived")
    assert [line.split()[0] for line in run("list")[1].splitlines()] == [one]
    assert [line.split()[0] for line in run("list", "--archived")[1].splitlines()] == [two]
    assert run("list", "--unread")[1] == ""
    run("mark", two, "unarchived")
    listed = json.loads(run("list", "--json", "--sort", "unread")[1])
    assert [(a["id"], a["read"], a["archived"]) for a in listed] == [(two, False, False), (one, True, False)]


def test_old_records_without_state_are_unread(db: Path, tmp_path: Path) -> None:
    article = tmp_path / "old.txt"
    article.write_text("Old article\n\nText.\n", encoding="utf-8")
    library = Library.open(db)
    record = library.add_article(load(str(article)))
    raw = orjson.loads(db.read_bytes())
    for key in ("read", "archived", "feed", "fulltext"):
        raw["articles"][record.id].pop(key)
    db.write_bytes(orjson.dumps(raw))
    old = Library.open(db).article(record.id)
    assert (old.read, old.archived, old.feed, old.fulltext) == (False, False, "", "")
    assert [r.id for r in Library.open(db).articles(unread=True, archived=False)] == [record.id]


def test_a_killed_refresh_leaves_whole_articles(db: Path, server: FeedServer) -> None:
    """Kill -9 a refresh while one feed's pages stall: the saved feed is whole, the other absent."""
    feed_with_pages(server, "/fast.xml", "fast", 5)
    entries = []
    for n in range(3):
        server.put(f"/stuck/{n}.html", page("stuck"), content_type="text/html", stall=True)
        entries.append({"title": f"stuck {n}", "link": server.url(f"/stuck/{n}.html")})
    server.put("/stuck.xml", rss("Stuck", entries))
    library = Library.open(db)
    from reader.store.feeds import FeedStore

    FeedStore(library).add_feed(server.url("/fast.xml"))
    FeedStore(library).add_feed(server.url("/stuck.xml"))
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    command = [sys.executable, "-c", "import sys; from reader.cli import main; sys.exit(main())",
               "--db", str(db), "feed", "refresh", "--timeout", "20"]
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and len(Library.open(db).articles()) < 5:
            time.sleep(0.05)
        assert sum(server.count(f"/stuck/{n}.html") for n in range(3)) == 1  # stalled on its first page
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(10)
        child.stderr.close()  # type: ignore[union-attr]
    after = Library.open(db)
    records = after.articles()
    assert sorted(r.title for r in records) == [f"fast {n}" for n in range(5)]
    assert all(after.stored_text(r.id) for r in records)
    keys = after.storage.read()["feed_items"]
    assert len(keys) == 10 and {k["article"] for k in keys.values()} == {r.id for r in records}


def test_interrupting_a_refresh_ends_the_process_at_once(db: Path, server: FeedServer) -> None:
    """Ctrl+C while a feed stalls: the process ends now, not when the request times out."""
    from reader.store.feeds import FeedStore

    server.put("/stall.xml", rss("Stall", []), stall=True)
    FeedStore(Library.open(db)).add_feed(server.url("/stall.xml"))
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    command = [sys.executable, "-c", "import sys; from reader.cli import main; sys.exit(main())",
               "--db", str(db), "feed", "refresh", "--timeout", "60"]
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and server.count("/stall.xml") == 0:
            time.sleep(0.05)
        child.send_signal(signal.SIGINT)
        _, err = child.communicate(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(5)
    assert child.returncode == 130 and err.strip().splitlines()[-1] == "reader: interrupted"
