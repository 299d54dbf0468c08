#!/usr/bin/env python3
"""Loading the graph of 10 000 synthetic cases into Neo4j 5 and into the embedded FalkorDB.

1. The project's batched loader (samspil.drivers.load.load_graph: UNWIND batches, MERGE on
   the unique id) at batch sizes 100 ... 50 000, each on an emptied database; figures are
   the node and relationship stages (the wipe before them is not counted).
2. A naive loader written here: one statement and one transaction per node and per
   relationship (the same MERGE statements, through the same driver). It runs on the
   graph of the first cases only, for at most NAIVE_BUDGET_S seconds; its rows/s is
   multiplied out to the whole graph ("extrapolated", marked so).
3. The embedded FalkorDB with the project's loader at its default batch size.

Neo4j runs on this machine (scripts/neo4j-server, port 17711, dir /tmp/n4j-bench, heap
SAMSPIL_NEO4J_HEAP, 2g here) and is stopped at the end.

Usage: benchmarks/bench_neo4j_load.py [N]          (default N = 10000 cases)
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import ROOT, graph, load_note, print_machine, table  # noqa: E402

PORT = 17711
DIR = "/tmp/n4j-bench"
PASSWORD = "samspil-test"
BATCH_SIZES = (100, 1000, 5000, 10_000, 20_000, 50_000)
NAIVE_BUDGET_S = 90.0
NAIVE_CASES = 200


def start_neo4j() -> str:
    env = {**os.environ, "SAMSPIL_NEO4J_HEAP": os.environ.get("SAMSPIL_NEO4J_HEAP", "2g")}
    out = subprocess.run([str(ROOT / "scripts" / "neo4j-server"), "start", "--port", str(PORT), "--dir", DIR,
                          "--timeout", "300"], capture_output=True, text=True, env=env, check=True)
    return out.stdout.strip()


def stop_neo4j() -> None:
    subprocess.run([str(ROOT / "scripts" / "neo4j-server"), "stop", "--dir", DIR], capture_output=True, check=False)


def sub_graph(g, cases: int):
    """The part of the graph that the first ``cases`` cases make (their nodes and edges)."""
    case_ids = sorted(n for n, d in g.nodes(data=True) if "Case" in d["labels"])[:cases]
    keep_cases = set(case_ids)
    edges = [(u, v, k, d) for u, v, k, d in g.edges(keys=True, data=True) if d.get("case") in keep_cases]
    nodes = {u for u, v, _, _ in edges} | {v for u, v, _, _ in edges} | keep_cases
    h = g.__class__()
    h.add_nodes_from((n, g.nodes[n]) for n in sorted(nodes))
    h.add_edges_from(edges)
    return h


def _single_row(query: str) -> str:
    """The batched statement for one row: ``UNWIND $rows AS row`` → ``WITH $row AS row``."""
    head = "UNWIND $rows AS row\n"
    if not query.startswith(head):
        raise AssertionError(f"the project's statement no longer starts with {head!r}: {query!r}")
    return "WITH $row AS row\n" + query[len(head):]


def naive_load(driver, g, budget_s: float) -> dict:
    """One MERGE statement in its own transaction per node and per relationship."""
    from samspil.drivers.load import _edge_query, _node_query, _prepare_edges, _prepare_nodes

    node_groups, keys = _prepare_nodes(g)
    edge_groups, _ = _prepare_edges(g, keys)
    # The project's statements with one row as a parameter instead of a list to UNWIND
    # ($row is a parameter: it must be bound to the variable the statement uses, row).
    node_rows = [(_single_row(_node_query(labels)), row) for labels, rows in sorted(node_groups.items()) for row in rows]
    edge_rows = [(_single_row(_edge_query(*group)), row) for group, rows in sorted(edge_groups.items()) for row in rows]
    for label in sorted({label for labels in node_groups for label in labels}):
        driver.ensure_unique_id(label)
    done_nodes = done_edges = 0
    start = time.perf_counter()
    for query, row in node_rows:
        driver.run(query, {"row": row}, write=True)
        done_nodes += 1
        if time.perf_counter() - start > budget_s / 2:
            break
    node_s = time.perf_counter() - start
    start = time.perf_counter()
    for query, row in edge_rows:
        driver.run(query, {"row": row}, write=True)
        done_edges += 1
        if time.perf_counter() - start > budget_s / 2:
            break
    edge_s = time.perf_counter() - start
    return {"nodes": done_nodes, "node_s": node_s, "edges": done_edges, "edge_s": edge_s,
            "of_nodes": len(node_rows), "of_edges": len(edge_rows)}


def main(argv: list[str]) -> None:
    from samspil.drivers import connect, load_graph
    from samspil.drivers.load import wipe_database

    n = int(argv[0]) if argv else 10_000
    print_machine(f"Neo4j and embedded load, graph of {n} cases")
    g, how = graph(n)
    print(f"# graph: {g.number_of_nodes():,} nodes, {g.number_of_edges():,} edges ({how})", flush=True)
    rows = []
    uri = start_neo4j()
    try:
        with connect(uri, password=PASSWORD) as db:
            wipe_database(db)
            for batch in BATCH_SIZES:
                wipe_database(db)
                r = load_graph(db, g, batch_size=batch)
                t = r.timings
                secs = t["nodes"] + t["relationships"]
                rows.append({"engine": "neo4j", "loader": "batched (project)", "batch": batch,
                             "nodes": r.sent_nodes, "rels": r.sent_relationships, "seconds": secs,
                             "nodes_s": r.sent_nodes / t["nodes"], "rels_s": r.sent_relationships / t["relationships"],
                             "rows_s": (r.sent_nodes + r.sent_relationships) / secs, "note": load_note()})
                assert r.relationships == r.sent_relationships, (r.relationships, r.sent_relationships)
                print(f"# neo4j batch {batch}: nodes {t['nodes']:.1f} s, relationships {t['relationships']:.1f} s "
                      f"({load_note()})", flush=True)
            # The naive loader, on the graph of the first cases, within a time budget.
            wipe_database(db)
            small = sub_graph(g, NAIVE_CASES)
            naive = naive_load(db, small, NAIVE_BUDGET_S)
            node_rate, edge_rate = naive["nodes"] / naive["node_s"], naive["edges"] / naive["edge_s"]
            full_nodes = sum(1 for _ in g.nodes)
            best = max((r for r in rows), key=lambda r: r["rows_s"])
            from samspil.drivers.load import _prepare_edges, _prepare_nodes

            ng, keys = _prepare_nodes(g)
            full_edges = sum(len(x) for x in _prepare_edges(g, keys)[0].values())
            naive_secs = full_nodes / node_rate + full_edges / edge_rate
            rows.append({"engine": "neo4j", "loader": f"naive, 1 statement + 1 transaction a row "
                         f"({naive['nodes']} nodes + {naive['edges']} rels measured, extrapolated)",
                         "batch": 1, "nodes": full_nodes, "rels": full_edges, "seconds": naive_secs,
                         "nodes_s": node_rate, "rels_s": edge_rate, "rows_s": (full_nodes + full_edges) / naive_secs,
                         "note": load_note()})
            wipe_database(db)
        with connect() as db:
            r = load_graph(db, g)
            t = r.timings
            secs = t["nodes"] + t["relationships"]
            rows.append({"engine": "falkordb (embedded)", "loader": "batched (project)", "batch": 10_000,
                         "nodes": r.sent_nodes, "rels": r.sent_relationships, "seconds": secs,
                         "nodes_s": r.sent_nodes / t["nodes"], "rels_s": r.sent_relationships / t["relationships"],
                         "rows_s": (r.sent_nodes + r.sent_relationships) / secs, "note": load_note()})
    finally:
        stop_neo4j()
    print()
    table(rows, [("engine", "engine", ""), ("loader", "loader", ""), ("batch", "batch", ","), ("nodes", "nodes", ","),
                 ("rels", "relationships", ","), ("seconds", "seconds", ",.1f"), ("nodes_s", "nodes/s", ",.0f"),
                 ("rels_s", "relationships/s", ",.0f"), ("rows_s", "rows/s", ",.0f"), ("note", "load avg", "")])
    batched = [r for r in rows if r["engine"] == "neo4j" and r["batch"] > 1]
    best = max(batched, key=lambda r: r["rows_s"])
    default = next(r for r in batched if r["batch"] == 10_000)
    naive = next(r for r in rows if r["batch"] == 1)
    print(f"\nbatched (batch 10 000) / naive: ×{default['rows_s'] / naive['rows_s']:.0f} rows/s; "
          f"best batch {best['batch']:,}: ×{best['rows_s'] / naive['rows_s']:.0f}; "
          f"relationships/s at batch 10 000: {default['rels_s']:,.0f} (goal 50 000)")


if __name__ == "__main__":
    main(sys.argv[1:])
