"""Exports (JSON node-link, GraphML, GEXF, Turtle) read back by other parsers, written atomically,
and without personal data by default (issue 2; issue 8's atomic outputs)."""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
import rdflib

from samspil.core import atomic
from samspil.graph.outputs import write_outputs
from samspil.core.errors import SamspilError
from samspil.graph.exports import FORMATS, ExportFormat, export_graph, format_for
from samspil.linked_data import SP

SUFFIXES = ("json", "graphml", "gexf")


def read_back(path: Path) -> nx.MultiDiGraph:
    """An export read back with networkx's own readers."""
    if path.suffix == ".json":
        return nx.node_link_graph(json.loads(path.read_text(encoding="utf-8")), edges="edges")
    if path.suffix == ".graphml":
        return nx.read_graphml(path, force_multigraph=True)
    return nx.read_gexf(path)


def xml_counts(path: Path) -> tuple[int, int]:
    """(nodes, edges) counted with a plain XML parser, not networkx."""
    root = ET.parse(path).getroot()
    local = [el.tag.rsplit("}", 1)[-1] for el in root.iter()]
    return local.count("node"), local.count("edge")


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp") or p.name.startswith("."))


@pytest.fixture(scope="module")
def exported(graph, tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("exports")
    return {s: export_graph(graph, folder / f"samspil.{s}") for s in SUFFIXES}


# ------------------------------------------------------------------ read back, in process

@pytest.mark.parametrize("suffix", SUFFIXES)
def test_export_reads_back_with_the_same_nodes_and_edges(graph, exported, suffix):
    g = read_back(exported[suffix])
    assert g.is_directed() and g.is_multigraph()
    assert (g.number_of_nodes(), g.number_of_edges()) == (graph.number_of_nodes(), graph.number_of_edges())
    assert set(g.nodes) == set(graph.nodes)
    assert sorted((u, v) for u, v in g.edges()) == sorted((u, v) for u, v in graph.edges())


@pytest.mark.parametrize("suffix", ["graphml", "gexf"])
def test_xml_exports_count_the_same_with_a_plain_xml_parser(graph, exported, suffix):
    assert xml_counts(exported[suffix]) == (graph.number_of_nodes(), graph.number_of_edges())


def test_gexf_edges_are_valid_gexf(exported):
    """<edge type> may only be a direction (GEXF 1.2 schema); Gephi reads the rest as attributes."""
    root = ET.parse(exported["gexf"]).getroot()
    graph_element = next(el for el in root.iter() if el.tag.endswith("}graph"))
    assert graph_element.get("defaultedgetype") == "directed"
    edges = [el for el in root.iter() if el.tag.endswith("}edge")]
    assert edges and all(el.get("type", "directed") in ("directed", "undirected", "mutual") for el in edges)
    assert all(el.get("source") and el.get("target") and el.get("id") for el in edges)
    assert len({el.get("id") for el in edges}) == len(edges)


def test_json_keeps_every_attribute(graph, exported):
    g = read_back(exported["json"])
    node = g.nodes["municipality-0621"]
    assert (node["name"], node["labels"], node["kind"], node["sector"]) == (
        "Kolding Kommune", ["Actor", "Municipality"], "municipality", "public")
    assert set(g.edges(keys=True)) == set(graph.edges(keys=True))
    for u, v, k, d in graph.edges(keys=True, data=True):
        back = g.edges[u, v, k]
        assert {x: back[x] for x in ("type", "case", "evidence", "method")} == \
               {x: d[x] for x in ("type", "case", "evidence", "method")}


@pytest.mark.parametrize("suffix", ["graphml", "gexf"])
def test_gephi_exports_carry_names_labels_and_provenance(graph, exported, suffix):
    g = read_back(exported[suffix])
    kolding = g.nodes["municipality-0621"]
    assert kolding["name"] == kolding["label"] == "Kolding Kommune"
    assert kolding["labels"] == ":Actor:Municipality"
    # GEXF's own edge "type" is the direction, so the relationship type travels as "relationship"
    rel = "type" if suffix == "graphml" else "relationship"
    types = {d[rel] for _, _, d in g.edges(data=True)}
    assert types == {d["type"] for _, _, d in graph.edges(data=True)}
    for _, _, d in g.edges(data=True):
        assert d["label"] == d[rel] and d["method"] and d["evidence"]
    nominated = [d for u, v, d in g.edges(data=True) if d[rel] == "NOMINATED" and v == "lsf2019-15"]
    assert len(nominated) == 9 and {d["case"] for d in nominated} == {"lsf2019-15"}


def test_json_export_is_byte_stable(graph, exported, tmp_path):
    again = export_graph(graph, tmp_path / "again.json")
    assert again.read_bytes() == exported["json"].read_bytes()


def test_format_from_suffix_or_name():
    assert format_for("a/b.GEXF").name == "gexf"
    assert format_for("x.out", "graphml").name == "graphml"
    for bad in ("x.xyz", "noext", "x.json.bak"):
        with pytest.raises(SamspilError, match="cannot tell the export format"):
            format_for(bad)
    with pytest.raises(SamspilError, match="unknown export format 'foo'"):
        format_for("x.json", "foo")


# ------------------------------------------------------------------ atomic writing

@pytest.fixture
def failing_format(monkeypatch):
    """Make the named serialiser raise half-way (after producing part of its output)."""

    def make(name: str) -> None:
        real = FORMATS[name]

        def serialise(g):
            real.serialise(g)  # the work is done ...
            raise RuntimeError("disk on fire")  # ... and then it fails

        monkeypatch.setitem(FORMATS, name, ExportFormat(real.name, real.suffixes, serialise, real.description))

    return make


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_failing_serialiser_leaves_the_old_file_and_no_temp_file(graph, tmp_path, failing_format, suffix):
    target = tmp_path / f"samspil.{suffix}"
    target.write_text("old content\n")
    failing_format(suffix)
    with pytest.raises(RuntimeError, match="disk on fire"):
        export_graph(graph, target)
    assert target.read_text() == "old content\n"
    assert leftovers(tmp_path) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]


