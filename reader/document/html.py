"""HTML articles: not supported yet (see the issue on saved web pages)."""

from __future__ import annotations

from reader.document.model import Article
from reader.errors import ReaderError


def parse_html(text: str, source: str = "", fallback_title: str = "") -> Article:
    """Placeholder until HTML extraction lands: a clear error, never a crash."""
    raise ReaderError(f"{source or 'input'}: HTML articles are not supported yet")
