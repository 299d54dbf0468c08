"""Graded effect and named barriers: what a case says it achieved, and what stands in its way.

A case's effect gets one grade (:data:`samspil.core.model.EFFECT_GRADES`, best first):

``measured``
    an outcome measured or counted: a change before/after or against a comparison
    ("steget med 31 procent", "fra 67 procent til nu 82 procent"), counted results
    ("heraf er syv i arbejde", "10 ud af de 20 deltagere nu har en virksomhed"),
    self-reported outcomes counted ("80 procent ... er enige i, at de har fået
    kompetencer"), money or time saved;
``reported``
    an outcome without figures: an evaluation's finding ("De første målinger viser, at
    de unges trivsel øges markant"), participants' or staff's own view ("Medarbejderne
    oplever færre konflikter"), an estimate ("forventes en besparelse"), or, in a value
    section, the owner's claim ("Klimastenen er med til at reducere oversvømmelser");
``satisfaction``
    only satisfaction or usefulness ratings ("ni ud af ti ... fandt nyttige");
``none``
    nothing of the above: activity counts ("2 000 downloads") are not effect.

A text that says it has no baseline or effect evaluation ("Vi har ikke en baseline")
is never ``measured``: its counted results are reported, not measured against
anything. The evidence is the whole sentence that carries the grade.

These are the grades of the spread gold (``samspil/data/spreadset``), whose annotators
keep ``documented_effect`` (devset §9: an outcome in figures) equal to ``measured``; so
``documented_effect`` is derived as ``grade == "measured"``
(:data:`samspil.core.model.DOCUMENTED_GRADES`).
"""

from __future__ import annotations

import re

from samspil.core.model import EFFECT_GRADES
from samspil.core.records import CaseRecord
from samspil.core.text import sentences

#: Sections whose figures report effect (not the resources spent or the contacts).
EFFECT_SECTIONS = ("summary", "solution", "value_quality", "value_efficiency", "value_political_goals",
                   "value_democracy", "value_innovation_capacity", "capacity_evaluation", "key_elements", "quote")
#: Sections never read for effect or barriers when a text has none of :data:`EFFECT_SECTIONS`.
_NOT_READ = ("contacts", "resources", "attachment")

#: A figure that tells an outcome (not an activity count).
_FIGURE = re.compile(
    r"(\b\d+(?:[.,]\d+)?\s*(?:procent(?:point)?|pct\.?|%)\b(?!.{0,40}\b(?:af\s+(?:budgettet|udgifterne|borgerne|befolkningen)))"
    r"|\b(?:reduceret|nedbragt|faldet|steget|øget|sparet|halveret|fordoblet|forkortet)\b[^.]{0,60}?\b\d+"
    r"|\b(?:\d+|én|en|to|tre|fire|fem|seks|syv|otte|ni|ti)\s+ud\s+af\s+(?:de\s+)?(?:\d+|to|tre|fire|fem|seks|ti|hundrede)\b"
    r"|\b(?:en\s+tredjedel|en\s+fjerdedel|halvdelen|to\s+tredjedele|tre\s+fjerdedele|størstedelen|flertallet)"
    r"\s+af\s+(?:de\s+)?"
    r"(?:deltagerne|borgerne|eleverne|de\s+unge|patienterne|brugerne|beboerne)\b"
    r"|\b(?:steg|faldt|voksede|gik)\s+(?:\w+\s+){0,3}fra\s+\d+(?:[.,]\d+)?\s+til\s+\d+"
    r"|\b(?:én|en|to|tre|fire|fem|seks|syv|\d+)\s+(?:nu\s+)?(?:er\s+)?(?:helt\s+)?(?:blevet\s+)?(?:mere\s+)?selvhjulpne?\b"
    r"|\bheraf\s+(?:er\s+)?(?:\w+\s+){0,2}i\s+(?:arbejde|job|uddannelse))",
    re.IGNORECASE,
)
_NUMBER = r"(?:\d+(?:[.,]\d+)?|én|en|to|tre|fire|fem|seks|syv|otte|ni|ti)"
#: A change measured between two states (before/after, up/down by a figure), or a counted result.
_CHANGE = re.compile(r"\b(?:reduceret|nedbragt|faldet|faldt|steget|steg|øget|forbedret|sparet|halveret|fordoblet|"
                     r"forkortet|effektivisering)\b[^.]{0,60}?\b\d+|\b(?:sammenligningsgruppe|kontrolgruppe)\w*"
                     rf"|\bfra\s+(?:\w+\s+){{0,4}}{_NUMBER}\s*(?:procent|%)?\s+(?:\w+\s+)?til\s+(?:nu\s+)?(?:\w+\s+){{0,2}}{_NUMBER}\b"
                     r"|\b\d+(?:[.,]\d+)?\s*(?:procent\s+|%\s+)?(?:\w+\s+)?(?:færre|mindre|kortere|hurtigere)\b"
                     rf"|\baf\s+(?:de\s+)?\d+(?:[.,]\d+)?\s[^.]{{0,80}}?\b(?:er|har|fik)\s+(?:i\s+dag\s+)?{_NUMBER}\s"
                     r"|\b\d+\s+af\s+dem\s+(?:er|har|fik)\b", re.IGNORECASE)
