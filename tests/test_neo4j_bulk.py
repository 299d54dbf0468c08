"""The bulk path: the real graph written as import CSVs, imported by ``scripts/neo4j-server
import`` into a fresh database, holds what the MERGE load of the same graph holds."""

from __future__ import annotations

import os
import socket
import subprocess
from pathlib import Path

import pytest

from samspil.drivers import connect, load_graph
from samspil.drivers.bulk import write_import_csv
from samspil.drivers.load import count_database

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]

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


def test_import_holds_the_counts_of_the_merge_load(imported, merged):
    files, db = imported
    report, _ = merged
    nodes, relationships, by_label, by_type = count_database(db)
    assert (nodes, relationships) == (report.nodes, report.relationships) == (files.nodes, files.relationships)
    assert by_label == report.nodes_by_label
    assert by_type == report.relationships_by_type


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


def test_import_then_merge_load_adds_nothing(imported, graph):
    """A MERGE load onto the imported store finds every node and relationship (same identity)."""
    files, db = imported
    report = load_graph(db, graph)
    assert (report.nodes, report.relationships) == (files.nodes, files.relationships)
