"""Spread of solutions: where each went, in which chains, how far, and where it could go next.

Spread in the public-innovation centre's sense (design.md): a solution has spread
when it was implemented and created value somewhere new — copied, adapted or only
taken as inspiration. So a *step* of spread is either

* a ``SPREAD_TO`` edge (solution → actor): it counts as spread only with status
  ``adopted``; ``interested``, ``visited`` and ``inspired`` are interest, shown but
  not counted; or
* a *variant*: a solution that is ``INSPIRED_BY`` another solution (or an actor) is
  itself implemented — it has a case of its own — so the idea travelled from the
  other solution's owners (or that actor) to this solution's owners, and counts.

A receiver is a named actor, the public authority of a place abroad, or a ``Group``
("tre kommuner"): reach counts a group as its ``count`` organisations, and a group
with no count ("flere kommuner") once, saying so.  Knowledge-sharing (``SHARED_VIA``)
is never a step.

Every function takes a Samspil graph and returns plain data.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Any

import networkx as nx

from samspil.core.errors import SamspilError
from samspil.core.identity import Gazetteer, name_key
from samspil.core.model import SPREAD_STATUSES
from samspil.core.themes import tag_themes, theme_label
from samspil.queries.analytics._graph import (cases_of, is_a, makers, name, nodes_with, organisations, owners,
                                              region_of, scope, solution_of)
from samspil.queries.analytics.network import collaboration_graph

#: Weights of the reasons for suggesting a next adopter (see :func:`next_adopters`).
REASON_WEIGHTS = {"interest": 3.0, "partner": 2.0, "network": 2.0, "target_group": 1.5, "region": 1.0,
                  "active": 0.5}
#: A holder tied to more than this share of the collaboration graph's actors (a ministry that
#: funds many partnerships, a big city) gives no ``partner`` reason: working with it says little
#: about this solution. An eighth: on the shipped graph that is Odense Kommune, Region
#: Syddanmark and Sundheds- og Ældreministeriet (about 0.14 each).
HUB_SHARE = 0.125


def spread_steps(g: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """Every step of spread and interest in the graph.

    Parameters
    ----------
    g : networkx.MultiDiGraph
        A Samspil graph.

    Returns
    -------
    list of dict
        ``solution`` (id of what arrived), ``title``, ``of`` (for a variant: the id of
        the solution it was inspired by, else None), ``from`` / ``from_ids`` (the
        originators), ``to`` / ``to_id`` / ``to_kind``, ``status``, ``year``, ``via``
        (``"spread"`` for SPREAD_TO, ``"variant"`` for INSPIRED_BY), ``counts_as_spread``,
        ``case`` and ``evidence``; by year (unknown last), then solution.

    Examples
    --------
    >>> from samspil.testing.toys import toy_graph
    >>> [(s["from"], s["to"], s["status"], s["year"]) for s in spread_steps(toy_graph())][:2]
    [(['Ældre Sagen'], 'Vejen Kommune', 'inspired', 2019), (['Kolding Kommune'], 'Vejen Kommune', 'adopted', 2019)]
    """
    steps = []
    for u, v, d in g.edges(data=True):
        if d["type"] == "SPREAD_TO":
            origin = owners(g, u)
            steps.append(_step(g, u, None, origin, v, d["status"], d.get("year"), "spread", d["status"] == "adopted",
                               d))
        elif d["type"] == "INSPIRED_BY" and is_a(g, u, "Solution"):
            # u was made from the idea of v: v's owners (or v itself, an actor) → u's owners.
            origin = owners(g, v) if is_a(g, v, "Solution") else [v]
            # An idea from a solution nobody in the graph owns (a theory, a project abroad)
            # came from outside the graph: no step between actors.
            for receiver in owners(g, u) if origin else ():
                if receiver not in origin:
                    steps.append(_step(g, u, v if is_a(g, v, "Solution") else None, origin, receiver, "inspired",
                                       g.nodes[u].get("year"), "variant", True, d))
    steps.sort(key=lambda s: (s["year"] is None, s["year"] or 0, s["title"], s["to"], s["via"]))
    return steps


def _step(g: nx.MultiDiGraph, solution: str, of: str | None, origin: list[str], receiver: str, status: str,
          year: int | None, via: str, counts: bool, edge: dict[str, Any]) -> dict[str, Any]:
    return {"solution": solution, "title": name(g, solution), "of": of, "from": [name(g, o) for o in origin],
            "from_ids": list(origin), "to": name(g, receiver), "to_id": receiver,
            "to_kind": g.nodes[receiver].get("kind"), "target": edge.get("target") or "actor",
            "to_count": g.nodes[receiver].get("count"), "status": status, "year": year, "via": via,
            "counts_as_spread": counts, "case": edge.get("case") or None, "evidence": edge.get("evidence", "")}


def find_solution(g: nx.MultiDiGraph, text: str) -> str:
    """The solution a user named: its id, its title, or the id or number of a case describing it.

    Parameters
    ----------
    g : networkx.MultiDiGraph
    text : str
        ``"solution-talentudvikling"``, ``"Talentudvikling"``, ``"lsf2019-09"``.

    Returns
    -------
    str
        The solution's id.

    Raises
    ------
    SamspilError
        If nothing matches, or a title fragment matches several (the message lists them).

    Examples
    --------
    >>> from samspil.testing.toys import toy_graph
    >>> find_solution(toy_graph(), "toy-02"), find_solution(toy_graph(), "spisegrupper")
    ('solution-talentudvikling-i-vejen', 'solution-spisegrupper')
    """
    if text in g and is_a(g, text, "Solution"):
        return text
    if text in g and is_a(g, text, "Case") and solution_of(g, text):
        return solution_of(g, text)
    solutions = nodes_with(g, "Solution")
    key = name_key(text)
    exact = [s for s in solutions if name_key(name(g, s)) == key]
    if len(exact) == 1:
        return exact[0]
    partial = exact or [s for s in solutions if key and key in name_key(name(g, s))]
    if len(partial) == 1:
        return partial[0]
    if not partial:
        raise SamspilError(f"no solution or case called {text!r}; see `samspil cases` for titles and ids")
    raise SamspilError(f"{text!r} matches {len(partial)} solutions: "
                       + "; ".join(name(g, s) for s in partial[:6]) + ("; ..." if len(partial) > 6 else ""))


def _lineage(g: nx.MultiDiGraph, solution: str) -> list[str]:
    """The solution and every solution made from its idea (INSPIRED_BY it, transitively)."""
    seen = [solution]
    frontier = [solution]
    while frontier:
        nxt = []
        for s in frontier:
            for u, _, d in g.in_edges(s, data=True):
                if d["type"] == "INSPIRED_BY" and is_a(g, u, "Solution") and u not in seen:
                    seen.append(u)
                    nxt.append(u)
        frontier = nxt
    return seen


def steps_by_solution(steps: list[dict[str, Any]]) -> dict[str, list[int]]:
    """Where each solution's steps are in ``steps``: solution id → positions of the steps that
    carried it (``solution``) or were made from it (``of``), in order.

    Built once for the whole graph, it lets :func:`spread_paths` and :func:`reach` find a
    solution's steps without a pass over every step of the graph.

    Examples
    --------
    >>> from samspil.testing.toys import toy_graph
    >>> index = steps_by_solution(spread_steps(toy_graph()))
    >>> index["solution-talentudvikling"], index["solution-talentudvikling-i-vejen"]  # step 2: the variant
    ([1, 2, 4], [2, 3])
    """
    index: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(steps):
        index[s["solution"]].append(i)
        if s["of"] is not None and s["of"] != s["solution"]:
            index[s["of"]].append(i)
    return dict(index)


def _family_steps(steps: list[dict[str, Any]], family: set[str],
                  index: dict[str, list[int]] | None) -> list[dict[str, Any]]:
    """The steps of a family of solutions (those that carried one of them or were made from one)."""
    if index is None:
        return [s for s in steps if s["solution"] in family or s["of"] in family]
    return [steps[i] for i in sorted({i for member in family for i in index.get(member, ())})]


def spread_paths(g: nx.MultiDiGraph, solution: str | None = None, *,
                 steps: list[dict[str, Any]] | None = None,
                 index: dict[str, list[int]] | None = None) -> list[dict[str, Any]]:
    """Originators → adopters, interested and visiting actors, with years, per solution.

    Parameters
    ----------
    g : networkx.MultiDiGraph
    solution : str, optional
        One solution (id, title or case id, see :func:`find_solution`); every solution
        with any spread or interest when None.
    steps : list of dict, optional
        :func:`spread_steps` of ``g``, when the caller has them already (it saves a pass
        over every edge per call).
    index : dict, optional
        :func:`steps_by_solution` of ``steps`` (given with them): a solution's steps are
        then looked up instead of found by a pass over every step.

    Returns
    -------
    list of dict
        ``solution``, ``title``, ``originators`` (names), ``steps`` (from
        :func:`spread_steps`: the solution's own, and those of its variants), ``adopted``
        (steps that count as spread), ``interest`` (those that do not), both without the
        steps that reach the solution's own owners (a variant's makers, taking the idea
        from an organisation, are no spread of this solution), ``reached`` (the
        organisations the adopted steps stand for, groups by their count); most adopted first.

    Examples
    --------
    >>> from samspil.testing.toys import toy_graph
    >>> path = spread_paths(toy_graph(), "Talentudvikling")[0]
    >>> [(s["to"], s["status"], s["via"]) for s in path["steps"]]  # doctest: +NORMALIZE_WHITESPACE
    [('Vejen Kommune', 'adopted', 'spread'), ('Vejen Kommune', 'inspired', 'variant'),
     ('Billund Kommune', 'adopted', 'spread'), ('Væksthus for Ledelse', 'interested', 'spread')]
    """
    if index is not None and steps is None:
        raise ValueError("index needs the steps it was built from")
    steps = spread_steps(g) if steps is None else steps
    wanted = [find_solution(g, solution)] if solution else sorted({s["of"] or s["solution"] for s in steps})
    rows, families = [], {}
    for sol in wanted:
        family = families[sol] = set(_lineage(g, sol))
        mine = _family_steps(steps, family, index)
        origin = owners(g, sol)
        away = [s for s in mine if s["to_id"] not in origin]
        rows.append({"solution": sol, "title": name(g, sol), "originators": [name(g, o) for o in origin],
                     "steps": mine, "adopted": sum(s["counts_as_spread"] for s in away),
                     "interest": sum(not s["counts_as_spread"] for s in away),
                     "reached": organisations(g, sorted({s["to_id"] for s in away if s["counts_as_spread"]}))[0]})
    if solution is None:
        rows = [r for r in rows if r["adopted"] or r["interest"]]
        # A variant's steps are in the row of the solution it was made from, when that
        # solution has a row; a variant of one that has none (an idea nobody in the graph
        # owns, which took no step) keeps a row of its own, or its spread would be lost.
        # (Two solutions inspired by each other both keep theirs.)
        kept = {r["solution"] for r in rows}
        covered = {s for r in kept for s in families[r] & kept - {r} if r not in families[s]}
        rows = [r for r in rows if r["solution"] not in covered]
    rows.sort(key=lambda r: (-r["adopted"], -r["interest"], r["title"]))
    return rows


def spread_chains(g: nx.MultiDiGraph, *, counted_only: bool = True, min_steps: int = 2) -> list[dict[str, Any]]:
    """Chains of spread: A's solution to B, then B's copy or variant of it on to C.

    Two steps link when the second starts where the first ended (B is among its
    originators), carries the same solution or one made from it, and does not go
    back in time (when both years are known).

    Parameters
    ----------
    g : networkx.MultiDiGraph
    counted_only : bool
        Only steps that count as spread (adopted, variants); False also follows interest.
    min_steps : int
        Shortest chain to report.

    Returns
    -------
    list of dict
        ``actors`` (names, in order), ``steps``, ``length`` (steps); longest first. A
        chain is reported once per sequence of actors.

    Examples
    --------
    >>> from samspil.testing.toys import toy_graph
    >>> [(c["actors"], [s["title"] for s in c["steps"]]) for c in spread_chains(toy_graph())]
    [(['Kolding Kommune', 'Vejen Kommune', 'Billund Kommune'], ['Talentudvikling', 'Talentudvikling i Vejen'])]
    """
    # A step whose origin the graph does not know (an idea from a solution nobody owns)
    # cannot be placed in a chain.
    steps = [s for s in spread_steps(g) if (s["counts_as_spread"] or not counted_only) and s["from_ids"]]
    lineage = {s: set(_lineage(g, s)) for s in {st["solution"] for st in steps}}

    def follows(a: dict[str, Any], b: dict[str, Any]) -> bool:
        same_idea = b["solution"] in lineage.get(a["solution"], {a["solution"]})
        in_time = a["year"] is None or b["year"] is None or b["year"] >= a["year"]
        return a["to_id"] in b["from_ids"] and same_idea and in_time and b["to_id"] not in a["from_ids"]

    nxt = {i: [j for j, b in enumerate(steps) if i != j and follows(a, b)] for i, a in enumerate(steps)}
    has_prev = {j for js in nxt.values() for j in js}
    chains: dict[tuple[str, ...], list[dict[str, Any]]] = {}

    def walk(path: list[int]) -> None:
        last = path[-1]
        visited = {steps[path[0]]["from_ids"][0], *(steps[i]["to_id"] for i in path)}
        extended = False
        for j in nxt[last]:
            if steps[j]["to_id"] not in visited:
                extended = True
                walk(path + [j])
        if not extended and len(path) >= min_steps:
            chain = [steps[i] for i in path]
            key = (chain[0]["from_ids"][0], *(s["to_id"] for s in chain))
            chains.setdefault(key, chain)  # the first (adopted before variant) stands for the sequence

    for i in range(len(steps)):
        if i not in has_prev:
            walk([i])
    rows = [{"actors": [steps_[0]["from"][0], *(s["to"] for s in steps_)], "steps": steps_, "length": len(steps_)}
            for steps_ in chains.values()]
    rows.sort(key=lambda r: (-r["length"], r["actors"]))
    return rows


def reach(g: nx.MultiDiGraph, solution: str, *, steps: list[dict[str, Any]] | None = None,
          index: dict[str, list[int]] | None = None) -> dict[str, Any]:
    """How far a solution (with its variants) has spread: actors, municipalities, regions, sectors.

    Parameters
    ----------
    g : networkx.MultiDiGraph
    solution : str
        Id, title or case id (see :func:`find_solution`).
    steps : list of dict, optional
        :func:`spread_steps` of ``g``, when the caller has them already.
    index : dict, optional
        :func:`steps_by_solution` of ``steps`` (see :func:`spread_paths`).

    Returns
    -------
    dict
        ``solution``, ``title``, ``originators``, ``adopters`` (names of actors, places and
        groups that implemented it or a variant), ``reached`` (how many organisations they
        stand for: a group by its count), ``uncounted`` (adopting groups of unknown size,
        each counted once), ``places`` (adopting places abroad, "Tampere (FI)"),
        ``municipalities``, ``regions``, ``new_regions`` (regions reached that no
        originator is in), ``scope`` (``"national"``, ``"region-wide"`` or None, see
        :func:`~samspil.queries.analytics._graph.scope`), ``sectors``, ``interested`` ({name: status} of the rest),
        ``years`` (first and last year of spread known).

    Examples
    --------
    >>> from samspil.testing.toys import toy_graph
    >>> r = reach(toy_graph(), "Talentudvikling")
    >>> r["adopters"], r["regions"], r["interested"], r["reached"]
    (['Billund Kommune', 'Vejen Kommune'], ['Region Syddanmark'], {'Væksthus for Ledelse': 'interested'}, 2)
    """
    up = uptake(g, solution, steps=steps, index=index)
    path, origin, adopted = up["path"], up["owners"], up["adopted"]
    regions = sorted({r for a in adopted if (r := region_of(g, a))})
    home = {region_of(g, o) for o in origin}
    years = sorted(s["year"] for s in path["steps"] if s["counts_as_spread"] and s["year"])
    reached, uncounted = organisations(g, adopted)
    return {"solution": up["solution"], "title": path["title"], "originators": [name(g, o) for o in origin],
            "adopters": up["adopters"], "reached": reached, "uncounted": uncounted,
            "places": sorted(f"{name(g, a)} ({g.nodes[a]['country']})" for a in adopted
                             if g.nodes[a].get("country", "DK") != "DK" and is_a(g, a, "Actor")),
            "municipalities": sorted(name(g, a) for a in adopted if g.nodes[a].get("kind") == "municipality"
                                     and is_a(g, a, "Actor") and g.nodes[a].get("country", "DK") == "DK"),
            "regions": regions, "new_regions": [r for r in regions if r not in home],
            "scope": scope(g, [*origin, *adopted])[0],
            "sectors": sorted({g.nodes[a].get("sector") for a in adopted if g.nodes[a].get("sector")}),
            "interested": up["interested"], "years": [years[0], years[-1]] if years else []}


#: Municipalities and regions in Denmark: a solution in every one of them is national.
def uptake(g: nx.MultiDiGraph, solution: str, *, steps: list[dict[str, Any]] | None = None,
           index: dict[str, list[int]] | None = None) -> dict[str, Any]:
    """Who took a solution (with its variants) up and who only showed interest: the part of
    :func:`reach` that needs no regions, for callers that ask it of many solutions.

    Parameters
    ----------
    g : networkx.MultiDiGraph
    solution : str
        Id, title or case id (see :func:`find_solution`).
    steps, index : optional
        :func:`spread_steps` of ``g`` and :func:`steps_by_solution` of them (see :func:`spread_paths`).

    Returns
    -------
    dict
        ``solution`` (id), ``path`` (its :func:`spread_paths` row), ``owners`` (ids),
        ``adopted`` (ids of the actors that implemented it or a variant, owners not
        counted), ``adopters`` (their names, sorted) and ``interested`` ({name: status}
        of the rest), as in :func:`reach`.

    Examples
    --------
    >>> from samspil.testing.toys import toy_graph
    >>> u = uptake(toy_graph(), "Talentudvikling")
    >>> u["adopted"], u["adopters"], u["interested"]
    (['municipality-0530', 'municipality-0575'], ['Billund Kommune', 'Vejen Kommune'], {'Væksthus for Ledelse': 'interested'})
    """
    path = spread_paths(g, solution, steps=steps, index=index)[0]
    sol = path["solution"]
    origin = owners(g, sol)
    adopted = sorted({s["to_id"] for s in path["steps"] if s["counts_as_spread"]} - set(origin))
    interest = {s["to_id"]: s["status"] for s in path["steps"]
                if not s["counts_as_spread"] and s["to_id"] not in adopted and s["to_id"] not in origin}
    return {"solution": sol, "path": path, "owners": origin, "adopted": adopted,
            "adopters": sorted(name(g, a) for a in adopted),
            "interested": {name(g, a): interest[a] for a in sorted(interest, key=lambda a: name(g, a))}}


def top_solutions(g: nx.MultiDiGraph, *, top: int | None = None) -> list[dict[str, Any]]:
    """The solutions that spread furthest: most adopters, then most regions, then most interest.

    Parameters
    ----------
    g : networkx.MultiDiGraph
    top : int, optional
        Keep this many.

    Returns
    -------
    list of dict
        :func:`reach` of every solution with any spread or interest.

    Examples
    --------
    >>> from samspil.testing.toys import toy_graph
    >>> [(r["title"], len(r["adopters"])) for r in top_solutions(toy_graph())]
    [('Talentudvikling', 2)]
    """
    steps = spread_steps(g)
    index = steps_by_solution(steps)
    rows = [reach(g, p["solution"], steps=steps, index=index) for p in spread_paths(g, steps=steps, index=index)]
    # A solution made from an organisation's idea (INSPIRED_BY an actor) reached no one
    # itself: that spread is the organisation's, and top_spreaders credits it.
    rows = [r for r in rows if r["adopters"] or r["interested"]]
    rows.sort(key=lambda r: (-r["reached"], -len(r["regions"]), -len(r["interested"]), r["title"]))
    return rows[:top] if top else rows


def top_spreaders(g: nx.MultiDiGraph, *, top: int | None = None) -> list[dict[str, Any]]:
    """The actors whose solutions (and ideas) spread most.

    Parameters
    ----------
    g : networkx.MultiDiGraph
    top : int, optional
        Keep this many.

    Returns
    -------
    list of dict
        ``actor`` (id), ``name``, ``kind``, ``adopters`` (names of the actors that took
        up its solutions or ideas), ``solutions`` (titles that spread), ``regions``
        (reached), ``interest`` (actors only interested); most adopters first.

    Examples
    --------
    >>> from samspil.testing.toys import toy_graph
    >>> [(r["name"], r["adopters"]) for r in top_spreaders(toy_graph())]  # doctest: +NORMALIZE_WHITESPACE
    [('Kolding Kommune', ['Billund Kommune', 'Vejen Kommune']), ('Vejen Kommune', ['Billund Kommune']),
     ('Ældre Sagen', ['Vejen Kommune'])]
    """
    adopters: dict[str, set[str]] = defaultdict(set)
    solutions: dict[str, set[str]] = defaultdict(set)
    interest: dict[str, set[str]] = defaultdict(set)
    for chain in spread_chains(g, min_steps=1):
        # An originator is credited with everything its idea reached down the chain.
        first = chain["steps"][0]
        for origin in first["from_ids"]:
            for s in chain["steps"]:
                if s["to_id"] != origin:
                    adopters[origin].add(s["to_id"])
            solutions[origin].add(first["of"] or first["solution"])
    for s in spread_steps(g):
        for origin in s["from_ids"]:
            if s["counts_as_spread"]:
                adopters[origin].add(s["to_id"])
                solutions[origin].add(s["of"] or s["solution"])
            else:
                interest[origin].add(s["to_id"])
    rows = []
    for actor in set(adopters) | set(interest):
        got = adopters[actor]
        rows.append({"actor": actor, "name": name(g, actor), "kind": g.nodes[actor].get("kind"),
                     "adopters": sorted(name(g, a) for a in got),
                     "solutions": sorted(name(g, s) for s in solutions[actor]),
                     "regions": sorted({r for a in got if (r := region_of(g, a))}),
                     "interest": sorted(name(g, a) for a in interest[actor] - got)})
    rows.sort(key=lambda r: (-len(r["adopters"]), -len(r["regions"]), -len(r["interest"]), r["name"]))
    return rows[:top] if top else rows


# -- who could adopt next ------------------------------------------------------------------

_WORD = re.compile(r"[a-zæøå]{4,}")
_STOP = {"borgere", "borger", "med", "eller", "samt", "deres", "alle", "andre", "mellem", "ansatte", "medarbejdere"}


def _profile(g: nx.MultiDiGraph, solution: str) -> tuple[set[str], set[str]]:
    """Themes and content words of a solution's title and target group."""
    data = g.nodes[solution]
    text = " ".join(str(x) for x in (data.get("title") or data.get("name"), data.get("target_group")) if x)
    themes = set(data.get("themes") or ()) | set(tag_themes(text))
    return themes, {w for w in _WORD.findall(text.lower()) if w not in _STOP}


