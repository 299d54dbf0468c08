"""Numbers for maps: node measures, communities and positions, computed with igraph.

Why igraph and not networkx here: measured on this project's 2-core machine, networkx's
``spring_layout`` takes about 9 s for 1 000 nodes and 72 s for 5 000 (its sparse
Fruchterman–Reingold loops over the nodes in Python), ``forceatlas2_layout`` 10 s and
180 s; igraph's Fruchterman–Reingold (C, grid-accelerated above 1 000 nodes) takes 0.4 s for
5 000. Betweenness likewise (design.md: networkx takes minutes at 2 000 nodes).

Every function takes node ids and pairs of ids (an undirected view of a map) and returns
plain dicts keyed by id. Whatever is random is drawn from a ``random.Random(seed)``, so the
same seed gives the same numbers.
"""

from __future__ import annotations

import contextlib
import math
import random
from collections.abc import Iterable, Iterator, Sequence

import igraph

__all__ = ["degrees", "betweenness", "communities", "force_layout"]

#: Typical length of an edge on the page, in vis-network's pixels at scale 1.
EDGE_LENGTH = 110.0


def _graph(ids: Sequence[str], pairs: Iterable[tuple[str, str]],
           weights: Iterable[float] | None = None) -> igraph.Graph:
    index = {n: i for i, n in enumerate(ids)}
    edges, kept = [], []
    for k, (a, b) in enumerate(pairs):
        if a in index and b in index and a != b:
            edges.append((index[a], index[b]))
            kept.append(k)
    h = igraph.Graph(n=len(ids), edges=edges, directed=False)
    if weights is not None:
        w = list(weights)
        h.es["weight"] = [float(w[k]) for k in kept]
    return h


@contextlib.contextmanager
def _seeded(seed: int) -> Iterator[random.Random]:
    """igraph draws from the generator it is given; give it our own for the duration."""
    rng = random.Random(seed)
    igraph.set_random_number_generator(rng)
    try:
        yield rng
    finally:
        igraph.set_random_number_generator(random)


def degrees(ids: Sequence[str], pairs: Iterable[tuple[str, str]]) -> dict[str, float]:
    """How many distinct others each node is tied to.

    Examples
    --------
    >>> degrees(["a", "b", "c"], [("a", "b"), ("a", "c"), ("b", "a")])
    {'a': 2.0, 'b': 1.0, 'c': 1.0}
    """
    h = _graph(ids, pairs)
    h.simplify()
    return {n: float(d) for n, d in zip(ids, h.degree())}


def betweenness(ids: Sequence[str], pairs: Iterable[tuple[str, str]]) -> dict[str, float]:
    """Betweenness centrality (hop counts, normalised as networkx does for undirected graphs).

    Examples
    --------
    >>> betweenness(["a", "b", "c"], [("a", "b"), ("b", "c")])
    {'a': 0.0, 'b': 1.0, 'c': 0.0}
    """
    h = _graph(ids, pairs)
    h.simplify()
    n = len(ids)
    scale = 2.0 / ((n - 1) * (n - 2)) if n > 2 else 1.0
    return {node: float(b) * scale for node, b in zip(ids, h.betweenness(directed=False))}


def communities(ids: Sequence[str], pairs: Sequence[tuple[str, str]],
                weights: Sequence[float] | None = None, *, seed: int = 1) -> dict[str, int]:
    """Community of each node by the Louvain method (igraph's multilevel), numbered by size.

    Parameters
    ----------
    ids : sequence of str
    pairs : sequence of (str, str)
    weights : sequence of float, optional
        One per pair.
    seed : int
        The method visits nodes in random order; the seed fixes it.

    Returns
    -------
    dict
        Node → community number, 0 for the largest community.

    Examples
    --------
    >>> c = communities(list("abcdef"), [("a", "b"), ("b", "c"), ("a", "c"),
    ...                                  ("d", "e"), ("e", "f"), ("d", "f"), ("c", "d")])
    >>> c["a"] == c["b"] == c["c"] != c["d"] == c["e"] == c["f"]
    True
    """
    h = _graph(ids, pairs, weights if weights is not None else [1.0] * len(pairs))
    h.simplify(combine_edges={"weight": "sum"})
    with _seeded(seed):
        membership = h.community_multilevel(weights="weight").membership if h.ecount() else list(range(len(ids)))
    sizes: dict[int, int] = {}
    for m in membership:
        sizes[m] = sizes.get(m, 0) + 1
    order = {m: i for i, m in enumerate(sorted(sizes, key=lambda m: (-sizes[m], m)))}
    return {n: order[m] for n, m in zip(ids, membership)}


