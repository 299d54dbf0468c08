"""The two-engine Cypher layer on real engines: embedded FalkorDB and Neo4j 5.

No mocks: the embedded FalkorDB is started for this module (a child redis-server on a
unix socket); Neo4j is the server named by the environment, as for
``tests/test_neo4j_server.py``:

    SAMSPIL_NEO4J_URI       e.g. bolt://127.0.0.1:17687   (uri=$(scripts/neo4j-server start))
    SAMSPIL_NEO4J_PASSWORD  the password of user neo4j    (samspil-test for that script)
    SAMSPIL_NEO4J_USER      defaults to neo4j
    SAMSPIL_SKIP_NEO4J=1    skip the Neo4j tests even where a server is configured
    SAMSPIL_REQUIRE_NEO4J=1 fail, rather than skip, without a server (scripts/test sets it)

The Neo4j tests WIPE the database they are given. They refuse to start when it holds
labels outside the Samspil vocabulary (other than the ``Samspil*`` test labels), so a
URI pointing at someone's real data fails instead of deleting it.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from samspil.drivers import (FalkorDBDriver, GraphNode, GraphPath, GraphRelationship, Neo4jDriver, connect, engine_for,
                             load_graph)
from samspil.drivers.falkordb_driver import params_header
from samspil.drivers.load import count_database, wipe_database
from samspil.core.errors import EngineError, InputError
from samspil.core.model import LABELS, actor_labels, edge_key

INJECTION = "'}) DETACH DELETE n //"
QUOTED = 'Foreningen "Ældre\'s" Æblelund \\ Ø/å'


# ---------------------------------------------------------------- the sample graph

def sample_graph() -> nx.MultiDiGraph:
    """A small graph in the shape of samspil.core.model, built by hand."""
    g = nx.MultiDiGraph()

    def actor(node_id: str, kind: str, name: str, sector: str | None, **extra: Any) -> None:
        g.add_node(node_id, labels=actor_labels(kind), name=name, kind=kind, sector=sector, **extra)

    actor("kommune-621", "municipality", "Kolding Kommune", "public", kommunekode=621)
    actor("region-1083", "region", "Region Syddanmark", "public", regionskode=1083)
    actor("org-trygfonden", "foundation", "TrygFonden", "civil")
    actor("org-aeldre", "association", QUOTED, "civil", aliases=["Ældre Sagen", "ÆS"])
    actor("org-hack", "company", INJECTION, "private", note=None)  # None is dropped
    g.add_node("sol-ligevaegt", labels=("Solution",), name="Ligevægt", year=2018,
               themes=["sundhed", "overvægt"], score=0.75, documented_effect=True)
    g.add_node("case-lsf2019-09", labels=("Case",), name="Talentudvikling", number=9, prize="nyt-sammen-bedre")

    def edge(src: str, dst: str, rel: str, case: str | None, **props: Any) -> None:
        g.add_edge(src, dst, key=edge_key(rel, case), type=rel, case=case, **props)

    c = "lsf2019-09"
    edge("kommune-621", "region-1083", "IN_REGION", None, method="reference")
    edge("kommune-621", "case-lsf2019-09", "NOMINATED", c, evidence="INDSTILLER: Kolding Kommune", method="parsed")
    edge("case-lsf2019-09", "sol-ligevaegt", "DESCRIBES", c, evidence="", method="parsed")
    edge("kommune-621", "sol-ligevaegt", "OWNS", c, evidence='"Ligevægt" er udviklet af Kolding', method="pattern")
    edge("org-trygfonden", "sol-ligevaegt", "PARTNER_IN", c, role="funder", evidence="støttet af TrygFonden",
         method="gazetteer")
    edge("org-aeldre", "sol-ligevaegt", "PARTNER_IN", c, role="partner", evidence=INJECTION, method="curated")
    edge("sol-ligevaegt", "org-hack", "SPREAD_TO", c, status="adopted", year=2019, evidence="æøå", method="pattern")
    edge("case-lsf2019-09", "org-hack", "MENTIONS", c, evidence="nævnt", method="gazetteer")
    # Same pair and type, another case: a second relationship, not a merge of the first.
    edge("kommune-621", "sol-ligevaegt", "OWNS", "lsf2019-10", evidence="igen", method="pattern")
    return g


EXPECTED_LABELS = {"Actor": 5, "Association": 1, "Case": 1, "Company": 1, "Foundation": 1, "Municipality": 1,
                   "Region": 1, "Solution": 1}
EXPECTED_TYPES = {"DESCRIBES": 1, "IN_REGION": 1, "MENTIONS": 1, "NOMINATED": 1, "OWNS": 2, "PARTNER_IN": 2,
                  "SPREAD_TO": 1}


# ---------------------------------------------------------------- engines

NEO4J_HOW = """\
The Neo4j half of tests/test_drivers.py needs a server: SAMSPIL_NEO4J_URI / SAMSPIL_NEO4J_PASSWORD are not set.
    uri=$(scripts/neo4j-server start)
    export SAMSPIL_NEO4J_URI=$uri SAMSPIL_NEO4J_PASSWORD=samspil-test
