"""Where a Cypher engine is: which engine a URI and an engine name ask for, and opening it.

The one place that reads connection settings, for the library and the command line alike:

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

from samspil.core.errors import EngineError
from samspil.drivers.base import CypherDriver
from samspil.drivers.falkordb_driver import FALKORDB_SCHEMES, FalkorDBDriver
from samspil.drivers.neo4j_driver import NEO4J_SCHEMES, Neo4jDriver, redact_uri

__all__ = ["ENGINES", "FALKORDB_SCHEMES", "NEO4J_SCHEMES", "connect", "engine_for"]

#: Engine names :func:`connect` and :func:`engine_for` take.
ENGINES: tuple[str, ...] = ("embedded", "falkordb", "neo4j")


def engine_for(uri: str | None = None, engine: str | None = None) -> str:
    """Which engine a URI and an engine name ask for, without connecting.

    Parameters
    ----------
    uri : str, optional
        ``bolt://``, ``neo4j://``, ``neo4j+s://`` ... for Neo4j; ``falkor://``, ``redis://``,
        ``unix://`` ... for a FalkorDB server; nothing for the embedded engine (or, with
        ``engine="neo4j"``, the Neo4j at ``NEO4J_URI``).
    engine : {"embedded", "falkordb", "neo4j"}, optional
        The engine asked for by name; it must go with ``uri`` when both are given.

    Returns
    -------
    str
        ``"embedded"`` (a private FalkorDB this process starts), ``"falkordb"`` (a FalkorDB
        server at ``uri``) or ``"neo4j"``.

    Raises
    ------
    EngineError
        Unknown engine or scheme, or an engine that does not go with the URI.

    Examples
    --------
    >>> engine_for(), engine_for(engine="neo4j"), engine_for("neo4j+s://db.example")
    ('embedded', 'neo4j', 'neo4j')
    >>> engine_for("unix:///run/falkordb.sock")
    'falkordb'
    >>> engine_for("falkor://u:pw@host:6379", engine="neo4j")
    Traceback (most recent call last):
    ...
    samspil.core.errors.EngineError: engine 'neo4j' does not go with the URI 'falkor://host:6379'
    """
    if engine is not None and engine not in ENGINES:
        raise EngineError(f"unknown engine {engine!r}; expected one of {', '.join(ENGINES)}")
    if uri is None:
        return "neo4j" if engine == "neo4j" else "embedded"
    scheme = uri.split("://", 1)[0].lower() if "://" in uri else ""
    if scheme in NEO4J_SCHEMES and engine in (None, "neo4j"):
        return "neo4j"
    if scheme in FALKORDB_SCHEMES and engine in (None, "falkordb"):
        return "falkordb"
    if scheme in NEO4J_SCHEMES + FALKORDB_SCHEMES:
        raise EngineError(f"engine {engine!r} does not go with the URI {redact_uri(uri)!r}")
    raise EngineError(
        f"cannot tell the engine from {redact_uri(uri)!r}: use bolt://, neo4j:// ... for Neo4j, "
        "falkor://, redis:// or unix:// for FalkorDB, or no URI for the embedded engine"
    )


def connect(uri: str | None = None, *, engine: str | None = None, **settings: Any) -> CypherDriver:
    """Open a Cypher engine: embedded FalkorDB by default, Neo4j for a Neo4j URI.

    Parameters
    ----------
    uri : str, optional
        ``bolt://``, ``neo4j://``, ``neo4j+s://`` ... for Neo4j; ``falkor://``, ``redis://``,
        ``unix://`` for a FalkorDB server; nothing for the embedded engine.
    engine : {"embedded", "falkordb", "neo4j"}, optional
        Ask for an engine without a URI: ``"neo4j"`` reads ``NEO4J_URI``; ``"embedded"`` and
        ``"falkordb"`` (without URI) start the embedded engine. See :func:`engine_for`.
    **settings
        Passed on: for Neo4j ``username``, ``password``, ``database``, ``connect_timeout``;
        for FalkorDB ``graph``, ``persist_dir`` (embedded), ``startup_timeout``. A setting
        given as ``None`` counts as not given, so the environment (``NEO4J_USERNAME`` ...)
        or the default fills it in: a command line passes its options as they are.

    Returns
    -------
    CypherDriver
        Close it (or use it as a context manager) to release it and stop an embedded server.

    Raises
    ------
    EngineError
        Unknown scheme or engine, a setting the engine does not take, or the engine cannot
        be reached.

    Examples
    --------
    >>> with connect() as db:
    ...     db.engine, db.run("RETURN 1 AS one")
    ('falkordb', [{'one': 1}])
    >>> connect("http://localhost:7474")
    Traceback (most recent call last):
    ...
    samspil.core.errors.EngineError: cannot tell the engine from 'http://localhost:7474': use bolt://, neo4j:// ... for Neo4j, falkor://, redis:// or unix:// for FalkorDB, or no URI for the embedded engine
    >>> connect("falkor://localhost:6379", username="neo4j")
    Traceback (most recent call last):
    ...
    samspil.core.errors.EngineError: FalkorDB takes no username setting (give the credentials in the URI)
    """
    target = engine_for(uri, engine)
    given = {name: value for name, value in settings.items() if value is not None}
    if target == "neo4j":
        return Neo4jDriver(uri, **given)
    for name in ("username", "password", "database"):
        if name in given:
            raise EngineError(f"FalkorDB takes no {name} setting (give the credentials in the URI)")
    return FalkorDBDriver(uri, **given)
