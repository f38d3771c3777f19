"""Entity votes as named rules, in one ordered registry.

Each rule looks at one word run (a :class:`Judgement`: the name's words, the words before and after
it, what is already known) and, when its construction is there, adds a vote for a label ("PERSON",
"ORG", "PLACE", "NORP", "DATE") or marks the run as no name. A rule carries its own ``examples``:
sentences written for it, with the surface it must find and the label that surface must end up
with; ``tests/analysis/test_analysis_entities.py`` runs every example and checks that the rule
fired. Adding a construction means adding one function here, decorated with :func:`rule`.

Rules run in phases, in the order of :data:`PHASES`; within a phase, in the order they are defined.
Rules sharing a ``group`` are alternatives: the first that fires takes the group, so the later
ones (weaker readings of the same words) are skipped. Votes are pooled per surface form later,
in ``entities``, so the strength of a vote says how much one occurrence counts.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple, Protocol

from reader import patterns
from reader.analysis.entity_words import (
    ABBREVIATED_TITLES,
    BUILDING_NOUNS,
    CLUB_OPENERS,
    COMMON_WORDS,
    FACILITY_HEADS,
    FIRST_NAMES,
    FUNCTION_CAPS,
    GROUP_OF,
    INSTITUTION_OPENERS,
    KIN_NOUNS,
    LIFE_EVENTS,
    MEDIUM,
    MOTION_WORDS,
    NOT_ACRONYMS,
    ORG_BEFORE,
    ORG_MODIFIERS,
    OUTLET_STAFF,
    PLACE_PREPS,
    PLACE_ROLES,
    PUBLISHING_VERBS,
    ROMAN_RE,
    STRONG,
    SURNAME_NOUNS,
    SURNAME_SUFFIXES,
    TITLE_SMALL_WORDS,
    TITLES_ROLES,
    WEAK,
)
from reader.analysis.lexicon import (
    COMPASS,
    COUNTRY_CODES,
    DEMONYMS,
    KNOWN_ORGS,
    MONTHS,
    NAME_NOUNS,
    ORG_TAILS,
    PERSON_ROLES,
    PLACE_HEADS,
    PLACE_NOUNS,
    PLACE_OPENERS,
    PLACE_TAILS,
    REPORT_VERBS,
    TOPONYM_SUFFIXES,
    VENUE_NOUNS,
    WEEKDAYS,
)

DATELINE_RE = patterns.compile(r"([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)*)(?:, [A-Z][\w.]+(?: (?:[A-Z][\w.]+|\d{1,2}))?)? ?"
                         r"(?:\([^)]{1,30}\) ?)?[—–-]{1,2} ")
_AGE_RE = patterns.compile(r", (?:\d{1,3}|aged \d{1,3}),")
_KIN_BEFORE_RE = patterns.compile(rf"(?<![\w’'-])(?:{KIN_NOUNS}),[ ]$")
# "X, a payroll software maker,": an appositive whose head noun is an organisation's.
_DESCRIBED_AS_RE = patterns.compile(r",[ ](?:a|an|the|its|[A-Z][\w’'-]*[’']s)[ ](?:[\w’'-]+[ ]){0,4}?([a-z][\w-]*)"
                              r"(?=[,.;]|[ ](?:in|of|for|based|that|which|with|from)\b)")
# "the union, X": an organisation noun, then a comma, right before the name.
_APPOSITIVE_RE = patterns.compile(r"([A-Za-z][\w-]*+)[’']?s?,[ ]$")
# How a window the pattern can match ends (``$`` also matches before a last newline): a search
# over a window that does not end so is skipped (a search tries every position, ~5 us).
_COMMA_SPACE = (", ", ", \n")
# Place heads that name a place after "of" ("the desert of X", "the province of X"); "the estate of X"
# and "the hall of X" name what a person owns.
_PLACE_HEADS_OF = PLACE_HEADS - {"estate", "hall", "camp", "park", "square", "country", "countryside"}
_NEWS_OUTLETS = frozenset({"agency", "service", "network", "channel", "website"})
_WEAK_ORG_TAILS = frozenset({"officials", "official", "government", "militants"})
_PLACE_TAIL_MODIFIERS = frozenset({"border", "city", "town", "old", "eastern", "western", "northern", "southern",
                                   "central"})


class Finder(Protocol):
    """What a rule may ask of the finder judging the run."""

    places: frozenset[str]
    lower_vocab: set[str]

    def _sentence_initial(self, start: int) -> bool: ...


@dataclass(slots=True)
class Judgement:
    """One word run being judged: its words, its surroundings, and the votes cast so far."""

    finder: Finder
    text: str
    grp: list[tuple[int, int]]
    words: list[str]
    lows: list[str]
    start: int
    end: int
    surface: str
    para_start: int
    titlecase: bool
    in_places: bool = False
    org_head: bool = False
    titled: bool = False
    p1: str = ""  # the word before, lower case ("" at a break)
    p2: str = ""  # the word before that
    n1: str = ""  # the lower-case word after (after a possessive "'s")
    n2: str = ""
    next_text: str = ""  # what the look-ahead for n1 and n2 matched
    possessive: bool = False
    noun_tail: bool = False  # the name ends in an ordinary noun ("Dunmore Textiles")
    first_named: bool = False  # the name opens with a known given name
    votes: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    fired: list[str] = field(default_factory=list)
    taken: set[str] = field(default_factory=set)
    done: bool = False  # the label is settled: no later phase runs
    drop: bool = False  # not a name after all

    @property
    def last(self) -> str:
        return self.lows[-1]

    def vote(self, label: str, strength: int) -> bool:
        self.votes[label] += strength
        return True


class Voted(Protocol):
    """A judged candidate, as pair rules see it."""

    start: int
    text: str
    end: int
    votes: dict[str, int]


@dataclass(slots=True)
class Pair:
    """Two neighbouring candidates and the text between them (for rules over coordinated names)."""

    text: str
    a: Voted
    b: Voted
    gap: str


class Example(NamedTuple):
    """A sentence written for a rule, the surface it names and the label it must end with (None:
    the surface must not be an entity); ``fires`` False for a near miss the rule must leave alone."""

    sentence: str
    surface: str
    label: str | None
    fires: bool = True


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    phase: str
    apply: Callable[..., bool]
    examples: tuple[Example, ...]
    group: str | None
    rerun: bool
    doc: str
    # Gates: what the rule's own first test needs, declared so a phase skips the rule without
    # calling it (see :class:`Phase`). None: no gate. The rule still makes its own test.
    single: bool | None = None  # True: one-word runs only; False: runs of two words or more only
    before: frozenset[str] | None = None  # the word before (``p1``) is one of these ("": none)
    after: frozenset[str] | None = None  # the word after (``n1``) is one of these
    first: frozenset[str] | None = None  # the name's first word, lower case (``lows[0]``), is one of these
    last: frozenset[str] | None = None  # its last word, lower case (``lows[-1]``), is one of these
    upper: bool | None = None  # True: names in capitals only ("NATO"); False: names not in capitals only
    surface: frozenset[str] | None = None  # the name itself is one of these
    follows: frozenset[str] | None = None  # the character right after the name is one of these (",")
    gap: frozenset[str] | None = None  # a pair rule: the text between the two names is one of these


PHASES = ("date", "name", "title", "alone", "context", "fallback", "pair")
RULES: list[Rule] = []


def rule(phase: str, *examples: tuple[str, str, str | None] | tuple[str, str, str | None, bool], group: str | None = None,
         rerun: bool = False, single: bool | None = None, before: frozenset[str] | None = None,
         after: frozenset[str] | None = None, first: frozenset[str] | None = None,
         last: frozenset[str] | None = None, upper: bool | None = None, surface: frozenset[str] | None = None,
         follows: frozenset[str] | None = None, gap: frozenset[str] | None = None
         ) -> Callable[[Callable[..., bool]], Callable[..., bool]]:
    """Register the decorated function as the next rule of ``phase``.

    A rule returns whether it fired (a "pair" rule: the candidates it voted for).

    ``rerun``: in the "name" phase, run again on what is left when a leading demonym is split off
    ("Syrian Red Crescent" -> "Red Crescent").

    ``single``, ``before``, ``after``, ``first``, ``last``, ``upper``, ``surface``, ``follows``:
    gates, each a condition the rule itself tests first (and returns False without a side
    effect when it fails): one word or several; the word before (``j.p1``) or after (``j.n1``),
    or the name's first or last word (lower case) in a set; the name in capitals or not; the
    name itself, or the character after it, in a set. A phase then does not call the rule on a run a gate shuts out; most
    runs pass few of the gates, so this saves most calls. ``gap``, for a pair rule: the text
    between the two names is one of these (" and "), so most neighbouring names, far apart, call
    no pair rule. The rule examples check that a gate lets its rule fire; a test checks that
    gates change nothing.
    """
    if phase not in PHASES:
        raise ValueError(f"unknown phase {phase!r}")

    def register(fn: Callable[..., bool]) -> Callable[..., bool]:
        RULES.append(Rule(fn.__name__, phase, fn, tuple(Example(*e) for e in examples), group, rerun,
                          (fn.__doc__ or "").strip(), single, before, after, first, last, upper, surface,
                          follows, gap))
        return fn
    return register


def rules_of(phase: str) -> tuple[Rule, ...]:
    return tuple(r for r in RULES if r.phase == phase)


# What a phase calls for one rule: its function, its group and its name.
Step = tuple[Callable[..., bool], str | None, str]
_WORD_GATES = ("before", "after", "first", "last", "surface", "follows")  # gates on one string of the judgement


def _word_masks(rules: tuple[Rule, ...], gate: str) -> tuple[dict[str, int], int] | None:
    """For a word gate: each word some rule's gate names, with the bit mask of the rules that
    word lets through (the rules without that gate, and those whose gate names it); and the
    mask for any other word. None when no rule of the phase has that gate."""
    sets = [getattr(r, gate) for r in rules]
    if all(words is None for words in sets):
        return None
    default = sum(1 << i for i, words in enumerate(sets) if words is None)
    masks: dict[str, int] = {}
    for i, words in enumerate(sets):
        for word in words or ():
            masks[word] = masks.get(word, default) | 1 << i
    return masks, default


class Phase:
    """The rules of one phase, and for each kind of run the ones whose gates let it through.

    Each gate gives, for the run's value (one word or more; the word before, after; its first
    and last word; in capitals or not; the name; the character after it), the bit mask of the rules it lets through; the rules of the masks' overlap
    are picked once per overlap, in order, and kept. Skipping a rule a gate shuts out changes
    nothing: it would have returned False (so it takes no ``group`` either).
    """

    __slots__ = ("rules", "every", "_single", "_upper", "_before", "_after", "_first", "_last", "_surface",
                 "_follows", "_chosen")

    def __init__(self, rules: tuple[Rule, ...]) -> None:
        self.rules = rules
        self.every: tuple[Step, ...] = tuple((r.apply, r.group, r.name) for r in rules)
        self._single = (sum(1 << i for i, r in enumerate(rules) if r.single is not True),   # several words
                        sum(1 << i for i, r in enumerate(rules) if r.single is not False))  # one word
        upper = (sum(1 << i for i, r in enumerate(rules) if r.upper is not True),  # not in capitals
                 sum(1 << i for i, r in enumerate(rules) if r.upper is not False))  # in capitals
        self._upper = upper if any(r.upper is not None for r in rules) else None
        self._before, self._after, self._first, self._last, self._surface, self._follows = (
            _word_masks(rules, g) for g in _WORD_GATES)
        self._chosen: dict[int, tuple[Step, ...]] = {}

    def select(self, j: Judgement) -> tuple[Step, ...]:
        """The rules that may fire on ``j``, in order."""
        mask = self._single[len(j.grp) == 1]
        if self._before is not None:
            mask &= self._before[0].get(j.p1, self._before[1])
        if self._after is not None:
            mask &= self._after[0].get(j.n1, self._after[1])
        if self._first is not None:
            mask &= self._first[0].get(j.lows[0], self._first[1])
        if self._last is not None:
            mask &= self._last[0].get(j.lows[-1], self._last[1])
        if self._upper is not None:
            mask &= self._upper[j.surface.isupper()]
        if self._surface is not None:
            mask &= self._surface[0].get(j.surface, self._surface[1])
        if self._follows is not None:
            mask &= self._follows[0].get(j.text[j.end:j.end + 1], self._follows[1])
        chosen = self._chosen.get(mask)
        if chosen is None:
            chosen = self._chosen[mask] = tuple(step for i, step in enumerate(self.every) if mask >> i & 1)
        return chosen

    def by_gap(self) -> dict[str, tuple[Rule, ...]] | None:
        """For a phase of pair rules: each gap some rule's gate names, with the rules that may fire
        across it, in order; None when a rule has no gap gate (then every pair calls every rule)."""
        if any(r.gap is None for r in self.rules):
            return None
        gaps = {g for r in self.rules if r.gap is not None for g in r.gap}
        return {g: tuple(r for r in self.rules if r.gap is not None and g in r.gap) for g in sorted(gaps)}


def phase_rules(phase: str) -> Phase:
    """The rules of ``phase``, with their gates (see :class:`Phase`)."""
    return Phase(rules_of(phase))


def run(j: Judgement, phase: Phase) -> None:
    """Apply the rules of ``phase`` its gates let through, in order, to ``j``; stop when one
    settles or drops the run."""
    taken = j.taken
    for apply, group, name in phase.select(j):
        if group is not None and group in taken:
            continue
        if apply(j):
            j.fired.append(name)
            if group is not None:
                taken.add(group)
            if j.done or j.drop:
                return


def is_given_name(word: str) -> bool:
    """A known given name, or a hyphenated pair of them ("Jean-Louis", "Mary-Kate")."""
    if word in FIRST_NAMES:
        return True
    parts = word.split("-")
    return len(parts) == 2 and all(p in FIRST_NAMES for p in parts)


def person_shape(words: list[str], gazetteer: frozenset[str], surface: str = "") -> bool:
    """Could these words be a personal name? Not when they begin in a known place or a word with a
    place-name ending, or end in one ("Metrolink Eastport", "Harwich Ferries"); but a town's name
    can be the surname of a two-word name ("Ted Kennedy", "Helmut Newton") written plainly."""
    first, last = words[0], words[-1]
    if first in gazetteer or toponym_shape(first) or toponym_shape(last):
        return False
    return last not in gazetteer or (len(words) == 2 and first.isalpha() and surface == f"{first} {last}")


def toponym_shape(word: str) -> bool:
    """A single title-case word with a place-name ending that is not a given name ("Varnholt", "Ardmore")."""
    return (len(word) >= 6 and word[:1].isupper() and word[1:].islower() and word.isalpha()
            and word.lower().endswith(TOPONYM_SUFFIXES) and word not in FIRST_NAMES)


def in_dateline(text: str, para_start: int, pos: int) -> bool:
    """Is ``pos`` inside the dateline that opens the paragraph at ``para_start``?"""
    dateline = DATELINE_RE.match(text, para_start)
    return dateline is not None and pos < dateline.end()


# --- date: a single word naming a day or month ------------------------------------------------------

@rule("date", ("The vote is due on Thursday, officials said.", "Thursday", "DATE"), single=True, first=WEEKDAYS | MONTHS)
def weekday_or_month(j: Judgement) -> bool:
    """A weekday or month on its own is a date, never a name (dates are not reported as entities)."""
    if len(j.grp) == 1 and (j.lows[0] in WEEKDAYS or j.lows[0] in MONTHS):
        j.votes["DATE"] = STRONG
        j.done = True
        return True
    return False


# --- name: evidence from the words of the name itself -----------------------------------------------

_AFFILIATION_RE = patterns.compile(r"[DRI]-[A-Z]")


@rule("name", ("Senator Ada Quill (D-Mont.) voted against it.", "D-Mont", None), single=True)
def party_affiliation(j: Judgement) -> bool:
    """A party and state after a legislator's name ("(D-Mont.)", "R-TX") is no name."""
    if (len(j.grp) == 1 and _AFFILIATION_RE.match(j.surface)
            and j.text[j.start - 1:j.start] in ("(", " ", ",")):
        j.drop = True
        return True
    return False


