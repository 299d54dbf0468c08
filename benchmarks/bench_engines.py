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

A query whose warm-up run takes longer than SLOW_S (20 s) is not repeated: its figure is
that single run ("one run" in the output).

Usage: benchmarks/bench_engines.py [--only QUERY[,QUERY...]] [--engine neo4j|falkordb] [N]
       (default N = 10000 cases, both engines, every query)
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
#: A query slower than this is run once only (after a warm-up, or the warm-up itself).
SLOW_S = 20.0


def timed(db, text: str, params: dict) -> tuple[float, int, int]:
    """(median seconds, rows, timed runs). A query whose warm-up run alone takes longer than
    SLOW_S is not repeated: its figure is that one run (plans and caches cold)."""
    runs = []
    start = time.perf_counter()
    rows = db.run(text, params)  # warm-up (plans, caches)
    warm_up = time.perf_counter() - start
    if warm_up > SLOW_S:
        return warm_up, len(rows), 1
    for _ in range(REPEAT):
        start = time.perf_counter()
        rows = db.run(text, params)
        runs.append(time.perf_counter() - start)
        if runs[-1] > SLOW_S:
            break
    return statistics.median(runs), len(rows), len(runs)


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

    only: set[str] = set()
    engines = ["neo4j", "falkordb"]
    args = list(argv)
    while args and args[0].startswith("--"):
        flag = args.pop(0)
        if flag == "--only":
            only = set(args.pop(0).split(","))
        elif flag == "--engine":
            engines = [args.pop(0)]
        else:
            raise SystemExit(f"unknown option {flag}\n{__doc__}")
    n = int(args[0]) if args else 10_000
    print_machine(f"embedded FalkorDB and Neo4j: load and named queries, graph of {n} cases")
    g, how = graph(n, with_shipped=True)
    print(f"# graph: {g.number_of_nodes():,} nodes, {g.number_of_edges():,} edges ({how})", flush=True)
    work = workload(g)
    results: dict[str, dict] = {}
    loads = []
    uri = start_neo4j() if "neo4j" in engines else None
    try:
        for engine, open_db in (("neo4j", lambda: connect(uri, password=PASSWORD)), ("falkordb", lambda: connect())):
            if engine not in engines:
                continue
            with open_db() as db:
                start = time.perf_counter()
                report = load_graph(db, g, wipe=True)
                loads.append({"engine": engine, "seconds": time.perf_counter() - start,
                              "nodes": report.nodes, "rels": report.relationships,
                              "rows_s": report.rows_per_second(), "note": load_note()})
                print(f"# {engine}: loaded in {loads[-1]['seconds']:.1f} s ({load_note()})", flush=True)
                for name, label, params, text in work:
                    if only and name not in only:
                        continue
                    seconds, rows, runs = timed(db, text, params)
                    results.setdefault(f"{name} {label}", {"query": name, "example": label})
                    results[f"{name} {label}"][f"{engine}_ms"] = seconds * 1000
                    results[f"{name} {label}"][f"{engine}_rows"] = rows
                    results[f"{name} {label}"][f"{engine}_runs"] = runs
                    print(f"#   {engine} {name} {label}: {seconds * 1000:.1f} ms, {rows} rows"
                          + ("" if runs > 1 else " (one run)") + f" ({load_note()})", flush=True)
    finally:
        if uri:
            stop_neo4j()
    print()
    table(loads, [("engine", "engine", ""), ("nodes", "nodes", ","), ("rels", "relationships", ","),
                  ("seconds", "load s (wall, incl. wipe and constraints)", ".1f"), ("rows_s", "rows/s", ",.0f"),
                  ("note", "load avg", "")])
    print()
    rows = list(results.values())
    for r in rows:
        r["same"] = ("yes" if r.get("neo4j_rows") == r.get("falkordb_rows") else "NO") if len(engines) == 2 else None
        r["ratio"] = r["falkordb_ms"] / r["neo4j_ms"] if r.get("neo4j_ms") and r.get("falkordb_ms") else None
        r["runs"] = "/".join(str(r.get(f"{e}_runs", "")) for e in engines)
    table(rows, [("query", "query", ""), ("example", "parameters", ""),
                 ("neo4j_rows" if "neo4j" in engines else "falkordb_rows", "rows", ","),
                 ("same", "same rows count", ""), ("neo4j_ms", "Neo4j ms (median)", ",.1f"),
                 ("falkordb_ms", "embedded ms (median)", ",.1f"), ("ratio", "embedded / Neo4j", ".2f"),
                 ("runs", "timed runs (" + "/".join(engines) + ")", "")])
    for engine in engines:
        slow = [r for r in rows if r[f"{engine}_ms"] > GOAL_S * 1000]
        worst = max(rows, key=lambda r: r[f"{engine}_ms"])
        print(f"\n{engine}: {len(rows) - len(slow)}/{len(rows)} runs under {GOAL_S:g} s; slowest "
              f"{worst['query']} {worst['example']} {worst[f'{engine}_ms']:,.0f} ms")


if __name__ == "__main__":
    main(sys.argv[1:])
