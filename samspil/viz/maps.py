"""From a view to a page: size limits, positions, physics, and the HTML file.

:func:`prepare` decides how a view is drawn:

* up to :data:`PHYSICS_LIMIT` nodes: positions from :func:`samspil.viz.layout.force_layout`
  as a start, then vis-network's physics, tuned to settle in well under a second, so a
  dragged node pulls its neighbours;
* above it: the same positions, physics off (vis-network's physics needs 20–30 s for
  1 000 nodes), straight edges, edges hidden while dragging or zooming; the page says so;
* above ``max_nodes`` (default :data:`MAX_NODES`): the view is aggregated into communities
  (or kinds) by :func:`aggregate`, drawn still, and the page says what it shows instead.

:func:`render_map` turns a prepared view into the page of :mod:`samspil.viz.page` and
:func:`write_map` does both and writes the file atomically.
"""

from __future__ import annotations

import math
import os
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from samspil.core.errors import SamspilError
from samspil.viz.layout import EDGE_LENGTH, communities, force_layout
from samspil.viz.page import render_page, write_page
from samspil.viz.style import KIND_STYLES, edge_style, kind_legend, rel_control
from samspil.viz.views import MapView

__all__ = ["PHYSICS_LIMIT", "MAX_NODES", "AGGREGATIONS", "prepare", "aggregate", "render_map",
           "write_map"]

#: Above this many nodes positions are computed in Python and physics is off.
PHYSICS_LIMIT = 150
#: Above this many nodes a map is aggregated (``--max-nodes``).
MAX_NODES = 6000
#: How a too-large map is aggregated (``--aggregate``).
AGGREGATIONS: tuple[str, ...] = ("community", "kind")

_PHYSICS: dict[str, Any] = {
    "enabled": True,
    "solver": "forceAtlas2Based",
    "forceAtlas2Based": {"gravitationalConstant": -40, "centralGravity": 0.008, "springLength": 100,
                         "springConstant": 0.06, "damping": 0.6, "avoidOverlap": 0.25},
    "maxVelocity": 40,
    "minVelocity": 1.5,
    "timestep": 0.4,
    # The start positions are already a force layout: a short polish is enough.
    "stabilization": {"enabled": True, "iterations": 150, "updateInterval": 50, "fit": True},
}
_STILL: dict[str, Any] = {
    "physics": {"enabled": False},
    "layout": {"improvedLayout": False},
    "edges": {"smooth": False},
    "interaction": {"hideEdgesOnDrag": True, "hideEdgesOnZoom": True, "tooltipDelay": 200},
}


def _n(x: int) -> str:
    """A count the Danish way: 12.345."""
    return f"{x:,}".replace(",", ".")


def prepare(view: MapView, *, seed: int = 1, max_nodes: int = MAX_NODES,
            physics_limit: int = PHYSICS_LIMIT, aggregate_by: str = "community") -> MapView:
    """Make a view ready to draw: aggregate it if too large, place its nodes, set physics.

    Parameters
    ----------
    view : MapView
        From :mod:`samspil.viz.views`.
    seed : int
        Positions and communities come from it: the same seed draws the same map.
    max_nodes : int
        Aggregate a view with more nodes than this.
    physics_limit : int
        Switch physics off above this many nodes.
    aggregate_by : str
        ``"community"`` or ``"kind"`` (see :func:`aggregate`).

    Returns
    -------
    MapView
        A new view; every node has ``x`` and ``y``.

    Examples
    --------
    >>> from samspil.testing.toys import toy_graph
    >>> from samspil.viz.views import network_view
    >>> small = prepare(network_view(toy_graph()))
    >>> small.options["physics"]["enabled"], all("x" in n for n in small.nodes)
    (True, True)
    >>> big = prepare(network_view(toy_graph()), max_nodes=10)
    >>> len(big.nodes) <= 10, big.notices[-1][:17]
    (True, 'Kortet er samlet:')
    """
    if max_nodes < 1:
        raise SamspilError("--max-nodes must be at least 1")
    aggregated = len(view.nodes) > max_nodes
    if aggregated:
        view = aggregate(view, by=aggregate_by, seed=seed, limit=max_nodes)
    nodes = [dict(n) for n in view.nodes]
    notices = list(view.notices)
    options = dict(view.options)
    if not view.fixed:
        # Big dots (aggregated groups, hubs) need longer edges to keep clear of each other.
        mean_size = sum(float(n.get("size") or 14) for n in nodes) / max(len(nodes), 1)
        pos = force_layout([n["id"] for n in nodes], [(e["from"], e["to"]) for e in view.edges], seed=seed,
                           edge_length=EDGE_LENGTH * max(1.0, mean_size / 14))
        for n in nodes:
            n["x"], n["y"] = pos[n["id"]]
    # An aggregated map stays still too: physics would pull its big dots into a heap.
    if view.fixed or aggregated or len(nodes) > physics_limit:
        options = _merge(options, _STILL)
        if not (view.fixed or aggregated):
            notices.append(f"Placeringen af de {_n(len(nodes))} noder er beregnet på forhånd, så kortet står "
                           "stille med det samme. Navnene på de vigtigste står på kortet; zoom ind for flere.")
    else:
        options = _merge({"physics": _PHYSICS, "edges": {"smooth": {"type": "continuous"}}}, options)
    options = _merge(options, {"layout": {"randomSeed": seed}})
    return replace(view, nodes=nodes, notices=notices, options=options)


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for k, v in over.items():
        out[k] = _merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