@rule("name", ("Deportivo Almaraz won the cup final.", "Deportivo Almaraz", "ORG"), single=False, first=CLUB_OPENERS)
def club_opener(j: Judgement) -> bool:
    """A foreign club's opening word ("Deportivo", "Sporting"): evidence, not proof ("Sporting Director X")."""
    return (len(j.grp) > 1 and j.lows[0] in CLUB_OPENERS and not j.in_places and j.last not in PLACE_HEADS
            and j.vote("ORG", MEDIUM))


@rule("name", ("She taught at the Instituto Caravel in Milan.", "Instituto Caravel", "ORG"),
      ("He trained at the Conservatoire de Lyon for four years.", "Conservatoire de Lyon", "ORG"),
      ("She joined the Théâtre Populaire Nouveau in 1951.", "Théâtre Populaire Nouveau", "ORG"), single=False, first=INSTITUTION_OPENERS)
def institution_opener(j: Judgement) -> bool:
    """A school's, theatre's or bank's opening word in another language ("Instituto", "Conservatoire",
    "Théâtre", "Banco") before more capitalised words: an organisation, as "Bank of ..." is."""
    return (len(j.grp) > 1 and j.lows[0] in INSTITUTION_OPENERS and not j.in_places
            and j.vote("ORG", STRONG + 1))


