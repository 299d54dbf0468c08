"""Two Cypher engines behind one small interface, and loading a Samspil graph into either.

* :class:`~samspil.drivers.base.CypherDriver` - ``run(query, params, write=False)`` returns
  rows as dicts of plain values, normalised the same way on both engines.
* :class:`~samspil.drivers.falkordb_driver.FalkorDBDriver` - the embedded engine (FalkorDB
  in a private child process, no TCP port), or a FalkorDB server at a URL.
* :class:`~samspil.drivers.neo4j_driver.Neo4jDriver` - a Neo4j 5 server.
* :func:`~samspil.drivers.load.load_graph` - the same load code for both.

Which engine :func:`~samspil.drivers.connection.connect` picks for a URI, and what the
environment may do, is written in :mod:`samspil.drivers.connection`.
"""

from __future__ import annotations

from samspil.drivers.base import CypherDriver, GraphNode, GraphPath, GraphRelationship
from samspil.drivers.connection import ENGINES, FALKORDB_SCHEMES, NEO4J_SCHEMES, connect, engine_for
from samspil.drivers.falkordb_driver import FalkorDBDriver
from samspil.drivers.load import LoadReport, load_graph
from samspil.drivers.neo4j_driver import Neo4jDriver, redact_uri

__all__ = [
    "ENGINES",
    "FALKORDB_SCHEMES",
    "NEO4J_SCHEMES",
    "CypherDriver",
    "FalkorDBDriver",
    "GraphNode",
    "GraphPath",
    "GraphRelationship",
    "LoadReport",
    "Neo4jDriver",
    "connect",
    "engine_for",
    "load_graph",
    "redact_uri",
]
