"""Commands for Cypher: ``samspil cypher``, ``samspil query`` and ``samspil neo4j load|style``.

Where a query runs
------------------
* By default on the **embedded engine**: the command builds the graph (the corpus options
  choose the sources), loads it into a fresh embedded FalkorDB that lives only as long as
  the command, and runs the query there. Nothing to install, nothing left behind.
* On **Neo4j** when a URI is given (``--uri bolt://…``, ``neo4j://…``, ``neo4j+s://…``) or
  ``--engine neo4j`` asks for the one in ``NEO4J_URI``: the query runs against the database
  as it is (load it first with ``samspil neo4j load``). ``NEO4J_USERNAME``,
  ``NEO4J_PASSWORD`` and ``NEO4J_DATABASE`` fill in what the options do not give. As in
  :func:`samspil.drivers.connect`, ``NEO4J_URI`` alone never switches the engine.

Queries are read-only unless ``--write`` is given; the engine itself refuses a write.
Parameters are passed as query parameters (``$name``), never spliced into the text.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from samspil.cli.app import build_from_options, corpus_options, format_option, main
from samspil.core.errors import EngineError, SamspilError
from samspil.viz.grass import GRASS_PATH


PARAM_HELP = ("A query parameter, name=value (repeatable). Values are typed: 3 → integer, 2.5 → float, "
              "true/false → boolean, null → no value, [..] or {..} → JSON, anything else → text; "
              "name:TYPE=value forces a type (string, integer, float, boolean, list<string>, "
              "list<integer>, json). A named query types values by its own header.")


# ---------------------------------------------------------------- connection options

def connection_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--uri``, ``--user``, ``--password``, ``--database``: where Neo4j is (env fills the rest)."""
    func = click.option("--database", default=None, metavar="NAME",
                        help="Neo4j database [default: NEO4J_DATABASE, else the server's default].")(func)
    func = click.option("--password", default=None, metavar="PW",
                        help="Neo4j password [default: NEO4J_PASSWORD; prefer the variable, options show "
                             "in the process list].")(func)
    func = click.option("--user", default=None, metavar="NAME",
                        help="Neo4j user [default: NEO4J_USERNAME, else neo4j].")(func)
    return func


def engine_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Where a query runs: ``--uri``/``--engine`` plus the Neo4j connection options."""
    func = connection_options(func)
    func = click.option("--engine", type=click.Choice(["embedded", "neo4j"]), default=None,
                        help="embedded (the default: build the graph, load it into a fresh embedded "
                             "FalkorDB) or neo4j (the database at NEO4J_URI, as it is).")(func)
    func = click.option("--uri", default=None, metavar="URI",
                        help="Run on this database as it is: bolt://, neo4j://, neo4j+s:// (Neo4j, Aura) "
                             "or falkor:// (a FalkorDB server).")(func)
    return func


def connect_neo4j(uri: str | None, user: str | None, password: str | None, database: str | None):
    """A Neo4j driver from the options, the environment filling the gaps (one-line errors)."""
    from samspil.drivers import connect

    return connect(uri, engine="neo4j", username=user, password=password, database=database)


@contextmanager
def open_engine(uri: str | None, engine: str | None, user: str | None, password: str | None,
                database: str | None, build: Callable[[], Any]) -> Iterator[Any]:
    """The driver a query command runs on, and a note of what it took to get there.

    Embedded (:func:`samspil.drivers.engine_for` says so): builds the graph with ``build()``
    and loads it into a fresh embedded FalkorDB, stopped on exit. Otherwise connects to the
    database the URI (or ``NEO4J_URI``) names.
    """
    from samspil.drivers import connect, engine_for
    from samspil.queries.library import load_embedded

    target = engine_for(uri, engine)
    if target == "embedded":
        t0 = time.perf_counter()
        graph = build()
        t1 = time.perf_counter()
        driver = load_embedded(graph)
        t2 = time.perf_counter()
        how = "read from the cache" if click.get_current_context().meta.get("samspil.graph_cached") else "built"
        driver.samspil_note = (f"embedded FalkorDB: graph {how} in {t1 - t0:.1f} s "
                               f"({graph.number_of_nodes()} nodes, {graph.number_of_edges()} relationships), "
                               f"loaded in {t2 - t1:.2f} s")
    else:
        driver = connect(uri, engine=target, username=user, password=password, database=database)
        driver.samspil_note = driver.describe()
    try:
        yield driver
    finally:
        driver.close()


def run_checked(driver: Any, text: str, params: Mapping[str, Any], write: bool) -> list[dict[str, Any]]:
    """Run a query; the engine's read-only refusal becomes a message about ``--write``."""
    try:
        return driver.run(text, params, write=write)
    except EngineError as exc:
        if "run read-only" in str(exc):
            raise EngineError(f"the query writes to the graph; {driver.engine} refused it because "
                              "queries are read-only unless --write is given") from None
        raise


