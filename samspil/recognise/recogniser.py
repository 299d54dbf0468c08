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

from samspil.core.errors import InputError
from samspil.core.identity import Gazetteer, name_key
from samspil.core.model import ROLE_PRIORITY
from samspil.recognise.effect import find_barriers, grade_effect
from samspil.recognise.language import detect_language
from samspil.recognise.rulebook import rules_for
from samspil.recognise.mentions import NOT_ORGANISATIONS, Mention, find_mentions, join_town_lists
from samspil.core.records import (ActorMention, CaseFacts, CaseRecord, GroupMention, InspirationMention, SharedMention,
                                  SpreadMention)
from samspil.core.text import sentences
from samspil.core.themes import tag_case_themes
from samspil.recognise.roles import (ACTING_SUBJECT, FUNDER_AFTER, INVERTED, LIST_REST, MADE_BY, MAKER_AFTER, NEGATED,
                                      NOT_NEGATED, OWNER_AFTER, OWNER_BEFORE, OWNER_BEFORE_LIST, PARTNER_AFTER,
                                      ROLE_CUES, SECTION_ROLES, SUBJECT_TAIL, TOPIC_BEFORE, TOPIC_OWNER, takes_part)
from samspil.recognise.spread import (NOT_SPREAD, GroupPhrase, Place, group_phrases, inspiration_cues, named_work_after,
                                      places_abroad, shared_channels, spread_cues, year_near)


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
        self.named: set[str] = set()  # every organisation found so far, for MAX_ORGANISATIONS
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
        self.named.add(m.name)
        if len(self.named) > MAX_ORGANISATIONS:  # refused as soon as it is known, not after the whole text
            raise InputError(f"the case {self.record.id!r} names more than {MAX_ORGANISATIONS} organisations (a "
                             "case description names tens): is it many cases in one text? Split it",
                             path=self.record.source.path)
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
    rules = rules_for(case.gazetteer.language)  # Norwegian / Swedish cues; none for Danish
    if NEGATED.search(prefix[-40:]) and not NOT_NEGATED.search(prefix[-80:]):
        return "mentioned", True  # "... ikke hos Microsoft": named, and explicitly no part in it
    if m.kind == "municipality" and (PARTICIPANT_LIST.search(prefix[-300:]) or rules.participants_before(prefix[-300:])):
        return "partner", True  # "Projektkommuner: Hjørring, Thisted, ...": the municipalities taking part
    if case.free and (OWNER_BEFORE.search(prefix[-80:]) or OWNER_BEFORE_LIST.search(prefix[-200:])
                      or rules.owner_named_before(prefix[-80:])):
        if m.kind == "company" and case.owners - {m.name}:
            return "partner", True  # "App'en er udviklet af Sporbar ApS": the supplier of an owner's solution
        return "owner", True
    if case.free and TOPIC_BEFORE.search(prefix[-6:]) and TOPIC_OWNER.match(suffix):
        return "owner", True
    if case.free and INVERTED.search(prefix[-12:]) and OWNER_AFTER.match("har " + suffix):
        return "owner", True  # "To år forinden havde Tranum Borgerforening taget initiativ"
    for role, rx in ROLE_CUES + rules.role_cues:
        if rx.search(prefix[-240:]):
            return role, True
    suffix = suffix[LIST_REST.match(suffix).end():]
    suffix = suffix[SUBJECT_TAIL.match(suffix).end():]
    if re.match(r"^\s*(?:[a-zæøå]+\s+){1,2}ikke\b", suffix) and m.name not in case.owners:
        return "mentioned", True  # "Brønderslev Kommune deltager ikke": explicitly no part in it
    if FUNDER_AFTER.match(suffix):
        return "funder", True
    after = rules.role_after(suffix)
    if after in ("funder", "partner") or (after == "owner" and case.free):
        return after, True
    if PARTNER_AFTER.match(suffix):
        return "partner", True
    if ACTING_SUBJECT.match(suffix) and not internal_unit and m.name not in case.owners:
        return "partner", True
    if MAKER_AFTER.match(suffix):
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
    if case.free and OWNER_AFTER.match(suffix):
        return "owner", True
    genitive = m.surface.endswith(("s", "'s", "’s")) and not m.name.endswith("s")
    if _COMMITTEE.search(m.name) and m.name not in case.owners:
        return "mentioned", False  # a committee that approves or decides gives a mandate
    if not internal_unit and not genitive and m.name not in case.owners and takes_part(prefix, suffix):
        return "partner", True
    return SECTION_ROLES.get(section, "mentioned"), False


