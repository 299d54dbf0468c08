"""The named Cypher queries: ``samspil/queries/cypher/*.cypher``, their headers, and running them.

Each file is one read-only query that runs unchanged on Neo4j 5 and on the embedded
FalkorDB (see ``docs/cypher-dialects.md``). It starts with a header of ``//`` comment
lines that this module reads::

    // title: An actor's partners, by sector / En aktørs partnere efter sektor
    // description: The actors that made at least one solution together with the actor
    //   (continuation lines are indented) ...
    // param actor (string): the actor's name (any case) or id
    // param limit (integer, default 20): at most this many rows
    // example: actor="Kolding Kommune"
    // example: actor="Region Syddanmark" limit=5
    // returns: sector, partner, partner_id, kind, shared, solutions

The header's form (shared with the example SPARQL queries) is read by
:func:`samspil.core.querytext.parse_header`; its fields are described there. The first
``example`` is *the* example (shown by ``samspil query``, used in the documentation); every
example is run by the parity test on both engines.

Parameter values given as text (``--param name=value`` on the command line) are typed by
the parameter's declared type for a named query (:meth:`NamedQuery.bind`) and by their look
for an ad-hoc query (:func:`parse_param`), where ``name:TYPE=value`` forces a type.

Examples
--------
>>> [q.name for q in list_queries()][:3]
['actor-partners-by-sector', 'actor-solutions', 'bridging-actors']
>>> get_query("cross-sector-solutions").bind({"minSectors": "2"})
{'minSectors': 2}
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from samspil.core.errors import SamspilError
from samspil.core.querytext import QueryParam, command_line, from_text, infer_value, param_types, parse_header, typed

if TYPE_CHECKING:  # imported lazily at run time: listing queries must not start an engine
    import networkx as nx

    from samspil.drivers import CypherDriver

__all__ = [
    "PARAM_TYPES",
    "QUERY_DIR",
    "NamedQuery",
    "QueryParam",
    "get_query",
    "list_queries",
    "load_embedded",
    "parse_param",
    "parse_params",
    "run_query",
]

#: Where the shipped queries live.
QUERY_DIR = Path(__file__).resolve().parent / "cypher"

#: Parameter types a Cypher header may declare (:data:`samspil.core.querytext.PARAM_TYPES`).
PARAM_TYPES: tuple[str, ...] = param_types("cypher")

_NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
_PARAM_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass(frozen=True)
class NamedQuery:
    """A shipped ``.cypher`` file and what its header says.

    Attributes
    ----------
    name : str
        The file name without ``.cypher`` (``cross-sector-solutions``).
    title, description, returns : str
        From the header.
    params : tuple of QueryParam
    examples : tuple of dict
        Parameter sets from the ``example:`` lines, already typed; the first is the example.
    text : str
        The whole file (header comments included; both engines skip ``//`` comments).
    path : Path
    """

    name: str
    title: str
    description: str
    params: tuple[QueryParam, ...]
    examples: tuple[dict[str, Any], ...]
    returns: str
    text: str
    path: Path
    example_texts: tuple[str, ...] = field(default=(), compare=False)

    @property
    def example(self) -> dict[str, Any]:
        """The first example's parameters (``{}`` for a query without parameters)."""
        return dict(self.examples[0]) if self.examples else {}

    @property
    def columns(self) -> list[str]:
        """The column names the ``returns:`` line lists, in order (what is in brackets dropped).

        Examples
        --------
        >>> get_query("cross-sector-ties").columns
        ['sector_a', 'sector_b', 'cross_sector', 'ties', 'shared_solutions']
        """
        names, depth, current = [], 0, ""
        for ch in self.returns + ",":
            if ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
            elif ch == "," and depth == 0:
                names.append(current.strip().split(" ")[0])
                current = ""
            elif depth == 0:
                current += ch
        return [n for n in names if n]

    def param(self, name: str) -> QueryParam:
        """The declared parameter ``name``; :class:`SamspilError` naming the known ones if none."""
        for p in self.params:
            if p.name == name:
                return p
        known = ", ".join(p.name for p in self.params) or "none"
        raise SamspilError(f"query {self.name} has no parameter {name!r} (its parameters: {known})")

    def bind(self, values: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """Check and type parameter values, and fill in defaults.

        Parameters
        ----------
        values : Mapping, optional
            Name -> value. A ``str`` value is converted to the declared type (as typed on the
            command line); other values must already have that type.

        Returns
        -------
        dict
            Every declared parameter with its value, ready for ``driver.run``.

        Raises
        ------
        SamspilError
            An unknown parameter, a missing required one, or a value of the wrong type.

        Examples
        --------
        >>> q = get_query("solutions-on-theme")
        >>> q.bind({"theme": "sundhed"})
        {'theme': 'sundhed'}
        >>> q.bind({})
        Traceback (most recent call last):
        ...
        samspil.core.errors.SamspilError: query solutions-on-theme needs parameter theme (string): the theme's name or id, e.g. sundhed or theme-sundhed
        """
        values = dict(values or {})
        bound: dict[str, Any] = {}
        for name in values:
            self.param(name)  # raises for an unknown name
        for p in self.params:
            if p.name in values:
                bound[p.name] = typed(values[p.name], p.type, f"query {self.name}, parameter {p.name}")
            elif p.required:
                raise SamspilError(f"query {self.name} needs parameter {p.name} ({p.type}): {p.description}")
            else:
                bound[p.name] = p.default
        return bound

    def usage(self) -> str:
        """The command line that runs the first example (``samspil query NAME --param ...``)."""
        return command_line(f"samspil query {self.name}", self.example_texts[0] if self.example_texts else "")

    def as_dict(self) -> dict[str, Any]:
        """What the header says, as plain data (``samspil query --format json`` prints a list of these).

        Returns
        -------
        dict
            ``name``, ``title``, ``description``, ``returns``, ``params`` (each with ``name``,
            ``type``, ``required``, ``default``, ``description``), ``examples`` and ``usage``.

        Examples
        --------
        >>> q = get_query("cross-sector-ties").as_dict()
        >>> q["name"], q["params"], q["usage"]
        ('cross-sector-ties', [], 'samspil query cross-sector-ties')
        """
        return {"name": self.name, "title": self.title, "description": self.description, "returns": self.returns,
                "params": [{"name": p.name, "type": p.type, "required": p.required, "default": p.default,
                            "description": p.description} for p in self.params],
                "examples": list(self.examples), "usage": self.usage()}


def parse_param(item: str) -> tuple[str, Any]:
    """Split one ``name=value`` (or ``name:TYPE=value``) into the name and its typed value.

    Parameters
    ----------
    item : str
        ``name=value``: the value's type is inferred (:func:`infer_value`);
        ``name:TYPE=value``: the value is read as TYPE, one of :data:`PARAM_TYPES`
        (``code:string=0621`` keeps the leading zero).

    Returns
    -------
    tuple
        ``(name, value)``.

    Raises
    ------
    SamspilError
        No ``=``, a name that is not an identifier, an unknown type, a value that is not of
        the type.

    Examples
    --------
    >>> parse_param("limit=5"), parse_param("kommunekode:string=0621"), parse_param("x:list<integer>=1,2")
    (('limit', 5), ('kommunekode', '0621'), ('x', [1, 2]))
    """
    name, sep, text = item.partition("=")
    if not sep:
        raise SamspilError(f"--param {item!r}: write name=value (or name:TYPE=value)")
    name, _, kind = name.strip().partition(":")
    if not _PARAM_NAME.match(name):
        raise SamspilError(f"--param {item!r}: {name!r} is not a parameter name (letters, digits, _)")
    if kind:
        if kind not in PARAM_TYPES:
            raise SamspilError(f"--param {item!r}: unknown type {kind!r} (known: {', '.join(PARAM_TYPES)})")
        return name, from_text(text, kind, f"parameter {name}")
    return name, infer_value(text)


def parse_params(items: Iterable[str], query: NamedQuery | None = None) -> dict[str, Any]:
    """Parameters from ``name=value`` texts: typed by ``query``'s header if given, else inferred.

    Examples
    --------
    >>> parse_params(["actor=0621"], get_query("actor-solutions"))
    {'actor': '0621'}
    >>> parse_params(["limit=5", "actor=Kolding Kommune"])
    {'limit': 5, 'actor': 'Kolding Kommune'}
    """
    out: dict[str, Any] = {}
    for item in items:
        if query is None:
            name, value = parse_param(item)
        else:
            name, sep, text = item.partition("=")
            name, _, kind = name.strip().partition(":")
            if not sep:
                raise SamspilError(f"--param {item!r}: write name=value")
            declared = query.param(name)
            where = f"query {query.name}, parameter {name}"
            if kind:  # name:TYPE=value: the user says how to read it; bind() checks it fits
                if kind not in PARAM_TYPES:
                    raise SamspilError(f"--param {item!r}: unknown type {kind!r} (known: {', '.join(PARAM_TYPES)})")
                value = from_text(text, kind, where)
            elif text.strip() == "null":
                value = None  # "no value", for every type; the text null is name:string=null
            else:
                value = from_text(text, declared.type, where)
        if name in out:
            raise SamspilError(f"parameter {name} is given twice")
        out[name] = value
    return out


def parse_query_file(path: Path) -> NamedQuery:
    """Read one ``.cypher`` file and its header.

    Raises
    ------
    SamspilError
        A header line that cannot be read, a parameter the text does not use (or one it
        uses that the header does not declare), an example that does not fit the params.
    """
    name = path.stem
    if not _NAME.match(name):
        raise SamspilError("a query name is lower-case words joined by '-'", path=path)
    text = path.read_text(encoding="utf-8")
    header = parse_header(text, "//", "cypher", source=path)
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))
    used = set(re.findall(r"\$([A-Za-z_][A-Za-z0-9_]*)", body))
    declared = {p.name for p in header.params}
    if used != declared:
        raise SamspilError(f"the header declares parameters {sorted(declared)} but the query uses {sorted(used)}",
                           path=path)
    query = NamedQuery(name, header.title or name, header.description, header.params, (), header.returns, text, path)
    examples = tuple(query.bind(parse_params(shlex.split(e), query)) for e in header.examples)
    if not examples and header.params:
        raise SamspilError("a query with parameters needs an 'example:' line", path=path)
    return NamedQuery(query.name, query.title, query.description, query.params, examples, query.returns,
                      text, path, header.examples)


