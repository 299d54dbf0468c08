"""The graph as linked data: RDF with W3C ORG, schema.org, PROV-O and DCTERMS, SHACL, SPARQL.

What a node and an edge of the property graph become
----------------------------------------------------
* A node becomes ``<https://w3id.org/samspil/id/{id}>`` (the Samspil id, percent-encoded),
  typed ``sp:{Label}`` for each of its labels and with the standard classes of
  :data:`STANDARD_TYPES` (every actor is an ``org:Organization`` and a ``prov:Agent``, a
  municipality also a ``schema:GovernmentOrganization`` ...). Its ``name`` is its
  ``rdfs:label``, its id its ``dcterms:identifier``; properties map as in
  :data:`NODE_PROPERTIES`.
* An edge ``(u)-[:TYPE {case, evidence, method ...}]->(v)`` becomes

  - the *direct triple* ``u sp:type v`` (the type in lowerCamelCase: ``PARTNER_IN`` is
    ``sp:partnerIn``) and, where a standard has the same statement, that one too
    (``org:subOrganizationOf``, ``org:memberOf``, ``prov:wasAttributedTo``,
    ``prov:wasInfluencedBy``, ``schema:mentions``, ``dcterms:subject``, ``dcterms:isPartOf``);
  - a *qualified relation* ``<https://w3id.org/samspil/rel/{u}.{TYPE}.{v}.{case}>`` of the
    class in :data:`RELATION_CLASSES` with ``sp:from u``, ``sp:to v``, ``sp:case``,
    ``sp:evidence``, ``sp:method`` and the edge's own properties. Ownership, partnership and
    nomination are ``prov:Attribution`` s (``prov:qualifiedAttribution``, ``prov:agent``,
    ``prov:hadRole``), spread and inspiration ``prov:Influence`` s
    (``prov:qualifiedInfluence``), a derived collaboration ``prov:wasDerivedFrom`` the
    attributions it was derived from, membership of a network an ``org:Membership``.

So one edge is one qualified relation: counting ``?r sp:from ?x`` counts the edges, and
a SPARQL query can follow the direct triples as a Cypher query follows relationships.
The vocabulary (``samspil/data/vocab/samspil.ttl``) defines every ``sp:`` term with Danish
and English labels; the shapes (``samspil/data/shapes/samspil.shapes.ttl``) say what a
valid export is. docs/linked-data.md has the whole mapping with examples.

Nothing here reaches the network: the JSON-LD context is embedded, SPARQL ``SERVICE``
and ``FROM`` (which make rdflib fetch URLs) are refused.
"""

from __future__ import annotations

import json
import re
import shlex
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import networkx as nx
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, RDF, RDFS, SH, SKOS, XSD
from rdflib.query import Result

from samspil.core.errors import InputError, SamspilError
from samspil.graph.exports import ExportFormat, register_format

#: The one base every Samspil IRI is under (see docs/linked-data.md, "IRIs").
BASE = "https://w3id.org/samspil/"
#: The Samspil vocabulary.
SP = Namespace(BASE + "vocab#")
SCHEMA = Namespace("https://schema.org/")
DC = Namespace("http://purl.org/dc/elements/1.1/")
VOID = Namespace("http://rdfs.org/ns/void#")
#: The IRI of the shapes graph an export conforms to.
SHAPES_IRI = URIRef(BASE + "shapes")

_DATA = resources.files("samspil") / "data"
VOCAB_FILE = _DATA / "vocab" / "samspil.ttl"
CONTEXT_FILE = _DATA / "vocab" / "context.jsonld"
SHAPES_FILE = _DATA / "shapes" / "samspil.shapes.ttl"
QUERIES_DIR = resources.files("samspil") / "queries" / "sparql"

#: Standard classes per label, asserted next to ``sp:{Label}`` so that a user needs no
#: reasoner to find every ``org:Organization``.
STANDARD_TYPES: dict[str, tuple[URIRef, ...]] = {
    "Actor": (ORG.Organization, PROV.Agent),
    "Municipality": (SCHEMA.GovernmentOrganization,),
    "Region": (SCHEMA.GovernmentOrganization,),
    "Hospital": (SCHEMA.Hospital,),
    "StateAgency": (SCHEMA.GovernmentOrganization,),
    "Company": (SCHEMA.Corporation,),
    "Foundation": (SCHEMA.NGO,),
    "Association": (SCHEMA.NGO,),
    "KnowledgeInstitution": (SCHEMA.CollegeOrUniversity,),
    "Network": (ORG.OrganizationalCollaboration,),
    "Unit": (ORG.OrganizationalUnit,),
    "Solution": (PROV.Entity,),
    "Case": (PROV.Entity,),
    "Source": (DCTERMS.BibliographicResource, PROV.Entity),
    "Theme": (SKOS.Concept,),
    "Person": (FOAF.Person, SCHEMA.Person),
    "Group": (FOAF.Group,),
    "Channel": (SKOS.Concept,),
}

