"""What loaders produce: case records (the text of a case, by section) and case facts
(who did what in it, and where it spread).

A loader of text (the LÆS STJÆL FORTÆL layout, free text) yields
:class:`CaseRecord` objects; the recogniser turns each into :class:`CaseFacts`.
A loader of structured cases (YAML) yields both at once.  The graph is built
from pairs of the two.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from samspil.core.model import DOCUMENTED_GRADES


@dataclass(frozen=True)
class SourceInfo:
    """A document cases come from."""

    id: str
    title: str
    path: str
    year: int | None = None
    publisher: str | None = None


@dataclass
class Section:
    """A named part of a case: its repaired text and the lines it spans in its source."""

    key: str
    heading: str
    text: str
    line_start: int
    line_end: int


@dataclass
class Contact:
    """A contact person named by a case. Personal data: kept out of outputs by default."""

    name: str
    title: str | None = None
    organisation: str | None = None
    phone: str | None = None
    email: str | None = None
    line: int | None = None


@dataclass
class CaseRecord:
    """One description of a solution in one source.

    ``number`` is the case's order of appearance in its source (1-based);
    ``nominators`` are the organisations of the INDSTILLER line (or the
    organisation line of a short case) as the text writes them, split.
    """

    id: str
    number: int | None
    title: str
    source: SourceInfo
    prize: str | None = None
    layout: str = "long"  # long | short | structured | free
    subtitle: str | None = None
    year: int | None = None
    year_end: int | None = None
    target_group: str | None = None
    nominator_text: str | None = None
    nominators: list[str] = field(default_factory=list)
    nominator_kinds: dict[str, str | None] = field(default_factory=dict)
    nominator_parents: dict[str, str] = field(default_factory=dict)
    sections: dict[str, Section] = field(default_factory=dict)
    contacts: list[Contact] = field(default_factory=list)
    line_start: int | None = None
    line_end: int | None = None
    solution_id: str | None = None
    summary: str | None = None
    #: The text's language (da, no, sv, en; :mod:`samspil.recognise.language`), set when it is recognised.
    language: str | None = None

    def text(self, *keys: str) -> str:
        """The text of the named sections (all, in order, when none is named)."""
        chosen = keys or tuple(self.sections)
        return "\n\n".join(self.sections[k].text for k in chosen if k in self.sections)


@dataclass
class ActorMention:
    """An organisation named in a case, with its role there and the words that show it."""

    name: str
    kind: str
    role: str
    evidence: str = ""
    method: str = "pattern"
    part_of: str | None = None
    section: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class GroupMention:
    """An unnamed set of organisations taking part in a case ("yderligere 36 kommuner" support it).

    ``description`` is the text's own words; ``kind`` the members' actor kind;
    ``count`` None when the text gives no number ("flere kommuner").
    """

    description: str
    kind: str
    role: str
    count: int | None = None
    region: str | None = None
    country: str | None = None
    evidence: str = ""
    method: str = "pattern"


@dataclass
class SpreadMention:
    """A statement that a solution went somewhere new (adopted, interested, visited, inspired).

    ``target`` says what ``to`` is: a named organisation (``actor``), a named place
    abroad whose public authority is meant (``place``, with ``country``) or an
    unnamed set of organisations (``group``: ``to`` is the text's ``description``,
    ``count`` its number or None, ``region``/``country`` when the words give them).
    """

    to: str
    kind: str
    status: str
    evidence: str = ""
    year: int | None = None
    method: str = "pattern"
    target: str = "actor"
    count: int | None = None
    country: str | None = None
    region: str | None = None
    description: str | None = None


@dataclass
class SharedMention:
    """Knowledge-sharing that reaches no identifiable receiver (a talk, a guide): never spread."""

    channel: str
    evidence: str = ""
    method: str = "pattern"


@dataclass
class InspirationMention:
    """Where the idea came from: an organisation (``kind`` an actor kind) or a solution (``kind`` "solution")."""

    source: str
    kind: str
    evidence: str = ""
    method: str = "pattern"


@dataclass
class CaseFacts:
    """What a case says about actors, spread, effect and barriers, recognised or given.

    ``effect_grade`` is one of :data:`samspil.core.model.EFFECT_GRADES` and
    ``effect_evidence`` the whole sentence carrying it; ``barriers`` are verbatim
    sentences naming what stands in the way (the law, rules, money, IT systems).

    Examples
    --------
    >>> CaseFacts(effect_grade="measured").documented_effect, CaseFacts(effect_grade="reported").documented_effect
    (True, False)
    """

    actors: list[ActorMention] = field(default_factory=list)
    spread: list[SpreadMention] = field(default_factory=list)
    groups: list[GroupMention] = field(default_factory=list)
    shared: list[SharedMention] = field(default_factory=list)
    inspired_by: list[InspirationMention] = field(default_factory=list)
    effect_grade: str = "none"
    effect_evidence: str | None = None
    themes: list[str] = field(default_factory=list)
    barriers: list[str] = field(default_factory=list)

    @property
    def documented_effect(self) -> bool:
        """Derived from the grade: an outcome in figures (:data:`~samspil.core.model.DOCUMENTED_GRADES`)."""
        return self.effect_grade in DOCUMENTED_GRADES


@dataclass
class Corpus:
    """Everything a graph is built from: cases with their facts, and organisations named by sources."""

    cases: list[tuple[CaseRecord, CaseFacts]] = field(default_factory=list)
    organisations: list[tuple[SourceInfo, ActorMention]] = field(default_factory=list)