def aggregate(view: MapView, *, by: str = "community", seed: int = 1, limit: int = MAX_NODES) -> MapView:
    """One node per community (or per kind) of a view, one edge per pair of them that is tied.

    Parameters
    ----------
    view : MapView
    by : str
        ``"community"``: Louvain communities (:func:`samspil.viz.layout.communities`);
        nodes that are alone go into one node per kind. ``"kind"``: one node per group.
        When communities would still be more than ``limit``, kinds are used.
    seed : int
    limit : int
        The most nodes the result may have before falling back to kinds.

    Returns
    -------
    MapView
        Each node's tooltip counts its members by kind and names the largest; each edge's
        tooltip counts the ties it stands for. The notice says what was done.

    Raises
    ------
    SamspilError
        For an unknown ``by``.

    Examples
    --------
    >>> from samspil.testing.toys import toy_graph
    >>> from samspil.viz.views import network_view
    >>> v = aggregate(network_view(toy_graph()), by="kind")
    >>> sorted(n["label"] for n in v.nodes)[:2]
    ['Enhed (1)', 'Forening (3)']
    """
    if by not in AGGREGATIONS:
        raise SamspilError(f"cannot aggregate by {by!r}; choose {' or '.join(AGGREGATIONS)}")
    ids = [n["id"] for n in view.nodes]
    group_of = {n["id"]: str(n.get("group") or "") for n in view.nodes}
    if by == "community":
        pairs = [(e["from"], e["to"]) for e in view.edges]
        found = communities(ids, pairs, seed=seed)
        sizes = Counter(found.values())
        block = {n: (f"community-{c}" if sizes[c] > 1 else f"alone-{group_of[n]}") for n, c in found.items()}
        if len(set(block.values())) > limit:
            by = "kind"
    if by == "kind":
        block = {n: f"kind-{group_of[n]}" for n in ids}
    members: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for n in view.nodes:
        members[block[n["id"]]].append(n)
    biggest = max(len(m) for m in members.values())
    nodes = []
    for b, ms in sorted(members.items(), key=lambda x: (-len(x[1]), x[0])):
        ms.sort(key=lambda n: (-float(n.get("size") or 0), str(n.get("name") or n.get("label"))))
        kinds = Counter(group_of[m["id"]] for m in ms)
        dominant = kinds.most_common(1)[0][0]
        names = [str(m.get("name") or m.get("label") or m["id"]) for m in ms]
        if b.startswith("community-"):
            label = " / ".join(names[:2]) + (f" +{_n(len(ms) - 2)}" if len(ms) > 2 else "")
            head = f"Fællesskab af {_n(len(ms))} noder"
        else:
            word = KIND_STYLES.get(dominant, {"label": dominant or "uden type"})["label"]
            label = f"{word} ({_n(len(ms))})" if b.startswith("kind-") else f"{word}, alene ({_n(len(ms))})"
            head = f"{_n(len(ms))} noder af typen {word}" + ("" if b.startswith("kind-") else
                                                           ", uden forbindelse til et fællesskab")
        mix = ", ".join(f"{KIND_STYLES.get(k, {'label': k})['label']} {_n(c)}" for k, c in kinds.most_common())
        nodes.append({"id": b, "label": label[:60], "name": label, "group": dominant,
                      "members": len(ms),
                      "size": round(12 + 30 * math.sqrt(len(ms) / biggest), 2),
                      "tooltip": "\n".join([label, head, mix, "Største: " + "; ".join(names[:8])
                                            + (" …" if len(names) > 8 else "")])})
    bundles: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for e in view.edges:
        a, b = block[e["from"]], block[e["to"]]
        if a != b:
            bundles[tuple(sorted((a, b)))][str(e.get("rel") or e.get("pair") or "")] += 1
    name = {n["id"]: n["name"] for n in nodes}
    edges = []
    for i, ((a, b), rels) in enumerate(sorted(bundles.items())):
        count = sum(rels.values())
        rel = rels.most_common(1)[0][0]
        edges.append({"id": f"e{i}", "from": a, "to": b, "rel": rel,
                      "width": round(1 + 1.5 * math.log2(count), 2),
                      "tooltip": f"{name[a]} — {name[b]}\n{_n(count)} forbindelser",
                      **edge_style(rel, arrows=False)})
    how = ("fællesskaber (Louvain-metoden; noder uden forbindelser samlet efter type)"
           if by == "community" else "typer")
    notice = (f"Kortet er samlet: {_n(len(view.nodes))} noder og {_n(len(view.edges))} forbindelser er "
              f"flere end grænsen på {_n(limit)} og vises som {_n(len(nodes))} {how}. Hver prik er en "
              f"gruppe; dens tooltip nævner de største medlemmer. Vælg et nabolagskort eller hæv "
              f"--max-nodes for detaljer.")
    return replace(view, nodes=nodes, edges=edges, legend=kind_legend({n["group"] for n in nodes}), legend_title="Type",
                   controls=[rel_control({e["rel"] for e in edges})] if edges else [],
                   notices=[*view.notices, notice], fixed=False)


