"""Word lists the entity finder and its rules share (the general lists live in ``lexicon``).

Kept apart from ``entity_rules`` so the rules read as rules, and from ``entities`` so the finder
(candidates, trimming, pooling) and the votes can both use them without importing each other.
"""

from __future__ import annotations

from reader import patterns
from reader.analysis.lexicon import (
    ORG_HEADS,
    ORG_OPENERS,
    PERSON_ROLES,
    PERSON_TITLES,
    data_text,
    first_names,
    word_set,
)

STRONG, MEDIUM, WEAK = 4, 2, 1


def data_words(name: str) -> frozenset[str]:
    """The words of ``data/NAME.txt``, one a line (``#`` comments and blank lines skipped)."""
    raw = data_text(f"{name}.txt")
    return frozenset(line.strip() for line in raw.splitlines() if line.strip() and not line.startswith("#"))


ABBREVIATED_TITLES = frozenset({"dr", "mr", "mrs", "ms", "prof", "gen", "sen", "rep", "gov", "col", "capt", "lt",
                                "sgt", "rev", "maj", "adm", "supt", "insp", "det", "cllr"})
# First words of football clubs' names abroad ("Deportivo Almaraz", "Sporting Lisbon").
CLUB_OPENERS = frozenset({"deportivo", "atlético", "atletico", "sporting", "dynamo", "dinamo", "olympique",
                          "borussia", "lokomotiv", "spartak", "partizan", "hapoel", "maccabi", "eintracht"})
# Opening words of schools, theatres and banks named in French, Spanish, Italian, German or
# Portuguese ("Instituto Gonzaga", "Conservatoire de Paris", "Théâtre National Populaire").
INSTITUTION_OPENERS = frozenset({
    "instituto", "institut", "istituto", "universidad", "universidade", "università", "universität", "université",
    "colegio", "collegio", "liceo", "lycée", "conservatoire", "conservatorio", "théâtre", "teatro", "banco", "banque",
    "banca", "fundación", "fondation", "fondazione", "stiftung", "academia", "accademia", "académie", "akademie",
    "escuela", "scuola", "hochschule", "gymnasium", "partido", "parti", "partito", "compagnie", "compañía"})
# Titles of nobility, which name an office "of" a place ("Earl of Snowdon", "Duke of Kent").
NOBLE_TITLES = frozenset({"earl", "duke", "duchess", "count", "countess", "baron", "baroness", "marquess",
                          "marquis", "viscount", "viscountess"})
# Roles whose "of" names a place as often as an organisation ("mayor of London").
PLACE_ROLES = frozenset({"mayor", "governor", "president", "minister", "ambassador", "envoy", "secretary", "senator",
                         "premier", "king", "queen", "prince", "princess", "resident", "residents", "citizen",
                         "general", "commander", "chief", "leader", "head", "official", "officials"})
OF_ABLE = ORG_HEADS | ORG_OPENERS | PERSON_TITLES | word_set("""
republic isle isles duke duchess earl kingdom state states house gulf sea bay cape strait province
city bank museum school governor secretary minister prince princess king queen emperor friends
festival championship championships cup games tour exhibition carnival fair
""")
ORG_OF_HEADS = ORG_HEADS | ORG_OPENERS  # precomputed: unions inside loops rebuild big sets per word
TITLES_ROLES = PERSON_TITLES | PERSON_ROLES
NAME_PARTICLES = frozenset({"de", "del", "della", "di", "da", "du", "van", "von", "der", "den", "la", "le", "bin",
                            "ibn", "al", "el", "&"})
PLACE_PREPS = frozenset({"in", "near", "across", "outside", "throughout", "around", "inside", "towards", "toward"})
NOT_ACRONYMS = data_words("not_acronyms")
PLACE_ABBREVIATIONS = data_words("place_abbreviations")
BUILDING_NOUNS = data_words("building_nouns")
REGIONS = data_words("regions")
# Endings of surnames across Europe and beyond ("Gorbachev", "Kowalski", "Petrenko", "Papadopoulos").
SURNAME_SUFFIXES = ("ov", "ova", "ev", "eva", "sky", "ski", "ska", "enko", "vich", "vic", "wicz", "escu", "poulos",
                    "oglu", "yan", "shvili", "dze")
HYPHEN_ADJECTIVES = data_words("hyphen_adjectives")
# Heads of a building that an institution is named with ("Broad Art Museum", "the National
# Archives", "Guangzhou Opera House"): the name is the place, as GUM and OntoNotes (FAC) read it.
FACILITY_HEADS = frozenset({"museum", "museums", "archive", "archives", "opera house", "playhouse"})
# The commonest English words, lower case, given names left out ("global", "sea", "creative"):
# a capitalised run opening with one is seldom a personal name.
COMMON_WORDS = data_words("common_words")
# Roman numerals up to 39 ("XVII", "Henry VIII"): numbers, not acronyms (larger ones spell words: "MIX").
ROMAN_RE = patterns.compile(r"X{0,3}(?:IX|IV|V?I{0,3})")
# Modifiers between a name and an organisation noun after it ("X militant group", "X news agency").
ORG_MODIFIERS = frozenset({
    "militant", "rebel", "armed", "terror", "terrorist", "jihadist", "extremist", "political", "opposition",
    "football", "news", "media", "tech", "technology", "software", "investment", "private", "state",
    "state-owned", "public", "insurance", "energy", "oil", "mining", "car", "lobby", "advocacy", "pressure",
    "campaign", "research", "human", "civil", "rights", "trade", "labour", "labor", "budget", "holding", "parent",
    "shipping", "logistics", "retail", "paramilitary", "separatist", "insurgent", "islamist", "right-wing",
    "left-wing", "far-right", "environmental"})
