"""The graph of the shipped corpus against design.md's model: one node per organisation,
official ids, provenance on every edge, the fixed vocabulary, determinism (issue 2).

The design tables are copied here on purpose rather than imported from
samspil.core.model, so the code is checked against the design and not against itself.
"""

from __future__ import annotations

import csv
import random
import re
from collections import Counter, defaultdict
from importlib import resources
from pathlib import Path

import pytest

from samspil.core.records import Corpus

from samspil.graph.builder import build_graph
from samspil.graph.exports import FORMATS
from samspil.core.identity import name_key
from samspil.core.model import METHODS

#: design.md, "Graph model": kind → (label, sector); None: from members / parent.
DESIGN_KINDS = {
    "municipality": ("Municipality", "public"),
    "region": ("Region", "public"),
    "hospital": ("Hospital", "public"),
    "state_agency": ("StateAgency", "public"),
    "company": ("Company", "private"),
    "foundation": ("Foundation", "civil"),
    "association": ("Association", "civil"),
    "knowledge_institution": ("KnowledgeInstitution", "knowledge"),
    "network": ("Network", None),
    "unit": ("Unit", None),
}
SECTORS = {"public", "private", "civil", "knowledge"}
#: design.md's other nodes; Channel is what SHARED_VIA points at (knowledge-sharing with no receiver).
OTHER_LABELS = {"Solution", "Case", "Source", "Theme", "Person", "Group", "Channel"}
#: design.md's relationships, plus FROM_SOURCE (case → its source document).
DESIGN_RELATIONSHIPS = {"NOMINATED", "DESCRIBES", "OWNS", "PARTNER_IN", "SPREAD_TO", "SHARED_VIA", "INSPIRED_BY", "MENTIONS",
                        "PART_OF", "IN_REGION", "COLLABORATES_WITH", "ADDRESSES", "FROM_SOURCE"}
#: Edges that belong to no single case.
CASELESS_METHODS = {"derived", "reference", "gazetteer"}
SPREAD_STATUSES = {"adopted", "interested", "visited", "inspired"}


def _reference(name: str) -> list[dict[str, str]]:
    path = Path(str(resources.files("samspil").joinpath("data", "reference", name)))
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def kommunekode() -> dict[str, str]:
    return {row["name"]: row["kommunekode"] for row in _reference("danish_municipalities.csv")}


@pytest.fixture(scope="module")
def regionskode() -> dict[str, str]:
    return {row["name"]: row["regionskode"] for row in _reference("danish_regions.csv")}


def _nodes_named(g, name: str) -> list[str]:
    return [n for n, d in g.nodes(data=True) if d.get("name") == name and "Actor" in d["labels"]]


def _solution_of(g, case: str) -> str:
    [solution] = [v for _, v, d in g.out_edges(case, data=True) if d["type"] == "DESCRIBES"]
    return solution


def _serialised(g) -> bytes:
    return FORMATS["json"].serialise(g)


# ------------------------------------------------------------------ identity

def test_kolding_is_one_node_with_its_kommunekode_and_region(graph):
    assert _nodes_named(graph, "Kolding Kommune") == ["municipality-0621"]
    node = graph.nodes["municipality-0621"]
    assert (node["kind"], node["sector"], tuple(node["labels"])) == ("municipality", "public",
                                                                      ("Actor", "Municipality"))
    assert node["kommunekode"] == "0621"
    regions = [(v, d["method"]) for _, v, d in graph.out_edges("municipality-0621", data=True)
               if d["type"] == "IN_REGION"]
    assert regions == [("region-1083", "reference")]
    assert graph.nodes["region-1083"]["name"] == "Region Syddanmark"


def test_kolding_is_the_same_node_in_every_case_that_names_it(graph):
    cases = {d["case"] for _, _, d in graph.out_edges("municipality-0621", data=True) if d["case"]}
    # Talentudvikling (9), OPI with Billund and Haderslev (28), Ligevægt (seed 000)
    assert {"lsf2019-09", "lsf2019-28", "seed000-ligevaegt"} <= cases


def test_one_actor_node_per_organisation_name(graph):
    """One node per organisation; units are told apart by their parent ("Teknik og Miljø" of
    Aarhus Kommune and of Herning Kommune are two units)."""
    by_name = defaultdict(list)
    for n, d in graph.nodes(data=True):
        if "Actor" in d["labels"]:
            parents = tuple(sorted(v for _, v, e in graph.out_edges(n, data=True) if e["type"] == "PART_OF"))
            by_name[(name_key(d["name"]), parents if d["kind"] == "unit" else ())].append(n)
    assert {k: v for k, v in by_name.items() if len(v) > 1} == {}
    units = [n for n, d in graph.nodes(data=True) if d.get("name") == "Teknik og Miljø"]
    assert len(units) == 2


