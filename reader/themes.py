"""Reader themes: load, validate and check the contrast of the TOML files in ``themes/``.

A theme is one TOML file; its name is the file name without ``.toml``. Bundled themes ship
inside the package (``reader/_themes`` in a wheel, ``themes/`` at the top of a source
checkout); users add or override themes in ``<config dir>/themes/*.toml`` (platformdirs'
``user_config_dir("reader")``, or ``$READER_CONFIG_DIR``). A user file with the same name as a
bundled one replaces it. See ``themes/README.md`` for the schema.

A broken file never stops the app: it is skipped, and a one-line message naming the file and
the key is collected in :attr:`ThemeSet.problems`. Highlights that fall below WCAG AA contrast
(4.5:1) are loaded but reported in :attr:`ThemeSet.warnings`.

This module is core: it never imports Textual. ``reader.tui.theming`` turns a
:class:`ReaderTheme` into a ``textual.theme.Theme``.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.errors import UsageError
from reader.sanitize import clean_line

DEFAULT_THEME = "reader-dark"
"""The theme used when none is chosen, or when the chosen one cannot be loaded."""

WCAG_AA = 4.5
"""Minimum contrast ratio for normal-size text (WCAG 2.x success criterion 1.4.3)."""

# Textual theme colours: the required ones, then the optional ones.
REQUIRED_COLORS: tuple[str, ...] = (
    "primary", "secondary", "accent", "foreground", "background", "surface", "panel",
    "warning", "error", "success",
)
OPTIONAL_COLORS: tuple[str, ...] = ("boost",)

# The reader palette, in the order shown to users.
ROLES: tuple[str, ...] = (
    "person", "organisation", "place", "direct_quote", "partial_quote", "reported_speech",
    "note", "search_match", "selection", "reading_cursor",
)

TEXT_STYLES: frozenset[str] = frozenset({"bold", "italic", "underline", "strike"})
"""Text styles a highlight may add. ``reverse`` is left out on purpose: it swaps fg and bg,
which would make the contrast check meaningless."""

ANSI_NAMES: tuple[str, ...] = (
    "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
    "bright_black", "bright_red", "bright_green", "bright_yellow",
    "bright_blue", "bright_magenta", "bright_cyan", "bright_white",
)
# Reference RGB for the 16 ANSI colours, used only to compute contrast: the real colours
# depend on the user's terminal. These are the values Textual itself uses for ``ansi_*``
# names (the classic VGA/xterm palette), so the check agrees with what Textual renders
# when it converts ANSI colours to true colour.
ANSI_REFERENCE_RGB: dict[str, tuple[int, int, int]] = {
    "black": (0, 0, 0), "red": (128, 0, 0), "green": (0, 128, 0), "yellow": (128, 128, 0),
    "blue": (0, 0, 128), "magenta": (128, 0, 128), "cyan": (0, 128, 128), "white": (192, 192, 192),
    "bright_black": (128, 128, 128), "bright_red": (255, 0, 0), "bright_green": (0, 255, 0),
    "bright_yellow": (255, 255, 0), "bright_blue": (0, 0, 255), "bright_magenta": (255, 0, 255),
    "bright_cyan": (0, 255, 255), "bright_white": (255, 255, 255),
}
ANSI_DEFAULT = "ansi_default"
"""The terminal's own default colour: allowed for the Textual colours of an ANSI theme only."""

_HEX = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})")
_THEME_NAME = re.compile(r"[a-z0-9][a-z0-9-]*")
_TOP_KEYS: dict[str, type] = {
    "description": str, "dark": bool, "ansi": bool, "colors": dict, "reader": dict,
}
_REQUIRED_TOP = ("dark", "colors", "reader")
_STYLE_KEYS = ("fg", "bg", "style")

Rgb = tuple[int, int, int]


class ThemeError(ValueError):
    """A theme file cannot be used; the message names the file and the key."""


