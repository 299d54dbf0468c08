#!/usr/bin/env python3
"""Analytics at 10 000 and 100 000 cases: the collaboration projection, betweenness (networkx,
igraph, rustworkx), brokers, communities (networkx Louvain, igraph multilevel) and the
Find & Forstør candidates.

Betweenness:
  networkx   networkx.betweenness_centrality, what network.betweenness(backend="networkx")
             runs. When a full run would take longer than NX_BUDGET_S (judged from a run on
             NX_SAMPLE sources), the figure is that run multiplied out to every source
             (networkx's own k-source estimate costs k/n of the full run): "extrapolated".
  igraph     network.betweenness(backend="igraph"): python-igraph's exact betweenness (C),
             built into the library and its default when igraph imports.
  rustworkx  rustworkx.betweenness_centrality (Rust, parallel over the machine's cores),
             through register_betweenness_backend.
Agreement: exact values of the three backends against each other (largest absolute
difference, and the overlap of the top 20) on the 1 000-case projection and at every size
where networkx runs in full; communities: modularity of both partitions and their NMI.

Candidates: samspil.queries.candidates.rank_candidates, with the case records (texts) up to
10 000 cases, on the graph alone above; in a child process stopped after
CANDIDATES_BUDGET_S seconds (600; env SAMSPIL_BENCH_CANDIDATES_BUDGET_S), reported as
"did not finish" then.

Usage: benchmarks/bench_analytics.py [N ...]       (default: 10000 100000)
       benchmarks/bench_analytics.py --candidates [N ...]   (only rank_candidates)
       benchmarks/bench_analytics.py --projection-betweenness [N ...]
           (only the projection and betweenness: no brokers, communities, candidates)
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import case_pairs, graph, load_note, print_machine, table  # noqa: E402

NX_BUDGET_S = 240.0
NX_SAMPLE = 64
#: rank_candidates runs in a child process stopped after this many seconds (default 600;
#: SAMSPIL_BENCH_CANDIDATES_BUDGET_S changes it): the goal is 30 s at 100 000 cases.
CANDIDATES_BUDGET_S = float(os.environ.get("SAMSPIL_BENCH_CANDIDATES_BUDGET_S", "600"))
TOP = 20


# -- backends ------------------------------------------------------------------------------

def _index(graph):
    nodes = list(graph)
    return nodes, {n: i for i, n in enumerate(nodes)}


def _normalise(values, n: int, normalized: bool) -> list[float]:
    """networkx's scale for an undirected graph: pairs counted once, then 2 / ((n-1)(n-2))."""
    if normalized and n > 2:
        scale = 2.0 / ((n - 1) * (n - 2))
        return [v * scale for v in values]
    return list(values)


def rustworkx_betweenness(graph, normalized: bool):
    import rustworkx as rx

    nodes, index = _index(graph)
    h = rx.PyGraph()
    h.add_nodes_from(range(len(nodes)))
    h.add_edges_from_no_data([(index[u], index[v]) for u, v in graph.edges()])
    raw = rx.graph_betweenness_centrality(h, normalized=False)  # every pair once, like igraph
    return dict(zip(nodes, _normalise([raw[i] for i in range(len(nodes))], len(nodes), normalized)))


def register_backends() -> list[str]:
    """The backends to time besides networkx: igraph (built into the library) and rustworkx
    (registered here), each when it imports."""
    from samspil.queries.analytics.network import register_betweenness_backend

    names = []
    for name, func, module in (("igraph", None, "igraph"), ("rustworkx", rustworkx_betweenness, "rustworkx")):
        try:
            __import__(module)
        except ImportError:
            print(f"# {module} is not installed: skipped")
            continue
        if func is not None:
            register_betweenness_backend(name, func)
        names.append(name)
    return names


def agreement(a: dict, b: dict) -> tuple[float, int]:
    diff = max(abs(a[n] - b[n]) for n in a) if a else 0.0
    top_a = set(sorted(a, key=lambda n: (-a[n], n))[:TOP])
    top_b = set(sorted(b, key=lambda n: (-b[n], n))[:TOP])
    return diff, len(top_a & top_b)


# -- the run ---------------------------------------------------------------------------------

