"""Neo4j through the official ``neo4j`` Python driver.

Settings come from arguments or, where an argument is not given, from the
environment: ``NEO4J_URI`` (``bolt://``, ``neo4j://``, ``neo4j+s://``, ``bolt+s://`` ...),
``NEO4J_USERNAME`` (default ``neo4j``), ``NEO4J_PASSWORD`` and ``NEO4J_DATABASE``
(default: the server's default database).

Every query runs in a managed transaction (``execute_read`` / ``execute_write``), so the
driver retries it on transient errors and on a lost leader: a query passed with
``write=True`` must be safe to run twice (the loader's batches are). Read queries run in
a READ access-mode session, where Neo4j itself refuses a write.

Because every query is a managed (explicit) transaction, ``CALL { … } IN TRANSACTIONS``
cannot go through :meth:`Neo4jDriver.run` (Neo4j: "can only be executed in an implicit
transaction"); batch in Python instead, as :mod:`samspil.drivers.load` does. FalkorDB
does not have the clause at all. The server's notifications about the last query (unknown
labels, deprecations, cartesian products ...) are kept in :attr:`Neo4jDriver.notifications`
as one line each (:func:`notification_lines`).
"""

from __future__ import annotations

import logging
import os
import re
import time
from collections.abc import Mapping
from typing import Any

from samspil.drivers.base import (
    CypherDriver,
    GraphNode,
    GraphPath,
    GraphRelationship,
    check_params,
    first_line,
    normalise_scalar,
)
from samspil.core.errors import EngineError

# The neo4j driver logs each failed connection attempt as a warning; with no handler
# configured, Python's last-resort handler prints them to stderr, several lines per try,
# next to the one-line EngineError that says the same. Records still reach any handler
# the application configures on the root logger.
logging.getLogger("neo4j").addHandler(logging.NullHandler())

#: URI schemes the Neo4j driver understands.
NEO4J_SCHEMES: tuple[str, ...] = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


def _setting(value: str | None, name: str, default: str | None = None) -> str | None:
    if value is not None:
        return value
    return os.environ.get(name) or default


def _reason(exc: BaseException) -> str:
    """The root cause of a connection failure, in one line ("[Errno 111] Connection refused")."""
    seen: list[BaseException] = []
    todo: list[BaseException] = [exc]
    while todo:
        current = todo.pop()
        seen.append(current)
        todo.extend(getattr(current, "exceptions", ()) or ())
        if current.__cause__ is not None:
            todo.append(current.__cause__)
    for candidate in reversed(seen):
        text = str(candidate)
        if "(reason " in text:
            return text.rsplit("(reason ", 1)[1].rstrip(")").strip()
    return first_line(seen[-1]).rstrip(":")


def redact_uri(uri: str) -> str:
    """``uri`` without any ``user:password@`` part, for messages.

    Examples
    --------
    >>> redact_uri("neo4j+s://neo4j:hemmelig@db.example:7687")
    'neo4j+s://db.example:7687'
    """
    scheme, sep, rest = uri.partition("://")
    if sep and "@" in rest:
        rest = rest.split("@", 1)[1]
    return f"{scheme}{sep}{rest}"