#: Node properties with a standard (or a named Samspil) term; any other property ``p``
#: becomes ``sp:p`` in lowerCamelCase.
NODE_PROPERTIES: dict[str, URIRef] = {
    "name": RDFS.label,
    "title": DCTERMS.title,
    "summary": DCTERMS.abstract,
    "publisher": DC.publisher,  # a name, not an agent: dcterms:publisher wants a resource
    "path": SP.sourceFile,
    "phone": SCHEMA.telephone,
    "email": SCHEMA.email,
    "name_en": SKOS.prefLabel,  # a theme's English name
    "slug": SKOS.notation,  # a theme's code (aeldre, boern-og-unge)
}
#: Properties whose text is in a known language.
LANGUAGES: dict[str, str] = {"name_en": "en"}
#: The same property name meaning something else on one label.
LABEL_PROPERTIES: dict[tuple[str, str], URIRef] = {("Person", "title"): SCHEMA.jobTitle,
                                                   # a group's members' kind and its region are said by no edge
                                                   ("Group", "kind"): SP.memberKind, ("Group", "region"): SP.region}
#: Where a standard wants the name under its own term as well.
NAME_ALIASES: dict[str, URIRef] = {
    "Actor": SKOS.prefLabel,  # W3C ORG's recommended name property
    "Theme": SKOS.prefLabel,
    "Case": DCTERMS.title,
    "Source": DCTERMS.title,
    "Person": FOAF.name,
}
#: Properties whose value is a word of a code list: ``sp:{prefix}-{value}``.
CONCEPT_PROPERTIES: dict[str, tuple[URIRef, str]] = {
    "sector": (SP.sector, "sector"),
    "prize": (SP.prize, "prize"),
    "status": (SP.status, "status"),
    "method": (SP.method, "method"),
    "role": (PROV.hadRole, "role"),
}
#: Node properties left out because an edge says the same with a link instead of a
#: string: a case's ``source`` (FROM_SOURCE), a solution's ``themes`` (ADDRESSES), a
#: municipality's ``region`` (IN_REGION); ``labels`` and ``kind`` are its types.
REDUNDANT_NODE_PROPERTIES: frozenset[str] = frozenset({"labels", "kind", "source", "themes", "region"})

#: The qualified-relation class of each relationship type.
RELATION_CLASSES: dict[str, str] = {
    "NOMINATED": "Nomination",
    "DESCRIBES": "Description",
    "OWNS": "Ownership",
    "PARTNER_IN": "Partnership",
    "SPREAD_TO": "Spread",
    "INSPIRED_BY": "Inspiration",
    "MENTIONS": "Mention",
    "PART_OF": "PartOf",
    "IN_REGION": "Location",
    "COLLABORATES_WITH": "Collaboration",
    "ADDRESSES": "ThemeAssignment",
    "FROM_SOURCE": "SourceReference",
    "CONTACT_FOR": "Contact",
    "SHARED_VIA": "Sharing",
}
#: The role an attribution or influence has when the edge names none.
DEFAULT_ROLES: dict[str, str] = {"NOMINATED": "nominator", "OWNS": "owner", "PARTNER_IN": "partner",
                                 "INSPIRED_BY": "inspiration"}
#: PROV-O's qualified form of a relationship type: (is the influencee the edge's end node,
#: the unqualified property, the qualifying property, the class, the influencer property).
PROV_FORMS: dict[str, tuple[bool, URIRef, URIRef, URIRef, URIRef]] = {
    "NOMINATED": (True, PROV.wasAttributedTo, PROV.qualifiedAttribution, PROV.Attribution, PROV.agent),
    "OWNS": (True, PROV.wasAttributedTo, PROV.qualifiedAttribution, PROV.Attribution, PROV.agent),
    "PARTNER_IN": (True, PROV.wasAttributedTo, PROV.qualifiedAttribution, PROV.Attribution, PROV.agent),
    "SPREAD_TO": (True, PROV.wasInfluencedBy, PROV.qualifiedInfluence, PROV.EntityInfluence, PROV.entity),
    "INSPIRED_BY": (False, PROV.wasInfluencedBy, PROV.qualifiedInfluence, PROV.Influence, PROV.influencer),
}
#: Edges a derived collaboration rests on (samspil.graph.builder.MAKER_ROLES).
MAKER_TYPES: tuple[str, ...] = ("OWNS", "PARTNER_IN")

#: RDF formats: name -> (rdflib format, suffixes, media type).
RDF_FORMATS: dict[str, tuple[str, tuple[str, ...], str]] = {
    "turtle": ("turtle", (".ttl",), "text/turtle"),
    "jsonld": ("json-ld", (".jsonld",), "application/ld+json"),
    "nt": ("nt", (".nt",), "application/n-triples"),
}
#: Suffixes :func:`read_rdf` understands, and the rdflib parser for each.
READ_FORMATS: dict[str, str] = {".ttl": "turtle", ".turtle": "turtle", ".nt": "nt", ".jsonld": "json-ld",
                                ".json": "json-ld", ".rdf": "xml", ".owl": "xml", ".xml": "xml", ".n3": "n3",
                                ".trig": "trig", ".nq": "nquads"}


# -- IRIs ---------------------------------------------------------------------

def _segment(text: str) -> str:
    # Only letters, digits, "-" and "_" stay as they are: "." separates the parts of a
    # relation IRI, and everything else (æ, /, #, spaces, quotes) is percent-encoded.
    return quote(text, safe="-_")


