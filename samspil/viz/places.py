"""A page per place for the atlas: every municipality and region of the graph.

A strategist in Holbæk wants Holbæk's page: who here takes part (the municipality and its
own units; a region with its hospitals and units), which solutions they made or joined,
who they made them with (by sector), and what spread from here and to here. All of it is
read from the graph's own relationships — OWNS, PARTNER_IN, NOMINATED, PART_OF, SPREAD_TO —
never from geography alone: the municipalities that merely lie in a region (IN_REGION) are
not its actors or partners.

The pages are plain HTML (no script), every text escaped, made with
:func:`samspil.viz.atlas.render_static` (the atlas imports this module when it writes).
"""

from __future__ import annotations

import html
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from samspil.core.atomic import write_atomic
from samspil.core.identity import slugify
from samspil.viz.atlas import render_static
from samspil.viz.views import redact_contacts
from samspil.viz.views._shared import kind_word, sector_word

__all__ = ["Place", "PlacePage", "places_of", "place_of", "render_place", "write_places", "places_index"]

_MAKES = {"OWNS": "ejer", "PARTNER_IN": "partner", "NOMINATED": "indstiller"}
_STATUS = {"adopted": "taget i brug", "inspired": "inspireret", "interested": "interesseret",
           "visited": "besøg"}
_SECTOR_ORDER = ("public", "private", "civil", "knowledge", "")
_QUOTE = 240


@dataclass
class Place:
    """What the graph says about one municipality or region.

    Attributes
    ----------
    id, name, kind, region : str
        The place's node, name, kind (``municipality`` or ``region``) and region ('' for a
        region or a place abroad).
    actors : list of str
        The place's own actors: itself and what is part of it (units, hospitals), any depth.
    solutions : dict
        Solution id to the words of what the place's actors did in it (ejer, partner, …).
    partners : dict
        Actor id (from elsewhere) to the solutions made with the place's actors.
    spread_from, spread_to : list of tuple
        ``(solution, receiver or maker, status, year, evidence)`` of each spread from one of
        the place's solutions, and to one of its actors.
    """

    id: str
    name: str
    kind: str
    region: str
    actors: list[str] = field(default_factory=list)
    solutions: dict[str, list[str]] = field(default_factory=dict)
    partners: dict[str, list[str]] = field(default_factory=dict)
    spread_from: list[tuple[str, str, str, int | None, str]] = field(default_factory=list)
    spread_to: list[tuple[str, str, str, int | None, str]] = field(default_factory=list)


@dataclass(frozen=True)
class PlacePage:
    """One written place page: the place, its path in the atlas, its region for the index."""

    id: str
    name: str
    kind: str
    region: str
    path: str
    bytes: int


def places_of(g: nx.MultiDiGraph) -> list[str]:
    """Every municipality and region of the graph, regions first, then by name.

    Examples
    --------
    >>> from samspil.testing.toys import toy_graph
    >>> [toy_graph().nodes[p]["name"] for p in places_of(toy_graph())][:2]
    ['Region Hovedstaden', 'Region Midtjylland']
    """
    found = [n for n, d in g.nodes(data=True) if d.get("kind") in ("municipality", "region")
             and "Actor" in d.get("labels", ())]
    return sorted(found, key=lambda n: (g.nodes[n]["kind"] != "region", str(g.nodes[n].get("name"))))


def _parts(g: nx.MultiDiGraph, place: str) -> list[str]:
    """The place and every actor part of it, at any depth (units of units)."""
    seen, todo = [place], [place]
    while todo:
        n = todo.pop()
        for u, _, d in g.in_edges(n, data=True):
            if d["type"] == "PART_OF" and u not in seen and "Actor" in g.nodes[u].get("labels", ()):
                seen.append(u)
                todo.append(u)
    return seen


