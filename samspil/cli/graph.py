"""Commands that build the graph and write it out: build, cases, export."""

from __future__ import annotations

from pathlib import Path

import click

from samspil.cli.analytics import REGISTER_CSV_KEYS, register_options, register_table, register_views
from samspil.cli.app import build_from_options, corpus_options, format_option, main


@main.command()
@corpus_options
@click.option("-o", "--out", "out_dir", default="out", show_default=True, type=click.Path(file_okay=False),
              help="Folder to write the outputs to.")
@click.option("--include-contacts", is_flag=True, help="Put contact persons (personal data) in the outputs.")
def build(lsf_paths, case_files, no_defaults, out_dir, include_contacts):
    """Build the graph from the sources and write every output to a folder.

    Writes samspil.json (node-link), samspil.graphml, samspil.gexf, samspil.ttl and
    cases.json (the case view) as one set: all of them, or (on a failure) none.
    """
    from rich.console import Console

    from samspil.graph.outputs import write_outputs
    from samspil.cli._output import DataTable

    g = build_from_options(lsf_paths, case_files, no_defaults, include_contacts=include_contacts)
    written = write_outputs(g, Path(out_dir), include_contacts=include_contacts)
    console = Console(stderr=True)
    table = DataTable(title=f"samspil build → {out_dir}", show_lines=False)
    table.add_column("output")
    table.add_column("bytes", justify="right")
    for path in written:
        table.add_row(str(path), f"{path.stat().st_size:,}")
    console.print(table)
    click.echo(summary_line(g))


def summary_line(g) -> str:
    """One line of counts: cases, solutions, actors, relationships."""
    from collections import Counter

    labels = Counter(label for _, d in g.nodes(data=True) for label in d["labels"])
    return (f"{labels['Case']} cases, {labels['Solution']} solutions, {labels['Actor']} actors, "
            f"{g.number_of_edges()} relationships")


@main.command()
@corpus_options
@format_option(aliases=("json", "csv"),
               help="table for people; json: the case view (design.md's contract); csv: the register's columns.")
@register_options
def cases(lsf_paths, case_files, no_defaults, fmt, register):
    """List the cases of the graph: a table, the case view as JSON or the register as CSV;
    filter them like a case register."""
    from samspil.cli._output import render
    from samspil.graph.caseview import case_views

    g = build_from_options(lsf_paths, case_files, no_defaults)
    if fmt == "csv":
        render(register_table(g, register), fmt, title="", keys=REGISTER_CSV_KEYS)
        return
    views = register_views(g, register) if register else case_views(g)
    render(views, fmt, title=f"{len(views)} cases", empty="no case matches", width=160, columns=(
        ("id", "id", str, "left"), ("title", "title", str, "left"), ("prize", "prize", lambda v: v or "", "left"),
        ("year", "year", lambda v: str(v or ""), "right"), ("nominators", "nominators", ", ".join, "left"),
        ("actors", "actors", lambda v: str(len(v)), "right"), ("spread", "spread", lambda v: str(len(v)), "right")))


@main.command()
@corpus_options
@click.option("-o", "--out", "out_path", required=True, type=click.Path(dir_okay=False),
              help="File to write; the format follows its suffix unless --format is given.")
@click.option("--format", "fmt", default=None, help="Export format (json, graphml, gexf, ...).")
@click.option("--include-contacts", is_flag=True, help="Put contact persons (personal data) in the export.")
def export(lsf_paths, case_files, no_defaults, out_path, fmt, include_contacts):
    """Export the graph to one file (JSON node-link, GraphML, GEXF ...), atomically."""
    from samspil.graph.exports import export_graph, format_for

    format_for(out_path, fmt)  # an unknown format fails before the graph is built
    g = build_from_options(lsf_paths, case_files, no_defaults, include_contacts=include_contacts)
    path = export_graph(g, out_path, fmt, include_contacts=include_contacts)
    click.echo(f"wrote {path} ({path.stat().st_size:,} bytes): {summary_line(g)}")