def node_iri(node_id: str, base: str = BASE) -> URIRef:
    """The IRI of a node: ``{base}id/{id}``.

    Parameters
    ----------
    node_id : str
        The node's Samspil id.
    base : str
        The base of all Samspil IRIs.

    Returns
    -------
    rdflib.URIRef

    Examples
    --------
    >>> str(node_iri("municipality-0621"))
    'https://w3id.org/samspil/id/municipality-0621'
    >>> str(node_iri("Ældre Sagen/#1"))
    'https://w3id.org/samspil/id/%C3%86ldre%20Sagen%2F%231'
    """
    return URIRef(f"{base}id/{_segment(node_id)}")


def node_id_of(iri: str, base: str = BASE) -> str | None:
    """The Samspil id of a node IRI, or None for an IRI that is not one.

    Examples
    --------
    >>> node_id_of(node_iri("Ældre Sagen/#1"))
    'Ældre Sagen/#1'
    >>> node_id_of("https://schema.org/NGO") is None
    True
    """
    prefix = f"{base}id/"
    return unquote(str(iri)[len(prefix):]) if str(iri).startswith(prefix) else None


def relation_iri(source: str, key: str, target: str, base: str = BASE) -> URIRef:
    """The IRI of an edge's qualified relation: ``{base}rel/{source}.{TYPE}.{target}[.{case}]``.

    The edge key (``TYPE@case``) makes it unique, as it does in the MultiDiGraph.

    Parameters
    ----------
    source, target : str
        Node ids of the edge's ends.
    key : str
        The edge key, ``"OWNS@lsf2019-09"`` or ``"IN_REGION"``.
    base : str

    Returns
    -------
    rdflib.URIRef

    Examples
    --------
    >>> str(relation_iri("municipality-0621", "OWNS@lsf2019-09", "solution-talentudvikling"))
    'https://w3id.org/samspil/rel/municipality-0621.OWNS.solution-talentudvikling.lsf2019-09'
    >>> str(relation_iri("municipality-0621", "IN_REGION", "region-1083"))
    'https://w3id.org/samspil/rel/municipality-0621.IN_REGION.region-1083'
    """
    rel_type, at, case = key.partition("@")
    parts = [source, rel_type, target] + ([case] if at else [])
    return URIRef(f"{base}rel/" + ".".join(_segment(p) for p in parts))


def camel(name: str, upper: bool = False) -> str:
    """A property or type name in lowerCamelCase (``upper``: UpperCamelCase).

    Examples
    --------
    >>> camel("PARTNER_IN"), camel("line_start"), camel("documented_effect", upper=True)
    ('partnerIn', 'lineStart', 'DocumentedEffect')
    """
    words = [w for w in re.split(r"[^A-Za-z0-9]+", name) if w]
    text = "".join(w[:1].upper() + w[1:].lower() for w in words)
    return text if upper else text[:1].lower() + text[1:]


def concept(prefix: str, value: str) -> URIRef:
    """The code-list term for a value: ``sp:status-adopted``, ``sp:sector-public``.

    Examples
    --------
    >>> str(concept("status", "adopted"))
    'https://w3id.org/samspil/vocab#status-adopted'
    """
    return SP[f"{prefix}-{_segment(value)}"]


def direct_property(rel_type: str) -> URIRef:
    """The ``sp:`` property of a relationship type.

    Examples
    --------
    >>> str(direct_property("SPREAD_TO"))
    'https://w3id.org/samspil/vocab#spreadTo'
    """
    return SP[camel(rel_type)]


def relation_class(rel_type: str) -> URIRef:
    """The qualified-relation class of a relationship type (``sp:Relationship`` if unknown).

    Examples
    --------
    >>> str(relation_class("SPREAD_TO"))
    'https://w3id.org/samspil/vocab#Spread'
    """
    return SP[RELATION_CLASSES.get(rel_type, "Relationship")]


@lru_cache(maxsize=8)
def prefixes(base: str = BASE) -> dict[str, str]:
    """Prefix -> namespace of an export, from the shipped JSON-LD context.

    ``id`` and ``rel`` follow ``base``.

    Examples
    --------
    >>> prefixes()["org"], prefixes()["id"]
    ('http://www.w3.org/ns/org#', 'https://w3id.org/samspil/id/')
    """
    context = dict(json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))["@context"])
    context["id"], context["rel"] = f"{base}id/", f"{base}rel/"
    return context


# -- export -------------------------------------------------------------------

def _literal(value: Any) -> Literal:
    # bool before int: True is an int to Python but xsd:boolean to RDF.
    if isinstance(value, bool):
        return Literal(value, datatype=XSD.boolean)
    if isinstance(value, int):
        return Literal(value, datatype=XSD.integer)
    if isinstance(value, float):
        return Literal(value, datatype=XSD.double)
    return Literal(str(value))


def _values(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, (list, tuple, set, frozenset)):
        return [v for v in value if v is not None]
    return [value]


