"""Commands for linked data: validate (SHACL) and sparql.

:mod:`samspil.linked_data` (rdflib, pyshacl: slow to import) is imported inside the commands,
so ``samspil --help`` and the other commands do not pay for it. The ``turtle``, ``jsonld``
and ``nt`` formats of ``samspil export`` are registered when
:func:`samspil.graph.exports.format_for` looks a format up.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from samspil.cli.app import build_from_options, corpus_options, main
from samspil.core.errors import SamspilError


def _data(file: str | None, lsf_paths, case_files, no_defaults, include_contacts: bool):
    """The RDF to work on: a file, or the export of the graph the corpus options build."""
    from samspil.linked_data import read_rdf, to_rdf

    if file:
        return read_rdf(file), file
    from samspil.graph.exports import without_contacts

    g = build_from_options(lsf_paths, case_files, no_defaults, include_contacts=include_contacts)
    return to_rdf(g if include_contacts else without_contacts(g)), "the built graph's export"


@main.command()
@click.argument("file", required=False, type=click.Path())
@corpus_options
@click.option("--shapes", "shapes_file", type=click.Path(),
              help="SHACL shapes to use instead of the shipped ones.")
@click.option("--include-contacts", is_flag=True,
              help="Without FILE: validate an export with contact persons (personal data).")
@click.option("--limit", default=10, show_default=True, type=click.IntRange(min=1),
              help="Show at most this many nodes a message.")
def validate(file, lsf_paths, case_files, no_defaults, shapes_file, include_contacts, limit):
    """Check an RDF export against the Samspil SHACL shapes.

    FILE is an export (.ttl, .jsonld, .nt ...); without it, the graph is built and its
    export checked. Prints what breaks which rule; exits 1 when the export does not
    conform (violations), 0 when it does (warnings allowed).
    """
    from samspil.linked_data import format_report, shapes, summary
    from samspil.linked_data import validate as validate_rdf

    data, what = _data(file, lsf_paths, case_files, no_defaults, include_contacts)
    report = validate_rdf(data, shapes(shapes_file) if shapes_file else None)
    counts = summary(data)
    click.echo(format_report(report, limit=limit, source=what))
    click.echo(f"\n{counts['organisations']} organisations, {counts['solutions']} solutions, "
               f"{counts['cases']} cases, {counts['relations']} relations")
    if not report.conforms:
        sys.exit(1)


def _cell(value) -> str:
    """A table cell: IRIs with the export's prefixes, None empty."""
    from samspil.linked_data import short_name

    if value is None:
        return ""
    return short_name(value) if isinstance(value, str) and "://" in value else str(value)


@main.command()
@click.argument("query", required=False)
@corpus_options
@click.option("--file", "file", type=click.Path(),
              help="Query this RDF export instead of the built graph.")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind ?NAME to VALUE before the query runs (repeatable); NAME:integer=, :boolean=, "
                   ":iri= give the type of an ad-hoc query's value.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True,
              help="table for people; json (SPARQL 1.1 results JSON) or csv for programs.")
@click.option("--no-vocabulary", is_flag=True, help="Leave the Samspil vocabulary's labels out of the data.")
@click.option("--include-contacts", is_flag=True, help="Without --file: include contact persons (personal data).")
@click.option("--list", "list_examples", is_flag=True, help="List the example queries and their parameters.")
def sparql(query, lsf_paths, case_files, no_defaults, file, params, fmt, no_vocabulary, include_contacts,
           list_examples):
    """Run a SPARQL query on the graph's RDF export.

    QUERY is SPARQL text, a .rq file, or the name of an example query (--list shows them).
    The prefixes sp, id, rel, org, prov, dcterms, schema, skos, foaf, rdfs and xsd are known
    without PREFIX lines. Read-only; SERVICE and FROM are refused (no network).
    """
    from rich.console import Console

    from samspil.cli._output import DataTable
    from samspil.linked_data import parse_param, queryable, resolve_query, run_sparql

    if list_examples:
        _list_examples()
        return
    if not query:
        raise SamspilError("give a query (SPARQL text, a .rq file or an example's name), or --list")
    text, example = resolve_query(query)
    bindings = dict(parse_param(item) for item in params)
    data, _ = _data(file, lsf_paths, case_files, no_defaults, include_contacts)
    data = queryable(rdf=data, with_vocabulary=not no_vocabulary)
    result = run_sparql(data, text, bindings, example=example)
    if fmt != "table":
        text = result.serialise(fmt)
        click.echo(text, nl=not text.endswith("\n"))
        return
    if result.kind == "ask":
        click.echo("true" if result.boolean() else "false")
        return
    if result.kind == "graph":
        click.echo(result.serialise("table"), nl=False)
        return
    rows = result.rows()
    table = DataTable(title=example.title if example else None,
                  caption=f"{len(rows)} row{'' if len(rows) == 1 else 's'} ({result.seconds:.2f} s)")
    for column in result.columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(_cell(row[c]) for c in result.columns))
    Console(width=160).print(table)


def _list_examples() -> None:
    from rich.console import Console

    from samspil.cli._output import DataTable
    from samspil.linked_data import QUERIES_DIR, example_queries

    table = DataTable(title="example SPARQL queries (samspil sparql NAME --param name=value)")
    for column in ("name", "title", "parameters", "cypher"):
        table.add_column(column, overflow="fold")
    for q in example_queries().values():
        params = "\n".join(f"{p.name} ({p.type}{'' if p.required else ', default ' + p.describe_default()}): "
                           f"{p.description}" for p in q.params)
        table.add_row(q.name, q.title, params, q.cypher)
    Console(width=160).print(table)
    click.echo(f"files: {Path(str(QUERIES_DIR))}")
