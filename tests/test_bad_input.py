"""Bad input through the real command line (issue 8): ``extract``, corrections files,
combinations of ``--lsf``/``--cases``/``--corrections``, outputs that cannot be written, and
what every failure must leave behind: one line on stderr naming the file and the line or
field, exit code 2, nothing on stdout, no traceback, no output file touched.

The LÆS STJÆL FORTÆL loader's bad sources are in tests/test_lsf2019.py and the structured
case files' in tests/test_structured.py; this file covers what those do not. Every command
runs as a subprocess of the installed ``samspil`` script, most of them in parallel.

Decisions this file pins down (docs/reliability.md):

* A control character (U+0000–U+001F other than tab and line breaks), a lone surrogate or
  U+FFFE/U+FFFF in a source or a case file is refused with the file, line (and field):
  XML 1.0, so GraphML and GEXF, cannot hold one, not even escaped. A form feed or vertical
  tab in a text source is a page break and reads as a space.
* A free-text case in which no organisation is recognised is not an error: ``extract``
  prints a case view with no actors and exits 0, with a one-line warning on stderr.
"""

from __future__ import annotations

import codecs
import json
import os
import resource
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import pytest

from samspil.core.text import MAX_SOURCE_BYTES

try:  # tests/ as a package, or (pytest's default "prepend" mode) tests/ on sys.path
    from tests.conftest import CliResult, samspil_command
except ImportError:
    from conftest import CliResult, samspil_command

ROOT = Path(__file__).resolve().parent.parent
FREETEXT = ROOT / "samspil" / "data" / "devset" / "freetext" / "sommerlaesevenner-holstebro.txt"
SEED = ROOT / "samspil" / "data" / "cases" / "seed000-politisk-lederskab.yaml"
BIG = 200 * 10**6
OLD_OUTPUTS = ("samspil.json", "samspil.graphml", "samspil.gexf", "cases.json")


