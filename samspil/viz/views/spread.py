"""Where one solution went: its makers, the solution, and where it spread, left to right."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from typing import Any

import networkx as nx

from samspil.viz.style import edge_style, kind_legend, rel_control, rel_key
from samspil.viz.views._shared import (
    Relation,
    ViewText,
    edge_tooltip,
    group_of,
    labels_of,
    name_of,
    node_tooltip,
    strength,
)
from samspil.viz.views.base import MapView

__all__ = ["spread_view"]

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
    text = ViewText(g, include_contacts=False)
    family = [focus] + sorted({s["solution"] for s in path["steps"]} - {focus})
    # flow edges: (from, to) -> relations, in the direction the idea travelled
    flow: dict[tuple[str, str], list[Relation]] = defaultdict(list)
    for sol in family:
        for u, _, d in g.in_edges(sol, data=True):
            if d["type"] in ("OWNS", "PARTNER_IN"):
                flow[u, sol].append(Relation(u, sol, d["type"], rel_key(d["type"], d.get("role")),
                                             d.get("case") or "", d.get("evidence") or "", None))
        for _, v, d in g.out_edges(sol, data=True):
            if d["type"] == "SPREAD_TO":
                flow[sol, v].append(Relation(sol, v, "SPREAD_TO", rel_key("SPREAD_TO", status=d.get("status")),
                                             d.get("case") or "", d.get("evidence") or "", d.get("year")))
            elif d["type"] == "INSPIRED_BY":
                flow[v, sol].append(Relation(v, sol, "INSPIRED_BY", "INSPIRED_BY", d.get("case") or "",
                                             d.get("evidence") or "", g.nodes[sol].get("year")))
    members = sorted({n for pair in flow for n in pair} | {focus})
    levels = _levels(members, list(flow), focus)
    year = {n: min((r.year for (a, b), rels in flow.items() if b == n for r in rels if r.year),
                   default=None) for n in members}
    pos = _layered(levels, lambda n: (year[n] is None, year[n] or 0, name_of(g, n).casefold()))
    nodes = []
    for n in members:
        # An unnamed group of receivers is drawn on spread maps only (the network maps show who works with whom).
        group = "group" if "Group" in labels_of(g, n) else group_of(g, n) or "unit"
        rels = [r for rels in flow.values() for r in rels if n in (r.source, r.target)]
        node = {"id": n, "label": text.label(n), "name": text.name(n), "group": group,
                "kind": group, "sector": g.nodes[n].get("sector") or "",
                "tooltip": node_tooltip(text, n, rels), "x": pos[n][0], "y": pos[n][1],
                "size": 16 if group != "solution" else 22,
                "widthConstraint": {"maximum": 190}}
        if n == focus:
            node.update(size=32, borderWidth=4, font={"size": 17, "bold": True},
                        color={"border": "#111111"})
        nodes.append(node)
    edges = []
    for i, ((a, b), rels) in enumerate(sorted(flow.items())):
        rels.sort(key=lambda r: (strength(r.key), r.year or 0, r.case))
        top = rels[0]
        years = sorted({r.year for r in rels if r.year})
        label = str(years[0]) if top.type in ("SPREAD_TO", "INSPIRED_BY") and years else ""
        edges.append({"id": f"e{i}", "from": a, "to": b, "rel": top.key, "label": label,
                      "tooltip": edge_tooltip(text, rels), "width": 2.5 if top.type == "SPREAD_TO" else 1.5,
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
