"""Free text to a case view: the recogniser and the graph builder on one description."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from samspil.core.records import Corpus

from samspil.graph.builder import build_graph
from samspil.graph.caseview import case_view
from samspil.core.identity import Gazetteer
from samspil.loaders import freetext
from samspil.recognise.recogniser import recognise


def extract_text(text: str, *, path: str = "<text>", case_id: str | None = None,
                 gazetteer: Gazetteer | None = None) -> dict[str, Any]:
    """The case-view object of one free-text case description.

    Parameters
    ----------
    text : str
        Title on the first line, then the description.
    path : str
        Where the text came from (for messages).
    case_id : str, optional
    gazetteer : Gazetteer, optional

    Returns
    -------
    dict
        A case-view object (design.md).

    Examples
    --------
    >>> view = extract_text("Spisevenner\\n\\nVejen Kommune startede i 2019 spisegrupper i samarbejde med Ældre Sagen.")
    >>> [(a["name"], a["role"]) for a in view["actors"]]
    [('Vejen Kommune', 'owner'), ('Ældre Sagen', 'partner')]
    """
    gazetteer = gazetteer or Gazetteer.default()
    record = freetext.parse(text, path=path, case_id=case_id)
    graph = build_graph(Corpus(cases=[(record, recognise(record, gazetteer=gazetteer))]), gazetteer=gazetteer)
    return case_view(graph, record.id)


def extract_file(path: str | Path, *, case_id: str | None = None) -> dict[str, Any]:
    """:func:`extract_text` on a file, read with the loaders' checks (encoding, binary, empty)."""
    from samspil.core.text import read_source

    return extract_text(read_source(path), path=str(path), case_id=case_id)
