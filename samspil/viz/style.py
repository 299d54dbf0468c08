"""How the maps look: Danish words, colours, shapes and line styles for kinds, sectors and
relationships.

One table per thing a reader decodes on a map, so every view speaks the same visual
language: a blue dot is a municipality, a dark hexagon a region, an orange star a company, a
red diamond a solution, and a node's border is its sector; a solid dark line is "ejer", a
green arrow is spread, a dashed purple one inspiration. Colours come from the colour-blind-
aware Tableau families where possible and are always paired with a second cue (shape,
lightness, dash or label), so no meaning rests on hue alone and a grey print still reads.
"""

from __future__ import annotations

from typing import Any, TypedDict

from samspil.viz.page import FilterControl, LegendEntry

__all__ = [
    "KIND_STYLES",
    "SECTOR_STYLES",
    "REL_STYLES",
    "REL_ORDER",
    "SECTOR_PAIR_COLORS",
    "SECTOR_RINGS",
    "kind_legend",
    "node_colors",
    "sector_legend",
    "rel_control",
    "sector_control",
    "kind_control",
    "rel_key",
    "edge_style",
    "sector_pair_label",
    "sector_pair_color",
]


class KindStyle(TypedDict):
    """Label, colour and vis-network shape of one kind of node."""

    label: str
    color: str
    shape: str


class RelStyle(TypedDict):
    """Danish label, colour and dash pattern of one relationship (``dashes`` False = solid)."""

    label: str
    color: str
    dashes: Any


#: Node groups in legend order: the actor kinds of the model, then the other node kinds.
#: Every kind has its own hue AND its own shape or lightness, so a map printed in grey
#: still tells a region (dark hexagon) from a municipality (mid dot) from a unit (pale dot);
#: the sector is a second channel, the node's border (:data:`SECTOR_RINGS`).
KIND_STYLES: dict[str, KindStyle] = {
    "municipality": {"label": "Kommune", "color": "#1f77b4", "shape": "dot"},
    "region": {"label": "Region", "color": "#08306b", "shape": "hexagon"},
    "hospital": {"label": "Hospital", "color": "#9edae5", "shape": "square"},
    "state_agency": {"label": "Statslig myndighed", "color": "#393b79", "shape": "triangleDown"},
    "unit": {"label": "Enhed", "color": "#c6dbef", "shape": "dot"},
    "network": {"label": "Netværk", "color": "#bdbdbd", "shape": "hexagon"},
    "company": {"label": "Virksomhed", "color": "#ff7f0e", "shape": "star"},
    "foundation": {"label": "Fond", "color": "#2ca02c", "shape": "triangle"},
    "association": {"label": "Forening", "color": "#98df8a", "shape": "triangleDown"},
    "knowledge_institution": {"label": "Vidensinstitution", "color": "#9467bd", "shape": "square"},
    "solution": {"label": "Løsning", "color": "#d62728", "shape": "diamond"},
    "theme": {"label": "Tema", "color": "#dbdb8d", "shape": "triangle"},
    "person": {"label": "Kontaktperson", "color": "#e377c2", "shape": "square"},
    # An unnamed group of receivers or partners ("3 kommuner"): one node, drawn apart from named actors.
    "group": {"label": "Gruppe", "color": "#c5b0d5", "shape": "hexagon"},
    "community": {"label": "Fællesskab", "color": "#8c564b", "shape": "dot"},
}

SECTOR_STYLES: dict[str, KindStyle] = {
    "public": {"label": "Offentlig", "color": "#1f77b4", "shape": "dot"},
    "private": {"label": "Privat", "color": "#ff7f0e", "shape": "dot"},
    "civil": {"label": "Civilsamfund", "color": "#2ca02c", "shape": "dot"},
    "knowledge": {"label": "Viden", "color": "#9467bd", "shape": "dot"},
}


class RingStyle(TypedDict):
    """The border an actor's sector gives its node: a colour and a dash pattern."""

    color: str
    dashes: Any


#: The border of an actor's node by sector. Dark colours and a dash pattern each, so the
#: sector still reads in grey print and on a node whose fill has a similar hue.
SECTOR_RINGS: dict[str, RingStyle] = {
    "public": {"color": "#08306b", "dashes": False},
    "private": {"color": "#a63603", "dashes": [5, 3]},
    "civil": {"color": "#006d2c", "dashes": [2, 2]},
    "knowledge": {"color": "#54278f", "dashes": [8, 3, 2, 3]},
}

