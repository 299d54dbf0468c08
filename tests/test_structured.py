"""Structured (YAML) case files: the shipped seeds, the documented example in
docs/case-format.md, and bad files through the real command line (issues 2 and 8)."""

from __future__ import annotations

import codecs
import json
import re
from pathlib import Path

import pytest

from samspil.core.errors import InputError
from samspil.loaders import structured

DOC = Path(__file__).resolve().parent.parent / "docs" / "case-format.md"

GOOD = """\
format: 1
source:
  id: my-cases
  title: Mine cases
cases:
  - id: my-case-1
    title: Spisevenner
    year: 2020
    nominators: [Vejen Kommune]
    actors:
      - name: Vejen Kommune
        kind: municipality
        role: owner
"""


def _mutate(old: str, new: str, text: str = GOOD) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


# ------------------------------------------------------------------ the shipped seed files

@pytest.fixture(scope="module")
def seeds():
    return {f.source.id: f for f in structured.load_files(structured.default_files())}


def test_four_seed_files_with_their_sources(seeds):
    assert sorted(seeds) == ["seed000-politisk-lederskab", "seed001-region-hovedstaden", "seed003-norske-tips",
                             "seed004-find-og-forstoer"]
    paths = {sid: f.source.path for sid, f in seeds.items()}
    assert paths["seed000-politisk-lederskab"].startswith("000_")
    assert paths["seed001-region-hovedstaden"].startswith("001_")
    assert paths["seed003-norske-tips"].startswith("003_")
    assert paths["seed004-find-og-forstoer"].startswith("004_")
    for f in seeds.values():
        assert f.source.title
        for record, _ in f.cases:
            assert record.id.startswith(f.source.id.split("-")[0] + "-"), record.id
            assert record.source == f.source and record.layout == "structured"


def test_the_seed_cases_design_md_names(seeds):
    def owners(source_id: str) -> dict[str, set[str]]:
        return {r.title: {a.name for a in facts.actors if a.role == "owner"} for r, facts in seeds[source_id].cases}

    s0 = owners("seed000-politisk-lederskab")
    assert s0["Ligevægt"] == {"Kolding Kommune"}
    assert s0["Det syddanske overvægtsinitiativ"] == {"Region Syddanmark"}
    titles3 = [r.title for r, _ in seeds["seed003-norske-tips"].cases]
    assert any("TELMA" in t for t in titles3) and "Demenslandsbyen Carpe Diem" in titles3
    assert "Open Transport Data" in titles3
    s4 = [(r.number, {a.name for a in facts.actors}) for r, facts in seeds["seed004-find-og-forstoer"].cases]
    assert [n for n, _ in s4] == [1, 2, 3, 4]
    assert "Rudersdal Kommune" in s4[0][1] and "Frederikssund Kommune" in s4[1][1]
    assert "Region Sjælland" in s4[2][1]
    assert {"Odsherred Kommune", "Steno Diabetes Center Sjælland"} <= s4[3][1]
    assert "Region Hovedstaden" in {o.name for o in seeds["seed001-region-hovedstaden"].organisations}


def test_seed_case_ids_are_unique_and_numbers_run_from_1(seeds):
    ids = [r.id for f in seeds.values() for r, _ in f.cases]
    assert len(ids) == len(set(ids)) == 10
    for f in seeds.values():
        assert [r.number for r, _ in f.cases] == list(range(1, len(f.cases) + 1))


# ------------------------------------------------------------------ loading, in process

def test_a_good_file_loads(tmp_path):
    path = tmp_path / "good.yaml"
    path.write_text(GOOD, encoding="utf-8")
    [f] = structured.load_files([path])
    assert f.source.id == "my-cases" and f.source.path == "good.yaml"
    [(record, facts)] = f.cases
    assert (record.id, record.title, record.year, record.nominators) == ("my-case-1", "Spisevenner", 2020,
                                                                         ["Vejen Kommune"])
    assert [(a.name, a.kind, a.role, a.method) for a in facts.actors] == [
        ("Vejen Kommune", "municipality", "owner", "structured")]


