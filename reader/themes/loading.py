"""Reader themes: find, load and validate the TOML files in ``themes/`` and the user's config folder.

A theme is one TOML file; its name is the file name without ``.toml``. Bundled themes ship
inside the package (``reader/_themes`` in a wheel, ``themes/`` at the top of a source
checkout); users add or override themes in ``<config dir>/themes/*.toml`` (platformdirs'
``user_config_dir("reader")``, or ``$READER_CONFIG_DIR``). A user file with the same name as a
bundled one replaces it. See ``themes/README.md`` for the schema.

A broken file never stops the app: it is skipped, and a one-line message naming the file and
the key is collected in :attr:`ThemeSet.problems`. Highlights that fall below WCAG AA contrast
(4.5:1) are loaded but reported in :attr:`ThemeSet.warnings`.

The data classes are in :mod:`reader.themes.model`, the contrast checks in
:mod:`reader.themes.contrast`.
"""


import os
import re
import tomllib
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any

from reader.errors import UsageError
from reader.sanitize import clean_line
from reader.themes.contrast import contrast_warnings, is_color
from reader.themes.model import (
    DEFAULT_THEME,
    OPTIONAL_COLORS,
    REQUIRED_COLORS,
    ROLES,
    TEXT_STYLES,
    Highlight,
    ReaderTheme,
    ThemeError,
    ThemeProblem,
    ThemeSet,
)

_THEME_NAME = re.compile(r"[a-z0-9][a-z0-9-]*")
_TOP_KEYS: dict[str, type] = {
    "description": str, "dark": bool, "ansi": bool, "colors": dict, "reader": dict,
}
_REQUIRED_TOP = ("dark", "colors", "reader")
_STYLE_KEYS = ("fg", "bg", "style")

_KIND_NAMES: dict[type, str] = {str: "a string", bool: "true or false", dict: "a table"}


def _type_name(value: object) -> str:
    """How a TOML value's type is called in messages."""
    names = {str: "a string", bool: "true/false", dict: "a table", int: "a number", float: "a number",
             list: "a list"}
    return names.get(type(value), "a date/time")


def _expect(errors: list[str], key: str, value: object, kind: type) -> bool:
    """Whether ``value`` is a ``kind``; if not, record an error naming the key."""
    if isinstance(value, kind):
        return True
    errors.append(f"{key}: expected {_KIND_NAMES[kind]}, got {_type_name(value)}")
    return False


def _unknown(errors: list[str], where: str, keys: Collection[str], allowed: Collection[str]) -> None:
    for key in keys:
        if key not in allowed:
            hint = ", ".join(allowed)
            errors.append(f"{where}unknown key {key!r} (expected one of: {hint})")


def _color_error(key: str, value: str, ansi: bool) -> str:
    accepted = "#rrggbb, #rgb" + (" or an ansi_ name such as ansi_bright_blue" if ansi else "")
    if not ansi and value.startswith("ansi_"):
        return f"{key}: {value!r} is an ANSI colour: set ansi = true at the top of the theme to use them"
    return f"{key}: {value!r} is not a colour (use {accepted})"


def _parse_colors(errors: list[str], table: dict[str, Any], ansi: bool) -> dict[str, str]:
    _unknown(errors, "[colors] ", table, REQUIRED_COLORS + OPTIONAL_COLORS)
    colors: dict[str, str] = {}
    for key in REQUIRED_COLORS + OPTIONAL_COLORS:
        if key not in table:
            if key in REQUIRED_COLORS:
                errors.append(f"[colors] missing key {key!r}")
            continue
        value = table[key]
        if not _expect(errors, f"colors.{key}", value, str):
            continue
        if not is_color(value, ansi=ansi, allow_default=True):
            errors.append(_color_error(f"colors.{key}", value, ansi))
            continue
        colors[key] = value
    return colors


def _parse_highlight(errors: list[str], role: str, value: object, ansi: bool) -> Highlight | None:
    key = f"reader.{role}"
    if isinstance(value, str):
        value = {"fg": value}
    if not isinstance(value, dict):
        errors.append(f"{key}: expected a colour string or a table with fg/bg/style, got {_type_name(value)}")
        return None
    before = len(errors)
    _unknown(errors, f"{key}: ", value, _STYLE_KEYS)
    parts: dict[str, str | None] = {"fg": None, "bg": None}
    for part in ("fg", "bg"):
        if part not in value:
            continue
        colour = value[part]
        if not _expect(errors, f"{key}.{part}", colour, str):
            continue
        if not is_color(colour, ansi=ansi):
            errors.append(_color_error(f"{key}.{part}", colour, ansi))
            continue
        parts[part] = colour
    if "fg" not in value and "bg" not in value:
        errors.append(f"{key}: needs fg, bg or both")
    styles: tuple[str, ...] = ()
    if "style" in value and _expect(errors, f"{key}.style", value["style"], str):
        words = value["style"].split()
        bad = [w for w in words if w not in TEXT_STYLES and w != "none"]
        if bad:
            errors.append(f"{key}.style: unknown text style {bad[0]!r} "
                          f"(use {', '.join(sorted(TEXT_STYLES))} or none)")
        styles = tuple(dict.fromkeys(w for w in words if w in TEXT_STYLES))
    if len(errors) > before:
        return None
    return Highlight(fg=parts["fg"], bg=parts["bg"], styles=styles)


