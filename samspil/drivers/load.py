"""Load a Samspil graph (a networkx MultiDiGraph in the shape of :mod:`samspil.core.model`)
into Neo4j or the embedded FalkorDB, with the same code for both.

What a load does
----------------
1. ``wipe=True`` only: delete every node and relationship, 10 000 nodes a transaction
   (``MATCH (n) WITH n LIMIT 10000 DETACH DELETE n``, repeated). Constraints and
   indexes stay.
2. For every label the graph uses: ``id`` unique and indexed (the driver's
   :meth:`~samspil.drivers.base.CypherDriver.ensure_unique_id` hook: Neo4j
   ``CREATE CONSTRAINT ... IF NOT EXISTS``; FalkorDB an exact-match index, then
   ``GRAPH.CONSTRAINT CREATE ... UNIQUE``).
3. Nodes, grouped by label set and property keys, ``batch_size`` rows a transaction, in two
   statements (a row is a list: id, then the values of the group's keys)::

       UNWIND $ids AS id                    // existing nodes whose labels differ
       MATCH (n:Actor {id: id})
       WITH n, [l IN labels(n) WHERE l IN $vocabulary] AS have
       WHERE size(have) <> size($labels) OR any(l IN $labels WHERE NOT l IN have)
       SET n:Municipality
       REMOVE n:Region:Hospital:...         // vocabulary labels the node no longer has

       UNWIND $rows AS row
       MERGE (n:Actor:Municipality {id: row[0]})
       SET n.`kind` = row[1], n.`name` = row[2]

   Every node is identified by its *key label* and ``id``: ``Actor`` for actors,
   otherwise its first label of :data:`~samspil.core.model.NODE_LABELS` (``Solution``,
   ``Case`` ...). The first statement gives an existing node (say one whose kind was
   corrected from Company to Unit) exactly the graph's labels, so the MERGE with the full
   label set finds it instead of tripping the unique constraint; a new node is created
   with all its labels at once, which on FalkorDB is ~10x faster than ``SET n:Label``. The
   first statement is left out for a key label that had no node in the database when the
   load began (every such node is then created by this load, with the graph's labels).
   Properties are set by name, not from a per-row map (``SET n += row.props``): Neo4j cannot
   see a map's keys, assumes it may write ``id`` and plans an Eager that holds every row
   of the batch before the first write.
   Labels come from the model's vocabulary, checked with
   :func:`~samspil.core.model.check_identifier`; nothing in a label is read from data.
4. Relationships, grouped by (key label of source, type, key label of target, property
   keys), so each endpoint is found through the unique index of its key label::

       UNWIND $rows AS row
       MATCH (a:Actor {id: row[0]})
       MATCH (b:Solution {id: row[1]})
       MERGE (a)-[r:OWNS {case: row[2]}]->(b)
       SET r.`evidence` = row[3], r.`method` = row[4]

   A relationship's identity is (source, type, target, ``case``). An edge that belongs
   to no case (``IN_REGION``, ``PART_OF`` from reference data, derived
   ``COLLABORATES_WITH``) gets ``case: ""`` in the database: MERGE cannot match on a
   null property, and merging without ``case`` would match a same-typed edge of some
   case between the same two nodes. So identity is stable, and one database
   relationship stands for one edge of the MultiDiGraph.
5. Counts of nodes by label and relationships by type, read back by queries.

Every batch is a MERGE keyed on identity, so a batch that runs twice (the Neo4j driver
retries managed transactions), a second load, or a load re-run after one was killed half
way all end with the same counts and no duplicates. Properties are *merged* (only
the properties a row has are set): a property that disappeared from the graph stays in the database until a
``wipe=True`` load.

Property values are scalars (``bool``, ``int``, ``float``, ``str``) or lists of one scalar
type; ``None`` is dropped (also inside lists); anything else is refused with an
:class:`~samspil.core.errors.InputError` naming the node or edge.
"""

from __future__ import annotations

import math
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from samspil.drivers.base import CypherDriver
from samspil.core.errors import InputError
from samspil.core.model import LABELS, NODE_LABELS, check_identifier

#: ``progress(stage, done, total)``; stage is "wipe", "constraints", "nodes" or "relationships".
Progress = Callable[[str, int, int], None]

_INT64 = (-(2**63), 2**63 - 1)

