"""What every benchmark shares: the machine it ran on, a synthetic corpus on disk, timers,
and measuring one step in a child process (for its peak memory).

Not part of the test suite. Every script prints its figures and the machine, and stops by
itself; see BENCHMARKS.md for the figures and the commands that produced them.
"""

from __future__ import annotations

import json
import os
import platform
import shlex
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: Where generated corpora are kept between runs (the same seed gives the same files).
CACHE = Path(os.environ.get("SAMSPIL_BENCH_CACHE", "/tmp/samspil-bench"))
SEED = 1
PER_FILE = 1000


def machine() -> dict[str, object]:
    """nproc, CPU model, RAM, Python, load average now, the commit measured."""
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor() or platform.machine()
    ram_gib = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram_gib = round(int(line.split()[1]) / 2**20, 1)
    except OSError:
        pass
    try:
        commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True, check=False).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no", "samspil"],
                               capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        commit, dirty = "", ""
    return {"nproc": os.cpu_count(), "cpu": cpu, "ram_gib": ram_gib, "python": platform.python_version(),
            "load_average": tuple(round(x, 2) for x in os.getloadavg()),
            "commit": commit + ("+uncommitted changes in samspil/" if dirty else "")}


def print_machine(title: str) -> None:
    m = machine()
    print(f"# {title}")
    print(f"# machine: nproc={m['nproc']}, CPU {m['cpu']}, RAM {m['ram_gib']} GiB, Python {m['python']}, "
          f"load average {m['load_average'][0]} / {m['load_average'][1]} / {m['load_average'][2]} (1/5/15 min), "
          f"commit {m['commit']}")
    print(f"# command: {shlex.join([sys.executable.replace(str(ROOT) + '/', ''), *sys.argv])}", flush=True)


def load_note() -> str:
    """The load average, for a line printed next to a figure measured under other work."""
    one, five, _ = os.getloadavg()
    return f"load {one:.1f}/{five:.1f}"


def corpus(n: int, *, seed: int = SEED, fmt: str = "lsf") -> list[Path]:
    """The files of a synthetic corpus of ``n`` cases, generated once and kept in :data:`CACHE`."""
    from samspil.testing.synthetic_files import write_corpus

    ext = "txt" if fmt == "lsf" else "yaml"
    folder = CACHE / f"{fmt}-n{n}-s{seed}-p{PER_FILE}"
    done = folder / "COMPLETE"
    if not done.exists():
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob(f"*.{ext}"):
            old.unlink()
        target = folder if n > PER_FILE else folder / f"synth-s{seed}-0001.{ext}"
        write_corpus(n, seed, fmt, target, per_file=PER_FILE, truth=folder / "truth.jsonl")
        done.write_text("ok\n")
    return sorted(folder.glob(f"*.{ext}"))


@dataclass
class Timer:
    """Wall and CPU seconds of the steps of one run."""

    wall: dict[str, float] = field(default_factory=dict)
    cpu: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def step(self, name: str):
        w, c = time.perf_counter(), time.process_time()
        try:
            yield
        finally:
            self.wall[name] = self.wall.get(name, 0.0) + time.perf_counter() - w
            self.cpu[name] = self.cpu.get(name, 0.0) + time.process_time() - c


def run_child(script: Path, spec: dict, *, timeout: float = 3600) -> dict:
    """Run ``script --child SPEC`` and return its last JSON line plus ``max_rss_mib`` (its peak
    resident memory, from wait4) and ``wall_s`` (the whole child, start-up included)."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, str(script), "--child", json.dumps(spec)], stdout=subprocess.PIPE,
                            text=True, cwd=str(ROOT))
    deadline = start + timeout
    out_chunks: list[str] = []
    # Read stdout to the end (the child may print a lot), then reap it with its rusage.
    assert proc.stdout is not None
    for line in proc.stdout:
        out_chunks.append(line)
        if time.perf_counter() > deadline:
            proc.kill()
            break
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    lines = [x for x in "".join(out_chunks).splitlines() if x.startswith("{")]
    if proc.returncode != 0 or not lines:
        return {"error": f"child exited with {proc.returncode}", "spec": spec}
    result = json.loads(lines[-1])
    result["max_rss_mib"] = round(usage.ru_maxrss / 1024, 1)
    result["child_wall_s"] = round(time.perf_counter() - start, 2)
    return result


def child_spec(argv: list[str]) -> dict | None:
    """The spec a parent passed with ``--child``, or None when run by a person."""
    if len(argv) >= 2 and argv[0] == "--child":
        return json.loads(argv[1])
    return None


def emit(result: dict) -> None:
    """A child's result: one JSON line on stdout."""
    print(json.dumps(result), flush=True)


