"""Write a Samspil graph as the CSV files of Neo4j's bulk importer, for an empty database.

``neo4j-admin database import full`` builds a store from CSV files far faster than any
transactional load, but only into a database that does not exist yet (or is overwritten).
:func:`write_import_csv` writes, into one folder:

* ``nodes-<Label>-<Label>.csv`` - one file per label set, header
  ``id:ID,:LABEL,name:string,year:long,aliases:string[],...``;
* ``relationships-<TYPE>.csv`` - one file per type, header
  ``:START_ID,:END_ID,:TYPE,case:string,...``;
* ``import.args`` - the importer's options (delimiters, the files above), one a line, read
  with picocli's ``@file``: ``neo4j-admin database import full @DIR/import.args neo4j``
  (``scripts/neo4j-server import --dir D --csv DIR`` runs exactly that);
* ``constraints.cypher`` - the unique constraints on ``id`` that a MERGE load creates, to run
  once the server is up (the importer creates no schema in Community Edition).

The rows are the ones :func:`~samspil.drivers.load.load_graph` sends (same checks, edges of
equal identity merged, ``case: ""`` for an edge of no case), so an import and a MERGE load
of the same graph hold the same nodes, relationships and properties. Labels, types and
property names come from the graph, checked against :mod:`samspil.core.model`'s vocabulary.
One difference: a CSV column has one type, so where a property holds integers on some
nodes and floats on others (of one label set), the import stores all of them as floats.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from samspil.core.errors import InputError
from samspil.drivers.load import _prepare_edges, _prepare_nodes

#: Between the items of an array and the labels of ``:LABEL``: the ASCII unit separator, which
#: no text of the corpus holds (``;``, the importer's default, occurs in names and lists).
ARRAY_DELIMITER = "\x1f"


@dataclass
class ImportFiles:
    """What :func:`write_import_csv` wrote.

    Attributes
    ----------
    folder : Path
        The folder holding the files.
    args_file : Path
        ``import.args``: the importer's options.
    nodes, relationships : int
        Rows written (relationships after merging edges of equal identity).
    labels : list of str
        Every label used, for the unique constraints on ``id``.
    """

    folder: Path
    args_file: Path
    nodes: int
    relationships: int
    labels: list[str]


def _scalar_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "long"
    if isinstance(value, float):
        return "double"
    return "string"


def _column_type(name: str, values: list[Any], where: str) -> str:
    """The importer's type of a column from every value in it (``None``: not in that row)."""
    kinds: set[str] = set()
    for value in values:
        if value is None:
            continue
        if isinstance(value, list):
            # An empty list says nothing about the item type.
            kinds.add(_scalar_type(value[0]) + "[]" if value else "[]")
        else:
            kinds.add(_scalar_type(value))
    if "[]" in kinds:
        kinds.discard("[]")
        kinds = kinds or {"string[]"}
    # Ints and floats make doubles, as in the MERGE load's lists.
    if kinds == {"long", "double"}:
        kinds = {"double"}
    elif kinds == {"long[]", "double[]"}:
        kinds = {"double[]"}
    if len(kinds) > 1:
        raise InputError(f"{where}, property {name}: values of types {', '.join(sorted(kinds))} "
                         "cannot share one CSV column")
    return kinds.pop() if kinds else "string"


