"""Gold-set regression: ``analyze`` over every ``tests/gold/*.gold.json`` must stay at the level reached.

The gold files are written independently of the engine (another developer's hand annotations, plus
the shared seed article). Each article is checked on its own for exact offsets and a sane analysis;
the whole set is held to the micro-averaged floors below, which are just under the level the engine
reached when they were set, so a regression fails and an improvement can raise them.
"""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path

import pytest

from reader.analysis import analyze
from reader.document import load

GOLD_DIR = Path(os.environ.get("READER_GOLD_DIR") or Path(__file__).resolve().parents[1] / "gold")
GOLD_FILES = sorted(GOLD_DIR.glob("*.gold.json"))

_spec = importlib.util.spec_from_file_location("analysis_scoring", Path(__file__).with_name("scoring.py"))
assert _spec and _spec.loader
scoring = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(scoring)

# Floors for the whole set (micro-averaged): a little under the level reached, never under the
# issue's goals. Raised on 30 Nov 2026 when the 19 articles reached entity_f1 0.97, quote_f1 0.98,
# direct_r 1.00, indirect_r 0.95, attribution 0.97, offsets 1.00.
FLOORS = {"entity_f1": 0.95, "quote_f1": 0.96, "direct_r": 0.97, "indirect_r": 0.92,
          "attribution": 0.95, "offsets": 1.0}


def _predict(gold_path: Path) -> tuple[dict, dict]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    article = load(str(gold_path.parent / gold["file"]))
    pred = analyze(article.text).to_json(article.title, article.text)
    return gold, pred


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=[p.name for p in GOLD_FILES])
def test_each_gold_article_has_exact_offsets_and_finds_something(gold_path: Path) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    if not (gold_path.parent / gold["file"]).exists():
        pytest.skip(f"article {gold['file']} not present")
    gold, pred = _predict(gold_path)
    good, total = scoring.score_offsets(pred)
    assert good == total
    if gold["entities"]:
        assert scoring.score_entities(gold, pred)["found"] > 0
    if gold["quotes"]:
        assert scoring.score_quotes(gold, pred)["found"] > 0


def test_gold_set_stays_above_floors() -> None:
    pairs = []
    for path in GOLD_FILES:
        gold = json.loads(path.read_text(encoding="utf-8"))
        if (path.parent / gold["file"]).exists():
            pairs.append(_predict(path))
    if len(pairs) < 2:
        pytest.skip("no gold set in tests/gold yet")
    summary = scoring.summarise(pairs)
    low = {k: round(summary[k], 3) for k, floor in FLOORS.items() if summary[k] < floor}
    assert not low, f"below the floor: {low}; all: { {k: round(v, 3) for k, v in summary.items()} }"


# The shared seed article on its own (copied unchanged from ../shared/eval, see tests/gold/README.md),
# held to the issue's goals; it reached quote_f1 0.91, indirect_r 0.83, attribution 1.00, entity_f1
# 1.00 once reported clauses lost the writer's trailing time clause and "cited Y as saying" named Y.
SEED = GOLD_DIR / "aleppo-evacuation.gold.json"
SEED_FLOORS = {"entity_f1": 0.95, "quote_f1": 0.90, "direct_r": 0.95, "indirect_r": 0.80,
               "attribution": 0.95, "offsets": 1.0}


def test_shared_seed_stays_at_the_issue_goals() -> None:
    if not SEED.exists():
        pytest.skip("the shared seed is not in this gold directory")
    summary = scoring.summarise([_predict(SEED)])
    low = {k: round(summary[k], 3) for k, floor in SEED_FLOORS.items() if summary[k] < floor}
    assert not low, f"below the floor: {low}; all: { {k: round(v, 3) for k, v in summary.items()} }"


# The second held-out set (tests/gold_heldout2, written blind). Its first run on the engine, unseen:
# entity_f1 0.95, quote_f1 0.97, direct_r 1.00, indirect_r 0.88, attribution 0.91. General fixes
# for what it showed took it to 0.98, 0.99, 1.00, 0.96, 0.98; since then it is no longer unseen
# text, so it is a regression set like tests/gold, held a little under that level.
# The third (tests/gold_heldout3), likewise: unseen 0.89 / 0.97 / 1.00 / 0.91 / 0.85 (0.90 / 0.97 /
# 1.00 / 0.91 / 0.89 with fixes made without it), then 0.96 / 0.99 / 1.00 / 0.97 / 0.96.
HELDOUT_FLOORS = {
    "gold_heldout2": {"entity_f1": 0.95, "quote_f1": 0.96, "direct_r": 0.97, "indirect_r": 0.92,
                      "attribution": 0.95, "offsets": 1.0},
    "gold_heldout3": {"entity_f1": 0.93, "quote_f1": 0.96, "direct_r": 0.97, "indirect_r": 0.92,
                      "attribution": 0.93, "offsets": 1.0},
    # The fourth: unseen 0.93 / 0.95 / 0.99 / 0.81 / 0.89, then 0.98 / 0.97 / 0.99 / 0.91 / 0.95.
    "gold_heldout4": {"entity_f1": 0.95, "quote_f1": 0.94, "direct_r": 0.95, "indirect_r": 0.87,
                      "attribution": 0.92, "offsets": 1.0},
    # The fifth, written blind as the final measure and never tuned on: 0.96 / 1.00 / 1.00 / 0.99 /
    # 0.98 on its first run. Floors at the issue's goals: it stays a measure, not a target.
    "gold_heldout5": {"entity_f1": 0.85, "quote_f1": 0.90, "direct_r": 0.95, "indirect_r": 0.80,
                      "attribution": 0.90, "offsets": 1.0},
}


@pytest.mark.parametrize("folder", sorted(HELDOUT_FLOORS))
def test_held_out_sets_stay_above_floors(folder: str) -> None:
    paths = sorted((Path(__file__).resolve().parents[1] / folder).glob("*.gold.json"))
    if not paths:
        pytest.skip(f"tests/{folder} is not present")
    summary = scoring.summarise([_predict(path) for path in paths])
    floors = HELDOUT_FLOORS[folder]
    low = {k: round(summary[k], 3) for k, floor in floors.items() if summary[k] < floor}
    assert not low, f"below the floor: {low}; all: { {k: round(v, 3) for k, v in summary.items()} }"
