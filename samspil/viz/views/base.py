"""What every view gives: :class:`MapView`, the view names, and text fit for a public map."""

from __future__ import annotations

import re
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
_PERSON = "[person skjult]"

#: A person named with a job title, as event write-ups and signatures do it ("Simon Hansen
#: Tinggaard, sektionsleder, ..."): two to four capitalised words, a comma, then a lower-case
#: title that ends in one of these words. An organisation never reads that way.
_TITLE_WORDS = ("leder", "chef", "direktør", "konsulent", "koordinator", "ansvarlig", "rådgiver",
                "medarbejder", "specialist", "sygeplejerske", "borgmester", "formand", "forkvinde",
                "fuldmægtig", "terapeut", "læge", "overlæge", "pædagog", "manager", "ejer", "stifter",
                "partner", "udvikler", "ergoterapeut", "fysioterapeut")
_NAME_WITH_TITLE = re.compile(
    r"\b(?P<name>[A-ZÆØÅ][a-zæøåéü]+(?:[ -](?:[A-ZÆØÅ][a-zæøåéü]+|[A-ZÆØÅ]\.)){1,3}), "
    r"[a-zæøå][a-zæøå -]*?(?:" + "|".join(_TITLE_WORDS) + r")\b")
#: Words that make a capitalised name an organisation's ("Holbæk Kommune, projektleder").
_ORG_WORDS = frozenset({"Kommune", "Region", "Regionen", "Hospital", "Sygehus", "Center", "Centret",
                        "Fonden", "Forening", "Foreningen", "Universitet", "Styrelsen", "Ministeriet"})


def _person(match: re.Match[str]) -> str:
    words = set(re.split(r"[ -]", match["name"]))
    return match[0] if words & _ORG_WORDS else _PERSON


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
    """Replace e-mail addresses, Danish phone numbers and named persons with a job title in
    ``text``.

    Parameters
    ----------
    text : str

    Returns
    -------
    str
        The text with each address or number replaced by ``[kontaktoplysning skjult]`` and
        each "Name Surname, title" by ``[person skjult]``.

    Examples
    --------
    >>> redact_contacts("Kontakt: 30 43 31 72, anna@rsyd.dk (2015-2018)")
    'Kontakt: [kontaktoplysning skjult], [kontaktoplysning skjult] (2015-2018)'
    >>> redact_contacts("Anne Marie Holm, afdelingsleder, Region Sjælland")
    '[person skjult], Region Sjælland'
    >>> redact_contacts("Region Sjælland, Holbæk Kommune, projektleder")
    'Region Sjælland, Holbæk Kommune, projektleder'
    """
    text = redact_contact_details(text, marker=_REDACTED)
    return _NAME_WITH_TITLE.sub(_person, text) if ", " in text else text