def _node_triples(node_id: str, data: Mapping[str, Any], base: str) -> Iterator[tuple]:
    s = node_iri(node_id, base)
    labels = tuple(data.get("labels", ()))
    yield s, DCTERMS.identifier, Literal(node_id)
    for label in labels:
        yield s, RDF.type, SP[label]
        for cls in STANDARD_TYPES.get(label, ()):
            yield s, RDF.type, cls
    for key, value in data.items():
        if key in REDUNDANT_NODE_PROPERTIES and not any((lb, key) in LABEL_PROPERTIES for lb in labels):
            continue
        for v in _values(value):
            if key in CONCEPT_PROPERTIES:
                prop, prefix = CONCEPT_PROPERTIES[key]
                yield s, prop, concept(prefix, str(v))
                continue
            prop = next((LABEL_PROPERTIES[lb, key] for lb in labels if (lb, key) in LABEL_PROPERTIES), None)
            value = Literal(str(v), lang=LANGUAGES[key]) if key in LANGUAGES else _literal(v)
            yield s, prop or NODE_PROPERTIES.get(key) or SP[camel(key)], value
            if key == "name":
                for label in labels:
                    if label in NAME_ALIASES:
                        yield s, NAME_ALIASES[label], Literal(str(v))
            if key == "year" and "Source" in labels:
                yield s, DCTERMS.issued, Literal(str(v).zfill(4), datatype=XSD.gYear)


def _edge_triples(g: nx.MultiDiGraph, u: str, v: str, key: str, data: Mapping[str, Any],
                  base: str) -> Iterator[tuple]:
    rel_type = data.get("type") or key.partition("@")[0]
    r = relation_iri(u, key, v, base)
    s, o = node_iri(u, base), node_iri(v, base)
    yield s, direct_property(rel_type), o
    yield r, RDF.type, relation_class(rel_type)
    yield r, SP["from"], s
    yield r, SP.to, o
    for name, value in data.items():
        if name == "type":
            continue
        for item in _values(value):
            if name == "case":
                if item:
                    yield r, SP.case, node_iri(str(item), base)
            elif name == "solutions":
                yield r, SP.solution, node_iri(str(item), base)
            elif name in CONCEPT_PROPERTIES:
                prop, prefix = CONCEPT_PROPERTIES[name]
                yield r, prop, concept(prefix, str(item))
            else:
                yield r, SP[camel(name)], _literal(item)
    yield from _standard_edge_triples(g, u, v, rel_type, data, r, s, o, base)


def _standard_edge_triples(g: nx.MultiDiGraph, u: str, v: str, rel_type: str, data: Mapping[str, Any],
                           r: URIRef, s: URIRef, o: URIRef, base: str) -> Iterator[tuple]:
    """The same edge in the standard vocabularies, where one has the statement."""
    if rel_type in PROV_FORMS:
        influencee_is_end, plain, qualifier, cls, influencer = PROV_FORMS[rel_type]
        # PROV's direction: the entity attributed (or the thing influenced) points to the
        # agent (or influencer); for OWNS and SPREAD_TO that is the graph's end node.
        subject, other = (o, s) if influencee_is_end else (s, o)
        yield subject, plain, other
        yield subject, qualifier, r
        yield r, RDF.type, cls
        yield r, influencer, other
        if not data.get("role"):
            role = DEFAULT_ROLES.get(rel_type) or ("adopter" if data.get("status") == "adopted" else "interested")
            yield r, PROV.hadRole, concept("role", role)
    if rel_type == "PART_OF":
        if "Network" in g.nodes[v].get("labels", ()):
            yield s, ORG.memberOf, o
            yield r, RDF.type, ORG.Membership
            yield r, ORG.member, s
            yield r, ORG.organization, o
        else:
            yield s, ORG.subOrganizationOf, o
    elif rel_type == "MENTIONS":
        yield s, SCHEMA.mentions, o
    elif rel_type == "ADDRESSES":
        yield s, DCTERMS.subject, o
    elif rel_type == "FROM_SOURCE":
        yield s, DCTERMS.isPartOf, o
    elif rel_type == "COLLABORATES_WITH":
        yield r, RDF.type, PROV.Entity
        for solution in _values(data.get("solutions")):
            if solution not in g:
                continue
            for maker, _, key, d in g.in_edges(solution, keys=True, data=True):
                if maker in (u, v) and d.get("type") in MAKER_TYPES:
                    yield r, PROV.wasDerivedFrom, relation_iri(maker, key, solution, base)


def _dataset_triples(g: nx.MultiDiGraph, base: str) -> Iterator[tuple]:
    d = URIRef(f"{base}dataset")
    yield d, RDF.type, VOID.Dataset
    yield d, DCTERMS.title, Literal("Samspil: offentlig innovation i Danmark som vidensgraf", lang="da")
    yield d, DCTERMS.title, Literal("Samspil: Danish public-sector innovation as a knowledge graph", lang="en")
    yield d, DCTERMS.description, Literal(
        "Organisations, the solutions they built, shared and reused, and the cases that describe them, "
        "with the case and a quote behind every statement.", lang="en")
    yield d, DCTERMS.conformsTo, SHAPES_IRI
    yield d, VOID.uriSpace, Literal(f"{base}id/")
    for ns in ("sp", "org", "prov", "dcterms", "schema", "skos"):
        yield d, VOID.vocabulary, URIRef(prefixes(base)[ns])
    for n, data in g.nodes(data=True):
        if "Source" in data.get("labels", ()):
            yield d, DCTERMS.source, node_iri(n, base)


