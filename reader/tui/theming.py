"""Themes in the app: the bridge from reader themes to Textual themes, and the app base class.

The reader palette becomes CSS variables on every theme (see ``ReaderTheme.variables``):
``$reader-ROLE``, ``$reader-ROLE-background``, ``$reader-ROLE-text-style`` for CSS rules and
``$reader-ROLE-style`` as a whole inline style for ``Content`` spans.
:func:`reader_variable_defaults` is what ``App.get_theme_variable_defaults`` returns, so CSS
that uses ``$reader-person`` still parses under a theme without the reader palette.

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

from textual import work
from textual.app import App
from textual.theme import Theme

from reader.errors import ReaderError
from reader.services.library import THEME_SETTING, open_library, saved_theme
from reader.themes import (
    DEFAULT_THEME,
    REQUIRED_COLORS,
    ReaderTheme,
    ThemeSet,
    load_themes,
    resolve_theme_name,
)


def to_textual_theme(theme: ReaderTheme) -> Theme:
    """A Textual theme with the theme's colours and the reader palette as variables.

    The ``selection`` role also drives Textual's own text selection colours, so selecting
    text with the mouse looks the same as the reader's selection highlight.
    """
    colors = {key: theme.colors[key] for key in REQUIRED_COLORS}
    variables = theme.variables()
    selection_fg, selection_bg = theme.resolved("selection")
    variables["screen-selection-background"] = selection_bg
    variables["screen-selection-foreground"] = selection_fg
    variables["input-selection-background"] = selection_bg
    if theme.ansi:
        # Textual's widgets (buttons, toasts, tooltips, the inline screen) use these two in
        # ANSI mode and its colour system does not generate them: they must come from the theme.
        dark_pair = {"ansi-background": "ansi_black", "ansi-foreground": "ansi_white"}
        light_pair = {"ansi-background": "ansi_white", "ansi-foreground": "ansi_black"}
        variables.update(dark_pair if theme.dark else light_pair)
    return Theme(
        name=theme.name,
        primary=colors["primary"],
        secondary=colors["secondary"],
        accent=colors["accent"],
        foreground=colors["foreground"],
        background=colors["background"],
        surface=colors["surface"],
        panel=colors["panel"],
        boost=theme.colors.get("boost"),
        warning=colors["warning"],
        error=colors["error"],
        success=colors["success"],
        dark=theme.dark,
        ansi=theme.ansi,
        variables=variables,
    )


def reader_variable_defaults(themes: ThemeSet | None = None) -> dict[str, str]:
    """The reader variables of the default theme, for ``App.get_theme_variable_defaults``.

    Textual fills variables a theme lacks from these, so a built-in Textual theme (which has
    no reader palette) still parses CSS that mentions ``$reader-...``.
    """
    themes = load_themes() if themes is None else themes
    default = themes.default
    if default is None:  # broken installation: fall back to whatever loaded
        loaded = list(themes)
        if not loaded:
            return {}
        default = loaded[0]
    return default.variables()


def register_reader_themes(app: App[object], themes: ThemeSet | None = None, *,
                           hide_builtin: bool = False) -> list[str]:
    """Register every valid reader theme on ``app``; return their names, the default first.

    Broken theme files were already skipped by ``load_themes`` (their messages are in
    ``themes.problems`` for the app to show). With ``hide_builtin`` Textual's own themes are
    unregistered, so the command palette offers only themes that carry the reader palette
    (a built-in light theme would otherwise get the default dark theme's highlight colours);
    if the app was on a built-in theme it is switched to the default reader theme first.
    """
    themes = load_themes() if themes is None else themes
    for theme in themes:
        app.register_theme(to_textual_theme(theme))
    names = themes.names
    if hide_builtin and names:
        # The current theme must stay registered (Textual asserts on it), so move off a
        # built-in one first.
        if app.theme not in themes:
            app.theme = names[0]
        for name in list(app.available_themes):
            if name not in themes:
                app.unregister_theme(name)
    return names


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
        saved = None if theme_name else saved_theme(db)
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
        library = open_library(self._theme_db)
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


__all__ = [
    "DEFAULT_THEME",
    "THEME_SETTING",
    "ThemedApp",
    "reader_variable_defaults",
    "register_reader_themes",
    "to_textual_theme",
]