# ---------------------------------------------------------------- samspil cypher

@main.command()
@click.argument("query", required=False)
@click.option("-f", "--file", "query_file", type=click.Path(allow_dash=True),
              help="Read the query from this file (- for standard input) instead of the argument.")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE", help=PARAM_HELP)
@format_option(("table", "json", "csv", "parquet"),
               help="table for people, json (an array of objects) or csv for programs, parquet (with -o) "
                    "for pandas and other data frames.")
@click.option("-o", "--out", "out_path", type=click.Path(dir_okay=False), default=None,
              help="With --format parquet: the file to write.")
@engine_options
@click.option("--write", is_flag=True, help="Allow the query to write (CREATE, MERGE, SET, DELETE ...). "
                                             "Without it the engine refuses any write.")
@click.option("--include-contacts", is_flag=True,
              help="Embedded engine: put contact persons (personal data) in the graph the query sees.")
@corpus_options
def cypher(query, query_file, params, fmt, out_path, uri, engine, user, password, database, write, include_contacts,
           lsf_paths, case_files, no_defaults):
    """Run one Cypher query and print its rows.

    On the embedded engine (the default) the graph is built and loaded into a fresh
    embedded FalkorDB for this one query. With --uri (or --engine neo4j and NEO4J_URI) the
    query runs on that database as it is. Read-only unless --write. Warnings go to stderr,
    one line each: Neo4j's notifications; on the embedded engine labels, relationship types
    and property keys the graph does not have; on both, shapes that give other results on
    the other engine (docs/cypher-dialects.md).

    \b
    Examples:
      samspil cypher "MATCH (m:Municipality) RETURN count(m) AS n"
      samspil cypher "MATCH (a:Actor {kind: \\$kind}) RETURN a.name ORDER BY a.name" --param kind=foundation
      samspil cypher -f my-query.cypher --format csv --uri bolt://localhost:7687
      samspil cypher "MATCH (a:Actor) RETURN a.name AS name, a.sector AS sector" --format parquet -o actors.parquet
    """
    from samspil.cli._output import note, render
    from samspil.core.text import read_source
    from samspil.drivers import engine_for
    from samspil.drivers.notices import query_warnings
    from samspil.queries.library import parse_params

    if (fmt == "parquet") != (out_path is not None):
        raise SamspilError("--format parquet writes a file: give both --format parquet and -o FILE")
    if query_file is not None and query is not None:
        raise SamspilError("give the query as an argument or with --file, not both")
    if query_file is not None:
        text = sys.stdin.read() if query_file == "-" else read_source(query_file)
    elif query is not None:
        text = query
    else:
        raise SamspilError('no query: samspil cypher "MATCH (n) RETURN count(n)" (or --file FILE)')
    if not text.strip():
        raise SamspilError("the query is empty")
    values = parse_params(params)
    if include_contacts and engine_for(uri, engine) != "embedded":
        raise SamspilError("--include-contacts is for the embedded engine; a database holds what was loaded "
                           "into it (samspil neo4j load --include-contacts)")
    with open_engine(uri, engine, user, password, database,
                     lambda: build_from_options(lsf_paths, case_files, no_defaults,
                                                include_contacts=include_contacts)) as driver:
        if write and driver.engine == "falkordb" and driver.url is None:
            note("note: --write on the embedded engine changes only this command's private copy of the graph")
        t = time.perf_counter()
        try:
            rows = run_checked(driver, text, values, write)
        except EngineError as exc:
            if query_file in (None, "-"):
                raise
            raise EngineError(exc.message, path=query_file) from None  # the file holds the query refused
        seconds = time.perf_counter() - t
        if fmt == "parquet":
            from samspil.queries.frames import write_parquet

            write_parquet(rows, out_path)
            note(f"wrote {out_path}")
        else:
            render(rows, fmt, title="samspil cypher", cypher=True, title_justify="left")
        for warning in query_warnings(driver, text):
            note(f"samspil: warning: {warning}")
        note(f"{len(rows)} row{'s' if len(rows) != 1 else ''} in {seconds:.3f} s on {driver.samspil_note}")


