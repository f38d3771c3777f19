"""Reported speech: one named rule per construction, tried in order at each cue.

``REPORTED`` holds the constructions a cue outside quotations can start; ``OPENERS`` what may stand
between a speech verb and the clause it reports; ``INSIDE`` reports inside quotations; ``BLOCKS``
quotations set off without quotation marks. Each rule carries examples (sentences written for this project) that the rule tests run.
"""

from __future__ import annotations

import re

from reader import patterns
from reader.analysis.lexicon import (
    AUDIENCE_NOUNS,
    CLAIM_NOUNS,
    CLAUSE_PREPOSITIONS,
    DEMONYMS,
    DETERMINER_WORDS,
    FINITE_VERBS,
    GENERIC_ORG_NOUNS,
    MODALS,
    NOT_OBJECT_STARTS,
    NOUNISH_VERB_FORMS,
    NP_OBJECT_BASES,
    NP_PREPOSITIONS,
    NUMBER_WORDS,
    OPINION_VERBS,
    ORG_HEADS,
    PARTICIPLES,
    PERSON_ROLES,
    QUANTITY_HEADS,
    SAY_VERBS,
    SPEAKER_NOUNS,
    SPEAKING_BODIES,
    STATEMENT_MEDIA,
    STATEMENT_NOUNS,
    SUBJECT_LEADS,
    SUBORDINATORS,
    TELL_VERBS,
    parenthetical,
    verb_forms,
)
from reader.analysis.model import Quote
from reader.analysis.quotes import (
    ADVERBIALS_RE,
    AFTER_VERB_RE,
    APPOSITIVE_RE,
    AUX_NEXT_RE,
    CLAIM_LEADS,
    CLAIM_RE,
    COMMA_ADVERB_RE,
    OBJECT_RE,
    PARENTHETICAL_RE,
    REDUCED_RELATIVE_RE,
    SENT_END_STRIP,
    TRAIL_OBJECT_RE,
    TRAIL_RE,
    VERB_IN_GAP_RE,
    NextWordIn,
    QuoteFinder,
    at_least_words,
    clause_end,
    comma_before,
    first_word,
    has_content,
    has_content_in,
    has_finite_verb,
    last_nonspace,
    names_a_role,
    phrase,
    that_follows,
    word_list,
)
from reader.analysis.rules import Example, Registry
from reader.analysis.segment import Span

REPORTED = Registry("reported")
# A transcript's speaker label: "MS. CALLOW: ...", "SEN. RUTH CALLOW: ...", "Q: ...".
LABEL_RE = patterns.compile(r"(?:(?:MR|MRS|MS|DR|SEN|REP|GOV|GEN|PROF)\.?\s+)?(?P<name>Q|A|[A-Z][A-Z’'-]+(?:\s+[A-Z][A-Z’'-]+){0,2}):\s+")
QUOTE_MARKS_RE = patterns.compile(r"[\"“”‘’']")
PLACE_PHRASE_RE = patterns.compile(r",?\s+(?:at|in|on|during|after|before|from|outside|inside)\s")
# Verbs of asking someone to act ("urged residents to ..."), and of committing to act ("vowed to ...").
ASK_TO_VERBS = verb_forms("urge ask tell warn implore encourage")
CALL_VERBS = verb_forms("call")
PLEDGE_VERBS = verb_forms("vow pledge promise")
OBJECT_TO_RE = patterns.compile(r"\s+(?P<on>on\s+)?(?P<obj>(?:[\w’'.-]+\s+){0,5}?[\w’'.-]+)\s+to\s+(?=[a-z])(?!be\s+named\b)")
TO_VERB_RE = patterns.compile(r"(?:\s+(?:also|again|repeatedly|publicly|previously|not))*\s+(?P<to>to)\s+[a-z]")
CALL_FOR_RE = patterns.compile(r"(?:\s+(?:also|again|repeatedly|publicly|previously))*\s+for\s+(?=\S)")
# Verbs that may come before their subject in a parenthetical cue (", said Smith, ...").
INVERTED_VERBS = SAY_VERBS | frozenset({"added", "wrote", "explained", "noted", "continued", "replied", "argued"})
AUXILIARIES = MODALS | frozenset({"is", "was", "are", "were", "has", "have", "had"})
QUOTE_OPENERS = "\"“‘'«"
# A relative or subordinate clause left open before a mid-sentence cue ("Schultz, who works for RT and,
# King said, ..."): the words before the cue are not what was said.
OPEN_CLAUSE_RE = patterns.compile(r",\s+(?:who|which|where|whose)\s[^,]*$")
OPENERS = Registry("openers")
# Words an object asked to act never holds after its first word: a subject ("telling them she was not
# going to ..."), or after a verb of telling a wh-word ("tell me what you are going to do").
_NOT_IN_OBJECT = frozenset({"he", "she", "they", "we", "i", "you"})
_WH_IN_OBJECT = frozenset({"what", "how", "why", "whether", "that", "if"})
INSIDE = Registry("inside")
BLOCKS = Registry("blocks")
STOP = Quote("", "indirect", -1, -1, None)  # a rule's answer "no quote here, and try nothing else"


# -- constructions at a cue ------------------------------------------------------------------------

@REPORTED.rule("according-to", when=lambda cue: cue.lower() == "according to", final=True, examples=(
    Example("According to the harbour master, the ferry will not sail before Thursday.",
            "the ferry will not sail before Thursday", "indirect", "harbour master"),
    Example("The ferry will not sail before Thursday, according to Ines Marlow.",
            "The ferry will not sail before Thursday", "indirect", "Ines Marlow"),
    Example("According to the mayor's chief of staff, Elena Brandt, the budget was cut twice.",
            "the budget was cut twice", "indirect", "Elena Brandt"),
    Example("But, according to the harbour master, the ferry will not sail before Thursday.",
            "the ferry will not sail before Thursday", "indirect", "harbour master"),
    Example("Turnout fell by a third according to the county clerk.",
            "Turnout fell by a third", "indirect", "county clerk"),
    Example("Turnout fell by a third, according to a new survey by two researchers at the county college.",
            "Turnout fell by a third", "indirect", "new survey"),
))
def according_to(f: QuoteFinder, hit: re.Match[str], sent: Span, sent_end: int) -> Quote | None:
    """"According to X, CLAUSE." and "CLAUSE, according to X."; a role with a name after it
    ("the mayor's chief of staff, Elena Brandt,") is that person. The source is resolved only
    once the sentence is seen to hold one of the constructions (most cues in running text, as in
    "fell 4,000 points according to X", hold none, and the resolver need not learn of X)."""
    text = f.text
    cue = ("according to", hit.start(), hit.end())
    comma = last_nonspace(text, hit.start())
    # "According to X, CLAUSE" and "But, according to X, CLAUSE" / "Since May, according to X, CLAUSE":
    # at most four words before the cue, with no finite verb (words counted only as far as needed)
    leads = not at_least_words(text, sent.start, hit.start(), 1) or (
        text[comma] in ",(—" and not at_least_words(text, sent.start, hit.start(), 5)
        and not has_finite_verb(word_list(text[sent.start:hit.start()])))
    source_end = -1
    named: tuple[str, int] | None = None
    start, end, strip_opener = -1, -1, False
    if leads:
        source_end = clause_end(text, hit.end(), sent.end)
        named = f.appositive_person(source_end) if names_a_role(text[hit.end():source_end]) else None
        b = named[1] if named is not None else source_end
        if text[b:b + 1] == ",":
            start, end = b + 1, sent_end
    if start < 0 and text[comma:comma + 1] == "," and comma > sent.start:
        start, end, strip_opener = sent.start, comma, True
    if start < 0 and text[comma:comma + 1].isalnum() and text.find(",", sent.start, comma) < 0 \
            and text.find(":", sent.start, comma) < 0 and text.find(";", sent.start, comma) < 0:
        lead = word_list(text[sent.start:hit.start()])
        if len(lead) >= 4 and has_finite_verb(lead):
            start, end, strip_opener = sent.start, comma + 1, True  # "... delegates according to X"
    if start < 0:
        return None
    if source_end < 0:  # (the source read only now that a construction holds it)
        source_end = clause_end(text, hit.end(), sent.end)
        named = f.appositive_person(source_end) if names_a_role(text[hit.end():source_end]) else None
    source = text[hit.end():source_end]
    speaker = f.resolver.resolve(hit.end(), source_end) or phrase(source) or source_head(source)
    if named is not None:
        speaker = named[0]
    if speaker is None:
        return None
    return f.make(start, end, "indirect", speaker, cue, strip_opener=strip_opener)