def test_every_danish_municipality_and_region_has_its_official_id(graph, kommunekode, regionskode):
    for n, d in graph.nodes(data=True):
        if "Actor" not in d["labels"] or d.get("country", "DK") != "DK":
            continue  # a Group's kind is its members' ("regionerne"); actors abroad have their own codes
        if d.get("kind") == "municipality" and d["name"] in kommunekode:
            assert n == f"municipality-{kommunekode[d['name']]}", n
        if d.get("kind") == "region":
            assert n == f"region-{regionskode[d['name']]}", n
    municipalities = [d["name"] for _, d in graph.nodes(data=True) if d.get("kind") == "municipality"]
    danish = [m for m in municipalities if m in kommunekode]
    assert len(danish) >= 30
    for name in danish:
        n = f"municipality-{kommunekode[name]}"
        assert sum(1 for _, _, d in graph.out_edges(n, data=True) if d["type"] == "IN_REGION") == 1, name


# ------------------------------------------------------------------ nominators

def test_every_nominator_nominated_and_owns(graph, lsf_cases):
    for c in lsf_cases:
        solution = _solution_of(graph, c.id)
        for position, name in enumerate(c.nominators, start=1):
            [actor] = _nodes_named(graph, name)
            nominated = graph.get_edge_data(actor, c.id, f"NOMINATED@{c.id}")
            assert nominated and nominated["position"] == position, (c.number, name)
            assert nominated["evidence"].startswith("INDSTILLER: "), (c.number, name)
            assert graph.has_edge(actor, solution, f"OWNS@{c.id}"), (c.number, name)


@pytest.mark.parametrize("number, ids", [
    (15, ["municipality-0240", "municipality-0190", "municipality-0157", "municipality-0159", "municipality-0163",
          "municipality-0173", "municipality-0230", "municipality-0151", "municipality-0175"]),
    (28, ["municipality-0530", "municipality-0510", "municipality-0621"]),
    (30, ["municipality-0730", "municipality-0706", "municipality-0230", "municipality-0746", "municipality-0217"]),
])
def test_multi_municipality_nominations_point_at_the_official_nodes(graph, number, ids):
    case = f"lsf2019-{number:02d}"
    nominated = sorted((d["position"], u) for u, _, d in graph.in_edges(case, data=True) if d["type"] == "NOMINATED")
    assert [u for _, u in nominated] == ids
    assert graph.nodes["municipality-0173"]["name"] == "Lyngby-Taarbæk Kommune"


def test_case_13_hospital_part_of_its_region_and_ucl(graph):
    [ouh] = _nodes_named(graph, "Odense Universitetshospital")
    [ucl] = _nodes_named(graph, "UCL Erhvervsakademi og Professionshøjskole")
    assert graph.nodes[ouh]["kind"] == "hospital" and graph.nodes[ucl]["kind"] == "knowledge_institution"
    assert graph.nodes[ucl]["sector"] == "knowledge"
    parents = {v for _, v, d in graph.out_edges(ouh, data=True) if d["type"] == "PART_OF"}
    assert parents == {"region-1083"}
    nominators = {u for u, _, d in graph.in_edges("lsf2019-13", data=True) if d["type"] == "NOMINATED"}
    assert nominators == {ouh, ucl}


def test_case_21_two_councils_of_ringsted(graph):
    nominators = sorted(graph.nodes[u]["name"] for u, _, d in graph.in_edges("lsf2019-21", data=True)
                        if d["type"] == "NOMINATED")
    assert nominators == ["Handicaprådet i Ringsted Kommune", "Ældrerådet i Ringsted Kommune"]
    for name in nominators:
        [n] = _nodes_named(graph, name)
        assert graph.nodes[n]["kind"] == "unit" and graph.nodes[n]["sector"] == "public"
        assert {v for _, v, d in graph.out_edges(n, data=True) if d["type"] == "PART_OF"} == {"municipality-0329"}


def test_case_32_two_state_agencies(graph):
    nominators = sorted((d["position"], graph.nodes[u]["name"], graph.nodes[u]["kind"])
                        for u, _, d in graph.in_edges("lsf2019-32", data=True) if d["type"] == "NOMINATED")
    assert nominators == [(1, "Skattestyrelsen", "state_agency"),
                          (2, "Udviklings- og Forenklingsstyrelsen", "state_agency")]


# ------------------------------------------------------------------ cases, solutions, sources

