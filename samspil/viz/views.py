"""What each map shows: plain functions from a Samspil graph to the nodes and edges of a view.

A view is a :class:`MapView`: vis-network node and edge objects (plain dicts), the legend,
the filter menus and the lines that explain the map. Nothing here knows HTML; turning a
view into a page is :mod:`samspil.viz.maps`, and placing a large one is
:mod:`samspil.viz.layout`.

The views
---------
:func:`network_view`
    The whole network: actors, solutions and themes. Cases are folded into the solution
    they describe (an actor that nominated a case is tied to its solution), sources are
    left out, and every pair of nodes gets one line in the style of its strongest
    relationship, with all of them listed in its tooltip.
:func:`cross_sector_view`
    Actors only, tied when they made a solution together (the collaboration projection of
    :mod:`samspil.queries.analytics.network`), coloured by sector, ties coloured by the
    sectors they join, sized by betweenness.
:func:`spread_view`
    One solution: who made it, where it went (adopted, interested, visited, inspired) with
    years, the variants made from it and where those went; laid out left to right.
:func:`neighbourhood_view`
    One actor and what lies within one or two steps of it in the whole network.
:func:`candidates_view`
    The Find & Forstør ranking (:func:`samspil.queries.candidates.rank_candidates`): the
    best cases' solutions sized by score, with the actors behind them.

Personal data
-------------
Person nodes (contacts) appear only with ``include_contacts=True``. Without it every text a
view puts on a map is also stripped of e-mail addresses and phone numbers, in case an
evidence quote or summary carries one.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from samspil.core.text import redact_contact_details
from samspil.core.errors import SamspilError
from samspil.core.identity import name_key
from samspil.core.themes import theme_label
from samspil.recognise.spread import NUMBER_WORDS
from samspil.viz.layout import betweenness, degrees
from samspil.viz.page import FilterControl, LegendEntry
from samspil.viz.style import (
    KIND_STYLES,
    REL_ORDER,
    REL_STYLES,
    SECTOR_PAIR_COLORS,
    SECTOR_STYLES,
    edge_style,
    kind_control,
    kind_legend,
    rel_control,
    rel_key,
    sector_control,
    sector_legend,
    sector_pair_color,
    sector_pair_label,
)

__all__ = [
    "MapView",
    "VIEWS",
    "network_view",
    "cross_sector_view",
    "spread_view",
    "neighbourhood_view",
    "candidates_view",
    "find_actor",
    "redact_contacts",
]

#: The views by the name the command line and the atlas use.
VIEWS: tuple[str, ...] = ("network", "cross-sector", "spread", "neighbourhood", "candidates")

#: What may size the nodes of a view.
SIZE_MEASURES: tuple[str, ...] = ("degree", "betweenness")

_TOOLTIP_CASES = 8
_TOOLTIP_RELATIONS = 6
_LABEL_LIMIT = 42
_MIN_SIZE, _MAX_SIZE = 9.0, 36.0

_REDACTED = "[kontaktoplysning skjult]"

_PRIZES = {"nyt-sammen-bedre": "Nyt Sammen Bedre", "hverdagsinnovation": "Hverdagsinnovationsprisen"}

#: Relationships the whole network draws; COLLABORATES_WITH is left to the cross-sector
#: view (it repeats, actor to actor, what the shared solutions already show).
_NETWORK_TYPES = frozenset({"OWNS", "PARTNER_IN", "SPREAD_TO", "INSPIRED_BY", "NOMINATED",
                            "MENTIONS", "PART_OF", "IN_REGION", "ADDRESSES", "CONTACT_FOR"})
#: A neighbourhood goes on through these; IN_REGION and ADDRESSES end a path (a region or a
#: theme would pull in every municipality or solution it holds).
_THROUGH_TYPES = frozenset({"OWNS", "PARTNER_IN", "SPREAD_TO", "INSPIRED_BY", "NOMINATED",
                            "MENTIONS", "PART_OF", "CONTACT_FOR"})

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


@dataclass
class MapView:
    """One map's content, ready for :func:`samspil.viz.maps.render_map`.

    Attributes
    ----------
    view : str
        Which view made it (one of :data:`VIEWS`).
    title : str
        The page's heading.
    nodes, edges : list of dict
        vis-network items: nodes with ``id``, ``label``, ``name`` (the full name, searched),
        ``group``, ``tooltip`` (plain text), ``size`` and filter fields; edges with ``id``,
        ``from``, ``to``, ``tooltip``, style fields and filter fields.
    legend : list of LegendEntry
        Colour and shape per group, in display order.
    legend_title : str
        The heading of the legend (which is also the first filter).
    controls : list of FilterControl
        Further filter menus (sector, relationship, ...).
    subtitle : str
        How to read the map.
    notices : list of str
        What the reader must know: left-out nodes, aggregation, no spread yet.
    options : dict
        vis-network options of this view (merged over the page's defaults).
    fixed : bool
        The view placed its nodes itself (``x``, ``y``); no layout or physics moves them.
    """

    view: str
    title: str
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    legend: list[LegendEntry] = field(default_factory=list)
    legend_title: str = "Type"
    controls: list[FilterControl] = field(default_factory=list)
    subtitle: str = ""
    notices: list[str] = field(default_factory=list)
    options: dict[str, Any] = field(default_factory=dict)
    fixed: bool = False


# --------------------------------------------------------------------------------------------
# text


def redact_contacts(text: str) -> str:
    """Replace e-mail addresses and Danish phone numbers in ``text``.

    Parameters
    ----------
    text : str

    Returns
    -------
    str
        The text with each address or number replaced by ``[kontaktoplysning skjult]``.

    Examples
    --------
    >>> redact_contacts("Kontakt: 30 43 31 72, anna@rsyd.dk (2015-2018)")
    'Kontakt: [kontaktoplysning skjult], [kontaktoplysning skjult] (2015-2018)'
    """
    return redact_contact_details(text, marker=_REDACTED)


def _clip(text: str, limit: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _quote(evidence: str | None) -> str:
    return f"«{_clip(evidence, 300)}»" if evidence else ""


def _more(items: list[str], limit: int) -> list[str]:
    return items if len(items) <= limit else [*items[:limit], f"… og {len(items) - limit} til"]


_SECTOR_PHRASES = {"public": "offentlig sektor", "private": "privat sektor", "civil": "civilsamfundet",
                   "knowledge": "vidensektoren"}


def _sector_word(sector: str | None) -> str:
    return _SECTOR_PHRASES.get(sector or "", "sektor ukendt")


def _kind_word(kind: str | None) -> str:
    style = KIND_STYLES.get(kind or "")
    return style["label"] if style else (kind or "ukendt type")


# --------------------------------------------------------------------------------------------
# reading the graph


def _labels(g: nx.MultiDiGraph, n: str) -> tuple[str, ...]:
    return tuple(g.nodes[n].get("labels", ()))


def _group(g: nx.MultiDiGraph, n: str) -> str | None:
    """The map group of a node (an actor's kind, or solution/theme/person), None for others."""
    labels = _labels(g, n)
    if "Actor" in labels:
        return g.nodes[n].get("kind") or "unit"
    for label, group in (("Solution", "solution"), ("Theme", "theme"), ("Person", "person")):
        if label in labels:
            return group
    return None


def _name(g: nx.MultiDiGraph, n: str) -> str:
    """A node's name on a map; a group by its number ("3 kommuner"), a place abroad with its country."""
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
class _Relation:
    """One relationship of the graph as a map sees it (cases folded into their solution)."""

    source: str
    target: str
    type: str
    key: str
    case: str
    evidence: str
    year: int | None


def _case_solutions(g: nx.MultiDiGraph) -> dict[str, str]:
    return {u: v for u, v, d in g.edges(data=True) if d["type"] == "DESCRIBES"}


def _relations(g: nx.MultiDiGraph, include_contacts: bool) -> list[_Relation]:
    """The relationships between drawable nodes, with each Case replaced by its Solution."""
    solution_of = _case_solutions(g)
    drawable = {n for n in g if _group(g, n) and (include_contacts or _group(g, n) != "person")}
    out = []
    for u, v, d in g.edges(data=True):
        if d["type"] not in _NETWORK_TYPES:
            continue
        a, b = solution_of.get(u, u), solution_of.get(v, v)
        if a == b or a not in drawable or b not in drawable:
            continue
        out.append(_Relation(a, b, d["type"], rel_key(d["type"], d.get("role"), d.get("status")),
                             str(d.get("case") or ""), str(d.get("evidence") or ""), d.get("year")))
    out.sort(key=lambda r: (r.source, r.target, REL_ORDER.index(r.key) if r.key in REL_ORDER
                            else len(REL_ORDER), r.case))
    return out


def _pairs(relations: Iterable[_Relation]) -> dict[tuple[str, str], list[_Relation]]:
    """Relations grouped by the unordered pair of nodes they join, strongest first."""
    pairs: dict[tuple[str, str], list[_Relation]] = defaultdict(list)
    for r in relations:
        pairs[tuple(sorted((r.source, r.target)))].append(r)
    for rels in pairs.values():
        rels.sort(key=lambda r: (_strength(r.key), r.case, r.source))
    return dict(sorted(pairs.items()))


def _strength(key: str) -> int:
    return REL_ORDER.index(key) if key in REL_ORDER else len(REL_ORDER)


class _Text:
    """Makes every text of a view: full names, labels, and tooltips with or without
    contact details."""

    def __init__(self, g: nx.MultiDiGraph, include_contacts: bool) -> None:
        self.g = g
        self.include_contacts = include_contacts
        self._cases: dict[str, str] = {}

    def clean(self, text: str) -> str:
        return text if self.include_contacts else redact_contacts(text)

    def name(self, n: str) -> str:
        return self.clean(_name(self.g, n))

    def label(self, n: str) -> str:
        return _clip(self.name(n), _LABEL_LIMIT)

    def case(self, case: str) -> str:
        """A case as a reader knows it: its title and id."""
        if case not in self._cases:
            data = self.g.nodes[case] if case in self.g else {}
            title = data.get("name")
            self._cases[case] = f"{_clip(title, 60)} ({case})" if title else case
        return self._cases[case]

    def lines(self, lines: Iterable[str]) -> str:
        return self.clean("\n".join(line for line in lines if line))


def _node_tooltip(text: _Text, n: str, relations: list[_Relation]) -> str:
    """Name, kind, sector, the cases the node appears in (with its role) and a quote."""
    g = text.g
    data = g.nodes[n]
    group = _group(g, n)
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
    head.append(f"{_kind_word(data.get('kind'))} · {_sector_word(data.get('sector'))}")
    if data.get("region") and data.get("kind") != "region":
        head.append(str(data["region"]))
    roles: dict[str, list[str]] = defaultdict(list)
    quote = ""
    for r in sorted(relations, key=lambda r: _strength(r.key)):
        end = "source" if r.source == n else "target"
        word = _ROLE_WORDS.get((r.key, end))
        if word and r.case:
            if word not in roles[r.case]:
                roles[r.case].append(word)
            quote = quote or r.evidence
    cases = [f"{text.case(c)}: {', '.join(words)}" for c, words in sorted(roles.items())]
    if cases:
        head.append(f"Cases ({len(cases)}):")
        head.extend("· " + line for line in _more(cases, _TOOLTIP_CASES))
    head.append(_quote(quote))
    return text.lines(head)


def _solution_lines(text: _Text, n: str) -> list[str]:
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


def _edge_tooltip(text: _Text, rels: list[_Relation]) -> str:
    """Both ends, then each relationship: what, which case, the quote."""
    first = rels[0]
    lines = [f"{text.name(first.source)} → {text.name(first.target)}"]
    entries = []
    for r in rels:
        label = REL_STYLES[r.key]["label"] if r.key in REL_STYLES else r.key
        when = f" {r.year}" if r.year else ""
        where = f" — {text.case(r.case)}" if r.case else ""
        entries.append(f"{label}{when}{where}" + (f"\n  {_quote(r.evidence)}" if r.evidence else ""))
    lines.extend(_more(entries, _TOOLTIP_RELATIONS))
    return text.lines(lines)


def _scale(values: Mapping[str, float]) -> dict[str, float]:
    """Node sizes from a measure: the square root, so area grows with the measure."""
    top = max(values.values(), default=0.0)
    if top <= 0:
        return {n: 14.0 for n in values}
    return {n: round(_MIN_SIZE + (_MAX_SIZE - _MIN_SIZE) * math.sqrt(max(v, 0.0) / top), 2)
            for n, v in values.items()}


def _hub_fonts(nodes: list[dict[str, Any]]) -> None:
    """Label size grows with node size, so the hubs' names stay legible when the whole map
    is in view (vis-network skips labels under 5 screen pixels) and the rest appear on zoom."""
    for n in nodes:
        share = max(0.0, (float(n["size"]) - _MIN_SIZE) / (_MAX_SIZE - _MIN_SIZE))
        n["font"] = {"size": round(12 + 24 * share ** 1.5, 1)}


def _measure(size_by: str, ids: list[str], pairs: Iterable[tuple[str, str]]) -> dict[str, float]:
    if size_by not in SIZE_MEASURES:
        raise SamspilError(f"cannot size nodes by {size_by!r}; choose {' or '.join(SIZE_MEASURES)}")
    pairs = list(pairs)
    return betweenness(ids, pairs) if size_by == "betweenness" else degrees(ids, pairs)


_MEASURE_WORDS = {"degree": "antal forbindelser", "betweenness": "mæglerrolle (betweenness)"}


# --------------------------------------------------------------------------------------------
# the whole network and a neighbourhood


def _folded_network(g: nx.MultiDiGraph, include_contacts: bool
                    ) -> tuple[list[str], dict[tuple[str, str], list[_Relation]], list[_Relation]]:
    relations = _relations(g, include_contacts)
    ids = sorted(n for n in g if _group(g, n) and (include_contacts or _group(g, n) != "person"))
    return ids, _pairs(relations), relations


def _network_items(text: _Text, ids: list[str], pairs: Mapping[tuple[str, str], list[_Relation]],
                   relations: list[_Relation], sizes: Mapping[str, float],
                   ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    g = text.g
    by_node: dict[str, list[_Relation]] = defaultdict(list)
    for r in relations:
        by_node[r.source].append(r)
        by_node[r.target].append(r)
    nodes = []
    for n in ids:
        data = g.nodes[n]
        nodes.append({"id": n, "label": text.label(n), "name": text.name(n), "group": _group(g, n),
                      "kind": _group(g, n), "sector": data.get("sector") or "",
                      "tooltip": _node_tooltip(text, n, by_node.get(n, [])), "size": sizes[n]})
    edges = []
    for i, rels in enumerate(pairs.values()):
        top = rels[0]
        arrows = top.type not in ("IN_REGION", "ADDRESSES", "PART_OF")
        edges.append({"id": f"e{i}", "from": top.source, "to": top.target, "rel": top.key,
                      "tooltip": _edge_tooltip(text, rels),
                      "width": round(1 + min(3.0, math.log2(len({r.case for r in rels}) or 1)), 2),
                      **edge_style(top.key, arrows=arrows)})
    return nodes, edges


def network_view(g: nx.MultiDiGraph, *, include_contacts: bool = False,
                 size_by: str = "degree") -> MapView:
    """The whole network: every actor, solution and theme, and what ties them.

    Parameters
    ----------
    g : networkx.MultiDiGraph
        A Samspil graph (:mod:`samspil.core.model`).
    include_contacts : bool
        Draw contact persons (Person nodes, with phone and e-mail in their tooltips) when
        the graph has them. Off by default: personal data.
    size_by : str
        ``"degree"`` (how many others a node is tied to on the map) or ``"betweenness"``.

    Returns
    -------
    MapView
        One node per actor, solution and theme (and person); one edge per tied pair, styled
        by its strongest relationship, all of them in its tooltip.

    Examples
    --------
    >>> from samspil.testing.toys import toy_graph
    >>> v = network_view(toy_graph())
    >>> sorted({n["group"] for n in v.nodes})
    ['association', 'company', 'knowledge_institution', 'municipality', 'network', 'region', 'solution', 'theme', 'unit']
    >>> any(n["group"] == "person" for n in v.nodes)
    False
    """
    text = _Text(g, include_contacts)
    ids, pairs, relations = _folded_network(g, include_contacts)
    sizes = _scale(_measure(size_by, ids, pairs))
    nodes, edges = _network_items(text, ids, pairs, relations, sizes)
    _hub_fonts(nodes)
    groups = {n["group"] for n in nodes}
    notices = []
    left_out = sum(1 for n in g if "Case" in _labels(g, n) or "Source" in _labels(g, n))
    if left_out:
        notices.append(f"Cases er foldet ind i den løsning, de beskriver, og kilder er udeladt "
                       f"({left_out} noder).")
    return MapView(
        view="network", title="Samspil: hele netværket", nodes=nodes, edges=edges,
        legend=kind_legend(groups), controls=[sector_control(), rel_control({e["rel"] for e in edges})],
        subtitle=(f"Farve og form: type · Størrelse: {_MEASURE_WORDS[size_by]} · "
                  "Linje: stærkeste relation mellem to noder (alle står i dens tooltip)"),
        notices=notices)


def find_actor(g: nx.MultiDiGraph, text: str) -> str:
    """The actor a user named: its id, its name, or a unique part of its name.

    Parameters
    ----------
    g : networkx.MultiDiGraph
    text : str
        ``"municipality-0621"``, ``"Kolding Kommune"``, ``"kolding"``.

    Returns
    -------
    str
        The actor's id.

    Raises
    ------
    SamspilError
        If no actor matches, or a part of a name matches several (the message lists them).

    Examples
    --------
    >>> from samspil.testing.toys import toy_graph
    >>> find_actor(toy_graph(), "kolding"), find_actor(toy_graph(), "municipality-0621")
    ('municipality-0621', 'municipality-0621')
    """
    actors = sorted(n for n in g if "Actor" in _labels(g, n))
    if text in actors:
        return text
    key = name_key(text)
    exact = [a for a in actors if name_key(_name(g, a)) == key]
    if len(exact) == 1:
        return exact[0]
    partial = exact or [a for a in actors if key and key in name_key(_name(g, a))]
    if len(partial) == 1:
        return partial[0]
    if not partial:
        raise SamspilError(f"no actor called {text!r}; `samspil cases --json` lists the actors of each case")
    names = sorted(_name(g, a) for a in partial)
    raise SamspilError(f"{text!r} matches {len(partial)} actors: " + "; ".join(names[:8])
                       + ("; ..." if len(names) > 8 else ""))


def neighbourhood_view(g: nx.MultiDiGraph, actor: str, *, depth: int = 1,
                       include_contacts: bool = False, size_by: str = "degree") -> MapView:
    """One actor and what lies within ``depth`` steps of it in the whole network.

    A step goes through a solution, a partner, a parent or unit, a spread or an
    inspiration; a region (IN_REGION) or a theme (ADDRESSES) is shown but not gone through,
    or the second step would bring in every municipality of the region.

    Parameters
    ----------
    g : networkx.MultiDiGraph
    actor : str
        The actor's id or name (see :func:`find_actor`).
    depth : int
        1 or 2.
    include_contacts : bool
        As in :func:`network_view`.
    size_by : str
        As in :func:`network_view`, measured in the whole network.

    Returns
    -------
    MapView
        The nodes within reach and every edge of the whole network between them; the actor
        itself is drawn larger and with a thick border.

    Raises
    ------
    SamspilError
        For an unknown actor or a depth other than 1 or 2.

    Examples
    --------
    >>> from samspil.testing.toys import toy_graph
    >>> v = neighbourhood_view(toy_graph(), "Vejen Kommune")
    >>> sorted(n["name"] for n in v.nodes if n["group"] == "solution")
    ['Spisegrupper', 'Talentudvikling', 'Talentudvikling i Vejen']
    """
    if depth not in (1, 2):
        raise SamspilError(f"depth must be 1 or 2, not {depth}")
    centre = find_actor(g, actor)
    text = _Text(g, include_contacts)
    ids, pairs, relations = _folded_network(g, include_contacts)
    through: dict[str, set[str]] = defaultdict(set)
    ends: dict[str, set[str]] = defaultdict(set)
    for r in relations:
        bucket = through if r.type in _THROUGH_TYPES else ends
        bucket[r.source].add(r.target)
        bucket[r.target].add(r.source)
    reached = {centre: 0}
    frontier = [centre]
    for step in range(1, depth + 1):
        nxt = []
        for n in frontier:
            for m in sorted(through[n]):
                if m not in reached:
                    reached[m] = step
                    nxt.append(m)
            for m in sorted(ends[n]):       # shown, not gone through
                reached.setdefault(m, step)
        frontier = nxt
    keep = sorted(reached)
    sub_pairs = {p: rels for p, rels in pairs.items() if p[0] in reached and p[1] in reached}
    sizes = _scale(_measure(size_by, ids, pairs))
    sub_relations = [r for r in relations if r.source in reached and r.target in reached]
    nodes, edges = _network_items(text, keep, sub_pairs, sub_relations, sizes)
    for n in nodes:
        n["step"] = str(reached[n["id"]])
        if n["id"] == centre:
            n.update(size=_MAX_SIZE + 6, borderWidth=4, font={"size": 18, "bold": True},
                     color={"border": "#111111"})
    return MapView(
        view="neighbourhood", title=f"Nabolag: {text.name(centre)}", nodes=nodes, edges=edges,
        legend=kind_legend({n["group"] for n in nodes}),
        controls=[{"field": "step", "label": "Afstand", "order": ["0", "1", "2"],
                   "labels": {"0": "Aktøren selv", "1": "1 skridt", "2": "2 skridt"}},
                  sector_control(), rel_control({e["rel"] for e in edges})],
        subtitle=(f"{depth} skridt fra {text.name(centre)} (stor, tyk kant) · Farve og form: type · "
                  f"Størrelse: {_MEASURE_WORDS[size_by]} i hele netværket"),
        notices=[] if len(nodes) > 1 else ["Grafen kender endnu ingen forbindelser til aktøren."])


# --------------------------------------------------------------------------------------------
# cross-sector collaboration


def cross_sector_view(g: nx.MultiDiGraph, *, size_by: str = "betweenness") -> MapView:
    """Who works with whom across sectors: actors tied by the solutions they made together.

    Parameters
    ----------
    g : networkx.MultiDiGraph
    size_by : str
        ``"betweenness"`` (the default: brokers stand out) or ``"degree"`` (partners),
        measured in the collaboration network.

    Returns
    -------
    MapView
        One node per actor with at least one collaboration (coloured by sector), one edge
        per collaborating pair, coloured by the sector pair it joins (grey inside one
        sector), as wide as the number of solutions they share.

    Examples
    --------
    >>> from samspil.testing.toys import toy_graph
    >>> v = cross_sector_view(toy_graph())
    >>> sorted({e["pair"] for e in v.edges})
    ['private–civil', 'public–civil', 'public–knowledge', 'public–private', 'public–public']
    """
    from samspil.queries.analytics.network import collaboration_graph, collaboration_ties

    c = collaboration_graph(g)
    ties = collaboration_ties(g)
    text = _Text(g, include_contacts=False)
    actors = sorted(n for n in c if c.degree(n) > 0)
    measure = _measure(size_by, actors, ((t["a_id"], t["b_id"]) for t in ties))
    sizes = _scale(measure)
    rank = {n: i for i, n in enumerate(sorted(actors, key=lambda n: (-measure[n], n)), start=1)}
    nodes = []
    for n in actors:
        data = c.nodes[n]
        partners = Counter(c.nodes[m]["sector"] or "" for m in c[n])
        solutions = sorted({s for m in c[n] for s in c.edges[n, m]["solutions"]})
        lines = [text.name(n), f"{_kind_word(data['kind'])} · {_sector_word(data['sector'])}",
                 data.get("region") or "",
                 f"Samarbejder med {c.degree(n)} aktører: " + ", ".join(
                     f"{SECTOR_STYLES[s]['label'].lower() if s in SECTOR_STYLES else 'ukendt'} {k}"
                     for s, k in sorted(partners.items(), key=lambda x: (-x[1], x[0]))),
                 f"Løsninger ({len(solutions)}):",
                 *("· " + _clip(text.name(s), 70) for s in _more(solutions, _TOOLTIP_CASES)
                   if s in g),
                 f"{_MEASURE_WORDS[size_by].capitalize()}: nr. {rank[n]} af {len(actors)}"]
        nodes.append({"id": n, "label": text.label(n), "name": text.name(n),
                      "group": data["sector"] or "", "kind": data["kind"] or "",
                      "tooltip": text.lines(lines), "size": sizes[n]})
    _hub_fonts(nodes)
    edges = []
    for i, t in enumerate(sorted(ties, key=lambda t: (t["a_id"], t["b_id"]))):
        color = sector_pair_color(t["pair"])
        lines = [f"{t['a']} — {t['b']}", sector_pair_label(t["pair"]),
                 f"{t['weight']} fælles løsning{'er' if t['weight'] != 1 else ''}:",
                 *("· " + _clip(s, 70) for s in _more(t["solutions"], _TOOLTIP_CASES))]
        edges.append({"id": f"e{i}", "from": t["a_id"], "to": t["b_id"], "pair": t["pair"],
                      "tooltip": text.lines(lines), "width": round(1 + 2 * math.log2(t["weight"]), 2),
                      "color": {"color": color, "highlight": "#1b1f24", "hover": "#1b1f24",
                                "opacity": 0.9 if t["cross_sector"] else 0.55},
                      "arrows": {"to": {"enabled": False}}})
    crossing_order = list(SECTOR_PAIR_COLORS)
    pairs = sorted({t["pair"] for t in ties},
                   key=lambda p: (crossing_order.index(p) if p in crossing_order else len(crossing_order), p))
    crossing = sum(1 for t in ties if t["cross_sector"])
    all_actors = sum(1 for n in g if "Actor" in _labels(g, n))
    notices = [f"{crossing} af {len(ties)} samarbejder krydser en sektorgrænse."]
    if len(actors) < all_actors:
        notices.append(f"Kun aktører, der har lavet mindst én løsning sammen med en anden: "
                       f"{len(actors)} af {all_actors}.")
    return MapView(
        view="cross-sector", title="Samspil på tværs af sektorer", nodes=nodes, edges=edges,
        legend=sector_legend({n["group"] for n in nodes}), legend_title="Sektor",
        controls=[kind_control(),
                  {"field": "pair", "label": "Sektorpar", "target": "edges",
                   "labels": {p: sector_pair_label(p) for p in pairs},
                   "styles": {p: {"color": sector_pair_color(p)} for p in pairs}, "order": pairs}],
        subtitle=("Farve: sektor · Linjefarve: de sektorer et samarbejde forbinder (grå: inden for "
                  f"én sektor) · Tykkelse: fælles løsninger · Størrelse: {_MEASURE_WORDS[size_by]}"),
        notices=notices, options={"edges": {"smooth": False}})


# --------------------------------------------------------------------------------------------
# spread of one solution

_COLUMN_GAP, _ROW_GAP = 300.0, 78.0


def _layered(levels: Mapping[str, int], order: Callable[[str], Any]) -> dict[str, tuple[float, float]]:
    """Positions in columns by level, each column centred and sorted by ``order``."""
    columns: dict[int, list[str]] = defaultdict(list)
    for n, level in levels.items():
        columns[level].append(n)
    pos = {}
    for level, members in columns.items():
        members.sort(key=order)
        for i, n in enumerate(members):
            pos[n] = (level * _COLUMN_GAP, (i - (len(members) - 1) / 2) * _ROW_GAP)
    return pos


def spread_view(g: nx.MultiDiGraph, solution: str) -> MapView:
    """Where one solution went: its makers → the solution → adopters and interested actors.

    Parameters
    ----------
    g : networkx.MultiDiGraph
    solution : str
        The solution's id, title, or the id of a case describing it
        (:func:`samspil.queries.analytics.spread.find_solution`).

    Returns
    -------
    MapView
        Left to right: where the idea came from, who made it (owners, partners, funders),
        the solution, where it went (line style by status, the year on the line), and the
        variants made from it with where they went in turn. Placed in columns; no physics.

    Raises
    ------
    SamspilError
        For an unknown or ambiguous solution.

    Examples
    --------
    >>> from samspil.testing.toys import toy_graph
    >>> v = spread_view(toy_graph(), "Talentudvikling")
    >>> sorted((e["label"], e["rel"]) for e in v.edges if e["rel"].startswith("SPREAD_TO"))
    [('', 'SPREAD_TO:interested'), ('2019', 'SPREAD_TO:adopted'), ('2021', 'SPREAD_TO:adopted')]
    """
    from samspil.queries.analytics.spread import find_solution, spread_paths

    focus = find_solution(g, solution)
    path = spread_paths(g, focus)[0]
    text = _Text(g, include_contacts=False)
    family = [focus] + sorted({s["solution"] for s in path["steps"]} - {focus})
    # flow edges: (from, to) -> relations, in the direction the idea travelled
    flow: dict[tuple[str, str], list[_Relation]] = defaultdict(list)
    for sol in family:
        for u, _, d in g.in_edges(sol, data=True):
            if d["type"] in ("OWNS", "PARTNER_IN"):
                flow[u, sol].append(_Relation(u, sol, d["type"], rel_key(d["type"], d.get("role")),
                                              d.get("case") or "", d.get("evidence") or "", None))
        for _, v, d in g.out_edges(sol, data=True):
            if d["type"] == "SPREAD_TO":
                flow[sol, v].append(_Relation(sol, v, "SPREAD_TO", rel_key("SPREAD_TO", status=d.get("status")),
                                              d.get("case") or "", d.get("evidence") or "", d.get("year")))
            elif d["type"] == "INSPIRED_BY":
                flow[v, sol].append(_Relation(v, sol, "INSPIRED_BY", "INSPIRED_BY", d.get("case") or "",
                                              d.get("evidence") or "", g.nodes[sol].get("year")))
    members = sorted({n for pair in flow for n in pair} | {focus})
    levels = _levels(members, list(flow), focus)
    year = {n: min((r.year for (a, b), rels in flow.items() if b == n for r in rels if r.year),
                   default=None) for n in members}
    pos = _layered(levels, lambda n: (year[n] is None, year[n] or 0, _name(g, n).casefold()))
    nodes = []
    for n in members:
        # An unnamed group of receivers is drawn on spread maps only (the network maps show who works with whom).
        group = "group" if "Group" in _labels(g, n) else _group(g, n) or "unit"
        rels = [r for rels in flow.values() for r in rels if n in (r.source, r.target)]
        node = {"id": n, "label": text.label(n), "name": text.name(n), "group": group,
                "kind": group, "sector": g.nodes[n].get("sector") or "",
                "tooltip": _node_tooltip(text, n, rels), "x": pos[n][0], "y": pos[n][1],
                "size": 16 if group != "solution" else 22,
                "widthConstraint": {"maximum": 190}}
        if n == focus:
            node.update(size=32, borderWidth=4, font={"size": 17, "bold": True},
                        color={"border": "#111111"})
        nodes.append(node)
    edges = []
    for i, ((a, b), rels) in enumerate(sorted(flow.items())):
        rels.sort(key=lambda r: (_strength(r.key), r.year or 0, r.case))
        top = rels[0]
        years = sorted({r.year for r in rels if r.year})
        label = str(years[0]) if top.type in ("SPREAD_TO", "INSPIRED_BY") and years else ""
        edges.append({"id": f"e{i}", "from": a, "to": b, "rel": top.key, "label": label,
                      "tooltip": _edge_tooltip(text, rels), "width": 2.5 if top.type == "SPREAD_TO" else 1.5,
                      **edge_style(top.key)})
    adopted = [s for s in path["steps"] if s["counts_as_spread"]]
    interest = [s for s in path["steps"] if not s["counts_as_spread"]]
    notices = []
    if not path["steps"]:
        notices.append("Grafen kender endnu ingen spredning af denne løsning eller varianter af den.")
    else:
        years = sorted({s["year"] for s in path["steps"] if s["year"]})
        span = f" ({years[0]}–{years[-1]})" if len(years) > 1 else (f" ({years[0]})" if years else "")
        notices.append(f"Spredt {len(adopted)} gang{'e' if len(adopted) != 1 else ''}, "
                       f"interesse uden spredning {len(interest)} gang{'e' if len(interest) != 1 else ''}"
                       f"{span}. Kun «taget i brug» og varianter tæller som spredning.")
    return MapView(
        view="spread", title=f"Spredning: {text.name(focus)}", nodes=nodes, edges=edges,
        legend=kind_legend({n["group"] for n in nodes}),
        controls=[rel_control({e["rel"] for e in edges})],
        subtitle=("Fra venstre mod højre: inspiration → hvem lavede den → løsningen → hvor den kom hen "
                  "(årstal på linjen) → varianter. Linjestil: status."),
        notices=notices, fixed=True,
        options={"edges": {"smooth": {"enabled": True, "type": "cubicBezier",
                                      "forceDirection": "horizontal", "roundness": 0.45},
                           "font": {"size": 13, "align": "top", "strokeWidth": 3}}})


def _levels(members: list[str], flow: list[tuple[str, str]], focus: str) -> dict[str, int]:
    """Column of each node: the longest way (in flow steps) from a start, the focus at 2 or more.

    A cycle in the flow (A inspired B, B inspired A) is cut at the edge that closes it.
    """
    dag = nx.DiGraph()
    dag.add_nodes_from(members)
    for a, b in sorted(flow):
        dag.add_edge(a, b)
        if not nx.is_directed_acyclic_graph(dag):
            dag.remove_edge(a, b)
    level = {}
    for n in nx.topological_sort(dag):
        level[n] = max((level[p] + 1 for p in dag.predecessors(n)), default=0)
    shift = max(0, 2 - level[focus]) if any(dag.predecessors(focus)) else max(0, 1 - level[focus])
    return {n: v + shift for n, v in level.items()}


# --------------------------------------------------------------------------------------------
# candidates for Find & Forstør


def candidates_view(g: nx.MultiDiGraph, *, top: int = 15, theme: str | None = None,
                    region: str | None = None, ranked: list[dict[str, Any]] | None = None) -> MapView:
    """The best candidate cases for Find & Forstør and the actors behind them.

    Parameters
    ----------
    g : networkx.MultiDiGraph
    top : int
        How many cases.
    theme, region : str, optional
        Only cases of this theme or with a maker in this region (as
        :func:`samspil.queries.candidates.rank_candidates`).
    ranked : list of dict, optional
        A ranking already made (``rank_candidates``'s rows); made here when omitted.

    Returns
    -------
    MapView
        One node per candidate case's solution, labelled with its rank and sized by its
        score; the actors that made it, adopted it or nominated it; edges as in the whole
        network.

    Examples
    --------
    >>> from samspil.testing.toys import toy_graph, toy_records
    >>> from samspil.queries.candidates import rank_candidates
    >>> v = candidates_view(toy_graph(), top=2, ranked=rank_candidates(toy_graph(), records=toy_records()))
    >>> sorted(n["label"] for n in v.nodes if n["group"] == "solution")
    ['1. Spisegrupper', '2. Robotter i administrationen']
    """
    from samspil.queries.candidates import rank_candidates

    rows = (ranked if ranked is not None else rank_candidates(g, theme=theme, region=region))[:top]
    text = _Text(g, include_contacts=False)
    solution_of = _case_solutions(g)
    chosen = {solution_of[r["id"]]: r for r in rows if r["id"] in solution_of}
    relations = [r for r in _relations(g, include_contacts=False)
                 if (r.source in chosen) != (r.target in chosen) and r.type not in ("ADDRESSES", "MENTIONS")]
    relations += [r for r in _relations(g, include_contacts=False)
                  if r.source in chosen and r.target in chosen]
    pairs = _pairs(relations)
    ids = sorted(chosen.keys() | {n for p in pairs for n in p})
    degree = degrees(ids, pairs)
    sizes = _scale(degree)
    nodes, edges = _network_items(text, ids, pairs, relations, sizes)
    best = max((r["score"] for r in chosen.values()), default=0) or 1
    for n in nodes:
        row = chosen.get(n["id"])
        if row is None:
            n["size"] = min(n["size"], 18.0)
            n["font"] = {"size": 11}
            continue
        n["label"] = _clip(f"{row['rank']}. {text.name(n['id'])}", _LABEL_LIMIT)
        n["size"] = round(14 + 26 * row["score"] / best, 2)
        parts = [f"{k} {v:g}" for k, v in row["points"].items() if v]
        n["tooltip"] = text.lines([
            f"Nr. {row['rank']}: {text.name(n['id'])}", f"Score {row['score']:g} af 100",
            "Point: " + (", ".join(parts) or "ingen"), f"Hvorfor: {row['reason']}",
            n["tooltip"].split("\n", 1)[1] if "\n" in n["tooltip"] else ""])
        n["font"] = {"size": 20, "bold": True}
    filters = []
    if theme:
        filters.append(f"tema {theme}")
    if region:
        filters.append(region)
    notices = [f"De {len(chosen)} bedst placerede cases" + (f" ({', '.join(filters)})" if filters else "")
               + " i Find & Forstør-rangeringen, med de aktører der lavede, indstillede eller tog "
                 "dem i brug. Se `samspil candidates` for alle komponenter."]
    if not rows:
        notices = ["Ingen cases matcher."]
    return MapView(
        view="candidates", title="Kandidater til Find & Forstør", nodes=nodes, edges=edges,
        legend=kind_legend({n["group"] for n in nodes}),
        controls=[sector_control(), rel_control({e["rel"] for e in edges})],
        subtitle="Røde ruder: kandidaternes løsninger, nummereret efter rang og store efter score · "
                 "Farve og form: type",
        notices=notices)
