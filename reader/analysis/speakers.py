"""Who a subject phrase refers to: a named entity in it, a pronoun, a nominal reference, or the phrase.

Resolution order for the words before a speech verb ("Kremlin spokesman Dmitry Peskov", "he", "the
ministry", "Russian officials"): a person named in the phrase; else an organisation; else a place
("Russia said"); else a pronoun, resolved to the most recent fitting person or organisation outside
quotations; else a bare nominal ("the agency"), resolved to the most recent speaker or organisation
it fits; else the noun phrase itself when its head is a speaker noun ("officials", "sources").
"""

from __future__ import annotations

import pickle
import re
from array import array
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain
from operator import le, lt
from typing import Any

from reader import patterns
from reader.analysis.lexicon import (
    BUSINESS_NOUNS,
    COMMON_CAPS,
    DEFINITE_DETERMINERS,
    DEMONYMS,
    FEMALE_HONORIFICS,
    GENERIC_ORG_NOUNS,
    MALE_HONORIFICS,
    NEWS_HEADS,
    NEWS_ORGS,
    NOMINAL_FITS,
    NON_SPEAKERS,
    NP_PREPOSITIONS,
    ORG_HEADS,
    PERSON_ROLES,
    PERSON_TITLES,
    PLACE_OFFICES,
    PLACED_INSTITUTIONS,
    PRONOUNS_GROUP,
    PRONOUNS_PERSON,
    ROLE_ABBREVIATIONS,
    SPEAKER_DETERMINERS,
    SPEAKER_NOUNS,
    given_genders,
    parenthetical,
)
from reader.analysis.model import Mention
from reader.analysis.rules import Example, Registry, Rule
from reader.analysis.segment import Segments

_TOKEN_RE = patterns.compile(r"[A-Za-z][\w’'-]*")
_LOCATIVE_RE = patterns.compile(r"(?<![\w’'-])(?:in|at|on|near|inside|outside|across|around|from)(?![\w’'-])")
# "the 24-year-old", "the twenty-four-year-old": a person described by age.
_AGED_RE = patterns.compile(r"(?:the|this)\s+(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)-year-old", re.I)
_MAX_TOKENS = 16
_PARENS_RE = patterns.compile(r"\([^()]{0,40}\)")
# A word of a written name: capitalised (with hyphens, apostrophes, accents), an initial ("G.K.", "R."),
# a generation ("II", "Jr."), or a particle ("de", "van").
_NAME_WORD_RE = patterns.compile(r"(?:[A-Z][\w’'-]*\.?|(?:[A-Z]\.){1,3}|de|da|van|von|der|al|bin|la|le)")
_LOOKBACK = 80  # mentions scanned back for a pronoun or nominal: bounded work per quote
# A name used as a possessor ("Gore's", "Sanders’"), and the word after a name that makes it a modifier.
_POSSESSIVE_RE = patterns.compile(r"(?:['’]s|(?<=s)['’])(?![\w’'-])")
_SENTENCE_CUT_RE = patterns.compile(r"(?<!Gov)(?<!Sen)(?<!Rep)(?<!Gen)(?<!Mr)(?<!Ms)(?<!Dr)(?<!Lt)(?<![A-Z])[.!?]\s+(?=[A-Z\"“]|$)|\n")
_CUT_AT_INITIAL_RE = patterns.compile(r"\s[A-Z]$")
_CAPITAL_RE = patterns.compile(r"[A-Z]")
_SURNAME_AFTER_RE = patterns.compile(r"\.[ \t]+([A-Z][\w’'-]+(?:[ \t]+(?:Jr\.|Sr\.|II|III|IV)(?![\w’'-]))?)")
_NEXT_WORD_RE = patterns.compile(r"\s+([a-z][\w’'-]*)")

# Subject rules: who a subject phrase names, one construction each, tried in order before the
# resolver's general reading (a name, an organisation, a place, a pronoun, a nominal). A rule takes
# (resolver, start, end, mentions in the phrase) and answers (speaker, how) or None. A rule's
# ``when`` reads the labels of the mentions in the phrase, space-separated ("PERSON ORG"): a rule
# that could not answer for those is not tried (only to spare work: it would answer None).
SUBJECTS = Registry("subjects")


def _a_person(labels: str) -> bool:
    return "PERSON" in labels


def _two_people(labels: str) -> bool:
    return labels.count("PERSON") >= 2


def _only_places(labels: str) -> bool:
    return bool(labels) and all(label == "PLACE" for label in labels.split())

ResolverState = tuple[list[tuple[int, str, str]], dict[tuple[int, int], tuple[str | None, str]], dict[str, str],
                      list[tuple[int, int, str]], list[tuple[int, int]]]
"""What a resolver has learned: remembered speakers, memoised answers, labels, subject rules fired,
and the spans it treats as quoted."""


Question = tuple[int, int, int, str, str, "tuple[int, str, str] | None"]
"""A partial resolver's search of the speakers it remembered that went past its own: (phase, offset,
how many of the parent's speakers it would have read, kind, word, its answer)."""

_BLOCK = 256
"""Remembered speakers per block of :class:`History` (a block splits at twice as many)."""
_NO_CEILING = 1 << 62
"""Past any offset: a resolver not :meth:`Resolver.bounded`."""


class History:
    """Remembered speakers, (offset, speaker, head noun), in order, as a list of them would keep them
    with ``insort`` (iterating and comparing as that list).

    Kept in blocks of a few hundred: a long text's quotations are attributed after its reports are
    read, so their speakers are remembered all over the text, and an insertion moves the entries
    after it in its block only, not in the whole list.
    """

    __slots__ = ("_blocks", "_lasts", "added")

    def __init__(self, entries: Iterable[tuple[int, str, str]] = ()) -> None:
        ordered = sorted(entries)
        self._blocks = [ordered[i:i + _BLOCK] for i in range(0, len(ordered), _BLOCK)]
        self._lasts = [block[-1] for block in self._blocks]  # each block's last entry, to bisect
        self.added: list[tuple[int, str, str]] | None = None  # once a list: every entry added since

    def add(self, entry: tuple[int, str, str]) -> None:
        """Insert ``entry`` after those that sort before or with it."""
        if self.added is not None:
            self.added.append(entry)
        blocks, lasts = self._blocks, self._lasts
        if not blocks:
            blocks.append([entry])
            lasts.append(entry)
            return
        if lasts[-1] <= entry:  # after every entry: cues are mostly read in text order
            k = len(blocks) - 1
            block = blocks[k]
            block.append(entry)
        else:
            k = bisect_right(lasts, entry)  # the first block with an entry after it
            block = blocks[k]
            insort(block, entry)
        lasts[k] = block[-1]
        if len(block) > 2 * _BLOCK:
            blocks[k:k + 1] = [block[:_BLOCK], block[_BLOCK:]]
            lasts[k:k + 1] = [block[_BLOCK - 1], block[-1]]

    def before(self, pos: int, count: int) -> list[tuple[int, str, str]]:
        """The last ``count`` entries at offsets before ``pos``, nearest first."""
        key = (pos,)
        blocks = self._blocks
        k = bisect_left(self._lasts, key)  # blocks before k hold only entries before pos
        found: list[tuple[int, str, str]] = []
        if k < len(blocks):
            block = blocks[k]
            j = bisect_left(block, key)
            found = block[max(0, j - count):j][::-1]
        while len(found) < count and k > 0:
            k -= 1
            block = blocks[k]
            found.extend(block[max(0, len(block) - (count - len(found))):][::-1])
        return found

    def __iter__(self) -> Iterator[tuple[int, str, str]]:
        return chain.from_iterable(self._blocks)

    def __len__(self) -> int:
        return sum(len(block) for block in self._blocks)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, History):
            return list(self) == list(other)
        if isinstance(other, list):
            return list(self) == other
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"History({list(self)!r})"