class Neo4jDriver(CypherDriver):
    """A :class:`CypherDriver` on a Neo4j 5 server.

    Parameters
    ----------
    uri : str, optional
        ``bolt://host:7687``, ``neo4j://host``, ``neo4j+s://host`` ...; default ``NEO4J_URI``.
    username : str, optional
        Default ``NEO4J_USERNAME``, else ``neo4j``.
    password : str, optional
        Default ``NEO4J_PASSWORD``. With no password at all the driver connects without
        authentication (a server with ``dbms.security.auth_enabled=false``).
    database : str, optional
        Default ``NEO4J_DATABASE``, else the server's default database.
    connect_timeout : float
        Seconds to keep trying to reach the server before giving up (it may still be
        starting). A wrong password or an unknown database fails at once.

    Raises
    ------
    EngineError
        No URI, unreachable server, refused credentials, unknown database.

    Examples
    --------
    >>> db = Neo4jDriver("bolt://127.0.0.1:7687", password="secret")  # doctest: +SKIP
    >>> db.run("MATCH (m:Municipality) RETURN count(m) AS n")        # doctest: +SKIP
    [{'n': 98}]
    """

    engine = "neo4j"

    def __init__(
        self,
        uri: str | None = None,
        *,
        username: str | None = None,
        password: str | None = None,
        database: str | None = None,
        connect_timeout: float = 10.0,
    ) -> None:
        import neo4j

        uri = _setting(uri, "NEO4J_URI")
        if not uri:
            raise EngineError("no Neo4j URI: pass one (bolt://host:7687) or set NEO4J_URI")
        scheme = uri.split("://", 1)[0].lower() if "://" in uri else ""
        if scheme not in NEO4J_SCHEMES:
            raise EngineError(f"not a Neo4j URI: {redact_uri(uri)} (expected {', '.join(s + '://' for s in NEO4J_SCHEMES)})")
        self.uri = uri
        self.username = _setting(username, "NEO4J_USERNAME", "neo4j")
        password = _setting(password, "NEO4J_PASSWORD")
        self.database = _setting(database, "NEO4J_DATABASE")
        #: The server's notifications about the last query run, one line each.
        self.notifications: list[str] = []
        auth = (self.username, password) if password is not None else None
        try:
            self._driver = neo4j.GraphDatabase.driver(
                uri,
                auth=auth,
                # Short per-attempt timeouts; _connect retries them up to connect_timeout.
                connection_timeout=min(3.0, connect_timeout),
                connection_acquisition_timeout=max(connect_timeout, 10.0),
                max_transaction_retry_time=15.0,
            )
        except (neo4j.exceptions.ConfigurationError, ValueError) as exc:
            raise EngineError(f"cannot use Neo4j URI {redact_uri(uri)}: {first_line(exc)}") from None
        try:
            self._connect(connect_timeout)
        except BaseException:
            self._driver.close()
            raise

    def describe(self) -> str:
        return f"neo4j ({redact_uri(self.uri)}, database {self.database or 'default'})"

    def _connect(self, timeout: float) -> None:
        from neo4j.exceptions import AuthError, ServiceUnavailable, SessionExpired

        deadline = time.monotonic() + timeout
        delay = 0.25
        while True:
            try:
                self._driver.verify_connectivity()
                break
            except AuthError:
                raise EngineError(
                    f"Neo4j at {redact_uri(self.uri)} refused user {self.username!r} and its password "
                    "(check NEO4J_USERNAME / NEO4J_PASSWORD)"
                ) from None
            except (ServiceUnavailable, SessionExpired, OSError) as exc:
                if time.monotonic() + delay > deadline:
                    raise EngineError(
                        f"cannot reach Neo4j at {redact_uri(self.uri)} (tried for {timeout:g} s): {_reason(exc)}"
                    ) from None
                time.sleep(delay)
                delay = min(delay * 2, 2.0)
        # verify_connectivity does not open the database on a bolt:// URI: ask it something.
        self.run("RETURN 1 AS ok")

    def _error(self, exc: Exception) -> EngineError:
        from neo4j.exceptions import AuthError, DriverError, Neo4jError, ServiceUnavailable, SessionExpired

        if isinstance(exc, AuthError):
            return EngineError(f"Neo4j at {redact_uri(self.uri)} refused the credentials of user {self.username!r}")
        if isinstance(exc, Neo4jError):
            code = exc.code or ""
            if code == "Neo.ClientError.Statement.AccessMode" or "in read access mode" in (exc.message or ""):
                return EngineError(
                    "the query writes to the graph and was run read-only (neo4j refused it); "
                    "pass write=True to allow writing"
                )
            if code == "Neo.ClientError.Database.DatabaseNotFound":
                return EngineError(f"Neo4j at {redact_uri(self.uri)} has no database {self.database!r}")
            return EngineError(f"neo4j refused the query: {first_line(exc.message or exc)}")
        if isinstance(exc, (ServiceUnavailable, SessionExpired)):
            return EngineError(f"lost the connection to Neo4j at {redact_uri(self.uri)}: {_reason(exc)}")
        if isinstance(exc, DriverError):
            return EngineError(f"neo4j driver error: {first_line(exc)}")
        return EngineError(f"neo4j: {first_line(exc)}")

    def run(self, query: str, params: Mapping[str, Any] | None = None, *, write: bool = False) -> list[dict[str, Any]]:
        import neo4j
        from neo4j.exceptions import DriverError, Neo4jError

        parameters = check_params(params)

        def work(tx: neo4j.ManagedTransaction) -> list[dict[str, Any]]:
            result = tx.run(query, parameters)
            records = list(result)
            rows = _Normaliser(tx).rows(list(result.keys()), records)
            self.notifications = notification_lines(result.consume())
            return rows

        try:
            with self._driver.session(
                database=self.database,
                default_access_mode=neo4j.WRITE_ACCESS if write else neo4j.READ_ACCESS,
            ) as session:
                return session.execute_write(work) if write else session.execute_read(work)
        except (Neo4jError, DriverError) as exc:
            raise self._error(exc) from None

    def ensure_unique_id(self, label: str) -> None:
        # Named so that a second load finds it; IF NOT EXISTS also accepts an equivalent
        # unnamed constraint someone created by hand.
        name = f"samspil_{label.lower()}_id"
        self.run(f"CREATE CONSTRAINT {name} IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE", write=True)

    def close(self) -> None:
        self._driver.close()


