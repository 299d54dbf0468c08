"""Commands that analyse the graph: network, spread, candidates, themes.

Thin: each command builds the graph, calls one function of :mod:`samspil.queries`
and prints its rows — a rich table for people, ``--format json`` or ``--format csv``
(or their aliases ``--json`` and ``--csv``) for programs.
"""

from __future__ import annotations

import csv
import functools
import io
import json
from collections.abc import Callable, Sequence
from typing import Any

import click

from samspil.cli.app import corpus_options, format_option, main
from samspil.core.errors import SamspilError
from samspil.core.model import ACTOR_KINDS

#: A table column: (key in the row, heading, how to show the value, justify); see samspil/cli/_output.py.
Column = tuple[str, str, Callable[[Any], str], str]
#: The --format option of every command here: --json and --csv were its flags before it.
output_option = format_option(aliases=("json", "csv"))


def graph_and_records(lsf_paths: Sequence[str], case_files: Sequence[str], no_defaults: bool):
    """The graph the corpus options ask for (curated, as every command builds it), and its case
    records (read once for both)."""
    from samspil.cli.app import corpus_from_options
    from samspil.graph.builder import build_graph

    corpus = corpus_from_options(lsf_paths, case_files, no_defaults)
    return build_graph(corpus), {record.id: record for record, _ in corpus.cases}


def _text(v: Any) -> str:
    from samspil.cli._output import cell

    return cell(v)


def _score(v: Any) -> str:
    return f"{v:.1f}" if isinstance(v, (int, float)) else ""


def _short(n: int) -> Callable[[Any], str]:
    return lambda v: (lambda s: s if len(s) <= n else s[: n - 1] + "…")(_text(v))


def emit(data: Sequence[dict[str, Any]] | dict[str, Any], columns: Sequence[Column], fmt: str, *, title: str,
         **options: Any) -> None:
    """Print rows with the renderer (:func:`samspil.cli._output.render`), at least 150 wide."""
    from samspil.cli._output import render

    render(data, fmt, title=title, columns=columns, width=150, **options)


# -- network -------------------------------------------------------------------------------

@main.group()
def network() -> None:
    """Cross-sector collaboration: ties, sector mix, brokers, communities."""


@network.command()
@corpus_options
@output_option
@click.option("--cross-sector", is_flag=True, help="Only ties between actors of different sectors.")
@click.option("--top", type=click.IntRange(min=1), default=None, help="Show this many ties.")
def ties(lsf_paths, case_files, no_defaults, fmt, cross_sector, top):
    """Collaboration ties (two actors that made the same solution), with the counts per sector pair."""
    from samspil.queries.analytics.network import collaboration_ties, tie_counts

    g, _ = graph_and_records(lsf_paths, case_files, no_defaults)
    rows = collaboration_ties(g, cross_sector_only=cross_sector)[:top]
    counts = tie_counts(g)
    if fmt == "json":
        emit({"counts": counts, "ties": rows}, (), fmt, title="")
        return
    if fmt == "table":
        untied = ", ".join(c["pair"] for c in counts if not c["ties"])
        emit([c for c in counts if c["ties"]], [("pair", "sectors", _text, "left"), ("ties", "ties", _text, "right"),
                                                 ("weight", "shared solutions", _text, "right")], fmt,
             title="Ties between sectors", caption=f"pairs with no tie: {untied}" if untied else None)
    emit(rows, [("a", "actor", _text, "left"), ("a_sector", "sector", _text, "left"), ("b", "actor", _text, "left"),
                ("b_sector", "sector", _text, "left"), ("weight", "shared", _text, "right"),
                ("solutions", "solutions", _short(70), "left")], fmt,
         title=f"{len(rows)} {'cross-sector ' if cross_sector else ''}collaboration ties",
         keys=("a", "a_sector", "b", "b_sector", "pair", "weight", "solutions"))


@network.command()
@corpus_options
@output_option
@click.option("--by", type=click.Choice(["solution", "actor"]), default="solution", show_default=True,
              help="Sector mix of each solution (its makers) or each actor (its collaborators).")