class Resolver:
    """Resolves subject phrases to speaker names, remembering recent speakers."""

    def __init__(self, text: str, mentions: list[Mention], quoted: list[tuple[int, int]],
                 segments: Segments | None = None) -> None:
        self.text = text
        self.segments = segments
        self.mentions = [m for m in mentions if m.label in ("PERSON", "ORG", "PLACE")]
        self.starts = [m.start for m in self.mentions]
        self._ends = [m.end for m in self.mentions]
        # Mentions in order that neither overlap nor are empty (as the entity stages give them): then
        # those inside a span are one slice of the list, found by two bisections.
        self._disjoint = all(map(lt, self.starts, self._ends)) and all(map(le, self._ends, self.starts[1:]))
        self._readings: dict[str, _Reading] = {}
        self._name_heads: dict[str, str] = {}
        self._subject_rules: dict[str, tuple[Rule, ...]] = {}  # by the labels of a phrase's mentions
        self.set_quoted(quoted)
        self.history = History()  # (offset, speaker, head noun)
        self.labels: dict[str, str] = {m.entity: m.label for m in self.mentions}
        self._words: dict[str, frozenset[str]] = {}
        self._memo: dict[tuple[int, int], tuple[str | None, str]] = {}
        self.gender = _genders(text, self.mentions)
        self.fired: list[tuple[int, int, str]] = []  # (start, end, subject rule) for each phrase a rule read
        # A child analysing the text from ``history_floor`` on while its parent does what comes before
        # (see :meth:`partial`): ``unsure`` once an answer may need a speaker only the parent remembers.
        self.history_floor: int | None = None
        self.unsure = False
        # ... and the questions it answered from what it knew at the fork (see _first_remembered),
        # each tagged with the part of the work it was in (``phase``: set by the caller).
        self.questions: list[Question] | None = None
        self.phase = 0
        # A parent analysing the text before ``_ceiling`` while that child does what comes after (see
        # :meth:`bounded`): ``unsure`` once an answer may need what only the child learns.
        self._ceiling = _NO_CEILING
        self._base: tuple[dict[tuple[int, int], tuple[str | None, str]], set[str], int] | None = None
        self._later: bytes | None = None  # remembered speakers and answers adopted, not taken in yet (see adopt)
        self._later_quoted: list[tuple[int, int]] = []  # quoted spans added, not taken in yet (see add_quoted)

    def _in_quote(self, pos: int) -> bool:
        if pos >= self._ceiling:
            self.unsure = True  # a reported clause only the child knows may hold it
        i = bisect_right(self.quoted_starts, pos) - 1
        return i >= 0 and self.quoted[i][0] <= pos < self.quoted[i][1]

    def inside_mention(self, pos: int) -> bool:
        """Is ``pos`` strictly inside an entity mention (e.g. the "and" of "Fire and Rescue Service")?"""
        i = bisect_right(self.starts, pos) - 1
        return i >= 0 and self.starts[i] < pos < self._ends[i]

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """Mentions lying inside ``[start, end)``."""
        i = bisect_left(self.starts, start)
        if self._disjoint:
            return self.mentions[i:bisect_right(self._ends, end)]
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def recent(self, pos: int, labels: tuple[str, ...], fits: frozenset[str] | None = None) -> str | None:
        """The most recent mention before ``pos`` (outside quotations) with a label (and head) that fits."""
        found = self._recent_mention(pos, labels, fits)
        return found.entity if found is not None else None

    def person_for_pronoun(self, pos: int, pronoun: str, depth: int = 0) -> str | None:
        """Who "he" or "she" at ``pos`` is.

        A pronoun opening a sentence (or attributing a quotation that opens it) continues the
        previous sentence's subject: the same pronoun if that sentence's subject was one (followed
        back, a few sentences at most), else its first person named who is not a possessor ("The
        coroner, Julian Hartnell, recorded that Mr Okoro died ... He said ..." is Hartnell);
        otherwise the most recent person. A person whose honorific says the other gender ("Mr
        Okoro" for "she") is passed over; one whose given name only suggests it ("Jude") is passed
        over only in the search back for the most recent person.
        """
        want = "m" if pronoun == "he" else "f"
        if self.segments is not None:
            i = self.segments.sentence_index(pos)
            opening = self.text[self.segments.sentences[i].start:pos] if i >= 1 else ""
            # At the start of its sentence, or right after a quotation that opens it ('"...," he said').
            if i >= 1 and (not opening.strip(" \"“‘'«(—–-") or _QUOTE_THEN_PRONOUN_RE.fullmatch(opening)):
                k = i - 1
                # Sentences inside a quotation say nothing of who speaks: go back to its attribution
                # ('"I'd like him to be," he said. "... at the right price." He denied ...').
                while k > 0 and i - k < 5 and self._in_quote(self.segments.sentences[k].start + 1) \
                        and not _ATTRIBUTION_PRONOUN_RE.search(self.text, self.segments.sentences[k].start,
                                                               self.segments.sentences[k].end):
                    k -= 1
                prev = self.segments.sentences[k]
                said = _ATTRIBUTION_PRONOUN_RE.search(self.text, prev.start, prev.end)
                if said is not None and said.group(1).lower() == pronoun and depth < 4 and k < i - 1:
                    return self.person_for_pronoun(said.start(1), pronoun, depth + 1)
                people = [m for m in self.mentions_in(_subject_start(self.text, prev.start, prev.end), prev.end)
                          if m.label == "PERSON" and not self._in_quote(m.start)
                          and self.text[m.end:m.end + 2] not in ("'s", "’s")]  # not "Haskell's (lawyer)"
                same = _pronoun_at(self.text, prev.start, people[0].start if people else prev.end, pronoun)
                if same is not None and depth < 4:
                    return self.person_for_pronoun(same, pronoun, depth + 1)  # "She bought it from Vos"
                if people:
                    first = people[0]
                    gender = self.gender.get(first.entity)
                    if gender is None or gender[0] == want:
                        return first.entity
                    # "John Carter met Susan Hale. She said": the one whose name fits, if one does;
                    # else the subject, unless an honorific rules it out ("Jude" Ferreira, "she").
                    fitting = next((m.entity for m in people[1:] if self.gender.get(m.entity, ("", False))[0] == want),
                                   None)
                    if fitting is not None:
                        return fitting
                    if not gender[1]:
                        # Only a given name says the subject does not fit: the nearest person named
                        # since the paragraph before whose name does, else the subject.
                        return self._fitting_person_near(pos, want) or first.entity
        i = bisect_left(self.starts, pos) - 1
        stop = max(-1, i - _LOOKBACK)
        first = None
        while i > stop:
            m = self.mentions[i]
            i -= 1
            if m.label != "PERSON" or self._in_quote(m.start):
                continue
            if self.gender.get(m.entity, (want, False))[0] == want:
                return m.entity
            first = first or m.entity
        return first

    def _fitting_person_near(self, pos: int, want: str) -> str | None:
        """The nearest person before ``pos``, named since the start of the paragraph before, whose
        known gender is ``want`` ("Ana Ruiz runs the shift. Tomas Brandt leads the ward. '...,' she
        joked": Ruiz)."""
        para = self.text.rfind("\n", 0, pos)
        limit = self.text.rfind("\n", 0, max(0, para - 1)) if para > 0 else -1
        i = bisect_left(self.starts, pos) - 1
        while i >= 0 and self.mentions[i].start > limit:
            m = self.mentions[i]
            i -= 1
            if m.label == "PERSON" and not self._in_quote(m.start) and self.gender.get(m.entity, ("", False))[0] == want:
                return m.entity
        return None

    def salient_org(self, pos: int, fits: frozenset[str] | None = None, head: str = "") -> str | None:
        """The organisation a generic "the company" / "the club" means at ``pos``.

        The one just named in the same paragraph if there is one (a local antecedent);
        otherwise the one the article has named most often so far, its topic, rather than
        whichever was named last ("Halvorsen ... its purchase of rival Vermeer ... "We remain
        committed," the company said": Halvorsen). Ties go to the most recent.
        """
        paragraph = self.text.rfind("\n", 0, pos) + 1
        local = self._recent_mention(pos, ("ORG",)) if head in BUSINESS_NOUNS else None
        if local is not None and local.start >= paragraph and local.entity.split()[-1].lower() not in ORG_HEADS:
            return local.entity  # "Orbis, Halvern's rival, ... \"...,\" the company said": named just before
        last = self._recent_mention(pos, ("ORG",), fits)
        if last is None:
            return None
        if last.start >= paragraph:
            return last.entity
        i = bisect_left(self.starts, pos) - 1
        counts: dict[str, int] = {}
        order: dict[str, int] = {}
        for k in range(max(0, i - 4 * _LOOKBACK), i + 1):
            m = self.mentions[k]
            if m.label == "ORG" and not self._in_quote(m.start) and self._fits(m, fits):
                counts[m.entity] = counts.get(m.entity, 0) + 1
                order[m.entity] = k
        return max(counts, key=lambda name: (counts[name], order[name])) if counts else last.entity

    def _fits(self, m: Mention, fits: frozenset[str] | None) -> bool:
        if fits is None:
            return True
        words = self._words.get(m.entity)
        if words is None:
            words = self._words[m.entity] = frozenset(w.lower() for w in m.entity.split())
        return not fits.isdisjoint(words) or (m.entity in NEWS_ORGS and not fits.isdisjoint(NEWS_HEADS))

    def _recent_mention(self, pos: int, labels: tuple[str, ...], fits: frozenset[str] | None = None) -> Mention | None:
        i = bisect_left(self.starts, pos) - 1
        stop = max(-1, i - _LOOKBACK)
        while i > stop:
            m = self.mentions[i]
            i -= 1
            if m.label not in labels or not self._fits(m, fits):
                continue
            if self._in_quote(m.start):
                continue
            return m
        return None

    def _first_remembered(self, pos: int, count: int, kind: str, word: str) -> tuple[int, str, str] | None:
        """Of the last ``count`` remembered speakers before ``pos``, the nearest that fits: for
        ``kind`` "noun", one remembered by the head noun ``word`` and not a bare "the ``word``"
        itself; for "group", one not known as a person.

        A partial resolver (a child reading from its floor on) knows its own speakers from the floor
        on, and those come first; when the search goes past them, the parent's before the floor
        come next, so it notes the question (:attr:`questions`) for the parent to check against
        its own speakers, and answers from what it knew at the fork."""
        found = self.history.before(pos, count)
        if pos > self._ceiling:
            self.unsure = True  # speakers only the child remembers might be among them
        floor = self.history_floor
        own = len(found) if floor is None else next((i for i, e in enumerate(found) if e[0] < floor), len(found))
        for entry in found[:own]:
            if self._fits_remembered(entry, kind, word):
                return entry
        if floor is None or own == count:
            return None
        answer = next((entry for entry in found[own:] if self._fits_remembered(entry, kind, word)), None)
        if self.questions is None:
            self.unsure = True
        else:
            self.questions.append((self.phase, pos, count - own, kind, word, answer))
        return answer

    def _fits_remembered(self, entry: tuple[int, str, str], kind: str, word: str) -> bool:
        _pos, speaker, noun = entry
        if kind == "noun":
            return noun == word and speaker.lower() != word
        return self.labels.get(speaker, "ORG") != "PERSON"

    def holds(self, questions: list[Question], remembered: list[list[tuple[int, str, str]]], floor: int,
              labels_before: set[str]) -> bool:
        """Would this resolver (the parent) have answered a child's ``questions`` as the child did?
        ``remembered[phase]``: its speakers, sorted, as one process would have had them before the
        floor when the child asked in that phase (its reports, reports inside quotations,
        quotations). A name whose label it learned since the fork counts as a different answer."""
        for phase, _pos, rest, kind, word, answer in questions:
            entries = remembered[phase]
            below = entries[max(0, bisect_left(entries, (floor,)) - rest):bisect_left(entries, (floor,))][::-1]
            if kind == "group" and any(e[1] in self.labels and e[1] not in labels_before for e in below):
                return False
            got = next((entry for entry in below if self._fits_remembered(entry, kind, word)), None)
            if got != (tuple(answer) if answer is not None else None):
                return False
        return True

    # -- one text over two processes (see reader.analysis.pipeline) -------------------------------

    def partial(self, floor: int) -> None:
        """Make this (a forked child's copy) the resolver for the text from ``floor`` on, while the
        parent resolves what comes before: note every answer that might differ for lack of what the
        parent learns meanwhile (the names whose label it learns; the speakers it remembers, as
        questions the parent checks, see :meth:`_first_remembered`)."""
        self.history_floor = floor
        self.questions = []
        self._base = (dict(self._memo), set(self.labels), len(self.fired))
        self.labels = _RecordingLabels(self.labels)
        self.history.added = []

    def learned(self) -> ResolverDelta:
        """What this partial resolver learned since :meth:`partial`, in plain data."""
        assert self._base is not None and isinstance(self.labels, _RecordingLabels)
        assert self.history.added is not None  # (the speakers remembered since, as they were added)
        memo, labels, fired = self._base
        return ResolverDelta(
            sorted(self.history.added), {k: v for k, v in self._memo.items() if memo.get(k) is not v},  # (new, or read again)
            {k: v for k, v in self.labels.items() if k not in labels}, self.fired[fired:],
            list(self.labels.missed), self.unsure, list(self.questions or ()))

    def adopt(self, delta: ResolverDelta, labels_before: set[str], memory: bytes | None = None) -> bool:
        """Take in what a partial resolver for the rest of the text learned, as if this resolver had
        gone on by itself; ``labels_before``: the labels this one knew when the child was forked.
        False (and nothing taken) when the child may have answered differently: it asked for a
        speaker it could not remember, or for the label of a name only this resolver learned since.

        ``memory``: the remembered speakers and answers as :meth:`ResolverDelta.split` packed them
        (``delta`` then has none), taken in by :meth:`settle`, only once something asks this
        resolver again (a long article's are some 20,000, of no use to a run that is over)."""
        if delta.unsure or any(name in self.labels and name not in labels_before for name in delta.missed):
            return False
        if memory is None:
            self._remember(delta)
        else:
            self._later = memory
        self.labels.update(delta.labels)
        self.fired.extend(delta.fired)
        return True

    def settle(self) -> None:
        """Take in the remembered speakers and answers :meth:`adopt` left for later, and the quoted
        spans :meth:`add_quoted` did: call before this resolver answers again, or for its whole state."""
        if self._later is not None:
            memory, self._later = self._later, None
            self._remember(pickle.loads(memory))
        if self._later_quoted:
            spans, self._later_quoted = self._later_quoted, []
            self.set_quoted(sorted(self.quoted + spans))

    def _remember(self, delta: ResolverDelta) -> None:
        self.history = History([*self.history, *delta.history])
        self._memo.update(delta.memo)

    def bounded(self, ceiling: int) -> None:
        """Answer for the text before ``ceiling`` only, while a forked child reads from there on
        what comes after it in text order (its reports, then its quotations): note every answer
        that might differ for what that child learns meanwhile (a look at or past the ceiling, a
        label asked for and unknown). :meth:`unbounded` says whether any did."""
        self._ceiling = ceiling
        self.unsure = False
        self.labels = _RecordingLabels(self.labels)

    def unbounded(self) -> tuple[bool, set[str]]:
        """End :meth:`bounded`: whether an answer may have needed the child's, and the names whose
        label was asked for and unknown."""
        unsure, self.unsure, self._ceiling = self.unsure, False, _NO_CEILING
        missed = self.labels.missed if isinstance(self.labels, _RecordingLabels) else set()
        self.labels = dict(self.labels)
        return unsure, missed

    def checkpoint(self) -> ResolverState:
        """What this resolver has learned so far, to :meth:`restore` it to."""
        self.settle()
        return list(self.history), dict(self._memo), dict(self.labels), list(self.fired), list(self.quoted)

    def restore(self, state: ResolverState) -> None:
        """Forget what was learned since :meth:`checkpoint` gave ``state``."""
        history, memo, labels, fired, quoted = state
        self.history, self._memo, self.labels, self._later = History(history), dict(memo), dict(labels), None
        self._later_quoted = []
        self.fired[:] = fired
        self.set_quoted(list(quoted))

    def set_quoted(self, spans: list[tuple[int, int]]) -> None:
        """The quoted spans, sorted: for a resolver made before they were known (nothing asked yet),
        and whenever they change (:meth:`add_quoted`, :meth:`restore`)."""
        self.quoted = spans
        self.quoted_starts = [q[0] for q in spans]

    def add_quoted(self, spans: list[tuple[int, int]], forget: bool = True, later: bool = False) -> None:
        """Also treat these spans (reported clauses) as quoted: names in them are not antecedents.

        ``forget=False``: keep the memoised answers (the spans are another process's, added to
        answers given with the same spans known where they could matter). ``later`` (with it): taken
        in by :meth:`settle`, once this resolver is asked again (sorting some 27,000 spans at the end
        of a long article's run, for nothing if nothing asks)."""
        if later and not forget:
            self._later_quoted.extend(spans)
            return
        self.set_quoted(sorted(self.quoted + spans))
        if forget:
            # Pronoun and nominal antecedents may change now; a name, or a phrase taken as written, cannot.
            self._memo = {k: v for k, v in self._memo.items() if v[1] not in ("pronoun", "nominal")}

    def remember(self, pos: int, speaker: str, head: str) -> None:
        """Record a speaker phrase so a later nominal ("the television") can refer back to it."""
        self.history.add((pos, speaker, head))

    def _name_head(self, name: str) -> str:
        """The last word of a name, in lower case ("Ann Lee" -> "lee"): what a later nominal matches."""
        head = self._name_heads.get(name)
        if head is None:
            head = self._name_heads[name] = name.split()[-1].lower()
        return head

    def with_initial(self, m: Mention) -> str:
        """A person's name cut at a middle initial ("James B" before ". Whitcombe") made whole again:
        "James B. Whitcombe"; any other name as it is."""
        if self.text[m.end:m.end + 1] != "." or not _CUT_AT_INITIAL_RE.search(m.entity):
            return m.entity
        rest = _SURNAME_AFTER_RE.match(self.text, m.end)
        if rest is None:
            return m.entity
        name = f"{m.entity}. {rest.group(1)}"
        self.labels[name] = "PERSON"
        return name

    def name_as_written(self, start: int, end: int) -> str | None:
        """A person's name the entity stage did not find, read from its shape: "Rep. G.K. Butterfield
        (D-N.C.)", "Mr. King", "Vann R. Newkirk II". Titles and a parenthesis are left out; a bare
        surname is tied to a person named in full before it ("Mr. King" -> "Charlie King").
        None unless every word is capitalised (or an initial or particle) and the first is no common word."""
        if _CAPITAL_RE.search(self.text, start, end) is None:
            return None  # (the last word of a name starts with a capital A-Z: "and", "the agency" are none)
        phrase = _PARENS_RE.sub(" ", self.text[start:end]).split(",")[0]
        words = [w for w in phrase.split() if w]
        titled = False
        while len(words) > 1 and words[0].rstrip(".").lower() in PERSON_TITLES:
            words, titled = words[1:], True
        # (after a title a common word is a name: "Mr. King", "Ms. Young"; alone, a title is none)
        if not titled and len(words) == 1 and words[0].rstrip(".").lower() in PERSON_TITLES:
            return None
        if not 0 < len(words) <= 5 or (words[0].lower().strip(".") in COMMON_CAPS and not titled) or \
                words[0].lower() in NON_SPEAKERS:
            return None
        if not all(_NAME_WORD_RE.fullmatch(w) for w in words) or not words[-1][:1].isupper():
            return None
        surname = words[-1].strip(".")
        if len(words) == 1:
            i = bisect_left(self.starts, start) - 1
            stop = max(-1, i - 4 * _LOOKBACK)
            while i > stop:
                m = self.mentions[i]
                i -= 1
                if m.label == "PERSON" and " " in m.entity and m.entity.split()[-1].lower() == surname.lower():
                    return m.entity
        return " ".join(words).strip(".,")

    def resolve(self, start: int, end: int) -> str | None:
        """The speaker named by the phrase ``text[start:end]``, or None."""
        return self.resolve_how(start, end)[0]

    def resolve_or_as_written(self, start: int, end: int) -> str | None:
        """:meth:`resolve`, else the phrase read as a name from its shape (:meth:`name_as_written`):
        how a quotation's signature, label or trailing attribution names its speaker."""
        return self.resolve(start, end) or self.name_as_written(start, end)

    def resolve_how(self, start: int, end: int) -> tuple[str | None, str]:
        """The speaker of a phrase and how it was found: named, pronoun, nominal, phrase or indefinite.

        Memoised per span: the same subject phrase is asked about by several cues.
        """
        key = (start, end)
        if start >= self._ceiling or (self.history_floor is not None and start < self.history_floor):
            self.unsure = True  # the other process may have read (and memoised) this phrase first
        cached = self._memo.get(key)
        if cached is None:
            cached = self._memo[key] = self._resolve_how(start, end)
        return cached

    def _resolve_how(self, start: int, end: int) -> tuple[str | None, str]:
        if end <= start:
            return None, ""
        # (:meth:`mentions_in`, inline: this is the resolver's most frequent step)
        found = self.mentions[bisect_left(self.starts, start):bisect_right(self._ends, end)] if self._disjoint \
            else self.mentions_in(start, end)
        labels = found[0].label if len(found) == 1 else " ".join([m.label for m in found])
        rules = self._subject_rules.get(labels)
        if rules is None:
            rules = self._subject_rules[labels] = tuple(rule for rule in SUBJECTS if rule.applies(labels))
        for rule in rules:
            answer = rule.find(self, start, end, found)
            if answer is not None:
                self.fired.append((start, end, rule.name))
                return answer
        for m in reversed(found):
            if m.label == "PERSON":
                name = self.with_initial(m)
                self.remember(start, name, self._name_head(name))
                return name, "named"
        # What the phrase's words say by themselves (its first words, adverbs left out; offsets from
        # ``start``), worked out once per distinct phrase.
        reading = self._reading(start, end)
        tokens, lows, definite = reading.tokens, reading.lows, reading.definite
        if reading.head_role and found and definite and start + tokens[-1][0] >= found[-1].end:
            # "the Ashcombe manager": the person in that role, the most recent one named.
            # Else a person named in this or the previous paragraph ("Pryce ... the Ashcombe manager
            # said"); else the organisation, for whom its unnamed officer speaks ("The WFP's country
            # director said").
            org = next((m.entity for m in reversed(found) if m.label == "ORG"), None)
            who = self._role_holder(start, lows[-1]) or self._person_nearby(start) or org \
                or self.recent(start, ("PERSON",))
            if who:
                return who, "nominal"
        if definite and not found and reading.aged:
            # "said the 24-year-old": a person described by age, the one last named.
            who = self.recent(start, ("PERSON",))
            if who:
                return who, "nominal"
        if found:
            for label in ("ORG", "PLACE"):
                named = [m for m in found if m.label == label]
                if label == "PLACE":
                    named = [m for m in named if not self._located_speaker(start, tokens, lows, m.start)
                             and not self._place_modifies_speaker(start, tokens, lows, m.end)]
                if named:
                    name = named[0].entity
                    self.remember(start, name, self._name_head(name))
                    return name, "named"
        if not tokens:
            return None, ""
        if not reading.headed:
            _read_head(reading)
        pronoun = reading.pronoun
        if pronoun is not None:
            if pronoun in PRONOUNS_PERSON:
                return self.person_for_pronoun(start, pronoun), "pronoun"
            if pronoun in PRONOUNS_GROUP:
                return self._recent_group(start), "pronoun"
            return None, ""  # "I", "me", "you"
        head_word = reading.head_word
        if head_word is None:
            return None, ""
        if reading.role_last:
            who = self._role_holder(start, head_word)
            if who:
                return who, "nominal"
        if reading.bare:
            remembered = self._first_remembered(start, 16, "noun", head_word)  # (not an earlier bare "the company")
            if remembered is not None:
                return remembered[1], "nominal"
            fits = reading.fits
            if fits:
                generic = head_word in GENERIC_ORG_NOUNS
                hit = self.salient_org(start, fits, head_word) if generic else self.recent(start, ("ORG",), fits)
                if hit is None and generic:
                    hit = self.salient_org(start, None, head_word)  # "the company": an organisation of any name
                if hit:
                    self.remember(start, hit, head_word)  # a later "it said" may mean it
                    return hit, "nominal"
            return head_word, "nominal"
        self.remember(start, reading.phrase, head_word)
        return reading.phrase, reading.how

    def _reading(self, start: int, end: int) -> _Reading:
        """The :class:`_Reading` of ``text[start:end]``: a pure function of the phrase's text, so one per
        distinct phrase (a long article asks about "the city council" hundreds of times)."""
        phrase = self.text[start:end]
        reading = self._readings.get(phrase)
        if reading is None:
            reading = self._readings[phrase] = _read_phrase(phrase)
        return reading

    def _place_modifies_speaker(self, base: int, tokens: tuple[tuple[int, int, str], ...], lows: tuple[str, ...],
                                place_end: int) -> bool:
        """Is the place a modifier of the speaker noun after it ("a senior US official", "the
        Chinese delegation's statement")? Then the speaker is the noun phrase. (Token offsets
        are from ``base``.)"""
        place_end -= base
        for (a, _b, _word), low in zip(tokens, lows, strict=True):
            if a >= place_end:
                return speaker_noun(low) or low in PERSON_ROLES
        return False

    def _located_speaker(self, base: int, tokens: tuple[tuple[int, int, str], ...], lows: tuple[str, ...],
                         place_start: int) -> bool:
        """Is the place only where a speaker is ("residents in Aleppo", "sources on the ground in
        Homs", "doctors at a hospital near Lyon"): after a locative preposition that follows a
        speaker noun? Then the speaker is the noun phrase, not the place. (Token offsets are
        from ``base``.)"""
        for (_a, b, _word), low in zip(tokens, lows, strict=True):
            if base + b > place_start:
                return False
            if low in PLACED_INSTITUTIONS:
                return False  # "the government in Kyiv", "police in Lyon": the place names the body
            if speaker_noun(low) or low in PERSON_ROLES:
                # "residents in Aleppo", "the governor of Sofala province": where the speaker is
                between = self.text[base + b:place_start]
                return _LOCATIVE_RE.search(between) is not None or (
                    low in PERSON_ROLES and _OF_THE_RE.match(between) is not None)
        return False

    def _person_nearby(self, pos: int) -> str | None:
        """The most recent person named in the paragraph of ``pos`` or the one before it."""
        para = self.text.rfind("\n", 0, pos)
        para = self.text.rfind("\n", 0, max(0, para - 1)) if para > 0 else -1
        found = self._recent_mention(pos, ("PERSON",))
        return found.entity if found is not None and found.start > para else None

    def _role_holder(self, pos: int, role: str) -> str | None:
        """The most recent person introduced near the word ``role`` ("Pryce, the manager")."""
        i = bisect_left(self.starts, pos) - 1
        stop = max(-1, i - 12)
        text = self.text
        while i > stop:
            m = self.mentions[i]
            i -= 1
            if m.label != "PERSON" or self._in_quote(m.start):
                continue
            if role in text[max(0, m.start - 60):m.end + 60].lower():
                return m.entity
        return None

    def _recent_group(self, pos: int) -> str | None:
        remembered = self._first_remembered(pos, 8, "group", "")
        return remembered[1] if remembered is not None else self.recent(pos, ("ORG",))