#: Relationship keys (``TYPE`` or ``TYPE:role/status``) strongest first: when one pair of
#: nodes has several relationships, the map draws one line in the style of the strongest.
REL_STYLES: dict[str, RelStyle] = {
    "OWNS": {"label": "ejer / udviklede", "color": "#37474f", "dashes": False},
    "PARTNER_IN": {"label": "partner i", "color": "#1f77b4", "dashes": False},
    "PARTNER_IN:funder": {"label": "finansierede", "color": "#b8860b", "dashes": False},
    "SPREAD_TO:adopted": {"label": "spredt til (taget i brug)", "color": "#2e7d32",
                          "dashes": False},
    "SPREAD_TO:interested": {"label": "interesseret", "color": "#66bb6a", "dashes": [8, 5]},
    "SPREAD_TO:visited": {"label": "besøgt", "color": "#66bb6a", "dashes": [2, 5]},
    "SPREAD_TO:inspired": {"label": "inspireret", "color": "#66bb6a", "dashes": [12, 4, 2, 4]},
    "INSPIRED_BY": {"label": "inspireret af", "color": "#8e24aa", "dashes": [8, 4]},
    "COLLABORATES_WITH": {"label": "samarbejder med", "color": "#90a4ae", "dashes": False},
    "NOMINATED": {"label": "indstillede", "color": "#ef6c00", "dashes": [4, 3]},
    "CONTACT_FOR": {"label": "kontaktperson for", "color": "#e377c2", "dashes": [2, 2]},
    "MENTIONS": {"label": "nævnt", "color": "#b0bec5", "dashes": [2, 3]},
    "PART_OF": {"label": "del af", "color": "#78909c", "dashes": [6, 3]},
    "IN_REGION": {"label": "ligger i", "color": "#cfd8dc", "dashes": False},
    "ADDRESSES": {"label": "handler om", "color": "#c0ca33", "dashes": [3, 3]},
}
REL_ORDER: tuple[str, ...] = tuple(REL_STYLES)

#: Colour of a collaboration tie by the two sectors it joins, keyed by the pair names of
#: :func:`samspil.queries.analytics.network.collaboration_ties` (sectors in ``SECTORS`` order);
#: ties inside one sector are grey so the ties that cross a border stand out.
SECTOR_PAIR_COLORS: dict[str, str] = {
    "public–private": "#ff7f0e",
    "public–civil": "#2ca02c",
    "public–knowledge": "#9467bd",
    "private–civil": "#8c564b",
    "private–knowledge": "#e377c2",
    "civil–knowledge": "#17becf",
}
_SAME_SECTOR_COLOR = "#b0b7bf"


def rel_key(rel_type: str, role: str | None = None, status: str | None = None) -> str:
    """The style key of a relationship: its type, refined by a funder role or spread status.

    Examples
    --------
    >>> rel_key("PARTNER_IN", role="funder"), rel_key("PARTNER_IN", role="partner")
    ('PARTNER_IN:funder', 'PARTNER_IN')
    >>> rel_key("SPREAD_TO", status="visited"), rel_key("SPREAD_TO")
    ('SPREAD_TO:visited', 'SPREAD_TO:adopted')
    """
    if rel_type == "PARTNER_IN" and role == "funder":
        return "PARTNER_IN:funder"
    if rel_type == "SPREAD_TO":
        key = f"SPREAD_TO:{status or 'adopted'}"
        return key if key in REL_STYLES else "SPREAD_TO:adopted"
    return rel_type


def edge_style(key: str, *, arrows: bool = True) -> dict[str, Any]:
    """vis-network edge fields (colour, dashes, arrow) for a relationship key.

    Examples
    --------
    >>> edge_style("INSPIRED_BY")["dashes"]
    [8, 4]
    >>> edge_style("IN_REGION", arrows=False)["arrows"]["to"]["enabled"]
    False
    """
    style = REL_STYLES.get(key, {"label": key, "color": "#9aa5b1", "dashes": False})
    return {
        "color": {"color": style["color"], "highlight": "#1b1f24", "hover": "#1b1f24"},
        "dashes": style["dashes"],
        "arrows": {"to": {"enabled": arrows, "scaleFactor": 0.6}},
    }


def sector_pair_label(pair: str) -> str:
    """Danish words for a sector pair such as ``"public–private"``.

    Examples
    --------
    >>> sector_pair_label("public–private"), sector_pair_label("public–public")
    ('offentlig–privat', 'inden for offentlig')
    """
    a, _, b = pair.partition("–")
    if a == b:
        return f"inden for {_sector_word(a)}"
    return f"{_sector_word(a)}–{_sector_word(b)}"


def sector_pair_color(pair: str) -> str:
    """Colour of a collaboration tie of this sector pair (grey inside one sector)."""
    return SECTOR_PAIR_COLORS.get(pair, _SAME_SECTOR_COLOR)