def next_adopters(g: nx.MultiDiGraph, solution: str, *, top: int | None = 10, reference: bool = True,
                  kind: str | None = None, hub_share: float = HUB_SHARE) -> list[dict[str, Any]]:
    """Who could adopt a solution next, each with the reasons.

    The solution's *holders* are its makers and the actors that adopted it or a
    variant. A candidate earns a reason (weight in :data:`REASON_WEIGHTS`) for each of:

    * ``interest`` — it already showed interest in, visited or was inspired by the solution;
    * ``partner`` — it made another solution together with a holder (not through a holder
      tied to more than ``hub_share`` of the collaboration graph, :data:`HUB_SHARE`);
    * ``network`` — it is in the same network (PART_OF a Network) as a holder;
    * ``target_group`` — it made a solution for a similar target group (a shared theme
      or content word of title and target group);
    * ``region`` — it is a municipality in the region of a holder (the 98 municipalities
      of the reference table count, not only those in the graph, when ``reference``);
    * ``active`` — it nominated cases of its own (added only to another reason: an
      organisation that innovates is likelier to take up an innovation).

    Only public-sector actors are suggested (adopting is what they do), unless an
    actor of another sector showed interest; never a holder, nor a unit or parent of
    one (PART_OF either way: the same organisation).

    Parameters
    ----------
    g : networkx.MultiDiGraph
    solution : str
        Id, title or case id (see :func:`find_solution`).
    top : int, optional
        Keep this many (None: all).
    reference : bool
        Also suggest municipalities that are not in the graph, by region.
    kind : str, optional
        Only actors of this kind (``municipality``, ``region``, …).
    hub_share : float
        See :data:`HUB_SHARE`.

    Returns
    -------
    list of dict
        ``actor`` (id), ``name``, ``kind``, ``region``, ``score`` (sum of the weights of
        its reasons), ``reasons`` (sentences); highest score first.

    Examples
    --------
    >>> from samspil.testing.toys import toy_graph
    >>> best = next_adopters(toy_graph(), "Talentudvikling")[0]
    >>> best["name"], best["reasons"]
    ('Væksthus for Ledelse', ['showed interest (interested)'])
    """
    sol = find_solution(g, solution)
    family = set(_lineage(g, sol))
    path = spread_paths(g, sol)[0]
    holders: dict[str, str] = {}  # actor → its part in the solution, for the reasons' wording
    for s in path["steps"]:
        if s["counts_as_spread"]:
            holders[s["to_id"]] = "adopter"
    for member in sorted(family):
        for m, role in makers(g, member).items():
            holders[m] = role if member == sol else "maker of a variant"
    for o in owners(g, sol):
        holders.setdefault(o, "owner")

    def who(h: str) -> str:
        return f"{name(g, h)} ({holders[h]})"

    reasons: dict[str, dict[str, str]] = defaultdict(dict)

    # A holder's units and parents are the holder itself.
    part_of = nx.DiGraph((u, v) for u, v, d in g.edges(data=True) if d["type"] == "PART_OF")
    kin = {k for h in holders if h in part_of for k in nx.descendants(part_of, h) | nx.ancestors(part_of, h)}

    def add(actor: str, why: str, text: str) -> None:
        if actor not in holders and actor not in kin:
            reasons[actor].setdefault(why, text)

    for s in path["steps"]:
        if not s["counts_as_spread"]:
            add(s["to_id"], "interest", f"showed interest ({s['status']})")
    collab = collaboration_graph(g)
    for h in sorted(holders):
        if h in collab and collab.degree(h) <= hub_share * max(len(collab) - 1, 1):
            for other in sorted(collab[h]):
                together = "; ".join(name(g, x) for x in collab.edges[h, other]["solutions"])
                add(other, "partner", f"made {together} with {who(h)}")
    networks = defaultdict(set)
    for u, v, d in g.edges(data=True):
        if d["type"] == "PART_OF" and g.nodes[v].get("kind") == "network":
            networks[v].add(u)
    for net, members in sorted(networks.items()):
        for h in sorted(members & set(holders)):
            for m in sorted(members - {h}):
                add(m, "network", f"in {name(g, net)} with {who(h)}")
    themes, words = _profile(g, sol)
    for other in nodes_with(g, "Solution"):
        if other in family:
            continue
        o_themes, o_words = _profile(g, other)
        shared = sorted(themes & o_themes)
        common = sorted(words & o_words)
        if shared or common:
            why = theme_label(shared[0]) if shared else f"“{common[0]}”"
            for m in makers(g, other) or dict.fromkeys(owners(g, other)):
                add(m, "target_group", f"made {name(g, other)} for a similar target group ({why})")
    home_regions: dict[str, str] = {}
    for h in sorted(holders):
        if (r := region_of(g, h)):
            home_regions.setdefault(r, h)
    municipalities = {n: (d.get("region"), d["name"]) for n, d in g.nodes(data=True)
                      if d.get("kind") == "municipality" and d.get("region")}
    if reference:
        for org in Gazetteer.default().names_of_kind("municipality"):
            municipalities.setdefault(org.id, (org.region, org.name))
    for m, (region, _) in sorted(municipalities.items()):
        if region in home_regions:
            add(m, "region", f"in {region} like {who(home_regions[region])}")
    cases_by = Counter(u for u, _, d in g.edges(data=True) if d["type"] == "NOMINATED")
    rows = []
    for actor, why in reasons.items():
        data = g.nodes[actor] if actor in g else {"name": municipalities[actor][1], "kind": "municipality",
                                                    "region": municipalities[actor][0], "sector": "public"}
        # Adopting is what public organisations do; others are suggested only when they asked.
        if (data.get("sector") != "public" and "interest" not in why) or (kind and data.get("kind") != kind):
            continue
        if cases_by.get(actor):
            why["active"] = f"an innovator itself ({cases_by[actor]} case{'s' if cases_by[actor] > 1 else ''})"
        rows.append({"actor": actor, "name": data["name"], "kind": data.get("kind"),
                     "region": region_of(g, actor) if actor in g else data["region"],
                     "score": sum(REASON_WEIGHTS[k] for k in why), "reasons": list(why.values())})
    rows.sort(key=lambda r: (-r["score"], r["name"]))
    return rows[:top] if top else rows


