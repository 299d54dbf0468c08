"""Candidates for Find & Forstør: cases worth finding and amplifying, ranked with a transparent score.

Every case gets six components, each between 0 and 1 and each with the words that
explain it:

``effect``
    The case's effect grade (:mod:`samspil.recognise.effect`, stored in the graph):
    ``measured`` 1, ``reported`` 0.6, ``satisfaction`` 0.25, ``none`` 0; the reason
    quotes the sentence that carries it.
``collaboration``
    Breadth across sectors: ¾ for the sectors among its makers (owner, partners,
    funders; one sector 0, all four 1) and ¼ for how many makers (1 → 0, 6 or more → 1).
``spread``
    Spread so far as the graph holds it (only ``adopted`` and implemented variants
    count, design.md): each receiver counts once, a ``Group`` node of N organisations
    counts N (a group without a count, "flere kommuner", once); one ⅓, three or more 1.
    The reason quotes the spread statement; without one it says that no spread is
    recorded in the graph (not that the text has none).
``capacity``
    Spread capacity and potential: half from receivers in the graph that showed
    interest, visited or were inspired (two or more → ½, groups counted as above),
    half from what the text of its spread sections offers a newcomer — material to
    reuse (drejebog, manual, værktøj ...), a statement that it can be transferred —
    each reason with the sentence it comes from.
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

import io
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import networkx as nx

from samspil.core.atomic import write_atomic
from samspil.core.errors import SamspilError
from samspil.core.model import EFFECT_GRADES
from samspil.core.records import CaseRecord, Contact
from samspil.core.text import sentences
from samspil.graph.caseview import case_effect
from samspil.loaders.yamlfile import read_plain_yaml
from samspil.queries.analytics._graph import is_a, makers, solution_of
from samspil.queries.analytics.spread import spread_steps, steps_by_solution, uptake
from samspil.queries.register import Records, filter_cases, records_for

#: Weights of the components: documented effect counts most, a contact least.
DEFAULT_WEIGHTS: dict[str, float] = {"effect": 3.0, "collaboration": 2.0, "spread": 2.0, "capacity": 1.5,
                                     "recency": 1.0, "contact": 0.5}
COMPONENTS: tuple[str, ...] = tuple(DEFAULT_WEIGHTS)

#: The effect component of each grade, best first (measured > reported > satisfaction > none).
EFFECT_VALUES: dict[str, float] = dict(zip(EFFECT_GRADES, (1.0, 0.6, 0.25, 0.0)))
_EFFECT_WHY = {"measured": "effect measured", "reported": "effect reported without figures",
               "satisfaction": "only satisfaction rated"}

#: Sections whose text tells how a solution can spread (long and short layouts).
SPREAD_SECTIONS = ("sharing", "capacity_spread", "reuse", "capacities")
#: What a newcomer can take home, by family: each family found adds a third of the text half.
#: (Interest from others is read from the graph's SPREAD_TO edges, never from words such as
#: "besøg": the owners' own study visits are not others asking.)
_SPREAD_CUES = {
    "material to reuse": re.compile(r"\b(?:drejebog\w*|manual\w*|værktøj\w*|vejledning\w*|materiale\w*|"
                                    r"skabelon\w*|guide\w*|koncept\w*|open source|kildekode\w*|gratis)\b",
                                    re.IGNORECASE),
    "said to be transferable": re.compile(r"\bkan\s+(?:\w+\s+){0,3}(?:overføres|genbruges|spredes|skaleres|"
                                          r"implementeres|bruges)\b|\bnemt at\b|\blet at\b|\bskalering\w*|"
                                          r"\bpotentiale\s+for\s+at\s+sprede", re.IGNORECASE),
    "offered to others": re.compile(r"\btilbu(?:d|dt)\w*\s+(?:\w+\s+){0,3}til\s+(?:alle|de\s+(?:andre|øvrige)|"
                                    r"øvrige|andre)\b", re.IGNORECASE),
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
    ('3 sectors (public, private, civil), 3 makers', 'adopted by 2: Billund Kommune “Talentudvikling i Vejen → Billund Kommune”; Vejen Kommune “Talentudvikling → Vejen Kommune”')
    """
    solution = solution_of(g, case)
    sol = g.nodes[solution] if solution else {}
    parts: dict[str, dict[str, Any]] = {}

    # effect, as the graph grades it
    effect = case_effect(g, case)
    parts["effect"] = {"value": EFFECT_VALUES[effect["grade"]], "why": (
        f"{_EFFECT_WHY[effect['grade']]}: “{_clip(effect['evidence'])}”" if effect["evidence"]
        else _EFFECT_WHY[effect["grade"]]) if effect["grade"] != "none" else "no documented effect"}

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
    adopted = _receivers(g, r, set(r["adopted"]))
    n = sum(count for _, count, _ in adopted)
    parts["spread"] = {"value": round(min(n / 3, 1.0), 4),
                       "why": f"adopted by {n}: {_quoted(adopted)}" if n else "no spread recorded in the graph"}
    interested = _receivers(g, r, {s["to_id"] for s in r["path"]["steps"]} - set(r["adopted"]) - set(r["owners"]))
    n_interested = sum(count for _, count, _ in interested)
    text = record.text(*SPREAD_SECTIONS) if record is not None else ""
    cues = [(label, sentence) for label, pattern in _SPREAD_CUES.items()
            if (sentence := next((x for x in sentences(text) if pattern.search(x)), None))]
    value = 0.5 * min(n_interested / 2, 1.0) + 0.5 * len(cues) / len(_SPREAD_CUES)
    why = [f"interest from {n_interested}: {_quoted(interested)}"] if interested else []
    why += [f"{label}: “{_clip(sentence)}”" for label, sentence in cues]
    parts["capacity"] = {"value": round(value, 4), "why": "; ".join(why) or (
        "no interest recorded in the graph; no reusable material or transfer named in its spread sections")}

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


