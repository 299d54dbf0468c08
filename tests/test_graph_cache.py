"""The cache of built graphs (issue 16): a second command on unchanged sources reads the graph
instead of building it, says so, and gives the same answer; any change to a source file gives
a new build. Speed is measured in benchmarks, not here: the test asserts only "no rebuild"."""

from __future__ import annotations

from pathlib import Path

SEED = Path(__file__).resolve().parent.parent / "samspil" / "data" / "cases" / "seed000-politisk-lederskab.yaml"
QUERY = "MATCH (a:Actor) RETURN count(a) AS n"


def test_a_second_query_reads_the_graph_from_the_cache(run_cli, tmp_path, monkeypatch):
    monkeypatch.setenv("SAMSPIL_CACHE_DIR", str(tmp_path / "cache"))
    cases = tmp_path / "cases.yaml"
    cases.write_bytes(SEED.read_bytes())
    args = ("cypher", QUERY, "--no-defaults", "--cases", cases, "--format", "json")
    first, second = run_cli(*args), run_cli(*args)
    assert first.code == second.code == 0, first.err + second.err
    assert first.out == second.out
    assert "graph built in" in first.err and "graph read from the cache" in second.err
    # a change to the source is a new key: built again
    cases.write_text(SEED.read_text(encoding="utf-8").replace("title:", "title: Ny", 1), encoding="utf-8")
    third = run_cli(*args)
    assert third.code == 0 and "graph built in" in third.err


def test_warnings_of_a_cached_build_are_said_again(run_cli, tmp_path, monkeypatch):
    monkeypatch.setenv("SAMSPIL_CACHE_DIR", str(tmp_path / "cache"))
    stale = tmp_path / "stale.yaml"
    stale.write_text("format: 1\ncorrections:\n  - op: remove\n    name: Ingen Sådan Organisation\n"
                     "    reason: a test\n", encoding="utf-8")
    args = ("cases", "--no-defaults", "--cases", SEED, "--corrections", stale, "--format", "json")
    first, second = run_cli(*args), run_cli(*args)
    assert "correction matches nothing" in first.err and "correction matches nothing" in second.err