def render_map(view: MapView, *, links: Sequence[tuple[str, str]] | None = None) -> str:
    """The HTML page of a prepared view (see :func:`prepare`).

    Parameters
    ----------
    view : MapView
    links : sequence of (href, text), optional
        Relative links for the page's header (the atlas links back to its index).

    Returns
    -------
    str
        A self-contained, offline HTML document (:func:`samspil.viz.page.render_page`).

    Examples
    --------
    >>> from samspil.testing.toys import toy_graph
    >>> from samspil.viz.views import network_view
    >>> page = render_map(prepare(network_view(toy_graph())))
    >>> page.startswith("<!DOCTYPE html>") and "Samspil: hele netværket" in page
    True
    """
    return render_page(view.nodes, view.edges, title=view.title, options=view.options, legend=view.legend,
                       legend_title=view.legend_title, notice=view.notices, subtitle=view.subtitle or None, extra_controls=view.controls,
                       links=links)


def write_map(view: MapView, path: str | os.PathLike[str], *, seed: int = 1, max_nodes: int = MAX_NODES,
              aggregate_by: str = "community", links: Sequence[tuple[str, str]] | None = None
              ) -> tuple[Path, MapView]:
    """Prepare a view, render it and write the page atomically.

    Parameters
    ----------
    view : MapView
    path : str or PathLike
        The HTML file; missing folders are made.
    seed, max_nodes, aggregate_by
        As in :func:`prepare`.
    links : sequence of (href, text), optional
        As in :func:`render_map`.

    Returns
    -------
    (Path, MapView)
        The file written and the view as drawn (after aggregation and layout).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from samspil.testing.toys import toy_graph
    >>> from samspil.viz.views import cross_sector_view
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "samspil.html"
    >>> path, drawn = write_map(cross_sector_view(toy_graph()), out, seed=3)
    >>> path == out, len(drawn.nodes)
    (True, 8)
    """
    drawn = prepare(view, seed=seed, max_nodes=max_nodes, aggregate_by=aggregate_by)
    return write_page(path, render_map(drawn, links=links)), drawn