def _receivers(g: nx.MultiDiGraph, r: Mapping[str, Any], wanted: set[str]) -> list[tuple[str, int, str]]:
    """The receivers of an uptake among ``wanted``: (name, how many organisations, evidence).

    A ``Group`` node counts its ``count`` (a whole number), or once when the text gives no
    number; any other receiver once. Read from the edges the graph holds, whatever their target.
    """
    found: dict[str, tuple[str, int, str]] = {}
    for step in r["path"]["steps"]:
        node = step["to_id"]
        if node in wanted and node not in found:
            count = g.nodes[node].get("count") if is_a(g, node, "Group") else None
            found[node] = (step["to"], count if isinstance(count, int) and count > 0 else 1, step["evidence"])
    return sorted(found.values(), key=lambda x: (-x[1], x[0]))


def _quoted(receivers: list[tuple[str, int, str]], shown: int = 2) -> str:
    """The first receivers by name, each with its quote; "…" for the rest."""
    text = "; ".join(f"{name}{f' ({count})' if count > 1 else ''} “{_clip(evidence, around=name)}”"
                     for name, count, evidence in receivers[:shown])
    return text + (" …" if len(receivers) > shown else "")


def _clip(text: str | None, limit: int = 70, around: str | None = None) -> str:
    """A quote cut to about ``limit`` characters, "…" where it is cut; with ``around``, the part
    where that name's first word stands (a spread quote shows its receiver).

    Examples
    --------
    >>> _clip("Læringen er nu forankret i drift, og Vordingborg Kommune er ved at implementere modellen.",
    ...       40, around="Vordingborg Kommune")
    '…drift, og Vordingborg Kommune er ved at…'
    """
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    at = text.lower().find(around.split()[0].lower()) if around and around.split() else -1
    if at + 25 <= limit:  # not named, or named early enough to show from the start
        return text[: limit - 1] + "…"
    start = min(at - 10, len(text) - limit + 1)
    end = start + limit - 1
    return "…" + text[start:end].strip() + ("…" if end < len(text) else "")