def _cell(value: Any, where: str) -> Any:
    if value is None:
        return None  # written unquoted and empty: the importer leaves the property out
    if isinstance(value, list):
        return ARRAY_DELIMITER.join(_cell(v, where) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and ARRAY_DELIMITER in value:
        raise InputError(f"{where}: a text holding the control character U+001F cannot be imported")
    return value if isinstance(value, str) else str(value)


def _field(cell: Any) -> str:
    # Every text quoted (quotes doubled, RFC 4180), so "" is an empty string, and a missing value
    # an unquoted empty field, which the importer leaves out. (csv.QUOTE_NONNUMERIC would quote
    # the empty field of a None too, storing "" where the MERGE load stores nothing.)
    if cell is None:
        return ""
    if isinstance(cell, str):
        return '"' + cell.replace('"', '""') + '"'
    return str(cell)


def _write(path: Path, header: list[str], rows: list[list[Any]], where: str) -> bool:
    """Write one CSV; True when some text spans lines (the importer must be told)."""
    multiline = False
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write(",".join(_field(h) for h in header) + "\n")
        for row in rows:
            line = ",".join(_field(_cell(v, where)) for v in row)
            multiline = multiline or "\n" in line or "\r" in line
            fh.write(line + "\n")
    return multiline


def _table(groups: dict[tuple[Any, tuple[str, ...]], list[list[Any]]], fixed: int) -> tuple[list[str], list[list[Any]]]:
    """Rows of groups that differ only in their property keys, widened to the union of keys."""
    names = sorted({name for (_, keys) in groups for name in keys})
    rows: list[list[Any]] = []
    for (_, keys), group_rows in groups.items():
        place = [keys.index(n) + fixed if n in keys else None for n in names]
        rows.extend(row[:fixed] + [None if i is None else row[i] for i in place] for row in group_rows)
    return names, rows


def write_import_csv(graph: nx.MultiDiGraph, folder: str | Path) -> ImportFiles:
    """Write the graph as ``neo4j-admin database import full`` CSV files (see the module docstring).

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        A Samspil graph, as :func:`~samspil.drivers.load.load_graph` takes it. Node ids must
        be strings (the importer's string id space).
    folder : str or Path
        Created if missing; files of an earlier export in it are replaced.

    Returns
    -------
    ImportFiles
        The folder, its ``import.args`` and the counts written.

    Raises
    ------
    InputError
        What :func:`~samspil.drivers.load.load_graph` refuses, and also an id that is not a
        string, a property whose values mix types within one label set or relationship type,
        or a text holding U+001F.

    Examples
    --------
    >>> import networkx as nx, tempfile
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("k-621", labels=("Actor", "Municipality"), name="Kolding Kommune")
    >>> g.add_node("r-1083", labels=("Actor", "Region"), name="Region Syddanmark")
    >>> _ = g.add_edge("k-621", "r-1083", key="IN_REGION", type="IN_REGION", method="reference")
    >>> files = write_import_csv(g, tempfile.mkdtemp())
    >>> files.nodes, files.relationships, files.labels
    (2, 1, ['Actor', 'Municipality', 'Region'])
    >>> sorted(p.name for p in files.folder.glob("*.csv"))
    ['nodes-Actor-Municipality.csv', 'nodes-Actor-Region.csv', 'relationships-IN_REGION.csv']
    """
    folder = Path(folder).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    for old in [*folder.glob("nodes-*.csv"), *folder.glob("relationships-*.csv")]:
        old.unlink()
    node_groups, keys = _prepare_nodes(graph)
    edge_groups, _merged = _prepare_edges(graph, keys)
    not_str = next((node for node in keys if not isinstance(node, str)), None)
    if not_str is not None:
        raise InputError(f"node {not_str!r}: the bulk import takes string ids only (use load_graph)")

    args = [f"--array-delimiter=U+{ord(ARRAY_DELIMITER):04X}", "--id-type=string"]
    multiline = False
    by_labels: dict[tuple[str, ...], dict[Any, list[list[Any]]]] = defaultdict(dict)
    for (labels, names), rows in node_groups.items():
        by_labels[labels][(labels, names)] = rows
    nodes = 0
    for labels, groups in sorted(by_labels.items()):
        where = "label set " + ":".join(labels)
        names, rows = _table(groups, 1)
        header = ["id:ID", ":LABEL"] + [
            f"{n}:{_column_type(n, [r[i + 1] for r in rows], where)}" for i, n in enumerate(names)]
        path = folder / f"nodes-{'-'.join(labels)}.csv"
        multiline |= _write(path, header, [[r[0], list(labels), *r[1:]] for r in rows], where)
        args.append(f"--nodes={path}")
        nodes += len(rows)

    by_type: dict[str, dict[Any, list[list[Any]]]] = defaultdict(dict)
    for (src, rel_type, dst, names), rows in edge_groups.items():
        by_type[rel_type][((src, dst), names)] = rows
    relationships = 0
    for rel_type, groups in sorted(by_type.items()):
        where = f"relationship type {rel_type}"
        names, rows = _table(groups, 3)
        header = [":START_ID", ":END_ID", ":TYPE", "case:string"] + [
            f"{n}:{_column_type(n, [r[i + 3] for r in rows], where)}" for i, n in enumerate(names)]
        path = folder / f"relationships-{rel_type}.csv"
        multiline |= _write(path, header, [[r[0], r[1], rel_type, *r[2:]] for r in rows], where)
        args.append(f"--relationships={path}")
        relationships += len(rows)

    if multiline:
        args.append("--multiline-fields=true")
    args_file = folder / "import.args"
    args_file.write_text("\n".join(args) + "\n", encoding="utf-8")
    labels = sorted({label for group in by_labels for label in group})
    (folder / "constraints.cypher").write_text("".join(
        f"CREATE CONSTRAINT samspil_{label.lower()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE;\n"
        for label in labels), encoding="utf-8")
    return ImportFiles(folder=folder, args_file=args_file, nodes=nodes, relationships=relationships, labels=labels)
