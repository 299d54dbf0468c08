"""``samspil schema``: the labels, relationship types and properties of the loaded graph."""

from __future__ import annotations

import click

from samspil.cli.app import build_from_options, corpus_options, format_option, main
from samspil.cli.cypher import engine_options, open_engine

SCHEMA_FORMATS: tuple[str, ...] = ("table", "json", "markdown", "mermaid", "dot")


@main.command()
@format_option(SCHEMA_FORMATS, help="table for people, json for programs, markdown (docs/schema.md), "
                                    "mermaid or dot for a picture.")
@engine_options
@corpus_options
def schema(fmt, uri, engine, user, password, database, lsf_paths, case_files, no_defaults):
    """Print the schema of the graph: labels, relationship types, directions, properties.

    Read from the database through Cypher (the same on both engines): every label with its
    node count and its properties (types, how many nodes have each), every relationship type
    with its count, its directions (start labels -> end labels) and its properties.

    \b
    Examples:
      samspil schema
      samspil schema --format json --engine neo4j
      samspil schema --format mermaid
      samspil schema --format markdown > docs/schema.md
    """
    from samspil.cli._output import note, render
    from samspil.drivers.schema import read_schema, to_dot, to_markdown, to_mermaid

    with open_engine(uri, engine, user, password, database,
                     lambda: build_from_options(lsf_paths, case_files, no_defaults)) as driver:
        found = read_schema(driver)
        where = driver.samspil_note
    if fmt in ("markdown", "mermaid", "dot"):
        text = {"markdown": to_markdown, "mermaid": to_mermaid, "dot": to_dot}[fmt](found)
        click.echo(text, nl=not text.endswith("\n"))
        return
    data = found.as_dict()
    if fmt == "json":
        render(data, fmt, title="")
        return
    labels = [{"label": name, "nodes": part["count"], "property": key, "types": " | ".join(p["types"]),
               "with it": p["count"]}
              for name, part in data["labels"].items() for key, p in (part["properties"] or {"": None}).items()
              if p is not None]
    render(labels, fmt, title="labels: nodes, properties, their types and how many nodes have each",
           title_justify="left")
    types = [{"type": name, "relationships": part["count"],
              # Lists: a table cell joins them with "; ".
              "directions": [f"{d['start']} → {d['end']} ({d['count']})" for d in part["directions"]],
              "properties": [f"{k}: {' | '.join(p['types'])} ({p['count']})" for k, p in part["properties"].items()]}
             for name, part in data["relationships"].items()]
    render(types, fmt, title="relationship types: directions (start → end) and properties",
           title_justify="left", show_lines=True)
    note(f"schema read from {where}")