_SOURCE_HEAD_END = frozenset({"by", "from", "of", "at", "in", "on", "with", "who", "that", "which", "for", "released"})


def source_head(source: str) -> str | None:
    """The head of a long source phrase ("a new poll by the Harvard Institute of Politics" -> "new
    poll"): its words before the first preposition or relative, at most six."""
    words = word_list(source)
    cut = next((i for i, w in enumerate(words) if i > 0 and w.lower() in _SOURCE_HEAD_END), len(words))
    return phrase(" ".join(words[:min(cut, 6)]))


@REPORTED.rule("cue-mid-clause", needs=comma_before, examples=(
    Example("Nobody was hurt in the fire, Mark Ellery said, but the barn and two tractors were destroyed.",
            "but the barn and two tractors were destroyed", "indirect", "Mark Ellery"),
    Example("Nobody was hurt in the fire, Mark Ellery said, but the barn and two tractors were destroyed.",
            "Nobody was hurt in the fire", "indirect", "Mark Ellery"),
    Example("Ines Duval moved the office in May. Though the first move went smoothly, she said, a second one "
            "would cost far more.", "a second one would cost far more", "indirect", "Ines Duval"),
    Example("The repairs will take a year, said Hanna Vos, and the road will stay shut until they are done.",
            "and the road will stay shut until they are done", "indirect", "Hanna Vos"),
    Example("Even if the mill closes next year, Tomas Rieder said, the village will survive.",
            "Even if the mill closes next year", "indirect", "Tomas Rieder"),
    Example("If the talks fail again, Tomas Rieder warned, angry farmers plan to leave the party.",
            "angry farmers plan to leave the party", "indirect", "Tomas Rieder"),
    Example("By closing the old pier, Ines Duval said, the town can save money for the new harbour.",
            "By closing the old pier", "indirect", "Ines Duval"),
    Example("The new timetable for the island ferries, officials said, was drawn up in a hurry.",
            "The new timetable for the island ferries", "indirect", "officials"),
    Example("Nor does Ines Duval have any plans, aides say, to sell the family farm.",
            "to sell the family farm", "indirect", "aides"),
))
def cue_mid_clause(f: QuoteFinder, hit: re.Match[str], sent: Span, sent_end: int) -> list[Quote] | None:
    """"A, Smith said, B." / "A, said Smith, B.": a cue set off by commas inside the reported
    sentence; both sides are what was said (a side too short to be a clause is left out). B must
    be a clause (a finite verb, or "but"/"and" and one, or anything after a fronted condition or
    means, which leaves B the main clause), not an appositive ("said Smith, a farmer") or what the
    speaker did ("she said, smiling")."""
    text = f.text
    verb = hit.group()
    if verb in PARTICIPLES or text.find(",", hit.end(), hit.end() + 60) < 0:
        return None  # (cheap test first: most cues have no comma soon after them)
    comma = text.rfind(",", sent.start, hit.start())
    if comma <= sent.start or f.inside_quoted(comma) or text[comma - 1:comma] in "\"”’'»":
        return None  # ('"...," Smith said, and ...': the cue attributes a quotation)
    inverted = comma == last_nonspace(text, hit.start())
    if inverted:  # ", said Smith, B"
        if verb not in INVERTED_VERBS:
            return None  # ("His group, called the Legacy Fund, will ...": a name, not a report)
        b = clause_end(text, hit.end(), sent.end)
        np_words = word_list(text[hit.end():b])
        if not 0 < len(np_words) <= 6 or has_finite_verb(np_words) or \
                np_words[0].lower() in ("that", "it", "he", "she"):
            return None
        after = b
        if text[after:after + 1] != ",":
            return None
        speaker = f.resolver.resolve(hit.end(), b)
    else:  # "A, Smith said, B"
        adverbials = ADVERBIALS_RE.match(text, hit.end())
        after = adverbials.end() if adverbials else hit.end()
        if text[after:after + 1] != ",":
            return None
        subject = text[comma + 1:hit.start()]
        if len(word_list(subject)) > 8 or not has_content(subject) or \
                REDUCED_RELATIVE_RE.match(text, comma + 1, hit.start()):
            return None
        speaker = f.resolver.resolve(comma + 1, hit.start())
        if speaker is None and verb in SAY_VERBS:
            speaker = phrase(subject)
    if not speaker or text[after + 1:after + 3].strip()[:1] in QUOTE_OPENERS:
        return None
    rest = word_list(text[after + 1:sent_end])
    if len(rest) < 3 or rest[0].lower() in ("who", "whose", "which", "where", "when") or \
            inverted and rest[0].lower() in ("a", "an", "the"):  # ", said Smith, a farmer"
        return None
    first = rest[0].lower()
    clause = rest[1:] if first in ("but", "and", "so", "yet") else rest
    if first.endswith("ing") and not any(w.lower() in AUXILIARIES for w in rest[1:6]):
        return None  # ("she said, smiling", "he said, going on to say ...": what the speaker did)
    fronted = not inverted and is_fronted_piece(text[sent.start:comma])
    if not has_finite_verb(clause[:12]) and not fronted and \
            not (first == "to" and has_finite_verb(word_list(text[sent.start:comma]))):
        return None  # (but "He has no plans, aides say, to sell the farm": the infinitive completes A,
        # and "If the talks fail, Smith warned, farmers plan to ...": after a fronted condition B is the main clause)
    cue = (verb, hit.start(), hit.end())
    a_words = word_list(text[max(sent.start, comma - 40):comma])
    open_relative = bool(a_words) and a_words[-1].lower() in ("which", "who", "that", "and", "or", "but")
    # "The meeting with the mayor, officials said, was aimed at ...": A is the subject of B's verb, a piece too
    subject_of_rest = rest[0].lower() in FINITE_VERBS
    before = None if open_relative or OPEN_CLAUSE_RE.search(text, sent.start, comma) or \
        not (has_finite_verb(word_list(text[sent.start:comma])) or is_fronted_piece(text[sent.start:comma])
             or subject_of_rest) else \
        f.make(sent.start, comma, "indirect", speaker, cue, strip_opener=True)
    second = f.make(after + 1, sent_end, "indirect", speaker, cue)
    found = [q for q in (before, second) if q is not None]
    return found or None


@REPORTED.rule("trailing-subject-verb", needs=comma_before, examples=(
    Example("The bridge will stay closed until the spring, the council said.",
            "The bridge will stay closed until the spring", "indirect", "council"),
    Example("Marta Quell runs the bakery. Prices will rise again next month, she warned on Monday.",
            "Prices will rise again next month", "indirect", "Marta Quell"),
))
def trailing_subject_verb(f: QuoteFinder, hit: re.Match[str], sent: Span, sent_end: int) -> Quote | None:
    """"CLAUSE, X said." A report earlier in the sentence ("X said A, the agency reported") wins."""
    text = f.text
    verb = hit.group()
    tail = text[hit.end():sent.end]
    if verb in TELL_VERBS and TRAIL_OBJECT_RE.match(tail):  # "..., the sources told the news agency."
        tail = ""
    comma = text.rfind(",", sent.start, hit.start())
    if not (TRAIL_RE.match(tail) and comma > sent.start and at_least_words(text, sent.start, comma, 4)
            and not REDUCED_RELATIVE_RE.match(text, comma + 1, hit.start())):
        return None
    return _trailing_report(f, hit, sent, comma)


def _trailing_report(f: QuoteFinder, hit: re.Match[str], sent: Span, comma: int) -> Quote | None:
    """"A, X said ...": ``A`` (the sentence up to ``comma``) as what the subject between the comma
    and the verb said (an earlier report in the sentence wins)."""
    text = f.text
    verb = hit.group()
    cue = (verb, hit.start(), hit.end())
    subject = (comma + 1, hit.start())
    if at_least_words(text, comma + 1, hit.start(), 9) or not has_content_in(text, comma + 1, hit.start()):
        return None
    inner = f.leading_report(sent, comma)
    if inner is not None:
        return inner
    speaker = f.resolver.resolve(*subject)
    if speaker is None and (verb in SAY_VERBS or verb == "heard"):
        speaker = phrase(text[subject[0]:subject[1]])
    if not speaker:
        return None
    return f.make(sent.start, comma, "indirect", speaker, cue, strip_opener=True) or STOP


# After a trailing cue, a participle or "including" phrase: what the speaker did, or the report's details.
_TRAIL_PARTICIPLE_RE = patterns.compile(r",\s+(?:[a-z]{3,}ing|including)\s")


