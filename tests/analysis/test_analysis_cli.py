"""``reader analyze``: JSON shape, the plain summary, and the optional spaCy engine."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from reader.cli import main

ARTICLE = """# Port strike ends after three days

Dockers at the port of Felixstowe returned to work on Friday, the Harbour Workers Union said.

“We got most of what we asked for,” union leader Rosa Lindqvist told reporters. “Not all of it.”

Lindqvist said the new contract would raise pay by 6 per cent over two years.
"""


@pytest.fixture()
def article(tmp_path: Path) -> Path:
    path = tmp_path / "strike.md"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_json_has_the_eval_shape_and_exact_offsets(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(article), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) >= {"title", "text", "entities", "quotes"}
    assert data["title"] == "Port strike ends after three days"
    text = data["text"]
    for span in data["entities"] + data["quotes"]:
        assert text[span["start"]:span["end"]] == span["text"]
    assert {"text", "label", "start", "end"} <= set(data["entities"][0])
    assert {"text", "kind", "start", "end", "speaker", "cue"} <= set(data["quotes"][0])
    speakers = {q["speaker"] for q in data["quotes"]}
    assert "Rosa Lindqvist" in speakers
    assert "Harbour Workers Union" in speakers


def test_plain_summary_lists_speakers_then_entities(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(article)]) == 0
    out = capsys.readouterr().out
    assert "Speakers" in out and "Rosa Lindqvist" in out
    assert "[direct] We got most of what we asked for" in out
    assert "People" in out and "Places" in out and "Felixstowe" in out
    assert out.index("Speakers") < out.index("People")


def test_markup_in_article_text_is_printed_verbatim(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "markup.txt"
    path.write_text("Title\n\n“[bold red]Not markup[/] at all,” said Mayor Jo Banks.\n", encoding="utf-8")
    assert main(["analyze", str(path)]) == 0
    assert "[bold red]Not markup[/] at all" in capsys.readouterr().out


def test_missing_file_is_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(tmp_path / "nope.txt")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no such file" in err


@pytest.mark.skipif(importlib.util.find_spec("spacy") is not None, reason="spaCy is installed here")
def test_spacy_engine_without_spacy_is_one_clear_error(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(article), "--engine", "spacy"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "spacy" in err.lower()


@pytest.mark.skipif(importlib.util.find_spec("spacy") is None, reason="spaCy is not installed (optional extra)")
def test_spacy_engine_with_an_entity_ruler() -> None:
    import spacy

    from reader.analysis.spacy_engine import analyze_spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([
        {"label": "PERSON", "pattern": "Rosa Lindqvist"},
        {"label": "PERSON", "pattern": "Lindqvist"},
        {"label": "GPE", "pattern": "Felixstowe"},
        {"label": "ORG", "pattern": "Harbour Workers Union"},
    ])
    text = ARTICLE.split("\n", 2)[2]
    result = analyze_spacy(text, nlp)
    labels = {m.text: m.label for m in result.entities}
    assert labels == {"Rosa Lindqvist": "PERSON", "Lindqvist": "PERSON", "Felixstowe": "PLACE",
                      "Harbour Workers Union": "ORG"}
    assert {m.entity for m in result.entities if m.label == "PERSON"} == {"Rosa Lindqvist"}
    assert "Rosa Lindqvist" in {q.speaker for q in result.quotes}
    for m in result.entities:
        assert text[m.start:m.end] == m.text


def test_json_of_a_long_article_with_its_entities_written_early_is_the_same(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """``reader analyze --json`` writes a long article's entities while the engine waits for its
    second process (EarlyJSON): the bytes are those of encoding the whole analysis at the end."""
    import reader.document.forked as forked
    from reader.analysis import analyze
    from reader.analysis.pipeline import PARALLEL_MIN_CHARS
    from reader.commands.analyze import EarlyJSON, encode_json

    gold = Path(__file__).resolve().parents[1] / "gold"
    articles = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(gold.glob("*.txt")))
    long = tmp_path / "long.txt"
    long.write_text("\n\n".join([articles] * (PARALLEL_MIN_CHARS // len(articles) + 1)), encoding="utf-8")
    early_calls: list[int] = []
    real_call = EarlyJSON.__call__

    def counted(self, mentions) -> None:
        early_calls.append(len(mentions))
        real_call(self, mentions)

    monkeypatch.setattr(EarlyJSON, "__call__", counted)
    monkeypatch.setattr(forked.ForkedParse, "ready", lambda self, wait=0.0: False)  # children always busy
    assert main(["analyze", "--json", str(long)]) == 0
    out = capsys.readouterr().out
    assert early_calls and early_calls[0] > 1000  # the entities were written early
    document = json.loads(out)
    expected = encode_json(analyze(document["text"]), document["title"], document["text"])
    assert out.encode("utf-8") == expected


def test_early_entities_are_used_only_for_the_analysis_they_were_written_for() -> None:
    from reader.analysis.model import Analysis, Mention
    from reader.commands.analyze import EarlyJSON, encode_json

    mentions = [Mention("Ann Lee", "PERSON", 0, 7, "Ann Lee")]
    early = EarlyJSON("Ann Lee <b>\u2028\"")
    early(mentions)
    result = Analysis(entities=mentions)
    assert early.of(result) is not None and early.text is not None
    assert encode_json(result, "T", "Ann Lee <b>\u2028\"", entities=early.of(result), text_json=early.text) == \
        encode_json(result, "T", "Ann Lee <b>\u2028\"")
    assert early.of(Analysis()) is None  # a run that failed after the entities: its own (empty) JSON
    lone = EarlyJSON("Ann \ud800 Lee")  # orjson refuses a lone surrogate: the whole document goes the lenient way
    lone(mentions)
    assert lone.text is None
