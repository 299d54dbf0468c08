"""Finding the organisations a Danish case text names.

Three sources of evidence, in order of trust:

1. the gazetteer (every municipality, region, hospital, state agency, knowledge
   institution and the larger associations, foundations, networks and companies),
   matched as whole words, longest first, also in the genitive;
2. the patterns of Danish organisation names — the kind word inside the name
   ("...fonden", "Foreningen ...", "... A/S", "Center for ...", "Jobcenter ...",
   "...forvaltningen", "... Universitet") and the words in front of it
   ("virksomheden X", "start-up virksomheden X");
3. names standing after words that announce an organisation ("i samarbejde med
   X og Y", "støttet af X", "OPI-samarbejde med X") even when their own words do
   not say what they are.

A town's name ("Aarhus", "Kolding") is read as its municipality only where the
town acts (it is the subject of a verb, or stands in a list of municipalities);
"turister i Aarhus" names a place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from samspil.core.identity import Gazetteer, Organisation, name_key
from samspil.core.orgnames import classify

_CAPW = r"(?:(?:[A-ZÆØÅ]\.){1,3}(?=\s*[A-ZÆØÅ])|[A-ZÆØÅ][\wæøåÆØÅ&-]*|[0-9]+[A-ZÆØÅa-zæøå][\wæøåÆØÅ-]*)"
#: A capitalised name of up to six words; "og", "for", "af", "til", "&" may join its words.
_NAME = rf"{_CAPW}(?:\s+(?:(?:og|for|af|&|til|de|du|von|of|and|the)\s+)?{_CAPW}){{0,5}}"

#: Capitalised words that are not organisations even where a name might stand.
NOT_ORGANISATIONS = frozenset(
    w.lower() for w in (
        "Danmark", "Norge", "Sverige", "Tyskland", "Finland", "Spanien", "Europa", "EU-landene", "Grønland",
        "Færøerne", "Island", "Holland", "England", "USA", "Barcelona", "Tampere", "Bruxelles",
        "NemID", "MitID", "E-boks", "e-Boks", "Digital Post", "Facebook", "LinkedIn", "Instagram", "Twitter",
        "YouTube", "Google", "Microsoft Teams", "Teams", "Zoom", "Skype", "Excel", "Word", "PowerPoint",
        "Mit Betalingsoverblik", "Borger.dk", "borger.dk", "Sundhed.dk", "Rejsekort", "Netbank",
        "Verdensmålene", "FN", "Kommunen", "Regionen", "Staten", "Hospitalet", "Skolen", "Centret",
        "Biblioteket", "Jobcentret", "Jobcenteret", "Forvaltningen", "Afdelingen", "Foreningen", "Fonden",
        "Projektet", "Programmet", "Innovationen", "Løsningen", "Konceptet", "Modellen", "Metoden",
        "Indsatsen", "Tilbuddet", "Værkstedet", "Teamet", "Styregruppen", "Partnerskabet", "Netværket",
        "Borgerne", "Eleverne", "Medarbejderne", "Lederne", "Borgerservice", "Hjemmeplejen", "Politiet",
        "Regeringen", "Folketinget", "Byrådet", "Regionsrådet", "Kommunalbestyrelsen", "Borgmesteren",
        "Januar", "Februar", "Marts", "April", "Maj", "Juni", "Juli", "August", "September", "Oktober",
        "November", "December", "Mandag", "Tirsdag", "Onsdag", "Torsdag", "Fredag", "Lørdag", "Søndag",
        "Innovationsdagen", "Find", "Forstør", "Hvad", "Hvem", "Hvis", "Sådan", "Derfor", "Desuden",
        "Derudover", "Samtidig", "Både", "Også", "Det", "Der", "Den", "De", "Vi", "Man", "Med", "Fra", "Til",
        "Efter", "Inden", "Under", "Over", "Ved", "Nu", "Her", "Som", "Og", "Men", "For", "Fx", "Bl.a.",
        "OPI", "IT", "VR", "AR", "MR", "AI", "CEO", "CTO", "PhD", "Ph.d.", "Cand", "MSc",
    )
)

#: Words naming a town's organisation in Danish municipal prose: "Aarhus har indført ...".
_AGENT_VERBS = (r"(?:har|havde|er|var|vil|skal|kan|tilbyder|tilbød|indførte|indfører|startede|begyndte|"
                r"etablerede|udviklede|lancerede|åbnede|valgte|besluttede|ansatte|bruger|brugte|overvejer|"
                r"implementerer|implementerede|driver|gennemførte|afprøver|afprøvede)")


#: Products and platforms whose names begin with a company's: "Microsoft Teams".
_PRODUCTS = tuple(sorted((w for w in NOT_ORGANISATIONS if " " in w), key=len, reverse=True))
#: "EU-Tidende", "EU-udbud", "KL-topmødet" name no actor of the case.
_HYPHEN_NOT_ACTOR = frozenset(("tidende", "udbud", "udbuddet", "udbudsreglerne", "reglerne", "regler", "direktiv",
                               "direktivet", "landene", "lande", "borgere", "retten", "domstolen", "lovgivningen"))


@dataclass(frozen=True)
class Mention:
    """One organisation named at one place in a text."""

    name: str
    kind: str
    start: int
    end: int
    surface: str
    method: str
    part_of: str | None = None


@dataclass(frozen=True)
class _Entry:
    org: Organisation
    exact: bool  # short all-capital forms must match exactly, as written


@lru_cache(maxsize=4)
def _index(gazetteer: Gazetteer) -> tuple[dict[str, _Entry], dict[str, int]]:
    """Written forms of the gazetteer's organisations, keyed by :func:`name_key`, and for each
    first word the most words a name starting with it has (so most words are passed over at once)."""
    index: dict[str, _Entry] = {}
    for org in gazetteer.organisations.values():
        forms = [org.name, *org.aliases]
        if org.kind == "municipality" and org.short_name:
            forms += [f"{org.short_name} Kommune"]
        for form in forms:
            key = name_key(form)
            if not key:
                continue
            exact = len(form) <= 5 and form.upper() == form
            index.setdefault(key, _Entry(org, exact))
    for key, org in gazetteer.all_names():
        index.setdefault(key, _Entry(org, False))
    starts: dict[str, int] = {}
    for key in index:
        words = key.split()
        starts[words[0]] = max(starts.get(words[0], 0), len(words))
    return index, starts


_TOKEN = re.compile(r"[\wæøåÆØÅ][\wæøåÆØÅ&/.-]*[\wæøåÆØÅ]|[\wæøåÆØÅ]")


def _tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text)]


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


def gazetteer_mentions(text: str, gazetteer: Gazetteer) -> list[Mention]:
    """Known organisations named in ``text``, longest match first, also in the genitive.

    Examples
    --------
    >>> g = Gazetteer.default()
    >>> [(m.name, m.kind) for m in gazetteer_mentions("Herning Kommunes IT-afdeling og OUH", g)]
    [('Herning Kommune', 'municipality'), ('Odense Universitetshospital', 'hospital')]
    """
    index, starts = _index(gazetteer)
    tokens = _tokens(text)
    found: list[Mention] = []
    i = 0
    while i < len(tokens):
        first = name_key(tokens[i][2]).split(" ", 1)[0] if _capitalised(tokens[i][2]) else ""
        longest = max(starts.get(first, 0), starts.get(first[:-1], 0) if first.endswith("s") else 0)
        hit, width = _gazetteer_hit(text, tokens, i, index, longest)
        if hit is not None:
            found.append(hit)
        i += width
    return found


def _gazetteer_hit(text: str, tokens: list[tuple[int, int, str]], i: int, index: dict[str, _Entry],
                   longest: int) -> tuple[Mention | None, int]:
    """The longest known name starting at token ``i``, and how many tokens it takes (at least 1)."""
    word = tokens[i][2]
    if not _capitalised(word):
        return None, 1
    for n in range(min(longest, len(tokens) - i), 0, -1):  # longest is 0 for a word no name starts with
        start, end = tokens[i][0], tokens[i + n - 1][1]
        surface = text[start:end]
        key = name_key(surface)
        entry = index.get(key)
        if entry is None and key.endswith("s"):
            entry = index.get(key[:-1])
            if entry is not None and entry.exact:
                entry = None
        if entry is None:
            continue
        forms = (entry.org.name, *entry.org.aliases)
        if entry.exact and surface not in forms and surface.rstrip("s") not in forms:
            continue
        if n == 1 and surface.lower() in NOT_ORGANISATIONS:
            continue
        if any(text[start:].lower().startswith(p) and len(p) > len(surface) for p in _PRODUCTS):
            return None, n  # "Microsoft Teams": a product that starts with a company's name
        return Mention(entry.org.name, entry.org.kind, start, end, surface, "gazetteer", entry.org.parent), n
    if "-" in word:
        # "EU-midler", "KL-netværket": an exact short name before a hyphen.
        head, tail = word.split("-", 1)
        if tail.lower() in _HYPHEN_NOT_ACTOR:
            return None, 1  # "EU-Tidende", "EU-udbud": a publication or a procedure, not the organisation
        entry = index.get(name_key(head))
        if entry is not None and entry.exact and head in (entry.org.name, *entry.org.aliases):
            start = tokens[i][0]
            return Mention(entry.org.name, entry.org.kind, start, start + len(head), head, "gazetteer",
                           entry.org.parent), 1
    return None, 1


# -- patterns ------------------------------------------------------------------
#: Words municipal and regional departments are named with ("Plan og Byg", "Sundhed og Omsorg",
#: "Teknik og Miljø", "Børn og Unge"); capitalised, two of them joined by "og" name a department.
_DEPARTMENT_WORDS = (
    "Sundhed", "Omsorg", "Plan", "Byg", "Byggeri", "Teknik", "Miljø", "Børn", "Unge", "Familie", "Familier",
    "Kultur", "Fritid", "Idræt", "Ejendomme", "Service", "Handicap", "Psykiatri", "Beskæftigelse", "Arbejdsmarked",
    "Natur", "Trafik", "Vej", "Veje", "Park", "By", "Land", "Udvikling", "Innovation", "Social", "Ældre", "Skole",
    "Skoler", "Dagtilbud", "Uddannelse", "Erhverv", "Økonomi", "Personale", "Digitalisering", "IT", "Klima",
    "Forsyning", "Velfærd", "Forebyggelse", "Rehabilitering", "Sygepleje", "Integration", "Bolig", "Boliger",
    "Vand", "Affald", "Genbrug", "Borgerservice", "Rådgivning", "Myndighed", "Visitation", "Hjemmepleje",
    "Pleje", "Trivsel", "Læring", "Infrastruktur", "Mobilitet", "Turisme", "Sport", "Fritidsliv", "Demokrati",
    "Strategi", "Ledelse", "Styring", "Data", "Analyse", "Jura", "Drift", "Anlæg", "Byrum", "Grønne", "Områder",
    "Træning", "Aktivitet", "Aktiviteter", "Indkøb", "Udbud", "Pleje", "Samfund", "Kommunikation", "Arbejde",
)
_DEPARTMENT_WORD = "|".join(_DEPARTMENT_WORDS)

#: Words each pattern needs (lower case); a sentence with none of them is not searched with it.
_PATTERN_WORDS: dict[str, tuple[str, ...]] = {
    "company": ("a.m.b.a", "a/s", "aps", "i/s", "p/s", "ivs", "k/s", "virksomhed", "firma", "leverandør", "konsulent",
                "selskab"),
    "foundation": ("fond",),
    "association": ("forening", "forbund", "sammenslutning", "danske", "business"),
    "knowledge_institution": ("produktionsskole", "erhvervsskole", "handelsskole", "tekniske skole", "universitet", "university", "institut", "erhvervsakademi", "professionshøjskole",
                              "højskole"),
    "hospital": ("sygehus", "hospital", "hospitalsenhed"),
    "state_agency": ("styrelse", "ministeri", "direktorat", "tilsyn"),
    "unit": ("ungdomsskole", "musikskole", "billedskole", "kulturskole", "sygehusapotek", "ssp ", "center", "centret", "centeret", "afdeling", "bibliotek", "skole", "botilbud", "aktivitetscenter",
             "sundhedshus", "plejecenter", "medborger", "jobcenter", "borgerservice", "ungdomscenter", "forvaltning",
             "rådet", "udvalget", "værksted", "psykiatri", "bofællesskab", "klub", "børnehus", "vuggestue",
             "børnehave", "bosted", "værested", "kulturhus", "ungehus", "ambulatori", "klinik", "uddannelsesvejledning",
             "uu "),
    "network": ("samarbejdet", "netværk", "fællesskab", "klynge", "cluster", "gruppen", "partnerskab"),
}
for _kind, _extra in (("association", ("klub", "selskab", "kollegi", "forening", "laug")),
                      ("company", ("tegnestue", "forlag", "firma", "vognmand", "entreprenør")),
                      ("unit", (" og ", "institut for", "byråd", "kommunalbestyrelse", "regionsråd", "ældreråd",
                                "handicapråd", "akutteam", "dagtilbud", "sprogcent", "rygcent", "sundhedscent",
                                "afsnit", "terapien", "plejen", "huset", "værkstedet", "ambulatorium")),
                      ("knowledge_institution", ("college", "høgskulen", "högskolan", "hochschule", "universitetet")),
                      ("hospital", ("sjukhus", "sykehus", "sjukehus")),
                      ("company", (" ab", " as", "asa", "gmbh", " oy", " vand", "forsyning", "fjernvarme", "vandselskab",
                                   "varmeværk", "stadtwerke"))):
    _PATTERN_WORDS[_kind] = _PATTERN_WORDS[_kind] + _extra

_PATTERNS: tuple[tuple[str, re.Pattern[str], int], ...] = tuple(
    (kind, re.compile(rx), group)
    for kind, rx, group in (
        ("company", rf"\b((?:{_CAPW}(?:\s+&)?\s+){{0,4}}{_CAPW}\s+(?:A/S|ApS|I/S|P/S|IVS|K/S|A\.m\.b\.A\.?))(?![\w/])", 1),
        ("company", rf"\b({_CAPW}(?:\s+{_CAPW})?\s+(?:Forsyning|Fjernvarme|Vandselskab|Varmeværk|Vand))(?![\w/])", 1),
        ("company", rf"\b(?:[Ss]tart-?up[- ]virksomheden|[Vv]irksomheden|[Ff]irmaet|[Ll]everandøren|[Kk]onsulenthuset|"
                    rf"[Kk]onsulentvirksomheden|[Ii]t-virksomheden|[Ss]oftwarevirksomheden|[Ss]elskabet|"
                    rf"[Ii]t-firmaet|[Tt]ech-virksomheden|[Vv]irksomhederne)\s+({_NAME})", 1),
        ("foundation", rf"\b(Fonden for\s+{_NAME}|[A-ZÆØÅ][\wæøå-]*-?[Ff]onden|{_CAPW}(?:\s+{_CAPW}){{0,3}}\s+(?:Fonden|Fond))\b", 1),
        ("association", rf"\b((?:Foreningen|Landsforeningen|Sammenslutningen|Forbundet)\s+(?:for\s+|af\s+)?{_NAME}|"
                        rf"{_CAPW}(?:\s+{_CAPW}){{0,3}}\s+(?:Forening|Forbund)|"
                        rf"[A-ZÆØÅ][\wæøå-]+foreningen|Danske\s+{_CAPW}(?:\s+{_CAPW}){{0,2}}|"
                        rf"Business\s+{_CAPW}(?:[- ]{_CAPW}){{0,2}})\b", 1),
        ("knowledge_institution", rf"\b({_CAPW}(?:\s+{_CAPW}){{0,3}}\s+(?:Universitet|University College|Institut|"
                                  rf"Erhvervsakademi)|Professionshøjskolen\s+{_NAME}|Erhvervsakademi\s+{_CAPW}|"
                                  rf"(?:{_CAPW}\s+){{0,2}}[A-ZÆØÅ][\wæøå]+højskole|University\s+(?:of|at)\s+{_CAPW}(?:\s+{_CAPW}){{0,2}}|"
                                  rf"(?:{_CAPW}\s+){{1,4}}College|(?:Høgskulen|Högskolan|Hochschule|Universitetet)\s+(?:på|i|for|in)?\s*{_CAPW}(?:\s+{_CAPW}){{0,2}})\b", 1),
        ("hospital", rf"\b({_CAPW}(?:[- ]{_CAPW}){{0,3}}\s+(?:Sygehus|Hospital|Universitetshospital)|"
                     rf"{_CAPW}(?:\s+{_CAPW}){{0,2}}\s+[A-ZÆØÅ]?[\wæøå]*(?:sjukhuset|sjukhus|Sjukhuset)|"
                     # Norwegian hospitals: "Akershus universitetssykehus", "Nordlandssykehuset"
                     rf"{_CAPW}\s+[a-zæøå]*(?:sykehus|sjukehus)(?:et)?|[A-ZÆØÅ][\wæøå]+(?:sykehuset|sjukehuset)|"
                     rf"Regionshospitalet\s+{_CAPW}|Hospitalsenhed(?:en)?\s+{_CAPW})\b", 1),
        ("state_agency", rf"\b([A-ZÆØÅ][\wæøå-]*(?:- og [A-ZÆØÅ][\wæøå]*)?(?:styrelsen|ministeriet|direktoratet|tilsynet)|"
                         rf"Styrelsen for\s+{_NAME})\b", 1),
        ("unit", rf"\b(Center for\s+{_NAME}|Afdeling(?:en)? for\s+{_NAME}|Institut for\s+{_NAME}|"
                 rf"(?:{_CAPW}\s+){{0,2}}{_CAPW}(?:s|['’])\s+[A-ZÆØÅ][\wæøå]*(?:afdeling|afdelingen|afsnit|afsnittet|klinik|klinikken)|"
                 rf"{_CAPW}\s+(?:Byråd|Kommunalbestyrelse|Regionsråd|Ældreråd|Handicapråd|Integrationsråd|Ungeråd)|"
                 rf"(?:Akutteam|Akutteamet|Dagtilbud|Sprogcenter|Sprogcentret|Rygcenter|Sundhedscenter|Center)\s+{_CAPW}(?:[- ]{_CAPW}){{0,2}}|"
                 rf"(?:Klinisk\s+|Psykiatrisk\s+)?{_CAPW}(?:\s+{_CAPW}){{0,2}}\s+(?:Afdeling|Bibliotek|Biblioteker|Bibliotekerne|Center|Centret|Skole|"
                 rf"Botilbud|Aktivitetscenter|Sundhedshus|Sundhedscenter|Plejecenter|Medborgerhus|Ambulatorium)(?:\s+{_CAPW})?|"
                 rf"(?:Jobcenter|Biblioteket|Botilbuddet|Medborgercentret|Medborgercenteret|Borgerservice|Ungdomscenter|"
                 rf"Bofællesskabet|Sundhedshuset|Plejecentret|Plejecenter|Dagcentret|Aktivitetscentret|Klubben|"
                 rf"Fritidsklubben|Ungdomsskolen|Musikskolen|Børnehuset|Vuggestuen|Børnehaven|Bostedet|Værestedet|"
                 rf"Kulturhuset|Medborgerhuset|Ungecenter|Ungehuset|Rehabiliteringscenter|Genoptræningscenter|"
                 rf"Sundhedscenter|Ungdommens\s+Uddannelsesvejledning|UU)"
                 rf"\s+(?:i\s+)?{_CAPW}(?:\s+{_CAPW}){{0,3}}|"
                 rf"{_CAPW}\s+[A-ZÆØÅ]?[\wæøå]*(?:hovedbibliotek|bibliotek)|"
                 rf"[A-ZÆØÅ][\wæøå]{{2,}}(?:- og [A-ZÆØÅ]?[\wæøå]*)?(?:forvaltningen|afdelingen|centret|centeret|skolen|"
                 rf"rådet|udvalget|værkstedet|biblioteket|bibliotekerne|psykiatrien|ambulatoriet|klinikken|afsnittet|"
                 rf"terapien|plejen)|"
                 rf"Psykiatrien\s+(?:i\s+)?Region\s+{_CAPW}|Regionspsykiatrien\s+{_CAPW})\b", 1),
        ("network", rf"\b({_CAPW}(?:\s+{_CAPW}){{0,3}}(?:-(?:netværk(?:et)?|fællesskabet|klyngen)|\s+(?:Netværk(?:et)?|Cluster))|"
                    rf"[A-ZÆØÅ][\wæøå]{{2,}}gruppen)\b", 1),
        ("network", rf"\b(?:[Pp]artnerskabet|[Nn]etværket|[Ff]ællesskabet|[Kk]lyngen)\s+({_NAME})", 1),
        # "Hjælpemiddelsamarbejdet Djursland", "Indkøbsfællesskabet Fyn": a named cooperation of several bodies.
        ("network", rf"\b([A-ZÆØÅ][\wæøå]+(?:samarbejdet|fællesskabet|fællesskab)\s+{_CAPW}(?:[- ]{_CAPW}){{0,2}})\b", 1),
        # Schools of a municipality named after their town: "Stevns Ungdomsskole", "Allerød Musikskole";
        # "SSP Aalborg"; a hospital pharmacy: "Region Sjællands Sygehusapotek".
        ("unit", rf"\b({_CAPW}(?:[- ]{_CAPW})?\s+(?:Ungdomsskole|Musikskole|Billedskole|Kulturskole|Sygehusapotek)|SSP\s+{_CAPW}|"
                 rf"Sygehusapoteket\s+{_CAPW})\b", 1),
        ("knowledge_institution", rf"\b({_CAPW}(?:[- ]{_CAPW})?\s+(?:Produktionsskole|Erhvervsskole|Handelsskole|Tekniske\s+Skole))\b", 1),
        # A kind word with a proper name after it: "Forældreforeningen Lillebitte", "Boligselskabet Dragørhus".
        ("association", rf"\b([A-ZÆØÅ][\wæøå]*(?:foreningen|forening|klubben|klub|selskabet|kollegiet|lauget|laug)\s+{_CAPW}(?:\s+{_CAPW}){{0,3}})\b", 1),
        ("association", rf"\b({_CAPW}(?:\s+{_CAPW}){{0,2}}\s+[A-ZÆØÅ][\wæøå]*(?:forening|foreningen|laug|lauget|klub|klubben|selskab|selskabet))\b", 1),
        # Nordic and German legal forms, utilities: "MKB Fastighets AB", "Marstal Fjernvarme", "Stadtwerke München".
        ("company", rf"\b((?:{_CAPW}\s+){{1,3}}(?:AB|AS|ASA|GmbH|Oy)|{_CAPW}(?:\s+{_CAPW})?\s+(?:Forsyning|Fjernvarme|Vandselskab|"
                    rf"Varmeværk)|Stadtwerke\s+{_CAPW})(?![\w/])", 1),
        ("company", rf"\b((?:Tegnestuen|Forlaget|Rådgivningsfirmaet|Ingeniørfirmaet|Arkitektfirmaet|Vognmand|Entreprenør)\s+{_CAPW}(?:\s+{_CAPW}){{0,2}})", 1),
        ("unit", rf"\b([A-ZÆØÅ][\wæøå]*(?:værkstedet|huset|centret|centeret|skolen)\s+{_CAPW}(?:\s+{_CAPW}){{0,2}})", 1),
        # A department named "X og Y" ("Plan og Byg", "Sundhed og Omsorg"): two department words and "og".
        ("unit", rf"\b((?:{_DEPARTMENT_WORD})\s+og\s+(?:{_DEPARTMENT_WORD}))\b", 1),
    )
)

#: Generic words that pattern rules would otherwise take for names.
_GENERIC = frozenset(w.lower() for w in (
    "Forvaltningen", "Afdelingen", "Centret", "Centeret", "Skolen", "Rådet", "Udvalget", "Værkstedet",
    "Biblioteket", "Bibliotekerne", "Psykiatrien", "Fonden", "Foreningen", "Gruppen", "Styrelsen",
    "Ministeriet", "Direktoratet", "Tilsynet", "Styregruppen", "Arbejdsgruppen", "Projektgruppen",
    "Målgruppen", "Følgegruppen", "Referencegruppen", "Ledergruppen", "Kernegruppen", "Brugergruppen",
    "Ekspertgruppen", "Fokusgruppen", "Aldersgruppen", "Patientgruppen", "Borgergruppen", "Forældregruppen",
    "Elevrådet", "Ældrerådet", "Handicaprådet", "Byrådet", "Regionsrådet", "Lokalrådet", "Skolebestyrelsen",
    "Folkeskolen", "Specialskolen", "Højskole", "Danske Kommuner", "Danske Regioner", "Området", "Bestyrelsen",
    "Ledelsen", "Direktionen", "Idrætshøjskole", "Efterskolen", "Friskolen", "Privatskolen",
))


def pattern_mentions(text: str, gazetteer: Gazetteer, stops: list[Mention] | None = None) -> list[Mention]:
    """Organisations recognised by the shape of their name (kind word or announcing word).

    Examples
    --------
    >>> g = Gazetteer.default()
    >>> [(m.name, m.kind) for m in pattern_mentions("skabt i samarbejde med start-up virksomheden Motes", g)]
    [('Motes', 'company')]
    >>> [(m.name, m.kind) for m in pattern_mentions("Foreningen Talentspejderen har været inddraget", g)]
    [('Foreningen Talentspejderen', 'association')]
    """
    found: list[Mention] = []
    lowered = text.lower()
    for kind, rx, group in _PATTERNS:
        if not any(word in lowered for word in _PATTERN_WORDS[kind]):
            continue
        for m in rx.finditer(text):
            surface = m.group(group).strip(" .,;:")
            start = m.start(group) + m.group(group).find(surface)
            # A known organisation inside a pattern's match ends the name before it:
            # "Center for Demens i Københavns Kommune" is the centre, then the municipality.
            end = start + len(surface)
            if any(start < k.start and k.end == end and k.kind == kind for k in stops or ()):
                continue  # "Renovatøren Marius Pedersen A/S": a descriptor before a known name of the same kind
            for k in stops or ():
                if start < k.start < start + len(surface):
                    surface = surface[: k.start - start]
            surface = _trim_name(surface.strip(" .,;:"))
            if not surface or name_key(surface) in _GENERIC or surface.lower() in NOT_ORGANISATIONS:
                continue
            known = gazetteer.lookup(surface, fuzzy=False)
            name, k = (known.name, known.kind) if known else (normalise_name(surface), kind)
            found.append(Mention(name, k, start, start + len(surface), surface, "pattern",
                                 known.parent if known else None))
    return found


_LEADING_NOISE = frozenset(w.lower() for w in (
    "Det", "Der", "Den", "De", "Vi", "Man", "Med", "Fra", "Til", "Efter", "Inden", "Under", "Over", "Ved", "Nu",
    "Her", "Som", "Og", "Men", "For", "Fx", "Både", "Også", "Derfor", "Desuden", "Derudover", "Samtidig", "Hos",
    "Hvor", "Når", "Da", "Hvis", "Sådan", "Også", "Blandt", "Mellem", "Via", "Gennem", "I", "På",
))


def _trim_name(surface: str) -> str:
    """Drop trailing words that are not part of a name ("Motes og", "Aalborg Kommune i")."""
    words = surface.split()
    while words and (words[-1] in ("og", "for", "i", "af", "&", "til", "på", "med", "de", "du", "the", "of", "and")
                     or words[-1].isdigit()):
        words.pop()
    while len(words) > 1 and words[0].lower() in _LEADING_NOISE:
        words.pop(0)
    return " ".join(words)


def normalise_name(surface: str) -> str:
    """A written name in its normal form: layout capitals undone, spaces folded.

    Examples
    --------
    >>> normalise_name("MIDTPUNKTET")
    'Midtpunktet'
    >>> normalise_name("STENO Diabetes Center Odense")
    'Steno Diabetes Center Odense'
    >>> normalise_name("KOMBIT")
    'KOMBIT'
    """
    words = re.sub(r"\s+", " ", surface).strip().split(" ")
    if len(words) == 1 and len(words[0]) <= 6:
        return words[0]  # acronyms stay as written
    out = []
    for w in words:
        if len(w) > 4 and w.isupper() and w.isalpha():
            w = w.capitalize()
        out.append(w)
    return " ".join(out)


# -- names announced by the words before them -----------------------------------
_CUE = re.compile(
    r"\b(?:i (?:et )?(?:tæt |tværgående )?samarbejde med|i partnerskab med|samarbejde(?:r|t)? med|sammen med|"
    r"OPI-samarbejde med|partnerskab(?:et)? med|partnere(?: er| var)?:?|samarbejdspartnere(?: er| var)?:?|"
    r"støttet af|støtte fra|finansieret af|finansiering fra|midler fra|fondsmidler fra|bevilling fra|"
    r"tilskud fra|udviklet af|bygget af|leveret af|evalueret af|evaluering(?:en)? (?:er )?(?:udført |foretaget )?af|"
    r"med deltagelse af|deltagere:?|bl\.a\. med)\s+", re.IGNORECASE)
_LIST_ITEM = re.compile(rf"(?:(?:en|et|de|den|det)\s+[a-zæøå-]+\s+)?({_NAME})")


def announced_mentions(text: str, gazetteer: Gazetteer) -> list[Mention]:
    """Names in a list after a word that announces organisations ("i samarbejde med X, Y og Z").

    The kind comes from the name's own words where they say it, else from the
    announcing words: a builder, supplier or OPI partner is a company.

    Examples
    --------
    >>> g = Gazetteer.default()
    >>> [(m.name, m.kind) for m in announced_mentions("i et OPI-samarbejde med Innovation Silkeborg og TimeStory VR.", g)]
    [('Innovation Silkeborg', 'association'), ('TimeStory VR', 'company')]
    """
    found: list[Mention] = []
    for cue in _CUE.finditer(text):
        rest = text[cue.end():]
        stop = re.search(r"[.;:!?]\s|[.;!?]$|\s[–-]\s|\(", rest)
        segment = rest[: stop.start()] if stop else rest
        offset = cue.end()
        for piece in re.split(r",\s*|(?<!-)\s+og\s+|\s+samt\s+|\s+&\s+", segment):
            m = _LIST_ITEM.match(piece.strip())
            if not m:
                continue
            surface = _known_prefix(_trim_name(m.group(1)), gazetteer)
            if not surface or surface.lower() in NOT_ORGANISATIONS or name_key(surface) in _GENERIC:
                continue
            start = text.find(surface, offset)
            if start < 0:
                continue
            offset = start + len(surface)
            known = gazetteer.lookup(surface, fuzzy=False)
            if known is not None:
                found.append(Mention(known.name, known.kind, start, offset, surface, "gazetteer", known.parent))
                continue
            if gazetteer.municipality(surface) is not None:
                continue  # a bare town name after "sammen med" is handled as a town
            kind = classify(surface, gazetteer) or _kind_from_cue(cue.group(0), surface)
            if kind is None:
                continue
            found.append(Mention(normalise_name(surface), kind, start, offset, surface, "pattern"))
    return found


def _known_prefix(surface: str, gazetteer: Gazetteer) -> str:
    """A local branch is its national organisation: "Ældre Sagen Holstebro" → "Ældre Sagen"."""
    words = surface.split()
    for n in range(len(words) - 1, 0, -1):
        head = " ".join(words[:n])
        rest = words[n:]
        if gazetteer.lookup(head, fuzzy=False) and all(gazetteer.municipality(w) for w in rest):
            return head
    return surface


def _kind_from_cue(cue: str, surface: str) -> str | None:
    cue = cue.lower()
    if any(w in cue for w in ("opi", "udviklet af", "bygget af", "leveret af")):
        return "company"
    if any(w in cue for w in ("støtte", "finansier", "midler", "bevilling", "tilskud")):
        return "foundation" if "fond" in surface.lower() else None
    if len(surface.split()) <= 3 and not surface.isupper():
        return "company"
    return None


# -- towns standing for their municipality ---------------------------------------
_TOWN_LIST = re.compile(
    r"\b(?:kommunerne|Kommunerne)\s+((?:[A-ZÆØÅ][\wæøå-]+(?:,\s*|\s+og\s+))+[A-ZÆØÅ][\wæøå-]+)"
    r"|\b((?:[A-ZÆØÅ][\wæøå-]+(?:,\s*|\s+og\s+))+[A-ZÆØÅ][\wæøå-]+)\s+[Kk]ommuner?\b")


#: A heading that announces a list of municipalities by their towns: "Projektkommuner:",
#: "Deltagende kommuner:", "Kommunerne i projektet:", "Følgekommuner:".
_TOWN_LIST_HEADING = re.compile(r"\b\w*[Kk]ommuner(?:ne)?(?:\s+[\wæøå]+){0,3}\s*:\s*")
#: What separates the towns of such a list: bullets, commas, semicolons, "og"/"samt".
_LIST_SEPARATOR = re.compile(r"\s*(?:[•·*▪;,]|\s-\s|\bog\b|\bsamt\b)\s*")


def _headed_town_list(text: str, gazetteer: Gazetteer) -> list[Mention]:
    """The towns of a list under a municipalities heading ("Projektkommuner: • Hjørring •
    Thisted"), each the municipality of that name; the list ends at the first item that is no
    municipality's town, or at the end of the sentence.

    Examples
    --------
    >>> g = Gazetteer.default()
    >>> [m.name for m in _headed_town_list("Projektkommuner: • Hjørring • Thisted • Skive. Mere.", g)]
    ['Hjørring Kommune', 'Thisted Kommune', 'Skive Kommune']
    >>> [m.name for m in _headed_town_list("Kommunerne i projektet: Aarhus, Herning og Viborg", g)]
    ['Aarhus Kommune', 'Herning Kommune', 'Viborg Kommune']
    """
    found: list[Mention] = []
    for heading in _TOWN_LIST_HEADING.finditer(text):
        position = heading.end()
        end = len(text)
        stop = re.search(r"[.!?](?:\s|$)", text[position:])
        if stop:
            end = position + stop.start()
        for item in _LIST_SEPARATOR.split(text[position:end]):
            name = item.strip().strip("-–").strip()
            if not name:
                continue
            town = gazetteer.municipality(name) if len(name.split()) <= 3 else None
            if town is None:
                break
            start = text.find(name, position)
            position = start + len(name)
            found.append(Mention(town.name, "municipality", start, position, name, "gazetteer"))
    return found


def join_town_lists(text: str) -> str:
    """A bulleted list under a municipalities heading as one comma-separated sentence, so that
    the sentence splitter (which splits at bullets) keeps the towns with their heading.

    Examples
    --------
    >>> join_town_lists("Projektkommuner: • Hjørring • Thisted • Skive. • Et andet punkt")
    'Projektkommuner: Hjørring, Thisted, Skive. • Et andet punkt'
    """
    def joined(m: re.Match[str]) -> str:
        items = [x.strip() for x in re.split(r"\s*[•·▪*]\s*", m.group(2)) if x.strip()]
        return m.group(1) + ", ".join(items)

    return re.sub(r"(\b\w*[Kk]ommuner(?:ne)?(?:\s+[\wæøå]+){0,3}\s*:\s*)((?:[•·▪*]?\s*[A-ZÆØÅ][^.!?•·▪*:]*?)"
                  r"(?:\s*[•·▪*]\s*[A-ZÆØÅ][^.!?•·▪*:]*?)+)(?=[.!?:]|\s*$|\s+•\s+[^A-ZÆØÅ])", joined, text)


def town_mentions(text: str, gazetteer: Gazetteer) -> list[Mention]:
    """Municipalities named by their town: in lists ("kommunerne Billund og Vejen",
    "Randers og Morsø kommuner") and as the subject of a verb ("Aarhus har indført").

    Examples
    --------
    >>> g = Gazetteer.default()
    >>> [m.name for m in town_mentions("Randers og Morsø kommuner har ladet sig inspirere", g)]
    ['Randers Kommune', 'Morsø Kommune']
    >>> [m.name for m in town_mentions("Turister i Aarhus kan også bruge den.", g)]
    []
    >>> [m.name for m in town_mentions("Brønderslev har siden 2022 tilbudt Netlektier", g)]
    ['Brønderslev Kommune']
    """
    found: list[Mention] = _headed_town_list(text, gazetteer)
    for m in _TOWN_LIST.finditer(text):
        group = 1 if m.group(1) else 2
        names = re.split(r",\s*|\s+og\s+", m.group(group))
        towns = [gazetteer.municipality(n) for n in names]
        if not all(towns):
            continue
        offset = m.start(group)
        for n, town in zip(names, towns):
            start = text.find(n, offset)
            offset = start + len(n)
            found.append(Mention(town.name, "municipality", start, offset, n, "gazetteer"))
    # People from a town's municipality: "interesse fra Fredericia", "besøg fra Odder".
    for m in re.finditer(r"\b(?:[Ii]nteresse|[Bb]esøg|[Hh]envendelser?|[Dd]elegation(?:er)?|[Mm]edarbejdere|[Kk]olleger)\s+fra\s+"
                         r"([A-ZÆØÅ][\wæøå-]+)\b(?!\s+(?:[A-ZÆØÅ]|Kommune))", text):
        town = gazetteer.municipality(m.group(1))
        if town is not None:
            found.append(Mention(town.name, "municipality", m.start(1), m.end(1), m.group(1), "pattern"))
    for m in re.finditer(rf"(?:^|[.!?:]\s+|,\s+(?:og\s+|mens\s+)?|\bog\s+)([A-ZÆØÅ][\wæøå-]+)\s+{_AGENT_VERBS}\b", text):
        town = gazetteer.municipality(m.group(1))
        if town is not None and m.group(1).lower() not in NOT_ORGANISATIONS:
            found.append(Mention(town.name, "municipality", m.start(1), m.end(1), m.group(1), "pattern"))
    return found


def find_mentions(text: str, gazetteer: Gazetteer) -> list[Mention]:
    """Every organisation named in ``text``: overlapping finds resolved to the longest.

    Parameters
    ----------
    text : str
        One passage (a sentence or a section), already repaired.
    gazetteer : Gazetteer

    Returns
    -------
    list of Mention
        In order of position; where two finds overlap the longer one (then the
        gazetteer's) is kept.

    Examples
    --------
    >>> g = Gazetteer.default()
    >>> text = "Socialafdelingen i Silkeborg Kommune har udviklet filmene i et OPI-samarbejde med Innovation Silkeborg og TimeStory VR."
    >>> [(m.name, m.kind) for m in find_mentions(text, g)]
    [('Socialafdelingen', 'unit'), ('Silkeborg Kommune', 'municipality'), ('Innovation Silkeborg', 'association'), ('TimeStory VR', 'company')]
    """
    known = gazetteer_mentions(text, gazetteer)
    candidates = (known + pattern_mentions(text, gazetteer, known)
                  + announced_mentions(text, gazetteer) + town_mentions(text, gazetteer))
    rank = {"gazetteer": 0, "pattern": 1}
    candidates.sort(key=lambda m: (-(m.end - m.start), rank.get(m.method, 2), m.start))
    taken: list[Mention] = []
    for m in candidates:
        if any(m.start < t.end and t.start < m.end for t in taken):
            continue
        taken.append(m)
    taken = [_with_branch(m, text, gazetteer) for m in taken]
    return _with_parents(sorted(taken + _nested(taken, gazetteer), key=lambda m: m.start), text)


#: Parts of the country a local branch is named after: "PLO Sjælland", "3F Lolland-Falster", "SIND Sønderjylland".
_LANDSDELE = frozenset((
    "Sjælland", "Nordsjælland", "Sydsjælland", "Vestsjælland", "Midtsjælland", "Østsjælland", "Fyn", "Sydfyn",
    "Nordfyn", "Jylland", "Nordjylland", "Midtjylland", "Sydjylland", "Sønderjylland", "Vestjylland", "Østjylland",
    "Syddanmark", "Hovedstaden", "Storkøbenhavn", "Lolland-Falster", "Bornholm", "Djursland", "Himmerland",
    "Vendsyssel", "Thy", "Salling", "Trekantområdet", "Østjylland", "Sydvestjylland",
))


def _with_branch(m: Mention, text: str, gazetteer: Gazetteer) -> Mention:
    """"Bedre Psykiatri Lemvig", "Ældre Sagen Holstebro": a local branch is its national organisation,
    and the town after the name belongs to the name (so the words after it speak of it)."""
    if m.kind not in ("association", "foundation", "company", "network"):
        return m
    after = re.match(r"\s+([A-ZÆØÅ][\wæøå-]+)\b", text[m.end:])
    if after and (gazetteer.municipality(after.group(1)) is not None or after.group(1) in _LANDSDELE) \
            and not re.match(r"\s+Kommune", text[m.end + after.end():]):
        return Mention(m.name, m.kind, m.start, m.end + after.end(), text[m.start:m.end + after.end()], m.method, m.part_of)
    return m


def _nested(mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """Organisations named inside a unit's name: "Psykiatrien i Region Syddanmark" names the region too."""
    out = []
    for m in mentions:
        if m.kind != "unit":
            continue
        first_word = re.match(r"\S+\s*", m.surface)
        skip = first_word.end() if first_word and not m.surface.startswith("Region ") else 0
        for inner in gazetteer_mentions(m.surface[skip:], gazetteer):
            if inner.kind in ("municipality", "region", "hospital"):
                out.append(Mention(inner.name, inner.kind, m.start + skip + inner.start, m.start + skip + inner.end,
                                   inner.surface, "gazetteer", inner.part_of))
    return out


_PARENT_LINK = re.compile(r"^\s*(?:i|på|hos|under|ved|fra|,|,\s*(?:som|der)\s+(?:hører|ligger)\s+under)\s*(?:det\s+|den\s+)?$")


def _with_parents(mentions: list[Mention], text: str) -> list[Mention]:
    """A unit followed by "i/på/hos <organisation>" is part of that organisation."""
    out = []
    for i, m in enumerate(mentions):
        if m.kind == "unit" and i + 1 < len(mentions) and m.part_of is None:
            nxt = mentions[i + 1]
            if _PARENT_LINK.match(text[m.end:nxt.start]) and nxt.kind != "unit" or \
                    (nxt.kind == "unit" and _PARENT_LINK.match(text[m.end:nxt.start]) and nxt.name != m.name):
                m = Mention(m.name, m.kind, m.start, m.end, m.surface, m.method, nxt.name)
        out.append(m)
    return out
