"""Quotations and reported speech, each tied to a cue and a speaker.

Direct and partial quotations come from paired quotation marks (:mod:`reader.analysis.marks`): a
quotation that stands as a sentence, or follows a colon, comma or speech verb, and starts with a
capital is *direct*; a quoted phrase inside the writer's own sentence is *partial*; a single quoted
word, a quoted name or a "so-called" label is a scare quote and no quotation at all.

Reported speech is found at the cues (:mod:`reader.analysis.cues`). Which construction a cue
starts ("X said (that) ...", "..., X said.", "according to X, ...") and who said a quotation are
named rules in ordered registries (:mod:`reader.analysis.reported`, :mod:`reader.analysis.attribution`);
this module holds what those rules share: subject windows, speakers of a verb, clause cuts and the
making of a quote.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reader import patterns
from reader.analysis.cues import PREV_WORD_RE as _PREV_WORD_RE
from reader.analysis.cues import Cues
from reader.analysis.entities import DATELINE_RE as _DATELINE_RE
from reader.analysis.lexicon import (
    ADDING_PARTICIPLES,
    AUDIENCE_NOUNS,
    BAD_CLAUSE_OPENERS,
    BARE_CLAUSE_STEMS,
    CITING_VERBS,
    CLAIM_NOUNS,
    CLAUSE_PREPOSITIONS,
    COMMON_CAPS,
    DETERMINER_WORDS,
    FINITE_VERBS,
    FUNCTION_WORDS,
    MODALS,
    NON_SPEAKERS,
    NP_WORDS,
    NUMBER_WORDS,
    OBJECT_PRONOUNS,
    OPINION_VERBS,
    PARTICIPLES,
    PAST_VERBS,
    PERSON_ROLES,
    REPORT_BASES,
    REPORT_VERBS,
    SAY_VERBS,
    SCARE_LEADS,
    SENTENCE_OPENERS,
    SPEECH_ADVERBS,
    STATEMENT_MEDIA,
    STATEMENT_NOUNS,
    SUBORDINATORS,
    TELL_VERBS,
    WH_TAKERS,
    WITH_TAKERS,
    alternation,
    parenthetical,
)
from reader.analysis.marks import Quoted
from reader.analysis.model import Mention, Quote
from reader.analysis.records import dict_maker
from reader.analysis.rules import Example, Registry, Rule
from reader.analysis.segment import Segments, Span
from reader.analysis.speakers import Resolver, ResolverState

if TYPE_CHECKING:
    from reader.analysis.rules import Rulebook

_DAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight)"
_TIME = (rf"(?:(?:on|last|this|late|early|earlier|later)\s+)?(?:{_DAYS}|week|month|year|night|morning|afternoon"
         rf"|evening|weekend)(?:\s+(?:morning|afternoon|evening|night))?(?![\w’'-])")  # not "this week|end"
_ADVERBIAL = (rf"(?:\s+{_TIME}"
              r"|\s+(?:in|at|during|on)\s+(?:a|an|the|his|her|their|its)\s+(?:[\w-]+\s+){0,3}?(?:"
              + alternation(STATEMENT_NOUNS) + r")(?:\s+(?:to|with)\s+(?:[\w’'-]+\s+){0,2}?[\w’'-]+)?"
              r"|\s+(?:on|via)\s+(?:" + alternation(STATEMENT_MEDIA) + ")"
              r"|\s+(?:" + alternation(SPEECH_ADVERBS) + ")"
              r"|\s+(?:[a-z]+ly))")
AFTER_VERB_RE = patterns.compile(rf"(?:{_ADVERBIAL})*\s*,?\s*(?:(?P<that>that)\b(?![’']s\b)\s*)?")
ADVERBIALS_RE = patterns.compile(rf"(?:{_ADVERBIAL})*")
OBJECT_RE = patterns.compile(
    r"\s+(?:" + alternation(AUDIENCE_NOUNS) + r"|the\s+press|me|us|him|her|them"
    r"|(?:the|a|an|his|her|their|its)\s+(?:[\w’'-]+\s+){0,3}?[\w’'-]+?(?=[\s,.]|$)"
    r"|[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3})"
)
CLAIM_LEADS = ("the", "recent", "media", "press")  # words before a claim noun ("the media reports that")
# (the nouns in a fixed order: a set's order changes with each process's string hashes, and a
# pattern that differs from one process to the next is never found in reader.patterns' cache)
CLAIM_RE = patterns.compile(r"\s+(?:(?:" + "|".join(CLAIM_LEADS) + r")\s+)*(" + "|".join(sorted(CLAIM_NOUNS))
                            + r")\s+that\b\s*")
_BOUNDARY_WORDS = ("that", "which", "who", "whose", "and", "but", "while", "after", "before", "because", "when", "with",
                   "although", "since", "as", "if", "where", "whereas", "so", "than", "whom")


def _boundary_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """A clause boundary: a comma, semicolon, colon, dash or opening bracket, or one of ``words``
    as a whole word.

    The look-ahead for the characters a boundary can start with comes first: the engine then tries
    the alternation and its look-behind only where one could match, not at every character (the
    same matches, found about 40% faster in running text)."""
    firsts = "".join(sorted({word[0] for word in words}))
    return patterns.compile(rf"(?=[,;:—–({firsts}])(?:[,;:—–(]|(?<![\w’'-])(?:{'|'.join(words)})(?![\w’'-]))")


_BOUNDARY_RE = _boundary_pattern(_BOUNDARY_WORDS)
# The same boundaries for a subject phrase, with a conjunction or subordinator capitalised at the start of the
# sentence too ("While the mayor said ...": the subject is "the mayor"; "But critics say ...": "critics").
_SUBJECT_BOUNDARY_RE = _boundary_pattern((*_BOUNDARY_WORDS, "And", "But", "While", "After", "Before", "Because", "When",
                                          "Although", "Since", "As", "If", "Whereas", "So"))
APPOSITIVE_RE = patterns.compile(r",\s+(?:a|an|the|who|whose|which|one|[A-Z]|\d)")
THAT_SOON_RE = patterns.compile(r"((?:,?\s+[\w’'$%“”\"-]+,?){0,12}?)\s+that\s+(?!is\b|was\b|would\b|will\b|has\b|had\b)")
_THAT_SOON_STOP_RE = patterns.compile(r"[^,\s\w’'$%“”\"-]")  # a character THAT_SOON_RE's words, spaces and commas never hold
VERB_IN_GAP_RE = patterns.compile(r"[,.;:!?\"“”]|\b(?:is|was|were|are|be|been|has|have|had|will|would)\b")
COMMA_ADVERB_RE = patterns.compile(r",\s*(?:however|though|too|also|instead|meanwhile|moreover|again|afterwards|later)\s*,?")
_CUT_RE = patterns.compile(r",[”\"’]?\s+(?:but(?!\s+(?:on|in|at|not|only|also)\b)|while|whereas|though|although|with|allowing"
                     r"|even as|as)\s+(?!that\b)"
                     r"|,\s+(?=(?:" + alternation(ADDING_PARTICIPLES) + r")\b)"
                     r"|,\s+and\s+(?=(?:on|in|at|for|by|from|with|after|before|during|since|under|over)\s)"
                     # ", and Democrats accused ...": a second clause with its own subject (a name) and past verb
                     r"|,\s+and\s+(?=[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2}\s+[a-z]+ed\s)"
                     r"|;\s+")
_WHICH_RE = patterns.compile(r",\s+which\s")
_NAME_APPOSITIVE_RE = patterns.compile(r",\s+(?=(?:a|an|the)\s)")
_PAREN_RE = patterns.compile(r"\s+\(")
# (every form: "adding" and "adds" as well as "added", which stripping letters from the end missed)
BARE_CLAUSE_VERBS = frozenset(form for form in REPORT_VERBS
                              if any(form.startswith(stem) and len(form) - len(stem) <= 4 for stem in BARE_CLAUSE_STEMS))
_AUX = r"(?:was|were|is|are|had|has|have|would|will|could|should|might|must|can|did|does|may)(?:n[’']t)?\b"
CLAUSE_START_RE = patterns.compile(
    r"(?:the|a|an|its|his|her|their|our|any|some|no|all|both|many|most|these|those|this|that)\s+(?:[\w’'-]+\s+){1,5}?"
    + _AUX + r"|(?:it|he|she|they|we|there|this|i)(?:[’'](?:d|ll|s|re|ve))?\s+\w[\w’']*\s+\w+"
    # "Mr. Venn had shown ...", "Marlow has ...": a name and its auxiliary; "candidates are ...": a bare plural
    r"|(?:(?:Mr|Mrs|Ms|Dr|Gov|Sen|Rep)\.\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2}\s+(?:n[’']t\s+)?" + _AUX
    + r"|[a-z]+s\s+(?:are|were|have|had|would|will|could|should|might|must|can)\b")
AUX_NEXT_RE = patterns.compile(r"\s*(?:was|were|is|are|had|has|have|would|will|could|should|might|must|can|did|does"
                         r"|may)\b")
# "..., an honour she rarely mentioned.": a noun and its relative clause, not a trailing attribution.
REDUCED_RELATIVE_RE = patterns.compile(r"\s*(?:a|an|the|this|that|one|something)\s+[\w’'-]+\s+(?:he|she|they|we|i)\b", re.I)
PARENTHETICAL_RE = patterns.compile(r",\s+[^,;:.!?\"“”]{3,70},")
PARTICIPLE_AFTER_RE = patterns.compile(r",\s+[a-z]+ing\b")


def _before_relative(text: str) -> list[str]:
    """The words of ``text`` before its first relative pronoun ("a governor who can ..." -> a, governor)."""
    words = word_list(text)
    for i, word in enumerate(words):
        if word.lower() in ("who", "which", "that", "whose"):
            return words[:i]
    return words


_NAME_BEFORE_RE = patterns.compile(r"(?:[A-Z][\w’'-]*\.?|\))$")
_THAT_SUBORDINATORS = frozenset({"if", "when", "while", "although", "though", "because", "unless", "once", "since",
                                 "until", "after", "before", "whereas"})
_COUNTED_RE = patterns.compile(r"\s*(?:about|over|under|nearly|around|only)\s+(?:\d|a\s+(?:dozen|third|quarter|half)\b|half\b)")
CONJ_AUX_RE = patterns.compile(r"(?:,\s*|\s)(?:and|but)\s+(?:(?:has|have|had|will|would|did|does|is|was|also|then|later|often"
                         r"|repeatedly|again|since|already|not|never|[a-z]+ly)\s+){1,3}$")
CONJ_PRONOUN_RE = patterns.compile(r"(?:,\s*|\s)(?:and|but)\s+(?:he|she|they|it|we)\s+(?:also\s+|then\s+|later\s+)?$")
CONJ_BEFORE_RE = patterns.compile(r",?\s+(?:and|but)\s+(?:(?:he|she|they|it|we)\s+)?(?:also\s+|then\s+|later\s+|[a-z]+ly\s+)?$")
# A rounded share of a group, a subject though it opens with a preposition's word ("About 4 in 10",
# "Over half of the voters", "About one in five"); not "Over 10 years" or "About the plan".
_SHARE = r"(?:\d+|" + "|".join(sorted(NUMBER_WORDS)) + r")"
_APPROX_SHARE_RE = patterns.compile(rf"\s*(?:about|over|under|nearly|around|roughly|almost|just\s+(?:over|under))\s+"
                              rf"(?:{_SHARE}(?:-\w+)?\s+(?:in|out\s+of)\s+{_SHARE}|half|a\s+(?:third|quarter|majority)"
                              rf"|{_SHARE}\s+percent)\b(?:\s+of\s+[^,;:.!?]{{1,60}}?)?\s*", re.I)
MAX_REPORT = 600  # longest reported clause considered, in characters
_ABBREV_BEFORE_RE = patterns.compile(r"(?<!\w)(?:[A-Z]|Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Col|Capt|Lt|Sgt|Rev|St|Jr|Sr)$")
NEAR = 300  # how far around a cue its speaker and quotation are looked for (keeps scans bounded)
_PREP_OR_SUB = CLAUSE_PREPOSITIONS | SUBORDINATORS
TRAIL_OBJECT_RE = patterns.compile(rf"\s+(?:[\w’'-]+\s+){{0,4}}?[\w’'-]+(?:{_ADVERBIAL})*\s*[.!?]*[\"”’'»]*\s*$")
_SUBJECT_REACH = 200  # how far back before a verb its subject phrase is looked for
_SOFT_BOUNDARIES = {",", "—", "–", "(", "who", "which", "whom", "whose"}
# A relative clause still open: ", which ..." with no comma since.
_OPEN_RELATIVE_RE = patterns.compile(r",\s+(?:which|who)\s[^,;:—–()]*$")
TRAIL_RE = patterns.compile(rf"(?:{_ADVERBIAL})*\s*(?:[.!?]*[\"”’'»]*\s*$|,\s+(?:but|and|while|although|though|as)\b)")
SENT_END_STRIP = ".!?;:, \n\t\"”’'»"
_OPENER_RE = patterns.compile(r"(?:(?:" + alternation(SENTENCE_OPENERS) + r")\b[^,]{0,40},\s+)")
_WORD_RE = patterns.compile(r"[A-Za-z0-9][\w’'-]*")
SCARE_BEFORE = patterns.compile(r"(?:" + alternation(SCARE_LEADS) + r")\s*$", re.I)
# "X cited / quoted Y as saying ...": Y is the one who said it, X only passes it on.
_CITED_RE = patterns.compile(r"(?<![\w’'-])(?:" + alternation(CITING_VERBS) + r")(?![\w’'-])")
# A trailing temporal clause of the writer's ("... killed seven people after fighting resumed").
_FRAME_SUB_RE = patterns.compile(r"\s(?:after|before|until|once|when)\s")
_FRAME_BAD_RE = patterns.compile(r"[\"“”«»;:]|(?<![\w’'-])(?:that|and\s+(?:was|were|is|are|had|has|have|would|will|could"
                           r"|did|said|says|told|added|also))(?![\w’'-])")
_RUN_ON_RE = patterns.compile(r"'?[ \t]+([a-z]+)\b")
_AFTER_QUOTE_WORDS = REPORT_VERBS | {"he", "she", "they", "it", "we", "i", "according", "the", "a", "an", "and"}
QUANTIFIER_SUBJECTS = frozenset({"another", "others", "some", "many", "several", "most", "few", "both", "one"})
WH_OPENERS = frozenset({"whether", "how", "why", "what"})
NP_DETERMINERS = frozenset({"a", "an", "the", "one", "another", "some", "many", "several", "two", "three", "few",
                            "most"})
_GIVEN_WINDOW = 2000  # how far back a clause's words count as already told (keeps the test local and bounded)
# The first of two coordinated subjects, from the clause's start to "and": "Both Mr. King and".
_LEFT_CONJUNCT_RE = patterns.compile(r"(?:^|(?<=[,;:]))(?P<left>[^,;:!?\"“”]{1,60}?)\s+and\s*$")
_AS_SAYING_RE = patterns.compile(r"\s+(?P<who>[^;:.!?\"“”«»()]{2,120}?)\s*,?\s+as\s+$")


_quote = dict_maker(Quote)  # (Quote(...), made twice as fast: see reader.analysis.records)


OPENING_FREE = frozenset({"according-to"})
"""Reported-speech rules that never ask where a cue's clause opens (:meth:`QuoteFinder._opening`):
a cue at which only such a rule is tried needs none worked out ahead (see
:meth:`QuoteFinder.opening_rows`); a test fails if one of them starts to ask."""


ShapeRows = tuple[list[tuple[int, int, int, int, int, int, str, bool, bool]], list[tuple[tuple[int, int], list[str]]]]
"""Quotations' shapes as plain data (see QuoteFinder.shape_rows)."""
_Opening = tuple[int, bool, "str | None", bool, int]
"""Where a cue's reported clause opens (see QuoteFinder._opening)."""
_Clause = tuple[int, int, "str | None"]
"""A cue's reported clause: its start, its end and the opener's name (see QuoteFinder.clause)."""
ClauseRow = tuple[int, int, int, int, int, "_Clause | None"]
"""A cue's reported clause when it may run to the end of its sentence, by the clause's memo key (the
cue's span, the sentence's span, where its words end), as plain data (see QuoteFinder.opening_rows)."""


