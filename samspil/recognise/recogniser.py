"""The recogniser: from a case record's text to case facts (actors, roles, spread).

Gazetteers and patterns of Danish public-sector language, no statistical model
(see :mod:`samspil.recognise.mentions` for names, :mod:`samspil.recognise.spread` for
spread).  A role comes from the words around a name ("i samarbejde med",
"finansieret af") and, where they say nothing, from the section it stands in
("Hvem har samarbejdet om innovationen?" makes partners; the reuse contacts are
the people who run the solution).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from samspil.core.identity import Gazetteer, name_key
from samspil.core.model import ROLE_PRIORITY
from samspil.recognise.mentions import NOT_ORGANISATIONS, Mention, find_mentions
from samspil.core.records import (ActorMention, CaseFacts, CaseRecord, GroupMention, InspirationMention, SharedMention,
                                  SpreadMention)
from samspil.core.themes import tag_case_themes
from samspil.recognise.spread import (NOT_SPREAD, GroupPhrase, Place, group_phrases, inspiration_cues, named_work_after,
                                      places_abroad, shared_channels, spread_cues, year_near)

#: Sections whose figures report effect (not the resources spent or the contacts).
_EFFECT_SECTIONS = ("summary", "solution", "value_quality", "value_efficiency", "value_political_goals",
                    "value_democracy", "value_innovation_capacity", "capacity_evaluation", "key_elements", "quote")
_EFFECT = re.compile(
    r"(\b\d+(?:[.,]\d+)?\s*(?:procent(?:point)?|pct\.?|%)\b(?!.{0,40}\b(?:af\s+(?:budgettet|udgifterne|borgerne|befolkningen)))"
    r"|\b(?:reduceret|nedbragt|faldet|steget|øget|sparet|halveret|fordoblet|forkortet)\b[^.]{0,60}?\b\d+"
    r"|\b(?:\d+|én|en|to|tre|fire|fem|seks|syv|otte|ni|ti)\s+ud\s+af\s+(?:de\s+)?(?:\d+|to|tre|fire|fem|seks|ti|hundrede)\b"
    r"|\b(?:en\s+tredjedel|en\s+fjerdedel|halvdelen|to\s+tredjedele|tre\s+fjerdedele)\s+af\s+(?:de\s+)?"
    r"(?:deltagerne|borgerne|eleverne|de\s+unge|patienterne|brugerne|beboerne)\b"
    r"|\b(?:steg|faldt|voksede|gik)\s+(?:\w+\s+){0,3}fra\s+\d+(?:[.,]\d+)?\s+til\s+\d+"
    r"|\b(?:én|en|to|tre|fire|fem|seks|syv|\d+)\s+(?:nu\s+)?(?:er\s+)?(?:helt\s+)?(?:blevet\s+)?(?:mere\s+)?selvhjulpne?\b"
    r"|\bheraf\s+(?:er\s+)?(?:\w+\s+){0,2}i\s+(?:arbejde|job|uddannelse))",
    re.IGNORECASE,
)

#: Figures that are costs, targets or facts about the population, not an effect.
_NOT_EFFECT = re.compile(r"\b(?:koster|budget\w*|udgift\w*|pris|befolkning\w*|danskerne|landsplan|målsætning|"
                         r"mål(?:et)?\s+(?:er|om)|forventer|forventes|påstand|ved\s+jeg\s+ikke|har\s+behov|landsnorm\w*|"
                         r"de\s+\d+\s*procent)\b", re.IGNORECASE)
_OUTCOME = re.compile(r"\b(?:reduceret|nedbragt|faldet|faldt|steget|steg|øget|forbedret|sparet|halveret|fordoblet|"
                      r"forkortet|ud\s+af|selvhjulpne?|tilbage|i\s+(?:arbejde|job|uddannelse)|oplever|svarer|føler|"
                      r"viser|resultat\w*|effekt\w*)\b", re.IGNORECASE)

#: Words around a name that give it a role: (role, pattern), searched in the words just before the name.
_MADE_BY = re.compile(r"\b(?:i\s+samarbejde\s+med|sammen\s+med|i\s+partnerskab\s+med|finansieret\s+af|støttet\s+af|"
                      r"udviklet\s+af|bygget\s+af|leveret\s+af|evalueret\s+af)\s+(?:\w+\s+)?$", re.IGNORECASE)
_NEGATED = re.compile(r"\b(?:ikke|hverken|uden)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
#: "det var aldrig lykkedes uden X": a double negation says X took part.
_NOT_NEGATED = re.compile(r"\b(?:ikke|aldrig)\b[^.;]{0,40}\buden\s+(?:\w+\s+){0,2}$", re.IGNORECASE)

#: The rest of a list after its first item: "X, Y og Z" — a cue before X speaks of Z too.
_LIST_TAIL = (r"(?:(?:(?!,\s*og\b)[^.;!?]){0,100}?(?:,|\bog\b|\bsamt\b|\s[–•-]\s|\(i\s+dette\s+tilfælde)\s*"
              r"(?:af\s+|fra\s+)?(?:[a-zæøå-]+\s+){0,2})?")

#: Words before a name that give it a role: (role, pattern ending where the name starts).
_ROLE_CUES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (role, re.compile(rx + _LIST_TAIL + r"\s*$", re.IGNORECASE))
    for role, rx in (
        ("funder", r"\b(?:finansieret|støttet|støtte|medfinansieret|sponsoreret|betalt|midler|fondsmidler|regionalfondsmidler|"
                   r"bevilling|tilskud|donation|puljemidler|finansiering|bevilget)\b[^.;:!?]{0,120}?\b(?:af|fra|via)\s+"
                   r"|\b(?:hovedsponsor|sponsor)\b[^.;:!?]{0,20}?\s"
                   r"|\b\d[\d.,]*\s*(?:mio\.?|millioner|mia\.?)?\s*kr\.?\s+(?:\w+\s+){0,2}fra\s+"
                   r"|(?:^|\s)(?:Finansiering|Finansieret\s+af|Støttet\s+af|Bevillingsgiver(?:e)?)\s*:\s*"
                   r"|\b(?:[Aa]nsøgning|[Ff]ondsansøgning)\s+(?:om\s+\w+\s+)?(?:til|hos)\s+"),
        ("owner", r"\b(?:et|er\s+et)\s+tilbud\s+fra\s+|\ben\s+del\s+af\s+|\blead\s+partner,?\s+|(?:^|\s)(?:Organisation|Ansøger|Projektejer|Indstiller|Indstillet\s+af|Ordregiver|Ansvarlig\s+organisation|"
                  r"Projektansvarlig)\s*:\s*|\b(?:ledes|drives)\s+(?:\w+\s+){0,2}af\s+"),
        ("inspiration", r"\b(?:oprindeligt?\s+udviklet\s+af|med\s+inspiration\s+fra|inspireret\s+af|"
                        r"inspirationen\s+(?:er\s+)?(?:fundet|hentet)\s+(?:i|fra|hos))\s+"),
        ("partner", r"\bBlandt\s+[^.;]{0,80}?,\s*(?:der|som)\s+(?:har\s+)?(?:\w+\s+){0,2}?(?:taget\s+imod|deltaget|deltager|"
                    r"bidraget|bidrager|hjulpet|hjælper|leveret|leverer|samarbejdet|samarbejder|været\s+med)[^.;]{0,100}?,\s*"
                    r"(?:er|var)\s+(?:bl\.a\.\s+|blandt\s+andre\s+)?"
                    r"|\b(?:samarbejde(?:r|t)?\s+(?:\w+\s+){0,2}med|sammen\s+med|i\s+partnerskab\s+med|"
                    r"partnerskab(?:et)?\s+(?:\w+\s+){0,2}(?:med|mellem)|samarbejde\s+mellem|"
                    r"OPI-samarbejde\s+med|bl\.a\.\s+med|udviklet\s+af|bygget\s+af|leveret\s+af|evalueret\s+af|"
                    r"evaluering(?:en)?\s+(?:\w+\s+){0,4}(?:af|fra)|beregninger\s+fra|afholdes\s+(?:\w+\s+){0,4}på|"
                    r"partnere?:?|samarbejdspartnere?:?|deltagere:?|styregruppe(?:n)?\s+(?:\w+\s+){0,3}(?:med|består\s+af)|"
                    r"repræsentanter\s+fra|rekrutteret\s+gennem|hjulpet\s+af|i\s+(?:tæt\s+|løbende\s+|nær\s+)?dialog\s+med|"
                    r"(?:med\s+)?hjælp\s+fra|(?:^|\s)(?:Evaluering|Evaluator|Leverandør(?:er)?|Rådgiver(?:e)?)\s*:|"
                    # a passive's agent: "tilrettelagt af", "rekrutteres og uddannes af", "bygget om af", "lånes af"
                    r"\b(?!(?:meget|mest|flest|lidt|godt|helt|sidst|først|slet|tæt|vist|stadigt?|ejet|ejes|omtalt|nævnt|beskrevet)\s)[a-zæøå]{3,}(?:es|et|t)"
                    r"\s+(?:og\s+[a-zæøå]{3,}(?:es|et|t)\s+)?(?:om\s+|op\s+|ud\s+|ind\s+)?af(?:\s+[a-zæøå-]+)?|"
                    r"(?:studerende|forskere|medarbejdere|eksperter|frivillige|fagfolk)\s+(?:[\wæøå-]+\s+){0,6}fra|"
                    r"(?:leveres|leveret|installeret|installeres|programmeret|designet|bygges|udvikles)\s+(?:\w+\s+){0,2}af)"
                    r"(?:\s+(?:en|et|de|den|det|både|blandt\s+andet|bl\.a\.|fx|f\.eks\.))?\s+"
                    # a describing word or two before the name: "den sønderjyske virksomhed X", "sundhedsplejen i X"
                    r"(?:(?-i:[a-zæøå][\wæøå-]*)\s+){0,3}?"),
    )
)
_FUNDER_AFTER = re.compile(r"^\s*(?:,\s*(?:der|som)\s+(?:har\s+)?|har\s+(?:også\s+)?|som\s+har\s+)?(?:bevilgede|donerede|"
                           r"finansierede|støttede|gav\s+(?:\w+\s+)?[\d.,]+\s*(?:mio\.?|millioner|kr)|støttet|finansieret|medfinansieret|bevilget|doneret|"
                           r"sponsoreret|finansierer|medfinansierer|betaler\s+for|bidrager\s+med\s+[\d.,]+|"
                           r"bidraget\s+med\s+[\d.,]+|givet\s+(?:et\s+|en\s+)?(?:[\d.,]+|tilskud|støtte|bevilling|donation)|"
                           r"betalt\s+(?:for|[\d.,]+)|betalte|s?\s*(?:bevilling|donation|tilskud|støtte)\s+(?:på|af))",
                           re.IGNORECASE)
_PARTNER_AFTER = re.compile(r"^\s*(?:har\s+(?:også\s+|siden\s+\d{4}\s+(?:også\s+)?)?(?:været\s+)?(?:inddraget|bidraget|deltaget|"
                            r"hjulpet|rekrutteret|reserveret|stillet)|"
                            r"(?:er|var)\s+(?:også\s+)?(?:med|inddraget|partner)|"
                            r"deltager|bidrager|samarbejder|stiller|sidder\s+i)", re.IGNORECASE)
#: Verbs of making: a supplier or evaluator outside the owners is a partner; a unit of the owner
#: that makes the solution runs it.
_MAKER_AFTER = re.compile(r"^\s*(?:har\s+(?:også\s+|siden\s+\d{4}\s+(?:også\s+)?)?(?:leveret|bygget|testet|skrevet|evalueret|"
                          r"udviklet|designet|programmeret|stået\s+for|interviewet|installeret)|står\s+for|leverer|"
                          r"evaluerer|udvikler|bygger|installerer)",
                          re.IGNORECASE)
#: "X, Y og Z har ...": the verb after a list speaks of every name in it.
_LIST_REST = re.compile(r"^(?:\s*(?:,|og|samt)\s+(?:[A-ZÆØÅ][\wæøå&.-]*\s*){1,6})*")
#: An organisation that is the subject of an active verb did something for the solution: a partner
#: ("Dansk Cyklist Forbund har uddannet vores instruktører", "FynBus har flyttet to stoppesteder",
#: "Københavns Professionshøjskole følger projektet").
_ACTING_SUBJECT = re.compile(
    r"^\s*(?:,\s*(?:der|som)\s+)?(?:(?:har|havde)\s+(?:også\s+|nu\s+|siden\s+\S+\s+|i\s+\S+\s+)*"
    r"(?:været\s+med\s+til|hjulpet|lært|uddannet|undervist|målt|beregnet|udarbejdet|lavet|skrevet|flyttet|undersøgt|"
    r"leveret|stillet|sørget|rekrutteret|bidraget|testet|afprøvet|rådgivet|vejledt|koordineret|formidlet|produceret|"
    r"tegnet|designet|givet\s+adgang|åbnet\s+for|interviewet|fulgt|analyseret|kortlagt|trænet)"
    r"|(?:leverer|leverede|følger|fulgte|hjælper|hjalp|underviser|underviste|uddanner|uddannede|rekrutterer|rekrutterede|"
    r"udgiver|udgav|holder|holdt|stiller|stillede|bidrager|bidrog|deltager|deltog|sørger|sørgede|måler|målte|evaluerer|"
    r"tester|testede|vejleder|rådgiver|rådgav|producerer|koordinerer|formidler|træner|trænede|kører\s+for))\b",
    re.IGNORECASE)

#: A name's own parent after it ("Center for Ungdomsforskning ved Aalborg Universitet har ..."), a
#: parenthesis, or the colon / dash of a form's list ("Falck: kører bussen", "FOA – har bidraget med"):
#: what stands between a subject and its verb.
_SUBJECT_TAIL = re.compile(r"^(?:\s+(?:[Kk]ommuner|[Rr]egioner)\b)?(?:\s*\([^)]{0,80}\))?(?:\s+(?:i|på|ved|hos|under)\s+(?:[A-ZÆØÅ0-9][\wæøå&.'’-]*\s*){1,5}(?=\s|,|$))?"
                           r"(?:\s*[:–]\s*|\s+-\s+)?")
#: A participle that tells no part in the solution: "har fået", "har sagt", "har vist interesse".
_IDLE_PARTICIPLES = frozenset((
    "fået", "haft", "sagt", "udtalt", "vist", "besøgt", "spurgt", "hørt", "set", "ladet", "mistet", "oplevet",
    "kaldt", "nævnt", "modtaget", "søgt", "ansøgt", "ønsket", "skrevet", "lovet", "forklaret", "fortalt", "meldt",
    "kopieret", "implementeret", "indført", "overtaget", "adopteret", "besluttet", "valgt", "bedt", "efterspurgt",
    "inviteret", "præsenteret", "lanceret", "udgivet", "offentliggjort", "anbefalet", "kritiseret", "vedtaget",
    "afsat", "bevilget", "støttet", "finansieret", "doneret", "betalt", "sponsoreret", "medfinansieret",
    "tabt", "vundet", "nået", "vedtaget", "stoppet", "afvist", "omtalt", "beskrevet", "nomineret", "indstillet", "hædret", "rost", "mødt", "glemt", "tænkt", "ment", "troet", "håbet", "undret", "mærket",
))
#: Present and past tense verbs that tell no part in the solution ("siger", "ligger", "hører under").
_IDLE_VERBS = frozenset((
    "er", "var", "siger", "sagde", "mener", "mente", "fortæller", "fortalte", "ligger", "lå", "hedder", "kender",
    "synes", "tror", "håber", "oplever", "vurderer", "forklarer", "understreger", "peger", "udtaler", "ønsker",
    "overvejer", "mangler", "bliver", "blev", "hører", "ejer", "fik", "får", "skriver", "skrev", "kalder",
    "viser", "viste", "tilbyder", "tilbød", "har", "havde", "vil", "skal", "kan", "kunne", "skulle", "ville",
    "måtte", "bør", "burde", "gør", "gjorde", "betaler", "betalte", "finansierer", "støtter", "bevilger",
    "implementerer", "implementerede", "indfører", "indførte", "kopierer", "kopierede", "besøger", "besøgte",
    "spørger", "spurgte", "ansøger", "søger", "modtager", "modtog", "bruger", "brugte", "anvender", "anvendte",
    "arbejder", "arbejdede", "starter", "startede", "begynder", "begyndte", "åbner", "åbnede",
    "udvikler", "udviklede", "driver", "drev", "valgte", "vælger", "besluttede", "beslutter", "ønskede",
    "lancerede", "lancerer", "anbefaler", "anbefalede", "omtaler", "omtalte", "beskriver", "beskrev", "kræver",
    "krævede", "anbefales", "lavede", "laver", "stoppede", "stopper", "droppede", "opgav", "godkendte", "godkender",
    "vedtog", "vedtager", "afviste", "afviser", "etablerede", "etablerer", "forsøgte", "undersøgte", "står", "stod",
))
_CLAUSE_START = re.compile(r"(?:^|[,;:–]\s*|\b(?:og|men|mens|samt|hvor|da|når|[Oo]gså)\s+)$")
_ADVERBS = r"(?:(?:også|nu|derfor|desuden|allerede|løbende|selv|samtidig|blandt\s+andet|bl\.a\.|siden\s+\S+|i\s+\S+|fra\s+\S+)\s+)*"
_FINITE = re.compile(rf"^\s*(?:{_ADVERBS}(?:har|havde)\s+{_ADVERBS}(?P<part>[a-zæøå]{{3,}}(?:et|t))\b(?P<rest>\s+\S+)?"
                     rf"|{_ADVERBS}(?P<verb>[a-zæøå]{{3,}}(?:er|ede|te)|lagde|tog|gav|vandt|stillede|satte)\b)")
_INVERTED = re.compile(r"\b(?:har|havde)\s+$")


_OWN_VERSION = re.compile(r"\b(?:sin\s+egen|sit\s+eget|sine\s+egne|inspireret\s+af|efter\s+(?:samme|vores|deres)\s+model|"
                          r"lignende|tilsvarende|i\s+samme\s+stil|lånt\s+(?:tanken|idéen|ideen)|som\s+skabelon|[\wæøå]*udgave)\b",
                          re.IGNORECASE)


def _takes_part(prefix: str, suffix: str) -> bool:
    """Whether a name is the subject of a verb of doing something for the solution: "ZBC har
    skræddersyet kurserne", "Falck: kører og vedligeholder bussen", "her har Naturstyrelsen hjulpet"."""
    if _OWN_VERSION.search(suffix[:150]):
        return False  # "Guldborgsund Kommune lavede sin egen ...": a version of its own, not a part in this one
    if re.search(r"\bstår\s+$", prefix[-8:]) and re.match(r"^\s+for\b", suffix):
        return True  # "rekrutteringen står Danmarks Lærerforening for"
    if _INVERTED.search(prefix[-12:]):
        m = re.match(rf"^\s*{_ADVERBS}([a-zæøå]{{3,}}(?:et|t))\b", suffix)
        return bool(m) and m.group(1) not in _IDLE_PARTICIPLES
    relative = re.match(r"^\s*,\s*(?:der|som)\s+", suffix)
    if relative and re.search(r"\b(?:fra|hos|på|i|til|af|med)\s+[A-ZÆØÅ][^,.]{0,50}?\s(?:på|i|ved|hos)\s+$", prefix[-70:]):
        return False  # "Idéen er hentet fra Familieambulatoriet på Rigshospitalet, som ...": a place, not a subject
    if relative:
        suffix = suffix[relative.end():]  # "Lejerbo Svendborg, der har givet os adgang"
    elif not _CLAUSE_START.search(prefix[-12:]):
        return False
    m = _FINITE.match(suffix)
    if not m:
        return False
    if m.group("part"):
        part = m.group("part")
        if part == "været":
            return bool(m.group("rest")) and m.group("rest").strip() == "med"
        return part not in _IDLE_PARTICIPLES
    return m.group("verb") not in _IDLE_VERBS


