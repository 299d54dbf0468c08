"""One self-contained, offline and injection-safe HTML page for a vis-network graph.

Every map of the project goes through :func:`render_page`; :func:`write_page` puts the result
on disk atomically.

Why not pyvis's own ``Network.write_html``: pyvis 0.3.2's template

* loads Bootstrap's CSS and JS from a CDN whatever ``cdn_resources`` says, and with
  ``cdn_resources="local"`` also vis-network itself;
* is rendered by a Jinja environment without autoescaping, so the heading, the page width and
  colour and the options go into the page raw (``{{heading}}``, ``{{options|safe}}``), and the
  heading is printed twice;
* switches to its own popup, which sets ``popup.innerHTML = nodeData[0].title``, as soon as one
  node title contains the letters ``href``.

So this module only borrows the vis-network 9.1.2 bundle that the pyvis package ships
(``pyvis/templates/lib/vis-9.1.2/``) and inlines it in its own page (the template
``samspil/viz/static/map.html`` with ``map.css`` and ``map.js``, see :mod:`samspil.viz.assets`),
in which

* the title, heading, subtitle, notices and header links are escaped with
  :func:`html.escape` (and a link must be relative);
* nodes, edges and options travel as JSON inside ``<script type="application/json">`` with
  ``<``, ``>``, ``&``, U+2028 and U+2029 written as ``\\u003c`` and so on, so no value can close
  the script element; the page's own script reads it with ``JSON.parse``;
* tooltips are built in the browser as elements whose ``textContent`` is the plain text
  (vis-network 9.x would also treat a string ``title`` as text, but the page never relies on
  that), and the legend, filters, search results and details panel use ``textContent`` only;
* a Content-Security-Policy allows exactly the page's two scripts (by SHA-256), no inline
  event handlers, and no network at all: ``default-src 'none'``.

The page exposes ``window.samspilNetwork`` (the ``vis.Network``), sets
``window.samspilStable = true`` once the initial layout (stabilisation) is done and drawn, or
at the first drawing when physics is off (with ``window.samspilStableMs``, milliseconds since
navigation start), ``window.samspilSettled = true`` when the physics simulation has come to
rest (vis-network's ``stabilized`` event; at once when physics is off), and
``window.samspilSearch(text)`` that does what the search box does and returns the found id.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import os
import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, TypedDict

from samspil.core.atomic import write_atomic
from samspil.viz.assets import fill, inline_text, static_text

__all__ = [
    "DEFAULT_PALETTE",
    "SWATCH_SHAPES",
    "APP_SCRIPTS",
    "LegendEntry",
    "FilterControl",
    "vis_network_assets",
    "render_page",
    "write_page",
]

#: Colours given, in order, to groups that neither the legend nor ``options["groups"]`` colours.
DEFAULT_PALETTE: tuple[str, ...] = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
    "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939",
)

_VIS_VERSION = "9.1.2"

#: Node shapes a legend swatch can draw (anything else is drawn as a dot).
SWATCH_SHAPES: tuple[str, ...] = ("dot", "diamond", "square", "triangle", "triangleDown", "star",
                                   "hexagon")
#: Swatches of a node filter that show a border, not a shape (the sector ring of a node).
_RING_SWATCHES: tuple[str, ...] = ("ring", "dashed-ring")

#: The page's own script files (``static/``), in order, inlined as one script: the map and
#: its controls, the labels that fit, the focus panel, the picture export.
APP_SCRIPTS: tuple[str, ...] = ("map.js", "labels.js", "focus.js", "export.js")


class LegendEntry(TypedDict, total=False):
    """One line of the legend, which is also one checkbox of the kind filter.

    ``group`` is the value of the nodes' ``group`` field (the node kind, e.g.
    ``"municipality"``), ``label`` the text shown (e.g. ``"Kommune"``), ``color`` a CSS colour,
    ``shape`` the vis-network shape of the group (one of :data:`SWATCH_SHAPES`; default dot),
    drawn in the legend's swatch too.
    """

    group: str
    label: str
    color: str
    shape: str


class FilterControl(TypedDict, total=False):
    """An extra checkbox filter over one field of the nodes or of the edges.

    ``field`` is the item field (e.g. ``"sector"`` or ``"type"``), ``label`` the heading of the
    checkbox group (e.g. ``"Sektor"``), ``target`` ``"nodes"`` (default) or ``"edges"``,
    ``labels`` an optional mapping from a field value to the text shown for it, ``styles`` an
    optional mapping from a value to its swatch (``{"color": ..., "shape": ...}`` for nodes,
    ``{"color": ..., "dashes": bool}`` for edges, drawn as a short line), and ``order`` the
    values in display order (values not in it follow, sorted by their text).
    """

    field: str
    label: str
    target: str
    labels: dict[str, str]
    styles: dict[str, dict[str, Any]]
    order: list[str]


# --------------------------------------------------------------------------------------------
# vis-network assets


def _pyvis_file(name: str) -> str:
    """Read one file of the vis-network bundle that the installed pyvis package ships."""
    root = resources.files("pyvis")
    for folder in ("templates/lib", "lib"):
        candidate = root.joinpath(f"{folder}/vis-{_VIS_VERSION}/{name}")
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8")
    raise FileNotFoundError(
        f"vis-network {_VIS_VERSION} ({name}) not found in the installed pyvis package; "
        "samspil needs pyvis==0.3.2"
    )


@lru_cache(maxsize=1)
def vis_network_assets() -> tuple[str, str]:
    """Return the vis-network JavaScript and CSS bundled with pyvis, checked for inlining.

    Returns
    -------
    tuple of str
        ``(javascript, css)`` of vis-network 9.1.2, read from the installed pyvis package.

    Raises
    ------
    FileNotFoundError
        When the installed pyvis does not ship vis-network 9.1.2.
    RuntimeError
        When the bundle holds a sequence that would end or upset an inline
        ``<script>``/``<style>`` element (``</script``, ``<!--``, ``</style``).

    Examples
    --------
    >>> js, css = vis_network_assets()
    >>> "vis-network" in js and ".vis-tooltip" in css
    True
    """
    js = _pyvis_file("vis-network.min.js")
    css = _pyvis_file("vis-network.css")
    lowered_js, lowered_css = js.lower(), css.lower()
    if "</script" in lowered_js or "<!--" in lowered_js:
        raise RuntimeError("vis-network.min.js cannot be inlined: it contains </script or <!--")
    if "</style" in lowered_css:
        raise RuntimeError("vis-network.css cannot be inlined: it contains </style")
    return js, css


# --------------------------------------------------------------------------------------------
# helpers


def _json_for_script(value: Any) -> str:
    """JSON text that is safe inside an HTML ``<script>`` element.

    ``<``, ``>`` and ``&`` become ``\\u003c``, ``\\u003e``, ``\\u0026`` (so neither
    ``</script>`` nor ``<!--`` can appear), U+2028 and U+2029 become ``\\u2028``/``\\u2029``.
    NaN and infinities are refused, since JSON.parse would refuse them.
    """
    text = json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _deep_merge(base: dict[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of ``base`` with ``override`` merged in; nested mappings merge, the rest replace."""
    out = dict(base)
    for key, value in override.items():
        if isinstance(value, Mapping) and isinstance(out.get(key), dict):
            out[key] = _deep_merge(out[key], value)
        elif isinstance(value, Mapping):
            out[key] = _deep_merge({}, value)
        else:
            out[key] = value
    return out