def test_the_kind_a_file_gives_a_nominator_is_kept(tmp_path):
    """A nominator's kind comes from its actor entry, not from a guess on its name."""
    from samspil.graph.builder import build_corpus_graph

    text = _mutate("    nominators: [Vejen Kommune]\n", "    nominators: [Innovation Silkeborg]\n")
    text = _mutate("      - name: Vejen Kommune\n        kind: municipality\n",
                   "      - name: Innovation Silkeborg\n        kind: company\n", text)
    path = tmp_path / "kind.yaml"
    path.write_text(text, encoding="utf-8")
    [(record, _)] = structured.load_file(path).cases
    assert record.nominator_kinds == {"Innovation Silkeborg": "company"}
    g = build_corpus_graph([], [path], defaults=False)
    kinds = {d["kind"] for _, d in g.nodes(data=True) if d.get("name") == "Innovation Silkeborg"}
    assert kinds == {"company"}


@pytest.mark.parametrize("encode", [
    pytest.param(lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), id="utf-8-bom"),
    pytest.param(lambda t: t.encode("utf-16"), id="utf-16-bom"),
    pytest.param(lambda t: t.replace("\n", "\r\n").encode("utf-8"), id="crlf"),
])
def test_other_encodings_load_the_same(tmp_path, encode):
    plain, other = tmp_path / "plain.yaml", tmp_path / "other.yaml"
    plain.write_text(GOOD, encoding="utf-8")
    other.write_bytes(encode(GOOD))
    a, b = structured.load_file(plain), structured.load_file(other, seen_ids={})
    assert [(r.id, r.title, r.year, r.nominators) for r, _ in a.cases] == \
           [(r.id, r.title, r.year, r.nominators) for r, _ in b.cases]


#: name → (file text, (line, field, words of the message)) for the in-process checks.
BAD_YAML = {
    "missing-title": (_mutate("    title: Spisevenner\n", ""), (6, "cases[0].title", "missing")),
    "missing-source": (_mutate("source:\n  id: my-cases\n  title: Mine cases\n", ""), (1, "source", "missing")),
    "missing-actor-kind": (_mutate("        kind: municipality\n", ""), (11, "cases[0].actors[0].kind", "missing")),
    "mistyped-year": (_mutate("year: 2020", 'year: "twenty"'), (6, "cases[0].year", "expected int")),
    "year-bool": (_mutate("year: 2020", "year: true"), (6, "cases[0].year", "expected int")),
    "year-out-of-range": (_mutate("year: 2020", "year: 20200"), (6, "cases[0].year", "not a year")),
    "mistyped-actors": (_mutate("    actors:\n      - name: Vejen Kommune\n        kind: municipality\n"
                                "        role: owner\n", "    actors: Vejen Kommune\n"),
                        (6, "cases[0].actors", "expected list")),
    "unknown-field": (_mutate("    year: 2020\n", "    year: 2020\n    colour: blue\n"),
                      (6, "cases[0].colour", "unknown field")),
    "unknown-top-field": (GOOD + "extra: 1\n", (1, "extra", "unknown field")),
    "bad-kind": (_mutate("kind: municipality", "kind: kommune"), (11, "cases[0].actors[0].kind", "not one of")),
    "bad-role": (_mutate("role: owner", "role: boss"), (11, "cases[0].actors[0].role", "not one of")),
    "bad-prize": (_mutate("    year: 2020\n", "    year: 2020\n    prize: best\n"), (6, "cases[0].prize", "not one of")),
    "bad-id": (_mutate("id: my-case-1", "id: My Case"), (6, "cases[0].id", "not an id")),
    "bad-lines": (_mutate("    year: 2020\n", "    year: 2020\n    lines: [3]\n"), (6, "cases[0].lines", "[first, last]")),
    "nominator-not-actor": (_mutate("[Vejen Kommune]", "[Kolding Kommune]"),
                            (6, "cases[0].nominators", "not among the case's actors")),
    "case-not-mapping": (_mutate("cases:\n", "cases:\n  - just a title\n"), (None, "cases[0]", "expected a mapping")),
    "top-not-mapping": ("- a\n- b\n", (None, None, "expected a mapping")),
    "format-2": ("format: 2\n" + GOOD.split("\n", 1)[1], (1, "format", "not supported")),
    "duplicate-key": (_mutate("    year: 2020\n", "    year: 2020\n    title: Igen\n"), (9, None, "duplicate key 'title'")),
    "duplicate-id": (GOOD + GOOD[GOOD.index("  - id: my-case-1"):], (14, "cases[1].id", "duplicate case id")),
    "bad-syntax": (_mutate("title: Mine cases", "title: [Mine cases"), (5, None, "not valid YAML")),
    "tab-indent": (_mutate("    title: Spisevenner", "\ttitle: Spisevenner"), (7, None, "not valid YAML")),
    "python-tag": (_mutate("title: Mine cases", "title: !!python/object/apply:os.system ['true']"),
                   (4, None, "not valid YAML")),
}