@rule("name", ("Figures from the NHS showed a rise.", "NHS", "ORG"), group="known", rerun=True, surface=KNOWN_ORGS)
def known_organisation(j: Judgement) -> bool:
    """A name on the list of well-known organisations."""
    return j.surface in KNOWN_ORGS and j.vote("ORG", STRONG)


@rule("name", ("She presented a show on BBC Radio Kent for years.", "BBC Radio Kent", "ORG"), group="known", single=False)
def known_organisation_first(j: Judgement) -> bool:
    """A well-known organisation's name opening a longer name: "BBC Radio Scotland", "NHS England"."""
    return (len(j.grp) > 1 and j.words[0] in KNOWN_ORGS and not j.in_places and j.vote("ORG", STRONG + 1))


@rule("name", ("The exhibition moved to the Harlan Art Museum in May.", "Harlan Art Museum", "PLACE"),
      ("She was the first woman to sing at the Velden Opera House.", "Velden Opera House", "PLACE"),
      ("The letters are kept in the Brask State Archives.", "Brask State Archives", "PLACE"),
      ("He lent two paintings to the Museum of Coastal Art.", "Museum of Coastal Art", "PLACE"),
      ("The Museums Association backed the plan.", "Museums Association", "ORG", False), single=False)
def facility_head(j: Judgement) -> bool:
    """A museum, an archive or an opera house heads the name (at its end, or before "of"): the
    building, a place, more than the body that runs it; settled before the organisation's head."""
    lows, grp, text = j.lows, j.grp, j.text
    n = len(lows)
    if n < 2 or j.in_places:
        return False
    head = lows[-1] in FACILITY_HEADS or " ".join(lows[-2:]) in FACILITY_HEADS or (
        not FACILITY_HEADS.isdisjoint(lows) and any(  # (skips the word-by-word test when no word passes)
            lows[i] in FACILITY_HEADS and text[grp[i][1]:grp[i + 1][0]].strip().split()[:1] == ["of"]
            for i in range(n - 1)))
    if not head:
        return False
    j.votes["PLACE"] = STRONG + 2
    j.done = True
    return True


@rule("name", ("Officials at the Marlow Water Authority refused to comment.", "Marlow Water Authority", "ORG"),
      ("The Department of Roads and Bridges will pay.", "Department of Roads and Bridges", "ORG"),
      ("Volunteers from the Harbour Corps cleared the beach.", "Harbour Corps", "ORG"),
      ("She joined the Brotherhood of Lamplighters in 1990.", "Brotherhood of Lamplighters", "ORG"), single=False)
def organisation_head(j: Judgement) -> bool:
    """An organisation's head word ends the name, or opens it before "of"/"for" ("Ministry of Health")."""
    return j.org_head and len(j.grp) > 1 and not j.in_places and j.vote("ORG", STRONG + 1)


@rule("name", ("The board met Carla J. Whitcombe on Monday.", "Carla J. Whitcombe", "PERSON"),
      ("The paper was written by W. R. Tambling and a colleague.", "W. R. Tambling", "PERSON"), single=False)
def middle_initial(j: Judgement) -> bool:
    """An initial ("J.") before a capitalised word that ends the run: a personal name."""
    words = j.words
    return (len(words) > 1 and not j.org_head and not j.in_places and len(words[-1]) > 2
            and any(len(w) == 2 and w[1] == "." for w in words[:-1]) and j.vote("PERSON", STRONG))


@rule("name", ("The Oslo Vikings lost at home on Sunday.", "Oslo Vikings", "ORG"),
      ("He pitched for the Denver Comets for two seasons.", "Denver Comets", "ORG"), single=False)
def place_named_team(j: Judgement) -> bool:
    """A known place, then a capitalised plural: a team or firm named after it ("Denver Comets")."""
    words = j.words
    if len(words) < 2 or j.org_head or j.in_places or (len(words) == 2 and words[0] in FIRST_NAMES):
        return False
    last = words[-1]
    if not (last[:1].isupper() and last.endswith("s") and not last.endswith("ss") and len(last) > 3):
        return False
    if j.last in PLACE_HEADS or j.last in VENUE_NOUNS or j.last in COMPASS or j.last in BUILDING_NOUNS:
        return False
    places = j.finder.places
    text, grp = j.text, j.grp
    return (any(text[grp[0][0]:grp[k][1]] in places for k in range(len(grp) - 1))
            and j.vote("ORG", STRONG + 1))


@rule("name", ("He joined Harrow & Finch as a junior partner.", "Harrow & Finch", "ORG"))
def ampersand(j: Judgement) -> bool:
    """Two names joined by "&" are a firm."""
    return " & " in j.surface and j.vote("ORG", STRONG + 1)


@rule("name", ("A statue of Ludovica Saint stands at Jerome Saint's old school.", "Saint", None, False),
      ("The relics of St. Ambrose were moved in 1990.", "St. Ambrose", "PERSON"),
      ("The pilgrims walked to St Albans in a day.", "St Albans", "PLACE", False), group="place", single=False, first=frozenset({"st", "saint"}))
def saint(j: Judgement) -> bool:
    """"St."/"Saint" before a given name that is no known place ("St. Ambrose", "Saint Jerome"): a saint."""
    return (len(j.words) == 2 and j.lows[0] in ("st", "saint") and j.words[1] in FIRST_NAMES
            and not j.in_places and j.vote("PERSON", STRONG + 1))


@rule("name", ("Flooding hit homes across Norway on Tuesday.", "Norway", "PLACE"), group="place", rerun=True)
def gazetteer(j: Judgement) -> bool:
    """A known place name."""
    return j.in_places and j.vote("PLACE", STRONG + 1)


@rule("name", ("Fighting spread to Wadi Salam Province last week.", "Wadi Salam Province", "PLACE"),
      ("The ferry left Lake Orrin before noon.", "Lake Orrin", "PLACE"), group="place", single=False)
def place_head(j: Judgement) -> bool:
    """A place's head word ends the name ("Province", "Valley") or opens it ("Lake", "Mount")."""
    return (len(j.grp) > 1 and (j.last in PLACE_HEADS or j.lows[0] in PLACE_OPENERS) and not j.org_head
            and j.vote("PLACE", STRONG))


# --- title: a title stripped from before a personal name --------------------------------------------

@rule("title", ("Prime Minister Helen Aldous flew to Lisbon on Friday.", "Helen Aldous", "PERSON"),
      ("Goalkeeper Tomasz Wirth saved twice.", "Tomasz Wirth", "PERSON"))
def title_before_name(j: Judgement) -> bool:
    """A title or role was stripped from the front of the run: what is left is a person, unless it
    is made of ordinary words ("Major League Baseball", "Professor of Linguistics") or a known place."""
    if not j.titled:
        return False
    j.votes.clear()
    if j.in_places or _all_common(j):
        return False
    j.votes["PERSON"] = STRONG + 1
    return True