#: Longest node ``id`` a load sends, in UTF-8 bytes. Ids are indexed under a unique
#: constraint: Neo4j's range index refuses a key over 8 164 bytes (after half a load), and
#: the FalkorDB server (4.x) crashes on a value over 4 096 bytes under its constraint.
MAX_ID_BYTES = 4096


@dataclass
class LoadReport:
    """What the database holds after a load, counted by queries, and what was sent.

    Attributes
    ----------
    engine : str
        ``"neo4j"`` or ``"falkordb"``.
    nodes, relationships : int
        All nodes and relationships in the database after the load.
    nodes_by_label : dict
        Label -> number of nodes carrying it (a node counts once per label).
    relationships_by_type : dict
        Type -> number of relationships.
    sent_nodes, sent_relationships : int
        Rows sent: nodes of the graph, and edges after merging those of equal identity.
    merged_edges : int
        MultiDiGraph edges that shared an identity (source, type, target, case) with an
        earlier one and so became the same relationship.
    relabelled_nodes : int
        Nodes already in the database whose vocabulary labels were changed to the graph's.
    deleted_nodes : int
        Nodes deleted by ``wipe=True``.
    seconds : float
        Wall time of the whole load.
    """

    engine: str
    nodes: int
    relationships: int
    nodes_by_label: dict[str, int]
    relationships_by_type: dict[str, int]
    sent_nodes: int
    sent_relationships: int
    merged_edges: int = 0
    relabelled_nodes: int = 0
    deleted_nodes: int = 0
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)

    def rows_per_second(self) -> float:
        """Nodes and relationships sent per second of load."""
        return (self.sent_nodes + self.sent_relationships) / self.seconds if self.seconds else 0.0


def key_label(labels: Iterable[str]) -> str:
    """The label a node is merged and matched on.

    Parameters
    ----------
    labels : iterable of str
        The node's labels, from the model.

    Returns
    -------
    str
        ``Actor`` for an actor, else the first of its labels that is in
        :data:`~samspil.core.model.NODE_LABELS`, else its first label.

    Examples
    --------
    >>> key_label(("Actor", "Municipality"))
    'Actor'
    >>> key_label(("Municipality", "Actor"))
    'Actor'
    >>> key_label(("Solution",))
    'Solution'
    """
    labels = list(labels)
    for label in labels:
        if label in NODE_LABELS:
            return label
    return labels[0]


def _clean_value(value: Any, where: object) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        if "\x00" in value:
            raise InputError(f"{where}: a NUL character cannot be stored")
        return value
    if isinstance(value, int):
        if not _INT64[0] <= value <= _INT64[1]:
            raise InputError(f"{where}: integer {value} does not fit in 64 bits")
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise InputError(f"{where}: {value} cannot be stored")
        return value
    if isinstance(value, (list, tuple)):
        items = [_clean_value(v, where) for v in value if v is not None]
        if any(isinstance(v, list) for v in items):
            raise InputError(f"{where}: a list of lists cannot be stored")
        kinds = {bool if isinstance(v, bool) else (float if isinstance(v, (int, float)) else str) for v in items}
        if len(kinds) > 1:
            raise InputError(f"{where}: a list mixing {', '.join(sorted(k.__name__ for k in kinds))} cannot be stored")
        if kinds == {float} and any(isinstance(v, float) for v in items):
            # Neo4j stores only homogeneous arrays: a mix of ints and floats becomes floats.
            items = [float(v) for v in items]
        return items
    raise InputError(f"{where}: a {type(value).__name__} cannot be stored; only scalars and lists of scalars")


class _Where:
    """Names a node or edge in an error message; formatted only when there is an error."""

    __slots__ = ("args", "fmt")

    def __init__(self, fmt: str, *args: Any) -> None:
        self.fmt, self.args = fmt, args

    def __str__(self) -> str:
        # A message stays one short line, however long the id or key it names.
        return self.fmt.format(*(a[:60] + "…" if isinstance(a, str) and len(a) > 61 else a for a in self.args))


def _clean_props(data: Mapping[str, Any], skip: tuple[str, ...], where: _Where) -> dict[str, Any]:
    props: dict[str, Any] = {}
    for key, value in data.items():
        if key in skip or value is None:
            continue
        if not isinstance(key, str) or not key or "`" in key or "\x00" in key:
            raise InputError(f"{where}: property name {key!r} cannot be stored")
        kind = type(value)
        if kind is str:
            if "\x00" in value:
                raise InputError(f"{where}, property {key}: a NUL character cannot be stored")
            props[key] = value
        elif kind is int and _INT64[0] <= value <= _INT64[1]:
            props[key] = value
        else:
            props[key] = _clean_value(value, _Where("{}, property {}", where, key))
    return props