@REPORTED.rule("trailing-cue-participle", needs=comma_before, examples=(
    Example("The harbour wall will have to be rebuilt, the engineers said, citing the damage from the storms.",
            "The harbour wall will have to be rebuilt", "indirect", "engineers"),
    Example("The letters covered many harbour matters, the Gazette reported on Monday, including fees and repairs.",
            "The letters covered many harbour matters", "indirect", "Gazette"),
))
def trailing_cue_participle(f: QuoteFinder, hit: re.Match[str], sent: Span, sent_end: int) -> Quote | None:
    """"CLAUSE, X said, citing ..." / "..., X reported, including ...": the sentence's first clause is
    the report and the phrase after the cue tells what the speaker did or adds details, with no
    finite verb of its own (with one, ``cue-mid-clause`` reads both sides as what was said)."""
    text = f.text
    verb = hit.group()
    if verb in PARTICIPLES:
        return None
    adverbials = ADVERBIALS_RE.match(text, hit.end())
    tail = _TRAIL_PARTICIPLE_RE.match(text, adverbials.end() if adverbials else hit.end(), sent.end)
    comma = text.rfind(",", sent.start, hit.start())
    if tail is None or comma <= sent.start or len(word_list(text[sent.start:comma])) < 4 or \
            REDUCED_RELATIVE_RE.match(text, comma + 1, hit.start()):
        return None
    if has_finite_verb(word_list(text[tail.end():sent.end])[:8]) or \
            not has_finite_verb(word_list(text[sent.start:comma])):
        return None  # (and "Weighing in on the debate, X said, citing ...": no clause before the cue)
    return _trailing_report(f, hit, sent, comma)


@REPORTED.rule("trailing-verb-subject", needs=comma_before, examples=(
    Example("The bridge will stay closed until the spring, said Tomas Rieder, the council's engineer.",
            "The bridge will stay closed until the spring", "indirect", "Tomas Rieder"),
))
def trailing_verb_subject(f: QuoteFinder, hit: re.Match[str], sent: Span, sent_end: int) -> Quote | None:
    """"CLAUSE, said X." / "CLAUSE, said X, a professor at ...": the noun phrase after the verb."""
    text = f.text
    verb = hit.group()
    comma = text.rfind(",", sent.start, hit.start())
    if not (comma > sent.start and comma == last_nonspace(text, hit.start()) and verb not in PARTICIPLES
            and at_least_words(text, sent.start, comma, 4)):
        return None
    b = clause_end(text, hit.end(), sent.end)
    if b <= hit.end() or at_least_words(text, hit.end(), b, 7):
        return None  # (no phrase, or one too long to be the speaker: the words are listed only if short)
    np_words = word_list(text[hit.end():b])
    # ("..., said the ministry had not been consulted": a clause, so "said" looks forward)
    if not (np_words and np_words[0].lower() not in ("that", "it", "he", "she")
            and not has_finite_verb(np_words)
            and (not text[b:sent.end].strip(SENT_END_STRIP) or APPOSITIVE_RE.match(text, b))):
        return None
    inner = f.leading_report(sent, comma)
    if inner is not None:
        return inner
    if _APPOSITIVE_SUBJECT_RE.match(text, sent.start, comma) and not has_finite_verb(word_list(text[sent.start:comma])):
        return None  # ("But Megan Hester, an organiser at the institute, said parents want ...": she is the subject)
    speaker = f.resolver.resolve(hit.end(), b)
    if not speaker:
        return None
    return f.make(sent.start, comma, "indirect", speaker, (verb, hit.start(), hit.end()), strip_opener=True) or STOP


