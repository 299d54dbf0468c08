"""The case register: every case with its themes, regions and sectors, and filters over them.

What the OECD OPSI case library offers, on this graph: find cases by theme, region,
sector, prize, year and free text. Rows are the case view (design.md's contract)
plus ``themes``, ``regions``, ``sectors``, ``adopted`` and ``has_contact``.

Themes come from the graph (structured cases name them; ADDRESSES edges) and from
tagging the case's text with :func:`samspil.core.themes.tag_case_themes`; the
full text, and whether a contact person is named, come from the case records when
they are at hand (the shipped ones are found by themselves).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

import networkx as nx

from samspil.core.danish import choices, english
from samspil.core.errors import SamspilError
from samspil.graph.caseview import case_view
from samspil.core.model import PRIZES, SECTORS
from samspil.core.records import CaseRecord
from samspil.core.themes import resolve_theme, tag_case_themes, theme_label
from samspil.queries.analytics._graph import makers, nodes_with, region_of, resolve_region, solution_of

Records = Mapping[str, CaseRecord]


@lru_cache(maxsize=1)
def shipped_records() -> dict[str, CaseRecord]:
    """The case records of the shipped sources, by case id (read once, then kept).

    Examples
    --------
    >>> shipped_records()["lsf2019-09"].title
    'Talentudvikling'
    """
    from samspil.core.identity import Gazetteer
    from samspil.loaders import lsf2019, structured

    records = {r.id: r for r in lsf2019.load(lsf2019.default_path(), gazetteer=Gazetteer.default())}
    for f in structured.load_files(structured.default_files()):
        records.update({r.id: r for r, _ in f.cases})
    return records


def records_for(g: nx.MultiDiGraph, records: Records | None = None) -> dict[str, CaseRecord]:
    """The records of the graph's cases: from ``records``, else the shipped ones that match.

    A shipped record stands for a case only when id and title agree, so a graph of
    other sources never borrows text that is not its own.

    Parameters
    ----------
    g : networkx.MultiDiGraph
    records : mapping, optional
        Case id → CaseRecord (e.g. from :func:`samspil.corpus.sources.load_corpus`); ``{}`` for
        none (graph only).

    Returns
    -------
    dict
        Case id → CaseRecord, for the cases of ``g`` that have one.
    """
    pool = shipped_records() if records is None else records
    return {c: pool[c] for c in nodes_with(g, "Case") if c in pool and pool[c].title == g.nodes[c].get("name")}


def _head(g: nx.MultiDiGraph, case: str, record: CaseRecord | None) -> str:
    sol = g.nodes[solution_of(g, case)] if solution_of(g, case) else {}
    parts = [g.nodes[case].get("name"), sol.get("subtitle"), sol.get("target_group"),
             record.text("summary") if record else None, sol.get("summary")]
    return "\n".join(str(p) for p in parts if p)


def case_themes(g: nx.MultiDiGraph, case: str, record: CaseRecord | None = None) -> list[str]:
    """The themes of a case: those the graph gives its solution, and those its text is tagged with.

    Parameters
    ----------
    g : networkx.MultiDiGraph
    case : str
        Case id.
    record : CaseRecord, optional
        The case's record, for its full text.

    Returns
    -------
    list of str
        Theme slugs, sorted.

    Examples
    --------
    >>> from samspil.testing.toys import toy_graph
    >>> case_themes(toy_graph(), "toy-03")
    ['aeldre']
    """
    solution = solution_of(g, case)
    given: set[str] = set()
    if solution:
        given |= set(g.nodes[solution].get("themes") or ())
        given |= {v.removeprefix("theme-") for _, v, d in g.out_edges(solution, data=True) if d["type"] == "ADDRESSES"}
    body = record.text() if record else ""
    return sorted(given | set(tag_case_themes(_head(g, case, record), body)))


def case_register(g: nx.MultiDiGraph, *, records: Records | None = None,
                  region: str | None = None) -> list[dict[str, Any]]:
    """Every case of the graph as a register row.

    Parameters
    ----------
    g : networkx.MultiDiGraph
    records : mapping, optional
        Case id → CaseRecord; the shipped records when None, ``{}`` for graph only.
    region : str, optional
        Only the cases with a maker or nominator in this region (its full name); the others
        are left out before their themes are tagged.

    Returns
    -------
    list of dict
        The case view (:func:`samspil.graph.caseview.case_view`) plus ``themes``
        (slugs), ``regions`` (of its makers), ``sectors`` (of its makers),
        ``adopted`` (actors it spread to, status adopted) and ``has_contact``
        (whether a contact person is named; never who); by source and number.

    Examples
    --------
    >>> from samspil.testing.toys import toy_graph, toy_records
    >>> row = case_register(toy_graph(), records=toy_records())[0]
    >>> row["title"], row["sectors"], row["regions"], row["adopted"], row["has_contact"]
    ('Talentudvikling', ['public', 'private', 'civil'], ['Region Syddanmark'], 1, True)
    """
    texts = records_for(g, records)
    cases = nodes_with(g, "Case")
    cases.sort(key=lambda n: (g.nodes[n].get("source", ""), g.nodes[n].get("number") or 0, n))
    order = {s: i for i, s in enumerate(SECTORS)}
    # An actor without a region of its own (a company, a national body) is traced through all
    # its edges, and it is in thousands of cases of a large graph: trace each actor once.
    regions: dict[str, str | None] = {}
    rows = []
    for case in cases:
        solution = solution_of(g, case)
        made = list(makers(g, solution)) if solution else []
        nominators = [u for u, _, d in g.in_edges(case, data=True) if d["type"] == "NOMINATED"]
        for actor in made + nominators:
            if actor not in regions:
                regions[actor] = region_of(g, actor)
        in_regions = sorted({r for a in made + nominators if (r := regions[a])})
        if region is not None and region not in in_regions:
            continue
        view = case_view(g, case)
        record = texts.get(case)
        contact = bool(record and record.contacts) or any(
            d["type"] == "CONTACT_FOR" for _, _, d in g.in_edges(case, data=True))
        rows.append({**view,
                     "themes": case_themes(g, case, record),
                     "regions": in_regions,
                     "sectors": sorted({g.nodes[a].get("sector") for a in made if g.nodes[a].get("sector")},
                                       key=lambda s: order.get(s, len(order))),
                     "adopted": sum(1 for s in view["spread"] if s["status"] == "adopted"),
                     "has_contact": contact})
    return rows


def parse_years(text: str | int | None) -> tuple[int | None, int | None]:
    """A year or a span of years a user gave: ``2018``, ``"2015-2018"``, ``"2016-"``, ``"-2015"``.

    Raises
    ------
    SamspilError
        If it is not a year or span.

    Examples
    --------
    >>> parse_years("2015-2018"), parse_years(2018), parse_years("2016-")
    ((2015, 2018), (2018, 2018), (2016, None))
    """
    if text is None or text == "":
        return None, None
    m = re.fullmatch(r"\s*(\d{4})?\s*(-|–|\.\.)?\s*(\d{4})?\s*", str(text))
    if not m or not (m.group(1) or m.group(3)) or (m.group(1) and m.group(3) and not m.group(2)):
        raise SamspilError(f"not a year or span of years: {text!r} (try 2018, 2015-2018, 2016-)")
    lo = int(m.group(1)) if m.group(1) else None
    hi = int(m.group(3)) if m.group(3) else None
    return (lo, lo) if not m.group(2) else (lo, hi)


def filter_cases(g: nx.MultiDiGraph, *, theme: str | None = None, region: str | None = None,
                 sector: str | None = None, prize: str | None = None, year: str | int | None = None,
                 text: str | None = None, kind: str | None = None,
                 records: Records | None = None) -> list[dict[str, Any]]:
    """The register rows that pass every filter given.

    Parameters
    ----------
    g : networkx.MultiDiGraph
    theme : str, optional
        A theme or policy area by slug, Danish or English label (``"ældre"``, ``"obesity"``).
    region : str, optional
        A Danish region (``"Region Syddanmark"``, ``"Syddanmark"``, ``"1083"``): a case is
        in the regions of its makers and nominators.
    sector : str, optional
        ``public``, ``private``, ``civil`` or ``knowledge`` (or the Danish ``offentlig``,
        ``privat``, ``civilsamfund``, ``viden``): a case with a maker of that sector.
    prize : str, optional
        ``nyt-sammen-bedre``, ``hverdagsinnovation`` or ``none`` (no prize).
    year : str or int, optional
        A year or a span (see :func:`parse_years`); cases without a year drop out.
    text : str, optional
        Words that must all occur (case-insensitively) in the case's title, target group,
        actors, themes or text.
    kind : str, optional
        An actor kind in English or Danish (``municipality`` or ``kommune``): a case with an
        actor of that kind.
    records : mapping, optional
        As for :func:`case_register`.

    Returns
    -------
    list of dict
        Register rows, as :func:`case_register` gives them.

    Raises
    ------
    SamspilError
        If a theme, region, sector, prize or year is not one the register knows.

    Examples
    --------
    >>> from samspil.testing.toys import toy_graph
    >>> [r["title"] for r in filter_cases(toy_graph(), sector="private")]
    ['Talentudvikling']
    >>> [r["id"] for r in filter_cases(toy_graph(), theme="elderly care", year="2019-")]
    ['toy-03']
    >>> filter_cases(toy_graph(), sector="privat") == filter_cases(toy_graph(), sector="private")
    True
    """
    slug = resolve_theme(theme) if theme else None
    region_name = resolve_region(region) if region else None
    if sector:
        sector = _vocabulary_value("sector", sector)
    if kind:
        kind = _vocabulary_value("kind", kind)
    if prize and prize not in (*PRIZES, "none"):
        raise SamspilError(f"unknown prize {prize!r}; choose one of: {', '.join(PRIZES)}, none")
    lo, hi = parse_years(year)
    texts = records_for(g, records)
    words = [w.lower() for w in (text or "").split()]
    rows = []
    # The region goes to the register too, which then tags no theme of a case outside it.
    for row in case_register(g, records=records, region=region_name):
        if slug and slug not in row["themes"]:
            continue
        if region_name and region_name not in row["regions"]:
            continue
        if sector and sector not in row["sectors"]:
            continue
        if kind and not any(a["kind"] == kind for a in row["actors"]):
            continue
        if prize and (row["prize"] or "none") != prize:
            continue
        if (lo or hi) and (row["year"] is None or (lo and row["year"] < lo) or (hi and row["year"] > hi)):
            continue
        if words:
            haystack = searchable_text(row, texts.get(row["id"])).lower()
            if not all(w in haystack for w in words):
                continue
        rows.append(row)
    return rows


def _vocabulary_value(field: str, value: str) -> str:
    """The English value of a sector or kind given in English or Danish, or a one-line error."""
    meant = english(field, value)
    if meant is None:
        raise SamspilError(f"unknown {field} {value!r}; choose one of: {choices(field)}")
    return meant


def searchable_text(row: Mapping[str, Any], record: CaseRecord | None = None) -> str:
    """What free-text search looks in: title, target group, actors, theme labels, and the case text.

    Contact sections are left out, so a search never finds a case by a person's name or number.
    """
    parts = [row.get("title"), row.get("target_group"), *(a["name"] for a in row.get("actors", ())),
             *(theme_label(t) for t in row.get("themes", ())), *(theme_label(t, "en") for t in row.get("themes", ()))]
    if record is not None:
        parts.append(record.text(*(k for k in record.sections if k != "contacts")))
    return "\n".join(str(p) for p in parts if p)

