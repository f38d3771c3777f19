"""A passage shortened to one line, for the notes panel and the note editor.

Its own module so the notes panel (on screen from the start) does not import the editor's
TextArea, which only the first note needs.
"""

from __future__ import annotations

QUOTE_EXCERPT = 240
"""The longest excerpt, in characters."""


def excerpt(quote: str, limit: int = QUOTE_EXCERPT) -> str:
    """The passage on one line, shortened in the middle if long, at word boundaries (never
    "Coun … udget": the cut drops whole words)."""
    flat = " ".join(quote.split())
    if len(flat) <= limit:
        return flat
    half = (limit - 3) // 2
    head = flat[:half + 1]
    head = head[:head.rfind(" ")] if " " in head[:-1] else flat[:half]
    tail = flat[-(half + 1):]
    tail = tail[tail.find(" ") + 1:] if " " in tail[1:] else flat[-half:]
    return f"{head.rstrip()} … {tail.lstrip()}"
