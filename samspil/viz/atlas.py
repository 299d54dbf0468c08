"""The atlas: every map of a graph as a small static site a strategist can open or publish.

``write_atlas(g, "atlas/")`` writes::

    atlas/index.html               links to everything, with a line on each map
    atlas/network.html             the whole network
    atlas/cross-sector.html        collaboration across sectors
    atlas/candidates.html          the Find & Forstør candidates as a map
    atlas/candidates-table.html    ... and as a table with every score component
    atlas/spread/<solution>.html   one spread map per solution that spread or drew interest
    atlas/actors/<actor>.html      the neighbourhood of the most connected actors
    atlas/places/<place>.html      every municipality and region (:mod:`samspil.viz.places`)
    atlas/atlas.json               the list of pages (title, view, nodes, edges, bytes)

Links are relative, so the folder works from ``file://`` and from any web server. The
index and the table are plain HTML with no script at all; every text from the graph is
escaped. Pages that an earlier atlas wrote in the same folder (listed in its
``atlas.json``) and that this one does not write are removed, so no stale map stays
linked from nowhere; no other file is touched.
"""

from __future__ import annotations

import html
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from samspil.core.atomic import write_atomic
from samspil.core.identity import slugify
from samspil.viz.assets import fill, inline_text, static_text
from samspil.viz.maps import MAX_NODES, write_map
from samspil.viz.views import (
    MapView,
    candidates_view,
    cross_sector_view,
    network_view,
    neighbourhood_view,
    redact_contacts,
    spread_view,
)

__all__ = ["AtlasPage", "write_atlas", "render_static"]

MANIFEST = "atlas.json"
_COMPONENT_WORDS = {"effect": "Effekt", "collaboration": "Samarbejde", "spread": "Spredning",
                    "capacity": "Kapacitet", "recency": "Aktualitet", "contact": "Kontakt"}


@dataclass(frozen=True)
class AtlasPage:
    """One page of the atlas: its path inside the folder, title, view and size."""

    path: str
    title: str
    view: str
    nodes: int
    edges: int
    bytes: int


# No script, no remote anything: the policy says so, and a browser enforces it.
_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"


def render_static(title: str, body: str, *, lead: str = "") -> str:
    """A plain HTML page of the atlas (no script): the title and lead are escaped here, the
    body must be markup built with :func:`html.escape` by the caller. The page is the
    template ``samspil/viz/static/atlas.html`` with ``atlas.css`` inline.

    Examples
    --------
    >>> page = render_static("A & B", "<p>x</p>", lead="<i>")
    >>> "<h1>A &amp; B</h1>" in page and "&lt;i&gt;" in page and "<script" not in page
    True
    """
    lead_html = f'<p class="lead">{html.escape(lead)}</p>\n' if lead else ""
    return fill(static_text("atlas.html"), {"CSP": _CSP, "TITLE": html.escape(title),
                                            "CSS": inline_text("atlas.css"), "LEAD": lead_html,
                                            "BODY": body})


def _link(href: str, text: str) -> str:
    return f'<a href="{html.escape(href)}">{html.escape(text)}</a>'


def _file_name(node_id: str, taken: set[str]) -> str:
    base = slugify(node_id.split("-", 1)[-1] if "-" in node_id else node_id)[:80] or "side"
    name, i = base, 2
    while name in taken:
        name, i = f"{base}-{i}", i + 1
    taken.add(name)
    return f"{name}.html"


def _count(view: MapView) -> str:
    return f"{len(view.nodes)} noder, {len(view.edges)} forbindelser"


def _candidate_table(g: nx.MultiDiGraph, ranked: list[dict[str, Any]], spread_pages: dict[str, str]) -> str:
    solution_of = {u: v for u, v, d in g.edges(data=True) if d["type"] == "DESCRIBES"}
    head = "".join(f'<th class="num">{html.escape(w)}</th>' for w in _COMPONENT_WORDS.values())
    rows = []
    for r in ranked:
        sol = solution_of.get(r["id"])
        title = html.escape(redact_contacts(r["title"]))
        if sol in spread_pages:
            title += "<br>" + _link(spread_pages[sol], "spredningskort")
        points = "".join(f'<td class="num">{r["points"].get(k, 0):g}</td>' for k in _COMPONENT_WORDS)
        rows.append(f'<tr><td class="num">{r["rank"]}</td><td>{title}<div class="meta">{html.escape(r["id"])}'
                    f'{" · " + str(r["year"]) if r.get("year") else ""}</div></td>'
                    f'<td class="num"><b>{r["score"]:g}</b></td>{points}'
                    f'<td>{html.escape(redact_contacts(r["reason"]))}</td>'
                    f'<td>{html.escape(", ".join(r.get("regions") or []))}</td></tr>')
    return (f'<nav>{_link("index.html", "← Atlas")} · {_link("candidates.html", "kandidaterne som kort")}</nav>'
            '<p class="note">Point pr. komponent (vægtet andel af scoren, 0–100 i alt). '
            "«Spredning» tæller kun løsninger, der er taget i brug andre steder. "
            "Kontaktpersoner vises ikke.</p>"
            f'<table><thead><tr><th class="num">#</th><th>Case</th><th class="num">Score</th>{head}'
            f"<th>Hvorfor</th><th>Regioner</th></tr></thead><tbody>{''.join(rows)}</tbody></table>")


