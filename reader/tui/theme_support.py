"""Themes in the app: register the reader themes, pick one at startup, remember the choice.

:class:`ThemedApp` is the base class of the reader app (see ``themes/README.md``):

* the bundled and user themes are loaded before Textual reads the CSS variables, registered,
  and Textual's own themes hidden (they carry no reader palette);
* the start theme is ``--theme NAME`` (checked by ``reader.commands.open`` before the app
  starts, so a typo is a usage error), else the one saved in the library settings, else the
  default;
* switching theme (the command palette's "Change theme") is saved to the library setting
  ``theme`` in a thread worker, so a slow or locked library file never blocks the screen; a
  ``--theme`` given on the command line is used for that run only and not saved;
* broken theme files, themes below WCAG AA contrast and an unreadable library are reported
  as notifications naming the file, never as a crash.
"""

from __future__ import annotations

import threading
from pathlib import Path

from textual import work
from textual.app import App
from textual.theme import Theme

from reader.errors import ReaderError
from reader.store.paths import default_db_path
from reader.store.peek import peek_setting
from reader.themes import ThemeSet, load_themes, resolve_theme_name
from reader.tui.theming import reader_variable_defaults, register_reader_themes

THEME_SETTING = "theme"
"""The library setting that remembers the chosen theme."""


def library_path(db: str | None) -> Path:
    """The library file the app uses: ``db``, else the default (which honours ``$READER_DB``)."""
    return Path(db).expanduser() if db else default_db_path()


def read_saved_theme(db: str | None) -> str | None:
    """The saved theme name, or None; read without opening the library.

    A peek at the file (see :mod:`reader.store.peek`) keeps the library's full open, and its
    imports, off the first paint; a damaged library is reported when the reader screen opens it.
    """
    value = peek_setting(library_path(db), THEME_SETTING)
    return value if isinstance(value, str) else None


class ThemedApp(App[int]):
    """An app that starts with a reader theme and remembers the user's choice."""

    def __init__(self, *, theme_name: str | None = None, db: str | None = None,
                 themes: ThemeSet | None = None) -> None:
        # Loaded before App.__init__, which asks get_theme_variable_defaults for CSS variables.
        self.reader_themes = load_themes() if themes is None else themes
        super().__init__()
        self._theme_db = db
        register_reader_themes(self, self.reader_themes, hide_builtin=True)
        self._save_lock = threading.Lock()
        saved = None if theme_name else read_saved_theme(db)
        if self.reader_themes.names:  # else a broken installation: keep Textual's default
            self.theme = resolve_theme_name(theme_name, saved, themes=self.reader_themes)
        self._remembered_theme = self.theme
        """The theme not to save again (the start theme, then the last one saved)."""

    def get_theme_variable_defaults(self) -> dict[str, str]:
        """The default reader palette, so CSS using ``$reader-...`` parses under any theme."""
        return reader_variable_defaults(self.reader_themes)

    def on_mount(self) -> None:
        """Report theme problems; start remembering theme switches."""
        for problem in self.reader_themes.problems:
            self.notify(f"{problem.path}: {problem.message}", title="Theme skipped", severity="error",
                        timeout=10, markup=False)
        for warning in self.reader_themes.warnings:
            self.notify(f"{warning.path}: {warning.message}", title="Theme contrast", severity="warning",
                        timeout=10, markup=False)
        self.theme_changed_signal.subscribe(self, self._theme_switched)

    def _theme_switched(self, theme: Theme) -> None:
        if theme.name != self._remembered_theme:
            self._remembered_theme = theme.name
            self._save_theme()

    def save_setting(self, key: str, value: str) -> None:
        """Save a setting in the library (from a worker); an app that holds the library open overrides this."""
        from reader.store import Library  # late: the library's imports stay off the first paint

        library = Library.open(library_path(self._theme_db))
        try:
            library.set_setting(key, value)
        finally:
            library.close()

    @work(thread=True, group="settings", exit_on_error=False)
    def _save_theme(self) -> None:
        # Saves the latest choice, not the one that started this worker: quick switches
        # may run several workers and the last to take the lock must not write an old name.
        try:
            with self._save_lock:
                self.save_setting(THEME_SETTING, self._remembered_theme)
        except (ReaderError, OSError) as exc:
            self.call_from_thread(self.notify, f"Cannot remember the theme: {exc}", title="Library",
                                  severity="error", markup=False)


__all__ = ["THEME_SETTING", "ThemedApp", "library_path", "read_saved_theme"]
