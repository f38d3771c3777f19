"""``reader themes``: list the available themes, one per line, name first.

Each line is ``NAME  dark|light  DESCRIPTION  (bundled|user PATH)``, the names padded to one column, so
``reader themes | awk '{print $1}'`` gives just the names (names never contain spaces). Theme files that could not be loaded are
reported on stderr, one line each, and do not change the exit status as long as the default
theme loads; user themes with weak contrast get a one-line warning on stderr too.
"""

from __future__ import annotations

import argparse
import sys

from reader.errors import ReaderError
from reader.sanitize import clean_line
from reader.themes import DEFAULT_THEME, load_themes, user_themes_dir


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``reader themes`` takes no arguments of its own beyond the global options."""
    parser.epilog = f"Add or override themes as TOML files in {user_themes_dir()} (see themes/README.md)."


def run(args: argparse.Namespace) -> int:
    """Print the themes; report broken files on stderr; fail only if the default is missing."""
    themes = load_themes()
    width = max((len(name) for name in themes.names), default=0)
    for theme in themes:
        # Descriptions and paths come from user files: strip control characters before printing.
        kind = "dark" if theme.dark else "light"
        description = clean_line(theme.description) or "-"
        print(f"{theme.name:<{width}}  {kind:<5}  {description}  ({clean_line(theme.where)})")
    for problem in themes.problems:
        print(f"reader: skipped theme {clean_line(str(problem))}", file=sys.stderr)
    for warning in themes.warnings:
        print(f"reader: warning: theme {clean_line(str(warning))}", file=sys.stderr)
    if themes.default is None:
        raise ReaderError(f"the default theme {DEFAULT_THEME!r} could not be loaded")
    return 0

