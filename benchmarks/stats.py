"""Small statistics and the container for one measured figure."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field


def median(values: Sequence[float]) -> float:
    """The median of ``values`` (mean of the middle two for an even count)."""
    if not values:
        raise ValueError("median of no values")
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


@dataclass
class Measured:
    """The runs behind one figure, or the reason there is none (``note``)."""

    runs: list[float] = field(default_factory=list)
    note: str = ""
    at_least: float | None = None  # when it timed out: the figure is known to exceed this

    @property
    def value(self) -> float | None:
        return median(self.runs) if self.runs else None

    @classmethod
    def missing(cls, note: str, at_least: float | None = None) -> Measured:
        return cls([], note, at_least)