@dataclass(slots=True)
class _Reading:
    """What the words of a subject phrase say by themselves, wherever it stands (see
    :meth:`Resolver._resolve_how`, which adds what depends on where: mentions, earlier speakers).

    ``text`` is the phrase; ``tokens`` are its first words, adverbs left out, as (start, end, word)
    counted from the phrase's start, and ``lows`` the same words in lower case. ``head_role``: the
    last word is a role ("the manager"); ``definite``: the first is a definite determiner; ``aged``:
    the phrase is "the 24-year-old". Worked out only when no mention in the phrase answers first
    (``headed``): ``pronoun``, its last pronoun word, if any; then, for a phrase with none, its head
    noun (``head_word``, None when it has no speaker noun): ``role_last``, a role ending a definite
    phrase; ``bare``, a definite determiner and the head only ("the agency"), with the names it may
    mean (``fits``); else the ``phrase`` to take as the speaker and ``how``.
    """

    text: str
    tokens: tuple[tuple[int, int, str], ...]
    lows: tuple[str, ...]
    head_role: bool
    definite: bool
    aged: bool
    headed: bool = False  # the fields below worked out (by _read_head, only when asked for)
    pronoun: str | None = None
    head_word: str | None = None
    role_last: bool = False
    bare: bool = False
    fits: frozenset[str] | None = None
    phrase: str = ""
    how: str = ""