class OpeningRows(list[tuple[int, int, "_Opening | None"]]):
    """Where each cue's clause opens, by the cue's span, as plain data (see QuoteFinder.opening_rows);
    and in ``clauses``, the clauses worked out after them while there was time (:data:`ClauseRow`)."""

    def __init__(self, rows: Iterable[tuple[int, int, _Opening | None]] = (), clauses: Iterable[ClauseRow] = ()) -> None:
        super().__init__(rows)
        self.clauses: list[ClauseRow] = list(clauses)


def match_that_soon(text: str, pos: int) -> re.Match[str] | None:
    """``THAT_SOON_RE`` matched at ``pos``, tried only when a "that" comes before the first character
    its words and commas cannot hold (a full stop, a colon, a bracket ...): most cues have none."""
    stop = _THAT_SOON_STOP_RE.search(text, pos)
    if text.find("that", pos, stop.start() if stop else len(text)) < 0:
        return None
    return THAT_SOON_RE.match(text, pos)


def word_list(text: str) -> list[str]:
    return _WORD_RE.findall(text)


@dataclass(frozen=True, slots=True, eq=False)
class NextWordIn:
    """An opener's ``needs`` (see ``Rule.needs``): is the word right after the verb, lower-cased,
    one of ``words``? An opener whose pattern starts with one of them ("said if ...", "denied
    reports that ...") is then tried only where it could match; the finder reads the word once."""

    words: frozenset[str]

    def __call__(self, f: QuoteFinder, verb: str, pos: int, that: re.Match[str] | None) -> bool:
        return next_word(f.text, pos) in self.words


def first_word(text: str) -> str:
    """The first word of ``text`` ("" if none): ``word_list(text)[0]`` without reading the rest."""
    m = _WORD_RE.search(text)
    return m.group() if m else ""


def at_least_words(text: str, start: int, end: int, count: int) -> bool:
    """Does ``text[start:end]`` hold ``count`` words or more (``len(word_list(...)) >= count``, read
    only as far as the ``count``-th word)?"""
    pattern = _AT_LEAST_WORDS.get(count)
    if pattern is None:
        # (the words of _WORD_RE one after another; possessive, so a word is never split in two)
        pattern = _AT_LEAST_WORDS[count] = patterns.compile(
            rf"(?:[^A-Za-z0-9]*+[A-Za-z0-9][\w’'-]*+){{{max(0, count)}}}")  # (a few counts: cached as constants)
    return pattern.match(text, start, end) is not None


_AT_LEAST_WORDS: dict[int, re.Pattern[str]] = {}


def that_follows(f: QuoteFinder, verb: str, pos: int, that: re.Match[str] | None) -> bool:
    """An opener's ``needs``: a "that" a few words after the verb (``THAT_SOON_RE``), which the
    finder matches once per cue and hands to every opener."""
    return that is not None


def next_word(text: str, pos: int) -> str:
    """The word after the spaces at ``pos``, lower-cased ("" if no space and word come next)."""
    m = _AFTER_WORD_RE.match(text, pos)
    return m.group(1).lower() if m else ""


_AFTER_WORD_RE = patterns.compile(r"\s+([\w’'$-]+)")


def comma_before(f: QuoteFinder, hit: re.Match[str], sent: Span) -> bool:
    """Is there a comma between the start of the cue's sentence and the cue ("A, X said", "If A, X
    said B")? Rules that read such a piece before the cue need one (see ``Rule.needs``)."""
    return f.text.rfind(",", sent.start, hit.start()) > sent.start


# -- the kind of a quotation ------------------------------------------------------------------------

# Rules that make a quotation the marks and its lead would call *direct* a *partial* one: words the
# writer's own sentence carries. Each answers yes or no (``f, q, sent -> bool``); any yes decides.
KINDS = Registry("kinds")
_CLAUSE_SUBJECTS = frozenset({"he", "she", "they", "it", "we", "i"})
# The lower-case words a quoted name or title may hold ("Contract with America", "Bernie or Bust").
TITLE_WORDS = frozenset({"of", "the", "and", "a", "an", "in", "for", "to", "on", "with", "at", "by", "from", "or"})


@KINDS.rule("quote-ends-report", examples=(
    Example("Mayor Ines Marlow said that the plan had failed: “Nobody asked the people who live here.”",
            "Nobody asked the people who live here.", "partial", "Ines Marlow"),
    Example("Ines Marlow added that the ferry was late again, which is a problem because, “In winter there "
            "is no other way to the island.”", "In winter there is no other way to the island.", "partial",
            "Ines Marlow"),
    Example("Ines Marlow said she has one plan for the council: “Build the bridge.”", "Build the bridge.",
            "partial", "Ines Marlow"),
    Example("Ines Marlow told the council on Monday: “Build the bridge.”", "Build the bridge.", "direct",
            "Ines Marlow"),
    Example("Ines Marlow said the ferry was late, and when asked why, the captain replied, “The engine failed.”",
            "The engine failed.", "direct", None),
    Example("Ines Marlow called for a new ferry, walking along the pier while shouting, “The engine failed.”",
            "The engine failed.", "direct", None),
))
def quote_ends_report(f: QuoteFinder, q: Quoted, sent: Span) -> bool:
    """'X said (that) CLAUSE ... “...”': a quotation closing a clause the writer reports after the
    nearest speech verb before it ("that" right after the verb, or three words or more holding a
    finite verb or opening with a subject pronoun) is part of that report, not a quotation standing
    alone. A lead of only the verb, its hearers and adverbials ('told the council: “...”', 'replied,
    “...”'), or a verb of its own ('while shouting, “...”'), keeps it direct, and so does a full stop
    since the verb (another sentence)."""
    cues = [hit for hit in f.cues.between(sent.start, q.open) if not f.inside_quoted(hit.start())]
    if not cues:
        return False
    between = f.text[cues[-1].end():q.open]
    if _SENTENCE_STOP_RE.search(between):
        return False
    words = word_list(between)
    if not words or (words[-1].endswith("ing") and between.rstrip()[-1:] in ",:"):
        return False  # '..., while chanting, “...”': a verb of its own leads the quotation
    lows = [w.lower() for w in words]
    return lows[0] == "that" or (len(words) >= 3 and (lows[0] in _CLAUSE_SUBJECTS or has_finite_verb(words)))


# -- where a reported clause ends ----------------------------------------------------------------


@dataclass(frozen=True, slots=True, eq=False)
class MarksIn:
    """A span end's ``needs`` (see ``Rule.needs``): does the clause ``text[start:end]`` hold one of
    ``marks``? A rule whose pattern cannot match without one of them is then skipped (most
    clauses hold no comma, bracket or dash)."""

    marks: tuple[str, ...]

    def __call__(self, f: QuoteFinder, start: int, end: int) -> bool:
        text = f.text
        return any(text.find(mark, start, end) >= 0 for mark in self.marks)  # (what the one search finds)


def marks_in(*marks: str) -> MarksIn:
    return MarksIn(marks)


_HAS_COMMA = marks_in(",")

