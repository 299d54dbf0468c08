"""The one interface both Cypher engines implement, and the normalised form of results.

A :class:`CypherDriver` runs one Cypher query and returns its rows as a list of
dicts (column name -> value) made only of plain Python values, normalised the
same way on both engines so that the same query gives equal rows on Neo4j and on
the embedded FalkorDB:

=================  ==========================================================
engine value       normalised Python value
=================  ==========================================================
null, boolean,     ``None``, ``bool``, ``int``, ``str``
integer, string
float              ``float`` rounded to 15 significant digits (FalkorDB's replies
                   carry no more, so Neo4j's are rounded the same way)
list               ``list`` (each element normalised)
map                ``dict`` (each value normalised, keys in the engine's order)
node               :class:`GraphNode`, a ``dict``:
                   ``{"id": <the node's id property or None>,
                   "labels": [sorted labels], "properties": {sorted by key}}``
relationship       :class:`GraphRelationship`, a ``dict``:
                   ``{"type": "OWNS", "start": <id property of the start node>,
                   "end": <id property of the end node>,
                   (a node without ``id``, such as the label nodes of
                   ``db.schema.visualization()``, is its ``name``)
                   "properties": {sorted by key}}``
path               :class:`GraphPath`, a ``dict``:
                   ``{"nodes": [GraphNode, ...],
                   "relationships": [GraphRelationship, ...]}`` in path order;
                   each relationship keeps its own direction (``start``/``end``)
temporal, point    engine-specific (ISO 8601 ``str`` for temporal values); not part
                   of the Samspil model, and the two engines differ: do not compare
=================  ==========================================================

Engine-internal identities (Neo4j element ids, FalkorDB integer ids) never appear:
they differ between engines and between loads. Nodes and relationship endpoints are
identified by the node's ``id`` property, the stable Samspil id. The three graph
types are ``dict`` subclasses: they compare equal to plain dicts and serialise as
JSON objects, and ``isinstance`` still tells a returned node from a returned map.

Queries are read-only unless ``write=True``: the engine itself refuses a query that
writes (Neo4j: a READ access-mode managed transaction; FalkorDB: ``GRAPH.RO_QUERY``),
and the driver raises :class:`samspil.core.errors.EngineError` with a one-line message.
"""

from __future__ import annotations

import abc
import math
from collections.abc import Mapping
from typing import Any, Self

from samspil.core.errors import EngineError

__all__ = [
    "CypherDriver",
    "GraphNode",
    "GraphPath",
    "GraphRelationship",
    "check_params",
    "first_line",
    "normalise_scalar",
]


class GraphNode(dict):
    """A node in the normalised form: ``{"id", "labels", "properties"}``.

    Examples
    --------
    >>> n = GraphNode.make({"id": "k-621", "name": "Kolding Kommune"}, ["Municipality", "Actor"])
    >>> n == {"id": "k-621", "labels": ["Actor", "Municipality"],
    ...       "properties": {"id": "k-621", "name": "Kolding Kommune"}}
    True
    """

    @classmethod
    def make(cls, properties: Mapping[str, Any], labels: Any) -> GraphNode:
        """Build a normalised node from its properties and labels (any iterable)."""
        props = _properties(properties)
        return cls(id=props.get("id"), labels=sorted(labels or ()), properties=props)


class GraphRelationship(dict):
    """A relationship in the normalised form: ``{"type", "start", "end", "properties"}``.

    ``start`` and ``end`` are the ``id`` properties of the endpoint nodes.

    Examples
    --------
    >>> GraphRelationship.make("IN_REGION", "k-621", "r-1083", {"case": ""})["end"]
    'r-1083'
    """

    @classmethod
    def make(cls, rel_type: str, start: Any, end: Any, properties: Mapping[str, Any]) -> GraphRelationship:
        """Build a normalised relationship."""
        return cls(type=rel_type, start=start, end=end, properties=_properties(properties))


class GraphPath(dict):
    """A path in the normalised form: ``{"nodes": [...], "relationships": [...]}``."""

    @classmethod
    def make(cls, nodes: list[GraphNode], relationships: list[GraphRelationship]) -> GraphPath:
        """Build a normalised path from already normalised parts."""
        return cls(nodes=nodes, relationships=relationships)


def _properties(properties: Mapping[str, Any]) -> dict[str, Any]:
    return {k: normalise_scalar(properties[k]) for k in sorted(properties)}


