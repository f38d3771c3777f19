"""The analysis result: entity mentions, quotes, and the people and organisations they group into.

Every span is an offset range into the analysed text, so ``text[start:end] == span.text`` always
holds; the reading pane, notes and export can all point at the same characters.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

LABELS = ("PERSON", "ORG", "PLACE", "NORP", "DATE")
KINDS = ("direct", "partial", "indirect")


@dataclass(frozen=True)
class Mention:
    """One mention of a named entity; ``entity`` is the canonical name of what it refers to.

    Not slotted, like :class:`Quote`: orjson writes a dataclass with a ``__dict__`` four times as
    fast (a 3 MB article's 59,000 mentions: 0.034 -> 0.009 s), and the entity stages make mentions
    by giving them their ``__dict__`` at once (``reader.analysis.records.dict_maker``), about as
    fast as filling slots (0.036-0.042 -> 0.040-0.049 s for the 59,000).
    """

    text: str
    label: str
    start: int
    end: int
    entity: str


@dataclass(frozen=True)
class Quote:
    """A quotation or reported statement.

    Not slotted: orjson writes a dataclass with a ``__dict__`` about three times as fast as a
    slotted one (a 3 MB article's 18,000 quotes: 0.018 -> 0.010 s), and making and reading quotes
    costs the same either way.

    ``kind`` is ``direct`` (a full quotation), ``partial`` (a quoted phrase inside the writer's
    sentence) or ``indirect`` (reported speech). ``speaker`` is a canonical name or a noun phrase
    ("Russian officials"), or None when unknown; never a pronoun. ``cue`` is the speech verb or
    phrase ("said", "according to") at ``text[cue_start:cue_end]``, or "" with -1 offsets.
    """

    text: str
    kind: str
    start: int
    end: int
    speaker: str | None
    cue: str = ""
    cue_start: int = -1
    cue_end: int = -1


@dataclass(slots=True)
class Entity:
    """A person, organisation or place with all its mentions."""

    name: str
    label: str
    mentions: list[Mention] = field(default_factory=list)


@dataclass(slots=True)
class Analysis:
    """Everything ``analyze`` found, sorted by position."""

    entities: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    groups: dict[str, Entity] = field(default_factory=dict)

    def speakers(self) -> list[tuple[str, dict[str, int]]]:
        """Each speaker with the number of quotes of each kind, most quoted first, then by name."""
        counts: dict[str, Counter[str]] = {}
        for quote in self.quotes:
            if quote.speaker:
                counts.setdefault(quote.speaker, Counter())[quote.kind] += 1
        rows = [(name, {kind: c[kind] for kind in KINDS if c[kind]}) for name, c in counts.items()]
        rows.sort(key=lambda row: (-sum(row[1].values()), row[0].casefold()))
        return rows

    def quotes_by(self, speaker: str) -> list[Quote]:
        """The quotes attributed to ``speaker``, in text order."""
        return [q for q in self.quotes if q.speaker == speaker]

    def json_document(self, title: str, text: str) -> dict[str, object]:
        """:meth:`to_json` for orjson, which writes the mentions and quotes (dataclasses) itself,
        their fields in order: the same JSON, without building a dict per mention and quote first
        (a third of the command's JSON time on a 3 MB article). A test keeps the two the same."""
        return {"title": title, "text": text, "entities": self.entities, "quotes": self.quotes}

    def to_json(self, title: str, text: str) -> dict[str, object]:
        """The evaluation JSON: title, text, entities and quotes with offsets into ``text``."""
        return {
            "title": title,
            "text": text,
            "entities": [
                {"text": m.text, "label": m.label, "start": m.start, "end": m.end, "entity": m.entity}
                for m in self.entities
            ],
            "quotes": [
                {"text": q.text, "kind": q.kind, "start": q.start, "end": q.end, "speaker": q.speaker,
                 "cue": q.cue, "cue_start": q.cue_start, "cue_end": q.cue_end}
                for q in self.quotes
            ],
        }


def group_mentions(mentions: list[Mention]) -> dict[str, Entity]:
    """Mentions grouped by canonical name (PERSON, ORG, PLACE and NORP; dates are not entities)."""
    groups: dict[str, Entity] = {}
    for m in mentions:
        if m.label == "DATE":
            continue
        entity = groups.get(m.entity)
        if entity is None:
            entity = groups[m.entity] = Entity(m.entity, m.label)
        entity.mentions.append(m)
    return groups