def _evidence(sentence: str, limit: int = 200) -> str:
    sentence = " ".join(sentence.split())
    return sentence if len(sentence) <= limit else sentence[: limit - 1] + "…"


def _scan(case: _Case, section: str, text: str) -> None:
    for sentence in sentences(join_town_lists(text)):
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
            made_it = bool(MADE_BY.search(sentence[: m.start][-60:]))
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
            # The contact block is never evidence (design.md, personal data): the quote is the
            # organisation's name as the contact line writes it, without the person or the title.
            case.add(m, "owner" if internal else "partner", m.surface, "contacts", said=internal)


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
                      if OWNER_AFTER.match(sentence[m.end:][LIST_REST.match(sentence[m.end:]).end():])
                      or (TOPIC_BEFORE.search(sentence[: m.start]) and TOPIC_OWNER.match(sentence[m.end:]))
                      or OWNER_BEFORE.search(sentence[: m.start][-80:])
                      or rules_for(case.gazetteer.language).role_after(sentence[m.end:]) == "owner"
                      or rules_for(case.gazetteer.language).owner_named_before(sentence[: m.start][-80:])]
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
    grade, evidence = grade_effect(record)
    head = " ".join(x for x in (record.title, record.subtitle, record.target_group, record.summary) if x)
    body = record.text(*(k for k in record.sections if k not in ("contacts", "attachment", "summary")))
    groups = list({(g.description, g.role): g for g in case.groups}.values())
    return CaseFacts(actors=actors, spread=spread, groups=groups, shared=list(case.shared.values()),
                     inspired_by=list(inspired.values()), effect_grade=grade, effect_evidence=evidence,
                     themes=tag_case_themes(head, body), barriers=find_barriers(record))


#: Sections read for actors, in order; the attachment (a pasted printout) last.
_SKIP_SECTIONS = frozenset({"contacts"})
#: A heading of the municipalities that take part, before a list of them.
PARTICIPANT_LIST = re.compile(r"\b(?:[Pp]rojekt|[Dd]eltager|[Dd]eltagende|[Pp]artner|[Pp]ilot)\s*kommuner(?:ne)?\s*:[^.:]*$")
#: More organisations than any case description names (the 2019 collection's largest names
#: about 30): a text past it is many cases run together, and would make a clique of
#: collaboration ties with millions of edges, so it is refused with the reason.
MAX_ORGANISATIONS = 300


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
        about organisations outside the owners; where the idea came from;
        how well its effect is documented (a grade, see
        :mod:`samspil.recognise.effect`); the barriers it names.

    Examples
    --------
    >>> from samspil.loaders import lsf2019
    >>> facts = recognise(lsf2019.load()[8])
    >>> [(s.to, s.target, s.status) for s in facts.spread]
    [('Vejen Kommune', 'actor', 'adopted'), ('Andre kommuner', 'group', 'interested'), ('Væksthus for Ledelse', 'actor', 'interested')]
    """
    record.language = record.language or detect_language(record.text() or record.title).code
    gazetteer = gazetteer or Gazetteer.for_language(record.language)
    case = _Case(record, gazetteer)
    if not record.nominators:
        _free_text_owners(case)
        _scan(case, "title", record.title)  # "Forslag til Find & Forstør": named in the title only
    for key, section in record.sections.items():
        if key not in _SKIP_SECTIONS:
            _scan(case, key, section.text)
    _contacts(case)
    return _facts(case)
