"""Analytics: networks, spread, the case register and the theme vocabulary.

Three kinds of graph:

* the toy graph (:mod:`samspil.testing.toys`): five cases built by the real
  builder, every fact known, so every number can be checked by hand;
* the gold graph: the shipped corpus with the development set's hand annotation as facts
  — what the real graph will be once the recogniser finds what the annotator found;
* the real graph (``default_graph()``), with facts a reader can check in
  ``samspil/data/sources/002_f4c25f01ed011c46.txt``; the same facts are asserted on the gold
  graph, so a failure on the real graph alone points at the recogniser.
"""

from __future__ import annotations

import json
from functools import lru_cache

import networkx as nx
import pytest
from click.testing import CliRunner

from samspil.cli import main
from samspil.cli.analytics import graph_and_records
from samspil.core.errors import InputError, SamspilError
from samspil.core.themes import load_themes, resolve_theme, tag_case_themes, tag_themes, theme_label
from samspil.queries.analytics import network, spread
from samspil.testing.toys import (shared_default_graph, shared_gold_graph, toy_graph,
                                              toy_records)
from samspil.queries.register import case_register, filter_cases, parse_years

real = shared_default_graph
gold = shared_gold_graph


@pytest.fixture(scope="module")
def toy():
    return toy_graph()


# -- network on the toy graph ----------------------------------------------------------------

def test_projection_ties_makers_not_adopters(toy):
    c = network.collaboration_graph(toy)
    kolding, vejen = "municipality-0621", "municipality-0575"
    assert not c.has_edge(kolding, vejen)  # Vejen adopted Kolding's solution: spread, not collaboration
    tie = c.edges[kolding, "actor-foreningen-talentspejderen"]
    assert tie["weight"] == 1 and tie["solutions"] == ["solution-talentudvikling"]
    assert c.nodes[kolding]["region"] == "Region Syddanmark"


def test_ties_and_counts(toy):
    ties = network.collaboration_ties(toy)
    assert all(t["cross_sector"] == (t["a_sector"] != t["b_sector"]) for t in ties)
    counts = {t["pair"]: t["ties"] for t in network.tie_counts(toy)}
    assert len(counts) == 10  # every pair of the four sectors, zero or not
    assert counts["public–private"] == 1 and counts["private–civil"] == 1 and counts["civil–knowledge"] == 0
    assert sum(counts.values()) == len(ties)
    assert all(t["cross_sector"] for t in network.collaboration_ties(toy, cross_sector_only=True))


def test_sector_mix(toy):
    mix = {m["title"]: m for m in network.solution_sector_mix(toy)}
    assert mix["Talentudvikling"]["sectors"] == {"public": 1, "private": 1, "civil": 1}
    assert mix["Forbedringsdage"]["n_sectors"] == 1
    actors = {a["name"]: a for a in network.actor_sector_mix(toy)}
    assert actors["Kolding Kommune"]["other_sectors"] == 3
    assert actors["Talentfabrikken ApS"]["partner_sectors"] == {"public": 1, "civil": 1}


def test_brokerage_roles_directed_all_five():
    groups = {"a": 1, "b": 1, "c": 1, "x": 2, "y": 3}
    cases = {  # (A, B, C) → role of B
        ("a", "b", "c"): "coordinator",
        ("x", "b", "c"): "gatekeeper",
        ("a", "b", "x"): "representative",
        ("a", "x", "c"): "consultant",
        ("a", "x", "y"): "liaison",
    }
    for (a, b, c), role in cases.items():
        roles = network.brokerage_roles(nx.DiGraph([(a, b), (b, c)]), groups)[b]
        assert roles[role] == 1 and roles["total"] == 1
        assert sum(roles[r] for r in network.BROKERAGE_ROLES) == 1


def test_brokerage_closed_triad_and_undirected_convention():
    assert network.brokerage_roles(nx.complete_graph(3), {0: "a", 1: "b", 2: "a"})[1]["total"] == 0
    roles = network.brokerage_roles(nx.path_graph(3), {0: "a", 1: "a", 2: "b"})[1]
    assert roles["gatekeeper"] == roles["representative"] == 1 and roles["total"] == 1


