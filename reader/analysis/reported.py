"""Reported speech: one named rule per construction, tried in order at each cue.

``REPORTED`` holds the constructions a cue outside quotations can start; ``OPENERS`` what may stand
between a speech verb and the clause it reports; ``INSIDE`` reports inside quotations; ``BLOCKS``
quotations set off without quotation marks. Each rule carries examples (sentences written for this project) that the rule tests run.
"""

from __future__ import annotations

import re

from reader.analysis.lexicon import FINITE_VERBS, MODALS, PARTICIPLES, SAY_VERBS, TELL_VERBS, verb_forms
from reader.analysis.marks import MARK_RE
from reader.analysis.model import Quote
from reader.analysis.quotes import (
    ADVERBIALS_RE,
    AFTER_VERB_RE,
    APPOSITIVE_RE,
    AUX_NEXT_RE,
    CLAIM_RE,
    COMMA_ADVERB_RE,
    OBJECT_RE,
    PARENTHETICAL_RE,
    REDUCED_RELATIVE_RE,
    SENT_END_STRIP,
    TRAIL_OBJECT_RE,
    TRAIL_RE,
    VERB_IN_GAP_RE,
    QuoteFinder,
    clause_end,
    has_content,
    has_finite_verb,
    last_nonspace,
    names_a_role,
    phrase,
    word_list,
)
from reader.analysis.rules import Example, Registry
from reader.analysis.segment import Span

REPORTED = Registry("reported")
# A transcript's speaker label: "MS. CALLOW: ...", "SEN. RUTH CALLOW: ...", "Q: ...".
LABEL_RE = re.compile(r"(?:(?:MR|MRS|MS|DR|SEN|REP|GOV|GEN|PROF)\.?\s+)?(?P<name>Q|A|[A-Z][A-Z’'-]+(?:\s+[A-Z][A-Z’'-]+){0,2}):\s+")
QUOTE_MARKS_RE = re.compile(r"[\"“”‘’']")
PLACE_PHRASE_RE = re.compile(r",?\s+(?:at|in|on|during|after|before|from|outside|inside)\s")
# Verbs of asking someone to act ("urged residents to ..."), and of committing to act ("vowed to ...").
ASK_TO_VERBS = verb_forms("urge ask tell warn implore encourage")
CALL_VERBS = verb_forms("call")
PLEDGE_VERBS = verb_forms("vow pledge promise")
OBJECT_TO_RE = re.compile(r"\s+(?P<on>on\s+)?(?P<obj>(?:[\w’'.-]+\s+){0,5}?[\w’'.-]+)\s+to\s+(?=[a-z])(?!be\s+named\b)")
TO_VERB_RE = re.compile(r"(?:\s+(?:also|again|repeatedly|publicly|previously|not))*\s+(?P<to>to)\s+[a-z]")
CALL_FOR_RE = re.compile(r"(?:\s+(?:also|again|repeatedly|publicly|previously))*\s+for\s+(?=\S)")
# Verbs that may come before their subject in a parenthetical cue (", said Smith, ...").
INVERTED_VERBS = SAY_VERBS | frozenset({"added", "wrote", "explained", "noted", "continued", "replied", "argued"})
AUXILIARIES = MODALS | frozenset({"is", "was", "are", "were", "has", "have", "had"})
QUOTE_OPENERS = "\"“‘'«"
# A relative or subordinate clause left open before a mid-sentence cue ("Schultz, who works for RT and,
# King said, ..."): the words before the cue are not what was said.
OPEN_CLAUSE_RE = re.compile(r",\s+(?:who|which|where|whose)\s[^,]*$")
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
))
def according_to(f: QuoteFinder, hit: re.Match[str], sent: Span, sent_end: int) -> Quote | None:
    """"According to X, CLAUSE." and "CLAUSE, according to X."; a role with a name after it
    ("the mayor's chief of staff, Elena Brandt,") is that person."""
    text = f.text
    cue = ("according to", hit.start(), hit.end())
    b = clause_end(text, hit.end(), sent.end)
    speaker = f.resolver.resolve(hit.end(), b) or phrase(text[hit.end():b])
    named = f.appositive_person(b) if names_a_role(text[hit.end():b]) else None
    if named is not None:
        speaker, b = named
    if speaker is None:
        return None
    if text[b:b + 1] == "," and text[sent.start:hit.start()].strip(" ,") == "":
        return f.make(b + 1, sent_end, "indirect", speaker, cue)
    comma = last_nonspace(text, hit.start())
    if text[comma:comma + 1] == "," and comma > sent.start:
        return f.make(sent.start, comma, "indirect", speaker, cue, strip_opener=True)
    return None