#: Passive and causative forms naming the maker of a solution, in a text with no nominator.
_OWNER_BEFORE = re.compile(r"(?:(?:er|blev|bliver)\s+(?:\w+\s+){0,2}(?:udviklet|skabt|etableret|startet|drevet|drives|"
                           r"igangsat|sat\s+i\s+gang|grundlagt|stiftet|søsat|opstillet|oprettet|åbnet|opbygget|lanceret|gennemført|lavet)|"
                           r"drives|driftes|ejes|ledes)\s+(?:\w+\s+){0,3}af\s+(?:[a-zæøå-]+selskabet\s+|foreningen\s+|kommunen\s+)?$"
                           r"|^\s*Det\s+fik\s*$|\bDet\s+fik\s+$"
                           r"|(?:^|[.!?]\s+)(?:Siden|I|Fra|Efter|Allerede|Derfor|Nu)(?:\s+[^,.]{0,30}?)?\s+(?:har|gik|startede|åbnede|"
                           r"etablerede|begyndte|lancerede|udviklede)\s+$"
                           # "Bag løsningen står X", "Projektejer er X", "er forankret i (afdelingen) X",
                           # "Tilbuddet kommer fra X", "Det er X, der står bag", "Det gør X".
                           r"|\bBag\s+(?:\w+\s+){1,2}står\s+$|\bProjektejer\s+er\s+$|\bforankret\s+(?:hos|i)\s+(?:afdelingen\s+|enheden\s+)?$"
                           r"|\b(?:Tilbuddet|Løsningen|Indsatsen|Ordningen|Projektet|Initiativet|Idéen|Ideen)\s+kommer\s+fra\s+$"
                           r"|(?:^|[.!?–]\s+)Det\s+gør\s+$",
                           re.IGNORECASE)