def _read_phrase(text: str) -> _Reading:
    """The :class:`_Reading` of a subject phrase ``text``."""
    tokens: list[tuple[int, int, str]] = []
    lows: list[str] = []
    for n, t in enumerate(_TOKEN_RE.finditer(text)):
        if n >= _MAX_TOKENS:
            break
        word = t.group()
        low = word.lower()
        if not parenthetical(low):
            tokens.append((t.start(), t.end(), word))
            lows.append(low)
    head_role = bool(lows) and lows[-1] in PERSON_ROLES and lows[-1] not in ("officials", "official")
    definite = bool(lows) and lows[0] in DEFINITE_DETERMINERS
    aged = definite and _AGED_RE.fullmatch(text.strip(" ,")) is not None
    return _Reading(text, tuple(tokens), tuple(lows), head_role, definite, aged)


def _read_head(reading: _Reading) -> None:
    """Work out the fields of ``reading`` that say what its words name when no mention does: its
    pronoun, or its head noun and what that makes it."""
    reading.headed = True
    text, tokens, lows, definite = reading.text, reading.tokens, reading.lows, reading.definite
    for low in lows[::-1]:
        if low in PRONOUNS_PERSON or low in PRONOUNS_GROUP or low in ("i", "me", "you"):
            reading.pronoun = low
            return
    i = 0
    while i < len(lows) and lows[i] in SPEAKER_DETERMINERS:
        i += 1
    content = list(range(i, len(tokens)))
    # The head is the last noun before any prepositional phrase ("club officials" -> officials,
    # "sources on the ground" -> sources).
    np_end = next((j for j in content if lows[j] in NP_PREPOSITIONS), len(tokens))
    heads = [j for j in content if (speaker_noun(lows[j]) or lows[j] in PERSON_ROLES
                                    or (definite and j == content[-1] and lows[j] in ORG_HEADS))]
    if not heads:
        return
    before_prep = [j for j in heads if j < np_end]
    if before_prep:
        heads = [before_prep[-1]]
    head = heads[0]
    head_word = lows[head]
    role_last = head_word in PERSON_ROLES and head == content[-1] and definite
    bare = head == i and (len(content) == 1 or lows[i + 1] in ("news",) and len(content) == 2)
    if i > 0 and bare and definite:
        nominal = " ".join(lows[i:head + 1] if head_word != "news" else lows[i:])
        fits = NOMINAL_FITS.get(nominal) or NOMINAL_FITS.get(head_word) or (
            frozenset({head_word}) if head_word in ORG_HEADS else None)  # "the federation": the one named so
        reading.head_word, reading.role_last, reading.bare, reading.fits = head_word, role_last, True, fits
        return
    first = content[0]
    if lows[first] in DEMONYMS or tokens[first][2][:1].isupper() or first < head:
        phrase = text[tokens[first][0]:tokens[head][1]]
    else:
        phrase = tokens[head][2]
    if len(phrase.split()) > 5:
        phrase = tokens[head][2]
    how = "indefinite" if i > 0 and lows[i - 1] in {"a", "an", "one", "some", "two", "three"} else "phrase"
    reading.head_word, reading.role_last, reading.phrase, reading.how = head_word, role_last, phrase, how