def _all_common(j: Judgement) -> bool:
    """Is every word of the run one the text also uses in lower case (or a title or role)?"""
    vocab = j.finder.lower_vocab
    return all(w in vocab or w in TITLES_ROLES or w.endswith(_ABSTRACT_ENDINGS) for w in j.lows)


# --- alone: a single word with no evidence yet ------------------------------------------------------

@rule("alone", ("Lebanese officials met in Beirut.", "Lebanese", "NORP"), single=True)
def demonym(j: Judgement) -> bool:
    """A nationality or party word on its own is a NORP."""
    if len(j.grp) == 1 and (j.lows[0] in DEMONYMS or j.lows[0].rstrip("s") in DEMONYMS) and not j.votes:
        j.votes["NORP"] = STRONG
        j.done = True
        return True
    return False


@rule("alone", ("The Minister spoke at length.", "Minister", None), single=True, first=TITLES_ROLES)
def lone_title(j: Judgement) -> bool:
    """A title or role on its own names nobody."""
    if len(j.grp) == 1 and j.lows[0] in TITLES_ROLES and not j.votes:
        j.drop = True
        return True
    return False


# --- context: the name's shape and the words around it ----------------------------------------------

@rule("context", ("The team flew home to PNG after the match.", "PNG", "PLACE"), surface=COUNTRY_CODES)
def country_code(j: Judgement) -> bool:
    """A country's abbreviation ("NZ", "PNG") is a place, not an organisation."""
    if j.surface in COUNTRY_CODES and not j.in_places:
        j.in_places = True
        return j.vote("PLACE", STRONG + 1)
    return False


def _shaped(j: Judgement) -> bool:
    """Shape rules judge multi-word names without a title or a known place."""
    return len(j.words) >= 2 and not j.titled and not j.in_places


def _given(j: Judgement) -> bool:
    """Opens with a known given name ("the Albert Hall" is no evidence: a name does not take "the")."""
    return is_given_name(j.words[0]) and j.p1 != "the"


@rule("context", ("Sarah Mills opened the debate.", "Sarah Mills", "PERSON"), group="shape", single=False, last=SURNAME_NOUNS)
def given_name_common_surname(j: Judgement) -> bool:
    """A given name before a noun that is also a common surname: "Sarah Mills", "Tom Cross"."""
    if _shaped(j) and len(j.words) == 2 and _given(j) and j.last in SURNAME_NOUNS:
        j.first_named = True
        return j.vote("PERSON", STRONG + 1)
    return False


@rule("context", ("Storms are expected across the North East tonight.", "North East", "PLACE"), group="shape", single=False, first=COMPASS, last=COMPASS)
def compass_region(j: Judgement) -> bool:
    """Compass words only: a region ("the North East", "South West")."""
    if _shaped(j) and all(w in COMPASS for w in j.lows):
        j.noun_tail = True
        return j.vote("PLACE", STRONG + 1)
    return False


@rule("context", ("Fans packed the Kestrel Arena for the final.", "Kestrel Arena", "PLACE"), group="shape", single=False, last=VENUE_NOUNS)
def venue_tail(j: Judgement) -> bool:
    """A name ending in a venue noun ("Arena", "Stadium") is a place."""
    if _shaped(j) and j.last in VENUE_NOUNS and not j.org_head:
        j.noun_tail = True
        return j.vote("PLACE", MEDIUM + 1)
    return False


@rule("context", ("Crowds gathered outside the Grand Mosque at noon.", "Grand Mosque", "PLACE"),
      ("She is buried in Aldwick Cemetery beside her husband.", "Aldwick Cemetery", "PLACE"), group="shape", single=False, last=BUILDING_NOUNS)
def building_tail(j: Judgement) -> bool:
    """A name ending in a building or monument noun ("Mosque", "Cemetery", "Towers") is a place."""
    if _shaped(j) and j.last in BUILDING_NOUNS and not j.org_head:
        j.noun_tail = True
        return j.vote("PLACE", MEDIUM + 1)
    return False


@rule("context", ("Orders at Dunmore Textiles fell.", "Dunmore Textiles", "ORG"), group="shape", single=False, last=NAME_NOUNS)
def name_noun_tail(j: Judgement) -> bool:
    """A name ending in an ordinary noun of trade, events or publishing ("Dunmore Textiles") is an organisation."""
    if _shaped(j) and j.last in NAME_NOUNS:
        j.noun_tail = True
        return j.vote("ORG", MEDIUM + 1)
    return False


@rule("context", ("Roads were closed in South Tarrow overnight.", "South Tarrow", "PLACE"), group="shape", single=False, first=COMPASS)
def compass_opener(j: Judgement) -> bool:
    """A compass word opening a name: a region or district ("South Tarrow")."""
    return _shaped(j) and j.lows[0] in COMPASS and not j.org_head and j.vote("PLACE", MEDIUM)


_PARTICLE_SURNAME_RE = patterns.compile(r"(?:d|l)[’'][A-Z]")


def _capitalised_surname(word: str) -> bool:
    """Capitalised, or a capital after an elided French particle ("d'Alembert"); not "al-" ("Nour
    al-Din al-Zenki" is as often a group as a man)."""
    return word[:1].isupper() or _PARTICLE_SURNAME_RE.match(word) is not None


@rule("context", ("Lena Hartigan won the seat by 40 votes.", "Lena Hartigan", "PERSON"),
      ("Jean-Marc Dufresne won the seat by 40 votes.", "Jean-Marc Dufresne", "PERSON"),
      ("The letter reached Pierre le Rond d'Avignac in May.", "Pierre le Rond d'Avignac", "PERSON"),
      group="shape", single=False)
def given_name_person(j: Judgement) -> bool:
    """A known given name opening a capitalised run: a person ("Lena Hartigan")."""
    if (_shaped(j) and _given(j) and not j.org_head and j.last not in PLACE_HEADS
            and _capitalised_surname(j.words[-1])):
        j.first_named = True
        return j.vote("PERSON", STRONG)
    return False


_HYPHEN_GIVEN_RE = patterns.compile(r"[A-Z][a-z]{1,5}-[a-z]{1,5}")


@rule("context", ("The seat was won by Tsang Wai-ming of the Civic Party.", "Tsang Wai-ming", "PERSON"),
      ("Voters backed Oh Seung-hee in the district.", "Oh Seung-hee", "PERSON"), group="shape", single=False)
def hyphenated_given_name(j: Judgement) -> bool:
    """A short surname, then a two-syllable given name joined by a hyphen, as Cantonese and Korean
    names are written in English ("Tsang Wai-ming", "Oh Seung-hee"): a person."""
    words = j.words
    return (_shaped(j) and len(words) == 2 and len(words[0]) <= 6 and words[0].isalpha()
            and words[0][1:].islower() and _HYPHEN_GIVEN_RE.fullmatch(words[1]) is not None
            and not j.org_head and j.vote("PERSON", STRONG))


@rule("context", ("Trains stopped at Eastport Central for an hour.", "Eastport Central", "PLACE"), group="shape", single=False, last=COMPASS)
def compass_tail(j: Judgement) -> bool:
    """A compass word closing a name: a station or district ("Eastport Central", "Kelby North")."""
    if _shaped(j) and j.last in COMPASS and not j.org_head:
        j.noun_tail = True
        return j.vote("PLACE", MEDIUM)
    return False


@rule("context", ("The report was written by economist Lucia Ferrante for the board.", "Lucia Ferrante", "PERSON"),
      group="before", before=PERSON_ROLES | ABBREVIATED_TITLES)
def role_before(j: Judgement) -> bool:
    """A role or abbreviated title right before the name ("economist X", "Dr. X")."""
    return ((j.p1 in PERSON_ROLES or j.p1 in ABBREVIATED_TITLES) and j.text[j.start - 1] == " "
            and j.vote("PERSON", STRONG))


@rule("context", ("Shares in the carmaker Volkova fell.", "Volkova", "ORG"), group="before", before=ORG_BEFORE)
def organisation_noun_before(j: Judgement) -> bool:
    """An organisation noun right before the name ("the carmaker X", "the airline X")."""
    return j.p1 in ORG_BEFORE and j.text[j.start - 1] == " " and j.vote("ORG", STRONG)


