"""``reader config [KEY [VALUE]]``: show or change a setting; ``reader config export_dir PATH``."""

from __future__ import annotations

import argparse
from pathlib import Path

from reader.commands._library import open_library
from reader.errors import UsageError
from reader.sanitize import clean_line

KEYS = {"export_dir": "the folder the app exports notes to (default: Documents/reader-notes)"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """A key and optionally its new value."""
    parser.add_argument("key", nargs="?", metavar="KEY", help=f"one of: {', '.join(KEYS)}")
    parser.add_argument("value", nargs="?", metavar="VALUE", help="the new value (none: print the current one)")
    parser.add_argument("--unset", action="store_true", help="go back to the default")


def run(args: argparse.Namespace) -> int:
    """Print every setting, one setting, or save a new value."""
    from reader.services.exports import EXPORT_DIR_SETTING, default_export_dir

    if args.key is not None and args.key not in KEYS:
        raise UsageError(f"config: unknown key {clean_line(args.key)!r} (known: {', '.join(KEYS)})")
    library = open_library(args)
    if args.key is None:
        print(f"export_dir  {default_export_dir(library)}")
        return 0
    if args.unset:
        library.set_setting(EXPORT_DIR_SETTING, None)
    elif args.value is not None:
        if not clean_line(args.value):
            raise UsageError("config: the value is empty (use --unset for the default)")
        library.set_setting(EXPORT_DIR_SETTING, str(Path(args.value).expanduser().absolute()))
    print(default_export_dir(library))
    return 0