@lru_cache(maxsize=4)
def _load(directory: str) -> tuple[NamedQuery, ...]:
    return tuple(parse_query_file(p) for p in sorted(Path(directory).glob("*.cypher")))


def list_queries(directory: str | Path | None = None) -> list[NamedQuery]:
    """The named queries, sorted by name.

    Parameters
    ----------
    directory : path, optional
        A folder of ``.cypher`` files; the shipped library when omitted.

    Returns
    -------
    list of NamedQuery

    Examples
    --------
    >>> len(list_queries()) >= 12
    True
    """
    return list(_load(str(Path(directory) if directory else QUERY_DIR)))


def get_query(name: str, directory: str | Path | None = None) -> NamedQuery:
    """The named query ``name``; :class:`SamspilError` listing the names if there is none.

    Examples
    --------
    >>> get_query("cases-per-region-year").params
    ()
    """
    queries = {q.name: q for q in list_queries(directory)}
    if name.endswith(".cypher"):
        name = name[: -len(".cypher")]
    if name not in queries:
        close = [n for n in queries if name in n or n in name]
        hint = f" (did you mean {', '.join(close)}?)" if close else f"; run `samspil query` to list them"
        raise SamspilError(f"no named query {name!r}{hint}")
    return queries[name]


def load_embedded(graph: nx.MultiDiGraph | None = None, *, batch_size: int = 10_000) -> CypherDriver:
    """A fresh embedded FalkorDB holding ``graph`` (the shipped graph when omitted).

    The caller closes the driver (or uses it in ``with``), which stops the engine.

    Parameters
    ----------
    graph : networkx.MultiDiGraph, optional
        A graph in the shape of :mod:`samspil.core.model`; :func:`samspil.corpus.sources.default_graph`
        when omitted (builds it: a few seconds).
    batch_size : int
        Rows per load transaction.

    Returns
    -------
    CypherDriver

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("theme-sundhed", labels=("Theme",), name="sundhed")
    >>> with load_embedded(g) as db:
    ...     db.run("MATCH (t:Theme) RETURN t.name AS name")
    [{'name': 'sundhed'}]
    """
    from samspil.drivers import connect, load_graph

    if graph is None:
        from samspil.graph.builder import default_graph

        graph = default_graph()
    driver = connect()
    try:
        load_graph(driver, graph, batch_size=batch_size)
    except BaseException:
        driver.close()
        raise
    return driver


