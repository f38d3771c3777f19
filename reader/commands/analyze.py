"""``reader analyze PATH... [--json | --jsonl] [--engine rules|spacy] [--jobs N]``: who is named and who said what.

One article (a file, a URL or ``-``) keeps the original forms: a plain summary (speakers with their
quotes, then entities by kind), or with ``--json`` one JSON object, the evaluation shape (title,
text, entities, quotes with offsets into text).

Several articles, a folder, or ``--jsonl``: one JSON object per line, the same shape with the
article's ``path`` first, in the order the articles were named (a folder's articles sorted). They
are analysed over a pool of worker processes (all cores unless ``--jobs``), with a progress bar on
stderr when stderr is a terminal. An article that fails is one line on stderr and the others go
on; the exit status is then 1.

JSON goes out through orjson, as bytes: on a 3 MB article the standard library's ``json.dump``
took about half the command's time (it writes to stdout piece by piece). Article text is printed
as plain text only, never interpreted as markup.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache, partial
from typing import TYPE_CHECKING, BinaryIO, TextIO

from reader.errors import ReaderError, UsageError

if TYPE_CHECKING:
    from reader.analysis.model import Analysis, Mention

QUICK_EXIT = True
"""When ``run`` returns, the output is written and every worker and forked child reaped: the console
script may end the process without freeing the analysis object by object (see ``reader.cli.entry``)."""

_KIND_ORDER = ("PERSON", "ORG", "PLACE", "NORP")
_KIND_TITLES = {"PERSON": "People", "ORG": "Organisations", "PLACE": "Places", "NORP": "Groups and nationalities"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``reader analyze``."""
    parser.add_argument("paths", nargs="+", metavar="PATH|URL|-",
                        help="articles (.md, .txt, .html), folders of them, URLs, or '-' for standard input")
    parser.add_argument("--json", action="store_true",
                        help="print JSON (title, text, entities, quotes); several articles always print --jsonl")
    parser.add_argument("--jsonl", action="store_true",
                        help="one JSON object per line for each article, with its 'path' (the form for several "
                             "articles or a folder)")
    parser.add_argument("--engine", choices=("rules", "spacy"), default="rules",
                        help="rules (default, built in) or spacy (needs the article-reader[spacy] extra and a model)")
    parser.add_argument("--jobs", type=_positive, default=None, metavar="N",
                        help="worker processes for several articles (default: one per core)")


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def run(args: argparse.Namespace) -> int:
    """Analyse one article in today's form, or many as JSON lines."""
    from reader.document.sources import is_folder

    if args.jsonl or len(args.paths) > 1 or is_folder(args.paths[0]):
        return run_batch(args)
    return run_one(args)


# -- one article ----------------------------------------------------------------------------


def run_one(args: argparse.Namespace) -> int:
    """Load the article, analyse it and print the summary, or the JSON object with ``--json``."""
    from reader.document.loader import load_title_and_text

    # A large markdown article is parsed on two cores; the engine loads while the second half
    # finishes; a long text's analysis then uses the second core too.
    try:
        # When the process ends right after (the console script), the collector stays paused: once
        # resumed, its first pass would walk every object the analysis made (0.01-0.06 s on 3 MB).
        with collector_paused(resume=not getattr(args, "ends_process", False)):
            title, text = load_title_and_text(args.paths[0], split=True, meanwhile=lambda: _engine_for(args.engine))
            early = EarlyJSON(text)
            analyse = _engine_for(args.engine, parallel=True)
            # (the JSON has no groups of mentions by entity: the rule engine need not make them)
            result = analyse(text, spare=early, groups=False) if args.json and args.engine == "rules" \
                else analyse(text)
            if args.json:
                # orjson makes a dict of each mention and quote: no collection over the heap meanwhile
                write_json(json_pieces(result, title, text, entities=early.of(result), text_json=early.text,
                                       quotes=False), result, sys.stdout)
    except EngineUnavailable as exc:
        raise ReaderError(str(exc)) from None
    if not args.json:
        print_summary(result, title, sys.stdout)
    _LAST[:] = (result, text)
    return 0


_LAST: list[object] = []
"""The last article's analysis and text, still referenced when :func:`run_one` returns: the console
script then ends the process without freeing them object by object (``QUICK_EXIT``; 0.03 s for a
3 MB article's). A caller running many commands in one process holds only the last one."""