#: The rest of a list after a passive's maker: "oprettet af Syddjurs og Norddjurs kommuner".
_OWNER_BEFORE_LIST = re.compile(r"(?:(?:er|blev|bliver)\s+(?:\w+\s+){0,2}(?:udviklet|skabt|etableret|startet|drevet|igangsat|"
                                r"grundlagt|stiftet|søsat|opstillet|oprettet|åbnet|opbygget|lanceret|gennemført|lavet)|drives|"
                                r"ejes|ledes)\s+(?:\w+\s+){0,3}af\s+(?:(?-i:[A-ZÆØÅ])[\wæøå.&-]*\s+){1,4}?(?:(?:,|og)\s+(?:(?-i:[A-ZÆØÅ])[\wæøå.&-]*\s+){1,4}?)*(?:,|og)\s*$",
                                re.IGNORECASE)
#: "I Lolland Kommune har man siden 2022 tilbudt ...", "I Boligforeningen 3B besluttede vi": the topic is the maker.
_TOPIC_OWNER = re.compile(r"^\s+(?:har|havde|besluttede|begyndte|valgte|indførte|startede|udviklede|etablerede|gik|"
                          r"lavede|fik|satte)\s+(?:man|vi)\b")
_TOPIC_BEFORE = re.compile(r"(?:^|[.!?]\s+|:\s+)I\s+$")
_OWNER_AFTER = re.compile(r"^\s*(?:,\s*(?:der|som)\s+(?:også\s+)?)?(?:har\s+(?:nu\s+|derfor\s+|selv\s+|i\s+fællesskab\s+|"
                          r"siden\s+(?:\w+\s+)?\d{4}\s+)?(?:udviklet|skabt|etableret|startet|indført|tilbudt|drevet|opstillet|søsat|"
                          r"lanceret|åbnet|opbygget|gjort\s+det\s+muligt)|står\s+bag|driver|begyndte|startede|"
                          r"åbnede|etablerede|udviklede|forsøgte|ønskede|valgte|undersøgte|"
                          r"gik\s+(?:\w+\s+){0,3}sammen\s+(?:om|med)|(?:blev|er)\s+stiftet|stiftede|leder\s+projektet|"
                          r"står\s+i\s+spidsen|er\s+projektejer|tog\s+(?:\w+\s+){0,4}initiativ(?:et)?|har\s+taget\s+initiativ(?:et)?)",
                          re.IGNORECASE)

