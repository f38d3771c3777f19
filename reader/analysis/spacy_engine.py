"""Optional spaCy engine: entities from a spaCy pipeline, quotes from the rule engine.

spaCy is never required (extra ``article-reader[spacy]``); a user who has installed a model
(``en_core_web_sm`` or any pipeline with an ``ner`` or ``entity_ruler``) gets statistical
entities, which then feed the same quote finder and speaker resolution as the rule engine.
"""

from __future__ import annotations

from typing import Any

from reader.analysis.model import Analysis, Mention
from reader.analysis.pipeline import Pipeline
from reader.analysis.segment import Segments

_LABELS = {"PERSON": "PERSON", "PER": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE",
           "NORP": "NORP", "DATE": "DATE"}
MODELS = ("en_core_web_sm", "en_core_web_md", "en_core_web_lg", "en_core_web_trf")


class SpacyUnavailable(Exception):
    """spaCy or a model is missing; the message says what to install."""


def load_pipeline() -> Any:
    """The first installed English model, or raise :class:`SpacyUnavailable`."""
    try:
        import spacy
    except ImportError:
        raise SpacyUnavailable("the spacy engine needs spaCy: pip install 'article-reader[spacy]'") from None
    for name in MODELS:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise SpacyUnavailable("the spacy engine needs an English model, e.g. python -m spacy download en_core_web_sm")


def analyze_spacy(text: str, nlp: Any = None) -> Analysis:
    """Analyse ``text`` with spaCy entities (``nlp`` or an installed model) and rule-based quotes."""
    if not text.strip():
        return Analysis()
    if nlp is None:
        nlp = load_pipeline()
    return spacy_pipeline(nlp).analyze(text)


def spacy_pipeline(nlp: Any) -> Pipeline:
    """The shared pipeline with spaCy's entities as the candidates and one-word names mapped to
    the full name they shorten as the votes; quotes, cues and speakers are the rule engine's."""

    def candidates(text: str, segments: Segments) -> list[Mention]:
        mentions: list[Mention] = []
        for ent in nlp(text).ents:
            label = _LABELS.get(ent.label_)
            if label is None or not ent.text.strip():
                continue
            mentions.append(Mention(text[ent.start_char:ent.end_char], label, ent.start_char, ent.end_char,
                                    ent.text))
        return mentions

    return Pipeline(candidates, _canonical)


def _canonical(mentions: list[Mention]) -> list[Mention]:
    """Map one-word mentions of people to the full name they shorten ("Lavrov" -> "Sergei Lavrov")."""
    full: dict[str, str] = {}
    for m in mentions:
        if m.label == "PERSON" and " " in m.text:
            full.setdefault(m.text.split()[-1], m.text)
    return [Mention(m.text, m.label, m.start, m.end, full.get(m.text, m.entity)) if m.label == "PERSON" else m
            for m in mentions]