@rule("context", ("The convoy reached the village of Qaryat Zein at dawn.", "Qaryat Zein", "PLACE"),
      ("Monks lived in the desert of Qasrin for years.", "Qasrin", "PLACE"), group="place_before", before=PLACE_NOUNS | {"of", "in"})
def place_noun_before(j: Judgement) -> bool:
    """A place noun before the name ("the village of X", "the town X", "the desert of X")."""
    return ((j.p1 in PLACE_NOUNS or (j.p1 in {"of", "in"} and j.p2 in PLACE_NOUNS)
             or (j.p1 == "of" and j.p2 in _PLACE_HEADS_OF))
            and j.vote("PLACE", STRONG))


@rule("context", ("He was born at Corvinum in 1712.", "Corvinum", "PLACE"),
      ("She is buried in Ostravel beside her sister.", "Ostravel", "PLACE"), group="place_before", before=frozenset({"in", "at", "near"}))
def life_event_place(j: Judgement) -> bool:
    """A life's event before "in"/"at"/"near": where it happened ("born at X", "died in X")."""
    return j.p1 in ("in", "at", "near") and j.p2 in LIFE_EVENTS and j.vote("PLACE", STRONG)


_COMMA_PLACE_RE = patterns.compile(r", ((?:[A-Z][\w.]*+ ?){1,3})(?<! )(?=[,.;:)\n]|$)")


@rule("context", ("A boy from Orland Springs, Texas, built the clock.", "Orland Springs", "PLACE"), follows=frozenset({","}))
def town_comma_region(j: Judgement) -> bool:
    """A name, a comma, then a known state or country ("Irving, Texas", "Tralee, Ireland"): a town."""
    m = _COMMA_PLACE_RE.match(j.text, j.end)
    return bool(m and not j.in_places and m.group(1) in j.finder.places and j.vote("PLACE", STRONG))


@rule("context", ("Prices rose sharply in Kazan last year.", "Kazan", "PLACE"),
      ("It was the worst year in Halden's history.", "Halden", None, False),
      ("She took a degree in Psychology; psychology was her love.", "Psychology", None, False),
      group="place_before", before=PLACE_PREPS | {"the"})
def place_preposition(j: Judgement) -> bool:
    """A preposition of place before the name ("in X", "near X", "in the X Valley"); not before a
    possessive ("in X's history": the preposition governs what X has), nor before ordinary words
    capitalised ("a degree in Psychology")."""
    return ((j.p1 in PLACE_PREPS or (j.p1 == "the" and j.p2 in PLACE_PREPS and j.last in PLACE_HEADS))
            and not j.possessive and not _all_common(j) and j.vote("PLACE", MEDIUM))


@rule("context", ("The delegates came from Varnholt on foot.", "Varnholt", "PLACE"), group="place_before", before=frozenset({"from"}))
def from_before(j: Judgement) -> bool:
    """"from X": weak evidence of a place (not "from X's")."""
    return j.p1 == "from" and not j.possessive and not _all_common(j) and j.vote("PLACE", WEAK)


@rule("context", ("She flew home to Kessa on Sunday.", "Kessa", "PLACE"),
      ("The family moved south to Orvelle in 1931.", "Orvelle", "PLACE"),
      ("The hamlet lies next to Brindamor.", "Brindamor", "PLACE"), group="place_before", before=frozenset({"to", "towards", "toward"}))
def travel_to(j: Judgement) -> bool:
    """A word of travel or nearness before "to": where someone went, or a place beside another
    ("flew home to X", "moved south to X", "next to X")."""
    return (j.p1 in ("to", "towards", "toward")
            and (j.p2 in MOTION_WORDS or j.p2 in COMPASS or j.p2 == "next")
            and j.vote("PLACE", MEDIUM))


@rule("context", ("He spent a winter at Veldra, where he learned Greek.", "Veldra", "PLACE"),
      ("They met at Pelham Books where she worked.", "Pelham Books", "ORG", False), before=frozenset({"at", "in", "to", "near", "from"}), follows=frozenset({","}))
def where_after(j: Judgement) -> bool:
    """A preposition, the name, then ", where" ("at X, where he ..."): a place."""
    return (j.text.startswith(", where ", j.end) and j.p1 in ("at", "in", "to", "near", "from")
            and not j.titled and len(j.grp) <= 3 and j.vote("PLACE", MEDIUM))


_CITED_AFTER_RE = patterns.compile(r" (?:et al\b|(?:and|&) [A-Z][\w’'-]+ \(\d{4}[a-z]?[),:;])")
_CITED_YEAR_RE = patterns.compile(r" \(\d{4}[a-z]?[),:;]")
_CO_AUTHOR_BEFORE_RE = patterns.compile(r"[A-Z][\w’'-]+ (?:and|&) $")


@rule("context", ("The idea goes back to Harcourt and Venn (1998).", "Harcourt", "PERSON"),
      ("The idea goes back to Harcourt and Venn (1998).", "Venn", "PERSON"),
      ("A later study by Ostrowski et al. found the same.", "Ostrowski", "PERSON"), follows=frozenset({" "}))
def cited_author(j: Judgement) -> bool:
    """Authors cited with a year ("X and Y (1998)") or "et al.": people."""
    text = j.text
    return ((bool(_CITED_AFTER_RE.match(text, j.end))
             or (bool(_CITED_YEAR_RE.match(text, j.end))
                 and bool(_CO_AUTHOR_BEFORE_RE.search(text, max(0, j.start - 40), j.start))))
            and j.vote("PERSON", MEDIUM))


@rule("context", ("The library workers' union, AFSCME Local 17, warned of strikes.", "AFSCME Local", "ORG"), before=frozenset({""}))
def appositive_organisation_noun(j: Judgement) -> bool:
    """An organisation noun and a comma right before the name ("the union, X, warned")."""
    if j.p1 or j.titled:
        return False
    lo = max(0, j.start - 30)
    if not j.text.endswith(_COMMA_SPACE, lo, j.start):  # the pattern's end: no search needed
        return False
    appositive = _APPOSITIVE_RE.search(j.text, lo, j.start)
    return bool(appositive and appositive.group(1).lower() in ORG_BEFORE and j.vote("ORG", STRONG))


@rule("context", ("Engineers at NASA Ames tested the probe.", "NASA Ames", "ORG"), single=False, upper=False)
def acronym_opener(j: Judgement) -> bool:
    """An acronym heading a longer name ("AFSCME Local", "NASA Ames") names an organisation."""
    w0 = j.words[0]
    return (len(j.grp) > 1 and 3 <= len(w0) <= 6 and w0.isupper() and w0.isalpha() and not j.in_places
            and w0 not in COUNTRY_CODES and w0 not in j.finder.places and not j.titled
            and not j.surface.isupper() and j.vote("ORG", MEDIUM))


# Roles that relate one person to another: "a friend of X", "the son of X" name a person.
_KIN_ROLES = frozenset({"colleague", "teammate", "son", "daughter", "wife", "husband", "mother", "father",
                        "brother", "sister", "partner", "friend", "neighbour", "neighbor", "student", "pupil",
                        "disciple", "follower", "admirer", "rival", "successor", "predecessor", "biographer",
                        "contemporary", "classmate", "widow", "nephew", "niece", "cousin", "grandson",
                        "granddaughter", "stepson", "stepdaughter", "protege", "protégé", "apprentice"})


@rule("context", ("She was a close friend of Ilse Varnhagen.", "Ilse Varnhagen", "PERSON"),
      ("He was the son of Orrin Maddox, a miller.", "Orrin Maddox", "PERSON"), group="of_before", before=frozenset({"of"}))
def relative_of(j: Judgement) -> bool:
    """A relation between people before "of" ("a friend of X", "the son of X"): X is a person."""
    return j.p1 == "of" and j.p2 in _KIN_ROLES and not j.in_places and j.vote("PERSON", MEDIUM)


_PLAYED = frozenset({"starred", "stars", "starring", "cast", "played", "plays", "playing", "portrayed", "portrays",
                     "portraying", "voiced", "voices", "appeared", "appears", "recast"})


