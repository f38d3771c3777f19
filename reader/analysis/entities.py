"""Named entities by rule: capitalised word runs, classified from the words in and around them.

One regular expression finds every run of capitalised words (with name particles such as "al-",
"de", "van" and the connectors "of"/"for" after words that take them: "University of Oxford").
Each run is then judged from evidence, strongest first: titles and roles before it ("President",
"spokesman"), organisation and place head words ("Ministry", "Province"), the gazetteer, nouns
around it ("the city of X", "the X neighbourhood", "the X movement"), datelines, prepositions ("in
X"), and finally its shape. Evidence is pooled per surface form and the winning label is spread to
every mention; a surname takes the label and canonical name of the full name it shortens.
"""

from __future__ import annotations

import re
import string
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass, field

from reader.analysis.lexicon import (
    COMMON_CAPS,
    COMPASS,
    COUNTRY_CODES,
    DEMONYMS,
    KNOWN_ORGS,
    MONTHS,
    NAME_NOUNS,
    ORG_HEADS,
    ORG_OPENERS,
    ORG_TAILS,
    PERSON_ROLES,
    PERSON_TITLES,
    PLACE_HEADS,
    PLACE_NOUNS,
    PLACE_OPENERS,
    PLACE_TAILS,
    REPORT_VERBS,
    TOPONYM_SUFFIXES,
    VENUE_NOUNS,
    WEEKDAYS,
    first_names,
    places,
    word_set,
)
from reader.analysis.model import Mention
from reader.analysis.segment import Segments

_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĖĘĚĜĞĠĢĤĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŖŘŚŜŞŠŢŤŪŮŰŲŴŶŹŻŽ"
_PREFIX = r"(?:(?:al|el|ad|as|an|ar|at|az|ash|bin|ibn|abu|de|da|di|du|la|le|van|von|der|den|d|o)[-’'])"
# Head words a possessive "'s" may precede inside a name ("St Agnes's Hospital", "Children's Trust").
_POSSESSIVE_HEADS = ("Hospital|Hospitals|School|College|Church|Cathedral|Chapel|Abbey|Infirmary|Hospice|Park|Hall|"
                     "Institute|Academy|Centre|Center|Square|Road|Street|Green|Court|Bay|Island|Head|Cross|Gate|"
                     "Home|Trust|Fund|Society|Club|Union|Association|League|Guild|Inn|Market|University|Wood")
_WORD = (rf"(?:(?:[A-Z]\.){{2,}}|(?:St|Mt|Ft)\.(?= [A-Z])|{_PREFIX}?[{_UPPER}][\w]*(?:[’'](?![sS]\b)\w+)*(?:-\w+)*"
         rf"(?:(?<=s)[’'](?= [A-Z])|[’']s(?= (?:{_POSSESSIVE_HEADS})\b))?)")
_CONNECTOR = r"(?: (?:of|for|de|del|della|di|da|du|van|von|der|den|la|le|bin|ibn|al|el|&|and)(?: the)? | )"
# The leading look-ahead is a single character-class test (capitals and the first letters of the
# name particles) that lets the scanner skip most positions cheaply; it matches exactly the same runs.
_FIRST_CHARS = _UPPER + "adeilbvo"
CANDIDATE_RE = re.compile(rf"(?=[{_FIRST_CHARS}])(?<![\w’'-]){_WORD}(?:{_CONNECTOR}{_WORD})*")
_WORD_RE = re.compile(_WORD)
# Possessive quantifiers: same matches, without backtracking at every start position of the search.
_PREV_RE = re.compile(r"(?:([A-Za-z][\w’'-]*+)[ ,]++)?([A-Za-z][\w’'-]*+)\.?[ ]*$")
_ABBREVIATED_TITLES = {"dr", "mr", "mrs", "ms", "prof", "gen", "sen", "rep", "gov", "col", "capt", "lt", "sgt", "rev",
                       "maj", "adm", "supt", "insp", "det", "cllr"}
_NEXT_RE = re.compile(r"(?:[’']s)?[ ]+(?:news )?([a-z][\w-]*)(?:[ ]([a-z][\w-]*))?")
_AGE_RE = re.compile(r", (?:\d{1,3}|aged \d{1,3}),")
_KIN_BEFORE_RE = re.compile(r"(?<![\w’'-])(?:son|daughter|wife|husband|brother|sister|mother|father|partner|friend"
                            r"|widow|widower|grandson|granddaughter|nephew|niece|cousin|fiancée?),[ ]$")
# "X, a payroll software maker,": an appositive whose head noun is an organisation's.
_DESCRIBED_AS_RE = re.compile(r",[ ](?:a|an|the|its|[A-Z][\w’'-]*[’']s)[ ](?:[\w’'-]+[ ]){0,4}?([a-z][\w-]*)"
                              r"(?=[,.;]|[ ](?:in|of|for|based|that|which|with|from)\b)")
