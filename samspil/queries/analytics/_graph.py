"""Small readings of a Samspil graph that every analytics family shares.

Private to :mod:`samspil.queries`: who made a solution, which solution a case
describes, which region an actor belongs to, how a user names a region, how many
organisations receivers stand for and whether holders make a solution national or region-wide.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import networkx as nx

from samspil.core.errors import SamspilError
from samspil.graph.builder import MAKER_ROLES
from samspil.core.identity import Gazetteer, name_key, slugify
from samspil.core.model import SECTORS


def is_a(g: nx.MultiDiGraph, node: str, label: str) -> bool:
    """Whether ``node`` carries ``label``."""
    return label in g.nodes[node].get("labels", ())


def nodes_with(g: nx.MultiDiGraph, label: str) -> list[str]:
    """Ids of the nodes with ``label``, sorted."""
    return sorted(n for n, d in g.nodes(data=True) if label in d.get("labels", ()))


def name(g: nx.MultiDiGraph, node: str) -> str:
    """A node's name, or its id when it has none."""
    return g.nodes[node].get("name") or node


def solution_of(g: nx.MultiDiGraph, case: str) -> str | None:
    """The solution a case describes."""
    return next((v for _, v, d in g.out_edges(case, data=True) if d["type"] == "DESCRIBES"), None)


def cases_of(g: nx.MultiDiGraph, solution: str) -> list[str]:
    """The cases that describe a solution, sorted."""
    return sorted(u for u, _, d in g.in_edges(solution, data=True) if d["type"] == "DESCRIBES")


def makers(g: nx.MultiDiGraph, solution: str, roles: Iterable[str] = MAKER_ROLES) -> dict[str, str]:
    """Actor → strongest role (owner, partner, funder) among those who made a solution.

    A ``Group`` partner ("yderligere 36 kommuner") is no maker by name: it has no sector and
    ties to no one, so it is left out here (the case view lists it under ``group_partners``).
    """
    order = list(MAKER_ROLES)
    wanted = set(roles)
    found: dict[str, str] = {}
    for u, _, d in g.in_edges(solution, data=True):
        if not is_a(g, u, "Actor"):
            continue
        role = "owner" if d["type"] == "OWNS" else (d.get("role") or "partner") if d["type"] == "PARTNER_IN" else None
        if role in wanted and (u not in found or order.index(role) < order.index(found[u])):
            found[u] = role
    return dict(sorted(found.items()))


def owners(g: nx.MultiDiGraph, solution: str) -> list[str]:
    """Who owns a solution (developed or runs it); its nominators when no one is said to."""
    found = [a for a, role in makers(g, solution, ("owner",)).items()]
    if not found:
        found = sorted({u for case in cases_of(g, solution) for u, _, d in g.in_edges(case, data=True)
                        if d["type"] == "NOMINATED"})
    return found


def region_of(g: nx.MultiDiGraph, actor: str) -> str | None:
    """The name of the Danish region an actor belongs to, if the graph tells.

    A region is its own; a municipality has its ``region``; a hospital, unit or
    network takes its parent's (PART_OF), followed up to five steps.
    """
    seen = set()
    node = actor
    for _ in range(6):
        data = g.nodes[node]
        if data.get("kind") == "region":
            return data.get("name")
        if data.get("region"):
            return data["region"]
        seen.add(node)
        parents = sorted(v for _, v, d in g.out_edges(node, data=True) if d["type"] in ("PART_OF", "IN_REGION")
                         and v not in seen)
        if not parents:
            return None
        node = parents[0]
    return None


def sector_pair(a: str | None, b: str | None) -> str:
    """The name of a tie between two sectors, in :data:`SECTORS` order: ``"public–private"``."""
    order = {s: i for i, s in enumerate(SECTORS)}
    x, y = sorted((a or "unknown", b or "unknown"), key=lambda s: (order.get(s, len(order)), s))
    return f"{x}–{y}"


def resolve_region(text: str) -> str:
    """The official name of a Danish region a user named: full name, short name or regionskode.

    Raises
    ------
    SamspilError
        If no region has that name; the message lists the five.
    """
    regions = Gazetteer.default().names_of_kind("region")
    keys = {name_key(text), slugify(text)}
    for org in regions:
        short = org.name.removeprefix("Region ")
        if keys & {name_key(org.name), name_key(short), slugify(org.name), slugify(short), org.code or ""}:
            return org.name
    raise SamspilError(f"unknown region {text!r}; choose one of: {', '.join(sorted(o.name for o in regions))}")


def organisations(g: nx.MultiDiGraph, receivers: list[str]) -> tuple[int, list[str]]:
    """How many organisations receivers stand for, and the groups among them of unknown size.

    A named actor or place is one; a group is its ``count``, or one when the text gave none.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a", labels=("Actor", "Municipality"), name="Vejen Kommune")
    >>> g.add_node("g1", labels=("Group",), name="tre kommuner", count=3)
    >>> g.add_node("g2", labels=("Group",), name="flere kommuner")
    >>> organisations(g, ["a", "g1", "g2"])
    (5, ['flere kommuner'])
    """
    total, unknown = 0, []
    for r in receivers:
        count = g.nodes[r].get("count") if is_a(g, r, "Group") else 1
        if count is None:
            unknown.append(name(g, r))
        total += count or 1
    return total, unknown


#: Denmark's municipalities and regions: a solution held by all of either is national.
_ALL_MUNICIPALITIES, _ALL_REGIONS = 98, 5


def scope(g: nx.MultiDiGraph, holders: list[str]) -> tuple[str | None, list[str]]:
    """Whether a solution is already national or region-wide, from who owns or adopted it.

    National: all five regions, or municipalities (named, and groups by their count)
    numbering all 98.  Region-wide: a region that runs it itself, a group "alle ... i
    Region X", or every municipality of a region named.

    Parameters
    ----------
    g : networkx.MultiDiGraph
    holders : list of str
        Ids of the owners and adopters (actors and groups).

    Returns
    -------
    tuple
        ``"national"``, ``"region-wide"`` or None, and the regions that are covered.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("r", labels=("Actor", "Region"), name="Region Syddanmark", kind="region")
    >>> g.add_node("g", labels=("Group",), name="alle kommuner", kind="municipality", count=98)
    >>> scope(g, ["r"]), scope(g, ["g"])
    (('region-wide', ['Region Syddanmark']), ('national', []))
    """
    nodes = [g.nodes[h] for h in holders]
    regions = {d["name"] for d in nodes if d.get("kind") == "region" and "Actor" in d["labels"]}
    regions |= {d["region"] for d in nodes if "Group" in d["labels"] and d.get("region")
                and d.get("description", "").lower().startswith("alle")}
    named = {d["name"] for d in nodes if d.get("kind") == "municipality" and d.get("kommunekode")}
    in_region: dict[str, set[str]] = defaultdict(set)
    for m in Gazetteer.default().names_of_kind("municipality"):
        in_region[m.region or ""].add(m.name)
    regions |= {r for r, members in in_region.items() if r and members <= named}
    municipalities = len(named) + sum(d.get("count") or 0 for d in nodes
                                      if "Group" in d["labels"] and d.get("kind") == "municipality")
    region_count = len(regions) + sum(d.get("count") or 0 for d in nodes
                                      if "Group" in d["labels"] and d.get("kind") == "region")
    if municipalities >= _ALL_MUNICIPALITIES or region_count >= _ALL_REGIONS:
        return "national", sorted(regions)
    return ("region-wide" if regions else None), sorted(regions)
