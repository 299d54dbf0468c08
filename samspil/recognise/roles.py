"""Role cues: the words around a name that give it its role in a case.

Words before a name ("i samarbejde med", "finansieret af") and after it ("..., der har
bevilget", "har bidraget"), a clause that makes a name the acting subject, and the role a
section gives a name its words say nothing about. Used by :mod:`samspil.recognise.recogniser`.
"""

from __future__ import annotations

import re

#: Words around a name that give it a role: (role, pattern), searched in the words just before the name.
MADE_BY = re.compile(r"\b(?:i\s+samarbejde\s+med|sammen\s+med|i\s+partnerskab\s+med|finansieret\s+af|støttet\s+af|"
                      r"udviklet\s+af|bygget\s+af|leveret\s+af|evalueret\s+af)\s+(?:\w+\s+)?$", re.IGNORECASE)
NEGATED = re.compile(r"\b(?:ikke|hverken|uden)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
#: "det var aldrig lykkedes uden X": a double negation says X took part.
NOT_NEGATED = re.compile(r"\b(?:ikke|aldrig)\b[^.;]{0,40}\buden\s+(?:\w+\s+){0,2}$", re.IGNORECASE)

#: The rest of a list after its first item: "X, Y og Z" — a cue before X speaks of Z too.
_LIST_TAIL = (r"(?:(?:(?!,\s*og\b)[^.;!?]){0,100}?(?:,|\bog\b|\bsamt\b|\s[–•-]\s|\(i\s+dette\s+tilfælde)\s*"
              r"(?:af\s+|fra\s+)?(?:[a-zæøå-]+\s+){0,2})?")

#: Words before a name that give it a role: (role, pattern ending where the name starts).
ROLE_CUES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
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
FUNDER_AFTER = re.compile(r"^\s*(?:,\s*(?:der|som)\s+(?:har\s+)?|har\s+(?:også\s+)?|som\s+har\s+)?(?:bevilgede|donerede|"
                           r"finansierede|støttede|gav\s+(?:\w+\s+)?[\d.,]+\s*(?:mio\.?|millioner|kr)|støttet|finansieret|medfinansieret|bevilget|doneret|"
                           r"sponsoreret|finansierer|medfinansierer|betaler\s+for|bidrager\s+med\s+[\d.,]+|"
                           r"bidraget\s+med\s+[\d.,]+|givet\s+(?:et\s+|en\s+)?(?:[\d.,]+|tilskud|støtte|bevilling|donation)|"
                           r"betalt\s+(?:for|[\d.,]+)|betalte|s?\s*(?:bevilling|donation|tilskud|støtte)\s+(?:på|af))",
                           re.IGNORECASE)
PARTNER_AFTER = re.compile(r"^\s*(?:har\s+(?:også\s+|siden\s+\d{4}\s+(?:også\s+)?)?(?:været\s+)?(?:inddraget|bidraget|deltaget|"
                            r"hjulpet|rekrutteret|reserveret|stillet)|"
                            r"(?:er|var)\s+(?:også\s+)?(?:med|inddraget|partner)|"
                            r"deltager|bidrager|samarbejder|stiller|sidder\s+i)", re.IGNORECASE)
#: Verbs of making: a supplier or evaluator outside the owners is a partner; a unit of the owner
#: that makes the solution runs it.
MAKER_AFTER = re.compile(r"^\s*(?:har\s+(?:også\s+|siden\s+\d{4}\s+(?:også\s+)?)?(?:leveret|bygget|testet|skrevet|evalueret|"
                          r"udviklet|designet|programmeret|stået\s+for|interviewet|installeret)|står\s+for|leverer|"
                          r"evaluerer|udvikler|bygger|installerer)",
                          re.IGNORECASE)
#: "X, Y og Z har ...": the verb after a list speaks of every name in it.
LIST_REST = re.compile(r"^(?:\s*(?:,|og|samt)\s+(?:[A-ZÆØÅ][\wæøå&.-]*\s*){1,6})*")
#: An organisation that is the subject of an active verb did something for the solution: a partner
#: ("Dansk Cyklist Forbund har uddannet vores instruktører", "FynBus har flyttet to stoppesteder",
#: "Københavns Professionshøjskole følger projektet").
ACTING_SUBJECT = re.compile(
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
SUBJECT_TAIL = re.compile(r"^(?:\s+(?:[Kk]ommuner|[Rr]egioner)\b)?(?:\s*\([^)]{0,80}\))?(?:\s+(?:i|på|ved|hos|under)\s+(?:[A-ZÆØÅ0-9][\wæøå&.'’-]*\s*){1,5}(?=\s|,|$))?"
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
INVERTED = re.compile(r"\b(?:har|havde)\s+$")


_OWN_VERSION = re.compile(r"\b(?:sin\s+egen|sit\s+eget|sine\s+egne|inspireret\s+af|efter\s+(?:samme|vores|deres)\s+model|"
                          r"lignende|tilsvarende|i\s+samme\s+stil|lånt\s+(?:tanken|idéen|ideen)|som\s+skabelon|[\wæøå]*udgave)\b",
                          re.IGNORECASE)


def takes_part(prefix: str, suffix: str) -> bool:
    """Whether a name is the subject of a verb of doing something for the solution: "ZBC har
    skræddersyet kurserne", "Falck: kører og vedligeholder bussen", "her har Naturstyrelsen hjulpet".

    Parameters
    ----------
    prefix, suffix : str
        The sentence before and after the name.

    Returns
    -------
    bool

    Examples
    --------
    >>> takes_part("her har ", " hjulpet med at finde de første husstande")
    True
    >>> takes_part("", " lavede sin egen udgave")
    False
    """
    if _OWN_VERSION.search(suffix[:150]):
        return False  # "Guldborgsund Kommune lavede sin egen ...": a version of its own, not a part in this one
    if re.search(r"\bstår\s+$", prefix[-8:]) and re.match(r"^\s+for\b", suffix):
        return True  # "rekrutteringen står Danmarks Lærerforening for"
    if INVERTED.search(prefix[-12:]):
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
OWNER_BEFORE = re.compile(r"(?:(?:er|blev|bliver)\s+(?:\w+\s+){0,2}(?:udviklet|skabt|etableret|startet|drevet|drives|"
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
OWNER_BEFORE_LIST = re.compile(r"(?:(?:er|blev|bliver)\s+(?:\w+\s+){0,2}(?:udviklet|skabt|etableret|startet|drevet|igangsat|"
                                r"grundlagt|stiftet|søsat|opstillet|oprettet|åbnet|opbygget|lanceret|gennemført|lavet)|drives|"
                                r"ejes|ledes)\s+(?:\w+\s+){0,3}af\s+(?:(?-i:[A-ZÆØÅ])[\wæøå.&-]*\s+){1,4}?(?:(?:,|og)\s+(?:(?-i:[A-ZÆØÅ])[\wæøå.&-]*\s+){1,4}?)*(?:,|og)\s*$",
                                re.IGNORECASE)
#: "I Lolland Kommune har man siden 2022 tilbudt ...", "I Boligforeningen 3B besluttede vi": the topic is the maker.
TOPIC_OWNER = re.compile(r"^\s+(?:har|havde|besluttede|begyndte|valgte|indførte|startede|udviklede|etablerede|gik|"
                          r"lavede|fik|satte)\s+(?:man|vi)\b")
TOPIC_BEFORE = re.compile(r"(?:^|[.!?]\s+|:\s+)I\s+$")
OWNER_AFTER = re.compile(r"^\s*(?:,\s*(?:der|som)\s+(?:også\s+)?)?(?:har\s+(?:nu\s+|derfor\s+|selv\s+|i\s+fællesskab\s+|"
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
