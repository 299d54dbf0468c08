"""SPARQL on the export: the example queries (``samspil/linked_data/sparql/*.rq``), parameters, running.

Queries run in rdflib, read-only and offline: ``SERVICE`` and ``FROM`` (which make rdflib
fetch URLs) are refused. Parameters are bound before a query runs (rdflib
``initBindings``), never spliced into its text.
"""

from __future__ import annotations

import re
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS, XSD
from rdflib.query import Result

from samspil.core.errors import InputError, SamspilError
from samspil.core.querytext import QueryParam, command_line, example_values, from_text, param_types, parse_header
from samspil.linked_data.io import serialise_rdf
from samspil.linked_data.iris import BASE, SP, prefixes
from samspil.linked_data.mapping import bind_prefixes, to_rdf
from samspil.linked_data.shacl import vocabulary

#: Where the example queries live.
QUERIES_DIR = resources.files("samspil") / "linked_data" / "sparql"


@dataclass(frozen=True)
class ExampleQuery:
    """A shipped SPARQL query (``samspil/linked_data/sparql/{name}.rq``) and what its header says.

    The header is ``#`` comment lines at the top in the form of the Cypher library's ``//``
    headers (:func:`samspil.core.querytext.parse_header`), with one more field: ``cypher``,
    the named Cypher query that answers the same question::

        # title: An actor's partners, by sector
        # description: The actors an actor made solutions with ...
        # param actor (string): the actor's name (any case) or id
        # param minSectors (integer, default 3): the least number of sectors
        # example: actor="Kolding Kommune"
        # returns: actor_name, sector, partner, partner_id, kind, shared, solutions
        # cypher: actor-partners-by-sector

    Attributes
    ----------
    examples : tuple of dict
        The ``example:`` lines' values, as text (name -> value).
    example_texts : tuple of str
        The ``example:`` lines as written.
    """

    name: str
    title: str
    description: str
    params: tuple[QueryParam, ...]
    examples: tuple[dict[str, str], ...]
    returns: str
    cypher: str
    text: str
    example_texts: tuple[str, ...] = field(default=(), compare=False)

    def usage(self) -> str:
        """The command line that runs the first example (``samspil sparql NAME --param ...``)."""
        return command_line(f"samspil sparql {self.name}", self.example_texts[0] if self.example_texts else "")


def parse_example(name: str, text: str, source: str | Path | None = None) -> ExampleQuery:
    """Read an example query's header.

    Parameters
    ----------
    name : str
        The query's name.
    text : str
        The whole ``.rq`` file.
    source : str or Path, optional
        The file, for errors (the name when omitted).

    Returns
    -------
    ExampleQuery

    Raises
    ------
    SamspilError
        A header line or parameter that cannot be read.

    Examples
    --------
    >>> q = parse_example("x", "# title: X\\n# param year (integer, default 2019): a year\\n"
    ...                        "# example: year=2020\\nSELECT * {}")
    >>> q.title, q.params[0].default, q.examples, q.usage()
    ('X', 2019, ({'year': '2020'},), 'samspil sparql x --param year=2020')
    """
    header = parse_header(text, "#", "sparql", source=source or name, extra=("cypher",))
    return ExampleQuery(name, header.title or name, header.description, header.params,
                        tuple(example_values(e) for e in header.examples), header.returns,
                        header.extra.get("cypher", ""), text, header.examples)


def example_queries() -> dict[str, ExampleQuery]:
    """The shipped example queries by name (the file name without ``.rq``).

    Examples
    --------
    >>> "cross-sector-solutions" in example_queries()
    True
    """
    found = {}
    for item in sorted(QUERIES_DIR.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".rq"):
            name = item.name[:-3]
            found[name] = parse_example(name, item.read_text(encoding="utf-8"), str(item))
    return found


def resolve_query(query: str) -> tuple[str, ExampleQuery | None]:
    """The SPARQL text a user means: an example's name, a ``.rq`` file, or the query itself.

    Examples
    --------
    >>> text, example = resolve_query("solution-spread")
    >>> example.name, "SELECT" in text
    ('solution-spread', True)
    >>> resolve_query("ASK { ?s ?p ?o }")
    ('ASK { ?s ?p ?o }', None)
    """
    examples = example_queries()
    if query in examples:
        return examples[query].text, examples[query]
    if "\n" not in query and len(query) < 4096 and query.endswith(".rq"):
        path = Path(query)
        if not path.is_file():
            raise InputError("no such query file", path=path)
        text = path.read_text(encoding="utf-8")
        return text, parse_example(path.stem, text, path)
    return query, None