def table(rows: list[dict], columns: list[tuple[str, str, str]]) -> None:
    """Print rows as a Markdown table: columns are (key, heading, format)."""
    print("| " + " | ".join(h for _, h, _ in columns) + " |")
    print("|" + "|".join("---:" if f and f[-1] in "df%," else "---" for _, _, f in columns) + "|")
    for r in rows:
        cells = []
        for key, _, fmt in columns:
            v = r.get(key)
            cells.append("–" if v is None else (format(v, fmt) if fmt else str(v)))
        print("| " + " | ".join(cells) + " |", flush=True)


#: Up to this many cases the benchmark graph is built from what the recogniser finds; above,
#: from the facts the generator planted (recognising 100 000 cases takes over an hour here).
RECOGNISE_UP_TO = 10_000


def pairs_path(n: int, seed: int = SEED) -> Path:
    return CACHE / f"pairs-n{n}-s{seed}.pickle"


def save_pairs(n: int, pairs: list, seed: int = SEED) -> None:
    """Keep the (record, facts) pairs of a corpus the recogniser has read, for the other benchmarks."""
    import pickle

    path = pairs_path(n, seed)
    if not path.exists():
        tmp = path.with_suffix(".tmp")
        with tmp.open("wb") as fh:
            pickle.dump(pairs, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.rename(path)


def case_pairs(n: int, *, seed: int = SEED) -> tuple[list, str]:
    """(record, facts) of every case of the synthetic corpus of ``n`` cases, and how the facts
    were found: by the recogniser up to :data:`RECOGNISE_UP_TO` cases, else planted."""
    import pickle

    from samspil.core.identity import Gazetteer
    from samspil.loaders import lsf2019
    from samspil.recognise.recogniser import recognise

    paths = corpus(n, seed=seed)
    if n <= RECOGNISE_UP_TO:
        if pairs_path(n, seed).exists():
            with pairs_path(n, seed).open("rb") as fh:
                return pickle.load(fh), "recognised"
        gazetteer = Gazetteer.default()
        records = [r for p in paths for r in lsf2019.load(p, gazetteer=gazetteer)]
        pairs = [(r, recognise(r, gazetteer=gazetteer)) for r in records]
        save_pairs(n, pairs, seed)
        return pairs, "recognised"
    from bench_loader import truth_facts

    gazetteer = Gazetteer.default()
    records = [r for p in paths for r in lsf2019.load(p, gazetteer=gazetteer)]
    truth = truth_facts(paths[0].parent / "truth.jsonl")
    return [(r, truth[r.id]) for r in records], "planted facts"


def graph(n: int, *, seed: int = SEED, with_shipped: bool = False):
    """The Samspil graph of a synthetic corpus of ``n`` cases (plus the shipped sources, curated,
    when ``with_shipped``: their named queries' examples then find what they name), built once
    and kept pickled in :data:`CACHE`.

    Returns (graph, how its facts were found).
    """
    import pickle

    path = CACHE / f"graph-n{n}-s{seed}{'-shipped' if with_shipped else ''}.pickle"
    if path.exists():
        with path.open("rb") as fh:
            return pickle.load(fh)
    from samspil.core.records import Corpus
    from samspil.graph.builder import build_graph

    pairs, how = case_pairs(n, seed=seed)
    c = Corpus(cases=list(pairs))
    if with_shipped:
        from samspil.corpus.sources import load_corpus
        from samspil.corpus.curation import default_corrections_path, load_corrections

        shipped = load_corpus(corrections=load_corrections([default_corrections_path()]))
        c.cases.extend(shipped.cases)
        c.organisations.extend(shipped.organisations)
        how += " + the shipped sources"
    g = build_graph(c)
    tmp = path.with_suffix(".tmp")
    with tmp.open("wb") as fh:
        pickle.dump((g, how), fh, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.rename(path)
    return g, how