#: The role a name gets from the section it stands in when the words around it say nothing.
SECTION_ROLES: dict[str, str] = {
    "collaboration": "partner",
    "capacity_collaboration": "partner",
    "resources": "partner",
    "capacity_evaluation": "partner",
    "contacts": "partner",
    "quote": "partner",
}

_SENTENCE = re.compile(r"(?<=[.!?”])\s+(?=[A-ZÆØÅ0-9”\"'’•–-])|\s+•\s+|\s+(?=\d\.\s+[A-ZÆØÅ])"
                       # dash lists of a form: "Spredning: – Assens Kommune: implementeret 2024 – Interesse fra ..."
                       r"|(?<=:)\s+[–-]\s+(?=[A-ZÆØÅ])|\s+[–-]\s+(?=[A-ZÆØÅ][^.:–]{0,60}:)"
                       r"|\s+[–-]\s+(?=(?:Interesse|Besøg|Henvendelse)\b)"
                       # emoji bullets of a post: "👉 Køge Kommune har ... 👉 ..."
                       r"|\s*[\U0001F300-\U0001FAFF\u2705\u27A1\u2714]\ufe0f?\s+")
#: An ordinal after a preposition or article ("til 15. Juni Fonden", "den 3. Maj"): no sentence ends there.
_ORDINAL_AFTER_WORD = re.compile(r"\b(?:til|af|fra|med|for|den|det|i|på|hos|ved|om|siden|inden|efter|før)\s+\d{1,2}\.$")
#: A full stop that ends an abbreviation or an initial, not a sentence.
_ABBREVIATION = re.compile(r"(?:\b[A-ZÆØÅ]|\bbl\.a|\bfx|\bf\.eks|\bca|\bdvs|\bmv|\bjf|\bnr|\bpt|\bevt|\bSt|\bDr)\.$")


def sentences(text: str) -> list[str]:
    """Split a passage into sentences (and bullet points, and numbered tips).

    Examples
    --------
    >>> sentences("Det virker. 89 procent er tilbage. • Punkt to 1. Tip et")
    ['Det virker.', '89 procent er tilbage.', 'Punkt to', '1. Tip et']
    >>> sentences("Botilbuddet H.C. Branners Vej, Silkeborg Kommune. Ny sætning.")
    ['Botilbuddet H.C. Branners Vej, Silkeborg Kommune.', 'Ny sætning.']
    """
    out: list[str] = []
    for piece in _SENTENCE.split(text):
        piece = re.sub(r"^[•–-]\s+", "", piece.strip()) if piece else ""
        if not piece:
            continue
        if out and (_ABBREVIATION.search(out[-1]) or re.fullmatch(r"\d{1,2}\.", out[-1])
                    or _ORDINAL_AFTER_WORD.search(out[-1])):
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out


def documented_effect(record: CaseRecord) -> tuple[bool, str | None]:
    """Whether a case reports a measured effect in figures, and the sentence that does.

    Examples
    --------
    >>> from samspil.core.records import SourceInfo, Section
    >>> r = CaseRecord(id="x", number=1, title="T", source=SourceInfo("x", "X", "x"))
    >>> r.sections["summary"] = Section("summary", "", "Det lykkedes at få 89 procent tilbage i skole.", 1, 1)
    >>> documented_effect(r)
    (True, 'Det lykkedes at få 89 procent tilbage i skole.')
    """
    keys = [k for k in _EFFECT_SECTIONS if k in record.sections] or \
        [k for k in record.sections if k not in ("contacts", "resources", "attachment")]
    found = [sentence.strip() for key in keys for sentence in sentences(record.sections[key].text)
             if _EFFECT.search(sentence) and not _NOT_EFFECT.search(sentence)]
    if not found:
        return False, None
    # The sentence to quote: one that tells a change or an outcome, before a bare percentage.
    return True, next((x for x in found if _OUTCOME.search(x)), found[0])


def proper_words(text: str) -> set[str]:
    """Words the text capitalises inside a sentence: names, not sentence openers.

    Examples
    --------
    >>> sorted(proper_words("Eleverne går i Fremtidsværkstedet. Værkstedet er åbent."))
    ['Fremtidsværkstedet']
    """
    found: set[str] = set()
    for sentence in sentences(text):
        for m in re.finditer(r"(?<=[\w,;:)] )([A-ZÆØÅ][\wæøåÆØÅ-]+)", sentence):
            found.add(m.group(1))
    return found


@dataclass
class _Found:
    mention: Mention
    role: str
    evidence: str
    section: str
    said: bool = True  # the words around the name gave the role, not only its section

    def rank(self) -> tuple[bool, int]:
        return (not self.said, ROLE_PRIORITY.index(self.role))


class _Case:
    """Recognition state of one case: owners known up front, finds added section by section."""

    def __init__(self, record: CaseRecord, gazetteer: Gazetteer) -> None:
        self.record = record
        self.gazetteer = gazetteer
        self.found: list[_Found] = []
        self.spread: list[SpreadMention] = []
        self.groups: list[GroupMention] = []
        self.shared: dict[str, SharedMention] = {}  # channel → first statement
        self.inspired: list[InspirationMention] = []
        self.owners: set[str] = set(record.nominators)
        self.direct_sources: set[str] = set()  # named right after an inspiration cue
        self.weak_owners: set[str] = set()  # owners only by a publisher line: the text may say they paid
        self.free = not record.nominators  # no INDSTILLER: owners must be read from the text
        self.parents: dict[str, str] = dict(record.nominator_parents)
        self.title_keys = {name_key(record.title), *(name_key(p) for p in re.split(r"\s+[-–]\s+|:\s+", record.title))}
        self.proper_words = proper_words(record.text())
        self.owner_parents: set[str] = set(record.nominator_parents.values())
        for name in record.nominators:
            known = gazetteer.lookup(name)
            if known and known.parent:
                self.owner_parents.add(known.parent)

    @property
    def home(self) -> str | None:
        """The organisation a unit with no named parent most likely belongs to: the first owner."""
        for name in self.record.nominators:
            kind = self.record.nominator_kinds.get(name)
            if kind in ("municipality", "region", "hospital", "state_agency", "knowledge_institution", "association"):
                return name
            parent = self.record.nominator_parents.get(name)
            if parent:
                return parent
        return next(iter(sorted(self.owners)), None)

    def internal(self, name: str, part_of: str | None, kind: str | None = "unit") -> bool:
        """Whether an organisation is one of the owners, their parent, or a unit of either
        (also a unit of a unit: Midtpunktet of Holsted Aktiv Center of Vejen Kommune)."""
        seen = {name}
        while True:
            if name in self.owners or name in self.owner_parents:
                return True
            if kind != "unit" or part_of is None or part_of in seen:
                return False
            seen.add(part_of)
            name, part_of = part_of, self.parents.get(part_of)

    def add(self, m: Mention, role: str, evidence: str, section: str, said: bool = True) -> None:
        self.found.append(_Found(m, role, evidence, section, said))
        if m.part_of:
            self.parents.setdefault(m.name, m.part_of)


_COMMITTEE = re.compile(r"(?:udvalg(?:et)?|Byråd(?:et)?|Kommunalbestyrelse(?:n)?|Regionsråd(?:et)?)$", re.IGNORECASE)
_INSTITUTION = re.compile(r"(?:plejecent(?:er|ret|eret)|skole(?:n)?|børnehus(?:et)?|børnehave(?:n)?|vuggestue(?:n)?|"
                          r"bibliotek(?:et)?|dagtilbud(?:det)?)\b", re.IGNORECASE)