def write_atlas(g: nx.MultiDiGraph, out_dir: str | os.PathLike[str], *, seed: int = 1,
                max_nodes: int = MAX_NODES, aggregate_by: str = "community", include_contacts: bool = False,
                top: int = 15, actors: int = 12, ranked: list[dict[str, Any]] | None = None) -> list[AtlasPage]:
    """Write the atlas of a graph to a folder.

    Parameters
    ----------
    g : networkx.MultiDiGraph
        A Samspil graph.
    out_dir : str or PathLike
        The folder (made when missing).
    seed, max_nodes, aggregate_by
        As in :func:`samspil.viz.maps.prepare`, for every map.
    include_contacts : bool
        Draw contact persons in the network and neighbourhood maps (personal data).
    top : int
        Candidates on the candidate map (the table lists all).
    actors : int
        Neighbourhood maps for this many actors, the most connected first.
    ranked : list of dict, optional
        :func:`samspil.queries.candidates.rank_candidates` rows; ranked here when omitted.

    Returns
    -------
    list of AtlasPage
        Every page written, the index first.

    Examples
    --------
    >>> import tempfile
    >>> from samspil.testing.toys import toy_graph, toy_records
    >>> from samspil.queries.candidates import rank_candidates
    >>> g = toy_graph()
    >>> pages = write_atlas(g, tempfile.mkdtemp(), actors=2, ranked=rank_candidates(g, records=toy_records()))
    >>> [p.path for p in pages][:3], sum(p.path.startswith("spread/") for p in pages)
    (['index.html', 'network.html', 'cross-sector.html'], 1)
    """
    from samspil.queries.analytics.spread import spread_paths
    from samspil.queries.candidates import rank_candidates
    from samspil.viz.places import places_index, write_places  # it renders with render_static

    root = Path(out_dir)
    root.mkdir(parents=True, exist_ok=True)
    ranked = rank_candidates(g) if ranked is None else ranked
    pages: list[AtlasPage] = []

    def put(rel: str, view: MapView) -> MapView:
        back = "../index.html" if "/" in rel else "index.html"
        path, drawn = write_map(view, root / rel, seed=seed, max_nodes=max_nodes, aggregate_by=aggregate_by,
                                links=[(back, "← Atlas")])
        pages.append(AtlasPage(rel, drawn.title, drawn.view, len(drawn.nodes), len(drawn.edges),
                               path.stat().st_size))
        return drawn

    full = network_view(g, include_contacts=include_contacts)
    whole = put("network.html", full)
    cross = put("cross-sector.html", cross_sector_view(g))
    cand = put("candidates.html", candidates_view(g, top=top, ranked=ranked))

    taken: set[str] = set()
    spread_items, spread_pages = [], {}
    for p in spread_paths(g):
        rel = "spread/" + _file_name(p["solution"], taken)
        drawn = put(rel, spread_view(g, p["solution"]))
        spread_pages[p["solution"]] = rel
        spread_items.append((p, rel, drawn))

    # The most connected actors of the whole network (before any aggregation).
    actor_nodes = sorted((n for n in full.nodes if "Actor" in g.nodes[n["id"]].get("labels", ())),
                         key=lambda n: (-n["size"], n["name"]))[:actors]
    actor_items = []
    taken = set()
    for n in actor_nodes:
        rel = "actors/" + _file_name(n["id"], taken)
        drawn = put(rel, neighbourhood_view(g, n["id"], depth=2, include_contacts=include_contacts))
        actor_items.append((n["name"], rel, drawn))

    table_html = render_static("Kandidater til Find & Forstør", _candidate_table(g, ranked, spread_pages),
                               lead=f"{len(ranked)} cases rangeret efter en gennemsigtig score.")
    write_atomic(root / "candidates-table.html", table_html)
    pages.append(AtlasPage("candidates-table.html", "Kandidater til Find & Forstør", "table", 0, 0,
                           len(table_html.encode("utf-8"))))

    place_pages = write_places(g, root)
    pages.extend(AtlasPage(p.path, p.name, "place", 0, 0, p.bytes) for p in place_pages)

    index_html = _index(g, whole, cross, cand, len(ranked), spread_items, actor_items, include_contacts,
                        places_index(place_pages))
    write_atomic(root / "index.html", index_html)
    pages.insert(0, AtlasPage("index.html", "Samspil-atlas", "index", 0, 0, len(index_html.encode("utf-8"))))
    _prune(root, {p.path for p in pages})
    write_atomic(root / MANIFEST, json.dumps([p.__dict__ for p in pages], ensure_ascii=False, indent=1) + "\n")
    return pages


