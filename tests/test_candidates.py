"""The Find & Forstør ranking: components, weights, reasons, filters, and facts of the real cases."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from samspil.cli import main
from samspil.core.errors import SamspilError
from samspil.queries.candidates import COMPONENTS, DEFAULT_WEIGHTS, parse_weights, rank_candidates
from samspil.testing.toys import (shared_default_graph, shared_gold_graph, toy_graph,
                                              toy_records)


real = shared_default_graph
gold = shared_gold_graph


@pytest.fixture(scope="module")
def toy_ranked():
    return rank_candidates(toy_graph(), records=toy_records())


def test_signature_the_map_imports():
    ranked = rank_candidates(toy_graph(), theme=None, region=None, top=2, weights=None)
    assert len(ranked) == 2
    assert {"id", "title", "score", "components", "reason"} <= set(ranked[0])


def test_score_is_the_sum_of_its_points(toy_ranked):
    for c in toy_ranked:
        assert set(c["components"]) == set(COMPONENTS)
        assert all(0 <= v <= 1 for v in c["components"].values())
        assert c["score"] == pytest.approx(sum(c["points"].values()), abs=0.11)
        assert "\n" not in c["reason"] and c["reason"]
    assert [c["rank"] for c in toy_ranked] == list(range(1, len(toy_ranked) + 1))
    assert [c["score"] for c in toy_ranked] == sorted((c["score"] for c in toy_ranked), reverse=True)


def test_components_of_the_toy_cases(toy_ranked):
    by = {c["id"]: c for c in toy_ranked}
    talent = by["toy-01"]
    assert talent["components"]["spread"] == pytest.approx(2 / 3, abs=1e-4)  # Vejen, and Billund through Vejen's variant
    assert talent["components"]["collaboration"] == pytest.approx(0.75 * 2 / 3 + 0.25 * 2 / 5, abs=1e-4)
    assert talent["components"]["contact"] == 1.0
    assert "interest from 1: Væksthus for Ledelse “" in talent["why"]["capacity"]
    assert "material to reuse" in talent["why"]["capacity"]  # "der findes en drejebog"
    assert by["toy-03"]["components"]["effect"] == 1.0
    assert "40 procent" in by["toy-03"]["why"]["effect"]
    assert by["toy-04"]["reason"].endswith("held back by: no documented effect, 1 sector (public), 1 maker")


def test_three_sectors_rank_above_a_lone_actor_without_effect(toy_ranked):
    order = [c["id"] for c in toy_ranked]
    assert order.index("toy-01") < order.index("toy-04")


def test_weights_change_the_order():
    ranked = rank_candidates(toy_graph(), records=toy_records(), weights={"effect": 0})
    assert ranked[0]["id"] == "toy-01"  # spread and collaboration lead once effect counts for nothing
    only_contact = rank_candidates(toy_graph(), records=toy_records(),
                                   weights={k: 0 for k in COMPONENTS} | {"contact": 1})
    assert {c["id"] for c in only_contact if c["score"] == 100} == {"toy-01", "toy-03"}


def test_parse_weights(tmp_path):
    path = tmp_path / "w.yaml"
    path.write_text("effect: 1\nspread: 4\n", encoding="utf-8")
    assert parse_weights(["spread=2"], path) == {"effect": 1.0, "spread": 2.0}
    for bad, message in ((["fame=2"], "unknown score component"), (["effect"], "name=value"),
                         (["effect=-1"], "0 or more"), (["effect=lots"], "not a number")):
        with pytest.raises(SamspilError, match=message):
            parse_weights(bad)
    with pytest.raises(SamspilError, match="at least one weight"):
        rank_candidates(toy_graph(), weights=dict.fromkeys(COMPONENTS, 0))
    assert set(DEFAULT_WEIGHTS) == set(COMPONENTS)


def test_filters(toy_ranked):
    assert [c["id"] for c in rank_candidates(toy_graph(), records=toy_records(), theme="ældre")] == ["toy-03"]
    midt = rank_candidates(toy_graph(), records=toy_records(), region="1082")
    assert [c["id"] for c in midt] == ["toy-05", "toy-04"]
    with pytest.raises(SamspilError, match="unknown theme"):
        rank_candidates(toy_graph(), theme="rumfart")


def test_no_contact_details_leak():
    ranked = rank_candidates(real())
    text = json.dumps(ranked, ensure_ascii=False)
    assert not re.search(r"[\w.-]+@[\w-]+\.\w+", text)  # no e-mail address
    assert not re.search(r"\b\d{2} \d{2} \d{2} \d{2}\b", text)  # no Danish phone number
    assert "Christina Arvad Brill" not in text  # case 9's contact person


# -- the real cases --------------------------------------------------------------------------

def _rank(ranked, case):
    return next(c["rank"] for c in ranked if c["id"] == case)


@pytest.mark.parametrize("graph", [gold, real], ids=["gold", "real"])
def test_three_sector_cases_rank_above_forbedringstorsdage(graph):
    # Case 37 (Silkeborg Kommune with Innovation Silkeborg and TimeStory VR: "et OPI-samarbejde") spans
    # public, civil and private; case 46 (Forbedringstorsdage) is Regionspsykiatrien Horsens alone and
    # documents no effect in figures.
    ranked = rank_candidates(graph())
    assert _rank(ranked, "lsf2019-37") < _rank(ranked, "lsf2019-46")
    lone = next(c for c in ranked if c["id"] == "lsf2019-46")
    assert lone["components"]["effect"] == 0 and lone["components"]["collaboration"] == 0


def test_gold_three_sector_cases():
    # In the annotation, cases 29 (CORO), 30 (OS2autoproces) and 37 span three sectors.
    ranked = rank_candidates(gold())
    by = {c["id"]: c for c in ranked}
    for case in ("lsf2019-29", "lsf2019-30", "lsf2019-37"):
        assert by[case]["why"]["collaboration"].startswith("3 sectors"), by[case]["why"]["collaboration"]
        assert _rank(ranked, case) < _rank(ranked, "lsf2019-46")


def test_real_facts_a_reader_can_check():
    ranked = rank_candidates(real())
    by = {c["id"]: c for c in ranked}
    # Case 2: "lykkedes at få 89 procent af de involverede børn og unge" back to school.
    assert by["lsf2019-02"]["components"]["effect"] == 1.0 and "89 procent" in by["lsf2019-02"]["why"]["effect"]
    # Case 9: Vejen Kommune adopted Talentudvikling; Væksthus for Ledelse showed interest.
    assert "Vejen Kommune" in by["lsf2019-09"]["why"]["spread"]
    assert "Væksthus for Ledelse" in by["lsf2019-09"]["why"]["capacity"]
    # Case 13 (InnoEvent) is from 2009, ten years before the newest cases.
    assert by["lsf2019-13"]["components"]["recency"] == 0
    # Every long case names a contact.
    assert all(by[f"lsf2019-{n:02d}"]["components"]["contact"] == 1 for n in range(1, 37))


def test_real_theme_and_region():
    obesity = rank_candidates(real(), theme="svær overvægt")
    assert [c["id"] for c in obesity] == ["seed000-ligevaegt", "seed000-syddansk-overvaegtsinitiativ"] or \
        sorted(c["id"] for c in obesity) == ["seed000-ligevaegt", "seed000-syddansk-overvaegtsinitiativ"]
    assert all("Region Sjælland" in c["regions"] for c in rank_candidates(real(), region="Sjælland"))


# -- the command -----------------------------------------------------------------------------

def test_command():
    runner = CliRunner()
    result = runner.invoke(main, ["candidates", "--top", "3", "--json", "--weight", "effect=2"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert len(rows) == 3 and rows[0]["rank"] == 1
    result = runner.invoke(main, ["candidates", "--top", "2", "--csv", "--theme", "aeldre"])
    assert result.exit_code == 0 and result.stdout.startswith("rank,id,title,score,effect")
    result = runner.invoke(main, ["candidates", "--weight", "fame=2"])
    assert result.exit_code == 2 and "unknown score component" in result.output
    result = runner.invoke(main, ["candidates", "--region", "Skåne"])
    assert result.exit_code == 2 and "unknown region" in result.output


# -- the fast paths give what the slow ones gave -----------------------------------------------

def _spread_graph_with_a_hub():
    """The toy graph plus cases whose solutions share one maker without a region of its own,
    and spread among them: the shape that made ranking quadratic."""
    g = toy_graph()
    g.add_node("hub", labels=["Actor"], name="Landsforening", kind="association", sector="civil")
    for i in range(6):
        case, sol = f"hub-{i:02d}", f"solution-hub-{i}"
        g.add_node(case, labels=["Case"], name=f"Hub {i}", source="toy", number=100 + i, year=2015 + i)
        g.add_node(sol, labels=["Solution"], name=f"Hub {i}", year=2015 + i)
        g.add_edge(case, sol, type="DESCRIBES")
        g.add_edge("hub", sol, type="OWNS", case=case, evidence="")
        if i:
            g.add_edge(sol, f"solution-hub-{i - 1}", type="INSPIRED_BY", case=case, evidence="")
    return g


@pytest.mark.parametrize("make", [toy_graph, _spread_graph_with_a_hub, shared_default_graph])
def test_the_register_of_a_region_is_the_register_filtered(make):
    from samspil.queries.register import case_register, records_for

    g = make()
    texts = records_for(g, toy_records() if make is not shared_default_graph else None)
    region = "Region Syddanmark"
    assert case_register(g, records=texts, region=region) == \
        [r for r in case_register(g, records=texts) if region in r["regions"]]


@pytest.mark.parametrize("make", [toy_graph, _spread_graph_with_a_hub, shared_default_graph])
def test_indexed_spread_is_the_scanned_spread(make):
    from samspil.queries.analytics.spread import reach, spread_paths, spread_steps, steps_by_solution, uptake

    g = make()
    steps = spread_steps(g)
    index = steps_by_solution(steps)
    assert spread_paths(g, steps=steps, index=index) == spread_paths(g)
    solutions = sorted(n for n, d in g.nodes(data=True) if "Solution" in d.get("labels", ()))
    for sol in solutions:
        assert spread_paths(g, sol, steps=steps, index=index) == spread_paths(g, sol)
        r, u = reach(g, sol), uptake(g, sol, steps=steps, index=index)
        assert (u["adopters"], u["interested"]) == (r["adopters"], r["interested"])
        assert reach(g, sol, steps=steps, index=index) == r
    with pytest.raises(ValueError):
        spread_paths(g, index=index)


def test_ranking_a_graph_with_a_hub_and_variants():
    g = _spread_graph_with_a_hub()
    ranked = {c["id"]: c for c in rank_candidates(g, records={})}
    # Every later hub solution is a variant of the one before, made by the same owner: no new adopter.
    assert ranked["hub-00"]["why"]["spread"] == "no spread recorded in the graph"
    assert ranked["hub-03"]["regions"] == []


# -- reasons true to the text, graded effect, filters, the workbook -----------------------------

def _quotes(text):
    """The quoted fragments of a reason, without the "…" of a cut."""
    return [q.strip("…").strip() for q in re.findall(r"“([^”]*)”", text)]


@pytest.mark.parametrize("number", [2, 3, 4, 11, 17])
def test_real_reasons_are_true_to_the_text_and_the_graph(number):
    # The issue: case 17 "no spread" although 12 municipalities run it; case 4 (and case 3) "no
    # spread" although rolled out; case 2 "nothing said about spreading" although offered to all
    # Funen municipalities; case 11 "others have asked" from the team's own visit to Norway.
    from samspil.queries.register import shipped_records

    g = real()
    case = f"lsf2019-{number:02d}"
    row = next(c for c in rank_candidates(g) if c["id"] == case)
    text = " ".join(shipped_records()[case].text().split())
    evidence = " ".join(" ".join(d.get("evidence", "").split()) for _, _, d in g.edges(data=True)
                        if d.get("case") == case)
    for component, why in row["why"].items():
        for quote in _quotes(why):
            assert quote and (quote in text or quote in evidence), (component, quote)
    adopted = [s for s in g.out_edges(data=True) if s[2]["type"] == "SPREAD_TO" and s[2].get("case") == case
               and s[2]["status"] == "adopted"]
    assert ("no spread recorded in the graph" == row["why"]["spread"]) == (not adopted)
    assert "others have asked" not in row["reason"] and "nothing said" not in row["reason"]


def test_case_2_capacity_quotes_the_offer_to_all_funen_municipalities():
    row = next(c for c in rank_candidates(real()) if c["id"] == "lsf2019-02")
    assert "offered to others: “Innovationstemaet har tilbudt konsulenthjælp til alle fynske" in row["why"]["capacity"]


def test_rank_follows_the_effect_grade():
    ranked = rank_candidates(real())
    by = {c["id"]: c for c in ranked}
    assert (by["lsf2019-02"]["effect"], by["lsf2019-14"]["effect"]) == ("measured", "measured")
    assert by["lsf2019-17"]["effect"] == "reported" and by["lsf2019-12"]["effect"] == "satisfaction"
    value = {c["effect"]: c["components"]["effect"] for c in ranked}
    assert value["measured"] > value["reported"] > value["satisfaction"] > value["none"] == 0
    assert "selvrapporterede effekter" in by["lsf2019-17"]["why"]["effect"]


def _group_graph(count):
    """Toy graph with one more spread edge, to a Group node of ``count`` organisations."""
    g = toy_graph()
    solution = next(v for u, v, d in g.out_edges("toy-04", data=True) if d["type"] == "DESCRIBES")
    g.add_node("group-x", labels=("Group",), name="fire vestjyske kommuner", kind="municipality", count=count,
               target="group")
    g.add_edge(solution, "group-x", key="SPREAD_TO@toy-04", type="SPREAD_TO", case="toy-04", status="adopted",
               evidence="og bidrager til at sprede løsningen til fire vestjyske kommuner", method="pattern")
    return g


@pytest.mark.parametrize(("count", "adopted"), [(4, 4), (None, 1)])
def test_a_group_receiver_counts_its_members(count, adopted):
    row = next(c for c in rank_candidates(_group_graph(count), records=toy_records()) if c["id"] == "toy-04")
    assert row["why"]["spread"].startswith(f"adopted by {adopted}: fire vestjyske kommuner")
    assert "“og bidrager til at sprede løsningen til fire vestjyske kommuner”" in row["why"]["spread"]
    assert row["components"]["spread"] == pytest.approx(min(adopted / 3, 1.0), abs=1e-4)


def test_register_filters_reused():
    from samspil.queries.register import filter_cases

    g = real()
    ranked = rank_candidates(g, prize="hverdagsinnovation", region="Sjælland", year="2015-")
    assert {c["id"] for c in ranked} == {r["id"] for r in filter_cases(g, prize="hverdagsinnovation",
                                                                          region="Sjælland", year="2015-")}
    assert all(c["prize"] == "hverdagsinnovation" and "Region Sjælland" in c["regions"] for c in ranked)
    assert {c["id"] for c in rank_candidates(g, sector="private")} == {r["id"] for r in filter_cases(g, sector="private")}


def test_command_filters_and_workbook(tmp_path):
    import openpyxl

    from samspil.queries.register import shipped_records

    runner = CliRunner()
    result = runner.invoke(main, ["candidates", "--prize", "hverdagsinnovation", "--region", "Sjælland", "--json"])
    assert result.exit_code == 0, result.output
    assert all(r["prize"] == "hverdagsinnovation" for r in json.loads(result.stdout))
    names = {p.name for r in shipped_records().values() for p in r.contacts}
    for flag, shown in (([], False), (["--include-contacts"], True)):
        out = tmp_path / f"c{len(flag)}.xlsx"
        result = runner.invoke(main, ["candidates", "--top", "52", "--xlsx", str(out), *flag])
        assert result.exit_code == 0, result.output
        sheet = openpyxl.load_workbook(out).active
        head = [c.value for c in sheet[1]]
        for k in COMPONENTS:
            assert [k, f"{k} points", f"{k} reason"] == head[head.index(k):head.index(k) + 3]
        for k in ("rank", "score", "nominators", "regions", "themes", "effect grade", "receivers", "barriers"):
            assert k in head
        assert ("contacts" in head) == shown
        rows = [[c.value for c in r] for r in sheet.iter_rows(min_row=2)]
        assert len(rows) == 52 and [r[0] for r in rows] == list(range(1, 53))
        cells = " ".join(str(v) for r in rows for v in r if v is not None)
        assert any(n in cells for n in names) == shown
    result = runner.invoke(main, ["candidates", "--include-contacts"])
    assert result.exit_code != 0 and "--xlsx" in result.output
