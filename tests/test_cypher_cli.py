"""``samspil cypher``, ``samspil query`` and ``samspil neo4j load|style`` end to end, as a user
runs them: the installed command in a subprocess, the real graph, a real embedded FalkorDB and
the real Neo4j of the environment (SAMSPIL_NEO4J_URI / SAMSPIL_NEO4J_PASSWORD, see
``tests/test_drivers.py``; the Neo4j tests WIPE that database).
"""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from test_drivers import INJECTION, neo4j_settings

from samspil.queries.library import get_query, list_queries, run_query

COUNT = "MATCH (n) RETURN count(n) AS n"


@pytest.fixture(scope="module")
def neo4j_args() -> list[str]:
    """``--uri URI --user U --password PW`` for the test server (explicit: no env needed)."""
    s = neo4j_settings()
    return ["--uri", s["uri"], "--user", s["username"], "--password", s["password"]]


@pytest.fixture(scope="module")
def embedded_runs(run_cli_many):
    """The embedded-engine commands, run once and in parallel. Building the real graph takes
    seconds of CPU, so commands whose point is not the data run on the empty graph of
    --no-defaults (the real graph's queries are compared in tests/test_queries_parity.py)."""
    hostile = f"name={INJECTION}"
    empty = "--no-defaults"
    return run_cli_many({
        "list": ("query",),
        "list-json": ("query", "--format", "json"),
        "partners-json": ("query", "actor-partners-by-sector", "--param", "actor=Kolding Kommune", "--format", "json"),
        "reach-csv": ("query", "municipality-reach", "-p", "kinds=company,foundation", "-p", "limit=5",
                      "--format", "csv"),
        "regions-table": ("query", "cases-per-region-year"),
        "write": ("cypher", "CREATE (t:Theme {id: 'x', name: 'x'}) RETURN t", empty),
        "write-allowed": ("cypher", "CREATE (t:Theme {id: 'x', name: 'x'}) RETURN t.name AS name", "--write", empty,
                          "--format", "json"),
        "hostile": ("cypher", "MATCH (a:Actor) WHERE a.name = $name RETURN a.name AS name UNION ALL "
                              "RETURN $name AS name", "--param", hostile,
                    "--format", "json", empty),
        "typed": ("cypher", "RETURN $i AS i, $f AS f, $b AS b, $n AS n, $l AS l, $code AS code, $s AS s",
                  "-p", "i=3", "-p", "f=2.5", "-p", "b=true", "-p", "n=null", "-p", 'l=["a", 1]',
                  "-p", "code=0621", "-p", "s:string=42", "--format", "json", empty),
        "nodes": ("cypher", "MATCH (m:Municipality {id: 'municipality-0621'})-[r:IN_REGION]->(x) "
                            "RETURN m, r, x.name AS region"),
        "syntax": ("cypher", "MATCH (n RETURN n", empty),
    })


# ---------------------------------------------------------------- samspil query

def test_query_lists_every_named_query_with_its_parameters(embedded_runs):
    code, out, err = embedded_runs["list"]
    assert code == 0, err
    for q in list_queries():
        assert q.name in out
        for p in q.params:
            assert p.name in out
    code, out, err = embedded_runs["list-json"]
    listed = json.loads(out)
    assert [q["name"] for q in listed] == [q.name for q in list_queries()]
    partners = next(q for q in listed if q["name"] == "actor-partners-by-sector")
    assert partners["params"][0]["name"] == "actor" and partners["params"][0]["type"] == "string"
    assert partners["usage"] == "samspil query actor-partners-by-sector --param 'actor=Kolding Kommune'"


def test_query_runs_a_named_query_like_the_python_api(embedded_runs):
    from samspil.queries.library import load_embedded

    code, out, err = embedded_runs["partners-json"]
    assert code == 0, err
    rows = json.loads(out)
    with load_embedded() as db:
        assert rows == run_query("actor-partners-by-sector", {"actor": "Kolding Kommune"}, db)
    assert rows and all(r["actor"] == "Kolding Kommune" for r in rows)
    assert re.search(r"\d+ rows? in [\d.]+ s on embedded FalkorDB: graph (built|read from the cache) in", err)