#: Money or time saved against what it cost before ("60.000 kr. om året mod 380.000 kr. tidligere").
_SAVED = re.compile(r"\b(?:sparer|sparet|besparelse\w*)\b[^.]{0,60}\d|\bmod\s+(?:\w+\s+)?[\d.,]+\s*"
                    r"(?:kr\.?|kroner|timer|minutter|dage)\s+(?:\w+\s+){0,2}(?:tidligere|før)\b", re.IGNORECASE)
#: Figures that are costs, targets or facts about the population, not an effect.
_NOT_EFFECT = re.compile(r"\b(?:koster|budget\w*|udgift\w*|pris|befolkning\w*|danskerne|landsplan|målsætning|"
                         r"mål(?:et)?\s+(?:er|om)|forventer|forventes|påstand|ved\s+jeg\s+ikke|har\s+behov|landsnorm\w*|"
                         r"de\s+\d+\s*procent|værdi\s+om|formål\w*|ambition\w*|vision\w*)\b"
                         # an aim: "for at øge", "– at øge digitalt medborgerskab"
                         r"|(?:\bfor|\bom|(?<!med )\btil|–|:)\s+at\s+(?:\w+\s+)?(?:øge|forbedre|reducere|mindske|styrke)\b",
                         re.IGNORECASE)
#: Someone's own assessment or an estimate, not a measurement.
_ASSESSED = re.compile(r"\b(?:vurderer|vurderede|vurdering\w*|oplever|oplevede|oplevet|føler|følte|svarer|svarede|"
                       r"angiver|angav|udtrykt|mener|er\s+(?:\w+\s+){0,2}enige|selvrapportere\w*|selvoplevet|anslår|anslået|skønner|"
                       r"skønnes|estimere\w*|siger)\b", re.IGNORECASE)
#: A satisfaction or usefulness rating.
_SATISFIED = re.compile(r"\b(?:tilfreds\w*|anbefale\w*\s+(?:\w+\s+){0,2}til\s+andre|nyttig\w*|brugbar\w*|vellidt|glade\s+for|positivt\s+evalueret|"
                        r"positive?\s+(?:feedback|tilbagemelding\w*)|(?:er|var)\s+(?:\w+\s+)?positive|godt\s+modtaget)\b",
                        re.IGNORECASE)
#: An evaluation or measurement that reports an outcome, with or without figures.
_EVALUATED = re.compile(r"\b(?:evaluering\w*|effektmåling\w*|målinger|måling\w*|undersøgelse\w*|følgeforskning\w*|"
                        r"spørgeskema\w*|opgørelse\w*)\b[^.]{0,100}\b(?:viser|vist|dokumenter\w*|peger\s+på|konkluderer)\b"
                        r"|\bviser\s+(?:\w+\s+){0,2}(?:evaluering|spørgeskema|opgørelse|måling)\w*", re.IGNORECASE)
