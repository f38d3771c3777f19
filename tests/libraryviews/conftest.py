"""A small library on disk with two articles that quote the same person under different names."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli_run import Run

ONE = (
    "Talks stall in Geneva\n\n"
    "Russian Foreign Minister Sergei Lavrov said on Monday that the talks had stalled. "
    "\u201cWe are not going to wait forever,\u201d Lavrov told reporters in Geneva.\n\n"
    "Café owners near the lake said business was slow. The harbour master, Anna Berg, said the ferries "
    "would keep running."
)
TWO = (
    "Ceasefire hopes fade\n\n"
    "Sergei Lavrov said the ceasefire proposal was \u201cdead on arrival\u201d. "
    "\u201cNobody in Moscow believes this plan,\u201d Lavrov said.\n\n"
    "The élysée palace declined to comment on the plan."
)



@pytest.fixture
def db(tmp_path: Path) -> Path:
    """The library file (inside tmp_path: never the user's)."""
    return tmp_path / "library.json"


@pytest.fixture
def articles(tmp_path: Path) -> tuple[Path, Path]:
    """Two articles on disk."""
    one, two = tmp_path / "geneva.txt", tmp_path / "ceasefire.txt"
    one.write_text(ONE, encoding="utf-8")
    two.write_text(TWO, encoding="utf-8")
    return one, two


@pytest.fixture
def ids(run: Run, articles: tuple[Path, Path]) -> tuple[str, str]:
    """The two articles added to the library; their ids."""
    code, out, _ = run("add", str(articles[0]), str(articles[1]))
    assert code == 0
    one, two = out.split()
    return one, two
