"""The one place the tests read Textual's private attributes.

Textual has no public API for some things a test must see: the notifications shown, the
composed screen, the line filters in use, the RGB it gives ANSI colour names. Every such read
goes through this module, so a Textual upgrade that renames one breaks one file, not many tests.
"""

from __future__ import annotations

from textual.app import App
from textual.filter import LineFilter
from textual.notifications import Notification
from textual.strip import Strip


def notifications(app: App) -> list[Notification]:
    """Every notification the app is showing (``App._notifications``)."""
    return list(app._notifications)


def notification_messages(app: App) -> list[str]:
    """The text of every notification the app is showing."""
    return [str(n.message) for n in notifications(app)]


def screen_strips(app: App) -> list[Strip]:
    """The current screen as composed for the terminal (``Screen._compositor``)."""
    return list(app.screen._compositor.render_strips())


def line_filters(app: App) -> list[LineFilter]:
    """The filters applied to every rendered line (``App._filters``), e.g. Monochrome for NO_COLOR."""
    return list(app._filters)


def ansi_color_rgb(name: str) -> tuple[int, int, int]:
    """The RGB Textual uses for an ANSI colour name such as ``ansi_bright_blue``."""
    from textual._color_constants import COLOR_NAME_TO_RGB

    rgb = COLOR_NAME_TO_RGB[name]
    return rgb[0], rgb[1], rgb[2]