@REPORTED.rule("cue-mid-clause", examples=(
    Example("Nobody was hurt in the fire, Mark Ellery said, but the barn and two tractors were destroyed.",
            "but the barn and two tractors were destroyed", "indirect", "Mark Ellery"),
    Example("Nobody was hurt in the fire, Mark Ellery said, but the barn and two tractors were destroyed.",
            "Nobody was hurt in the fire", "indirect", "Mark Ellery"),
    Example("Ines Duval moved the office in May. Though the first move went smoothly, she said, a second one "
            "would cost far more.", "a second one would cost far more", "indirect", "Ines Duval"),
    Example("The repairs will take a year, said Hanna Vos, and the road will stay shut until they are done.",
            "and the road will stay shut until they are done", "indirect", "Hanna Vos"),
))
def cue_mid_clause(f: QuoteFinder, hit: re.Match[str], sent: Span, sent_end: int) -> list[Quote] | None:
    """"A, Smith said, B." / "A, said Smith, B.": a cue set off by commas inside the reported
    sentence; both sides are what was said (a side too short to be a clause is left out). B must
    be a clause (a finite verb, or "but"/"and" and one), not an appositive ("said Smith, a farmer")
    or what the speaker did ("she said, smiling")."""
    text = f.text
    verb = hit.group()
    if verb in PARTICIPLES or "," not in text[hit.end():hit.end() + 60]:
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
    if not has_finite_verb(clause[:12]):
        return None
    cue = (verb, hit.start(), hit.end())
    a_words = word_list(text[max(sent.start, comma - 40):comma])
    open_relative = bool(a_words) and a_words[-1].lower() in ("which", "who", "that", "and", "or", "but")
    before = None if open_relative or OPEN_CLAUSE_RE.search(text, sent.start, comma) or \
        not has_finite_verb(word_list(text[sent.start:comma])) else \
        f.make(sent.start, comma, "indirect", speaker, cue, strip_opener=True)
    second = f.make(after + 1, sent_end, "indirect", speaker, cue)
    found = [q for q in (before, second) if q is not None]
    return found or None


@REPORTED.rule("trailing-subject-verb", examples=(
    Example("The bridge will stay closed until the spring, the council said.",
            "The bridge will stay closed until the spring", "indirect", "council"),
    Example("Marta Quell runs the bakery. Prices will rise again next month, she warned on Monday.",
            "Prices will rise again next month", "indirect", "Marta Quell"),
))
def trailing_subject_verb(f: QuoteFinder, hit: re.Match[str], sent: Span, sent_end: int) -> Quote | None:
    """"CLAUSE, X said." A report earlier in the sentence ("X said A, the agency reported") wins."""
    text = f.text
    verb = hit.group()
    cue = (verb, hit.start(), hit.end())
    tail = text[hit.end():sent.end]
    if verb in TELL_VERBS and TRAIL_OBJECT_RE.match(tail):  # "..., the sources told the news agency."
        tail = ""
    comma = text.rfind(",", sent.start, hit.start())
    if not (TRAIL_RE.match(tail) and comma > sent.start and len(word_list(text[sent.start:comma])) >= 4
            and not REDUCED_RELATIVE_RE.match(text, comma + 1, hit.start())):
        return None
    subject = (comma + 1, hit.start())
    if len(word_list(text[comma + 1:hit.start()])) > 8 or not has_content(text[comma + 1:hit.start()]):
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


