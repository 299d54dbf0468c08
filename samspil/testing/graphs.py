"""Graphs of any size in the model's shape, for tests and benchmarks of the maps.

:func:`synthetic_graph` makes a Samspil graph (:mod:`samspil.core.model`) whose whole-network
map has exactly the number of nodes asked for: municipalities in five regions, companies,
associations, foundations, knowledge institutions, hospitals and agencies, solutions with
one case each, owners, partners and funders drawn with a long tail (a few actors in many
solutions, most in one), spread with statuses and years, and themes. It is made directly,
not through the recogniser, so a 5 000-node graph takes a fraction of a second.
"""

from __future__ import annotations

import random
from itertools import combinations

import networkx as nx

from samspil.core.model import ACTOR_KINDS, SPREAD_STATUSES, actor_labels, edge_key

__all__ = ["synthetic_graph"]

_KIND_SHARES = (("municipality", 0.34), ("company", 0.24), ("association", 0.1), ("knowledge_institution", 0.08),
                ("hospital", 0.06), ("state_agency", 0.05), ("foundation", 0.04), ("unit", 0.09))
_THEMES = ("aeldre", "beskaeftigelse", "boern-og-unge", "digitalisering", "klima-og-energi", "sundhed",
           "mental-sundhed", "handicap", "integration", "kultur-og-biblioteker", "mobilitet", "velfaerd")
_REGIONS = ("Region Nordjylland", "Region Midtjylland", "Region Syddanmark", "Region Hovedstaden",
            "Region Sjælland")


def _edge(g: nx.MultiDiGraph, u: str, v: str, rel: str, case: str | None, evidence: str, **props) -> None:
    g.add_edge(u, v, key=edge_key(rel, case), type=rel, case=case or "", evidence=evidence,
               method="structured", **props)


def synthetic_graph(nodes: int, *, seed: int = 1) -> nx.MultiDiGraph:
    """A graph whose whole-network map has ``nodes`` nodes (actors, solutions, themes).

    Parameters
    ----------
    nodes : int
        At least 20.
    seed : int
        The same seed gives the same graph.

    Returns
    -------
    networkx.MultiDiGraph

    Examples
    --------
    >>> from samspil.viz.views import network_view
    >>> len(network_view(synthetic_graph(100)).nodes)
    100
    """
    if nodes < 20:
        raise ValueError("a synthetic graph needs at least 20 nodes")
    rng = random.Random(seed)
    g = nx.MultiDiGraph()
    themes = [f"theme-{t}" for t in _THEMES]
    for t, slug in zip(themes, _THEMES):
        g.add_node(t, labels=("Theme",), name=slug)
    regions = []
    for i, name in enumerate(_REGIONS):
        rid = f"region-{1081 + i}"
        g.add_node(rid, labels=actor_labels("region"), name=name, kind="region", sector="public")
        regions.append(rid)
    n_solutions = max(1, int(nodes * 0.3))
    n_actors = nodes - len(themes) - len(regions) - n_solutions
    actors = list(regions)
    kinds = [k for k, _ in _KIND_SHARES]
    weights = [w for _, w in _KIND_SHARES]
    for i in range(n_actors):
        kind = rng.choices(kinds, weights)[0]
        aid = f"actor-{kind}-{i:05d}"
        sector = ACTOR_KINDS[kind].sector or "public"
        g.add_node(aid, labels=actor_labels(kind), name=f"{kind.replace('_', ' ').title()} {i}", kind=kind,
                   sector=sector)
        actors.append(aid)
        if kind == "municipality":
            _edge(g, aid, rng.choice(regions), "IN_REGION", None, "geografi")
        elif kind in ("unit", "hospital"):
            _edge(g, aid, rng.choice(regions[:1] + actors[:-1]), "PART_OF", None, "del af")
    # Long tail: an actor's chance to join a solution grows with the solutions it is in.
    popularity = [1.0] * len(actors)
    for s in range(n_solutions):
        sid, cid = f"solution-{s:05d}", f"case-{s:05d}"
        year = 2010 + s % 12
        g.add_node(cid, labels=("Case",), name=f"Løsning {s}", number=s + 1, year=year)
        effect = rng.random()  # one draw, as before grades: the same graph for the same seed
        grade = "measured" if effect < 0.3 else "none"
        g.add_node(sid, labels=("Solution",), name=f"Løsning {s}", title=f"Løsning {s}", year=year,
                   documented_effect=effect < 0.3, effect_grade=grade)
        _edge(g, cid, sid, "DESCRIBES", cid, f"Løsning {s}")
        makers = set()
        while len(makers) < 1 + min(6, int(rng.expovariate(0.8))):
            makers.add(rng.choices(range(len(actors)), popularity)[0])
        makers_ids = sorted(actors[i] for i in makers)
        for j, i in enumerate(sorted(makers)):
            popularity[i] += 1.0
            a = actors[i]
            if j == 0:
                _edge(g, a, cid, "NOMINATED", cid, f"INDSTILLER: {g.nodes[a]['name']}")
                _edge(g, a, sid, "OWNS", cid, f"{g.nodes[a]['name']} står bag")
            else:
                role = "funder" if rng.random() < 0.1 else "partner"
                _edge(g, a, sid, "PARTNER_IN", cid, f"i samarbejde med {g.nodes[a]['name']}", role=role)
        for _ in range(int(rng.expovariate(1.2))):
            to = rng.choice(actors)
            if to not in makers_ids:
                status = rng.choices(SPREAD_STATUSES, (5, 2, 1, 1))[0]
                _edge(g, sid, to, "SPREAD_TO", cid, f"spredt til {g.nodes[to]['name']}", status=status,
                      year=year + rng.randint(1, 3))
        for t in rng.sample(themes, rng.randint(1, 2)):
            _edge(g, sid, t, "ADDRESSES", cid, "")
        for a, b in combinations(makers_ids, 2):
            if g.has_edge(a, b, "COLLABORATES_WITH"):
                d = g.edges[a, b, "COLLABORATES_WITH"]
                d["weight"] += 1
                d["solutions"] = sorted([*d["solutions"], sid])
            else:
                _edge(g, a, b, "COLLABORATES_WITH", None, f"Løsning {s}", weight=1, solutions=[sid])
    return g
