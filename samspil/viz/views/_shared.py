"""What the views share: reading the graph as a map sees it, the texts of nodes and edges,
and node sizes (the items of the whole network are in ``_items``, the focus panel's lists
in ``_focus``).

Helpers of :mod:`samspil.viz.views` only; the views' public names are in its ``__init__``.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import networkx as nx

from samspil.core.errors import SamspilError
from samspil.core.themes import theme_label
from samspil.recognise.spread import NUMBER_WORDS
from samspil.viz.layout import betweenness, degrees
from samspil.viz.style import KIND_STYLES, REL_ORDER, REL_STYLES, rel_key
from samspil.viz.views.base import SIZE_MEASURES, redact_contacts

__all__ = [
    "TOOLTIP_CASES", "LABEL_LIMIT", "MIN_SIZE", "MAX_SIZE", "MEASURE_WORDS",
    "clip", "more", "sector_word", "kind_word",
    "labels_of", "group_of", "name_of", "Relation", "case_solutions", "map_relations", "by_pair",
    "strength", "ViewText", "node_tooltip", "edge_tooltip",
    "scale_sizes", "size_measure", "folded_network",
]

#: Cases (or solutions) a tooltip lists before "… og N til".
TOOLTIP_CASES = 8
_TOOLTIP_RELATIONS = 6
#: Characters of a drawn label (the full name is searched and shown on hover).
LABEL_LIMIT = 42
#: The smallest and largest node a measure sizes (:func:`scale_sizes`).
MIN_SIZE, MAX_SIZE = 9.0, 36.0

_PRIZES = {"nyt-sammen-bedre": "Nyt Sammen Bedre", "hverdagsinnovation": "Hverdagsinnovationsprisen"}

#: Relationships the whole network draws; COLLABORATES_WITH is left to the cross-sector
#: view (it repeats, actor to actor, what the shared solutions already show).
_NETWORK_TYPES = frozenset({"OWNS", "PARTNER_IN", "SPREAD_TO", "INSPIRED_BY", "NOMINATED",
                            "MENTIONS", "PART_OF", "IN_REGION", "ADDRESSES", "CONTACT_FOR"})

#: What an actor did in a case, from the relationship key and which end it is.
_ROLE_WORDS = {
    ("OWNS", "source"): "ejer",
    ("PARTNER_IN", "source"): "partner",
    ("PARTNER_IN:funder", "source"): "finansierer",
    ("SPREAD_TO:adopted", "target"): "tog den i brug",
    ("SPREAD_TO:interested", "target"): "interesseret",
    ("SPREAD_TO:visited", "target"): "på besøg",
    ("SPREAD_TO:inspired", "target"): "inspireret",
    ("INSPIRED_BY", "target"): "inspirationskilde",
    ("NOMINATED", "source"): "indstiller",
    ("MENTIONS", "target"): "nævnt",
    ("CONTACT_FOR", "source"): "kontaktperson",
}


# --------------------------------------------------------------------------------------------
# text


def clip(text: str, limit: int) -> str:
    """``text`` on one line, cut to ``limit`` characters with "…"."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _quote(evidence: str | None) -> str:
    """A quote in «guillemets», cut to 300 characters (empty for no quote)."""
    return f"«{clip(evidence, 300)}»" if evidence else ""


def more(items: list[str], limit: int) -> list[str]:
    """The first ``limit`` items, and a line saying how many more there are."""
    return items if len(items) <= limit else [*items[:limit], f"… og {len(items) - limit} til"]


_SECTOR_PHRASES = {"public": "offentlig sektor", "private": "privat sektor", "civil": "civilsamfundet",
                   "knowledge": "vidensektoren"}


def sector_word(sector: str | None) -> str:
    """A sector in Danish words ("offentlig sektor")."""
    return _SECTOR_PHRASES.get(sector or "", "sektor ukendt")


def kind_word(kind: str | None) -> str:
    """The Danish label of a kind of node ("Kommune")."""
    style = KIND_STYLES.get(kind or "")
    return style["label"] if style else (kind or "ukendt type")


# --------------------------------------------------------------------------------------------
# reading the graph


def labels_of(g: nx.MultiDiGraph, n: str) -> tuple[str, ...]:
    """The labels of a node."""
    return tuple(g.nodes[n].get("labels", ()))


def group_of(g: nx.MultiDiGraph, n: str) -> str | None:
    """The map group of a node (an actor's kind, or solution/theme/person), None for others."""
    labels = labels_of(g, n)
    if "Actor" in labels:
        return g.nodes[n].get("kind") or "unit"
    for label, group in (("Solution", "solution"), ("Theme", "theme"), ("Person", "person")):
        if label in labels:
            return group
    return None