class _RecordingLabels(dict[str, str]):
    """Labels by name that remember the names asked for and not known (a partial resolver's check)."""

    __slots__ = ("missed",)

    def __init__(self, labels: dict[str, str]) -> None:
        super().__init__(labels)
        self.missed: set[str] = set()

    def get(self, name: str, default: str | None = None) -> str | None:  # type: ignore[override]
        if name not in self:
            self.missed.add(name)
        return super().get(name, default)


@dataclass(frozen=True, slots=True)
class ResolverDelta:
    """What a partial resolver learned (see :meth:`Resolver.learned`): remembered speakers, memoised
    answers, labels of names, subject rules fired, names asked for and unknown, whether an answer
    may have needed what the parent learned, and its searches of remembered speakers that read
    past its own (for the parent to check: :meth:`Resolver.holds`)."""

    history: list[tuple[int, str, str]]
    memo: dict[tuple[int, int], tuple[str | None, str]]
    labels: dict[str, str]
    fired: list[tuple[int, int, str]]
    missed: list[str]
    unsure: bool
    questions: list[Question] = field(default_factory=list)

    def split(self) -> tuple[ResolverDelta, bytes]:
        """This delta without its remembered speakers and answers, and those pickled on their own,
        for :meth:`Resolver.adopt` to take in when they are needed (see there)."""
        memory = pickle.dumps(ResolverDelta(self.history, self.memo, {}, [], [], False),
                              protocol=pickle.HIGHEST_PROTOCOL)
        return ResolverDelta([], {}, self.labels, self.fired, self.missed, self.unsure, self.questions), memory

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        """Pickled as columns (offsets in one array, names in flat lists): a long text's child sends
        some 20,000 remembered speakers and answers, which load in a third of the time that way."""
        memo = self.memo
        return _delta_from_columns, (
            array("q", [entry[0] for entry in self.history]).tobytes(), [entry[1] for entry in self.history],
            [entry[2] for entry in self.history], array("q", [n for key in memo for n in key]).tobytes(),
            [value[0] for value in memo.values()], [value[1] for value in memo.values()],
            self.labels, self.fired, self.missed, self.unsure, self.questions)


