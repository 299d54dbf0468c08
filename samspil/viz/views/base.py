"""What every view gives: :class:`MapView`, the view names, and text fit for a public map."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from samspil.core.text import redact_contact_details
from samspil.viz.page import FilterControl, LegendEntry

__all__ = ["MapView", "VIEWS", "SIZE_MEASURES", "redact_contacts"]

#: The views by the name the command line and the atlas use.
VIEWS: tuple[str, ...] = ("network", "cross-sector", "spread", "neighbourhood", "candidates")

#: What may size the nodes of a view.
SIZE_MEASURES: tuple[str, ...] = ("degree", "betweenness")

_REDACTED = "[kontaktoplysning skjult]"


@dataclass
class MapView:
    """One map's content, ready for :func:`samspil.viz.maps.render_map`.

    Attributes
    ----------
    view : str
        Which view made it (one of :data:`VIEWS`).
    title : str
        The page's heading.
    nodes, edges : list of dict
        vis-network items: nodes with ``id``, ``label``, ``name`` (the full name, searched),
        ``group``, ``tooltip`` (plain text), ``size`` and filter fields; edges with ``id``,
        ``from``, ``to``, ``tooltip``, style fields and filter fields.
    legend : list of LegendEntry
        Colour and shape per group, in display order.
    legend_title : str
        The heading of the legend (which is also the first filter).
    controls : list of FilterControl
        Further filter menus (sector, relationship, ...).
    subtitle : str
        How to read the map.
    notices : list of str
        What the reader must know: left-out nodes, aggregation, no spread yet.
    options : dict
        vis-network options of this view (merged over the page's defaults).
    fixed : bool
        The view placed its nodes itself (``x``, ``y``); no layout or physics moves them.
    """

    view: str
    title: str
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    legend: list[LegendEntry] = field(default_factory=list)
    legend_title: str = "Type"
    controls: list[FilterControl] = field(default_factory=list)
    subtitle: str = ""
    notices: list[str] = field(default_factory=list)
    options: dict[str, Any] = field(default_factory=dict)
    fixed: bool = False


def redact_contacts(text: str) -> str:
    """Replace e-mail addresses and Danish phone numbers in ``text``.

    Parameters
    ----------
    text : str

    Returns
    -------
    str
        The text with each address or number replaced by ``[kontaktoplysning skjult]``.

    Examples
    --------
    >>> redact_contacts("Kontakt: 30 43 31 72, anna@rsyd.dk (2015-2018)")
    'Kontakt: [kontaktoplysning skjult], [kontaktoplysning skjult] (2015-2018)'
    """
    return redact_contact_details(text, marker=_REDACTED)
