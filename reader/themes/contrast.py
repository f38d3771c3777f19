"""Colours and contrast: parse theme colours and check every pair the reading pane can draw
against WCAG AA (4.5:1), so a user theme that would be hard to read is reported."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.themes.model import ANSI_DEFAULT, ANSI_REFERENCE_RGB, ROLES, WCAG_AA, ReaderTheme, Rgb

_HEX = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})")



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