def _delta_from_columns(positions: bytes, speakers: list[str], heads: list[str], keys: bytes,
                        answers: list[str | None], hows: list[str], labels: dict[str, str],
                        fired: list[tuple[int, int, str]], missed: list[str], unsure: bool,
                        questions: list[Question]) -> ResolverDelta:
    """The :class:`ResolverDelta` that :meth:`ResolverDelta.__reduce__` took apart."""
    offsets = array("q")
    offsets.frombytes(keys)
    pairs = iter(offsets.tolist())
    at = array("q")
    at.frombytes(positions)
    return ResolverDelta(list(zip(at.tolist(), speakers, heads, strict=True)),
                         dict(zip(zip(pairs, pairs, strict=True), zip(answers, hows, strict=True), strict=True)),
                         labels, fired, missed, unsure, questions)


_OF_THE_RE = patterns.compile(r"\s+of\s+(?:the\s+)?$")
_ATTRIBUTION_PRONOUN_RE = patterns.compile(r"[,!?]\s*[\"”’'»]\s+(he|she)\s+(?:said|says|added|told|replied)\b", re.I)
_QUOTE_THEN_PRONOUN_RE = patterns.compile(r"\s*[\"“‘'«][^\"“”«»]*[,!?]\s*[\"”’'»]\s*", re.S)
_MALE_TITLES = tuple(f"{t}{dot} " for t in MALE_HONORIFICS for dot in ("", "."))
_FEMALE_TITLES = tuple(f"{t}{dot} " for t in FEMALE_HONORIFICS for dot in ("", "."))


