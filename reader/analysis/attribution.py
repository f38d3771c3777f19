"""Who said a quotation: one named rule per construction, tried in order (``ATTRIBUTIONS``).

Each rule answers ``(speaker, cue)`` to end the search (a speaker may be None when the construction
is certain but names no one) or None to let the next rule try.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from reader import patterns
from reader.analysis.lexicon import PARTICIPLES, PAST_VERBS, parenthetical
from reader.analysis.marks import Quoted
from reader.analysis.quotes import NEAR, QuoteFinder, clause_end, has_content, last_nonspace, word_list
from reader.analysis.rules import Example, Registry
from reader.analysis.segment import Span

ATTRIBUTIONS = Registry("attributions")
Answer = tuple[str | None, tuple[str, int, int] | None]
SIGNATURE_RE = patterns.compile(r"[ \t\u00a0]*[―—–-]{1,2}[ \t\u00a0]*(?P<name>[A-Z][^\n,;:!?“”\"()]{1,60}?)"
                          r"(?=[ \t\u00a0]*(?:[,.(“\"]|\n|$))")
# '"...," Ann Lee, the chair of ... , said': a name, then an appositive closed by a comma before the cue.
LONG_APPOSITIVE_RE = patterns.compile(r"[\s,’'”\"]*(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*,\s+(?:a|an|the|who|[a-z]+|\d+)\b")
# '"...," Vann R. Newkirk II, a writer for The Atlantic, said': a name and its appositive before the cue.
APPOSITIVE_GAP_RE = patterns.compile(r"[\s,’'”\"]*(?:[A-Z][\w’'.-]*\s+){1,4}[A-Z][\w’'.-]*,\s+(?:a|an|the|who|[a-z]+)\b")


@ATTRIBUTIONS.rule("signature-dash", examples=(
    Example("Readers wrote in.\n\n“The new timetable is a disaster for shift workers.” ― Mirela Costa, Leeds",
            "The new timetable is a disaster for shift workers.", "direct", "Mirela Costa"),
    Example("Readers wrote in.\n\n“The buses never come.” ― Mirela Costa “I walk to work now.” ― Ivo Brandt",
            "The buses never come.", "direct", "Mirela Costa"),
))
def signature_dash(f: QuoteFinder, q: Quoted, sent: Span, para: Span, kind: str) -> Answer | None:
    """'"..." ― Name' or '"..." - Name, Town': a quotation signed with a dash, as in readers' letters,
    collected reactions and epigraphs."""
    m = SIGNATURE_RE.match(f.text, q.close + 1)
    if m is None:
        return None
    a, b = m.start("name"), m.end("name")
    speaker = f.resolver.resolve_or_as_written(a, b)
    return (speaker, None) if speaker else None


@ATTRIBUTIONS.rule("cue-after-quote", examples=(
    Example("Coach Maria Duarte was blunt. “We were not good enough today,” Duarte said.",
            "We were not good enough today", "direct", "Maria Duarte"),
    Example("“The pier is safe again,” said Joan Petrie, the harbour master.",
            "The pier is safe again", "direct", "Joan Petrie"),
    Example("“The pier is safe again,” said Rep. J.T. Orrin (D-Maine).",
            "The pier is safe again", "direct", "J.T. Orrin"),
    Example("“Is the pier safe again?” Joan Petrie asked the crowd.",
            "Is the pier safe again?", "direct", "Joan Petrie"),
    Example("“We were lucky,” Ruth Abernathy, a ferry pilot for the Harbour Company in Oban, said on Friday.",
            "We were lucky", "direct", "Ruth Abernathy"),
    # "Mr. King": a surname that is also a title or a common word, tied to the person named in full.
    Example("Charlie King, a party official, spoke first.\n\n“We need a turnout plan,” Mr. King added.",
            "We need a turnout plan", "direct", "Charlie King"),
    # A long appositive between the name and the verb.
    Example("“We were never told,” Ines Farrow, the chair of the tenants’ association that sued the council over "
            "the repairs and won last spring, told the Courier.", "We were never told", "direct", "Ines Farrow"),
))
def cue_after_quote(f: QuoteFinder, q: Quoted, sent: Span, para: Span, kind: str) -> Answer | None:
    """'"...," he said', '"...," said the ministry', '"...," according to X': a cue just after the
    quotation (at most eight words on, in its sentence, before the next quotation)."""
    text = f.text
    close = q.close
    close_sent = f.seg.sentence_at(close) or para
    # (the paragraph it closes in: its own, unless it runs over several)
    close_para = para if para.start <= close < para.end else (f.seg.paragraph_at(close) or para)
    limit = min(close_sent.end, close_para.end)
    if text[close - 1:close] in "?!" and limit <= close + 1:
        # '"How many times?" Clinton said.': the attribution after a question is its own "sentence"
        nxt_sent = f.seg.sentence_at(limit + 1)
        if nxt_sent is not None and nxt_sent.start <= close + 3:
            limit = min(nxt_sent.end, close_para.end)
    nxt = bisect_right(f.quoted_opens, close)  # (the next quotation: f.quoted_index(close) + 1)
    if nxt < len(f.quoted):
        limit = min(limit, f.quoted[nxt].open)
    # The first cue after the quotation decides, whatever it says: no later one is read.
    hits = f.hits_in(close + 1, limit)
    if not hits:
        return None
    hit = hits[0]
    verb, verb_start, verb_end = hit.group(), hit.start(), hit.end()
    gap = text[close + 1:verb_start]
    words = word_list(gap)
    if len(words) > 8 and not (len(words) <= 30 and APPOSITIVE_GAP_RE.match(gap)) and \
            not (len(words) <= 40 and LONG_APPOSITIVE_RE.match(gap) and text[last_nonspace(text, verb_start)] == ","):
        return None
    cue = (verb, verb_start, verb_end)
    if verb.lower() == "according to":
        return f.resolver.resolve(verb_end, clause_end(text, verb_end, limit)), cue
    for word in words:  # has_content(gap), from its words split once
        if not parenthetical(word.lower()):
            if len(words) > 8:  # '"...," Vann R. Newkirk II, a writer for The Atlantic, said'
                comma = text.find(",", close + 2, verb_start)
                speaker = f.resolver.resolve_or_as_written(close + 1, comma)
            else:
                speaker = f.resolver.resolve(close + 1, verb_start) or f.resolver.name_as_written(close + 1, verb_start)
            return (speaker, cue) if speaker else None
    speaker = f.resolver.resolve_or_as_written(verb_end, clause_end(text, verb_end, limit))
    return (speaker, cue) if speaker else None


_INVERTED_GAP_RE = patterns.compile(r"[\s,]*")
# '"...," Hale pressed.': a name (or pronoun) and one past-tense verb closing the quotation's sentence.
NAME_VERB_AFTER_RE = patterns.compile(r"[\s\u00a0]*(?P<who>(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*|he|she)"
                                r"\s+(?:[a-z]+ly\s+)?(?P<verb>[a-z]+ed|" + "|".join(sorted(PAST_VERBS)) + r")"
                                r"(?=\s*(?:[.;!?]|,\s|$)|\s+and\s)")
# 'Hale shot back, "..."', 'As the Post's Ann Lee puts it, "..."': a name, a verb (any, in the past or
# present) and a comma or colon leading into the quotation.
NAME_VERB_BEFORE_RE = patterns.compile(r"(?:^|(?<=[\s(]))(?P<as>As\s+(?:the\s+)?)?(?P<who>(?:[A-Z][\w’'.-]*\s+){0,4}[A-Z][\w’'.-]*)"
                                 r"\s+(?:[a-z]+ly\s+)?(?P<verb>[a-z]+(?:ed|s)|" + "|".join(sorted(PAST_VERBS)) + r"|put)"
                                 r"(?:\s+(?:back|out|up|in|it))?\s*[,:]\s*$")


@ATTRIBUTIONS.rule("name-verb-after-quote", examples=(
    Example("The host leaned in. “Would you serve a second term?” Okafor pressed. The senator smiled.",
            "Would you serve a second term?", "direct", "Okafor"),
    Example("“Not on my watch,” Lieutenant Bea Santos snapped, and walked out.",
            "Not on my watch", "direct", "Bea Santos"),
    Example("“Get out of my office,” Mayor Carl Otway barked and a guard opened the door.",
            "Get out of my office", "direct", "Carl Otway"),
))
def name_verb_after_quote(f: QuoteFinder, q: Quoted, sent: Span, para: Span, kind: str) -> Answer | None:
    """'"...?" Hale pressed.', '"...," Santos snapped': a quotation closed by a comma or question mark,
    then a name and a verb in the past that ends the clause — an attribution whatever the verb
    (the cue list holds verbs of saying; this construction says it by its shape)."""
    text = f.text
    if text[q.close - 1:q.close] not in (",", "?", "!"):
        return None
    m = NAME_VERB_AFTER_RE.match(text, q.close + 1)
    if m is None:
        return None
    a, b = m.start("who"), m.end("who")
    speaker = f.resolver.resolve_or_as_written(a, b)
    return (speaker, (m.group("verb"), m.start("verb"), m.end("verb"))) if speaker else None


@ATTRIBUTIONS.rule("name-verb-before-quote", examples=(
    Example("Asked about the delay, Petra Lindqvist shot back, “We were ready a month ago.”",
            "We were ready a month ago.", "direct", "Petra Lindqvist"),
    Example("As the Courier’s Amos Deane puts it, “Nobody wins a war of leaflets.”",
            "Nobody wins a war of leaflets.", "direct", "Amos Deane"),
))
def name_verb_before_quote(f: QuoteFinder, q: Quoted, sent: Span, para: Span, kind: str) -> Answer | None:
    """'Hale shot back, "..."', 'As the Post's Ann Lee puts it, "..."': a name right before a verb
    and a comma or colon that lead into the quotation, whatever the verb."""
    text = f.text
    a = max(sent.start, q.open - 120)
    k = last_nonspace(text, q.open)
    if k < a or text[k] not in ",:":
        return None  # (the pattern ends in a comma or colon before the quotation: no need to search)
    m = NAME_VERB_BEFORE_RE.search(text, a, q.open)
    if m is None or (m.group("verb") in ("put", "puts") and m.group("as") is None):
        return None
    who_a, who_b = m.start("who"), m.end("who")
    if m.group("as") is None and who_a > sent.start and text[last_nonspace(text, who_a)] not in ",;:":
        return None  # "the board's chair Lee argued": only a name opening its clause
    speaker = f.resolver.resolve_or_as_written(who_a, who_b)
    return (speaker, (m.group("verb"), m.start("verb"), m.end("verb"))) if speaker else None


@ATTRIBUTIONS.rule("inverted-cue-between-quotes", examples=(
    Example("“We built this bridge in a year,” said Tamsin Greaves, who runs the works depot in Hull. "
            "“Nobody thought we could.”", "Nobody thought we could.", "direct", "Tamsin Greaves"),
    Example("The mayor had gone home. “It was a long night,” added Councillor Oren Mabry. “We will meet again at nine.”",
            "We will meet again at nine.", "direct", "Oren Mabry"),
))
def inverted_cue_between_quotes(f: QuoteFinder, q: Quoted, sent: Span, para: Span, kind: str) -> Answer | None:
    """'"A," said X, a ... . "B."': a quotation after one whose attribution puts the verb before its
    subject is said by that subject, not by whoever the sentence before is about."""
    text = f.text
    i = f.quoted_index(q.open) - 1
    if kind != "direct" or i < 0:
        return None
    prev = f.quoted[i]
    if prev.close < para.start or q.open - prev.close > NEAR:
        return None
    hits = f.hits_in(prev.close + 1, q.open)
    if not hits or _INVERTED_GAP_RE.fullmatch(text, prev.close + 1, hits[0].start()) is None:
        return None
    hit = hits[0]
    if hit.group().lower() == "according to" or f.seg.sentence_index(q.open) > f.seg.sentence_index(hit.start()) + 1:
        return None  # (a sentence of the writer's between them: the next quotation may be someone else's)
    a = hit.end()
    b = clause_end(text, a, q.open)
    speaker = f.resolver.resolve_or_as_written(a, b)
    return (speaker, (hit.group(), hit.start(), hit.end())) if speaker else None


# The end of a sentence closed by its cue: "..., Schiff said." or "..., said Schiff on Friday."
_INVERTED_SUBJECT_RE = patterns.compile(r"\s+(?:[A-Z]|(?:the|a|an)\s)")
_CUE_ENDS_SENTENCE_RE = patterns.compile(r"(?:\s+[\w’'.-]+){0,4}?\s*[.:]\s*$")


@ATTRIBUTIONS.rule("trailing-cue-before-quote", examples=(
    Example("The plan would cost less than the old one, Councillor Ida Marsh said. “We checked every figure twice.”",
            "We checked every figure twice.", "direct", "Ida Marsh"),
))
def trailing_cue_before_quote(f: QuoteFinder, q: Quoted, sent: Span, para: Span, kind: str) -> Answer | None:
    """'..., Marsh said. "..."': a quotation opening the sentence after one that a cue ends (a report
    or a quotation of the same speaker's) goes on with that speaker."""
    text = f.text
    si = f.seg.sentence_index(q.open)
    if kind != "direct" or si <= 0 or text[sent.start:q.open].strip():
        return None
    prev = f.seg.sentences[si - 1]
    if prev.start < para.start:
        return None
    hits = f.hits_in(max(prev.start, q.open - 160), q.open)
    if not hits or _CUE_ENDS_SENTENCE_RE.fullmatch(text, hits[-1].end(), q.open) is None:
        return None
    hit = hits[-1]
    if text[last_nonspace(text, hit.start())] == "," and _INVERTED_SUBJECT_RE.match(text, hit.end()):
        a = hit.end()  # "..., said Marsh.": the subject comes after the verb
        b = clause_end(text, a, q.open)
        speaker = f.resolver.resolve_or_as_written(a, b)
    else:  # "..., Marsh said." or "Ines Farrow, a tenant, said on Radio Kent."
        speaker = f.subject(prev, hit.start())
    return (speaker, None) if speaker else None


@ATTRIBUTIONS.rule("cue-before-quote", examples=(
    Example("Finance Minister Olu Adebayo told journalists: ‘The budget is balanced and it will stay balanced.’",
            "The budget is balanced and it will stay balanced.", "direct", "Olu Adebayo"),
))
def cue_before_quote(f: QuoteFinder, q: Quoted, sent: Span, para: Span, kind: str) -> Answer | None:
    """'she told journalists: "..."', 'X said "..."': the nearest cue before the quotation in its sentence."""
    text = f.text
    hits = f.hits_in(max(sent.start, q.open - NEAR), q.open)
    if not hits:
        return None
    hit = hits[-1]
    cue = (hit.group(), hit.start(), hit.end())
    if hit.group().lower() == "according to":
        return f.resolver.resolve(hit.end(), clause_end(text, hit.end(), q.open)), cue
    a, b = f.subject_window(sent, hit.start())
    participle = hit.group() in PARTICIPLES and text[last_nonspace(text, hit.start())] == ","
    speaker = f.main_subject(sent, hit.start()) if participle else None
    if speaker is None:
        speaker = f.subject(sent, hit.start())
    if speaker is None and (hit.group() in PARTICIPLES or not has_content(text[a:b])):
        speaker = f.main_subject(sent, hit.start())
    return (speaker, cue) if speaker else None


@ATTRIBUTIONS.rule("partial-cue-later", examples=(
    Example("Its “quiet betrayal of every tenant” was the reason the housing board had to meet again on Monday, "
            "Councillor Amira Hassan said.", "quiet betrayal of every tenant", "partial", "Amira Hassan"),
))
def partial_cue_later(f: QuoteFinder, q: Quoted, sent: Span, para: Span, kind: str) -> Answer | None:
    """A quoted phrase inside the writer's sentence, said by the subject of a cue later in it."""
    if kind != "partial":
        return None
    for hit in f.hits_in(q.close, min(sent.end, q.close + NEAR)):
        speaker = f.subject(sent, hit.start())
        if speaker:
            return speaker, (hit.group(), hit.start(), hit.end())
    return None


@ATTRIBUTIONS.rule("colon-paragraph-before", examples=(
    Example("Nadia Ferrante wrote to the board on Friday. In her letter she wrote:\n\n“I can no longer support "
            "this plan.”", "I can no longer support this plan.", "direct", "Nadia Ferrante"),
))
def colon_paragraph_before(f: QuoteFinder, q: Quoted, sent: Span, para: Span, kind: str) -> Answer | None:
    """A quotation opening its paragraph after "She wrote:" at the end of the one before."""
    text = f.text
    if kind != "direct" or text[para.start] not in "\"“‘'«„":
        return None
    pi = f.seg.paragraph_index(para.start)
    if pi <= 0:
        return None
    prev = f.seg.paragraphs[pi - 1]
    if text[prev.end - 1] != ":":
        return None
    hits = f.hits_in(max(prev.start, prev.end - NEAR), prev.end)
    if hits and len(word_list(text[hits[-1].end():prev.end])) <= 4:
        prev_sent = f.seg.sentence_at(hits[-1].start()) or prev
        speaker = f.subject(prev_sent, hits[-1].start())
        if speaker:
            return speaker, (hits[-1].group(), hits[-1].start(), hits[-1].end())
    return None


# An email's or memo's sender line: "From: Aldo Brennan", "FROM: Aldo Brennan <a@b.org>".
SENDER_LINE_RE = patterns.compile(r"^(?:From|FROM|Sender|SENDER)\s*:[ \t]*(?P<name>[A-Z][^\n<>@:]{1,60}?)[ \t]*(?:<[^>\n]*>|\([^)\n]*\))?[ \t]*$",
                            re.M)


@ATTRIBUTIONS.rule("sender-line", examples=(
    Example("The memo leaked on Friday.\n\nFrom: Aldo Brennan\nTo: All staff\n\n“I want to thank everyone for the "
            "extra hours this month.”", "I want to thank everyone for the extra hours this month.", "direct",
            "Aldo Brennan"),
))
def sender_line(f: QuoteFinder, q: Quoted, sent: Span, para: Span, kind: str) -> Answer | None:
    """An email or memo quoted under its header: the quotation is the sender's ("From: X"), when
    the header stands within a few lines before it and no other quotation comes between."""
    text = f.text
    if kind != "direct":
        return None
    lo = max(0, q.open - 400)
    i = f.quoted_index(q.open) - 1
    if i >= 0:
        lo = max(lo, f.quoted[i].close + 1)
    found = None
    for m in SENDER_LINE_RE.finditer(text, lo, q.open):
        found = m
    if found is None:
        return None
    a, b = found.start("name"), found.end("name")
    speaker = f.resolver.resolve_or_as_written(a, b)
    return (speaker, None) if speaker else None


@ATTRIBUTIONS.rule("partial-sentence-subject", examples=(
    Example("Senator Dana Whitlock attacked the budget for its “reckless cuts” to rural schools.",
            "reckless cuts", "partial", "Dana Whitlock"),
    Example("The Harlow Group defended its “fair and open process” before any closures.",
            "fair and open process", "partial", "Harlow Group"),
))
def partial_sentence_subject(f: QuoteFinder, q: Quoted, sent: Span, para: Span, kind: str) -> Answer | None:
    """A quoted phrase in a sentence with no verb of saying ("X decried the plan's “reckless cuts”",
    "X promised a “fair process”"): its words are those of the sentence's subject, when that is a
    person or an organisation named (or a pronoun for one)."""
    if kind != "partial":
        return None
    speaker = f.sentence_subject(sent, q.open)
    return (speaker, None) if speaker else None