@click.option("--top", type=click.IntRange(min=1), default=None, help="Show this many.")
def sectors(lsf_paths, case_files, no_defaults, fmt, by, top):
    """The sector mix of each solution or actor."""
    from samspil.queries.analytics.network import actor_sector_mix, solution_sector_mix

    g, _ = graph_and_records(lsf_paths, case_files, no_defaults)
    if by == "solution":
        rows = solution_sector_mix(g)
        columns = [("title", "solution", _short(60), "left"), ("actors", "makers", _text, "right"),
                   ("n_sectors", "sectors", _text, "right"), ("sectors", "makers by sector", _text, "left")]
    else:
        rows = actor_sector_mix(g)
        columns = [("name", "actor", _text, "left"), ("sector", "sector", _text, "left"),
                   ("solutions", "solutions", _text, "right"), ("partners", "partners", _text, "right"),
                   ("other_sectors", "other sectors", _text, "right"),
                   ("partner_sectors", "partners by sector", _text, "left")]
    rows = rows[:top] if top else rows
    emit(rows, columns, fmt, title=f"Sector mix by {by} ({len(rows)})")


@network.command()
@corpus_options
@output_option
@click.option("--top", type=click.IntRange(min=1), default=15, show_default=True, help="Show this many.")
@click.option("--backend", type=click.Choice(["igraph", "networkx"]), default=None,
              show_default="igraph if python-igraph imports, else networkx", help="Betweenness backend.")
def brokers(lsf_paths, case_files, no_defaults, fmt, top, backend):
    """Actors between others: betweenness and Gould–Fernandez brokerage across sectors."""
    from samspil.queries.analytics.network import brokers as find_brokers

    g, _ = graph_and_records(lsf_paths, case_files, no_defaults)
    rows = find_brokers(g, top=top, backend=backend)
    emit(rows, [("name", "actor", _text, "left"), ("sector", "sector", _text, "left"),
                ("partners", "partners", _text, "right"), ("betweenness", "betweenness", _text, "right"),
                ("cross_sector", "cross-sector", _text, "right"), ("coordinator", "coord.", _text, "right"),
                ("gatekeeper", "gatek./repr.", _text, "right"), ("consultant", "consult.", _text, "right"),
                ("liaison", "liaison", _text, "right")], fmt,
         title=f"Brokers (top {top})", empty="no actor sits between others yet",
         caption="cross-sector = open triads brokered whose three actors are not all of one sector")


@network.command()
@corpus_options
@output_option
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the Louvain method.")
@click.option("--resolution", type=float, default=1.0, show_default=True, help="Above 1: smaller communities.")
@click.option("--min-size", type=click.IntRange(min=1), default=2, show_default=True, help="Smallest to show.")
def communities(lsf_paths, case_files, no_defaults, fmt, seed, resolution, min_size):
    """Communities of collaborating actors (Louvain), labelled by their members."""
    from samspil.queries.analytics.network import communities as find_communities

    g, _ = graph_and_records(lsf_paths, case_files, no_defaults)
    rows = find_communities(g, seed=seed, resolution=resolution, min_size=min_size)
    emit(rows, [("id", "#", _text, "right"), ("label", "community", _text, "left"), ("size", "size", _text, "right"),
                ("sectors", "sectors", _text, "left"), ("solutions", "solutions", _short(80), "left")], fmt,
         title=f"{len(rows)} communities", empty="no collaboration ties yet")


# -- spread --------------------------------------------------------------------------------

@main.group()
def spread() -> None:
    """Spread of solutions: paths, chains, reach, top spreaders, who could adopt next."""


_STEP_COLUMNS: list[Column] = [
    ("title", "solution", _short(45), "left"), ("from", "from", _text, "left"), ("to", "to", _text, "left"),
    ("status", "status", _text, "left"), ("year", "year", _text, "right"), ("via", "via", _text, "left"),
    ("evidence", "evidence", _short(70), "left")]