# First words of football clubs' names abroad ("Deportivo Almaraz", "Sporting Lisbon").
_CLUB_OPENERS = frozenset({"deportivo", "atlético", "atletico", "sporting", "dynamo", "dinamo", "olympique",
                           "borussia", "lokomotiv", "spartak", "partizan", "hapoel", "maccabi", "eintracht"})
# Roles whose "of" names a place as often as an organisation ("mayor of London").
_PLACE_ROLES = frozenset({"mayor", "governor", "president", "minister", "ambassador", "envoy", "secretary", "senator",
                          "premier", "king", "queen", "prince", "princess", "resident", "residents", "citizen",
                          "general", "commander", "chief", "leader", "head", "official", "officials"})
# "the union, X": an organisation noun, then a comma, right before the name.
_APPOSITIVE_RE = re.compile(r"([A-Za-z][\w-]*+)[’']?s?,[ ]$")
_VOCAB_STRIP = "".join(c for c in string.punctuation if c != "-") + "“”‘’«»„…•·\u00a0\u202f"
DATELINE_RE = re.compile(r"([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)*)(?:, [A-Z][\w.]+(?: (?:[A-Z][\w.]+|\d{1,2}))?)? ?"
                         r"(?:\([^)]{1,30}\) ?)?[—–-]{1,2} ")

_OF_ABLE = ORG_HEADS | ORG_OPENERS | PERSON_TITLES | word_set("""
republic isle isles duke duchess earl kingdom state states house gulf sea bay cape strait province
city bank museum school governor secretary minister prince princess king queen emperor friends
festival championship championships cup games tour exhibition carnival fair
""")
_ORG_OF_HEADS = ORG_HEADS | ORG_OPENERS  # precomputed: unions inside loops rebuild big sets per word
_TITLES_ROLES = PERSON_TITLES | PERSON_ROLES
_NAME_PARTICLES = {"de", "del", "della", "di", "da", "du", "van", "von", "der", "den", "la", "le", "bin", "ibn",
                   "al", "el", "&"}
_PLACE_PREPS = {"in", "near", "across", "outside", "throughout", "around", "inside", "towards", "toward"}
_NOT_ACRONYMS = {"I", "A", "OK", "TV", "CEO", "CFO", "GDP", "PM", "AM", "MP", "MPs", "II", "III", "IV", "VI", "VII",
                 "VIII", "IX", "XI", "XII", "COVID", "AI", "ID", "PC", "FAQ", "HTML", "PDF", "USB", "DNA", "HIV",
                 "AIDS", "SUV", "CCTV", "QC", "KC", "JR", "SR", "LGBT", "NB", "PS", "GP", "GPs"}
_ORG_MODIFIERS = {"militant", "rebel", "armed", "terror", "terrorist", "jihadist", "extremist", "political",
                  "opposition", "football", "news", "media", "tech", "technology", "software", "investment",
                  "private", "state", "state-owned", "public", "insurance", "energy", "oil", "mining", "car",
                  "lobby", "advocacy", "pressure", "campaign", "research", "human", "civil", "rights", "trade",
                  "labour", "labor", "budget", "holding", "parent", "shipping", "logistics", "retail", "paramilitary",
                  "separatist", "insurgent", "islamist", "right-wing", "left-wing", "far-right", "environmental"}
_ADJ_HYPHEN_RE = re.compile(r"(.*[^\W_])-[a-z]+$")
_CONTRACTION_RE = re.compile(r"^(?:I|You|We|They|He|She|It|That|There|What|Who|Let)[’'](?:d|m|ll|ve|re|s)$")
_FUNCTION_CAPS = {"the", "a", "an", "and", "or", "but", "if", "in", "on", "at", "by", "to", "of", "for", "with",
                  "from", "as", "i", "this", "that", "these", "those", "it", "its", "he", "she", "we", "they", "his",
                  "her", "their", "our", "my", "your", "when", "while", "after", "before", "so", "not", "no"}