def _genders(text: str, mentions: list[Mention]) -> dict[str, tuple[str, bool]]:
    """Person -> ("m" or "f", sure): sure where an honorific before a mention says so ("Mr Okoro"),
    not sure where only the given name suggests it ("Hendrik Vos"); absent when unknown."""
    found: dict[str, set[str]] = {}
    names = given_genders()
    for m in mentions:
        if m.label != "PERSON" or m.start < 2:
            continue
        if text[m.start - 1] != " ":
            continue
        before = text[max(0, m.start - 10):m.start]
        if before.endswith(_MALE_TITLES):
            found.setdefault(m.entity, set()).add("m")
        elif before.endswith(_FEMALE_TITLES):
            found.setdefault(m.entity, set()).add("f")
    genders = {name: (next(iter(g)), True) for name, g in found.items() if len(g) == 1}
    for entity in dict.fromkeys([m.entity for m in mentions if m.label == "PERSON"]):  # (each person once)
        if entity not in found and " " in entity:
            given = names.get(entity.split()[0])
            if given is not None:
                genders[entity] = (given, False)
    return genders


_OPENING_CLAUSE_RE = patterns.compile(r"\s*(?:[A-Z][a-z]+(?:ed|ing)|After|Before|When|While|As|Although|Though|Since|If"
                                r"|Despite|Asked|Told|Pressed)\b[^,.;:]{0,160},")


def _subject_start(text: str, start: int, end: int) -> int:
    """Where a sentence's subject can start: after an opening participle or subordinate clause
    ("Pressed on whether Vidal would play, Hale smiled": Hale, not Vidal)."""
    m = _OPENING_CLAUSE_RE.match(text, start, end)
    return m.end() if m else start


def _pronoun_at(text: str, start: int, end: int, pronoun: str) -> int | None:
    """Where ``pronoun`` opens the clause in ``text[start:end]`` (its subject), if it does."""
    m = patterns.compile(rf"\s*(?:[A-Z][\w’'-]*,?\s+){{0,3}}?(?i:{pronoun})\b").match(text[start:end])  # (a few pronouns)
    if m is None or text[start:end][:1] in "\"“‘'«":
        return None
    return start + m.end() - len(pronoun)


def speaker_noun(low: str) -> bool:
    """A noun that names who speaks, singular or plural ("agency", "agencies", "sources")."""
    return low in SPEAKER_NOUNS or low.rstrip("s") in SPEAKER_NOUNS or (
        low.endswith("ies") and low[:-3] + "y" in SPEAKER_NOUNS)




def _modifier(text: str, m: Mention, end: int) -> bool:
    """Is the name ``m`` (inside a subject phrase ending at ``end``) a modifier of a later noun rather
    than the subject: a possessor ("Gore's spokeswoman") or a name before a noun for people
    ("Sanders advisers", "a Clinton ally")?"""
    if _POSSESSIVE_RE.match(text, m.end):
        return True
    nxt = _NEXT_WORD_RE.match(text, m.end, end)
    if nxt is None:
        return False
    noun = nxt.group(1)
    return speaker_noun(noun) or noun in PERSON_ROLES or noun + "s" in SPEAKER_NOUNS  # "an Obama supporter"