def test_betweenness_backend_is_pluggable():
    network.register_betweenness_backend("halves", lambda graph, normalized: dict.fromkeys(graph, 0.5))
    assert network.betweenness(nx.path_graph(2), backend="halves") == {0: 0.5, 1: 0.5}
    with pytest.raises(SamspilError, match="unknown betweenness backend"):
        network.betweenness(nx.path_graph(2), backend="nope")


def test_brokers(toy):
    rows = network.brokers(toy)
    assert rows[0]["name"] == "Kolding Kommune"  # ties Talentudvikling's makers to Robotter's
    assert rows[0]["cross_sector"] == rows[0]["brokered"] - rows[0]["coordinator"] > 0
    assert network.brokers(toy, top=1) == rows[:1]


def test_communities_seeded_and_labelled(toy):
    first = network.communities(toy, seed=7)
    assert first == network.communities(toy, seed=7)
    for c in first:
        assert c["members"][0] in c["label"] and c["size"] == len(c["members"]) >= 2
    assert all(c["size"] >= 3 for c in network.communities(toy, min_size=3))


# -- spread on the toy graph -----------------------------------------------------------------

def test_steps_count_only_adoption_and_variants(toy):
    steps = spread.spread_steps(toy)
    counted = {(s["to"], s["via"]) for s in steps if s["counts_as_spread"]}
    assert ("Vejen Kommune", "spread") in counted and ("Billund Kommune", "spread") in counted
    assert ("Væksthus for Ledelse", "spread") not in counted  # interest is not spread (design.md)


def test_chain_kolding_vejen_billund(toy):
    chains = spread.spread_chains(toy)
    assert [c["actors"] for c in chains] == [["Kolding Kommune", "Vejen Kommune", "Billund Kommune"]]
    assert [s["year"] for s in chains[0]["steps"]] == [2019, 2021]


def test_reach_follows_variants(toy):
    r = spread.reach(toy, "toy-01")
    assert r["adopters"] == ["Billund Kommune", "Vejen Kommune"]
    assert r["regions"] == ["Region Syddanmark"] and r["new_regions"] == []
    assert r["years"] == [2019, 2021]


def test_top_solutions_and_spreaders(toy):
    assert spread.top_solutions(toy)[0]["title"] == "Talentudvikling"
    top = spread.top_spreaders(toy)[0]
    assert top["name"] == "Kolding Kommune" and top["interest"] == ["Væksthus for Ledelse"]


def test_next_adopters_reasons(toy):
    rows = spread.next_adopters(toy, "Talentudvikling", top=None)
    names = [r["name"] for r in rows]
    assert names[0] == "Væksthus for Ledelse"  # it asked: the strongest reason
    assert not {"Kolding Kommune", "Vejen Kommune", "Billund Kommune"} & set(names)  # holders
    assert "Talentfabrikken ApS" not in names  # a company adopts nothing unless it asked
    assert "Esbjerg Kommune" in names  # from the reference table, same region as the holders
    assert all(r["reasons"] and r["score"] > 0 for r in rows)
    assert all(r["name"] != "Esbjerg Kommune" for r in spread.next_adopters(toy, "Talentudvikling", top=None,
                                                                             reference=False))


def _variant_graph(*cases):
    from samspil.core.records import Corpus
    from samspil.graph.builder import build_graph

    return build_graph(Corpus(cases=list(cases)))


def test_a_variant_of_an_idea_nobody_owns_keeps_its_spread():
    """A solution inspired by a solution nobody in the graph owns (a method from abroad) is
    a variant, yet no row holds its steps but its own: its spread is listed, counted, drawn."""
    from samspil.testing.toys import toy_case

    g = _variant_graph(toy_case(1, "Lokal læsekampagne", year=2019, actors=[("Kolding Kommune", "municipality", "owner")],
                                spread=[("Vejen Kommune", "municipality", "adopted", 2020),
                                        ("Billund Kommune", "municipality", "interested", None)],
                                inspired_by=[("Reading Buddies fra Skotland", "solution")]))
    paths = spread.spread_paths(g)
    assert [(p["title"], p["adopted"], p["interest"]) for p in paths] == [("Lokal læsekampagne", 1, 1)]
    assert [(r["title"], r["adopters"]) for r in spread.top_solutions(g)] == [("Lokal læsekampagne", ["Vejen Kommune"])]
    assert spread.reach(g, "Lokal læsekampagne")["adopters"] == ["Vejen Kommune"]


