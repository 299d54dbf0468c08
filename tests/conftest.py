"""Shared fixtures: the real graph (built once a session), the real loader output, and a
runner for the real ``samspil`` command line in a subprocess.

Personal data: the LÆS STJÆL FORTÆL cases name contact persons. Tests that look at
contacts compare them inside the test and assert on booleans and counts, so a failure
never prints a name, a phone number or an e-mail address.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
#: Seconds a single command may take before the test fails (building the graph takes ~2 s).
CLI_TIMEOUT = 120

#: Fixtures that reach a Neo4j server or a browser: a test that asks for one of them carries
#: the matching marker, so `-m "not neo4j and not browser"` leaves it out (the fast tier).
NEO4J_FIXTURES = frozenset({"neo4j", "neo4j_db", "neo4j_args", "neo4j_module", "neo4j_settings"})
BROWSER_FIXTURES = frozenset({"browser", "report", "live", "drawn"})


def pytest_configure(config: pytest.Config) -> None:
    """Built graphs are cached (samspil.graph.cache) in a folder of this run's own, never in the
    user's ~/.cache: the commands the tests run share it, and nothing outlives the run."""
    if "SAMSPIL_CACHE_DIR" not in os.environ:
        import tempfile

        os.environ["SAMSPIL_CACHE_DIR"] = tempfile.mkdtemp(prefix="samspil-test-cache-")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark tests by what they need: ``neo4j`` for a server fixture or an ``engine``/``db``
    parameter of "neo4j", ``browser`` for a Chromium fixture. Modules that start servers of
    their own mark themselves (``pytestmark``)."""
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        params = getattr(getattr(item, "callspec", None), "params", {})
        if names & NEO4J_FIXTURES or "neo4j" in params.values():
            item.add_marker(pytest.mark.neo4j)
        if names & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)


@dataclass(frozen=True)
class CliResult:
    """What one run of the command line did."""

    code: int
    out: str
    err: str

    def __iter__(self):  # (code, out, err) = run_cli(...)
        return iter((self.code, self.out, self.err))


def samspil_command() -> list[str]:
    """The installed console script next to this Python, else ``python -m samspil``."""
    script = Path(sys.executable).parent / "samspil"
    if script.exists():
        return [str(script)]
    found = shutil.which("samspil")
    return [found] if found else [sys.executable, "-m", "samspil"]


def run_samspil(*args: str | os.PathLike[str], cwd: str | os.PathLike[str] | None = None,
                timeout: float = CLI_TIMEOUT) -> CliResult:
    """Run ``samspil ARGS`` in a subprocess and return (exit code, stdout, stderr)."""
    env = dict(os.environ, PYTHONIOENCODING="utf-8", COLUMNS="160", NO_COLOR="1", TERM="dumb")
    proc = subprocess.run([*samspil_command(), *map(str, args)], cwd=cwd, env=env, capture_output=True,
                          timeout=timeout, text=True, encoding="utf-8", errors="replace")
    return CliResult(proc.returncode, proc.stdout, proc.stderr)


@pytest.fixture(scope="session")
def run_cli() -> Callable[..., CliResult]:
    """The real ``samspil`` command: ``code, out, err = run_cli("cases", "--json")``."""
    return run_samspil


def run_samspil_many(commands: dict[str, Sequence[str | os.PathLike[str]]], *,
                     cwd: str | os.PathLike[str] | None = None, timeout: float = CLI_TIMEOUT) -> dict[str, CliResult]:
    """Run several ``samspil`` commands at once (each its own process); name → result."""
    workers = min(len(commands), os.cpu_count() or 2, 8) or 1
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = {name: pool.submit(run_samspil, *args, cwd=cwd, timeout=timeout)
                   for name, args in commands.items()}
        return {name: f.result() for name, f in futures.items()}


@pytest.fixture(scope="session")
def run_cli_many() -> Callable[..., dict[str, CliResult]]:
    """``run_cli_many({"a": ("cases", "--json"), ...})``: the real command, several runs in parallel."""
    return run_samspil_many


def check_one_line_error(result: CliResult, *needles: str) -> str:
    """Assert a command failed the way a user should see it: exit code ≠ 0, one line on
    stderr starting with ``samspil: error:``, no traceback, nothing on stdout; and the
    line holds each of ``needles`` (a file name, ``:LINE``, a field). Returns the line."""
    lines = [x for x in result.err.splitlines() if x.strip()]
    assert result.code != 0, f"exit code 0; stderr: {result.err[-500:]}"
    assert "Traceback" not in result.err, result.err[-2000:]
    assert len(lines) == 1, f"expected one line on stderr, got {len(lines)}:\n{result.err[-2000:]}"
    line = lines[0]
    assert line.startswith("samspil: error: "), line
    for needle in needles:
        assert needle in line, f"{needle!r} not in {line!r}"
    assert result.out.strip() == "", result.out[-500:]
    return line


@pytest.fixture(scope="session")
def one_line_error() -> Callable[..., str]:
    """:func:`check_one_line_error`, as a fixture."""
    return check_one_line_error


@pytest.fixture(scope="session")
def lsf_path() -> Path:
    """The shipped text of LÆS STJÆL FORTÆL 2019."""
    from samspil.loaders import lsf2019

    return lsf2019.default_path()


@pytest.fixture(scope="session")
def lsf_lines(lsf_path) -> list[str]:
    """The raw lines of the shipped text (line n is ``lsf_lines[n - 1]``)."""
    return lsf_path.read_text(encoding="utf-8").split("\n")


@pytest.fixture(scope="session")
def lsf_cases():
    """The loader's records of the shipped text, read once a session."""
    from samspil.loaders import lsf2019

    return lsf2019.load()


@pytest.fixture(scope="session")
def case(lsf_cases):
    """``case(9)``: the record numbered 9."""
    by_number = {c.number: c for c in lsf_cases}
    return by_number.__getitem__


@pytest.fixture(scope="session")
def corpus():
    """The shipped corpus as ``samspil build`` reads it: LÆS STJÆL FORTÆL through the
    recogniser, the YAML seeds, and the shipped corrections applied."""
    from samspil.corpus.sources import load_corpus
    from samspil.corpus.curation import default_corrections_path, load_corrections

    return load_corpus(corrections=load_corrections([default_corrections_path()]))


@pytest.fixture(scope="session")
def graph(corpus):
    """The graph of the shipped corpus (what ``samspil.corpus.sources.default_graph()`` builds),
    built once a session. Do not modify it."""
    from samspil.graph.builder import build_graph

    return build_graph(corpus)


@pytest.fixture(scope="session")
def cli_case_views(run_cli) -> list[dict]:
    """The output of the real ``samspil cases --json``, parsed."""
    import json

    code, out, err = run_cli("cases", "--json")
    assert code == 0, err[-2000:]
    return json.loads(out)


@pytest.fixture(scope="session")
def built_outputs(run_cli, tmp_path_factory) -> tuple[Path, CliResult]:
    """The folder the real ``samspil build -o DIR`` wrote, and what the command printed."""
    out = tmp_path_factory.mktemp("build") / "out"
    result = run_cli("build", "-o", out)
    assert result.code == 0, result.err[-2000:]
    return out, result