def spread_summary(g: nx.MultiDiGraph) -> dict[str, Any]:
    """Counts of spread in the whole graph: steps by status, solutions that spread, actors reached.

    Examples
    --------
    >>> from samspil.testing.toys import toy_graph
    >>> spread_summary(toy_graph())["by_status"]
    {'adopted': 2, 'interested': 1, 'visited': 0, 'inspired': 0, 'variant': 2}
    """
    steps = spread_steps(g)
    by = Counter(s["status"] if s["via"] == "spread" else "variant" for s in steps)
    reached = sorted({s["to_id"] for s in steps if s["counts_as_spread"]})
    shared = Counter(d["channel"] for _, _, d in g.edges(data=True) if d["type"] == "SHARED_VIA")
    return {"steps": len(steps), "by_status": {k: by[k] for k in (*SPREAD_STATUSES, "variant")},
            "solutions_spread": len({s["of"] or s["solution"] for s in steps if s["counts_as_spread"]}),
            "actors_reached": len(reached),
            "organisations_reached": organisations(g, reached)[0],
            "groups_uncounted": len(organisations(g, reached)[1]),
            "by_target": dict(sorted(Counter(s["target"] for s in steps if s["via"] == "spread").items())),
            "shared_via": dict(sorted(shared.items())),
            "cases_with_spread": len({c for s in steps if s["counts_as_spread"] for c in cases_of(g, s["solution"])})}