def parse_theme(name: str, data: Mapping[str, Any], *, source: Path | None = None,
                origin: str = "bundled") -> ReaderTheme:
    """Validate the decoded TOML of one theme; raise :class:`ThemeError` listing every problem."""
    errors: list[str] = []
    if not _THEME_NAME.fullmatch(name):
        errors.append(f"theme name {name!r} (the file name) must be lowercase letters, digits and dashes")
    _unknown(errors, "", data, _TOP_KEYS)
    for key in _REQUIRED_TOP:
        if key not in data:
            errors.append(f"missing key {key!r}" + (f" (a [{key}] table)" if key in ("colors", "reader") else ""))
    for key, kind in _TOP_KEYS.items():
        if key in data:
            _expect(errors, f"[{key}]" if kind is dict else key, data[key], kind)
    ansi = data.get("ansi", False) is True
    colors: dict[str, str] = {}
    if isinstance(data.get("colors"), dict):
        colors = _parse_colors(errors, data["colors"], ansi)
    highlights: dict[str, Highlight] = {}
    if isinstance(data.get("reader"), dict):
        table = data["reader"]
        _unknown(errors, "[reader] ", table, ROLES)
        for role in ROLES:
            if role not in table:
                errors.append(f"[reader] missing key {role!r}")
                continue
            highlight = _parse_highlight(errors, role, table[role], ansi)
            if highlight is not None:
                highlights[role] = highlight
    if errors:
        raise ThemeError("; ".join(errors))
    return ReaderTheme(
        name=name, description=clean_line(data.get("description", "")), dark=bool(data["dark"]),
        colors=colors, highlights=highlights, ansi=ansi, source=source, origin=origin,
    )


def load_theme_file(path: Path, *, origin: str = "bundled") -> ReaderTheme:
    """Read and validate one theme file; raise :class:`ThemeError` (without the path) if unusable."""
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ThemeError(f"not valid TOML: {exc}") from exc
    except UnicodeDecodeError as exc:
        raise ThemeError("not valid TOML: the file is not UTF-8 text") from exc
    except OSError as exc:
        raise ThemeError(f"cannot read: {exc.strerror or exc}") from exc
    return parse_theme(path.stem, data, source=path, origin=origin)




def bundled_themes_dir() -> Path:
    """The bundled themes: ``reader/_themes`` in an installed wheel, ``themes/`` in a checkout."""
    package = Path(__file__).resolve().parents[1]
    installed = package / "_themes"
    if installed.is_dir():
        return installed
    return package.parent / "themes"


def user_config_dir() -> Path:
    """The user's config folder: ``$READER_CONFIG_DIR`` or platformdirs' ``user_config_dir("reader")``."""
    override = os.environ.get("READER_CONFIG_DIR")
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir("reader"))


def user_themes_dir() -> Path:
    """Where users put their own themes: ``<config dir>/themes``."""
    return user_config_dir() / "themes"


def _theme_files(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir()
                      if p.suffix == ".toml" and not p.name.startswith(".") and p.is_file())
    except OSError:
        return []


def load_themes(*, bundled_dir: Path | None = None, user_dir: Path | None = None) -> ThemeSet:
    """Load the bundled themes, then the user's (which replace bundled ones of the same name).

    Never raises for a bad file: it is skipped with a message in ``problems``. A broken user
    file does not hide the bundled theme of the same name. User themes that load but miss
    WCAG AA contrast get a message in ``warnings``.
    """
    result = ThemeSet()
    bundled = bundled_themes_dir() if bundled_dir is None else bundled_dir
    user = user_themes_dir() if user_dir is None else user_dir
    for origin, folder in (("bundled", bundled), ("user", user)):
        for path in _theme_files(folder):
            try:
                theme = load_theme_file(path, origin=origin)
            except ThemeError as exc:
                result.problems.append(ThemeProblem(path, str(exc)))
                continue
            result.themes[theme.name] = theme
            if origin == "user":
                result.warnings.extend(ThemeProblem(path, m) for m in contrast_warnings(theme))
    return result


def resolve_theme_name(name: str | None, saved: str | None, *, themes: ThemeSet | None = None,
                       also: Collection[str] = ()) -> str:
    """The theme to start with: ``--theme NAME``, else the saved choice, else the default.

    An unknown ``name`` typed on the command line is a :class:`UsageError` listing the
    available themes. An unknown ``saved`` name (a user theme since deleted or broken) falls
    back to the default quietly. ``also`` are further names the app accepts (e.g. Textual's
    built-in themes if it keeps them registered).
    """
    themes = load_themes() if themes is None else themes
    known = set(themes.names) | set(also)
    if name is not None:
        if name in known:
            return name
        available = ", ".join(themes.names + sorted(set(also) - set(themes.names)))
        raise UsageError(f"unknown theme {name!r} (available: {available}; see 'reader themes')")
    if saved is not None and saved in known:
        return saved
    return DEFAULT_THEME
