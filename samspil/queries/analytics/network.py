"""Cross-sector collaboration: who works with whom, across which sectors, and who sits between.

Every function takes a Samspil graph (:mod:`samspil.core.model`) and returns plain
data. The collaboration network is the actor–actor projection of the two-mode
actor–solution graph: two actors are tied when both made (own, partner in, fund)
the same solution, weighted by how many solutions they share.

Brokerage follows Gould & Fernandez (1989), "Structures of mediation: a formal
approach to brokerage in transaction networks", *Sociological Methodology* 19:
in every open triad A–B–C (A and C not tied) B mediates, and its role depends on
which of the three share a group (here: a sector).

Betweenness goes through :func:`betweenness`: igraph (C) by default when python-igraph
imports, networkx otherwise; other backends (rustworkx) can be added with
:func:`register_betweenness_backend`. igraph is imported only when betweenness is computed.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Mapping
from itertools import combinations
from typing import Any

import networkx as nx

from samspil.core.errors import SamspilError
from samspil.graph.builder import MAKER_ROLES
from samspil.core.model import SECTORS
from samspil.queries.analytics._graph import makers, name, nodes_with, region_of, sector_pair

#: Gould–Fernandez roles, by which of source A, broker B and target C share a group.
BROKERAGE_ROLES = ("coordinator", "gatekeeper", "representative", "consultant", "liaison")


def collaboration_graph(g: nx.MultiDiGraph, *, roles: tuple[str, ...] = MAKER_ROLES) -> nx.Graph:
    """The actor–actor collaboration projection.

    Parameters
    ----------
    g : networkx.MultiDiGraph
        A Samspil graph.
    roles : tuple of str
        Which makers count: ``owner``, ``partner``, ``funder`` (all by default).

    Returns
    -------
    networkx.Graph
        One node per actor that made a solution (attributes ``name``, ``kind``,
        ``sector``, ``region``); an edge between two makers of the same solution with
        ``weight`` (shared solutions) and ``solutions`` (their ids, sorted).

    Examples
    --------
    >>> from samspil.testing.toys import toy_graph
    >>> c = collaboration_graph(toy_graph())
    >>> c.edges["municipality-0621", "actor-foreningen-talentspejderen"]["weight"]
    1
    """
    shared: dict[tuple[str, str], list[str]] = defaultdict(list)
    # Each actor's attributes once, in the order actors are first met: region_of() reads the
    # actor's out-edges, and a hub actor makes thousands of solutions (per solution it made
    # the projection grew quadratically with the corpus).
    actors: dict[str, dict[str, Any]] = {}
    for solution in nodes_with(g, "Solution"):
        made = sorted(makers(g, solution, roles))
        for actor in made:
            if actor not in actors:
                data = g.nodes[actor]
                actors[actor] = {"name": name(g, actor), "kind": data.get("kind"), "sector": data.get("sector"),
                                 "region": region_of(g, actor)}
        for a, b in combinations(made, 2):
            shared[a, b].append(solution)
    c = nx.Graph()
    c.add_nodes_from(actors.items())
    for (a, b), solutions in sorted(shared.items()):
        c.add_edge(a, b, weight=len(solutions), solutions=sorted(solutions))
    return c


def collaboration_ties(g: nx.MultiDiGraph, *, cross_sector_only: bool = False) -> list[dict[str, Any]]:
    """Every collaboration tie with its sectors and the solutions behind it.

    Parameters
    ----------
    g : networkx.MultiDiGraph
    cross_sector_only : bool
        Keep only ties between actors of different sectors.

    Returns
    -------
    list of dict
        ``a``, ``b`` (names), ``a_id``, ``b_id``, ``a_sector``, ``b_sector``, ``pair``
        (``"public–private"``), ``cross_sector``, ``weight``, ``solutions`` (titles);
        heaviest first.

    Examples
    --------
    >>> from samspil.testing.toys import toy_graph
    >>> [(t["a"], t["b"], t["pair"]) for t in collaboration_ties(toy_graph(), cross_sector_only=True)][:2]
    [('Aarhus Universitet', 'Kolding Kommune', 'public–knowledge'), ('Aarhus Universitet', 'Rudersdal Kommune', 'public–knowledge')]
    """
    c = collaboration_graph(g)
    ties = []
    for a, b, d in c.edges(data=True):
        sa, sb = c.nodes[a]["sector"], c.nodes[b]["sector"]
        if cross_sector_only and sa == sb:
            continue
        (a, sa), (b, sb) = sorted([(a, sa), (b, sb)], key=lambda x: c.nodes[x[0]]["name"])
        ties.append({"a": c.nodes[a]["name"], "b": c.nodes[b]["name"], "a_id": a, "b_id": b,
                     "a_sector": sa, "b_sector": sb, "pair": sector_pair(sa, sb), "cross_sector": sa != sb,
                     "weight": d["weight"], "solutions": sorted(name(g, s) for s in d["solutions"])})
    ties.sort(key=lambda t: (-t["weight"], not t["cross_sector"], t["a"], t["b"]))
    return ties


def tie_counts(g: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """How many collaboration ties join each pair of sectors.

    Parameters
    ----------
    g : networkx.MultiDiGraph

    Returns
    -------
    list of dict
        One per sector pair, all ten listed even when zero: ``pair``, ``ties`` (actor
        pairs), ``weight`` (shared solutions summed), ``cross_sector``.

    Examples
    --------
    >>> from samspil.testing.toys import toy_graph
    >>> {t["pair"]: t["ties"] for t in tie_counts(toy_graph())}["public–private"]
    1
    """
    ties = Counter()
    weights = Counter()
    for t in collaboration_ties(g):
        ties[t["pair"]] += 1
        weights[t["pair"]] += t["weight"]
    pairs = [sector_pair(a, b) for i, a in enumerate(SECTORS) for b in SECTORS[i:]]
    pairs += sorted(set(ties) - set(pairs))  # sectors outside the vocabulary, if a graph has any
    return [{"pair": p, "ties": ties[p], "weight": weights[p], "cross_sector": p.split("–")[0] != p.split("–")[1]}
            for p in pairs]


def solution_sector_mix(g: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """The sectors that made each solution.

    Parameters
    ----------
    g : networkx.MultiDiGraph

    Returns
    -------
    list of dict
        ``solution`` (id), ``title``, ``actors`` (count of makers), ``sectors``
        (sector → makers), ``n_sectors``; most sectors first.

    Examples
    --------
    >>> from samspil.testing.toys import toy_graph
    >>> mix = solution_sector_mix(toy_graph())[0]
    >>> mix["title"], mix["sectors"]
    ('Talentudvikling', {'public': 1, 'private': 1, 'civil': 1})
    """
    rows = []
    for solution in nodes_with(g, "Solution"):
        made = makers(g, solution)
        if not made:
            continue
        sectors = Counter(g.nodes[a].get("sector") or "unknown" for a in made)
        rows.append({"solution": solution, "title": name(g, solution), "actors": len(made),
                     "sectors": _in_sector_order(sectors), "n_sectors": len(sectors)})
    rows.sort(key=lambda r: (-r["n_sectors"], -r["actors"], r["title"]))
    return rows


def actor_sector_mix(g: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """The sectors each actor collaborates with.

    Parameters
    ----------
    g : networkx.MultiDiGraph

    Returns
    -------
    list of dict
        ``actor`` (id), ``name``, ``kind``, ``sector``, ``solutions`` (made),
        ``partners`` (collaborators), ``partner_sectors`` (sector → collaborators),
        ``other_sectors`` (how many sectors other than its own it works with);
        most other sectors first.

    Examples
    --------
    >>> from samspil.testing.toys import toy_graph
    >>> row = actor_sector_mix(toy_graph())[0]
    >>> row["name"], row["partner_sectors"]
    ('Kolding Kommune', {'public': 2, 'private': 1, 'civil': 1, 'knowledge': 1})
    """
    c = collaboration_graph(g)
    made = Counter(a for s in nodes_with(g, "Solution") for a in makers(g, s))
    rows = []
    for actor, data in c.nodes(data=True):
        partner_sectors = Counter(c.nodes[b]["sector"] or "unknown" for b in c[actor])
        rows.append({"actor": actor, "name": data["name"], "kind": data["kind"], "sector": data["sector"],
                     "solutions": made[actor], "partners": c.degree(actor),
                     "partner_sectors": _in_sector_order(partner_sectors),
                     "other_sectors": len(set(partner_sectors) - {data["sector"]})})
    rows.sort(key=lambda r: (-r["other_sectors"], -r["partners"], r["name"]))
    return rows


def _in_sector_order(counts: Mapping[str, int]) -> dict[str, int]:
    order = {s: i for i, s in enumerate(SECTORS)}
    return {s: counts[s] for s in sorted(counts, key=lambda s: (order.get(s, len(order)), s))}


# -- betweenness, with a pluggable backend -------------------------------------------------

BetweennessBackend = Callable[[nx.Graph, bool], dict[Hashable, float]]


def _networkx_betweenness(graph: nx.Graph, normalized: bool) -> dict[Hashable, float]:
    # Hop counts, not weights: a tie of two shared solutions is not "shorter" in any
    # sense a strategist would recognise, and weighted paths would hide that.
    return nx.betweenness_centrality(graph, normalized=normalized)


def _igraph_betweenness(graph: nx.Graph, normalized: bool) -> dict[Hashable, float]:
    # Same hop-count betweenness as networkx, in C (×35 faster at 2 600 actors, see
    # BENCHMARKS.md). igraph counts every pair of an undirected graph once, as networkx's
    # unnormalised figure does; networkx normalises by 2 / ((n-1)(n-2)) undirected and
    # 1 / ((n-1)(n-2)) directed, and not at all below three nodes.
    try:
        import igraph as ig
    except ImportError as err:
        raise SamspilError(f"betweenness backend 'igraph' needs python-igraph: {err}") from None

    directed = graph.is_directed()
    nodes = list(graph)
    index = {n: i for i, n in enumerate(nodes)}
    # A multigraph's parallel edges are one tie to networkx (and must not multiply paths here).
    edges = [(index[u], index[v]) for u, v in graph.edges()]
    if graph.is_multigraph():
        edges = sorted(set(edges if directed else (tuple(sorted(e)) for e in edges)))
    h = ig.Graph(n=len(nodes), edges=edges, directed=directed)
    values = h.betweenness(directed=directed)
    n = len(nodes)
    if normalized and n > 2:
        scale = (1.0 if directed else 2.0) / ((n - 1) * (n - 2))
        values = [v * scale for v in values]
    return dict(zip(nodes, (float(v) for v in values)))


_BACKENDS: dict[str, BetweennessBackend] = {"networkx": _networkx_betweenness, "igraph": _igraph_betweenness}


def default_betweenness_backend() -> str:
    """The backend :func:`betweenness` uses when none is named: ``"igraph"`` when
    python-igraph imports (it is a dependency of Samspil), else ``"networkx"``.

    Examples
    --------
    >>> default_betweenness_backend() in ("igraph", "networkx")
    True
    """
    try:
        import igraph  # noqa: F401
    except ImportError:
        return "networkx"
    return "igraph"


def register_betweenness_backend(name: str, func: BetweennessBackend) -> None:
    """Make another betweenness implementation available to :func:`betweenness`.

    Parameters
    ----------
    name : str
        What ``backend=`` will call it (``"rustworkx"``; ``"networkx"`` and ``"igraph"``
        are built in).
    func : callable
        ``func(graph, normalized) -> {node: betweenness}`` on an undirected
        :class:`networkx.Graph`, unweighted, normalised as networkx does when asked.

    Examples
    --------
    >>> register_betweenness_backend("zero", lambda graph, normalized: dict.fromkeys(graph, 0.0))
    >>> betweenness(nx.path_graph(3), backend="zero")
    {0: 0.0, 1: 0.0, 2: 0.0}
    """
    _BACKENDS[name] = func


def betweenness(graph: nx.Graph, *, backend: str | None = None, normalized: bool = True) -> dict[Hashable, float]:
    """Betweenness centrality of every node (hop counts, weights ignored), by a named backend.

    Parameters
    ----------
    graph : networkx.Graph
        Undirected, unweighted use (e.g. :func:`collaboration_graph`).
    backend : str, optional
        ``"igraph"`` or ``"networkx"`` (both built in, same values to rounding error) or a
        name given to :func:`register_betweenness_backend`. By default igraph when
        python-igraph imports, else networkx (:func:`default_betweenness_backend`): igraph
        is ×35 faster on the collaboration network of 10 000 cases.
    normalized : bool
        Divide by the number of node pairs, as :func:`networkx.betweenness_centrality` does.

    Returns
    -------
    dict
        Node → betweenness.

    Raises
    ------
    SamspilError
        If no backend of that name is registered, or igraph is asked for and not installed.

    Examples
    --------
    >>> betweenness(nx.path_graph(3))
    {0: 0.0, 1: 1.0, 2: 0.0}
    >>> betweenness(nx.path_graph(3), backend="networkx")
    {0: 0.0, 1: 1.0, 2: 0.0}
    """
    if backend is None:
        backend = default_betweenness_backend()
    try:
        func = _BACKENDS[backend]
    except KeyError:
        raise SamspilError(f"unknown betweenness backend {backend!r}; registered: {', '.join(sorted(_BACKENDS))}") \
            from None
    return func(graph, normalized)


# -- brokerage -----------------------------------------------------------------------------

def brokerage_roles(graph: nx.Graph | nx.DiGraph, groups: Mapping[Hashable, Hashable]) -> dict[Hashable, dict[str, int]]:
    """Gould–Fernandez brokerage roles of every node.

    For every path A → B → C with A and C not tied (A ≠ C), B brokers, in the role
    given by groups: *coordinator* (all three in B's group), *gatekeeper* (B and C
    share a group, A is outside), *representative* (A and B share one, C is
    outside), *consultant* (A and C share one, B is outside), *liaison* (three groups).

    In an undirected graph every open triad A–B–C is counted once; when B shares
    its group with exactly one end, the triad counts as both gatekeeper and
    representative (UCINET's convention for symmetric data).

    Parameters
    ----------
    graph : networkx.Graph or networkx.DiGraph
    groups : mapping
        Node → group (for Samspil: sector). Nodes missing from it form a group of their own.

    Returns
    -------
    dict
        Node → {role: count} with every role of :data:`BROKERAGE_ROLES` and
        ``"total"`` (open triads brokered, each once).

    Examples
    --------
    >>> g = nx.Graph([("a", "b"), ("b", "c")])
    >>> brokerage_roles(g, {"a": "public", "b": "civil", "c": "public"})["b"]["consultant"]
    1
    >>> d = nx.DiGraph([("a", "b"), ("b", "c")])
    >>> brokerage_roles(d, {"a": "public", "b": "private", "c": "private"})["b"]["gatekeeper"]
    1
    """
    roles = {n: dict.fromkeys((*BROKERAGE_ROLES, "total"), 0) for n in graph}

    def group(n: Hashable) -> Hashable:
        return groups.get(n, ("__own__", n))

    for b in graph:
        gb = group(b)
        if graph.is_directed():
            triads = ((a, c) for a in graph.predecessors(b) for c in graph.successors(b)
                      if a != c and a != b and c != b and not graph.has_edge(a, c))
        else:
            neighbours = sorted((n for n in graph[b] if n != b), key=str)
            triads = ((a, c) for a, c in combinations(neighbours, 2) if not graph.has_edge(a, c))
        for a, c in triads:
            ga, gc = group(a), group(c)
            counts = roles[b]
            counts["total"] += 1
            if ga == gb == gc:
                counts["coordinator"] += 1
            elif ga == gc:
                counts["consultant"] += 1
            elif gb not in (ga, gc):
                counts["liaison"] += 1
            elif not graph.is_directed():
                counts["gatekeeper"] += 1
                counts["representative"] += 1
            elif gb == gc:
                counts["gatekeeper"] += 1
            else:
                counts["representative"] += 1
    return roles


def brokers(g: nx.MultiDiGraph, *, top: int | None = None, backend: str | None = None) -> list[dict[str, Any]]:
    """The actors that sit between others, and between sectors, in the collaboration network.

    Parameters
    ----------
    g : networkx.MultiDiGraph
    top : int, optional
        Keep this many.
    backend : str, optional
        Betweenness backend (see :func:`betweenness`): igraph when it imports, else networkx.

    Returns
    -------
    list of dict
        ``actor`` (id), ``name``, ``kind``, ``sector``, ``partners``, ``betweenness``
        (normalised), the Gould–Fernandez role counts, ``brokered`` (open triads) and
        ``cross_sector`` (open triads whose three actors are not all of one sector);
        only actors that broker at all, most cross-sector brokerage first, then
        betweenness.

    Examples
    --------
    >>> from samspil.testing.toys import toy_graph
    >>> b = brokers(toy_graph())[0]
    >>> b["name"], b["cross_sector"] > 0
    ('Kolding Kommune', True)
    """
    c = collaboration_graph(g)
    between = betweenness(c, backend=backend)
    roles = brokerage_roles(c, {n: d["sector"] for n, d in c.nodes(data=True) if d["sector"]})
    rows = []
    for actor, data in c.nodes(data=True):
        r = roles[actor]
        if not r["total"] and not between.get(actor):
            continue
        rows.append({"actor": actor, "name": data["name"], "kind": data["kind"], "sector": data["sector"],
                     "partners": c.degree(actor), "betweenness": round(between.get(actor, 0.0), 4),
                     **{role: r[role] for role in BROKERAGE_ROLES}, "brokered": r["total"],
                     "cross_sector": r["total"] - r["coordinator"]})
    rows.sort(key=lambda r: (-r["cross_sector"], -r["betweenness"], -r["partners"], r["name"]))
    return rows[:top] if top else rows


# -- communities ---------------------------------------------------------------------------

def communities(g: nx.MultiDiGraph, *, seed: int = 0, resolution: float = 1.0,
                min_size: int = 2) -> list[dict[str, Any]]:
    """Groups of actors that collaborate more with each other than with the rest (Louvain).

    Parameters
    ----------
    g : networkx.MultiDiGraph
    seed : int
        Seed of the Louvain method, so the same graph gives the same groups.
    resolution : float
        Above 1 favours smaller communities, below 1 larger ones.
    min_size : int
        Leave out smaller communities (actors that work alone are communities of one).

    Returns
    -------
    list of dict
        ``id`` (1, 2, ... by size), ``label`` (made from the members: the two most
        connected, how many more, and the region most of those with a region share), ``size``, ``members``
        (names, most connected first; two units of different municipalities may share a
        name), ``member_ids`` (their node ids, in the same order), ``sectors`` (sector → members), ``regions``
        (region → members), ``solutions`` (titles made inside the community), ``ties``.

    Examples
    --------
    >>> from samspil.testing.toys import toy_graph
    >>> [c["label"] for c in communities(toy_graph())]  # doctest: +NORMALIZE_WHITESPACE
    ['Aarhus Universitet / Rudersdal Kommune +1',
     'Kolding Kommune / Foreningen Talentspejderen +1 (Region Syddanmark)',
     'Vejen Kommune / Ældre Sagen (Region Syddanmark)']
    """
    c = collaboration_graph(g)
    if c.number_of_edges() == 0:
        return []
    groups = nx.community.louvain_communities(c, weight="weight", resolution=resolution, seed=seed)
    strength = dict(c.degree(weight="weight"))
    rows = []
    for members in groups:
        if len(members) < min_size:
            continue
        ordered = sorted(members, key=lambda n: (-strength[n], c.nodes[n]["name"]))
        inside = c.subgraph(members)
        solutions = sorted({name(g, s) for _, _, d in inside.edges(data=True) for s in d["solutions"]})
        sectors = Counter(c.nodes[n]["sector"] or "unknown" for n in members)
        regions = Counter(c.nodes[n]["region"] for n in members if c.nodes[n]["region"])
        rows.append({"label": _community_label([c.nodes[n]["name"] for n in ordered], regions),
                     "size": len(members), "members": [c.nodes[n]["name"] for n in ordered],
                     "member_ids": ordered,
                     "sectors": _in_sector_order(sectors), "regions": dict(regions.most_common()),
                     "solutions": solutions, "ties": inside.number_of_edges()})
    rows.sort(key=lambda r: (-r["size"], -r["ties"], r["label"]))
    return [{"id": i, **r} for i, r in enumerate(rows, start=1)]


def _community_label(members: list[str], regions: Counter) -> str:
    label = " / ".join(members[:2]) + (f" +{len(members) - 2}" if len(members) > 2 else "")
    if regions:
        region, n = regions.most_common(1)[0]
        # Companies and associations have no region: a region names the group when most
        # of the members that have one are in it.
        if n * 2 > sum(regions.values()):
            label += f" ({region})"
    return label