# Rules that end a reported clause before its sentence does (``f, start, end, trailing -> cut or
# None``); the earliest cut of any rule wins. ``trailing``: the report comes before its attribution
# ("A, but B, Smith said"), where a ", but" clause is still the speaker's.
SPAN_ENDS = Registry("span-ends")
_ACCORDING_TAIL_RE = patterns.compile(r",?\s+according\s+to\s")
_DASH_APPOSITIVE_RE = patterns.compile(r"\s(?:—|–|--|-)\s+(?:a|an)\s(?![^—–]*\s(?:—|–|--)\s)[^—–]*$")
_SUMMARY_APPOSITIVE_RE = patterns.compile(r",\s+(?:a|an)\s+(?:[\w’'-]+\s+){0,2}?[\w’'-]+\s+(?:that|which)\s")
_NEW_SUBJECT_RE = patterns.compile(r",\s+and\s+(?:the|a|an|his|her|their|its)\s+(?:[\w’'-]+\s+){0,3}?(?:is|are|was|were|has"
                             r"|have|had|will|would|could|can)\s")


@SPAN_ENDS.rule("writer-clause", needs=marks_in(",", ";"), examples=(
    Example("Ines Marlow said the ferry would sail on Monday, but the harbour was closed by the storm.",
            "the ferry would sail on Monday", "indirect", "Ines Marlow"),
    Example("Ines Marlow said the ferry would sail on Monday, allowing the islanders to vote.",
            "the ferry would sail on Monday", "indirect", "Ines Marlow"),
))
def writer_clause(f: QuoteFinder, start: int, end: int, trailing: bool) -> int | None:
    """A coordinated or added clause of the writer's: ", but ...", ", while ...", ", with ...",
    ", allowing ...", ", and in ...", ", and Name is ...", "; ..." (after "but" an auxiliary goes on
    with the same subject: "had never sought to exclude them, but could not allow ...")."""
    text = f.text
    for cut in _CUT_RE.finditer(text, start, end):
        if f.inside_quoted(cut.start()) and f.inside_quoted(cut.end() - 1):
            continue  # (', “a terrible situation,” but ...': the comma is the quotation's, the "but" is not)
        word = cut.group().lstrip(",”\"’ ")
        if trailing and word.startswith(("but", "while", "whereas", "though", "although")):
            continue
        if word.startswith("but") and AUX_NEXT_RE.match(text, cut.end()):
            continue
        if at_least_words(text, start, cut.start(), 3):
            return cut.start()
    return None


# "and Ines Marlow is promising ...": a name and a finite verb after "and".
_AND_NAME_CLAUSE_RE = patterns.compile(r",?\s+and\s+(?=[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2}\s+(?:is|are|was|were|has"
                                 r"|have|had|will|would|could|said|says)\b)")


_AND_NAME_SAID_RE = patterns.compile(r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2}\s+(?:said|says)\b")


@SPAN_ENDS.rule("and-named-subject", needs=marks_in("and"), examples=(
    Example("Ines Marlow said the ferry would sail on Monday, and Tomas Rieder was furious about it.",
            "the ferry would sail on Monday", "indirect", "Ines Marlow"),
    Example("Ines Marlow said the ferry would sail and Tomas Rieder was furious about it.",
            "the ferry would sail", "indirect", "Ines Marlow"),
    Example("Ines Marlow said if she won, Holm and Rieder would lose their seats on the board.",
            "if she won, Holm and Rieder would lose their seats on the board", "indirect", "Ines Marlow"),
    Example("Ines Marlow said letters from Holm, Vos, Brandt and Rieder were read out at the meeting.",
            "letters from Holm, Vos, Brandt and Rieder were read out at the meeting", "indirect", "Ines Marlow"),
))
def and_named_subject(f: QuoteFinder, start: int, end: int, trailing: bool) -> int | None:
    """"..., and Tomas Rieder was furious": a second clause whose subject is a name is the writer's
    next statement. Without a comma it is one only after a full clause ("the ferry would sail and
    Rieder was ..."); before any finite verb the name closes a coordinated subject ("letters from
    Holm, Vos and Rieder were read out") and the verb is the report's own, unless it is "said" or
    "says" (a second report: "... program and Rieder says ...")."""
    text = f.text
    for cut in _AND_NAME_CLAUSE_RE.finditer(text, start, end):
        if f.inside_quoted(cut.start()):
            continue
        words = word_list(text[start:cut.start()])
        clause = word_list(text[max(start, text.rfind(",", start, cut.start()) + 1):cut.start()])
        said = _AND_NAME_SAID_RE.match(text, cut.end())
        if len(words) >= 3 and (text[cut.start()] == "," or said or has_finite_verb(clause)):
            return cut.start()  # (the verb in the same stretch: "if he won, Holm and Vos would ...")
    return None


@SPAN_ENDS.rule("which-after-object", needs=_HAS_COMMA, examples=(
    Example("Ilse Brandt acknowledged the risks of the new bridge, which worried the ferry crews.",
            "the risks of the new bridge", "indirect", "Ilse Brandt"),
))
def which_after_object(f: QuoteFinder, start: int, end: int, trailing: bool) -> int | None:
    """"acknowledged the risks of the bridge, which worried ...": after a report that is a noun phrase,
    a relative clause running to the end is the writer's comment (after a full clause it is often
    part of what was said, and a relative closed again by a comma belongs to the report)."""
    if trailing:
        return None
    for cut in _WHICH_RE.finditer(f.text, start, end):
        if f.inside_quoted(cut.start()) or has_finite_verb(word_list(f.text[start:cut.start()])):
            return None
        comma = f.text.find(",", cut.end(), end)
        if comma >= 0 and at_least_words(f.text, comma, end, 3):
            return None
        return cut.start() if at_least_words(f.text, start, cut.start(), 3) else None
    return None


@SPAN_ENDS.rule("name-appositive", needs=_HAS_COMMA, examples=(
    Example("Ines Marlow said the council would consult Hal Brandt (Ind.), a former harbour master who ran the port.",
            "the council would consult Hal Brandt (Ind.)", "indirect", "Ines Marlow"),
))
def name_appositive(f: QuoteFinder, start: int, end: int, trailing: bool) -> int | None:
    """"... consult Hal Brandt (Ind.), a former harbour master who ...": the writer's appositive to a
    name at the end of a report (not a clause of its own: ", a plan that would cut ..." stays)."""
    if trailing:
        return None
    text = f.text
    for cut in _NAME_APPOSITIVE_RE.finditer(text, start, end):
        if f.inside_quoted(cut.start()) or has_finite_verb(_before_relative(text[cut.end():end])) or \
                not _NAME_BEFORE_RE.search(text, max(start, cut.start() - 40), cut.start()):
            continue
        if at_least_words(text, start, cut.start(), 3):
            return cut.start()
    return None


@SPAN_ENDS.rule("closing-parenthetical", needs=marks_in("("), examples=(
    Example("Ines Marlow said the ferry would sail on Monday (the harbour reopens that day).",
            "the ferry would sail on Monday", "indirect", "Ines Marlow"),
))
def closing_parenthetical(f: QuoteFinder, start: int, end: int, trailing: bool) -> int | None:
    """"... on Monday (the harbour reopens that day)": the writer's aside in brackets at the end."""
    if trailing:
        return None
    for cut in _PAREN_RE.finditer(f.text, start, end):
        close = f.text.find(")", cut.end(), end)
        if close >= 0 and not f.text[close + 1:end].strip(" .,;:") and not f.inside_quoted(cut.start()) \
                and at_least_words(f.text, start, cut.start(), 3):
            return cut.start()
    return None


@SPAN_ENDS.rule("according-to-tail", needs=marks_in("according"), examples=(
    Example("Ines Marlow said the ferry would sail on Monday, according to two crew members.",
            "the ferry would sail on Monday", "indirect", "Ines Marlow"),
))
def according_to_tail(f: QuoteFinder, start: int, end: int, trailing: bool) -> int | None:
    """"X said CLAUSE, according to Y": the source the writer adds for the report is not part of it."""
    return f.first_cut(_ACCORDING_TAIL_RE, start, end)


@SPAN_ENDS.rule("and-new-subject", needs=_HAS_COMMA, examples=(
    Example("Ines Marlow said the ferry would sail on Monday, and the harbour master was furious about it.",
            "the ferry would sail on Monday", "indirect", "Ines Marlow"),
))
def and_new_subject(f: QuoteFinder, start: int, end: int, trailing: bool) -> int | None:
    """", and the harbour master was ...": a second clause with a subject (a noun phrase) and a finite
    verb of its own is the writer's next statement."""
    return f.first_cut(_NEW_SUBJECT_RE, start, end)


@SPAN_ENDS.rule("summary-appositive", needs=_HAS_COMMA, examples=(
    Example("Ines Marlow said the ferry would stop at the island twice a day, a change that pleased the "
            "fishermen.", "the ferry would stop at the island twice a day", "indirect", "Ines Marlow"),
))
def summary_appositive(f: QuoteFinder, start: int, end: int, trailing: bool) -> int | None:
    """"..., a change that pleased the fishermen": a noun summing up the report with a relative clause
    of its own is the writer's comment on it."""
    return f.first_cut(_SUMMARY_APPOSITIVE_RE, start, end)


@SPAN_ENDS.rule("dash-appositive", needs=marks_in("—", "–", "-"), examples=(
    Example("Ines Marlow said the ferry would stop at the island twice a day — a first for the winter "
            "timetable.", "the ferry would stop at the island twice a day", "indirect", "Ines Marlow"),
))
def dash_appositive(f: QuoteFinder, start: int, end: int, trailing: bool) -> int | None:
    """"... twice a day — a first for the timetable": an unpaired dash and a noun phrase to the end
    is the writer's aside (a pair of dashes sets off words inside the report, and stays)."""
    return f.first_cut(_DASH_APPOSITIVE_RE, start, end)


_FRONTED_SUB_RE = patterns.compile(r"[\"“]?(?:Although|Though|While|Even though|Even as|Whereas|If|Because|Since|As|After"
                             r"|When|Before)\s")
_MAIN_CLAUSE_RE = patterns.compile(r",\s+(?=(?:he|she|they|it|we|I|the|a|an|his|her|their|its|[A-Z][\w’'.-]*)\s)")


@SPAN_ENDS.rule("fronted-subordinate", needs=_HAS_COMMA, examples=(
    Example("While Ines Marlow said the ferry would sail on Monday, the harbour stayed closed all week.",
            "the ferry would sail on Monday", "indirect", "Ines Marlow"),
    Example("Although Captain Ruth Sands insisted that the engine was sound, she ordered a full inspection.",
            "the engine was sound", "indirect", "Ruth Sands"),
))
def fronted_subordinate(f: QuoteFinder, start: int, end: int, trailing: bool) -> int | None:
    """"While X said CLAUSE, SUBJECT VERB ...": a report inside a subordinate clause opening the
    sentence ends at the comma where the main clause and its subject begin (a comma before the
    speech verb means the subordinate clause closed earlier: "As X spoke, Y noted that ...")."""
    if trailing:
        return None
    sent = f.seg.sentence_at(start)
    if sent is None or not _FRONTED_SUB_RE.match(f.text, sent.start):
        return None
    if any(not f.inside_quoted(i) for i in _commas(f.text, sent.start, start)):
        return None
    return f.first_cut(_MAIN_CLAUSE_RE, start, end)


def _marks_needed(registry: Registry) -> tuple[re.Pattern[str], list[tuple[Rule, frozenset[str] | None]]] | None:
    """One pattern for every mark the rules of ``registry`` need, and each rule with its marks (None
    unless every rule needs marks): one search tells which rules a clause could be cut by."""
    if not all(isinstance(rule.needs, MarksIn) for rule in registry):
        return None
    needs: list[tuple[Rule, frozenset[str] | None]] = [(rule, frozenset(rule.needs.marks)) for rule in registry
                                                       if isinstance(rule.needs, MarksIn)]
    marks = sorted({mark for _rule, rule_marks in needs for mark in rule_marks}, key=lambda m: (-len(m), m))
    return patterns.compile("|".join(re.escape(mark) for mark in marks)), needs


