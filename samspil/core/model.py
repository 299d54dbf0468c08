"""The fixed vocabulary of the Samspil graph: kinds, labels, sectors, relationships.

Everything that becomes a Neo4j label or relationship type comes from here, so a
label can never be built from text read out of a source (Cypher cannot take
labels or types as parameters; see :func:`check_identifier`).

The graph itself is a :class:`networkx.MultiDiGraph`:

* node key = the node's stable ``id``; attributes ``labels`` (a tuple of labels,
  most general first, e.g. ``("Actor", "Municipality")``), ``name`` and, for
  actors, ``kind`` and ``sector``; any other attribute is a scalar or a list of
  scalars.
* edge key = ``"<TYPE>@<case id>"`` (or ``"<TYPE>"`` for edges that belong to no
  single case, such as ``IN_REGION``); attributes ``type`` (one of
  :data:`RELATIONSHIPS`), ``case``, ``evidence`` and ``method`` (one of
  :data:`METHODS`) plus the relationship's own properties (``role``, ``status``,
  ``year``, ``weight`` ...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SECTORS: tuple[str, ...] = ("public", "private", "civil", "knowledge")


@dataclass(frozen=True)
class ActorKind:
    """One kind of actor: its snake_case name, its Neo4j label and its sector."""

    kind: str
    label: str
    sector: str | None  # None: the sector comes from members or parent


ACTOR_KINDS: dict[str, ActorKind] = {
    k.kind: k
    for k in (
        ActorKind("municipality", "Municipality", "public"),
        ActorKind("region", "Region", "public"),
        ActorKind("hospital", "Hospital", "public"),
        ActorKind("state_agency", "StateAgency", "public"),
        ActorKind("company", "Company", "private"),
        ActorKind("foundation", "Foundation", "civil"),
        ActorKind("association", "Association", "civil"),
        ActorKind("knowledge_institution", "KnowledgeInstitution", "knowledge"),
        ActorKind("network", "Network", None),
        ActorKind("unit", "Unit", None),
    )
}

#: Labels of nodes that are not actors.  ``Group``: an unnamed set of organisations one
#: statement speaks of ("tre kommuner"); ``Channel``: a medium knowledge was shared through
#: (a conference, a guide) that reaches no identifiable receiver.
NODE_LABELS: tuple[str, ...] = ("Actor", "Solution", "Case", "Source", "Theme", "Person", "Group", "Channel")

#: Every label a node may carry.
LABELS: tuple[str, ...] = NODE_LABELS + tuple(k.label for k in ACTOR_KINDS.values())

RELATIONSHIPS: tuple[str, ...] = (
    "NOMINATED",
    "DESCRIBES",
    "OWNS",
    "PARTNER_IN",
    "SPREAD_TO",
    "SHARED_VIA",
    "INSPIRED_BY",
    "MENTIONS",
    "PART_OF",
    "IN_REGION",
    "COLLABORATES_WITH",
    "ADDRESSES",
    "FROM_SOURCE",
    "CONTACT_FOR",
)

#: How an edge was found (``contact``: from the organisation in a contact person's title line).
METHODS: tuple[str, ...] = ("parsed", "gazetteer", "pattern", "curated", "reference", "derived", "structured",
                            "contact")

#: Roles an actor can have in a case view.
ROLES: tuple[str, ...] = (
    "nominator",
    "owner",
    "partner",
    "funder",
    "adopter",
    "interested",
    "inspiration",
    "mentioned",
)

#: Spread statuses; only ``adopted`` counts as spread in the public-innovation
#: centre's sense (implemented and creating value somewhere new).
SPREAD_STATUSES: tuple[str, ...] = ("adopted", "interested", "visited", "inspired")

#: What a spread statement reaches: a named organisation, a named place abroad (the actor of
#: its public authority) or an unnamed group of organisations.
SPREAD_TARGETS: tuple[str, ...] = ("actor", "place", "group")

#: Channels of knowledge-sharing that reach no identifiable receiver (``SHARED_VIA``); never spread.
CHANNELS: tuple[str, ...] = ("conference", "talk", "network", "guide", "web", "newsletter", "media", "course")

#: The country of an actor the text places nowhere else (ISO 3166 alpha-2).
DEFAULT_COUNTRY = "DK"

PRIZES: tuple[str, ...] = ("nyt-sammen-bedre", "hverdagsinnovation")

#: Effect grades, strongest first (see :mod:`samspil.recognise.effect`): an outcome measured or
#: counted; own assessment, estimates or an evaluation without figures; only satisfaction or
#: usefulness ratings; nothing (activity counts, no baseline and nothing else).
EFFECT_GRADES: tuple[str, ...] = ("measured", "reported", "satisfaction", "none")
#: The grades that make ``documented_effect`` true: an outcome in figures (devset GUIDELINES
#: §9). The gold annotation of effect grades keeps the two equal — an outcome told without
#: figures is ``reported`` there and ``documented_effect`` false in the devset — so only
#: ``measured`` documents an effect; a satisfaction rating says how an offer was liked.
DOCUMENTED_GRADES: tuple[str, ...] = ("measured",)


def flag_grade(documented_effect: bool) -> str:
    """The grade an older yes/no ``documented_effect`` stands for (files written before grades).

    The flag meant "an outcome in figures", which is what ``measured`` means.

    Examples
    --------
    >>> flag_grade(True), flag_grade(False)
    ('measured', 'none')
    """
    return "measured" if documented_effect else "none"

#: Priority of roles when one actor has several in one case (first wins).
ROLE_PRIORITY: tuple[str, ...] = (
    "owner",
    "partner",
    "funder",
    "adopter",
    "interested",
    "inspiration",
    "nominator",
    "mentioned",
)

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def check_identifier(word: str) -> str:
    """Return ``word`` if it is a label or relationship type of the vocabulary.

    Parameters
    ----------
    word : str
        A label (``"Municipality"``) or relationship type (``"SPREAD_TO"``).

    Returns
    -------
    str
        The same word, safe to splice into Cypher.

    Raises
    ------
    ValueError
        If the word is not in the vocabulary or not a plain identifier.

    Examples
    --------
    >>> check_identifier("SPREAD_TO")
    'SPREAD_TO'
    >>> check_identifier("X`) DETACH DELETE n //")
    Traceback (most recent call last):
    ...
    ValueError: not a label or relationship type of the Samspil vocabulary: 'X`) DETACH DELETE n //'
    """
    if not _IDENTIFIER.match(word) or (word not in LABELS and word not in RELATIONSHIPS):
        raise ValueError(f"not a label or relationship type of the Samspil vocabulary: {word!r}")
    return word


def actor_labels(kind: str) -> tuple[str, str]:
    """Labels of an actor of ``kind``: ``("Actor", <kind label>)``.

    Parameters
    ----------
    kind : str
        One of :data:`ACTOR_KINDS`.

    Returns
    -------
    tuple of str

    Examples
    --------
    >>> actor_labels("state_agency")
    ('Actor', 'StateAgency')
    """
    try:
        return ("Actor", ACTOR_KINDS[kind].label)
    except KeyError:
        raise ValueError(f"unknown actor kind {kind!r}; expected one of {', '.join(ACTOR_KINDS)}") from None


def edge_key(rel_type: str, case: str | None) -> str:
    """The key of an edge in the MultiDiGraph: one edge per type, pair and case.

    Examples
    --------
    >>> edge_key("OWNS", "lsf2019-09")
    'OWNS@lsf2019-09'
    >>> edge_key("IN_REGION", None)
    'IN_REGION'
    """
    return f"{rel_type}@{case}" if case else rel_type