def notification_lines(summary: Any) -> list[str]:
    """The notifications of a result summary, one line each: GQL status, text, position.

    Parameters
    ----------
    summary : neo4j.ResultSummary
        What ``result.consume()`` returned.

    Returns
    -------
    list of str
        E.g. ``"01N50 label does not exist. The label `Municipalty` does not exist. Verify
        that the spelling is correct. (line 1, column 10)"``; successful-completion and
        no-data statuses are not notifications and are left out.

    Examples
    --------
    >>> from types import SimpleNamespace as NS
    >>> status = NS(is_notification=True, gql_status="01N50", position=NS(line=1, column=10),
    ...             status_description="warn: label does not exist. The label `X` does not exist.")
    >>> notification_lines(NS(gql_status_objects=[status]))
    ['01N50 label does not exist. The label `X` does not exist. (line 1, column 10)']
    """
    lines = []
    for status in summary.gql_status_objects:
        if not status.is_notification:
            continue
        text = re.sub(r"^(warn|info|note|error): ", "", status.status_description or "")
        where = f" (line {status.position.line}, column {status.position.column})" if status.position else ""
        lines.append(first_line(f"{status.gql_status} {text}{where}"))
    return lines


class _Normaliser:
    """Converts one result's Neo4j values; resolves relationship endpoints to ``id``s."""

    def __init__(self, tx: Any) -> None:
        self.tx = tx
        self.ids: dict[str, Any] = {}  # element id -> the node's id property
        self.pending_ends: list[tuple[GraphRelationship, str, str]] = []

    def rows(self, columns: list[str], records: list[Any]) -> list[dict[str, Any]]:
        out = [{c: self.value(record[c]) for c in columns} for record in records]
        if self.pending_ends:
            missing = sorted({i for _, s, e in self.pending_ends for i in (s, e)} - self.ids.keys())
            if missing:
                # Same transaction: the endpoints are read in the same snapshot as the result.
                found = self.tx.run("MATCH (n) WHERE elementId(n) IN $ids RETURN elementId(n) AS e, n.id AS id",
                                    {"ids": missing})
                self.ids.update({r["e"]: normalise_scalar(r["id"]) for r in found})
            for rel, s, e in self.pending_ends:
                rel["start"] = self.ids.get(s)
                rel["end"] = self.ids.get(e)
        return out

    def value(self, value: Any) -> Any:
        from neo4j.graph import Node, Path, Relationship

        if isinstance(value, Node):
            return self.node(value)
        if isinstance(value, Relationship):
            return self.relationship(value)
        if isinstance(value, Path):
            nodes = [self.node(n) for n in value.nodes]
            return GraphPath.make(nodes, [self.relationship(r) for r in value.relationships])
        if isinstance(value, list):
            return [self.value(v) for v in value]
        if isinstance(value, Mapping):
            return {str(k): self.value(v) for k, v in value.items()}
        return normalise_scalar(value)

    def node(self, node: Any) -> GraphNode:
        out = GraphNode.make(dict(node.items()), node.labels)
        # A node without an id property (the virtual nodes of db.schema.visualization(),
        # which no query can find again) is known by its name in relationship endpoints.
        self.ids[node.element_id] = out["id"] if out["id"] is not None else out["properties"].get("name")
        return out

    def relationship(self, rel: Any) -> GraphRelationship:
        out = GraphRelationship.make(rel.type, None, None, dict(rel.items()))
        self.pending_ends.append((out, rel.start_node.element_id, rel.end_node.element_id))
        return out