def place_of(g: nx.MultiDiGraph, place: str) -> Place:
    """Read one place's actors, solutions, partners and spread from the graph.

    Parameters
    ----------
    g : networkx.MultiDiGraph
    place : str
        The id of a municipality or region.

    Returns
    -------
    Place

    Examples
    --------
    >>> from samspil.testing.toys import toy_graph
    >>> g = toy_graph()
    >>> kolding = next(p for p in places_of(g) if g.nodes[p]["name"] == "Kolding Kommune")
    >>> p = place_of(g, kolding)
    >>> sorted(g.nodes[s]["name"] for s in p.solutions)[:2], p.region
    (['Robotter i administrationen', 'Talentudvikling'], 'Region Syddanmark')
    """
    data = g.nodes[place]
    out = Place(place, str(data.get("name") or place), str(data.get("kind")),
                "" if data.get("kind") == "region" else str(data.get("region") or ""))
    out.actors = _parts(g, place)
    local = set(out.actors)
    solution_of = {u: v for u, v, d in g.edges(data=True) if d["type"] == "DESCRIBES"}
    roles: dict[str, list[str]] = defaultdict(list)
    for a in out.actors:
        for _, v, d in g.out_edges(a, data=True):
            word = _MAKES.get(d["type"])
            if d["type"] == "PARTNER_IN" and d.get("role") == "funder":
                word = "finansierer"
            sol = solution_of.get(v, v)
            if word and "Solution" in g.nodes[sol].get("labels", ()) and word not in roles[sol]:
                roles[sol].append(word)
    out.solutions = dict(sorted(roles.items(), key=lambda x: str(g.nodes[x[0]].get("name"))))
    partners: dict[str, list[str]] = defaultdict(list)
    for sol in out.solutions:
        for u, _, d in g.in_edges(sol, data=True):
            if d["type"] in ("OWNS", "PARTNER_IN") and u not in local and sol not in partners[u]:
                partners[u].append(sol)
        for _, v, d in g.out_edges(sol, data=True):
            if d["type"] == "SPREAD_TO":
                out.spread_from.append((sol, v, str(d.get("status") or "adopted"), d.get("year"),
                                        str(d.get("evidence") or "")))
    out.partners = dict(partners)
    for a in out.actors:
        for u, _, d in g.in_edges(a, data=True):
            if d["type"] == "SPREAD_TO":
                out.spread_to.append((u, a, str(d.get("status") or "adopted"), d.get("year"),
                                      str(d.get("evidence") or "")))
    return out


def _name(g: nx.MultiDiGraph, n: str) -> str:
    return redact_contacts(str(g.nodes[n].get("name") or g.nodes[n].get("description") or n))


def _quote(text: str) -> str:
    text = " ".join(redact_contacts(text).split())
    if not text:
        return ""
    short = text if len(text) <= _QUOTE else text[:_QUOTE - 1].rstrip() + "…"
    return f'<div class="meta">«{html.escape(short)}»</div>'


def _spread_rows(g: nx.MultiDiGraph, rows: list[tuple[str, str, str, int | None, str]], *, outgoing: bool) -> str:
    items = []
    for sol, other, status, year, evidence in rows:
        when = f", {year}" if year else ""
        if outgoing:
            head = f"<b>{html.escape(_name(g, sol))}</b> → {html.escape(_name(g, other))}"
        else:
            makers = sorted(_name(g, u) for u, _, d in g.in_edges(sol, data=True) if d["type"] == "OWNS")
            head = (f"<b>{html.escape(_name(g, sol))}</b> (fra {html.escape(', '.join(makers) or 'ukendt')})"
                    f" → {html.escape(_name(g, other))}")
        items.append(f"<li>{head} <span class=\"meta\">{html.escape(_STATUS.get(status, status))}{when}"
                     f"</span>{_quote(evidence)}</li>")
    return "<ul>" + "".join(items) + "</ul>"


