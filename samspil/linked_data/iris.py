"""Samspil's IRIs and namespaces: what a node, an edge, a type and a property are called in RDF.

Everything is under one base, :data:`BASE` (``https://w3id.org/samspil/``): nodes under
``id/``, qualified relations under ``rel/``, the vocabulary under ``vocab#`` (prefix
``sp``). The prefixes of an export come from the shipped JSON-LD context, so Turtle,
JSON-LD and the names shown to people (:func:`short_name`) agree. docs/linked-data.md,
"IRIs", says the same with examples.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from urllib.parse import quote, unquote

from rdflib import Namespace, URIRef

#: The one base every Samspil IRI is under (see docs/linked-data.md, "IRIs").
BASE = "https://w3id.org/samspil/"
#: The Samspil vocabulary.
SP = Namespace(BASE + "vocab#")
SCHEMA = Namespace("https://schema.org/")
DC = Namespace("http://purl.org/dc/elements/1.1/")
VOID = Namespace("http://rdfs.org/ns/void#")
#: The IRI of the shapes graph an export conforms to.
SHAPES_IRI = URIRef(BASE + "shapes")

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
#: The JSON-LD context: the prefixes of every export.
CONTEXT_FILE = resources.files("samspil") / "data" / "vocab" / "context.jsonld"


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