@rule("context", ("In the film she starred as Wilhelmina Dorn.", "Wilhelmina Dorn", "PERSON"),
      ("He was cast as Orrin in the sequel.", "Orrin", "PERSON"),
      ("She appeared in the comedy Night Shift as Teodora Plume.", "Teodora Plume", "PERSON"), group="of_before", before=frozenset({"as"}))
def role_played(j: Judgement) -> bool:
    """"starred as X", "cast as X": the character X is a person."""
    if j.p1 != "as" or j.in_places:
        return False
    if j.p2 not in _PLAYED:
        # "appeared in the comedy Night Shift as X": the verb a little further back, same sentence.
        window = j.text[max(0, j.start - 100):j.start]
        window = window[max(window.rfind(". "), window.rfind("\n")) + 1:]
        if not any(w.strip(",;:()") in _PLAYED for w in window.split()):
            return False
    return j.vote("PERSON", MEDIUM)


@rule("context", ("He is operations director of Halsall Aggregates.", "Halsall Aggregates", "ORG"),
      group="of_before", before=frozenset({"of", "at"}))
def role_of_organisation(j: Judgement) -> bool:
    """A role "of"/"at" the name ("director of X", "economist at X"), unless the role is also a
    place's ("mayor of X") or the name opens with a given name ("a student of Anna Berg")."""
    return (j.p1 in ("of", "at") and j.p2 in PERSON_ROLES and j.p2 not in PLACE_ROLES and not j.in_places
            and j.words[0] not in FIRST_NAMES and j.vote("ORG", MEDIUM))


@rule("context", ("Two members of Kessel Front were arrested.", "Kessel Front", "ORG"), group="of_before", before=frozenset({"of"}))
def member_of_group(j: Judgement) -> bool:
    """"members of X", "the leader of X": X is a group."""
    return j.p1 == "of" and j.p2 in GROUP_OF and j.vote("ORG", MEDIUM)


@rule("context", ("The report was carried by the Tasri news agency.", "Tasri", "ORG"), group="after", after=_NEWS_OUTLETS)
def news_outlet_after(j: Judgement) -> bool:
    """"X news agency", "X news channel"."""
    return ("news" in j.next_text[:12] and j.n1 in _NEWS_OUTLETS) and j.vote("ORG", STRONG)


@rule("context", ("The story was first told by a Velmont Post reporter.", "Velmont Post", "ORG"),
      ("She told Tallyhaw reporters she would stay.", "Tallyhaw", "ORG"), group="after", after=OUTLET_STAFF)
def outlet_staff_after(j: Judgement) -> bool:
    """Newsroom staff after the name ("an X reporter", "X columnist"): the name is the outlet."""
    return j.n1 in OUTLET_STAFF and not j.in_places and not j.possessive and j.vote("ORG", STRONG)


@rule("context", ("Shelling was reported in the Harat Nour neighbourhood overnight.", "Harat Nour", "PLACE"),
      group="after", after=PLACE_TAILS)
def place_noun_after(j: Judgement) -> bool:
    """A place noun after the name ("the X neighbourhood", "X province")."""
    return j.n1 in PLACE_TAILS and not j.possessive and j.vote("PLACE", STRONG)


@rule("context", ("A rally was held by the Kelso Farmers movement on Monday.", "Kelso Farmers", "ORG"),
      group="after", after=ORG_TAILS)
def organisation_noun_after(j: Judgement) -> bool:
    """An organisation noun after the name ("the X movement", "X officials")."""
    if j.n1 in ORG_TAILS and not (j.possessive and j.first_named):
        return j.vote("ORG", STRONG if j.n1 not in _WEAK_ORG_TAILS else MEDIUM)
    return False


@rule("context", ("Fighters from the Harun militant group crossed the river.", "Harun", "ORG"), group="after", after=ORG_MODIFIERS)
def modified_organisation_noun_after(j: Judgement) -> bool:
    """A modifier, then an organisation noun after the name ("X militant group", "X software company")."""
    return (j.n2 in ORG_TAILS and not j.possessive and j.n2 not in {"officials", "official", "government"}
            and j.n1 in ORG_MODIFIERS and j.vote("ORG", STRONG))


@rule("context", ("Troops entered the Zarqa old city at dawn.", "Zarqa", "PLACE"), group="after", after=_PLACE_TAIL_MODIFIERS)
def modified_place_noun_after(j: Judgement) -> bool:
    """A modifier, then a place noun after the name ("X border town", "X old city")."""
    return (j.n2 in PLACE_TAILS and not j.possessive and j.n1 in _PLACE_TAIL_MODIFIERS
            and j.vote("PLACE", MEDIUM))


_BEFORE_PUBLISHING = frozenset({"only", "also", "first", "later", "then", "previously", "recently", "has", "had"})


@rule("context", ("The Harbinger cited two cases from last year.", "Harbinger", "ORG"),
      ("It was a poem the Clarion only quoted in part; the times were hard.", "Clarion", "ORG"),
      ("Mila Hart cited two cases from last year.", "Mila Hart", "PERSON", False), group="after", single=True, before=frozenset({"the"}), after=PUBLISHING_VERBS | _BEFORE_PUBLISHING)
def outlet_publishes(j: Judgement) -> bool:
    """"the X cited / quoted / reported / published": one word after "the" that publishes a story
    is a newspaper or broadcaster, an organisation (even a word the text also writes in lower
    case, as "the Times")."""
    verb = j.n1 in PUBLISHING_VERBS or (j.n1 in _BEFORE_PUBLISHING and j.n2 in PUBLISHING_VERBS)
    return (verb and len(j.grp) == 1 and j.p1 == "the" and not j.in_places and not j.possessive
            and j.text[j.end:j.end + 1] == " " and j.vote("ORG", MEDIUM + 1))


def _multiword_speaker(j: Judgement) -> bool:
    return j.n1 in REPORT_VERBS and len(j.grp) > 1 and not j.org_head and not j.noun_tail


@rule("context", ("Osman Kareli said the talks would resume.", "Osman Kareli", "PERSON"), group="after", single=False, after=REPORT_VERBS)
def speaker_person(j: Judgement) -> bool:
    """A multi-word name shaped like a person's before a speech verb ("X Y said") is a person."""
    return (_multiword_speaker(j) and (j.first_named or person_shape(j.words, j.finder.places))
            and j.vote("PERSON", MEDIUM))


@rule("context", ("Metrolink Eastport says the line will reopen.", "Metrolink Eastport", "ORG"), group="after", single=False, after=REPORT_VERBS)
def speaker_unshaped(j: Judgement) -> bool:
    """A multi-word speaker not shaped like a person ("Metrolink Eastport says"): a speaker only; the
    label is settled when the names are pooled (an organisation unless other evidence says more)."""
    return _multiword_speaker(j) and j.vote("_SPEAKER", 1)


@rule("context", ("The report, Colin said, was late.", "Colin", "PERSON"), group="after", single=True, after=REPORT_VERBS)
def speaker_single(j: Judgement) -> bool:
    """A single word before a speech verb, mid-sentence: a speaker (a person if it is a given name)."""
    return (j.n1 in REPORT_VERBS and len(j.grp) == 1 and not j.in_places
            and not j.finder._sentence_initial(j.start) and j.vote("_SPEAKER", 1))


_INTERVIEWS = frozenset({"interviews", "interviewed", "interviewing"})
_TELLS = frozenset({"told", "tells", "tell", "telling"})


@rule("context", ("The mayor told Kestrelnet the plan was dead.", "Kestrelnet", "ORG"),
      ("A biologist tells Kestrelnet about his ants.", "Kestrelnet", "ORG"),
      ("Last week Kestrelnet interviewed the mayor.", "Kestrelnet", "ORG"),
      ("He was interviewed by Kestrelnet in May.", "Kestrelnet", "ORG"),
      ("The site ranks 40th, according to Trafficlens.", "Trafficlens", "ORG"), single=True)
def interlocutor(j: Judgement) -> bool:
    """The other side of an interview or a statement, or the source of a figure ("told X", "tells
    X", "X interviewed", "interviewed by X", "according to X"): a speaker-like name (a person if it
    is a given name or a surname's shape, else an organisation)."""
    if len(j.grp) != 1 or j.in_places:
        return False
    return ((j.p1 in _TELLS or j.n1 in _INTERVIEWS or (j.p1 == "by" and j.p2 in _INTERVIEWS)
             or (j.p1 == "to" and j.p2 == "according"))
            and j.vote("_SPEAKER", 1))