def test_cases_and_their_solutions(graph, lsf_cases):
    cases = {n: d for n, d in graph.nodes(data=True) if "Case" in d["labels"]}
    lsf = sorted((d["number"], n) for n, d in cases.items() if d["source"] == "lsf2019")
    assert lsf == [(c.number, c.id) for c in lsf_cases]
    for c in lsf_cases:
        d = cases[c.id]
        assert (d["name"], d["prize"], d.get("year"), d["line_start"], d["line_end"]) == \
               (c.title, c.prize, c.year, c.line_start, c.line_end)
    for n in cases:
        solution = _solution_of(graph, n)
        assert "Solution" in graph.nodes[solution]["labels"]
        [source] = [v for _, v, d in graph.out_edges(n, data=True) if d["type"] == "FROM_SOURCE"]
        assert source == f"source-{cases[n]['source']}" and "Source" in graph.nodes[source]["labels"]
    seeds = {d["source"] for d in cases.values()} - {"lsf2019"}
    assert {s.split("-")[0] for s in seeds} == {"seed000", "seed001", "seed003", "seed004"}


# ------------------------------------------------------------------ the model's vocabulary

def test_every_node_has_id_name_and_labels(graph):
    allowed = OTHER_LABELS | {"Actor"} | {label for label, _ in DESIGN_KINDS.values()}
    for n, d in graph.nodes(data=True):
        assert isinstance(n, str) and re.fullmatch(r"[a-z0-9][a-z0-9-]*", n), n
        assert isinstance(d.get("name"), str) and d["name"].strip(), n
        labels = tuple(d["labels"])
        assert labels and set(labels) <= allowed, (n, labels)
        assert all(re.fullmatch(r"[A-Z][A-Za-z]*", label) for label in labels), (n, labels)


def test_actor_kinds_labels_and_sectors_are_design_mds(graph):
    kinds = Counter()
    for n, d in graph.nodes(data=True):
        if "Group" in d["labels"]:
            assert d["kind"] in DESIGN_KINDS and "sector" not in d and d["description"] == d["name"], n
            continue
        if "Actor" not in d["labels"]:
            assert "kind" not in d and "sector" not in d, n
            continue
        assert re.fullmatch(r"[A-Z]{2}", d["country"]), n
        assert d["country"] == "DK" or "kommunekode" not in d, n
        label, sector = DESIGN_KINDS[d["kind"]]
        assert tuple(d["labels"]) == ("Actor", label), n
        assert d["sector"] == sector if sector else d["sector"] in SECTORS, (n, d["sector"])
        kinds[d["kind"]] += 1
    for kind in ("municipality", "region", "hospital", "state_agency", "knowledge_institution", "unit"):
        assert kinds[kind] >= 1, kind


def test_units_take_their_parents_sector(graph):
    for n, d in graph.nodes(data=True):
        if d.get("kind") != "unit":
            continue
        parents = [v for _, v, e in graph.out_edges(n, data=True) if e["type"] == "PART_OF"]
        top = [graph.nodes[p] for p in parents if graph.nodes[p].get("kind") != "unit"]
        if top:
            assert d["sector"] in {p["sector"] for p in top}, n


def test_every_edge_has_provenance(graph):
    cases = {n for n, d in graph.nodes(data=True) if "Case" in d["labels"]}
    sources = {n for n, d in graph.nodes(data=True) if "Source" in d["labels"]}
    types = Counter()
    for u, v, key, d in graph.edges(keys=True, data=True):
        where = (u, key, v)
        assert d["type"] in DESIGN_RELATIONSHIPS, where
        assert isinstance(d.get("case"), str) and isinstance(d.get("evidence"), str), where
        assert d["evidence"].strip(), where
        assert d["method"] in METHODS, where
        if d["case"]:
            assert d["case"] in cases | sources, where
            assert key == f"{d['type']}@{d['case']}", where
        else:
            assert d["method"] in CASELESS_METHODS, where
            assert key == d["type"], where
        types[d["type"]] += 1
    for rel in ("NOMINATED", "DESCRIBES", "OWNS", "PART_OF", "IN_REGION", "COLLABORATES_WITH", "FROM_SOURCE"):
        assert types[rel] >= 1, rel
    assert types["NOMINATED"] >= 70 and types["DESCRIBES"] == len(cases)


def test_relationship_endpoints_and_properties(graph):
    def has(n, label):
        return label in graph.nodes[n]["labels"]

    for u, v, d in graph.edges(data=True):
        t = d["type"]
        if t == "NOMINATED":
            assert has(u, "Actor") and has(v, "Case")
        elif t == "OWNS":
            assert has(u, "Actor") and has(v, "Solution")
        elif t == "PARTNER_IN":
            assert (has(u, "Actor") or has(u, "Group")) and has(v, "Solution")
            if t == "PARTNER_IN":
                assert d["role"] in ("partner", "funder")
        elif t == "SPREAD_TO":
            assert has(u, "Solution") and (has(v, "Actor") or has(v, "Group")) and d["status"] in SPREAD_STATUSES
            assert d["target"] == ("group" if has(v, "Group") else "place" if graph.nodes[v]["country"] != "DK"
                                   else "actor"), (u, v)
        elif t == "SHARED_VIA":
            assert has(u, "Solution") and has(v, "Channel") and d["channel"] == graph.nodes[v]["channel"]
        elif t in ("PART_OF", "COLLABORATES_WITH"):
            assert has(u, "Actor") and has(v, "Actor")
        elif t == "IN_REGION":
            assert graph.nodes[u]["kind"] == "municipality" and graph.nodes[v]["kind"] == "region"
        elif t == "DESCRIBES":
            assert has(u, "Case") and has(v, "Solution")
        elif t == "COLLABORATES_WITH":
            assert d["weight"] == len(d["solutions"]) >= 1


