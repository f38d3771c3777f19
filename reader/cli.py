"""Command line: ``reader [PATH|URL|DIR ...]`` opens the app; subcommands run headless.

This module stays thin and imports nothing heavy: each subcommand lives in
``reader/commands/NAME.py`` with ``add_arguments(parser)`` and ``run(args) -> int`` and is
imported only when used, so ``reader PATH`` starts fast. User mistakes become one line on
stderr: exit 2 for usage, 1 for everything else.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import importlib
import os
import sys
from collections.abc import Sequence

from reader import __version__, patterns
from reader.errors import ReaderError, UsageError

COMMANDS: dict[str, str] = {
    "analyze": "Print the entities and attributed quotes of an article.",
    "add": "Add articles to the library; prints each article's id.",
    "list": "List the articles in the library.",
    "tag": "Add or remove tags on an article.",
    "retitle": "Give an article a title of your own.",
    "note": "Add a note to an article ('note add').",
    "notes": "List notes, re-anchored against each article's current text.",
    "export": "Export notes and highlights to markdown or JSON.",
    "themes": "List the available themes.",
    "search": "Search the text, titles, notes and tags of the whole library.",
    "speakers": "Who is quoted across the library (or a tag), merged across articles.",
    "quotes": "Quotes across the library, optionally of one speaker.",
    "correct": "Correct a quote's speaker, a false quote or an entity's kind.",
    "config": "Show or change a setting (export_dir).",
    "feed": "Follow RSS and Atom feeds: add, list, remove, refresh, import, export.",
    "mark": "Mark an article read, unread or archived.",
}


def _help_width() -> int:
    """The width argparse's help is wrapped to: ``shutil.get_terminal_size``'s columns, less 2, as
    argparse's own formatter works it out (``$COLUMNS``, else the terminal's, else 80)."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return (columns or 80) - 2


class _Width:
    """A help formatter given :func:`_help_width`: argparse's own imports shutil for it, which brings
    bz2, lzma and zlib (3 ms of every start, since each ``add_argument`` makes a formatter)."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None) -> None:
        super().__init__(prog, indent_increment, max_help_position, _help_width() if width is None else width)  # type: ignore[call-arg]


class _Formatter(_Width, argparse.HelpFormatter):
    pass


class _RawDescription(_Width, argparse.RawDescriptionHelpFormatter):
    pass


class _Parser(argparse.ArgumentParser):
    """argparse that raises UsageError instead of printing usage and exiting (and formats help
    without importing shutil: see :class:`_Width`)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{message} (see '{self.prog} --help')")


def _global_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                        help="the library file (default: $READER_DB or the platform data folder)")
    parser.add_argument("--theme", metavar="NAME", default=argparse.SUPPRESS, help="start with this theme")


def build_open_parser() -> argparse.ArgumentParser:
    """The parser for the default action: opening the app."""
    commands = "\n".join(f"  {name:<9} {text}" for name, text in COMMANDS.items())
    parser = _Parser(
        prog="reader",
        description="Read articles in the terminal and see who is named and who said what.",
        epilog=f"commands (reader COMMAND --help):\n{commands}",
        formatter_class=_RawDescription,
    )
    parser.add_argument("paths", nargs="*", metavar="PATH|URL|DIR",
                        help="articles to open (.md, .txt, .html, a URL, '-' for stdin) or a folder of them; "
                             "none opens the library")
    _global_options(parser)
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    return parser


def build_command_parser(name: str) -> argparse.ArgumentParser:
    """The parser for one subcommand, with the global options too."""
    parser = _Parser(prog=f"reader {name}", description=COMMANDS[name])
    _global_options(parser)
    module = importlib.import_module(f"reader.commands.{name}")
    module.add_arguments(parser)
    parser.set_defaults(_run=module.run, _quick_exit=getattr(module, "QUICK_EXIT", False))
    return parser


def _split_command(argv: list[str]) -> tuple[str | None, list[str]]:
    """Find the subcommand name, allowing global options before it."""
    skip = False
    for index, arg in enumerate(argv):
        if skip:
            skip = False
            continue
        if arg in ("--db", "--theme"):
            skip = True
            continue
        if arg.startswith("-"):
            continue
        if arg in COMMANDS:
            return arg, argv[:index] + argv[index + 1:]
        return None, argv
    return None, argv


def check_global_options(args: argparse.Namespace) -> None:
    """Reject a bad ``--theme`` or ``--db`` for every command, not only where it is used.

    ``reader --theme nope list`` used to exit 0 because ``list`` never looks at the theme; a typo
    that is silently ignored is worse than one that is refused. Raises :class:`UsageError`.
    """
    theme = getattr(args, "theme", None)
    if theme is not None:
        from reader.themes import resolve_theme_name  # only when the option is given: it reads theme files

        resolve_theme_name(theme, None)
    db = getattr(args, "db", None)
    if db is not None:
        if not db.strip():
            raise UsageError("--db: give the path of a library file")
        if os.path.isdir(os.path.expanduser(db)):
            raise UsageError(f"--db {db}: is a folder; give the path of a library file (e.g. {db.rstrip('/')}/library.json)")


def main(argv: Sequence[str] | None = None, *, ending: bool = False) -> int:
    """Run ``reader`` with ``argv`` (default: the command line); returns the exit status.

    ``ending``: the process ends right after (the console script, :func:`entry`, which turned
    Python's collector off for the start); a command whose module says ``QUICK_EXIT`` is then told
    so (``args.ends_process``), left the collector off, and may leave its objects for the system
    to take back; any other gets the collector back before it runs."""
    global _quick_exit
    _quick_exit = False
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        name, rest = _split_command(argv)
        if name is None:
            args = build_open_parser().parse_args(rest)
            check_global_options(args)
            if ending:
                gc.enable()  # (off for the start: see entry)
            from reader.commands.open import run as run_open

            return run_open(args)
        args = build_command_parser(name).parse_args(rest)
        check_global_options(args)
        args.ends_process = ending and args._quick_exit
        if ending and not args.ends_process:
            gc.enable()  # (off for the start: see entry; a QUICK_EXIT command is left it off)
        code = int(args._run(args) or 0)
        _quick_exit = args._quick_exit
        return code
    except ReaderError as exc:
        print(f"reader: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("reader: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader of our output went away (e.g. `reader list | head`); not an error.
        try:
            sys.stdout = None  # type: ignore[assignment]
        finally:
            return 0  # noqa: B012


_quick_exit = False
"""Set by :func:`main` when the command it ran leaves nothing to tidy (its module's ``QUICK_EXIT``)."""


def entry() -> None:
    """The ``reader`` console script: :func:`main`, and the process's end.

    After a command whose module says ``QUICK_EXIT`` (its output written, its children reaped),
    the process leaves at once instead of taking its objects apart one by one: the analysis of a
    3 MB article takes 0.05 s to free, and the system takes the memory back in no time. Only here,
    not in :func:`main`, which tests and other callers run in their own process.
    """
    # The start allocates some 30,000 objects (imports: argparse, markdown-it, the analysis engine's
    # tables) and frees few in cycles: the collector's passes over them took 7-10 ms of those imports
    # (85-88 -> 77-78 ms, measured together; `reader analyze` already paused it for the engine's
    # import, so it gains the first ones, a few ms). It stays off until main knows the command.
    gc.disable()
    code = main(ending=True)
    patterns.flush()  # the regular expressions this run compiled, for the next one (see reader.patterns)
    if _quick_exit:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError, AttributeError):  # a closed pipe, stdout set to None
                stream.flush()
        os._exit(code)
    sys.exit(code)
