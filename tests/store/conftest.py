"""Fixtures for the library store tests: a fresh library file and small articles on disk."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from reader.document import Article, load
from reader.store import Library

PROSE = (
    "The minister said on Monday that the budget would balance by next spring. "
    "Critics in parliament disagreed, saying the figures did not add up. "
    "\"We have heard this before,\" said the opposition leader, who asked for an audit. "
    "The treasury declined to comment on the audit, but a spokesman said the budget was sound. "
    "Markets were calm; the currency rose slightly against the dollar by the end of the day."
)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """Where the test library lives (not created yet)."""
    return tmp_path / "library.json"


@pytest.fixture
def library(db: Path) -> Library:
    """A fresh library."""
    return Library.open(db)


@pytest.fixture
def write_article(tmp_path: Path) -> Callable[..., Path]:
    """Write a text article to disk and return its path."""

    def write(name: str = "article.txt", text: str = PROSE, title: str = "Budget row") -> Path:
        path = tmp_path / name
        path.write_text(f"{title}\n\n{text}\n", encoding="utf-8")
        return path

    return write


@pytest.fixture
def article(write_article: Callable[..., Path]) -> Article:
    """A loaded article with a real source file."""
    return load(str(write_article()))