def test_collaborations_are_derived_from_shared_solutions(graph):
    makers = defaultdict(set)
    for u, v, d in graph.edges(data=True):
        if d["type"] == "OWNS" or (d["type"] == "PARTNER_IN" and d["role"] in ("partner", "funder")):
            makers[u].add(v)
    for u, v, d in graph.edges(data=True):
        if d["type"] == "COLLABORATES_WITH":
            assert u < v
            assert set(d["solutions"]) == makers[u] & makers[v], (u, v)


def test_no_contact_persons_by_default_and_only_when_asked(graph, corpus):
    assert not [n for n, d in graph.nodes(data=True) if "Person" in d["labels"]]
    with_contacts = build_graph(corpus, include_contacts=True)
    people = [n for n, d in with_contacts.nodes(data=True) if "Person" in d["labels"]]
    contacts = sum(len(r.contacts) for r, _ in corpus.cases)
    assert contacts >= 60 and len(people) >= 50
    for p in people:
        assert all(d["type"] == "CONTACT_FOR" for _, _, d in with_contacts.out_edges(p, data=True))


# ------------------------------------------------------------------ determinism

def test_building_twice_gives_the_identical_graph(graph):
    from samspil.graph.builder import default_graph

    assert _serialised(default_graph()) == _serialised(graph)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_shuffled_case_order_gives_the_same_graph(graph, corpus, seed):
    rng = random.Random(seed)
    cases, organisations = list(corpus.cases), list(corpus.organisations)
    rng.shuffle(cases)
    rng.shuffle(organisations)
    assert cases != corpus.cases
    assert _serialised(build_graph(Corpus(cases=cases, organisations=organisations))) == _serialised(graph)


def test_case_files_in_another_order_give_the_same_graph():
    from samspil.corpus.sources import load_corpus
    from samspil.loaders import structured

    files = structured.default_files()
    forward = build_graph(load_corpus([], files))
    backward = build_graph(load_corpus([], list(reversed(files))))
    assert forward.number_of_nodes() > 20
    assert _serialised(backward) == _serialised(forward)


def test_effect_grade_evidence_and_barriers_on_case_and_solution(graph):
    from samspil.graph.caseview import case_view

    view = case_view(graph, "lsf2019-17")
    assert list(view)[-5:] == ["documented_effect", "effect", "barriers", "group_partners", "shared"]
    assert view["effect"]["grade"] == "reported" and view["documented_effect"] is False
    assert graph.nodes["lsf2019-17"]["effect_grade"] == "reported"
    # Case 19's "Ca. 80 procent siger ja tak" is uptake: curated to the staff's own assessment.
    assert case_view(graph, "lsf2019-19")["effect"] == {
        "grade": "reported", "evidence": "Medarbejderne på Center for Demens oplever, at de trygt kan sende borgerne "
                                         "videre - i modsætning til i tiden inden Humøroptimisterne."}
    assert case_view(graph, "lsf2019-14")["documented_effect"] is True
    solution = next(v for _, v, d in graph.out_edges("lsf2019-47", data=True) if d["type"] == "DESCRIBES")
    assert any("kræver en ændring i lovgivningen" in b for b in graph.nodes[solution]["barriers"])


def test_curation_effect_takes_a_grade_and_the_older_flag(tmp_path):
    from samspil.core.errors import InputError
    from samspil.core.records import CaseFacts
    from samspil.corpus.curation import effect_grade, load_corrections

    def corrected(body):
        path = tmp_path / "c.yaml"
        path.write_text("corrections:\n  - op: effect\n    case: x\n" + body + "    reason: r\n", encoding="utf-8")
        return load_corrections([path]).items[0]

    c = corrected("    grade: measured\n    evidence: Ventetiden faldt fra 12 til 4 uger.\n")
    assert c.fields == {"case": "x", "grade": "measured", "evidence": "Ventetiden faldt fra 12 til 4 uger."}
    assert effect_grade({"documented_effect": False}, CaseFacts(effect_grade="measured")) == "none"
    assert effect_grade({"documented_effect": True}, CaseFacts(effect_grade="satisfaction")) == "measured"
    for body in ("    grade: huge\n", "", "    grade: none\n    documented_effect: false\n"):
        with pytest.raises(InputError):
            corrected(body)
