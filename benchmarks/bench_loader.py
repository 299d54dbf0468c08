#!/usr/bin/env python3
"""Loader throughput and graph build at 52 (the real 2019 collection), 1 000, 10 000 and
100 000 synthetic cases, with peak memory.

Every size runs in a child process of its own, so its peak resident memory (wait4's
ru_maxrss) is that of the whole pipeline at that size and nothing else. Steps:

  load        samspil.loaders.lsf2019.load: text → case records (the "loader")
  recognise   samspil.recognise.recogniser.recognise: records → actors, roles, spread
  build       samspil.graph.builder.build_graph: the networkx graph
  case view   samspil.graph.caseview.case_views: the JSON contract of `samspil cases --json`
  pipeline    load + recognise + build: what `samspil build --no-defaults --lsf ...` computes

Above 10 000 cases the recogniser runs on an evenly spread sample of 2 000 cases, its time
is multiplied out to all of them (it reads one case at a time, so its time per case does not
grow with the corpus), and the graph is built from the facts the generator planted (the
recogniser finds ~98% of them): so load, build, case view and memory are measured at full
size, the recogniser's share is an extrapolation, marked in the table.

cases/s is given on CPU seconds of the process (what one core does, whatever else the
machine runs) and on wall seconds (what a user waits, under the load average printed).
The YAML loader (samspil.loaders.structured) is measured at 1 000 and 10 000 cases.

Usage: benchmarks/bench_loader.py [SIZE ...]      (default: 52 1000 10000 100000)
       benchmarks/bench_loader.py --yaml [SIZE ...] (default: 1000 10000)
       benchmarks/bench_loader.py --profile SIZE    (cProfile of load and recognise, top 25)
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import Timer, child_spec, corpus, emit, print_machine, run_child, table  # noqa: E402


#: Above this many cases the recogniser runs on a sample of SAMPLE cases (its time per case is
#: measured and multiplied out) and the graph is built from the facts the generator planted:
#: recognising 100 000 cases takes more than an hour on this machine (see BENCHMARKS.md).
FULL_RECOGNISE_UP_TO = 10_000
SAMPLE = 2_000


def child(spec: dict) -> None:
    from samspil.core.records import Corpus
    from samspil.graph.builder import build_graph
    from samspil.graph.caseview import case_views
    from samspil.core.identity import Gazetteer
    from samspil.loaders import lsf2019, structured
    from samspil.recognise.recogniser import recognise

    n, fmt = spec["n"], spec.get("fmt", "lsf")
    paths = [lsf2019.default_path()] if spec.get("real") else corpus(n, fmt=fmt)
    t = Timer()
    with t.step("gazetteer"):
        gazetteer = Gazetteer.default()
    if fmt == "yaml":
        with t.step("load"):
            files = structured.load_files(paths)
        pairs = [pair for f in files for pair in f.cases]
        records = [r for r, _ in pairs]
    else:
        records = []
        with t.step("load"):
            for path in paths:
                records.extend(lsf2019.load(path, gazetteer=gazetteer))
        sample = spec.get("sample")
        if not sample or sample >= len(records):
            with t.step("recognise"):
                pairs = [(r, recognise(r, gazetteer=gazetteer)) for r in records]
        else:
            # The recogniser on an evenly spread sample (its time per case does not depend on
            # the corpus: it reads one case at a time), the facts planted by the generator
            # for the graph of all of them.
            step = len(records) / sample
            with t.step("recognise"):
                for i in range(sample):
                    recognise(records[int(i * step)], gazetteer=gazetteer)
            t.wall["recognise"] *= len(records) / sample
            t.cpu["recognise"] *= len(records) / sample
            truth = truth_facts(paths[0].parent / "truth.jsonl")
            pairs = [(r, truth[r.id]) for r in records]
    with t.step("build"):
        g = build_graph(Corpus(cases=pairs), gazetteer=gazetteer)
    with t.step("case view"):
        views = case_views(g)
    if not spec.get("real") and fmt == "lsf" and not spec.get("sample"):
        from _common import save_pairs

        save_pairs(n, pairs)  # for the other benchmarks (after every measurement)
    emit({"n": len(records), "bytes": sum(p.stat().st_size for p in paths), "files": len(paths),
          "nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "views": len(views),
          "wall": t.wall, "cpu": t.cpu})


def truth_facts(path: Path) -> dict:
    """What the generator planted in every case, as the facts the recogniser would give."""
    import json

    from samspil.core.records import ActorMention, CaseFacts, InspirationMention, SpreadMention

    facts = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            t = json.loads(line)
            facts[t["id"]] = CaseFacts(
                actors=[ActorMention(a["name"], a["kind"], a["role"], "", "synthetic") for a in t["actors"]],
                spread=[SpreadMention(s["to"], s["kind"], s["status"], "", s["year"], "synthetic") for s in t["spread"]],
                inspired_by=[InspirationMention(a["from"], a["kind"], "", "synthetic") for a in t["inspired_by"]],
                documented_effect=t["documented_effect"], themes=[t["theme"]])
    return facts


def profile(n: int) -> None:
    import cProfile
    import pstats

    from samspil.core.identity import Gazetteer
    from samspil.loaders import lsf2019
    from samspil.recognise.recogniser import recognise

    paths = [lsf2019.default_path()] if n == 52 else corpus(n)
    gazetteer = Gazetteer.default()
    prof = cProfile.Profile()
    prof.enable()
    records = [r for p in paths for r in lsf2019.load(p, gazetteer=gazetteer)]
    prof.disable()
    print(f"\n## cProfile: load, {n} cases (sorted by own time)")
    pstats.Stats(prof).sort_stats("tottime").print_stats(25)
    prof = cProfile.Profile()
    prof.enable()
    for r in records:
        recognise(r, gazetteer=gazetteer)
    prof.disable()
    print(f"\n## cProfile: recognise, {n} cases (sorted by own time)")
    pstats.Stats(prof).sort_stats("tottime").print_stats(25)
    print(f"\n## cProfile: recognise, {n} cases (sorted by cumulative time)")
    pstats.Stats(prof).sort_stats("cumtime").print_stats(25)


def main(argv: list[str]) -> None:
    spec = child_spec(argv)
    if spec is not None:
        return child(spec)
    if argv[:1] == ["--profile"]:
        print_machine("loader profile")
        return profile(int(argv[1]))
    fmt = "yaml" if argv[:1] == ["--yaml"] else "lsf"
    sizes = [int(a) for a in argv if a.isdigit()] or ([1000, 10000] if fmt == "yaml" else [52, 1000, 10000, 100000])
    print_machine(f"loader and graph build ({fmt})")
    rows = []
    for n in sizes:
        if fmt == "lsf" and n != 52:
            corpus(n)  # generated (once) outside the measured child
        sample = SAMPLE if n > FULL_RECOGNISE_UP_TO else None
        r = run_child(Path(__file__), {"n": n, "real": n == 52 and fmt == "lsf", "fmt": fmt, "sample": sample},
                      timeout=3 * 3600)
        if "error" in r:
            print(f"# {n}: {r['error']}")
            continue
        cpu, wall = r["cpu"], r["wall"]
        steps = ("load", "recognise", "build") if fmt == "lsf" else ("load", "build")
        note = " (real)" if n == 52 and fmt == "lsf" else (f" (recognise: {sample} sampled)" if sample else "")
        row = {"size": f"{n}{note}", "cases": r["n"],
               "kb_case": r["bytes"] / r["n"] / 1000,
               "load_cps_cpu": r["n"] / cpu["load"], "load_cps_wall": r["n"] / wall["load"],
               "recognise_cps_cpu": r["n"] / cpu["recognise"] if "recognise" in cpu else None,
               "build_s": wall["build"], "view_s": wall["case view"],
               "pipeline_cpu": sum(cpu[s] for s in steps), "pipeline_wall": sum(wall[s] for s in steps),
               "nodes": r["nodes"], "edges": r["edges"], "rss": r["max_rss_mib"]}
        row["pipeline_cps"] = r["n"] / row["pipeline_cpu"]
        rows.append(row)
        print(f"# {n}: " + ", ".join(f"{k} {wall[k]:.2f} s wall / {cpu[k]:.2f} s CPU" for k in wall), flush=True)
    print()
    table(rows, [("size", "cases", ""), ("kb_case", "kB/case", ".1f"), ("load_cps_cpu", "load cases/s (CPU)", ",.0f"),
                 ("load_cps_wall", "load cases/s (wall)", ",.0f"), ("recognise_cps_cpu", "recognise cases/s (CPU)", ",.0f"),
                 ("build_s", "build_graph s", ".2f"), ("view_s", "case view s", ".2f"),
                 ("pipeline_cpu", "pipeline s (CPU)", ",.1f"), ("pipeline_wall", "pipeline s (wall)", ",.1f"),
                 ("pipeline_cps", "pipeline cases/s (CPU)", ",.0f"), ("nodes", "nodes", ","), ("edges", "edges", ","),
                 ("rss", "peak RSS MiB", ",.0f")])
    if len(rows) > 1:
        a, b = rows[0], rows[-1]
        print(f"\nratio {b['size']} / {a['size']}: cases ×{b['cases'] / a['cases']:.0f}, pipeline CPU "
              f"×{b['pipeline_cpu'] / a['pipeline_cpu']:.0f}, peak RSS ×{b['rss'] / a['rss']:.1f}")


if __name__ == "__main__":
    main(sys.argv[1:])