# ---------------------------------------------------------------- samspil query

def _list_queries(fmt: str) -> None:
    from samspil.cli._output import render
    from samspil.queries.library import list_queries

    queries = list_queries()
    if fmt == "json":
        render([q.as_dict() for q in queries], fmt, title="")
        return
    rows = [{"name": q.name, "title": q.title, "parameters": "; ".join(p.signature() for p in q.params),
             "example": q.usage()} for q in queries]
    # One line between queries: their titles and parameters wrap over several.
    render(rows, fmt, title=f"{len(queries)} named queries (samspil query NAME --param name=value)",
           title_justify="left", show_lines=True, no_wrap=("name",), columns=(
               ("name", "name", str, "left"), ("title", "what it answers", str, "left"),
               ("parameters", "parameters", lambda v: v or "—", "left")))


@main.command()
@click.argument("name", required=False)
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="A parameter of the query, name=value (repeatable), typed by the query's header; "
                   "lists as a,b or JSON; null for no value.")
@format_option(help="table for people, json or csv for programs (also for the list of queries).")
@click.option("--show", is_flag=True, help="Print the query's Cypher text instead of running it.")
@engine_options
@corpus_options
def query(name, params, fmt, show, uri, engine, user, password, database, lsf_paths, case_files, no_defaults):
    """List the named queries, or run one.

    Without NAME: the named queries with their parameters. With NAME: run it (on the embedded
    engine unless --uri/--engine neo4j) with its parameters' defaults and the --param values.

    \b
    Examples:
      samspil query
      samspil query actor-partners-by-sector --param actor="Kolding Kommune"
      samspil query municipality-reach --param kinds=company,foundation --format json
    """
    from samspil.cli._output import note, render
    from samspil.queries.library import get_query, parse_params

    if name is None:
        if params or show:
            raise SamspilError("name the query: samspil query NAME --param name=value (samspil query lists them)")
        _list_queries(fmt)
        return
    named = get_query(name)
    if show:
        click.echo(named.text, nl=not named.text.endswith("\n"))
        return
    bound = named.bind(parse_params(params, named))
    with open_engine(uri, engine, user, password, database,
                     lambda: build_from_options(lsf_paths, case_files, no_defaults)) as driver:
        t = time.perf_counter()
        rows = run_checked(driver, named.text, bound, False)
        seconds = time.perf_counter() - t
        shown = ", ".join(f"{k}={json.dumps(v, ensure_ascii=False)}" for k, v in bound.items())
        # The header's columns, so a CSV of no rows still has its header line.
        render(rows, fmt, title=f"{named.name}" + (f" ({shown})" if shown else "") + f": {named.title}",
               keys=list(rows[0]) if rows else named.columns, cypher=True, title_justify="left")
        note(f"{len(rows)} row{'s' if len(rows) != 1 else ''} in {seconds:.3f} s on {driver.samspil_note}")


# ---------------------------------------------------------------- samspil neo4j

@main.group()
def neo4j():
    """Neo4j: load the graph into a database, and the Neo4j Browser style."""


@neo4j.command("load")
@click.option("--uri", default=None, metavar="URI",
              help="bolt://, neo4j:// or neo4j+s:// (Aura) [default: NEO4J_URI].")
@connection_options
@click.option("--wipe", is_flag=True, help="Delete every node and relationship in the database first.")
@click.option("--batch-size", type=click.IntRange(min=1), default=10_000, show_default=True,
              help="Rows (nodes or relationships) per transaction.")
@click.option("--include-contacts", is_flag=True,
              help="Load contact persons (Person nodes: personal data). Never loaded without it.")