def test_failing_write_half_way_leaves_the_old_file_and_no_temp_file(graph, tmp_path, monkeypatch):
    """The failure comes after bytes went into the temporary file (fsync raises)."""
    target = tmp_path / "samspil.json"
    target.write_text("old content\n")
    seen = []

    def broken_fsync(fd):
        seen.append(os.fstat(fd).st_size)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", broken_fsync)
    with pytest.raises((OSError, SamspilError), match="No space left"):
        export_graph(graph, target)
    assert seen and seen[0] > 1000  # the temporary file really was half-written
    assert target.read_text() == "old content\n"
    assert leftovers(tmp_path) == []


def test_failing_export_to_a_new_path_creates_nothing(graph, tmp_path, failing_format):
    failing_format("gexf")
    with pytest.raises(RuntimeError):
        export_graph(graph, tmp_path / "new.gexf")
    assert list(tmp_path.iterdir()) == []


def test_build_outputs_failing_half_way_leave_no_temp_file_and_the_failed_file_old(graph, tmp_path, failing_format):
    out = tmp_path / "out"
    out.mkdir()
    names = ("samspil.json", "samspil.graphml", "samspil.gexf", "cases.json")
    for name in names:
        (out / name).write_text(f"old {name}\n")
    failing_format("gexf")
    with pytest.raises(RuntimeError):
        write_outputs(graph, out)
    assert leftovers(out) == []
    assert sorted(p.name for p in out.iterdir()) == sorted(names)
    assert (out / "samspil.gexf").read_text() == "old samspil.gexf\n"
    assert (out / "cases.json").read_text() == "old cases.json\n"


def test_build_outputs_are_all_new_or_all_old(graph, tmp_path, failing_format):
    out = tmp_path / "out"
    out.mkdir()
    names = ("samspil.json", "samspil.graphml", "samspil.gexf", "cases.json")
    for name in names:
        (out / name).write_text(f"old {name}\n")
    failing_format("gexf")
    with pytest.raises(RuntimeError):
        write_outputs(graph, out)
    assert {name: (out / name).read_text() for name in names} == {name: f"old {name}\n" for name in names}


# ------------------------------------------------------------------ personal data

def _contact_details(lsf_cases) -> list[str]:
    found = [c for case in lsf_cases for c in case.contacts]
    return [x for c in found for x in (c.email, c.phone) if x]


def test_default_exports_hold_no_contact_details(exported, lsf_cases):
    details = _contact_details(lsf_cases)
    assert len(details) >= 100
    for path in exported.values():
        text = path.read_text(encoding="utf-8")
        leaked = sum(1 for x in details if x in text)
        assert leaked == 0, f"{path.name}: {leaked} contact details"
        assert not re.search(r"[\w.+-]+@[\w-]+\.(dk|com|org|net|no)\b", text), f"{path.name}: an e-mail address"


def test_contact_details_only_when_asked(corpus, lsf_cases, tmp_path):
    from samspil.graph.builder import build_graph

    g = build_graph(corpus, include_contacts=True)
    details = _contact_details(lsf_cases)
    emails = [c.email for case in lsf_cases for c in case.contacts if c.email]
    without = export_graph(g, tmp_path / "default.json").read_text(encoding="utf-8")
    with_ = export_graph(g, tmp_path / "with.json", include_contacts=True).read_text(encoding="utf-8")
    assert sum(1 for x in details if x in without) == 0
    assert sum(1 for x in emails if x in with_) == len(emails)


# ------------------------------------------------------------------ the real command line

