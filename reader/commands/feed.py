"""``reader feed add|list|remove|refresh|import|export|fulltext``: follow RSS and Atom feeds.

- ``reader feed add URL [--tag T ...]``: follow a feed (or the feed a web page links); prints
  its id and title;
- ``reader feed list [--json]``: the feeds with their unread counts and last errors;
- ``reader feed remove URL|ID``: stop following (the articles taken from it stay);
- ``reader feed refresh [URL|ID ...]``: new items into the library; progress on stderr, one line
  per feed (a broken feed is one line naming it, the others go on; exit 1 if any failed);
- ``reader feed import FILE.opml`` and ``reader feed export`` (OPML 2.0 on standard output);
- ``reader feed fulltext [refresh|open]``: when items' pages are fetched (shows it without a value).
"""

from __future__ import annotations

import argparse
import sys

import orjson

from reader.commands import _args
from reader.commands._library import open_library
from reader.sanitize import clean_line
from reader.services import feeds as service

_DB_HELP = "the library file (default: $READER_DB or the platform data folder)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """One sub-parser per action (each also takes --db, since options after the action are its own)."""
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")

    def action(name: str, text: str) -> argparse.ArgumentParser:
        sub = actions.add_parser(name, help=text, description=text)
        sub.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=_DB_HELP)
        return sub

    add = action("add", "follow a feed (or the feed a web page links); prints its id and title")
    add.add_argument("url", type=_args.nonempty, metavar="URL")
    add.add_argument("--tag", action="append", default=[], type=_args.tag, metavar="TAG", help="give the feed's items this tag")
    listing = action("list", "the feeds followed, with unread counts and the last refresh's error")
    listing.add_argument("--json", action="store_true", help="print a JSON list of feeds")
    remove = action("remove", "stop following a feed (its articles stay in the library)")
    remove.add_argument("feed", type=_args.nonempty, metavar="URL|ID")
    refresh = action("refresh", "fetch new items of every feed (or those named) into the library")
    refresh.add_argument("feeds", nargs="*", type=_args.nonempty, metavar="URL|ID")
    refresh.add_argument("--timeout", type=float, default=service.Limits().timeout, metavar="SECONDS",
                         help="give up on a server silent this long (default: %(default)g)")
    refresh.add_argument("--quiet", action="store_true", help="no progress lines, only errors")
    imported = action("import", "follow every feed an OPML file lists")
    imported.add_argument("file", type=_args.nonempty, metavar="FILE.opml")
    action("export", "print the feeds as OPML 2.0")
    fulltext = action("fulltext", "when items' pages are fetched: during the refresh, or when first opened")
    fulltext.add_argument("mode", nargs="?", choices=service.FULLTEXT_MODES)


def run(args: argparse.Namespace) -> int:
    """Run the chosen action."""
    return int(_ACTIONS[args.action](args) or 0)


def _add(args: argparse.Namespace) -> int:
    library = open_library(args)
    feed, new = service.follow(library, args.url, args.tag)
    print(f"{feed.id}\t{clean_line(feed.name)}")
    if not new:
        print(f"reader: already following {clean_line(feed.url)}", file=sys.stderr)
    return 0


def _list(args: argparse.Namespace) -> int:
    library = open_library(args)
    rows = service.feeds_with_unread(library)
    if args.json:
        sys.stdout.write(orjson.dumps([feed.to_json(unread) for feed, unread in rows],
                                      option=orjson.OPT_INDENT_2).decode() + "\n")
        return 0
    for feed, unread in rows:
        parts = [feed.id, clean_line(feed.name), f"{unread} unread"]
        if feed.tags:
            parts.append(" ".join(f"#{clean_line(t)}" for t in feed.tags))
        parts.append(clean_line(feed.url))
        if feed.error:
            parts.append(f"error: {clean_line(feed.error)}")
        print("  ".join(parts))
    return 0


def _remove(args: argparse.Namespace) -> int:
    feed = service.unfollow(open_library(args), args.feed)
    print(f"{feed.id}\t{clean_line(feed.name)}")
    return 0


def _refresh(args: argparse.Namespace) -> int:
    library = open_library(args)
    if args.timeout <= 0:
        from reader.errors import UsageError

        raise UsageError("--timeout must be more than 0 seconds")

    def progress(result: service.FeedResult, done: int, total: int) -> None:
        if result.error or not args.quiet:
            print(f"reader: [{done}/{total}] {result.line()}", file=sys.stderr)

    report = service.refresh(library, args.feeds, limits=service.Limits(timeout=args.timeout), progress=progress)
    if not report.results:
        print("reader: no feeds to refresh; follow one with 'reader feed add URL'", file=sys.stderr)
        return 0
    failed = len(report.failed)
    if not args.quiet or failed:
        print(f"reader: {report.new} new item{'s' if report.new != 1 else ''} from {len(report.results)} "
              f"feed{'s' if len(report.results) != 1 else ''} in {report.seconds:.1f} s"
              + (f"; {failed} failed" if failed else ""), file=sys.stderr)
    return 1 if failed else 0


def _import(args: argparse.Namespace) -> int:
    added, refused = service.import_opml(open_library(args), args.file)
    for line in refused:
        print(f"reader: {line}", file=sys.stderr)
    for feed, _new in added:
        print(f"{feed.id}\t{clean_line(feed.name)}")
    new = sum(1 for _feed, fresh in added if fresh)
    print(f"reader: {new} new feed{'s' if new != 1 else ''} of {len(added)} in {clean_line(args.file)}; "
          "'reader feed refresh' fetches their items", file=sys.stderr)
    return 1 if refused else 0


def _export(args: argparse.Namespace) -> int:
    sys.stdout.buffer.write(service.export_opml(open_library(args)))
    sys.stdout.flush()
    return 0


def _fulltext(args: argparse.Namespace) -> int:
    library = open_library(args)
    if args.mode:
        library.set_setting(service.FULLTEXT_SETTING, args.mode)
    print(service.fulltext_mode(library))
    return 0


_ACTIONS = {"add": _add, "list": _list, "remove": _remove, "refresh": _refresh, "import": _import,
            "export": _export, "fulltext": _fulltext}
