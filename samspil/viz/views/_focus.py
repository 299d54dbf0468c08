"""What the focus panel of a map shows for one node, and how a name is told apart.

A strategist clicks a node and the page's side panel (``static/focus.js``) shows its facts
(kind, sector, region) and lists of what it is tied to — partners, solutions, cases — each
with an evidence quote and a link that focuses that one. The lists are made here, from the
relations the map already reads, and travel with the node as plain data (``facts`` and
``focus``); the page only builds text nodes from them.

Helpers of :mod:`samspil.viz.views`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from samspil.core.identity import name_key
from samspil.viz.views._shared import (
    Relation,
    ViewText,
    clip,
    group_of,
    kind_word,
    sector_word,
)

__all__ = ["FOCUS_ITEMS", "focus_of", "homonyms"]

#: Items of one list in the panel before "… og N til".
FOCUS_ITEMS = 25
_QUOTE = 220

#: The role of the *other* end, said from the focused node, by relation key and which end
#: the other one is.
_OTHER_ROLE = {
    ("OWNS", "source"): "ejer", ("OWNS", "target"): "ejer den",
    ("PARTNER_IN", "source"): "partner", ("PARTNER_IN", "target"): "partner i den",
    ("PARTNER_IN:funder", "source"): "finansierer", ("PARTNER_IN:funder", "target"): "finansierer den",
    ("SPREAD_TO:adopted", "target"): "tog den i brug", ("SPREAD_TO:adopted", "source"): "tog den i brug",
    ("SPREAD_TO:interested", "target"): "interesseret", ("SPREAD_TO:interested", "source"): "interesseret",
    ("SPREAD_TO:visited", "target"): "på besøg", ("SPREAD_TO:visited", "source"): "på besøg",
    ("SPREAD_TO:inspired", "target"): "inspireret", ("SPREAD_TO:inspired", "source"): "inspireret",
    ("INSPIRED_BY", "target"): "inspirationskilde", ("INSPIRED_BY", "source"): "inspireret af den",
    ("NOMINATED", "source"): "indstiller", ("NOMINATED", "target"): "indstillede den",
    ("MENTIONS", "target"): "nævnt", ("MENTIONS", "source"): "nævnt",
    ("PART_OF", "target"): "overordnet", ("PART_OF", "source"): "enhed",
    ("IN_REGION", "target"): "region", ("IN_REGION", "source"): "kommune i regionen",
    ("ADDRESSES", "target"): "tema", ("ADDRESSES", "source"): "løsning om temaet",
}
#: Relations through which two actors are partners: they made the same solution.
_MAKERS = frozenset({"OWNS", "PARTNER_IN", "PARTNER_IN:funder"})
_SECTIONS = (("actor", "Aktører"), ("solution", "Løsninger"), ("theme", "Temaer"), ("person", "Personer"))


def homonyms(g: Any, ids: Iterable[str], text: ViewText) -> dict[str, str]:
    """A name for each node whose name another node on the map shares, with what it is.

    "Café Ingeborg" the association and "Café Ingeborg" the solution become
    "Café Ingeborg (forening)" and "Café Ingeborg (løsning)"; two units "Teknik og Miljø"
    are told apart by what they are part of. Names compare without case and without a
    trailing parenthesis ("Digitaliseringsforening Sjælland (DIGIT)").

    Parameters
    ----------
    g : networkx.MultiDiGraph
    ids : iterable of str
        The nodes on the map.
    text : ViewText

    Returns
    -------
    dict
        Node id to its told-apart name, only for the nodes that needed one.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a", labels=("Actor", "Association"), kind="association", name="Café Ingeborg")
    >>> g.add_node("s", labels=("Solution",), name="Café Ingeborg")
    >>> homonyms(g, ["a", "s"], ViewText(g, False))
    {'a': 'Café Ingeborg (forening)', 's': 'Café Ingeborg (løsning)'}
    """
    ids = list(ids)
    key = {n: name_key(text.name(n).split(" (")[0]) for n in ids}
    shared = {k for k, c in Counter(key.values()).items() if c > 1}
    out = {n: f"{text.name(n)} ({kind_word(group_of(g, n)).lower()})" for n in ids if key[n] in shared}
    # The same kind twice: say where each one belongs instead.
    twice = {v for v, c in Counter(out.values()).items() if c > 1}
    for n, told in list(out.items()):
        if told in twice:
            parents = sorted(text.name(v) for _, v, d in g.out_edges(n, data=True) if d["type"] == "PART_OF")
            where = parents[0] if parents else str(g.nodes[n].get("region") or n)
            out[n] = f"{text.name(n)} ({where})"
    return out


def focus_of(text: ViewText, n: str, by_node: Mapping[str, list[Relation]],
             solution_of: Mapping[str, str], names: Mapping[str, str]) -> tuple[list[list[str]], list[dict[str, Any]]]:
    """The facts and the lists of the focus panel of one node.

    Parameters
    ----------
    text : ViewText
    n : str
        The node.
    by_node : mapping
        Each node's relations on the map (both ends).
    solution_of : mapping
        The solution each case describes (a case links to it).
    names : mapping
        The name each node has on the map.

    Returns
    -------
    (facts, sections)
        ``facts``: ``[label, value]`` pairs (Type, Sektor, Region, År). ``sections``:
        ``{"title": ..., "items": [{"id": ..., "text": ..., "quote": ...}], "more": N}``, each
        item's ``id`` a node of the map to focus next.

    Examples
    --------
    >>> from samspil.testing.toys import toy_graph
    >>> from samspil.viz.views import network_view
    >>> kolding = next(x for x in network_view(toy_graph()).nodes if x["name"] == "Kolding Kommune")
    >>> kolding["facts"][0], [s["title"] for s in kolding["focus"]]
    (['Type', 'Kommune'], ['Løsninger', 'Partnere', 'Aktører', 'Cases'])
    """
    g = text.g
    data = g.nodes[n]
    group = group_of(g, n)
    facts = [["Type", kind_word(group)]]
    if "Actor" in data.get("labels", ()):
        facts.append(["Sektor", sector_word(data.get("sector"))])
    if data.get("region") and data.get("kind") != "region":
        facts.append(["Region", str(data["region"])])
    if group == "solution" and data.get("year"):
        facts.append(["År", str(data["year"])])
    found: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    cases: dict[str, dict[str, Any]] = {}
    for r in by_node.get(n, ()):
        other, end = (r.target, "target") if r.source == n else (r.source, "source")
        _add(found[_section(g, other)], other, names.get(other, text.name(other)),
             _OTHER_ROLE.get((r.key, end), ""), r.evidence, text)
        if r.case and r.case not in cases:
            target = solution_of.get(r.case, "")
            cases[r.case] = {"id": target if target in names else "", "text": text.case(r.case),
                             "quote": text.clean(clip(r.evidence, _QUOTE)) if r.evidence else ""}
    sections = [{"title": "Løsninger", "items": list(found.pop("solution", {}).values())}]
    if group != "solution" and "Actor" in data.get("labels", ()):
        sections.append({"title": "Partnere", "items": _partners(text, n, by_node, names)})
    sections.extend({"title": title, "items": list(found.pop(key, {}).values())}
                    for key, title in _SECTIONS if key != "solution")
    sections.append({"title": "Cases", "items": list(cases.values())})
    return facts, [_cut(s) for s in sections if s["items"]]


def _section(g: Any, n: str) -> str:
    group = group_of(g, n)
    return group if group in ("solution", "theme", "person") else "actor"


def _add(bucket: dict[str, dict[str, Any]], other: str, name: str, role: str, evidence: str,
         text: ViewText) -> None:
    """One item per other node, its roles gathered and its first quote kept."""
    item = bucket.setdefault(other, {"id": other, "text": name, "roles": [], "quote": ""})
    if role and role not in item["roles"]:
        item["roles"].append(role)
    if evidence and not item["quote"]:
        item["quote"] = text.clean(clip(evidence, _QUOTE))


def _partners(text: ViewText, n: str, by_node: Mapping[str, list[Relation]],
              names: Mapping[str, str]) -> list[dict[str, Any]]:
    """The actors that made a solution with this one (owner, partner or funder of it)."""
    made = {r.target for r in by_node.get(n, ()) if r.source == n and r.key in _MAKERS}
    via: dict[str, list[str]] = defaultdict(list)
    for s in sorted(made):
        for r in by_node.get(s, ()):
            if r.target == s and r.key in _MAKERS and r.source != n and names.get(s) not in via[r.source]:
                via[r.source].append(names.get(s, text.name(s)))
    return [{"id": a, "text": names.get(a, text.name(a)), "roles": ["via " + "; ".join(sols)], "quote": ""}
            for a, sols in sorted(via.items(), key=lambda x: (-len(x[1]), names.get(x[0], x[0])))]


def _cut(section: dict[str, Any]) -> dict[str, Any]:
    items = section["items"]
    for item in items:
        roles = item.pop("roles", None)
        if roles:
            item["text"] = f"{item['text']} — {', '.join(roles)}"
    return {"title": section["title"], "items": items[:FOCUS_ITEMS],
            "more": max(0, len(items) - FOCUS_ITEMS)}