_CREDIT_RE = patterns.compile(r"(?:Image|Photo|Photograph|Picture|Video)s?: $")


@rule("context", ("The ferry at dawn. Image: Quillhaven.\n\nThe port reopened.", "Quillhaven", "PERSON"),
      ("A map of the route. Photo: Tarnwick et al.\n\nIt was cold.", "Tarnwick", "PERSON"),
      ("The new logo. Image: NASA.\n\nIt was shown.", "NASA", "ORG", False), single=True, upper=False, follows=frozenset({".", " "}))
def credit_line(j: Judgement) -> bool:
    """One word credited under a picture ("Image: X.", "Photo: X et al."): the user or
    photographer who took it, a person (an acronym there is an agency, left to the caps rules)."""
    start, end, text = j.start, j.end, j.text
    return (len(j.grp) == 1 and not j.surface.isupper() and not j.in_places
            and (text[end:end + 1] == "." or text.startswith(" et al.", end))
            and _CREDIT_RE.search(text, max(0, start - 14), start) is not None and j.vote("PERSON", STRONG))


@rule("context", ("The winner, Ossie Brandt, 61, was not at the ceremony.", "Ossie Brandt", "PERSON"), follows=frozenset({","}))
def age_after(j: Judgement) -> bool:
    """An age in commas after the name (", 52,")."""
    return bool(_AGE_RE.match(j.text, j.end)) and j.vote("PERSON", STRONG)


INVERTED_NAME_RE = patterns.compile(r", ([A-Z][a-z]+)\b(?![’'-]\w)(?! [A-Z])")


# "Surname, Given Middle." closing a reading list's author: given names, then a full stop.
_LISTED_AUTHOR_RE = patterns.compile(r", ([A-Z][a-z]+)(?: [A-Z][a-z]+)?\.(?=\s)")


@rule("context", ("Sources: Brontevik, Agatha. Old Roads. 1931.", "Brontevik", "PERSON"),
      ("Reading list:\nHalloway, Edwin Castor. A History of Fens.", "Halloway", "PERSON"),
      ("My picks:\nLeeds, Harold. The Long Walk.", "Leeds", "PERSON"),
      ("He was born in Harwick, Leeds, Harold.", "Leeds", "PLACE", False),
      ("We drove from Leeds, Harold said, in an hour.", "Leeds", "PLACE", False),
      ("A spokeswoman for the Velmar Trust, Carla Meng, said no.", "Velmar Trust", "ORG", False), single=True, follows=frozenset({","}))
def inverted_name(j: Judgement) -> bool:
    """"Surname, Given" as a bibliography or index writes it: a person. A surname that is also a
    town's name ("London, Jack.") counts only in a reading list's form: opening a line (or after
    "and"), given names, then a full stop."""
    if len(j.grp) != 1:
        return False
    places = j.finder.places
    m = INVERTED_NAME_RE.match(j.text, j.end)
    if m and not j.in_places and m.group(1) in FIRST_NAMES and m.group(1) not in places:
        return j.vote("PERSON", STRONG)
    m = _LISTED_AUTHOR_RE.match(j.text, j.end)
    line_start = j.start == 0 or j.text[j.start - 1] == "\n" or j.text.endswith(" and ", 0, j.start)
    if m and line_start and m.group(1) in FIRST_NAMES and m.group(1) not in places:
        j.votes.pop("PLACE", None)
        return j.vote("PERSON", STRONG)
    return False


@rule("context", ("Her son, David, said the firm had closed.", "David", "PERSON"),
      ("He had two sisters, Ottilie and Brunhild.", "Ottilie", "PERSON"), single=True)
def kin_apposition(j: Judgement) -> bool:
    """A single name in apposition to a relative ("Her son, David, said", "two sisters, X and Y")."""
    return (len(j.grp) == 1 and not j.in_places
            and bool(_KIN_BEFORE_RE.search(j.text, max(0, j.start - 16), j.start)) and j.vote("PERSON", STRONG))


@rule("context", ("Pathwise, a payroll software maker, cut 40 jobs.", "Pathwise", "ORG"), follows=frozenset({","}))
def described_as_organisation(j: Judgement) -> bool:
    """An appositive after the name whose head is an organisation noun ("X, a payroll software maker,")."""
    described = _DESCRIBED_AS_RE.match(j.text, j.end)
    return bool(described and described.group(1).lower() in ORG_BEFORE and j.vote("ORG", STRONG))


@rule("context", ("KINSHASA — Talks between the two sides collapsed on Sunday.", "KINSHASA", "PLACE"),
      group="dateline", upper=True)
def dateline_place(j: Judgement) -> bool:
    """An upper-case dateline opening a paragraph ("KINSHASA —") is a place."""
    return (j.start == j.para_start and bool(DATELINE_RE.match(j.text, j.start)) and j.surface.isupper()
            and j.vote("PLACE", STRONG))


@rule("context", ("LISBON (Harbourline) — The port reopened on Monday.", "Harbourline", "ORG"), group="dateline", before=frozenset({""}), follows=frozenset({")"}))
def dateline_agency(j: Judgement) -> bool:
    """A name in brackets inside a dateline ("LONDON (Harbourline) —") is the news agency."""
    text = j.text
    if (text[j.start - 1:j.start] == "(" and text[j.end:j.end + 1] == ")" and not j.in_places
            and in_dateline(text, j.para_start, j.start)):
        j.votes.clear()
        j.votes["ORG"] = STRONG + 1
        return True
    return False


@rule("context", ("The memo said SHE would NOT sign it, and she did not.", "NOT", None),
      ("He wrote that the plan was HUGE and a huge risk.", "HUGE", None), group="caps", upper=True)
def shouted_words(j: Judgement) -> bool:
    """Upper case used for emphasis or a heading, in a mail or transcript ("SHE", "NOT", "FULL
    TEXT"): a word the text also uses in lower case, or a function word, is not an acronym. No
    vote: the run is a name only if the text names it in ordinary case too ("WALLACE")."""
    if not j.surface.isupper() or j.in_places or j.surface in KNOWN_ORGS:
        return False
    vocab = j.finder.lower_vocab
    return any(low in vocab or low in FUNCTION_CAPS for low in (w.replace(".", "") for w in j.lows) if len(low) > 1)


@rule("context", ("The report by the WTO was late.", "WTO", "ORG"), group="caps", upper=True)
def acronym(j: Judgement) -> bool:
    """An upper-case word of two letters or more (not a common abbreviation or a Roman numeral)
    is an organisation, unless it is a known place."""
    bare = j.surface.replace(".", "")
    if bare.isupper() and len(bare) >= 2 and j.surface not in NOT_ACRONYMS and not ROMAN_RE.fullmatch(bare):
        if not j.in_places:
            j.vote("ORG", MEDIUM)
        return True
    return False


@rule("context", ("The GDP figures were wrong.", "GDP", None),
      ("The abbey was built in the XII century.", "XII", None), group="caps", single=True, upper=True)
def not_an_acronym(j: Judgement) -> bool:
    """A single upper-case word that is a common abbreviation ("CEO", "GDP", "I") or a Roman
    numeral names nothing."""
    if j.surface.isupper() and len(j.grp) == 1:
        j.drop = True
        return True
    return False


# --- fallback: no evidence at all -------------------------------------------------------------------

@rule("fallback", ("Tickets for Global Offensive sold out in an hour.", "Global Offensive", None),
      ("He has campaigned for Creative Commons since 2004.", "Creative Commons", None),
      ("The story of Valley Tarn is told in the book.", "Valley Tarn", None),
      ("Nobody had heard of Anselm Okoro before.", "Anselm Okoro", "PERSON", False),
      ("The award was shared by Park Seo-yun and her brother.", "Park Seo-yun", "PERSON", False),
      group="unknown_run", single=False, first=COMMON_WORDS | PLACE_HEADS | BUILDING_NOUNS)
