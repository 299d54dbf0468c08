"""Free text to a case view: the recogniser and the graph builder on one description."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx

from samspil.core.records import Corpus

from samspil.graph.builder import build_graph
from samspil.graph.caseview import case_view
from samspil.core.identity import Gazetteer
from samspil.loaders import freetext
from samspil.recognise.recogniser import recognise


def extract_graph(text: str, *, path: str = "<text>", case_id: str | None = None,
                  gazetteer: Gazetteer | None = None) -> tuple[nx.MultiDiGraph, str]:
    """The graph of one free-text case description, and its case's node id.

    Parameters
    ----------
    text : str
        Title on the first line, then the description (Danish, Norwegian or Swedish).
    path : str
        Where the text came from (for messages).
    case_id : str, optional
    gazetteer : Gazetteer, optional
        By default the one of the text's language (:meth:`Gazetteer.for_language`).

    Returns
    -------
    tuple of (networkx.MultiDiGraph, str)

    Examples
    --------
    >>> g, case = extract_graph("Trygghetsappen\\n\\nBodø kommune har utviklet appen i samarbeid med KS, og den ble tatt i bruk i 2024.")
    >>> g.nodes[case]["language"], g.nodes["municipality-no-1804"]["kommunenummer"]
    ('no', '1804')
    """
    record = freetext.parse(text, path=path, case_id=case_id)
    facts = recognise(record, gazetteer=gazetteer)  # reads the text's language into the record
    graph = build_graph(Corpus(cases=[(record, facts)]), gazetteer=gazetteer)
    return graph, record.id


def extract_text(text: str, *, path: str = "<text>", case_id: str | None = None,
                 gazetteer: Gazetteer | None = None) -> dict[str, Any]:
    """The case-view object of one free-text case description (see :func:`extract_graph`).

    Examples
    --------
    >>> view = extract_text("Spisevenner\\n\\nVejen Kommune startede i 2019 spisegrupper i samarbejde med Ældre Sagen.")
    >>> [(a["name"], a["role"]) for a in view["actors"]]
    [('Vejen Kommune', 'owner'), ('Ældre Sagen', 'partner')]
    """
    graph, case = extract_graph(text, path=path, case_id=case_id, gazetteer=gazetteer)
    return case_view(graph, case)


def extract_file(path: str | Path, *, case_id: str | None = None) -> dict[str, Any]:
    """:func:`extract_text` on a file, read with the loaders' checks (encoding, binary, empty)."""
    from samspil.core.text import read_source

    return extract_text(read_source(path), path=str(path), case_id=case_id)
