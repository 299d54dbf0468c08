"""The items of the whole network as vis-network nodes and edges (the network,
neighbourhood and candidates views draw from them).

Helpers of :mod:`samspil.viz.views`.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from samspil.viz.style import edge_style, node_colors
from samspil.viz.views._focus import focus_of, homonyms
from samspil.viz.views._shared import (
    MAX_SIZE,
    MIN_SIZE,
    LABEL_LIMIT,
    Relation,
    ViewText,
    case_solutions,
    clip,
    edge_tooltip,
    group_of,
    node_tooltip,
)

__all__ = ["LABEL_SHARE", "network_items"]

#: A node's name is drawn at the opening zoom when its measure is at least this share of the
#: largest one on the map (its size is then at least ``MIN_SIZE + 0.35 (MAX_SIZE - MIN_SIZE)``,
#: sizes growing with the square root); the rest show on hover and as the reader zooms in.
LABEL_SHARE = 0.1225


def network_items(text: ViewText, ids: list[str], pairs: Mapping[tuple[str, str], list[Relation]],
                  relations: list[Relation], sizes: Mapping[str, float],
                  ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """vis-network nodes and one edge per pair, styled by its strongest relation.

    Parameters
    ----------
    text : ViewText
    ids : list of str
        The nodes on the map.
    pairs : mapping
        The relations of each pair of nodes, strongest first (:func:`by_pair`).
    relations : list of Relation
        Every relation on the map.
    sizes : mapping
        Each node's size (:func:`scale_sizes`).

    Returns
    -------
    (nodes, edges)
        Nodes with ``name`` (told apart from a namesake), ``label``, ``tooltip``, kind fill
        and sector ring, ``labelled`` (drawn at the opening zoom), and the focus panel's
        ``facts`` and ``focus``; edges with ``rel``, ``tooltip`` and style.

    Examples
    --------
    >>> from samspil.testing.toys import toy_graph
    >>> from samspil.viz.views import network_view
    >>> v = network_view(toy_graph())
    >>> all(isinstance(n["labelled"], bool) for n in v.nodes)
    True
    """
    g = text.g
    by_node: dict[str, list[Relation]] = defaultdict(list)
    for r in relations:
        by_node[r.source].append(r)
        by_node[r.target].append(r)
    told = homonyms(g, ids, text)
    names = {n: told.get(n) or text.name(n) for n in ids}
    solution_of = case_solutions(g)
    floor = MIN_SIZE + math.sqrt(LABEL_SHARE) * (MAX_SIZE - MIN_SIZE)
    nodes = []
    for n in ids:
        data = g.nodes[n]
        tooltip = node_tooltip(text, n, by_node.get(n, []))
        if n in told:
            tooltip = "\n".join([told[n], *tooltip.split("\n")[1:]])
        facts, focus = focus_of(text, n, by_node, solution_of, names)
        nodes.append({"id": n, "label": clip(names[n], LABEL_LIMIT), "name": names[n],
                      "group": group_of(g, n), "kind": group_of(g, n), "sector": data.get("sector") or "",
                      "tooltip": tooltip, "size": sizes[n], "labelled": sizes[n] >= floor - 1e-9,
                      "facts": facts, "focus": focus,
                      **node_colors(group_of(g, n), data.get("sector"))})
    edges = []
    for i, rels in enumerate(pairs.values()):
        top = rels[0]
        arrows = top.type not in ("IN_REGION", "ADDRESSES", "PART_OF")
        edges.append({"id": f"e{i}", "from": top.source, "to": top.target, "rel": top.key,
                      "tooltip": edge_tooltip(text, rels),
                      "width": round(1 + min(3.0, math.log2(len({r.case for r in rels}) or 1)), 2),
                      **edge_style(top.key, arrows=arrows)})
    return nodes, edges
