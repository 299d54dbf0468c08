"""The best Find & Forstør candidates as a map: their solutions and the actors behind them."""

from __future__ import annotations

from typing import Any

import networkx as nx

from samspil.viz.layout import degrees
from samspil.viz.style import kind_legend, rel_control, sector_control
from samspil.viz.views._shared import (
    LABEL_LIMIT,
    ViewText,
    by_pair,
    case_solutions,
    clip,
    map_relations,
    scale_sizes,
)
from samspil.viz.views._items import network_items
from samspil.viz.views.base import MapView

__all__ = ["candidates_view"]


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
    text = ViewText(g, include_contacts=False)
    solution_of = case_solutions(g)
    chosen = {solution_of[r["id"]]: r for r in rows if r["id"] in solution_of}
    relations = [r for r in map_relations(g, include_contacts=False)
                 if (r.source in chosen) != (r.target in chosen) and r.type not in ("ADDRESSES", "MENTIONS")]
    relations += [r for r in map_relations(g, include_contacts=False)
                  if r.source in chosen and r.target in chosen]
    pairs = by_pair(relations)
    ids = sorted(chosen.keys() | {n for p in pairs for n in p})
    degree = degrees(ids, pairs)
    sizes = scale_sizes(degree)
    nodes, edges = network_items(text, ids, pairs, relations, sizes)
    best = max((r["score"] for r in chosen.values()), default=0) or 1
    for n in nodes:
        row = chosen.get(n["id"])
        if row is None:
            n["size"] = min(n["size"], 18.0)
            continue
        n["label"] = clip(f"{row['rank']}. {text.name(n['id'])}", LABEL_LIMIT)
        n["size"] = round(14 + 26 * row["score"] / best, 2)
        parts = [f"{k} {v:g}" for k, v in row["points"].items() if v]
        n["tooltip"] = text.lines([
            f"Nr. {row['rank']}: {text.name(n['id'])}", f"Score {row['score']:g} af 100",
            "Point: " + (", ".join(parts) or "ingen"), f"Hvorfor: {row['reason']}",
            n["tooltip"].split("\n", 1)[1] if "\n" in n["tooltip"] else ""])
        n["font"] = {"size": 20, "bold": True}
        n["labelled"] = True
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
