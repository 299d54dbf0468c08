"""The property graph as RDF: W3C ORG, schema.org, PROV-O, DCTERMS and the Samspil vocabulary.

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
    class in :data:`~samspil.linked_data.iris.RELATION_CLASSES` with ``sp:from u``, ``sp:to v``, ``sp:case``,
    ``sp:evidence``, ``sp:method`` and the edge's own properties. Ownership, partnership and
    nomination are ``prov:Attribution`` s (``prov:qualifiedAttribution``, ``prov:agent``,
    ``prov:hadRole``), spread and inspiration ``prov:Influence`` s
    (``prov:qualifiedInfluence``), a derived collaboration ``prov:wasDerivedFrom`` the
    attributions it was derived from, membership of a network an ``org:Membership``.

So one edge is one qualified relation: counting ``?r sp:from ?x`` counts the edges, and
a SPARQL query can follow the direct triples as a Cypher query follows relationships.
docs/linked-data.md has the whole mapping with examples.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import networkx as nx
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, RDF, RDFS, SKOS, XSD

from samspil.linked_data.iris import (BASE, DC, SCHEMA, SHAPES_IRI, SP, VOID, camel, concept, direct_property,
                                      node_iri, prefixes, relation_class, relation_iri)

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