def test_query_csv_has_the_header_columns(embedded_runs):
    code, out, err = embedded_runs["reach-csv"]
    assert code == 0, err
    table = list(csv.reader(io.StringIO(out)))
    assert table[0] == get_query("municipality-reach").columns
    assert 1 <= len(table) - 1 <= 5


def test_query_table_shows_the_rows(embedded_runs):
    code, out, err = embedded_runs["regions-table"]
    assert code == 0, err
    assert "cases-per-region-year" in out and "Region Syddanmark" in out


def test_query_show_prints_the_cypher(run_cli):
    code, out, err = run_cli("query", "solution-spread", "--show")
    assert code == 0, err
    assert out == get_query("solution-spread").text


@pytest.mark.parametrize(("args", "needle"), [
    (("query", "no-such-query"), "no named query 'no-such-query'"),
    (("query", "actor-solutions"), "needs parameter actor"),
    (("query", "bridging-actors", "--param", "limit=lots"), "'lots' is not an integer"),
    (("query", "bridging-actors", "--param", "limt=3"), "has no parameter 'limt'"),
    (("query", "bridging-actors", "--param", "limit"), "write name=value"),
    (("query", "--param", "limit=3"), "name the query"),
    (("cypher",), "no query"),
    (("cypher", "RETURN 1", "--param", "1x=2"), "is not a parameter name"),
    (("cypher", "RETURN 1", "--uri", "bolt://127.0.0.1:9", "--include-contacts"), "for the embedded engine"),
])
def test_user_errors_are_one_line(run_cli, one_line_error, args, needle):
    one_line_error(run_cli(*args), needle)


# ---------------------------------------------------------------- samspil cypher, embedded

def test_cypher_refuses_a_write_without_write(embedded_runs, one_line_error):
    one_line_error(embedded_runs["write"], "read-only unless --write")
    code, out, err = embedded_runs["write-allowed"]
    assert code == 0, err
    assert json.loads(out) == [{"name": "x"}]
    assert "private copy" in err


def test_cypher_parameters_pass_through_as_values(embedded_runs):
    code, out, err = embedded_runs["hostile"]
    assert code == 0, err
    assert json.loads(out) == [{"name": INJECTION}]  # the value comes back whole: it never became Cypher
    code, out, err = embedded_runs["typed"]
    assert code == 0, err
    assert json.loads(out) == [{"i": 3, "f": 2.5, "b": True, "n": None, "l": ["a", 1], "code": "0621", "s": "42"}]


def test_cypher_shows_nodes_and_relationships_readably(embedded_runs):
    code, out, err = embedded_runs["nodes"]
    assert code == 0, err
    assert "Kolding Kommune [municipality-0621]" in out
    assert "municipality-0621 -[:IN_REGION]-> region-1083" in out


def test_cypher_syntax_error_is_one_line(embedded_runs, one_line_error):
    one_line_error(embedded_runs["syntax"], "falkordb refused the query")