@pytest.mark.parametrize("name", sorted(BAD_YAML))
def test_bad_file_raises_input_error_with_file_line_and_field(tmp_path, name):
    text, (line, field, words) = BAD_YAML[name]
    path = tmp_path / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        structured.load_files([path])
    error = info.value
    assert error.path == str(path)
    assert (error.line, error.field) == (line, field), str(error)
    assert words in error.message, str(error)


def test_duplicate_id_across_two_files(tmp_path):
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    a.write_text(GOOD, encoding="utf-8")
    b.write_text(_mutate("id: my-cases", "id: other-cases"), encoding="utf-8")
    with pytest.raises(InputError) as info:
        structured.load_files([a, b])
    assert info.value.path == str(b) and info.value.field == "cases[0].id"
    assert f"first used at {a}:6" in info.value.message


# ------------------------------------------------------------------ bad files through the real command line

CLI_BAD = {
    "missing-title": ("cases[0].title", "missing"),
    "mistyped-year": ("cases[0].year", "expected int", "'twenty'"),
    "unknown-field": ("cases[0].colour", "unknown field"),
    "bad-syntax": (":5:", "not valid YAML"),
    "duplicate-id": (":14:", "cases[1].id", "duplicate case id 'my-case-1'"),
    "duplicate-key": (":9:", "duplicate key"),
    "bad-kind": ("cases[0].actors[0].kind", "kommune"),
    "nominator-not-actor": ("cases[0].nominators", "Kolding Kommune"),
}


@pytest.fixture(scope="module")
def bad_yaml_runs(run_cli_many, tmp_path_factory):
    """Every bad file (and a few more) through ``samspil build --no-defaults --cases BAD -o OUT``."""
    folder = tmp_path_factory.mktemp("bad-yaml")
    files: dict[str, tuple[list[Path], tuple[str, ...]]] = {}
    for name, needles in CLI_BAD.items():
        path = folder / f"{name}.yaml"
        path.write_text(BAD_YAML[name][0], encoding="utf-8")
        files[name] = ([path], needles)
    a, b = folder / "first.yaml", folder / "second.yaml"
    a.write_text(GOOD, encoding="utf-8")
    b.write_text(_mutate("id: my-cases", "id: other-cases"), encoding="utf-8")
    files["duplicate-id-across-files"] = ([a, b], (str(b) + ":6", "duplicate case id", f"first used at {a}:6"))
    for name, data, needles in [
        ("empty", b"", ("empty",)),
        ("binary", b"format: 1\n\x00\x01\x02", ("binary", ":2:")),
        ("latin-1", GOOD.replace("Spisevenner", "Spisevenner på Højen").encode("latin-1"), ("not UTF-8", ":7:")),
    ]:
        path = folder / f"{name}.yaml"
        path.write_bytes(data)
        files[name] = ([path], needles)
    files["missing"] = ([folder / "no-such.yaml"], ("no such file",))
    big = folder / "big.yaml"
    with big.open("wb") as fh:
        line = b"# " + b"x" * 1022 + b"\n"
        fh.write(line * (200 * 1024))  # 200 MiB of comments
    files["200MB"] = ([big], ("MB", "split"))
    commands = {}
    outs = {}
    for name, (paths, _) in files.items():
        outs[name] = folder / f"out-{name}"
        args: list = ["build", "--no-defaults"]
        for p in paths:
            args += ["--cases", p]
        commands[name] = (*args, "-o", outs[name])
    results = run_cli_many(commands, timeout=60)
    return {name: (results[name], outs[name], files[name][0], files[name][1]) for name in files}


@pytest.mark.parametrize("name", [*CLI_BAD, "duplicate-id-across-files", "empty", "binary", "latin-1", "missing",
                                  "200MB"])
def test_cli_bad_case_file_is_one_line_error_and_writes_nothing(one_line_error, bad_yaml_runs, name):
    result, out, paths, needles = bad_yaml_runs[name]
    one_line_error(result, str(paths[-1]), *needles)
    assert result.code == 2
    assert not out.exists()


def test_cli_good_file_builds(run_cli, tmp_path):
    path = tmp_path / "good.yaml"
    path.write_text(GOOD, encoding="utf-8")
    code, out, err = run_cli("cases", "--no-defaults", "--cases", path, "--json")
    assert code == 0, err[-2000:]
    [view] = json.loads(out)
    assert (view["id"], view["title"], view["year"], view["nominators"]) == ("my-case-1", "Spisevenner", 2020,
                                                                             ["Vejen Kommune"])
    assert view["actors"] == [{"name": "Vejen Kommune", "kind": "municipality", "role": "owner", "evidence": ""}]