def render_place(g: nx.MultiDiGraph, p: Place, *, back: str = "../index.html") -> str:
    """The HTML page of one place (plain, no script, every text escaped).

    Examples
    --------
    >>> from samspil.testing.toys import toy_graph
    >>> g = toy_graph()
    >>> page = render_place(g, place_of(g, places_of(g)[0]))
    >>> "<h1>Region Hovedstaden</h1>" in page and "<script" not in page
    True
    """
    parts = [f'<nav><a href="{html.escape(back)}">← Atlas</a></nav>']
    own = [a for a in p.actors if a != p.id]
    parts.append(f"<h2>Aktører her ({len(p.actors)})</h2><ul>")
    parts.extend(f"<li>{html.escape(_name(g, a))} <span class=\"meta\">"
                 f"{html.escape(kind_word(g.nodes[a].get('kind')))}</span></li>" for a in [p.id, *own])
    parts.append("</ul>")
    parts.append(f"<h2>Løsninger ({len(p.solutions)})</h2>")
    if p.solutions:
        parts.append("<ul>" + "".join(
            f"<li><b>{html.escape(_name(g, s))}</b> <span class=\"meta\">{html.escape(', '.join(words))}"
            f"{' · ' + str(g.nodes[s]['year']) if g.nodes[s].get('year') else ''}</span></li>"
            for s, words in p.solutions.items()) + "</ul>")
    else:
        parts.append("<p>Grafen kender ingen løsning, som stedets aktører har lavet eller været med i.</p>")
    parts.append(f"<h2>Partnere efter sektor ({len(p.partners)})</h2>")
    by_sector: dict[str, list[str]] = defaultdict(list)
    for a in p.partners:
        by_sector[str(g.nodes[a].get("sector") or "")].append(a)
    for sector in sorted(by_sector, key=lambda s: _SECTOR_ORDER.index(s) if s in _SECTOR_ORDER else 9):
        names = sorted(by_sector[sector], key=lambda a: _name(g, a))
        parts.append(f"<p><b>{html.escape(sector_word(sector).capitalize())}</b> ({len(names)})</p><ul>")
        parts.extend(f"<li>{html.escape(_name(g, a))} <span class=\"meta\">via "
                     f"{html.escape('; '.join(_name(g, s) for s in p.partners[a]))}</span></li>" for a in names)
        parts.append("</ul>")
    if not p.partners:
        parts.append("<p>Ingen partnere fra andre steder.</p>")
    parts.append(f"<h2>Spredt herfra ({len(p.spread_from)})</h2>")
    parts.append(_spread_rows(g, p.spread_from, outgoing=True) if p.spread_from
                 else "<p>Grafen kender ingen spredning af stedets løsninger.</p>")
    parts.append(f"<h2>Spredt hertil ({len(p.spread_to)})</h2>")
    parts.append(_spread_rows(g, p.spread_to, outgoing=False) if p.spread_to
                 else "<p>Grafen kender ingen løsning, der er spredt hertil.</p>")
    return render_static(p.name, "\n".join(parts), lead=kind_word(p.kind) + (f" i {p.region}" if p.region else ""))


def write_places(g: nx.MultiDiGraph, root: str | Path, folder: str = "places") -> list[PlacePage]:
    """Write a page for every municipality and region of the graph.

    Parameters
    ----------
    g : networkx.MultiDiGraph
    root : str or Path
        The atlas folder.
    folder : str
        The sub-folder of the pages.

    Returns
    -------
    list of PlacePage

    Examples
    --------
    >>> import tempfile
    >>> from samspil.testing.toys import toy_graph
    >>> pages = write_places(toy_graph(), tempfile.mkdtemp())
    >>> pages[0].path, pages[0].kind
    ('places/region-hovedstaden.html', 'region')
    """
    taken: set[str] = set()
    out = []
    for n in places_of(g):
        p = place_of(g, n)
        base = slugify(p.name)[:80] or "sted"
        slug, i = base, 2
        while slug in taken:
            slug, i = f"{base}-{i}", i + 1
        taken.add(slug)
        rel = f"{folder}/{slug}.html"
        text = render_place(g, p)
        write_atomic(Path(root) / rel, text)
        out.append(PlacePage(p.id, p.name, p.kind, p.region, rel, len(text.encode("utf-8"))))
    return out


def places_index(pages: list[PlacePage]) -> str:
    """The index's section of place pages: each region, then its municipalities.

    Examples
    --------
    >>> html_text = places_index([PlacePage("r", "Region X", "region", "", "places/x.html", 1),
    ...                           PlacePage("m", "Y Kommune", "municipality", "Region X", "places/y.html", 1)])
    >>> html_text.count("<li>"), html_text.count('<a href="places/')
    (1, 2)
    """
    regions = [p for p in pages if p.kind == "region"]
    towns: dict[str, list[PlacePage]] = defaultdict(list)
    for p in pages:
        if p.kind != "region":
            towns[p.region].append(p)
    parts = ["<h2>Steder</h2><p class=\"meta\">En side for hver kommune og region i grafen: aktører, "
             "løsninger, partnere efter sektor og hvad der er spredt til og fra stedet.</p>"]
    for r in regions:
        parts.append(f"<p><b><a href=\"{html.escape(r.path)}\">{html.escape(r.name)}</a></b></p><ul>")
        parts.extend(f"<li><a href=\"{html.escape(m.path)}\">{html.escape(m.name)}</a></li>"
                     for m in sorted(towns.pop(r.name, []), key=lambda m: m.name))
        parts.append("</ul>")
    for region, rest in sorted(towns.items()):
        parts.append(f"<p><b>{html.escape(region or 'Uden dansk region')}</b></p><ul>")
        parts.extend(f"<li><a href=\"{html.escape(m.path)}\">{html.escape(m.name)}</a></li>"
                     for m in sorted(rest, key=lambda m: m.name))
        parts.append("</ul>")
    return "".join(parts)