#: Growth in reach (members, users, downloads) is activity, not effect, even before/after.
_REACH = re.compile(r"\b(?:vokset|voksede|downloads?|hentet\s+\d|medlemmer)\b", re.IGNORECASE)
#: Whose own assessment it is: the people the solution is for or works with.
_GROUP = re.compile(r"\b(?:deltager\w*|medarbejder\w*|\w*personale\w*|lærer\w*|borger\w*|bruger\w*|pårørende|"
                    r"elever\w*|patient\w*|unge|forældre\w*|ansatte|beboer\w*|ledere\w*)\b", re.IGNORECASE)
#: The group's own view: the group, then within a few words what they feel, find or say.
_OWN_VIEW = re.compile(_GROUP.pattern + r"\s+(?:\w+\s+){0,3}?" + _ASSESSED.pattern, re.IGNORECASE)
#: An evaluation wished for, planned or under way: no result yet.
_PLANNED = re.compile(r"\b(?:ønske\s+om|skal|vil\s+blive|planlægge\w*|overvej\w*)\s+(?:\w+\s+){0,3}evaluer\w*|"
                      r"\bikke\s+(?:endnu\s+)?(?:evaluer\w*|målt)\b", re.IGNORECASE)
#: Words that make an own assessment without figures an effect ("oplever færre ...").
_OUTCOME = re.compile(r"\b(?:effekt\w*|forbedr\w*|bedre|øget|øges|færre|mindre|reducer\w*|lykke\w*|tilbage|"
                      r"i\s+(?:arbejde|job|uddannelse))\b", re.IGNORECASE)
#: An estimate of a saving or an outcome, not a measurement.
_ESTIMATE = re.compile(r"\bforvente[sr]?\s+(?:\w+\s+){0,2}(?:besparelse|gevinst|effekt)\w*|\b(?:anslå\w*|skønne[sr]?)\b",
                       re.IGNORECASE)
#: An outcome the owner claims: better, more, less, saved, an effect.
_CLAIMED = re.compile(r"\b(?:bedre|forbedr\w*|øget|øge[rs]?|mindsket|mindske[rs]?|reducer\w*|reduktion\w*|færre|"
                      r"besparelse\w*|effektivisering\w*|effekt(?:er|en)?|styrket|tydelige\s+tegn|positiv\s+udvikling|"
                      r"flere\s+kommer)\b", re.IGNORECASE)
#: The text says there is nothing to measure against.
#: ("det er ikke målt" of one statement takes only that statement's weight: see _PLANNED.)
_NO_BASELINE = re.compile(r"\b(?:ikke|ingen)\s+(?:\w+\s+){0,2}(?:baseline|effektevaluering|effektmåling|"
                          r"evaluering\s+af\s+effekt\w*)", re.IGNORECASE)

#: Barriers: a rule, the law, money or IT standing in the way ...
_BARRIER_FIELD = re.compile(r"\b(?:lov\w*|regel\w*|regler\w*|jura|juridisk\w*|økonomi\w*|finansiering\w*|"
                            r"it-system\w*|systemer\w*|bekendtgørelse\w*|paragraf\w*|GDPR|databeskyttelse\w*)\b",
                            re.IGNORECASE)
_BARRIER_CUE = re.compile(r"\b(?:kræver\s+en\s+ændring|ændring\s+i\s+lov\w*|lovændring\w*|umuliggj\w*|forhindr\w*|"
                          r"hindr\w*|ikke\s+muligt|ikke\s+tilladt|kringle\w*|dispensation\w*|forsøgsordning\w*|"
                          r"frikommune\w*|lov\s+til\s+at)\b", re.IGNORECASE)