def _sector_word(sector: str) -> str:
    style = SECTOR_STYLES.get(sector)
    return style["label"].lower() if style else "ukendt"


def _legend(styles: dict[str, KindStyle], present: set[str] | None) -> list[LegendEntry]:
    return [
        {"group": key, "label": s["label"], "color": s["color"], "shape": s["shape"]}
        for key, s in styles.items()
        if present is None or key in present
    ]


def kind_legend(present: set[str] | None = None) -> list[LegendEntry]:
    """Legend entries (colour, shape, Danish label) for node kinds, in a fixed order.

    Parameters
    ----------
    present : set of str, optional
        Only these kinds (those on the map); all when omitted.

    Returns
    -------
    list of LegendEntry

    Examples
    --------
    >>> [e["label"] for e in kind_legend({"solution", "municipality"})]
    ['Kommune', 'Løsning']
    """
    return _legend(KIND_STYLES, present)


def sector_legend(present: set[str] | None = None) -> list[LegendEntry]:
    """Legend entries for the four sectors (for maps coloured by sector).

    Examples
    --------
    >>> [e["label"] for e in sector_legend()]
    ['Offentlig', 'Privat', 'Civilsamfund', 'Viden']
    """
    return _legend(SECTOR_STYLES, present)


def rel_control(present: set[str]) -> FilterControl:
    """An edge filter over the ``rel`` field, one line per relationship with its line style.

    Examples
    --------
    >>> c = rel_control({"OWNS", "SPREAD_TO:adopted"})
    >>> c["labels"]["OWNS"], c["styles"]["SPREAD_TO:adopted"]["color"]
    ('ejer / udviklede', '#2e7d32')
    """
    keys = [k for k in REL_ORDER if k in present] + sorted(present - set(REL_ORDER))
    return {
        "field": "rel",
        "label": "Relation",
        "target": "edges",
        "labels": {k: REL_STYLES[k]["label"] if k in REL_STYLES else k for k in keys},
        "styles": {k: {"color": REL_STYLES[k]["color"], "dashes": bool(REL_STYLES[k]["dashes"])}
                   for k in keys if k in REL_STYLES},
        "order": keys,
    }


def sector_control(*, none_label: str = "Ikke en aktør") -> FilterControl:
    """A node filter over the ``sector`` field with Danish sector names; each swatch is the
    border (ring) that sector gives a node (:data:`SECTOR_RINGS`).

    Examples
    --------
    >>> sector_control()["styles"]["private"]
    {'color': '#a63603', 'shape': 'dashed-ring'}
    """
    labels = {k: s["label"] for k, s in SECTOR_STYLES.items()}
    labels[""] = none_label
    return {
        "field": "sector",
        "label": "Sektor",
        "labels": labels,
        "styles": {k: {"color": r["color"], "shape": "ring" if not r["dashes"] else "dashed-ring"}
                   for k, r in SECTOR_RINGS.items()},
        "order": [*SECTOR_STYLES, ""],
    }


def kind_control() -> FilterControl:
    """A node filter over the ``kind`` field (for maps whose colour is not the kind)."""
    return {
        "field": "kind",
        "label": "Type",
        "labels": {k: s["label"] for k, s in KIND_STYLES.items()},
        "styles": {k: {"color": s["color"], "shape": s["shape"]} for k, s in KIND_STYLES.items()},
        "order": list(KIND_STYLES),
    }


def node_colors(kind: str | None, sector: str | None) -> dict[str, Any]:
    """vis-network fields that fill a node with its kind's colour and ring it in its sector's.

    Parameters
    ----------
    kind : str or None
        A key of :data:`KIND_STYLES` (others keep the group's colour).
    sector : str or None
        A key of :data:`SECTOR_RINGS`; a node without one (a solution, a theme) gets a thin
        grey border.

    Returns
    -------
    dict
        ``color`` (background, border, highlight, hover), ``borderWidth`` and
        ``shapeProperties.borderDashes``.

    Examples
    --------
    >>> c = node_colors("company", "private")
    >>> c["color"]["background"], c["color"]["border"], c["shapeProperties"]["borderDashes"]
    ('#ff7f0e', '#a63603', [5, 3])
    >>> node_colors("solution", None)["borderWidth"]
    1
    """
    fill = KIND_STYLES[kind]["color"] if kind in KIND_STYLES else "#9aa5b1"
    ring = SECTOR_RINGS.get(sector or "")
    border = ring["color"] if ring else "#57606a"
    both = {"background": fill, "border": border}
    return {"color": {**both, "highlight": dict(both), "hover": dict(both)},
            "borderWidth": 3 if ring else 1, "borderWidthSelected": 4 if ring else 2,
            "shapeProperties": {"borderDashes": ring["dashes"] if ring else False}}
