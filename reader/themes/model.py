"""Reader themes, the data: a theme's colours and its reader palette, and a set of loaded themes.

A theme is one TOML file (see ``themes/README.md``); :mod:`reader.themes.loading` reads and
validates the files, :mod:`reader.themes.contrast` checks their highlights against WCAG AA.
This package is core: it never imports Textual (``reader.tui.theming`` turns a
:class:`ReaderTheme` into a ``textual.theme.Theme``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

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
