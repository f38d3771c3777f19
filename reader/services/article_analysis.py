"""The analysis of one library article as every view should show it: cached, then corrected."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from reader.analysis import Analysis
from reader.services.analysis_cache import AnalysisCache
from reader.services.corrections import apply_corrections
from reader.store.corrections import Corrections

if TYPE_CHECKING:
    from reader.store import Library


def engine_analysis(library: Library, text: str, analyze: Callable[[str], Analysis] | None = None) -> Analysis:
    """The engine's analysis of ``text`` (from the library's cache, or computed and cached)."""
    return AnalysisCache(library.path).analysis(text, analyze)


def corrected(library: Library, article_id: str, text: str, analysis: Analysis) -> Analysis:
    """``analysis`` of the article's current ``text`` with the user's corrections laid over it."""
    return apply_corrections(analysis, Corrections(library).for_article(article_id, text))


def article_analysis(library: Library, article_id: str, text: str,
                     analyze: Callable[[str], Analysis] | None = None) -> Analysis:
    """Cached engine analysis plus corrections: what the reader, the CLI and exports show."""
    return corrected(library, article_id, text, engine_analysis(library, text, analyze))