def _role_for(prefix: str, suffix: str, section: str, m: Mention, case: _Case) -> tuple[str, bool]:
    """The role the words before and after a name (or, weaker, its section) give it.

    Returns the role and whether words said it (True) or only the section did (False):
    "finansieret af Sundhedsstyrelsen" outweighs the same agency named again in the
    evaluation section.
    """
    internal_unit = m.kind == "unit" and case.internal(m.name, m.part_of, m.kind)
    if _NEGATED.search(prefix[-40:]) and not _NOT_NEGATED.search(prefix[-80:]):
        return "mentioned", True  # "... ikke hos Microsoft": named, and explicitly no part in it
    if case.free and (_OWNER_BEFORE.search(prefix[-80:]) or _OWNER_BEFORE_LIST.search(prefix[-200:])):
        if m.kind == "company" and case.owners - {m.name}:
            return "partner", True  # "App'en er udviklet af Sporbar ApS": the supplier of an owner's solution
        return "owner", True
    if case.free and _TOPIC_BEFORE.search(prefix[-6:]) and _TOPIC_OWNER.match(suffix):
        return "owner", True
    if case.free and _INVERTED.search(prefix[-12:]) and _OWNER_AFTER.match("har " + suffix):
        return "owner", True  # "To år forinden havde Tranum Borgerforening taget initiativ"
    for role, rx in _ROLE_CUES:
        if rx.search(prefix[-240:]):
            return role, True
    suffix = suffix[_LIST_REST.match(suffix).end():]
    suffix = suffix[_SUBJECT_TAIL.match(suffix).end():]
    if re.match(r"^\s*(?:[a-zæøå]+\s+){1,2}ikke\b", suffix) and m.name not in case.owners:
        return "mentioned", True  # "Brønderslev Kommune deltager ikke": explicitly no part in it
    if _FUNDER_AFTER.match(suffix):
        return "funder", True
    if _PARTNER_AFTER.match(suffix):
        return "partner", True
    if _ACTING_SUBJECT.match(suffix) and not internal_unit and m.name not in case.owners:
        return "partner", True
    if _MAKER_AFTER.match(suffix):
        return ("owner" if internal_unit else "partner"), True
    if internal_unit and case.free and m.name not in case.owners and re.match(
            r"^\s*(?:har\s+(?:også\s+)?været\s+med\s+til|tager\s+imod|deltager|lægger\s+lokaler|lagde\s+huse?)", suffix):
        return "partner", True  # "Stevns Musikskole har været med til at tilpasse ruterne": a unit that collaborates
    if internal_unit and _COMMITTEE.search(m.name):
        return "mentioned", True  # "Børne- og Familieudvalget besluttede ...": a committee gives a mandate
    if internal_unit and case.free and m.name not in case.owners and _INSTITUTION.search(m.name):
        return "partner", False  # a school, care home or library of the owner where it happens
    if internal_unit:
        return "owner", True
    if case.free and _OWNER_AFTER.match(suffix):
        return "owner", True
    genitive = m.surface.endswith(("s", "'s", "’s")) and not m.name.endswith("s")
    if _COMMITTEE.search(m.name) and m.name not in case.owners:
        return "mentioned", False  # a committee that approves or decides gives a mandate
    if not internal_unit and not genitive and m.name not in case.owners and _takes_part(prefix, suffix):
        return "partner", True
    return SECTION_ROLES.get(section, "mentioned"), False


def _evidence(sentence: str, limit: int = 200) -> str:
    sentence = " ".join(sentence.split())
    return sentence if len(sentence) <= limit else sentence[: limit - 1] + "…"


def _scan(case: _Case, section: str, text: str) -> None:
    for sentence in sentences(text):
        mentions = [_with_home(m, case) for m in find_mentions(sentence, case.gazetteer)
                    if _is_actor(m, sentence, case)]
        sharing = NOT_SPREAD.search(sentence)
        told = _without_sharing(sentence) if sharing else sentence
        cues = spread_cues(told)
        unnamed = _unnamed(sentence, mentions)
        # A name in a knowledge-sharing clause ("oplæg på konferencer i London") receives nothing.
        receivers = sorted((m for m in [*mentions, *unnamed] if told[m.start:m.end].strip()), key=lambda m: m.start)
        spread_targets = _spread_targets(sentence, receivers, cues, case)
        inspired = _inspiration(sentence, mentions, case)
        for channel in shared_channels(sentence) if sharing or not cues else ():
            case.shared.setdefault(channel, SharedMention(channel, _evidence(sentence)))
        for m, phrase in unnamed.items():
            _unnamed_fact(case, sentence, section, m, phrase, spread_targets.get(m.name))
        for m in mentions:
            role, said = _role_for(sentence[: m.start], sentence[m.end:], section, m, case)
            # "udviklet i samarbejde med MobilePay, der også har udviklet lignende tiltag": a maker named
            # right after its cue is no receiver of the solution.
            made_it = bool(_MADE_BY.search(sentence[: m.start][-60:]))
            if m.name in spread_targets and not made_it and m.name not in case.direct_sources:
                status = spread_targets[m.name]
                role, said = ("adopter" if status in ("adopted", "inspired") else "interested"), True
                case.spread.append(SpreadMention(m.name, m.kind, status, _evidence(sentence),
                                                 year_near(sentence, m.start, m.end)))
            elif m.name in inspired and not made_it:
                role, said = "inspiration", True
            case.add(m, role, _evidence(sentence), section, said)


def _unnamed(sentence: str, mentions: list[Mention]) -> dict[Mention, GroupPhrase | Place]:
    """Groups ("tre kommuner") and places abroad ("Finland (Tampere)") a sentence names, as mentions
    the spread cues can point at like at a name (method ``group`` / ``place``), and what each stands for.
    A phrase that overlaps a named organisation is that organisation's."""
    found: dict[Mention, GroupPhrase | Place] = {}
    phrases: list[GroupPhrase | Place] = [*group_phrases(sentence), *places_abroad(sentence)]
    for p in phrases:
        if any(m.start < p.end and p.start < m.end for m in mentions):
            continue
        if isinstance(p, Place):
            found[Mention(p.name, "municipality", p.start, p.end, sentence[p.start:p.end], "place")] = p
        else:
            found[Mention(p.description, p.kind, p.start, p.end, p.description, "group")] = p
    return found


def _unnamed_fact(case: _Case, sentence: str, section: str, m: Mention, phrase: GroupPhrase | Place,
                  status: str | None) -> None:
    """A group or place a spread cue points at receives the solution; a group the words make a partner
    or funder ("støttes af yderligere 36 kommuner") takes part."""
    year = year_near(sentence, m.start, m.end)
    if status and _POTENTIAL.search(sentence[max(0, m.start - 80): m.start]):
        status = None  # "kan med ganske få tilpasninger bruges i landets øvrige kommuner"
    if status and isinstance(phrase, Place):
        case.spread.append(SpreadMention(phrase.name, "municipality", status, _evidence(sentence), year,
                                         target="place", country=phrase.country))
    elif status and isinstance(phrase, GroupPhrase):
        case.spread.append(SpreadMention(phrase.description, phrase.kind, status, _evidence(sentence), year,
                                         target="group", count=phrase.count, country=phrase.country,
                                         region=phrase.region, description=phrase.description))
    elif isinstance(phrase, GroupPhrase) and not _listed_after(sentence, m) and not _POTENTIAL.search(sentence) and (
            _GROUP_PARTNER_BEFORE.search(sentence[: m.start]) or _GROUP_PARTNER_AFTER.match(sentence[m.end:])):
        role = "funder" if _GROUP_FUNDER.search(sentence) else "partner"
        case.groups.append(GroupMention(phrase.description, phrase.kind, role, phrase.count, phrase.region,
                                        phrase.country, _evidence(sentence)))


#: Words that make a group a partner: "der støttes af yderligere 36 kommuner", "12 kommuner deltager".
_GROUP_PARTNER_BEFORE = re.compile(r"\b(?:støttes|støttet|finansieret|medfinansieret|samarbejde\s+med|sammen\s+med|"
                                   r"samarbejde\s+mellem|partnerskab\s+med|deltaget|deltog)\s+(?:af\s+)?(?:\w+\s+){0,2}$",
                                   re.IGNORECASE)