def _id_key(value: Any) -> tuple[str, str]:
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ValueError(f"node and edge ids must be str or int, not {type(value).__name__}: {value!r}")
    return (type(value).__name__, str(value))


def _has_position(node: Mapping[str, Any]) -> bool:
    x, y = node.get("x"), node.get("y")
    return all(
        isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) for v in (x, y)
    )


def _value_key(value: Any) -> str:
    """The string a filter groups a field value under ('' for a missing value)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (str, int, float)):
        return str(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


_DEFAULT_OPTIONS: dict[str, Any] = {
    "autoResize": True,
    "layout": {"randomSeed": 20190, "improvedLayout": True},
    "nodes": {
        "shape": "dot",
        "size": 14,
        "borderWidth": 1,
        "font": {"size": 14, "face": "DejaVu Sans, Arial, sans-serif", "color": "#1b1f24"},
    },
    "edges": {"width": 1, "color": {"color": "#9aa5b1", "highlight": "#2f3a45"}},
    "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False,
                    "keyboard": False, "multiselect": False},
}


# --------------------------------------------------------------------------------------------
# the page (template, style and script: samspil/viz/static/map.*)


def _check_items(nodes: Sequence[Mapping[str, Any]], edges: Sequence[Mapping[str, Any]]) -> None:
    seen: set[tuple[str, str]] = set()
    for i, node in enumerate(nodes):
        if not isinstance(node, Mapping):
            raise ValueError(f"node {i} is not a mapping: {node!r}")
        if "id" not in node:
            raise ValueError(f"node {i} has no id: {node!r}")
        key = _id_key(node["id"])
        if key in seen:
            raise ValueError(f"duplicate node id {node['id']!r}")
        seen.add(key)
    edge_ids: set[tuple[str, str]] = set()
    for i, edge in enumerate(edges):
        if not isinstance(edge, Mapping):
            raise ValueError(f"edge {i} is not a mapping: {edge!r}")
        for end in ("from", "to"):
            if end not in edge:
                raise ValueError(f"edge {i} has no {end!r}: {edge!r}")
            if _id_key(edge[end]) not in seen:
                raise ValueError(f"edge {i} points {end} unknown node {edge[end]!r}")
        if "id" in edge:
            key = _id_key(edge["id"])
            if key in edge_ids:
                raise ValueError(f"duplicate edge id {edge['id']!r}")
            edge_ids.add(key)


def _build_filters(
    nodes: Sequence[Mapping[str, Any]],
    edges: Sequence[Mapping[str, Any]],
    legend: Sequence[Mapping[str, Any]] | None,
    legend_title: str,
    extra_controls: Sequence[Mapping[str, Any]] | None,
    group_colors: Mapping[str, str],
) -> list[dict[str, Any]]:
    filters: list[dict[str, Any]] = []

    # The legend/kind filter over the nodes' group field.
    groups = [_value_key(n.get("group")) for n in nodes]
    if legend is not None or any(groups):
        order: list[str] = []
        labels: dict[str, str] = {}
        colors: dict[str, str] = {}
        shapes: dict[str, str] = {}
        for entry in legend or ():
            g = _value_key(entry.get("group"))
            if g in labels:
                continue
            order.append(g)
            labels[g] = str(entry.get("label") or g or "(uden type)")
            if entry.get("color"):
                colors[g] = str(entry["color"])
            shapes[g] = _swatch_shape(entry.get("shape"))
        for g in sorted(set(groups) - set(order)):
            order.append(g)
            labels[g] = g or "(uden type)"
        index = {g: i for i, g in enumerate(order)}
        counts = [0] * len(order)
        for g in groups:
            counts[index[g]] += 1
        filters.append({
            "label": legend_title,
            "target": "nodes",
            "values": [
                {"label": labels[g], "color": colors.get(g) or group_colors.get(g), "count": c,
                 "swatch": shapes.get(g, "dot")}
                for g, c in zip(order, counts)
            ],
            "assign": [index[g] for g in groups],
        })

    for control in extra_controls or ():
        field = control.get("field")
        if not isinstance(field, str) or not field:
            raise ValueError(f"an extra control needs a field name: {control!r}")
        target = control.get("target", "nodes")
        if target not in ("nodes", "edges"):
            raise ValueError(f"extra control target must be 'nodes' or 'edges', not {target!r}")
        items = nodes if target == "nodes" else edges
        names = {str(k): str(v) for k, v in (control.get("labels") or {}).items()}
        styles = {str(k): v for k, v in (control.get("styles") or {}).items()}
        keys = [_value_key(item.get(field)) for item in items]
        preferred = [str(k) for k in control.get("order") or ()]
        rank = {k: i for i, k in enumerate(preferred)}
        order = sorted(set(keys), key=lambda k: (rank.get(k, len(rank)), k == "",
                                                 names.get(k, k).casefold()))
        index = {k: i for i, k in enumerate(order)}
        counts = [0] * len(order)
        for k in keys:
            counts[index[k]] += 1
        filters.append({
            "label": str(control.get("label") or field),
            "target": target,
            "values": [{"label": names.get(k, k) or "(ingen)", "count": c,
                        **_swatch(styles.get(k), target)}
                       for k, c in zip(order, counts)],
            "assign": [index[k] for k in keys],
        })
    return filters


_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def _relative_href(href: str) -> str:
    """``href`` if it is a relative URL; refuses schemes (``javascript:``, ``https:``) and
    network paths (``//host``) so a page can only link within its own site."""
    text = str(href)
    if (not text or _SCHEME.match(text) or text.startswith("/") or "\\" in text
            or any(c.isspace() or ord(c) < 32 for c in text)):
        raise ValueError(f"a header link must be a relative URL, not {text!r}")
    return text


def _swatch_shape(shape: Any) -> str:
    return shape if shape in SWATCH_SHAPES else "dot"


def _swatch(style: Mapping[str, Any] | None, target: str) -> dict[str, Any]:
    """The swatch fields of one filter value: a coloured node shape, or a line for edges.

    Only a CSS colour string and a shape or line name from a fixed list reach the page's
    script, which sets them as style properties and class names, never as markup.
    """
    if not style or not style.get("color"):
        return {"color": None}
    if target == "edges":
        return {"color": str(style["color"]),
                "swatch": "dashed" if style.get("dashes") else "line"}
    shape = style.get("shape")
    return {"color": str(style["color"]),
            "swatch": shape if shape in _RING_SWATCHES else _swatch_shape(shape)}


def render_page(
    nodes: Sequence[Mapping[str, Any]],
    edges: Sequence[Mapping[str, Any]],
    *,
    title: str,
    options: Mapping[str, Any] | None = None,
    legend: Sequence[LegendEntry | Mapping[str, Any]] | None = None,
    legend_title: str = "Filtrér efter type",
    notice: str | Sequence[str] | None = None,
    subtitle: str | None = None,
    links: Sequence[tuple[str, str]] | None = None,
    extra_controls: Sequence[FilterControl | Mapping[str, Any]] | None = None,
) -> str:
    """Render a vis-network graph as one self-contained, offline HTML document.

    Everything the page needs (vis-network's JS and CSS, the data, the controls) is inline;
    the page loads nothing from the network and its Content-Security-Policy forbids it to.
    All text that comes from the data is shown as text, never parsed as HTML.

    Parameters
    ----------
    nodes : sequence of mapping
        vis-network node objects. ``id`` (str or int, unique) is required; ``label`` is drawn
        and searched; ``name``, the full name when ``label`` is shortened, is searched first
        and shown in the search list and details; ``group`` is the kind (legend, colour,
        filter); ``tooltip`` (or
        ``title``) is plain text shown on hover and in the details panel, newlines kept.
        Other vis fields (``color``, ``size``, ``shape``, ``x``, ``y``, ``value``, ``font``,
        …) pass through, as do extra fields used by ``extra_controls``.
    edges : sequence of mapping
        vis-network edge objects with ``from`` and ``to`` (ids of given nodes), optional
        unique ``id``, ``label``, ``tooltip``/``title`` (plain text, e.g. the evidence quote),
        ``arrows``, ``width``, ``color``, …
    title : str
        Page title and heading (escaped).
    options : mapping, optional
        vis-network options, merged over modest defaults (dot nodes, DejaVu Sans, hover on).
        When every node carries numeric ``x`` and ``y`` and ``options`` says nothing about
        ``physics``, physics is switched off and the given positions are drawn as they are.
    legend : sequence of LegendEntry, optional
        ``{"group": ..., "label": ..., "color": ...}`` in display order. Colours given here
        also colour the group (``options["groups"][group]["color"]``) unless the options
        already set one. Groups found in the nodes but not in the legend are listed after it,
        with a colour from :data:`DEFAULT_PALETTE`. Each line has a checkbox: the kind filter.
    legend_title : str
        The heading of the legend ("Type", "Sektor").
    notice : str or sequence of str, optional
        Lines under the heading, e.g. "Aggregeret: 5 000 noder vist som 12 fællesskaber".
    subtitle : str, optional
        One grey line under the heading: how to read the map ("Farve: type · ...").
    links : sequence of (href, text), optional
        Links in the header, e.g. ``[("index.html", "Atlas")]``. Each ``href`` must be a
        relative URL (no scheme, no ``//``), so a page of a static site links only within it.
    extra_controls : sequence of FilterControl, optional
        More checkbox filters: ``{"field": "sector", "label": "Sektor"}`` over nodes, or
        ``{"field": "type", "label": "Relation", "target": "edges", "labels": {...}}``.
        An edge is shown only when both its ends and its own values are shown.

    Returns
    -------
    str
        The HTML document (UTF-8 text; about 0.7 MB plus the data).

    Raises
    ------
    ValueError
        On a missing or duplicate id, an edge to an unknown node, a bad extra control, or a
        value JSON cannot carry (NaN, infinity).
    TypeError
        On a value that is not JSON-serialisable.

    Examples
    --------
    >>> page = render_page(
    ...     [{"id": "a", "label": "Kolding Kommune", "group": "municipality"},
    ...      {"id": "b", "label": "<b>TrygFonden</b>", "group": "foundation",
    ...       "tooltip": "Fond\\nPartner i 3 løsninger"}],
    ...     [{"from": "b", "to": "a", "tooltip": "«finansieret af TrygFonden»"}],
    ...     title="Samarbejde & spredning",
    ...     legend=[{"group": "municipality", "label": "Kommune", "color": "#1f77b4"}],
    ... )
    >>> "<h1>Samarbejde &amp; spredning</h1>" in page
    True
    >>> "<b>TrygFonden" in page
    False
    >>> "https://" in page.split("<script>")[0]
    False
    """
    nodes = list(nodes)
    edges = list(edges)
    _check_items(nodes, edges)

    opts: dict[str, Any] = _deep_merge(_DEFAULT_OPTIONS, options or {})
    if "physics" not in (options or {}) and nodes and all(_has_position(n) for n in nodes):
        opts["physics"] = {"enabled": False}

    # One colour per group, shared by the drawing and the legend.
    groups_opt: dict[str, Any] = dict(opts.get("groups") or {})
    group_colors: dict[str, str] = {}
    palette = iter(DEFAULT_PALETTE * (1 + len(nodes) // len(DEFAULT_PALETTE)))
    legend_colors = {
        _value_key(e.get("group")): str(e["color"]) for e in (legend or ()) if e.get("color")
    }
    legend_shapes = {
        _value_key(e.get("group")): _swatch_shape(e["shape"])
        for e in (legend or ()) if e.get("shape")
    }
    present = []
    for n in nodes:
        g = _value_key(n.get("group"))
        if g and g not in present:
            present.append(g)
    for g in [_value_key(e.get("group")) for e in (legend or ())] + present:
        if not g or g in group_colors:
            continue
        existing = groups_opt.get(g, {})
        color = existing.get("color") if isinstance(existing, Mapping) else None
        if isinstance(color, Mapping):
            color = color.get("background")
        if not color:
            color = legend_colors.get(g) or next(palette)
            groups_opt[g] = _deep_merge(dict(existing) if isinstance(existing, Mapping) else {},
                                        {"color": color})
        group_colors[g] = str(color)
        if g in legend_shapes and "shape" not in groups_opt.get(g, {}):
            groups_opt[g] = _deep_merge(dict(groups_opt.get(g) or {}), {"shape": legend_shapes[g]})
    if groups_opt:
        opts["groups"] = groups_opt

    filters = _build_filters(nodes, edges, legend, legend_title, extra_controls, group_colors)
    data = {"nodes": nodes, "edges": edges, "options": opts, "filters": filters}
    try:
        data_json = _json_for_script(data)
    except ValueError as err:
        raise ValueError(f"graph data cannot be written as JSON: {err}") from err

    vis_js, vis_css = vis_network_assets()
    app_js = inline_text(*APP_SCRIPTS)
    csp = "; ".join([
        "default-src 'none'",
        f"script-src {_csp_hash(vis_js)} {_csp_hash(app_js)}",
        "style-src 'unsafe-inline'",
        "img-src data: blob:",
        "font-src 'none'",
        "connect-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ])
    notices = [notice] if isinstance(notice, str) else list(notice or ())
    notice_html = "".join(f'<p class="notice">{html.escape(line)}</p>\n'
                          for line in notices if line)
    subtitle_html = f'<p class="subtitle">{html.escape(subtitle)}</p>\n' if subtitle else ""
    nav_html = ""
    if links:
        anchors = "".join(f'<a href="{html.escape(_relative_href(href))}">{html.escape(text)}</a>'
                          for href, text in links)
        nav_html = f"<nav>{anchors}</nav>\n"
    return fill(static_text("map.html"), {
        "CSP": csp,
        "VIS_VERSION": _VIS_VERSION,
        "TITLE": html.escape(title),
        "NOTICE": notice_html,
        "SUBTITLE": subtitle_html,
        "NAV": nav_html,
        "VIS_CSS": vis_css,
        "CSS": inline_text("map.css"),
        "DATA": data_json,
        "VIS_JS": vis_js,
        "APP_JS": app_js,
    })


def write_page(path: str | os.PathLike[str], html_text: str) -> Path:
    """Write a page atomically with :func:`samspil.core.atomic.write_atomic`.

    A reader (a browser, a web server) sees either the old file or the whole new one, never
    half of it; a failed write leaves the old file as it was and no temporary file behind.

    Parameters
    ----------
    path : str or PathLike
        Where the page goes; missing folders are made.
    html_text : str
        The document, e.g. from :func:`render_page`; written as UTF-8.

    Returns
    -------
    Path
        The path written.

    Raises
    ------
    TypeError
        When ``html_text`` is not ``str``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> write_page(folder / "kort.html", "<!DOCTYPE html><title>x</title>").read_text()
    '<!DOCTYPE html><title>x</title>'
    """
    if not isinstance(html_text, str):
        raise TypeError(f"a page is text, not {type(html_text).__name__}")
    return write_atomic(path, html_text)