def triples(g: nx.MultiDiGraph, *, base: str = BASE) -> Iterator[tuple]:
    """Every triple of the graph's RDF form, node by node and edge by edge (may repeat).

    Parameters
    ----------
    g : networkx.MultiDiGraph
        A Samspil graph. Person nodes are exported if present: drop them first
        (:func:`samspil.graph.exports.without_contacts`) unless contacts were asked for.
    base : str
        Base of every IRI.

    Returns
    -------
    iterator of (subject, predicate, object)

    Examples
    --------
    >>> g = nx.MultiDiGraph(); g.add_node("theme-sundhed", labels=("Theme",), name="sundhed")
    >>> sorted(str(p) for s, p, o in triples(g) if s == node_iri("theme-sundhed"))[:2]
    ['http://purl.org/dc/terms/identifier', 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type']
    """
    yield from _dataset_triples(g, base)
    for n, data in g.nodes(data=True):
        yield from _node_triples(n, data, base)
    for u, v, key, data in g.edges(keys=True, data=True):
        yield from _edge_triples(g, u, v, key, data, base)


def bind_prefixes(rdf: Graph, base: str = BASE) -> Graph:
    """Bind the export's prefixes (``sp``, ``id``, ``rel``, ``org``, ``prov`` ...) on a graph."""
    for prefix, ns in prefixes(base).items():
        rdf.bind(prefix, Namespace(ns), override=True, replace=True)
    return rdf


def to_rdf(g: nx.MultiDiGraph, *, base: str = BASE) -> Graph:
    """The graph as an rdflib Graph (see the module docstring for the mapping).

    Parameters
    ----------
    g : networkx.MultiDiGraph
        A Samspil graph; Person nodes in it are exported.
    base : str
        Base of every IRI (default :data:`BASE`).

    Returns
    -------
    rdflib.Graph

    Examples
    --------
    >>> from samspil.graph.builder import default_graph
    >>> rdf = to_rdf(default_graph())
    >>> rdf.value(node_iri("municipality-0621"), SP.kommunekode)
    rdflib.term.Literal('0621')
    >>> (node_iri("municipality-0621"), RDF.type, ORG.Organization) in rdf
    True
    """
    rdf = bind_prefixes(Graph(), base)
    add = rdf.add
    for triple in triples(g, base=base):
        add(triple)
    return rdf


def serialise_rdf(g: nx.MultiDiGraph | Graph, fmt: str = "turtle", *, base: str = BASE) -> bytes:
    """The graph as Turtle, JSON-LD (with the context embedded) or N-Triples, in UTF-8.

    Parameters
    ----------
    g : networkx.MultiDiGraph or rdflib.Graph
        A Samspil graph, or its RDF form already made.
    fmt : {"turtle", "jsonld", "nt"}
    base : str

    Returns
    -------
    bytes

    Examples
    --------
    >>> g = nx.MultiDiGraph(); g.add_node("theme-sundhed", labels=("Theme",), name="sundhed")
    >>> print(serialise_rdf(g).decode().rstrip().split(2 * chr(10))[-1])
    id:theme-sundhed a skos:Concept,
            sp:Theme ;
        rdfs:label "sundhed" ;
        dcterms:identifier "theme-sundhed" ;
        skos:prefLabel "sundhed" .
    """
    if fmt not in RDF_FORMATS:
        raise SamspilError(f"unknown RDF format {fmt!r}; choose one of {', '.join(RDF_FORMATS)}")
    rdf = g if isinstance(g, Graph) else to_rdf(g, base=base)
    rdflib_format = RDF_FORMATS[fmt][0]
    if fmt == "jsonld":
        # The context goes into the file itself: a reader needs no network to expand it.
        return rdf.serialize(format=rdflib_format, context=prefixes(base), auto_compact=True,
                             encoding="utf-8")
    return rdf.serialize(format=rdflib_format, encoding="utf-8")


def _register() -> None:
    descriptions = {"turtle": "RDF Turtle (W3C ORG, schema.org, PROV-O, DCTERMS; samspil vocabulary)",
                    "jsonld": "RDF JSON-LD with the context embedded",
                    "nt": "RDF N-Triples (one triple a line, for bulk loaders)"}
    for name, (_, suffixes, _) in RDF_FORMATS.items():
        register_format(ExportFormat(name, suffixes, lambda g, name=name: serialise_rdf(g, name),
                                     descriptions[name]))


_register()


# -- reading ------------------------------------------------------------------

def read_rdf(source: str | Path, fmt: str | None = None) -> Graph:
    """Read an RDF file (an export, or any Turtle, N-Triples, JSON-LD, RDF/XML file).

    Parameters
    ----------
    source : str or Path
        The file.
    fmt : str, optional
        An rdflib format name; told by the suffix when omitted (:data:`READ_FORMATS`).

    Returns
    -------
    rdflib.Graph

    Raises
    ------
    InputError
        The file is missing, its format unknown, or it does not parse (one line, naming
        the file and, where the parser says, the line).
    """
    path = Path(source)
    fmt = fmt or READ_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(f"cannot tell the RDF format from the suffix {path.suffix or '(none)'!r}; "
                         f"use one of {', '.join(sorted(READ_FORMATS))}", path=path)
    if not path.is_file():
        raise InputError("no such file", path=path)
    rdf = Graph()
    try:
        rdf.parse(path, format=fmt)
    except Exception as exc:  # rdflib raises many kinds; the user needs one line
        line = re.search(r"line (\d+)", str(exc))
        message = " ".join(str(exc).split())[:300] or type(exc).__name__
        if "urlopen" in message or "URLError" in type(exc).__name__:
            # A JSON-LD @context (or an import) by URL: reading it would need the network.
            message = f"it refers to a document on the network, which samspil does not fetch ({message})"
        raise InputError(f"not valid {fmt}: {message}", path=path,
                         line=int(line.group(1)) if line else None) from None
    return bind_prefixes(rdf)