@SUBJECTS.rule("person-as-modifier", examples=(
    Example("Aides to Senator Ruth Calloway said the bill would pass. Calloway advisers said it would take a week.",
            "it would take a week", "indirect", "Calloway advisers"),
    Example("Mayor Tom Reddy spoke first. A Reddy ally said the vote was never in doubt.",
            "the vote was never in doubt", "indirect", "Reddy ally"),
    Example("Mayor Tom Reddy spoke first. Ilse Varga, a Reddy supporter, said the vote was never in doubt.",
            "the vote was never in doubt", "indirect", "Ilse Varga"),
    Example("Governor Iris Kemp stayed silent. Kemp’s press secretary said the governor would sign the bill.",
            "the governor would sign the bill", "indirect", "Kemp’s press secretary"),
    Example("Ruth Calloway left early. Aides to Senator Calloway said she would vote against the bill.",
            "she would vote against the bill", "indirect", "Aides to Senator Calloway"),
), when=_a_person)
def person_as_modifier(r: Resolver, start: int, end: int, found: list[Mention]) -> tuple[str | None, str] | None:
    """A person named in a subject phrase only to say whose people speak ("Sanders advisers", "a
    Clinton ally", "Gore's spokeswoman", "aides to Senator Kemp", "a lawyer for Mr. Lee"): the
    speaker is the phrase, not the person named in it (nor a person named just before it). A name
    after the noun ("Gore's spokeswoman Ann Lee") is the speaker, whether or not the entity stage
    found it."""
    people = [m for m in found if m.label == "PERSON"]
    if not people:
        return None
    last = people[-1]
    if not _modifier(r.text, last, end):
        return _people_of(r, start, end, last)
    words = r.text[last.end:end].split()
    # "Gore's communications director Ann Lee": a name after the role noun.
    k = next((i for i, w in enumerate(words) if w[:1].isupper()), None)
    if k is not None and k > 0:
        a = r.text.find(words[k], last.end, end)
        named = r.name_as_written(a, end)
        if named:
            return named, "named"
    a = last.start
    for t in _TOKEN_RE.finditer(r.text, start, last.start):  # from the first word after a determiner
        if t.group().lower() not in SPEAKER_DETERMINERS and not parenthetical(t.group().lower()):
            a = t.start()
            break
    phrase = " ".join(r.text[a:end].split()).strip(" ,;:")
    if not phrase or len(phrase.split()) > 8:
        return None
    r.remember(start, phrase, phrase.split()[-1].lower())
    return phrase, "phrase"


_PEOPLE_OF_RE = patterns.compile(r"\s*(?i:(?:the|a|an|one|two|three|some|several|many|other|his|her|their|senior|top|former|close)\s+)*"
                           r"([A-Za-z][\w’'-]*)\s+(?:for|to|of|with|close\s+to)\s+(?:[A-Z][\w’'.-]*\s+){0,2}$")


def _people_of(r: Resolver, start: int, end: int, person: Mention) -> tuple[str | None, str] | None:
    """"Aides to Senator Kemp", "a lawyer for Mr. Lee": people of the person named, as a phrase."""
    m = _PEOPLE_OF_RE.match(r.text, start, person.start)
    noun = m.group(1).lower() if m is not None else ""
    if m is None or not (speaker_noun(noun) or noun in PERSON_ROLES):
        return None
    phrase = " ".join(r.text[m.start(1):person.end].split())
    r.remember(start, phrase, noun)
    return phrase, "phrase"



_AFFILIATION_BEFORE_RE = patterns.compile(r"\s(?:for|of|at|from|with)\s+(?:the\s+)?$")


@SUBJECTS.rule("person-before-body", examples=(
    Example("“Turnout will be low,” wrote Marguerite Oyelaran for Dawn Consult.",
            "Turnout will be low", "direct", "Marguerite Oyelaran"),
), when=_two_people)
def person_before_body(r: Resolver, start: int, end: int, found: list[Mention]) -> tuple[str | None, str] | None:
    """"Ann Lee for Dawn Consult", "Ann Lee of Harper Wells": the person named first, not
    a second name after a preposition of affiliation — that one names the body she speaks for,
    even when the entity stage took it for a person."""
    people = [m for m in found if m.label == "PERSON"]
    if len(people) < 2 or not _AFFILIATION_BEFORE_RE.search(r.text, max(start, people[-1].start - 12), people[-1].start):
        return None
    first = people[0]
    if not _AFFILIATION_BEFORE_RE.search(r.text, max(start, first.start - 12), first.start) and \
            r.text[first.end:people[-1].start].count(",") == 0:
        r.remember(start, first.entity, first.entity.split()[-1].lower())
        return first.entity, "named"
    return None



@SUBJECTS.rule("place-role-nominal", examples=(
    Example("Ohio Gov. Dale Ritter spoke first. Ann Cole, the mayor, followed.\n\n"
            "The Ohio governor said the plant would stay open.", "the plant would stay open", "indirect", "Dale Ritter"),
    Example("Ann Cole, the mayor, spoke first.\n\nThe Ohio governor said the plant would stay open.",
            "the plant would stay open", "indirect", "Ohio governor"),
), when=_only_places)
def place_role_nominal(r: Resolver, start: int, end: int, found: list[Mention]) -> tuple[str | None, str] | None:
    """"The Indiana governor", "the Vermont senator" (an office held for a place): the person named
    before with that place and that office ("Indiana Gov. Ann Lee"), not whoever was named last; when no one was, the phrase
    itself ("Indiana governor") — never a person the description does not fit."""
    if not found or any(m.label != "PLACE" for m in found):
        return None
    words = _TOKEN_RE.findall(r.text, start, end)
    if len(words) < 3 or words[0].lower() not in DEFINITE_DETERMINERS or words[-1].lower() not in PLACE_OFFICES:
        return None
    place = found[-1]
    after = _TOKEN_RE.findall(r.text, place.end, end)
    if not after or not all(w.lower() in PERSON_ROLES or w.islower() for w in after):
        return None
    role = words[-1].lower()
    forms = (role, *ROLE_ABBREVIATIONS.get(role, ()))
    place_word = r.text[place.start:place.end].lower()
    i = bisect_left(r.starts, start) - 1
    stop = max(-1, i - 4 * _LOOKBACK)
    while i > stop:
        m = r.mentions[i]
        i -= 1
        if m.label != "PERSON" or r._in_quote(m.start):
            continue
        # The words around the name in its own sentence: "Indiana Gov. Ann Lee", "Ann Lee, Ohio's governor".
        before = _SENTENCE_CUT_RE.split(r.text[max(0, m.start - 40):m.start])[-1]
        after = _SENTENCE_CUT_RE.split(r.text[m.end:min(m.end + 50, start)])[0]
        near = (before + " " + after).lower()
        if place_word in near and any(form in near for form in forms):
            return r.with_initial(m), "nominal"
    a = place.start if place.start > start else start
    phrase = " ".join(r.text[a:end].split()).strip(" ,;:")
    return phrase, "phrase"