@spread.command()
@corpus_options
@output_option
@click.argument("solution", required=False)
def paths(lsf_paths, case_files, no_defaults, fmt, solution):
    """Originators → adopters and interested actors, with years (one solution, or all)."""
    from samspil.queries.analytics.spread import spread_paths

    g, _ = graph_and_records(lsf_paths, case_files, no_defaults)
    rows = spread_paths(g, solution)
    steps = [s for r in rows for s in r["steps"]]
    emit(rows if fmt == "json" else steps, _STEP_COLUMNS, fmt,
         title=f"Spread of {solution}" if solution else f"Spread paths ({len(rows)} solutions)",
         empty="no spread recorded",
         caption="counted as spread: SPREAD_TO adopted, and variants (via variant: a case of its own made from "
                 "the idea); interested, visited, inspired via spread are interest only")


@spread.command()
@corpus_options
@output_option
@click.option("--all-steps", is_flag=True, help="Follow interest too, not only adoption and variants.")
def chains(lsf_paths, case_files, no_defaults, fmt, all_steps):
    """Chains of spread: A's solution to B, B's copy or variant on to C."""
    from samspil.queries.analytics.spread import spread_chains

    g, _ = graph_and_records(lsf_paths, case_files, no_defaults)
    rows = spread_chains(g, counted_only=not all_steps)
    shown = [{"chain": " → ".join(r["actors"]), "length": r["length"],
              "solutions": [s["title"] for s in r["steps"]], "years": [s["year"] for s in r["steps"]]} for r in rows]
    emit(rows if fmt == "json" else shown, [("chain", "chain", _text, "left"), ("length", "steps", _text, "right"),
                                            ("solutions", "solutions", _text, "left"), ("years", "years", _text, "left")],
         fmt, title=f"{len(rows)} spread chains", empty="no chain of two steps or more",
         keys=("chain", "length", "solutions", "years"))


@spread.command(name="reach")
@corpus_options
@output_option
@click.argument("solution")
def reach_command(lsf_paths, case_files, no_defaults, fmt, solution):
    """How far one solution (with its variants) reached: actors, municipalities, regions, sectors."""
    from samspil.queries.analytics.spread import reach

    g, _ = graph_and_records(lsf_paths, case_files, no_defaults)
    row = reach(g, solution)
    if fmt != "table":
        emit(row, (), fmt, title="")
        return
    emit([{"what": k, "value": row[k]} for k in ("title", "originators", "adopters", "reached", "uncounted", "places",
                                                  "municipalities", "regions", "new_regions", "scope", "sectors",
                                                  "interested", "years")],
         [("what", "", _text, "left"), ("value", "", _text, "left")], fmt, title=f"Reach of {row['title']}")


@spread.command(name="top")
@corpus_options
@output_option
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True, help="Show this many.")
def top_command(lsf_paths, case_files, no_defaults, fmt, top):
    """The solutions that spread furthest."""
    from samspil.queries.analytics.spread import top_solutions

    g, _ = graph_and_records(lsf_paths, case_files, no_defaults)
    rows = top_solutions(g, top=top)
    emit(rows, [("title", "solution", _short(45), "left"), ("originators", "from", _text, "left"),
                ("adopters", "adopted by", _text, "left"), ("regions", "regions", _text, "left"),
                ("interested", "interest", _text, "left")], fmt,
         title=f"Solutions that spread furthest (top {top})", empty="no spread recorded")


@spread.command()
@corpus_options
@output_option
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True, help="Show this many.")
def spreaders(lsf_paths, case_files, no_defaults, fmt, top):
    """The actors whose solutions and ideas spread most."""
    from samspil.queries.analytics.spread import top_spreaders

    g, _ = graph_and_records(lsf_paths, case_files, no_defaults)
    rows = top_spreaders(g, top=top)
    emit(rows, [("name", "actor", _text, "left"), ("adopters", "adopted by", _text, "left"),
                ("solutions", "solutions", _short(50), "left"), ("regions", "regions", _text, "left"),
                ("interest", "interest", _text, "left")], fmt,
         title=f"Actors that spread most (top {top})", empty="no spread recorded")


