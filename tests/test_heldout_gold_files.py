"""Run the integrity checks of ``tests/gold/test_gold_files.py`` on every held-out folder.

The held-out sets (``tests/gold_heldout*``) are kept apart from ``tests/gold`` so that each stayed
unseen by whoever tuned the engine until it was first scored; their annotations must still obey
the same format, and every required surface must occur in its article, or the scorer would
silently count an unfindable string as a miss. The checker module is reused, not copied: it is
loaded once per folder with its ``HERE`` pointed there.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

TESTS = Path(__file__).resolve().parent
FOLDERS = sorted(p for p in TESTS.glob("gold_heldout*") if p.is_dir())


def _checks_for(folder: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"_gold_checks_{folder.name}", TESTS / "gold" / "test_gold_files.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.HERE = folder  # _article_text() resolves each gold file's article against the module's HERE
    return module


CHECK_NAMES = ["test_format", "test_every_required_surface_occurs_in_the_article",
               "test_optional_surfaces_and_speakers_occur_in_the_article", "test_no_duplicates"]
CASES = [(folder, path, name) for folder in FOLDERS for path in sorted(folder.glob("*.gold.json"))
         for name in CHECK_NAMES]
_MODULES: dict[Path, ModuleType] = {}


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_each_held_out_set_has_six_articles(folder: Path) -> None:
    assert len(list(folder.glob("*.gold.json"))) == 6


@pytest.mark.parametrize("folder, path, name", CASES,
                         ids=[f"{f.name}/{p.name.removesuffix('.gold.json')}/{n}" for f, p, n in CASES])
def test_held_out_gold_file(folder: Path, path: Path, name: str) -> None:
    module = _MODULES.get(folder) or _MODULES.setdefault(folder, _checks_for(folder))
    check: Callable[[Path], None] = getattr(module, name)
    check(path)