@REPORTED.rule("trailing-verb-subject", examples=(
    Example("The bridge will stay closed until the spring, said Tomas Rieder, the council's engineer.",
            "The bridge will stay closed until the spring", "indirect", "Tomas Rieder"),
))
def trailing_verb_subject(f: QuoteFinder, hit: re.Match[str], sent: Span, sent_end: int) -> Quote | None:
    """"CLAUSE, said X." / "CLAUSE, said X, a professor at ...": the noun phrase after the verb."""
    text = f.text
    verb = hit.group()
    comma = text.rfind(",", sent.start, hit.start())
    if not (comma > sent.start and comma == last_nonspace(text, hit.start()) and verb not in PARTICIPLES
            and len(word_list(text[sent.start:comma])) >= 4):
        return None
    b = clause_end(text, hit.end(), sent.end)
    rest = text[b:sent.end].strip(SENT_END_STRIP)
    np_words = word_list(text[hit.end():b])
    # ("..., said the ministry had not been consulted": a clause, so "said" looks forward)
    if not (b > hit.end() and 0 < len(np_words) <= 6 and np_words[0].lower() not in ("that", "it", "he", "she")
            and not has_finite_verb(np_words) and (not rest or APPOSITIVE_RE.match(text, b))):
        return None
    inner = f.leading_report(sent, comma)
    if inner is not None:
        return inner
    speaker = f.resolver.resolve(hit.end(), b)
    if not speaker:
        return None
    return f.make(sent.start, comma, "indirect", speaker, (verb, hit.start(), hit.end()), strip_opener=True) or STOP


