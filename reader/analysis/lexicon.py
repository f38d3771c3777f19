"""Word lists the rule engine reasons with: titles, roles, organisation and place heads, demonyms,
speech verbs and the nominal references a speaker can hide behind.

Everything here is general English news vocabulary, written for this project from the usual public
lists (textacy's and the Gender Gap Tracker's reporting verbs, style-guide title lists); nothing names
a particular article's people. Lookups are on lower-cased words unless said otherwise.
"""

from __future__ import annotations

import os
import re
from functools import cache

from reader import patterns


def word_set(block: str) -> frozenset[str]:
    """A word list written as a whitespace-separated block."""
    return frozenset(block.split())


def data_text(name: str) -> str:
    """The text of ``data/NAME`` in this package, read as the file it is where reader is installed
    (importlib.resources' machinery would add 4-5 ms to every start for the same bytes)."""
    with open(os.path.join(os.path.dirname(__file__), "data", name), encoding="utf-8") as file:
        return file.read()

# Titles written before a name, capitalised ("Foreign Minister Sergei Lavrov", "Dr Jane Smith").
PERSON_TITLES: frozenset[str] = word_set("""
mr mrs ms miss mx dr prof professor sir dame lord lady rev reverend father sister brother president
vice premier chancellor minister secretary senator sen rep representative congressman congresswoman
governor gov mayor judge justice ambassador envoy general gen colonel col major maj captain capt
lieutenant lt sergeant sgt admiral adm commander commissioner chairman chairwoman chair king queen
prince princess emperor pope cardinal bishop archbishop imam rabbi sheikh ayatollah coach manager
chief director inspector detective officer constable superintendent agent prime foreign defence
pc dc ds di dci dsi wpc insp supt det
defense interior finance health education trade justice home deputy acting former late first lady
spokesman spokeswoman spokesperson attorney state secretary-general councillor councilman
councilwoman alderman assemblyman assemblywoman speaker leader mp mep dean provost rector chancellor
principal cabinet
""")

# Lower-case roles right before a name ("spokesman Dmitry Peskov", "striker Harry Kane").
PERSON_ROLES: frozenset[str] = word_set("""
spokesman spokeswoman spokesperson envoy minister secretary president chairman chairwoman chair
director manager coach striker midfielder defender goalkeeper forward winger captain player analyst
economist professor researcher scientist author writer lawyer attorney founder leader head officer
official ambassador correspondent editor reporter senator lawmaker actor actress singer artist chef
doctor nurse teacher student investor trader strategist executive ceo cfo boss chief commander
general governor mayor candidate striker batsman bowler driver
secretary-general director-general attorney-general solicitor-general inspector-general vice-president
vice-chancellor vice-chair editor-in-chief commander-in-chief coroner
rider cyclist runner sprinter swimmer boxer fighter colleague teammate son daughter wife husband
mother father brother sister partner friend neighbour neighbor resident witness activist campaigner
blogger journalist historian philosopher physicist chemist biologist astronomer engineer designer
architect entrepreneur billionaire banker broker prosecutor judge detective inspector deputy adviser
advisor aide counsel consultant surgeon physician psychologist sociologist novelist poet director-
general chancellor premier undersecretary
""")

# Short forms of roles written before a name ("Gov. Ann Lee" is the governor, "Sen." the senator).
ROLE_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "governor": ("gov.",), "senator": ("sen.",), "congressman": ("rep.",), "congresswoman": ("rep.",),
    "representative": ("rep.",), "general": ("gen.",), "president": ("pres.",), "professor": ("prof.",),
    "lieutenant": ("lt.",), "captain": ("capt.",), "commander": ("cmdr.",),
}

# Offices held for a place ("the Indiana governor", "the Vermont senator"): the place names the office,
# so the holder is whoever was named with that place and office, not whoever was named last.
PLACE_OFFICES: frozenset[str] = word_set("""
governor senator congressman congresswoman representative mayor lawmaker legislator attorney-general
lieutenant-governor
""")

# Words that end an organisation's name ("Russian Defense Ministry", "Arsenal FC").
ORG_HEADS: frozenset[str] = word_set("""
ministry agency authority council committee commission department office bank corp corporation inc
incorporated ltd limited plc llc llp gmbh ag sa co company group party army forces force police
court parliament congress senate assembly union association federation foundation institute
university college school academy hospital clinic observatory news press times post journal herald
tribune gazette telegraph guardian network television tv radio broadcasting airlines airways airline
motors technologies technology systems labs laboratories laboratory partners capital holdings bureau
service services board trust fund organization organisation movement front brigade brigades guard
navy command coalition alliance club society church reserve exchange centre center museum unit fc cf
afc united rovers wanderers athletic hotspur industries enterprises solutions pharmaceuticals pharma
energy petroleum oil media studios records publishing magazine review monitor watch institution
secretariat cabinet administration government regime council league analytics securities logistics
ferries freight shipping consulting insurance ventures brands foods retail stores markets software
semiconductor semiconductors therapeutics biotech robotics aerospace dynamics electric power
utilities mining steel chemicals resources investments advisors advisers associates management
communications telecom telecoms wireless entertainment games pictures films music books caucus city
town house library research shipyard shipyards works mills brewery bakery lines rail railways
railway transport buses trains motorsport racing circuit guild bee restoration
tribunal tribunals inquiry ombudsman regulator thistle albion rangers harriers academicals
programme program international repairs ledger liga forum schools corps brotherhood sisterhood
fellowship
""")

