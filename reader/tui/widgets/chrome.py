"""The screen chrome: a one-line title bar and a one-line key bar, each a single widget.

They look like Textual's ``Header`` and ``Footer`` but draw themselves as one line of text
instead of composing a widget per part (``Header`` mounts four widgets, ``Footer`` one per key
and recomposes all of them whenever the bindings change). Measured on the seed article, the
two stock widgets cost about 25 ms of the first paint, a tenth of it; these cost under 2 ms.

The key bar is still built from the bindings: it shows the active bindings declared with
``show=True`` (one per action, in declaration order, dimmed when ``check_action`` disables
them) and redraws when the screen says its bindings changed. Titles are article text, so both
bars build :class:`rich.text.Text` from plain strings, never markup.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar, NamedTuple

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import ActiveBinding, Binding
from textual.screen import Screen
from textual.widget import Widget

from reader.sanitize import clean_line

DIM = Style(dim=True)
"""How a key that is disabled just now is drawn (as Footer's ``-disabled``)."""

ICON_WIDTH = 8
"""Cells kept on the left for the icon (and, for balance, on the right): as Textual's Header."""


class TitleBar(Widget):
    """The screen's title and sub-title, centred, with an icon on the left that opens the palette."""

    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        width: 100%;
        height: 1;
        background: $panel;
        color: $foreground;
    }
    """

    def __init__(self, icon: str = "¶", *, id: str | None = None) -> None:  # noqa: A002 (Textual's name)
        super().__init__(id=id)
        self.icon = icon

    def on_mount(self) -> None:
        """Follow the screen's (and the app's) title and sub-title."""
        for node, name in ((self.screen, "title"), (self.screen, "sub_title"),
                           (self.app, "title"), (self.app, "sub_title")):
            self.watch(node, name, self._title_changed, init=False)

    def _title_changed(self) -> None:
        self.refresh()

    def _titles(self) -> tuple[str, str]:
        """The titles to show, cleaned again here: whoever set them, no escape reaches the terminal."""
        screen = self.screen
        title = screen.title if screen.title is not None else self.app.title
        sub_title = screen.sub_title if screen.sub_title is not None else self.app.sub_title
        return clean_line(title or ""), clean_line(sub_title or "")

    def render(self) -> Text:
        """`` ¶      Title — sub-title      ``, cropped with an ellipsis when too wide."""
        width = self.size.width
        title, sub_title = self._titles()
        line = Text(title)
        if sub_title:
            line.append(" — ", style="dim")
            line.append(sub_title, style="dim")
        room = max(0, width - 2 * ICON_WIDTH)
        line.truncate(room, overflow="ellipsis")
        left = (room - line.cell_len) // 2
        icon = Text(f" {self.icon}".ljust(ICON_WIDTH))
        return Text.assemble(icon, " " * left, line, no_wrap=True, end="")

    def on_click(self, event: events.Click) -> None:
        """The icon opens the command palette, as Textual's Header does."""
        if event.x < ICON_WIDTH and self.app.ENABLE_COMMAND_PALETTE:
            event.stop()
            self.app.action_command_palette()


class KeyItem(NamedTuple):
    """One key shown in the bar: where it is drawn and the key it stands for."""

    start: int
    end: int
    key: str
    enabled: bool


class KeyBar(Widget):
    """The keys that work here (bindings with ``show=True``), drawn as one line; click to press."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"key-bar--key", "key-bar--description"}

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        width: 100%;
        height: 1;
        background: $footer-background;
        color: $footer-foreground;
    }
    KeyBar > .key-bar--key {
        color: $footer-key-foreground;
        background: $footer-key-background;
        text-style: bold;
    }
    KeyBar > .key-bar--description {
        color: $footer-description-foreground;
        background: $footer-description-background;
    }
    """

    def __init__(self, *, show_palette: bool = True, id: str | None = None) -> None:  # noqa: A002 (Textual's name)
        super().__init__(id=id)
        self.show_palette = show_palette
        """Also show the command palette's key, at the right end (as Textual's Footer does)."""
        self._items: list[KeyItem] = []
        self._subscribed_to: Screen[object] | None = None

    def on_mount(self) -> None:
        """Redraw whenever the screen's bindings change (focus moved, an action was enabled...)."""
        self._subscribed_to = self.screen
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        """Stop listening to the screen."""
        if self._subscribed_to is not None:
            self._subscribed_to.bindings_updated_signal.unsubscribe(self)
            self._subscribed_to = None

    def _bindings_changed(self, _screen: Screen[object]) -> None:
        self.refresh()

    def render(self) -> Text:
        """`` ? Help  q Quit ...``: each key in bold, disabled ones dimmed."""
        key_style = self.get_component_rich_style("key-bar--key", partial=True)
        description_style = self.get_component_rich_style("key-bar--description", partial=True)
        line = Text(no_wrap=True, end="")
        items: list[KeyItem] = []
        seen: set[str] = set()
        active = self.screen.active_bindings  # a property that rebuilds the map: read it once
        for _node, binding, enabled, _tooltip in active.values():
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            start = line.cell_len
            line.append(f" {self.app.get_key_display(binding)} ", style=key_style if enabled else key_style + DIM)
            if binding.description:
                line.append(f"{binding.description} ",
                            style=description_style if enabled else description_style + DIM)
            items.append(KeyItem(start, line.cell_len, binding.key, enabled))
        palette = self._palette_binding(active)
        if palette is not None:
            binding, enabled = palette
            label = Text.assemble((f" {self.app.get_key_display(binding)} ", key_style),
                                  (f"{binding.description} ", description_style))
            gap = self.size.width - line.cell_len - label.cell_len
            if gap >= 1:
                line.append(" " * gap)
                items.append(KeyItem(line.cell_len, line.cell_len + label.cell_len, binding.key, enabled))
                line.append_text(label)
        self._items = items
        return line

    def _palette_binding(self, active: Mapping[str, ActiveBinding]) -> tuple[Binding, bool] | None:
        """The command palette's binding and whether it is enabled, when it is to be shown."""
        if not (self.show_palette and self.app.ENABLE_COMMAND_PALETTE):
            return None
        found = active.get(self.app.COMMAND_PALETTE_BINDING)
        if found is None:
            return None
        _node, binding, enabled, _tooltip = found
        return binding, enabled

    def key_at(self, x: int) -> KeyItem | None:
        """The key drawn at column ``x``, if any."""
        for item in self._items:
            if item.start <= x < item.end:
                return item
        return None

    def on_click(self, event: events.Click) -> None:
        """Press the clicked key, as Textual's Footer does (a bell if it is disabled now)."""
        item = self.key_at(event.x)
        if item is None:
            return
        event.stop()
        if item.enabled:
            self.app.simulate_key(item.key)
        else:
            self.app.bell()


__all__ = ["DIM", "ICON_WIDTH", "KeyBar", "KeyItem", "TitleBar"]
