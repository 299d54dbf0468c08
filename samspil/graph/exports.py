"""Exporting the graph to files other tools read: JSON (node-link), GraphML and GEXF (Gephi).

Serialisers are registered by name in :data:`FORMATS`, so another module (the RDF
export) adds its formats the same way.  Every file is written atomically, and
contact persons leave only when asked for.
"""

from __future__ import annotations

import importlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any

import networkx as nx

from samspil.core.atomic import write_atomic
from samspil.core.errors import SamspilError
from samspil.core.text import describe_character, find_control


@dataclass(frozen=True)
class ExportFormat:
    """A named serialiser: file suffixes it answers to and the function that writes bytes."""

    name: str
    suffixes: tuple[str, ...]
    serialise: Callable[[nx.MultiDiGraph], bytes]
    description: str


FORMATS: dict[str, ExportFormat] = {}


def register_format(fmt: ExportFormat) -> ExportFormat:
    """Add a serialiser to :data:`FORMATS` (a later one with the same name replaces it)."""
    FORMATS[fmt.name] = fmt
    return fmt


def without_contacts(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The graph minus ``Person`` nodes (contact persons, personal data).

    Examples
    --------
    >>> g = nx.MultiDiGraph(); g.add_node("p", labels=("Person",), name="X"); g.add_node("a", labels=("Case",))
    >>> list(without_contacts(g))
    ['a']
    """
    people = [n for n, d in g.nodes(data=True) if "Person" in d.get("labels", ())]
    if not people:
        return g
    h = g.copy()
    h.remove_nodes_from(people)
    return h


def _node_link(g: nx.MultiDiGraph) -> bytes:
    data = nx.node_link_data(g, edges="edges")
    for node in data["nodes"]:
        node["labels"] = list(node["labels"])
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        _check_encodable(g)  # says where the lone surrogate is
        raise


def _flat(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with only str/int/float/bool attributes, as GraphML and GEXF require.

    Lists become "; "-joined text; labels become "Actor:Municipality" (Neo4j's
    own GraphML export writes labels the same way).
    """

    def flat(attrs: dict[str, Any], where: str) -> dict[str, Any]:
        out = {}
        for k, v in attrs.items():
            if v is None:
                continue
            if k == "labels":
                out[k] = ":" + ":".join(v)
            elif isinstance(v, (list, tuple, set)):
                out[k] = "; ".join(str(x) for x in v)
            else:
                out[k] = v
            if isinstance(out[k], str):
                _check_xml_text(out[k], f"{where}, attribute {k}")
        return out

    h = nx.MultiDiGraph()
    for n, d in g.nodes(data=True):
        _check_xml_text(str(n), f"node {_brief(n)}")
        h.add_node(n, **flat(d, f"node {_brief(n)}"), label=d.get("name", n))
    for u, v, k, d in g.edges(keys=True, data=True):
        _check_xml_text(str(k), f"edge {_brief(u)} -[{_brief(k)}]-> {_brief(v)}")
        h.add_edge(u, v, key=k, **flat(d, f"edge {_brief(u)} -[{_brief(k)}]-> {_brief(v)}"), label=d.get("type", ""))
    return h


def _brief(value: Any, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _check_xml_text(text: str, where: str) -> None:
    """Refuse what XML 1.0 cannot hold, not even escaped (control characters, lone
    surrogates, U+FFFE/U+FFFF): the file would be written, and no XML parser would read it."""
    bad = find_control(text)
    if bad is not None:
        raise SamspilError(f"{where}: {describe_character(text[bad])} cannot be written to GraphML or GEXF "
                           "(XML 1.0); the JSON export keeps it escaped")


def _check_encodable(g: nx.MultiDiGraph) -> None:
    """Refuse a lone surrogate anywhere (no format can write it as UTF-8), naming where it is."""

    def check(value: Any, where: str) -> None:
        if isinstance(value, str) and _SURROGATE.search(value):
            raise SamspilError(f"{where}: {describe_character(_SURROGATE.search(value).group())} cannot be written "
                               "as UTF-8")
        if isinstance(value, (list, tuple, set)):
            for item in value:
                check(item, where)

    for n, d in g.nodes(data=True):
        check(n, f"node {_brief(n)}")
        for k, v in d.items():
            check(v, f"node {_brief(n)}, attribute {k}")
    for u, v, k, d in g.edges(keys=True, data=True):
        for name, value in d.items():
            check(value, f"edge {_brief(u)} -[{_brief(k)}]-> {_brief(v)}, attribute {name}")


_SURROGATE = re.compile("[\ud800-\udfff]")


def _keep_carriage_returns(xml: bytes) -> bytes:
    """An XML reader turns a raw carriage return in a value into a line feed ("\\r\\n" becomes
    "\\n"); written as a character reference it reads back as itself. The writers put none of
    their own, so every carriage return in the bytes is a value's."""
    return xml.replace(b"\r", b"&#13;")


def _graphml(g: nx.MultiDiGraph) -> bytes:
    buf = BytesIO()
    nx.write_graphml(_flat(g), buf, encoding="utf-8", prettyprint=True)
    return _keep_carriage_returns(buf.getvalue())


def _gexf(g: nx.MultiDiGraph) -> bytes:
    h = _flat(g)
    # GEXF's <edge type="..."> is the direction (directed, undirected, mutual) and
    # networkx writes an edge attribute "type" there: NOMINATED would make the file
    # invalid for Gephi and lose the relationship type. Keep it as "relationship".
    for _, _, d in h.edges(data=True):
        if "type" in d:
            d["relationship"] = d.pop("type")
    buf = BytesIO()
    nx.write_gexf(h, buf, encoding="utf-8", prettyprint=True)
    # networkx stamps today's date into <meta>; drop it so the same graph gives the same bytes.
    return _keep_carriage_returns(re.sub(rb'\s+lastmodifieddate="[^"]*"', b"", buf.getvalue(), count=1))


register_format(ExportFormat("json", (".json",), _node_link, "networkx node-link JSON"))
register_format(ExportFormat("graphml", (".graphml",), _graphml, "GraphML (Gephi, yEd, Cytoscape, Neo4j)"))
register_format(ExportFormat("gexf", (".gexf",), _gexf, "GEXF 1.2 (Gephi)"))


#: Modules that register more formats when imported (rdflib's serialisers are slow to import,
#: so they are loaded only when a format is looked up).
PLUGINS: tuple[str, ...] = ("samspil.linked_data",)


def _load_plugins() -> None:
    for module in PLUGINS:
        importlib.import_module(module)


def format_for(path: str | Path, name: str | None = None) -> ExportFormat:
    """The export format a name or a file suffix asks for.

    Examples
    --------
    >>> format_for("out/samspil.gexf").name
    'gexf'
    >>> format_for("out/samspil.ttl").name
    'turtle'
    """
    _load_plugins()
    if name:
        if name not in FORMATS:
            raise SamspilError(f"unknown export format {name!r}; choose one of {', '.join(sorted(FORMATS))}")
        return FORMATS[name]
    suffix = "".join(Path(path).suffixes[-1:]).lower()
    for fmt in FORMATS.values():
        if suffix in fmt.suffixes:
            return fmt
    raise SamspilError(f"cannot tell the export format from {str(path)!r}; give --format "
                       f"({', '.join(sorted(FORMATS))})")


def export_graph(g: nx.MultiDiGraph, path: str | Path, fmt: str | None = None, *,
                 include_contacts: bool = False) -> Path:
    """Write the graph to ``path`` in a format named or told by the suffix, atomically.

    Parameters
    ----------
    g : networkx.MultiDiGraph
    path : str or Path
    fmt : str, optional
        A key of :data:`FORMATS`; taken from the suffix when omitted.
    include_contacts : bool
        Keep ``Person`` nodes (personal data). Off by default.

    Returns
    -------
    Path

    Examples
    --------
    >>> import tempfile, pathlib
    >>> g = nx.MultiDiGraph(); g.add_node("a", labels=("Case",), name="A")
    >>> p = export_graph(g, pathlib.Path(tempfile.mkdtemp()) / "g.graphml")
    >>> nx.read_graphml(p).nodes["a"]["labels"]
    ':Case'
    """
    exporter = format_for(path, fmt)
    g = g if include_contacts else without_contacts(g)
    _check_encodable(g)
    data = exporter.serialise(g)
    return write_atomic(path, data)