FUNCTION_CAPS = frozenset({"the", "a", "an", "and", "or", "but", "if", "in", "on", "at", "by", "to", "of", "for",
                           "with", "from", "as", "i", "this", "that", "these", "those", "it", "its", "he", "she", "we",
                           "they", "his", "her", "their", "our", "my", "your", "when", "while", "after", "before",
                           "so", "not", "no"})
STRONG_TITLES = word_set("""
minister secretary president governor chancellor director spokesman spokeswoman spokesperson
chairman chairwoman coach manager captain ambassador envoy commissioner mayor senator judge general
leader editor analyst economist professor executive ceo cfo premier prosecutor attorney inspector
detective sergeant superintendent constable chief goalkeeper striker midfielder defender winger
president-elect dr mr mrs ms speaker substitute keeper skipper full-back centre-back playmaker rookie boss
owner founder trainer jockey
""")
# Nouns for an organisation right before its name ("the carmaker Volta", "the union, AFSCME Local 17,").
ORG_BEFORE = word_set("""
operator company firm group carrier airline maker carmaker automaker retailer supermarket bank
insurer lender broadcaster newspaper club side team rival rivals startup start-up publisher
developer builder manufacturer supplier chain giant conglomerate regulator watchdog charity union
party network website app platform brand label studio shipyard yard
journal magazine tabloid daily agency institute university
""")
# Words before "Centre"/"Center" that make it an institution rather than a venue ("Research Centre").
INSTITUTE_CENTRE = word_set("""
research policy studies study medical cancer science sciences data innovation health training strategic
legal law advice development excellence technology security
""")
CENTRES = frozenset({"centre", "center"})
# Words of travel before "to": what follows is where someone went ("moved to X", "flew back to X").
MOTION_WORDS = word_set("""
flew fly flies flying travelled traveled travel travels travelling traveling moved move moves moving
returned return returns returning drove drive drives driving sailed sail sailing headed head heads
heading went go goes going came come comes coming fled flee flees fleeing relocated relocate walked
walk marched march evacuated deported transferred transfer commute commuted commuting home back
trip journey flight flights route routes road rail ferry ferries train trains bus buses
""")
# Nouns of a group right before "of X": X is an organisation ("members of X", "a spokesman of X").
GROUP_OF = frozenset({"group", "groups", "members", "member", "leader", "leaders", "militants", "spokesman",
                      "spokeswoman", "head", "chief", "ranks"})
# Kinship nouns before an appositive given name ("Her son, David, said").
KIN_NOUNS = ("sons?|daughters?|wife|wives|husbands?|brothers?|sisters?|mother|father|parents|children|partner"
             "|friend|widow|widower|grandsons?|granddaughters?|nephews?|nieces?|cousins?|fiancée?")
# Verbs of a life's events before "in"/"at": what follows is a place ("born at X", "buried in X").
LIFE_EVENTS = frozenset({"born", "died", "buried", "raised", "lived", "settled", "interred", "reinterred",
                         "baptised", "baptized", "executed", "imprisoned", "stationed", "exiled", "married",
                         "murdered", "killed", "grew", "resides", "resided", "lives", "living"})
# What a newspaper or broadcaster does with a story ("the Guardian cited", "the Times reported").
PUBLISHING_VERBS = frozenset({"cited", "cites", "quoted", "quotes", "published", "publishes", "reported", "reports",
                              "printed", "prints", "wrote", "writes", "revealed", "reveals", "obtained", "obtains",
                              "broadcast", "broadcasts", "aired", "airs"})
# Newsroom staff after a name: the name is the outlet ("a Wikinews reporter", "Gazette columnist").
OUTLET_STAFF = frozenset({"reporter", "reporters", "correspondent", "correspondents", "columnist", "columnists",
                          "journalist", "journalists"})
FIRST_NAMES = first_names()
# Head nouns that are also common surnames: after a given name they make a person, not a venue or firm.
SURNAME_NOUNS = word_set("""
mills green fields field cross fair power post court head heath press marsh hill wood lane row
bell page stone house banks brook rivers hall close
""")
# Words a title-case headline leaves in lower case (articles, conjunctions, short prepositions).
TITLE_SMALL_WORDS = frozenset({"a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by",
                               "in", "of", "off", "on", "per", "to", "up", "via", "vs", "with", "from", "into",
                               "over", "amid", "after", "than", "out", "is", "are", "be"})