# Words that open an organisation's name before "of" ("University of Oxford", "Bank of England").
ORG_OPENERS: frozenset[str] = word_set("""
university bank ministry department institute council office church college school academy
federation association organization organisation league court board chamber society union house
museum army party order commission committee agency elections corps brotherhood sisterhood
fellowship
""")

# Words that end a place's name ("Idlib Province", "Red Sea", "Main Street").
PLACE_HEADS: frozenset[str] = word_set("""
province region district county state prefecture governorate oblast territory street avenue road
square boulevard lane valley river mountains mountain mount hills island islands bay sea ocean lake
peninsula strait gulf desert coast plateau canyon park bridge airport harbour harbor port village
heights neighbourhood neighborhood quarter camp hall estate country countryside
""")

# Place words written before the name ("Mount Everest", "Lake Como").
PLACE_OPENERS: frozenset[str] = word_set("""
mount lake cape fort port saint st san santa river loch glen isle
""")

# Lower-case nouns right before a name that make it a place ("the city of X", "village of X").
PLACE_NOUNS: frozenset[str] = word_set("""
city town village villages towns cities capital province region district county state country
neighbourhood neighborhood suburb island port area areas municipality governorate oblast
""")

# Lower-case nouns right after a name that make it a place ("the Bustan al-Qasr neighbourhood").
PLACE_TAILS: frozenset[str] = word_set("""
neighbourhood neighborhood neighbourhoods neighborhoods district districts province provinces region
regions states counties area
suburb village villages town city border valley river camp governorate county
""")

# Lower-case nouns right after a name that make it an organisation ("the Hezbollah movement").
ORG_TAILS: frozenset[str] = word_set("""
movement group militia party agency company firm newspaper broadcaster channel network club team
bank government ministry spokesman spokeswoman spokesperson officials official militants fighters
rebels organisation organization website magazine daily startup union coalition alliance
""")

# Nationality and group adjectives (NORP): "Russian", "Syrian", "Lebanese".
DEMONYMS: frozenset[str] = word_set("""
afghan albanian algerian american andorran angolan argentine argentinian armenian australian
austrian azerbaijani bahraini bangladeshi belarusian belgian bolivian bosnian brazilian british
bulgarian burmese cambodian cameroonian canadian chilean chinese colombian congolese croatian cuban
cypriot czech danish dutch ecuadorian egyptian emirati english eritrean estonian ethiopian european
finnish french georgian german ghanaian greek guatemalan haitian honduran hungarian icelandic indian
indonesian iranian iraqi irish israeli italian ivorian jamaican japanese jordanian kazakh kenyan
korean kosovan kurdish kuwaiti kyrgyz lao latvian lebanese liberian libyan lithuanian macedonian
malagasy malaysian malian maltese mexican moldovan mongolian montenegrin moroccan mozambican
namibian nepalese nigerian nigerien norwegian omani pakistani palestinian panamanian paraguayan
peruvian philippine filipino polish portuguese qatari romanian russian rwandan saudi scottish
senegalese serbian singaporean slovak slovenian somali african spanish sudanese swedish swiss syrian
taiwanese tajik tanzanian thai tunisian turkish turkmen ugandan ukrainian uruguayan uzbek venezuelan
vietnamese welsh yemeni zambian zimbabwean western eastern arab asian latin shia shiite sunni muslim
christian jewish catholic protestant hindu buddhist republican democratic democrat conservative
labour liberal socialist communist kurd kurds
""")

# Capitalised words that start sentences or headlines but are never names on their own.
COMMON_CAPS: frozenset[str] = word_set("""
a an the this that these those there then their they them he she it its his her hers we our us you
your i me my mine and or but nor so yet for of in on at by to from with without within into onto
upon about above below after before during since until while when where why how what which who whom
whose if unless although though because as than also however meanwhile moreover furthermore
nevertheless still instead indeed perhaps maybe yes no not all any some many much most more few
several each every both either neither other another such same own only just even over under again
once here now today yesterday tomorrow tonight later earlier elsewhere separately according asked
speaking citing local senior junior top federal national regional municipal
provincial current acting interim despite amid among between through throughout against across along around behind
outside inside towards toward via unlike beside besides alongside underneath
beyond near next last first second third new old one two three four five six seven eight nine ten
hundreds thousands millions dozens scores is are was were be been being has have had do does did
will would shall should can could may might must let please thanks thank photo photos image video
read share subscribe follow updated published posted source sources breaking exclusive opinion
analysis editorial comment live watch listen advertisement sign log monday tuesday wednesday
thursday friday saturday sunday january february march april june july august september october
november december mon tue wed thu fri sat sun jan feb mar apr jun jul aug sep sept oct nov dec
""")