STRONG, MEDIUM, WEAK = 4, 2, 1
_STRONG_TITLES = word_set("""
minister secretary president governor chancellor director spokesman spokeswoman spokesperson
chairman chairwoman coach manager captain ambassador envoy commissioner mayor senator judge general
leader editor analyst economist professor executive ceo cfo premier prosecutor attorney inspector
detective sergeant superintendent constable chief goalkeeper striker midfielder defender winger
president-elect dr mr mrs ms speaker substitute keeper skipper full-back centre-back playmaker rookie boss
owner founder trainer jockey
""")
_ORG_BEFORE = word_set("""
operator company firm group carrier airline maker carmaker automaker retailer supermarket bank
insurer lender broadcaster newspaper club side team rival rivals startup start-up publisher
developer builder manufacturer supplier chain giant conglomerate regulator watchdog charity union
party network website app platform brand label studio shipyard yard
journal magazine tabloid daily agency institute university
""")
# Words before "Centre"/"Center" that make it an institution rather than a venue ("Research Centre").
_INSTITUTE_CENTRE = word_set("""
research policy studies study medical cancer science sciences data innovation health training strategic
legal law advice development excellence technology security
""")
_CENTRES = {"centre", "center"}
# Words of travel before "to": what follows is where someone went ("moved to X", "flew back to X").
_MOTION_WORDS = word_set("""
flew fly flies flying travelled traveled travel travels travelling traveling moved move moves moving
returned return returns returning drove drive drives driving sailed sail sailing headed head heads
heading went go goes going came come comes coming fled flee flees fleeing relocated relocate walked
walk marched march evacuated deported transferred transfer commute commuted commuting home back
trip journey flight flights route routes road rail ferry ferries train trains bus buses
""")
_FIRST_NAMES = first_names()
# Head nouns that are also common surnames: after a given name they make a person, not a venue or firm.
_SURNAME_NOUNS = word_set("""
mills green fields field cross fair power post court head heath press marsh hill wood lane row
bell page stone house banks brook rivers hall
""")
_SATURATED = 6  # judgements of one surface form before later ones reuse it
# Words a title-case headline leaves in lower case (articles, conjunctions, short prepositions).
_TITLE_SMALL_WORDS = frozenset({"a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by",
                                "in", "of", "off", "on", "per", "to", "up", "via", "vs", "with", "from", "into",
                                "over", "amid", "after", "than", "out", "is", "are", "be"})
_BYLINE_RE = re.compile(r"(?:by|from|with)\s", re.I)
_HEADLINE_NAME_WORDS = 4  # the longest name looked up inside a title-case headline


@dataclass(slots=True)
class _Candidate:
    start: int
    end: int
    text: str
    key: str
    votes: dict[str, int] = field(default_factory=dict)
    words: int = 1


def _in_dateline(text: str, para_start: int, pos: int) -> bool:
    """Is ``pos`` inside the dateline that opens the paragraph at ``para_start``?"""
    dateline = DATELINE_RE.match(text, para_start)
    return dateline is not None and pos < dateline.end()


def _key(surface: str) -> str:
    return surface.replace("’", "'")


def surname_key(surname: dict[str, str], key: str) -> str:
    """The key of the full name a surname shortens (or the surname itself)."""
    return _key(surname.get(key, key))


def _surname_forms(name: str) -> list[str]:
    """Short forms a full personal name is referred back by: "al-Assad" and "Assad"."""
    last = name.split()[-1]
    forms = [last]
    stripped = re.sub(r"^(?:al|el|ad|as|an|ar|at|az|ash|bin|ibn|abu)[-’']", "", last)
    if stripped != last and stripped[:1].isupper():
        forms.append(stripped)
    return forms


def _shape_votes(votes: dict[str, int], words: list[str], lows: list[str], in_places: bool, org_head: bool,
                 titled: bool, after_the: bool = False) -> tuple[bool, bool]:
    """Evidence from the shape of a multi-word name; returns (ends in a common noun, opens with a given name).

    A person needs positive evidence; a run ending in an ordinary noun of trade, events or
    publishing ("Dunmore Textiles", "Harlow Tour") is an organisation and one ending in a venue
    noun ("Kestrel Arena") a place, while a known given name ("Lena Hartigan") points to a person.
    Compass words name regions ("the North East", "South Riding").
    """
    if len(words) < 2 or titled or in_places:
        return False, False
    last = lows[-1]
    given = words[0] in _FIRST_NAMES and not after_the
    if len(words) == 2 and given and last in _SURNAME_NOUNS:
        votes["PERSON"] += STRONG + 1  # "Sarah Mills", "Tom Cross": a given name before a common surname
        return False, True
    if all(w in COMPASS for w in lows):
        votes["PLACE"] += STRONG + 1
        return True, False
    if last in VENUE_NOUNS and not org_head:
        votes["PLACE"] += MEDIUM + 1
        return True, False
    if last in NAME_NOUNS:
        votes["ORG"] += MEDIUM + 1
        return True, False
    if lows[0] in COMPASS and not org_head:
        votes["PLACE"] += MEDIUM
        return False, False
    if given and not org_head and last not in PLACE_HEADS and words[-1][:1].isupper():
        votes["PERSON"] += STRONG
        return False, True
    if last in COMPASS and not org_head:
        votes["PLACE"] += MEDIUM  # "Eastport Central", "Kelby North": a station or district
        return True, False
    return False, False


def _person_shape(words: list[str], gazetteer: frozenset[str]) -> bool:
    """Could these words be a personal name? Not when they begin or end in a known place or a word
    with a place-name ending ("Metrolink Eastport", "Harwich Ferries")."""
    return not any(w in gazetteer or _toponym_shape(w) for w in (words[0], words[-1]))