class EarlyJSON:
    """The entities' and the text's JSON, written while the rule engine waits for its second process
    (see :meth:`reader.analysis.pipeline.Pipeline.run`'s ``spare``): the mentions are final once the
    entity stages are done and the text from the start, and their JSON is most of the command's JSON
    time on a long article (0.009 s and 0.006 s of 0.03 s on the 3 MB one), which is then off the
    end of the run."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._mentions: list[Mention] | None = None
        self._json = b""
        self.text: bytes | None = None

    def __call__(self, mentions: list[Mention]) -> None:
        from reader import patterns

        with patterns.warmed("orjson"):  # (the first import: what it imports compiles ~20 patterns)
            import orjson

        self._json = orjson.dumps(mentions)
        self._mentions = mentions
        try:
            self.text = orjson.dumps(self._text)
        except orjson.JSONEncodeError:  # (a lone surrogate: the whole document takes the lenient way)
            self.text = None

    def of(self, result: Analysis) -> bytes | None:
        """The entities' JSON if it was written for ``result``'s very mentions (not for a run that
        failed afterwards and gave an empty analysis), else None."""
        return self._json if self._mentions is not None and self._mentions is result.entities else None


@contextmanager
def collector_paused(resume: bool = True) -> Iterator[None]:
    """Pause Python's cyclic garbage collector for one article's analysis.

    Parsing and analysis allocate hundreds of thousands of small objects and free few of them in
    cycles, so the collector keeps walking a growing heap for almost nothing (5-8% of a 3 MB
    article's analysis CPU time). What one article leaves in cycles is collected after it, as usual;
    ``resume=False`` (the process ends right after) leaves the collector off.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled and resume:
            gc.enable()


class EngineUnavailable(Exception):
    """The chosen engine cannot run here (spaCy or its model missing): no article can be analysed."""


@cache
def _engine_for(engine: str, parallel: bool = False) -> Callable[..., Analysis]:
    """The analyse function of ``rules`` or ``spacy``, loaded once per process (neither is light).

    spaCy's model is loaded here, once: a batch loads it before forking, so its workers share it
    and a missing spaCy or model stops the batch before any article is read. ``parallel``: the
    rule engine may use a second process for a long text (one article, not a batch, whose
    workers already use every core).
    """
    if engine == "spacy":
        from reader.analysis.spacy_engine import SpacyUnavailable, analyze_spacy, load_pipeline

        try:
            nlp = load_pipeline()
        except SpacyUnavailable as exc:
            raise EngineUnavailable(str(exc)) from None
        return partial(analyze_spacy, nlp=nlp)
    from reader.analysis import analyze

    return partial(analyze, parallel=True) if parallel else analyze


def analyse_text(text: str, engine: str, groups: bool = True) -> Analysis:
    """Run the chosen engine on ``text``; ``groups=False``: the rule engine leaves the mentions
    ungrouped (``Analysis.groups`` empty; for the JSON, which has none)."""
    return _engine_for(engine)(text) if groups or engine != "rules" else _engine_for(engine)(text, groups=False)


# -- JSON -------------------------------------------------------------------------------------

def encode_json(result: Analysis, title: str, text: str, path: str | None = None,
                entities: bytes | None = None, text_json: bytes | None = None) -> bytes:
    """The evaluation JSON object as UTF-8 bytes and a newline; with ``path``, that key comes first.
    ``entities``, ``text_json``: the JSON of ``result.entities`` and of ``text``, written before
    (see :class:`EarlyJSON`)."""
    return b"".join(json_pieces(result, title, text, path, entities, text_json))


def json_pieces(result: Analysis, title: str, text: str, path: str | None = None,
                entities: bytes | None = None, text_json: bytes | None = None, quotes: bool = True
                ) -> list[bytes | None]:
    """:func:`encode_json`'s bytes in pieces, to write one after the other: the JSON written
    before (the text's and the entities', 8.5 MB for a 3 MB article) is not copied into one
    buffer first (0.008 s at the end of its run, most of it the new memory's page faults).
    ``quotes=False``: the quotes' piece is left None, for :func:`write_json` to fill in."""
    import orjson

    document: dict[str, object] = result.json_document(title, text)
    if not quotes:
        document["quotes"] = None
    if entities is not None:
        document["entities"] = entities
    if text_json is not None:
        document["text"] = text_json
    if path is not None:
        document = {"path": path, **document}
    try:
        pieces = []
        for key, value in document.items():
            pieces.append(b"," if pieces else b"{")
            pieces.append(orjson.dumps(key) + b":")
            pieces.append(value if isinstance(value, bytes) or value is None else orjson.dumps(value))
        pieces.append(b"}\n")
        return pieces
    except orjson.JSONEncodeError:  # text orjson refuses (a lone surrogate): the slow, lenient way
        import json

        lenient = result.to_json(title, text)
        if path is not None:
            lenient = {"path": path, **lenient}
        return [(json.dumps(lenient) + "\n").encode("ascii")]


def write_json(pieces: list[bytes | None], result: Analysis, out: TextIO) -> None:
    """Write :func:`json_pieces` made with ``quotes=False``: what comes before the quotes (all but
    3 MB of a 3 MB article's 11.6 MB) is written by a thread while this one encodes the quotes
    (0.006-0.012 s), so a pipe's reader takes it in meanwhile instead of after. Only in a process
    that forks no more (the analysis is done). The thread writes to the file descriptor with one
    ``writev`` (interrupted: again from where it stopped), after everything before is flushed."""
    import os
    import threading

    at = pieces.index(None) if None in pieces else -1
    buffer: BinaryIO | None = getattr(out, "buffer", None)
    try:
        fd = buffer.fileno() if buffer is not None else -1
    except (OSError, ValueError):  # (a stream in memory)
        fd = -1
    if at < 0 or fd < 0:  # (the lenient form in one piece, or no file: in order, here)
        if at >= 0:
            pieces[at] = _quotes_json(result)
        write_bytes([piece for piece in pieces if piece is not None], out)
        return
    out.flush()
    failed: list[BaseException] = []
    before = [memoryview(piece) for piece in pieces[:at] if piece]  # type: ignore[arg-type]

    def write_before() -> None:  # (one system call for them all: the thread needs the interpreter only between calls)
        try:
            while before:
                done = os.writev(fd, before)
                while before and done >= len(before[0]):
                    done -= len(before.pop(0))
                if before:
                    before[0] = before[0][done:]
        except BaseException as exc:  # noqa: BLE001 - raised again below, in the command's thread
            failed.append(exc)

    writer = threading.Thread(target=write_before, name="json writer", daemon=True)  # (never keeps the process)
    writer.start()
    try:
        quotes = _quotes_json(result)
    finally:
        writer.join()
    if failed:
        raise failed[0]
    for piece in (quotes, *pieces[at + 1:]):
        buffer.write(piece)  # type: ignore[arg-type]
    buffer.flush()


def _quotes_json(result: Analysis) -> bytes:
    """The quotes' JSON value; the lenient way for what orjson refuses (a lone surrogate, which
    cannot come from a text orjson took: the quotes are pieces of it)."""
    import orjson

    try:
        return orjson.dumps(result.quotes)
    except orjson.JSONEncodeError:
        import json

        return json.dumps(result.to_json("", "")["quotes"]).encode("ascii")


def write_bytes(data: bytes | list[bytes], out: TextIO) -> None:
    """Write encoded output (bytes, or pieces of it in order) after whatever text ``out`` already holds."""
    out.flush()
    pieces = [data] if isinstance(data, bytes) else data
    buffer: BinaryIO | None = getattr(out, "buffer", None)
    if buffer is None:
        out.write(b"".join(pieces).decode("utf-8"))
        return
    for piece in pieces:
        buffer.write(piece)
    buffer.flush()


# -- several articles -------------------------------------------------------------------------


@dataclass(frozen=True)
class Task:
    """One article for a worker: where it is, the engine, and standard input's bytes for ``-``."""

    source: str
    engine: str
    stdin: bytes | None = None


@dataclass(frozen=True)
class Outcome:
    """A worker's answer: the JSON line, or the one-line error; ``fatal`` stops the whole batch."""

    line: bytes = b""
    error: str = ""
    fatal: bool = False


def analyse_task(task: Task) -> Outcome:
    """Load, analyse and encode one article (runs in a worker); never raises for a bad article."""
    with collector_paused():
        return _analyse_task(task)


def _analyse_task(task: Task) -> Outcome:
    import io

    from reader.document.loader import load_title_and_text

    try:
        title, text = load_title_and_text(task.source, io.BytesIO(task.stdin) if task.stdin is not None else None)
    except ReaderError as exc:  # its message names the article
        return Outcome(error=str(exc))
    except Exception as exc:  # a bug in a loader must not cost the other articles
        return Outcome(error=f"{task.source}: could not be loaded ({type(exc).__name__}: {exc})")
    try:
        result = analyse_text(text, task.engine, groups=False)
        return Outcome(line=encode_json(result, title, text, path=task.source))
    except EngineUnavailable as exc:
        return Outcome(error=str(exc), fatal=True)
    except Exception as exc:
        return Outcome(error=f"{task.source}: analysis failed ({type(exc).__name__}: {exc})")


def expand_paths(paths: list[str], report: Callable[[str], None]) -> list[str]:
    """Each argument's articles (a folder's sorted); an argument that fails is reported and skipped."""
    from reader.document.sources import collect_sources

    sources: list[str] = []
    for raw in paths:
        try:
            sources.extend(collect_sources([raw]))
        except ReaderError as exc:
            report(str(exc))
    return sources


def _read_stdin() -> bytes:
    from reader.document.decode import MAX_BYTES

    return sys.stdin.buffer.read(MAX_BYTES + 1)


def run_batch(args: argparse.Namespace) -> int:
    """Analyse every article over the worker pool; print one JSON line each, in the order given."""
    from reader.commands._pool import WorkerDied, WorkerPool, cpu_count
    from reader.commands._progress import Progress
    from reader.sanitize import clean_line

    if args.paths.count("-") > 1:
        raise UsageError("standard input ('-') can be named only once")
    failed = False

    def report(message: str) -> None:
        nonlocal failed
        failed = True
        print(f"reader: {clean_line(message)}", file=sys.stderr, flush=True)

    sources = expand_paths(args.paths, report)
    stdin = _read_stdin() if "-" in sources else None
    tasks = [Task(source, args.engine, stdin if source == "-" else None) for source in sources]
    if tasks:  # forked workers inherit what is loaded here, instead of each loading it again
        import reader.document.markdown  # noqa: F401

        try:
            _engine_for(args.engine)
        except EngineUnavailable as exc:
            raise ReaderError(str(exc)) from None
    # The console script starts with the collector off (reader.cli.entry); between articles the
    # workers need it (each pauses it for an article's analysis only: analyse_task).
    gc.enable()
    progress = Progress(len(tasks))
    out = sys.stdout
    clear_before_output = progress.enabled and _is_terminal(out)
    finished: dict[int, bytes] = {}
    next_out = 0
    try:
        with WorkerPool(args.jobs or cpu_count()) as pool:
            for index, outcome in pool.completed(analyse_task, tasks):
                if isinstance(outcome, WorkerDied):
                    outcome = Outcome(error=f"{tasks[index].source}: not analysed: {outcome}")
                if outcome.fatal:
                    raise ReaderError(outcome.error)
                if outcome.error:
                    failed = True
                    progress.say(f"reader: {clean_line(outcome.error)}")
                finished[index] = outcome.line
                progress.advance(tasks[index].source)
                while next_out in finished:
                    line = finished.pop(next_out)
                    next_out += 1
                    if line:
                        if clear_before_output:
                            progress.clear()
                        write_bytes(line, out)
    finally:
        progress.clear()
    return 1 if failed else 0


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


# -- the plain summary ------------------------------------------------------------------------


def _one_line(text: str, limit: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def print_summary(result: Analysis, title: str, out: TextIO) -> None:
    """Speakers with their quotes, then entities grouped by kind."""
    out.write(f"{_one_line(title)}\n\n")
    speakers = result.speakers()
    out.write("Speakers\n" if speakers else "Speakers: none found\n")
    for name, counts in speakers:
        summary = ", ".join(f"{n} {kind}" for kind, n in counts.items())
        out.write(f"  {name} ({summary})\n")
        for quote in result.quotes_by(name):
            out.write(f"    [{quote.kind}] {_one_line(quote.text)}\n")
    unattributed = [q for q in result.quotes if not q.speaker]
    if unattributed:
        out.write("  (unattributed)\n")
        for quote in unattributed:
            out.write(f"    [{quote.kind}] {_one_line(quote.text)}\n")
    out.write("\n")
    for label in _KIND_ORDER:
        groups = [g for g in result.groups.values() if g.label == label]
        if not groups:
            continue
        groups.sort(key=lambda g: (-len(g.mentions), g.name.casefold()))
        out.write(f"{_KIND_TITLES[label]}\n")
        for group in groups:
            forms = sorted({m.text for m in group.mentions} - {group.name})
            also = f" (also: {', '.join(forms)})" if forms else ""
            out.write(f"  {group.name}: {len(group.mentions)}{also}\n")