MONTHS: frozenset[str] = word_set("""
january february march april may june july august september october november december jan feb mar
apr jun jul aug sep sept oct nov dec
""")
WEEKDAYS: frozenset[str] = word_set("""
monday tuesday wednesday thursday friday saturday sunday
""")

# Abbreviations whose full stop does not end a sentence.
ABBREVIATIONS: frozenset[str] = word_set("""
mr mrs ms dr prof sr jr st mt ft gen col maj capt lt sgt adm gov sen rep rev hon messrs mme mlle inc
ltd co corp no nos vs etc approx dept est fig jan feb mar apr jun jul aug sep sept oct nov dec u.s
u.k u.n e.u d.c a.m p.m e.g i.e
""")

PRONOUNS_PERSON = frozenset({"he", "she"})
PRONOUNS_GROUP = frozenset({"they", "it", "we"})
PRONOUNS_FIRST = frozenset({"i", "we"})

# Name endings of businesses, which "the company" or "the firm" can refer back to.
BUSINESS_HEADS: frozenset[str] = word_set("""
inc corp corporation ltd limited plc llc llp gmbh ag sa co company group holdings motors technologies
technology airlines airways industries energy pharmaceuticals pharma logistics analytics securities freight
shipping foods retail stores brands systems labs laboratories ventures partners capital insurance bank
media studios records publishing software semiconductor therapeutics biotech robotics aerospace
dynamics electric power utilities mining steel chemicals resources investments associates management
communications telecom wireless entertainment games pictures works mills brewery lines rail railways
transport buses ferries shipyard petroleum oil solutions enterprises
""")

# Nominal references to speakers, mapped to the name heads they can refer back to
# ("the ministry" -> an organisation named "... Ministry"; "the monitor" -> "... Observatory").
NOMINAL_FITS: dict[str, frozenset[str]] = {
    "ministry": frozenset({"ministry", "department"}),
    "department": frozenset({"department", "ministry"}),
    "agency": frozenset({"agency", "news", "press", "bureau", "office", "authority", "service"}),
    "news agency": frozenset({"agency", "news", "press"}),
    "monitor": frozenset({"observatory", "monitor", "watch"}),
    "observatory": frozenset({"observatory"}),
    "newspaper": frozenset({"times", "post", "journal", "herald", "tribune", "gazette", "telegraph",
                            "guardian", "news", "daily", "newspaper"}),
    "paper": frozenset({"times", "post", "journal", "herald", "tribune", "gazette", "telegraph", "guardian"}),
    "daily": frozenset({"times", "post", "journal", "herald", "tribune", "gazette", "daily"}),
    "broadcaster": frozenset({"television", "tv", "radio", "broadcasting", "network", "news"}),
    "channel": frozenset({"television", "tv", "channel", "network", "news"}),
    "network": frozenset({"network", "television", "tv", "news"}),
    "television": frozenset({"television", "tv"}),
    "company": BUSINESS_HEADS,
    "firm": BUSINESS_HEADS,
    "business": BUSINESS_HEADS,
    "carrier": BUSINESS_HEADS,
    "retailer": BUSINESS_HEADS,
    "group": frozenset({"group", "movement", "front", "brigade", "brigades", "alliance", "coalition"}),
    "movement": frozenset({"movement", "front", "party"}),
    "militia": frozenset({"brigade", "brigades", "militia", "front", "army", "movement"}),
    "party": frozenset({"party"}),
    "club": frozenset({"fc", "cf", "afc", "united", "city", "club", "rovers", "athletic", "hotspur"}),
    "team": frozenset({"fc", "cf", "afc", "united", "club", "team"}),
    "university": frozenset({"university", "college", "institute"}),
    "institute": frozenset({"institute", "university"}),
    "bank": frozenset({"bank", "reserve"}),
    "court": frozenset({"court"}),
    "police": frozenset({"police"}),
    "army": frozenset({"army", "forces", "military"}),
    "military": frozenset({"army", "forces", "military", "ministry"}),
    "council": frozenset({"council"}),
    "commission": frozenset({"commission"}),
    "committee": frozenset({"committee"}),
    "government": frozenset({"government", "administration"}),
    "authority": frozenset({"authority"}),
    "board": frozenset({"board"}),
    "union": frozenset({"union"}),
    "organisation": frozenset({"organisation", "organization"}),
    "organization": frozenset({"organisation", "organization"}),
    "report": frozenset({"agency", "news", "press", "times", "post", "journal"}),
    "statement": frozenset(),
    "regulator": frozenset({"authority", "commission", "agency", "board", "office"}),
    "office": frozenset({"office"}),
    "embassy": frozenset({"embassy"}),
    "foundation": frozenset({"foundation"}),
    "charity": frozenset({"foundation", "trust"}),
    "study": frozenset(),
}