def test_a_variant_is_listed_under_the_solution_it_was_made_from(toy):
    """When the solution a variant was made from has a row, the variant's steps are in it and
    the variant has none of its own (Talentudvikling i Vejen under Talentudvikling)."""
    titles = [p["title"] for p in spread.spread_paths(toy)]
    assert "Talentudvikling i Vejen" not in titles and "Talentudvikling" in titles
    steps = spread.spread_paths(toy, "Talentudvikling")[0]["steps"]
    assert ("Billund Kommune", "adopted") in {(s["to"], s["status"]) for s in steps}


def test_two_solutions_inspired_by_each_other_both_keep_their_spread():
    from samspil.testing.toys import toy_case

    g = _variant_graph(toy_case(1, "Alfa", year=2019, actors=[("Kolding Kommune", "municipality", "owner")],
                                spread=[("Vejen Kommune", "municipality", "adopted", 2020)],
                                inspired_by=[("Beta", "solution")]),
                       toy_case(2, "Beta", year=2019, actors=[("Kolding Kommune", "municipality", "owner")],
                                spread=[("Billund Kommune", "municipality", "adopted", 2021)],
                                inspired_by=[("Alfa", "solution")]))
    adopted = {s["to"] for p in spread.spread_paths(g) for s in p["steps"] if s["counts_as_spread"]}
    assert adopted == {"Vejen Kommune", "Billund Kommune"}


def test_find_solution_errors(toy):
    with pytest.raises(SamspilError, match="no solution"):
        spread.find_solution(toy, "Findes ikke")
    with pytest.raises(SamspilError, match="matches 2 solutions"):
        spread.find_solution(toy, "talent")


# -- spread on the gold and the real graph ---------------------------------------------------

def _steps(g, title):
    return {(s["to"], s["status"]) for s in spread.spread_paths(g, title)[0]["steps"]}


def test_gold_talentudvikling_spread_to_vejen():
    # 002_…txt, case 9: "Tilgangen har spredt sig til Vejen Kommune, der har ansat to talentudviklere."
    assert ("Vejen Kommune", "adopted") in _steps(gold(), "lsf2019-09")
    assert spread.reach(gold(), "lsf2019-09")["originators"] == ["Kolding Kommune"]


@pytest.mark.parametrize("graph", [gold, real], ids=["gold", "real"])
def test_talentudvikling_spread_to_vejen(graph):
    steps = _steps(graph(), "Talentudvikling")
    assert ("Vejen Kommune", "adopted") in steps
    assert ("Væksthus for Ledelse", "interested") in steps  # "Væksthus for Ledelse har også udvist interesse"


@pytest.mark.parametrize("graph", [gold, real], ids=["gold", "real"])
def test_sammen_om_min_vej(graph):
    # Case 14: Vordingborg implements it; Randers and Morsø "har ladet sig inspirere" — not spread yet.
    r = spread.reach(graph(), "Sammen om min vej")
    assert r["adopters"] == ["Vordingborg Kommune"]
    assert r["interested"] == {"Morsø Kommune": "inspired", "Randers Kommune": "inspired"}


@pytest.mark.parametrize("graph", [gold, real], ids=["gold", "real"])
def test_os2autoproces_reaches_two_regions(graph):
    # Case 30: Region Midtjylland and Region Nordjylland use OS2autoproces.
    r = spread.reach(graph(), "OS2autoproces")
    assert {"Region Midtjylland", "Region Nordjylland"} <= set(r["adopters"])


def test_real_spread_functions_run_on_whatever_the_graph_has():
    g = real()
    for row in spread.top_solutions(g):
        assert row["adopters"] or row["interested"]
    for chain in spread.spread_chains(g):
        assert chain["length"] == len(chain["actors"]) - 1
    assert spread.spread_summary(g)["steps"] == len(spread.spread_steps(g))