def _toponym_shape(word: str) -> bool:
    """A single title-case word with a place-name ending that is not a given name ("Varnholt", "Ardmore")."""
    return (len(word) >= 6 and word[:1].isupper() and word[1:].islower() and word.isalpha()
            and word.lower().endswith(TOPONYM_SUFFIXES) and word not in _FIRST_NAMES)


def lower_vocabulary(text: str) -> set[str]:
    """The lower-case ASCII words of ``text`` (two letters or more), used to tell a capitalised
    sentence opener that is an ordinary word ("Separately") from a name.

    Split on white space, full stops and dashes, with punctuation stripped from each distinct token:
    about three times faster than a regular expression over the whole text. Words with an inner
    apostrophe, hyphen or digit ("don't", "e-mail") are not words here.
    """
    tokens: set[str] = set()
    for line in text.splitlines():  # line by line keeps memory bounded on a book-length text
        tokens.update(line.replace(".", " ").replace("—", " ").replace("–", " ").replace("/", " ").split())
    return {w for w in (t.strip(_VOCAB_STRIP) for t in tokens)
            if len(w) > 1 and w.isascii() and w.isalpha() and w.islower()}


class EntityFinder:
    """Finds and labels the named entities of one text."""

    def __init__(self, text: str, segments: Segments) -> None:
        self.text = text
        self.segments = segments
        self.lower_vocab = lower_vocabulary(text)
        self.places = places()
        self._para_flags: dict[int, tuple[bool, bool]] = {}
        self._cache: dict[tuple[str, bool], list] = {}
        self._group_cache: dict[str, list[list[tuple[int, int]]]] = {}
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
        caps = sum(1 for w in words if w[:1].isupper() or w.lower() in _TITLE_SMALL_WORDS)
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
        return i < 0 or text[i] in ".!?:\n;|"

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
        """In a title-case headline, only names the rest of the text (or the gazetteers) know.

        "Mayor Defends Budget Cuts", "Chipmaker Halvorsen Warns of Slower Growth": when every word
        is capitalised, capitals say nothing, and a title ("Mayor") before capitalised verbs would
        make a person of them. The candidates found there are replaced by the longest word runs
        that are also found as names elsewhere in the text (they take those names' labels) or are
        known places and organisations, plus the candidates whose own words make them an
        organisation or a place.
        """
        heads = [p for i, p in enumerate(self.segments.paragraphs) if self._flags(i)[0]]
        if not heads:
            return cands
        head_starts = [p.start for p in heads]

        def in_head(pos: int) -> bool:
            i = bisect_right(head_starts, pos) - 1
            return i >= 0 and pos < heads[i].end

        body = [c for c in cands if not in_head(c.start)]
        known = {c.key for c in body if c.votes}
        for key in [k for k in known if " " in k]:  # "Halvorsen" for Halvorsen Semiconductor, "Okafor"
            known.add(key.split()[0])
            known.update(_surname_forms(key))
        text = self.text
        # A name that is an organisation or place by its own words ("Rushford Rovers" in a score
        # line, "Ministry of Health") stands even when the body does not repeat it.
        found = [c for c in cands if in_head(c.start) and max(c.votes.get("ORG", 0), c.votes.get("PLACE", 0)) >= STRONG]
        taken_starts = [c.start for c in found]  # sorted, as the candidates are
        for para in heads:
            lo, hi = bisect_left(taken_starts, para.start), bisect_left(taken_starts, para.end)
            taken = [(c.start, c.end) for c in found[lo:hi]]  # this headline's own names only
            words = [(a, b) for a, b in ((m.start(), m.end()) for m in _WORD_RE.finditer(text, para.start, para.end))
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
        text = self.text
        out: list[_Candidate] = []
        seg = self.segments
        judge = self._judge_cached
        groups_of = self._group_cache
        cache, para_starts, para_flags = self._cache, self._para_starts, self._para_flags
        for match in CANDIDATE_RE.finditer(text):
            token = match.group()
            offset = match.start()
            if token.isalnum():
                # Fast path, same outcome as _judge_cached: a single word mid-sentence whose form is
                # saturated, in a paragraph already known to be ordinary prose.
                if offset >= 2 and text[offset - 1] == " " and (text[offset - 2].isalnum() or text[offset - 2] == ","):
                    cached = cache.get((token, False))
                    if cached is not None and cached[0] >= _SATURATED:
                        flags = para_flags.get(bisect_right(para_starts, offset) - 1)
                        if flags is not None and not flags[0] and not flags[1]:
                            cached[0] += 1
                            if cached[1] is not None:
                                start, end = offset + cached[1], offset + len(token) - cached[2]
                                out.append(_Candidate(start, end, text[start:end], cached[3], {}, cached[4]))
                            continue
                cand = judge([(offset, match.end())], seg)
                if cand is not None:
                    out.append(cand)
                continue
            groups = groups_of.get(token)
            if groups is None:
                groups = groups_of[token] = self._groups(token)
            for rel in groups:
                cand = judge([(offset + a, offset + b) for a, b in rel], seg)
                if cand is not None:
                    out.append(cand)
        return out

    def _groups(self, token: str) -> list[list[tuple[int, int]]]:
        """Split one multi-word run into names, as offsets into ``token``: "US-backed" and "I'm"
        stand alone, and a gap word ("of", "and") joins two names only after words that take it.

        A pure function of the run's own characters, so each distinct run is split once per text.
        """
        words = [(w.start(), w.end()) for w in _WORD_RE.finditer(token)]
        last_low = token[words[-1][0]:words[-1][1]].lower()
        group: list[tuple[int, int]] = []
        groups: list[list[tuple[int, int]]] = []
        for word in words:
            piece = token[word[0]:word[1]]
            hyphen = _ADJ_HYPHEN_RE.match(piece) if "-" in piece else None
            if hyphen and piece[:1].isupper():
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
                        whole = lead in NAME_NOUNS and sum(token[a:b].lower() not in _FUNCTION_CAPS
                                                           for a, b in group) > 1
                        # "Peter Hall and Sarah Mills": two people, each opening with a given name.
                        people = piece in _FIRST_NAMES and token[group[0][0]:group[0][1]] in _FIRST_NAMES
                        keep = (gap == "and" and not people and ((last_low in ORG_HEADS and not whole) or opened)
                                and left not in self.places
                                and (len(group) == 1 or lead not in ORG_HEADS))
                    else:
                        # "UN Office for the Coordination of Humanitarian Affairs": once the run has an
                        # organisation's head, "of" goes on naming it.
                        keep = first in _NAME_PARTICLES or lead in _OF_ABLE or (
                            first in ("of", "for") and any(token[a:b].lower() in ORG_HEADS for a, b in group))
                    if not keep:
                        groups.append(group)
                        group = []
            group.append(word)
        if group:
            groups.append(group)
        return [part for g in groups for part in self._split_org_title(token, g)]

    @staticmethod
    def _split_org_title(token: str, group: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
        """"Fed Chair Jerome Powell", "BBC Director-General Tim Davie": a known organisation, then
        a title and a name, are two names, the organisation and the titled person."""
        if len(group) > 2 and token[group[0][0]:group[0][1]] in KNOWN_ORGS and \
                token[group[1][0]:group[1][1]].lower() in _TITLES_ROLES and \
                not token[group[0][1]:group[1][0]].strip():
            return [group[:1], group[1:]]
        return [group]

    def _judge_cached(self, grp: list[tuple[int, int]], seg: Segments) -> _Candidate | None:
        """Judge a word run; a form already judged often enough mid-sentence reuses that judgement.

        Evidence is pooled per surface form, so after a few occurrences another one rarely changes
        the label: skipping its context keeps long texts fast (linear with a small constant).
        """
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
        cache_key = (raw, initial)
        cached = self._cache.get(cache_key)
        if cached is not None and cached[0] >= _SATURATED and not flags[0] and not flags[1]:
            cached[0] += 1
            if cached[1] is None:
                return None
            start, end = raw_start + cached[1], raw_end - cached[2]
            return _Candidate(start, end, text[start:end], cached[3], {}, cached[4])
        cand = self._judge(grp, seg)
        if not flags[0] and not flags[1]:
            if cached is None:
                cached = self._cache[cache_key] = [0, None, 0, "", 0]
            cached[0] += 1
            if cand is None:
                cached[1] = None
            else:
                cached[1:] = [cand.start - raw_start, raw_end - cand.end, cand.key, cand.words]
        return cand

    def _judge(self, grp: list[tuple[int, int]], seg: Segments) -> _Candidate | None:
        text = self.text
        para_i = seg.paragraph_index(grp[0][0])
        titlecase, upper_block = self._flags(para_i)
        # Drop leading common words: function words anywhere ("The"), and at a sentence's start any word
        # the text also uses in lower case ("Hundreds", "Separately"), unless it begins a known name.
        while grp:
            first = text[grp[0][0]:grp[0][1]]
            low = first.lower()
            if first.isupper() and len(first) > 1:
                break
            known = any(text[grp[0][0]:grp[k][1]] in self.places or text[grp[0][0]:grp[k][1]] in KNOWN_ORGS
                        for k in range(min(len(grp), 4)))
            if known:
                break
            if len(grp) > 1 and low in _ORG_OF_HEADS and text[grp[0][1]:grp[1][0]].strip() in ("of", "for"):
                break  # "Bank of England", "Ministry of Health" opening a sentence keep their head
            if low in _FUNCTION_CAPS:
                grp = grp[1:]
                continue
            initial = self._sentence_initial(grp[0][0])
            if initial and ((low in COMMON_CAPS and low not in WEEKDAYS and low not in MONTHS)
                            or low in self.lower_vocab):
                grp = grp[1:]
                continue
            if low in COMMON_CAPS and low not in WEEKDAYS and low not in MONTHS and len(grp) == 1:
                grp = grp[1:]
                continue
            break
        # A trailing party or nationality word is not part of the name ("an Arizona Democrat").
        if len(grp) > 1 and text[grp[-1][0]:grp[-1][1]].lower().rstrip("s") in DEMONYMS:
            grp = grp[:-1]
        if not grp:
            return None
        # "UN Secretary-General", "BBC Director-General": a known organisation before a title is
        # that organisation; the title belongs to the person named next.
        if len(grp) > 1 and text[grp[0][0]:grp[0][1]] in KNOWN_ORGS and all(
                text[a:b].lower() in _TITLES_ROLES for a, b in grp[1:]):
            grp = grp[:1]
        start, end = grp[0][0], grp[-1][1]
        # Strip a gap connector left at the front by dropping words ("of Syria").
        words = [text[a:b] for a, b in grp]
        lows = [w.lower().rstrip(".") for w in words]
        if len(grp) == 1 and (lows[0] in WEEKDAYS or lows[0] in MONTHS):
            cand = _Candidate(start, end, words[0], _key(words[0]))
            cand.votes["DATE"] = STRONG
            return cand
        if upper_block and not (grp[0][0] == seg.paragraphs[para_i].start and DATELINE_RE.match(text, start)):
            return None
        votes: dict[str, int] = defaultdict(int)
        surface = text[start:end]
        key = _key(surface)
        last = lows[-1]
        in_places = surface in self.places
        # Organisation evidence from the name itself.
        venue_centre = last in _CENTRES and not any(w in _INSTITUTE_CENTRE for w in lows[:-1])
        org_head = (last in ORG_HEADS and not venue_centre) or any(
            lows[i] in _ORG_OF_HEADS and text[grp[i][1]:grp[i + 1][0]].strip().split()[:1] in (["of"], ["for"])
            for i in range(len(grp) - 1))
        if not org_head and len(grp) > 2:
            # "King's College London", "University College London": an institution named with its city.
            org_head = any(lows[i] in ORG_HEADS and text[grp[i + 1][0]:end] in self.places
                           for i in range(1, len(grp) - 1))
        if len(grp) > 1 and lows[0] in _CLUB_OPENERS and not in_places and last not in PLACE_HEADS:
            votes["ORG"] += MEDIUM  # "Deportivo Almaraz": evidence, not proof ("Sporting Director X")
        if surface in KNOWN_ORGS:
            votes["ORG"] += STRONG
        elif len(grp) > 1 and words[0] in KNOWN_ORGS and not in_places:
            votes["ORG"] += STRONG + 1  # "BBC Radio Scotland", "NHS England"
        if org_head and len(grp) > 1 and not in_places:
            votes["ORG"] += STRONG + 1
        if " & " in surface:
            votes["ORG"] += STRONG + 1
        if in_places:
            votes["PLACE"] += STRONG + 1
        elif len(grp) > 1 and (last in PLACE_HEADS or lows[0] in PLACE_OPENERS) and not org_head:
            votes["PLACE"] += STRONG
        # A leading demonym that is not part of an organisation's or place's name is its own NORP.
        if len(grp) > 1 and lows[0] in DEMONYMS and not org_head and not in_places:
            grp, words, lows = grp[1:], words[1:], lows[1:]
            start = grp[0][0]
            surface = text[start:end]
            key = _key(surface)
            in_places = surface in self.places
            if in_places:
                votes["PLACE"] += STRONG + 1
            if surface in KNOWN_ORGS:
                votes["ORG"] += STRONG
        # Titles before a personal name: strip them from the mention.
        titled = False
        place_head = len(grp) > 1 and (last in PLACE_HEADS or lows[0] in PLACE_OPENERS)
        if not org_head and not in_places and not place_head:
            # Strip the whole title chain: "Economy Minister", "Goalkeeper", "Bank of England Governor".
            cut = -1
            for j in range(len(lows) - 1):
                if lows[j] in _STRONG_TITLES or (j == cut + 1 and lows[j] in _TITLES_ROLES):
                    cut = j
            if cut >= 0 and not (lows[cut + 1] in PERSON_TITLES and cut + 2 >= len(lows)):
                titled = True
                grp, words, lows = grp[cut + 1:], words[cut + 1:], lows[cut + 1:]
            elif len(grp) > 1 and all(w in _TITLES_ROLES for w in lows):
                return None
        if titled:
            if all(w in PERSON_TITLES for w in lows):
                return None
            start = grp[0][0]
            surface = text[start:end]
            key = _key(surface)
            votes = defaultdict(int, {"PERSON": STRONG + 1})
        if len(grp) == 1 and (lows[0] in DEMONYMS or lows[0].rstrip("s") in DEMONYMS) and not votes:
            cand = _Candidate(start, end, surface, key)
            cand.votes["NORP"] = STRONG
            return cand
        if len(grp) == 1 and lows[0] in _TITLES_ROLES and not votes:
            return None
        cand = _Candidate(start, end, surface, key, words=len(grp))
        if surface in COUNTRY_CODES and not in_places:
            votes["PLACE"] += STRONG + 1  # "NZ", "PNG": a country's abbreviation is not an organisation
            in_places = True
        # Context before: roles, place nouns, prepositions.
        prev = _PREV_RE.search(text, max(0, start - 40), start)
        p1 = p2 = ""
        if prev and prev.end() == start:
            p2 = (prev.group(1) or "").lower()
            p1 = prev.group(2).lower()
        # "the Albert Hall": a personal name does not take "the", so a given name is no evidence there.
        noun_tail, first_named = _shape_votes(votes, words, lows, in_places, org_head, titled, p1 == "the")
        if (p1 in PERSON_ROLES or p1 in _ABBREVIATED_TITLES) and text[start - 1] == " ":
            votes["PERSON"] += STRONG
        elif p1 in _ORG_BEFORE and text[start - 1] == " ":
            votes["ORG"] += STRONG
        if p1 in PLACE_NOUNS or (p1 in {"of", "in"} and p2 in PLACE_NOUNS):
            votes["PLACE"] += STRONG
        elif p1 in _PLACE_PREPS or (p1 == "the" and p2 in _PLACE_PREPS and last in PLACE_HEADS):
            votes["PLACE"] += MEDIUM
        elif p1 == "from":
            votes["PLACE"] += WEAK
        elif p1 in ("to", "towards", "toward") and p2 in _MOTION_WORDS:
            votes["PLACE"] += MEDIUM  # "flew home to Varnholt", "travelled to Kessa"
        if not p1 and not titled:
            appositive = _APPOSITIVE_RE.search(text, max(0, start - 30), start)
            if appositive and appositive.group(1).lower() in _ORG_BEFORE:
                votes["ORG"] += STRONG  # "the library workers' union, AFSCME Local 17, warned"
        if (len(grp) > 1 and 3 <= len(words[0]) <= 6 and words[0].isupper() and words[0].isalpha()
                and not in_places and words[0] not in COUNTRY_CODES and words[0] not in self.places and not titled
                and not surface.isupper()):
            votes["ORG"] += MEDIUM  # "AFSCME Local", "NASA Ames": an acronym heads an organisation's name
        if p1 in ("of", "at") and p2 in PERSON_ROLES and p2 not in _PLACE_ROLES and not in_places:
            votes["ORG"] += MEDIUM  # "operations director of Halsall Aggregates", "economist at Calder Rowe"
        elif p1 == "of" and p2 in {"group", "groups", "members", "member", "leader", "leaders", "militants",
                                 "spokesman", "spokeswoman", "head", "chief", "ranks"}:
            votes["ORG"] += MEDIUM
        # Context after: place and organisation nouns, ages, speech verbs.
        nxt = _NEXT_RE.match(text, end)
        n1 = n2 = ""
        if nxt:
            n1, n2 = nxt.group(1), nxt.group(2) or ""
            possessive = text[end:end + 3] in ("’s ", "'s ")
            if "news" in nxt.group(0)[:12] and n1 in {"agency", "service", "network", "channel", "website"}:
                votes["ORG"] += STRONG
            elif n1 in PLACE_TAILS and not possessive:
                votes["PLACE"] += STRONG
            elif n1 in ORG_TAILS and not (possessive and first_named):
                votes["ORG"] += STRONG if n1 not in {"officials", "official", "government", "militants"} else MEDIUM
            elif n2 in ORG_TAILS and not possessive and n2 not in {"officials", "official", "government"} \
                    and n1 in _ORG_MODIFIERS:
                votes["ORG"] += STRONG
            elif n2 in PLACE_TAILS and not possessive and n1 in {"border", "city", "town", "old", "eastern",
                                                                "western", "northern", "southern", "central"}:
                votes["PLACE"] += MEDIUM
            elif n1 in REPORT_VERBS and len(grp) > 1 and not org_head and not noun_tail:
                if first_named or _person_shape(words, self.places):
                    votes["PERSON"] += MEDIUM
                else:
                    votes["_SPEAKER"] += 1  # "Metrolink Eastport says": a speaker, not shaped like a person
            elif n1 in REPORT_VERBS and len(grp) == 1 and not in_places and not self._sentence_initial(start):
                votes["_SPEAKER"] += 1
        if _AGE_RE.match(text, end):
            votes["PERSON"] += STRONG
        if len(grp) == 1 and words[0] in _FIRST_NAMES and _KIN_BEFORE_RE.search(text, max(0, start - 16), start):
            votes["PERSON"] += STRONG  # "Her son, David, said": a given name in apposition to a relative
        described = _DESCRIBED_AS_RE.match(text, end)
        if described and described.group(1).lower() in _ORG_BEFORE:
            votes["ORG"] += STRONG  # "Pathwise, a payroll software maker, ..."
        if start == seg.paragraphs[para_i].start and DATELINE_RE.match(text, start) and surface.isupper():
            votes["PLACE"] += STRONG
        elif text[start - 1:start] == "(" and text[end:end + 1] == ")" and not in_places and \
                _in_dateline(text, seg.paragraphs[para_i].start, start):
            votes = defaultdict(int, {"ORG": STRONG + 1})  # "LONDON (Harbourline) —": the agency
        if surface.replace(".", "").isupper() and len(surface.replace(".", "")) >= 2 and surface not in _NOT_ACRONYMS:
            if not in_places:
                votes["ORG"] += MEDIUM
        elif surface.isupper() and len(grp) == 1:
            return None
        cand.votes.update(votes)
        if (len(grp) > 1 and not votes and not titlecase and all(w[:1].isupper() for w in words)
                and _person_shape(words, self.places)):
            cand.votes["PERSON"] = WEAK
        elif len(grp) == 1 and not votes and _toponym_shape(surface):
            cand.votes["_TOPONYM"] = 1  # "flew home to Varnholt": a place-name ending, the last resort
        cand.text, cand.start, cand.key = surface, start, key
        return cand

    def _coordinate(self, cands: list[_Candidate]) -> None:
        """"X and Y districts": X shares the strong place or organisation evidence Y has from its tail."""
        text = self.text
        for i in range(len(cands) - 2, -1, -1):
            a, b = cands[i], cands[i + 1]
            gap = text[a.end:b.start]
            if gap == " to " and text[max(0, a.start - 5):a.start] == "from ":
                # "from Wrexham to Felixstowe": the end of a route is a place like its start.
                if max(b.votes.values(), default=0) <= WEAK and a.votes.get("PLACE", 0) >= STRONG:
                    b.votes["PLACE"] = b.votes.get("PLACE", 0) + MEDIUM
                continue
            if gap not in (" and ", ", ", " or ", ", and "):
                continue
            for x, y in ((a, b), (b, a)):
                if max(x.votes.values(), default=0) <= WEAK:
                    for label in ("PLACE", "ORG"):
                        if y.votes.get(label, 0) >= STRONG:
                            x.votes[label] = x.votes.get(label, 0) + MEDIUM

    def _resolve(self, cands: list[_Candidate]) -> list[Mention]:
        totals: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        first_form: dict[str, str] = {}
        for c in cands:
            first_form.setdefault(c.key, c.text)
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
        for key, label in label_of.items():
            if label == "PERSON" and " " in key:
                for form in _surname_forms(key):
                    surname.setdefault(form, first_form[key])
            elif label == "ORG" and " " in key:
                org_first.setdefault(key.split()[0], first_form[key])
                initials = "".join(w[0] for w in key.split() if w[:1].isupper())
                if len(initials) >= 2:
                    org_initials.setdefault(initials, first_form[key])
        canonical: dict[str, str] = {}
        for key in list(totals) + [c.key for c in cands if c.key not in totals]:
            if " " in key:
                continue
            best_other = max((v for k, v in totals.get(key, {}).items() if k != "PERSON"), default=0)
            limit = STRONG + 1 if totals[surname_key(surname, key)]["PERSON"] > WEAK else WEAK
            if key in surname and best_other <= limit:
                label_of[key] = "PERSON"
                canonical[key] = surname[key]
            elif key in org_first and max(totals.get(key, {}).values(), default=0) < STRONG:
                label_of[key] = "ORG"
                canonical[key] = org_first[key]
            elif key.isupper() and key in org_initials and label_of.get(key) == "ORG":
                canonical[key] = org_initials[key]  # "FDA" is the Food and Drug Administration
        mentions: list[Mention] = []
        for c in cands:
            if c.key not in label_of and c.votes.get("_SPEAKER"):
                # A named speaker with no other evidence: a lone given name is a person ("as Colin
                # said"); otherwise an organisation, since people come with full names.
                label_of[c.key] = "PERSON" if c.key in _FIRST_NAMES else "ORG"  # a named speaker with no other evidence: people come with full names
        for c in cands:
            if c.key not in label_of and c.votes.get("_TOPONYM"):
                label_of[c.key] = "PLACE"  # no evidence but a place-name shape, and no longer name it shortens
        for c in cands:
            label = label_of.get(c.key)
            if label is None:
                continue  # no evidence at all: a capitalised word, not a name we can type
            name = canonical.get(c.key) or first_form[c.key]
            mentions.append(Mention(c.text, label, c.start, c.end, name))
        return mentions