@corpus_options
def neo4j_load(uri, user, password, database, wipe, batch_size, include_contacts, lsf_paths, case_files, no_defaults):
    """Load the graph into Neo4j: idempotent, batched, counted in the database.

    Creates a uniqueness constraint on id for every label (IF NOT EXISTS), then MERGEs nodes
    and relationships in batches of UNWIND; loading again, or after a load killed half way,
    gives the same counts. Prints the nodes per label and relationships per type that the
    database holds afterwards.
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
    from rich.text import Text

    from samspil.cli._output import DataTable, note
    from samspil.drivers import load_graph

    err = Console(stderr=True)
    # Connect before building (seconds): a wrong password or an unreachable server is said at once.
    driver = connect_neo4j(uri, user, password, database)
    try:
        t0 = time.perf_counter()
        graph = build_from_options(lsf_paths, case_files, no_defaults, include_contacts=include_contacts)
        built = time.perf_counter() - t0
        with Progress(TextColumn("{task.description:<14}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=err, transient=True, disable=not err.is_terminal) as progress:
            tasks: dict[str, Any] = {}

            def report(stage: str, done: int, total: int) -> None:
                if stage not in tasks:
                    tasks[stage] = progress.add_task(stage, total=total or None)
                progress.update(tasks[stage], completed=done, total=total or None)

            report_ = load_graph(driver, graph, batch_size=batch_size, wipe=wipe, progress=report)
        persons = report_.nodes_by_label.get("Person", 0)
        where = driver.describe()
    finally:
        driver.close()

    console = Console()
    console.print(Text(
        f"Loaded into {where} in {report_.seconds:.1f} s (graph built in {built:.1f} s): "
        f"{report_.nodes} nodes, {report_.relationships} relationships in the database"
        + (f"; {report_.deleted_nodes} nodes deleted first" if wipe else "")), soft_wrap=True)
    labels = DataTable(title="nodes by label", title_justify="left")
    labels.add_column("label")
    labels.add_column("nodes", justify="right")
    for label, n in report_.nodes_by_label.items():
        labels.add_row(label, str(n))
    types = DataTable(title="relationships by type", title_justify="left")
    types.add_column("type")
    types.add_column("relationships", justify="right")
    for rel_type, n in report_.relationships_by_type.items():
        types.add_row(rel_type, str(n))
    console.print(labels)
    console.print(types)
    extra_nodes = report_.nodes - report_.sent_nodes
    extra_rels = report_.relationships - report_.sent_relationships
    if extra_nodes > 0 or extra_rels > 0:
        # MERGE never deletes: what an earlier load of another version of the graph put there stays.
        note(f"note: the database holds {max(extra_nodes, 0)} nodes and {max(extra_rels, 0)} relationships "
             "more than this graph (from an earlier load of another version, or other data); "
             "load with --wipe to hold exactly this graph")
    if persons and not include_contacts:
        note(f"warning: the database holds {persons} Person nodes (contact persons) from an earlier load "
             "with --include-contacts; load with --wipe to remove them")


@neo4j.command("import-csv")
@click.option("-o", "--output", "folder", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the CSV files (created; earlier files replaced).")
@click.option("--include-contacts", is_flag=True,
              help="Write contact persons (Person nodes: personal data). Never written without it.")
@corpus_options
def neo4j_import_csv(folder, include_contacts, lsf_paths, case_files, no_defaults):
    """Write the graph as neo4j-admin import CSVs, for a fast load into an empty database.

    One file per label set and per relationship type, plus import.args (the importer's
    options) and constraints.cypher. Then, with the server stopped:
    scripts/neo4j-server import --dir D --csv FOLDER (or, with a Neo4j distribution,
    neo4j-admin database import full neo4j @FOLDER/import.args).
    """
    from samspil.cli._output import note
    from samspil.drivers.bulk import write_import_csv

    graph = build_from_options(lsf_paths, case_files, no_defaults, include_contacts=include_contacts)
    files = write_import_csv(graph, folder)
    click.echo(f"Wrote {files.nodes} nodes and {files.relationships} relationships to {files.folder}")
    note(f"next, with no server running on D: scripts/neo4j-server import --dir D --csv {files.folder}; "
         f"then start it and create the unique constraints, one statement a line of "
         f"{files.folder / 'constraints.cypher'} (samspil cypher --write, or cypher-shell -f)")


@neo4j.command("style")
@click.option("-o", "--out", "out_path", type=click.Path(dir_okay=False), default=None,
              help="Write the style to this file instead of standard output.")
def neo4j_style(out_path):
    """Print (or write) the Neo4j Browser style: the project's colours per label.

    In Neo4j Browser, drag the file onto the window, or run :style and paste it. Colours are
    those of the maps (samspil.viz.style), captions show names.
    """
    text = GRASS_PATH.read_text(encoding="utf-8")
    if out_path is None:
        click.echo(text, nl=False)
        return
    from samspil.core.atomic import write_atomic

    write_atomic(Path(out_path), text)
    click.echo(f"wrote {out_path} ({len(text.encode('utf-8')):,} bytes): open Neo4j Browser and drag the file "
               "onto it (or :style, then paste)")
