"""The bulk path: the real graph written as import CSVs, imported by ``scripts/neo4j-server
import`` into a fresh database, holds what the MERGE load of the same graph holds."""

from __future__ import annotations

import os
import socket
import subprocess
from pathlib import Path

import networkx as nx
import pytest

from samspil.core.errors import InputError
from samspil.drivers import connect, load_graph
from samspil.drivers.bulk import write_import_csv
from samspil.drivers.load import count_database

SERVER = Path(__file__).resolve().parents[1] / "scripts" / "neo4j-server"
PASSWORD = "samspil-bulk-test"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def imported(graph, tmp_path_factory):
    """A private server started on a store the importer built from the graph's CSVs."""
    if not os.environ.get("SAMSPIL_NEO4J_URI"):
        pytest.skip("no Neo4j configured (SAMSPIL_NEO4J_URI): the launcher and Java may be missing")
    root = tmp_path_factory.mktemp("bulk")
    files = write_import_csv(graph, root / "csv")
    home = root / "db"
    subprocess.run([str(SERVER), "import", "--dir", str(home), "--csv", str(files.folder)],
                   check=True, capture_output=True, text=True)
    env = {**os.environ, "SAMSPIL_NEO4J_PASSWORD": PASSWORD}
    uri = subprocess.run([str(SERVER), "start", "--dir", str(home), "--port", str(_free_port()), "--timeout", "300"],
                         check=True, capture_output=True, text=True, env=env).stdout.strip()
    try:
        with connect(uri, password=PASSWORD) as db:
            for statement in (files.folder / "constraints.cypher").read_text().split(";"):
                if statement.strip():
                    db.run(statement, write=True)
            yield files, db
    finally:
        subprocess.run([str(SERVER), "stop", "--dir", str(home)], capture_output=True, check=False)


@pytest.fixture(scope="module")
def merged(graph):
    """The MERGE load of the same graph, in the embedded engine."""
    with connect() as db:
        yield load_graph(db, graph, wipe=True), db


@pytest.mark.neo4j
@pytest.mark.slow
def test_import_holds_the_counts_of_the_merge_load(imported, merged):
    files, db = imported
    report, _ = merged
    nodes, relationships, by_label, by_type = count_database(db)
    assert (nodes, relationships) == (report.nodes, report.relationships) == (files.nodes, files.relationships)
    assert by_label == report.nodes_by_label
    assert by_type == report.relationships_by_type


@pytest.mark.neo4j
@pytest.mark.slow
def test_import_holds_the_properties_of_the_merge_load(imported, merged, graph):
    _, bulk_db = imported
    _, merge_db = merged
    solution = next(n for n, d in graph.nodes(data=True) if "Solution" in d["labels"])
    queries = [
        ("MATCH (n:Actor) RETURN n.id AS id, n.name AS name, n.kind AS kind, n.sector AS sector "
         "ORDER BY id LIMIT 25", {}),
        ("MATCH (n:Solution {id: $id}) RETURN properties(n) AS p, labels(n) AS labels", {"id": solution}),
        ("MATCH (a)-[r:OWNS|PARTNER_IN]->(b) RETURN a.id AS a, b.id AS b, type(r) AS t, r.case AS c, "
         "properties(r) AS p ORDER BY a, b, t, c LIMIT 50", {}),
        ("MATCH ()-[r:IN_REGION]->() RETURN r.case AS c, count(*) AS n", {}),
    ]
    for query, params in queries:
        bulk_rows = bulk_db.run(query, params)
        assert bulk_rows, query
        assert bulk_rows == merge_db.run(query, params), query


@pytest.mark.neo4j
@pytest.mark.slow
def test_import_then_merge_load_adds_nothing(imported, graph):
    """A MERGE load onto the imported store finds every node and relationship (same identity)."""
    files, db = imported
    report = load_graph(db, graph)
    assert (report.nodes, report.relationships) == (files.nodes, files.relationships)


def test_csv_types_and_missing_values(tmp_path):
    g = nx.MultiDiGraph()
    g.add_node("s-1", labels=("Solution",), name='Say "hi"', year=2019, score=1, tags=["a;b", "c"], subtitle="")
    g.add_node("s-2", labels=("Solution",), name="Two", score=2.5, tags=[])
    g.add_node("t-1", labels=("Theme",), name="Sundhed")
    _ = g.add_edge("s-1", "t-1", key="ADDRESSES@c-1", type="ADDRESSES", case="c-1", weight=2)
    files = write_import_csv(g, tmp_path)
    lines = (tmp_path / "nodes-Solution.csv").read_text(encoding="utf-8").splitlines()
    # ints and floats in one column make doubles; a property a node lacks is an unquoted empty field
    assert lines[0] == '"id:ID",":LABEL","name:string","score:double","subtitle:string","tags:string[]","year:long"'
    assert lines[1] == '"s-1","Solution","Say ""hi""","1","","a;b\x1fc","2019"'
    assert lines[2] == '"s-2","Solution","Two","2.5",,"",'
    rels = (tmp_path / "relationships-ADDRESSES.csv").read_text(encoding="utf-8").splitlines()
    assert rels == ['":START_ID",":END_ID",":TYPE","case:string","weight:long"', '"s-1","t-1","ADDRESSES","c-1","2"']
    assert (files.nodes, files.relationships) == (3, 1)


def test_csv_refuses_a_column_of_two_types(tmp_path):
    g = nx.MultiDiGraph()
    g.add_node("a", labels=("Theme",), code="x")
    g.add_node("b", labels=("Theme",), code=7)
    with pytest.raises(InputError, match="code"):
        write_import_csv(g, tmp_path)
