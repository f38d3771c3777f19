"""The thin CLI: usage errors exit 2, user errors exit 1, each one line on stderr."""

from __future__ import annotations

import subprocess
import sys

import pytest

from reader.cli import _split_command, main


def test_help_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    for name in ("analyze", "add", "list", "tag", "note", "notes", "export", "themes"):
        assert name in out


def test_unknown_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--no-such-option"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("reader:")


def test_missing_path_is_an_error_not_a_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["/nonexistent/article.md"]) == 1
    err = capsys.readouterr().err
    assert err == "reader: /nonexistent/article.md: no such file or folder\n"


def test_global_options_may_come_before_the_command() -> None:
    assert _split_command(["--db", "x.json", "list", "--json"]) == ("list", ["--db", "x.json", "--json"])
    assert _split_command(["--theme", "list"]) == (None, ["--theme", "list"])
    assert _split_command(["article.md"]) == (None, ["article.md"])


def test_console_script_runs_as_a_module() -> None:
    out = subprocess.run([sys.executable, "-m", "reader", "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.startswith("reader ")


def test_a_folder_opens_its_articles_but_not_its_readme(tmp_path) -> None:
    from reader.commands.open import collect_sources

    for name in ("b.md", "a.txt", "README.md", "LICENSE.txt", ".hidden.md", "image.png"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert collect_sources([str(tmp_path)]) == [str(tmp_path / "a.txt"), str(tmp_path / "b.md")]


COMMAND_ARGS = {
    "analyze": ["a.txt"], "add": ["a.txt"], "list": [], "tag": ["a.txt", "x"], "note": ["add", "a.txt", "--quote", "q"],
    "notes": [], "export": ["--all"], "themes": [],
}


@pytest.mark.parametrize("command", sorted(COMMAND_ARGS))
def test_an_unknown_theme_is_refused_by_every_command(command: str, tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    """``reader --theme nope list`` exited 0 silently: a global option is checked for every command."""
    db = str(tmp_path / "lib.json")
    assert main(["--theme", "nope", command, *COMMAND_ARGS[command], "--db", db]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("reader: unknown theme 'nope'")
    assert not (tmp_path / "lib.json").exists()  # refused before anything ran


@pytest.mark.parametrize("command", ["list", None])
def test_a_folder_or_empty_db_is_a_usage_error(command: str | None, tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    for db in (str(tmp_path), ""):
        assert main([*([command] if command else []), "--db", db]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and err.startswith("reader: --db")


EMPTY_VALUES = [
    ["list", "--tag", ""], ["notes", "--tag", ""], ["speakers", "--tag", ""], ["quotes", "--tag", "#"],
    ["search", "budget", "--tag", " "], ["export", "--all", "--tag", ""], ["tag", "a.txt", ""],
    ["tag", "a.txt", "ok", "#", "--remove"], ["add", "a.txt", "--tag", ""],
    ["note", "add", "a.txt", "--quote", "q", "--tag", ""], ["feed", "add", "https://example.org/", "--tag", ""],
    ["notes", ""], ["quotes", "--speaker", ""], ["export", "--speaker", ""], ["export", "--all", "--out", ""],
    ["export", ""], ["note", "add", "a.txt", "--quote", ""], ["correct", "a.txt", "--quote", "", "--speaker", "X"],
    ["correct", "a.txt", "--remove", ""], ["correct", "", "--remove", "x"], ["mark", "", "read"],
    ["retitle", "", "Title"], ["feed", "add", ""], ["feed", "remove", ""], ["feed", "import", ""],
]


@pytest.mark.parametrize("argv", EMPTY_VALUES, ids=lambda argv: " ".join(repr(a) if not a.strip("#") else a for a in argv))
def test_an_empty_tag_or_value_is_a_usage_error(argv: list[str], tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    """``reader notes --tag ''`` exited 1 as if the library were at fault; an empty value is a usage mistake."""
    db = tmp_path / "lib.json"
    assert main([*argv, "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("reader: argument ") and "--help" in err
    assert not db.exists()  # refused before the library is opened or created


def test_the_console_script_ends_after_analyze_with_all_its_output(tmp_path) -> None:
    """``analyze`` lets the console script end the process at once (QUICK_EXIT): the whole JSON is
    written first, and a failure still exits 1 with its one line."""
    import json

    article = tmp_path / "long.txt"
    paragraphs = [f'Minister Ann Vale said the plan number {i} was ready. "We start now," she said.' for i in range(800)]
    article.write_text("Headline\n\n" + "\n\n".join(paragraphs), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "reader", "analyze", "--json", str(article)],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    assert document["text"].endswith("she said.") and len(document["quotes"]) >= 1600
    missing = subprocess.run([sys.executable, "-m", "reader", "analyze", str(tmp_path / "none.txt")],
                             capture_output=True, text=True, timeout=60, check=False)
    assert missing.returncode == 1 and missing.stderr.startswith("reader: ") and missing.stdout == ""


_GC_PROBE = """
import gc, sys
import reader.cli as cli
import reader.commands.analyze as analyze
import reader.commands.open as opening
import reader.commands.list as listing
seen = []
for module, name in ((analyze, "run_one"), (analyze, "analyse_task"), (opening, "run"), (listing, "run")):
    real = getattr(module, name)
    def probe(*args, real=real, name=name):
        seen.append(f"{name}:{gc.isenabled()}")
        return real(*args) if name != "run" else 0
    setattr(module, name, probe)
import atexit, os
real_exit = os._exit
os._exit = lambda code: (sys.stderr.write(" ".join(seen) + "\\n"), sys.stderr.flush(), real_exit(code))
atexit.register(lambda: sys.stderr.write(" ".join(seen) + "\\n"))
sys.argv = ["reader", *sys.argv[1:]]
cli.entry()
"""


@pytest.mark.parametrize("argv, expected", [
    (["analyze", "--json", "ARTICLE"], "run_one:False"),  # the process ends right after: left off
    (["analyze", "--jsonl", "--jobs", "1", "ARTICLE", "ARTICLE"], "analyse_task:True"),  # on between articles
    (["list"], "run:True"),
    ([], "run:True"),  # the app
])
def test_the_console_script_starts_with_the_collector_off_and_gives_it_back(argv, expected, tmp_path) -> None:
    """entry() turns Python's collector off for the imports; every command but a single article's
    analysis (which ends the process right after) runs with it on again."""
    article = tmp_path / "a.txt"
    article.write_text("Headline\n\nAnn Vale said the plan was ready.\n", encoding="utf-8")
    argv = [str(article) if arg == "ARTICLE" else arg for arg in argv]
    done = subprocess.run([sys.executable, "-c", _GC_PROBE, "--db", str(tmp_path / "lib.json"), *argv],
                          capture_output=True, text=True, timeout=120, check=False)
    assert expected in done.stderr.split(), done.stderr


@pytest.mark.parametrize("columns", ["50", "120"])
def test_help_is_wrapped_as_argparse_would(columns: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The help formatter finds the width as argparse's own does ($COLUMNS here), without shutil."""
    import argparse

    from reader.cli import build_command_parser, build_open_parser

    monkeypatch.setenv("COLUMNS", columns)
    for parser, theirs in ((build_open_parser(), argparse.RawDescriptionHelpFormatter),
                           (build_command_parser("analyze"), argparse.HelpFormatter),
                           (build_command_parser("feed"), argparse.HelpFormatter)):
        ours = parser.format_help()
        parser.formatter_class = theirs
        assert ours == parser.format_help()
        if theirs is argparse.HelpFormatter:  # (the other leaves its description and epilog as written)
            assert max(len(line) for line in ours.splitlines()) <= int(columns) - 2


def test_building_a_commands_parser_does_not_import_shutil() -> None:
    """argparse's formatter imports shutil (and bz2, lzma, zlib) for the terminal's width: 3 ms of
    every start that reader's own formatter saves."""
    code = ("import sys\nfrom reader.cli import build_command_parser\nbuild_command_parser('analyze')\n"
            "print('shutil' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() \
        == "False"
