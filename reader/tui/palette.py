"""Command palette entries made from the key bindings in force (declared once, shown everywhere).

Every screen gets them (the provider is in ``ReaderApp.COMMANDS``): each enabled binding of the
screen and of the focused widget's chain that has a description becomes a command titled with
that description; its help line is the binding's ``tooltip`` (or the description) and the key
in force, so a key remapped in ``config.toml`` shows as the user set it. App-wide keys (help,
quit) are left to the palette's own system commands.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import App
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen

Command = tuple[str, str, Callable[[], Any]]


def binding_commands(screen: Screen[Any]) -> list[Command]:
    """``(title, help, callback)`` for each enabled, described binding active on ``screen``."""
    app = screen.app
    commands: list[Command] = []
    offered: set[tuple[int, str]] = set()
    for node, binding, enabled, tooltip in screen.active_bindings.values():
        if isinstance(node, App) or not enabled or not binding.description or binding.system:
            continue
        if (id(node), binding.action) in offered:
            continue
        offered.add((id(node), binding.action))
        offers = getattr(screen, "palette_offers", None)  # a key may work (to say why not) yet not be offered
        if offers is not None and not offers(binding.action.split("(")[0]):
            continue
        key = app.get_key_display(binding)
        help_text = tooltip or binding.description
        commands.append((binding.description, f"{help_text} (key: {key})",
                         lambda action=binding.action, node=node: app.run_action(action, node)))
    return commands


class BindingCommands(Provider):
    """Offers the bindings in force on the screen the palette was opened from."""

    def _commands(self) -> list[Command]:
        return binding_commands(self.screen)

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
