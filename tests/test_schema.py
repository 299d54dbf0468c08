"""``samspil schema``, warnings about a query, ``db.schema.visualization()`` and Parquet, on the
real engines: the embedded FalkorDB always, Neo4j through the test server (tests/test_drivers.py
says how to point at one)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from test_cypher_cli import neo4j_args  # noqa: F401 (a fixture)

from samspil.core.errors import SamspilError
from samspil.drivers.notices import dialect_warnings, unknown_names

ROOT = Path(__file__).resolve().parents[1]
MISSPELT = "MATCH (m:Municipalty) RETURN count(m) AS n"
VISUALIZE = "CALL db.schema.visualization()"


@pytest.fixture(scope="module")
def embedded(run_cli_many):
    """The embedded runs, once and in parallel."""
    return run_cli_many({
        "json": ("schema", "--format", "json"),
        "markdown": ("schema", "--format", "markdown"),
        "table": ("schema",),
        "mermaid": ("schema", "--format", "mermaid"),
        "misspelt": ("cypher", MISSPELT, "--format", "json"),
        "visualize": ("cypher", VISUALIZE, "--format", "json"),
    })


@pytest.fixture(scope="module")
def on_neo4j(run_cli, neo4j_args):
    """The same runs on the test Neo4j, after loading the same graph into it."""
    loaded = run_cli("neo4j", "load", *neo4j_args, "--wipe")
    assert loaded.code == 0, loaded.err[-2000:]
    return {name: run_cli(*args, *neo4j_args) for name, args in {
        "json": ("schema", "--format", "json"),
        "misspelt": ("cypher", MISSPELT, "--format", "json"),
        "visualize": ("cypher", VISUALIZE, "--format", "json"),
        "visualize-table": ("cypher", VISUALIZE),
    }.items()}


def test_schema_lists_labels_types_directions_and_properties(embedded):
    code, out, err = embedded["json"]
    assert code == 0, err[-2000:]
    schema = json.loads(out)
    municipalities = schema["labels"]["Municipality"]
    assert municipalities["count"] > 0 and municipalities["properties"]["id"]["count"] == municipalities["count"]
    assert schema["labels"]["Municipality"]["properties"]["kommunekode"]["types"] == ["STRING"]
    part_of = schema["relationships"]["PART_OF"]
    assert {"start": "Actor:Hospital", "end": "Actor:Region"} in [
        {k: d[k] for k in ("start", "end")} for d in part_of["directions"]]
    assert sum(d["count"] for d in part_of["directions"]) == part_of["count"]
    assert "case" in part_of["properties"]
    code, out, err = embedded["table"]
    assert code == 0 and "PART_OF" in out and "Actor:Hospital → Actor:Region" in out, err[-2000:]
    assert embedded["mermaid"].out.startswith("flowchart LR")


def test_docs_schema_md_is_the_generated_schema(embedded):
    code, out, err = embedded["markdown"]
    assert code == 0, err[-2000:]
    shipped = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    assert shipped == out, "docs/schema.md is stale: samspil schema --format markdown > docs/schema.md"


def test_schema_is_the_same_on_both_engines(embedded, on_neo4j):
    code, out, err = on_neo4j["json"]
    assert code == 0, err[-2000:]
    assert json.loads(out) == json.loads(embedded["json"].out)


def test_a_misspelt_label_warns_on_both_engines(embedded, on_neo4j):
    for engine, result in (("embedded", embedded["misspelt"]), ("neo4j", on_neo4j["misspelt"])):
        assert result.code == 0, (engine, result.err[-2000:])
        assert json.loads(result.out) == [{"n": 0}]
        warnings = [line for line in result.err.splitlines() if line.startswith("samspil: warning: ")]
        assert len(warnings) == 1 and "`Municipalty`" in warnings[0], (engine, result.err)


def test_schema_visualization_prints_nodes_and_agrees_between_engines(embedded, on_neo4j):
    def triples(result):
        assert result.code == 0, result.err[-2000:]
        [row] = json.loads(result.out)
        return ({n["properties"]["name"] for n in row["nodes"]},
                {(r["start"], r["type"], r["end"]) for r in row["relationships"]})

    labels, rels = triples(on_neo4j["visualize"])
    assert None not in {x for r in rels for x in r}
    assert ("Hospital", "PART_OF", "Region") in rels
    embedded_labels, embedded_rels = triples(embedded["visualize"])
    # Neo4j's procedure lists every label its token store ever held: a Person label from an
    # earlier --include-contacts load in the same database stays listed with no node.
    assert embedded_labels <= labels and labels - embedded_labels <= {"Person"}
    assert embedded_rels <= rels and {r for r in rels - embedded_rels if "Person" not in r and r[1] != "CONTACT_FOR"} == set()
    table = on_neo4j["visualize-table"].out
    assert "None" not in table and "Municipality" in table and "-[:IN_REGION]->" in table


def test_named_queries_raise_no_name_warnings(embedded):
    """The embedded name check knows the Cypher the project itself writes: no false alarms."""
    from samspil.drivers.schema import Schema
    from samspil.queries.library import list_queries

    schema = Schema()
    data = json.loads(embedded["json"].out)
    for kind, target in (("labels", schema.labels), ("relationships", schema.relationships)):
        for name, part in data[kind].items():
            target[name].add({key: "" for key in part["properties"]})
    for query in list_queries():
        assert unknown_names(query.text, schema) == [], query.name


@pytest.mark.parametrize("query, expected", [
    ("MATCH (a)-[:OWNS]->(s)<-[:OWNS]-(b) RETURN a.id, b.id", ["§2"]),
    ("MATCH (a)-[:OWNS]->(s)<-[:PARTNER_IN]-(b) RETURN a.id, b.id", []),
    ("MATCH (s:Solution)<--(a)-->(t) WHERE s <> t RETURN count(*)", []),
    ("MATCH (a:Actor) WITH a ORDER BY a.id RETURN collect(a.id) AS ids", []),
    ("MATCH (a:Actor) RETURN collect(a.id) AS ids // ORDER BY later", ["§8"]),
])
def test_dialect_warnings(query, expected):
    found = dialect_warnings(query)
    assert len(found) == len(expected) and all(e in f for e, f in zip(expected, found)), found


def test_parquet_round_trip(run_cli, tmp_path):
    import pandas

    out = tmp_path / "rows.parquet"
    code, _, err = run_cli("cypher", "MATCH (m:Municipality)-[r:IN_REGION]->(x) RETURN m, x.name AS region, "
                                     "m.kommunekode AS code ORDER BY code LIMIT 3", "--format", "parquet", "-o", out)
    assert code == 0, err[-2000:]
    frame = pandas.read_parquet(out)
    assert list(frame.columns) == ["m", "region", "code"] and len(frame) == 3
    assert json.loads(frame["m"][0])["labels"] == ["Actor", "Municipality"]
    result = run_cli("cypher", "RETURN 1 AS one", "--format", "parquet", "--no-defaults")
    assert result.code != 0 and "-o FILE" in result.err


def test_dataframes_say_what_to_install(monkeypatch):
    from samspil.queries import to_dataframe

    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now raises ImportError
    with pytest.raises(SamspilError, match=r"pip install 'samspil\[dataframes\]'"):
        to_dataframe([{"a": 1}])
