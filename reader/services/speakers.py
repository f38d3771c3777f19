"""Who said what across the library: every quote with its article, speakers merged across articles.

Within an article the engine already gives each speaker one canonical name. Across articles the
same person appears as "Lavrov", "Sergei Lavrov" or "Russian Foreign Minister Sergei Lavrov";
:func:`merge_names` joins names whose words end the same way (a longer name containing a
shorter one), a bare surname only when it fits exactly one person, and spellings that differ
by a letter or two (rapidfuzz). Names with lower-case words ("Russian officials") merge only
when they are the same words.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from reader.analysis import Quote
from reader.services.analysis_cache import AnalysisCache, Progress, library_quotes, summary_is_fresh
from reader.services.corrections import apply_to_quotes
from reader.services.fold import fold
from reader.services.texts import article_texts, source_key
from reader.store.corrections import ENTITY_KIND, NOT_AN_ENTITY, Corrections

if TYPE_CHECKING:
    from reader.store import ArticleRecord, Library

KIND_KEYS = {"direct": "direct", "partial": "partial", "indirect": "reported"}
_WORD = re.compile(r"[^\W\d_][\w’'.-]*|\d+")
_HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "prof", "prof.", "sir", "dame"})
_PARTICLES = frozenset({"de", "da", "di", "del", "der", "van", "von", "al", "bin", "ibn", "le", "la", "du", "dos"})
FUZZY_SAME = 90
"""rapidfuzz ratio from which two proper names of the same shape are one spelling apart."""


@dataclass(frozen=True, slots=True)
class LibraryQuote:
    """A quote of one article, with the merged speaker it counts for."""

    article: str
    title: str
    source: str
    text: str
    kind: str
    start: int
    end: int
    speaker: str | None
    """The speaker as the article's analysis (and corrections) name it."""
    person: str | None
    """The merged name across articles."""

    def to_json(self) -> dict[str, Any]:
        """The ``reader quotes --json`` shape."""
        return {"speaker": self.person, "speaker_in_article": self.speaker, "kind": self.kind, "text": self.text,
                "start": self.start, "end": self.end, "article": self.article, "title": self.title,
                "source": self.source}


@dataclass(slots=True)
class Speaker:
    """One merged speaker with counts by kind, the articles, the names it was written as."""

    name: str
    label: str = ""
    aliases: set[str] = field(default_factory=set)
    counts: Counter[str] = field(default_factory=Counter)
    articles: set[str] = field(default_factory=set)

    @property
    def total(self) -> int:
        """All quotes of this speaker."""
        return sum(self.counts.values())

    def to_json(self) -> dict[str, Any]:
        """The ``reader speakers --json`` shape."""
        return {"name": self.name, "label": self.label, "aliases": sorted(self.aliases - {self.name}, key=str.casefold),
                "direct": self.counts["direct"], "partial": self.counts["partial"],
                "reported": self.counts["indirect"], "quotes": self.total, "articles": len(self.articles)}


# -- merging names --------------------------------------------------------------------------------

def _words(name: str) -> list[str]:
    words = _WORD.findall(name)
    while len(words) > 1 and words[0].lower() in _HONORIFICS:
        words = words[1:]
    return [w.removesuffix("’s").removesuffix("'s") for w in words]


def _proper(words: list[str]) -> bool:
    return bool(words) and words[-1][:1].isupper() and all(
        w[:1].isupper() or w.lower() in _PARTICLES for w in words)


