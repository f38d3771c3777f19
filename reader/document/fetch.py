"""Fetching URLs: not supported yet (see the issue on saved web pages)."""

from __future__ import annotations

from reader.document.model import Article
from reader.errors import ReaderError


def fetch_article(url: str) -> Article:
    """Placeholder until fetching lands: a clear error, never a crash."""
    raise ReaderError(f"{url}: opening URLs is not supported yet")
