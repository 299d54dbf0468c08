"""The case view: one JSON object per case, the contract outside tools read (design.md).

Computed from the built graph, so curation and identity resolution show in it
exactly as they do in every other output.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from samspil.core.model import DOCUMENTED_GRADES, ROLE_PRIORITY, flag_grade

#: Order of keys in a case-view object, as design.md shows it.
KEYS = ("id", "number", "title", "prize", "year", "target_group", "nominators", "actors", "spread", "inspired_by",
        "documented_effect", "effect", "barriers", "group_partners", "shared")


def _solution(g: nx.MultiDiGraph, case: str) -> str | None:
    return next((v for _, v, d in g.out_edges(case, data=True) if d["type"] == "DESCRIBES"), None)


def case_effect(g: nx.MultiDiGraph, case: str) -> dict[str, Any]:
    """A case's effect as the graph holds it: ``{"grade", "evidence"}``.

    The case's own grade, else its solution's; a graph made before grades has only the
    solution's yes/no ``documented_effect`` (read as :func:`samspil.core.model.flag_grade` reads it).

    Examples
    --------
    >>> from samspil.graph.builder import default_graph
    >>> case_effect(default_graph(), "lsf2019-14")["grade"]
    'measured'
    """
    data = g.nodes[case]
    solution = _solution(g, case)
    sol = g.nodes[solution] if solution else {}
    grade = data.get("effect_grade") or sol.get("effect_grade") or flag_grade(bool(sol.get("documented_effect")))
    evidence = data.get("effect_evidence") or sol.get("effect_evidence") if grade != "none" else None
    return {"grade": grade, "evidence": evidence}


def case_view(g: nx.MultiDiGraph, case: str) -> dict[str, Any]:
    """The case-view object of one case node.

    Parameters
    ----------
    g : networkx.MultiDiGraph
        A Samspil graph.
    case : str
        The case's node id (``"lsf2019-09"``).

    Returns
    -------
    dict
        Keys as in :data:`KEYS`; ``actors`` holds one entry per actor with its
        strongest role, ``spread`` one per adopter/interested/visited/inspired actor,
        place or group (``to``, ``target``, ``kind``, ``count``, ``status``, ``year``,
        ``evidence``), ``effect`` the case's grade and the sentence carrying it,
        ``barriers`` the sentences naming what stands in its way, ``group_partners`` the
        unnamed groups that took part, ``shared`` the channels knowledge was shared through
        (no spread); ``documented_effect`` is derived from the grade
        (:data:`samspil.core.model.DOCUMENTED_GRADES`: measured).

    Examples
    --------
    >>> from samspil.graph.builder import default_graph
    >>> view = case_view(default_graph(), "lsf2019-09")
    >>> view["title"], view["nominators"], view["prize"], view["year"]
    ('Talentudvikling', ['Kolding Kommune'], 'nyt-sammen-bedre', 2018)
    >>> case_view(default_graph(), "lsf2019-12")["effect"]["grade"]
    'satisfaction'
    >>> [(s["to"], s["target"], s["count"], s["status"]) for s in case_view(default_graph(), "lsf2019-01")["spread"]]
    [('andre kommuner', 'group', None, 'visited'), ('tre kommuner', 'group', 3, 'visited')]
    """
    data = g.nodes[case]
    solution = _solution(g, case)
    sol = g.nodes[solution] if solution else {}
    roles: dict[str, tuple[str, str, str]] = {}

    def put(actor: str, role: str, evidence: str) -> None:
        current = roles.get(actor)
        if current is None or ROLE_PRIORITY.index(role) < ROLE_PRIORITY.index(current[0]):
            roles[actor] = (role, evidence, actor)

    nominated = sorted((d.get("position", 0), g.nodes[u]["name"], u, d["evidence"])
                       for u, _, d in g.in_edges(case, data=True) if d["type"] == "NOMINATED")
    nominators = [(name, u) for _, name, u, _ in nominated]
    for _, _, u, evidence in nominated:
        put(u, "nominator", evidence)
    spread: list[dict[str, Any]] = []
    inspired: list[dict[str, Any]] = []
    group_partners: list[dict[str, Any]] = []
    shared: list[dict[str, Any]] = []
    if solution:
        for u, _, d in g.in_edges(solution, data=True):
            if d.get("case") != case:
                continue
            if d["type"] == "OWNS":
                put(u, "owner", d["evidence"])
            elif d["type"] == "PARTNER_IN" and "Group" in g.nodes[u]["labels"]:
                node = g.nodes[u]
                group_partners.append({"description": node["description"], "kind": node["kind"],
                                       "count": node.get("count"), "role": d.get("role") or "partner",
                                       "region": node.get("region"), "country": node.get("country"),
                                       "evidence": d["evidence"]})
            elif d["type"] == "PARTNER_IN":
                put(u, d.get("role") or "partner", d["evidence"])
        for _, v, d in g.out_edges(solution, data=True):
            if d.get("case") != case:
                continue
            if d["type"] == "SPREAD_TO":
                node = g.nodes[v]
                spread.append({"to": node["name"], "target": d.get("target") or "actor", "kind": node.get("kind"),
                               "count": node.get("count"), "status": d["status"], "year": d.get("year"),
                               "evidence": d["evidence"]})
                if "Actor" in node["labels"]:
                    put(v, "adopter" if d["status"] in ("adopted", "inspired") else "interested", d["evidence"])
            elif d["type"] == "SHARED_VIA":
                shared.append({"channel": d["channel"], "evidence": d["evidence"]})
            elif d["type"] == "INSPIRED_BY":
                inspired.append({"from": g.nodes[v]["name"], "evidence": d["evidence"]})
                if "Actor" in g.nodes[v]["labels"]:
                    put(v, "inspiration", d["evidence"])
    for _, v, d in g.out_edges(case, data=True):
        if d["type"] == "MENTIONS":
            put(v, "mentioned", d["evidence"])
    actors = []
    for actor, (role, evidence, _) in roles.items():
        node = g.nodes[actor]
        actors.append({"name": node["name"], "kind": node["kind"], "role": role, "evidence": evidence,
                       **_abroad(node)})
    actors.sort(key=lambda a: (ROLE_PRIORITY.index(a["role"]), a["name"]))
    spread.sort(key=lambda s: (s["to"], s["status"]))
    inspired.sort(key=lambda s: s["from"])
    effect = case_effect(g, case)
    group_partners.sort(key=lambda s: (s["description"], s["role"]))
    shared.sort(key=lambda s: s["channel"])
    return {
        "id": case,
        "number": data.get("number"),
        "title": data.get("name"),
        "prize": data.get("prize"),
        "year": data.get("year"),
        "target_group": sol.get("target_group"),
        "nominators": [name for name, _ in nominators],
        "actors": actors,
        "spread": spread,
        "inspired_by": inspired,
        "documented_effect": effect["grade"] in DOCUMENTED_GRADES,
        "effect": effect,
        "barriers": list(data.get("barriers") or ()),
        "group_partners": group_partners,
        "shared": shared,
        # Danish is the default: only a text in another language says which (additive key).
        **({"language": data["language"]} if data.get("language", "da") != "da" else {}),
    }


def _abroad(node: dict[str, Any]) -> dict[str, Any]:
    """Extra keys of an actor outside Denmark: its ``country`` and, for a municipality or region,
    its national ``code`` (kommunenummer, fylkesnummer, kommunkod, lanskod); none for a Danish one,
    so the case view of Danish cases keeps exactly design.md's keys."""
    if node.get("country", "DK") == "DK":
        return {}
    code = next((node[k] for k in ("kommunenummer", "fylkesnummer", "kommunkod", "lanskod") if node.get(k)), None)
    return {"country": node["country"], **({"code": code} if code else {})}


def case_views(g: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """Case-view objects of every case in the graph, by source and number.

    Examples
    --------
    >>> from samspil.graph.builder import default_graph
    >>> views = case_views(default_graph())
    >>> [v["number"] for v in views if v["id"].startswith("lsf2019")] == list(range(1, 53))
    True
    """
    cases = [n for n, d in g.nodes(data=True) if "Case" in d["labels"]]
    cases.sort(key=lambda n: (g.nodes[n].get("source", ""), g.nodes[n].get("number") or 0, n))
    return [case_view(g, c) for c in cases]
