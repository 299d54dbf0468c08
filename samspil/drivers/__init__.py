"""Two Cypher engines behind one small interface, and loading a Samspil graph into either.

* :class:`~samspil.drivers.base.CypherDriver` - ``run(query, params, write=False)`` returns
  rows as dicts of plain values, normalised the same way on both engines.
* :class:`~samspil.drivers.falkordb_driver.FalkorDBDriver` - the embedded engine (FalkorDB
  in a private child process, no TCP port), or a FalkorDB server at a URL.
* :class:`~samspil.drivers.neo4j_driver.Neo4jDriver` - a Neo4j 5 server.
* :func:`~samspil.drivers.load.load_graph` - the same load code for both.

Which engine :func:`connect` picks
----------------------------------
========================================  ==============================================
call                                      engine
========================================  ==============================================
``connect()``                             embedded FalkorDB (the design's default)
``connect(engine="neo4j")``               Neo4j at ``NEO4J_URI`` (and the other NEO4J_*)
``connect("bolt://...")``, ``neo4j://``,  Neo4j at that URI
``neo4j+s://`` ...
``connect("falkor://host:6379")``,        a FalkorDB server someone runs
``falkors://``, ``redis://``, ``unix://``
========================================  ==============================================

The environment never switches engines by itself: ``NEO4J_URI`` being set does not make
``connect()`` go to Neo4j (a variable left over from another tool would otherwise send
writes to a server the user did not name). It is read only once Neo4j is asked for.
"""

from __future__ import annotations

from typing import Any

from samspil.drivers.base import CypherDriver, GraphNode, GraphPath, GraphRelationship
from samspil.drivers.falkordb_driver import FalkorDBDriver
from samspil.drivers.load import LoadReport, load_graph
from samspil.drivers.neo4j_driver import NEO4J_SCHEMES, Neo4jDriver, redact_uri
from samspil.core.errors import EngineError

__all__ = [
    "CypherDriver",
    "FalkorDBDriver",
    "GraphNode",
    "GraphPath",
    "GraphRelationship",
    "LoadReport",
    "Neo4jDriver",
    "connect",
    "load_graph",
]

FALKORDB_SCHEMES: tuple[str, ...] = ("falkor", "falkors", "redis", "rediss", "unix")
ENGINES: tuple[str, ...] = ("embedded", "falkordb", "neo4j")


def connect(uri: str | None = None, *, engine: str | None = None, **settings: Any) -> CypherDriver:
    """Open a Cypher engine: embedded FalkorDB by default, Neo4j for a Neo4j URI.

    Parameters
    ----------
    uri : str, optional
        ``bolt://``, ``neo4j://``, ``neo4j+s://`` ... for Neo4j; ``falkor://``, ``redis://``,
        ``unix://`` for a FalkorDB server; nothing for the embedded engine.
    engine : {"embedded", "falkordb", "neo4j"}, optional
        Ask for an engine without a URI: ``"neo4j"`` reads ``NEO4J_URI``; ``"embedded"`` and
        ``"falkordb"`` (without URI) start the embedded engine.
    **settings
        Passed on: for Neo4j ``username``, ``password``, ``database``, ``connect_timeout``;
        for FalkorDB ``graph``, ``persist_dir`` (embedded), ``startup_timeout``.

    Returns
    -------
    CypherDriver
        Close it (or use it as a context manager) to release it and stop an embedded server.

    Raises
    ------
    EngineError
        Unknown scheme or engine, or the engine cannot be reached.

    Examples
    --------
    >>> with connect() as db:
    ...     db.engine, db.run("RETURN 1 AS one")
    ('falkordb', [{'one': 1}])
    >>> connect("http://localhost:7474")
    Traceback (most recent call last):
    ...
    samspil.core.errors.EngineError: cannot tell the engine from 'http://localhost:7474': use bolt://, neo4j:// ... for Neo4j, falkor://, redis:// or unix:// for FalkorDB, or no URI for the embedded engine
    """
    if engine is not None and engine not in ENGINES:
        raise EngineError(f"unknown engine {engine!r}; expected one of {', '.join(ENGINES)}")
    if uri is None:
        if engine == "neo4j":
            return Neo4jDriver(**settings)
        return FalkorDBDriver(**settings)
    scheme = uri.split("://", 1)[0].lower() if "://" in uri else ""
    if scheme in NEO4J_SCHEMES and engine in (None, "neo4j"):
        return Neo4jDriver(uri, **settings)
    if scheme in FALKORDB_SCHEMES and engine in (None, "falkordb"):
        return FalkorDBDriver(uri, **settings)
    if scheme in NEO4J_SCHEMES + FALKORDB_SCHEMES:
        raise EngineError(f"engine {engine!r} does not go with the URI {redact_uri(uri)!r}")
    raise EngineError(
        f"cannot tell the engine from {redact_uri(uri)!r}: use bolt://, neo4j:// ... for Neo4j, "
        "falkor://, redis:// or unix:// for FalkorDB, or no URI for the embedded engine"
    )