#: ... or any obstacle or precondition the text names for running or spreading it: what it
#: takes ("det kræver ledelsesopbakning", "forudsætter"), what is hard, scarce or resisting.
_OBSTACLE = re.compile(r"\b(?:hæmsko|barriere\w*\s+for|spænd\w*\s+ben|står\s+i\s+vejen|dilemma\w*|"
                       r"udfordringe(?:n|rne)?,?\s+(?:er|var|ligger|ift\.?|i\s+forhold)|der\s+er\s+udfordringer|"
                       r"ressourceknaphed|ressourcekrævende|tidskrævende|konservative?|tigge|"
                       r"ikke\s+(?:kan\s+)?lade\s+sig\s+gøre|svært\s+at|vanskeligt\s+at|"
                       r"nødt\s+til\s+at\s+(?:\w+\s+){0,3}investere|forudsætningen|forudsætter|"
                       r"(?:det\s+)?kræver\s+(?:det\s+|også\s+|jo\s+|en\s+del\s+)?,?\s*"
                       r"(?:uddannelse|tillid|ledelses\w*|nytænkning|at\s+de|timer|ressourcer|investering\w*)|"
                       r"(?:kræver|vigtigt\s+at\s+få|nødvendig\w*)\s+(?:\w+\s+){0,3}opbakning|vænne\s+sig\s+til)\b",
                       re.IGNORECASE)
#: Sections that tell the problem a solution answers (not a barrier to it), or are not the case's own text;
#: the summary too where a long case has a challenge section (a short case's summary is all its text).
_NOT_BARRIER_SECTIONS = ("contacts", "attachment", "challenge")


def _rank(grade: str) -> int:
    return EFFECT_GRADES.index(grade)


def sentence_grade(sentence: str, *, claims: bool = False) -> str:
    """The effect grade one sentence gives on its own.

    Parameters
    ----------
    sentence : str
    claims : bool
        Whether the sentence stands where a text tells its value (the value sections), so
        that an outcome claimed without figures or evaluation is ``reported``.

    Returns
    -------
    str
        A grade of :data:`samspil.core.model.EFFECT_GRADES`.

    Examples
    --------
    >>> sentence_grade("Deltagernes egen helbredsvurdering er forbedret med 17 procent.")
    'measured'
    >>> sentence_grade("Cirka halvdelen af deltagerne vurderer positive effekter på sundhedsvaner.")
    'measured'
    >>> sentence_grade("De første målinger viser, at de unges trivsel øges markant.")
    'reported'
    >>> sentence_grade("Over 5 år forventes en besparelse på ca. 1,8 mio. kr.")
    'reported'
    >>> [sentence_grade("Klimastenen er med til at reducere oversvømmelser.", claims=c) for c in (False, True)]
    ['none', 'reported']
    >>> sentence_grade("Ni ud af ti brugere har udtrykt, at siden indeholder oplysninger, som de fandt nyttige.")
    'satisfaction'
    >>> sentence_grade("Af de 26 borgere i praktik er ni kommet i ordinært job.")
    'measured'
    >>> sentence_grade("Opmålingen koster nu 60.000 kr. om året mod 380.000 kr. tidligere.")
    'measured'
    >>> sentence_grade("Appen er hentet 2 000 gange."), sentence_grade("Projektet koster 20 procent mere.")
    ('none', 'none')
    """
    if _PLANNED.search(sentence) or _REACH.search(sentence) or _NO_BASELINE.search(sentence):
        return "none"
    if _SAVED.search(sentence):
        return "measured"
    if _ESTIMATE.search(sentence):
        return "reported"
    if _NOT_EFFECT.search(sentence):
        return "none"
    if _CHANGE.search(sentence) or (_EVALUATED.search(sentence) and re.search(r"\d", sentence)
                                    and not _ASSESSED.search(sentence)):
        return "measured"
    if _FIGURE.search(sentence):
        # A self-reported outcome counted ("80 procent ... er enige i, at de har fået kompetencer")
        # is measured (devset §9, case 13); a rating of satisfaction or usefulness is not.
        return "satisfaction" if _SATISFIED.search(sentence) else "measured"
    # Without figures: an evaluation's finding, someone's own view of an outcome, an estimate
    # or, where the text tells its value (``claims``), the owner's claim of an outcome.
    if _EVALUATED.search(sentence) or _ESTIMATE.search(sentence) or (
            (_OWN_VIEW.search(sentence) or claims and _CLAIMED.search(sentence))
            and not _SATISFIED.search(sentence)):
        return "reported"
    return "satisfaction" if _SATISFIED.search(sentence) else "none"