# Lower-case nouns that can be the subject of a speech verb without a name ("officials said").
SPEAKER_NOUNS: frozenset[str] = word_set("""
official officials source sources spokesman spokeswoman spokesperson spokespeople police ministry
government agency monitor newspaper paper broadcaster channel network television radio report
reports statement study survey analysts analyst experts expert economists economist researchers
researcher scientists scientist residents resident witnesses witness activists activist doctors
doctor medics prosecutors prosecutor lawyers lawyer investigators diplomats diplomat observers
military army company firm group movement militia party club team university institute bank court
council commission committee authority authorities board union organisation organization regulator
office embassy foundation charity daily manager coach players player fans critics officers officer
campaigners campaigner leaders leader minister ministers president chairman executive executives
aides aide observatory website insiders insider people person man woman teachers students parents
voters workers employees staff farmers traders investors historians
trial poll analysis audit review filing authors communities fishermen inquest tribunal jury
delegates negotiators lawmakers legislators senators members protesters organisers organizers unions
regulators judges voters commentators bankers lenders unionists spokespeople neighbours neighbors
friends relatives families victims survivors opponents supporters critics sceptics skeptics
adviser advisor ally backer staffer donor surrogate loyalist endorser confidant
side sides camp
""")

# Pronoun-like and vague words that never make a speaker on their own.
NON_SPEAKERS: frozenset[str] = word_set("""
i you he she it we they this that these those who which what there here one some someone anyone
everyone nobody something anything everything many most all both each either neither
""")


