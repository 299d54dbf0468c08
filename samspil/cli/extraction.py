"""Commands about what the recogniser finds: extract, evaluate, curate."""

from __future__ import annotations

import json

import click

from samspil.cli.app import main, warn


@main.command()
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the case-view object as JSON (design.md's contract).")
@click.option("--id", "case_id", default=None, help="Id to give the case (default: free-<slug of the title>).")
def extract(path, as_json, case_id):
    """Recognise one free-text case description (title on the first line) and print its case view.

    Warns (on stderr, exit 0 all the same) when no organisation is recognised in the text.
    """
    from samspil.graph.extract import extract_file

    view = extract_file(path, case_id=case_id)
    if not view["actors"]:
        warn(f"no organisation recognised in {path}")
    if as_json:
        click.echo(json.dumps(view, ensure_ascii=False, indent=1))
        return
    from rich.console import Console
    from rich.text import Text

    from samspil.cli._tables import DataTable

    console = Console()
    # Names and titles are the text's own: printed as Text, never read as rich markup.
    console.print(Text.assemble((view["title"], "bold"), f"  ({view['id']}, year {view['year'] or '?'}, "
                                f"documented effect: {'yes' if view['documented_effect'] else 'no'})"))
    table = DataTable("name", "kind", "role", "evidence")
    for a in view["actors"]:
        table.add_row(a["name"], a["kind"], a["role"], a["evidence"])
    console.print(table)
    for s in view["spread"]:
        console.print(Text(f"spread → {s['to']} ({s['status']}{', ' + str(s['year']) if s.get('year') else ''})"))
    for i in view["inspired_by"]:
        console.print(Text(f"inspired by ← {i['from']}"))


@main.command()
@click.option("--set", "which", type=click.Choice(["dev", "spread"]), default="dev", show_default=True,
              help="dev: the development set (actors, roles, named spread); spread: the spread set (named, place and "
                   "group receivers, group partners).")
@click.option("--curated/--no-curation", default=None,
              help="Score after the shipped corrections, or the recogniser alone (default: alone for the dev set, "
                   "curated for the spread set).")
@click.option("--errors", "show_errors", is_flag=True, help="List every missed and spurious pair.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores (and errors) as JSON.")
@click.option("--devset", type=click.Path(file_okay=False), default=None,
              help="A gold folder (lsf2019/*.json, freetext/*.txt+json); the shipped one of --set by default.")
def evaluate(which, curated, show_errors, as_json, devset):
    """Score the recogniser on hand-annotated gold: precision, recall, F1."""
    from rich.console import Console

    from samspil.cli._tables import DataTable
    from samspil.corpus.curation import default_corrections_path, load_corrections
    from samspil.graph.evaluation import evaluate as run, load_gold, spreadset_path

    curated = (which == "spread") if curated is None else curated
    corrections = load_corrections([default_corrections_path()]) if curated else None
    result = run(load_gold(devset or (spreadset_path() if which == "spread" else None)), corrections=corrections)
    data = result.as_dict()
    # Each set shows what it annotates: the dev set no groups (GUIDELINES.md section 7), the spread set no actors.
    for score in result.scores():
        if (which == "spread") == (score.name in ("actors", "roles")):
            if which == "spread" or not (score.tp or score.fp or score.fn):
                data.pop(score.name)
    if as_json:
        if not show_errors:
            data.pop("errors")
        click.echo(json.dumps(data, ensure_ascii=False, indent=1))
        return
    table = DataTable(title=f"{len(result.items)} items, {'after' if curated else 'before'} curation")
    for col in ("pairs", "precision", "recall", "F1", "tp", "fp", "fn"):
        table.add_column(col, justify="left" if col == "pairs" else "right")
    rows = {"actors": "actors (name, kind)", "roles": "roles (name, role)", "spread": "spread (to, status)",
            "groups": "group spread (kind, count, status)", "group_partners": "group partners (kind, count, role)"}
    for score in result.scores():
        if score.name in data:
            table.add_row(rows[score.name], f"{score.precision:.3f}", f"{score.recall:.3f}", f"{score.f1:.3f}",
                          str(score.tp), str(score.fp), str(score.fn))
    console = Console(width=140)
    console.print(table)
    if show_errors:
        for error in data["errors"]:
            console.print(f"{error['metric']:7} {error['case']:38} {error['error']:9} {error['pair']}", markup=False)


@main.group()
def curate():
    """Reviewed corrections: check them against what the recogniser finds now."""


@curate.command("check")
@click.option("--corrections", "paths", multiple=True, type=click.Path(dir_okay=False),
              help="Corrections file(s) to check (the shipped one by default).")
def curate_check(paths):
    """List every correction and how often it applies; exit 1 if any matches nothing."""
    from rich.console import Console

    from samspil.cli._tables import DataTable
    from samspil.corpus.sources import load_corpus
    from samspil.corpus.curation import default_corrections_path, load_corrections

    corrections = load_corrections(paths or [default_corrections_path()])
    load_corpus(corrections=corrections)
    table = DataTable("where", "op", "applies", "reason")
    for c in corrections.items:
        table.add_row(f"{c.path.rsplit('/', 1)[-1]}:{c.line}", c.op, str(c.applied), c.reason)
    Console(width=160).print(table)
    stale = corrections.unmatched()
    click.echo(f"{len(corrections.items)} corrections, {len(stale)} match nothing")
    if stale:
        raise SystemExit(1)
