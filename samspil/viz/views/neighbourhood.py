"""One actor and what lies within one or two steps of it in the whole network."""

from __future__ import annotations

from collections import defaultdict

import networkx as nx

from samspil.core.errors import SamspilError
from samspil.core.identity import name_key
from samspil.viz.style import kind_legend, rel_control, sector_control
from samspil.viz.views._shared import (
    MAX_SIZE,
    MEASURE_WORDS,
    ViewText,
    folded_network,
    labels_of,
    name_of,
    scale_sizes,
    size_measure,
)
from samspil.viz.views._items import network_items
from samspil.viz.views.base import MapView

__all__ = ["find_actor", "neighbourhood_view"]

#: A neighbourhood goes on through these; IN_REGION and ADDRESSES end a path (a region or a
#: theme would pull in every municipality or solution it holds).
_THROUGH_TYPES = frozenset({"OWNS", "PARTNER_IN", "SPREAD_TO", "INSPIRED_BY", "NOMINATED",
                            "MENTIONS", "PART_OF", "CONTACT_FOR"})


def find_actor(g: nx.MultiDiGraph, text: str) -> str:
    """The actor a user named: its id, its name, or a unique part of its name.

    Parameters
    ----------
    g : networkx.MultiDiGraph
    text : str
        ``"municipality-0621"``, ``"Kolding Kommune"``, ``"kolding"``.

    Returns
    -------
    str
        The actor's id.

    Raises
    ------
    SamspilError
        If no actor matches, or a part of a name matches several (the message lists them).

    Examples
    --------
    >>> from samspil.testing.toys import toy_graph
    >>> find_actor(toy_graph(), "kolding"), find_actor(toy_graph(), "municipality-0621")
    ('municipality-0621', 'municipality-0621')
    """
    actors = sorted(n for n in g if "Actor" in labels_of(g, n))
    if text in actors:
        return text
    key = name_key(text)
    exact = [a for a in actors if name_key(name_of(g, a)) == key]
    if len(exact) == 1:
        return exact[0]
    partial = exact or [a for a in actors if key and key in name_key(name_of(g, a))]
    if len(partial) == 1:
        return partial[0]
    if not partial:
        raise SamspilError(f"no actor called {text!r}; `samspil cases --json` lists the actors of each case")
    names = sorted(name_of(g, a) for a in partial)
    raise SamspilError(f"{text!r} matches {len(partial)} actors: " + "; ".join(names[:8])
                       + ("; ..." if len(names) > 8 else ""))


def neighbourhood_view(g: nx.MultiDiGraph, actor: str, *, depth: int = 1,
                       include_contacts: bool = False, size_by: str = "degree") -> MapView:
    """One actor and what lies within ``depth`` steps of it in the whole network.

    A step goes through a solution, a partner, a parent or unit, a spread or an
    inspiration; a region (IN_REGION) or a theme (ADDRESSES) is shown but not gone through,
    or the second step would bring in every municipality of the region.

    Parameters
    ----------
    g : networkx.MultiDiGraph
    actor : str
        The actor's id or name (see :func:`find_actor`).
    depth : int
        1 or 2.
    include_contacts : bool
        As in :func:`network_view`.
    size_by : str
        As in :func:`network_view`, measured in the whole network.

    Returns
    -------
    MapView
        The nodes within reach and every edge of the whole network between them; the actor
        itself is drawn larger and with a thick border.

    Raises
    ------
    SamspilError
        For an unknown actor or a depth other than 1 or 2.

    Examples
    --------
    >>> from samspil.testing.toys import toy_graph
    >>> v = neighbourhood_view(toy_graph(), "Vejen Kommune")
    >>> sorted(n["name"] for n in v.nodes if n["group"] == "solution")
    ['Spisegrupper', 'Talentudvikling', 'Talentudvikling i Vejen']
    """
    if depth not in (1, 2):
        raise SamspilError(f"depth must be 1 or 2, not {depth}")
    centre = find_actor(g, actor)
    text = ViewText(g, include_contacts)
    ids, pairs, relations = folded_network(g, include_contacts)
    through: dict[str, set[str]] = defaultdict(set)
    ends: dict[str, set[str]] = defaultdict(set)
    for r in relations:
        bucket = through if r.type in _THROUGH_TYPES else ends
        bucket[r.source].add(r.target)
        bucket[r.target].add(r.source)
    reached = {centre: 0}
    frontier = [centre]
    for step in range(1, depth + 1):
        nxt = []
        for n in frontier:
            for m in sorted(through[n]):
                if m not in reached:
                    reached[m] = step
                    nxt.append(m)
            for m in sorted(ends[n]):       # shown, not gone through
                reached.setdefault(m, step)
        frontier = nxt
    keep = sorted(reached)
    sub_pairs = {p: rels for p, rels in pairs.items() if p[0] in reached and p[1] in reached}
    sizes = scale_sizes(size_measure(size_by, ids, pairs))
    sub_relations = [r for r in relations if r.source in reached and r.target in reached]
    nodes, edges = network_items(text, keep, sub_pairs, sub_relations, sizes)
    for n in nodes:
        n["step"] = str(reached[n["id"]])
        if n["id"] == centre:
            n.update(size=MAX_SIZE + 6, borderWidth=4, font={"size": 18, "bold": True},
                     color={**n["color"], "border": "#111111"}, labelled=True)
    return MapView(
        view="neighbourhood", title=f"Nabolag: {text.name(centre)}", nodes=nodes, edges=edges,
        legend=kind_legend({n["group"] for n in nodes}),
        controls=[{"field": "step", "label": "Afstand", "order": ["0", "1", "2"],
                   "labels": {"0": "Aktøren selv", "1": "1 skridt", "2": "2 skridt"}},
                  sector_control(), rel_control({e["rel"] for e in edges})],
        subtitle=(f"{depth} skridt fra {text.name(centre)} (stor, tyk kant) · Farve og form: type · "
                  f"Størrelse: {MEASURE_WORDS[size_by]} i hele netværket"),
        notices=[] if len(nodes) > 1 else ["Grafen kender endnu ingen forbindelser til aktøren."])
