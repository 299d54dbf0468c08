"""The spread model end to end: groups, places abroad, sharing channels, from text to case view and score."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from samspil.core.errors import InputError
from samspil.corpus.curation import load_corrections
from samspil.graph.caseview import case_view
from samspil.graph.evaluation import evaluate, load_gold, predict, propose_spread_corrections
from samspil.graph.extract import extract_text
from samspil.recognise.spread import group_phrases, places_abroad, shared_channels

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "data" / "spreadset"


@pytest.fixture(scope="module")
def views(graph) -> dict[str, dict]:
    return {n: case_view(graph, n) for n in ("lsf2019-13", "lsf2019-17", "lsf2019-30")}


@pytest.mark.parametrize("text, expected", [
    ("Indtil videre har tre kommuner været forbi.", ("municipality", 3, None)),
    ("gruppeforløb i fire vestjyske kommuner", ("municipality", 4, None)),
    ("i 12 kommuner", ("municipality", 12, None)),
    ("der støttes af yderligere 36 kommuner", ("municipality", 36, None)),
    ("flere kommuner har været på besøg", ("municipality", None, None)),
    ("andre kommuner har også udvist interesse", ("municipality", None, None)),
    ("alle hospitaler i Region Syddanmark bruger den", ("hospital", None, "Region Syddanmark")),
    ("interesse fra flere nordjyske kommuner", ("municipality", None, "Region Nordjylland")),
    ("alle kommuner har fået den", ("municipality", 98, None)),
])
def test_group_phrases_count_kind_and_region(text, expected):
    [group] = group_phrases(text)
    assert (group.kind, group.count, group.region) == expected


@pytest.mark.parametrize("text, status", [
    ("Vejen Kommune og tre andre kommuner er ved at implementere modellen.", "adopted"),
    ("Fire kommuner har planer om at implementere modellen.", "interested"),
    ("To kommuner er i dialog om at indføre den.", "interested"),
    ("Flere kommuner har været på besøg.", "visited"),
    ("Fem kommuner har ladet sig inspirere af modellen.", "inspired"),
    ("Tre kommuner har allerede henvendt sig.", "interested"),
])
def test_group_receivers_with_status_in_new_text(text, status):
    view = extract_text("Madklub i Kolding\n\nKolding Kommune startede madklubben i 2020. " + text)
    groups = [s for s in view["spread"] if s["target"] == "group"]
    assert [(s["status"], s["kind"]) for s in groups] == [(status, "municipality")]
    assert all(a["name"] != groups[0]["to"] for a in view["actors"])  # a group is no actor


def test_potential_and_own_units_are_no_spread():
    view = extract_text("Madklub i Kolding\n\nKolding Kommune startede madklubben i 2020. Modellen kan med få "
                        "tilpasninger bruges i landets øvrige kommuner. Den bruges nu også på flere skoler i kommunen.")
    assert [s for s in view["spread"] if s["target"] == "group"] == []


def test_places_abroad_and_sharing_channels():
    assert [(p.name, p.country) for p in places_abroad("Konceptet er eks porteret til Finland (Tampere) og Spanien "
                                                       "(Barcelona).")] == [("Tampere", "FI"), ("Barcelona", "ES")]
    assert shared_channels("Løsningen er præsenteret på en konference og i et nyhedsbrev.") == ["conference",
                                                                                              "newsletter"]


def test_case_13_spreads_to_tampere_and_barcelona(graph, views):
    places = {(s["to"], s["status"]) for s in views["lsf2019-13"]["spread"] if s["target"] == "place"}
    assert places == {("Tampere", "adopted"), ("Barcelona", "adopted")}
    countries = {graph.nodes[n]["name"]: graph.nodes[n]["country"] for n in graph
                 if graph.nodes[n].get("name") in ("Tampere", "Barcelona")}
    assert countries == {"Tampere": "FI", "Barcelona": "ES"}
    assert not any("kommunekode" in graph.nodes[n] for n in ("municipality-fi-tampere", "municipality-es-barcelona"))
    assert all(graph.nodes[n]["country"] == "DK" for n in graph if graph.nodes[n].get("kommunekode"))


def test_case_30_regions_adopt_and_36_municipalities_are_partners_not_spread(views):
    view = views["lsf2019-30"]
    assert {(s["to"], s["status"]) for s in view["spread"]} == {("Region Midtjylland", "adopted"),
                                                                ("Region Nordjylland", "adopted")}
    partners = {(g["description"], g["count"], g["role"]) for g in view["group_partners"]}
    assert ("yderligere 36 kommuner", 36, "partner") in partners


def test_case_17_spreads_to_four_west_jutland_municipalities(views):
    groups = [s for s in views["lsf2019-17"]["spread"] if s["target"] == "group"]
    # "skal afholde gruppeforløb i fire vestjyske kommuner": planned, so interested (the spread set's reading)
    assert ("fire vestjyske kommuner", "municipality", 4, "interested") in {
        (s["to"], s["kind"], s["count"], s["status"]) for s in groups}


def test_every_spread_entry_has_the_contract_keys(views):
    for view in views.values():
        for s in view["spread"]:
            assert list(s) == ["to", "target", "kind", "count", "status", "year", "evidence"]


def test_spread_corrections_validate_with_file_and_line(tmp_path):
    path = tmp_path / "c.yaml"
    path.write_text("format: 1\ncorrections:\n  - op: spread\n    case: x-1\n    to: tre kommuner\n    kind: municipality\n"
                    "    status: visited\n    target: group\n    count: 0\n    reason: r\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_corrections([path])
    assert str(path) in str(err.value) and "count" in str(err.value) and ":3" in str(err.value)
    path.write_text("format: 1\ncorrections:\n  - op: group\n    case: x-1\n    description: 36 kommuner\n"
                    "    kind: municipality\n    role: adopter\n    reason: r\n", encoding="utf-8")
    with pytest.raises(InputError, match="role"):
        load_corrections([path])


def test_spread_set_scores_named_places_and_groups_apart():
    gold = load_gold(FIXTURE)
    alone = evaluate(gold).as_dict()
    assert alone["spread"]["f1"] == 1.0  # Tampere, Barcelona, the two regions
    assert alone["groups"]["tp"] >= 1 and alone["groups"]["fn"] >= 1
    assert alone["group_partners"]["tp"] == 1


def test_proposals_name_the_gold_file_and_keep_its_evidence():
    gold = load_gold(FIXTURE)
    proposals = propose_spread_corrections(gold, predict(gold))
    missed = {(p["case"], p["to"]) for p in proposals}
    assert ("lsf2019-17", "fire nye kommuner") in missed
    for p in proposals:
        assert p["reason"].startswith(str(FIXTURE / "lsf2019")) and p["evidence"]
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "spread-corrections"), str(FIXTURE)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "fire nye kommuner" in proc.stdout and "fire vestjyske" not in proc.stdout  # already curated


def test_evaluate_cli_on_the_spread_set(run_cli):
    code, out, err = run_cli("evaluate", "--set", "spread", "--devset", FIXTURE, "--no-curation", "--json")
    assert code == 0, err[-2000:]
    data = json.loads(out)
    assert set(data) == {"items", "spread", "groups", "group_partners"}