def _check_offline(parsed: Any) -> None:
    """Refuse what makes rdflib reach the network: SERVICE, and FROM / FROM NAMED."""
    from rdflib.plugins.sparql.parserutils import CompValue

    if parsed.algebra.get("datasetClause"):
        raise SamspilError("FROM and FROM NAMED are not supported: the query runs on the Samspil export only")
    stack = [parsed.algebra]
    while stack:
        node = stack.pop()
        if isinstance(node, CompValue):
            if node.name == "ServiceGraphPattern":
                raise SamspilError("SERVICE is not supported: samspil sparql does not reach the network")
            stack.extend(node.values())
        elif isinstance(node, (list, tuple)):
            stack.extend(node)


#: XSD datatypes of the literals a typed parameter value is bound as (a string is a plain literal).
_DATATYPES = {"integer": XSD.integer, "boolean": XSD.boolean}


def _term(name: str, value: Any, kind: str) -> URIRef | Literal:
    """A parameter value as the RDF term it is bound to: read as ``kind`` from its text."""
    if isinstance(value, (URIRef, Literal)):
        return value
    value = from_text(str(value), kind, f"parameter {name}")
    # Only when asked for: a name like "<script>" is text, never an IRI.
    return URIRef(value) if kind == "iri" else Literal(value, datatype=_DATATYPES.get(kind))


def parse_param(item: str) -> tuple[str, Any]:
    """One ``--param`` of ``samspil sparql``: ``name=value`` (text) or ``name:TYPE=value``.

    TYPE is one of the SPARQL types of :data:`samspil.core.querytext.PARAM_TYPES`; an
    example query's header types its own parameters, so ``name=value`` is enough there.

    Parameters
    ----------
    item : str

    Returns
    -------
    tuple
        ``(name, value)``: the value is text, or the RDF term of a typed one.

    Examples
    --------
    >>> parse_param("actor=Kolding Kommune")
    ('actor', 'Kolding Kommune')
    >>> parse_param("n:integer=3"), parse_param("x:iri=<https://w3id.org/samspil/id/region-1083>")[1]
    (('n', rdflib.term.Literal('3', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#integer'))), rdflib.term.URIRef('https://w3id.org/samspil/id/region-1083'))
    """
    name, sep, value = item.partition("=")
    name, _, kind = name.strip().lstrip("?$").partition(":")
    if not sep or not re.fullmatch(r"[A-Za-z_]\w*", name):
        raise SamspilError(f"--param {item!r}: write NAME=VALUE or NAME:TYPE=VALUE")
    if kind and kind not in param_types("sparql"):
        raise SamspilError(f"--param {item!r}: unknown type {kind!r}; use one of {', '.join(param_types('sparql'))}")
    return name, (_term(name, value, kind) if kind else value)


@dataclass
class SparqlResult:
    """The answer to a SPARQL query.

    Attributes
    ----------
    kind : str
        ``select``, ``ask`` or ``graph`` (CONSTRUCT, DESCRIBE).
    columns : list of str
        Variables of a SELECT, in order.
    result : rdflib.query.Result
        rdflib's result, for its serialisers (SPARQL 1.1 JSON, CSV, TSV).
    seconds : float
    """

    kind: str
    columns: list[str]
    result: Result
    seconds: float = 0.0

    def rows(self) -> list[dict[str, Any]]:
        """SELECT rows as dicts of plain Python values: IRIs as ``str``, literals as Python values.

        Unbound variables are None.
        """
        return [{c: _plain(row[i]) for i, c in enumerate(self.columns)} for row in self.result]

    def boolean(self) -> bool:
        """The answer of an ASK query."""
        return bool(self.result.askAnswer)

    def graph(self) -> Graph:
        """The graph of a CONSTRUCT or DESCRIBE query."""
        return bind_prefixes(self.result.graph)

    def serialise(self, fmt: str) -> str:
        """The result as SPARQL 1.1 JSON (``json``) or CSV (``csv``); a graph as Turtle or JSON-LD."""
        if self.kind == "graph":
            if fmt == "csv":
                raise SamspilError("CONSTRUCT and DESCRIBE give a graph: use --format table (Turtle) or json "
                                   "(JSON-LD), not csv")
            return serialise_rdf(self.graph(), "jsonld" if fmt == "json" else "turtle").decode("utf-8")
        if self.kind == "ask" and fmt == "csv":
            return f"boolean\r\n{str(self.boolean()).lower()}\r\n"
        data = self.result.serialize(format=fmt, encoding="utf-8")
        return data.decode("utf-8") if isinstance(data, bytes) else str(data)


def _plain(term: Any) -> Any:
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        # Decimals from SUM/AVG and anything rdflib cannot turn into Python stay readable.
        if isinstance(value, Literal):
            return str(value)
        return float(value) if type(value).__name__ == "Decimal" else value
    return str(term)