def name_of(g: nx.MultiDiGraph, n: str) -> str:
    """The name of a node as a reader knows it (a theme by its Danish label); a group by its number
    ("3 kommuner"), a place abroad with its country."""
    data = g.nodes[n]
    labels = data.get("labels", ())
    if "Theme" in labels:
        return theme_label(str(data.get("name") or n))
    if "Group" in labels and data.get("count"):
        words = str(data["name"]).split()
        # "yderligere 36 kommuner", "fire vestjyske kommuner": the words after the number, after the count
        at = next((i for i, w in enumerate(words) if w.isdigit() or w.lower() in NUMBER_WORDS), -1)
        return " ".join([str(data["count"]), *words[at + 1:]])
    if data.get("country", "DK") != "DK":
        return f"{data.get('name') or n} ({data['country']})"
    return str(data.get("name") or data.get("title") or n)


@dataclass(frozen=True)
class Relation:
    """One relationship of the graph as a map sees it (cases folded into their solution)."""

    source: str
    target: str
    type: str
    key: str
    case: str
    evidence: str
    year: int | None


def case_solutions(g: nx.MultiDiGraph) -> dict[str, str]:
    """The solution each case describes."""
    return {u: v for u, v, d in g.edges(data=True) if d["type"] == "DESCRIBES"}


def map_relations(g: nx.MultiDiGraph, include_contacts: bool) -> list[Relation]:
    """The relationships between drawable nodes, with each Case replaced by its Solution."""
    solution_of = case_solutions(g)
    drawable = {n for n in g if group_of(g, n) and (include_contacts or group_of(g, n) != "person")}
    out = []
    for u, v, d in g.edges(data=True):
        if d["type"] not in _NETWORK_TYPES:
            continue
        a, b = solution_of.get(u, u), solution_of.get(v, v)
        if a == b or a not in drawable or b not in drawable:
            continue
        out.append(Relation(a, b, d["type"], rel_key(d["type"], d.get("role"), d.get("status")),
                            str(d.get("case") or ""), str(d.get("evidence") or ""), d.get("year")))
    out.sort(key=lambda r: (r.source, r.target, REL_ORDER.index(r.key) if r.key in REL_ORDER
                            else len(REL_ORDER), r.case))
    return out


def by_pair(relations: Iterable[Relation]) -> dict[tuple[str, str], list[Relation]]:
    """Relations grouped by the unordered pair of nodes they join, strongest first."""
    pairs: dict[tuple[str, str], list[Relation]] = defaultdict(list)
    for r in relations:
        pairs[tuple(sorted((r.source, r.target)))].append(r)
    for rels in pairs.values():
        rels.sort(key=lambda r: (strength(r.key), r.case, r.source))
    return dict(sorted(pairs.items()))


def strength(key: str) -> int:
    """Rank of a relationship key, strongest (0) first (:data:`samspil.viz.style.REL_ORDER`)."""
    return REL_ORDER.index(key) if key in REL_ORDER else len(REL_ORDER)


class ViewText:
    """Makes every text of a view: full names, labels, and tooltips with or without
    contact details."""

    def __init__(self, g: nx.MultiDiGraph, include_contacts: bool) -> None:
        self.g = g
        self.include_contacts = include_contacts
        self._cases: dict[str, str] = {}

    def clean(self, text: str) -> str:
        return text if self.include_contacts else redact_contacts(text)

    def name(self, n: str) -> str:
        return self.clean(name_of(self.g, n))

    def label(self, n: str) -> str:
        return clip(self.name(n), LABEL_LIMIT)

    def case(self, case: str) -> str:
        """A case as a reader knows it: its title and id."""
        if case not in self._cases:
            data = self.g.nodes[case] if case in self.g else {}
            title = data.get("name")
            self._cases[case] = f"{clip(title, 60)} ({case})" if title else case
        return self._cases[case]

    def lines(self, lines: Iterable[str]) -> str:
        return self.clean("\n".join(line for line in lines if line))