def force_layout(ids: Sequence[str], pairs: Iterable[tuple[str, str]], *, seed: int = 1,
                 edge_length: float = EDGE_LENGTH) -> dict[str, tuple[float, float]]:
    """Positions by Fruchterman–Reingold, each connected part on its own, packed together.

    Laid out together, the small parts and lone nodes of a graph drift far from the main
    one and the fitted view shrinks it to a blot; so the largest part is placed first and
    the others in rows beneath it, largest first.

    Parameters
    ----------
    ids : sequence of str
    pairs : iterable of (str, str)
    seed : int
        Start positions and the method's random choices come from it: same seed, same map.
    edge_length : float
        The median edge length of each part (pixels at zoom 1); also the gap between parts.

    Returns
    -------
    dict
        Node → (x, y), the largest part centred on 0.

    Examples
    --------
    >>> pos = force_layout(["a", "b", "c", "d"], [("a", "b"), ("b", "c")], seed=7)
    >>> pos == force_layout(["a", "b", "c", "d"], [("a", "b"), ("b", "c")], seed=7)
    True
    >>> pair = force_layout(["a", "b"], [("a", "b")])
    >>> round(math.dist(pair["a"], pair["b"]), 6)
    110.0
    """
    if not ids:
        return {}
    h = _graph(ids, pairs)
    h.simplify()
    parts = sorted(h.connected_components(), key=lambda c: (-len(c), c[0]))
    placed: list[tuple[list[int], list[tuple[float, float]]]] = []
    with _seeded(seed) as rng:
        for members in parts:
            placed.append((members, _part_layout(h.induced_subgraph(members), rng, edge_length)))
    out: dict[str, tuple[float, float]] = {}
    gap = edge_length
    first_members, first = placed[0]
    width = max(x for x, _ in first) - min(x for x, _ in first)
    total = sum((_extent(c)[0] + gap) * (_extent(c)[1] + gap) for _, c in placed[1:])
    shelf = max(width, math.sqrt(total))
    left = min(x for x, _ in first)
    x0, y0, row_h = left, max(y for _, y in first) + gap, 0.0
    for members, coords in placed:
        if members is first_members:
            dx, dy = 0.0, 0.0
        else:
            w, hgt = _extent(coords)
            if x0 > left and x0 + w > left + shelf:      # next row
                x0, y0, row_h = left, y0 + row_h + gap, 0.0
            dx = x0 - min(x for x, _ in coords)
            dy = y0 - min(y for _, y in coords)
            x0 += w + gap
            row_h = max(row_h, hgt)
        for i, (x, y) in zip(members, coords):
            out[ids[i]] = (round(x + dx, 2), round(y + dy, 2))
    return out


def _extent(coords: Sequence[tuple[float, float]]) -> tuple[float, float]:
    xs = [x for x, _ in coords]
    ys = [y for _, y in coords]
    return max(xs) - min(xs), max(ys) - min(ys)


def _part_layout(h: igraph.Graph, rng: random.Random, edge_length: float) -> list[tuple[float, float]]:
    """Fruchterman–Reingold of one connected part, centred, median edge ``edge_length``."""
    n = h.vcount()
    if n == 1:
        return [(0.0, 0.0)]
    side = math.sqrt(n)
    start = [[rng.uniform(-side, side), rng.uniform(-side, side)] for _ in range(n)]
    # grid: exact repulsion below 1 000 nodes, cell-local above (linear time)
    coords = h.layout_fruchterman_reingold(seed=start, niter=500 if n <= 1000 else 300, grid="auto").coords
    lengths = sorted(math.dist(coords[a], coords[b]) for a, b in h.get_edgelist())
    typical = lengths[len(lengths) // 2] if lengths else _nearest_spacing(coords)
    factor = edge_length / typical if typical > 0 else edge_length
    cx = sum(x for x, _ in coords) / n
    cy = sum(y for _, y in coords) / n
    return [((x - cx) * factor, (y - cy) * factor) for x, y in coords]


def _nearest_spacing(coords: Sequence[Sequence[float]]) -> float:
    """A typical distance between neighbouring points, for a layout without edges."""
    xs = sorted(x for x, _ in coords)
    ys = sorted(y for _, y in coords)
    width, height = xs[-1] - xs[0], ys[-1] - ys[0]
    return math.sqrt(max(width * height, 1e-9) / len(coords))
