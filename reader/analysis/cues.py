"""Cues: the verbs and phrases of saying ("said", "told", "according to"), found in one pass.

A cue outside every quotation may report speech of the writer's sentence; one inside a quotation
("he told me we had whatever we needed") reports a third party and is kept apart, since only a named
subject makes it a report. Both lists are in text order, so later stages look cues up by offset.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from dataclasses import dataclass, field

from reader import patterns
from reader.analysis.lexicon import (
    HEARING_BODIES,
    NOUNISH_VERB_FORMS,
    OPINION_VERBS,
    REPORT_VERBS,
    TELL_VERBS,
    alternation,
)
from reader.analysis.marks import Quoted
from reader.analysis.speakers import speaker_noun


def trie_pattern(words: list[str]) -> str:
    """A regex alternation factored by prefix, so matching a big word list stays fast."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        end = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end else body

    return build(trie)


VERB_RE = patterns.compile(r"(?<![\w’'-])(?:[Aa]ccording to|(?:point|points|pointed|pointing) out|heard|"
                     + trie_pattern(sorted(REPORT_VERBS)) + r")(?![\w’'-])")
# British court reporting: "..., an inquest has heard", "the jury heard that ...".
_HEARING_BEFORE_RE = patterns.compile(rf"(?<![\w’'-])(?:{alternation(HEARING_BODIES)})"
                                r"(?:\s+(?:has|have|had|was|were))?\s+$", re.I)
# A passive cue ("had barely been mentioned", "was announced"): its subject is not the one who spoke
# (though one who "was told" or "was warned" that ... passes on what was said to them).
_BE = frozenset({"is", "are", "was", "were", "be", "been", "being"})
_AS_SAYING_AFTER_RE = patterns.compile(r"\s+as\s+(?:saying|telling|writing)\b")
# Words after which a cue word is a noun ("secretary of state", "the report", "his tweet").
NOUN_MARKERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "those", "of"})
PREV_WORD_RE = patterns.compile(r"(\w+)\s+(?:\w+ly\s+|also\s+|then\s+|later\s+)?$")


@dataclass(slots=True)
class Cues:
    """The cues of one text: ``hits`` outside quotations, ``inner`` inside them, both in text order."""

    hits: list[re.Match[str]] = field(default_factory=list)
    inner: list[re.Match[str]] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)

    def starts_of(self) -> tuple[array[int], array[int]]:
        """The offsets of the cues outside and inside quotations, to send to another process
        (a match object cannot be pickled; an array of numbers pickles fastest); :meth:`at` makes
        the cues again from them."""
        return array("q", self.starts), array("q", [m.start() for m in self.inner])

    @classmethod
    def at(cls, text: str, hits: array[int], inner: array[int]) -> Cues:
        """The cues of ``text`` found at these offsets (as :meth:`starts_of` gave them): the cue
        pattern matched at a cue's offset is the match the search found there."""
        match = VERB_RE.match
        starts = hits.tolist()
        found = [match(text, pos) for pos in starts]
        found_inner = [match(text, pos) for pos in inner.tolist()]
        # the offsets came from this pattern's own search (one check for all: this runs in the
        # serial part of the parallel analysis, on 30,000 cues for a long article)
        assert None not in found and None not in found_inner
        return cls(found, found_inner, starts)  # type: ignore[arg-type]

    def between(self, start: int, end: int) -> list[re.Match[str]]:
        """The cues outside quotations that start in ``[start, end)``."""
        return self.hits[bisect_left(self.starts, start):bisect_left(self.starts, end)]


def speaker_or_pronoun(low: str) -> bool:
    """Could ``low`` head a speaker ("the ministry states.", "he notes,")?"""
    return speaker_noun(low) or low in ("he", "she", "it", "they", "we", "i")


def _word_facts(word: str) -> tuple[bool, bool, bool, bool, bool]:
    """What :func:`find_cues` asks of a cue word, asked once per distinct word (a long article has
    tens of thousands of cues but a few hundred cue words): is it "heard", an opinion verb, a
    noun-like form, "according to", and may a "be" before it make it passive."""
    accord = word.lower().startswith("accord")
    facts = (word == "heard", word in OPINION_VERBS, word in NOUNISH_VERB_FORMS, accord,
             not word.endswith("ing") and word not in TELL_VERBS and not accord)
    _WORD_FACTS[word] = facts
    return facts


_WORD_FACTS: dict[str, tuple[bool, bool, bool, bool, bool]] = {}


def find_cues(text: str, quoted: list[Quoted]) -> Cues:
    """Every cue of ``text``, split by whether it lies inside a quotation (one merge-walk: both the
    cues and the quoted spans are sorted, and quoted spans never overlap)."""
    cues = Cues()
    opens = [q.open for q in quoted]
    closes = [q.close for q in quoted]
    n, k = len(opens), 0
    hits, inner = cues.hits.append, cues.inner.append
    starts = cues.starts.append
    known = _WORD_FACTS.get
    for m in VERB_RE.finditer(text):
        pos, end = m.span()
        word = m.group()
        heard, opinion, nounish, accord, passive_check = known(word) or _word_facts(word)
        if heard and not _HEARING_BEFORE_RE.search(text, max(0, pos - 30), pos):
            continue  # "heard" reports only what a court or inquest heard ("the inquest heard that")
        if opinion and text.startswith(" to ", end):
            continue  # "companies hoping to invest", "expects to": an intention, not a report
        if nounish and text[end:end + 1] in ".,;" and \
                (prev := PREV_WORD_RE.search(text, max(0, pos - 24), pos)) and \
                prev.group(1).islower() and not speaker_or_pronoun(prev.group(1).lower()):
            continue  # "39 island and coastal states.": a plural noun, not a verb
        if not accord:
            # the last two words before the cue (rsplit: only they are looked at)
            before = text[pos - 24 if pos > 24 else 0:pos].rsplit(None, 2)
            last = before[-1].lower() if before else ""
            if last in NOUN_MARKERS:
                continue  # "the secretary of state", "his tweet", "the report": a noun
            if passive_check and (
                    last in _BE or len(before) > 1 and (last.endswith("ly") or last in ("not", "also"))
                    and before[-2].lower() in _BE) and not _AS_SAYING_AFTER_RE.match(text, end):
                continue  # "North Korea's ambitions have barely been mentioned": no one speaks here
        while k < n and closes[k] <= pos:
            k += 1
        if k < n and opens[k] < pos:
            inner(m)
        else:
            hits(m)
            starts(pos)
    return cues