# A sentence opening with a name and an appositive set off by a comma: "(But) Megan Hester, a ..."
_APPOSITIVE_SUBJECT_RE = patterns.compile(r"(?:(?:But|And|Yet|Still|Meanwhile)\s+)?(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.\s+)?"
                                    r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'.-]+){0,3},\s+(?:a|an|the|[a-z]+)\s")


@REPORTED.rule("fronted-piece", needs=comma_before, examples=(
    Example("If the grant is cut again, Ines Duval said she would close the museum on Mondays.",
            "If the grant is cut again", "indirect", "Ines Duval"),
    Example("If the grant is cut again, Ines Duval said she would close the museum on Mondays.",
            "she would close the museum on Mondays", "indirect", "Ines Duval"),
    Example("To keep the school open, Tomas Rieder said the village would raise the money itself.",
            "To keep the school open", "indirect", "Tomas Rieder"),
))
def fronted_piece(f: QuoteFinder, hit: re.Match[str], sent: Span, sent_end: int) -> list[Quote] | None:
    """"If the grant is cut, Ines Duval said she would close ...": a condition, cause or purpose
    fronted before the speaker belongs to what was said, as a piece of its own before the
    reported clause (the speaker splits the content in two)."""
    text = f.text
    comma = text.rfind(",", sent.start, hit.start())
    if comma <= sent.start or hit.group() in PARTICIPLES or not is_fronted_piece(text[sent.start:comma]):
        return None
    subject = text[comma + 1:hit.start()]
    if not 0 < len(word_list(subject)) <= 6 or has_finite_verb(word_list(subject)) or "," in subject:
        return None
    report = f.forward(hit, sent, sent_end)
    if report is None:
        return None
    piece = f.make(sent.start, comma, "indirect", report.speaker or "", (hit.group(), hit.start(), hit.end()))
    return [q for q in (piece, report) if q is not None]


@REPORTED.rule("subject-verb-clause", examples=(
    Example("Olga Brenner said the museum would reopen in May.",
            "the museum would reopen in May", "indirect", "Olga Brenner"),
    Example("Olga Brenner said on Tuesday that the museum would reopen in May.",
            "the museum would reopen in May", "indirect", "Olga Brenner"),
    Example("Olga Brenner says that's the last ferry of the winter.",
            "that's the last ferry of the winter", "indirect", "Olga Brenner"),
    Example("Two curators spoke to us. Another said the museum would reopen in May.",
            "the museum would reopen in May", "indirect", "another"),
    Example("Each side said the other would be to blame if the bridge is not built.",
            "the other would be to blame if the bridge is not built", "indirect", "Each side"),
    Example("Ruth Callow did not apologise, but said the remarks had been taken out of context.",
            "the remarks had been taken out of context", "indirect", "Ruth Callow"),
    Example("Ruth Callow questioned the budget and has since said the council must find new savings.",
            "the council must find new savings", "indirect", "Ruth Callow"),
    Example("Ruth Callow defended the budget on Monday, adding the council would not raise fares.",
            "the council would not raise fares", "indirect", "Ruth Callow"),
    Example("But Megan Orr, senior organiser at the tenants' union, said tenants want longer leases.",
            "tenants want longer leases", "indirect", "Megan Orr"),
    Example("Megan Orr, the union's director of planning and engagement, said tenants want longer leases.",
            "tenants want longer leases", "indirect", "Megan Orr"),
    Example("In a statement, Ruth Callow said the plan had been shelved.",
            "the plan had been shelved", "indirect", "Ruth Callow"),
    Example("Ruth Callow has denied that she knew about the payments.",
            "she knew about the payments", "indirect", "Ruth Callow"),
    Example("Democrats said that perhaps the vote would be delayed.",
            "perhaps the vote would be delayed", "indirect", "Democrats"),
))
def subject_verb_clause(f: QuoteFinder, hit: re.Match[str], sent: Span, sent_end: int) -> Quote | None:
    """"X said (that) CLAUSE": the clause after the verb (see ``OPENERS``) to the sentence's end."""
    return f.forward(hit, sent, sent_end)


def _may_report_for_a_group(verb: str) -> bool:
    """Can ``verb`` be a report of ``group-subject-clause`` at all (the rule's own test on the word)?"""
    return verb not in OPINION_VERBS and (verb in SAY_VERBS or verb.endswith(("ed", "ing"))
                                          or verb.removesuffix("s") not in NOUN_LIKE_VERBS)


@REPORTED.rule("group-subject-clause", when=_may_report_for_a_group, examples=(
    Example("Twenty-two percent said they would switch parties before the vote.",
            "they would switch parties before the vote", "indirect", "Twenty-two percent"),
    Example("Seven in 10 say the new bridge was a waste of money.",
            "the new bridge was a waste of money", "indirect", "Seven in 10"),
    Example("About one in five say they would not vote if the mayor runs again.",
            "they would not vote if the mayor runs again", "indirect", "About one in five"),
    Example("Nearly half of those asked said the ferry was too expensive.",
            "the ferry was too expensive", "indirect", "Nearly half of those asked"),
    Example("The lifelong Republican who wrote the letter says he will not vote for the harbour plan.",
            "he will not vote for the harbour plan", "indirect", "lifelong Republican"),
    Example("Coastal engineers say the sea wall will not survive another winter.",
            "the sea wall will not survive another winter", "indirect", "Coastal engineers"),
    Example("Harbour pilots have said the channel is too shallow for the new ferries.",
            "the channel is too shallow for the new ferries", "indirect", "Harbour pilots"),
    Example("Tomas Rieder leads the council. Those around him acknowledge that the budget will not balance.",
            "the budget will not balance", "indirect", "Those around him"),
    Example("The new fares, which port officials said would start in May, will hit commuters hardest.",
            "would start in May", "indirect", "port officials"),
    Example("One of the vets who sent the letter called the new rules a danger to animals.",
            "the new rules a danger to animals", "indirect", "One of the vets"),
    Example("His campaign said it had raised more money in March than in any month before.",
            "it had raised more money in March than in any month before", "indirect", "His campaign"),
))
def group_subject_clause(f: QuoteFinder, hit: re.Match[str], sent: Span, sent_end: int) -> Quote | None:
    """"Coastal engineers say CLAUSE", "Twenty-two percent said ...", "Seven in 10 say ...", "His
    campaign said ...": a subject no name or reference resolves (so ``subject-verb-clause`` found no
    speaker), but a plain noun phrase: a share of a group, a plural noun, or a determiner and a
    noun. The phrase itself is the speaker."""
    verb = hit.group()
    progressive = verb in PARTICIPLES and _PROGRESSIVE_RE.search(f.text, max(0, hit.start() - 12), hit.start())
    if (verb in PARTICIPLES and not progressive) or not _may_report_for_a_group(verb):
        return None  # (", saying ...": the main clause's subject speaks; "the 35 states": a noun, not a verb)
    if f.clause(hit, sent, sent_end) is None and not f.relative_or_and_before(sent, hit.start()):
        return None  # (no clause to report, and no relative clause whose subject the resolver would read first)
    windows = f.subject_windows(sent, hit.start())
    if not windows or windows[0][2] not in ("np", "rel"):
        return None
    start, end, tag = windows[0]
    if tag == "rel":  # "the rules, which officials said will ...", "the mine, which Tom Clarke says he ..."
        name, how = f.resolver.resolve_how(start, end)
        speaker = name if how == "named" else group_subject(f.text[start:end])
        if speaker is None and len(windows) > 1 and windows[1][2] == "np":
            # "One of the doctors who signed the letter called ...": the relative clause describes the subject
            speaker = group_subject(f.text[windows[1][0]:windows[1][1]])
        else:
            comma = f.text.find(",", hit.end(), sent_end)
            if comma > 0:
                sent_end = comma  # (the relative clause closes at its comma: "..., which officials said will ..., will not")
    elif f.clause(hit, sent, sent_end) is None:
        return None  # (no clause to report, whoever the phrase names: most cues that get this far)
    else:
        speaker = group_subject(f.text[start:end])
    if speaker is None:
        return None
    return f.forward(hit, sent, sent_end, speaker=speaker)


@REPORTED.rule("participle-group-subject", when=lambda cue: cue in PARTICIPLES, examples=(
    Example("The harbour office declined to release the letters, saying they cannot discuss the case yet.",
            "they cannot discuss the case yet", "indirect", "harbour office"),
    Example("Two fishermen at the pier refused to give their names, saying it would hurt their business.",
            "it would hurt their business", "indirect", "Two fishermen at the pier"),
    Example("One employee at the harbour office declined to give his name, saying it would cost him his job.",
            "it would cost him his job", "indirect", "One employee at the harbour office"),
))
def participle_group_subject(f: QuoteFinder, hit: re.Match[str], sent: Span, sent_end: int) -> Quote | None:
    """"The office declined to ..., saying CLAUSE": the participle's speaker is the subject of the
    sentence's main verb; when that subject is a plain noun phrase rather than a name or pronoun
    (which ``subject-verb-clause`` finds), the phrase is the speaker (see :func:`group_subject`)."""
    text = f.text
    if hit.group() not in PARTICIPLES or not _COMMA_BEFORE_RE.search(text, max(sent.start, hit.start() - 3), hit.start()):
        return None
    if any(h.group() not in PARTICIPLES for h in f.hits_in(sent.start, hit.start())):
        return None  # (an earlier speech verb's subject speaks: ``subject-verb-clause``)
    verb = _MAIN_VERB_RE.search(text, sent.start, hit.start())
    if verb is None:
        return None
    subject = text[sent.start:verb.start()]
    words = [w.lower() for w in word_list(subject)]
    if not words or "," in subject or words[0] in CLAUSE_PREPOSITIONS or words[0] in SUBORDINATORS or \
            any(w in ("that", "which", "who", "whom") for w in words):
        return None  # ("Amid calls from some to ..., saying": no subject at the sentence's start)
    speaker = group_subject(subject)
    if speaker is None:
        return None
    return f.forward(hit, sent, sent_end, speaker=speaker)


_COMMA_BEFORE_RE = patterns.compile(r",\s*$")
# The first finite verb of a sentence: a past form or an auxiliary after the subject.
_MAIN_VERB_RE = patterns.compile(r"\s(?:[a-z]+ed|was|were|is|are|has|have|had|would|will|could|can|did|does|do|refused|made"
                           r"|took|gave|went|came|sent|held|left|kept|said|told)\b")


# Verb forms that are as often nouns after a noun phrase ("the 35 states", "his comments", "campaign promises").
NOUN_LIKE_VERBS = frozenset(w.removesuffix("s") for w in NOUNISH_VERB_FORMS) | frozenset(
    ["report", "tweet", "post", "signal", "vow", "forecast", "estimate", "reply", "plea", "answer", "cry", "shout", "whisper", "joke", "quip", "counter"])
_PROGRESSIVE_RE = patterns.compile(r"\b(?:is|are|was|were|been)\s+(?:\w+ly\s+|also\s+|now\s+)?$")


_COUNT_RE = patterns.compile(r"(?:\d+|" + "|".join(sorted(NUMBER_WORDS)) + r")(?:-\w+)?\s+(?:in|out\s+of)\s+(?:\d+|"
                       + "|".join(sorted(NUMBER_WORDS)) + r")\b", re.I)
_PLURAL_END = ("ss", "us", "is", "ous")
_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "one", "another", "each", "every"})
_NOT_SUBJECT = frozenset({"he", "she", "they", "it", "we", "i", "you", "this", "that", "there", "who", "which"})


def group_subject(phrase: str) -> str | None:
    """The speaker a plain noun-phrase subject names, as written (None if it is not one).

    Accepted: a share ("Twenty-two percent", "Seven in 10", "Nearly half", "most of them", "those
    surveyed"), a plural noun ("Coastal engineers", "Some Democrats"), a determiner and a
    lower-case noun ("His campaign", "the budget office", "One employee": the singular of a
    speaker noun such as "employees"), or a determiner and a member of a named
    group ("The lifelong Republican"). Its head is the word before any
    preposition or relative ("People with knowledge of the plan", "Six in 10 of those asked")."""
    words = word_list(phrase)
    while words and (parenthetical(words[-1].lower()) or words[-1].lower() in ("not", "never", "do", "are", "were")):
        words.pop()  # "have said", "have also said", "did not say": the auxiliaries are not the subject
    while words and words[0].lower() in ("but", "and", "yet", "so", "even", "still", "also", "now", "then"):
        words.pop(0)
    if not words or len(words) > 10:
        return None
    lows = [w.lower() for w in words]
    if lows[0] == "those" and len(lows) >= 2 and not any(w in _NOT_SUBJECT for w in lows[1:2]):
        return " ".join(words)  # "those surveyed", "Those close to him", "those familiar with the plan"
    head_at = next((i for i, w in enumerate(lows) if i > 0 and w in NP_PREPOSITIONS), len(lows))
    if any(w in _NOT_SUBJECT for w in lows[:head_at]) or lows[0] in NP_PREPOSITIONS or lows == ["all"]:
        return None  # ("to the 35 states", "All told, ...": no subject at all)
    speaker = " ".join(words[1:] if lows[0] in ("the", "a", "an") and len(words) > 1 else words)
    if _COUNT_RE.match(" ".join(words)):
        return speaker
    pre, pre_low = words[:head_at], lows[:head_at]
    core = [w for w in pre_low if w not in SUBJECT_LEADS] or pre_low
    if any(w in FINITE_VERBS or (w.endswith("ed") and len(w) > 4) for w in core[1:] if core[0] != "those"):
        return None
    if any(w.endswith("ed") and len(w) > 4 for w in core[:1]):
        return None
    head, head_raw = pre_low[-1], pre[-1]
    if head in QUANTITY_HEADS or head.isdigit() or head in NUMBER_WORDS or \
            (core[0] == "those" and len(core) == 2 and head.endswith("ed")):
        return speaker
    if head_raw.islower() and head.isalpha() and len(head) > 3:
        if head in SPEAKER_NOUNS or (head.endswith("s") and not head.endswith(_PLURAL_END)):
            return speaker
        if core[0] in _DETERMINERS and len(core) <= 5 and (head in SPEAKER_NOUNS or head in PERSON_ROLES or
                                                           head + "s" in SPEAKER_NOUNS or
                                                           head in GENERIC_ORG_NOUNS or head in ORG_HEADS
                                                           or head in SPEAKING_BODIES):
            return speaker
        return None
    if head_raw[:1].isupper() and head.endswith("s") and (head[:-1] in DEMONYMS or head in DEMONYMS):
        return speaker  # "Republicans", "Some Democrats", "Many Americans"
    if head_raw[:1].isupper() and head in DEMONYMS and core[0] in _DETERMINERS and len(core) <= 4:
        return speaker  # "The lifelong Republican", "A young Texan": one of a group, named by it
    return None


