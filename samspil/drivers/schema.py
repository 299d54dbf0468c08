"""The schema of a loaded graph, read through a driver: labels, relationship types, properties.

:func:`read_schema` asks the engine (the same two Cypher queries on Neo4j and on the embedded
FalkorDB) for every node's labels and properties and every relationship's type, endpoint
labels and properties, and sums them up in Python, so the result is the same on both engines
for the same loaded graph (property types are named from the normalised values of
:mod:`samspil.drivers.base`, not by an engine function: Neo4j's ``valueType()`` has no
FalkorDB counterpart). Nothing is taken from the vocabulary in :mod:`samspil.core.model`: a
label or type the graph gains shows up by itself.

* :meth:`Schema.as_dict` - the JSON form (``samspil schema --format json``).
* :func:`to_markdown`, :func:`to_mermaid`, :func:`to_dot` - text and pictures of it.
* :func:`visualization_rows` - what ``CALL db.schema.visualization()`` returns on Neo4j,
  built from the schema; :class:`~samspil.drivers.falkordb_driver.FalkorDBDriver` answers the
  call with it, since FalkorDB has no such procedure.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from samspil.drivers.base import CypherDriver, GraphNode, GraphRelationship

__all__ = [
    "Schema",
    "VISUALIZATION_CALL",
    "read_schema",
    "to_dot",
    "to_markdown",
    "to_mermaid",
    "value_type",
    "visualization_rows",
]

#: ``CALL db.schema.visualization()`` (optionally ``YIELD nodes, relationships``) alone.
VISUALIZATION_CALL = re.compile(
    r"^\s*CALL\s+db\.schema\.visualization\s*\(\s*\)\s*(?:YIELD\s+nodes\s*,\s*relationships\s*)?;?\s*$",
    re.IGNORECASE)

_NODES = "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props"
# r is used in the RETURN, so FalkorDB returns every parallel relationship (dialects §1).
_RELATIONSHIPS = ("MATCH (a)-[r]->(b) RETURN labels(a) AS start, type(r) AS type, labels(b) AS end, "
                  "properties(r) AS props")


def value_type(value: Any) -> str:
    """The Cypher type name of a normalised property value, as Neo4j's ``valueType()`` words it.

    Parameters
    ----------
    value : Any
        A property value as a driver returns it.

    Returns
    -------
    str
        ``STRING``, ``INTEGER``, ``FLOAT``, ``BOOLEAN``, ``LIST<STRING>`` ..., ``LIST<ANY>`` for
        a list of mixed types, ``LIST<NOTHING>`` for an empty one, ``MAP``.

    Examples
    --------
    >>> value_type("Kolding"), value_type(621), value_type(0.5), value_type(True)
    ('STRING', 'INTEGER', 'FLOAT', 'BOOLEAN')
    >>> value_type(["a", "b"]), value_type([1, "a"]), value_type([])
    ('LIST<STRING>', 'LIST<ANY>', 'LIST<NOTHING>')
    """
    if isinstance(value, bool):
        return "BOOLEAN"
    if isinstance(value, int):
        return "INTEGER"
    if isinstance(value, float):
        return "FLOAT"
    if isinstance(value, str):
        return "STRING"
    if isinstance(value, list):
        inner = {value_type(v) for v in value}
        return f"LIST<{inner.pop() if len(inner) == 1 else ('NOTHING' if not inner else 'ANY')}>"
    if isinstance(value, dict):
        return "MAP"
    return type(value).__name__.upper()


@dataclass
class _Part:
    """One label or relationship type: how many carry it, and their properties."""

    count: int = 0
    properties: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))

    def add(self, props: dict[str, Any]) -> None:
        self.count += 1
        for key, value in props.items():
            self.properties[key][value_type(value)] += 1

    def as_dict(self) -> dict[str, Any]:
        return {"count": self.count, "properties": {
            key: {"count": sum(types.values()), "types": sorted(types)}
            for key, types in sorted(self.properties.items())}}


@dataclass
class Schema:
    """What a loaded graph holds: labels, relationship types, their properties and counts.

    Attributes
    ----------
    labels : dict
        Label -> :class:`_Part` (nodes carrying the label; a node counts once per label).
    relationships : dict
        Type -> :class:`_Part`.
    directions : dict
        Type -> Counter of (start labels, end labels), each a ``:``-joined sorted label set
        (``"Actor:Unit"``).
    """

    labels: dict[str, _Part] = field(default_factory=lambda: defaultdict(_Part))
    relationships: dict[str, _Part] = field(default_factory=lambda: defaultdict(_Part))
    directions: dict[str, Counter[tuple[str, str]]] = field(default_factory=lambda: defaultdict(Counter))

    def label_names(self) -> list[str]:
        """Every label, sorted."""
        return sorted(self.labels)

    def type_names(self) -> list[str]:
        """Every relationship type, sorted."""
        return sorted(self.relationships)

    def property_keys(self) -> set[str]:
        """Every property key of a node or a relationship."""
        return {key for part in (*self.labels.values(), *self.relationships.values()) for key in part.properties}

    def as_dict(self) -> dict[str, Any]:
        """The schema as plain data, sorted (the JSON of ``samspil schema --format json``).

        Examples
        --------
        >>> s = Schema()
        >>> s.labels["Theme"].add({"id": "t1", "name": "Sundhed"})
        >>> s.as_dict()["labels"]["Theme"]["properties"]["name"]
        {'count': 1, 'types': ['STRING']}
        """
        return {
            "labels": {name: self.labels[name].as_dict() for name in self.label_names()},
            "relationships": {name: {**self.relationships[name].as_dict(), "directions": [
                {"start": start, "end": end, "count": n}
                for (start, end), n in sorted(self.directions[name].items())]}
                for name in self.type_names()},
        }


def _label_set(labels: list[str]) -> str:
    return ":".join(sorted(labels))


def read_schema(driver: CypherDriver) -> Schema:
    """Read the schema of the graph a driver holds, the same way on both engines.

    Parameters
    ----------
    driver : CypherDriver
        Neo4j or FalkorDB, with a graph loaded.

    Returns
    -------
    Schema

    Examples
    --------
    >>> from samspil.drivers import connect
    >>> with connect() as db:
    ...     _ = db.run("CREATE (:Actor:Unit {id: 'u'})-[:PART_OF {case: ''}]->(:Actor:Municipality {id: 'm'})",
    ...                write=True)
    ...     schema = read_schema(db)
    >>> schema.as_dict()["relationships"]["PART_OF"]["directions"]
    [{'start': 'Actor:Unit', 'end': 'Actor:Municipality', 'count': 1}]
    """
    schema = Schema()
    for row in driver.run(_NODES):
        for label in row["labels"]:
            schema.labels[label].add(row["props"])
    for row in driver.run(_RELATIONSHIPS):
        schema.relationships[row["type"]].add(row["props"])
        schema.directions[row["type"]][(_label_set(row["start"]), _label_set(row["end"]))] += 1
    return schema


def visualization_rows(schema: Schema) -> list[dict[str, Any]]:
    """The rows of ``CALL db.schema.visualization()``, built from a schema as Neo4j 5 builds them.

    One row of ``nodes`` (one per label, named by it) and ``relationships``. Like Neo4j, a
    relationship ``(A)-[:T]->(B)`` is drawn for every label ``A`` of some start node of a
    ``T`` and every label ``B`` of some end node of a ``T`` (Neo4j reads its counts store,
    which counts by one label at a time), so ``Actor:Unit -PART_OF-> Actor:Municipality``
    draws ``Unit -> Municipality`` but also ``Unit -> Actor``. ``indexes`` and ``constraints``
    are empty lists (Neo4j lists its own there).

    Parameters
    ----------
    schema : Schema

    Returns
    -------
    list of dict
        ``[{"nodes": [GraphNode, ...], "relationships": [GraphRelationship, ...]}]``.

    Examples
    --------
    >>> s = Schema()
    >>> s.labels["Case"].add({}); s.labels["Solution"].add({})
    >>> s.directions["DESCRIBES"][("Case", "Solution")] += 1
    >>> [r["start"] + " -> " + r["end"] for r in visualization_rows(s)[0]["relationships"]]
    ['Case -> Solution']
    """
    nodes = [GraphNode.make({"name": label, "indexes": [], "constraints": []}, [label])
             for label in schema.label_names()]
    relationships = []
    for rel_type in sorted(schema.directions):
        starts = sorted({label for start, _ in schema.directions[rel_type] for label in start.split(":")})
        ends = sorted({label for _, end in schema.directions[rel_type] for label in end.split(":")})
        relationships += [GraphRelationship.make(rel_type, start, end, {"name": rel_type})
                          for start in starts for end in ends]
    return [{"nodes": nodes, "relationships": relationships}]


def _properties_text(props: dict[str, Any]) -> str:
    return ", ".join(f"{key}: {' or '.join(p['types'])} ({p['count']})" for key, p in props.items()) or "—"


def to_markdown(schema: Schema, *, title: str = "Schema of the graph") -> str:
    """The schema as a Markdown page: a table of labels, a table of relationship types.

    Examples
    --------
    >>> s = Schema()
    >>> s.labels["Theme"].add({"id": "t1"})
    >>> print(to_markdown(s, title="T").splitlines()[8])
    | Theme | 1 | id: STRING (1) |
    """
    data = schema.as_dict()
    lines = [f"# {title}", "",
             "Generated by `samspil schema --format markdown`, read through Cypher from the loaded graph "
             "(the same on Neo4j and the embedded engine). A node counts once for each of its labels; "
             "a direction names the full label sets of the start and end nodes.", "",
             "## Labels", "",
             "| label | nodes | properties: types (nodes that have it) |", "|---|---:|---|"]
    lines += [f"| {name} | {part['count']} | {_properties_text(part['properties'])} |"
              for name, part in data["labels"].items()]
    lines += ["", "## Relationship types", "",
              "| type | relationships | directions: start → end (relationships) | properties: types (relationships that have it) |",
              "|---|---:|---|---|"]
    for name, part in data["relationships"].items():
        directions = "<br>".join(f"{d['start']} → {d['end']} ({d['count']})" for d in part["directions"])
        lines.append(f"| {name} | {part['count']} | {directions} | {_properties_text(part['properties'])} |")
    return "\n".join(lines) + "\n"


def _box(label_set: str) -> str:
    return label_set.replace(":", "_")


def _picture(schema: Schema) -> tuple[list[str], list[tuple[str, str, str, int]]]:
    """The boxes (label sets at either end of a relationship) and arrows of a schema picture."""
    boxes = sorted({end for d in schema.directions.values() for pair in d for end in pair})
    arrows = [(start, rel_type, end, n) for rel_type in sorted(schema.directions)
              for (start, end), n in sorted(schema.directions[rel_type].items())]
    return boxes, arrows


def to_mermaid(schema: Schema) -> str:
    """The schema as a Mermaid flowchart: a box per label set, an arrow per direction.

    Examples
    --------
    >>> s = Schema()
    >>> s.directions["PART_OF"][("Actor:Unit", "Actor:Municipality")] += 3
    >>> print(to_mermaid(s))
    flowchart LR
      Actor_Municipality["Actor:Municipality"]
      Actor_Unit["Actor:Unit"]
      Actor_Unit -->|"PART_OF (3)"| Actor_Municipality
    """
    boxes, arrows = _picture(schema)
    return "\n".join(["flowchart LR"] + [f'  {_box(b)}["{b}"]' for b in boxes]
                     + [f'  {_box(start)} -->|"{rel_type} ({n})"| {_box(end)}' for start, rel_type, end, n in arrows])


def to_dot(schema: Schema) -> str:
    """The schema as a Graphviz digraph: a node per label set, an edge per direction.

    Examples
    --------
    >>> s = Schema()
    >>> s.directions["PART_OF"][("Actor:Unit", "Actor:Municipality")] += 3
    >>> print(to_dot(s))
    digraph schema {
      rankdir=LR;
      node [shape=box];
      "Actor:Municipality";
      "Actor:Unit";
      "Actor:Unit" -> "Actor:Municipality" [label="PART_OF (3)"];
    }
    """
    boxes, arrows = _picture(schema)
    return "\n".join(["digraph schema {", "  rankdir=LR;", "  node [shape=box];"] + [f'  "{b}";' for b in boxes]
                     + [f'  "{start}" -> "{end}" [label="{rel_type} ({n})"];' for start, rel_type, end, n in arrows]
                     + ["}"])