@spread.command(name="next")
@corpus_options
@output_option
@click.argument("solution")
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True, help="Show this many.")
@click.option("--graph-only", is_flag=True, help="Suggest only actors in the graph, not every municipality.")
@click.option("--kind", type=click.Choice(ACTOR_KINDS), default=None, help="Only actors of this kind.")
def next_command(lsf_paths, case_files, no_defaults, fmt, solution, top, graph_only, kind):
    """Who could adopt a solution next, and why (never its makers, adopters, or their units and parents)."""
    from samspil.queries.analytics.spread import find_solution, next_adopters

    g, _ = graph_and_records(lsf_paths, case_files, no_defaults)
    rows = next_adopters(g, solution, top=top, reference=not graph_only, kind=kind)
    emit(rows, [("name", "actor", _text, "left"), ("region", "region", _text, "left"),
                ("score", "score", _score, "right"), ("reasons", "reasons", _text, "left")], fmt,
         title=f"Who could adopt {g.nodes[find_solution(g, solution)]['name']} next", empty="no suggestion")


#: The register's filters of a case's theme, region, sector, prize and year (for `cases` and `candidates`).
FILTER_OPTIONS = (
    click.option("--theme", help="Only cases of this theme or policy area (see `samspil themes`)."),
    click.option("--region", help="Only cases with a maker or nominator in this region (name or regionskode)."),
    click.option("--sector", help="Only cases with a maker of this sector: public, private, civil, knowledge "
                                   "(or offentlig, privat, civilsamfund, viden)."),
    click.option("--prize", type=click.Choice(["nyt-sammen-bedre", "hverdagsinnovation", "none"]),
                 help="Only cases of this prize (none: no prize)."),
    click.option("--year", help="Only cases of this year or span (2018, 2015-2018, 2016-)."),
)


def filter_options(func):
    """The register's filters (:data:`FILTER_OPTIONS`) as options of a command."""
    for option in reversed(FILTER_OPTIONS):
        func = option(func)
    return func


# -- candidates and themes -----------------------------------------------------------------

@main.command()
@corpus_options
@output_option
@filter_options
@click.option("--top", type=click.IntRange(min=1), default=15, show_default=True, help="Show this many.")
@click.option("--weight", "weight_items", multiple=True, metavar="NAME=VALUE",
              help="Weight of a component (effect, collaboration, spread, capacity, recency, contact); repeatable.")
@click.option("--weights", "weights_file", type=click.Path(), default=None,
              help="YAML or JSON file of weights.")
@click.option("--xlsx", "xlsx_path", type=click.Path(dir_okay=False), default=None,
              help="Also write the ranking as an Excel workbook (one row per case, every component and quote).")
@click.option("--include-contacts", is_flag=True,
              help="Put the contact persons (names, titles, e-mail, phone: personal data) in the workbook.")