def test_real_network_functions():
    g = real()
    counts = network.tie_counts(g)
    assert sum(c["ties"] for c in counts) == len(network.collaboration_ties(g))
    for b in network.brokers(g, top=10):
        assert 0 <= b["cross_sector"] <= b["brokered"] and 0 <= b["betweenness"] <= 1
    groups = network.communities(g)
    members = [m for c in groups for m in c["member_ids"]]
    assert len(members) == len(set(members))  # every actor in one community at most
    assert all(len(c["members"]) == len(c["member_ids"]) == c["size"] for c in groups)


def test_betweenness_defaults_to_igraph():
    pytest.importorskip("igraph")
    assert network.default_betweenness_backend() == "igraph"
    assert network.betweenness(nx.path_graph(4)) == pytest.approx({0: 0.0, 1: 2 / 3, 2: 2 / 3, 3: 0.0})


def test_igraph_and_networkx_betweenness_agree_on_the_real_graph():
    pytest.importorskip("igraph")
    c = network.collaboration_graph(real())
    by_networkx = network.betweenness(c, backend="networkx")
    by_igraph = network.betweenness(c, backend="igraph")
    assert c.number_of_nodes() > 100 and by_igraph.keys() == by_networkx.keys() == set(c)
    assert max(by_networkx.values()) > 0
    for actor, value in by_networkx.items():
        assert abs(by_igraph[actor] - value) < 1e-9, actor
    unnormalised = network.betweenness(c, backend="igraph", normalized=False)
    for actor, value in network.betweenness(c, backend="networkx", normalized=False).items():
        assert abs(unnormalised[actor] - value) < 1e-9 * max(1.0, value), actor
    # brokers() ranks the same actors in the same order with either backend (and by default).
    assert network.brokers(real(), backend="igraph") == network.brokers(real(), backend="networkx") \
        == network.brokers(real())


def test_real_vr_case_spans_three_sectors():
    # Case 37: "udviklet filmene i et OPI-samarbejde med Innovation Silkeborg og TimeStory VR"
    mix = {m["title"]: m for m in network.solution_sector_mix(real())}
    assert set(mix["Virtual Reality hjælper unge med social angst"]["sectors"]) >= {"public", "private"}


# -- the case register -----------------------------------------------------------------------

def test_register_rows_keep_the_case_view(toy):
    rows = case_register(toy, records=toy_records())
    assert {"id", "title", "actors", "spread", "themes", "regions", "sectors", "has_contact"} <= set(rows[0])
    assert [r["id"] for r in rows] == ["toy-01", "toy-02", "toy-03", "toy-04", "toy-05"]
    assert next(r for r in rows if r["id"] == "toy-04")["regions"] == ["Region Midtjylland"]  # via PART_OF


def test_register_filters(toy):
    ids = lambda **kw: [r["id"] for r in filter_cases(toy, records=toy_records(), **kw)]  # noqa: E731
    assert ids(sector="knowledge") == ["toy-05"]
    assert ids(region="Midtjylland") == ["toy-04", "toy-05"]  # Syddjurs is in Midtjylland
    assert ids(year="2020-") == ["toy-02", "toy-05"]
    assert ids(theme="digitalisation") == ["toy-05"]
    assert ids(text="drejebog") == ["toy-01"]
    assert ids(text="Kontakt Person") == []  # contacts are never searched
    assert ids(prize="none") == ids()


@pytest.mark.parametrize("kw, message", [({"theme": "rumfart"}, "unknown theme"), ({"region": "Skåne"}, "region"),
                                         ({"sector": "church"}, "sector"), ({"prize": "nobel"}, "prize"),
                                         ({"year": "sidste år"}, "year")])
def test_register_filter_errors(toy, kw, message):
    with pytest.raises(SamspilError, match=message):
        filter_cases(toy, records={}, **kw)


def test_parse_years():
    assert parse_years("-2015") == (None, 2015) and parse_years("2015..2018") == (2015, 2018)
    with pytest.raises(SamspilError):
        parse_years("20152018")


