"""Who works with whom across sectors: actors tied by the solutions they made together."""

from __future__ import annotations

import math
from collections import Counter

import networkx as nx

from samspil.viz.style import (
    KIND_STYLES,
    SECTOR_PAIR_COLORS,
    SECTOR_STYLES,
    kind_control,
    sector_legend,
    sector_pair_color,
    sector_pair_label,
)
from samspil.viz.views._shared import (
    MEASURE_WORDS,
    TOOLTIP_CASES,
    ViewText,
    clip,
    kind_word,
    labels_of,
    more,
    scale_sizes,
    sector_word,
    size_measure,
)
from samspil.viz.views.base import MapView

__all__ = ["cross_sector_view"]


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
    text = ViewText(g, include_contacts=False)
    actors = sorted(n for n in c if c.degree(n) > 0)
    measure = size_measure(size_by, actors, ((t["a_id"], t["b_id"]) for t in ties))
    sizes = scale_sizes(measure)
    rank = {n: i for i, n in enumerate(sorted(actors, key=lambda n: (-measure[n], n)), start=1)}
    nodes = []
    for n in actors:
        data = c.nodes[n]
        partners = Counter(c.nodes[m]["sector"] or "" for m in c[n])
        solutions = sorted({s for m in c[n] for s in c.edges[n, m]["solutions"]})
        lines = [text.name(n), f"{kind_word(data['kind'])} · {sector_word(data['sector'])}",
                 data.get("region") or "",
                 f"Samarbejder med {c.degree(n)} aktører: " + ", ".join(
                     f"{SECTOR_STYLES[s]['label'].lower() if s in SECTOR_STYLES else 'ukendt'} {k}"
                     for s, k in sorted(partners.items(), key=lambda x: (-x[1], x[0]))),
                 f"Løsninger ({len(solutions)}):",
                 *("· " + clip(text.name(s), 70) for s in more(solutions, TOOLTIP_CASES)
                   if s in g),
                 f"{MEASURE_WORDS[size_by].capitalize()}: nr. {rank[n]} af {len(actors)}"]
        # The focus panel: who it works with (most shared solutions first) and on what.
        shared = sorted(c[n], key=lambda m: (-len(c.edges[n, m]["solutions"]), text.name(m)))
        focus = [{"title": "Partnere", "more": 0, "items": [
                     {"id": m, "text": f"{text.name(m)} — {len(c.edges[n, m]['solutions'])} fælles løsning"
                                       + ("er" if len(c.edges[n, m]["solutions"]) != 1 else ""), "quote": ""}
                     for m in shared]},
                 {"title": "Løsninger", "more": 0,
                  "items": [{"id": "", "text": text.name(s), "quote": ""} for s in solutions if s in g]}]
        nodes.append({"id": n, "label": text.label(n), "name": text.name(n),
                      "group": data["sector"] or "", "kind": data["kind"] or "",
                      "shape": KIND_STYLES.get(data["kind"] or "", {"shape": "dot"})["shape"],
                      "tooltip": text.lines(lines), "size": sizes[n],
                      "facts": [["Type", kind_word(data["kind"])], ["Sektor", sector_word(data["sector"])],
                                ["Region", str(data.get("region") or "")]],
                      "focus": focus})
    edges = []
    for i, t in enumerate(sorted(ties, key=lambda t: (t["a_id"], t["b_id"]))):
        color = sector_pair_color(t["pair"])
        lines = [f"{t['a']} — {t['b']}", sector_pair_label(t["pair"]),
                 f"{t['weight']} fælles løsning{'er' if t['weight'] != 1 else ''}:",
                 *("· " + clip(s, 70) for s in more(t["solutions"], TOOLTIP_CASES))]
        edges.append({"id": f"e{i}", "from": t["a_id"], "to": t["b_id"], "pair": t["pair"],
                      "tooltip": text.lines(lines), "width": round(1 + 2 * math.log2(t["weight"]), 2),
                      "color": {"color": color, "highlight": "#1b1f24", "hover": "#1b1f24",
                                "opacity": 0.9 if t["cross_sector"] else 0.55},
                      "arrows": {"to": {"enabled": False}}})
    crossing_order = list(SECTOR_PAIR_COLORS)
    pairs = sorted({t["pair"] for t in ties},
                   key=lambda p: (crossing_order.index(p) if p in crossing_order else len(crossing_order), p))
    crossing = sum(1 for t in ties if t["cross_sector"])
    all_actors = sum(1 for n in g if "Actor" in labels_of(g, n))
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
        subtitle=("Farve: sektor · Form: type · Linjefarve: de sektorer et samarbejde forbinder (grå: inden for "
                  f"én sektor) · Tykkelse: fælles løsninger · Størrelse: {MEASURE_WORDS[size_by]}"),
        notices=notices, options={"edges": {"smooth": False}})
