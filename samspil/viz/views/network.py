"""The whole network: actors, solutions and themes, and what ties them."""

from __future__ import annotations

import networkx as nx

from samspil.viz.style import kind_legend, rel_control, sector_control
from samspil.viz.views._shared import (
    MEASURE_WORDS,
    ViewText,
    folded_network,
    labels_of,
    scale_sizes,
    size_measure,
)
from samspil.viz.views._items import network_items
from samspil.viz.views.base import MapView

__all__ = ["network_view"]


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
    text = ViewText(g, include_contacts)
    ids, pairs, relations = folded_network(g, include_contacts)
    sizes = scale_sizes(size_measure(size_by, ids, pairs))
    nodes, edges = network_items(text, ids, pairs, relations, sizes)
    groups = {n["group"] for n in nodes}
    notices = []
    left_out = sum(1 for n in g if "Case" in labels_of(g, n) or "Source" in labels_of(g, n))
    if left_out:
        notices.append(f"Cases er foldet ind i den løsning, de beskriver, og kilder er udeladt "
                       f"({left_out} noder).")
    return MapView(
        view="network", title="Samspil: hele netværket", nodes=nodes, edges=edges,
        legend=kind_legend(groups), controls=[sector_control(), rel_control({e["rel"] for e in edges})],
        subtitle=(f"Farve og form: type · Størrelse: {MEASURE_WORDS[size_by]} · "
                  "Linje: stærkeste relation mellem to noder (alle står i dens tooltip)"),
        notices=notices)