or set SAMSPIL_SKIP_NEO4J=1 to skip the Neo4j tests."""


def neo4j_settings() -> dict[str, str]:
    """Connection settings for the test Neo4j; skips or fails with the reason."""
    if os.environ.get("SAMSPIL_SKIP_NEO4J") == "1":
        pytest.skip("SAMSPIL_SKIP_NEO4J=1: Neo4j tests switched off")
    uri = os.environ.get("SAMSPIL_NEO4J_URI", "").strip()
    password = os.environ.get("SAMSPIL_NEO4J_PASSWORD", "")
    if not uri or not password:
        # scripts/test (make test, CI) sets SAMSPIL_REQUIRE_NEO4J=1: there a missing server is a failure.
        if os.environ.get("SAMSPIL_REQUIRE_NEO4J") == "1":
            pytest.fail(NEO4J_HOW, pytrace=False)
        pytest.skip("no Neo4j server configured (SAMSPIL_NEO4J_URI); make test starts one")
    return {"uri": uri, "username": os.environ.get("SAMSPIL_NEO4J_USER", "neo4j"), "password": password}


@pytest.fixture(scope="module")
def falkordb_db():
    with FalkorDBDriver() as db:
        yield db


@pytest.fixture(scope="module")
def neo4j_db():
    settings = neo4j_settings()
    try:
        db = Neo4jDriver(settings["uri"], username=settings["username"], password=settings["password"])
    except EngineError as exc:
        pytest.fail(f"SAMSPIL_NEO4J_URI: {exc}", pytrace=False)
    foreign = [r["label"] for r in db.run("CALL db.labels() YIELD label RETURN label")
               if r["label"] not in LABELS and not r["label"].startswith("Samspil")]
    if foreign and db.run("MATCH (n) RETURN count(n) AS n")[0]["n"]:
        db.close()
        pytest.fail(f"{settings['uri']} holds labels outside the Samspil vocabulary ({', '.join(foreign[:5])}); "
                    "these tests wipe the database: point SAMSPIL_NEO4J_URI at a scratch server", pytrace=False)
    yield db
    db.close()


@pytest.fixture(params=["falkordb", "neo4j"])
def db(request):
    """Each test that takes ``db`` runs once per engine, on an empty database."""
    driver = request.getfixturevalue(f"{request.param}_db")
    wipe_database(driver)
    return driver


@pytest.fixture
def loaded(db):
    report = load_graph(db, sample_graph(), wipe=True, batch_size=3)
    return db, report


# ---------------------------------------------------------------- loading

def test_load_counts_by_label_and_type(loaded):
    db, report = loaded
    assert report.engine == db.engine
    assert report.nodes == 7 and report.sent_nodes == 7
    assert report.relationships == 9 and report.sent_relationships == 9
    assert report.nodes_by_label == EXPECTED_LABELS
    assert report.relationships_by_type == EXPECTED_TYPES


def test_second_load_changes_nothing(loaded):
    db, first = loaded
    snapshot = db.run("MATCH (n) OPTIONAL MATCH (n)-[r]->(m) RETURN n, r, m ORDER BY n.id, type(r), m.id, r.case")
    second = load_graph(db, sample_graph(), batch_size=2)
    assert (second.nodes, second.relationships) == (first.nodes, first.relationships)
    assert second.nodes_by_label == first.nodes_by_label
    assert second.relationships_by_type == first.relationships_by_type
    assert second.relabelled_nodes == 0
    assert db.run("MATCH (n) OPTIONAL MATCH (n)-[r]->(m) RETURN n, r, m ORDER BY n.id, type(r), m.id, r.case") == snapshot


class _Crash(Exception):
    pass


class _DiesAfter:
    """A real driver that dies after ``n`` writing statements, like a killed load."""

    def __init__(self, driver, n: int) -> None:
        self.driver, self.left = driver, n
        self.engine = driver.engine

    def run(self, query, params=None, *, write=False):
        if write:
            if self.left == 0:
                raise _Crash()
            self.left -= 1
        return self.driver.run(query, params, write=write)

    def ensure_unique_id(self, label):
        self.driver.ensure_unique_id(label)


@pytest.mark.parametrize("dies_at", [0.4, 0.8])
def test_rerun_after_a_load_killed_half_way(db, dies_at):
    # Killed at a share of the writing statements of a whole load (how many there are depends
    # on how the loader groups rows), so the kill falls among the nodes and the relationships.
    wipe_database(db)
    counter = _DiesAfter(db, 10**6)
    load_graph(counter, sample_graph(), batch_size=2)
    writes = 10**6 - counter.left
    wipe_database(db)
    with pytest.raises(_Crash):
        load_graph(_DiesAfter(db, int(writes * dies_at)), sample_graph(), batch_size=2)
    half = count_database(db)
    assert half[0] <= 7 and half[1] < 9
    report = load_graph(db, sample_graph(), batch_size=2)
    assert (report.nodes, report.relationships) == (7, 9)
    assert report.relationships_by_type == EXPECTED_TYPES


def test_a_batch_run_twice_leaves_no_duplicates(db):
    # What the Neo4j driver does when it retries a managed transaction.
    class Twice(_DiesAfter):
        def run(self, query, params=None, *, write=False):
            if write:
                self.driver.run(query, params, write=True)
            return self.driver.run(query, params, write=write)

    report = load_graph(Twice(db, 0), sample_graph(), batch_size=4)
    assert (report.nodes, report.relationships) == (7, 9)


def test_a_corrected_kind_moves_the_node_to_its_new_label(loaded):
    db, _ = loaded
    g = sample_graph()
    g.nodes["org-hack"].update(labels=actor_labels("unit"), kind="unit", sector=None)
    report = load_graph(db, g)
    assert report.relabelled_nodes == 1
    assert report.nodes == 7
    assert "Company" not in report.nodes_by_label and report.nodes_by_label["Unit"] == 1
    row = db.run("MATCH (n:Actor {id: 'org-hack'}) RETURN n")[0]["n"]
    assert row["labels"] == ["Actor", "Unit"]
    assert row["properties"]["sector"] == "private"  # properties are merged, not replaced: see load.py


def test_wipe_deletes_everything(loaded):
    db, _ = loaded
    report = load_graph(db, nx.MultiDiGraph(), wipe=True, batch_size=2)
    assert report.deleted_nodes == 7
    assert (report.nodes, report.relationships) == (0, 0)


def test_progress_is_reported(db):
    seen = []
    load_graph(db, sample_graph(), batch_size=4, progress=lambda stage, done, total: seen.append((stage, done, total)))
    assert ("nodes", 7, 7) in seen and ("relationships", 9, 9) in seen
    assert {s for s, _, _ in seen} >= {"constraints", "nodes", "relationships"}


def test_ids_are_unique_per_label(loaded):
    db, _ = loaded
    with pytest.raises(EngineError) as err:
        db.run("CREATE (:Actor:Company {id: 'kommune-621'})", write=True)
    assert "\n" not in str(err.value)


@pytest.mark.parametrize("mutate, message", [
    (lambda g: g.nodes["sol-ligevaegt"].update(labels=("Solution", "Bogus")), "Bogus"),
    (lambda g: g.nodes["sol-ligevaegt"].update(labels=("Solution", "X`) DETACH DELETE n //")), "DETACH"),
    (lambda g: g.nodes["sol-ligevaegt"].pop("labels"), "no labels"),
    (lambda g: g.nodes["sol-ligevaegt"].update(meta={"a": 1}), "meta"),
    (lambda g: g.nodes["sol-ligevaegt"].update(mixed=[1, "a"]), "mixed"),
    (lambda g: g.nodes["sol-ligevaegt"].update(bad=float("nan")), "bad"),
    (lambda g: g.add_edge("kommune-621", "region-1083", key="X", type="LIKES", case=None), "LIKES"),
])
def test_bad_input_is_refused_before_anything_is_written(db, mutate, message):
    g = sample_graph()
    mutate(g)
    with pytest.raises(InputError, match=message):
        load_graph(db, g)
    assert count_database(db)[:2] == (0, 0)


# ---------------------------------------------------------------- querying back

def test_names_with_quotes_and_danish_letters_come_back_unchanged(loaded):
    db, _ = loaded
    rows = db.run("MATCH (a:Actor) WHERE a.name IN $names RETURN a.id AS id, a.name AS name ORDER BY id",
                  {"names": [QUOTED, INJECTION]})
    assert rows == [{"id": "org-aeldre", "name": QUOTED}, {"id": "org-hack", "name": INJECTION}]
    evidence = db.run("MATCH ()-[r:PARTNER_IN {role: 'partner'}]->() RETURN r.evidence AS e")
    assert evidence == [{"e": INJECTION}]


def test_node_relationship_and_path_in_normalised_form(loaded):
    db, _ = loaded
    rows = db.run("MATCH p = (m:Municipality)-[r:IN_REGION]->(g:Region) RETURN m, r, p")
    assert len(rows) == 1
    m, r, p = rows[0]["m"], rows[0]["r"], rows[0]["p"]
    assert isinstance(m, GraphNode) and isinstance(r, GraphRelationship) and isinstance(p, GraphPath)
    assert m == {"id": "kommune-621", "labels": ["Actor", "Municipality"],
                 "properties": {"id": "kommune-621", "kind": "municipality", "kommunekode": 621,
                                "name": "Kolding Kommune", "sector": "public"}}
    assert r == {"type": "IN_REGION", "start": "kommune-621", "end": "region-1083",
                 "properties": {"case": "", "method": "reference"}}
    assert [n["id"] for n in p["nodes"]] == ["kommune-621", "region-1083"]
    assert p["relationships"] == [r]


def test_relationship_endpoints_are_resolved_without_returning_the_nodes(loaded):
    db, _ = loaded
    rows = db.run("MATCH ()-[r:OWNS]->() RETURN r ORDER BY r.case")
    assert [(x["r"]["start"], x["r"]["end"], x["r"]["properties"]["case"]) for x in rows] == [
        ("kommune-621", "sol-ligevaegt", "lsf2019-09"), ("kommune-621", "sol-ligevaegt", "lsf2019-10")]


def test_an_undirected_path_keeps_each_relationship_direction(loaded):
    db, _ = loaded
    rows = db.run("MATCH p = (:Region)<-[:IN_REGION]-(:Municipality)-[:NOMINATED]->(:Case) RETURN p")
    rels = rows[0]["p"]["relationships"]
    assert [(r["start"], r["end"]) for r in rels] == [("kommune-621", "region-1083"),
                                                     ("kommune-621", "case-lsf2019-09")]
    assert [n["id"] for n in rows[0]["p"]["nodes"]] == ["region-1083", "kommune-621", "case-lsf2019-09"]


def test_property_types_survive(loaded):
    db, _ = loaded
    row = db.run("MATCH (s:Solution) RETURN s.year AS year, s.themes AS themes, s.score AS score, "
                 "s.documented_effect AS effect, s.nothing AS nothing")[0]
    assert row == {"year": 2018, "themes": ["sundhed", "overvægt"], "score": 0.75, "effect": True, "nothing": None}
    assert db.run("MATCH (a {id: 'org-aeldre'}) RETURN a.aliases AS a")[0]["a"] == ["Ældre Sagen", "ÆS"]
    assert db.run("MATCH (a {id: 'org-hack'}) RETURN keys(a) AS k")[0]["k"].count("note") == 0


# ---------------------------------------------------------------- read-only and parameters

@pytest.mark.parametrize("query", [
    "CREATE (:Theme {id: 'x'})",
    "MERGE (:Theme {id: 'x'})",
    "MATCH (n:Actor) SET n.touched = true",
    "MATCH (n) DETACH DELETE n",
    "MATCH (n:Actor) REMOVE n:Actor",
])
def test_a_write_without_write_true_is_refused(loaded, query):
    db, _ = loaded
    with pytest.raises(EngineError, match="write=True") as err:
        db.run(query)
    assert "\n" not in str(err.value)
    assert count_database(db)[:2] == (7, 9)
    assert db.run("MATCH (n) WHERE n.touched RETURN count(n) AS c") == [{"c": 0}]


def test_the_same_write_passes_with_write_true(db):
    assert db.run("CREATE (t:Theme {id: $id}) RETURN t.id AS id", {"id": "t-1"}, write=True) == [{"id": "t-1"}]
    assert db.run("MATCH (t:Theme) RETURN count(t) AS c") == [{"c": 1}]


PARAMS = {
    "s": INJECTION,
    "q": QUOTED,
    "ctl": "line\nnext\ttab\r\\n literal",
    "emoji": "Samspil 🤝",
    "i": -(2**63),
    "big": 2**63 - 1,
    "f": 0.1,
    "neg": -2.5e-7,
    "t": True,
    "n": None,
    "l": [1, 2, 3],
    "ls": ["a", "b'c", 'd"e'],
    "m": {"navn": "Å", "tal": [1.5, 2.5], "indre": {"x": None}},
    "empty": [],
}


def test_parameters_pass_through_unchanged(db):
    columns = ", ".join(f"${k} AS {k}" for k in PARAMS)
    assert db.run(f"RETURN {columns}", PARAMS) == [PARAMS]


def test_a_parameter_is_data_not_cypher(loaded):
    db, _ = loaded
    assert db.run("MATCH (n) WHERE n.name = $name RETURN count(n) AS c", {"name": "x' OR 1=1 //"}) == [{"c": 0}]
    assert db.run("MATCH (n {id: $id}) RETURN n.name AS name", {"id": "org-hack"}) == [{"name": INJECTION}]


@pytest.mark.parametrize("value", [float("nan"), float("inf"), object(), b"bytes", 2**64])
def test_parameters_neither_engine_can_take_are_refused(db, value):
    with pytest.raises(EngineError, match=r"\$p"):
        db.run("RETURN $p AS p", {"p": value})


def test_syntax_errors_are_one_line(db):
    with pytest.raises(EngineError) as err:
        db.run("MATCH (n RETURN n")
    assert "\n" not in str(err.value) and db.engine in str(err.value)


def test_falkordb_parameter_header_escapes_quotes_and_backslashes():
    assert params_header({"s": 'a"b\\c'}) == 'CYPHER `s`="a\\"b\\\\c" '
    with pytest.raises(EngineError, match="NUL"):
        params_header({"s": "a\x00b"})
    with pytest.raises(EngineError, match="key"):
        params_header({"m": {"a`b": 1}})


# ---------------------------------------------------------------- parity

PARITY_QUERIES = [
    "MATCH (n) RETURN n ORDER BY n.id",
    "MATCH (a)-[r]->(b) RETURN a.id AS a, r, b.id AS b ORDER BY a, type(r), b, r.case",
    "MATCH p = (:Case)-[:DESCRIBES]->(:Solution)<-[:PARTNER_IN]-(a:Actor) RETURN p ORDER BY a.id",
    "MATCH (a:Actor) RETURN a.kind AS kind, count(*) AS n, collect(a.id) AS ids ORDER BY kind",
    "MATCH (s:Solution)<-[r:PARTNER_IN]-(a) RETURN s.name AS s, r.role AS role, a.name AS a ORDER BY role",
    "MATCH (m:Municipality) OPTIONAL MATCH (m)-[:SPREAD_TO]->(x) RETURN m.id AS m, x AS x",
    "RETURN 7 / 2 AS i, 7.0 / 2 AS f, 0.1 + 0.2 AS sum, [1, 2] + [3] AS l, {a: 1} AS m",
]


@pytest.mark.parametrize("query", PARITY_QUERIES)
def test_both_engines_give_equal_rows(falkordb_db, neo4j_db, query):
    rows = []
    for engine in (falkordb_db, neo4j_db):
        load_graph(engine, sample_graph(), wipe=True)
        rows.append(engine.run(query))
    assert rows[0] == rows[1]


# ---------------------------------------------------------------- docs/cypher-dialects.md

ERROR = "error"

#: (query, FalkorDB's rows or ERROR, Neo4j's rows or ERROR): the note's main claims, pinned
#: so that an engine upgrade which changes one fails here and the note gets revised.
DIALECT_CLAIMS = [
    # §1 unreferenced parallel relationships collapse on FalkorDB
    ("MATCH (a:Municipality)-[:OWNS]->(s) RETURN count(*) AS c", [{"c": 1}], [{"c": 2}]),
    ("MATCH (a:Municipality)-[r:OWNS]->(s) RETURN count(s) AS c", [{"c": 1}], [{"c": 2}]),
    ("MATCH (a:Municipality)-[r:OWNS]->(s) RETURN count(r) AS c", [{"c": 2}], [{"c": 2}]),
    ("MATCH (a:Municipality)-[r:OWNS]->(s) WHERE id(r) >= 0 RETURN count(*) AS c", [{"c": 2}], [{"c": 2}]),
    ("MATCH (s:Solution) OPTIONAL MATCH (s)<-[:OWNS]-(o) RETURN count(DISTINCT o) AS c", [{"c": 1}], [{"c": 1}]),
    ("MATCH (a:Actor {id: 'kommune-621'}) RETURN size([(a)-[:OWNS]->() | 1]) AS c", [{"c": 2}], [{"c": 2}]),
    # §2 relationship uniqueness within one pattern
    ("MATCH (a:Municipality)-[r1:OWNS]->(s)<-[r2:OWNS]-(b) "
     "RETURN count(*) AS c, toInteger(sum(CASE WHEN r1 = r2 THEN 1 ELSE 0 END)) AS same",
     [{"c": 4, "same": 2}], [{"c": 2, "same": 0}]),
    ("MATCH (a:Municipality)-[r1:OWNS]->(s)<-[r2:OWNS]-(b) WHERE r1 <> r2 RETURN count(*) AS c",
     [{"c": 2}], [{"c": 2}]),
    # §3 syntax
    ("MATCH (a:Actor) RETURN sum(count { (a)-->() }) AS c", ERROR, [{"c": 6}]),
    ("MATCH (a:Actor) WHERE EXISTS { (a)-[:PARTNER_IN]->() } RETURN count(a) AS c", ERROR, [{"c": 2}]),
    ("MATCH (a:Actor) WHERE (a)-[:PARTNER_IN]->() RETURN count(a) AS c", [{"c": 2}], [{"c": 2}]),
    ("MATCH (a:Actor {id: 'kommune-621'}) RETURN size((a)-->()) AS c", [{"c": 4}], ERROR),
    ("MATCH (s:Solution) CALL { WITH s MATCH (s)<-[r:PARTNER_IN]-() RETURN count(r) AS n } RETURN n",
     [{"n": 2}], [{"n": 2}]),
    ("MATCH (n:Actor|Solution) RETURN count(n) AS c", ERROR, [{"c": 6}]),
    ("RETURN 'Kolding' =~ 'Kol.*' AS m", ERROR, [{"m": True}]),
    ("MATCH (a:Municipality)-[rs:OWNS*1..1]->() RETURN size(rs) AS n", ERROR, [{"n": 1}, {"n": 1}]),
    # §4 shortest paths
    ("MATCH p = shortestPath((a:Municipality)-[*]->(b:Actor {id: 'org-hack'})) RETURN length(p) AS n",
     ERROR, [{"n": 2}]),
    ("MATCH (a:Municipality), (b:Actor {id: 'org-hack'}) RETURN length(shortestPath((a)-[*]->(b))) AS n",
     [{"n": 2}], [{"n": 2}]),
    ("MATCH (a:Municipality), (b:Actor {id: 'org-hack'}) RETURN length(shortestPath((a)-[*]-(b))) AS n",
     ERROR, [{"n": 2}]),
    ("MATCH (a:Municipality), (b:Actor {id: 'org-hack'}) WITH a, b "
     "MATCH p = allShortestPaths((a)-[*]-(b)) RETURN count(p) AS n", [{"n": 3}], [{"n": 3}]),
    # §5 OPTIONAL MATCH then MATCH
    ("OPTIONAL MATCH (x:Theme) MATCH (a:Municipality) RETURN a.id AS a", ERROR, [{"a": "kommune-621"}]),
    ("OPTIONAL MATCH (x:Theme) WITH x MATCH (a:Municipality) RETURN a.id AS a, x",
     [{"a": "kommune-621", "x": None}], [{"a": "kommune-621", "x": None}]),
    # §6 numbers
    ("RETURN 7 / 2 AS a, -7 / 2 AS b, -7 % 3 AS c", [{"a": 3, "b": -3, "c": -1}], [{"a": 3, "b": -3, "c": -1}]),
    ("RETURN round(-2.5) AS r, toInteger(-3.9) AS i", [{"r": -3.0, "i": -4}], [{"r": -2.0, "i": -3}]),
    ("RETURN round(3.14159, 2) AS r", ERROR, [{"r": 3.14}]),
    ("RETURN 9223372036854775807 + 1 AS o", [{"o": -(2**63)}], ERROR),
    # §7 strings
    ("RETURN toString(1.5) AS s, trim('\t x') AS t", [{"s": "1.500000", "t": "\t x"}], [{"s": "1.5", "t": "x"}]),
    ("RETURN toUpper('æøå') AS u, size('🤝') AS n", [{"u": "ÆØÅ", "n": 1}], [{"u": "ÆØÅ", "n": 1}]),
    # §8 ordering
    ("UNWIND [3, null, 1] AS x RETURN x ORDER BY x", [{"x": 1}, {"x": 3}, {"x": None}],
     [{"x": 1}, {"x": 3}, {"x": None}]),
    ("UNWIND ['ø', 'å', 'æ', 'b'] AS x WITH x ORDER BY x RETURN collect(x) AS l", [{"l": ["b", "å", "æ", "ø"]}],
     [{"l": ["b", "å", "æ", "ø"]}]),
]


@pytest.mark.parametrize("query, on_falkordb, on_neo4j", DIALECT_CLAIMS)
def test_dialect_note(falkordb_db, neo4j_db, query, on_falkordb, on_neo4j):
    """The claims of docs/cypher-dialects.md, on both engines."""
    for engine, expected in ((falkordb_db, on_falkordb), (neo4j_db, on_neo4j)):
        if count_database(engine)[1:] != (9, EXPECTED_LABELS, EXPECTED_TYPES):
            load_graph(engine, sample_graph(), wipe=True)
        if expected is ERROR:
            with pytest.raises(EngineError):
                engine.run(query)
        else:
            assert engine.run(query) == expected, engine.engine


# ---------------------------------------------------------------- connect() and the engines' settings

def test_connect_without_uri_is_the_embedded_engine(monkeypatch):
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:1")  # must not switch engines by itself
    with connect() as db:
        assert db.engine == "falkordb" and db.run("RETURN 1 AS one") == [{"one": 1}]


@pytest.mark.parametrize("uri", ["http://localhost:7474", "localhost:7687", "mysql://x"])
def test_connect_refuses_a_uri_of_no_known_engine(uri):
    with pytest.raises(EngineError, match="cannot tell the engine"):
        connect(uri)


@pytest.mark.parametrize(("uri", "engine", "expected"), [
    (None, None, "embedded"), (None, "embedded", "embedded"), (None, "falkordb", "embedded"),
    (None, "neo4j", "neo4j"), ("bolt://h:7687", None, "neo4j"), ("NEO4J+S://h", "neo4j", "neo4j"),
    ("falkor://h:6379", None, "falkordb"), ("unix:///run/f.sock", "falkordb", "falkordb")])
def test_engine_for_tells_the_engine_without_connecting(uri, engine, expected, monkeypatch):
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:1")  # must not switch engines by itself
    assert engine_for(uri, engine) == expected


@pytest.mark.parametrize(("uri", "engine", "message"), [
    ("falkor://u:hemmelig@h:6379", "neo4j", "does not go with the URI 'falkor://h:6379'"),
    ("bolt://h:7687", "embedded", "does not go with"),
    (None, "mysql", "unknown engine"),
    ("http://localhost:7474", None, "cannot tell the engine")])
def test_engine_for_refuses_what_does_not_go_together(uri, engine, message):
    with pytest.raises(EngineError, match=message) as err:
        engine_for(uri, engine)
    assert "hemmelig" not in str(err.value)


def test_connect_takes_none_as_not_given_and_refuses_neo4j_settings_for_falkordb():
    with connect(username=None, password=None, database=None) as db:
        assert db.engine == "falkordb"
    with pytest.raises(EngineError, match="FalkorDB takes no password"):
        connect("falkor://127.0.0.1:9", password="x")


def test_connect_neo4j_without_a_uri_says_what_to_set(monkeypatch):
    monkeypatch.delenv("NEO4J_URI", raising=False)
    with pytest.raises(EngineError, match="NEO4J_URI"):
        connect(engine="neo4j")


def test_neo4j_unreachable_is_one_line_after_bounded_retries():
    t0 = time.monotonic()
    with pytest.raises(EngineError, match="cannot reach Neo4j at bolt://127.0.0.1:9") as err:
        Neo4jDriver("bolt://127.0.0.1:9", password="x", connect_timeout=1.5)
    assert time.monotonic() - t0 < 10
    assert "\n" not in str(err.value)


@pytest.mark.neo4j
def test_neo4j_wrong_password_fails_at_once():
    settings = neo4j_settings()
    t0 = time.monotonic()
    with pytest.raises(EngineError, match="refused user") as err:
        Neo4jDriver(settings["uri"], username=settings["username"], password=settings["password"] + "-wrong")
    assert time.monotonic() - t0 < 5
    assert settings["password"] not in str(err.value)


@pytest.mark.neo4j
def test_neo4j_unknown_database():
    settings = neo4j_settings()
    with pytest.raises(EngineError, match="no database 'ikke_her'"):
        Neo4jDriver(settings["uri"], username=settings["username"], password=settings["password"],
                    database="ikke_her")


@pytest.mark.neo4j
def test_neo4j_settings_come_from_the_environment(monkeypatch):
    settings = neo4j_settings()
    monkeypatch.setenv("NEO4J_URI", settings["uri"])
    monkeypatch.setenv("NEO4J_USERNAME", settings["username"])
    monkeypatch.setenv("NEO4J_PASSWORD", settings["password"])
    monkeypatch.delenv("NEO4J_DATABASE", raising=False)
    with connect(engine="neo4j") as db:
        assert db.engine == "neo4j" and db.run("RETURN $x AS x", {"x": "æ"}) == [{"x": "æ"}]


# ---------------------------------------------------------------- the embedded server

def test_embedded_server_is_private_quick_and_cleaned_up():
    db = FalkorDBDriver()
    server = db.server
    assert server is not None and server.startup_seconds is not None
    assert server.startup_seconds < 5, f"embedded start took {server.startup_seconds:.2f} s"
    tmpdir = Path(server.socket_path).parent
    assert stat.S_IMODE(os.stat(tmpdir).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(server.socket_path).st_mode) & 0o077 == 0
    assert db._db.connection.config_get("port")["port"] == "0"  # no TCP listener
    process = server.process
    db.close()
    assert process.poll() is not None
    assert not tmpdir.exists()
    db.close()  # twice is fine


def test_embedded_graph_persists_in_a_directory(tmp_path):
    with FalkorDBDriver(persist_dir=tmp_path / "store") as db:
        load_graph(db, sample_graph())
    assert (tmp_path / "store" / "samspil.rdb").exists()
    with FalkorDBDriver(persist_dir=tmp_path / "store") as db:
        assert count_database(db)[:2] == (7, 9)
        assert db.run("MATCH (a {id: 'org-hack'}) RETURN a.name AS n") == [{"n": INJECTION}]


def _child(code: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(code)], stdout=subprocess.PIPE, text=True,
                            cwd=Path(__file__).resolve().parents[1])


def _gone(pid: int, timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        # A dead child of a dead parent is reaped by init; until then it is a zombie.
        try:
            if Path(f"/proc/{pid}/stat").read_text().split()[2] == "Z":
                return True
        except OSError:
            return True
        time.sleep(0.05)
    return False


def test_embedded_server_stops_when_python_exits_without_close():
    child = _child("""
        from samspil.drivers import connect
        db = connect()
        print(db.server.process.pid, db.server.socket_path, flush=True)
    """)
    out, _ = child.communicate(timeout=60)
    pid, socket_path = out.split()
    assert _gone(int(pid))
    assert not Path(socket_path).parent.exists()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux only")
def test_embedded_server_stops_when_python_is_killed():
    child = _child("""
        import time
        from samspil.drivers import connect
        db = connect()
        print(db.server.process.pid, db.server.socket_path, flush=True)
        time.sleep(60)
    """)
    pid, socket_path = child.stdout.readline().split()
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)
    assert _gone(int(pid))
    # No atexit ran, so the directory is still there; the next start removes it.
    assert Path(socket_path).parent.exists()
    with FalkorDBDriver():
        assert not Path(socket_path).parent.exists()
