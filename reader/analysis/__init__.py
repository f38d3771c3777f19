"""Who is named and who said what: entities and attributed quotes of an article's text (core, no Textual).

``analyze(text)`` returns an :class:`Analysis` whose spans are offsets into ``text``.
"""

from reader.analysis.engine import analyze
from reader.analysis.model import Analysis, Entity, Mention, Quote

__all__ = ["Analysis", "Entity", "Mention", "Quote", "analyze"]