class Seconds(float):
    """Wall seconds, with the process's CPU seconds beside them (``.cpu``; rustworkx uses
    both cores, so its CPU time can exceed its wall time)."""

    cpu: float | None = None

    def __new__(cls, wall: float, cpu: float | None = None):
        self = super().__new__(cls, wall)
        self.cpu = cpu
        return self


def clock(func, *args, **kwargs):
    start, start_cpu = time.perf_counter(), time.process_time()
    result = func(*args, **kwargs)
    return result, Seconds(time.perf_counter() - start, time.process_time() - start_cpu)


def budgeted(func, *args, **kwargs) -> tuple[int | None, float]:
    """(len(func(...)) or None, seconds): run in a forked child (it shares the graph without
    copying it) that is stopped after CANDIDATES_BUDGET_S seconds; None if it was stopped."""
    import multiprocessing as mp

    ctx = mp.get_context("fork")
    parent_end, child_end = ctx.Pipe(duplex=False)

    def work() -> None:
        start = time.perf_counter()
        result = func(*args, **kwargs)
        child_end.send((len(result), time.perf_counter() - start))

    start = time.perf_counter()
    proc = ctx.Process(target=work)
    proc.start()
    if parent_end.poll(CANDIDATES_BUDGET_S):
        n, seconds = parent_end.recv()
        proc.join()
        return n, seconds
    proc.kill()
    proc.join()
    return None, time.perf_counter() - start


def networkx_betweenness_timed(c) -> tuple[dict | None, float, bool]:
    """(values or None, seconds, extrapolated?)"""
    import networkx as nx

    n = c.number_of_nodes()
    k = min(NX_SAMPLE, n)
    _, sample_s = clock(nx.betweenness_centrality, c, k=k, seed=1)
    estimate = Seconds(sample_s * n / k, sample_s.cpu * n / k)
    if estimate > NX_BUDGET_S:
        return None, estimate, True
    values, seconds = clock(nx.betweenness_centrality, c)
    return values, seconds, False


def run_size(n: int, backends: list[str], rows: list[dict], checks: list[dict], *,
             candidates_only: bool = False, projection_betweenness_only: bool = False) -> None:
    import igraph as ig
    import networkx as nx

    from samspil.queries import candidates
    from samspil.queries.analytics import network

    g, how = graph(n)
    pairs, _ = case_pairs(n) if n <= 10_000 and not projection_betweenness_only else (None, None)
    print(f"# {n} cases: {g.number_of_nodes():,} nodes, {g.number_of_edges():,} edges ({how}; {load_note()})",
          flush=True)

    def row(step: str, backend: str, seconds: float, note: str = "") -> None:
        cpu = getattr(seconds, "cpu", None)
        rows.append({"cases": n, "step": step, "backend": backend, "seconds": seconds, "cpu": cpu, "note": note,
                     "load": load_note()})
        print(f"#   {step} [{backend}]: {seconds:.2f} s" + (f" ({cpu:.2f} s CPU)" if cpu is not None else "")
              + f" {note} ({load_note()})", flush=True)

    if candidates_only:
        return run_candidates(g, pairs, row)

    c, s = clock(network.collaboration_graph, g)
    row("projection (collaboration_graph)", "networkx", s, f"{c.number_of_nodes():,} actors, {c.number_of_edges():,} ties")

    values: dict[str, dict] = {}
    nx_values, s, extrapolated = networkx_betweenness_timed(c)
    row("betweenness", "networkx", s, f"extrapolated from {NX_SAMPLE} sources" if extrapolated else "")
    if nx_values is not None:
        values["networkx"] = nx_values
    for backend in backends:
        values[backend], s = clock(network.betweenness, c, backend=backend)
        row("betweenness", backend, s)
    names = sorted(values)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            diff, overlap = agreement(values[a], values[b])
            checks.append({"cases": n, "what": f"betweenness {a} vs {b}", "max_abs_diff": f"{diff:.2e}",
                           "top": f"{overlap}/{TOP}"})
    if projection_betweenness_only:
        return

    fastest = min(backends, key=lambda b: next(r["seconds"] for r in rows[::-1]
                                              if r["cases"] == n and r["backend"] == b and r["step"] == "betweenness"))
    _, s = clock(network.brokers, g, backend=fastest)
    row("brokers (betweenness + brokerage roles)", fastest, s)

    communities, s = clock(network.communities, g)
    row("communities (Louvain)", "networkx", s, f"{len(communities)} communities")
    nodes, index = _index(c)
    h = ig.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v in c.edges()], directed=False)
    h.es["weight"] = [d["weight"] for _, _, d in c.edges(data=True)]
    multilevel, s = clock(h.community_multilevel, weights="weight")
    row("communities (multilevel)", "igraph", s, f"{len(multilevel)} communities")
    nx_groups = nx.community.louvain_communities(c, weight="weight", seed=0)
    membership = [0] * len(nodes)
    for k, group in enumerate(nx_groups):
        for node in group:
            membership[index[node]] = k
    checks.append({"cases": n, "what": "communities networkx vs igraph",
                   "max_abs_diff": f"modularity {h.modularity(membership, weights='weight'):.3f} vs "
                                   f"{multilevel.modularity:.3f}",
                   "top": f"NMI {ig.compare_communities(membership, multilevel.membership, method='nmi'):.3f}"})

    run_candidates(g, pairs, row)


