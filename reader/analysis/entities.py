"""Named entities by rule: capitalised word runs, classified from the words in and around them.

The finder works in stages:

1. candidates: one regular expression finds every run of capitalised words (with name particles
   such as "al-", "de", "van", initials, and "of"/"for" after words that take them: "University
   of Oxford"); ``_groups`` splits a run into names ("US-backed", "X and Y", a phrase in headline
   case, a place or organisation before a title) and ``_judge`` trims each (sentence openers,
   "Jr.", a trailing "Gov.") and strips titles;
2. votes: the named rules of ``entity_rules`` vote on each name, phase by phase (every rule has its
   own examples, run as tests); ``explain(text)`` says which fired;
3. headlines: in a title-case line, or a phrase in headline case, only names the rest of the text
   or the gazetteers know stand;
4. pairs: coordinated names share evidence ("X and Y districts");
5. pooling: votes are summed per surface form and the winner spread to every mention; a surname
   takes the label and canonical name of the full name it shortens, a name in capitals that of
   the same name in ordinary case, a lone speaker with no other evidence is a person or an
   organisation by its shape.
"""
from __future__ import annotations

import re
import string
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Literal

from reader import patterns
from reader.analysis import entity_rules as rules
from reader.analysis.entity_rules import DATELINE_RE, INVERTED_NAME_RE, Judgement, Pair
from reader.analysis.entity_words import (
    ABBREVIATED_TITLES,
    CENTRES,
    FIRST_NAMES,
    FUNCTION_CAPS,
    HYPHEN_ADJECTIVES,
    INSTITUTE_CENTRE,
    MEDIUM,
    NAME_PARTICLES,
    NOBLE_TITLES,
    OF_ABLE,
    ORG_OF_HEADS,
    PLACE_ABBREVIATIONS,
    REGIONS,
    STRONG,
    STRONG_TITLES,
    SURNAME_NOUNS,
    SURNAME_SUFFIXES,
    TITLE_SMALL_WORDS,
    TITLES_ROLES,
    WEAK,
)
from reader.analysis.lexicon import (
    COMMON_CAPS,
    DEMONYMS,
    KNOWN_ORGS,
    MONTHS,
    NAME_NOUNS,
    ORG_HEADS,
    ORG_OPENERS,
    PERSON_TITLES,
    PLACE_HEADS,
    PLACE_OPENERS,
    VENUE_NOUNS,
    WEEKDAYS,
    places,
)
from reader.analysis.model import Mention
from reader.analysis.records import dict_maker
from reader.analysis.segment import Segments

__all__ = ["DATELINE_RE", "EntityFinder", "explain", "lower_vocabulary", "surname_key", "words_before"]

_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĖĘĚĜĞĠĢĤĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŖŘŚŜŞŠŢŤŪŮŰŲŴŶŹŻŽ"
_PREFIX = r"(?:(?:al|el|ad|as|an|ar|at|az|ash|bin|ibn|abu|de|da|di|du|la|le|van|von|der|den|d|o)[-’'])"
# Head words a possessive "'s" may precede inside a name ("St Agnes's Hospital", "Children's Trust").
_POSSESSIVE_HEADS = ("Hospital|Hospitals|School|College|Church|Cathedral|Chapel|Abbey|Infirmary|Hospice|Park|Hall|"
                     "Institute|Academy|Centre|Center|Square|Road|Street|Green|Court|Bay|Island|Head|Cross|Gate|"
                     "Home|Trust|Fund|Society|Club|Union|Association|League|Guild|Inn|Market|University|Wood")
# A single capital and a full stop before another capitalised word is an initial ("James B. Cole").
_WORD = (rf"(?:(?:[A-Z]\.){{2,}}|(?:St|Mt|Ft)\.(?= [A-Z])|[A-Z]\.(?= [{_UPPER}])|{_PREFIX}?[{_UPPER}][\w]*(?:[’'](?![sS]\b)\w+)*(?:-\w+)*"
         rf"(?:(?<=s)[’'](?= [A-Z])|[’']s(?= (?:{_POSSESSIVE_HEADS})\b))?)")
_CONNECTOR = r"(?: (?:of|for|de|del|della|di|da|du|van|von|der|den|la|le|bin|ibn|al|el|&|and)(?: the)? | )"
# The leading look-ahead is a single character-class test (capitals and the first letters of the
# name particles) that lets the scanner skip most positions cheaply; it matches exactly the same runs.
_FIRST_CHARS = _UPPER + "adeilbvo"
CANDIDATE_RE = patterns.compile(rf"(?=[{_FIRST_CHARS}])(?<![\w’'-]){_WORD}(?:{_CONNECTOR}{_WORD})*")
_WORD_RE = patterns.compile(_WORD)
# The runs of CANDIDATE_RE that open with a capital, as a pattern that opens with the capital
# itself: the engine then tests only positions holding one (four times faster than a pattern
# opening with look-arounds, which is tried at every position). The look-behind comes after the
# capital, and each of _WORD's alternatives goes on from it.
_UPPER_WORD_REST = (rf"(?:(?<=[A-Z])\.(?:[A-Z]\.)+|(?<=[SMF])t\.(?= [A-Z])|(?<=[A-Z])\.(?= [{_UPPER}])"
                    rf"|[\w]*(?:[’'](?![sS]\b)\w+)*(?:-\w+)*"
                    rf"(?:(?<=s)[’'](?= [A-Z])|[’']s(?= (?:{_POSSESSIVE_HEADS})\b))?)")
