"""Reader themes (core, no Textual): the theme model, loading the TOML files, contrast checks.

- :mod:`reader.themes.model`: :class:`ReaderTheme`, :class:`Highlight`, :class:`ThemeSet` and the
  schema's names (colours, roles, text styles);
- :mod:`reader.themes.loading`: where themes live (bundled, ``<config dir>/themes``), reading and
  validating them, choosing the start theme;
- :mod:`reader.themes.contrast`: colours and WCAG contrast checks.

``reader.tui.theming`` turns a :class:`ReaderTheme` into a Textual theme.
"""

from reader.themes.contrast import (
    ContrastCheck,
    contrast_checks,
    contrast_ratio,
    contrast_warnings,
    is_color,
    min_contrast,
    parse_color,
    relative_luminance,
)
from reader.themes.loading import (
    bundled_themes_dir,
    load_theme_file,
    load_themes,
    parse_theme,
    resolve_theme_name,
    user_config_dir,
    user_themes_dir,
)
from reader.themes.model import (
    ANSI_DEFAULT,
    ANSI_NAMES,
    ANSI_REFERENCE_RGB,
    DEFAULT_THEME,
    OPTIONAL_COLORS,
    REQUIRED_COLORS,
    ROLES,
    TEXT_STYLES,
    WCAG_AA,
    Highlight,
    ReaderTheme,
    Rgb,
    ThemeError,
    ThemeProblem,
    ThemeSet,
)

__all__ = [
    "ANSI_DEFAULT", "ANSI_NAMES", "ANSI_REFERENCE_RGB", "DEFAULT_THEME", "OPTIONAL_COLORS", "REQUIRED_COLORS",
    "ROLES", "TEXT_STYLES", "WCAG_AA", "ContrastCheck", "Highlight", "ReaderTheme", "Rgb", "ThemeError",
    "ThemeProblem", "ThemeSet", "bundled_themes_dir", "contrast_checks", "contrast_ratio", "contrast_warnings",
    "is_color", "load_theme_file", "load_themes", "min_contrast", "parse_color", "parse_theme",
    "relative_luminance", "resolve_theme_name", "user_config_dir", "user_themes_dir",
]