def _verb_forms(base: str) -> set[str]:
    """Regular English forms of a verb: base, -s, -ed, -ing."""
    forms = {base}
    if base.endswith("e"):
        forms |= {base + "s", base + "d", base[:-1] + "ing"}
    elif base.endswith("y") and base[-2:-1] not in "aeiou":
        forms |= {base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    elif base.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {base + "es", base + "ed", base + "ing"}
    else:
        forms |= {base + "s", base + "ed", base + "ing"}
    return forms


_IRREGULAR = {
    "say": {"say", "says", "said", "saying"},
    "tell": {"tell", "tells", "told", "telling"},
    "write": {"write", "writes", "wrote", "written", "writing"},
    "admit": {"admit", "admits", "admitted", "admitting"},
    "commit": {"commit", "commits", "committed"},
    "predict": _verb_forms("predict"),
    "concede": _verb_forms("concede"),
    "retort": _verb_forms("retort"),
    "forecast": {"forecast", "forecasts", "forecasting"},
    "tweet": _verb_forms("tweet"),
    "post": _verb_forms("post"),
    "insist": _verb_forms("insist"),
    "emphasise": _verb_forms("emphasise"),
    "emphasize": _verb_forms("emphasize"),
    "admonish": _verb_forms("admonish"),
    "vow": _verb_forms("vow"),
    "allege": _verb_forms("allege"),
    "reply": _verb_forms("reply"),
    "testify": _verb_forms("testify"),
    "signal": {"signal", "signals", "signalled", "signaled", "signalling", "signaling"},
    "quip": {"quip", "quips", "quipped", "quipping"},
    "plead": {"plead", "pleads", "pleaded", "pled", "pleading"},
    "swear": {"swear", "swears", "swore", "sworn", "swearing"},
}

def verb_forms(bases: str) -> frozenset[str]:
    """Every form of the whitespace-separated base verbs (irregular ones as listed above)."""
    return frozenset(form for base in bases.split() for form in (_IRREGULAR.get(base) or _verb_forms(base)))


# Verbs that report speech and may take a bare clause ("X said the plan failed").
SAY_VERBS: frozenset[str] = frozenset(_IRREGULAR["say"] | _IRREGULAR["tell"])
# Verbs that report speech when followed by "that" or placed after the quote ("..., X warned").
REPORT_BASES = word_set("""
add state announce claim deny warn insist argue note explain report confirm acknowledge admit allege
assert suggest reply respond write tweet comment declare emphasise emphasize stress maintain contend
concede estimate indicate reveal disclose complain recall promise vow pledge urge caution predict
observe remark mention testify conclude agree propose recommend reiterate repeat counter retort
boast speculate hint forecast signal continue tell say answer cry shout whisper mutter joke quip
plead swear charge accuse ask wonder question told believe think fear hope expect call describe dub
brand label
reject dismiss
""")
REPORT_VERBS: frozenset[str] = frozenset(
    form for base in REPORT_BASES for form in (_IRREGULAR.get(base) or _verb_forms(base))
)
# Opinion verbs only count with "that" after a named subject ("X believes that ...").
OPINION_VERBS: frozenset[str] = frozenset(
    form for base in ("believe", "think", "fear", "hope", "expect", "wonder", "ask", "question", "continue",
                      "charge", "accuse", "cry")
    for form in (_IRREGULAR.get(base) or _verb_forms(base)) | ({"thought"} if base == "think" else set())
)
# Verbs that need an object before their clause ("told reporters", "warned investors").
TELL_VERBS: frozenset[str] = frozenset(
    {"tell", "tells", "told", "telling", "warn", "warns", "warned", "warning", "remind", "reminded",
     "assure", "assured", "inform", "informed", "urge", "urged", "advise", "advised", "caution", "cautioned"}
)
# Forms that work as a verb after a comma without a subject ("..., adding that ...").
PARTICIPLES: frozenset[str] = frozenset(form for form in REPORT_VERBS if form.endswith("ing"))

# Words that make a clause finite on their own, used to tell "after he fled" (a clause) from "after
# leaving" or "after the vote": past auxiliaries and common irregular pasts (regular pasts are
# recognised by their -ed ending), modals, and present auxiliaries.
PAST_VERBS: frozenset[str] = word_set("""
was were had did
began came fell rose went took made gave got left lost won held met ran sat stood broke fled
fought hit cut put set shut spread struck built brought bought caught kept led sent spent paid sold
told said saw knew grew drew threw flew wrote drove rode chose froze stole wore tore bore swore shot spat
""")
MODALS: frozenset[str] = word_set("will would can could shall should may might must")
FINITE_VERBS: frozenset[str] = PAST_VERBS | MODALS | word_set("is are has have does do")

# Nouns whose "that"-clause is reported speech after "deny", "confirm", "dismiss" ...
CLAIM_NOUNS: frozenset[str] = frozenset(
    ["reports", "report", "claims", "claim", "allegations", "allegation", "accusations", "suggestions",
     "suggestion", "rumours", "rumors", "speculation", "fears", "concerns", "criticism", "charges"]
)


@cache
def places() -> frozenset[str]:
    """The gazetteer of place names (countries, capitals, states, large cities); loaded once."""
    raw = data_text("places.txt")
    return frozenset(line for line in raw.splitlines() if line and not line.startswith("#"))


# Well-known organisations that carry no head word in their name; general knowledge of the news
# business (wire services, broadcasters, international bodies), not any one article's cast.
KNOWN_ORGS: frozenset[str] = word_set("""
UN NATO EU WHO IMF OPEC OECD ASEAN AU FIFA UEFA IOC BBC CNN CBS NBC ABC NPR PBS AP AFP Reuters
Bloomberg Xinhua TASS Pentagon Politburo Congress Parliament Senate Vatican Google Apple Microsoft
Amazon Meta Facebook Twitter Tesla Netflix Samsung Toyota Boeing Airbus Nasa NASA ESA CERN FBI CIA
NSA MI5 MI6 NHS Ofcom Ofgem Fed Interpol Europol Unicef UNICEF UNHCR Unesco UNESCO Greenpeace Oxfam
Amnesty Hamas Taliban ISIS ISIL IS Al-Qaeda Nasdaq Reddit YouTube Instagram TikTok WhatsApp OpenAI
Nvidia Intel IBM Oracle Uber Airbnb Spotify Walmart Alibaba Tencent Huawei Gazprom Rosneft Aramco
Shell BP Exxon ExxonMobil Chevron Pfizer Moderna AstraZeneca Novartis Roche Siemens Volkswagen BMW
Ford GM Nike Adidas Disney Sony Nintendo
""")
# Wire services and broadcasters, which fit "the agency", "the network", "the report".
NEWS_ORGS: frozenset[str] = frozenset(
    ["AP", "AFP", "Reuters", "Bloomberg", "Xinhua", "TASS", "BBC", "CNN", "CBS", "NBC", "ABC", "NPR", "PBS"]
)

WORD_RE = patterns.compile(r"[A-Za-z][\w'’.-]*")


@cache
def first_names() -> frozenset[str]:
    """Common given names (generated from Faker's locales by data/build_first_names.py); loaded once.

    Positive evidence that a capitalised pair is a person ("Lena Hartigan"), so a pair without it
    and ending in an ordinary noun ("Corvell Supply") is not taken for one.
    """
    raw = data_text("first_names.txt")
    return frozenset(line for line in raw.splitlines() if line and not line.startswith("#"))


@cache
def given_genders() -> dict[str, str]:
    """Given name -> "m" or "f", for names Faker's locales list only one way (data/build_first_names.py).

    Lets "she" pass over Hendrik Vos and "he" over Hilda Marrow; names given both ways are absent.
    """
    raw = data_text("given_genders.txt")
    pairs = (line.split() for line in raw.splitlines() if line and not line.startswith("#"))
    return {name: gender for name, gender in pairs}


# Ordinary English nouns that end the names of businesses, co-operatives, events, products and
# publications ("Dunmore Textiles", "Holloway Vineyards", "Harlow Tour", "Marine Ecology Letters").
# A capitalised run ending in one is an organisation unless a person is evidenced some other way.
# Nouns that are also frequent surnames (Baker, Smith, Cook, Mason) are deliberately left out.
NAME_NOUNS: frozenset[str] = word_set("""
supply supplies electronics textiles textile vineyards vineyard winery wines cooperative co-operative
index indices average composite furnishings
coop co-op reports report letters review reviews quarterly weekly monthly digest bulletin chronicle
courier dispatch observer standard mirror express echo argus sentinel examiner record register
journal gazette tour open cup classic championship championships trophy series grand prix games
festival awards prize marathon derby league rally regatta expo fair show exhibition biennale
farms farm dairy dairies orchards orchard foods food drinks beverages bakery brewery distillery
distillers brewers roasters coffee tea chocolate confectionery catering kitchens restaurants
outfitters apparel fashion clothing footwear furniture interiors homes housing properties property
estates realty construction builders engineering machinery tools plastics packaging paper metals
fabrics mills works motors cars automotive garage tyres aviation air airlines airways cargo haulage
couriers parcels post telecom mobile digital data cloud networks software apps games studios
pictures films records music media publishing press books bookshop pharmacy health healthcare care
medical dental diagnostics genetics biosciences labs solar wind renewables energy power fuels gas
water utilities waste recycling cleaning security insurance finance financial credit lending loans
mortgages savings payments capital partners advisory consulting consultants recruitment staffing
travel tours holidays cruises hotels hotel resorts resort inns leisure fitness sports outdoor marine
boats yachts shipping logistics freight transport rail buses coaches taxis foundry quarry quarries
minerals mining timber forestry seeds nurseries garden gardens florists pets veterinary toys gifts
jewellery jewelers jewellers optics optical instruments devices semiconductors chips robotics
systems solutions technologies technology tech labs innovations ventures holdings group brands
stores store markets market supermarkets wholesale traders trading imports exports distributors
distribution supply-chain collective cooperative alliance network cables wires wiring glass
paints coatings batteries cement bricks tiles pumps valves engines fibres fibers ceramics pottery
printing print signs lighting fittings fixtures kitchens bathrooms windows doors roofing flooring
carpets textiles linen leather steelworks ironworks foundries plating chemicals fertilisers feeds
quartet quintet trio orchestra ensemble choir chorus band singers philharmonic symphony sinfonia
opera ballet players consort
""")

# Nouns that end the names of venues and districts: places, not organisations ("Kestrel Arena").
VENUE_NOUNS: frozenset[str] = word_set("""
arena stadium ground grounds park square hall centre center head bay point green common heath
field fields gardens pier wharf quay dock docks marina racecourse raceway speedway velodrome
pavilion amphitheatre theatre theater bowl dome coliseum colosseum oval showground showgrounds
plaza mall terrace crescent close row walk parade cross junction station terminal
""")

# Compass words: a run made of them, or opening with one, names a region ("the North East").
COMPASS: frozenset[str] = word_set("""
north south east west north-east north-west south-east south-west northeast northwest southeast
southwest northern southern eastern western central mid upper lower
""")

# Upper-case abbreviations of countries and unions of them, used as places ("exports to the UK").
COUNTRY_CODES: frozenset[str] = word_set("""
US USA UK GB UAE DRC PRC ROK DPRK NZ PNG KSA ROC RSA BiH U.S. U.S.A. U.K. U.A.E.
""")

# Endings of English and Northern European place names ("Varnholt", "Ardmore", "Kingsbury").
TOPONYM_SUFFIXES: tuple[str, ...] = (
    "ton", "ham", "ford", "bury", "borough", "burgh", "wick", "wich", "chester", "caster", "cester",
    "mouth", "stead", "ville", "thorpe", "worth", "minster", "holt", "combe", "coombe", "dale", "mere",
    "more", "moor", "shire", "stow", "stowe", "stoke", "haven", "hurst", "leigh", "field", "bridge", "port",
    "pool", "hithe", "sted", "heim", "dorf", "stad", "vik",
)


# -- quotes and speakers: the words the quote finder and speaker resolution share -------------------
# One copy each; quotes.py, cues.py, reported.py and speakers.py import them from here.

# Words a reported clause never starts with ("said whether ...", "said how ...").
BAD_CLAUSE_OPENERS: frozenset[str] = word_set("whether if how what why when where who and or but so as to")
# Prepositions and time words that make a clause after a verb a phrase, not a report ("said in Paris").
CLAUSE_PREPOSITIONS: frozenset[str] = word_set("""
in on at of for with by about outside after before during inside near from over under following ahead
through into afterwards later earlier yesterday today only
""")
# Prepositions that end a speaker noun phrase's head ("sources on the ground").
NP_PREPOSITIONS: frozenset[str] = word_set("on in at for of from with to by near inside outside")
# Subordinating words that open a clause of the writer's ("..., while hardliners warned").
SUBORDINATORS: frozenset[str] = word_set("""
with when after before because while although since as if where whereas so than though until unless once
""")
# Lower-case words that may sit inside a sentence's opening noun phrase ("the head of the agency").
NP_WORDS: frozenset[str] = word_set("the a an he she they it we its his her their of for at from and de al van von "
                                    "aged who which")
# Words that take "with" inside a subject noun phrase ("people familiar with the plans said").
WITH_TAKERS: frozenset[str] = word_set("""
familiar acquainted involved associated connected linked working dealing concerned tasked charged along together
friends colleagues
""")
# Words after which "when" opens a question, not a time clause ("had not been told when ...").
WH_TAKERS: frozenset[str] = word_set("""
know knew known tell told ask asked unclear clear sure certain decide decided explain explained show showed shown
wonder wondered say said remember recall recalled forget forgot confirm confirmed announce announced reveal
revealed disclose disclosed
""")
# Determiners before a noun ("the alleged killings": an adjective, not a past verb).
DETERMINER_WORDS: frozenset[str] = word_set("the a an its their his her our this these those some any no every each all")
# Determiners and quantifiers opening a speaker noun phrase ("some lobbyists", "the ministry").
SPEAKER_DETERMINERS: frozenset[str] = word_set("""
the a an this that these those its his her their our so-called some many several other one two three both all most
""")
DEFINITE_DETERMINERS: frozenset[str] = word_set("the this that its his her their our")
# Function words left out when asking whether a clause's words were already told.
FUNCTION_WORDS: frozenset[str] = FINITE_VERBS | DETERMINER_WORDS | word_set("""
that this with from there then than them they which while when after before until into onto over under about
also been being more most some such what where whose would could should other others only very just still even
again once both either neither because since through
""")
# Words skipped as parenthetical in a subject window ("X, however, said"); -ly adverbs count too.
PARENTHETICAL_WORDS: frozenset[str] = word_set("""
however also further meanwhile though too then now still in turn again instead separately later earlier
previously repeatedly moreover has have had was is would will did does could may might often sometimes always
never
""")
# Words ending in -ly that are not adverbs.
NOT_LY_ADVERBS: frozenset[str] = word_set("italy ally family rally july")


def parenthetical(low: str) -> bool:
    """Is the lower-case word a parenthetical adverb or auxiliary, skipped in a subject ("X, however, said")?"""
    return low in PARENTHETICAL_WORDS or (low.endswith("ly") and len(low) > 3 and low not in NOT_LY_ADVERBS)
# Plural nouns that are also third-person verb forms ("39 island and coastal states.").
NOUNISH_VERB_FORMS: frozenset[str] = word_set("""
states reports claims notes comments charges questions answers calls pledges promises hopes fears doubts remarks
""")
# Words that make a subject a share of a group ("Twenty-four percent said", "Six in 10 say", "Nearly half
# said", "majorities in all five say"): a poll's or a crowd's report, with the share as its speaker.
QUANTITY_HEADS: frozenset[str] = word_set("""
percent per cent % half majority majorities minority third thirds quarter quarters fifth fifths most many some
several few others all both dozens hundreds thousands millions number
""")
# Singular nouns for a body that speaks as one, after a determiner ("His campaign said", "the panel said").
SPEAKING_BODIES: frozenset[str] = word_set("""
campaign panel survey poll study delegation caucus family staff team prosecution defence defense
""")
# Words that count ("Six in 10", "one in five", "nine out of 10").
NUMBER_WORDS: frozenset[str] = word_set("""
one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty sixty seventy eighty
ninety hundred
""")
# Words that may open a subject before its noun phrase without belonging to it ("But Republicans said",
# "Even the organiser said", "Nearly half said").
SUBJECT_LEADS: frozenset[str] = word_set("""
but and yet so even still also now then nearly almost about around roughly some just only over more than less fewer
a full fully at least
""")
# Object pronouns and the subject pronoun they stand for ("quoted him as saying").
OBJECT_PRONOUNS: dict[str, str] = {"him": "he", "her": "she"}
# Stems of report verbs that take a bare clause without "that" ("insisted the plan was sound").
BARE_CLAUSE_STEMS: frozenset[str] = word_set("""
insist claim argu admitt admit conced estimat predict maintain contend alleg suggest add not warn agre confirm
explain acknowledg announc complain reveal stress emphasiz emphasis
""")
# Report verbs whose object may be what was said, a noun phrase as well as a clause ("announced a new tariff",
# "acknowledged the risks", "called the charges baseless", "mentioned the rule").
NP_OBJECT_BASES: str = """
announce acknowledge note describe stress emphasize emphasise deny reveal concede propose dismiss explain mention
"""
# Words after such a verb that start a phrase, not its object ("called for", "noted in a statement").
NOT_OBJECT_STARTS: frozenset[str] = word_set("""
to for on in at with about by from of into up out off back over as that this after before during since until
when while if whether how why what where who which and but or so than only also not never again then there it
here himself herself themselves itself yesterday today tonight later earlier
""")
# Generic nouns for an organisation of any name ("the company", "the club").
GENERIC_ORG_NOUNS: frozenset[str] = word_set("""
company firm group club team organisation organization charity party union business retailer airline carrier
bank lender insurer
""")
# Nouns for a business, which may mean one named just before it in the paragraph ("Orbis ... the company").
BUSINESS_NOUNS: frozenset[str] = word_set("company firm business retailer carrier airline lender insurer maker "
                                          "startup chain")
# Institutions a place names ("the government in Kyiv", "police in Lyon").
PLACED_INSTITUTIONS: frozenset[str] = word_set("""
government authorities authority ministry council embassy army military police court office administration
parliament regime consulate mission
""")
# Name heads that make an organisation a news outlet ("the agency" may mean "... News").
NEWS_HEADS: frozenset[str] = word_set("news agency press")
# Honorifics that tell a person's gender ("Mr Okoro" is "he").
MALE_HONORIFICS: tuple[str, ...] = ("Mr", "Mister", "Sir", "Lord", "King", "Prince", "Father", "Brother")
FEMALE_HONORIFICS: tuple[str, ...] = ("Mrs", "Ms", "Miss", "Dame", "Lady", "Queen", "Princess", "Sister")
# Who a speaker tells ("told reporters", "warned investors"): bare plural audiences.
AUDIENCE_NOUNS: tuple[str, ...] = tuple(word_set("""
reporters journalists lawmakers parliament investors analysts supporters fans viewers listeners readers members
staff students Congress MPs jurors councillors councilors delegates officers colleagues residents parents voters
employees workers shareholders senators
"""))
# Occasions a statement is made at ("in a statement", "during a briefing").
STATEMENT_NOUNS: tuple[str, ...] = tuple(word_set("""
statement interview briefing conference post tweet letter speech report note email video message address hearing
meeting session call podcast appearance filing release blog op-ed column
"""))
# Media a statement is made on ("on Twitter", "on television").
STATEMENT_MEDIA: tuple[str, ...] = ("Twitter", "X", "Facebook", "Telegram", "Instagram", "television", "TV",
                                    "radio", "social media")
# Adverbs that may sit between a speech verb and its clause ("said separately that").
SPEECH_ADVERBS: tuple[str, ...] = tuple(word_set("""
also further again previously repeatedly publicly privately separately recently earlier later then too however
instead simply only once
"""))
# Openers of a sentence's adverbial phrase ("In Paris, ...", "Meanwhile, ...").
SENTENCE_OPENERS: tuple[str, ...] = tuple(word_set("""
In On At By For From With Elsewhere Separately Meanwhile However Earlier Later Also Still Overall Instead Nonetheless
Nevertheless Previously Since After Before During Despite Amid Under Over
"""))
# Bodies that "hear" evidence (British court reporting: "an inquest has heard").
HEARING_BODIES: tuple[str, ...] = tuple(word_set("court inquest tribunal jury hearing trial inquiry committee panel"))
# Words before a quoted phrase that make it a label, not a quotation ("so-called", "dubbed").
SCARE_LEADS: tuple[str, ...] = ("so-called", "so called", "dubbed", "nicknamed", "known as", "termed", "branded",
                                "the word", "the term", "the phrase", "titled", "entitled", "the hashtag")
# Verbs that pass someone else's words on ("X quoted Y as saying").
CITING_VERBS: frozenset[str] = word_set("cite cites cited citing quote quotes quoted quoting")
# Participles that continue a report after a comma (", adding that ...").
ADDING_PARTICIPLES: tuple[str, ...] = tuple(word_set("""
adding saying noting arguing insisting warning explaining stressing calling citing echoing telling joking referring
asking urging accusing promising vowing claiming suggesting predicting acknowledging describing
"""))


def alternation(words: tuple[str, ...] | frozenset[str]) -> str:
    """A regex alternation of literal words, longest first (so a word never stops at its own prefix)."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=lambda w: (-len(w), w)))