@REPORTED.rule("subject-verb-clause", examples=(
    Example("Olga Brenner said the museum would reopen in May.",
            "the museum would reopen in May", "indirect", "Olga Brenner"),
    Example("Olga Brenner said on Tuesday that the museum would reopen in May.",
            "the museum would reopen in May", "indirect", "Olga Brenner"),
    Example("Two curators spoke to us. Another said the museum would reopen in May.",
            "the museum would reopen in May", "indirect", "another"),
    Example("Ruth Callow did not apologise, but said the remarks had been taken out of context.",
            "the remarks had been taken out of context", "indirect", "Ruth Callow"),
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


# -- what stands between the verb and its clause ---------------------------------------------------

@OPENERS.rule("claim-noun-that", examples=(
    Example("The minister denied reports that the talks had collapsed.",
            "the talks had collapsed", "indirect", "minister"),
))
def claim_noun_that(f: QuoteFinder, verb: str, pos: int, that: re.Match[str] | None) -> tuple[int, bool] | None:
    """"denied reports that ...", "dismissed claims that ...": the clause after the claim noun."""
    claim = CLAIM_RE.match(f.text, pos)
    return (claim.end(), True) if claim else None


@OPENERS.rule("that-soon", examples=(
    Example("Rosa Albescu told the committee on Friday that the scheme had run out of money.",
            "the scheme had run out of money", "indirect", "Rosa Albescu"),
    Example("Ada Brisk says at a rally in Leeds, Yorkshire, that the line will be rebuilt.",
            "the line will be rebuilt", "indirect", "Ada Brisk"),
    Example("Ada Brisk told the BBC's “Today” programme that the line will be rebuilt.",
            "the line will be rebuilt", "indirect", "Ada Brisk"),
))
def that_soon(f: QuoteFinder, verb: str, pos: int, that: re.Match[str] | None) -> tuple[int, bool] | None:
    """"said on Tuesday that", "told the committee that": a "that" a few words on, with no verb between."""
    if that is None:
        return None
    gap = that.group(1)
    if verb in TELL_VERBS:  # 'told MSNBC's "Morning Joe" that': a quoted programme in the object
        gap = QUOTE_MARKS_RE.sub("", gap)
    if len(word_list(gap)) <= (8 if verb in TELL_VERBS else 4) and \
            not VERB_IN_GAP_RE.search(COMMA_ADVERB_RE.sub(" ", gap)):
        return that.end(), True
    # "said at a campaign stop in Toledo, Ohio, that ...": a place or time phrase, then "that"
    if PLACE_PHRASE_RE.match(gap) and len(word_list(gap)) <= 10 and not has_finite_verb(word_list(gap)) \
            and not VERB_IN_GAP_RE.search(gap.replace(",", " ")):
        return that.end(), True
    return None


@OPENERS.rule("parenthetical-that", examples=(
    Example("Dario Venn acknowledged, when questioned by the defence, that he had kept the letters.",
            "he had kept the letters", "indirect", "Dario Venn"),
))
def parenthetical_that(f: QuoteFinder, verb: str, pos: int, that: re.Match[str] | None) -> tuple[int, bool] | None:
    """"acknowledged, when questioned by the defence, that ...": a parenthetical, then "that"."""
    if that and PARENTHETICAL_RE.fullmatch(that.group(1)):
        return that.end(), True
    return None


@OPENERS.rule("object-to-infinitive", examples=(
    Example("Councillor Bea Lorne urged residents to report every blocked drain.",
            "residents to report every blocked drain", "indirect", "Bea Lorne"),
    Example("Priya Anand called on the minister to publish the full report.",
            "the minister to publish the full report", "indirect", "Priya Anand"),
    Example("Dr Hal Brandt told his staff to close the ward by noon.",
            "his staff to close the ward by noon", "indirect", "Hal Brandt"),
    Example("Dr Hal Brandt asked the nurses if they wanted to close the ward by noon.",
            "the nurses if they wanted to close the ward by noon", "indirect", "Hal Brandt"),
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
    rest = [re.split(r"[’']", w.lower())[0] for w in word_list(m.group("obj"))[1:]]
    for w in rest:
        if w in _WH_IN_OBJECT and low not in TELL_VERBS:
            break  # "asked Rubio why he ...", "asked workers if they ...": an indirect question, kept
        if w in _NOT_IN_OBJECT or w in _WH_IN_OBJECT or w in FINITE_VERBS:
            return None  # "telling them she was not going to ...": a clause, not the one asked
    return m.start("obj"), True


@OPENERS.rule("to-infinitive", examples=(
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


@OPENERS.rule("call-for", examples=(
    Example("Nora Haddad called for an independent inquiry into the collapse.",
            "an independent inquiry into the collapse", "indirect", "Nora Haddad"),
))
def call_for(f: QuoteFinder, verb: str, pos: int, that: re.Match[str] | None) -> tuple[int, bool] | None:
    """"called for an inquiry", "has called for cutting the rate": what the speaker demanded."""
    if verb.lower() not in CALL_VERBS:
        return None
    m = CALL_FOR_RE.match(f.text, pos)
    return (m.end(), True) if m else None


@OPENERS.rule("object-then-clause", examples=(
    Example("Ivo Marsh told reporters the plant would close by June.",
            "the plant would close by June", "indirect", "Ivo Marsh"),
    Example("Ivo Marsh told reporters this weekend the plant would close by June.",
            "the plant would close by June", "indirect", "Ivo Marsh"),
    Example("Ines Marlow met the bank's leaders on Monday, telling them she was not going to close the branch.",
            "she was not going to close the branch", "indirect", "Ines Marlow"),
    Example("Kerstin Albrecht insisted the figures were accurate.",
            "the figures were accurate", "indirect", "Kerstin Albrecht"),
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


@BLOCKS.rule("introduced-block", examples=(
    Example("The club's statement, signed by chair Wendy Ortega, said:\n\nWe will appeal against the decision "
            "and expect to win.", "We will appeal against the decision and expect to win.", "direct", "Wendy Ortega"),
))
def introduced_block(f: QuoteFinder) -> list[Quote]:
    """A paragraph introduced by "X said:" at the end of the previous one is X's direct quotation
    (block quotes and statements set off without quotation marks)."""
    out: list[Quote] = []
    text = f.text
    paras = f.seg.paragraphs
    for i in range(len(paras) - 1):
        para, nxt = paras[i], paras[i + 1]
        if text[para.end - 1] != ":" or MARK_RE.search(text, nxt.start, nxt.end):
            continue
        sent = f.seg.sentence_at(para.end - 1) or para
        hits = f.hits_in(sent.start, para.end)
        if not hits or len(word_list(text[hits[-1].end():para.end])) > 4:
            continue
        hit = hits[-1]
        speaker = f.subject(sent, hit.start())
        if len(word_list(text[nxt.start:nxt.end])) >= 3:
            out.append(Quote(text[nxt.start:nxt.end], "direct", nxt.start, nxt.end, speaker,
                             hit.group(), hit.start(), hit.end()))
    return out



@BLOCKS.rule("transcript-label", examples=(
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
    found = [(para, m) for para in f.seg.paragraphs if (m := LABEL_RE.match(text, para.start, para.end))
             and m.group("name") not in ("Q", "A")]
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