def run_sparql(data: Graph, query: str, params: Mapping[str, Any] | None = None, *,
               example: ExampleQuery | None = None) -> SparqlResult:
    """Run a read-only SPARQL 1.1 query on an RDF graph, with bound parameters.

    Parameters
    ----------
    data : rdflib.Graph
        An export, with the vocabulary added if labels of terms are wanted.
    query : str
        SELECT, ASK, CONSTRUCT or DESCRIBE. Updates, SERVICE and FROM are refused.
    params : Mapping, optional
        Variable name (without ``?``) -> value, bound before the query runs (rdflib
        ``initBindings``): safe against injection, the value is never spliced into the text.
        Text is a string literal unless the example's header gives the parameter another
        type; rdflib terms (``URIRef``, ``Literal``) are bound as they are.
    example : ExampleQuery, optional
        The example the query comes from, for the types and names of its parameters.

    Returns
    -------
    SparqlResult

    Raises
    ------
    SamspilError
        The query does not parse (one line), or asks for the network, or a parameter is
        unknown to the example.

    Examples
    --------
    >>> from samspil.graph.builder import default_graph
    >>> rdf = to_rdf(default_graph())
    >>> res = run_sparql(rdf, "PREFIX sp: <https://w3id.org/samspil/vocab#> "
    ...                       "SELECT ?code WHERE { ?m rdfs:label ?name ; sp:kommunekode ?code }",
    ...                  {"name": "Kolding Kommune"})
    >>> res.rows()
    [{'code': '0621'}]
    """
    from pyparsing import ParseException
    from rdflib.plugins.sparql import prepareQuery

    try:
        parsed = prepareQuery(query, initNs=prefixes())
    except ParseException as exc:
        raise SamspilError(f"not a SPARQL query: {' '.join(str(exc).split())} "
                           f"(at line {exc.lineno}, column {exc.col})") from None
    except Exception as exc:
        raise SamspilError(f"not a SPARQL query: {' '.join(str(exc).split())[:300]}") from None
    _check_offline(parsed)
    values = dict(params or {})
    types = {p.name: p.type for p in example.params} if example else {}
    if example:
        unknown = sorted(set(values) - set(types))
        if unknown:
            raise SamspilError(f"{example.name} has no parameter {', '.join(unknown)}; "
                               f"it takes {', '.join(types) or 'none'}")
        for p in example.params:
            if p.name not in values and p.required:
                raise SamspilError(f"{example.name} needs parameter {p.name} ({p.type}): {p.description}")
        values = {**{p.name: p.default for p in example.params if not p.required}, **values}
    # None (a default of null) leaves the variable unbound.
    bindings = {name: _term(name, value, types.get(name, "string")) for name, value in values.items()
                if value is not None}
    started = time.perf_counter()
    try:
        result = data.query(parsed, initBindings=bindings)
        kind = {"SELECT": "select", "ASK": "ask"}.get(result.type, "graph")
        if kind == "select":
            # rdflib evaluates lazily: materialise so that errors surface here, and time it.
            result.bindings = list(result.bindings)
    except SamspilError:
        raise
    except Exception as exc:
        raise SamspilError(f"the query failed: {' '.join(str(exc).split())[:300]}") from None
    columns = [str(v) for v in (result.vars or [])] if kind == "select" else []
    return SparqlResult(kind, columns, result, time.perf_counter() - started)


def queryable(g: nx.MultiDiGraph | None = None, rdf: Graph | None = None, *, with_vocabulary: bool = True,
              base: str = BASE) -> Graph:
    """The graph ``samspil sparql`` queries: an export (made from ``g`` or given) plus the vocabulary.

    The vocabulary's triples let a query ask for Danish or English labels of classes,
    statuses and roles; they add no instances of Samspil's classes.
    """
    data = rdf if rdf is not None else to_rdf(g, base=base)
    if with_vocabulary:
        data = data + vocabulary()
        bind_prefixes(data, base)
    return data


def terms_used(rdf: Graph) -> set[URIRef]:
    """Every ``sp:`` term an RDF graph uses as a predicate, a type or a value.

    Examples
    --------
    >>> g = nx.MultiDiGraph(); g.add_node("theme-x", labels=("Theme",), name="x")
    >>> sorted(t.rsplit("#")[1] for t in terms_used(to_rdf(g)))
    ['Theme']
    """
    ns = str(SP)
    found: set[URIRef] = set()
    for s, p, o in rdf:
        for term in (p, o):
            if isinstance(term, URIRef) and str(term).startswith(ns) and str(term) != ns:
                found.add(term)
    return found


def undefined_terms(rdf: Graph, vocab: Graph | None = None) -> list[str]:
    """``sp:`` terms an export uses that the vocabulary does not define with da and en labels.

    A property added to the graph model shows up here until it is written into
    ``samspil/data/vocab/samspil.ttl``.

    Examples
    --------
    >>> from samspil.graph.builder import default_graph
    >>> undefined_terms(to_rdf(default_graph()))
    []
    """
    vocab = vocab if vocab is not None else vocabulary()
    missing = []
    for term in sorted(terms_used(rdf)):
        langs = {lit.language for lit in vocab.objects(term, RDFS.label) if isinstance(lit, Literal)}
        if not {"da", "en"} <= langs:
            missing.append("sp:" + str(term)[len(str(SP)):])
    return missing

