"""Fixtures for the feed tests: a local feed server on 127.0.0.1 and an empty library file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks.feed_server import FeedServer


@pytest.fixture
def server() -> Iterator[FeedServer]:
    """A feed server of its own for each test (a free loopback port; stalls released at the end)."""
    with FeedServer() as running:
        yield running


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """Where the test's library file goes."""
    return tmp_path / "library.json"


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Requests to the loopback server must go straight to it, never through a configured proxy."""
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