def test_real_register():
    g = real()
    assert [r["id"] for r in filter_cases(g, theme="svær overvægt")] == ["seed000-ligevaegt",
                                                                           "seed000-syddansk-overvaegtsinitiativ"]
    syd = [r["id"] for r in filter_cases(g, region="Region Syddanmark")]
    assert "lsf2019-09" in syd and "lsf2019-46" not in syd  # Kolding; Horsens is in Midtjylland
    assert [r["id"] for r in filter_cases(g, text="talentudviklere Vejen")] == ["lsf2019-09"]
    hverdag = filter_cases(g, prize="hverdagsinnovation")
    assert [r["number"] for r in hverdag] == list(range(43, 53))
    assert all(2015 <= r["year"] <= 2016 for r in filter_cases(g, year="2015-2016"))


# -- themes ----------------------------------------------------------------------------------

def test_vocabulary_keeps_the_structured_slugs_and_seed_000_themes():
    slugs = [t.slug for t in load_themes()]
    for slug in ("svaer-overvaegt", "sundhed", "digitalisering", "aeldre", "mobilitet", "velfaerd",
                 "klima-og-energi", "boern-og-unge", "mental-sundhed"):
        assert slug in slugs
    assert [t.slug for t in load_themes() if t.kind == "theme"] == ["mental-sundhed", "ulighed-i-sundhed",
                                                                    "svaer-overvaegt"]


def test_every_structured_theme_is_in_the_vocabulary():
    slugs = {t.slug for t in load_themes()}
    used = {t for _, d in real().nodes(data=True) if "Solution" in d["labels"] for t in d.get("themes") or ()}
    assert used <= slugs


def test_tagging():
    assert tag_themes("Forældre til børn i dagtilbud") == ["boern-og-unge"]  # not "ældre" in "Forældre"
    assert "ulighed-i-sundhed" in tag_themes("social ulighed i sundhed blandt socialt udsatte borgere")
    assert tag_case_themes("Café for ensomme ældre", "") == []  # one hit each in the head is not enough
    assert tag_case_themes("Ensomme ældre på plejehjem får besøg", "") == ["aeldre"]
    assert resolve_theme("Severe obesity") == resolve_theme("overvægt") == "svaer-overvaegt"
    assert theme_label("boern-og-unge", "en") == "Children, young people and schools"


def test_vocabulary_errors(tmp_path):
    bad = tmp_path / "themes.yaml"
    bad.write_text("themes:\n  - {slug: x, kind: theme, da: X, en: X, patterns: ['(']}\n", encoding="utf-8")
    with pytest.raises(InputError, match="not a regular expression"):
        load_themes(bad)
    bad.write_text("themes:\n  - {slug: x, kind: hobby, da: X, en: X, patterns: [x]}\n", encoding="utf-8")
    with pytest.raises(InputError, match="kind"):
        load_themes(bad)


def test_themes_of_real_cases():
    rows = {r["id"]: r["themes"] for r in case_register(real())}
    assert "mental-sundhed" in rows["lsf2019-37"]  # Virtual Reality hjælper unge med social angst
    assert "aeldre" in rows["lsf2019-44"]  # Pårørende til demensramte
    assert "klima-og-energi" in rows["lsf2019-36"]  # Klimasten


# -- commands --------------------------------------------------------------------------------

@pytest.fixture
def built_once(monkeypatch):
    """Commands build the shipped graph once for all command tests (building takes seconds)."""
    import samspil.cli.analytics as cli

    monkeypatch.setattr(cli, "graph_and_records", _cached_graph_and_records)


@lru_cache(maxsize=4)
def _cached_graph_and_records(lsf_paths, case_files, no_defaults):
    return graph_and_records(lsf_paths, case_files, no_defaults)


@pytest.mark.parametrize("args", [["network", "ties"], ["network", "sectors", "--by", "actor"],
                                  ["network", "brokers"], ["network", "communities"], ["spread", "paths"],
                                  ["spread", "chains"], ["spread", "top"], ["spread", "spreaders"],
                                  ["spread", "next", "Talentudvikling"], ["spread", "reach", "lsf2019-09"],
                                  ["themes"]])
def test_commands_print_json_and_csv(args, built_once):
    runner = CliRunner()
    as_json = runner.invoke(main, [*args, "--json"])
    assert as_json.exit_code == 0, as_json.stdout
    json.loads(as_json.stdout)
    as_csv = runner.invoke(main, [*args, "--csv"])
    assert as_csv.exit_code == 0, as_csv.stdout