class _Union:
    def __init__(self, items: Iterable[str]) -> None:
        self.parent = {item: item for item in items}

    def find(self, item: str) -> str:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def merge_names(names: dict[str, tuple[str, int]]) -> dict[str, str]:
    """``{name: (label, quotes)}`` -> ``{name: merged display name}`` (see the module docstring)."""
    from rapidfuzz import fuzz

    keys = {name: tuple(fold(w) for w in _words(name)) for name in names}
    union = _Union(names)
    by_key: dict[tuple[str, ...], list[str]] = {}
    for name, key in keys.items():
        by_key.setdefault(key or (fold(name),), []).append(name)
    for same in by_key.values():  # identical words: one speaker ("Lavrov's" is "Lavrov")
        for other in same[1:]:
            union.union(same[0], other)
    proper = {n for n in names if _proper(_words(n))}

    def compatible(a: str, b: str) -> bool:
        la, lb = names[a][0], names[b][0]
        return not la or not lb or la == lb

    by_surname: dict[str, list[str]] = {}
    for name in proper:
        if keys[name]:
            by_surname.setdefault(keys[name][-1], []).append(name)
    for group in by_surname.values():
        long = [n for n in group if len(keys[n]) >= 2]
        for i, a in enumerate(long):
            for b in long[i + 1:]:
                ka, kb = keys[a], keys[b]
                short, longer = (ka, kb) if len(ka) <= len(kb) else (kb, ka)
                if not compatible(a, b):
                    continue
                if longer[-len(short):] == short:
                    union.union(a, b)
                elif len(ka) == len(kb) and ka[1:] == kb[1:] and (
                        fuzz.ratio(ka[0], kb[0]) >= 80 or ka[0].rstrip(".") == kb[0][:1] or kb[0].rstrip(".") == ka[0][:1]):
                    union.union(a, b)  # "Sergey Lavrov", "Sergei Lavrov", "S. Lavrov"
        for bare in (n for n in group if len(keys[n]) == 1):
            clusters = {union.find(n) for n in long if compatible(bare, n)}
            if len(clusters) == 1:
                union.union(clusters.pop(), bare)
    blocks: dict[tuple[int, str], list[str]] = {}
    for name in proper:  # one letter apart: "Zelensky", "Zelenskyy"
        if keys[name]:
            blocks.setdefault((len(keys[name]), keys[name][-1][:3]), []).append(name)
    for block in blocks.values():
        if len(block) > 200:
            continue
        for i, a in enumerate(block):
            for b in block[i + 1:]:
                if union.find(a) != union.find(b) and compatible(a, b) and keys[a][:-1] == keys[b][:-1] \
                        and fuzz.ratio(" ".join(keys[a]), " ".join(keys[b])) >= FUZZY_SAME:
                    union.union(a, b)
    clusters: dict[str, list[str]] = {}
    for name in names:
        clusters.setdefault(union.find(name), []).append(name)
    out: dict[str, str] = {}
    for members in clusters.values():
        display = max(members, key=lambda n: (2 <= len(keys[n]) <= 3, names[n][1], -len(n), n))
        for member in members:
            out[member] = display
    return out


# -- quotes of the library ---------------------------------------------------------------------

def _rows_to_quotes(rows: Sequence[Any]) -> list[Quote]:
    out: list[Quote] = []
    for row in rows:
        try:
            text, kind, start, end, speaker = row
            out.append(Quote(str(text), str(kind), int(start), int(end), speaker if isinstance(speaker, str) else None))
        except (TypeError, ValueError):
            continue
    return out


def quote_summaries(library: Library, records: Sequence[ArticleRecord], *, progress: Progress | None = None,
                    cancelled: Callable[[], bool] | None = None, problems: list[str] | None = None,
                    ) -> dict[str, dict[str, Any]]:
    """Quote rows and speaker kinds per article, analysing (on every core) what is not cached;
    one line per article that could not be read goes to ``problems``."""
    cache = AnalysisCache(library.path)
    entries = cache.summary.entries()
    out: dict[str, dict[str, Any]] = {}
    stale: list[ArticleRecord] = []
    for record in records:
        entry = entries.get(record.id)
        if summary_is_fresh(entry, source_key(record)):
            assert entry is not None
            out[record.id] = entry
        else:
            stale.append(record)
    if stale:
        texts = article_texts(library, stale)
        if problems is not None:
            problems.extend(texts.problems)
        items = [(r.id, texts.by_id[r.id].hash, texts.by_id[r.id].text, source_key(r))
                 for r in stale if r.id in texts.by_id]
        out.update(library_quotes(cache, items, progress=progress, cancelled=cancelled))
    return out


Row = tuple[str, str, int, int, str | None]
"""A quote as kept in ``quotes.json``: text, kind, start, end, speaker."""