def _batches(rows: list[Any], size: int) -> Iterable[list[Any]]:
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


#: Node rows grouped by (labels, property keys): ``[id, value, ...]`` in the keys' order.
NodeGroups = dict[tuple[tuple[str, ...], tuple[str, ...]], list[list[Any]]]
#: Relationship rows grouped by (key label of source, type, key label of target, property
#: keys): ``[source id, target id, case, value, ...]``.
EdgeGroups = dict[tuple[str, str, str, tuple[str, ...]], list[list[Any]]]


def _prepare_nodes(graph: nx.MultiDiGraph) -> tuple[NodeGroups, dict[Any, str]]:
    # Rows are lists, not maps, and grouped by their property keys: each statement then sets
    # named properties (n.name = row[1]) instead of a per-row map (n += row.props). Neo4j must
    # plan a map whose keys it cannot see as possibly writing id, so it put an Eager (every row
    # materialised before the first write) into every batch; lists also pack smaller.
    groups: NodeGroups = defaultdict(list)
    keys: dict[Any, str] = {}
    for node_id, data in graph.nodes(data=True):
        where = _Where("node {!r}", node_id)
        labels = data.get("labels")
        if isinstance(labels, str):
            labels = (labels,)
        if not labels:
            raise InputError(f"{where} has no labels")
        try:
            labels = tuple(dict.fromkeys(check_identifier(label) for label in labels))
        except ValueError as exc:
            raise InputError(f"{where}: {exc}") from None
        if not isinstance(node_id, (str, int)) or isinstance(node_id, bool):
            raise InputError(f"{where}: a node id must be a string or an integer")
        if isinstance(node_id, str) and len(node_id) * 4 > MAX_ID_BYTES and len(node_id.encode("utf-8")) > MAX_ID_BYTES:
            raise InputError(f"{where}: its id is {len(node_id.encode('utf-8')):,} bytes long; a unique index "
                             f"takes at most {MAX_ID_BYTES:,}")
        props = _clean_props(data, ("labels", "id"), where)
        keys[node_id] = key_label(labels)
        names = tuple(sorted(props))
        groups[(tuple(sorted(labels)), names)].append([node_id, *(props[k] for k in names)])
    return groups, keys


def _prepare_edges(graph: nx.MultiDiGraph, keys: Mapping[Any, str]) -> tuple[EdgeGroups, int]:
    identities: dict[tuple[Any, str, Any, str], dict[str, Any]] = {}
    merged = 0
    checked: set[str] = set()
    for src, dst, key, data in graph.edges(keys=True, data=True):
        where = _Where("edge {!r} -[{}]-> {!r}", src, key, dst)
        rel_type = data.get("type") or str(key).split("@", 1)[0]
        if rel_type not in checked:
            try:
                checked.add(check_identifier(rel_type))
            except (ValueError, TypeError) as exc:
                raise InputError(f"{where}: {exc}") from None
        case = data.get("case")
        case = "" if case is None else str(case)
        props = _clean_props(data, ("type", "case"), where)
        identity = (src, rel_type, dst, case)
        if identity in identities:
            merged += 1
            identities[identity].update(props)
        else:
            identities[identity] = props
    groups: EdgeGroups = defaultdict(list)
    for (src, rel_type, dst, case), props in identities.items():
        names = tuple(sorted(props))
        groups[(keys[src], rel_type, keys[dst], names)].append([src, dst, case, *(props[k] for k in names)])
    return groups, merged