def everyday_opener(j: Judgement) -> bool:
    """Several capitalised words with no evidence, the first an everyday English word or the head
    noun of a place or building that is no given name ("Global Offensive", "Sea Org", "Creative
    Commons", "Valley Forge", "Chapel Hill"): a title, a body or a place
    rather than a person, whose name opens with a given name; no vote, so no person by shape. Not
    before a hyphenated given name, which ends a surname-first name ("Park Seo-yun")."""
    first = j.lows[0]
    return (len(j.grp) > 1 and not j.votes
            and (first in COMMON_WORDS or first in PLACE_HEADS or first in BUILDING_NOUNS)
            and not is_given_name(j.words[0]) and "-" not in j.words[-1])


@rule("fallback", ("Nobody had heard of Anselm Okoro before.", "Anselm Okoro", "PERSON"),
      ("They met in the Oakhurst Quinto Room.", "Oakhurst Quinto Room", None, False),
      ("It was part of Varga's Kelloway Quinto programme.", "Kelloway Quinto", None, False),
      ("He read the Anselm Okoro novel twice; the novel is long.", "Anselm Okoro", "PERSON"),
      ("The prize was shared by Gwerful Denver last year.", "Gwerful Denver", "PERSON"), group="unknown_run", single=False)
def person_by_shape(j: Judgement) -> bool:
    """Several capitalised words and no other evidence, outside a title-case headline: weakly a
    person; not after "the" or "a" or a possessive, which personal names do not take."""
    return (len(j.grp) > 1 and not j.votes and not j.titlecase and all(w[:1].isupper() for w in j.words)
            and not j.surface.isupper() and not _determined(j)
            and person_shape(j.words, j.finder.places, j.surface) and not _common_words(j)
            and j.vote("PERSON", WEAK))


_POSSESSOR_RE = patterns.compile(r"\b([A-Z][a-z][\w-]*)[’']s $")
_POSSESSIVE_SPACE = ("’s ", "'s ", "’s \n", "'s \n")  # how a window it can match ends


def _determined(j: Judgement) -> bool:
    """Does the run take an article ("the Empire State Building in"), or the possessive of a
    capitalised name ("Obama's Affordable Care Act")? Personal names do neither, except as a
    modifier before a noun ("the Gregory Maguire novel") or after an organisation's acronym
    ("DAB's Starry Lee")."""
    if j.p1 in ("the", "a", "an"):
        return not (j.n1 and j.n1 in j.finder.lower_vocab and j.n1 not in TITLE_SMALL_WORDS
                    and j.n1 not in FUNCTION_CAPS and j.text[j.end:j.end + 1] == " ")
    lo = max(0, j.start - 30)
    return j.text.endswith(_POSSESSIVE_SPACE, lo, j.start) and bool(_POSSESSOR_RE.search(j.text, lo, j.start))


def _common_words(j: Judgement) -> bool:
    """Does the run hold a word the text also uses in lower case ("Revolutionary War", "Best
    Actor"), a capitalised small word ("Write Love On Her Arms") or an abstract noun ("United
    Nations")? Then it is a title, a phrase or a body, not a personal name."""
    vocab = j.finder.lower_vocab
    return any(w in vocab or w in TITLE_SMALL_WORDS or w.endswith(_ABSTRACT_ENDINGS)
               for w, raw in zip(j.lows, j.words, strict=True) if not raw.isupper())


# Endings of abstract and collective nouns, which no surname has ("United Nations", "Anglican Communion").
_ABSTRACT_ENDINGS = ("tion", "tions", "sion", "sions", "ment", "ments", "ism", "isms", "ness", "ship", "ships",
                     "ology", "ities", "ics")


@rule("fallback", ("Nobody had seen Margot since the party.", "Margot", "PERSON"),
      ("He painted Margot of Anjou twice.", "Margot", None, False), single=True)
def given_name_alone(j: Judgement) -> bool:
    """A known given name on its own, with no other evidence: weakly a person. Not a word the text
    uses in lower case ("Rose", "Will"), nor after "at"/"in"/"of"/"the" or before "of" or another
    capitalised word ("Joan of Arc", "a Roman Catholic")."""
    text, end = j.text, j.end
    return (len(j.grp) == 1 and not j.votes and is_given_name(j.surface)
            and j.lows[0] not in j.finder.lower_vocab and j.p1 not in ("at", "in", "of", "the")
            and not text.startswith(" of ", end) and not (text[end:end + 1] == " " and text[end + 1:end + 2].isupper())
            and j.vote("PERSON", WEAK))


_PERSONAL_ENDINGS = (*SURNAME_SUFFIXES, "ius")


@rule("fallback", ("His favourite novel is by Karpinsky, and it is long.", "Karpinsky", "PERSON"),
      ("The rule came from Theodosius and his monks.", "Theodosius", "PERSON"),
      ("Nobody knew what happened at Ardmoreton that night.", "Ardmoreton", "PLACE", False), single=True)
def personal_ending(j: Judgement) -> bool:
    """One word with a surname's ending ("-sky", "-enko", "-poulos") or a Latin personal name's
    ("-ius"), no known place and at most a weak vote ("from X"): a person."""
    surface = j.surface
    return (len(j.grp) == 1 and len(surface) >= 6 and surface[1:].islower() and not j.in_places
            and max(j.votes.values(), default=0) <= WEAK and surface.endswith(_PERSONAL_ENDINGS)
            and j.lows[0] not in j.finder.lower_vocab and j.vote("PERSON", MEDIUM))


@rule("fallback", ("Nobody knew what happened at Ardmoreton that night.", "Ardmoreton", "PLACE"), single=True)
def toponym_ending(j: Judgement) -> bool:
    """One word with a place-name ending and no other evidence: the last resort, a place."""
    return len(j.grp) == 1 and not j.votes and toponym_shape(j.surface) and j.vote("_TOPONYM", 1)


# --- pair: neighbouring names share evidence --------------------------------------------------------

@rule("pair", ("The road from Manchester to Calderby was closed.", "Calderby", "PLACE"), gap=frozenset({" to "}))
def route_end(p: Pair) -> tuple[Voted, ...]:
    """"from X to Y": the end of a route is a place like its start."""
    a, b = p.a, p.b
    if (p.gap == " to " and p.text[max(0, a.start - 5):a.start] == "from "
            and max(b.votes.values(), default=0) <= WEAK and a.votes.get("PLACE", 0) >= STRONG):
        b.votes["PLACE"] = b.votes.get("PLACE", 0) + MEDIUM
        return (b,)
    return ()


_NAME_OF_RE = patterns.compile(r"[A-Z][\w’'-]*+ of (?:the )?$")


@rule("pair", ("Aid was sent to Tel Makhar and Beit Sura villages.", "Tel Makhar", "PLACE"),
      ("Elected were Ann Roe of the Kestrel Party, and Leung Wai-kin.", "Leung Wai-kin", "PERSON", False),
      ("The jury praised Robert Hale and Ulfried Boston.", "Ulfried Boston", "PERSON"),
      gap=frozenset({" and ", ", ", " or ", ", and "}))
def coordinated_names(p: Pair) -> tuple[Voted, ...]:
    """"X and Y districts": a name with no evidence shares the strong place or organisation
    evidence of the name it is coordinated with; a full name with no evidence at all, listed with
    a person's full name, is a person too."""
    if p.gap not in (" and ", ", ", " or ", ", and "):
        return ()
    voted: list[Voted] = []
    # "Ann Roe of Harlow Press, and Lee Tam": the second name goes with Ann Roe, not the press.
    a_after_of = bool(_NAME_OF_RE.search(p.text, max(0, p.a.start - 40), p.a.start))
    for x, y in ((p.a, p.b), (p.b, p.a)):
        if y is p.a and a_after_of:
            continue
        if not x.votes and y.votes.get("PERSON", 0) >= STRONG and " " in x.text and " " in y.text:
            x.votes["PERSON"] = MEDIUM  # "Walker Evans, Robert Mapplethorpe and Helmut Newton"
            voted.append(x)
        elif max(x.votes.values(), default=0) <= WEAK:
            for label in ("PLACE", "ORG"):
                if y.votes.get(label, 0) >= STRONG:
                    x.votes[label] = x.votes.get(label, 0) + MEDIUM
                    voted.append(x)
    return tuple(voted)