def normalise_scalar(value: Any) -> Any:
    """Normalise a value that holds no node, relationship or path.

    Engine modules handle their graph types first and call this for the rest.

    Parameters
    ----------
    value : Any
        A value as the engine's client returned it.

    Returns
    -------
    Any
        ``None``, ``bool``, ``int``, ``float``, ``str``, ``list`` or ``dict``.

    Examples
    --------
    >>> normalise_scalar((1, "a", {"b": (2.5,)}))
    [1, 'a', {'b': [2.5]}]
    """
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        # FalkorDB replies with 15 significant digits (it stores full doubles); rounding
        # Neo4j's floats the same way makes the two engines' rows compare equal.
        return float(f"{value:.15g}") if math.isfinite(value) else value
    if isinstance(value, Mapping):
        return {str(k): normalise_scalar(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [normalise_scalar(v) for v in value]
    iso = getattr(value, "iso_format", None) or getattr(value, "isoformat", None)
    if callable(iso):
        return iso()
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return str(value)


def first_line(text: object) -> str:
    """The first non-empty line of an engine's message, for one-line errors.

    Examples
    --------
    >>> first_line("Invalid input 'X'\\n  at line 1\\n")
    "Invalid input 'X'"
    """
    for line in str(text).splitlines():
        if line.strip():
            return line.strip()
    return str(text).strip() or "no message"


class CypherDriver(abc.ABC):
    """A connection to one Cypher engine: run queries, get normalised rows.

    Subclasses: :class:`samspil.drivers.falkordb_driver.FalkorDBDriver` (``engine =
    "falkordb"``, embedded by default) and :class:`samspil.drivers.neo4j_driver.Neo4jDriver`
    (``engine = "neo4j"``). Get one with :func:`samspil.drivers.connect`.

    Examples
    --------
    >>> from samspil.drivers import connect
    >>> with connect() as db:
    ...     db.run("RETURN $x + 1 AS y", {"x": 41})
    [{'y': 42}]
    """

    #: ``"neo4j"`` or ``"falkordb"``.
    engine: str = ""

    @abc.abstractmethod
    def run(self, query: str, params: Mapping[str, Any] | None = None, *, write: bool = False) -> list[dict[str, Any]]:
        """Run one Cypher query and return all its rows.

        Parameters
        ----------
        query : str
            The Cypher text. Values go in ``params``, never spliced into the text.
        params : Mapping, optional
            Query parameters (``$name`` in the query): scalars, lists and maps of them.
        write : bool
            Allow the query to write. Without it, a query that writes is refused by the
            engine, and :class:`EngineError` is raised.

        Returns
        -------
        list of dict
            One dict per row, column name -> normalised value (see the module docstring).

        Raises
        ------
        EngineError
            The engine refused the query (syntax, a write without ``write=True``, a
            constraint) or cannot be reached. The message is one line.
        """

    @abc.abstractmethod
    def ensure_unique_id(self, label: str) -> None:
        """Make ``id`` unique (and indexed) on nodes of ``label``, if not already.

        The loader calls this for every label it merges nodes or matches endpoints on.
        ``label`` must come from the Samspil vocabulary (checked by the caller).
        """

    @abc.abstractmethod
    def close(self) -> None:
        """Release the connection (and stop the embedded server, if there is one)."""

    def describe(self) -> str:
        """A short human description of where this driver points, for messages."""
        return self.engine

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.describe()}>"


def check_params(params: Mapping[str, Any] | None) -> dict[str, Any]:
    """Turn ``params`` into a plain dict, refusing values neither engine can take.

    Both engines take ``None``, booleans, integers, floats, strings and lists and maps
    of these. A float that is not finite is refused here because the FalkorDB client
    writes parameters as Cypher text, where ``nan`` and ``inf`` are not literals.

    Raises
    ------
    EngineError
        For a value of another type or a non-finite float.

    Examples
    --------
    >>> check_params({"ids": ("a", "b")})
    {'ids': ['a', 'b']}
    """

    def clean(value: Any, where: str) -> Any:
        if value is None or isinstance(value, (bool, str)):
            return value
        if isinstance(value, int):
            if not -(2**63) <= value < 2**63:
                raise EngineError(f"query parameter {where} does not fit in a 64-bit integer")
            return value
        if isinstance(value, float):
            if not math.isfinite(value):
                raise EngineError(f"query parameter {where} is {value}, which Cypher cannot take")
            return value
        if isinstance(value, Mapping):
            return {str(k): clean(v, f"{where}.{k}") for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [clean(v, f"{where}[{i}]") for i, v in enumerate(value)]
        raise EngineError(f"query parameter {where} has type {type(value).__name__}, which Cypher cannot take")

    if params is None:
        return {}
    return {str(k): clean(v, f"${k}") for k, v in params.items()}