_CAPITAL_RUN_RE = patterns.compile(rf"[{_UPPER}](?<![\w’'-].){_UPPER_WORD_REST}(?:{_CONNECTOR}{_WORD})*")
# Where a particle-led run ("al-Assad", "d'Estaing") can start: a hyphen or apostrophe before a
# capital. One pattern a mark: a pattern opening with one character is searched for that character
# alone, three times faster over a long text than one pattern opening with the class [-’'].
_PARTICLE_JOIN_RES = tuple(patterns.compile(rf"{mark}(?=[{_UPPER}])") for mark in "-’'")
# Possessive quantifiers: same matches, without backtracking at every start position of the search.
# The two words before a name: what ``_PREV_RE.search(text, start - 40, start)`` finds ending at
# the name (see :func:`words_before`, which reads the same from the right, without the search's
# attempt at every position of the window).
_PREV_RE = patterns.compile(r"(?:([A-Za-z][\w’'-]*+)[ ,]++)?([A-Za-z][\w’'-]*+)\.?[ ]*$")
_PREV_WINDOW = 40
# The window before a name, reversed: trailing spaces, a full stop, the word before (its
# characters), the spaces and commas before that, and the word before that. Each class is
# disjoint from the next, so the greedy runs are the maximal ones.
_PREV_REVERSED_RE = patterns.compile(r"( *)(\.?)([\w’'-]*)([ ,]*)([\w’'-]*)")
_ASCII_LETTER_RE = patterns.compile(r"[A-Za-z]")
_NEXT_RE = patterns.compile(r"(?:[’']s)?[ ]+(?:news )?([a-z][\w-]*)(?:[ ]([a-z][\w-]*))?")
_ADJ_HYPHEN_RE = patterns.compile(r"(.*[^\W_])-[a-z]+$")
_CONTRACTION_RE = patterns.compile(r"^(?:I|You|We|They|He|She|It|That|There|What|Who|Let)[’'](?:d|m|ll|ve|re|s)$")
_VOCAB_CHUNK = 1 << 18  # characters split at once by lower_vocabulary (then on to the line's end)
_VOCAB_STRIP = "".join(c for c in string.punctuation if c != "-") + "“”‘’«»„…•·\u00a0\u202f"
_SENTENCE_ENDS = ".!?:\n;|"  # what _sentence_initial finds before a sentence's first word
_SATURATED = 6  # judgements of one surface form before later ones reuse it
_PLAN_TRIES = 24  # occurrences of a run before the fast path stops waiting for its names to saturate
_BYLINE_RE = patterns.compile(r"(?:by|from|with)\s", re.I)
_HEADLINE_NAME_WORDS = 4  # the longest name looked up inside a title-case headline
# Capitalised inside a run, these make it a headline-case phrase rather than a name.
_HEADLINE_SMALL = (TITLE_SMALL_WORDS | FUNCTION_CAPS | frozenset({
    "has", "have", "had", "was", "were", "will", "can", "could", "would", "should", "does", "did", "may",
    "might", "must", "about", "through", "under", "against", "without", "between", "says", "said"})) - frozenset(
    {"of", "and", "the", "for", "i", "a"})
_PLACES = places() | REGIONS  # the gazetteer, with mountain ranges, seas, regions and former states
_NAME_HEADS = ORG_HEADS | PLACE_HEADS | NAME_NOUNS | VENUE_NOUNS
_PHASE_RULES = {phase: rules.phase_rules(phase) for phase in rules.PHASES}
_RERUN_RULES = tuple(r for r in _PHASE_RULES["name"].rules if r.rerun)
_PAIR_RULES_BY_GAP = _PHASE_RULES["pair"].by_gap()


@dataclass(slots=True)
class _Candidate:
    start: int
    end: int
    text: str
    key: str
    votes: dict[str, int] = field(default_factory=dict)
    words: int = 1
    headline: bool = False  # cut from a phrase in headline case inside a sentence


def candidate_runs(text: str) -> list[re.Match[str]]:
    """The matches of ``CANDIDATE_RE.finditer(text)``, found about twice as fast.

    Runs opening with a capital come from ``_CAPITAL_RUN_RE``, all found at once (in C: a list
    iterates faster than a generator merging as it goes); the rare ones opening with a name
    particle are CANDIDATE_RE's own matches at the particles before a hyphen or apostrophe and a
    capital. They are merged as a single search would go: the leftmost run first, the search
    going on from its end. After a particle-led run, the capital runs starting inside it are
    searched again from its end, until a run found again is one found before (from there the
    two searches agree).
    """
    runs = list(_CAPITAL_RUN_RE.finditer(text))
    particles: list[re.Match[str]] = []
    for at in sorted(join.start() for pattern in _PARTICLE_JOIN_RES for join in pattern.finditer(text)):
        for start in range(at - 1, max(-1, at - 4), -1):  # the particles are one to three letters
            if text[start].islower() and (run := CANDIDATE_RE.match(text, start)) is not None:
                particles.append(run)
                break
    if not particles:
        return runs
    starts = [run.start() for run in runs]
    merged: list[re.Match[str]] = []
    i = pos = 0  # the next capital run; the end of the last run taken
    for particle in particles:
        at = particle.start()
        before = bisect_left(starts, at, i)  # the capital runs starting before the particle
        if before > i:
            merged += runs[i:before]
            pos = runs[before - 1].end()
            i = before
        if at < pos:
            continue  # inside a run found before
        merged.append(particle)
        pos = particle.end()
        if i < len(runs) and starts[i] < pos:  # search again after the particle-led run
            again: list[re.Match[str]] = []
            resume = len(runs)
            for run in _CAPITAL_RUN_RE.finditer(text, pos):
                k = bisect_left(starts, run.start(), i)
                if k < len(runs) and starts[k] == run.start() and runs[k].end() == run.end():
                    resume = k
                    break
                again.append(run)
            runs[i:resume] = again
            starts[i:resume] = [run.start() for run in again]
    merged += runs[i:]
    return merged


def words_before(text: str, start: int) -> tuple[str, str] | None:
    """The word before ``start`` and the one before that ("" if none), as groups 2 and 1 of
    ``_PREV_RE.search(text, start - 40, start)`` when that match ends at ``start``; else None.

    Read from the right: the search tries the pattern at each of the window's 40 positions
    (about 6 µs a name); here one match on the reversed window finds the runs the pattern can
    only take, and the leftmost match is worked out from them:

    * the last word is the run of word characters before the trailing spaces and full stop;
    * with a word before it (a run of spaces and commas between them, the last word opening
      with an ASCII letter), the match opens at the first ASCII letter of that earlier word's
      run;
    * else it opens at the first ASCII letter of the last word's run, with no earlier word.
    """
    lo = max(0, start - _PREV_WINDOW)
    runs = _PREV_REVERSED_RE.match(text[lo:start][::-1])
    assert runs is not None  # every part may be empty
    tail, stop, last, gap, earlier = map(len, runs.groups())
    last_end = start - tail - stop
    last_start = last_end - last
    if last and gap and earlier and _ASCII_LETTER_RE.match(text, last_start):
        gap_start = last_start - gap
        first = _ASCII_LETTER_RE.search(text, gap_start - earlier, gap_start)
        if first is not None:
            return text[first.start():gap_start], text[last_start:last_end]
    first = _ASCII_LETTER_RE.search(text, last_start, last_end)
    if first is None:
        return None
    return "", text[first.start():last_end]


_mention = dict_maker(Mention)
"""``Mention(text, label, start, end, entity)``, its ``__dict__`` given at once (about half the time of
its ``__init__``; see reader.analysis.records)."""


def _key(surface: str) -> str:
    return surface.replace("’", "'")


def surname_key(surname: dict[str, str], key: str) -> str:
    """The key of the full name a surname shortens (or the surname itself)."""
    return _key(surname.get(key, key))


