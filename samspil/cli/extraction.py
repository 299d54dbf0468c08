"""Commands about what the recogniser finds: extract, evaluate, curate."""

from __future__ import annotations

import click

from samspil.cli.app import format_option, main, warn

#: The columns of a recognised actor (``samspil extract --format csv``).
ACTOR_KEYS = ("name", "kind", "role", "evidence")


@main.command()
@click.argument("path", type=click.Path())
@format_option(aliases=("json",), help="table for people; json: the case-view object (design.md's contract); "
                                        "csv: the recognised actors.")
@click.option("--id", "case_id", default=None, help="Id to give the case (default: free-<slug of the title>).")
def extract(path, fmt, case_id):
    """Recognise one free-text case description (title on the first line) and print its case view.

    Warns (on stderr, exit 0 all the same) when no organisation is recognised in the text.
    """
    from rich.console import Console
    from rich.text import Text

    from samspil.cli._output import as_text, render
    from samspil.core.text import printable
    from samspil.graph.extract import extract_file

    view = extract_file(path, case_id=case_id)
    if not view["actors"]:
        warn(f"no organisation recognised in {path}")
    if fmt != "table":
        render(view if fmt == "json" else view["actors"], fmt, title="", keys=ACTOR_KEYS)
        return
    console = Console()
    # Names and titles are the text's own: printed as Text, never read as rich markup.
    console.print(Text.assemble((printable(view["title"]), "bold"), f"  ({view['id']}, year {view['year'] or '?'}, "
                                f"documented effect: {'yes' if view['documented_effect'] else 'no'})"))
    render(view["actors"], fmt, title="actors", empty="none recognised",
           columns=[(key, key, str, "left") for key in ACTOR_KEYS])
    for s in view["spread"]:
        console.print(as_text(f"spread → {s['to']} ({s['status']}{', ' + str(s['year']) if s.get('year') else ''})"))
    for i in view["inspired_by"]:
        console.print(as_text(f"inspired by ← {i['from']}"))


@main.command()
@click.option("--set", "which", type=click.Choice(["dev", "spread"]), default="dev", show_default=True,
              help="dev: the development set (actors, roles, named spread); spread: the spread set (named, place and "
                   "group receivers, group partners).")
@click.option("--curated/--no-curation", default=None,
              help="Score after the shipped corrections, or the recogniser alone (default: alone for the dev set, "
                   "curated for the spread set).")
@click.option("--errors", "show_errors", is_flag=True, help="List every missed and spurious pair.")
@format_option(aliases=("json",), help="table for people; json: the scores (and with --errors the errors); "
                                        "csv: the scores.")
@click.option("--devset", type=click.Path(file_okay=False), default=None,
              help="A gold folder (lsf2019/*.json, freetext/*.txt+json); the shipped one of --set by default.")
def evaluate(which, curated, show_errors, fmt, devset):
    """Score the recogniser on hand-annotated gold: precision, recall, F1."""
    from rich.console import Console

    from samspil.cli._output import as_text, render
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
    if fmt == "json":
        if not show_errors:
            data.pop("errors")
        render(data, fmt, title="")
        return
    labels = {"actors": "actors (name, kind)", "roles": "roles (name, role)", "spread": "spread (to, status)",
              "groups": "group spread (kind, count, status)", "group_partners": "group partners (kind, count, role)"}
    rows = [{"pairs": labels[score.name], **data[score.name]} for score in result.scores() if score.name in data]
    three = "{:.3f}".format
    render(rows, fmt, title=f"{len(result.items)} items, {'after' if curated else 'before'} curation", width=140,
           columns=[("pairs", "pairs", str, "left"), ("precision", "precision", three, "right"),
                    ("recall", "recall", three, "right"), ("f1", "F1", three, "right"),
                    *((key, key, str, "right") for key in ("tp", "fp", "fn"))])
    if show_errors and fmt == "table":
        console = Console(width=140)
        for error in data["errors"]:
            console.print(as_text(f"{error['metric']:7} {error['case']:38} {error['error']:9} {error['pair']}"))


@main.group()
def curate():
    """Reviewed corrections: check them against what the recogniser finds now."""


@curate.command("check")
@click.option("--corrections", "paths", multiple=True, type=click.Path(),
              help="Corrections file(s) to check (the shipped one by default).")
def curate_check(paths):
    """List every correction and how often it applies; exit 1 if any matches nothing."""
    from rich.console import Console

    from samspil.cli._output import DataTable
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