@dataclass(frozen=True)
class Highlight:
    """How one reader role is drawn: a text colour, a background, and text styles.

    ``fg`` or ``bg`` may be ``None`` (not both): a missing ``fg`` keeps the text colour
    underneath, a missing ``bg`` keeps the background underneath. A role that sets only
    ``bg`` is a *backdrop* (selection, reading cursor, a quote tint): other highlights are
    drawn on top of it, so their text colours must be readable on it too.
    """

    fg: str | None = None
    bg: str | None = None
    styles: tuple[str, ...] = ()

    @property
    def is_backdrop(self) -> bool:
        """True when only the background is set, so other text may be drawn on it."""
        return self.fg is None and self.bg is not None

    @property
    def text_style(self) -> str:
        """The styles as Textual CSS ``text-style`` value (``"none"`` when there are none)."""
        return " ".join(self.styles) or "none"

    def inline_style(self) -> str:
        """A Textual/Rich inline style string, e.g. ``"#8ec5ff bold"`` or ``"on #33302a"``."""
        parts: list[str] = []
        if self.fg:
            parts.append(self.fg)
        if self.bg:
            parts.append(f"on {self.bg}")
        parts.extend(self.styles)
        return " ".join(parts)


@dataclass(frozen=True)
class ReaderTheme:
    """One validated theme: the Textual colours plus the reader palette."""

    name: str
    description: str
    dark: bool
    colors: Mapping[str, str]
    """Textual theme colours by name (``primary``, ``background``, ...; ``boost`` optional)."""
    highlights: Mapping[str, Highlight]
    """The reader palette: one :class:`Highlight` for every name in :data:`ROLES`."""
    ansi: bool = False
    """True for a theme written in ANSI colour names, drawn with the terminal's own palette."""
    source: Path | None = None
    origin: str = "bundled"
    """``"bundled"`` or ``"user"``."""

    @property
    def foreground(self) -> str:
        """The body text colour."""
        return self.colors["foreground"]

    @property
    def background(self) -> str:
        """The background the reading pane is drawn on."""
        return self.colors["background"]

    def resolved(self, role: str) -> tuple[str, str]:
        """The (fg, bg) a role is drawn with on the plain page: missing parts come from the theme."""
        highlight = self.highlights[role]
        return highlight.fg or self.foreground, highlight.bg or self.background

    def variables(self) -> dict[str, str]:
        """CSS variables for the reader palette, for ``textual.theme.Theme(variables=...)``.

        For each role (``_`` becomes ``-``, e.g. ``direct-quote``):

        - ``reader-ROLE``: the text colour (the theme foreground when the role keeps it);
        - ``reader-ROLE-background``: the background, ``transparent`` when the role keeps it;
        - ``reader-ROLE-text-style``: ``bold``, ``italic underline``, ... or ``none``;
        - ``reader-ROLE-style``: all of it as an inline style for ``Content`` spans.
        """
        out: dict[str, str] = {}
        for role in ROLES:
            highlight = self.highlights[role]
            key = "reader-" + role.replace("_", "-")
            out[key] = highlight.fg or self.foreground
            out[f"{key}-background"] = highlight.bg or "transparent"
            out[f"{key}-text-style"] = highlight.text_style
            out[f"{key}-style"] = highlight.inline_style()
        return out

    @property
    def where(self) -> str:
        """Where the theme comes from, for listings: ``bundled`` or ``user PATH``."""
        return "bundled" if self.origin == "bundled" else f"user {self.source}"


@dataclass(frozen=True)
class ThemeProblem:
    """A message about one theme file (a reason it was skipped, or a contrast warning)."""

    path: Path
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass
class ThemeSet:
    """The themes that loaded, plus one message per file that did not."""

    themes: dict[str, ReaderTheme] = field(default_factory=dict)
    problems: list[ThemeProblem] = field(default_factory=list)
    """Files that were skipped (syntax errors, missing or unknown keys, bad colours)."""
    warnings: list[ThemeProblem] = field(default_factory=list)
    """Themes that loaded but have highlights below WCAG AA contrast."""

    @property
    def names(self) -> list[str]:
        """Theme names, the default first, then alphabetical."""
        return sorted(self.themes, key=lambda name: (name != DEFAULT_THEME, name))

    def __iter__(self) -> Iterator[ReaderTheme]:
        return (self.themes[name] for name in self.names)

    def __contains__(self, name: object) -> bool:
        return name in self.themes

    def __getitem__(self, name: str) -> ReaderTheme:
        return self.themes[name]

    @property
    def default(self) -> ReaderTheme | None:
        """The default theme, or None if even that failed to load (a broken installation)."""
        return self.themes.get(DEFAULT_THEME)


# --- colours and contrast ---------------------------------------------------------------