def wipe_database(driver: CypherDriver, *, batch_size: int = 10_000, progress: Progress | None = None) -> int:
    """Delete every relationship and then every node, ``batch_size`` of them a transaction.

    Parameters
    ----------
    driver : CypherDriver
    batch_size : int
        Relationships, then nodes, deleted per transaction.
    progress : callable, optional
        ``progress("wipe", deleted_so_far, 0)`` after each batch.

    Returns
    -------
    int
        Nodes deleted.

    Examples
    --------
    >>> from samspil.drivers import connect
    >>> with connect() as db:
    ...     _ = db.run("UNWIND range(1, 5) AS i CREATE (:Theme {id: i})", write=True)
    ...     wipe_database(db, batch_size=2)
    5
    """
    # Relationships first, in batches of their own: DETACH DELETE of a batch of nodes takes every
    # relationship of a hub with it (Københavns Kommune has thousands at 10 000 cases), which
    # overruns the transaction memory of a server with a default heap.
    while True:
        rows = driver.run("MATCH ()-[r]->() WITH r LIMIT $limit DELETE r RETURN count(*) AS deleted",
                          {"limit": batch_size}, write=True)
        if (int(rows[0]["deleted"]) if rows else 0) < batch_size:
            break
    total = 0
    while True:
        rows = driver.run("MATCH (n) WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS deleted",
                          {"limit": batch_size}, write=True)
        deleted = int(rows[0]["deleted"]) if rows else 0
        total += deleted
        if progress:
            progress("wipe", total, 0)
        if deleted < batch_size:
            return total


def count_database(driver: CypherDriver) -> tuple[int, int, dict[str, int], dict[str, int]]:
    """Count what the database holds.

    Returns
    -------
    tuple
        ``(nodes, relationships, nodes_by_label, relationships_by_type)``, the dicts sorted by key.
    """
    nodes = int(driver.run("MATCH (n) RETURN count(n) AS n")[0]["n"])
    by_label = {r["label"]: int(r["n"]) for r in driver.run(
        "MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n")}
    by_type = {r["type"]: int(r["n"]) for r in driver.run(
        "MATCH ()-[r]->() RETURN type(r) AS type, count(r) AS n")}
    return nodes, sum(by_type.values()), dict(sorted(by_label.items())), dict(sorted(by_type.items()))


def _relabel_query(labels: tuple[str, ...]) -> str | None:
    merge_on = key_label(labels)
    missing = [label for label in labels if label != merge_on]
    stale = [label for label in LABELS if label not in labels]
    if not missing and not stale:
        return None
    # Only nodes whose labels differ are touched: changing a label is slow on FalkorDB
    # (milliseconds a node), and it is rare (an entity whose kind was corrected). The test
    # is on the labels(n) list, not on n:Label predicates, which Neo4j's planner turns into
    # a union of one index seek per label.
    query = (
        f"UNWIND $ids AS id\nMATCH (n:{merge_on} {{id: id}})\n"
        "WITH n, [l IN labels(n) WHERE l IN $vocabulary] AS have\n"
        "WHERE size(have) <> size($labels) OR any(l IN $labels WHERE NOT l IN have)\n"
    )
    if missing:
        query += "SET n:" + ":".join(missing) + "\n"
    if stale:
        query += "REMOVE n:" + ":".join(stale) + "\n"
    return query + "RETURN count(n) AS relabelled"


def _set_clause(variable: str, names: tuple[str, ...], first: int) -> str:
    # Named properties, each from its place in the row list. Setting only the keys a row has
    # keeps a property the graph no longer has (SET += semantics), and a property named here
    # is never the one MERGE matched on, so Neo4j plans no Eager.
    if not names:
        return ""
    return "\nSET " + ", ".join(f"{variable}.`{name}` = row[{first + i}]" for i, name in enumerate(names))


def _node_query(labels: tuple[str, ...], names: tuple[str, ...] = ()) -> str:
    # MERGE with the full label set: a new node is created with all its labels at once
    # (adding labels to an existing node one SET at a time is what FalkorDB does slowly).
    # _relabel_query has already given an existing node exactly these labels, so this
    # MERGE matches it and never trips the key label's unique constraint.
    merge_on = key_label(labels)
    ordered = [merge_on] + [label for label in labels if label != merge_on]
    return f"UNWIND $rows AS row\nMERGE (n:{':'.join(ordered)} {{id: row[0]}})" + _set_clause("n", names, 1)


def _edge_query(src_label: str, rel_type: str, dst_label: str, names: tuple[str, ...] = ()) -> str:
    return (
        "UNWIND $rows AS row\n"
        f"MATCH (a:{src_label} {{id: row[0]}})\n"
        f"MATCH (b:{dst_label} {{id: row[1]}})\n"
        f"MERGE (a)-[r:{rel_type} {{case: row[2]}}]->(b)" + _set_clause("r", names, 3)
    )