_GROUP_PARTNER_AFTER = re.compile(r"^\s*(?:har\s+(?:også\s+)?)?(?:deltaget|deltager|deltog|bidraget|bidrager|følger\s+projektet|"
                                  r"står\s+bag|er\s+med\s+i|har\s+været\s+med)\b", re.IGNORECASE)
_GROUP_FUNDER = re.compile(r"\b(?:finansier\w*|medfinansier\w*|bidraget\s+økonomisk|betaler|betalt)\b", re.IGNORECASE)
#: A statement of what could happen ("kan bruges i landets øvrige kommuner") reaches no group yet.
_POTENTIAL = re.compile(r"\b(?:kan|kunne|vil\s+kunne|bør|potentiale|mulighed|relevant|egnet)\b", re.IGNORECASE)
#: Where knowledge-sharing words stand in a clause of their own ("formidlet via oplæg ..., og der er dialog med
#: flere kommuner"), the other clauses may still tell of spread.
_CLAUSE = re.compile(r"[^,;]+(?:,\s*(?=og\b|men\b)|[,;]|$)")


def _without_sharing(sentence: str) -> str:
    """The sentence with its knowledge-sharing clauses blanked (offsets kept), so cues are read in the rest.

    Examples
    --------
    >>> _without_sharing("Den er formidlet via oplæg, og der er dialog med flere kommuner.")
    '                            og der er dialog med flere kommuner.'
    """
    return "".join(" " * len(c.group()) if NOT_SPREAD.search(c.group()) else c.group() for c in _CLAUSE.finditer(sentence))


def _listed_after(sentence: str, m: Mention) -> bool:
    """"12 kommuner (Assens, Faaborg-Midtfyn, ...)": the members are named, each an actor of its own."""
    return bool(re.match(r"\s*(?:\(|:)\s*(?-i:[A-ZÆØÅ])", sentence[m.end:]))


_PAYMENT = re.compile(r"\b(?:betale[rs]?|betaling|betalt|betalte)\s+(?:[\wæøå.,]+\s+){0,6}(?:med|via|gennem)\s+$", re.IGNORECASE)
_GEOGRAPHY = re.compile(r"\b(?:kommuner|byer|steder|hospitaler|sygehuse|borgere|jobcentre|skoler|plejecentre|biblioteker|"
                        r"institutioner|virksomheder|foreninger|landsbyer|resten\s+af|hele)\s+(?:(?:i|fra)\s+)?$",
                        re.IGNORECASE)


def _is_actor(m: Mention, sentence: str, case: _Case) -> bool:
    """Whether a find names an actor here, rather than the solution itself, a place or a common noun."""
    if m.method != "gazetteer" and (name_key(m.name) == name_key(case.record.title)
                                    or name_key(m.surface) in case.title_keys):
        return False  # the solution's own name ("Tilbage Til Skole") is no organisation
    if m.kind == "region" and _GEOGRAPHY.search(sentence[: m.start]):
        return False  # "flere kommuner i Region Midtjylland": the region as geography
    if _PAYMENT.search(sentence[: m.start]):
        return False  # "betaler med MobilePay": a way to pay, not a party
    if m.method == "pattern" and " " not in m.surface and m.surface not in case.proper_words \
            and m.part_of is None and m.kind == "unit":
        return False  # "Aktivitetscenteret har ...": a definite common noun opening a sentence
    return True


def _with_home(m: Mention, case: _Case) -> Mention:
    """Units named without a parent belong to the town their name holds ("Jobcenter Aalborg",
    "Herning Bibliotekerne"), else to the case's home organisation."""
    if m.kind != "unit" or m.part_of is not None:
        return m
    for word in re.findall(r"[A-ZÆØÅ][\wæøå-]+", m.name)[::-1]:
        town = case.gazetteer.municipality(word)
        if town is not None and word != m.name:
            return Mention(m.name, m.kind, m.start, m.end, m.surface, m.method, town.name)
    if case.home and m.name != case.home:
        return Mention(m.name, m.kind, m.start, m.end, m.surface, m.method, case.home)
    return m


def _spread_targets(sentence: str, mentions: list[Mention], cues: Iterable, case: _Case) -> dict[str, str]:
    targets: dict[str, str] = {}
    for cue in cues:
        if cue.where == "after":
            candidates = [m for m in mentions if m.start >= cue.end]
            candidates = _same_list(candidates, sentence)
        elif cue.where == "before":
            candidates = [m for m in mentions if m.end <= cue.start]
            # The receiver is the subject right before the verb: "Vejen Kommune har ...",
            # not a name further back ("afholdes på Gerlev Idrætshøjskole og har kørt").
            if candidates and not _SUBJECT_GAP.fullmatch(re.sub(r"-\s+og\s+", "-", sentence[candidates[-1].end:cue.start])):
                candidates = []
            candidates = _same_list(list(reversed(candidates)), sentence, backwards=True)
        elif cue.where == "after_verb":
            candidates = _same_list([m for m in mentions if 0 <= m.start - cue.end <= 1], sentence)
        elif cue.where == "around":
            before = [m for m in mentions if m.end <= cue.start]
            if before and _SUBJECT_GAP.fullmatch(re.sub(r"-\s+og\s+", "-", sentence[before[-1].end:cue.start])):
                candidates = _same_list(list(reversed(before)), sentence, backwards=True)
            else:
                candidates = _same_list([m for m in mentions if cue.start <= m.start and m.start - cue.end < 60], sentence)
        elif cue.where == "inside":
            candidates = [m for m in mentions if cue.start <= m.start and m.end <= cue.end]
        elif cue.where == "clause":
            # "... medarbejdere fra Odder Kommune mentorerne en hel dag for at se ...": the nearest name
            # before the cue within its clause.
            clause_start = max([0] + [m.end() for m in re.finditer(r",\s*(?:og|men)\b|;|\s–\s", sentence[: cue.start])])
            before = [m for m in mentions if clause_start <= m.start and m.end <= cue.start]
            candidates = _same_list(list(reversed(before)), sentence, backwards=True)
        elif cue.where == "subject":
            # "Greve Kommune har startet et lignende hold, inspireret af projektet": the subject of the
            # cue's clause.
            clause_start = max([0] + [m.end() for m in re.finditer(r",\s*(?:og|men)\b|;|\s–\s", sentence[: cue.start])])
            candidates = _same_list([m for m in mentions if clause_start <= m.start < min(cue.start, clause_start + 80)],
                                    sentence)
        else:
            candidates = mentions
        if not [m for m in candidates if not case.internal(m.name, m.part_of, m.kind)]:
            candidates = [m for m in mentions[:1] if _TOPIC.match(sentence[: m.start]) and m.end <= cue.start]
        candidates = [_acting_unit(m, mentions, sentence) for m in candidates]
        for m in candidates:
            if case.internal(m.name, m.part_of, m.kind):
                continue
            targets.setdefault(m.name, cue.status)
    return targets


#: What may stand between a subject and its verb: a parenthesis, adverbs, a short relative clause.
_SUBJECT_GAP = re.compile(r"\s*:?\s*(?:[Kk]ommuner?\s+|regioner\s+)?(?:\([^)]*\)\s*)?(?:,\s*(?:der|som)\s+)?"
                          r"(?:(?:har|er|havde|var|blev)\s+)?"
                          r"(?:(?!og\b|men\b|der\b|som\b)[a-zæøå0-9][\wæøå-]*\s+){0,5}")
#: A sentence's topic: "I Lemvig Kommune er man i gang med ...", "Hos Region Sjælland kører ...".
_TOPIC = re.compile(r"^\s*(?:I|Hos|På|Ovre\s+i|Også\s+i)\s+$")