def _corrected_rows(library: Library, records: Sequence[ArticleRecord], summaries: dict[str, dict[str, Any]],
                    ) -> list[tuple[ArticleRecord, list[Any], dict[str, str]]]:
    """Each article's quote rows with the corrections laid over them (rows stay plain lists
    for the many articles without corrections: no objects made for them)."""
    corrections = Corrections(library).by_article()
    needs_text = [r for r in records if r.id in corrections and r.id in summaries
                  and any(c.text_hash != summaries[r.id].get("hash") for c in corrections[r.id])]
    texts = article_texts(library, needs_text).by_id if needs_text else {}
    out: list[tuple[ArticleRecord, list[Any], dict[str, str]]] = []
    for record in records:
        entry = summaries.get(record.id)
        if entry is None:
            continue
        rows = entry.get("quotes") or []
        fixes = corrections.get(record.id)
        if fixes:
            text = texts.get(record.id)
            if text is not None:
                fixes = Corrections(library).for_article(record.id, text.text)
            rows = [[q.text, q.kind, q.start, q.end, q.speaker]
                    for q in apply_to_quotes(_rows_to_quotes(rows), fixes)]
        labels = entry.get("labels")
        labels = labels if isinstance(labels, dict) else {}
        kinds = {c.entity.casefold(): c.label for c in fixes or () if c.kind == ENTITY_KIND}
        if kinds:  # a name's kind fixed by hand is the speaker's kind too ("NONE": no kind)
            labels = {**labels, **{r[4]: kinds[r[4].casefold()] for r in rows
                                   if len(r) == 5 and isinstance(r[4], str) and r[4].casefold() in kinds}}
            labels = {name: label for name, label in labels.items() if label != NOT_AN_ENTITY}
        out.append((record, rows, labels))
    return out


def library_quotes_of(library: Library, records: Sequence[ArticleRecord], *, progress: Progress | None = None,
                      cancelled: Callable[[], bool] | None = None, with_quotes: bool = True,
                      only: str | None = None, problems: list[str] | None = None,
                      ) -> tuple[list[LibraryQuote], dict[str, Speaker]]:
    """Every quote of ``records`` (corrections applied) and the merged speakers, most quoted first.

    ``with_quotes=False`` counts only (the quotes list comes back empty): what the speakers
    list needs, without making an object per quote; ``only``: the quotes of that merged speaker.
    """
    summaries = quote_summaries(library, records, progress=progress, cancelled=cancelled, problems=problems)
    per_article = _corrected_rows(library, records, summaries)
    names: dict[str, tuple[str, int]] = {}
    for _record, rows, labels in per_article:
        for row in rows:
            speaker = row[4] if len(row) == 5 else None
            if isinstance(speaker, str) and speaker:
                label, count = names.get(speaker, ("", 0))
                names[speaker] = (label or str(labels.get(speaker, "")), count + 1)
    merged = merge_names(names)
    speakers: dict[str, Speaker] = {}
    out: list[LibraryQuote] = []
    for record, rows, _labels in per_article:
        for row in rows:
            if len(row) != 5:
                continue
            text, kind, start, end, speaker = row
            speaker = speaker if isinstance(speaker, str) and speaker else None
            person = merged.get(speaker) if speaker else None
            if with_quotes and (only is None or person == only):
                out.append(LibraryQuote(record.id, record.title, record.source, str(text), str(kind), int(start),
                                        int(end), speaker, person))
            if person is None:
                continue
            found = speakers.get(person)
            if found is None:
                found = speakers[person] = Speaker(person, names[person][0] if person in names else "")
            found.aliases.add(speaker or person)
            found.counts[kind] += 1
            found.articles.add(record.id)
    ordered = dict(sorted(speakers.items(), key=lambda kv: (-kv[1].total, -len(kv[1].articles), kv[0].casefold())))
    return out, ordered


def speaker_candidates(speakers: dict[str, Speaker], name: str) -> list[Speaker]:
    """The merged speakers ``name`` may mean: the one written with the same words, else every
    speaker one of whose names ends with those words ("Lavrov")."""
    wanted = tuple(fold(w) for w in _words(name))
    if not wanted:
        return []
    ending: list[Speaker] = []
    for speaker in speakers.values():
        forms = [tuple(fold(w) for w in _words(alias)) for alias in speaker.aliases | {speaker.name}]
        if wanted in forms:
            return [speaker]
        if any(len(f) > len(wanted) and f[-len(wanted):] == wanted for f in forms):
            ending.append(speaker)
    return ending


def find_speaker(speakers: dict[str, Speaker], name: str) -> Speaker | None:
    """The one merged speaker ``name`` means, or None (none, or more than one: see
    :func:`speaker_candidates`)."""
    found = speaker_candidates(speakers, name)
    return found[0] if len(found) == 1 else None


def no_such_speaker(speakers: dict[str, Speaker], name: str) -> str:
    """Why ``name`` names no one speaker, in one line."""
    from reader.sanitize import clean_line

    found = speaker_candidates(speakers, name)
    if len(found) > 1:
        names = ", ".join(clean_line(s.name) for s in found[:5]) + (", ..." if len(found) > 5 else "")
        return f"{clean_line(name)}: more than one speaker has this name ({names}); give the full name"
    return f"{clean_line(name)}: no quotes by this speaker"
