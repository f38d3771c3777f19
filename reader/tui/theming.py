"""Bridge from reader themes (core, ``reader.themes``) to Textual themes.

The app calls :func:`register_reader_themes` once at startup, returns
:func:`reader_variable_defaults` from ``App.get_theme_variable_defaults`` (so CSS that uses
``$reader-person`` still parses under a theme without the reader palette), and sets
``app.theme`` to the name from ``reader.themes.resolve_theme_name``.

The reader palette becomes CSS variables on every theme (see ``ReaderTheme.variables``):
``$reader-ROLE``, ``$reader-ROLE-background``, ``$reader-ROLE-text-style`` for CSS rules and
``$reader-ROLE-style`` as a whole inline style for ``Content`` spans.
"""

from __future__ import annotations

from textual.app import App
from textual.theme import Theme

from reader.themes import DEFAULT_THEME, REQUIRED_COLORS, ReaderTheme, ThemeSet, load_themes


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


__all__ = [
    "DEFAULT_THEME",
    "reader_variable_defaults",
    "register_reader_themes",
    "to_textual_theme",
]