_FRONTED_OPENERS = frozenset({"if", "even", "because", "unless", "to", "by"})


def is_fronted_piece(piece: str) -> bool:
    """Is ``piece`` (a sentence's start, up to a comma) a fronted condition, cause, purpose or means of
    four words or more ("If the grant is cut", "Even if the mill closes", "To understand the law", "By
    closing the pier")? Time,
    place and source phrases ("When he arrived", "In a statement") are the writer's framing."""
    if first_word(piece).lower() not in _FRONTED_OPENERS:
        return False  # (the cheap test first: most pieces open otherwise)
    words = word_list(piece)
    if len(words) < 4 or words[0].lower() not in _FRONTED_OPENERS or any(m in piece for m in "\"“”;:"):
        return False
    second = words[1].lower()
    if words[0].lower() == "even":
        return second in ("if", "though")  # ("Even as ...", "Even worse, ...": the writer's)
    if words[0].lower() == "to":
        return words[1].islower() and second not in DETERMINER_WORDS  # "To understand ...", not "To a standing ovation"
    if words[0].lower() == "by":
        return second.endswith("ing")  # "By closing the pier" (a means), not "By the time ..." or "By March"
    return True


# -- what stands between the verb and its clause ---------------------------------------------------

@OPENERS.rule("indirect-question", when=lambda verb: verb.lower() in ASK_VERBS or verb.lower() in QUESTION_VERBS, examples=(
    Example("Councillors also asked whether the bridge could be repaired before the winter.",
            "whether the bridge could be repaired before the winter", "indirect", "Councillors"),
    Example("Ines Marlow asked the minister if the school would stay open.",
            "if the school would stay open", "indirect", "Ines Marlow"),
    Example("Dr Hal Brandt asked the nurses if they wanted to close the ward by noon.",
            "if they wanted to close the ward by noon", "indirect", "Hal Brandt"),
    Example("Ines Marlow would not say when the school would reopen.",
            "when the school would reopen", "indirect", "Ines Marlow"),
))
def indirect_question(f: QuoteFinder, verb: str, pos: int, that: re.Match[str] | None) -> tuple[int, bool, bool] | None:
    """"asked (the minister) whether / if / how ...", and a question left open after a refusal
    ("would not say when ...", "isn't saying if ..."): the question is what was said or asked."""
    low = verb.lower()
    text = f.text
    if low in ASK_VERBS:
        m = _ASKED_RE.match(text, pos)
        if m is None or has_finite_verb(word_list(m.group("obj") or "")):
            return None
        return m.start("wh"), True, True
    if low in QUESTION_VERBS and refused_before(text, pos - len(verb)):
        after = ADVERBIALS_RE.match(text, pos)
        m = _WH_RE.match(text, after.end() if after else pos)
        if m is not None:
            return m.start("wh"), True, True
    return None


ASK_VERBS = verb_forms("ask")
QUESTION_VERBS = verb_forms("say tell explain disclose reveal specify detail confirm comment")
_WH = r"(?P<wh>whether|if|how|why|what|when|where|who|which)\b"
_WH_RE = patterns.compile(r"\s*,?\s*" + _WH)
# "asked whether", "asked the minister if", "asked NBC's host, the moderator, whether": an object of a few words
_ASKED_RE = patterns.compile(r"(?P<obj>(?:\s+[\w’'.-]+,?){0,7}?)\s+" + _WH)
# "would not say", "isn't saying", "declined to say", "has never disclosed"
_REFUSED_BEFORE_RE = patterns.compile(r"(?:\bnot|n[’']t|\bnever|\bdeclined\s+to|\brefused\s+to)\s+(?:yet\s+|immediately\s+|publicly\s+)?$")
# The words _REFUSED_BEFORE_RE can end with before its spaces (the verb's word just before the cue).
_REFUSED_LAST_WORDS = ("not", "n't", "n’t", "never", "to", "yet", "immediately", "publicly")


def refused_before(text: str, verb_start: int) -> bool:
    """Does a refusal stand right before the verb ("would not say", "declined to say")? The
    pattern is searched only when the words before the verb end as it must (most do not)."""
    window = max(0, verb_start - 30)
    return text[window:verb_start].rstrip().endswith(_REFUSED_LAST_WORDS) and \
        _REFUSED_BEFORE_RE.search(text, window, verb_start) is not None


_TIME_PREPOSITIONS = ("after", "before", "during", "since", "until")


@OPENERS.rule("time-phrase-then-clause", when=lambda verb: verb in SAY_VERBS,
               needs=NextWordIn(frozenset(_TIME_PREPOSITIONS)), examples=(
    Example("Hanna Vos said after the vote she would stand down as chair.",
            "after the vote she would stand down as chair", "indirect", "Hanna Vos"),
))
def time_phrase_then_clause(f: QuoteFinder, verb: str, pos: int, that: re.Match[str] | None) -> tuple[int, bool, bool] | None:
    """"said after the vote she would stand down": a time phrase (a preposition of time and at most
    five words) between the verb and a clause with its own subject and verb."""
    if verb not in SAY_VERBS:
        return None
    m = _TIME_PHRASE_RE.match(f.text, pos)
    return (m.start("prep"), True, True) if m else None


_TIME_PHRASE_RE = patterns.compile(
    r"\s+(?P<prep>" + "|".join(_TIME_PREPOSITIONS) + r")\s+(?:(?!(?:he|she|they|it|we|i|there|that)\b)[\w’'-]+\s+){1,5}?"
    r"(?:he|she|they|it|we|i|there)(?:[’'](?:d|ll|s|re|ve))?\s+(?:[a-z]+ed|" + "|".join(sorted(FINITE_VERBS)) + r")\b")


_SUBORDINATORS_BEFORE_MAIN = ("if", "once", "unless", "when", "whenever", "because", "although", "though", "as long as")


@OPENERS.rule("subordinate-then-clause", needs=NextWordIn(frozenset(w.split()[0] for w in _SUBORDINATORS_BEFORE_MAIN)),
              examples=(
    Example("Hanna Vos said if she were mayor, the ferry would be free for children.",
            "if she were mayor, the ferry would be free for children", "indirect", "Hanna Vos"),
    Example("Hanna Vos says once the bridge opens, they will close the ferry for good.",
            "once the bridge opens, they will close the ferry for good", "indirect", "Hanna Vos"),
))
def subordinate_then_clause(f: QuoteFinder, verb: str, pos: int,
                            that: re.Match[str] | None) -> tuple[int, bool, bool] | None:
    """"said if she were mayor, the ferry would be free": a condition or time clause right after the
    verb, closed by a comma and followed by a main clause with its own subject and finite verb, is
    the start of what was said though no "that" introduces it (``time-phrase-then-clause`` is the
    same with a phrase instead of a clause)."""
    if verb not in SAY_VERBS:
        return None
    m = _SUBORDINATE_THEN_RE.match(f.text, pos)
    if m is None or f.inside_quoted(m.start("sub")):
        return None
    main = word_list(f.text[m.end():m.end() + 80])[:6]
    if not main or main[0].lower() in ("that", "and", "but", "or", "which", "who") or not (
            main[0].lower() in _MAIN_PRONOUNS or has_finite_verb(main)):
        return None
    return m.start("sub"), True, True


