"""Spread and inspiration statements in Danish case text.

Spread follows the public-innovation centre's definition: a solution has spread
when it was implemented and created value somewhere new — copied, adapted, or
only as inspiration.  So "har spredt sig til Vejen Kommune" is ``adopted``,
"har ladet sig inspirere" is ``inspired``, "har udvist interesse" and "har bedt
om materialet" are ``interested``, "var på besøg" is ``visited`` — and a talk,
a blog or "delt i netværket" is knowledge-sharing, not spread.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from importlib import resources

#: (status, pattern, where the receiving organisation stands: "after" the cue, "before" it, "inside" it
#: — Danish puts the subject after the auxiliary when a sentence opens with an adverbial:
#: "Siden 2022 har Syddjurs Kommune brugt guiden" —, right "after_verb" ("Allerede i 2025 indførte
#: Fredensborg Kommune ..."), "around" it (a subject before, else the first name after), the nearest
#: name before it in its "clause" ("medarbejdere fra Odder Kommune ... for at se"), or the
#: sentence's "subject" wherever the cue stands).
#: "brugt app'en", "tilbudt forløbet", "brugt den": the verb's object is the solution (a definite
#: noun or a pronoun), not "kørt flere projekter".
_THE_SOLUTION = r"(?=\s+(?:[\wæøå]+['’]?(?:en|et|erne|ne)\b|den\b|det\b|dem\b|samme\b|(?-i:[A-ZÆØÅ])))"

SPREAD_CUES: tuple[tuple[str, re.Pattern[str], str], ...] = tuple(
    (status, re.compile(rx.replace("{_THE_SOLUTION}", _THE_SOLUTION), re.IGNORECASE), where)
    for status, rx, where in (
        ("adopted", r"\b(?:har\s+)?(?:spredt\s+sig|udbredt|spredt)\s+til\b", "after"),
        # "Konceptet er eksporteret til Finland (Tampere)"; the PDF text breaks the word ("eks porteret").
        ("adopted", r"\b(?:er|blevet|blev)\s+(?:nu\s+|også\s+)*eks\s?porteret\s+til\b", "after"),
        # "dialog med flere kommuner": a dialogue with a named organisation is mostly a partner's ("i tæt
        # dialog med Herning Kommune"), with an unnamed group of prospects it is interest.
        ("interested", r"\b(?:dialog|drøftelser)\s+med\s+(?=(?:interesserede|flere|andre|nogle|adskillige|\d+|to|tre|fire|"
                       r"fem|seks)\s)", "after"),
        ("interested", r"\b(?:er|har\s+været)\s+(?:nu\s+|også\s+)*i\s+dialog\s+om\b|\bhar\s+(?:nu\s+|også\s+)*planer\s+om\s+at\b|"
                       r"\bhar\s+(?:nu\s+|også\s+)*fået\s+(?:den|det|løsningen|modellen|konceptet|metoden)\s+præsenteret\b", "before"),
        ("adopted", r"\b(?:er|blevet|bliver|blev)\s+(?:nu\s+|også\s+|senere\s+)*(?:[\wæøå]+\s+){0,3}?(?:implementeret|indført|"
                    r"taget\s+i\s+brug)\s+(?:i|hos|på|af)\b", "after"),
        ("adopted", r"\btages\s+(?:nu\s+|også\s+)*i\s+brug\s+(?:af|i|hos|på)\b", "after"),
        ("adopted", r"\btager\s+(?:nu\s+|også\s+)*(?:[\wæøå]+\s+){0,2}i\s+brug\b", "before"),
        ("adopted", r",\s*hvor\s+(?:[\wæøå]+\s+){0,4}(?:har\s+|nu\s+|også\s+)*(?:kørt|kører|brugt|bruges|bruger|indført|været\s+i\s+brug)\b",
         "before"),
        ("interested", r"\bhenvendelse[r]?\s+fra\s+(?:både\s+)?", "after"),
        ("interested", r"\bvil\s+gerne\s+(?:have|lave|starte|indføre)\s+(?:noget\s+|et\s+|en\s+)?(?:lignende|tilsvarende|det|den)\b|"
                       r"\bønsker\s+at\s+(?:komme\s+med|indføre|bruge|tilslutte|starte)\b", "before"),
        ("interested", r":\s*(?:interesse|interesseret|har\s+vist\s+interesse)\b", "before"),
        ("visited", r":\s*(?:studiebesøg|besøg|har\s+besøgt)\b", "before"),
        ("visited", r"\brundvisning\s+for\s+(?:[\wæøå]+\s+){0,3}(?:fra\s+)?", "after"),
        ("visited", r"\b(?:fik|har\s+fået)\s+(?:[\wæøå0-9]+\s+){0,4}(?:en\s+)?rundvisning\b|\bkom\s+forbi\b", "clause"),
        ("visited", r"\bdelegation\s+fra\s+", "after"),
        ("adopted", r"(?<!kunne )(?<!kan )\bbruges\s+(?:nu\s+)?(?:også\s+)?(?:i|af|hos|på)\b", "after"),
        ("adopted", r"\b(?:overtaget|købt|kopieret|adopteret)\s+af\b", "after"),
        ("adopted", r"\b(?:er|har)\s+(?:man\s+)?(?:nu\s+|også\s+|allerede\s+|siden\s+)*(?:ved\s+at|i\s+gang\s+med\s+at)\s+(?-i:[a-zæøå])",
         "before"),
        ("adopted", r"\bhar\s+(?:nu\s+|også\s+|allerede\s+|siden\s+(?:\w+\s+)?\d{4}\s+)*(?:implementeret|indført|udrullet|taget\s+(?:\w+\s+){0,3}i\s+brug|købt|overtaget|kopieret|adopteret)\b", "before"),
        ("adopted", r"\b(?:er|blev)\s+(?:nu\s+|også\s+)*kommet\s+med\b", "before"),
        ("adopted", r"\bhar\s+(?:nu\s+|også\s+)*tilsluttet\s+sig\b", "before"),
        ("adopted", r"\b(?:åbnede|startede|etablerede|indførte|lancerede|implementerede|anlagde)\b(?=.{0,80}\b(?:efter\s+samme\s+model|efter\s+(?:deres|vores|samme)\s+(?:model|koncept|opskrift)|med\s+samme\s+koncept))", "around"),
        ("adopted", r"\b(?:tilbyder|bruger|anvender|kører|driver)\s+(?:nu\s+|også\s+)+(?=\w)", "before"),
        ("adopted", r":\s*(?:implementeret|indført|i\s+drift|taget\s+i\s+brug|i\s+gang\s+med\s+(?:at\s+implementere|at\s+indføre|"
                    r"implementering|indførelse))\b",
         "before"),
        ("adopted", r"\bhar\s+(?:nu\s+|også\s+|allerede\s+)*(?:siden\s+(?:\w+\s+)?(?:\d{4}\s+)?)?(?:brugt|anvendt|benyttet|tilbudt|kørt|udbudt)\b{_THE_SOLUTION}", "before"),
        ("adopted", r"\bhar\s+(?:(?-i:[A-ZÆØÅ])[\wæøå-]*\s+){1,5}(?:nu\s+|også\s+|allerede\s+)*(?:brugt|anvendt|benyttet|tilbudt|indført|implementeret|taget\s+\w+\s+i\s+brug)\b{_THE_SOLUTION}", "inside"),
        ("adopted", r"(?:^|[,;]\s*)(?:I|Fra|Siden|Efter|Nu|Senere)\s+(?:\w+\s+){0,3}?(?:indførte|anlagde|åbnede|startede|lancerede|implementerede|etablerede|overtog|købte|indfører|implementerer)\b", "after"),
        ("adopted", r"\b(?:kører|bruges|findes|tilbydes|anvendes)\s+(?:(?:den|det|de|løsningen|modellen|konceptet|tilbuddet|metoden|"
                    r"ordningen|forløbet)\s+(?:nu\s+)?(?:også\s+)?|(?:nu\s+)?også\s+)(?:i|hos|på)\b", "after"),
        ("adopted", r"\b(?:også\s+)?kommet\s+med\s+(?:som|i|på)\b", "before"),
        ("adopted", r"\b(?:begyndte|startede)\s+(?:også\s+)?(?:(?-i:[A-ZÆØÅ])[\wæøå-]*\s+){1,4}at\s+(?:tilbyde|bruge|indføre|køre)\b",
         "inside"),
        ("adopted", r"\b(?:er|blev|bliver)\s+(?:nu\s+|også\s+|siden\s+(?:\w+\s+)?(?:\d{4}\s+)?)*(?:blevet\s+)?taget\s+i\s+brug\s+"
                    r"(?:af|i|hos|på)\b", "after"),
        # Taking up someone else's model: "indførte samme model", "bruger nu også de samme løftestole",
        # "efter Ærø-modellen", "efter Dragørs model", "med Ikasts undervisningsplan".
        ("adopted", r"\b(?:indførte|indført|indfører|bruger|brugt|brugte|kører|kørt|kørte|tilbyder|tilbudt|tilbød|installeret|"
                    r"installerede|åbnede|åbnet|startede|startet|haft|lavet|lavede|etableret|etablerede|anlagt|anlagde)\b"
                    r"[^.;]{0,70}?\b(?:(?:den\s+|de\s+|præcis\s+|en\s+|et\s+)?(?:samme|tilsvarende)\s+[a-zæøå]|"
                    r"(?:efter|med)\s+(?-i:[A-ZÆØÅ])[\wæøå-]*(?:-modellen|['’]?s\s+(?:model|plan|undervisningsplan|koncept|materiale|"
                    r"opskrift|metode|drejebog|retningslinjer|skabelon|køreplan|erfaringer)))",
         "around"),
        ("interested", r"\bvil\s+(?:også\s+|gerne\s+|nu\s+)*(?:indføre|åbne|starte|oprette|etablere|afprøve|bruge|tilbyde|lave|"
                       r"implementere|kopiere)\b", "before"),
        ("interested", r"\b(?:overvejer|planlægger|påtænker)\s+(?:nu\s+|også\s+)*at\b", "before"),
        ("interested", r"\bhar\s+(?:også\s+)*anmodet\s+om\b", "before"),
        ("visited", r"\bfor\s+at\s+(?:se|høre|opleve|lære|besøge)\b", "clause"),
        ("visited", r"\b(?:deltog|har\s+deltaget)\s+(?:\w+\s+){0,6}?i\s+(?:en\s+)?(?:rundvisning|kursusdag|studietur|studiebesøg)\b",
         "clause"),
        ("inspired", r"\bmed\s+(?:afsæt|udgangspunkt)\s+i\b|\bsom\s+forbillede\b|\begen\s+(?:version|variant|udgave)\b|"
                     r"\b(?:lillesøster|lillebror|søsterprojekt)\s+til\b", "subject"),
        ("adopted", r"\btog\s+(?:[\wæøå’'-]+\s+){0,3}i\s+brug\b", "before"),
        ("adopted", r"\btog\s+(?:(?-i:[A-ZÆØÅ])[\wæøå-]*\s+){1,4}(?:[\wæøå’'-]+\s+){0,3}i\s+brug\b", "inside"),
        ("adopted", r"\bbruger\s+(?:nu\s+|også\s+|i\s+dag\s+)*(?:samme|den|det|løsningen|modellen|metoden|konceptet|"
                    r"værktøjet|app[’']?en|platformen|guiden)\b", "before"),
        ("adopted", r",\s*(?:der|som)\s+(?:nu\s+|også\s+)*(?:har\s+)?(?:brugt|bruger|anvendt|anvender|indført|implementeret|"
                    r"overtaget|kørt|kører)\b(?=.{0,40}\b(?:modellen|metoden|konceptet|løsningen|den|det|samme)\b)", "before"),
        ("adopted", r"\bkom\s+(?:(?-i:[A-ZÆØÅ])[\wæøå-]*(?:,\s*|\s+og\s+|\s+))+(?:kommuner?\s+)?(?:også\s+)?med\b", "inside"),
        ("adopted", r"\b(?:har|havde)\s+(?:nu\s+|også\s+|siden\s+\d{4}\s+)*(?:haft|kørt|drevet|tilbudt|indført|oprettet|"
                    r"startet|etableret|åbnet|støttet|gennemført)\b(?=.{0,80}\befter\s+(?:samme\s+|deres\s+|vores\s+)?"
                    r"(?:model(?:len)?|koncept(?:et)?|opskrift(?:en)?|drejebog(?:en)?|metode(?:n)?)\b)", "before"),
        ("adopted", r"\bhar\s+(?:(?-i:[A-ZÆØÅ])[\wæøå-]*\s+){1,5}(?:nu\s+|også\s+|allerede\s+)*taget\s+(?:\w+\s+){0,2}i\s+brug\b",
         "inside"),
        ("adopted", r"(?:^|[,;]\s*)(?:(?-i:[A-ZÆØÅ])[\wæøå]*|i|og)(?:\s+[\wæøå0-9]+){0,3}\s+(?:indførte|implementerede|overtog|"
                    r"købte|anlagde|indfører|implementerer|ansatte)\s+(?=(?-i:[A-ZÆØÅ]))", "after_verb"),
        ("inspired", r"\bmed\s+inspiration\s+fra\s+(?:vores|os|projektet|modellen|konceptet|løsningen|metoden|erfaringerne|"
                     r"indsatsen|tilbuddet|(?-i:[a-zæøå])[\wæøå]*(?:en|et))\b", "subject"),
        ("inspired", r"\b(?:har|er)\s+(?:nu\s+|også\s+)*(?:ladet\s+sig\s+inspirere|blevet\s+inspireret)\b", "before"),
        ("inspired", r"\b(?:har\s+(?:nu\s+|også\s+)*)?(?:lavet|bygget|startet|etableret|oprettet|udviklet|åbnet|startede|"
                     r"byggede|lavede|oprettede|åbnede)\s+(?:sin|sit|sine|deres)\s+(?:\w+\s+)?eg(?:en|et|ne)\b", "before"),
        ("inspired", r"\b(?:har\s+(?:nu\s+|også\s+)*)?(?:lavet|bygget|startet|etableret|oprettet|udviklet|åbnet|startede|"
                     r"byggede|lavede|oprettede|åbnede)\s+(?:en\s+|et\s+|noget\s+)?(?:lignende|tilsvarende)\b", "around"),
        ("inspired", r"\binspireret\s+af\s+(?:vores|os|projektet|modellen|konceptet|løsningen|metoden|erfaringerne|"
                     r"indsatsen|tilbuddet|initiativet|det)\b", "subject"),
        ("inspired", r"\b(?:er\s+i\s+gang\s+med|har\s+lavet|har\s+startet)\s+(?:lignende|tilsvarende)\b", "before"),
        ("interested", r"\b(?:har|havde)\s+(?:også\s+|allerede\s+)*(?:udvist|vist)\s+interesse\b", "before"),
        ("interested", r"\binteresse(?:n)?\s+(?:fra|hos)\b", "after"),
        ("interested", r"\bhar\s+(?:også\s+|allerede\s+|nu\s+)*(?:bedt\s+om|efterspurgt|henvendt\s+sig|spurgt\s*(?:efter|til|om|ind|,))", "before"),
        ("interested", r"\b(?:vil|ønsker\s+at|overvejer\s+at|planlægger\s+at)\s+(?:også\s+)?(?:indføre|implementere|bruge|afprøve|"
                       r"kopiere)\s+(?:løsningen|modellen|metoden|konceptet|den|det)\b", "before"),
        ("interested", r"\boverveje[rt]?\s+(?:nu\s+)?at\s+(?:indføre|implementere|bruge|kopiere)\b", "before"),
        ("visited", r"\b(?:var|har\s+været|været)\s+(?:\w+\s+)?på\s+(?:studie)?(?:besøg|studietur)\b", "before"),
        ("visited", r"\b(?:har\s+)?aflagt\s+besøgt?\b", "before"),  # "aflagt besøgt" (case 26's slip)
        ("visited", r"\b(?:studie)?besøg\s+(?:fra|af)\b", "after"),
        ("visited", r"\b(?:har\s+besøgt|besøgte)\b", "before"),
        ("visited", r"\b(?:var|har\s+været|været)\s+forbi\b", "before"),
        ("visited", r"\b(?:fulgte|har\s+fulgt|(?:var|har\s+været|kom|tog)\s+(?:[\wæøå0-9]+\s+){0,5}(?:tur|besøg|studietur|"
                    r"ekskursion))\b(?=.{0,80}\bfor\s+at\s+(?:se|høre|opleve|lære))", "around"),
        # Forms and posts: "Region Nordjylland: rundvisning i bussen", "Esbjerg Kommune: bruger kufferterne siden 2023".
        ("visited", r":\s*(?:rundvisning|ekskursion|studietur)\b", "before"),
        ("adopted", r":\s*(?:bruger|anvender|kører|har\s+indført|indførte|egen\s+[\wæøå-]+\s+siden)\b", "before"),
        ("adopted", r"\bbruges\s+(?:[\wæøå]+\s+){0,2}nu\b", "before"),
        ("adopted", r"\b(?:indførte|indfører)\b{_THE_SOLUTION}", "before"),
        ("adopted", r"\bhar\s+siden\s+(?:[\wæøå.]+\s+){0,3}\d{4}\s+(?:haft|fået)\b", "before"),
        ("adopted", r"(?:^|[,;]\s*)(?:Siden|I|Nu|Fra)\s+(?:[\wæøå]+\s+){0,3}?(?:bruger|anvender|tilbyder|kører)\s+(?:også\s+|nu\s+)*"
                    r"(?=(?-i:[A-ZÆØÅ]))", "after_verb"),
        ("adopted", r"\b(?:har|havde)\s+(?:nu\s+|også\s+|allerede\s+)*i\s+\d{4}\s+(?:implementeret|indført|udrullet|taget\s+\w+\s+i\s+brug)\b",
         "before"),
        ("adopted", r"\b(?:ansatte|ansætter|uddannede)\b(?=.{0,80}\befter\s+samme\s+(?:model|koncept|forløb|opskrift|metode)\b)",
         "around"),
        ("adopted", r"\b(?:køber|købte|har\s+købt)\s+(?:nu\s+)?(?:sin|sit|sine|deres)\s+(?:\w+\s+)?eg(?:en|et|ne)\b", "subject"),
        ("interested", r"\b(?:fået|modtaget)\s+(?:en\s+|flere\s+)?henvendelse[r]?\b", "clause"),
        ("interested", r"\b(?:gerne\s+vil|vil\s+gerne)\s+(?:høre|vide)\s+mere\b", "clause"),
        ("interested", r"\bhar\s+(?:også\s+)?meldt\s+sig\b", "before"),
        ("interested", r"\bhar\s+(?:også\s+)?søgt\s+om\b", "before"),
        ("interested", r"\bhar\s+(?:også\s+)?spurgt\s+(?:(?-i:[A-ZÆØÅ])[\wæøå-]*\s*){1,3},?\s+om\b", "before"),
        ("interested", r"\bønsker\s+(?:nu\s+|også\s+)*at\s+(?:afprøve|prøve|købe|låne|teste)\b", "before"),
        ("visited", r"\bkiggede\s+forbi\b|\bhar\s+kigget\s+forbi\b", "clause"),
        ("adopted", r"\befter\s+(?:vores|deres)\s+model\b", "subject"),
        ("inspired", r"\bsom\s+skabelon\b", "subject"),
        ("inspired", r"\bhar\s+(?:også\s+)?lånt\s+(?:tanken|idéen|ideen|konceptet|modellen)\b", "before"),
        ("inspired", r"\bi\s+samme\s+stil\b|\b(?:mindre|lille|ny)\s+(?:udgave|version|variant)\b|\b[\wæøå]{3,}udgave\b", "subject"),
        ("visited", r"\b(?:har\s+overværet|overværede)\b", "clause"),
        ("visited", r"\b(?:var|har\s+været)\s+(?:\w+\s+)?på\s+(?:ekskursion|rundvisning)\b", "clause"),
    )
)

#: A word every spread cue holds: most sentences are passed over with this one search.
_ANY_CUE = re.compile(r"spred|porteret|dialog|drøftelser|planer om|præsenteret|udbred|implementer|indført|indfør|i brug|bruges|brugt|bruger|overtag|købt|kopier|adopter|"
                      r"kommet med|med\b|tilslut|åbnede|startede|etablerede|lancerede|anlagde|overtog|inspirer|lignende|"
                      r"tilsvarende|egen|eget|egne|interesse|bedt om|efterspurgt|henvendt|spurgt|overvej|besøg|"
                      r"studietur|forbi|kører|findes|tilbydes|anvend|benyttet|tilbudt|udbudt|kørt|haft|fulgte|fulgt|"
                      r"for at se|ønsker at|planlægger|tilbyder|driver|:|samme|afsæt|udgangspunkt|forbillede|version|variant|"
                      r"udgave|lillesøster|lillebror|søsterprojekt|vil|påtænker|anmodet|deltog|deltaget|for at|"
                      r"modellen|s model|installer|anlagt|anlagde|hvor|tages|tager|henvendelse|gerne|ønsker|rundvisning|"
                      r"delegation|begyndte|retningslinjer|erfaringer|rundvisning|ekskursion|studietur|indførte|indfører|haft|fået|"
                      r"ansatte|ansætter|uddannede|køber|købte|modtaget|høre mere|vide mere|meldt sig|søgt om|afprøve|"
                      r"kiggede|kigget|overvær|model|skabelon|lånt|stil|udgave|version|variant", re.IGNORECASE)
_ANY_INSPIRATION = re.compile(r"inspir|udviklet af|model|forbillede|idé|bygger på|udgangspunkt|studietur|kom fra|"
                              r"med hjem|hvordan|ideen|"
                              r"hentet|lånt|kopieret fra", re.IGNORECASE)

#: Words that make a spread sentence about the owner's own organisation or about
#: knowledge-sharing rather than spread.
NOT_SPREAD = re.compile(r"\b(?:oplæg|konference|konferencer|blog|nyhedsbrev|webinar|artikel|delt\s+i)\b",
                        re.IGNORECASE)

INSPIRATION_CUES: tuple[re.Pattern[str], ...] = tuple(
    re.compile(rx, re.IGNORECASE) for rx in (
        r"\bmed\s+inspiration\s+fra\b",
        r"\b(?:er\s+)?inspireret\s+af\b",
        r"\b(?:oprindeligt|oprindelig)\s+udviklet\s+af\b",
        r"\binspirationen\s+(?:er\s+)?(?:fundet|hentet|kommer)\s+(?:i|fra|hos)\b",
        r"\bhentet\s+inspiration\s+(?:fra|hos|i)\b",
        r"\bbygger\s+på\b(?=\s+(?:den\s+|det\s+)?(?:[A-ZÆØÅ”\"’']|\w+-metoden|\w+modellen))",
        r"\befter\s+(?:model|forbillede)\s+(?:fra|af)\b",
        r"\bidéen\s+(?:er\s+|kommer\s+)?(?:fra|hentet\s+fra)\b",
        r"\btaget\s+udgangspunkt\s+i\s+(?:den\s+)?(?:anerkendte\s+)?(?:teori|metode|model)\b",
        r"\bstudietur\s+til\b",
        r"\b(?:idéen|ideen|inspirationen|tanken|konceptet|modellen|metoden)\s+(?:er\s+|blev\s+)?(?:kom|kommer|stammer|hentet|"
        r"lånt|fundet)\s+(?:\w+\s+)?(?:fra|hos|i)\b",
        r"\b(?:hentet|lånt|kopieret)\s+(?:\w+\s+)?(?:fra|hos)\b",
        r"^\s*Inspiration(?:skilde)?\s*:",
        # "Idéen er bragt med hjem fra et studiebesøg på X", "Forbilledet er X", "hun hentede idéen hos X",
        # "Idéen opstod efter et besøg hos X", "et besøg på X, der gav idéen", "så, hvordan X bruger ...".
        r"\b(?:bragt|taget)\s+med\s+hjem\s+fra\s+(?:(?:et|en)\s+)?(?:(?:studiebesøg|studieophold|besøg|ophold|studietur)\s+"
        r"(?:på|hos|i)\s+)?",
        r"\b(?:Forbilledet|Forbillede(?:t)?|Inspirationskilden)\s+(?:er|var)\s+",
        r"\b(?:hentede|fik|fandt)\s+(?:\w+\s+)?(?:idéen|ideen|inspiration(?:en)?)\s+(?:hos|fra|i)\b",
        r"\b(?:idéen|ideen)\s+opstod\s+(?:\w+\s+){0,4}(?:besøg|studietur|studiebesøg|ophold)\s+(?:hos|på|i)\b",
        r"\bbesøg\s+(?:hos|på)\b(?=[^.]{0,80}\bgav\s+(?:os\s+)?(?:idéen|ideen|inspiration))",
        r"\b(?:så|set|havde\s+set|har\s+set),?\s+hvordan\b",
    )
)

_YEAR = re.compile(r"\b(?:i|I|siden|fra|år)\s+(?:(?:januar|februar|marts|april|maj|juni|juli|august|september|"
                   r"oktober|november|december|foråret|sommeren|efteråret|vinteren|starten\s+af|slutningen\s+af)\s+)?"
                   r"((?:19|20)\d\d)\b")


@dataclass(frozen=True)
class Cue:
    """A spread or inspiration cue found in a sentence."""

    status: str
    start: int
    end: int
    where: str


def spread_cues(sentence: str) -> list[Cue]:
    """The spread cues a sentence holds, in order.

    Examples
    --------
    >>> [(c.status, c.where) for c in spread_cues("Tilgangen har spredt sig til Vejen Kommune, der har ansat to.")]
    [('adopted', 'after')]
    >>> [c.status for c in spread_cues("Andre kommuner og Væksthus for Ledelse har også udvist interesse.")]
    ['interested']
    >>> spread_cues("Der er holdt oplæg på en konference.")
    []
    """
    if not _ANY_CUE.search(sentence):
        return []
    cues = [Cue(status, m.start(), m.end(), where) for status, rx, where in SPREAD_CUES for m in rx.finditer(sentence)]
    return sorted(cues, key=lambda c: c.start)


def inspiration_cues(sentence: str) -> list[tuple[int, int]]:
    """Spans of cues saying where an idea came from ("med inspiration fra", "oprindeligt udviklet af").

    Examples
    --------
    >>> inspiration_cues("Med inspiration fra den snaksalige vicevært Meyer")
    [(0, 19)]
    """
    if not _ANY_INSPIRATION.search(sentence):
        return []
    return sorted((m.start(), m.end()) for rx in INSPIRATION_CUES for m in rx.finditer(sentence))


def year_in(sentence: str) -> int | None:
    """The year a statement dates itself to, if it gives one.

    Examples
    --------
    >>> year_in("I 2023 åbnede Vejen Kommune sin første Digital Café.")
    2023
    >>> year_in("Medarbejdere fra Tønder Kommune var på besøg i maj 2022.")
    2022
    >>> year_in("Tilgangen har spredt sig til Vejen Kommune.") is None
    True
    """
    m = _YEAR.search(sentence)
    return int(m.group(1)) if m else None


def year_near(sentence: str, start: int, end: int) -> int | None:
    """The year of the clause a name stands in ("Tønder var på besøg i maj 2022, og Varde har bedt om ...").

    Examples
    --------
    >>> s = "Tønder Kommune var på besøg i maj 2022, og Varde Kommune har bedt om drejebogen."
    >>> year_near(s, 0, 14), year_near(s, 43, 56)
    (2022, None)
    """
    bounds = [0] + [m.end() for m in re.finditer(r",\s+(?:og|men|mens)\s+|;\s*", sentence)] + [len(sentence)]
    for a, b in zip(bounds, bounds[1:]):
        if a <= start < b:
            return year_in(sentence[a:b])
    return year_in(sentence)


_QUOTED = re.compile(r"[”\"“’‘']([^”\"“’‘']{3,80})[”\"“’‘']")
_NAMED_WORK = re.compile(r"((?:[A-ZÆØÅ][\wæøå-]*\s+){0,4}[A-ZÆØÅ]?[\wæøå]*-(?:metoden|modellen|tilgangen|konceptet)|"
                         r"(?:[A-ZÆØÅ][\wæøå-]*)(?:\s+(?:i|på|for|og)?\s*[A-ZÆØÅ][\wæøå-]*){0,4})")


def named_work_after(text: str) -> str | None:
    """The name of a work, method or solution right after an inspiration cue (quoted or capitalised).

    Examples
    --------
    >>> named_work_after(" den anerkendte teori ”When children refuse school”, som")
    'When children refuse school'
    >>> named_work_after(" IPS-metoden (Individual Placement and Support)")
    'IPS-metoden'
    """
    head = text[:160]
    quoted = _QUOTED.search(head)
    if quoted and quoted.start() < 60:
        return quoted.group(1).strip()
    m = re.search(r"\b([A-ZÆØÅ][\wæøå]*-(?:metoden|modellen|tilgangen|konceptet))\b", head)
    if m:
        return m.group(1)
    return None


#: Danish number words a group statement counts with ("tre kommuner", "tolv biblioteker").
NUMBER_WORDS: dict[str, int] = {
    "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "syv": 7, "otte": 8, "ni": 9, "ti": 10, "elleve": 11,
    "tolv": 12, "tretten": 13, "fjorten": 14, "femten": 15, "seksten": 16, "sytten": 17, "atten": 18, "nitten": 19,
    "tyve": 20, "tredive": 30, "fyrre": 40, "halvtreds": 50,
}
#: Plural nouns for sets of organisations, and their members' actor kind.
GROUP_NOUNS: dict[str, str] = {
    "kommuner": "municipality", "regioner": "region", "hospitaler": "hospital", "sygehuse": "hospital",
    "biblioteker": "unit", "kulturhuse": "unit", "skoler": "unit", "plejecentre": "unit", "plejehjem": "unit",
    "jobcentre": "unit", "sundhedscentre": "unit", "bosteder": "unit", "institutioner": "unit",
    "virksomheder": "company", "fonde": "foundation", "foreninger": "association", "styrelser": "state_agency",
    "universiteter": "knowledge_institution", "professionshøjskoler": "knowledge_institution",
    "uddannelsesinstitutioner": "knowledge_institution",
}
#: Words that place a group in a Danish region ("fynske kommuner", "kommuner i Nordjylland").  An area that
#: spans two regions ("vestjyske") gives none: the description keeps the words.
REGION_WORDS: dict[str, str] = {
    "nordjyske": "Region Nordjylland", "nordjylland": "Region Nordjylland", "midtjyske": "Region Midtjylland",
    "midtjylland": "Region Midtjylland", "fynske": "Region Syddanmark", "fyn": "Region Syddanmark",
    "sønderjyske": "Region Syddanmark", "sønderjylland": "Region Syddanmark", "syddanske": "Region Syddanmark",
    "syddanmark": "Region Syddanmark", "sjællandske": "Region Sjælland", "sjælland": "Region Sjælland",
    "hovedstaden": "Region Hovedstaden", "nordsjællandske": "Region Hovedstaden",
}
#: "alle kommuner" with no narrower place: every one there is.
_ALL_OF: dict[str, int] = {"municipality": 98, "region": 5}

_QUANTIFIERS = r"flere|andre|øvrige|alle|nogle|adskillige|mange|forskellige|interesserede|en\s+række|en\s+håndfuld"
_GROUP = re.compile(
    r"(?P<definite>\b(?:de|disse)\s+)?\b(?P<head>(?:(?:yderligere|endnu|mindst|over|ca\.|omkring|hele)\s+)?"
    rf"(?P<n>\d{{1,3}}|{'|'.join(NUMBER_WORDS)}|{_QUANTIFIERS})"
    rf"(?:\s+(?:andre|øvrige|nye|af\s+de|landets|af\s+landets|{_QUANTIFIERS}))*"
    r"(?P<adj>(?:\s+(?-i:[a-zæøå]+)(?:ske|ige))?)"
    rf"\s+(?P<noun>{'|'.join(GROUP_NOUNS)})\b(?:\s*(?:,|og)\s*(?:{'|'.join(GROUP_NOUNS)})\b)*)"
    r"(?P<where>\s+(?:i|fra|på)\s+(?:Region\s+(?-i:[A-ZÆØÅ])[\wæøå]+|(?-i:[A-ZÆØÅ])[\wæøå]+))?",
    re.IGNORECASE)
#: Words that make a group one of the owner's own (spread inside the owner is no spread).
_OWN_GROUP = re.compile(r"^\s+(?:i|på)\s+(?:kommunen|regionen|hospitalet|huset|egen\s+kommune)\b|^\s+internt\b", re.IGNORECASE)


@dataclass(frozen=True)
class GroupPhrase:
    """An unnamed set of organisations a sentence speaks of ("fire vestjyske kommuner")."""

    start: int
    end: int
    description: str
    kind: str
    count: int | None
    region: str | None = None
    country: str | None = None


def group_phrases(sentence: str) -> list[GroupPhrase]:
    """Unnamed sets of organisations in a sentence, with their members' kind, count and region.

    Back-references ("de 12 kommuner" after the twelve were named) and the owner's own units
    ("flere skoler i kommunen") are left out: neither is somewhere new.

    Parameters
    ----------
    sentence : str

    Returns
    -------
    list of GroupPhrase
        In order of appearance.

    Examples
    --------
    >>> [(g.description, g.kind, g.count, g.region) for g in group_phrases("Indtil videre har tre kommuner været forbi.")]
    [('tre kommuner', 'municipality', 3, None)]
    >>> [(g.count, g.region) for g in group_phrases("gruppeforløb i fire vestjyske kommuner")]
    [(4, None)]
    >>> [(g.description, g.count) for g in group_phrases("projektet, der støttes af yderligere 36 kommuner.")]
    [('yderligere 36 kommuner', 36)]
    >>> [(g.kind, g.count, g.region) for g in group_phrases("alle hospitaler i Region Syddanmark bruger den")]
    [('hospital', None, 'Region Syddanmark')]
    >>> [(g.kind, g.count) for g in group_phrases("Andre biblioteker og kulturhuse har aflagt besøg")]
    [('unit', None)]
    >>> group_phrases("de 12 kommuner, der nu deltager") + group_phrases("flere skoler i kommunen")
    []
    """
    lowered = sentence.lower()
    if not any(noun in lowered for noun in GROUP_NOUNS):
        return []  # most sentences hold no plural of an organisation: substring tests are far cheaper than the pattern
    found = []
    for m in _GROUP.finditer(sentence):
        n = m.group("n").lower()
        numeric = n.isdigit() or n in NUMBER_WORDS
        if (m.group("definite") and numeric) or _OWN_GROUP.match(sentence[m.end("head"):]):
            continue
        kind = GROUP_NOUNS[m.group("noun").lower()]
        where = (m.group("where") or "").split()
        region = None
        if where:
            place = " ".join(where[1:])
            region = place if place.startswith("Region ") else REGION_WORDS.get(place.lower())
        adjective = m.group("adj").strip().lower()
        region = region or REGION_WORDS.get(adjective)
        count = int(n) if n.isdigit() else NUMBER_WORDS.get(n)
        if re.fullmatch(r"alle\s+(?:landets\s+)?\w+", m.group("head"), re.IGNORECASE):
            count = _ALL_OF.get(kind)  # "alle kommuner": every one there is; "alle andre", "alle fynske": unknown
        end = m.end() if region and where else m.end("head")
        found.append(GroupPhrase(m.start("head"), end, " ".join(sentence[m.start("head"):end].split()), kind, count,
                                 region, "DK"))
    return found


def _places() -> tuple[dict[str, str], dict[str, str]]:
    """Countries and cities abroad (Danish spelling → ISO 3166 alpha-2) from the shipped list."""
    countries: dict[str, str] = {}
    cities: dict[str, str] = {}
    path = resources.files("samspil").joinpath("data", "reference", "places_abroad.csv")
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            (countries if row["type"] == "country" else cities)[row["name"]] = row["country"]
    return countries, cities


COUNTRIES, CITIES = _places()
#: "Finland (Tampere)", "Tampere i Finland", "Barcelona": a city abroad, its country named before it or not.
_PLACE = re.compile(rf"(?:\b(?P<country>{'|'.join(COUNTRIES)})\s*\(\s*)?\b(?P<city>{'|'.join(CITIES)})\b(?:\s*\))?")


@dataclass(frozen=True)
class Place:
    """A named place abroad: a receiver means its public authority (a municipality of ``country``)."""

    start: int
    end: int
    name: str
    country: str


def places_abroad(sentence: str) -> list[Place]:
    """Named cities abroad in a sentence, with their country.

    The span covers "Finland (Tampere)" whole, so "Finland (Tampere) og Spanien (Barcelona)"
    reads as one list.

    Examples
    --------
    >>> [(p.name, p.country, p.start, p.end) for p in places_abroad("eksporteret til Finland (Tampere) og Spanien (Barcelona).")]
    [('Tampere', 'FI', 16, 33), ('Barcelona', 'ES', 37, 56)]
    """
    if not any(city in sentence for city in CITIES):
        return []  # the pattern tries every name at every position: a substring test first
    return [Place(m.start(), m.end(), m.group("city"), CITIES[m.group("city")]) for m in _PLACE.finditer(sentence)]


#: Knowledge-sharing channels (``SHARED_VIA``): the channel's words, and a verb of telling or publishing
#: that makes the sentence one about sharing rather than, say, a conference one attended.
CHANNEL_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (channel, re.compile(rx, re.IGNORECASE)) for channel, rx in (
        ("conference", r"\b(?:[\wæøå]*konferencer?|[\wæøå]*kongres|topmøde|messe)\b"),
        ("talk", r"\b(?:oplæg|foredrag|præsentation(?:er)?)\b"),
        ("network", r"\b(?:[\wæøå]*netværk(?:et|smøde)?|erfa-?gruppe|erfaringsudveksling)\b"),
        ("guide", r"\b(?:guide|kogebog|drejebog|vejledning(?:er)?|brugervejledninger|how-to-manual|håndbog|værktøjskasse)\b"),
        ("web", r"\b(?:hjemmeside|webside|blog|website|platform)\b"),
        ("newsletter", r"\b(?:nyhedsbrev|magasin|fagblad)\b"),
        ("media", r"\b(?:medier|artikel|artikler|avis|tv|radio|podcast)\b"),
        ("course", r"\b(?:webinar|workshops?|kursus|kurser)\b"),
    )
)
_SHARING = re.compile(r"\b(?:formidl\w*|præsenter\w*|fortalt|fortæller|delt|deler|dele|holdt\s+oplæg|udgivet|udgivelse|"
                      r"tilgængelig|lagt\s+(?:op|ud)|omtalt|skrevet|oplæg|foredrag|publiceret|poste|videndeling)\b",
                      re.IGNORECASE)


def shared_channels(sentence: str) -> list[str]:
    """Channels a sentence says knowledge was shared through, in the order of :data:`CHANNEL_WORDS`.

    Examples
    --------
    >>> shared_channels("Digital Patientuddannelse er formidlet på konferencer, og de 12 kommuner ...")
    ['conference']
    >>> shared_channels("Der er udarbejdet en kogebog, som er tilgængelig på en selvstændig hjemmeside.")
    ['guide', 'web']
    >>> shared_channels("Vi deltog i en konference.")
    []
    """
    if not _SHARING.search(sentence):
        return []
    return [channel for channel, rx in CHANNEL_WORDS if rx.search(sentence)]