def run_query(name: str, params: Mapping[str, Any] | None = None, driver: CypherDriver | None = None
              ) -> list[dict[str, Any]]:
    """Run a named query and return its rows.

    Parameters
    ----------
    name : str
        A name from :func:`list_queries` (``"actor-partners-by-sector"``).
    params : Mapping, optional
        Parameter values (Python values, or text as on the command line); left-out
        parameters take their defaults.
    driver : CypherDriver, optional
        Where to run it (from :func:`samspil.drivers.connect`, holding a loaded graph). When
        omitted the shipped graph is built and loaded into a fresh embedded engine for this
        one call (seconds; pass a driver to run several queries).

    Returns
    -------
    list of dict
        One dict per row, column -> value, in the query's (total) order.

    Raises
    ------
    SamspilError
        Unknown query or parameter, a parameter value of the wrong type; ``EngineError``
        when the engine refuses the query.

    Examples
    --------
    >>> from samspil.graph.builder import default_graph
    >>> with load_embedded(default_graph()) as db:
    ...     rows = run_query("cross-sector-solutions", {"minSectors": 3}, db)
    >>> all(r["n_sectors"] >= 3 for r in rows)
    True
    """
    query = get_query(name)
    bound = query.bind(params)
    if driver is not None:
        return driver.run(query.text, bound)
    with load_embedded() as db:
        return db.run(query.text, bound)