# ------------------------------------------------------------------ docs/case-format.md tells the truth

def _blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)


@pytest.fixture(scope="module")
def doc_runs(run_cli_many, tmp_path_factory):
    """The documented example, and the documented mistakes, run as the document runs them."""
    folder = tmp_path_factory.mktemp("doc")
    [example] = _blocks("yaml")
    (folder / "my-cases.yaml").write_text(example, encoding="utf-8")
    mistakes = {"twenty": ("    year: 2019\n", '    year: "twenty"\n'),
                "titel": ("    title: Sommerlæsevenner\n", "    titel: Sommerlæsevenner\n"),
                "maybe": ("status: interested", "status: maybe")}
    commands = {"json": ("cases", "--no-defaults", "--cases", "my-cases.yaml", "--json"),
                "build": ("build", "--no-defaults", "--cases", "my-cases.yaml", "-o", "out-mine")}
    for name, (old, new) in mistakes.items():
        sub = folder / name
        sub.mkdir()
        (sub / "my-cases.yaml").write_text(_mutate(old, new, example), encoding="utf-8")
        commands[name] = ("build", "--cases", sub / "my-cases.yaml", "-o", sub / "out")
    return folder, run_cli_many(commands, cwd=folder)  # the document shows relative paths


def test_doc_example_loads_and_its_case_view_is_the_documented_one(doc_runs):
    _, runs = doc_runs
    code, out, err = runs["json"]
    assert code == 0, err[-2000:]
    documented = json.loads(_blocks("json")[0])
    assert json.loads(out) == documented


def test_doc_example_build_summary_is_the_documented_one(doc_runs):
    folder, runs = doc_runs
    code, out, err = runs["build"]
    assert code == 0, err[-2000:]
    text = DOC.read_text(encoding="utf-8")
    assert out.strip() in text
    assert sorted(p.name for p in (folder / "out-mine").iterdir()) == ["cases.json", "samspil.gexf", "samspil.graphml",
                                                                      "samspil.json", "samspil.ttl"]


@pytest.mark.parametrize("name", ["twenty", "titel", "maybe"])
def test_doc_error_messages_are_the_real_ones(doc_runs, one_line_error, name):
    folder, runs = doc_runs
    line = one_line_error(runs[name], str(folder / name / "my-cases.yaml"))
    documented = line.replace(str(folder / name / "my-cases.yaml"), "my-cases.yaml")
    assert documented in DOC.read_text(encoding="utf-8")


def test_doc_lists_every_field_the_loader_reads():
    """Every key the loader asks for is documented as a table row."""
    import inspect

    source = inspect.getsource(structured)
    keys = set(re.findall(r"""\.(?:get|text|choice|year|items)\(\s*"([a-z][a-z_]*)\"""", source))
    text = DOC.read_text(encoding="utf-8")
    missing = sorted(k for k in keys if f"| `{k}` |" not in text)
    assert keys and not missing, missing


@pytest.mark.parametrize(("extra", "grade", "documented"), [
    ("    effect:\n      grade: satisfaction\n      evidence: \"Børnene er glade for det.\"\n", "satisfaction", False),
    ("    documented_effect: true\n", "measured", True),
    ("", "none", False),
])
def test_effect_grade_and_the_older_flag(tmp_path, extra, grade, documented):
    path = tmp_path / "e.yaml"
    path.write_text(GOOD.replace("    year: 2020\n", "    year: 2020\n" + extra + "    barriers: [\"Reglerne står i vejen.\"]\n"),
                    encoding="utf-8")
    [(_, facts)] = structured.load_files([path])[0].cases
    assert (facts.effect_grade, facts.documented_effect, facts.barriers) == (grade, documented,
                                                                             ["Reglerne står i vejen."])


@pytest.mark.parametrize("extra", [
    "    effect:\n      grade: huge\n",
    "    effect:\n      evidence: x\n",
    "    effect:\n      grade: measured\n    documented_effect: true\n",
])
def test_bad_effect_is_an_input_error(tmp_path, extra):
    path = tmp_path / "e.yaml"
    path.write_text(GOOD.replace("    year: 2020\n", "    year: 2020\n" + extra), encoding="utf-8")
    with pytest.raises(InputError, match="effect"):
        structured.load_files([path])
