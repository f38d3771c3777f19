"""Overlay layers: styled spans over ``Article.text``, bucketed per block for fast rendering.

Later features paint on the reading pane through named layers (analysis entities and
quotes, notes, search matches, the selection). Layers stack in :data:`LAYER_ORDER`: a later
layer's style is applied on top of an earlier one's. Unknown layer names sit between
"notes" and "search", in name order.
"""

from __future__ import annotations

from bisect import bisect_right

from rich.style import Style

from reader.document.model import Article

LAYER_ORDER: tuple[str, ...] = ("entities", "quotes", "highlights", "notes", "search", "selection")

Span = tuple[int, int, Style]


def layer_rank(layer: str) -> tuple[int, str]:
    """Sort key of a layer: its place in :data:`LAYER_ORDER` (unknown layers before search)."""
    if layer in LAYER_ORDER:
        return LAYER_ORDER.index(layer) * 2, ""
    return LAYER_ORDER.index("search") * 2 - 1, layer


class OverlayStore:
    """Spans per layer, and for each block the spans touching it in layer order."""

    def __init__(self) -> None:
        self._layers: dict[str, list[Span]] = {}
        self._buckets: dict[str, dict[int, list[Span]]] = {}
        self._merged: dict[int, list[Span]] = {}

    def layers(self) -> list[str]:
        """Layer names with spans, in stacking order."""
        return sorted(self._layers, key=layer_rank)

    def spans(self, layer: str) -> list[Span]:
        """The spans of ``layer``."""
        return list(self._layers.get(layer, ()))

    def set(self, layer: str, spans: list[Span], article: Article) -> set[int]:
        """Replace ``layer``'s spans; return the blocks whose rendering changed."""
        touched = set(self._buckets.get(layer, {}))
        if spans:
            self._layers[layer] = sorted(spans, key=lambda span: span[0])
            self._buckets[layer] = _bucket(self._layers[layer], article)
            touched |= set(self._buckets[layer])
        else:
            self._layers.pop(layer, None)
            self._buckets.pop(layer, None)
        for index in touched:
            self._merged.pop(index, None)
        return touched

    def clear(self, layer: str) -> set[int]:
        """Remove ``layer``; return the blocks whose rendering changed."""
        touched = set(self._buckets.pop(layer, {}))
        self._layers.pop(layer, None)
        for index in touched:
            self._merged.pop(index, None)
        return touched

    def rebucket(self, article: Article) -> None:
        """Recompute the buckets after the article grew (spans may now reach new blocks)."""
        for layer, spans in self._layers.items():
            self._buckets[layer] = _bucket(spans, article)
        self._merged.clear()

    def for_block(self, index: int) -> list[Span]:
        """Every span touching block ``index``, in layer order."""
        merged = self._merged.get(index)
        if merged is None:
            merged = []
            for layer in self.layers():
                merged.extend(self._buckets[layer].get(index, ()))
            self._merged[index] = merged
        return merged


def _bucket(spans: list[Span], article: Article) -> dict[int, list[Span]]:
    """Map each block index to the spans that overlap it."""
    blocks = article.blocks
    starts = [block.start for block in blocks]
    buckets: dict[int, list[Span]] = {}
    if not blocks:
        return buckets
    for span in spans:
        start, end, _ = span
        index = max(0, bisect_right(starts, start) - 1)
        while index < len(blocks) and blocks[index].start < end:
            if blocks[index].end > start or blocks[index].start == blocks[index].end:
                buckets.setdefault(index, []).append(span)
            index += 1
    return buckets