def is_color(text: str, *, ansi: bool = False, allow_default: bool = False) -> bool:
    """Whether ``text`` is a colour this schema accepts: ``#rgb``, ``#rrggbb`` or ``ansi_NAME``."""
    if _HEX.fullmatch(text):
        return True
    if not ansi:
        return False
    if text == ANSI_DEFAULT:
        return allow_default
    return text.startswith("ansi_") and text[5:] in ANSI_REFERENCE_RGB


def parse_color(text: str) -> Rgb:
    """The RGB of a hex colour or an ANSI name (its reference value); ValueError otherwise."""
    if _HEX.fullmatch(text):
        digits = text[1:]
        if len(digits) == 3:
            digits = "".join(c * 2 for c in digits)
        return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)
    if text.startswith("ansi_") and text[5:] in ANSI_REFERENCE_RGB:
        return ANSI_REFERENCE_RGB[text[5:]]
    raise ValueError(f"not a colour with a known RGB value: {text!r}")


def relative_luminance(color: str | Rgb) -> float:
    """WCAG 2.x relative luminance (0 for black, 1 for white) of a colour."""
    rgb = parse_color(color) if isinstance(color, str) else color

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(fg: str | Rgb, bg: str | Rgb) -> float:
    """WCAG 2.x contrast ratio between two colours, from 1.0 (none) to 21.0 (black on white)."""
    a, b = relative_luminance(fg), relative_luminance(bg)
    lighter, darker = max(a, b), min(a, b)
    return (lighter + 0.05) / (darker + 0.05)


@dataclass(frozen=True)
class ContrastCheck:
    """One text-on-background pair of a theme and its contrast ratio (None if unknowable)."""

    what: str
    fg: str
    bg: str
    ratio: float | None

    @property
    def ok(self) -> bool:
        """True when the ratio is known and at least WCAG AA."""
        return self.ratio is not None and self.ratio >= WCAG_AA


def _check(what: str, fg: str, bg: str) -> ContrastCheck:
    if ANSI_DEFAULT in (fg, bg):
        return ContrastCheck(what, fg, bg, None)
    return ContrastCheck(what, fg, bg, contrast_ratio(fg, bg))


def contrast_checks(theme: ReaderTheme) -> list[ContrastCheck]:
    """Every text/background pair the reading pane can draw with this theme.

    - body text: ``foreground`` on ``background``;
    - each role as drawn on the plain page (its own fg/bg, the rest from the theme);
    - each backdrop role (one that sets only ``bg``) with every text colour on top of it:
      the body text and every role that sets its own ``fg`` without its own ``bg``.
    A pair involving ``ansi_default`` (the terminal's unknown colour) has ratio ``None``.
    """
    checks = [_check("text", theme.foreground, theme.background)]
    for role in ROLES:
        fg, bg = theme.resolved(role)
        checks.append(_check(role, fg, bg))
    floating = [(role, h.fg) for role, h in theme.highlights.items() if h.fg and not h.bg]
    for backdrop, highlight in theme.highlights.items():
        if not highlight.is_backdrop:
            continue
        assert highlight.bg is not None
        for role, fg in floating:
            checks.append(_check(f"{role} on {backdrop}", fg, highlight.bg))
    return checks


def contrast_warnings(theme: ReaderTheme) -> list[str]:
    """Human-readable messages for every pair below WCAG AA or impossible to check."""
    messages: list[str] = []
    for check in contrast_checks(theme):
        if check.fg == check.bg == ANSI_DEFAULT:
            continue  # the terminal's own text on its own page: the user's choice, fine by definition
        if check.ratio is None:
            messages.append(f"contrast of {check.what} ({check.fg} on {check.bg}) cannot be checked: "
                            f"give it colours other than {ANSI_DEFAULT}")
        elif check.ratio < WCAG_AA:
            messages.append(f"low contrast for {check.what}: {check.fg} on {check.bg} is "
                            f"{check.ratio:.2f}:1, below {WCAG_AA}:1")
    return messages


def min_contrast(theme: ReaderTheme) -> float | None:
    """The lowest known contrast ratio among the highlights of a theme (not the body text)."""
    ratios = [c.ratio for c in contrast_checks(theme) if c.what != "text" and c.ratio is not None]
    return min(ratios) if ratios else None


# --- parsing and validation -------------------------------------------------------------


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


# --- where themes live ------------------------------------------------------------------


def bundled_themes_dir() -> Path:
    """The bundled themes: ``reader/_themes`` in an installed wheel, ``themes/`` in a checkout."""
    package = Path(__file__).resolve().parent
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