_GENERATIONS = frozenset({"Jr", "Sr", "Jnr", "Snr", "II", "III", "IV"})
_JUNIOR = frozenset({"Jr", "Sr", "Jnr", "Snr"})


_PARTICLE_PREFIX_RE = patterns.compile(r"^(?:al|el|ad|as|an|ar|at|az|ash|bin|ibn|abu)[-’']")

def _surname_forms(name: str) -> list[str]:
    """Short forms a full personal name is referred back by: "al-Assad" and "Assad"; the surname
    before a generation ("Biden" in "Joseph R. Biden Jr")."""
    words = name.split()
    if len(words) > 2 and words[-1].rstrip(".") in _GENERATIONS:
        words = words[:-1]
    last = words[-1]
    forms = [last]
    stripped = _PARTICLE_PREFIX_RE.sub("", last)
    if stripped != last and stripped[:1].isupper():
        forms.append(stripped)
    return forms


def lower_vocabulary(text: str) -> set[str]:
    """The lower-case ASCII words of ``text`` (two letters or more), used to tell a capitalised
    sentence opener that is an ordinary word ("Separately") from a name.

    Split on white space, full stops and dashes, with punctuation stripped from each distinct token:
    about three times faster than a regular expression over the whole text. Words with an inner
    apostrophe, hyphen or digit ("don't", "e-mail") are not words here.
    """
    tokens: set[str] = set()
    at, size = 0, len(text)
    while at < size:  # in chunks of whole lines: memory stays bounded on a book-length text
        cut = text.find("\n", at + _VOCAB_CHUNK)
        cut = size if cut < 0 else cut + 1
        tokens.update(text[at:cut].replace(".", " ").replace("—", " ").replace("–", " ").replace("/", " ").split())
        at = cut
    return {w for w in (t.strip(_VOCAB_STRIP) for t in tokens)
            if len(w) > 1 and w.isascii() and w.isalpha() and w.islower()}