def run_candidates(g, pairs, row) -> None:
    from samspil.queries import candidates

    records = {r.id: r for r, _ in pairs} if pairs else {}
    ranked, s = budgeted(candidates.rank_candidates, g, records=records)
    if ranked is None:
        row("candidates (rank_candidates)", "networkx", s, f"stopped after {s:.0f} s (budget {CANDIDATES_BUDGET_S:.0f} s): "
            "did not finish" + ("" if records else "; records={} (graph only)"))
    else:
        row("candidates (rank_candidates)", "networkx", s, f"{ranked:,} cases ranked"
            + ("" if records else "; records={} (graph only)"))


def main(argv: list[str]) -> None:
    candidates_only = "--candidates" in argv
    projection_betweenness_only = "--projection-betweenness" in argv
    sizes = [int(a) for a in argv if a.isdigit()] or [10_000, 100_000]
    print_machine("analytics")
    if candidates_only:
        cand_rows: list[dict] = []
        for n in sizes:
            run_size(n, [], cand_rows, [], candidates_only=True)
        print()
        table(cand_rows, [("cases", "cases", ","), ("step", "step", ""), ("seconds", "seconds", ",.2f"), ("note", "note", ""),
                     ("load", "load avg", "")])
        return
    backends = register_backends()
    rows: list[dict] = []
    checks: list[dict] = []
    # Exact agreement of the three betweenness backends on a graph networkx does in full.
    from samspil.queries.analytics import network

    c = network.collaboration_graph(graph(1000)[0])
    exact = {"networkx": network.betweenness(c)}
    for b in backends:
        exact[b] = network.betweenness(c, backend=b)
    for b in backends:
        diff, overlap = agreement(exact["networkx"], exact[b])
        checks.append({"cases": 1000, "what": f"betweenness networkx vs {b}", "max_abs_diff": f"{diff:.2e}",
                       "top": f"{overlap}/{TOP}"})
    for n in sizes:
        run_size(n, backends, rows, checks, projection_betweenness_only=projection_betweenness_only)
    print()
    table(rows, [("cases", "cases", ","), ("step", "step", ""), ("backend", "backend", ""),
                 ("seconds", "seconds", ",.2f"), ("cpu", "CPU s", ",.2f"), ("note", "note", ""),
                 ("load", "load avg", "")])
    print()
    table(checks, [("cases", "cases", ","), ("what", "agreement", ""), ("max_abs_diff", "largest difference", ""),
                   ("top", f"top {TOP} overlap / NMI", "")])
    for n in sizes:
        bt = {r["backend"]: r for r in rows if r["cases"] == n and r["step"] == "betweenness"}
        if "networkx" in bt:
            for b in backends:
                print(f"{n} cases: betweenness networkx / {b}: ×{bt['networkx']['seconds'] / bt[b]['seconds']:,.0f}"
                      + (" (networkx extrapolated)" if bt["networkx"]["note"] else ""))


if __name__ == "__main__":
    main(sys.argv[1:])