@lru_cache(maxsize=1)
def _vocabulary_text() -> str:
    return VOCAB_FILE.read_text(encoding="utf-8")


def vocabulary() -> Graph:
    """The Samspil vocabulary (``samspil/data/vocab/samspil.ttl``) as a new graph.

    Examples
    --------
    >>> str(vocabulary().value(SP.Solution, RDFS.label))  # doctest: +SKIP
    'Løsning'
    >>> Literal("Løsning", lang="da") in set(vocabulary().objects(SP.Solution, RDFS.label))
    True
    """
    return Graph().parse(data=_vocabulary_text(), format="turtle")


def shapes(path: str | Path | None = None) -> Graph:
    """The SHACL shapes: the shipped ones, or those in ``path``.

    Examples
    --------
    >>> len(list(shapes().subjects(RDF.type, SH.NodeShape))) > 10
    True
    """
    if path is None:
        return Graph().parse(data=SHAPES_FILE.read_text(encoding="utf-8"), format="turtle")
    return read_rdf(path)


# -- counting -----------------------------------------------------------------

def summary(rdf: Graph) -> dict[str, int]:
    """Counts of an RDF export: organisations, solutions, cases, sources, people, relations, triples.

    ``relations`` counts qualified relations (subjects of ``sp:from``): one per edge of the
    property graph.

    Examples
    --------
    >>> from samspil.graph.builder import default_graph
    >>> g = default_graph()
    >>> summary(to_rdf(g))["relations"] == g.number_of_edges()
    True
    """
    def count(cls: URIRef) -> int:
        return len(set(rdf.subjects(RDF.type, cls)))

    return {"organisations": count(ORG.Organization), "solutions": count(SP.Solution), "cases": count(SP.Case),
            "sources": count(SP.Source), "themes": count(SP.Theme), "people": count(SP.Person),
            "relations": len(set(rdf.subjects(SP["from"], None))), "triples": len(rdf)}


# -- SHACL --------------------------------------------------------------------

@dataclass(frozen=True)
class ShaclResult:
    """One result of a SHACL validation, in words.

    Attributes
    ----------
    severity : str
        ``Violation``, ``Warning`` or ``Info``.
    focus : str
        The node the result is about, as a prefixed name (``id:municipality-0621``).
    focus_label : str
        Its ``rdfs:label``, if it has one.
    path : str
        The property, as a prefixed name (``sp:kommunekode``), or "".
    value : str
        The offending value, or "".
    message : str
        What is wrong, with the result's own values filled in.
    rule : str
        The message as the shape writes it (before values are filled in): results that
        break the same rule share it.
    shape : str
        The shape that said so.
    """

    severity: str
    focus: str
    focus_label: str
    path: str
    value: str
    message: str
    rule: str
    shape: str


@dataclass
class ValidationReport:
    """What :func:`validate` found.

    Attributes
    ----------
    conforms : bool
        No violations (warnings and infos do not count).
    results : list of ShaclResult
        Sorted by severity, shape, focus.
    seconds : float
        Time the validation took.
    triples : int
        Size of the data graph.
    """

    conforms: bool
    results: list[ShaclResult] = field(default_factory=list)
    seconds: float = 0.0
    triples: int = 0

    def counts(self) -> Counter[str]:
        """Results by severity."""
        return Counter(r.severity for r in self.results)


def short_name(iri: str, base: str = BASE) -> str:
    """An IRI as a prefixed name of the export's prefixes, else in angle brackets.

    Examples
    --------
    >>> short_name("https://w3id.org/samspil/id/municipality-0621"), short_name("urn:x")
    ('id:municipality-0621', '<urn:x>')
    """
    text = str(iri)
    for prefix, ns in prefixes(base).items():
        if text.startswith(ns) and len(text) > len(ns):
            return f"{prefix}:{text[len(ns):]}"
    return f"<{text}>"


def _short(rdf: Graph, term: Any) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return short_name(term)
    if isinstance(term, Literal):
        return json.dumps(str(term), ensure_ascii=False)
    if isinstance(term, BNode):
        # A blank-node path (sh:inversePath ...) or anonymous shape: show what it says.
        inverse = rdf.value(term, SH.inversePath)
        if inverse is not None:
            return f"^{_short(rdf, inverse)}"
        return "[]"
    return str(term)


_SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}


def _result(results: Graph, node: Any, data: Graph, sg: Graph) -> ShaclResult:
    """One ``sh:ValidationResult`` of pyshacl's report as a :class:`ShaclResult`."""
    focus = results.value(node, SH.focusNode)
    messages = sorted(str(m) for m in results.objects(node, SH.resultMessage))
    shape = results.value(node, SH.sourceShape)
    # The rule is the sh:message of the SPARQL constraint or property shape that fired.
    source = results.value(node, SH.sourceConstraint)
    rule = sg.value(source, SH.message) if source is not None else None
    rule = rule if rule is not None else sg.value(shape, SH.message)
    if isinstance(shape, BNode):
        # An anonymous property shape says nothing by itself; its node shape does.
        shape = sg.value(predicate=SH.property, object=shape) or shape
    label = data.value(focus, RDFS.label) if focus is not None else None
    message = messages[0] if messages else ""
    return ShaclResult(
        severity=str(results.value(node, SH.resultSeverity)).rsplit("#", 1)[-1],
        focus=_short(results, focus), focus_label=str(label) if label is not None else "",
        path=_short(results, results.value(node, SH.resultPath)),
        value=_short(results, results.value(node, SH.value)),
        message=message, rule=str(rule) if rule is not None else message, shape=_short(sg, shape))


