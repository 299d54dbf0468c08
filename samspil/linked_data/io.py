"""Reading and writing RDF files, and the RDF formats of ``samspil export``.

Importing this module registers ``turtle``, ``jsonld`` and ``nt`` with
:mod:`samspil.graph.exports` (whose format lookup imports :mod:`samspil.linked_data`).
"""

from __future__ import annotations

import re
from pathlib import Path

import networkx as nx
from rdflib import Graph

from samspil.core.errors import InputError, SamspilError
from samspil.graph.exports import ExportFormat, register_format
from samspil.linked_data.iris import BASE, prefixes
from samspil.linked_data.mapping import bind_prefixes, to_rdf

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
    # What is wrong with the file itself comes before what its name says.
    if path.is_dir():
        raise InputError("is a directory, not an RDF file", path=path)
    if not path.is_file():
        raise InputError("no such file", path=path)
    fmt = fmt or READ_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(f"cannot tell the RDF format from the suffix {path.suffix or '(none)'!r}; "
                         f"use one of {', '.join(sorted(READ_FORMATS))}", path=path)
    if path.stat().st_size == 0:
        raise InputError("the file is empty", path=path)
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