_SPAN_END_MARKS = _marks_needed(SPAN_ENDS)


def _commas(text: str, start: int, end: int) -> list[int]:
    return [i for i in range(start, end) if text[i] == ","]


_STAGE_DIRECTION_RE = patterns.compile(r"\([^()]*\)[.!?]?")
_SENTENCE_STOP_RE = patterns.compile(r"[.!?][\"”’']*\s")


_RuleBlock = tuple["Callable[..., bool] | None", bool, tuple[tuple["Callable[..., Any]", str, bool], ...]]
"""Rules next to each other with the same ``needs``: the test, whether one of them is final, and
each rule's find, name and final."""


def _rule_blocks(rules: list[Rule]) -> list[_RuleBlock]:
    """``rules`` in order, those next to each other with the same ``needs`` in one block, so that a
    cue failing the test skips them all at once (five rules of ``REPORTED`` need a comma before
    the cue)."""
    blocks: list[_RuleBlock] = []
    for rule in rules:
        if blocks and blocks[-1][0] is rule.needs:
            need, final, block = blocks[-1]
            blocks[-1] = (need, final or rule.final, (*block, (rule.find, rule.name, rule.final)))
        else:
            blocks.append((rule.needs, rule.final, ((rule.find, rule.name, rule.final),)))
    return blocks