def validate(data: Graph, shapes_graph: Graph | None = None) -> ValidationReport:
    """Validate an RDF graph against the Samspil shapes with pyshacl.

    Parameters
    ----------
    data : rdflib.Graph
        An export (:func:`to_rdf`, :func:`read_rdf`).
    shapes_graph : rdflib.Graph, optional
        Shapes to use instead of the shipped ones (:func:`shapes`).

    Returns
    -------
    ValidationReport
        ``conforms`` is False when there is a ``sh:Violation``; ``sh:Warning`` s (such as
        a municipality without kommunekode) are reported but allowed.

    Examples
    --------
    >>> g = nx.MultiDiGraph(); g.add_node("theme-sundhed", labels=("Theme",), name="sundhed")
    >>> validate(to_rdf(g)).conforms
    True
    >>> g.nodes["theme-sundhed"]["name"] = ""
    >>> [r.message for r in validate(to_rdf(g)).results]
    ['Every node has one non-empty name (rdfs:label).']
    """
    from pyshacl import validate as pyshacl_validate

    started = time.perf_counter()
    sg = shapes_graph if shapes_graph is not None else shapes()
    conforms, results_graph, _ = pyshacl_validate(data, shacl_graph=sg, inference="none", allow_warnings=True,
                                                  allow_infos=True, advanced=True)
    seconds = time.perf_counter() - started
    results = [_result(results_graph, node, data, sg)
               for node in results_graph.subjects(RDF.type, SH.ValidationResult)]
    results.sort(key=lambda r: (_SEVERITY_ORDER.get(r.severity, 3), r.rule, r.focus, r.path, r.value, r.message))
    return ValidationReport(conforms=bool(conforms), results=results, seconds=seconds, triples=len(data))


def format_report(report: ValidationReport, *, limit: int = 10, source: str = "") -> str:
    """A validation report a person can read: a verdict line, then results grouped by message.

    Parameters
    ----------
    report : ValidationReport
    limit : int
        At most this many focus nodes a message (the rest are counted).
    source : str
        What was validated, for the verdict line.

    Returns
    -------
    str

    Examples
    --------
    >>> r = ValidationReport(False, [ShaclResult("Violation", "id:x", "X", "sp:year", '"MMXIX"',
    ...                                          "A year is an integer.", "A year is an integer.", "spsh:YearShape")])
    >>> print(format_report(r, source="x.ttl"))
    x.ttl does NOT conform: 1 violation (0 triples, 0.00 s)
    <BLANKLINE>
    Violation: A year is an integer. (1)
      id:x "X"  sp:year = "MMXIX"
    """
    counts = report.counts()
    words = [f"{counts[s]} {s.lower()}{'' if counts[s] == 1 else 's'}"
             for s in ("Violation", "Warning", "Info") if counts[s]]
    verdict = "conforms" if report.conforms else "does NOT conform"
    head = f"{source or 'the export'} {verdict}"
    head += f": {', '.join(words)}" if words else ""
    lines = [f"{head} ({report.triples:,} triples, {report.seconds:.2f} s)"]
    groups: dict[tuple[str, str], list[ShaclResult]] = {}
    for r in report.results:
        groups.setdefault((r.severity, r.rule or r.shape), []).append(r)
    for (severity, message), items in groups.items():
        lines += ["", f"{severity}: {message} ({len(items)})"]
        for r in items[:limit]:
            where = f"{r.focus}" + (f" {json.dumps(r.focus_label, ensure_ascii=False)}" if r.focus_label else "")
            detail = f"  {r.path}" if r.path else ""
            detail += f" = {r.value}" if r.value else ""
            lines.append(f"  {where}{detail}")
            if r.message != r.rule:
                # A message with the result's values filled in says more than the rule.
                lines.append(f"    {r.message}")
        if len(items) > limit:
            lines.append(f"  ... and {len(items) - limit} more")
    return "\n".join(lines)


# -- SPARQL -------------------------------------------------------------------

@dataclass(frozen=True)
class QueryParam:
    """A parameter of an example query: ``?name``, bound to a value of ``kind`` before it runs.

    ``default`` (text, as on the command line) is bound when the parameter is not given; a
    parameter without one must be given (as in the Cypher library).
    """

    name: str
    kind: str  # one of PARAM_KINDS
    description: str
    default: str | None = None


#: Parameter kinds of example queries: how a text value becomes an RDF term.
PARAM_KINDS: tuple[str, ...] = ("string", "integer", "boolean", "iri")