class EntityFinder:
    """Finds and labels the named entities of one text."""

    def __init__(self, text: str, segments: Segments, trace: bool = False) -> None:
        self.text = text
        # When tracing: (surface, names of the rules that fired) for every run judged, uncached.
        self.trace: list[tuple[str, tuple[str, ...]]] | None = [] if trace else None
        self.segments = segments
        self.lower_vocab = lower_vocabulary(text)
        self.places = _PLACES
        self._para_flags: dict[int, tuple[bool, bool]] = {}
        self._cache: dict[tuple[str, bool], list] = {}
        self._group_cache: dict[str, list[tuple[list[tuple[int, int]], bool]]] = {}
        self._dropped_words: dict[str, bool] = {}
        # Per run, by whether it opens a sentence (False, True): its plan (see _plan), and the
        # occurrences that found a name of it not yet saturated.
        self._plans: tuple[dict[str, tuple | Literal[False]], ...] = ({}, {})
        self._plan_tries: tuple[dict[str, int], ...] = ({}, {})
        # ... and the cache key of the name that was not saturated when its plan was last tried.
        self._waiting: tuple[dict[str, tuple[str, bool]], ...] = ({}, {})
        self._para_starts = [p.start for p in segments.paragraphs]

    def _flags(self, para_i: int) -> tuple[bool, bool]:
        """(title-case headline, mostly upper-case) for a paragraph, computed once."""
        if para_i < 0:
            return False, False
        flags = self._para_flags.get(para_i)
        if flags is None:
            para = self.segments.paragraphs[para_i]
            flags = self._para_flags[para_i] = self._paragraph_flags(para.start, para.end)
        return flags

    def _paragraph_flags(self, start: int, end: int) -> tuple[bool, bool]:
        """(title-case headline, mostly upper-case) for one paragraph."""
        if end - start > 200 or self.text[end - 1] in ".!?\"”’":
            return False, False
        chunk = self.text[start:end]
        words = [w for w in chunk.split() if w[:1].isalpha()]
        if not words:
            return False, False
        upper = sum(1 for w in words if w.isupper() and len(w) > 1)
        caps = sum(1 for w in words if w[:1].isupper() or w.lower() in TITLE_SMALL_WORDS)
        titlecase = (len(words) >= 3 and caps == len(words) and chunk.rstrip()[-1:] not in ".!?\"”"
                     and not _BYLINE_RE.match(chunk))
        return titlecase, upper * 2 > len(words)

    def _sentence_initial(self, start: int) -> bool:
        """True when ``start`` opens a sentence, paragraph or quotation."""
        i = start - 1
        text = self.text
        while i >= 0 and text[i] in " \t\"“‘'«(“[—–-":
            if text[i] in "\"“‘'«" and i + 1 < len(text) and i >= 1 and text[i - 1] in " \n\t":
                return True
            i -= 1
        return i < 0 or text[i] in _SENTENCE_ENDS

    def find(self) -> list[Mention]:
        """All entity mentions, sorted by start."""
        return self.votes(self.candidates())

    def candidates(self) -> list[_Candidate]:
        """The pipeline's "entity candidates" stage: capitalised runs, judged one by one."""
        return self._headlines_known_names(self._candidates())

    def votes(self, candidates: list[_Candidate]) -> list[Mention]:
        """The pipeline's "entity votes" stage: candidates weighed together into mentions."""
        self._coordinate(candidates)
        return self._resolve(candidates)

    def _headlines_known_names(self, cands: list[_Candidate]) -> list[_Candidate]:
        """In a title-case headline (or a phrase in headline case inside a sentence), only names
        the rest of the text (or the gazetteers) know.

        "Mayor Defends Budget Cuts", "Chipmaker Halvorsen Warns of Slower Growth": when every word
        is capitalised, capitals say nothing, and a title ("Mayor") before capitalised verbs would
        make a person of them. The candidates found there are replaced by the longest word runs
        that are also found as names elsewhere in the text (they take those names' labels) or are
        known places and organisations, plus the candidates whose own words make them an
        organisation or a place.
        """
        known_flags = self._para_flags  # most paragraphs' flags are known by now (a tuple is true)
        heads = [(p.start, p.end) for i, p in enumerate(self.segments.paragraphs)
                 if (known_flags.get(i) or self._flags(i))[0]]
        # Phrases in headline case inside a sentence ("Donald Trump Could Become President") too.
        heads += [(c.start, c.end) for c in cands if c.headline]
        if not heads:
            return cands
        heads.sort()
        head_starts = [a for a, _ in heads]

        def in_head(pos: int) -> bool:
            i = bisect_right(head_starts, pos) - 1
            return i >= 0 and pos < heads[i][1]

        body = [c for c in cands if not in_head(c.start)]
        known = {c.key for c in body if c.votes}
        for key in [k for k in known if " " in k]:  # "Halvorsen" for Halvorsen Semiconductor, "Okafor"
            known.add(key.split()[0])
            known.update(_surname_forms(key))
        text = self.text
        # A name that is an organisation or place by its own words ("Rushford Rovers" in a score
        # line, "Ministry of Health") stands even when the body does not repeat it.
        # So does a given name and a surname closing a caption or credit ("..., by Anna Berg (1505)").
        found = [c for c in cands if in_head(c.start) and (
            max(c.votes.get("ORG", 0), c.votes.get("PLACE", 0)) >= STRONG or self._closing_full_name(c))]
        taken_starts = [c.start for c in found]  # sorted, as the candidates are
        for head_start, head_end in heads:
            lo, hi = bisect_left(taken_starts, head_start), bisect_left(taken_starts, head_end)
            taken = [(c.start, c.end) for c in found[lo:hi]]  # this headline's own names only
            words = [(a, b) for a, b in ((m.start(), m.end()) for m in _WORD_RE.finditer(text, head_start, head_end))
                     if not any(x < b and a < y for x, y in taken)]
            i = 0
            while i < len(words):
                for n in range(min(_HEADLINE_NAME_WORDS, len(words) - i), 0, -1):
                    span = words[i:i + n]
                    if any(text[span[k][1]:span[k + 1][0]] not in (" ", "-") for k in range(n - 1)):
                        continue  # a name does not run across punctuation
                    start, end = span[0][0], span[-1][1]
                    surface = text[start:end].removesuffix("’s").removesuffix("'s")
                    end = start + len(surface)
                    if not surface[:1].isupper():
                        continue
                    if _key(surface) in known:
                        found.append(_Candidate(start, end, surface, _key(surface), words=n))
                    elif surface in self.places or surface in KNOWN_ORGS:
                        cand = self._judge([(a, b) for a, b in span if b <= end] or [(start, end)], self.segments)
                        if cand is None:
                            continue
                        found.append(cand)
                    else:
                        continue
                    i += n - 1
                    break
                i += 1
        return sorted(body + found, key=lambda c: c.start)

    def _candidates(self) -> list[_Candidate]:
        """Every capitalised run's names, judged (see :meth:`_judge_cached`), in text order.

        Most runs recur in ordinary prose paragraphs, where each of their names reuses a saturated
        judgement: those take a fast path, the run's *plan* (see :meth:`_plan`), with the same
        outcome as judging each name through :meth:`_judge_cached`.
        """
        text = self.text
        out: list[_Candidate] = []
        append = out.append
        seg = self.segments
        judge = self._judge_cached
        groups_of = self._group_cache
        tracing = self.trace is not None
        dropped = self._dropped_words  # run -> whether it is a lone word _judge always drops
        plans_by_start, waiting, cache = self._plans, self._waiting, self._cache
        sentence_ends = _SENTENCE_ENDS
        para_starts = self._para_starts
        last_para = len(para_starts) - 1
        next_para_start = -1  # where the paragraph after the current run's begins
        plain = False  # the current run's paragraph is ordinary prose (no headline, not in capitals)
        candidate = _Candidate
        for match in candidate_runs(text):
            token = match.group()
            offset = match.start()
            if offset >= next_para_start:  # runs come in text order: the paragraph changes rarely
                para_i = bisect_right(para_starts, offset) - 1
                next_para_start = para_starts[para_i + 1] if para_i < last_para else len(text) + 1
                flags = self._flags(para_i)
                plain = not (flags[0] or flags[1] or tracing)
            # A lone word _judge always trims away ("The", "We"): no name, whatever its context.
            gone = dropped.get(token)
            if gone is None:
                gone = dropped[token] = token.isalnum() and self._always_dropped(token)
            if gone and not tracing:
                continue
            if plain:
                # Mid-sentence after a word or comma (the usual case), or after a full stop and a
                # space or a line break, without walking back (see _sentence_initial).
                before = text[offset - 1] if offset else "\n"
                if before == " " and offset >= 2:
                    before = text[offset - 2]
                    if before.isalnum() or before == ",":
                        initial = False
                    elif before in sentence_ends:
                        initial = True
                    else:
                        initial = self._sentence_initial(offset)
                elif before == "\n":
                    initial = True
                else:
                    initial = self._sentence_initial(offset)
                plan = plans_by_start[initial].get(token)
                if plan is None:
                    # Tried again only once the name that was not saturated last time is.
                    blocker = waiting[initial].get(token)
                    if blocker is None or ((entry := cache.get(blocker)) is not None and entry[0] >= _SATURATED):
                        plan = self._plan(token, offset, initial, self._groups_of(token))
                if plan.__class__ is tuple:  # else None (not yet) or False (not soon): judge each name
                    for start, end, surface, key, words in plan:
                        append(candidate(offset + start, offset + end, surface, key, {}, words))
                    continue
            groups = groups_of.get(token)
            if groups is None:
                groups = self._groups_of(token)
            for rel, headline in groups:
                cand = judge([(offset + a, offset + b) for a, b in rel], seg, headline)
                if cand is not None:
                    append(cand)
        return out

    def _groups_of(self, token: str) -> list[tuple[list[tuple[int, int]], bool]]:
        """:meth:`_groups` of ``token``, split once per text; a single word is its own name."""
        groups = self._group_cache.get(token)
        if groups is None:
            groups = self._group_cache[token] = (
                [([(0, len(token))], False)] if token.isalnum() else self._groups(token))
        return groups

    def _plan(self, token: str, offset: int, initial: bool, groups: list[tuple[list[tuple[int, int]], bool]]
              ) -> tuple[tuple[int, int, str, str, int], ...] | Literal[False] | None:
        """For a run ``token`` at ``offset`` in an ordinary prose paragraph, opening a sentence or
        not (``initial``): its candidates (start and end in the run, surface, key, words) as
        :meth:`_judge_cached` gives them, once the judgement of each of its names is saturated;
        remembered for the run's later occurrences that open a sentence or not as this one does.
        None while some name is not saturated; False, remembered, when that will not happen soon.

        The cache key of each name is its text and whether it opens a sentence (or was cut from a
        phrase in headline case). For the name at the run's start that is ``initial``; for a name
        further in, the characters before it are the run's own, so it is the same at every
        occurrence of the run. A saturated judgement never changes (nothing judged afterwards is
        stored), so the run's candidates at every such occurrence are the ones reused here.
        """
        text = self.text
        plan: list[tuple[int, int, str, str, int]] = []
        for rel, headline in groups:
            a, b = rel[0][0], rel[-1][1]
            if a == 0:
                opens = initial
            else:
                start = offset + a
                opens = not (start >= 2 and text[start - 1] == " " and (text[start - 2].isalnum()
                                                                         or text[start - 2] == ","))
                opens = opens and self._sentence_initial(start)
            key = (token[a:b], opens or headline)
            cached = self._cache.get(key)
            if cached is None or cached[0] < _SATURATED:
                self._waiting[initial][token] = key
                tries = self._plan_tries[initial][token] = self._plan_tries[initial].get(token, 0) + 1
                if tries > _PLAN_TRIES:
                    self._plans[initial][token] = False
                    return False
                return None
            if cached[1] is not None:
                start, end = a + cached[1], b - cached[2]
                plan.append((start, end, token[start:end], cached[3], cached[4]))
        done = self._plans[initial][token] = tuple(plan)
        return done

    def _always_dropped(self, word: str) -> bool:
        """Does :meth:`_judge` trim the one-word run ``word`` away wherever it stands?

        Yes for a function word ("The", "We") or a common capitalised word ("Monday" and months
        aside) that is no known place or organisation and not an acronym: the first words it drops
        in any context. Its judgement is then None everywhere, so the candidates loop skips it
        (a quarter of all runs in long prose) without judging it or touching the judgement cache,
        which only ever serves that same word.
        """
        low = word.lower()
        if (word.isupper() and len(word) > 1) or word in self.places or word in KNOWN_ORGS:
            return False
        return low in FUNCTION_CAPS or (low in COMMON_CAPS and low not in WEEKDAYS and low not in MONTHS)

    def _groups(self, token: str) -> list[tuple[list[tuple[int, int]], bool]]:
        """Split one multi-word run into names, as offsets into ``token``: "US-backed" and "I'm"
        stand alone, and a gap word ("of", "and") joins two names only after words that take it.
        Each name comes with whether it was cut from a phrase in headline case.

        A pure function of the run's own characters, so each distinct run is split once per text.
        """
        words = [(w.start(), w.end()) for w in _WORD_RE.finditer(token)]
        last_low = token[words[-1][0]:words[-1][1]].lower()
        group: list[tuple[int, int]] = []
        groups: list[list[tuple[int, int]]] = []
        for word in words:
            piece = token[word[0]:word[1]]
            if group and token[group[-1][1] - 1] == "." and self._opens_sentence(token, group, piece):
                groups.append(group)  # "Washington D.C. The ...": a name does not run over a full stop
                group = []
            hyphen = _ADJ_HYPHEN_RE.match(piece) if "-" in piece else None
            if hyphen and piece[:1].isupper() and (not group or self._adjective_suffix(piece[hyphen.end(1) + 1:])):
                # "US-backed", "Indianapolis-based": the name before the hyphen stands alone.
                if group:
                    groups.append(group)
                groups.append([(word[0], word[0] + hyphen.end(1))])
                group = []
                continue
            if ("'" in piece or "’" in piece) and _CONTRACTION_RE.match(piece):
                if group:
                    groups.append(group)
                group = []
                continue
            if group:
                gap = token[group[-1][1]:word[0]].strip()
                if gap:
                    first = gap.split()[0]
                    left = token[group[-1][0]:group[-1][1]]
                    lead = left.lower().rstrip(".")
                    if first == "and":
                        opened = any(token[a:b].lower() in ORG_OPENERS and token[b:b + 4] == " of " for a, b in group)
                        # Two names joined by "and" stay apart when the left one is already complete
                        # ("Consumer Reports and Pellham Review"), unless an opener binds them.
                        whole = lead in NAME_NOUNS and sum(token[a:b].lower() not in FUNCTION_CAPS
                                                           for a, b in group) > 1
                        # "Peter Hall and Sarah Mills": two people, each opening with a given name.
                        # "Manager Chet Clem and President Sean Mills": so are two titled people.
                        opener = token[group[0][0]:group[0][1]]
                        people = (piece in FIRST_NAMES and opener in FIRST_NAMES) or (
                            piece.lower() in TITLES_ROLES and len(group) > 1
                            and any(token[a:b].lower() in TITLES_ROLES for a, b in group[:-1]))
                        keep = (gap == "and" and not people and ((last_low in ORG_HEADS and not whole) or opened)
                                and left not in self.places
                                and (len(group) == 1 or lead not in ORG_HEADS))
                    else:
                        # "UN Office for the Coordination of Humanitarian Affairs": once the run has an
                        # organisation's head, "of" goes on naming it.
                        keep = first in NAME_PARTICLES or lead in OF_ABLE or (
                            first in ("of", "for") and any(token[a:b].lower() in ORG_HEADS for a, b in group))
                    if not keep:
                        groups.append(group)
                        group = []
            group.append(word)
        if group:
            groups.append(group)
        for g in groups:
            a, b = g[-1]
            if b - a == 2 and token[a + 1] == ".":
                g[-1] = (a, b - 1)  # an initial left at the end of a name keeps its capital, not the stop
        return [(part, len(pieces) > 1) for g in groups for pieces in [self._split_headline_case(token, g)]
                for piece in pieces for part in self._split_org_title(token, piece)]

    def _split_headline_case(self, token: str, group: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
        """A run in headline case inside a sentence ("Donald Trump Could Become President", "Peace
        Through Strength"): a capitalised small word after its first word gives it away. Only the
        stretches between small words and words the text uses in lower case can be names."""
        if len(group) < 3 or not any(token[a:b].lower() in _HEADLINE_SMALL for a, b in group[1:]):
            return [group]
        parts: list[list[tuple[int, int]]] = []
        part: list[tuple[int, int]] = []
        for a, b in group:
            low = token[a:b].lower()
            if low in _HEADLINE_SMALL or (low in self.lower_vocab and not token[a:b].isupper()):
                if part:
                    parts.append(part)
                part = []
            else:
                part.append((a, b))
        if part:
            parts.append(part)
        return parts

    def _adjective_suffix(self, word: str) -> bool:
        """Is ``word``, after a hyphen inside a run, one that makes an adjective ("-backed",
        "-era")? The second part of a given name ("Lau Chun-yi", "Kim Jong-su") is no word of the
        text's, and stays in the name."""
        return word in HYPHEN_ADJECTIVES or word in self.lower_vocab

    def _opens_sentence(self, token: str, group: list[tuple[int, int]], piece: str) -> bool:
        """After a word ending in a full stop ("D.C.", "B."), does ``piece`` open a new sentence or
        caption? Yes for a function word ("The"), and for a word the text uses in lower case
        ("Image", "Researchers") unless it is the head of a name ("U.S. Army") or the surname
        after a middle initial ("James B. Cole")."""
        low = piece.lower()
        if low in FUNCTION_CAPS:
            return True
        if len(group) > 1 and low not in _NAME_HEADS and self._known_place(token[group[0][0]:group[-1][1]]):
            return True  # "Washington D.C. Image": the place is complete
        if low not in self.lower_vocab or low in _NAME_HEADS:
            return False
        a, b = group[-1]
        return not (b - a == 2 and len(group) > 1)

    def _split_org_title(self, token: str, group: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
        """"Fed Chair Jerome Powell", "BBC Director-General Tim Davie": a known organisation, then
        a title and a name, are two names, the organisation and the titled person; so are a known
        place, a title and a name ("Pennsylvania Senator Ann Roe", "New York Mayor Tom Vale")."""
        if len(group) > 2 and token[group[0][0]:group[0][1]] in KNOWN_ORGS and \
                token[group[1][0]:group[1][1]].lower() in TITLES_ROLES and \
                not token[group[0][1]:group[1][0]].strip():
            return [group[:1], group[1:]]
        for k in range(1, min(3, len(group) - 2) + 1):
            if token[group[k][0]:group[k][1]].lower() in STRONG_TITLES and \
                    self._known_place(token[group[0][0]:group[k - 1][1]]) and \
                    not token[group[k - 1][1]:group[k][0]].strip():
                return [group[:k], group[k:]]
        return [group]

    def _judge_cached(self, grp: list[tuple[int, int]], seg: Segments, headline: bool = False) -> _Candidate | None:
        """Judge a word run; a form already judged often enough mid-sentence reuses that judgement.

        Evidence is pooled per surface form, so after a few occurrences another one rarely changes
        the label: skipping its context keeps long texts fast (linear with a small constant).
        """
        if self.trace is not None:
            return self._judge(grp, seg, headline)  # every occurrence judged, so every rule that fires is seen
        text = self.text
        raw_start, raw_end = grp[0][0], grp[-1][1]
        raw = text[raw_start:raw_end]
        para_i = bisect_right(self._para_starts, raw_start) - 1
        flags = self._para_flags.get(para_i) or self._flags(para_i)
        # Mid-sentence after a word or comma (the usual case) without walking back.
        if raw_start >= 2 and text[raw_start - 1] == " " and (text[raw_start - 2].isalnum() or text[raw_start - 2] == ","):
            initial = False
        else:
            initial = self._sentence_initial(raw_start)
        cache_key = (raw, initial or headline)
        cached = self._cache.get(cache_key)
        if cached is not None and cached[0] >= _SATURATED and not flags[0] and not flags[1]:
            cached[0] += 1
            if cached[1] is None:
                return None
            start, end = raw_start + cached[1], raw_end - cached[2]
            return _Candidate(start, end, text[start:end], cached[3], {}, cached[4])
        cand = self._judge(grp, seg, headline, (para_i, flags, initial))
        if not flags[0] and not flags[1] and not headline:
            if cached is None:
                cached = self._cache[cache_key] = [0, None, 0, "", 0]
            cached[0] += 1
            if cand is None:
                cached[1] = None
            else:
                cached[1:] = [cand.start - raw_start, raw_end - cand.end, cand.key, cand.words]
        return cand

    def _judge(self, grp: list[tuple[int, int]], seg: Segments, headline: bool = False,
               known: tuple[int, tuple[bool, bool], bool] | None = None) -> _Candidate | None:
        """Trim a word run to a name and let the rules vote on it (None: no name). ``headline``:
        the run was cut from a phrase in headline case, where capitals say nothing. ``known``:
        what :meth:`_judge_cached` found already (the run's paragraph, its flags, whether the
        run opens a sentence)."""
        text, places = self.text, self.places
        run_start = grp[0][0]
        if known is None:
            para_i = seg.paragraph_index(run_start)
            flags = self._flags(para_i)
            run_initial = None
        else:
            para_i, flags, run_initial = known
        titlecase, upper_block = flags
        titlecase = titlecase or headline
        # Drop leading common words: function words anywhere ("The"), and at a sentence's start any word
        # the text also uses in lower case ("Hundreds", "Separately"), unless it begins a known name.
        while grp:
            first = text[grp[0][0]:grp[0][1]]
            low = first.lower()
            if first.isupper() and len(first) > 1:
                break
            known = False
            for k in range(min(len(grp), 4)):
                prefix = text[grp[0][0]:grp[k][1]]
                if prefix in places or prefix in KNOWN_ORGS:
                    known = True
                    break
            if known:
                break
            if len(grp) > 1 and low in ORG_OF_HEADS and text[grp[0][1]:grp[1][0]].strip() in ("of", "for"):
                break  # "Bank of England", "Ministry of Health" opening a sentence keep their head
            if low in FUNCTION_CAPS:
                grp = grp[1:]
                continue
            if (len(grp) > 1 and (low in TITLES_ROLES or low in NOBLE_TITLES)
                    and text[grp[0][1]:grp[1][0]] in (" of ", " of the ")):
                grp = grp[1:]  # "President of the Harbour Guild", "Director of Media": the office, not a name
                continue
            if grp[0][0] == run_start and run_initial is not None:
                initial = run_initial
            else:
                initial = self._sentence_initial(grp[0][0])
            if initial and ((low in COMMON_CAPS and low not in WEEKDAYS and low not in MONTHS)
                            or low in self.lower_vocab):
                grp = grp[1:]
                continue
            if low in COMMON_CAPS and low not in WEEKDAYS and low not in MONTHS and len(grp) == 1:
                grp = grp[1:]
                continue
            break
        # A trailing party or nationality word is not part of the name ("an Arizona Democrat"), nor
        # an abbreviated title that belongs to the next name ("Wisconsin Gov. Ann Lee"), nor "Jr."
        # (the name is written and referred back to without it: "Joseph R. Biden Jr." is Mr. Biden).
        if len(grp) > 1 and self._trailing_extra(grp):
            grp = grp[:-1]
        if not grp:
            return None
        # "UN Secretary-General", "BBC Director-General": a known organisation before a title is
        # that organisation; the title belongs to the person named next.
        if len(grp) > 1 and text[grp[0][0]:grp[0][1]] in KNOWN_ORGS and all(
                text[a:b].lower() in TITLES_ROLES for a, b in grp[1:]):
            grp = grp[:1]
        start, end = grp[0][0], grp[-1][1]
        para_start = seg.paragraphs[para_i].start
        words = [text[a:b] for a, b in grp]
        lows = [w.lower().rstrip(".") for w in words]
        surface = text[start:end]
        j = Judgement(self, text, grp, words, lows, start, end, surface, para_start, titlecase)
        trace = self.trace
        rules.run(j, _PHASE_RULES["date"])
        if j.done:
            return self._settled(j)
        if upper_block and not (start == para_start and DATELINE_RE.match(text, start)):
            return None
        last = lows[-1]
        j.in_places = self._known_place(surface)
        # Organisation evidence from the name itself.
        venue_centre = last in CENTRES and not any(w in INSTITUTE_CENTRE for w in lows[:-1])
        # (The isdisjoint tests only skip the word-by-word tests when no word could pass them.)
        org_head = (last in ORG_HEADS and not venue_centre) or (not ORG_OF_HEADS.isdisjoint(lows[:-1]) and any(
            lows[i] in ORG_OF_HEADS and text[grp[i][1]:grp[i + 1][0]].strip().split()[:1] in (["of"], ["for"])
            for i in range(len(grp) - 1)))
        if not org_head and len(grp) > 2 and not ORG_HEADS.isdisjoint(lows[1:-1]):
            # "King's College London", "University College London": an institution named with its city.
            org_head = any(lows[i] in ORG_HEADS and text[grp[i + 1][0]:end] in places
                           for i in range(1, len(grp) - 1))
        if org_head and len(grp) > 1 and last in SURNAME_NOUNS and words[-2] in FIRST_NAMES:
            org_head = False  # "Sean Mills", "Peter Hall": a given name before a surname that is a noun
        j.org_head = org_head
        rules.run(j, _PHASE_RULES["name"])
        if j.drop:
            return self._traced(j, None)
        if j.done:
            return self._settled(j, headline)
        # A leading demonym that is not part of an organisation's or place's name is its own NORP.
        if len(grp) > 1 and lows[0] in DEMONYMS and not org_head and not j.in_places:
            self._narrow(j, 1)
            j.in_places = self._known_place(j.surface)
            for r in _RERUN_RULES:
                if r.apply(j):
                    j.fired.append(r.name)
        # Titles before a personal name: strip them from the mention.
        lows = j.lows
        place_head = len(lows) > 1 and (last in PLACE_HEADS or lows[0] in PLACE_OPENERS)
        if not org_head and not j.in_places and not place_head:
            # Strip the whole title chain: "Economy Minister", "Goalkeeper", "Bank of England Governor".
            cut = -1
            for i in range(len(lows) - 1):
                if lows[i] in STRONG_TITLES or (i == cut + 1 and lows[i] in TITLES_ROLES):
                    cut = i
            # "Dean Forester", "Earl Hines": a title that is also a given name, before one more
            # word, is the person's own given name.
            given_title = cut == 0 and len(lows) == 2 and j.words[0] in FIRST_NAMES
            if cut >= 0 and not given_title and not (lows[cut + 1] in PERSON_TITLES and cut + 2 >= len(lows)):
                j.titled = True
                self._narrow(j, cut + 1)
            elif len(lows) > 1 and TITLES_ROLES.issuperset(lows):
                return self._traced(j, None)
        if j.titled and all(w in PERSON_TITLES for w in j.lows):
            return self._traced(j, None)
        for phase in ("title", "alone"):
            rules.run(j, _PHASE_RULES[phase])
            if j.done:
                return self._settled(j)
            if j.drop:
                return self._traced(j, None)
        # Context before and after: the words either side of the name.
        start = j.start
        before = words_before(text, start)
        if before is not None:
            j.p2, j.p1 = before[0].lower(), before[1].lower()
        j.possessive = text[end:end + 3] in ("’s ", "'s ")
        nxt = _NEXT_RE.match(text, end)
        if nxt:
            j.n1, j.n2 = nxt.group(1), nxt.group(2) or ""
            j.next_text = nxt.group(0)
        for phase in ("context", "fallback"):
            rules.run(j, _PHASE_RULES[phase])
            if j.drop:
                return self._traced(j, None)
        cand = _Candidate(j.start, end, j.surface, _key(j.surface), words=len(j.grp), headline=headline)
        cand.votes.update(j.votes)
        return self._traced(j, cand) if trace is not None else cand

    def _closing_full_name(self, c: _Candidate) -> bool:
        """A given name and a surname (and nothing capitalised after them), or a surname and a given
        name inverted ("Austen, Jane."), inside a headline, caption or list line: a person even there."""
        if c.words == 1 and c.votes.get("PERSON", 0) >= STRONG:
            m = INVERTED_NAME_RE.match(self.text, c.end)
            return bool(m and m.group(1) in FIRST_NAMES)
        if c.words != 2 or c.votes.get("PERSON", 0) < STRONG or c.text.split()[0] not in FIRST_NAMES:
            return False
        after = self.text[c.end:c.end + 2]
        return not (after[:1] == " " and after[1:].isupper())

    def _trailing_extra(self, grp: list[tuple[int, int]]) -> bool:
        """Is the last word of a run no part of the name (a demonym, "Gov.", "Jr.", a capitalised
        small word, the pronoun "I")?"""
        text = self.text
        a, b = grp[-1]
        last = text[a:b]
        return (last.lower().rstrip("s") in DEMONYMS
                or (text[b:b + 1] == "." and last.lower() in ABBREVIATED_TITLES)
                or (len(grp) > 2 and last in _JUNIOR)
                or (last.lower() in _HEADLINE_SMALL  # "the FTU In 2016 ...", but "James To" is a name
                    and text[grp[-2][0]:grp[-2][1]] not in FIRST_NAMES)
                or (last == "I" and text[b:b + 1] == " " and text[b + 1:b + 2].islower()
                    and not text.startswith(" of", b)))  # "Often I wonder": the pronoun

    def _known_place(self, surface: str) -> bool:
        """In the gazetteer, as a state's abbreviation ("N.H.", "Calif"), or in capitals ("IRAN")."""
        return (surface in self.places or surface in PLACE_ABBREVIATIONS
                or (len(surface) > 3 and surface.isupper() and surface.title() in self.places)
                or ("." in surface and surface.replace(".", "") in self.places))  # "Washington D.C."

    @staticmethod
    def _narrow(j: Judgement, k: int) -> None:
        """Drop the first ``k`` words of the run being judged (a demonym, a title)."""
        j.grp, j.words, j.lows = j.grp[k:], j.words[k:], j.lows[k:]
        j.start = j.grp[0][0]
        j.surface = j.text[j.start:j.end]

    def _settled(self, j: Judgement, headline: bool = False) -> _Candidate:
        """A candidate whose label a rule settled early (a date, a lone demonym, a museum)."""
        cand = _Candidate(j.start, j.end, j.surface, _key(j.surface), words=len(j.grp), headline=headline)
        cand.votes.update(j.votes)
        return self._traced(j, cand) if self.trace is not None else cand

    def _traced(self, j: Judgement, cand: _Candidate | None) -> _Candidate | None:
        """Record which rules fired on ``j`` when tracing (see :func:`explain`)."""
        if self.trace is not None:
            self.trace.append((j.surface, tuple(j.fired)))
        return cand

    def _coordinate(self, cands: list[_Candidate]) -> None:
        """Pair rules over neighbouring names ("X and Y districts", "from X to Y"), right to left so
        evidence passes along a list of names. A pair rule reads only the gaps its gate names
        (" and ", " to "), so a pair whose gap is none of those calls no rule."""
        text, phase, trace = self.text, _PHASE_RULES["pair"], self.trace
        if len(cands) < 2:
            return
        pair = Pair(text, cands[0], cands[1], "")  # one pair, moved along (the rules keep none)
        by_gap = _PAIR_RULES_BY_GAP
        lengths = {len(gap) for gap in by_gap} if by_gap is not None else set()
        for i in range(len(cands) - 2, -1, -1):
            a, b = cands[i], cands[i + 1]
            if by_gap is None:  # a pair rule without a gap gate: every pair calls every rule
                chosen = phase.rules
            elif b.start - a.end in lengths:
                chosen = by_gap.get(text[a.end:b.start], ())
                if not chosen:
                    continue
            else:
                continue
            pair.a, pair.b, pair.gap = a, b, text[a.end:b.start]
            for r in chosen:
                voted = r.apply(pair)
                if voted and trace is not None:
                    trace.extend((c.text, (r.name,)) for c in voted)

    def _resolve(self, cands: list[_Candidate]) -> list[Mention]:
        """Pool the votes per surface form and label every mention (see the module's docstring).

        Most candidates reuse a saturated judgement and carry no votes: the per-candidate passes
        are one counting pass and the final one; the rest reads the few that voted.
        """
        totals: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        seen: dict[str, int] = defaultdict(int, Counter(c.key for c in cands))
        first_form: dict[str, str] = {}
        voted = [c for c in cands if c.votes]
        for c in reversed(cands):  # each key's first form, as the first candidate writes it
            first_form[c.key] = c.text
        for c in voted:
            for label, score in c.votes.items():
                if not label.startswith("_"):
                    totals[c.key][label] += score
        label_of: dict[str, str] = {}
        for key, scores in totals.items():
            if scores:
                label_of[key] = max(scores.items(), key=lambda kv: (kv[1], kv[0] == "PERSON"))[0]
        # Surnames refer back to full names.
        surname: dict[str, str] = {}
        org_first: dict[str, str] = {}
        org_initials: dict[str, str] = {}
        org_last: set[str] = set()
        for key, label in label_of.items():
            if label == "PERSON" and " " in key:
                for form in _surname_forms(key):
                    surname.setdefault(form, first_form[key])
            elif label == "ORG" and " " in key:
                org_first.setdefault(key.split()[0], first_form[key])
                org_last.add(key.split()[-1])
                initials = "".join(w[0] for w in key.split() if w[:1].isupper())
                if len(initials) >= 2:
                    org_initials.setdefault(initials, first_form[key])
        canonical: dict[str, str] = {}
        # Each key once: a key judged again changes nothing (nothing here depends on the order).
        for key in list(totals) + [key for key in seen if key not in totals]:
            if " " in key:
                continue
            # Per occurrence: a surname the gazetteer also lists ("Bush", "Paris" after "Valeska
            # Paris") stays the person however often it recurs, unless its mentions add more.
            best_other = max((v for k, v in totals.get(key, {}).items() if k != "PERSON"), default=0) / max(1, seen[key])
            limit = STRONG + 1 if totals[surname_key(surname, key)]["PERSON"] > WEAK else WEAK
            if key in surname and best_other <= limit:
                label_of[key] = "PERSON"
                canonical[key] = surname[key]
            elif (key in org_first and max(totals.get(key, {}).values(), default=0) < STRONG
                  and totals.get(key, {}).get("PLACE", 0) < MEDIUM and not self._known_place(key)):
                # "Irving" is not the Irving school district: a place keeps its own label.
                label_of[key] = "ORG"
                canonical[key] = org_first[key]
            elif key.isupper() and key in org_initials and label_of.get(key) == "ORG":
                canonical[key] = org_initials[key]  # "FDA" is the Food and Drug Administration
        # "WALLACE:" in a transcript, "IRAN" in a heading: a name in capitals is the name the text
        # writes in ordinary case (a surname takes its full name).
        ordinary = {k.casefold(): k for k in label_of if not k.isupper()}
        ordinary.update((k.casefold(), k) for k in surname)
        for key in {key for key in seen if key.isupper() and len(key) > 2}:
            other = ordinary.get(key.casefold())
            if other is None:
                continue
            if other in surname and label_of.get(other, "PERSON") == "PERSON":
                label_of[key], canonical[key] = "PERSON", surname[other]
            elif other in label_of:
                label_of[key], canonical[key] = label_of[other], canonical.get(other) or first_form[other]
        mentions: list[Mention] = []
        for c in voted:  # only a candidate with votes has a "_SPEAKER" or "_TOPONYM" one
            # A named speaker with no other evidence: a lone given name is a person ("as Colin
            # said"); otherwise an organisation, since people come with full names; a word the
            # text uses in lower case ("Water said") is neither, unless it ends an organisation's
            # name ("the Times wrote" after "The New York Times").
            if c.key not in label_of and c.votes.get("_SPEAKER") and (
                    c.key.lower() not in self.lower_vocab or c.key in org_last):
                person = c.key in FIRST_NAMES or c.key.endswith(SURNAME_SUFFIXES)  # "Gorbachev agreed"
                label_of[c.key] = "PERSON" if person else "ORG"
        for c in voted:
            if c.key not in label_of and c.votes.get("_TOPONYM"):
                label_of[c.key] = "PLACE"  # no evidence but a place-name shape, and no longer name it shortens
        typed = {key: (label, canonical.get(key) or first_form[key]) for key, label in label_of.items()}
        append = mentions.append
        for c in cands:
            known = typed.get(c.key)
            if known is not None:  # else no evidence at all: a capitalised word, not a name we can type
                append(_mention(c.text, known[0], c.start, c.end, known[1]))
        return mentions


def explain(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """(surface, rules fired) for every word run of ``text`` judged, in order; for tests and for
    finding out why a name got its label. Every occurrence is judged afresh (no cache), so on a
    long text the labels can differ a little from :meth:`EntityFinder.find`'s."""
    finder = EntityFinder(text, Segments(text), trace=True)
    finder.find()
    return finder.trace or []
