"""Command palette entries made from a screen's own key bindings (declared once, shown everywhere).

A screen lists the actions it wants in the palette in a ``PALETTE`` dict (action name -> help
line) and sets ``COMMANDS = {ScreenCommands}``; the palette then offers each of those bindings,
titled with the binding's description, when ``check_action`` allows it. ``PALETTE`` and
``BINDINGS`` of base classes count too, so a screen built on another keeps its commands.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen

Command = tuple[str, str, Callable[[], Any]]


def screen_palette(screen: Screen[Any]) -> dict[str, str]:
    """The ``PALETTE`` entries of the screen's class and of every base class (a subclass wins)."""
    merged: dict[str, str] = {}
    for cls in reversed(type(screen).__mro__):
        merged.update(cls.__dict__.get("PALETTE", {}))
    return merged


def _bindings(screen: Screen[Any]) -> list[Binding]:
    """The bindings the screen's class and its base classes declare, subclass first."""
    seen: list[Binding] = []
    for cls in type(screen).__mro__:
        seen.extend(b for b in cls.__dict__.get("BINDINGS", []) if isinstance(b, Binding))
    return seen


def binding_commands(screen: Screen[Any], palette: dict[str, str]) -> list[Command]:
    """``(title, help, callback)`` for each of ``screen``'s bindings named in ``palette`` and enabled now."""
    commands: list[Command] = []
    offered: set[str] = set()
    for binding in _bindings(screen):
        if binding.action in offered:
            continue
        offered.add(binding.action)
        name = binding.action.split("(")[0]
        help_text = palette.get(name)
        if help_text is None or not screen.check_action(name, ()):
            continue
        offers = getattr(screen, "palette_offers", None)  # a key may work (to say why not) yet not be offered
        if offers is not None and not offers(name):
            continue
        key = screen.app.get_key_display(binding)
        commands.append((binding.description, f"{help_text} (key: {key})",
                         lambda action=binding.action: screen.run_action(action)))
    return commands


class ScreenCommands(Provider):
    """Offers the current screen's ``PALETTE`` bindings as commands."""

    def _commands(self) -> list[Command]:
        return binding_commands(self.screen, screen_palette(self.screen))

    async def discover(self) -> Hits:
        """Every such command, before anything is typed."""
        for title, help_text, callback in self._commands():
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        """The commands whose title matches ``query``."""
        matcher = self.matcher(query)
        for title, help_text, callback in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)
