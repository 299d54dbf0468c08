"""Linked data: the graph as RDF, the Samspil vocabulary and SHACL shapes, and SPARQL, offline.

* :mod:`~samspil.linked_data.iris`: the base, the namespaces and the IRI of every node,
  relation, type and property; the prefixes of an export.
* :mod:`~samspil.linked_data.mapping`: what a node and an edge become (:func:`to_rdf`).
* :mod:`~samspil.linked_data.io`: Turtle, JSON-LD and N-Triples files in and out.
* :mod:`~samspil.linked_data.shacl`: the vocabulary, the shapes, :func:`validate`.
* :mod:`~samspil.linked_data.sparql`: the example queries and :func:`run_sparql`.

Importing the package registers the RDF formats (``turtle``, ``jsonld``, ``nt``) with
:mod:`samspil.graph.exports`. Nothing here reaches the network: the JSON-LD context is
embedded, SPARQL ``SERVICE`` and ``FROM`` (which make rdflib fetch URLs) are refused.
docs/linked-data.md describes the whole of it with examples.
"""

from samspil.linked_data.io import READ_FORMATS, RDF_FORMATS, read_rdf, serialise_rdf
from samspil.linked_data.iris import (BASE, DC, SCHEMA, SHAPES_IRI, SP, VOID, camel, concept, direct_property,
                                      node_id_of, node_iri, prefixes, relation_class, relation_iri, short_name)
from samspil.linked_data.mapping import bind_prefixes, summary, to_rdf, triples
from samspil.linked_data.shacl import (SHAPES_FILE, VOCAB_FILE, ShaclResult, ValidationReport, format_report,
                                       shapes, validate, vocabulary)
from samspil.linked_data.sparql import (QUERIES_DIR, ExampleQuery, SparqlResult, example_queries, parse_example,
                                        parse_param, queryable, resolve_query, run_sparql, terms_used,
                                        undefined_terms)

__all__ = [
    "BASE",
    "DC",
    "QUERIES_DIR",
    "READ_FORMATS",
    "RDF_FORMATS",
    "SCHEMA",
    "SHAPES_FILE",
    "SHAPES_IRI",
    "SP",
    "VOCAB_FILE",
    "VOID",
    "ExampleQuery",
    "ShaclResult",
    "SparqlResult",
    "ValidationReport",
    "bind_prefixes",
    "camel",
    "concept",
    "direct_property",
    "example_queries",
    "format_report",
    "node_id_of",
    "node_iri",
    "parse_example",
    "parse_param",
    "prefixes",
    "queryable",
    "read_rdf",
    "relation_class",
    "relation_iri",
    "resolve_query",
    "run_sparql",
    "serialise_rdf",
    "shapes",
    "short_name",
    "summary",
    "terms_used",
    "to_rdf",
    "triples",
    "undefined_terms",
    "validate",
    "vocabulary",
]
