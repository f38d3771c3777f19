"""``reader analyze PATH...``: one article keeps its forms; several, a folder or --jsonl give JSON lines.

In-process runs use ``--jobs 1`` (no fork of the test process); the worker pool itself runs in
real ``python -m reader`` processes, which also shows the exit codes and stderr a user sees.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from reader.analysis import analyze
from reader.cli import main
from reader.commands import analyze as analyze_command
from reader.commands.analyze import encode_json, json_pieces

STRIKE = """# Port strike ends after three days

Dockers at the port of Felixstowe returned to work on Friday, the Harbour Workers Union said.

“We got most of what we asked for,” union leader Rosa Lindqvist told reporters.
"""
MAYOR = "Town hall\n\n“The budget is balanced,” said Mayor Jo Banks of Dunmore.\n"
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "b-strike.md").write_text(STRIKE, encoding="utf-8")
    (articles / "a-mayor.txt").write_text(MAYOR, encoding="utf-8")
    (articles / "README.md").write_text("# About these articles\n", encoding="utf-8")
    (articles / "notes.json").write_text("{}", encoding="utf-8")
    return articles


def _lines(out: str) -> list[dict]:
    assert out.endswith("\n")
    return [json.loads(line) for line in out.splitlines()]


def _reader(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "reader", "analyze", *args], capture_output=True, text=True,
                          input=stdin, env=env, timeout=120, cwd=ROOT)


# -- one article: today's forms --------------------------------------------------------------


def test_one_path_with_json_is_one_object_without_a_path(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", "--json", str(folder / "b-strike.md")]) == 0
    out = capsys.readouterr().out
    data = json.loads(out)  # the whole output is one object, as the eval scorers read it
    assert list(data) == ["title", "text", "entities", "quotes"]
    assert data["title"] == "Port strike ends after three days"
    assert "Rosa Lindqvist" in {q["speaker"] for q in data["quotes"]}


def test_one_path_without_json_is_the_plain_summary(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(folder / "a-mayor.txt")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("a mayor\n\nSpeakers\n") and "Jo Banks (1 direct)" in out
    with pytest.raises(json.JSONDecodeError):
        json.loads(out)


def test_one_missing_path_is_one_line_and_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", "--json", str(tmp_path / "gone.md")]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1 and "no such file" in captured.err


# -- the JSON encoding -------------------------------------------------------------------------


def test_orjson_output_is_the_models_to_json_key_for_key() -> None:
    text = MAYOR + "\nThe council, chaired by Ana Ruiz, said it would vote in May.\n"
    result = analyze(text)
    assert result.entities and result.quotes
    expected = result.to_json("Town hall", text)
    encoded = encode_json(result, "Town hall", text)
    assert encoded.endswith(b"}\n") and encoded.count(b"\n") == 1
    assert json.loads(encoded) == expected
    with_path = json.loads(encode_json(result, "Town hall", text, path="x.txt"))
    assert list(with_path) == ["path", *expected] and with_path == {"path": "x.txt", **expected}


def test_json_is_byte_for_byte_what_to_json_gives() -> None:
    """orjson writes the mentions and quotes itself (json_document): the very bytes to_json's
    dicts give, keys in the same order, unknown speakers and cues included."""
    text = MAYOR + '\nThe council, chaired by Ana Ruiz, said it would vote in May. "We will see," someone added.\n'
    result = analyze(text)
    assert result.entities and result.quotes
    expected = orjson.dumps(result.to_json("Town hall", text), option=orjson.OPT_APPEND_NEWLINE)
    assert encode_json(result, "Town hall", text) == expected
    with_path = orjson.dumps({"path": "x.txt", **result.to_json("Town hall", text)}, option=orjson.OPT_APPEND_NEWLINE)
    assert encode_json(result, "Town hall", text, path="x.txt") == with_path
    # in pieces (as one article's --json writes it), with the JSON of the text and entities made before
    pieces = json_pieces(result, "Town hall", text, entities=orjson.dumps(result.entities), text_json=orjson.dumps(text))
    assert len(pieces) > 3 and b"".join(pieces) == expected


def test_one_articles_json_is_the_same_written_by_a_thread_into_a_pipe_or_into_memory() -> None:
    """write_json: what comes before the quotes goes out from a thread (one writev) while the quotes
    are encoded; a slow reader of a pipe, a stream in memory and a file all get encode_json's bytes,
    after what the stream already held."""
    import io
    import threading
    import time

    from reader.commands.analyze import write_json

    text = (MAYOR + "\n") * 400  # (more than a pipe holds: the thread's write waits for the reader)
    result = analyze(text)
    expected = encode_json(result, "Town hall", text, entities=orjson.dumps(result.entities))
    pieces = lambda: json_pieces(result, "Town hall", text, entities=orjson.dumps(result.entities),  # noqa: E731
                                 quotes=False)
    memory = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    memory.write("before\n")
    write_json(pieces(), result, memory)
    assert memory.buffer.getvalue() == b"before\n" + expected  # type: ignore[attr-defined]
    read_end, write_end = os.pipe()
    got = bytearray()

    def slow_reader() -> None:
        while chunk := os.read(read_end, 4096):
            got.extend(chunk)
            time.sleep(0.0005)

    reader = threading.Thread(target=slow_reader)
    reader.start()
    with os.fdopen(write_end, "w", encoding="utf-8") as out:
        out.write("before\n")
        write_json(pieces(), result, out)
    reader.join(30)
    os.close(read_end)
    assert bytes(got) == b"before\n" + expected


def test_a_closed_pipe_while_the_thread_writes_is_the_broken_pipe_the_command_handles() -> None:
    from reader.commands.analyze import write_json

    text = (MAYOR + "\n") * 400
    result = analyze(text)
    read_end, write_end = os.pipe()
    os.close(read_end)
    with pytest.raises(BrokenPipeError), os.fdopen(write_end, "w", encoding="utf-8") as out:
        write_json(json_pieces(result, "Town hall", text, quotes=False), result, out)


def test_text_that_orjson_refuses_still_becomes_valid_json() -> None:
    text = "A lone surrogate \ud800 here."
    data = encode_json(analyze(text), "odd", text)
    assert data.endswith(b"\n") and json.loads(data)["text"] == text
    with pytest.raises(orjson.JSONEncodeError):
        orjson.dumps(text)


# -- several articles, in process (--jobs 1) ----------------------------------------------------


def test_a_folder_gives_one_line_per_article_in_name_order(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(folder), "--jobs", "1"]) == 0
    captured = capsys.readouterr()
    rows = _lines(captured.out)
    assert [r["path"] for r in rows] == [str(folder / "a-mayor.txt"), str(folder / "b-strike.md")]
    assert all(list(r) == ["path", "title", "text", "entities", "quotes"] for r in rows)
    assert rows[1]["title"] == "Port strike ends after three days"
    assert captured.err == ""  # stderr is not a terminal here: no progress bar


def test_jsonl_with_one_path_is_one_line_with_its_path(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = str(folder / "a-mayor.txt")
    assert main(["analyze", "--jsonl", path]) == 0
    rows = _lines(capsys.readouterr().out)
    assert len(rows) == 1 and rows[0]["path"] == path
    assert rows[0] == {"path": path, **json.loads(encode_json(analyze(rows[0]["text"]), rows[0]["title"],
                                                              rows[0]["text"]))}


def test_a_failing_path_is_one_line_and_the_rest_go_on(folder: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\xff\xfe\x00")
    args = ["analyze", str(folder / "a-mayor.txt"), str(tmp_path / "gone.md"), str(binary),
            str(folder / "b-strike.md"), "--jobs", "1"]
    assert main(args) == 1
    captured = capsys.readouterr()
    assert [r["path"] for r in _lines(captured.out)] == [str(folder / "a-mayor.txt"), str(folder / "b-strike.md")]
    errors = captured.err.splitlines()
    assert len(errors) == 2 and all(line.startswith("reader: ") for line in errors)
    assert "gone.md: no such file" in errors[0] and "photo.txt" in errors[1] and "binary" in errors[1]


def test_an_empty_folder_is_an_error_but_not_the_end(folder: Path, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["analyze", str(empty), str(folder / "a-mayor.txt"), "--jobs", "1"]) == 1
    captured = capsys.readouterr()
    assert len(_lines(captured.out)) == 1 and "no articles" in captured.err


def test_a_bug_in_the_engine_costs_only_its_article(folder: Path, capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    real = analyze_command.analyse_text

    def fragile(text: str, engine: str, groups: bool = True):  # type: ignore[no-untyped-def]
        if "Felixstowe" in text:
            raise IndexError("boom")
        return real(text, engine, groups)

    monkeypatch.setattr(analyze_command, "analyse_text", fragile)
    assert main(["analyze", str(folder), "--jobs", "1"]) == 1
    captured = capsys.readouterr()
    assert [r["title"] for r in _lines(captured.out)] == ["a mayor"]
    assert captured.err.count("\n") == 1 and "b-strike.md: analysis failed (IndexError: boom)" in captured.err


@pytest.mark.parametrize("args", [["-", "-"], ["a.txt", "--jobs", "0"], ["a.txt", "--jobs", "many"]])
def test_usage_mistakes_exit_2(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", *args]) == 2
    assert capsys.readouterr().err.count("\n") == 1


# -- several articles over the worker pool (real processes) ------------------------------------


def test_the_pool_prints_every_article_in_order_and_fails_one_bad_file(folder: Path, tmp_path: Path) -> None:
    binary = tmp_path / "data.txt"
    binary.write_bytes(b"\x00\x01\x02\x03" * 64)
    copies = []
    for n in range(5):
        copy = tmp_path / f"copy{n}.md"
        copy.write_text(STRIKE.replace("Felixstowe", f"Felixstowe {n}"), encoding="utf-8")
        copies.append(str(copy))
    done = _reader(str(folder), str(binary), *copies, "--jobs", "3")
    assert done.returncode == 1
    assert [r["path"] for r in _lines(done.stdout)] == [str(folder / "a-mayor.txt"), str(folder / "b-strike.md"),
                                                        *copies]
    assert done.stderr.splitlines() == [f"reader: {binary}: looks like a binary file (it contains NUL bytes), "
                                        "not an article"]


def test_the_pool_reads_standard_input_once_in_the_parent(folder: Path) -> None:
    done = _reader("-", str(folder / "a-mayor.txt"), "--jobs", "2", stdin=STRIKE)
    assert done.returncode == 0, done.stderr
    rows = _lines(done.stdout)
    assert [r["path"] for r in rows] == ["-", str(folder / "a-mayor.txt")]
    assert rows[0]["title"] == "Port strike ends after three days"
    assert done.stderr == ""


def test_every_article_failing_exits_1_with_a_line_each(tmp_path: Path) -> None:
    done = _reader(str(tmp_path / "x.md"), str(tmp_path / "y.md"), "--jobs", "2")
    assert done.returncode == 1 and done.stdout == ""
    assert len(done.stderr.splitlines()) == 2 and "Traceback" not in done.stderr


def test_the_collector_is_paused_only_during_an_analysis() -> None:
    import gc

    from reader.commands.analyze import collector_paused

    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # a caller's choice is kept
    finally:
        gc.enable()
    try:
        with collector_paused(resume=False):  # the process ends right after: left off
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_only_the_console_script_leaves_the_collector_off_after_one_article(tmp_path: Path, capsys) -> None:
    """``main`` called in a process that goes on (tests, other callers) resumes the collector after
    ``analyze``; the console script (``ending``), which leaves at once, does not."""
    import gc

    article = tmp_path / "a.txt"
    article.write_text("Headline\n\nAnn Lee said the plan works.", encoding="utf-8")
    assert main(["analyze", "--json", str(article)]) == 0
    assert gc.isenabled()
    try:
        assert main(["analyze", "--json", str(article)], ending=True) == 0
        assert not gc.isenabled()
    finally:
        gc.enable()
    capsys.readouterr()


def test_analyze_imports_no_ui_no_web_extraction_and_no_pool_for_one_article(folder: Path) -> None:
    probe = ("import sys, io, contextlib\n"
             "from reader.cli import main\n"
             "with contextlib.redirect_stdout(io.StringIO()):\n"
             f"    code = main(['analyze', '--json', {str(folder / 'b-strike.md')!r}])\n"
             "heavy = ('textual', 'rich', 'trafilatura', 'lxml', 'multiprocessing', 'concurrent', 'tinydb')\n"
             "print(code, sorted({m.split('.')[0] for m in sys.modules if m.split('.')[0] in heavy}))\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.stdout.strip() == "0 []", done.stderr


@pytest.mark.skipif(__import__("importlib").util.find_spec("spacy") is not None, reason="spaCy is installed here")
def test_an_engine_that_cannot_run_stops_the_batch_with_one_line(folder: Path) -> None:
    done = _reader(str(folder), str(folder / "a-mayor.txt"), "--engine", "spacy", "--jobs", "2")
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and "spacy" in done.stderr.lower() and "Traceback" not in done.stderr


def test_an_analysis_for_the_json_leaves_the_mentions_ungrouped_and_is_otherwise_the_same() -> None:
    from reader.analysis import engine

    text = MAYOR + "\nThe council, chaired by Ana Ruiz, said it would vote in May.\n"
    full, bare = engine.analyze(text), engine.analyze(text, groups=False)
    assert full.groups and bare.groups == {}
    assert bare.entities == full.entities and bare.quotes == full.quotes
    assert encode_json(bare, "Town hall", text) == encode_json(full, "Town hall", text)