@pytest.mark.parametrize("args", [["network", "brokers"], ["spread", "reach", "lsf2019-09"], ["themes"]])
def test_format_gives_what_the_aliases_give(args, built_once):
    runner = CliRunner()
    for fmt in ("json", "csv"):
        alias = runner.invoke(main, [*args, f"--{fmt}"])
        chosen = runner.invoke(main, [*args, "--format", fmt])
        assert chosen.exit_code == 0 and chosen.stdout == alias.stdout, chosen.output
    table = runner.invoke(main, [*args, "--format", "table"])
    assert table.exit_code == 0 and table.stdout == runner.invoke(main, args).stdout


@pytest.mark.parametrize("args", [["--json", "--csv"], ["--format", "table", "--csv"], ["--format", "csv", "--json"]])
def test_two_output_formats_are_one_error(args, built_once):
    result = CliRunner().invoke(main, ["network", "ties", *args])
    assert result.exit_code == 2 and "choose one output format" in result.output


def test_command_errors_are_one_line(built_once):
    result = CliRunner().invoke(main, ["spread", "next", "Findes ikke"])
    assert result.exit_code == 2 and "no solution or case called" in result.output
    result = CliRunner().invoke(main, ["network", "ties", "--json", "--csv"])
    assert result.exit_code == 2


def test_cases_command_filters():
    result = CliRunner().invoke(main, ["cases", "--theme", "obesity", "--json"])
    assert result.exit_code == 0, result.output
    assert [c["id"] for c in json.loads(result.stdout)] == ["seed000-ligevaegt", "seed000-syddansk-overvaegtsinitiativ"]
    result = CliRunner().invoke(main, ["cases", "--prize", "hverdagsinnovation", "--csv"])
    assert result.exit_code == 0 and len(result.stdout.strip().splitlines()) == 11
    assert CliRunner().invoke(main, ["cases", "--prize", "hverdagsinnovation", "--format", "csv"]).stdout == result.stdout


# -- spread next: kind, the holders' own organisation, hubs ------------------------------------

def test_next_adopters_never_the_holders_units_or_parents():
    g = real()
    part_of = [(u, v) for u, v, d in g.edges(data=True) if d["type"] == "PART_OF"]
    for case in ("lsf2019-17", "lsf2019-09", "lsf2019-14"):
        sol = spread.find_solution(g, case)
        holders = set(spread.makers(g, sol)) | set(spread.uptake(g, sol)["adopted"])
        kin = {u for u, v in part_of if v in holders} | {v for u, v in part_of if u in holders}
        suggested = {r["actor"] for r in spread.next_adopters(g, case, top=None)}
        assert not suggested & (holders | kin), case
    # Case 17: "Psykiatrien i Region Syddanmark" is a unit of Region Syddanmark, one of its makers.
    assert "Psykiatrien i Region Syddanmark" not in {r["name"] for r in spread.next_adopters(real(), "lsf2019-17",
                                                                                              top=None)}


def test_next_adopters_of_a_kind_and_not_through_a_hub():
    g = real()
    rows = spread.next_adopters(g, "lsf2019-17", top=None, kind="municipality")
    assert rows and all(r["kind"] == "municipality" for r in rows)
    collab = network.collaboration_graph(g)
    hubs = {spread.name(g, a) for a in collab if collab.degree(a) > spread.HUB_SHARE * (len(collab) - 1)}
    assert "Sundheds- og Ældreministeriet" in hubs
    for r in spread.next_adopters(g, "lsf2019-17", top=None):
        assert not any(f"with {h} (" in reason for reason in r["reasons"] for h in hubs), r
    # With no threshold the ministry (funder of case 17) is reasoned through again.
    everyone = spread.next_adopters(g, "lsf2019-17", top=None, hub_share=1.0)
    assert any("with Sundheds- og Ældreministeriet (" in x for r in everyone for x in r["reasons"])


def test_spread_next_command_kind():
    result = CliRunner().invoke(main, ["spread", "next", "lsf2019-17", "--kind", "municipality", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert {r["kind"] for r in json.loads(result.stdout)} == {"municipality"}
