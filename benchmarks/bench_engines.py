#!/usr/bin/env python3
"""The embedded FalkorDB against Neo4j 5 at 10 000 cases: the load, and every named query.

The graph is the 10 000 synthetic cases (their facts found by the recogniser) plus the
shipped sources with their curation, so every example of every named query finds what it
names (lsf2019-09, "Sammen om min vej", TrygFonden ...). Every example of every query in
samspil/queries/cypher runs once to warm up and then REPEAT times on each engine; the
median is reported, and the row counts of the two engines are compared. A query with an
``actor`` parameter also runs for the most connected actor of the graph ("hub"), its worst
case.

Neo4j: scripts/neo4j-server on port 17711, dir /tmp/n4j-bench, heap 2g; stopped at the end.

Usage: benchmarks/bench_engines.py [N]     (default N = 10000 cases)
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import graph, load_note, print_machine, table  # noqa: E402
from bench_neo4j_load import PASSWORD, start_neo4j, stop_neo4j  # noqa: E402

REPEAT = 3
GOAL_S = 1.0


def timed(db, text: str, params: dict) -> tuple[float, int]:
    runs = []
    rows = db.run(text, params)  # warm-up (plans, caches)
    for _ in range(REPEAT):
        start = time.perf_counter()
        rows = db.run(text, params)
        runs.append(time.perf_counter() - start)
        if runs[-1] > 20:
            break
    return statistics.median(runs), len(rows)


def workload(g) -> list[tuple[str, str, dict, str]]:
    """(query name, label, parameters, query text) for every example, plus hub variants."""
    from samspil.queries.library import list_queries

    actors = [(n, d) for n, d in g.nodes(data=True) if "Actor" in d["labels"]]
    hub_id, hub = max(actors, key=lambda x: (g.degree(x[0]), x[0]))
    work = []
    for q in list_queries():
        examples = q.examples or ({},)
        for i, params in enumerate(examples):
            label = q.example_texts[i] if i < len(q.example_texts) else ""
            work.append((q.name, label or "(no parameters)", q.bind(dict(params)), q.text))
        if any(p.name == "actor" for p in q.params):
            params = dict(examples[0])
            params["actor"] = hub["name"]
            work.append((q.name, f'actor="{hub["name"]}" (hub, {g.degree(hub_id)} edges)', q.bind(params), q.text))
    return work


def main(argv: list[str]) -> None:
    from samspil.drivers import connect, load_graph

    n = int(argv[0]) if argv else 10_000
    print_machine(f"embedded FalkorDB and Neo4j: load and named queries, graph of {n} cases")
    g, how = graph(n, with_shipped=True)
    print(f"# graph: {g.number_of_nodes():,} nodes, {g.number_of_edges():,} edges ({how})", flush=True)
    work = workload(g)
    results: dict[str, dict] = {}
    loads = []
    uri = start_neo4j()
    try:
        for engine, open_db in (("neo4j", lambda: connect(uri, password=PASSWORD)), ("falkordb", lambda: connect())):
            with open_db() as db:
                start = time.perf_counter()
                report = load_graph(db, g, wipe=True)
                loads.append({"engine": engine, "seconds": time.perf_counter() - start,
                              "nodes": report.nodes, "rels": report.relationships,
                              "rows_s": report.rows_per_second(), "note": load_note()})
                print(f"# {engine}: loaded in {loads[-1]['seconds']:.1f} s ({load_note()})", flush=True)
                for name, label, params, text in work:
                    seconds, rows = timed(db, text, params)
                    results.setdefault(f"{name} {label}", {"query": name, "example": label})
                    results[f"{name} {label}"][f"{engine}_ms"] = seconds * 1000
                    results[f"{name} {label}"][f"{engine}_rows"] = rows
                    print(f"#   {engine} {name} {label}: {seconds * 1000:.1f} ms, {rows} rows", flush=True)
    finally:
        stop_neo4j()
    print()
    table(loads, [("engine", "engine", ""), ("nodes", "nodes", ","), ("rels", "relationships", ","),
                  ("seconds", "load s (wall, incl. wipe and constraints)", ".1f"), ("rows_s", "rows/s", ",.0f"),
                  ("note", "load avg", "")])
    print()
    rows = list(results.values())
    for r in rows:
        r["same"] = "yes" if r.get("neo4j_rows") == r.get("falkordb_rows") else "NO"
        r["ratio"] = r["falkordb_ms"] / r["neo4j_ms"] if r.get("neo4j_ms") else None
    table(rows, [("query", "query", ""), ("example", "parameters", ""), ("neo4j_rows", "rows", ","),
                 ("same", "same rows count", ""), ("neo4j_ms", "Neo4j ms (median)", ",.1f"),
                 ("falkordb_ms", "embedded ms (median)", ",.1f"), ("ratio", "embedded / Neo4j", ".2f")])
    for engine in ("neo4j", "falkordb"):
        slow = [r for r in rows if r[f"{engine}_ms"] > GOAL_S * 1000]
        worst = max(rows, key=lambda r: r[f"{engine}_ms"])
        print(f"\n{engine}: {len(rows) - len(slow)}/{len(rows)} runs under {GOAL_S:g} s; slowest "
              f"{worst['query']} {worst['example']} {worst[f'{engine}_ms']:,.0f} ms")


if __name__ == "__main__":
    main(sys.argv[1:])
