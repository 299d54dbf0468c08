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

import csv
import io
import json
import sys
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from samspil.cli.app import build_from_options, corpus_options, main
from samspil.core.errors import EngineError, SamspilError

if TYPE_CHECKING:  # rich is imported when a command prints, not when the command line starts
    from rich.console import Console

#: Output formats of ``samspil cypher`` and ``samspil query``.
FORMATS = ("table", "json", "csv")
#: The Neo4j Browser style shipped with the package.
GRASS_PATH = Path(__file__).resolve().parents[1] / "data" / "neo4j" / "samspil.grass"

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

    settings = {"username": user, "password": password, "database": database}
    return connect(uri, engine="neo4j", **{k: v for k, v in settings.items() if v is not None})


@contextmanager
def open_engine(uri: str | None, engine: str | None, user: str | None, password: str | None,
                database: str | None, build: Callable[[], Any]) -> Iterator[Any]:
    """The driver a query command runs on, and a note of what it took to get there.

    Embedded (no ``uri``, ``engine`` not neo4j): builds the graph with ``build()`` and loads it
    into a fresh embedded FalkorDB, stopped on exit. Otherwise connects to the database.
    """
    from samspil.drivers import connect
    from samspil.queries.library import load_embedded

    if uri is None and engine != "neo4j":
        t0 = time.perf_counter()
        graph = build()
        t1 = time.perf_counter()
        driver = load_embedded(graph)
        t2 = time.perf_counter()
        driver.samspil_note = (f"embedded FalkorDB: graph built in {t1 - t0:.1f} s "
                               f"({graph.number_of_nodes()} nodes, {graph.number_of_edges()} relationships), "
                               f"loaded in {t2 - t1:.2f} s")
    elif uri is not None and "://" in uri and uri.split("://", 1)[0].lower() in ("falkor", "falkors", "redis",
                                                                               "rediss", "unix"):
        if engine == "neo4j":
            raise SamspilError(f"--engine neo4j does not go with the FalkorDB URI {uri.split('@')[-1]}")
        driver = connect(uri)
        driver.samspil_note = driver.describe()
    else:
        driver = connect_neo4j(uri, user, password, database)
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


# ---------------------------------------------------------------- output

