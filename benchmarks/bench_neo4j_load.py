#!/usr/bin/env python3
"""Loading the graph of 10 000 synthetic cases into Neo4j 5 and into the embedded FalkorDB.

1. The project's batched loader (samspil.drivers.load.load_graph: UNWIND batches, MERGE on
   the unique id) at batch sizes 1 000 ... 50 000, each on an emptied database; figures are
   the node and relationship stages (the wipe before them is not counted).
2. A naive loader written here: one statement and one transaction per node and per
   relationship (the same MERGE statements, through the same driver). It runs on the
   graph of the first cases only, for at most NAIVE_BUDGET_S seconds; its rows/s is
   multiplied out to the whole graph ("extrapolated", marked so).
3. The bulk path for an empty database: samspil.drivers.bulk.write_import_csv, then
   ``scripts/neo4j-server import`` (neo4j-admin database import full) into a fresh dir, then
   the server started on it and the unique constraints created; its figure counts all three
   (CSV writing, the importer with its JVM start, server start, constraints), and the
   importer's own time (its "IMPORT DONE in" line) is printed beside it.
4. The embedded FalkorDB with the project's loader at its default batch size
   (skipped with --neo4j-only).

Neo4j runs on this machine (scripts/neo4j-server, port SAMSPIL_BENCH_NEO4J_PORT (17711),
dir SAMSPIL_BENCH_NEO4J_DIR (/tmp/n4j-bench; the bulk import goes to that dir + "-bulk"),
heap SAMSPIL_NEO4J_HEAP, 2g here) and is stopped at the end. The load average is printed
before and after (the machine may be shared).

Usage: benchmarks/bench_neo4j_load.py [--neo4j-only] [N]     (default N = 10000 cases)
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import ROOT, graph, load_note, print_machine, table  # noqa: E402

PORT = int(os.environ.get("SAMSPIL_BENCH_NEO4J_PORT", "17711"))
DIR = os.environ.get("SAMSPIL_BENCH_NEO4J_DIR", "/tmp/n4j-bench")
BULK_DIR = DIR + "-bulk"
PASSWORD = "samspil-test"
BATCH_SIZES = (1000, 10_000, 50_000)
NAIVE_BUDGET_S = float(os.environ.get("SAMSPIL_BENCH_NAIVE_S", "90"))
NAIVE_CASES = 200


def start_neo4j(folder: str = DIR) -> str:
    env = {**os.environ, "SAMSPIL_NEO4J_HEAP": os.environ.get("SAMSPIL_NEO4J_HEAP", "2g")}
    out = subprocess.run([str(ROOT / "scripts" / "neo4j-server"), "start", "--port", str(PORT), "--dir", folder,
                          "--timeout", "300"], capture_output=True, text=True, env=env, check=True)
    return out.stdout.strip()


def stop_neo4j(folder: str = DIR) -> None:
    subprocess.run([str(ROOT / "scripts" / "neo4j-server"), "stop", "--dir", folder], capture_output=True,
                   check=False)


def bulk_load(g) -> dict:
    """CSV files, the importer into a fresh dir, the server started on it, the constraints."""
    import re
    import shutil

    from samspil.drivers import connect
    from samspil.drivers.bulk import write_import_csv
    from samspil.drivers.load import count_database

    shutil.rmtree(BULK_DIR, ignore_errors=True)
    start = time.perf_counter()
    files = write_import_csv(g, BULK_DIR + "-csv")
    csv_s = time.perf_counter() - start
    env = {**os.environ, "SAMSPIL_NEO4J_HEAP": os.environ.get("SAMSPIL_NEO4J_HEAP", "2g")}
    out = subprocess.run([str(ROOT / "scripts" / "neo4j-server"), "import", "--dir", BULK_DIR, "--csv",
                          str(files.folder)], capture_output=True, text=True, env=env, check=True)
    import_s = time.perf_counter() - start - csv_s
    done = re.search(r"IMPORT DONE in ((?:\d+[a-z]+ ?)+)", out.stdout + out.stderr)
    units = {"h": 3600, "m": 60, "s": 1, "ms": 0.001}
    importer_s = sum(int(v) * units[u] for v, u in re.findall(r"(\d+)([a-z]+)", done.group(1))) if done else None
    uri = start_neo4j(BULK_DIR)
    try:
        with connect(uri, password=PASSWORD) as db:
            for label in files.labels:
                db.ensure_unique_id(label)
            db.run("CALL db.awaitIndexes(300)")
            seconds = time.perf_counter() - start
            nodes, rels, _, _ = count_database(db)
    finally:
        stop_neo4j(BULK_DIR)
    assert (nodes, rels) == (files.nodes, files.relationships), (nodes, rels, files.nodes, files.relationships)
    return {"nodes": nodes, "rels": rels, "seconds": seconds, "csv_s": csv_s, "import_s": import_s,
            "importer_s": importer_s}


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
    node_rows = [(_single_row(_node_query(*group)), row) for group, rows in sorted(node_groups.items()) for row in rows]
    edge_rows = [(_single_row(_edge_query(*group)), row) for group, rows in sorted(edge_groups.items()) for row in rows]
    for label in sorted({label for labels, _names in node_groups for label in labels}):
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

    neo4j_only = "--neo4j-only" in argv
    argv = [a for a in argv if a != "--neo4j-only"]
    n = int(argv[0]) if argv else 10_000
    print_machine(f"Neo4j and embedded load, graph of {n} cases")
    print(f"# load average before: {os.getloadavg()}", flush=True)
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
        stop_neo4j()
        b = bulk_load(g)
        rows.append({"engine": "neo4j", "loader": f"bulk, end to end: CSV {b['csv_s']:.1f} s + importer with its "
                     f"JVM {b['import_s']:.1f} s + server start and constraints", "kind": "bulk", "batch": None, "nodes": b["nodes"],
                     "rels": b["rels"], "seconds": b["seconds"], "nodes_s": None,
                     "rels_s": b["rels"] / b["seconds"], "rows_s": (b["nodes"] + b["rels"]) / b["seconds"],
                     "note": load_note()})
        if b["importer_s"]:
            rows.append({"engine": "neo4j", "loader": "bulk, the importer alone (its IMPORT DONE time)", "kind": "importer",
                         "batch": None,
                         "nodes": b["nodes"], "rels": b["rels"], "seconds": b["importer_s"], "nodes_s": None,
                         "rels_s": b["rels"] / b["importer_s"], "rows_s": (b["nodes"] + b["rels"]) / b["importer_s"],
                         "note": load_note()})
        print(f"# bulk: {b} ({load_note()})", flush=True)
        with connect() if not neo4j_only else _nothing() as db:
            if db is None:
                raise _Skip
            r = load_graph(db, g)
            t = r.timings
            secs = t["nodes"] + t["relationships"]
            rows.append({"engine": "falkordb (embedded)", "loader": "batched (project)", "batch": 10_000,
                         "nodes": r.sent_nodes, "rels": r.sent_relationships, "seconds": secs,
                         "nodes_s": r.sent_nodes / t["nodes"], "rels_s": r.sent_relationships / t["relationships"],
                         "rows_s": (r.sent_nodes + r.sent_relationships) / secs, "note": load_note()})
    except _Skip:
        pass
    finally:
        stop_neo4j()
    print()
    table(rows, [("engine", "engine", ""), ("loader", "loader", ""), ("batch", "batch", ","), ("nodes", "nodes", ","),
                 ("rels", "relationships", ","), ("seconds", "seconds", ",.1f"), ("nodes_s", "nodes/s", ",.0f"),
                 ("rels_s", "relationships/s", ",.0f"), ("rows_s", "rows/s", ",.0f"), ("note", "load avg", "")])
    batched = [r for r in rows if r["engine"] == "neo4j" and (r["batch"] or 0) > 1]
    best = max(batched, key=lambda r: r["rels_s"])
    default = next(r for r in batched if r["batch"] == 10_000)
    naive = next(r for r in rows if r["batch"] == 1)
    bulk = next(r for r in rows if r.get("kind") == "bulk")
    importer = next((r for r in rows if r.get("kind") == "importer"), bulk)
    print(f"\nrelationships/s: naive {naive['rels_s']:,.0f}; MERGE batch 10 000 {default['rels_s']:,.0f} "
          f"(×{default['rels_s'] / naive['rels_s']:.0f} naive), best batch {best['batch']:,} "
          f"{best['rels_s']:,.0f} (×{best['rels_s'] / naive['rels_s']:.0f}); bulk end to end {bulk['rels_s']:,.0f} "
          f"(×{bulk['rels_s'] / naive['rels_s']:.0f} naive, ×{bulk['rels_s'] / best['rels_s']:.1f} best MERGE), "
          f"importer alone {importer['rels_s']:,.0f} (×{importer['rels_s'] / naive['rels_s']:.0f} naive); "
          f"goals: MERGE 50 000 and ×100, bulk 200 000")
    print(f"# load average after: {os.getloadavg()}")


class _Skip(Exception):
    """The embedded engine was not asked for (--neo4j-only)."""


@contextmanager
def _nothing():
    yield None


if __name__ == "__main__":
    main(sys.argv[1:])