def candidates(lsf_paths, case_files, no_defaults, fmt, theme, region, sector, prize, year, top, weight_items,
               weights_file, xlsx_path, include_contacts):
    """Candidate cases for Find & Forstør, ranked with a transparent score.

    Components (0–1): effect (its grade: measured, reported, satisfaction, none),
    collaboration (breadth across sectors), spread (adopted so far, as the graph holds
    it), capacity (interest, reusable material, transferability), recency, contact.
    Score = weighted mean × 100. Every reason quotes the text it rests on.
    """
    from samspil.queries.candidates import DEFAULT_WEIGHTS, candidates_workbook, parse_weights, rank_candidates

    if include_contacts and not xlsx_path:
        raise SamspilError("--include-contacts only goes with --xlsx (contacts are never printed)")
    weights = parse_weights(weight_items, weights_file)
    g, records = graph_and_records(lsf_paths, case_files, no_defaults)
    rows = rank_candidates(g, theme=theme, region=region, sector=sector, prize=prize, year=year, top=top,
                           weights=weights, records=records)
    if xlsx_path:
        candidates_workbook(rows, xlsx_path, contacts={k: r.contacts for k, r in records.items()}
                            if include_contacts else None)
    used = {**DEFAULT_WEIGHTS, **weights}
    filters = ", ".join(str(v) for v in (theme, region, sector, prize, year) if v)
    points = [(k, k[:3], _score, "right") for k in DEFAULT_WEIGHTS]
    table_rows = [{**r, **r["points"]} for r in rows]
    emit(rows if fmt == "json" else table_rows,
         [("rank", "#", _text, "right"), ("id", "case", _text, "left"), ("title", "title", _short(28), "left"),
          ("score", "score", _score, "right"), *points, ("reason", "why", _text, "left")], fmt,
         title="Find & Forstør candidates" + (f": {filters}" if filters else ""),
         caption="points per component (eff effect, col collaboration, spr spread, cap capacity, rec recency, "
                 "con contact); weights " + ", ".join(f"{k}={v:g}" for k, v in used.items()),
         empty="no case matches",
         keys=("rank", "id", "title", "score", *DEFAULT_WEIGHTS, "reason", "themes", "regions", "year", "prize",
               "effect"))


@main.command()
@corpus_options
@output_option
def themes(lsf_paths, case_files, no_defaults, fmt):
    """The theme vocabulary (seed 000's themes and the policy areas), with how many cases each has."""
    from collections import Counter

    from samspil.core.themes import load_themes
    from samspil.queries.register import case_register

    g, records = graph_and_records(lsf_paths, case_files, no_defaults)
    counts = Counter(t for row in case_register(g, records=records) for t in row["themes"])
    rows = [{"slug": t.slug, "kind": t.kind, "da": t.da, "en": t.en, "cases": counts[t.slug]} for t in load_themes()]
    emit(rows, [("slug", "slug", _text, "left"), ("kind", "kind", _text, "left"), ("da", "dansk", _text, "left"),
                ("en", "English", _text, "left"), ("cases", "cases", _text, "right")], fmt,
         title="Themes and policy areas")


# -- the register's filters, for `samspil cases` (samspil/cli/graph.py) ------------------

#: Columns of ``samspil cases --format csv``.
REGISTER_CSV_KEYS = ("id", "number", "title", "prize", "year", "target_group", "themes", "regions", "sectors",
                     "nominators", "actors", "adopted", "documented_effect", "has_contact")


def register_options(func):
    """The case register's filters; the command receives them as one ``register`` dict
    (empty when none is given, so the command can keep its unfiltered path)."""
    names = ("theme", "region", "sector", "prize", "year", "text", "kind")

    @functools.wraps(func)
    def gathered(*args, **kwargs):
        register = {k: v for k in names if (v := kwargs.pop(k, None))}
        return func(*args, register=register, **kwargs)

    for option in reversed((
            *FILTER_OPTIONS,
            click.option("--kind", help="Only cases with an actor of this kind, in English or Danish "
                                        "(municipality or kommune, company or virksomhed, …)."),
            click.option("--text", help="Only cases whose text has all these words."))):
        gathered = option(gathered)
    return gathered



def register_views(g, register: dict[str, Any]) -> list[dict[str, Any]]:
    """The case views of the cases the register's filters let through (exactly design.md's
    keys, so ``--format json`` keeps its contract)."""
    from samspil.graph.caseview import KEYS
    from samspil.queries.register import filter_cases

    return [{k: row[k] for k in KEYS} for row in filter_cases(g, **register)]


def register_table(g, register: dict[str, Any]) -> list[dict[str, Any]]:
    """The register rows the filters let through, as ``--format csv`` prints them: actors as
    their count, contacts only as whether one is named."""
    from samspil.queries.register import filter_cases

    return [{**r, "actors": len(r["actors"])} for r in filter_cases(g, **register)]