def test_cypher_reads_a_file_and_standard_input(run_cli, tmp_path):
    import subprocess

    from conftest import samspil_command

    path = tmp_path / "q.cypher"
    path.write_text("// a comment\nMATCH (t:Theme) RETURN count(t) AS themes\n", encoding="utf-8")
    code, out, err = run_cli("cypher", "--file", path, "--format", "json", "--no-defaults")
    assert code == 0, err
    assert json.loads(out) == [{"themes": 0}]
    proc = subprocess.run([*samspil_command(), "cypher", "-f", "-", "--format", "csv", "--no-defaults"],
                          input="RETURN 'æøå' AS word", capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "word\næøå\n"


# ---------------------------------------------------------------- Neo4j

def test_neo4j_load_twice_prints_identical_counts(run_cli, neo4j_args):
    first = run_cli("neo4j", "load", *neo4j_args, "--wipe", "--batch-size", "200")
    assert first.code == 0, first.err
    second = run_cli("neo4j", "load", *neo4j_args)
    assert second.code == 0, second.err
    # The first line says how long it took; the tables of counts must be the same.
    assert first.out.split("\n", 1)[1] == second.out.split("\n", 1)[1]
    assert "nodes by label" in second.out and "COLLABORATES_WITH" in second.out
    assert "Person" not in second.out  # contacts only when asked for
    assert "more than this graph" not in second.err
    numbers = re.search(r": (\d+) nodes, (\d+) relationships in the database", second.out)
    assert numbers and int(numbers.group(1)) > 300


def test_cypher_and_query_run_on_neo4j_as_it_is(run_cli, neo4j_args, one_line_error):
    code, out, err = run_cli("neo4j", "load", *neo4j_args)
    assert code == 0, err
    before = run_cli("cypher", COUNT, *neo4j_args, "--format", "json")
    assert before.code == 0, before.err
    count = json.loads(before.out)[0]["n"]
    assert "on neo4j (" in before.err and "graph built" not in before.err  # no build for Neo4j
    one_line_error(run_cli("cypher", "MATCH (n) DETACH DELETE n", *neo4j_args), "read-only unless --write")
    code, out, err = run_cli("cypher", "MATCH (a:Actor) WHERE a.name = $name RETURN a.name AS name",
                             "--param", f"name={INJECTION}", *neo4j_args, "--format", "json")
    assert code == 0 and json.loads(out) == [], err
    code, out, err = run_cli("query", "cross-sector-ties", *neo4j_args, "--format", "json")
    assert code == 0 and json.loads(out), err
    # --write reaches the database: add a marker node, then remove it.
    for text in ("CREATE (:SamspilCliMarker {id: 'cli'})", "MATCH (m:SamspilCliMarker) DELETE m"):
        result = run_cli("cypher", text, *neo4j_args, "--write")
        assert result.code == 0, result.err
    after = run_cli("cypher", COUNT, *neo4j_args, "--format", "json")
    assert json.loads(after.out)[0]["n"] == count


def test_neo4j_connection_errors_are_one_line(run_cli_many, neo4j_args, one_line_error):
    uri = neo4j_args[1]
    results = run_cli_many({
        "password": ("neo4j", "load", "--uri", uri, "--password", "not-the-password"),
        "unreachable": ("neo4j", "load", "--uri", "bolt://127.0.0.1:9", "--password", "x"),
        "scheme": ("neo4j", "load", "--uri", "http://127.0.0.1:7474"),
        "cypher-password": ("cypher", COUNT, "--uri", uri, "--password", "not-the-password"),
    })
    one_line_error(results["password"], "refused user 'neo4j'")
    one_line_error(results["unreachable"], "cannot reach Neo4j at bolt://127.0.0.1:9")
    one_line_error(results["scheme"], "http://127.0.0.1:7474")
    one_line_error(results["cypher-password"], "refused user 'neo4j'")
    for result in results.values():
        assert "not-the-password" not in result.err


# ---------------------------------------------------------------- the Neo4j Browser style

def test_style_is_the_shipped_grass_in_the_maps_colours(run_cli, tmp_path):
    from samspil.viz.grass import GRASS_PATH, render_grass
    from samspil.core.model import ACTOR_KINDS, LABELS
    from samspil.viz.style import KIND_STYLES

    shipped = GRASS_PATH.read_text(encoding="utf-8")
    assert shipped == render_grass(), "samspil.grass is stale: write render_grass() to it"
    code, out, err = run_cli("neo4j", "style")
    assert code == 0 and out == shipped, err
    code, out, err = run_cli("neo4j", "style", "-o", tmp_path / "s.grass")
    assert code == 0 and (tmp_path / "s.grass").read_text(encoding="utf-8") == shipped, err
    rules = dict(re.findall(r"(?ms)^(node\.\w+) \{(.*?)\}", shipped))
    assert {k.split(".")[1] for k in rules} == set(LABELS)
    for kind, spec in ACTOR_KINDS.items():
        assert f"color: {KIND_STYLES[kind]['color']};" in rules[f"node.{spec.label}"], kind
    assert f"color: {KIND_STYLES['solution']['color']};" in rules["node.Solution"]
    # Neo4j Browser applies rules in file order: the kind labels must come after node.Actor.
    assert shipped.index("node.Actor {") < shipped.index("node.Municipality {")
    assert "/*" not in shipped and "//" not in shipped  # the Browser's GraSS parser knows no comments
