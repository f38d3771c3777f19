"""Full-text search over the whole library: article text, titles, notes and tags.

Words and "phrases in quotes", case- and accent-insensitive, "ss" finding "ß" and "ae" "æ"
(:mod:`reader.services.fold`; offsets are mapped back to the article's own text),
a word matching at the start of a word ("minister" finds "ministers"). An article matches
when every term occurs somewhere in it (text, title, a note or a tag). Results are ranked:
title and tag hits weigh most, then notes, then how often the terms occur in the text
(log-scaled, so a long article does not win by length alone).

The index stays correct by construction: titles, notes and tags are read from the library
as they are now, and texts from the text cache, which re-reads any source that changed
(:mod:`reader.services.texts`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from reader.services.fold import IDENTITY, FoldMap, Term, fold, fold_map, parse_query
from reader.services.notes_index import NoteText, note_records, note_text
from reader.services.texts import ArticleText, article_texts

if TYPE_CHECKING:
    from reader.store import ArticleRecord, Library

SNIPPET_CONTEXT = 60
MAX_TEXT_MATCHES = 3
MAX_COUNTED = 50
"""Occurrences counted per term and article for ranking (enough to rank; bounded work)."""


@dataclass(frozen=True, slots=True)
class Match:
    """Where a result matched: ``field`` is ``text``, ``title``, ``note`` or ``tag``."""

    field: str
    snippet: str
    start: int = -1
    end: int = -1
    note: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The match in ``reader search --json``."""
        out: dict[str, Any] = {"in": self.field, "snippet": self.snippet}
        if self.start >= 0:
            out["start"], out["end"] = self.start, self.end
        if self.note is not None:
            out["note"] = self.note
        return out


@dataclass(slots=True)
class Result:
    """One matching article, its score and where it matched."""

    id: str
    title: str
    source: str
    score: float
    matches: list[Match] = field(default_factory=list)

    @property
    def offset(self) -> int:
        """Where to open the article: the first match with a position, else the start."""
        return next((m.start for m in self.matches if m.start >= 0), 0)

    def to_json(self) -> dict[str, Any]:
        """One result in ``reader search --json``."""
        return {"id": self.id, "title": self.title, "source": self.source, "score": round(self.score, 3),
                "matches": [m.to_json() for m in self.matches]}


def snippet(text: str, start: int, end: int, context: int = SNIPPET_CONTEXT) -> str:
    """The match with some context either side, on one line, with … where it was cut."""
    lo, hi = max(0, start - context), min(len(text), end + context)
    if lo > 0:
        space = text.find(" ", lo, start)
        lo = space + 1 if space != -1 else lo
    if hi < len(text):
        space = text.rfind(" ", end, hi)
        hi = space if space != -1 else hi
    body = " ".join(text[lo:hi].split())
    return ("…" if lo > 0 else "") + body + ("…" if hi < len(text) else "")


def _words(value: object) -> str:
    """A stored note field (text, or a list of tags) as words; anything else as nothing."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return " ".join(v for v in value if isinstance(v, str))
    return ""


def _hits(term: Term, folded: str, limit: int, source: str | ArticleText | None) -> list[tuple[int, int]]:
    """Up to ``limit`` spans of ``folded`` where ``term`` matches, leaving out the matches that
    begin inside one character's fold ("4" in "¼" = "1⁄4"): no span of the text holds them.

    ``source`` is the text ``folded`` was folded from, or the article whose text it is (its
    :class:`FoldMap` is kept in the text cache), or None for a first sift that checks nothing.
    The map is only asked for once a match is found, and is the identity, with nothing to
    check, for nearly every text.
    """
    if term.needle not in folded:
        return []
    mapping: FoldMap | None = None
    out: list[tuple[int, int]] = []
    for match in term.pattern.finditer(folded):
        if mapping is None:
            mapping = IDENTITY if source is None else fold_map(source) if isinstance(source, str) else source.fold_map
        if mapping is not IDENTITY and not mapping.is_boundary(match.start()):
            continue
        out.append(match.span())
        if len(out) >= limit:
            break
    return out


def search(library: Library, query: str, *, tag: str | None = None, limit: int | None = None,
           records: Sequence[ArticleRecord] | None = None, problems: list[str] | None = None) -> list[Result]:
    """The articles matching ``query`` (see the module docstring), best first.

    An article whose text cannot be read is still searched by its title, notes and tags; one
    line saying so per article is added to ``problems``."""
    terms = parse_query(query)
    if not terms:
        return []
    if records is None:
        records = library.articles(tag=tag, sort="title")
    notes_by_article = note_records(library)
    found_texts = article_texts(library, records)
    if problems is not None:
        problems.extend(found_texts.problems)
    texts = found_texts.by_id
    results: list[Result] = []
    for record in records:
        text = texts.get(record.id)
        title = fold(record.title)
        tags = [(t, fold(t)) for t in record.tags]
        records_of_notes = notes_by_article.get(record.id, [])
        # A note is found by its words and tags; its passage is article text, searched below.
        notes_folded = fold("\n".join(f"{_words(doc.get('note'))} {_words(doc.get('tags'))}"
                                      for _nid, doc in records_of_notes)) if records_of_notes else ""
        notes: list[NoteText] = []
        score = 0.0
        text_hits: list[tuple[int, int]] = []
        note_hits: dict[str, NoteText] = {}
        title_hit = False
        tag_hits: set[str] = set()
        for term in terms:
            found = False
            if _hits(term, title, 1, record.title):
                score += 5
                title_hit = found = True
            for raw, folded in tags:
                if _hits(term, folded, 1, raw):
                    score += 4
                    tag_hits.add(raw)
                    found = True
            if notes_folded and _hits(term, notes_folded, 1, None):  # a first sift: each note is checked below
                if not notes:
                    notes = [n for n in (note_text(nid, doc) for nid, doc in records_of_notes) if n is not None]
                for note in notes:
                    if _hits(term, fold(note.note), 1, note.note) or any(_hits(term, fold(t), 1, t) for t in note.tags):
                        score += 2
                        note_hits.setdefault(note.id, note)
                        found = True
            if text is not None:
                hits = _hits(term, text.folded, MAX_COUNTED, text)
                if hits:
                    score += 1 + math.log1p(len(hits)) + (1 if term.phrase else 0)
                    text_hits.extend(hits[:MAX_TEXT_MATCHES])
                    found = True
            if not found:
                break
        else:
            result = Result(record.id, record.title, record.source, score)
            if title_hit:
                result.matches.append(Match("title", record.title))
            result.matches += [Match("tag", "#" + t) for t in record.tags if t in tag_hits]
            if text is not None:
                spans = (text.source_span(start, end) for start, end in sorted(set(text_hits)))
                for start, end in [span for span in spans if span is not None][:MAX_TEXT_MATCHES]:
                    result.matches.append(Match("text", snippet(text.text, start, end), start, end))
            for note in sorted(note_hits.values(), key=lambda n: (n.start, n.end)):
                body = " ".join(note.note.split()) or " ".join(note.quote.split())
                result.matches.append(Match("note", body[:160], note.start, note.end, note.id))
            results.append(result)
    results.sort(key=lambda r: (-r.score, r.title.casefold(), r.id))
    return results[:limit] if limit is not None else results
