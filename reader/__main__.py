"""python -m reader."""

from reader.cli import entry

entry()