def node_tooltip(text: ViewText, n: str, relations: list[Relation]) -> str:
    """Name, kind, sector, the cases the node appears in (with its role) and a quote."""
    g = text.g
    data = g.nodes[n]
    group = group_of(g, n)
    head = [text.name(n)]
    if group == "solution":
        return text.lines(head + _solution_lines(text, n))
    if group == "theme":
        solutions = sorted({r.source for r in relations if r.target == n and r.type == "ADDRESSES"})
        return text.lines(head + ["Tema", f"{len(solutions)} løsninger handler om det"])
    if group == "person":
        return text.lines(head + ["Kontaktperson", *(str(data[k]) for k in
                                                     ("title", "organisation", "phone", "email")
                                                     if data.get(k))])
    head.append(f"{kind_word(data.get('kind'))} · {sector_word(data.get('sector'))}")
    if data.get("region") and data.get("kind") != "region":
        head.append(str(data["region"]))
    roles: dict[str, list[str]] = defaultdict(list)
    quote = ""
    for r in sorted(relations, key=lambda r: strength(r.key)):
        end = "source" if r.source == n else "target"
        word = _ROLE_WORDS.get((r.key, end))
        if word and r.case:
            if word not in roles[r.case]:
                roles[r.case].append(word)
            quote = quote or r.evidence
    cases = [f"{text.case(c)}: {', '.join(words)}" for c, words in sorted(roles.items())]
    if cases:
        head.append(f"Cases ({len(cases)}):")
        head.extend("· " + line for line in more(cases, TOOLTIP_CASES))
    head.append(_quote(quote))
    return text.lines(head)


def _solution_lines(text: ViewText, n: str) -> list[str]:
    """The tooltip lines of a solution under its name: year, cases, themes, effect, summary."""
    g = text.g
    data = g.nodes[n]
    lines = ["Løsning" + (f" fra {data['year']}" if data.get("year") else "")]
    cases = sorted(u for u, _, d in g.in_edges(n, data=True) if d["type"] == "DESCRIBES")
    for c in cases:
        prize = _PRIZES.get(g.nodes[c].get("prize") or "")
        lines.append(f"Case: {text.case(c)}" + (f", {prize}" if prize else ""))
    themes = data.get("themes") or []
    if themes:
        lines.append("Temaer: " + ", ".join(theme_label(t) for t in themes))
    if data.get("documented_effect"):
        lines.append("Dokumenteret effekt")
    if data.get("summary"):
        lines.append(_quote(data["summary"]))
    return lines


def edge_tooltip(text: ViewText, rels: list[Relation]) -> str:
    """Both ends, then each relationship: what, which case, the quote."""
    first = rels[0]
    lines = [f"{text.name(first.source)} → {text.name(first.target)}"]
    entries = []
    for r in rels:
        label = REL_STYLES[r.key]["label"] if r.key in REL_STYLES else r.key
        when = f" {r.year}" if r.year else ""
        where = f" — {text.case(r.case)}" if r.case else ""
        entries.append(f"{label}{when}{where}" + (f"\n  {_quote(r.evidence)}" if r.evidence else ""))
    lines.extend(more(entries, _TOOLTIP_RELATIONS))
    return text.lines(lines)


def scale_sizes(values: Mapping[str, float]) -> dict[str, float]:
    """Node sizes from a measure: the square root, so area grows with the measure."""
    top = max(values.values(), default=0.0)
    if top <= 0:
        return {n: 14.0 for n in values}
    return {n: round(MIN_SIZE + (MAX_SIZE - MIN_SIZE) * math.sqrt(max(v, 0.0) / top), 2)
            for n, v in values.items()}


def size_measure(size_by: str, ids: list[str], pairs: Iterable[tuple[str, str]]) -> dict[str, float]:
    """What sizes the nodes: ``"degree"`` or ``"betweenness"`` of each id over the pairs."""
    if size_by not in SIZE_MEASURES:
        raise SamspilError(f"cannot size nodes by {size_by!r}; choose {' or '.join(SIZE_MEASURES)}")
    pairs = list(pairs)
    return betweenness(ids, pairs) if size_by == "betweenness" else degrees(ids, pairs)


#: How a subtitle or tooltip names each measure of :data:`SIZE_MEASURES`.
MEASURE_WORDS = {"degree": "antal forbindelser", "betweenness": "mæglerrolle (betweenness)"}


# --------------------------------------------------------------------------------------------
# the whole network, folded (network, neighbourhood and candidates views)


def folded_network(g: nx.MultiDiGraph, include_contacts: bool
                   ) -> tuple[list[str], dict[tuple[str, str], list[Relation]], list[Relation]]:
    """The drawable node ids, their relations by pair, and the relations (cases folded)."""
    relations = map_relations(g, include_contacts)
    ids = sorted(n for n in g if group_of(g, n) and (include_contacts or group_of(g, n) != "person"))
    return ids, by_pair(relations), relations