def rank_candidates(g: nx.MultiDiGraph, *, theme: str | None = None, region: str | None = None,
                    sector: str | None = None, prize: str | None = None, year: str | int | None = None,
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
    sector, prize, year : optional
        The case register's other filters (:func:`samspil.queries.register.filter_cases`).
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
        ``regions``, ``year``, ``prize``, ``nominators``, ``effect`` (the grade),
        ``barriers`` (quotes) and ``receivers`` (where the case says it spread, with status).

    Raises
    ------
    SamspilError
        For an unknown theme, region, sector, prize, year or weight.

    Examples
    --------
    >>> from samspil.testing.toys import toy_graph, toy_records
    >>> ranked = rank_candidates(toy_graph(), records=toy_records())
    >>> [(c["id"], c["score"]) for c in ranked][:3]
    [('toy-03', 49.0), ('toy-05', 48.0), ('toy-01', 46.0)]
    >>> ranked[2]["reason"]
    'adopted by 2: Billund Kommune “Talentudvikling i Vejen → Billund Kommune”; Vejen Kommune “Talentudvikling → Vejen Kommune”; 3 sectors (public, private, civil), 3 makers — held back by: no documented effect'
    """
    w = {**DEFAULT_WEIGHTS, **_checked(weights or {})}
    total = sum(w.values())
    if total <= 0:
        raise SamspilError("at least one weight must be above 0")
    texts = records_for(g, records)
    rows = filter_cases(g, theme=theme, region=region, sector=sector, prize=prize, year=year, records=texts)
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
                       "year": row["year"], "prize": row["prize"], "nominators": row["nominators"],
                       "effect": row["effect"]["grade"], "barriers": row["barriers"],
                       "receivers": [f"{x['to']} ({x['status']})" for x in row["spread"]]})
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



def candidates_workbook(ranked: Sequence[Mapping[str, Any]], path: str | Path, *,
                        contacts: Mapping[str, Sequence[Contact]] | None = None) -> Path:
    """Write ranked candidates as an Excel workbook (one row per case), atomically.

    Columns: rank, case, title, score; for every component its value, points and reason
    (with its quote); nominators, regions, themes, effect grade, receivers, barriers, year,
    prize — and, only when ``contacts`` is given, the contact persons (personal data:
    names, titles, e-mail and phone never go in by default, design.md).

    Parameters
    ----------
    ranked : sequence of dict
        :func:`rank_candidates` rows.
    path : str or Path
        The ``.xlsx`` file; replaced whole or not at all.
    contacts : mapping, optional
        Case id → its contact persons; a "contacts" column only when given.

    Returns
    -------
    Path
        The file written.

    Examples
    --------
    >>> import tempfile, pathlib, openpyxl
    >>> from samspil.testing.toys import toy_graph, toy_records
    >>> out = candidates_workbook(rank_candidates(toy_graph(), records=toy_records()),
    ...                           pathlib.Path(tempfile.mkdtemp()) / "c.xlsx")
    >>> sheet = openpyxl.load_workbook(out).active
    >>> [c.value for c in sheet[1]][:6], sheet.max_row
    (['rank', 'case', 'title', 'score', 'effect', 'effect points'], 6)
    """
    from openpyxl import Workbook  # only this export needs it
    from openpyxl.styles import Alignment, Font

    head = ["rank", "case", "title", "score"]
    for k in COMPONENTS:
        head += [k, f"{k} points", f"{k} reason"]
    head += ["nominators", "regions", "themes", "effect grade", "receivers", "barriers", "year", "prize"]
    if contacts is not None:
        head.append("contacts")
    book = Workbook()
    sheet = book.active
    sheet.title = "candidates"
    sheet.append(head)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for c in ranked:
        row: list[Any] = [c["rank"], c["id"], c["title"], c["score"]]
        for k in COMPONENTS:
            row += [c["components"][k], c["points"][k], c["why"][k]]
        row += ["; ".join(c["nominators"]), "; ".join(c["regions"]), "; ".join(c["themes"]), c["effect"],
                "; ".join(c["receivers"]), "\n".join(c["barriers"]), c["year"], c["prize"]]
        if contacts is not None:
            row.append("\n".join(", ".join(x for x in (p.name, p.title, p.organisation, p.email, p.phone) if x)
                                 for p in contacts.get(c["id"], ())))
        sheet.append(row)
    sheet.freeze_panes = "C2"
    for cells in sheet.iter_cols(min_row=2):
        for cell in cells:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    book.save(buffer)
    return write_atomic(path, buffer.getvalue())