@dataclass(frozen=True)
class ExampleQuery:
    """A shipped SPARQL query (``samspil/queries/sparql/{name}.rq``) and what its header says.

    The header is ``#`` comment lines at the top, the same fields as the Cypher library's
    ``//`` headers (an indented line continues a description)::

        # title: An actor's partners, by sector
        # description: The actors an actor made solutions with ...
        # param actor (string): the actor's name (any case) or id
        # param minSectors (integer, default 3): the least number of sectors
        # example: actor="Kolding Kommune"
        # returns: actor_name, sector, partner, partner_id, kind, shared, solutions
        # cypher: actor-partners-by-sector
    """

    name: str
    title: str
    description: str
    params: tuple[QueryParam, ...]
    examples: tuple[dict[str, str], ...]
    returns: str
    cypher: str
    text: str

    def usage(self) -> str:
        """The command line that runs the first example."""
        args = "".join(f" --param {shlex.quote(f'{k}={v}')}" for k, v in (self.examples[:1] or [{}])[0].items())
        return f"samspil sparql {self.name}{args}"


_HEADER = re.compile(r"^#\s?(title|description|example|returns|cypher):\s*(.*)$|^#\s?(param)\s+(.*)$")
_PARAM = re.compile(r"^(\w+)\s*\((\w+)(?:\s*,\s*default\s+(.+?))?\)\s*:\s*(.*)$")


def parse_example(name: str, text: str) -> ExampleQuery:
    """Read an example query's header.

    Raises
    ------
    SamspilError
        A header line or parameter that cannot be read.

    Examples
    --------
    >>> q = parse_example("x", "# title: X\\n# param year (integer, default 2019): a year\\n"
    ...                        "# description: Lists X\\n#    by year.\\nSELECT * {}")
    >>> q.title, q.params[0], q.description
    ('X', QueryParam(name='year', kind='integer', description='a year', default='2019'), 'Lists X by year.')
    """
    fields: dict[str, list[str]] = {}
    last = None
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        m = _HEADER.match(line)
        if m:
            last = m.group(1) or m.group(3)
            fields.setdefault(last, []).append((m.group(2) or m.group(4)).strip())
        elif last in ("description", "returns", "param") and line[1:].startswith("   "):
            fields[last][-1] += " " + line[1:].strip()
        elif line[1:].strip():
            raise SamspilError(f"example query {name}: header line not understood: {line!r}")
    params = []
    for spec in fields.get("param", []):
        p = _PARAM.match(spec)
        if not p or p.group(2) not in PARAM_KINDS:
            raise SamspilError(f"example query {name}: cannot read the parameter {spec!r}; write "
                               f"NAME (KIND[, default VALUE]): text, KIND one of {', '.join(PARAM_KINDS)}")
        default = p.group(3)
        params.append(QueryParam(p.group(1), p.group(2), p.group(4).strip(),
                                 shlex.split(default)[0] if default else None))
    examples = tuple(dict(item.partition("=")[::2] for item in shlex.split(spec))
                     for spec in fields.get("example", []))
    def first(key: str) -> str:
        return (fields.get(key) or [""])[0]

    return ExampleQuery(name, first("title") or name, first("description"), tuple(params), examples,
                        first("returns"), first("cypher"), text)


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
            found[name] = parse_example(name, item.read_text(encoding="utf-8"))
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
        return text, parse_example(path.stem, text)
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


def _binding(name: str, value: Any, kind: str) -> URIRef | Literal:
    """A parameter value as the RDF term it is bound to."""
    if isinstance(value, (URIRef, Literal)):
        return value
    text = str(value)
    if kind == "iri":
        # Only when asked for: a name like "<script>" is text, never an IRI.
        return URIRef(text[1:-1] if text.startswith("<") and text.endswith(">") else text)
    if kind == "integer":
        if not re.fullmatch(r"[+-]?\d+", text.strip()):
            raise SamspilError(f"parameter {name} must be an integer, not {text!r}")
        return Literal(int(text), datatype=XSD.integer)
    if kind == "boolean":
        if text.strip().lower() not in ("true", "false"):
            raise SamspilError(f"parameter {name} must be true or false, not {text!r}")
        return Literal(text.strip().lower() == "true", datatype=XSD.boolean)
    return Literal(text)


def parse_param(item: str) -> tuple[str, Any]:
    """One ``--param`` of ``samspil sparql``: ``name=value`` (text) or ``name:KIND=value``.

    KIND is one of :data:`PARAM_KINDS`; an example query's header types its own
    parameters, so ``name=value`` is enough there.

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
        raise SamspilError(f"--param {item!r}: write NAME=VALUE or NAME:KIND=VALUE")
    if kind and kind not in PARAM_KINDS:
        raise SamspilError(f"--param {item!r}: unknown kind {kind!r}; use one of {', '.join(PARAM_KINDS)}")
    return name, (_binding(name, value, kind) if kind else value)


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
        kind; rdflib terms (``URIRef``, ``Literal``) are bound as they are.
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
    kinds = {p.name: p.kind for p in example.params} if example else {}
    if example:
        unknown = sorted(set(values) - set(kinds))
        if unknown:
            raise SamspilError(f"{example.name} has no parameter {', '.join(unknown)}; "
                               f"it takes {', '.join(kinds) or 'none'}")
        for p in example.params:
            if p.name not in values and p.default is None:
                raise SamspilError(f"{example.name} needs parameter {p.name} ({p.kind}): {p.description}")
        values = {**{p.name: p.default for p in example.params if p.default is not None}, **values}
    bindings = {name: _binding(name, value, kinds.get(name, "string")) for name, value in values.items()}
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

