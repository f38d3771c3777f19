"""Who is named and who said what: entities and attributed quotes of an article's text (core, no Textual).

``analyze(text)`` returns an :class:`Analysis` whose spans are offsets into ``text``.

The engine (compiled patterns, lexicons, the gazetteer) loads on first use of ``analyze``, not
on ``import reader.analysis``: the app imports the model classes at start-up and must paint its
first screen before any analysis happens.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reader.analysis.model import Analysis, Entity, Mention, Quote

if TYPE_CHECKING:
    from reader.analysis.engine import analyze

__all__ = ["Analysis", "Entity", "Mention", "Quote", "analyze"]


def __getattr__(name: str) -> Any:
    if name == "analyze":
        from reader.analysis.engine import analyze

        return analyze
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
