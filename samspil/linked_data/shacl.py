"""SHACL: the Samspil vocabulary and shapes, validating an export, and a report people can read.

The vocabulary (``samspil/data/vocab/samspil.ttl``) defines every ``sp:`` term with Danish
and English labels; the shapes (``samspil/data/shapes/samspil.shapes.ttl``) say what a
valid export is, and pyshacl checks an export against them offline.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH

from samspil.linked_data.io import read_rdf
from samspil.linked_data.iris import short_name

_DATA = resources.files("samspil") / "data"
#: The Samspil vocabulary (Turtle).
VOCAB_FILE = _DATA / "vocab" / "samspil.ttl"
#: The SHACL shapes an export conforms to (Turtle).
SHAPES_FILE = _DATA / "shapes" / "samspil.shapes.ttl"


@lru_cache(maxsize=1)
def _vocabulary_text() -> str:
    return VOCAB_FILE.read_text(encoding="utf-8")


def vocabulary() -> Graph:
    """The Samspil vocabulary (``samspil/data/vocab/samspil.ttl``) as a new graph.

    Examples
    --------
    >>> from samspil.linked_data.iris import SP
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
    >>> import networkx as nx
    >>> from samspil.linked_data.mapping import to_rdf
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