def _read(record: CaseRecord) -> list[tuple[str, bool]]:
    """The sentences read for effect, each with whether it stands where the text tells its value."""
    keys = [k for k in EFFECT_SECTIONS if k in record.sections]
    if not keys:  # free text: no sections to tell value from description
        keys = [k for k in record.sections if k not in _NOT_READ]
        return [(s.strip(), True) for key in keys for s in sentences(record.sections[key].text)]
    return [(s.strip(), key.startswith("value_")) for key in keys for s in sentences(record.sections[key].text)]


def grade_effect(record: CaseRecord) -> tuple[str, str | None]:
    """The effect grade of a case and the whole sentence that carries it.

    Parameters
    ----------
    record : CaseRecord
        From any text loader.

    Returns
    -------
    tuple
        ``(grade, evidence)``: a grade of :data:`samspil.core.model.EFFECT_GRADES`, and
        the sentence (None for ``none``). Among sentences of the best grade, one that
        tells a change or an outcome is quoted before a bare figure.

    Examples
    --------
    >>> from samspil.core.records import SourceInfo, Section
    >>> r = CaseRecord(id="x", number=1, title="T", source=SourceInfo("x", "X", "x"))
    >>> r.sections["summary"] = Section("summary", "", "Det lykkedes at få 89 procent tilbage i skole.", 1, 1)
    >>> grade_effect(r)
    ('measured', 'Det lykkedes at få 89 procent tilbage i skole.')
    >>> r.sections["value_quality"] = Section("value_quality", "", "Vi har ikke en baseline.", 2, 2)
    >>> grade_effect(r)[0]
    'reported'
    """
    graded = [(sentence_grade(s, claims=claims), s) for s, claims in _read(record)]
    if any(_NO_BASELINE.search(s) for _, s in graded):
        # Without a baseline a count is the owner's report, and ranks after a native report.
        graded = [(g, s) for g, s in graded if g != "measured"] + \
                 [("reported", s) for g, s in graded if g == "measured"]
    best = min((g for g, _ in graded), key=_rank, default="none")
    if best == "none":
        return "none", None
    found = [s for g, s in graded if g == best]
    return best, next((s for s in found if _OUTCOME.search(s) or _CHANGE.search(s)), found[0])


def find_barriers(record: CaseRecord) -> list[str]:
    """Sentences naming a barrier: the law, rules, money or IT systems standing in the way, or
    another obstacle or precondition for running or spreading the solution (what it takes,
    what is hard or scarce). The problem the solution answers (its challenge section, the
    summary) is not a barrier to it.

    Parameters
    ----------
    record : CaseRecord

    Returns
    -------
    list of str
        Verbatim sentences, in text order, each once; the contact block is never read.

    Examples
    --------
    >>> from samspil.core.records import SourceInfo, Section
    >>> r = CaseRecord(id="x", number=1, title="T", source=SourceInfo("x", "X", "x"))
    >>> r.sections["reuse"] = Section("reuse", "", "1. Det kræver en ændring i lovgivningen at låne ud. "
    ...                               "2. Det står ikke i lovgivningen.", 1, 1)
    >>> find_barriers(r)
    ['1. Det kræver en ændring i lovgivningen at låne ud.']
    """
    found: list[str] = []
    for key, section in record.sections.items():
        if key in _NOT_BARRIER_SECTIONS or (key == "summary" and "challenge" in record.sections):
            continue
        for sentence in sentences(section.text):
            sentence = sentence.strip()
            barrier = _OBSTACLE.search(sentence) or (_BARRIER_FIELD.search(sentence) and _BARRIER_CUE.search(sentence))
            if barrier and sentence not in found:
                found.append(sentence)
    return found