# "if/once/unless ... ," (a clause of 2 to 20 words with no stop, quotation or second comma), then the main clause.
_SUBORDINATE_THEN_RE = patterns.compile(r"\s+(?P<sub>(?:" + "|".join(w.replace(" ", r"\s+") for w in _SUBORDINATORS_BEFORE_MAIN) + ")"
                                  r"\s+[^,.;:!?\"“”\n]{3,140}?),\s+")
_MAIN_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "there", "he’ll", "she’ll", "they’ll", "it’ll",
                            "we’ll", "he'll", "she'll", "they'll", "it'll", "we'll", "it’s", "it's"})


_PHRASE_PREPOSITIONS = ("in", "despite", "without", "for", "under", "among", "unlike", "given")


@OPENERS.rule("phrase-then-clause", needs=NextWordIn(frozenset(_PHRASE_PREPOSITIONS)), examples=(
    Example("Hanna Vos said in politics it takes years to build that kind of trust.",
            "in politics it takes years to build that kind of trust", "indirect", "Hanna Vos"),
    Example("Hanna Vos said despite the storms they had finished the harbour wall.",
            "despite the storms they had finished the harbour wall", "indirect", "Hanna Vos"),
))
def phrase_then_clause(f: QuoteFinder, verb: str, pos: int, that: re.Match[str] | None) -> tuple[int, bool, bool] | None:
    """"said in politics it takes years ...": a short prepositional phrase (at most five words)
    between the verb and a clause opening with a subject pronoun and a verb is part of what was said
    (``time-phrase-then-clause`` does the same for time phrases)."""
    if verb not in SAY_VERBS:
        return None
    m = _PHRASE_THEN_RE.match(f.text, pos)
    if m is None or any(w.lower().removesuffix("s") in _WHERE_SAID for w in word_list(m.group("phrase"))):
        return None  # ("said in a statement he would ...", "said on Twitter they ...": where it was said)
    return m.start("prep"), True, True


_WHERE_SAID = frozenset(w.lower() for w in (*STATEMENT_NOUNS, *STATEMENT_MEDIA, *AUDIENCE_NOUNS))
_PHRASE_THEN_RE = patterns.compile(
    r"\s+(?P<prep>" + "|".join(_PHRASE_PREPOSITIONS) + r")\s+"
    r"(?P<phrase>(?:(?!(?:he|she|they|it|we|i|there|that)\b)[\w’'-]+\s+){1,5}?)"
    r"(?:he|she|they|it|we|i|there)(?:[’'](?:d|ll|s|re|ve))?\s+(?:[a-z]+ed|[a-z]+s|" + "|".join(sorted(FINITE_VERBS)) + r")\b")


@OPENERS.rule("claim-noun-that", needs=NextWordIn(frozenset(CLAIM_LEADS) | CLAIM_NOUNS), examples=(
    Example("The minister denied reports that the talks had collapsed.",
            "the talks had collapsed", "indirect", "minister"),
))
def claim_noun_that(f: QuoteFinder, verb: str, pos: int, that: re.Match[str] | None) -> tuple[int, bool] | None:
    """"denied reports that ...", "dismissed claims that ...": the clause after the claim noun."""
    claim = CLAIM_RE.match(f.text, pos)
    return (claim.end(), True) if claim else None


@OPENERS.rule("that-soon", needs=that_follows, examples=(
    Example("Rosa Albescu told the committee on Friday that the scheme had run out of money.",
            "the scheme had run out of money", "indirect", "Rosa Albescu"),
    Example("Ada Brisk says at a rally in Leeds, Yorkshire, that the line will be rebuilt.",
            "the line will be rebuilt", "indirect", "Ada Brisk"),
    Example("Ada Brisk told the BBC's “Today” programme that the line will be rebuilt.",
            "the line will be rebuilt", "indirect", "Ada Brisk"),
    Example("Ada Brisk told a crowded hall at a hotel in the centre of Leeds that she was not giving up.",
            "she was not giving up", "indirect", "Ada Brisk"),
))
def that_soon(f: QuoteFinder, verb: str, pos: int, that: re.Match[str] | None) -> tuple[int, bool] | None:
    """"said on Tuesday that", "told the committee that": a "that" a few words on, with no verb between."""
    if that is None:
        return None
    gap = that.group(1)
    if verb in TELL_VERBS:  # 'told MSNBC's "Morning Joe" that': a quoted programme in the object
        gap = QUOTE_MARKS_RE.sub("", gap)
    if len(word_list(gap)) <= (12 if verb in TELL_VERBS else 4) and \
            not VERB_IN_GAP_RE.search(COMMA_ADVERB_RE.sub(" ", gap)):
        return that.end(), True
    # "said at a campaign stop in Toledo, Ohio, that ...": a place or time phrase, then "that"
    if PLACE_PHRASE_RE.match(gap) and len(word_list(gap)) <= 10 and not has_finite_verb(word_list(gap)) \
            and not VERB_IN_GAP_RE.search(gap.replace(",", " ")):
        return that.end(), True
    return None


@OPENERS.rule("parenthetical-that", needs=that_follows, examples=(
    Example("Dario Venn acknowledged, when questioned by the defence, that he had kept the letters.",
            "he had kept the letters", "indirect", "Dario Venn"),
))
def parenthetical_that(f: QuoteFinder, verb: str, pos: int, that: re.Match[str] | None) -> tuple[int, bool] | None:
    """"acknowledged, when questioned by the defence, that ...": a parenthetical, then "that"."""
    if that and PARENTHETICAL_RE.fullmatch(that.group(1)):
        return that.end(), True
    return None


_APOSTROPHE_RE = patterns.compile(r"[’']")

@OPENERS.rule("object-to-infinitive", when=lambda verb: verb.lower() in ASK_TO_VERBS or verb.lower() in CALL_VERBS, examples=(
    Example("Councillor Bea Lorne urged residents to report every blocked drain.",
            "residents to report every blocked drain", "indirect", "Bea Lorne"),
    Example("Priya Anand called on the minister to publish the full report.",
            "the minister to publish the full report", "indirect", "Priya Anand"),
    Example("Dr Hal Brandt told his staff to close the ward by noon.",
            "his staff to close the ward by noon", "indirect", "Hal Brandt"),
))
def object_to_infinitive(f: QuoteFinder, verb: str, pos: int, that: re.Match[str] | None) -> tuple[int, bool] | None:
    """"urged residents to ...", "called on the minister to ...", "told his staff to ...": what the
    speaker asked someone to do, the one asked included."""
    low = verb.lower()
    if low not in ASK_TO_VERBS and not (low in CALL_VERBS and f.text.startswith(" on ", pos)):
        return None
    m = OBJECT_TO_RE.match(f.text, pos)
    if m is None or (low in CALL_VERBS and not m.group("on")):
        return None
    rest = [_APOSTROPHE_RE.split(w.lower())[0] for w in word_list(m.group("obj"))[1:]]
    for w in rest:
        if w in _WH_IN_OBJECT and low not in TELL_VERBS:
            break  # "asked Rubio why he ...", "asked workers if they ...": an indirect question, kept
        if w in _NOT_IN_OBJECT or w in _WH_IN_OBJECT or w in FINITE_VERBS:
            return None  # "telling them she was not going to ...": a clause, not the one asked
    return m.start("obj"), True


@OPENERS.rule("to-infinitive", when=lambda verb: verb.lower() in PLEDGE_VERBS, examples=(
    Example("The governor vowed to reopen the mill before the winter.",
            "to reopen the mill before the winter", "indirect", "governor"),
    Example("Lena Sorel has promised to publish her tax returns next week.",
            "to publish her tax returns next week", "indirect", "Lena Sorel"),
))
def to_infinitive(f: QuoteFinder, verb: str, pos: int, that: re.Match[str] | None) -> tuple[int, bool] | None:
    """"vowed to ...", "pledged to ...", "promised to ...": a commitment made in words."""
    if verb.lower() not in PLEDGE_VERBS:
        return None
    m = TO_VERB_RE.match(f.text, pos)
    return (m.start("to"), True) if m else None


