"""Candidates for Find & Forstør: cases worth finding and amplifying, ranked with a transparent score.

Every case gets six components, each between 0 and 1 and each with the words that
explain it:

``effect``
    1 when the case documents its effect in figures (the recogniser's
    ``documented_effect``), 0.5 when it reports an evaluation or measurement without
    figures, else 0.
``collaboration``
    Breadth across sectors: ¾ for the sectors among its makers (owner, partners,
    funders; one sector 0, all four 1) and ¼ for how many makers (1 → 0, 6 or more → 1).
``spread``
    Spread so far (only ``adopted`` and implemented variants count, design.md):
    one adopter ⅓, three or more 1.
``capacity``
    Spread capacity and potential: half from named actors that showed interest,
    visited or were inspired (two or more → ½), half from what the text of its
    spread sections offers a newcomer — material to reuse (drejebog, manual,
    værktøj ...), a statement that it can be transferred, interest from others.
``recency``
    1 for a case from the newest year in the graph, falling by 0.1 a year; a case
    without a year gets half of what its source's year would give.
``contact``
    1 when the case names someone to contact (who is never shown).

The score is the weighted mean of the components, times 100; the default weights
are :data:`DEFAULT_WEIGHTS` and any can be changed. The one-line reason names what
lifts a case and what holds it back.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import networkx as nx

from samspil.core.errors import SamspilError
from samspil.recognise.recogniser import documented_effect
from samspil.core.records import CaseRecord
from samspil.loaders.yamlfile import read_plain_yaml
from samspil.core.themes import resolve_theme
from samspil.queries.analytics._graph import makers, resolve_region, solution_of
from samspil.queries.analytics.spread import spread_steps, steps_by_solution, uptake
from samspil.queries.register import Records, case_register, records_for

#: Weights of the components: documented effect counts most, a contact least.
DEFAULT_WEIGHTS: dict[str, float] = {"effect": 3.0, "collaboration": 2.0, "spread": 2.0, "capacity": 1.5,
                                     "recency": 1.0, "contact": 0.5}
COMPONENTS: tuple[str, ...] = tuple(DEFAULT_WEIGHTS)

#: Sections whose text tells how a solution can spread (long and short layouts).
SPREAD_SECTIONS = ("sharing", "capacity_spread", "reuse", "capacities")
_EVALUATED = re.compile(r"\b(?:evaluering\w*|effektmåling\w*|målinger|måling\w*|undersøgelse\w*|"
                        r"følgeforskning\w*)\b[^.]{0,100}\b(?:viser|vist|dokumenter\w*|peger på)\b", re.IGNORECASE)
#: What a newcomer can take home, by family: each family found adds a third of the text half.
_SPREAD_CUES = {
    "material to reuse": re.compile(r"\b(?:drejebog\w*|manual\w*|værktøj\w*|vejledning\w*|materiale\w*|"
                                    r"skabelon\w*|guide\w*|koncept\w*|open source|kildekode\w*|gratis)\b",
                                    re.IGNORECASE),
    "said to be transferable": re.compile(r"\bkan\s+(?:\w+\s+){0,3}(?:overføres|genbruges|spredes|skaleres|"
                                          r"implementeres|bruges)\b|\bnemt at\b|\blet at\b|\bskalering\w*",
                                          re.IGNORECASE),
    "others have asked": re.compile(r"\b(?:interesse\w*|besøg\w*|henvendelse\w*|efterspørg\w*)\b", re.IGNORECASE),
}


def parse_weights(items: Iterable[str] = (), path: str | Path | None = None) -> dict[str, float]:
    """Weights from ``name=value`` words and/or a YAML or JSON file mapping names to values.

    Parameters
    ----------
    items : iterable of str
        ``"effect=2"``, ``"contact=0"`` (given last, so they win over the file).
    path : str or Path, optional
        A file such as ``{effect: 2, spread: 3}``.

    Returns
    -------
    dict
        Only the weights given (merge with :data:`DEFAULT_WEIGHTS` happens in
        :func:`rank_candidates`).

    Raises
    ------
    SamspilError
        If a name is not a component, a value is not a number ≥ 0, or the file cannot be read.

    Examples
    --------
    >>> parse_weights(["effect=2", "contact=0"])
    {'effect': 2.0, 'contact': 0.0}
    """
    weights: dict[str, Any] = {}
    if path is not None:
        data = read_plain_yaml(path)  # JSON is YAML too
        if not isinstance(data, dict):
            raise SamspilError("expected a mapping of component names to numbers", path=path)
        weights.update(data)
    for item in items:
        key, sep, value = item.partition("=")
        if not sep:
            raise SamspilError(f"weight {item!r}: expected name=value, e.g. effect=2")
        weights[key.strip()] = value.strip()
    return _checked(weights)


def _checked(weights: Mapping[str, Any]) -> dict[str, float]:
    out = {}
    for key, value in weights.items():
        if key not in COMPONENTS:
            raise SamspilError(f"unknown score component {key!r}; choose from: {', '.join(COMPONENTS)}")
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise SamspilError(f"weight {key}={value!r} is not a number") from None
        if number < 0 or number != number:
            raise SamspilError(f"weight {key}={value!r} must be 0 or more")
        out[key] = number
    return out


def candidate_components(g: nx.MultiDiGraph, case: str, *, record: CaseRecord | None = None,
                         newest_year: int | None = None, has_contact: bool | None = None,
                         steps: list[dict[str, Any]] | None = None, index: dict[str, list[int]] | None = None,
                         uptakes: dict[str, dict[str, Any]] | None = None) -> dict[str, dict[str, Any]]:
    """The six score components of one case, each with its value and the words that explain it.

    Parameters
    ----------
    g : networkx.MultiDiGraph
        A Samspil graph.
    case : str
        Case id.
    record : CaseRecord, optional
        The case's record (text, contacts); the graph alone is used without it.
    newest_year : int, optional
        The year that scores full recency; the newest case year in ``g`` when None.
    has_contact : bool, optional
        Whether a contact is named; from ``record`` or a CONTACT_FOR edge when None.
    steps : list of dict, optional
        :func:`samspil.queries.analytics.spread.spread_steps` of ``g``, when at hand.
    index : dict, optional
        :func:`samspil.queries.analytics.spread.steps_by_solution` of ``steps``, when at hand.
    uptakes : dict, optional
        Solution id → its :func:`samspil.queries.analytics.spread.uptake`; filled in as
        solutions are met, so cases of one solution share it.

    Returns
    -------
    dict
        Component → ``{"value": float in [0, 1], "why": str}``.

    Examples
    --------
    >>> from samspil.testing.toys import toy_graph, toy_records
    >>> c = candidate_components(toy_graph(), "toy-01", record=toy_records()["toy-01"])
    >>> c["collaboration"]["why"], c["spread"]["why"]
    ('3 sectors (public, private, civil), 3 makers', 'adopted by 2: Billund Kommune, Vejen Kommune')
    """
    solution = solution_of(g, case)
    sol = g.nodes[solution] if solution else {}
    parts: dict[str, dict[str, Any]] = {}

    # effect
    if sol.get("documented_effect"):
        evidence = documented_effect(record)[1] if record is not None else None
        parts["effect"] = {"value": 1.0, "why": f"effect in figures: “{_clip(evidence)}”" if evidence
                           else "effect documented in figures"}
    elif record is not None and (m := _EVALUATED.search(full := record.text())):
        parts["effect"] = {"value": 0.5, "why": f"effect reported without figures: “{_clip(_sentence(full, m))}”"}
    else:
        parts["effect"] = {"value": 0.0, "why": "no documented effect"}

    # collaboration
    made = makers(g, solution) if solution else {}
    sectors = [s for s in ("public", "private", "civil", "knowledge")
               if any(g.nodes[a].get("sector") == s for a in made)]
    value = 0.75 * max(len(sectors) - 1, 0) / 3 + 0.25 * min(max(len(made) - 1, 0), 5) / 5
    parts["collaboration"] = {"value": round(value, 4), "why": (
        f"{len(sectors)} sector{'s' if len(sectors) != 1 else ''} ({', '.join(sectors)}), "
        f"{len(made)} maker{'s' if len(made) != 1 else ''}") if made else "no makers known"}

    # spread so far, and capacity/potential
    if not solution:
        r: dict[str, Any] = {"adopters": [], "interested": {}}
    elif uptakes is not None and solution in uptakes:
        r = uptakes[solution]
    else:
        r = uptake(g, solution, steps=steps, index=index)
        if uptakes is not None:
            uptakes[solution] = r
    n = len(r["adopters"])
    parts["spread"] = {"value": round(min(n / 3, 1.0), 4),
                       "why": f"adopted by {n}: {', '.join(r['adopters'][:3])}{' …' if n > 3 else ''}" if n
                       else "no spread recorded"}
    interested = r["interested"]
    text = record.text(*SPREAD_SECTIONS) if record is not None else ""
    cues = [label for label, pattern in _SPREAD_CUES.items() if pattern.search(text)]
    value = 0.5 * min(len(interested) / 2, 1.0) + 0.5 * len(cues) / len(_SPREAD_CUES)
    why = []
    if interested:
        why.append(f"interest from {', '.join(list(interested)[:2])}{' …' if len(interested) > 2 else ''}")
    why += cues
    parts["capacity"] = {"value": round(value, 4), "why": "; ".join(why) or "nothing said about spreading it"}

    # recency
    newest = newest_year or max((d["year"] for _, d in g.nodes(data=True)
                                 if "Case" in d.get("labels", ()) and d.get("year")), default=None)
    year = g.nodes[case].get("year") or sol.get("year")
    source_year = g.nodes.get(f"source-{g.nodes[case].get('source')}", {}).get("year")
    if year and newest:
        value = round(max(0.0, 1 - (newest - year) / 10), 4)
        parts["recency"] = {"value": value, "why": f"from {year}" + (" (ten or more years old)" if not value else "")}
    elif source_year and newest:
        parts["recency"] = {"value": round(0.5 * max(0.0, 1 - (newest - source_year) / 10), 4),
                            "why": f"year unknown (source {source_year})"}
    else:
        parts["recency"] = {"value": 0.0, "why": "year unknown"}

    # contact
    if has_contact is None:
        has_contact = bool(record is not None and record.contacts) or any(
            d["type"] == "CONTACT_FOR" for _, _, d in g.in_edges(case, data=True))
    parts["contact"] = {"value": 1.0 if has_contact else 0.0,
                        "why": "a contact is named" if has_contact else "no contact named"}
    return parts


def _clip(text: str | None, limit: int = 70) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _sentence(text: str, match: re.Match[str]) -> str:
    """The sentence of ``text`` that ``match`` is in."""
    start = max(text.rfind(".", 0, match.start()) + 1, 0)
    end = text.find(".", match.end())
    return text[start: end + 1 if end >= 0 else len(text)].strip()


def rank_candidates(g: nx.MultiDiGraph, *, theme: str | None = None, region: str | None = None,
                    top: int | None = None, weights: Mapping[str, float] | None = None,
                    records: Records | None = None) -> list[dict[str, Any]]:
    """Cases ranked for Find & Forstør, each with its score, components and a one-line reason.

    Parameters
    ----------
    g : networkx.MultiDiGraph
        A Samspil graph.
    theme : str, optional
        Only cases of this theme or policy area (slug, Danish or English label).
    region : str, optional
        Only cases with a maker or nominator in this Danish region.
    top : int, optional
        Keep this many.
    weights : mapping, optional
        Component → weight, replacing those of :data:`DEFAULT_WEIGHTS` it names.
    records : mapping, optional
        Case id → CaseRecord for text and contacts; the shipped records when None,
        ``{}`` for the graph alone.

    Returns
    -------
    list of dict
        Best first: ``rank``, ``id`` (case id), ``title``, ``score`` (0–100),
        ``components`` (component → value 0–1), ``points`` (component → its share of the
        score), ``why`` (component → explanation), ``reason`` (one line), ``themes``,
        ``regions``, ``year``, ``prize``.

    Raises
    ------
    SamspilError
        For an unknown theme, region or weight.

    Examples
    --------
    >>> from samspil.testing.toys import toy_graph, toy_records
    >>> ranked = rank_candidates(toy_graph(), records=toy_records())
    >>> [(c["id"], c["score"]) for c in ranked][:3]
    [('toy-03', 49.0), ('toy-05', 48.0), ('toy-01', 46.0)]
    >>> ranked[2]["reason"]
    'adopted by 2: Billund Kommune, Vejen Kommune; 3 sectors (public, private, civil), 3 makers — held back by: no documented effect'
    """
    w = {**DEFAULT_WEIGHTS, **_checked(weights or {})}
    total = sum(w.values())
    if total <= 0:
        raise SamspilError("at least one weight must be above 0")
    texts = records_for(g, records)
    slug = resolve_theme(theme) if theme else None
    region_name = resolve_region(region) if region else None
    rows = case_register(g, records=texts, region=region_name)
    if slug:
        rows = [r for r in rows if slug in r["themes"]]
    newest = max((d["year"] for _, d in g.nodes(data=True) if "Case" in d.get("labels", ()) and d.get("year")),
                 default=None)
    # The spread steps of the whole graph, once, and where each solution's are: a case's
    # reach is then a lookup, not a pass over every step (which made ranking quadratic).
    steps = spread_steps(g)
    index = steps_by_solution(steps)
    uptakes: dict[str, dict[str, Any]] = {}
    ranked = []
    for row in rows:
        parts = candidate_components(g, row["id"], record=texts.get(row["id"]), newest_year=newest,
                                     has_contact=row["has_contact"], steps=steps, index=index, uptakes=uptakes)
        points = {k: round(100 * w[k] * parts[k]["value"] / total, 1) for k in COMPONENTS}
        ranked.append({"id": row["id"], "title": row["title"], "score": round(sum(points.values()), 1),
                       "components": {k: parts[k]["value"] for k in COMPONENTS}, "points": points,
                       "why": {k: parts[k]["why"] for k in COMPONENTS},
                       "reason": _reason(parts, points, w), "themes": row["themes"], "regions": row["regions"],
                       "year": row["year"], "prize": row["prize"]})
    ranked.sort(key=lambda c: (-c["score"], -c["components"]["effect"], c["id"]))
    for i, c in enumerate(ranked, start=1):
        c["rank"] = i
    ranked = [{"rank": c.pop("rank"), **c} for c in ranked]
    return ranked[:top] if top else ranked


def _reason(parts: Mapping[str, Mapping[str, Any]], points: Mapping[str, float], w: Mapping[str, float]) -> str:
    """What lifts a case (its two largest shares of the score) and what holds it back
    (the heaviest-weighted components it scores nothing on)."""
    lifts = [k for k in sorted(points, key=lambda k: -points[k]) if points[k] > 0 and k != "contact"][:2]
    lacks = [k for k in sorted(w, key=lambda k: -w[k]) if w[k] > 0 and parts[k]["value"] == 0][:2]
    line = "; ".join(parts[k]["why"] for k in lifts) or "scores on nothing yet"
    if lacks:
        line += " — held back by: " + ", ".join(parts[k]["why"] for k in lacks)
    return line

