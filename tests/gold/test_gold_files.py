"""Integrity checks for the hand-made gold set in this folder (no analysis engine needed).

Each ``NAME.gold.json`` must follow the format of ``../shared/eval/gold`` (see the README there) and
must point at an article in this folder. Every required surface (entity names, quote texts) has to
occur verbatim in the article's plain text after whitespace normalisation, because
``score.py`` matches by text: a gold string that is not in the article can never be found and
would silently lower every engine's recall.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from reader.document import load

HERE = Path(__file__).resolve().parent
GOLD_FILES = sorted(HERE.glob("*.gold.json"))
KEYS = {"file", "entities", "entities_ok", "quotes", "quotes_ok"}
LABELS = {"PERSON", "ORG", "PLACE"}
KINDS = {"direct", "partial", "indirect"}
SEED = "aleppo-evacuation.gold.json"


def _norm(text: str) -> str:
    """Collapse whitespace and fold curly quotes to straight ones, as the scorer does."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip()


def _article_text(gold: dict) -> str:
    """The plain text of the gold file's article, as the document model gives it."""
    return _norm(load(str(HERE / gold["file"])).text)


def _ids() -> list[str]:
    return [p.name.removesuffix(".gold.json") for p in GOLD_FILES]


def test_gold_set_is_big_enough() -> None:
    assert len(GOLD_FILES) >= 10


@pytest.mark.parametrize("path", GOLD_FILES, ids=_ids())
def test_format(path: Path) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    assert set(gold) == KEYS
    assert (HERE / gold["file"]).is_file()
    assert path.name == Path(gold["file"]).stem + ".gold.json"
    for entity in gold["entities"]:
        assert set(entity) == {"label", "names"}
        assert entity["label"] in LABELS
        assert entity["names"] and all(isinstance(n, str) and n.strip() for n in entity["names"])
    for quote in gold["quotes"]:
        assert set(quote) == {"kind", "text", "speaker"}
        assert quote["kind"] in KINDS
        assert isinstance(quote["speaker"], list)
        assert all(isinstance(s, str) and s.strip() for s in quote["speaker"])
    assert all(isinstance(s, str) and s.strip() for s in gold["entities_ok"] + gold["quotes_ok"])


@pytest.mark.parametrize("path", GOLD_FILES, ids=_ids())
def test_every_required_surface_occurs_in_the_article(path: Path) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    text = _article_text(gold)
    if path.name == SEED:  # copied unchanged; it lists spellings absent from its text ("AP")
        missing = [e["names"] for e in gold["entities"] if not any(_norm(n) in text for n in e["names"])]
    else:
        missing = [n for e in gold["entities"] for n in e["names"] if _norm(n) not in text]
    missing += [q["text"] for q in gold["quotes"] if _norm(q["text"]) not in text]
    assert not missing, f"not in {gold['file']}: {missing}"


@pytest.mark.parametrize("path", GOLD_FILES, ids=_ids())
def test_optional_surfaces_and_speakers_occur_in_the_article(path: Path) -> None:
    """Speakers and the *_ok lists are matched loosely, so only case is ignored here."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    text = _article_text(gold).casefold()
    strings = gold["entities_ok"] + gold["quotes_ok"] + [s for q in gold["quotes"] for s in q["speaker"]]
    missing = sorted({s for s in strings if _norm(s).casefold() not in text})
    assert not missing, f"not in {gold['file']}: {missing}"


@pytest.mark.parametrize("path", GOLD_FILES, ids=_ids())
def test_no_duplicates(path: Path) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    names = [(e["label"], n) for e in gold["entities"] for n in e["names"]]
    assert len(names) == len(set(names))
    texts = [q["text"] for q in gold["quotes"]]
    assert len(texts) == len(set(texts))