@OPENERS.rule("call-for", when=lambda verb: verb.lower() in CALL_VERBS, examples=(
    Example("Nora Haddad called for an independent inquiry into the collapse.",
            "an independent inquiry into the collapse", "indirect", "Nora Haddad"),
))
def call_for(f: QuoteFinder, verb: str, pos: int, that: re.Match[str] | None) -> tuple[int, bool] | None:
    """"called for an inquiry", "has called for cutting the rate": what the speaker demanded."""
    if verb.lower() not in CALL_VERBS:
        return None
    m = CALL_FOR_RE.match(f.text, pos)
    return (m.end(), True) if m else None


@OPENERS.rule("call-object-complement", when=lambda verb: verb.lower() in CALL_FORMS, examples=(
    Example("Councillor Ada Brisk called the new parking charges a tax on the town's shopkeepers.",
            "the new parking charges a tax on the town's shopkeepers", "indirect", "Ada Brisk"),
    Example("Ada Brisk has called it an insult to every volunteer in the county.",
            "it an insult to every volunteer in the county", "indirect", "Ada Brisk"),
))
def call_object_complement(f: QuoteFinder, verb: str, pos: int, that: re.Match[str] | None) -> tuple[int, bool] | None:
    """"called the charges a tax on shopkeepers", "has called it an insult": naming something is
    saying it. Only with a second noun phrase (an "a"/"an" or a quoted word after the object,
    within ten words and before any comma): "called an emergency meeting", "called reporters to
    the stage" name nothing."""
    if verb.lower() not in CALL_FORMS:
        return None
    text = f.text
    m = _NEXT_WORD_RE.match(text, pos)
    if m is None or (m.group(1).lower() in NOT_OBJECT_STARTS and m.group(1).lower() not in ("it", "them")):
        return None
    stop = _COMPLEMENT_STOP_RE.search(text, m.end(), m.end() + 160)
    span = word_list(text[m.start(1):stop.start() if stop else m.end() + 160])[:10]
    for i, word in enumerate(span[1:], 1):
        if word.lower() in ("a", "an") and span[i - 1].lower() not in NP_PREPOSITIONS | {"as", "into", "such"}:
            return m.start(1), True
    return None


CALL_FORMS = frozenset({"called", "calls"})
_COMPLEMENT_STOP_RE = patterns.compile(r"[,.;:!?()—–]|\s(?:and|but|who|which|that|because|after|when)\s")


@OPENERS.rule("noun-phrase-object", when=lambda verb: verb.lower() in NP_OBJECT_VERBS, examples=(
    Example("The port authority announced a new fee for cruise ships docking overnight.",
            "a new fee for cruise ships docking overnight", "indirect", "port authority"),
    Example("Mayor Ilse Brandt has described the audit as a waste of public money.",
            "the audit as a waste of public money", "indirect", "Ilse Brandt"),
    Example("Ilse Brandt acknowledged the risks of opening the bridge before the inspection.",
            "the risks of opening the bridge before the inspection", "indirect", "Ilse Brandt"),
    Example("Ilse Brandt has mentioned closing the branch library on Saturdays.",
            "closing the branch library on Saturdays", "indirect", "Ilse Brandt"),
))
def noun_phrase_object(f: QuoteFinder, verb: str, pos: int, that: re.Match[str] | None) -> tuple[int, bool] | None:
    """"announced a new fee", "acknowledged the risks", "called the audit a waste": verbs whose object
    (a noun phrase, or an object and what it is called) is itself what was said. Not when a
    preposition, adverb or pronoun comes first ("called for", "noted in a statement", "denied it")."""
    if verb.lower() not in NP_OBJECT_VERBS or that is not None and that.start(1) == pos and not that.group(1).strip():
        return None
    after = ADVERBIALS_RE.match(f.text, pos)
    start = after.end() if after else pos
    m = _NEXT_WORD_RE.match(f.text, start)
    if m is None or m.group(1).lower() in NOT_OBJECT_STARTS:
        return None
    for w in word_list(f.text[m.start(1):m.start(1) + 30])[:3]:  # (a loop: no generator for 8,500 cues)
        if w.lower() in CLAIM_NOUNS:
            return None  # ("denied the claims, saying ...", "denied reports of ...": the claim is someone else's)
    return m.start(1), True


_NEXT_WORD_RE = patterns.compile(r"\s+([\w’'$-]+)")
# Finite forms only: "will announce", "to describe" are not yet said.
NP_OBJECT_VERBS = frozenset(v for v in verb_forms(NP_OBJECT_BASES) if v.endswith(("ed", "s")))


@OPENERS.rule("object-then-clause", examples=(
    Example("Ivo Marsh told reporters the plant would close by June.",
            "the plant would close by June", "indirect", "Ivo Marsh"),
    Example("Ivo Marsh told reporters this weekend the plant would close by June.",
            "the plant would close by June", "indirect", "Ivo Marsh"),
    Example("Ines Marlow met the bank's leaders on Monday, telling them she was not going to close the branch.",
            "she was not going to close the branch", "indirect", "Ines Marlow"),
    Example("Kerstin Albrecht insisted the figures were accurate.",
            "the figures were accurate", "indirect", "Kerstin Albrecht"),
    Example("Kerstin Albrecht suggested the new harbour master's figures were wrong.",
            "the new harbour master's figures were wrong", "indirect", "Kerstin Albrecht"),
    Example("Kerstin Albrecht suggested Tomas Rieder hadn't read the report.",
            "Tomas Rieder hadn't read the report", "indirect", "Kerstin Albrecht"),
    Example("The ferry company announced it would cut the winter timetable to two sailings a day.",
            "it would cut the winter timetable to two sailings a day", "indirect", "ferry company"),
    Example("Kerstin Albrecht explained how the figures had been gathered over ten years.",
            "how the figures had been gathered over ten years", "indirect", "Kerstin Albrecht"),
))
def object_then_clause(f: QuoteFinder, verb: str, pos: int, that: re.Match[str] | None) -> tuple[int, bool] | None:
    """"told reporters (that) ...", "insisted the ...": an object after a verb of telling, then
    adverbials ("on Tuesday", "in a statement") and an optional "that"."""
    text = f.text
    has_that = False
    if verb in TELL_VERBS:
        obj = OBJECT_RE.match(text, pos)
        if obj and not AUX_NEXT_RE.match(text, obj.end()):
            pos = obj.end()  # ("warned the increases could ...": no object, a clause's subject)
    after = AFTER_VERB_RE.match(text, pos)
    if after:
        pos, has_that = after.end(), bool(after.group("that"))
    return pos, has_that


# -- constructions read once over the text ---------------------------------------------------------

@INSIDE.rule("report-inside-quotation", examples=(
    Example('"Graham Fitch told me the pool would close in spring," the swimmer said.',
            "the pool would close in spring", "indirect", "Graham Fitch"),
))
def report_inside_quotation(f: QuoteFinder) -> list[Quote]:
    """Reports inside a quotation, kept only when their subject is a name ("Graham Fitch told me
    ..."): "I said", "we told them" are the quoted speaker's own story, not a report."""
    out: list[Quote] = []
    done_until = -1
    for hit in f.inner_hits:
        if hit.start() < done_until or hit.group() in PARTICIPLES or hit.group().lower() == "according to":
            continue
        sent = f.seg.sentence_at(hit.start())
        j = f.quoted_index(hit.start())
        if sent is None or j < 0:
            continue
        inner = Span(max(sent.start, f.quoted[j].open + 1), min(sent.end, f.quoted[j].close))
        windows = f.subject_windows(inner, hit.start())
        if windows:
            name, how = f.resolver.resolve_how(windows[0][0], windows[0][1])
        else:  # "Graham Fitch rang me ... and told me ...": the name opening the sentence
            near = f.resolver.mentions_in(inner.start, min(hit.start(), inner.start + 100))
            named = [m for m in near if m.label == "PERSON"] or [m for m in near if m.label == "ORG"]
            name, how = (named[0].entity, "named") if named else (None, "")
        if name is None or how != "named":
            continue
        quote = f.forward(hit, inner, inner.end, speaker=name)
        if quote is not None:
            out.append(quote)
            done_until = quote.end
    return out