class QuoteFinder:
    """Finds the quotes of one text and attributes them, by the rules of a :class:`Rulebook`.

    Built by the pipeline from its earlier stages: the segments, the entity mentions, the quoted
    spans and the cues. ``origin`` records, per quote span, the names of the rules that made it
    (with ``traces``; else it stays empty).
    """

    def __init__(self, text: str, segments: Segments, mentions: list[Mention], quoted: list[Quoted],
                 cues: Cues, rules: Rulebook, resolver: Resolver | None = None, *, traces: bool = True) -> None:
        """``resolver``: one made beforehand for the same text and mentions (and no quoted spans
        yet; see :meth:`Resolver.set_quoted`), else one is made here. ``traces=False``: which rules
        made each quote is not recorded (nothing reads it but the tests of the rules; a long text's
        halves would otherwise pass some 9,000 spans' rules from one process to the other)."""
        self.text = text
        self.seg = segments
        self.quoted = quoted
        self.rules = rules
        spans = [(q.open + 1, q.close) for q in self.quoted]
        self.quoted_opens = [q.open for q in self.quoted]
        if resolver is None:
            resolver = Resolver(text, mentions, spans, segments)
        else:
            resolver.set_quoted(spans)
        self.resolver = resolver
        self._closes = [q.close for q in self.quoted]
        self._shapes: list[tuple[Quoted, int, int, int, Span, Span, str, bool, bool]] | None = None
        self._windows: dict[tuple[int, int, int], tuple[tuple[int, int, str], ...]] = {}
        self.cues = cues
        self.hits = cues.hits
        self.inner_hits = cues.inner
        self.origin: dict[tuple[int, int], list[str]] = {}
        self.traces = traces
        # The reported-speech rules that apply to a cue word, in blocks (see _rule_blocks).
        self._reported_rules: dict[str, list[_RuleBlock]] = {}
        # What follows each cue's verb (see _opening), by the cue's span: several rules ask.
        self._openings: dict[tuple[int, int], _Opening | None] = {}
        # The openers that apply to a verb, each as (find, name, needs, the words it needs next or None),
        # and whether any of them needs the word after the verb (see _opening).
        self._opener_plans: dict[str, tuple[bool, tuple[tuple[Callable[..., Any], str, Callable[..., bool] | None,
                                                              frozenset[str] | None], ...]]] = {}
        # Those of them worth trying after a verb and the word that follows it (or "" when none
        # reads it), each as (find, name, the needs left to ask or None).
        self._openers: dict[tuple[str, str], tuple[tuple[Callable[..., Any], str, Callable[..., bool] | None], ...]] = {}
        self._prepared: dict[Callable[..., Any], Any] = {}  # what block rules read of the text alone (see prepared)
        self._clauses: dict[tuple[int, int, int, int, int], _Clause | None] = {}
        self._ahead: Iterator[tuple[Any, ...]] | None = None  # the rest of opening_rows' work (see there)

    def trace(self, quote: Quote | None, rule: str) -> Quote | None:
        """Record that ``rule`` made (or shaped) ``quote`` (with ``traces``); returns it."""
        if quote is not None and self.traces:
            self.origin.setdefault((quote.start, quote.end), []).append(rule)
        return quote

    def checkpoint(self, whole: bool = False) -> tuple[ResolverState, dict[tuple[int, int], Any]]:
        """What the finder and its resolver have learned so far, to :meth:`restore` them to.

        ``whole``: a copy of all of it, to come back to after going back to an earlier checkpoint
        (otherwise only how much there was, enough to forget what was learned since)."""
        if whole:
            return self.resolver.checkpoint(), {span: list(names) for span, names in self.origin.items()}
        return self.resolver.checkpoint(), self.trace_counts()

    def trace_counts(self) -> dict[tuple[int, int], int]:
        """How many rules each span has in ``origin`` now (see :meth:`traced_since`)."""
        return {span: len(names) for span, names in self.origin.items()}

    def traced_since(self, counts: dict[tuple[int, int], int]) -> list[tuple[tuple[int, int], list[str]]]:
        """The rules traced since :meth:`trace_counts` gave ``counts``, by span: what another process
        takes in with :meth:`add_traces`."""
        return [(span, names[counts.get(span, 0):]) for span, names in self.origin.items()
                if len(names) > counts.get(span, 0)]

    def add_traces(self, traced: Iterable[tuple[tuple[int, int], list[str]]]) -> None:
        """Add rules another process traced (see :meth:`traced_since`), each span's after those it
        has (some 9,000 spans in the join of a long text's halves, most of them new: one lookup each;
        the list of a new span is taken over, not copied)."""
        origin = self.origin
        known = origin.get
        for span, names in traced:
            had = known(span)
            if had is None:
                origin[span] = names
            else:
                had.extend(names)

    def restore(self, state: tuple[ResolverState, dict[tuple[int, int], Any]]) -> None:
        """Forget what was learned since :meth:`checkpoint` gave ``state`` (rules that fired, speakers),
        or, for a ``whole`` one, come back to it."""
        resolver_state, traced = state
        self.resolver.restore(resolver_state)
        if traced and isinstance(next(iter(traced.values())), list):
            self.origin = {span: list(names) for span, names in traced.items()}
            return
        for span in [span for span in self.origin if span not in traced]:
            del self.origin[span]
        for span, count in traced.items():
            del self.origin[span][count:]

    def trace_span(self, start: int, end: int, rule: str) -> None:
        """Record that ``rule`` attributed the quotation ``text[start:end]`` (with ``traces``)."""
        if self.traces:
            self.origin.setdefault((start, end), []).append(rule)

    def quoted_index(self, pos: int) -> int:
        """Index of the last quoted span opening at or before ``pos`` (-1 if none)."""
        return bisect_right(self.quoted_opens, pos) - 1

    def inside_quoted(self, pos: int) -> bool:
        i = bisect_right(self.quoted_opens, pos) - 1
        return i >= 0 and self.quoted_opens[i] < pos < self._closes[i]

    def hits_in(self, start: int, end: int) -> list[re.Match[str]]:
        return self.cues.between(start, end)

    # -- subject and object phrases -------------------------------------------------------------

    def subject_window(self, sent: Span, verb_start: int) -> tuple[int, int]:
        """The words before a verb back to the clause boundary, skipping parenthetical adverbs."""
        windows = self.subject_windows(sent, verb_start)
        return (windows[0][0], windows[0][1]) if windows else (verb_start, verb_start)

    def subject_windows(self, sent: Span, verb_start: int) -> tuple[tuple[int, int, str], ...]:
        """Candidate subject phrases before a verb, nearest first, each tagged with its role.

        Commas, dashes and relative pronouns may set off an appositive ("Dalby, a retired
        librarian who worked there, said"), so the search steps back over them; a conjunction
        or "that" ends it. Tags: ``rel`` (a relative clause: never the subject), ``sub`` (an
        adverbial or subordinate phrase: "In Paris", "after the vote"), ``np`` otherwise.
        Memoised: a pure function of the text, its quotations and its mentions, asked again by
        several cues and by the attribution of quotations.
        """
        key = (sent.start, sent.end, verb_start)
        cached = self._windows.get(key)
        if cached is None:
            cached = self._windows[key] = tuple(self._find_subject_windows(sent, verb_start))
        return cached

    def _find_subject_windows(self, sent: Span, verb_start: int) -> list[tuple[int, int, str]]:
        text = self.text
        lo = max(sent.start, verb_start - _SUBJECT_REACH)
        dateline = _DATELINE_RE.match(text, sent.start)
        if dateline and dateline.end() <= verb_start:
            lo = max(lo, dateline.end())  # "TULSA, Okla. — A security guard testified": not Tulsa
        i = bisect_right(self.quoted_opens, verb_start) - 1
        if i >= 0 and self.quoted[i].close < verb_start:
            lo = max(lo, self.quoted[i].close + 1)  # a subject is never inside a quotation before it
        inside = self.resolver.inside_mention
        windows: list[tuple[int, int, str]] = []
        end = verb_start
        # Nearest boundary first; whether one lies inside a name is asked only of those visited.
        for b in reversed(list(_SUBJECT_BOUNDARY_RE.finditer(text, lo, verb_start))):
            if inside(b.start()):
                continue
            word = b.group().lower()
            if word == "with" and (taker := _PREV_WORD_RE.search(text, max(lo, b.start() - 16), b.start())) \
                    and taker.group(1).lower() in WITH_TAKERS:
                continue  # "a person familiar with the matter said": "with" is inside the subject
            if word == "and" and _OPEN_RELATIVE_RE.search(text, lo, b.start()):
                continue  # "Pathwise, which is based in Leeds and employs 900 people, said": inside the clause
            if has_content_in(text, b.end(), end):
                if end == verb_start and word in SUBORDINATORS and not text[b.end():end].rstrip().endswith(","):
                    # "..., while hardliners warned": the clause holding the verb has its own subject
                    # (but in "Garrity, who voted with Priya Nair, said" the comma closes a clause).
                    windows.append((b.end(), end, "np"))
                    return windows
                windows.append((b.end(), end, self._window_tag(word, b.end(), end)))
            if word == "and" and (end == verb_start or not text[end:verb_start].strip(", ")) and windows \
                    and len(word_list(text[b.end():end])) <= 4 and self.resolver.resolve(b.end(), end) is None:
                # "Experts on Korea and nuclear policy said": one subject, coordinated (and so is an
                # appositive's: "Holm, the mayor's director of planning and engagement, said")
                end = b.start()
                continue
            if (word not in _SOFT_BOUNDARIES and word not in SUBORDINATORS) or len(windows) >= 5:
                return windows
            end = b.start()
        if has_content_in(text, lo, end):
            windows.append((lo, end, self._window_tag("", lo, end)))
        return windows

    def relative_or_and_before(self, sent: Span, verb_start: int) -> bool:
        """Is there a relative pronoun or an "and" within a subject's reach before ``verb_start``?

        Without one the nearest subject window is no relative clause ("rel") and finding the
        windows asks the resolver nothing (it does so only about a phrase before an "and"): a
        rule that needs neither may then skip the windows altogether (a cheap test, no answer)."""
        text, lo = self.text, max(sent.start, verb_start - _SUBJECT_REACH)
        # (the boundaries are lower-case but for "And": "who", "which", "whom", "whose" all hold "wh")
        return text.find("wh", lo, verb_start) >= 0 or text.find("and", lo, verb_start) >= 0 or \
            text.find("And", lo, verb_start) >= 0

    def _window_tag(self, boundary: str, start: int, end: int) -> str:
        if boundary in ("who", "which", "whom", "whose"):
            return "rel"
        first = _WORD_RE.search(self.text, start, end)
        if boundary in SUBORDINATORS or (first and first.group().lower() in _PREP_OR_SUB
                                         and not _APPROX_SHARE_RE.fullmatch(self.text, start, end)):
            return "sub"  # (but "About 4 in 10", "Nearly half of them": "about" rounds a share, the subject)
        return "np"

    def subject(self, sent: Span, verb_start: int) -> str | None:
        """The speaker of a verb.

        A person named right before the verb wins; otherwise the leftmost name of the subject
        chain ("Priya Sandhu, who covers banks at Westgate, said" -> Priya Sandhu); otherwise the
        nearest phrase (a pronoun, a nominal reference or a noun phrase such as "officials").
        """
        cited = self.cited_source(sent, verb_start)
        if cited is not None:
            return cited
        windows = self.subject_windows(sent, verb_start)
        if not windows:
            return None
        resolve = self.resolver.resolve_how
        group = self._coordinated(sent, windows)
        if group is not None:
            return group
        near, how = (None, "")
        if windows[0][2] != "rel":
            near, how = resolve(windows[0][0], windows[0][1])
            if near is not None and how == "named" and self.resolver.labels.get(near) == "PERSON" \
                    and (windows[0][2] == "np" or len(windows) == 1):
                return near  # (a name after "with" or "after" is not the subject when one comes before)
            if near is not None and how == "pronoun":
                last = self.text[windows[0][0]:windows[0][1]].split()[-1:]
                if last and last[0].lower() in ("he", "she", "they", "it", "we"):
                    return near  # "for what she calls": a pronoun right before the verb is its subject
        for start, end, tag in reversed(windows[1:]):
            if tag == "np":
                name, how2 = resolve(start, end)
                if name is not None and how2 in ("named", "pronoun"):
                    return name
        if near is not None:
            return near
        for start, end, tag in windows[1:]:
            if tag != "rel":
                name, _how = resolve(start, end)
                if name is not None:
                    return name
        # An untyped name as the subject ("Unison, which represents staff, said"): use it as written.
        for start, end, tag in reversed(windows):
            words = [w for w in self.text[start:end].split() if not parenthetical(w.lower())]
            if tag == "np" and 0 < len(words) <= 4 and all(w[:1].isupper() for w in words) and \
                    not any(w.lower().strip(",;:") in COMMON_CAPS or w.lower() in NON_SPEAKERS for w in words):
                return " ".join(words).strip(",;:")
        # A plain noun phrase right before the verb ("A security guard testified that", "The Republican
        # presidential nominee noted"): the phrase.
        if windows[0][2] == "np":
            words = self.text[windows[0][0]:windows[0][1]].split()
            if len(words) == 1 and words[0].lower() in QUANTIFIER_SUBJECTS:
                return words[0].lower()  # "Another said ...", "Some say ...": the report stands, unnamed
            return noun_phrase(self.text[windows[0][0]:windows[0][1]])
        return None

    def _coordinated(self, sent: Span, windows: tuple[tuple[int, int, str], ...]) -> str | None:
        """"Mr. King and Mr. Schultz say", "Reyes and her aides said": a subject of two coordinated
        speakers is the group of both, never one of them (None unless both sides name someone and
        the first is a person)."""
        if windows[0][2] != "np":
            return None
        lo = max(sent.start, windows[0][0] - 80)
        if self.text.find("and", lo, windows[0][0]) < 0:
            return None  # (no "and" for the pattern to end with: most subjects)
        left = _LEFT_CONJUNCT_RE.search(self.text[lo:windows[0][0]])
        if left is None or not has_content(left.group("left")) or (left.start() == 0 and lo > sent.start):
            return None
        first, how1 = self.resolver.resolve_how(lo + left.start("left"), lo + left.end("left"))
        if first is None or how1 not in ("named", "pronoun") or self.resolver.labels.get(first) != "PERSON":
            return None
        second, how2 = self.resolver.resolve_how(windows[0][0], windows[0][1])
        if second is None or second == first or how2 == "indefinite":
            return None
        return f"{first} and {second}"

    def cited_source(self, sent: Span, verb_start: int) -> str | None:
        """The source of "X cited (quoted) Y as saying ...": Y, else the citing X, else None.

        The verb of saying belongs to Y, not to the subject of the sentence ("He spoke after the
        paper quoted aides as saying ..." reports the aides, not "he").
        """
        lo = max(sent.start, verb_start - 160)
        if self.text.find("cit", lo, verb_start) < 0 and self.text.find("quot", lo, verb_start) < 0:
            return None  # (no citing verb: every form holds "cit" or "quot")
        cites = list(_CITED_RE.finditer(self.text, lo, verb_start))
        if not cites:
            return None
        cite = cites[-1]  # the nearest citing verb before the one of saying
        m = _AS_SAYING_RE.match(self.text, cite.end(), verb_start)
        if m is None:
            return None
        who = m.group("who").strip().lower()
        if who in OBJECT_PRONOUNS:  # "The Times quoted him as saying": him is a person named before
            return self.resolver.person_for_pronoun(m.start("who"), OBJECT_PRONOUNS[who])
        return self.resolver.resolve(m.start("who"), m.end("who")) or self.subject(sent, cite.start())

    def main_subject(self, sent: Span, before: int) -> str | None:
        """The speaker of the first speech verb in a sentence (for "..., adding that ...")."""
        for hit in self.hits_in(max(sent.start, before - NEAR), before):
            if hit.group() in PARTICIPLES:
                continue
            speaker = self.subject(sent, hit.start())
            if speaker:
                return speaker
        return self.sentence_subject(sent, before)

    def sentence_subject(self, sent: Span, before: int) -> str | None:
        """The subject at the start of a sentence ("Margaret Ellison, 74, joined ... and said")."""
        text = self.text
        start = sent.start
        opener = _OPENER_RE.match(text, start)
        if opener and opener.end() < before:
            start = opener.end()
        stop = start
        for word in _WORD_RE.finditer(text, start, min(before, start + 120)):
            token = word.group()
            if token[:1].islower() and token.lower() not in NP_WORDS:
                break
            stop = word.end()
        if stop > start:
            name, how = self.resolver.resolve_how(start, stop)
            if name is not None and how in ("named", "pronoun"):
                return name
        # "The council leader at the time, Graham Fitch, rang me ... and told me ...": the first name.
        near = self.resolver.mentions_in(start, min(before, start + 100))
        head = _BOUNDARY_RE.search(text, start, min(before, start + 100))
        named = [m for m in near if m.label == "PERSON"] or [m for m in near if m.label == "ORG"]
        if named and (head is None or head.group() in (",", "—", "–", "(") or named[0].start < head.start()):
            return named[0].entity
        return None

    # -- direct and partial quotations ----------------------------------------------------------

    def shapes(self) -> list[tuple[Quoted, int, int, int, Span, Span, str, bool, bool]]:
        """Each real quotation with its span, paragraph, sentence, kind, whether it continues a
        split one, and whether it fills its paragraph (worked out once)."""
        if self._shapes is None:
            self._shapes = self._quote_shapes()
        return self._shapes

    def direct_quotes(self, attribute: bool = True,
                      shapes: list[tuple[Quoted, int, int, int, Span, Span, str, bool, bool]] | None = None
                      ) -> list[Quote]:
        """Direct and partial quotations; with ``attribute=False`` only their spans and kinds.

        The shapes (span, kind, split) do not depend on attribution, so they are worked out once
        and reused by the attributing call. ``shapes``: only these (a run of :meth:`shapes`, read
        as if no quotation came before them).
        """
        out: list[Quote] = []
        text = self.text
        if shapes is None:
            shapes = self.shapes()
        if not attribute:  # (then no quotation has a speaker to hand on: only the spans)
            for q, start, end, _para_i, _para, _sent, kind, _split, _whole_para in shapes:
                if q.paragraphs > 1:
                    out.extend(_quote(text[a:b], kind, a, b, None, "", -1, -1)
                               for a, b in _paragraph_pieces(text, start, end))
                else:
                    out.append(_quote(text[start:end], kind, start, end, None, "", -1, -1))
            return out
        last: Quote | None = None
        last_para = -9
        last_any: Quote | None = None  # the last quotation of any kind with a speaker
        last_any_para = -9
        paragraph_index = self.seg.paragraph_index
        for q, start, end, para_i, para, sent, kind, split, whole_para in shapes:
            if split and last is not None and last.speaker:
                speaker, cue = last.speaker, None
            elif kind == "partial" and last_any is not None and para_i == last_any_para and \
                    not text[sent.start:q.open].strip():
                # '"...," said Cole. "It's just a tax increase" for the rich.': the same speaker goes on
                speaker, cue = last_any.speaker, None
            else:
                speaker, cue = self.attribute_quote(q, sent, para, kind)
            if speaker is None and kind == "direct" and last is not None and para_i - last_para <= 1 and \
                    (not whole_para or self.continues(last, para_i)) and last.speaker:
                speaker, cue = last.speaker, None
            if speaker is None and kind == "direct" and last is not None and para_i == last_para:
                speaker = last.speaker
            if speaker is None and kind == "direct" and last_any is not None and para_i == last_any_para:
                speaker = last_any.speaker  # '..., "not meeting the demand," says X. "We often ..."'

            cue_fields = cue if cue else ("", -1, -1)
            quote = _quote(text[start:end], kind, start, end, speaker, *cue_fields)
            if q.paragraphs > 1:
                # One quotation over several paragraphs: one span per paragraph, same speaker.
                out.extend(_quote(text[a:b], kind, a, b, speaker, *cue_fields)
                           for a, b in _paragraph_pieces(text, start, end))
            else:
                out.append(quote)
            if kind == "direct" or (quote.cue and quote.speaker and quote.cue_start > q.close):
                # (a partial quotation its own cue attributes: '"...," Ames said. "Our aim ..."')
                last, last_para = quote, paragraph_index(q.close)
                if speaker:
                    last_any, last_any_para = quote, last_para
            elif speaker:
                last_any, last_any_para = quote, paragraph_index(q.close)
        return out

    def direct_spans(self) -> list[tuple[int, int]]:
        """The spans of the direct quotations, sorted (one per paragraph of a quotation over several,
        as :meth:`direct_quotes` gives them): what reported clauses stay out of. Read off the
        shapes, without making the quotes."""
        text = self.text
        spans: list[tuple[int, int]] = []
        for q, start, end, _para_i, _para, _sent, kind, _split, _whole in self.shapes():
            if kind != "direct":
                continue
            if q.paragraphs > 1:
                spans.extend(_paragraph_pieces(text, start, end))
            else:
                spans.append((start, end))
        return sorted(spans)

    def shape_rows(self) -> ShapeRows:
        """The quotations' shapes (see :meth:`_quote_shapes`) as plain tuples, to send to another
        process: the quoted span by its index, the sentence by its offsets; with the rules that
        decided a quotation's kind on the way (see ``origin``)."""
        index = {q.open: i for i, q in enumerate(self.quoted)}
        traced = self.trace_counts()
        rows = [(index[q.open], start, end, para_i, sent.start, sent.end, kind, split, whole_para)
                for q, start, end, para_i, _para, sent, kind, split, whole_para in self._quote_shapes()]
        return rows, self.traced_since(traced)

    def adopt_shape_rows(self, shapes: ShapeRows) -> None:
        """Take the shapes :meth:`shape_rows` gave for the same text and quoted spans."""
        rows, origin = shapes
        paragraphs = self.seg.paragraphs
        self._shapes = [(self.quoted[qi], start, end, para_i, paragraphs[para_i], Span(sent_start, sent_end), kind,
                         split, whole_para)
                        for qi, start, end, para_i, sent_start, sent_end, kind, split, whole_para in rows]
        self.add_traces(origin)

    ASK_EVERY = 32
    """How many rows :meth:`more_opening_rows` works out between two questions to its ``enough``."""

    def opening_rows(self, enough: Callable[[], bool] | None = None) -> OpeningRows:
        """Where each cue's clause opens (see :meth:`_opening`), by the cue's span, for every cue
        outside quotations: plain data another process works out from the text alone.

        ``enough``: asked every few dozen cues; once it says so, the rows so far (the rest are
        worked out when asked for, or by :meth:`more_opening_rows`). The cues are taken from both
        halves of the text in turn, so what is left is shared evenly by the two halves the reported
        clauses are read in. A cue only a rule that reads no opening is tried at (see
        :meth:`asks_opening`) is left out: its opening, should another cue's rule ask for it, is
        worked out then.

        Time left once every opening is known goes on the clauses those cues report when they may
        run to the end of their sentence (as ``subject-verb-clause`` asks, see :meth:`clause`: a
        pure function of the text, its quotations and cues), in the same order, into
        ``clauses`` (a cue whose verb reports no clause has none to work out)."""
        self._ahead = self._openings_ahead()
        return self.more_opening_rows(enough)

    def more_opening_rows(self, enough: Callable[[], bool] | None = None) -> OpeningRows:
        """The rows and clauses :meth:`opening_rows` would have gone on to, from where the last call
        stopped, until ``enough`` says so (asked every few dozen) or all are worked out."""
        rows = OpeningRows()
        ahead = self._ahead
        if ahead is None:
            return rows
        add, add_clause = rows.append, rows.clauses.append
        every = self.ASK_EVERY
        n = 0
        while not (enough is not None and n % every == 0 and enough()):
            row = next(ahead, None)
            if row is None:
                self._ahead = None
                break
            (add if len(row) == 3 else add_clause)(row)
            n += 1
        return rows

    def _openings_ahead(self) -> Iterator[tuple[Any, ...]]:
        """Each cue's opening row, then each clause row, in :meth:`opening_rows`' order, as worked out."""
        hits = self.hits
        half = (len(hits) + 1) // 2
        order = [i + side for i in range(half) for side in (0, half) if i + side < len(hits)]
        order = [i for i in order if self.asks_opening(hits[i].group())]
        rows: list[tuple[int, int, _Opening | None]] = []
        for i in order:
            hit = hits[i]
            key = hit.span()
            opening = self._openings.get(key, False)
            if opening is False:
                opening = self._openings[key] = self._opening(hit)
            row = (key[0], key[1], opening)
            rows.append(row)
            yield row
        last_i, sent, sent_end = -1, None, -1
        for i, (start, end, opening) in zip(order, rows, strict=True):
            if opening is None:
                continue
            hit = hits[i]
            k = self.seg.sentence_index(start)
            if k != last_i:
                last_i = k
                sent = self.seg.sentences[k] if k >= 0 else None
                if sent is not None:
                    sent_end = self.sentence_words_end(sent)
            if sent is None or start > sent.end:
                continue
            yield start, end, sent.start, sent.end, sent_end, self.clause(hit, sent, sent_end)

    def sentence_words_end(self, sent: Span) -> int:
        """Where the words of a sentence end: before its closing marks (full stop, quotation mark ...)."""
        end = sent.end
        while end > sent.start and self.text[end - 1] in SENT_END_STRIP:
            end -= 1
        return end

    def asks_opening(self, cue: str) -> bool:
        """May the rules tried at a cue of this word ask where its clause opens? Not when the first
        of them is final, needs no test and is one of ``OPENING_FREE`` ("according to X": only the
        according-to rule is tried, and it reads the source and the sentence around the cue)."""
        blocks = self._reported_blocks(cue)
        if not blocks:
            return False
        need, _final, block = blocks[0]
        _find, name, final = block[0]
        return not (need is None and final and name in OPENING_FREE)

    def _reported_blocks(self, cue: str) -> list[_RuleBlock]:
        """The reported-speech rules that apply to a cue word, in blocks (see :func:`_rule_blocks`):
        worked out once per word."""
        blocks = self._reported_rules.get(cue)
        if blocks is None:
            blocks = self._reported_rules[cue] = _rule_blocks([rule for rule in self.rules.reported if rule.applies(cue)])
        return blocks

    def adopt_opening_rows(self, rows: OpeningRows) -> None:
        """Take what :meth:`opening_rows` gave for the same text and cues."""
        self._openings.update(((start, end), opening) for start, end, opening in rows)
        self._clauses.update(((start, end, sent_start, sent_end, words_end), clause)
                             for start, end, sent_start, sent_end, words_end, clause in getattr(rows, "clauses", ()))

    def continues(self, last: Quote, para_i: int) -> bool:
        """Does a quotation filling paragraph ``para_i`` go on with ``last`` (its speaker's words)?

        Yes when ``last`` closed the paragraph before with its own attribution ('"...," Ames told
        the crowd.' then a paragraph that is only a quotation), and was no question (an answer is
        someone else's)."""
        if not last.cue or last.cue_start < last.end or para_i != self.seg.paragraph_index(last.end) + 1:
            return False
        if last.text.rstrip(" ,\"”’'").endswith("?"):
            return False
        prev = self.seg.paragraphs[para_i - 1]
        return self.seg.sentence_index(last.cue_start) == self.seg.sentence_index(max(prev.start, prev.end - 1))

    def _quote_shapes(self) -> list[tuple[Quoted, int, int, int, Span, Span, str, bool, bool]]:
        """Each real quotation (not a scare quote or quoted name) with its span, paragraph, sentence,
        kind, whether it continues a split quotation, and whether it fills its paragraph."""
        out: list[tuple[Quoted, int, int, int, Span, Span, str, bool, bool]] = []
        text = self.text
        last_end = -1
        for q in self.quoted:
            start, end = q.open + 1, q.close
            if text.startswith("''", q.open):
                start += 1
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1] in " \n\t,\u00a0\u202f":
                end -= 1
            if end <= start:
                continue
            content = text[start:end]
            many = at_least_words(text, start, end, 7)  # (the checks below look at the words of short ones only)
            words = [] if many else word_list(content)
            count = 7 if many else len(words)
            if count <= 1 and q.paragraphs == 1:
                continue  # a scare quote around one word
            if _STAGE_DIRECTION_RE.fullmatch(content):
                continue  # '"(CROSSTALK.)"' in a transcript: a stage direction, nobody's words
            para_i = self.seg.paragraph_index(q.open)
            para = self.seg.paragraphs[para_i]
            sent = self.seg.sentence_at(q.open) or para
            before = text[sent.start:q.open].rstrip()
            whole_para = not before.strip(" \t") and not text[q.close + 1:min(para.end, q.close + 300)].strip(" .\t")
            if count <= 4 and SCARE_BEFORE.search(before[-40:]):  # the cue is at the very end
                continue
            if q.paragraphs == 1 and count <= 6 and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in
                                                             TITLE_WORDS for w in words) and not whole_para:
                continue  # a quoted name or title ("The Lead with Dana Holt", "Route 66")
            split = (last_end >= 0 and last_end < q.open and q.open - last_end < 80
                     and self.seg.sentence_index(last_end) == self.seg.sentence_index(q.open)
                     and ends_with_verb_phrase(text[last_end:q.open]))  # '” he said, “'
            starts_upper = split or content[:1].isupper() or content[:1] in "…." or content[:1].isdigit()
            led = (split or not before or before[-1] in ":,—–-" or before.endswith(("...", "…"))
                   or ends_with_verb(before))
            # 'said "I admire the mechanics" of the plan': the writer's sentence goes on after it.
            runs_on = text[q.close - 1].isalnum() and (nxt_word := _RUN_ON_RE.match(text, q.close + 1)) \
                is not None and nxt_word.group(1) not in _AFTER_QUOTE_WORDS
            if q.paragraphs > 1 or whole_para or (starts_upper and not runs_on and (
                    led or count >= 4 and content.rstrip()[-1:] in ".?!")):
                kind = "direct"
            else:
                kind = "partial"
            if kind == "direct" and not split and not whole_para and q.paragraphs == 1 and before:
                for rule in KINDS:
                    if rule.find(self, q, sent):
                        kind = "partial"
                        self.trace_span(q.open + 1, q.close, rule.name)
                        break
            out.append((q, start, end, para_i, para, sent, kind, split, whole_para))
            if kind == "direct":
                last_end = end
        return out

    def attribute_quote(self, q: Quoted, sent: Span, para: Span,
                        kind: str) -> tuple[str | None, tuple[str, int, int] | None]:
        """The speaker and cue of a quotation: the first attribution rule that answers."""
        for rule in self.rules.attributions.rules:
            answer = rule.find(self, q, sent, para, kind)
            if answer is not None:
                self.trace_span(q.open + 1, q.close, rule.name)
                return answer
        return None, None

    # -- reported speech ------------------------------------------------------------------------

    def reported(self, taken: list[tuple[int, int]]) -> list[Quote]:
        """Indirect quotes from speech verbs; ``taken`` are direct quotes' spans to stay out of."""
        return self.reported_at_cues(taken, self.hits)[0] + self.reported_inside()

    def reported_at_cues(self, taken: list[tuple[int, int]], hits: list[re.Match[str]],
                         done_until: int = -1) -> tuple[list[Quote], int]:
        """The reports ``hits`` (cues outside quotations, in text order) start, and how far they
        reach: a cue inside a report found before (up to ``done_until``) starts none."""
        out: list[Quote] = []
        text = self.text
        taken_starts = [t[0] for t in taken]
        # (Segments.sentence_at, inline; the cues come in text order, so a sentence's end without its
        # closing marks is worked out once for all its cues)
        sentences, sentence_index = self.seg.sentences, self.seg.sentence_index
        last_i, sent, sent_end = -1, None, -1
        for hit in hits:
            pos = hit.start()
            if pos < done_until:
                continue
            i = sentence_index(pos)
            if i != last_i:
                last_i = i
                sent = sentences[i] if i >= 0 else None
                if sent is not None:
                    sent_end = self.sentence_words_end(sent)
            if sent is None or pos > sent.end:
                continue
            for quote in self.reported_at(hit, sent, sent_end):
                i = bisect_right(taken_starts, quote.end) - 1
                if i >= 0 and taken[i][1] > quote.start and \
                        not (quote.start < taken[i][0] and taken[i][1] < quote.end):
                    continue  # overlaps a direct quotation
                if text[quote.start:quote.start + 1] in "\"“‘'«":
                    continue
                out.append(quote)
                done_until = max(done_until, quote.end, hit.end())
        return out, done_until

    def reported_inside(self, hits: list[re.Match[str]] | None = None) -> list[Quote]:
        """Reports inside quotations (the ``inside`` rules, each read once over the text).

        ``hits``: only at these cues inside quotations (a run of ``inner_hits`` from a paragraph
        on, read as if no cue came before them: a report inside a quotation ends in its sentence)."""
        if hits is not None:
            every, self.inner_hits = self.inner_hits, hits
            try:
                return self.reported_inside()
            finally:
                self.inner_hits = every
        out: list[Quote] = []
        for rule in self.rules.inside:
            out.extend(self.trace(q, rule.name) for q in rule.find(self))
        return out

    def blocks(self) -> list[Quote]:
        """Direct quotations set off without quotation marks (block rules). A rule whose ``prepare``
        found nothing in the text finds nothing and is not run (nor is the resolver made ready for it:
        :meth:`Resolver.settle`)."""
        rules = [rule for rule in self.rules.blocks if rule.prepare is None or self.prepared(rule.prepare)]
        if rules:
            self.resolver.settle()
        return [q for rule in rules for q in rule.find(self) if self.trace(q, rule.name)]

    def prepared(self, work: Callable[[QuoteFinder], Any]) -> Any:
        """``work(self)``, a rule's ``prepare`` (the part of its work that reads only the text),
        worked out once (see :meth:`prepare_blocks`)."""
        found = self._prepared.get(work, self._prepared)
        if found is self._prepared:
            found = self._prepared[work] = work(self)
        return found

    def prepare_blocks(self, enough: Callable[[], bool] | None = None) -> None:
        """Work out now what the block rules read of the text only (for a process with time to
        spare: the blocks themselves come after every quotation); ``enough``: asked before each
        rule's part, to stop once the time to spare is over (the rest is worked out when needed)."""
        for rule in self.rules.blocks:
            if rule.prepare is not None:
                if enough is not None and enough():
                    return
                self.prepared(rule.prepare)

    def reported_at(self, hit: re.Match[str], sent: Span, end: int) -> list[Quote]:
        """The report(s) a cue starts: those of the first reported-speech rule that answers (a rule
        may give two pieces: "A, Smith said, B"); ``end``: where the words of the cue's sentence
        ``sent`` end (before its closing marks)."""
        cue = hit.group()
        blocks = self._reported_rules.get(cue)
        if blocks is None:  # which rules apply depends on the cue word only: asked once per word
            blocks = self._reported_blocks(cue)
        for need, block_final, block in blocks:
            if need is not None and not need(self, hit, sent):
                if block_final:
                    return []
                continue
            for find, name, final in block:
                found = find(self, hit, sent, end)
                if found is not None:
                    quotes = found if isinstance(found, list) else [found]
                    return [q for q in quotes if q.start >= 0 and self.trace(q, name)]
                if final:
                    return []
        return []

    def leading_report(self, sent: Span, comma: int) -> Quote | None:
        """An earlier "X said CLAUSE" inside the sentence takes precedence over a trailing attribution."""
        for hit in self.hits_in(max(sent.start, comma - NEAR), comma):
            quote = self.forward(hit, sent, comma)
            if quote is not None:
                return quote
        return None

    def _opening(self, hit: re.Match[str]) -> _Opening | None:
        """Where the clause a cue's verb reports opens, read from the words after the verb alone
        (the ``OPENERS``): its start, whether an opener introduced it, the opener's name, whether
        it is an indirect question, and where the verb ends; None if the verb reports no clause.

        A pure function of the text and the cue, so :meth:`forward` works it out once per cue
        however many rules ask (the clause's end and the speaker are theirs)."""
        text = self.text
        verb = hit.group()
        pos = hit.end()
        if text[last_nonspace(text, hit.start())] in "\"”’'»" and not text.startswith("that", pos + 1):
            return None  # '..." said X' attributes the quotation before it; it reports nothing itself
        that = match_that_soon(text, pos)
        if text.startswith(",", pos) and PARTICIPLE_AFTER_RE.match(text, pos) and not (that and PARENTHETICAL_RE.fullmatch(that.group(1))):
            return None  # "..., she says, threading a new ribbon": what she does, not what she says
        if that and that.group(1).strip() and verb not in TELL_VERBS and relative_that(text, that.end()):
            that = None  # "recalled rehearsals that ran until midnight": a relative clause, not a report
        opener = None
        verb_end = pos
        question = False  # an opener may say the clause is an indirect question (a third item, True)
        plan = self._opener_plans.get(verb)
        if plan is None:  # which openers apply depends on the verb only (their ``when``): asked once per word
            rules = tuple(
                (rule.find, rule.name, rule.needs, rule.needs.words if isinstance(rule.needs, NextWordIn) else None)
                for rule in self.rules.openers if rule.applies(verb))
            plan = self._opener_plans[verb] = (any(r[3] is not None for r in rules), rules)
        reads_next, rules = plan
        # Which of them a ``NextWordIn`` lets through depends on the verb and the word after it
        # only: that filter is worked out once per pair, and the loop below tries the rest.
        key = (verb, next_word(text, pos) if reads_next else "")
        openers = self._openers.get(key)
        if openers is None:
            after = key[1]
            openers = self._openers[key] = tuple(
                (find, name, None if words is not None else need)
                for find, name, need, words in rules if words is None or after in words)
        for find, name, need in openers:
            if need is not None:
                if need is that_follows:
                    if that is None:
                        continue
                elif not need(self, verb, pos, that):
                    continue
            found = find(self, verb, pos, that)
            if found is not None:
                pos, has_that, opener = found[0], found[1], name
                question = len(found) > 2 and bool(found[2])
                break
        else:
            has_that = False
        # "explained how ...", "asked whether ...": an indirect question is what was said
        first = None if has_that else _WORD_RE.match(text, pos)
        if first is not None and first.group().lower() in WH_OPENERS:
            # right after the verb and its adverbials, not after an object ("told him how")
            question = not text[ADVERBIALS_RE.match(text, verb_end).end():pos].strip()
        if verb not in SAY_VERBS and not has_that and not question and not (
                verb in BARE_CLAUSE_VERBS and CLAUSE_START_RE.match(text, pos)):
            return None
        return pos, has_that, opener, question, verb_end

    def forward(self, hit: re.Match[str], sent: Span, end: int, speaker: str | None = None) -> Quote | None:
        """'X said (that) CLAUSE' with the clause running to ``end``."""
        clause = self.clause(hit, sent, end)
        if clause is None:
            return None
        pos, end, opener = clause
        text = self.text
        verb = hit.group()
        if speaker is not None:
            pass  # given by the caller (a named subject inside a quotation)
        elif self._coordinated_verb(sent, hit.start()) or (
                verb in PARTICIPLES
                and last_nonspace(text, hit.start()) == text.rfind(",", sent.start, hit.start())):  # ", adding"
            speaker = self.main_subject(sent, hit.start())
        else:
            speaker = self.subject(sent, hit.start())
            if speaker is None and verb in PARTICIPLES:
                speaker = self.main_subject(sent, hit.start())
        if speaker is None:
            return None
        quote = self.make(pos, end, "indirect", speaker, (verb, hit.start(), hit.end()))
        return self.trace(quote, opener) if opener else quote

    def _coordinated_verb(self, sent: Span, verb_start: int) -> bool:
        """Is the verb coordinated with an earlier one of the sentence ("and said", "but has since
        said", ", and he denied")? Then its subject is the sentence's. Each pattern needs "and" or
        "but" just before the verb, and only the first, over the last twelve characters, may take
        "or" instead: most verbs have none of them there, which three finds tell (an "or" further
        back, as in "for", "more", "report", is no reason to read on)."""
        text = self.text
        lo = max(sent.start, verb_start - 40)
        near = max(sent.start, verb_start - 12)
        if text.find("and", lo, verb_start) < 0 and text.find("but", lo, verb_start) < 0 and \
                text.find("or", near, verb_start) < 0:
            return False
        prev_word = _PREV_WORD_RE.search(text, near, verb_start)
        if prev_word is not None and prev_word.group(1) in ("and", "but", "or"):
            return True
        # "Novak said ..., and he denied that ...": the pronoun is the sentence's subject again.
        if CONJ_PRONOUN_RE.search(text, max(sent.start, verb_start - 24), verb_start) is not None:
            return True
        # "... attacked loopholes, and has called for ...": a second verb phrase of the same subject
        return CONJ_AUX_RE.search(text, lo, verb_start) is not None

    def clause(self, hit: re.Match[str], sent: Span, end: int) -> _Clause | None:
        """Where the clause a cue reports runs when it may run to ``end`` (see :meth:`_clause`).

        Memoised: a pure function of the text, its quotations and cues, asked again for the same
        cue and end by the rules tried in turn (``fronted-piece``, ``subject-verb-clause``,
        ``group-subject-clause``), each with its own speaker."""
        key = (hit.start(), hit.end(), sent.start, sent.end, end)
        found = self._clauses.get(key, False)
        if found is False:
            found = self._clauses[key] = self._clause(hit, sent, end)
        return found

    def _clause(self, hit: re.Match[str], sent: Span, end: int) -> _Clause | None:
        """The start and end of the clause a cue reports, and the opener that introduced it; None
        if the verb reports no clause there (see :meth:`_opening`), or what follows is no clause:
        too short, opening with a preposition, or only who was told."""
        text = self.text
        verb = hit.group()
        key = hit.span()
        opening = self._openings.get(key, False)
        if opening is False:
            opening = self._openings[key] = self._opening(hit)
        if opening is None:
            return None
        pos, has_that, opener, question, verb_end = opening
        if pos >= end or text[pos:pos + 1] in "\"“‘'«":
            return None
        end = min(end, pos + MAX_REPORT)
        # Cut a trailing attribution inside the clause: "... at dawn, the agency reported".
        for later in self.hits_in(pos, end)[:6]:
            comma = text.rfind(",", pos, later.start())
            if comma > pos and TRAIL_RE.match(text[later.end():sent.end]) and \
                    len(word_list(text[comma:later.start()])) <= 8:
                end = comma
                break
            # "... was credible but warned that ...": a second report by the same speaker.
            conj = CONJ_BEFORE_RE.search(text, max(pos, later.start() - 16), later.start())
            if conj and conj.start() > pos and not self.inside_quoted(later.start()) and \
                    not (later.group().lower() in REPORT_BASES and verb.lower() not in REPORT_BASES) and \
                    (later.group() in SAY_VERBS or later.group().endswith(("ed", "ing"))
                     or text.startswith(" that ", later.end())):
                # (a bare "state", "report" after "said ... and" is a noun: "and state law")
                end = conj.start()
                break
            # "A, and more than 4 in 10 said B", "A, his aide said B": a second report with its own subject.
            if comma > pos and (later.group() in SAY_VERBS or text.startswith(" that ", later.end())) \
                    and second_subject(text[comma + 1:later.start()]) \
                    and not self.inside_quoted(later.start()) and has_finite_verb(word_list(text[pos:comma])):
                end = comma
                break
        # A coordinated or added clause ends the reported one: ", but that ...", ", with ...".
        cut = self.cut(pos, end)
        if cut is not None:
            end = cut
        if not at_least_words(text, pos, end, 3):
            return None
        content = text[pos:end]
        first = first_word(content)
        opening = first.lower()
        infinitive = has_that and first == "to"  # "vowed to reopen the mill": the opener says so
        # "warned that if the bloc fails, it could ...": after a written "that", a clause may open subordinate
        said_that = has_that and "that" in word_list(text[verb_end:pos])[-1:]
        if (opening in BAD_CLAUSE_OPENERS and not infinitive and not question
                and not (said_that and opening in _THAT_SUBORDINATORS)) or \
                (opening in CLAUSE_PREPOSITIONS and not has_that and not _COUNTED_RE.match(content)):
            return None  # (but "said about 20 people have ...": a count, not a preposition)
        if verb in OPINION_VERBS and not has_that:
            return None
        if verb in TELL_VERBS and not has_that and not has_finite_verb(word_list(content)):
            return None  # "Brandão told the Portuguese sports daily Jornal da Bola.": who, not what
        return pos, end, opener

    def appositive_person(self, pos: int) -> tuple[str, int] | None:
        """A person's name set off by commas right at ``pos`` (", Elena Brandt,"): the name and the comma after it."""
        text = self.text
        if text[pos:pos + 1] != ",":
            return None
        start = pos + 1
        while start < len(text) and text[start] == " ":
            start += 1
        for m in self.resolver.mentions_in(start, start + 80):
            if m.start == start and m.label == "PERSON" and text[m.end:m.end + 1] == "," \
                    and not text[m.end + 1:m.end + 3].strip()[:1].isdigit():  # "Smith, 45, was": an age
                return m.entity, m.end
            break
        return None

    def cut(self, start: int, end: int, trailing: bool = False) -> int | None:
        """Where the reported clause ``text[start:end]`` ends before ``end``, if it does: the earliest
        cut any rule of ``SPAN_ENDS`` finds (outside quotation marks, after three words or more).

        The marks the clause holds are found in one search: a rule that needs others is not tried,
        and a clause holding none (most) is cut by no rule."""
        rules: list[tuple[Rule, frozenset[str] | None]]
        present: frozenset[str] = frozenset()
        if _SPAN_END_MARKS is None:  # (a span end without its marks: every rule is tried)
            rules = [(rule, None) for rule in SPAN_ENDS]
        else:
            pattern, rules = _SPAN_END_MARKS
            present = frozenset(pattern.findall(self.text, start, end))
            if not present:
                return None
        cuts = []
        for rule, marks in rules:
            if marks is not None and present.isdisjoint(marks):
                continue
            cut = rule.find(self, start, end, trailing)
            if cut is not None:
                cuts.append(cut)
        return min(cuts) if cuts else None

    def first_cut(self, pattern: re.Pattern[str], start: int, end: int) -> int | None:
        """The first match of ``pattern`` in ``[start, end)`` outside quotation marks with three
        words or more before it (a cut any sooner would leave no clause)."""
        for cut in pattern.finditer(self.text, start, end):
            if not self.inside_quoted(cut.start()) and at_least_words(self.text, start, cut.start(), 3):
                return cut.start()
        return None

    def _framing_clause(self, start: int, end: int) -> int | None:
        """Where the writer's temporal clause at the end of a reported one starts, if it has one.

        "State television said rocket fire killed seven people after fighting resumed": the
        "after" clause ties the report to events the article has already told, so it is the
        writer's framing, not the reported proposition. It is cut only when (1) the report before
        it is a full clause (five words or more, with a finite verb); (2) it is a finite clause
        itself ("after he fled", not "after leaving" or "after the vote") running to the end of
        the report, with no further report ("that"), quotation or verb phrase coordinated with the
        main clause ("... and was told"); (3) at least half of its content words were already
        used in the text just before the sentence (given information). A clause that brings new
        information ("Talks stalled after three nations refused ...", "the findings held after
        the team accounted for smoking") is what was reported, and stays. Subordinators that
        carry the speaker's reasoning (because, since, as, while, if, unless) are never cut.
        """
        text = self.text
        for m in _FRAME_SUB_RE.finditer(text, start, end):
            tail = text[m.end():end]
            if _FRAME_BAD_RE.search(tail) or self.inside_quoted(m.start()):
                continue
            core_words = word_list(text[start:m.start()])
            tail_words = word_list(tail)
            if m.group().strip() == "when" and core_words and core_words[-1].lower() in WH_TAKERS:
                continue
            if len(core_words) < 5 or not has_finite_verb(core_words) or \
                    any(w.lower() in MODALS for w in core_words) or not 2 <= len(tail_words) <= 30 or \
                    not has_finite_verb(tail_words[:8], skip_first=True, past=True):
                continue  # a prospective claim ("talks would resume when ...") keeps its time clause
            if self._given(tail_words, start):
                return m.start()
        return None

    def _given(self, words: list[str], pos: int) -> bool:
        """Were at least half of these words' content words used in the text just before ``pos``'s sentence?"""
        content = {_stem(w) for w in words if len(w) >= 4 and w.lower() not in FUNCTION_WORDS}
        if not content:
            return False
        sent = self.seg.sentence_at(pos)
        stop = sent.start if sent is not None else pos
        before = {_stem(w) for w in _WORD_RE.findall(self.text, max(0, stop - _GIVEN_WINDOW), stop)}
        return 2 * len(content & before) >= len(content)

    def make(self, start: int, end: int, kind: str, speaker: str, cue: tuple[str, int, int],
              strip_opener: bool = False) -> Quote | None:
        text = self.text
        if strip_opener:
            dateline = _DATELINE_RE.match(text, start)
            if dateline and dateline.end() < end:
                start = dateline.end()
            opener = _OPENER_RE.match(text, start)
            if opener and opener.end() < end:
                start = opener.end()
            cut = self.cut(start, end, trailing=True)
            if cut is not None:
                end = cut
        frame = self._framing_clause(start, end)
        if frame is not None:
            end = frame
        while start < end and (text[start].isspace() or text[start] in ",;:"):
            start += 1
        while end > start and text[end - 1] in SENT_END_STRIP:
            end -= 1
        if not at_least_words(text, start, end, 3):
            return None
        content = text[start:end]
        if (content.count('"') % 2 == 1 or content.count("“") > content.count("”")
                or content.count("«") > content.count("»")) and end < len(text) and text[end] in '"”»':
            end += 1  # keep the closing mark of a quoted phrase that ends the report
        return _quote(text[start:end], kind, start, end, speaker, *cue)