def _prune(root: Path, keep: set[str]) -> None:
    """Remove the pages an earlier atlas listed and this one did not write."""
    try:
        old = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
        listed = {str(p["path"]) for p in old}
    except (OSError, ValueError, TypeError, KeyError):
        return
    for rel in sorted(listed - keep):
        target = (root / rel).resolve()
        # Only .html files inside this folder, as an atlas writes them.
        if target.suffix == ".html" and root.resolve() in target.parents and target.is_file():
            target.unlink()


def _index(g: nx.MultiDiGraph, whole: MapView, cross: MapView, cand: MapView, n_ranked: int,
           spread_items: Sequence[tuple[dict[str, Any], str, MapView]],
           actor_items: Sequence[tuple[str, str, MapView]], include_contacts: bool, places_html: str) -> str:
    labels = [label for _, d in g.nodes(data=True) for label in d.get("labels", ())]
    counts = {k: labels.count(k) for k in ("Case", "Solution", "Actor")}
    parts = ["<h2>Kort</h2><ul>",
             f"<li>{_link('network.html', 'Hele netværket')} — aktører, løsninger og temaer; farve efter "
             f"type. <span class=\"meta\">{_count(whole)}</span></li>",
             f"<li>{_link('cross-sector.html', 'Samspil på tværs af sektorer')} — hvem laver løsninger "
             f"sammen, og hvilke samarbejder krydser en sektorgrænse. <span class=\"meta\">{_count(cross)}"
             "</span></li>",
             f"<li>{_link('candidates.html', 'Kandidater til Find & Forstør')} — de bedst placerede cases "
             f"og aktørerne bag dem. <span class=\"meta\">{_count(cand)}</span></li>",
             f"<li>{_link('candidates-table.html', 'Kandidattabel')} — alle {n_ranked} cases med score, "
             "point pr. komponent og begrundelse.</li></ul>"]
    spread = [x for x in spread_items if x[0]["adopted"]]
    interest = [x for x in spread_items if not x[0]["adopted"]]
    parts.append("<h2>Spredning</h2>")
    if not spread_items:
        parts.append("<p>Grafen kender endnu ingen spredning.</p>")
    for heading, items in (("Spredt: taget i brug andre steder eller videreudviklet", spread),
                           ("Kun interesse, besøg eller inspiration", interest)):
        if not items:
            continue
        parts.append(f"<p><b>{html.escape(heading)}</b></p><ul>")
        for p, rel, drawn in items:
            who = ", ".join(p["originators"][:3]) + (" m.fl." if len(p["originators"]) > 3 else "")
            parts.append(f"<li>{_link(rel, p['title'])} <span class=\"meta\">{html.escape(who)} · spredt "
                         f"{p['adopted']}, interesse {p['interest']} · {_count(drawn)}</span></li>")
        parts.append("</ul>")
    parts.append("<h2>Aktørernes nabolag</h2><p class=\"meta\">De mest forbundne aktører og alt inden for "
                 "to skridt. Andre aktører: <code>samspil map neighbourhood NAVN</code>.</p><ul>")
    parts.extend(f"<li>{_link(rel, name)} <span class=\"meta\">{_count(drawn)}</span></li>"
                 for name, rel, drawn in actor_items)
    parts.append("</ul>")
    parts.append(places_html)
    privacy = ("Kontaktpersoner (personoplysninger) ER med på netværks- og nabolagskortene."
               if include_contacts else "Kontaktpersoner og deres telefonnumre og e-mails er ikke med.")
    parts.append(f'<p class="note">{html.escape(privacy)} Kortene virker uden net: alt er indlejret i '
                 "hver fil.</p>")
    lead = (f"{counts['Case']} cases, {counts['Solution']} løsninger og {counts['Actor']} aktører "
            "i dansk offentlig innovation — hvem der samarbejder, og hvor løsningerne spreder sig.")
    return render_static("Samspil-atlas", "\n".join(parts), lead=lead)
