"""Every command-line option that reads a file answers bad files with one line (issue 15).

Each option is fed random bytes, text in a wrong encoding, a deeply nested document, a folder
and an empty file, through the real ``samspil`` command: every run ends with exit code 2 and
exactly one line on stderr that names the file — never a traceback, never "internal error".
The random bytes are drawn from a seeded generator, so a failure can be replayed.
"""

from __future__ import annotations

import random

import pytest

#: How each option is called, with {file} for the bad file; --no-defaults keeps runs quick.
OPTIONS = {
    "build --lsf": ("build", "--no-defaults", "--lsf", "{file}", "-o", "{out}"),
    "build --cases": ("build", "--no-defaults", "--cases", "{file}", "-o", "{out}"),
    "build --corrections": ("build", "--no-defaults", "--corrections", "{file}", "-o", "{out}"),
    "extract": ("extract", "{file}"),
    "candidates --weights": ("candidates", "--no-defaults", "--weights", "{file}"),
    "cypher --file": ("cypher", "--no-defaults", "--file", "{file}"),
    "sparql --file": ("sparql", "--file", "{file}", "ASK {{ ?s ?p ?o }}"),
    "validate": ("validate", "{file}"),
}


def _bad_files(folder) -> dict[str, object]:
    rng = random.Random(15)
    deep_flow = "a: " + "[" * 5000 + "]" * 5000 + "\n"
    deep_block = "".join("  " * i + "k:\n" for i in range(300))
    files = {
        "random-bytes": bytes(rng.getrandbits(8) for _ in range(4096)),
        "latin-1": "Tværgående samarbejde, Århus, Ærø og Ølstykke — søg på 'æøå'\n".encode("latin-1", "replace")
                   * 20 + b"\xe6\xf8\xe5\xff\n",
        "deep-flow": deep_flow.encode(),
        "deep-block": deep_block.encode(),
        "empty": b"",
    }
    paths = {}
    for name, data in files.items():
        path = folder / f"{name}.bad"
        path.write_bytes(data)
        paths[name] = path
    folder.joinpath("a-folder").mkdir()
    paths["folder"] = folder / "a-folder"
    return paths


@pytest.fixture(scope="module")
def runs(run_cli_many, tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad-files")
    files = _bad_files(folder)
    commands = {}
    for option, template in OPTIONS.items():
        for name, path in files.items():
            out = folder / f"out-{len(commands)}"
            commands[option, name] = [a.format(file=path, out=out) for a in template]
    return run_cli_many(commands, timeout=120), files


@pytest.mark.parametrize("option", OPTIONS)
@pytest.mark.parametrize("bad", ["random-bytes", "latin-1", "deep-flow", "deep-block", "empty", "folder"])
def test_a_bad_file_is_one_line_and_exit_2(runs, option, bad):
    results, files = runs
    result = results[option, bad]
    lines = result.err.strip().splitlines()
    assert "internal error" not in result.err and "Traceback" not in result.err, result.err[-600:]
    if result.code == 0 and bad in ("deep-flow", "deep-block", "empty") and option == "extract":
        pytest.skip("a free text may be anything")
    assert result.code == 2, (result.code, result.err[-600:])
    assert len(lines) == 1, result.err[-600:]
    assert files[bad].name in lines[0], lines[0]