@pytest.fixture(scope="module")
def cli_exports(run_cli_many, tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli-export")
    commands = {s: ("export", "-o", folder / f"graph.{s}") for s in SUFFIXES}
    commands["format-option"] = ("export", "-o", folder / "graph.txt", "--format", "graphml")
    commands["unknown-suffix"] = ("export", "-o", folder / "graph.xyz")
    commands["no-suffix"] = ("export", "-o", folder / "graph")
    commands["unknown-format"] = ("export", "-o", folder / "graph2.json", "--format", "foo")
    return folder, run_cli_many(commands)


def _printed_counts(out: str) -> tuple[int, int]:
    m = re.search(r"(\d+) cases, (\d+) solutions, (\d+) actors, (\d+) relationships", out)
    assert m, out
    return int(m.group(1)), int(m.group(4))


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_cli_export_reads_back(cli_exports, suffix):
    folder, runs = cli_exports
    code, out, err = runs[suffix]
    assert code == 0, err[-2000:]
    path = folder / f"graph.{suffix}"
    assert out.startswith(f"wrote {path} (")
    g = read_back(path)
    cases, relationships = _printed_counts(out)
    assert g.number_of_edges() == relationships
    assert sum(1 for _, d in g.nodes(data=True) if "Case" in str(d.get("labels"))) == cases >= 62
    if suffix != "json":
        assert xml_counts(path) == (g.number_of_nodes(), g.number_of_edges())
    assert leftovers(folder) == []


def test_cli_exports_agree_with_each_other(cli_exports):
    folder, runs = cli_exports
    graphs = [read_back(folder / f"graph.{s}") for s in SUFFIXES]
    assert len({(g.number_of_nodes(), g.number_of_edges()) for g in graphs}) == 1
    assert len({frozenset(g.nodes) for g in graphs}) == 1


def test_cli_format_option_overrides_the_suffix(cli_exports):
    folder, runs = cli_exports
    assert runs["format-option"].code == 0, runs["format-option"].err[-2000:]
    assert xml_counts(folder / "graph.txt") == xml_counts(folder / "graph.graphml")


@pytest.mark.parametrize("name, path, words", [
    ("unknown-suffix", "graph.xyz", "cannot tell the export format"),
    ("no-suffix", "graph", "cannot tell the export format"),
    ("unknown-format", None, "unknown export format 'foo'"),
])
def test_cli_unknown_format_is_one_line_error_and_no_file(cli_exports, one_line_error, name, path, words):
    folder, runs = cli_exports
    needles = (words,) + ((str(folder / path),) if path else ())
    one_line_error(runs[name], *needles)
    assert not (folder / "graph.xyz").exists() and not (folder / "graph").exists()
    assert not (folder / "graph2.json").exists()


def test_cli_build_writes_every_output(built_outputs, cli_case_views):
    out, result = built_outputs
    assert sorted(p.name for p in out.iterdir()) == ["cases.json", "samspil.gexf", "samspil.graphml", "samspil.json",
                                                     "samspil.ttl"]
    cases, relationships = _printed_counts(result.out)
    for name in ("samspil.json", "samspil.graphml", "samspil.gexf"):
        g = read_back(out / name)
        assert g.number_of_edges() == relationships, name
    views = json.loads((out / "cases.json").read_text(encoding="utf-8"))
    assert len(views) == cases
    assert [v["id"] for v in views] == [v["id"] for v in cli_case_views]
    turtle = rdflib.Graph().parse(out / "samspil.ttl", format="turtle")
    described_cases = set(turtle.subjects(rdflib.RDF.type, SP.Case))
    assert len(described_cases) == cases
    for name in ("samspil.json", "samspil.graphml", "samspil.gexf", "samspil.ttl", "cases.json"):
        assert str(out / name) in result.err  # the table of outputs (on stderr)


def test_cli_build_outputs_hold_no_contact_details(built_outputs, lsf_cases):
    out, _ = built_outputs
    details = _contact_details(lsf_cases)
    for path in out.iterdir():
        text = path.read_text(encoding="utf-8")
        leaked = sum(1 for x in details if x in text)
        assert leaked == 0, f"{path.name}: {leaked} contact details"


@pytest.mark.parametrize("suffix", ["graphml", "gexf"])
def test_carriage_returns_survive_the_xml_round_trip(tmp_path, suffix):
    """Issue 15: an XML reader normalises a raw "\\r\\n" to "\\n"; the exports write it so that it
    reads back as it was."""
    import networkx as nx

    from samspil.graph.exports import export_graph

    g = nx.MultiDiGraph()
    g.add_node("a", labels=("Actor",), name="Linje et\r\nlinje to\rslut")
    g.add_edge("a", "a", key="OWNS@x", type="OWNS", case="x", evidence="a\r\nb", method="curated")
    path = export_graph(g, tmp_path / f"g.{suffix}")
    back = (nx.read_graphml if suffix == "graphml" else nx.read_gexf)(path)
    assert back.nodes["a"]["name"] == "Linje et\r\nlinje to\rslut"
    assert [d["evidence"] for _, _, d in back.edges(data=True)] == ["a\r\nb"]