def _acting_unit(m: Mention, mentions: list[Mention], sentence: str) -> Mention:
    """"Bostedet Vibeparken i Aalborg Kommune har kopieret ...": the unit acts, not its parent (nor a
    region named inside the unit's name)."""
    outer = [u for u in mentions if u.start <= m.start and m.end <= u.end and (u.end - u.start) > (m.end - m.start)]
    if outer:
        return outer[0]
    before = [u for u in mentions if u.end <= m.start]
    if before:
        unit = before[-1]
        if unit.kind == "unit" and unit.part_of == m.name and re.fullmatch(r"\s+(?:i|på|hos|under)\s+",
                                                                          sentence[unit.end:m.start]):
            return unit
    return m


def _same_list(mentions: list[Mention], sentence: str, *, backwards: bool = False) -> list[Mention]:
    """The first mention and those joined to it by "," / "og" (the list a cue speaks of)."""
    if not mentions:
        return []
    chosen = [mentions[0]]
    for prev, nxt in zip(mentions, mentions[1:]):
        a, b = (nxt, prev) if backwards else (prev, nxt)
        between = sentence[a.end:b.start]
        # "A, B og C" is one list; ", og" opens a new clause in Danish.
        if re.fullmatch(r"\s*(?:,|og|samt)\s*", between):
            chosen.append(nxt)
        else:
            break
    return chosen


def _inspiration(sentence: str, mentions: list[Mention], case: _Case) -> set[str]:
    names: set[str] = set()
    for start, end in inspiration_cues(sentence):
        after = [m for m in mentions if m.start >= end and m.start - end < 60
                 and not case.internal(m.name, m.part_of, m.kind)]
        if after:
            m = after[0]
            names.add(m.name)
            if not re.search(r"[A-ZÆØÅ]", sentence[end:m.start]):
                case.direct_sources.add(m.name)  # the cue names it right away: a source, not a receiver
            case.inspired.append(InspirationMention(m.name, m.kind, _evidence(sentence)))
            continue
        work = named_work_after(sentence[end:])
        if work:
            case.inspired.append(InspirationMention(work, "solution", _evidence(sentence)))
    return names


_JOB_PREFIX = re.compile(r"^(?:[a-zæøå][\wæøå-]*\s+)+(?:af|for|i|på|hos|ved|til)\s+(?=[A-ZÆØÅ])")
_NOT_A_UNIT = re.compile(r"\b(?:of|and|the|for\s+[a-z]|CEO|CTO|COO)\b|^[A-ZÆØÅ]{1,4}$|"
                         r"^[\wæøå-]*(?:ansvarlig|leder|chef|konsulent|koordinator|medarbejder|rådgiver|sygeplejerske|"
                         r"læge|direktør|ingeniør|specialist|assistent|sekretær|analytiker|pædagog|terapeut|psykolog|"
                         r"formand|næstformand|medlem|studerende|forsker|professor|lektor|adjunkt)$", re.IGNORECASE)


def _contact_units(text: str, mentions: list[Mention]) -> list[Mention]:
    """Named units in a contact line that no pattern knows: "leder af Opkrævningen, Aarhus Kommune".

    A capitalised piece of the line — after the job title's own words — that stands
    before an organisation is a unit of it.
    """
    units: list[Mention] = []
    offset = 0
    for piece in text.split(","):
        start = text.index(piece, offset)
        offset = start + len(piece)
        stripped = piece.strip()
        head = _JOB_PREFIX.match(stripped)
        name = stripped[head.end():] if head else stripped
        if (not name[:1].isupper() or len(name.split()) > 5 or _NOT_A_UNIT.search(name)
                or name.lower() in NOT_ORGANISATIONS):
            continue
        at = start + piece.index(name)
        if any(m.start < at + len(name) and at < m.end for m in mentions):
            continue
        later = [m for m in mentions if m.start >= at + len(name)]
        if later:
            units.append(Mention(name, "unit", at, at + len(name), name, "contact", later[0].name))
    return units


def _contacts(case: _Case) -> None:
    """Organisations in the reuse contacts: units of the owner run the solution; others are partners."""
    for contact in case.record.contacts:
        text = ", ".join(x for x in (contact.title, contact.organisation) if x)
        if not text:
            continue
        found = find_mentions(text, case.gazetteer)
        found = [m for m in sorted(found + _contact_units(text, found), key=lambda m: m.start)
                 if _is_actor(m, text, case)]
        mentions = [_with_home(m, case) for m in _chain_parents(found)]
        for m in mentions:
            internal = case.internal(m.name, m.part_of, m.kind)
            case.add(m, "owner" if internal else "partner",
                     _evidence(f"{contact.title or ''}, {contact.organisation or ''}".strip(", ")), "contacts",
                     said=internal)


def _chain_parents(mentions: list[Mention]) -> list[Mention]:
    """In a contact line "X, Y, Z" each unit is part of the organisation after it."""
    out = []
    for i, m in enumerate(mentions):
        if m.kind == "unit" and m.part_of is None and i + 1 < len(mentions):
            m = Mention(m.name, m.kind, m.start, m.end, m.surface, m.method, mentions[i + 1].name)
        out.append(m)
    return out


def _free_text_owners(case: _Case) -> None:
    """A text with no nominator: its owners are the organisations its title names, else the first
    that the text says made or run the solution ("X og Y gik sammen om at udvikle", "udviklet af X"),
    else the organisation it opens in ("I Esbjerg Kommune ...")."""
    record = case.record
    # A title may name who paid or built it ("Rapport til A.P. Møller Fonden"): only makers' kinds own.
    owners = [m for m in find_mentions(record.title, case.gazetteer) if m.kind not in ("foundation", "company")
              and _is_actor(m, record.title, case) and not _COMMITTEE.search(m.name)
              and not _ADDRESSEE.search(record.title[: m.start]) and not _FORM_AFTER.match(record.title[m.end:])]
    paragraphs = [s.text for s in record.sections.values()]
    header = _header_owners(paragraphs[0], case) if paragraphs else []
    for text in paragraphs if not owners else ():
        for sentence in sentences(text):
            if spread_cues(sentence):
                continue  # "I 2023 åbnede Vejen Kommune ... efter samme model": spread, not the maker
            mentions = [m for m in find_mentions(sentence, case.gazetteer) if _is_actor(m, sentence, case)]
            makers = [m for m in mentions
                      if _OWNER_AFTER.match(sentence[m.end:][_LIST_REST.match(sentence[m.end:]).end():])
                      or (_TOPIC_BEFORE.search(sentence[: m.start]) and _TOPIC_OWNER.match(sentence[m.end:]))
                      or _OWNER_BEFORE.search(sentence[: m.start][-80:])]
            if makers:
                listed = [m for m in mentions if any(_joined(sentence, m, k) for k in makers)]
                owners = makers + [m for m in listed if m not in makers]
                break
        if owners:
            break
    if not owners and paragraphs:
        opening = [m for m in find_mentions(paragraphs[0], case.gazetteer)
                   if re.search(r"\b(?:I|i|hos|Hos)\s+$", paragraphs[0][: m.start])]
        owners = opening[:1]
    case.weak_owners = {m.name for m in header} - {o.name for o in owners}
    owners = owners + [m for m in header if m.name in case.weak_owners]
    for m in owners:
        case.owners.add(m.name)
        record.nominator_kinds.setdefault(m.name, m.kind)
        if m.part_of:
            case.owner_parents.add(m.part_of)
            record.nominator_parents.setdefault(m.name, m.part_of)


_MONTHS = r"(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december)"
#: The publisher line of a page that tells its own news: "Haderslev Kommune, nyhed, 14. marts 2025",
#: "AffaldPlus · 12. november 2024", "Viborg Kommune · Nyheder · ...", "Uddrag af Årsberetning 2024 · X",
#: "Patientinformation · X", "Udarbejdet af A for B, juni 2025" (B ordered it).
_HEADER_OWN = re.compile(rf"(?:,|·)\s*(?:nyhed(?:er)?|nyt\s+fra|projekter|pressemeddelelse|til\s+patienter)\b"
                         rf"|(?:,|·)\s*(?:\d{{1,2}}\.\s*)?{_MONTHS}\s+\d{{4}}\s*$"
                         rf"|^(?:Uddrag\s+af\s+)?(?:Årsberetning|Patientinformation|Nyhed)\b[^·]*·"
                         rf"|^Fra\s+.{{2,60}}?['’]?s\s+årsberetning|^Udarbejdet\s+af\s+.+?\s+for\s+", re.IGNORECASE)
