"""What the CLI and the app both need, once: the library file, finding and opening an article,
collecting and writing exports.

A layer of its own (see the import-linter contract in ``pyproject.toml``): ``reader.commands``
and ``reader.tui`` import it; it imports the store, the export writers, the analysis, the
themes and the document loaders, never the CLI or the UI. Problems that are not errors
(an article exported from its last saved notes) come back as data for the caller to show: the
CLI prints them on stderr, the app shows a notification.
"""