def load_graph(
    driver: CypherDriver,
    graph: nx.MultiDiGraph,
    *,
    batch_size: int = 10_000,
    wipe: bool = False,
    progress: Progress | None = None,
) -> LoadReport:
    """Load a Samspil graph into a Cypher engine (idempotent; see the module docstring).

    Parameters
    ----------
    driver : CypherDriver
        From :func:`samspil.drivers.connect`.
    graph : networkx.MultiDiGraph
        Nodes keyed by id with ``labels``; edges with ``type`` and ``case`` (see
        :mod:`samspil.core.model`).
    batch_size : int
        Rows (nodes or relationships) per transaction.
    wipe : bool
        Delete everything in the database first.
    progress : callable, optional
        Called as ``progress(stage, done, total)`` after every batch.

    Returns
    -------
    LoadReport
        Counts read back from the database.

    Raises
    ------
    InputError
        A node without labels, a label or type outside the vocabulary, an id longer than
        :data:`MAX_ID_BYTES`, a property value that cannot be stored. Raised before anything
        is written.
    EngineError
        The engine refused a batch or cannot be reached.

    Examples
    --------
    >>> import networkx as nx
    >>> from samspil.drivers import connect
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("k-621", labels=("Actor", "Municipality"), name="Kolding Kommune", kind="municipality")
    >>> g.add_node("r-1083", labels=("Actor", "Region"), name="Region Syddanmark", kind="region")
    >>> _ = g.add_edge("k-621", "r-1083", key="IN_REGION", type="IN_REGION", method="reference")
    >>> with connect() as db:
    ...     report = load_graph(db, g)
    >>> report.nodes, report.relationships_by_type
    (2, {'IN_REGION': 1})
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    t0 = time.perf_counter()
    timings: dict[str, float] = {}
    # Everything is checked before the first write, so bad data never leaves half a load.
    node_groups, keys = _prepare_nodes(graph)
    edge_groups, merged = _prepare_edges(graph, keys)
    sent_nodes = sum(len(rows) for rows in node_groups.values())
    sent_edges = sum(len(rows) for rows in edge_groups.values())

    deleted = 0
    if wipe:
        t = time.perf_counter()
        deleted = wipe_database(driver, batch_size=batch_size, progress=progress)
        timings["wipe"] = time.perf_counter() - t

    t = time.perf_counter()
    labels = sorted({label for group, _names in node_groups for label in group})
    for i, label in enumerate(labels, 1):
        driver.ensure_unique_id(label)
        if progress:
            progress("constraints", i, len(labels))
    populated = {label for label in {key_label(group) for group, _names in node_groups}
                 if int(driver.run(f"MATCH (n:{label}) RETURN count(n) AS n")[0]["n"])}
    timings["constraints"] = time.perf_counter() - t

    t = time.perf_counter()
    done = 0
    relabelled = 0
    for group in sorted(node_groups):
        labels, names = group
        # A key label with no node in the database before this load needs no relabelling:
        # every node of it is then one this load creates, with exactly the graph's labels.
        relabel = _relabel_query(labels) if key_label(labels) in populated else None
        query = _node_query(labels, names)
        for batch in _batches(node_groups[group], batch_size):
            if relabel:
                params = {"ids": [row[0] for row in batch], "labels": list(labels), "vocabulary": list(LABELS)}
                relabelled += int(driver.run(relabel, params, write=True)[0]["relabelled"])
            driver.run(query, {"rows": batch}, write=True)
            done += len(batch)
            if progress:
                progress("nodes", done, sent_nodes)
    timings["nodes"] = time.perf_counter() - t

    t = time.perf_counter()
    done = 0
    for group in sorted(edge_groups):
        query = _edge_query(*group)
        for batch in _batches(edge_groups[group], batch_size):
            driver.run(query, {"rows": batch}, write=True)
            done += len(batch)
            if progress:
                progress("relationships", done, sent_edges)
    timings["relationships"] = time.perf_counter() - t

    t = time.perf_counter()
    nodes, relationships, by_label, by_type = count_database(driver)
    timings["count"] = time.perf_counter() - t
    return LoadReport(
        engine=driver.engine,
        nodes=nodes,
        relationships=relationships,
        nodes_by_label=by_label,
        relationships_by_type=by_type,
        sent_nodes=sent_nodes,
        sent_relationships=sent_edges,
        merged_edges=merged,
        relabelled_nodes=relabelled,
        deleted_nodes=deleted,
        seconds=time.perf_counter() - t0,
        timings=timings,
    )
