"""Run the integrity checks of ``tests/gold/test_gold_files.py`` on this fifth held-out folder.

The articles here are kept apart from ``tests/gold`` so that they stay unseen by whoever tunes the
engine; their annotations must still obey the same format, and every required surface must occur in
the article, or the scorer would silently count an unfindable string as a miss. The checker module is
reused rather than copied, with its folder pointed here.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("_gold_checks", HERE.parent / "gold" / "test_gold_files.py")
assert _spec is not None and _spec.loader is not None
checks = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(checks)
checks.HERE = HERE  # _article_text() resolves each gold file's article against the module's HERE

GOLD_FILES = sorted(HERE.glob("*.gold.json"))
CHECKS = [checks.test_format, checks.test_every_required_surface_occurs_in_the_article,
          checks.test_optional_surfaces_and_speakers_occur_in_the_article, checks.test_no_duplicates]


def test_six_articles() -> None:
    assert len(GOLD_FILES) == 6


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.__name__)
@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name.removesuffix(".gold.json"))
def test_gold_file(path: Path, check) -> None:  # noqa: ANN001 - a test function from the checker module
    check(path)