def _paragraph_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a quotation running over paragraphs into per-paragraph spans without the marks (a
    paragraph that is only a stage direction, "(CROSSTALK.)", is nobody's words)."""
    pieces = []
    a = start
    while a < end:
        b = text.find("\n\n", a, end)
        if b < 0:
            b = end
        x, y = a, b
        while x < y and (text[x].isspace() or text[x] in "\"“‘'«„"):
            x += 1
        while y > x and (text[y - 1].isspace() or text[y - 1] in ","):
            y -= 1
        if y > x and not _STAGE_DIRECTION_RE.fullmatch(text, x, y):
            pieces.append((x, y))
        a = b + 2
    return pieces


def noun_phrase(text: str) -> str | None:
    """A determiner and up to five words ending in a lower-case noun, as a speaker without its
    determiner ("The Republican presidential nominee" -> "Republican presidential nominee"); None
    for anything with a verb, a pronoun or a function word at its end."""
    words = [w for w in text.split() if not parenthetical(w.lower())]
    if not 2 <= len(words) <= 6 or words[0].lower() not in NP_DETERMINERS:
        return None
    rest = words[1:]
    last = rest[-1]
    if not (last.isalpha() and last.islower()) or last in NON_SPEAKERS or last in FUNCTION_WORDS or \
            has_finite_verb(rest) or not all(w.replace("-", "").isalpha() for w in rest):
        return None
    return " ".join(rest)


def phrase(text: str) -> str | None:
    """A short noun phrase as a speaker, without its determiner ("his plea agreement" -> "plea agreement")."""
    words = text.split()
    while words and words[0].lower() in ("the", "a", "an", "his", "her", "its", "their", "our", "one", "of"):
        words = words[1:]
    while words and words[-1].lower() in ("has", "have", "had", "was", "were", "is", "are"):
        words = words[:-1]  # "an inquest has (heard)"
    return " ".join(words) if 0 < len(words) <= 6 else None


def names_a_role(phrase: str) -> bool:
    """Does ``phrase`` name a role a person holds ("the mayor's chief of staff", "its spokeswoman")?"""
    for w in word_list(phrase):
        low = w.lower()
        if low.endswith("s"):  # (a possessive: "mayor’s", "mayor's")
            low = low.removesuffix("’s").removesuffix("'s")
        if low in PERSON_ROLES:
            return True
    return False


def relative_that(text: str, pos: int) -> bool:
    """Does the "that" ending at ``pos`` open a relative clause (a verb follows it at once)?"""
    nxt = _WORD_RE.match(text, pos)
    if nxt is None:
        return False
    low = nxt.group().lower()
    return low in PAST_VERBS or low in MODALS or (low.endswith("ed") and len(low) > 4)


def has_finite_verb(words: list[str], skip_first: bool = False, past: bool = False) -> bool:
    """Does a clause have a finite verb (with ``past``, a past one): an auxiliary, a common
    irregular past, or an -ed form not used as an adjective after a determiner ("the alleged
    killings")?"""
    finite = PAST_VERBS if past else FINITE_VERBS
    prev = ""
    for i, word in enumerate(words):
        low = word.lower()
        regular_past = low.endswith("ed") and len(low) > 4 and "-" not in low and prev not in DETERMINER_WORDS
        if low in finite or (regular_past and not (skip_first and i == 0)):
            return True
        prev = low
    return False


def _stem(word: str) -> str:
    """A crude stem, enough to tell that "resumed" and "resume", "evacuations" and "evacuation" meet."""
    low = word.lower().replace("’", "'").removesuffix("'s")
    for suffix in ("ing", "ed", "es", "s"):
        if low.endswith(suffix) and len(low) - len(suffix) >= 4:
            low = low[: -len(suffix)]
            break
    return low[:-1] if low.endswith("e") and len(low) > 4 else low


def second_subject(gap: str) -> bool:
    """Is ``gap`` (between a comma and a later speech verb) that verb's own subject: a few words, no
    verb of their own but an auxiliary right before the cue ("and more than 4 in 10", "his campaign has")?"""
    if any(mark in gap for mark in "\"“”;:()"):
        return False
    words = word_list(gap)
    while words and parenthetical(words[-1].lower()):
        words.pop()
    heads = [w for w in words if w.lower() not in _GAP_LINKS]
    return 0 < len(words) <= 7 and bool(heads) and not has_finite_verb(words) and words[0].lower() not in ("that", "to") \
        and not words[-1].lower().endswith("ing")


_GAP_LINKS = frozenset({"and", "but", "or", "which", "who", "that", "while", "though", "although", "as"})


def has_content(window: str) -> bool:
    """Does a subject window hold a word other than a parenthetical adverb?"""
    return has_content_in(window, 0, len(window))


def has_content_in(text: str, start: int, end: int) -> bool:
    """:func:`has_content` of ``text[start:end]``, read word by word up to the first that counts."""
    word = _WORD_RE.search(text, start, end)
    while word is not None:
        if not parenthetical(word.group().lower()):
            return True
        word = _WORD_RE.search(text, word.end(), end)
    return False


def ends_with_verb_phrase(gap: str) -> bool:
    """'” he said, “' between two halves of a split quotation."""
    words = word_list(gap)
    return 0 < len(words) <= 8 and gap.rstrip().endswith(",") and any(w in REPORT_VERBS for w in words)


def ends_with_verb(before: str) -> bool:
    words = word_list(before[-40:])
    return bool(words) and (words[-1] in REPORT_VERBS or (len(words) > 1 and words[-2] in TELL_VERBS))


_PHRASE_STOP_RE = patterns.compile(r"[,.;:!?\"“”‘’«»()—\n]")
# After "U.S." and the like: a stop but a full stop, or a full stop before a space or the text's end.
_INITIALS_STOP_RE = patterns.compile(r"[,;:!?\"“”«»()—\n]|\.(?= |\Z)")


def clause_end(text: str, start: int, limit: int) -> int:
    """End of a short phrase after ``start``: the next comma, full stop or quotation mark."""
    limit = min(limit, start + 150)
    i = start
    while True:
        stop = _PHRASE_STOP_RE.search(text, i, limit)
        i = stop.start() if stop else limit
        if i < limit and text[i] == "." and _ABBREV_BEFORE_RE.search(text, max(start, i - 6), i):
            i += 1  # "Rep. Chip Roy", "Dr. Santos": not the end of the phrase
            continue
        break
    if text[i:i + 1] == "." and i + 1 < limit and text[i + 1:i + 2].isalpha():
        # (the search may look one character past the limit, at what follows a full stop)
        stop = _INITIALS_STOP_RE.search(text, i + 1, min(len(text), limit + 1))
        return stop.start() if stop and stop.start() < limit else limit
    return i


def last_nonspace(text: str, pos: int) -> int:
    i = pos - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return i