def _introductions(f: QuoteFinder) -> list[tuple[Span, Span, re.Match[str]]]:
    """The paragraphs ending in a colon a few words after a cue, with their sentence and that cue,
    whose next paragraph has no quotation marks: what :func:`introduced_block` reads of the text
    alone (worked out once, early when there is time)."""
    found: list[tuple[Span, Span, re.Match[str]]] = []
    text = f.text
    paras = f.seg.paragraphs
    for i in range(len(paras) - 1):
        para, nxt = paras[i], paras[i + 1]
        if text[para.end - 1] != ":" or _QUOTE_OPENS_RE.search(text, nxt.start, nxt.end):
            continue  # (a paragraph with its own quotation marks is attributed by them; an apostrophe is no mark)
        sent = f.seg.sentence_at(para.end - 1) or para
        hits = f.hits_in(sent.start, para.end)
        if not hits or len(word_list(text[hits[-1].end():para.end])) > 4:
            continue
        found.append((sent, nxt, hits[-1]))
    return found


@BLOCKS.rule("introduced-block", prepare=_introductions, examples=(
    Example("The club's statement, signed by chair Wendy Ortega, said:\n\nWe will appeal against the decision "
            "and expect to win.", "We will appeal against the decision and expect to win.", "direct", "Wendy Ortega"),
    Example("The club's chair, Wendy Ortega, added:\n\nIt’s a decision we will appeal, and we expect to win.",
            "It’s a decision we will appeal, and we expect to win.", "direct", "Wendy Ortega"),
))
def introduced_block(f: QuoteFinder) -> list[Quote]:
    """A paragraph introduced by "X said:" at the end of the previous one is X's direct quotation
    (block quotes and statements set off without quotation marks)."""
    out: list[Quote] = []
    text = f.text
    for sent, nxt, hit in f.prepared(_introductions):
        speaker = f.subject(sent, hit.start())
        if at_least_words(text, nxt.start, nxt.end, 3):
            out.append(Quote(text[nxt.start:nxt.end], "direct", nxt.start, nxt.end, speaker,
                             hit.group(), hit.start(), hit.end()))
    return out



_QUOTE_OPENS_RE = patterns.compile(r"''|[\"“”„«»]|(?<![\w])[‘']|[’'](?![\w])")


def _headlines(f: QuoteFinder) -> list[tuple[Span, re.Match[str]]]:
    """The short paragraphs in title case with a capitalised speech verb, and the verb: what
    :func:`headline_report` reads of the text alone (worked out once, early when there is time)."""
    found: list[tuple[Span, re.Match[str]]] = []
    text = f.text
    for para in f.seg.paragraphs:
        if para.end - para.start > 200:
            continue
        # the cue first: a regex over at most 200 characters, where title_case splits words; most
        # paragraphs have no capitalised speech verb, and then whether they are title case is moot
        m = headline_cue(text, para.start, para.end)
        if m is not None and title_case(text[para.start:para.end]):
            found.append((para, m))
    return found


@BLOCKS.rule("headline-report", prepare=_headlines, examples=(
    Example("Mayor Says Harbour Bridge Will Reopen In Spring\n\nThe bridge has been shut since May.",
            "Harbour Bridge Will Reopen In Spring", "indirect", "Mayor"),
    Example("Ferry Fares To Rise Again, Port Authority Warns\n\nThe increase is the third this year.",
            "Ferry Fares To Rise Again", "indirect", "Port Authority"),
))
def headline_report(f: QuoteFinder) -> list[Quote]:
    """A headline in title case that reports speech: "Mayor Says Bridge Will Reopen" (what follows the
    capitalised verb) or "Fares To Rise, Port Authority Warns" (what comes before the comma). The
    verb is capitalised like every word of the headline, so the cue finder does not see it."""
    out: list[Quote] = []
    text = f.text
    for para, m in f.prepared(_headlines):
        end = para.end
        while end > m.end() and text[end - 1] in SENT_END_STRIP:
            end -= 1
        cue = (m.group(), m.start(), m.end())
        head = max(text.rfind(",", para.start, m.start()), text.rfind(":", para.start, m.start()), para.start - 1) + 1
        if at_least_words(text, m.end(), end, 3) and has_content(text[head:m.start()]):
            speaker = f.resolver.resolve(head, m.start()) or phrase(text[head:m.start()])
            quote = f.make(m.end(), end, "indirect", speaker or "", cue) if speaker else None
        elif text[m.end():end].strip() == "" and head > para.start and has_content(text[head:m.start()]):
            speaker = f.resolver.resolve(head, m.start()) or phrase(text[head:m.start()])
            quote = f.make(para.start, head - 1, "indirect", speaker or "", cue) if speaker else None
        else:
            quote = None
        if quote is not None:
            out.append(quote)
    return out


_HEADLINE_CUE_WORD_RE = patterns.compile(r"(?:Says|Said|Tells|Told|Warns|Urges|Vows|Calls|Claims|Admits|Denies"
                                         r"|Insists|Predicts|Suggests|Argues|Announces|Reveals|Confirms|Asks|Pledges"
                                         r"|Promises|Declares|Explains|Accuses|Blasts|Slams|Praises)(?![\w’'-])")
_WORD_BEFORE_RE = patterns.compile(r"[\w’'-]")


def headline_cue(text: str, start: int, end: int) -> re.Match[str] | None:
    """The first capitalised speech verb ("Says", "Warns" ...) as a whole word in ``text[start:end]``.

    The search is for the verb alone, then whether a word character comes right before it (the
    same matches as one pattern opening with that look-behind, which keeps the regex engine from
    skipping ahead to the verbs' first letters: 12 -> 4 ms over the short paragraphs of a 3 MB
    article, which its headline rule reads)."""
    while True:
        m = _HEADLINE_CUE_WORD_RE.search(text, start, end)
        if m is None or m.start() == 0 or not _WORD_BEFORE_RE.match(text, m.start() - 1):
            return m
        start = m.start() + 1
_SMALL_WORDS = frozenset({"a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "by", "with", "from",
                          "as", "is", "vs"})


def title_case(line: str) -> bool:
    """Is ``line`` a headline in title case (four to twenty-five words, nearly all capitalised)?"""
    words = word_list(line)
    if not 4 <= len(words) <= 25:
        return False
    big = [w for w in words if w.lower() not in _SMALL_WORDS]
    return bool(big) and sum(1 for w in big if w[:1].isupper() or w[:1].isdigit()) >= 0.85 * len(big)


def _labels(f: QuoteFinder) -> list[tuple[Span, re.Match[str]]]:
    """The paragraphs opening with a speaker's label in capitals (not "Q:" or "A:"), with the label:
    what :func:`transcript_label` reads of the text alone (worked out once, early when there is time).

    A label's second character is never a lower-case letter (a capital, a mark, a full stop, a
    space or the colon of "Q:"), and nearly every paragraph's is ("The ..."): those are passed over
    without trying the pattern (12,854 paragraphs of a 3 MB article: 4 -> 1.5 ms)."""
    text = f.text
    return [(para, m) for para in f.seg.paragraphs if not text[para.start + 1:para.start + 2].islower()
            and (m := LABEL_RE.match(text, para.start, para.end)) and m.group("name") not in ("Q", "A")]


@BLOCKS.rule("transcript-label", prepare=_labels, examples=(
    Example("Ruth Callow spoke to the committee.\n\nMS. CALLOW: We will not support this bill in its current form."
            "\n\nMR. DOYLE: Why not?\n\nMS. CALLOW: Because it cuts funding for rural schools.",
            "Because it cuts funding for rural schools.", "direct", "Ruth Callow"),
))
def transcript_label(f: QuoteFinder) -> list[Quote]:
    """Transcripts: paragraphs opening with a speaker's name in capitals ("MS. CALLOW:"), at least
    two of them in the text; each is that person's direct quotation, tied to the person of that
    surname named before it. A bare "Q:" or "A:" names no one (an interview's questions and
    answers are the interview itself, not quotations in it), and stays out."""
    text = f.text
    found = f.prepared(_labels)
    if len(found) < 2:
        return []
    out: list[Quote] = []
    for para, m in found:
        start = m.end()
        if len(word_list(text[start:para.end])) < 2 or text[start:start + 1] in QUOTE_OPENERS:
            continue
        label = m.group("name").strip()
        speaker = _label_speaker(f, label, para.start)
        out.append(Quote(text[start:para.end], "direct", start, para.end, speaker, label + ":",
                         m.start("name"), m.end("name") + 1))
    return out


def _label_speaker(f: QuoteFinder, label: str, pos: int) -> str:
    """The person a capitals label names ("CALLOW" -> "Ruth Callow"), else the label in title case."""
    words = [w.capitalize() for w in label.replace(".", " ").split()]
    surname = words[-1]
    for m in reversed(f.resolver.mentions_in(0, pos)):
        if m.label == "PERSON" and m.entity.split()[-1] == surname:
            return m.entity
    return " ".join(words)