#: Pages that publish other people's cases: the publisher is no owner.
_HEADER_OTHERS = re.compile(r"\b(?:eksempl\w*|cases?|casesamling|inspiration\w*|katalog\w*|medlemsblad\w*|"
                            r"nyhedsbrev\w*|lokalsektion\w*|tidende|avis)\b", re.IGNORECASE)


def _header_owners(text: str, case: _Case) -> list[Mention]:
    """Owners named by a page's publisher line (a short first paragraph with a date or "nyhed")."""
    line = " ".join(text.split())
    if len(line) > 140 or not _HEADER_OWN.search(line) or _HEADER_OTHERS.search(line):
        return []
    mentions = [m for m in find_mentions(line, case.gazetteer) if _is_actor(m, line, case) and not _COMMITTEE.search(m.name)]
    ordered = re.match(r"^Udarbejdet\s+af\s+.+?\s+for\s+", line, re.IGNORECASE)
    if ordered:
        mentions = [m for m in mentions if m.start >= ordered.end()]
    segment = [m for m in mentions if "·" not in line[:m.start]] or mentions
    if re.match(r"^(?:Uddrag\s+af\s+)?(?:Årsberetning|Patientinformation|Nyhed)\b[^·]*·", line, re.IGNORECASE):
        segment = [m for m in mentions if "·" in line[:m.start]]
    return segment[:2]


#: A title that names whom a form is sent to: "Forslag til Find & Forstør", "Ansøgning til X Fonden",
#: "Find & Forstør – indstilling af ...": the addressee is no owner.
_ADDRESSEE = re.compile(r"\b(?:til|hos)\s+$|\b(?:nyhedsbrev|medlemsblad|magasin|blad)\s+(?:fra|for)\s+$", re.IGNORECASE)
_FORM_AFTER = re.compile(r"^\s*[–:-]\s*(?:indstilling|ansøgning|forslag|nominering|skema)\b", re.IGNORECASE)


def _joined(sentence: str, a: Mention, b: Mention) -> bool:
    """Whether two names stand in one list ("Norddjurs Kommune og Favrskov Kommune")."""
    first, second = (a, b) if a.start < b.start else (b, a)
    return bool(re.fullmatch(r"\s*(?:,|og|samt|,\s*og)\s*", sentence[first.end:second.start]))


def _facts(case: _Case) -> CaseFacts:
    record = case.record
    best: dict[str, _Found] = {}
    # "Sønderborg Forsyning" and "Sønderborg Forsyning A/S" in one text: one company, the fullest form.
    names = {f.mention.name for f in case.found} | case.owners
    fuller = {n: n + sfx for n in names for sfx in (" A/S", " ApS", " I/S", " P/S", " A.m.b.A.") if n + sfx in names}
    for short, full in fuller.items():
        if short in case.owners:
            case.owners = (case.owners - {short}) | {full}
            record.nominator_kinds.setdefault(full, record.nominator_kinds.get(short, "company"))
    for f in case.found:
        if f.mention.name in fuller:
            f.mention = replace(f.mention, name=fuller[f.mention.name])
    case.spread = [replace(x, to=fuller.get(x.to, x.to)) for x in case.spread]
    for f in case.found:
        current = best.get(f.mention.name)
        if current is None or f.rank() < current.rank():
            best[f.mention.name] = f
    # A parent named only in passing takes the strongest role of its units named in the case.
    for f in list(best.values()):
        parent = best.get(f.mention.part_of or "")
        if parent is not None and parent.role == "mentioned" and f.role != "mentioned":
            best[parent.mention.name] = _Found(parent.mention, f.role, parent.evidence, parent.section, f.said)
    # The kind of a name comes from its most trusted find: the gazetteer, then a name pattern,
    # then a guess from a contact line.
    trust = {"gazetteer": 0, "pattern": 1, "contact": 2}
    kinds: dict[str, tuple[int, str]] = {}
    for f in case.found:
        rank = (trust.get(f.mention.method, 1), f.mention.kind)
        kinds[f.mention.name] = min(kinds.get(f.mention.name, rank), rank)
    actors: list[ActorMention] = []
    for name in sorted(best):
        f = best[name]
        f.mention = replace(f.mention, kind=kinds[name][1])
        role = "owner" if name in case.owners and not (name in case.weak_owners and f.said and f.role == "funder") \
            else f.role
        actors.append(ActorMention(name=name, kind=f.mention.kind, role=role, evidence=f.evidence,
                                   method=f.mention.method, part_of=f.mention.part_of, section=f.section))
    for name in sorted(case.owners - set(best)):
        kind = record.nominator_kinds.get(name)
        if kind:
            actors.append(ActorMention(name, kind, "owner", f"INDSTILLER: {record.nominator_text}"
                                       if record.nominator_text else name, "parsed", record.nominator_parents.get(name)))
    # A parent the INDSTILLER line names ("Vejle Sygehus (Region Syddanmark)") nominates with its unit.
    for parent in sorted(set(record.nominator_parents.values()) - set(best) - case.owners):
        if record.nominator_text and parent.split()[0] in record.nominator_text:
            known = case.gazetteer.lookup(parent)
            if known is not None:
                actors.append(ActorMention(known.name, known.kind, "owner", f"INDSTILLER: {record.nominator_text}",
                                           "parsed"))
    seen: set[tuple[str, str]] = set()
    spread: list[SpreadMention] = []
    # Spread goes outside the owners and partners: a partner that "also built something similar"
    # elsewhere has not taken this solution up.
    makers = {name for name, f in best.items() if f.said and f.role in ("partner", "funder")}
    for s in case.spread:
        if (s.to, s.status) not in seen and s.to not in case.owners and s.to not in makers:
            seen.add((s.to, s.status))
            spread.append(s)
    inspired: dict[str, InspirationMention] = {}
    for i in case.inspired:
        inspired.setdefault(i.source, i)
    effect, evidence = documented_effect(record)
    head = " ".join(x for x in (record.title, record.subtitle, record.target_group, record.summary) if x)
    body = record.text(*(k for k in record.sections if k not in ("contacts", "attachment", "summary")))
    groups = list({(g.description, g.role): g for g in case.groups}.values())
    return CaseFacts(actors=actors, spread=spread, groups=groups, shared=list(case.shared.values()),
                     inspired_by=list(inspired.values()), documented_effect=effect, effect_evidence=evidence,
                     themes=tag_case_themes(head, body))


#: Sections read for actors, in order; the attachment (a pasted printout) last.
_SKIP_SECTIONS = frozenset({"contacts"})


def recognise(record: CaseRecord, *, gazetteer: Gazetteer | None = None) -> CaseFacts:
    """Recognise the facts of one case: its actors with their roles, spread and inspiration.

    Parameters
    ----------
    record : CaseRecord
        From any text loader (the LÆS STJÆL FORTÆL layout, free text).
    gazetteer : Gazetteer, optional
        The shipped one when omitted.

    Returns
    -------
    CaseFacts
        One actor per organisation with its strongest role; spread statements
        about organisations outside the owners; where the idea came from; whether
        an effect is documented in figures.

    Examples
    --------
    >>> from samspil.loaders import lsf2019
    >>> facts = recognise(lsf2019.load()[8])
    >>> [(s.to, s.target, s.status) for s in facts.spread]
    [('Vejen Kommune', 'actor', 'adopted'), ('Andre kommuner', 'group', 'interested'), ('Væksthus for Ledelse', 'actor', 'interested')]
    """
    gazetteer = gazetteer or Gazetteer.default()
    case = _Case(record, gazetteer)
    if not record.nominators:
        _free_text_owners(case)
        _scan(case, "title", record.title)  # "Forslag til Find & Forstør": named in the title only
    for key, section in record.sections.items():
        if key not in _SKIP_SECTIONS:
            _scan(case, key, section.text)
    _contacts(case)
    return _facts(case)