def run_measured(*args, timeout: float = 60, file_size_limit: int | None = None) -> tuple[CliResult, float, float]:
    """Run ``samspil ARGS``; return (result, wall seconds, peak memory of that process in MB).

    ``file_size_limit`` sets RLIMIT_FSIZE in the child: a write past it fails with EFBIG,
    as on a full disk (Python ignores SIGXFSZ).
    """
    env = dict(os.environ, PYTHONIOENCODING="utf-8", COLUMNS="160", NO_COLOR="1", TERM="dumb")

    def limit() -> None:
        if file_size_limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_size_limit, file_size_limit))

    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.monotonic()
        proc = subprocess.Popen([*samspil_command(), *map(str, args)], env=env, stdout=out, stderr=err,
                                preexec_fn=limit)
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)  # the rusage of this child alone
        finally:
            timer.cancel()
        seconds = time.monotonic() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        result = CliResult(proc.returncode, out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"))
    assert seconds < timeout, f"killed after {timeout} s: samspil {' '.join(map(str, args))}"
    return result, seconds, usage.ru_maxrss / 1024


def _sparse(path: Path, size: int = BIG, head: bytes = b"") -> Path:
    """A file of ``size`` bytes that takes no disk space (a hole after ``head``)."""
    with path.open("wb") as fh:
        fh.write(head)
        fh.truncate(size)
    return path


def _write_files(folder: Path, files: dict[str, bytes | str | None], suffix: str) -> dict[str, Path]:
    """name → content (None: leave the file missing) written as ``folder/name.suffix``."""
    paths = {}
    for name, data in files.items():
        path = paths[name] = folder / f"{name}{suffix}"
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        elif data is not None:
            path.write_bytes(data)
    return paths


def _old_outputs(folder: Path) -> dict[str, str]:
    folder.mkdir(parents=True, exist_ok=True)
    old = {name: f"old {name}\n" for name in OLD_OUTPUTS}
    for name, text in old.items():
        (folder / name).write_text(text, encoding="utf-8")
    return old


def _contents(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in folder.iterdir()}


# ------------------------------------------------------------------ extract: bad files

#: name → (file content, or None for a missing file; what the error says besides the path)
EXTRACT_BAD: dict[str, tuple[bytes | None, tuple[str, ...]]] = {
    "missing": (None, ("no such file",)),
    "empty": (b"", ("empty",)),
    "blank": (b"\n \t\r\n\n", ("empty",)),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", (":3:", "binary")),
    "latin-1": ("Spisevenner\n\nVejen Kommune og Ældre Sagen.\n".encode("latin-1"), (":3:", "not UTF-8", "iconv")),
    "utf-16-no-bom": ("Spisevenner\n\nVejen Kommune og Ældre Sagen.\n".encode("utf-16-le"), ("binary",)),
    "control-character": ("Spisevenner\n\nVejen \x1b[31mKommune og Ældre Sagen.\n".encode(),
                          (":3:", "control character (U+001B)", "column 7")),
    "title-only": ("Spisevenner\n".encode(), (":1:", "no description")),
    "200MB": (b"", ("MB", "split")),  # written sparse below
}


@pytest.fixture(scope="module")
def extract_bad_runs(run_cli_many, tmp_path_factory):
    folder = tmp_path_factory.mktemp("extract-bad")
    paths = _write_files(folder, {name: data for name, (data, _) in EXTRACT_BAD.items()}, ".txt")
    _sparse(paths["200MB"], head="Spisevenner\n\nVejen Kommune.\n".encode())
    results = run_cli_many({name: ("extract", path, "--json") for name, path in paths.items()}, timeout=60)
    return {name: (results[name], paths[name]) for name in paths}


@pytest.mark.parametrize("name", list(EXTRACT_BAD))
def test_extract_bad_file_is_one_line_error(one_line_error, extract_bad_runs, name):
    result, path = extract_bad_runs[name]
    one_line_error(result, str(path), *EXTRACT_BAD[name][1])
    assert result.code == 2


def test_extract_reads_a_text_with_no_title_line_and_says_so(run_cli, tmp_path):
    """Issue 14: a first line that is a long sentence is read, not refused: its first sentence
    is the title, the line stays text, and one warning line says what was guessed."""
    text = tmp_path / "no-title-line.txt"
    first = ("Vejen Kommune startede i 2019 spisegrupper for ensomme ældre sammen med Ældre Sagen, og "
             "grupperne mødes nu hver uge i alle byens forsamlingshuse, på plejecentrene og i de tre "
             "idrætsforeninger, som har lånt deres lokaler ud. Mere end 200 ældre er med.")
    text.write_text(first + "\n\nMere tekst.\n", encoding="utf-8")
    result = run_cli("extract", text, "--format", "json")
    assert result.code == 0, result.err
    view = json.loads(result.out)
    # the first sentence is itself longer than a title may be: cut at a word, and marked
    assert view["title"].startswith("Vejen Kommune startede i 2019 spisegrupper") and view["title"].endswith(" …")
    assert len(view["title"]) <= 202
    assert {a["name"] for a in view["actors"]} >= {"Vejen Kommune", "Ældre Sagen"}
    warnings = [line for line in result.err.splitlines() if line.strip()]
    assert len(warnings) == 1 and warnings[0].startswith("samspil: warning:") and "first sentence" in warnings[0]


def test_extract_reads_an_html_paste(run_cli, tmp_path):
    page = tmp_path / "side.html"
    page.write_text("<nav>Forside &gt; Nyheder</nav><h1>Spisevenner i Vejen</h1><p>Del på Facebook</p>"
                    "<p>Vejen Kommune startede i 2019 spisegrupper sammen med <b>Ældre Sagen</b>.</p>",
                    encoding="utf-8")
    result = run_cli("extract", page, "--format", "json")
    assert result.code == 0, result.err
    view = json.loads(result.out)
    assert view["title"] == "Spisevenner i Vejen"
    assert [(a["name"], a["role"]) for a in view["actors"]] == [("Vejen Kommune", "owner"), ("Ældre Sagen", "partner")]
    assert "read as HTML" in result.err


def test_extract_refuses_200_mb_at_once_in_little_memory(tmp_path, one_line_error):
    """The size is checked before the file is read: no time, no memory spent on it."""
    path = _sparse(tmp_path / "big.txt", head=b"Spisevenner\n\nVejen Kommune.\n")
    result, seconds, peak_mb = run_measured("extract", path, "--json")
    one_line_error(result, str(path), f"{BIG / 1e6:.0f} MB", f"{MAX_SOURCE_BYTES // 2**20} MiB")
    assert peak_mb < 150, f"{peak_mb:.0f} MB of memory for a refused file"
    assert seconds < 20


# ------------------------------------------------------------------ extract: other encodings read the same

def _variants(text: str) -> dict[str, bytes]:
    return {
        "utf-8-bom": codecs.BOM_UTF8 + text.encode(),
        "utf-16-le-bom": text.encode("utf-16"),  # native order (little-endian here) with its BOM
        "utf-16-be-bom": codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
        "crlf": text.replace("\n", "\r\n").encode(),
        "cr": text.replace("\n", "\r").encode(),
        "form-feeds": text.replace("\n\n", "\n\f\n").encode(),  # page breaks of a PDF conversion
    }


@pytest.fixture(scope="module")
def encoded_files(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("extract-encoded")
    files = {}
    for name, data in _variants(FREETEXT.read_text(encoding="utf-8")).items():
        path = files[name] = folder / name / FREETEXT.name
        path.parent.mkdir()
        path.write_bytes(data)
    return files


@pytest.mark.parametrize("name", list(_variants("x")))
def test_extract_reads_other_encodings_and_line_endings_the_same(encoded_files, name):
    from samspil.graph.extract import extract_file

    view = extract_file(encoded_files[name])
    assert view["actors"], "the sample names organisations"
    assert view == extract_file(FREETEXT)


def test_extract_command_reads_utf_16_with_windows_line_endings(run_cli, tmp_path):
    """The same through the command line, both at once: UTF-16 (big-endian, with its BOM) and CRLF."""
    from samspil.graph.extract import extract_file

    text = FREETEXT.read_text(encoding="utf-8").replace("\n", "\r\n")
    path = tmp_path / FREETEXT.name
    path.write_bytes(codecs.BOM_UTF16_BE + text.encode("utf-16-be"))
    code, out, err = run_cli("extract", path, "--json")
    assert code == 0 and err == "", err[-1000:]
    assert json.loads(out) == extract_file(FREETEXT)


def test_extract_with_no_recognisable_organisation_is_not_an_error(run_cli, tmp_path):
    """Poor input, not bad input: a case view with no actors, exit 0."""
    path = tmp_path / "ingen.txt"
    path.write_text("Læsecafé\n\nNogle frivillige og lokale virksomheder startede en læsecafé.\n", encoding="utf-8")
    code, out, err = run_cli("extract", path, "--json")
    assert code == 0, err
    view = json.loads(out)
    assert view["title"] == "Læsecafé" and view["actors"] == [] and view["spread"] == []
    assert "Traceback" not in err


def test_extract_warns_when_it_recognises_no_organisation(run_cli, tmp_path):
    path = tmp_path / "ingen.txt"
    path.write_text("Læsecafé\n\nNogle frivillige og lokale virksomheder startede en læsecafé.\n", encoding="utf-8")
    code, out, err = run_cli("extract", path, "--json")
    assert code == 0 and json.loads(out)["actors"] == []
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("samspil: warning: ") and str(path) in lines[0]


# ------------------------------------------------------------------ case files: what test_structured.py does not try

GOOD_YAML = """\
format: 1
source:
  id: mine
  title: Mine cases
cases:
  - id: mine-01
    title: Spisevenner
    year: 2020
    themes: [aeldre]
    nominators: [Vejen Kommune]
    actors:
      - name: Vejen Kommune
        kind: municipality
        role: owner
"""


def _yaml(old: str, new: str) -> str:
    assert old in GOOD_YAML, old
    return GOOD_YAML.replace(old, new, 1)


#: name → (file text, what the error says besides the path)
CASES_BAD: dict[str, tuple[str, tuple[str, ...]]] = {
    "control-character-escape": (_yaml("- name: Vejen Kommune", '- name: "Vejen\\aKommune"'),
                                 ("field cases[0].actors[0].name", "control character (U+0007)", "position 6")),
    "ansi-escape-in-title": (_yaml("title: Spisevenner", 'title: "\\e[31mSpisevenner"'),
                             (":6:", "field cases[0].title", "U+001B")),
    "lone-surrogate": (_yaml("title: Mine cases", 'title: "Mine \\ud800 cases"'),
                       ("field source.title", "lone surrogate (U+D800)")),
    "raw-control-character": (_yaml("title: Spisevenner", "title: Spise\x07venner"), (":7:", "U+0007")),
    "theme-not-text": (_yaml("themes: [aeldre]", "themes: [aeldre, {name: sundhed}]"),
                       ("field cases[0].themes[1]", "expected text, got dict")),
    "nominator-not-text": (_yaml("nominators: [Vejen Kommune]", "nominators: [[Vejen Kommune]]"),
                           ("field cases[0].nominators[0]", "expected text, got list")),
    "unknown-keys-of-two-types": (_yaml("    year: 2020\n", "    year: 2020\n    1: x\n    farve: blå\n"),
                                  ("field cases[0].1", "unknown field")),
    "truncated-in-a-quote": (_yaml("title: Spisevenner", 'title: "Spisevenner i Vejen"').split(" i Vejen")[0],
                             (":7:", "not valid YAML")),
    "truncated-in-a-case": (GOOD_YAML.split("        role: owner")[0].replace("municipality", "munic"),
                            ("field cases[0].actors[0].kind", "'munic' is not one of")),
    "alias-bomb": ("format: 1\n" + "".join(
        f"{k}: &{k} [{', '.join([f'*{p}'] * 9) if p else ', '.join(['lol'] * 9)}]\n"
        for p, k in zip(["", *"abcdefgh"], "abcdefghi"))
        + "source: {id: bomb, title: *i}\n", ("field source.title", "expected str")),
}


@pytest.fixture(scope="module")
def cases_bad_runs(run_cli_many, tmp_path_factory):
    folder = tmp_path_factory.mktemp("cases-bad")
    paths = _write_files(folder, {name: text for name, (text, _) in CASES_BAD.items()}, ".yaml")
    commands = {name: ("build", "--no-defaults", "--cases", path, "-o", folder / f"out-{name}")
                for name, path in paths.items()}
    good = folder / "good.yaml"
    good.write_text(GOOD_YAML, encoding="utf-8")
    paths["same-file-twice"] = good
    commands["same-file-twice"] = ("build", "--no-defaults", "--cases", good, "--cases", good,
                                   "-o", folder / "out-same-file-twice")
    clash = folder / "clash.yaml"
    clash.write_text(_yaml("id: mine-01", "id: seed000-ligevaegt"), encoding="utf-8")
    paths["id-of-a-shipped-case"] = clash
    commands["id-of-a-shipped-case"] = ("build", "--cases", clash, "-o", folder / "out-id-of-a-shipped-case")
    results = run_cli_many(commands, timeout=60)
    return {name: (results[name], paths[name], folder / f"out-{name}") for name in commands}


CASES_MORE = {
    "same-file-twice": ("field cases[0].id", "duplicate case id 'mine-01'", "first used at"),
    "id-of-a-shipped-case": ("field cases[0].id", "duplicate case id 'seed000-ligevaegt'", "seed000-politisk-lederskab.yaml:"),
}


@pytest.mark.parametrize("name", [*CASES_BAD, *CASES_MORE])
def test_cases_bad_file_is_one_line_error_and_writes_nothing(one_line_error, cases_bad_runs, name):
    result, path, out = cases_bad_runs[name]
    needles = CASES_BAD[name][1] if name in CASES_BAD else CASES_MORE[name]
    line = one_line_error(result, str(path), *needles)
    assert result.code == 2 and not out.exists()
    assert len(line) < 400, "a message stays short however big the value it names"


def test_yaml_tags_run_no_code(run_cli, one_line_error, tmp_path):
    """A Python tag in a case file or a corrections file is refused, and nothing runs."""
    marker = tmp_path / "ran"
    tag = f"!!python/object/apply:os.system ['touch {marker}']"
    cases = tmp_path / "tag.yaml"
    cases.write_text(_yaml("title: Mine cases", f"title: {tag}"), encoding="utf-8")
    corrections = tmp_path / "tag-corrections.yaml"
    corrections.write_text(f"format: 1\ncorrections:\n  - op: remove\n    name: {tag}\n    reason: x\n", encoding="utf-8")
    one_line_error(run_cli("cases", "--no-defaults", "--cases", cases, "--json"), str(cases), "not valid YAML")
    one_line_error(run_cli("cases", "--no-defaults", "--cases", SEED, "--corrections", corrections, "--json"),
                   str(corrections), "not valid YAML")
    assert not marker.exists()


# ------------------------------------------------------------------ corrections files

CORRECTION = "format: 1\ncorrections:\n  - op: remove\n    case: seed000-ligevaegt\n    name: Kolding Kommune\n    reason: test\n"

#: name → (file content, or None for a missing file; what the error says besides the path)
CORRECTIONS_BAD: dict[str, tuple[bytes | None, tuple[str, ...]]] = {
    "missing": (None, ("no such file",)),
    "empty": (b"", ("empty",)),
    "binary": (b"format: 1\n\x00\x01", (":2:", "binary")),
    "latin-1": (CORRECTION.replace("test", "årsag").encode("latin-1"), (":6:", "not UTF-8")),
    "control-character": (CORRECTION.replace("test", "te\x1bst").encode(), (":6:", "U+001B")),
    "not-yaml": (CORRECTION.replace("reason: test", "reason: [test").encode(), ("not valid YAML",)),
    "not-a-mapping": (b"- op: remove\n", ("expected a mapping",)),
    "unknown-op": (CORRECTION.replace("op: remove", "op: delete").encode(), (":3:", "field corrections[0].op", "delete")),
    "no-reason": (CORRECTION.replace("    reason: test\n", "").encode(), (":3:", "field corrections[0].reason", "missing")),
    "unknown-field": (CORRECTION.replace("reason: test", "reason: test\n    colour: red").encode(),
                      (":3:", "field corrections[0].colour", "unknown field")),
    "bad-kind": (CORRECTION.replace("op: remove", "op: kind").replace("    case: seed000-ligevaegt\n", "")
                 .replace("reason", "kind: kommune\n    reason").encode(), ("field corrections[0].kind", "kommune")),
}


@pytest.fixture(scope="module")
def corrections_bad_runs(run_cli_many, tmp_path_factory):
    folder = tmp_path_factory.mktemp("corrections-bad")
    paths = _write_files(folder, {name: data for name, (data, _) in CORRECTIONS_BAD.items()}, ".yaml")
    commands = {name: ("build", "--no-defaults", "--cases", SEED, "--corrections", path, "-o", folder / f"out-{name}")
                for name, path in paths.items()}
    results = run_cli_many(commands, timeout=60)
    return {name: (results[name], paths[name], folder / f"out-{name}") for name in commands}


@pytest.mark.parametrize("name", list(CORRECTIONS_BAD))
def test_corrections_bad_file_is_one_line_error_and_writes_nothing(one_line_error, corrections_bad_runs, name):
    result, path, out = corrections_bad_runs[name]
    one_line_error(result, str(path), *CORRECTIONS_BAD[name][1])
    assert result.code == 2 and not out.exists()


def test_a_good_correction_applies(run_cli, tmp_path):
    path = tmp_path / "good.yaml"
    path.write_text(CORRECTION, encoding="utf-8")
    code, out, err = run_cli("cases", "--no-defaults", "--cases", SEED, "--corrections", path, "--json")
    assert code == 0 and err == "", err
    [ligevaegt] = [v for v in json.loads(out) if v["id"] == "seed000-ligevaegt"]
    assert "Kolding Kommune" not in [a["name"] for a in ligevaegt["actors"]]


MISTYPED_CORRECTIONS = {
    "name-is-a-list": ("op: remove", "op: add", "name: Kolding Kommune", "name: [Kolding Kommune]\n    kind: municipality\n    role: partner"),
    "spread-to-is-a-mapping": ("op: remove", "op: spread", "name: Kolding Kommune",
                               "to: {name: Vejen Kommune}\n    kind: municipality\n    status: adopted"),
}


@pytest.mark.parametrize("name", list(MISTYPED_CORRECTIONS))
def test_mistyped_correction_field_is_one_line_error(run_cli, one_line_error, tmp_path, name):
    a, b, c, d = MISTYPED_CORRECTIONS[name]
    path = tmp_path / f"{name}.yaml"
    path.write_text(CORRECTION.replace(a, b).replace(c, d), encoding="utf-8")
    one_line_error(run_cli("cases", "--no-defaults", "--cases", SEED, "--corrections", path, "--json"),
                   str(path), "field corrections[0].")


def test_duplicate_key_in_a_correction_is_refused(run_cli, one_line_error, tmp_path):
    path = tmp_path / "dup.yaml"
    path.write_text(CORRECTION.replace("name: Kolding Kommune", "name: Kolding Kommune\n    name: Vejen Kommune"),
                    encoding="utf-8")
    one_line_error(run_cli("cases", "--no-defaults", "--cases", SEED, "--corrections", path, "--json"),
                   str(path), "duplicate key")


def test_200_mb_corrections_file_is_refused_up_front(tmp_path, one_line_error):
    path = _sparse(tmp_path / "big.yaml", head=b"format: 1\ncorrections: []\n")
    result, seconds, peak_mb = run_measured("cases", "--no-defaults", "--cases", SEED, "--corrections", path, "--json")
    one_line_error(result, str(path), "MB")
    assert peak_mb < 150


# ------------------------------------------------------------------ combinations: the failing file is named, outputs untouched

@pytest.fixture(scope="module")
def combination_runs(run_cli_many, tmp_path_factory, lsf_cases, lsf_lines):
    """Each combination through one of the commands that build the graph (they share the
    code that reads the sources), every output already there from an earlier run."""
    folder = tmp_path_factory.mktemp("combinations")
    bad_cases = folder / "bad-cases.yaml"
    bad_cases.write_text(_yaml("year: 2020", "year: tyve"), encoding="utf-8")
    bad_corrections = folder / "bad-corrections.yaml"
    bad_corrections.write_text(CORRECTION.replace("op: remove", "op: delete"), encoding="utf-8")
    good_lsf = folder / "first-three.txt"  # the first three cases of the 2019 text: a good, small source
    good_lsf.write_text("\n".join(lsf_lines[: lsf_cases[2].line_end]), encoding="utf-8")
    truncated = folder / "truncated.txt"
    truncated.write_text("\n".join(lsf_lines[:400]), encoding="utf-8")
    good = folder / "good.yaml"
    good.write_text(GOOD_YAML, encoding="utf-8")
    combinations = {
        # name: (command, sources, the file the error must name)
        "good-lsf-bad-cases": ("build", ("--no-defaults", "--lsf", good_lsf, "--cases", bad_cases), bad_cases),
        "bad-lsf-good-cases": ("export", ("--no-defaults", "--cases", good, "--lsf", truncated), truncated),
        "defaults-and-bad-cases": ("cases", ("--cases", good, "--cases", bad_cases), bad_cases),
        "good-cases-bad-corrections": ("map", ("--no-defaults", "--cases", good, "--corrections", bad_corrections),
                                       bad_corrections),
        "bad-corrections-on-export": ("export", ("--no-defaults", "--lsf", good_lsf, "--corrections",
                                                 bad_corrections), bad_corrections),
    }
    commands = {}
    for name, (command, sources, _) in combinations.items():
        where = folder / name
        _old_outputs(where / "out")
        (where / "graph.json").write_text("old export\n", encoding="utf-8")
        (where / "map.html").write_text("old map\n", encoding="utf-8")
        commands[name] = {"build": ("build", *sources, "-o", where / "out"),
                          "export": ("export", *sources, "-o", where / "graph.json"),
                          "cases": ("cases", *sources, "--json"),
                          "map": ("map", "network", *sources, "-o", where / "map.html")}[command]
    return combinations, folder, run_cli_many(commands, timeout=120)


@pytest.mark.parametrize("name", ["good-lsf-bad-cases", "bad-lsf-good-cases", "defaults-and-bad-cases",
                                  "good-cases-bad-corrections", "bad-corrections-on-export"])
def test_combination_names_the_bad_file_and_touches_no_output(one_line_error, combination_runs, name):
    combinations, folder, results = combination_runs
    one_line_error(results[name], str(combinations[name][2]))
    where = folder / name
    assert _contents(where / "out") == {n: f"old {n}\n" for n in OLD_OUTPUTS}
    assert (where / "graph.json").read_text(encoding="utf-8") == "old export\n"
    assert (where / "map.html").read_text(encoding="utf-8") == "old map\n"
    assert sorted(p.name for p in where.iterdir()) == ["graph.json", "map.html", "out"], "no temporary file left"


# ------------------------------------------------------------------ outputs that cannot be written

def test_an_output_in_the_way_is_one_line_error(run_cli, one_line_error, tmp_path):
    out = tmp_path / "out"
    (out / "samspil.gexf").mkdir(parents=True)
    one_line_error(run_cli("build", "--no-defaults", "--cases", SEED, "-o", out), str(out / "samspil.gexf"),
                   "cannot write")
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    target = tmp_path / "a-file" / "graph.json"
    one_line_error(run_cli("export", "--no-defaults", "--cases", SEED, "-o", target), str(target), "cannot write")


def test_a_full_disk_is_one_line_error_and_leaves_the_old_file(tmp_path, one_line_error):
    """RLIMIT_FSIZE makes the write fail half way, as a full disk does."""
    target = tmp_path / "graph.json"
    target.write_text("old export\n", encoding="utf-8")
    result, _, _ = run_measured("export", "--no-defaults", "--cases", SEED, "-o", target, file_size_limit=2000)
    one_line_error(result, str(target), "cannot write", "too large")
    assert target.read_text(encoding="utf-8") == "old export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.json"], "the temporary file is removed"


def test_build_that_fails_half_way_leaves_every_old_output(tmp_path, one_line_error):
    out = tmp_path / "out"
    old = _old_outputs(out)
    # samspil.json of this file is ~6 kB, samspil.graphml ~10 kB: the second write fails.
    result, _, _ = run_measured("build", "--no-defaults", "--cases", SEED, "-o", out, file_size_limit=8000)
    one_line_error(result, "cannot write", "too large")
    assert _contents(out) == old