def cell(value: Any) -> str:
    """One value as text for a table or CSV cell.

    Nodes show as ``name [id]``, relationships as ``start -[:TYPE]-> end``, paths as their
    chain, lists joined by ``; ``, maps as JSON, floats without trailing zeros.

    Examples
    --------
    >>> cell({"id": "k", "labels": ["Actor"], "properties": {"id": "k", "name": "Kolding"}})
    'Kolding [k]'
    >>> cell(["a", 1, None, 2.50])
    'a; 1; ; 2.5'
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, dict):
        if set(value) == {"id", "labels", "properties"}:
            name = value["properties"].get("name")
            return f"{name} [{value['id']}]" if name is not None else f"({':'.join(value['labels'])} {value['id']})"
        if set(value) == {"type", "start", "end", "properties"}:
            return f"{value['start']} -[:{value['type']}]-> {value['end']}"
        if set(value) == {"nodes", "relationships"}:
            parts = [cell(value["nodes"][0])] if value["nodes"] else []
            for rel, node in zip(value["relationships"], value["nodes"][1:]):
                parts.append(f"-[:{rel['type']}]-" + cell(node))
            return " ".join(parts)
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, (list, tuple)):
        return "; ".join(cell(v) for v in value)
    return str(value)


#: Columns that hold a sequence of names along a path: shown joined by arrows in a table.
_CHAIN_COLUMNS = ("path", "chain")


def _chain(value: Any) -> str:
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return " → ".join(value)
    return cell(value)


def emit_rows(rows: Sequence[Mapping[str, Any]], fmt: str, *, title: str, columns: Sequence[str] | None = None) -> None:
    """Print rows on stdout as a table, JSON (an array of objects) or CSV (header line first)."""
    keys = list(columns if columns is not None else (rows[0].keys() if rows else ()))
    if fmt == "json":
        click.echo(json.dumps(list(rows), ensure_ascii=False, indent=1))
    elif fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        if keys:
            writer.writerow(keys)
        for row in rows:
            writer.writerow([cell(row.get(k)) for k in keys])
        click.echo(out.getvalue(), nl=False)
    else:
        from rich.console import Console
        from rich.text import Text

        from samspil.cli._tables import DataTable

        console = Console()
        if not rows:
            console.print(Text(f"{title}: no rows"))
            return
        table = DataTable(title=title, show_lines=False, title_justify="left")
        for key in keys:
            numeric = all(isinstance(r.get(key), (int, float)) and not isinstance(r.get(key), bool)
                          for r in rows if r.get(key) is not None)
            table.add_column(key, justify="right" if numeric else "left", overflow="fold")
        for row in rows:
            table.add_row(*(_chain(row.get(k)) if k in _CHAIN_COLUMNS else cell(row.get(k)) for k in keys))
        console.print(table)


def note(err: Console, text: str) -> None:
    """A line for the person at the terminal (stderr), never mixed into the data on stdout;
    printed as the text it is (names in it are not read as rich markup)."""
    from rich.text import Text

    sys.stdout.flush()  # so the line follows the rows it talks about when both go to one terminal
    err.print(Text(text), soft_wrap=True)


# ---------------------------------------------------------------- samspil cypher

@main.command()
@click.argument("query", required=False)
@click.option("-f", "--file", "query_file", type=click.Path(dir_okay=False, exists=True, allow_dash=True),
              help="Read the query from this file (- for standard input) instead of the argument.")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE", help=PARAM_HELP)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="table for people, json (an array of objects) or csv for programs.")
@engine_options
@click.option("--write", is_flag=True, help="Allow the query to write (CREATE, MERGE, SET, DELETE ...). "
                                             "Without it the engine refuses any write.")
@click.option("--include-contacts", is_flag=True,
              help="Embedded engine: put contact persons (personal data) in the graph the query sees.")
@corpus_options
def cypher(query, query_file, params, fmt, uri, engine, user, password, database, write, include_contacts,
           lsf_paths, case_files, no_defaults):
    """Run one Cypher query and print its rows.

    On the embedded engine (the default) the graph is built and loaded into a fresh
    embedded FalkorDB for this one query. With --uri (or --engine neo4j and NEO4J_URI) the
    query runs on that database as it is. Read-only unless --write.

    \b
    Examples:
      samspil cypher "MATCH (m:Municipality) RETURN count(m) AS n"
      samspil cypher "MATCH (a:Actor {kind: \\$kind}) RETURN a.name ORDER BY a.name" --param kind=foundation
      samspil cypher -f my-query.cypher --format csv --uri bolt://localhost:7687
    """
    from rich.console import Console

    from samspil.queries.library import parse_params

    if query_file is not None and query is not None:
        raise SamspilError("give the query as an argument or with --file, not both")
    if query_file is not None:
        text = sys.stdin.read() if query_file == "-" else Path(query_file).read_text(encoding="utf-8")
    elif query is not None:
        text = query
    else:
        raise SamspilError('no query: samspil cypher "MATCH (n) RETURN count(n)" (or --file FILE)')
    if not text.strip():
        raise SamspilError("the query is empty")
    values = parse_params(params)
    if include_contacts and (uri is not None or engine == "neo4j"):
        raise SamspilError("--include-contacts is for the embedded engine; a database holds what was loaded "
                           "into it (samspil neo4j load --include-contacts)")
    err = Console(stderr=True)
    with open_engine(uri, engine, user, password, database,
                     lambda: build_from_options(lsf_paths, case_files, no_defaults,
                                                include_contacts=include_contacts)) as driver:
        if write and driver.engine == "falkordb" and driver.url is None:
            note(err, "note: --write on the embedded engine changes only this command's private copy of the graph")
        t = time.perf_counter()
        rows = run_checked(driver, text, values, write)
        seconds = time.perf_counter() - t
        emit_rows(rows, fmt, title="samspil cypher")
        note(err, f"{len(rows)} row{'s' if len(rows) != 1 else ''} in {seconds:.3f} s on {driver.samspil_note}")


# ---------------------------------------------------------------- samspil query

def _list_queries(fmt: str) -> None:
    from rich.console import Console

    from samspil.cli._tables import DataTable
    from samspil.queries.library import list_queries

    queries = list_queries()
    if fmt == "json":
        click.echo(json.dumps([
            {"name": q.name, "title": q.title, "description": q.description, "returns": q.returns,
             "params": [{"name": p.name, "type": p.type, "required": p.required, "default": p.default,
                         "description": p.description} for p in q.params],
             "examples": list(q.examples), "usage": q.usage()}
            for q in queries], ensure_ascii=False, indent=1))
        return
    rows = [{"name": q.name, "title": q.title,
             "parameters": "; ".join(f"{p.name} ({p.type}{'' if p.required else ', default ' + p.describe_default()})"
                                     for p in q.params),
             "example": q.usage()} for q in queries]
    if fmt == "csv":
        emit_rows(rows, "csv", title="")
        return
    table = DataTable(title=f"{len(queries)} named queries (samspil query NAME --param name=value)",
                  title_justify="left", show_lines=True)
    table.add_column("name", no_wrap=True)
    table.add_column("what it answers", overflow="fold")
    table.add_column("parameters", overflow="fold")
    for row in rows:
        table.add_row(row["name"], row["title"], row["parameters"] or "—")
    Console().print(table)


@main.command()
@click.argument("name", required=False)
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="A parameter of the query, name=value (repeatable), typed by the query's header; "
                   "lists as a,b or JSON; null for no value.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="table for people, json or csv for programs (also for the list of queries).")
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
    from rich.console import Console

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
    err = Console(stderr=True)
    with open_engine(uri, engine, user, password, database,
                     lambda: build_from_options(lsf_paths, case_files, no_defaults)) as driver:
        t = time.perf_counter()
        rows = run_checked(driver, named.text, bound, False)
        seconds = time.perf_counter() - t
        shown = ", ".join(f"{k}={json.dumps(v, ensure_ascii=False)}" for k, v in bound.items())
        # The header's columns, so a CSV of no rows still has its header line.
        emit_rows(rows, fmt, title=f"{named.name}" + (f" ({shown})" if shown else "") + f": {named.title}",
                  columns=list(rows[0]) if rows else named.columns)
        note(err, f"{len(rows)} row{'s' if len(rows) != 1 else ''} in {seconds:.3f} s on {driver.samspil_note}")


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

    from samspil.cli._tables import DataTable
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
        note(err, f"note: the database holds {max(extra_nodes, 0)} nodes and {max(extra_rels, 0)} relationships "
                  "more than this graph (from an earlier load of another version, or other data); "
                  "load with --wipe to hold exactly this graph")
    if persons and not include_contacts:
        note(err, f"warning: the database holds {persons} Person nodes (contact persons) from an earlier load "
                  "with --include-contacts; load with --wipe to remove them")


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


# ---------------------------------------------------------------- the .grass style

#: Node colours for the labels that are not a kind of the maps (samspil.viz.style.KIND_STYLES).
_EXTRA_NODE_COLOURS = {"Actor": "#a5abb6", "Case": "#c7c7c7", "Source": "#8d6e63", "Channel": "#dbdb8d"}
#: Node sizes: regions and solutions stand out, cases and sources recede.
_DIAMETERS = {"Region": 65, "Solution": 60, "Municipality": 50, "Theme": 45, "Case": 40, "Unit": 40,
              "Source": 35, "Person": 30, "Group": 45, "Channel": 35}
#: Relationship captions: the property that says most about one, else its type.
_REL_CAPTIONS = {"PARTNER_IN": "{role}", "SPREAD_TO": "{status}", "COLLABORATES_WITH": "{weight}",
                 "SHARED_VIA": "{channel}"}
_REL_WIDTHS = {"SPREAD_TO": 3, "OWNS": 2, "PARTNER_IN": 2, "INSPIRED_BY": 2}


def _luminance(colour: str) -> float:
    r, g, b = (int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def _darker(colour: str, factor: float = 0.75) -> str:
    return "#" + "".join(f"{int(int(colour[i:i + 2], 16) * factor):02x}" for i in (1, 3, 5))


def render_grass() -> str:
    """The Neo4j Browser style (GraSS) of the Samspil labels, in the colours of the maps.

    Colours come from :data:`samspil.viz.style.KIND_STYLES` (actor kinds, Solution, Theme,
    Person) and :data:`samspil.viz.style.REL_STYLES` (relationship types), so Neo4j Browser
    and the maps speak the same visual language. Neo4j Browser applies the rules in file
    order, later ones winning, so the generic ``node.Actor`` comes before the kind labels.
    ``samspil/data/neo4j/samspil.grass`` is this text (a test keeps them equal). The file
    has no comments, because Neo4j Browser's parser does not skip them.

    Returns
    -------
    str

    Examples
    --------
    >>> "node.Municipality {" in render_grass()
    True
    """
    from samspil.core.model import ACTOR_KINDS, RELATIONSHIPS
    from samspil.viz.style import KIND_STYLES, REL_STYLES

    colours = dict(_EXTRA_NODE_COLOURS)
    colours.update({kind.label: KIND_STYLES[k]["color"] for k, kind in ACTOR_KINDS.items()})
    colours.update({"Solution": KIND_STYLES["solution"]["color"], "Theme": KIND_STYLES["theme"]["color"],
                    "Person": KIND_STYLES["person"]["color"], "Group": KIND_STYLES["group"]["color"]})
    order = ["Actor", *[kind.label for kind in ACTOR_KINDS.values()], "Solution", "Case", "Source", "Theme", "Person",
             "Group", "Channel"]
    # No comments in the text: Neo4j Browser's GraSS parser does not know them and would read
    # one as part of the first selector.
    out = ["node {", "  diameter: 50px;", "  color: #A5ABB6;", "  border-color: #9AA1AC;", "  border-width: 2px;",
           "  text-color-internal: #FFFFFF;", "  font-size: 10px;", "}", "",
           "relationship {", "  color: #A5ABB6;", "  shaft-width: 1px;", "  font-size: 8px;", "  padding: 3px;",
           "  text-color-external: #000000;", "  text-color-internal: #FFFFFF;", "  caption: '<type>';", "}", ""]
    for label in order:
        colour = colours[label]
        text = "#FFFFFF" if _luminance(colour) < 0.35 else "#2A2C34"
        out += [f"node.{label} {{", f"  color: {colour};", f"  border-color: {_darker(colour)};",
                f"  text-color-internal: {text};", f"  diameter: {_DIAMETERS.get(label, 50)}px;",
                "  caption: '{name}';", "}", ""]
    for rel_type in RELATIONSHIPS:
        style = REL_STYLES.get(rel_type) or REL_STYLES.get(f"{rel_type}:adopted")
        colour = style["color"] if style else "#A5ABB6"
        out += [f"relationship.{rel_type} {{", f"  color: {colour};",
                f"  shaft-width: {_REL_WIDTHS.get(rel_type, 1)}px;",
                f"  caption: '{_REL_CAPTIONS.get(rel_type, '<type>')}';", "}", ""]
    return "\n".join(out)
