"""Maps (samspil.viz views, maps, atlas and `samspil map` / `samspil atlas`), checked in
headless Chromium.

Each view is drawn from small graphs in the model's shape (made with the real builder) and
from the real graph; the browser must load it with no console error and no network request,
hold exactly the nodes and edges the view function computed, and show a picture. Hostile
names must stay text. Contact details must not reach a map unless asked for.

Personal data: tests that look at contacts assert on booleans and counts, so a failure never
prints a phone number or an e-mail address.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from samspil.core.records import Corpus

from samspil.graph.builder import build_graph
from samspil.core.records import Contact
from samspil.testing.toys import toy_case, toy_cases, toy_graph, toy_records
from samspil.queries.candidates import rank_candidates
from samspil.viz.atlas import write_atlas
from samspil.viz.maps import aggregate, prepare, render_map, write_map
from samspil.testing.graphs import synthetic_graph
from samspil.viz.views import (
    candidates_view,
    cross_sector_view,
    neighbourhood_view,
    network_view,
    redact_contacts,
    spread_view,
)

try:  # tests/ as a package, or (pytest's default "prepend" mode) tests/ on sys.path
    from tests.browser import is_blank, open_page, browser_for_tests
except ImportError:
    from browser import is_blank, open_page, browser_for_tests

IMG = "<img src=x onerror=alert(1)>"
SCRIPT = "</script><script>alert(2)</script>"
QUOTES = "Ældre \"Sagen\" 'ÆØÅ' 🚀 æøå"
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<!\d)\d{2}[ \t]{0,2}\d{2}[ \t]{0,2}\d{2}[ \t]{0,2}\d{2}(?!\d)")


# --------------------------------------------------------------------------------------------
# graphs


def hostile_graph():
    """Three organisations with hostile or awkward names in one case, one of them an adopter."""
    record, facts = toy_case(
        1, f"Løsning {SCRIPT}", year=2019,
        actors=[("Kolding Kommune", "municipality", "owner"), (IMG, "company", "partner"),
                (QUOTES, "association", "funder")],
        spread=[("Vejen Kommune", "municipality", "adopted", 2020)], themes=["aeldre"])
    return build_graph(Corpus(cases=[(record, facts)]))


def contact_graph(include_contacts: bool):
    """The toy cases, the first with a contact person who has a phone number and an e-mail."""
    cases = toy_cases()
    record = cases[0][0]
    record.contacts[:] = [Contact("Anna Testesen", "projektleder", "Kolding Kommune", "12 34 56 78",
                                  "anna.testesen@kolding.dk")]
    # The e-mail also sits in an evidence quote, as a careless extraction could leave it.
    facts = cases[0][1]
    facts.actors[0] = type(facts.actors[0])(facts.actors[0].name, facts.actors[0].kind, facts.actors[0].role,
                                            evidence="Kontakt anna.testesen@kolding.dk, tlf. 12 34 56 78",
                                            method="curated")
    return build_graph(Corpus(cases=cases), include_contacts=include_contacts)


@pytest.fixture(scope="module")
def real_graph():
    from samspil.graph.builder import default_graph

    return default_graph()


@pytest.fixture(scope="module")
def toy():
    return toy_graph()


# --------------------------------------------------------------------------------------------
# the views, without a browser


def folded_pairs(g, include_contacts=False):
    """Independently of the view code: the unordered pairs the whole network must draw."""
    solution_of = {u: v for u, v, d in g.edges(data=True) if d["type"] == "DESCRIBES"}
    shown = {n for n, d in g.nodes(data=True)
             if {"Actor", "Solution", "Theme"} & set(d["labels"]) or (include_contacts and "Person" in d["labels"])}
    pairs = set()
    for u, v, d in g.edges(data=True):
        if d["type"] in ("DESCRIBES", "FROM_SOURCE", "COLLABORATES_WITH"):
            continue
        a, b = solution_of.get(u, u), solution_of.get(v, v)
        if a != b and a in shown and b in shown:
            pairs.add(frozenset((a, b)))
    return shown, pairs


@pytest.mark.parametrize("which", ["toy", "real"])
def test_network_view_is_the_folded_graph(which, toy, real_graph):
    g = toy if which == "toy" else real_graph
    view = network_view(g)
    shown, pairs = folded_pairs(g)
    assert {n["id"] for n in view.nodes} == shown
    assert {frozenset((e["from"], e["to"])) for e in view.edges} == pairs
    assert len(view.edges) == len(pairs)
    assert not any(n["group"] in ("person", None) for n in view.nodes)
    assert all(n["tooltip"] and n["label"] for n in view.nodes)


def test_network_edges_take_the_strongest_relation_and_list_all(toy, real_graph):
    view = network_view(toy)
    edge = next(e for e in view.edges if {e["from"], e["to"]} == {"municipality-0621", "solution-talentudvikling"})
    assert edge["rel"] == "OWNS" and edge["from"] == "municipality-0621"
    assert edge["tooltip"].splitlines() == ["Kolding Kommune → Talentudvikling",
                                            "ejer / udviklede — Talentudvikling (toy-01)",
                                            "  «Kolding Kommune (owner)»"]
    kolding = next(n for n in view.nodes if n["id"] == "municipality-0621")
    assert kolding["tooltip"].splitlines()[:2] == ["Kolding Kommune", "Kommune · offentlig sektor"]
    assert "· Talentudvikling (toy-01): ejer" in kolding["tooltip"]
    assert "«" in kolding["tooltip"]                                   # an evidence quote
    # In the real graph a nominator also owns: one line, drawn as OWNS, both in its tooltip.
    both = [e for e in network_view(real_graph).edges
            if "ejer / udviklede" in e["tooltip"] and "indstillede" in e["tooltip"]]
    assert both and all(e["rel"] == "OWNS" for e in both)


def test_cross_sector_view(toy, real_graph):
    for g in (toy, real_graph):
        view = cross_sector_view(g)
        ties = {frozenset((u, v)) for u, v, d in g.edges(data=True) if d["type"] == "COLLABORATES_WITH"}
        assert {frozenset((e["from"], e["to"])) for e in view.edges} == ties
        assert {n["id"] for n in view.nodes} == {a for t in ties for a in t}
        assert {n["group"] for n in view.nodes} <= {"public", "private", "civil", "knowledge"}
    toy_view = cross_sector_view(toy)
    tie = next(e for e in toy_view.edges if {e["from"], e["to"]} == {"municipality-0621", "actor-talentfabrikken-aps"})
    assert tie["pair"] == "public–private" and tie["color"]["color"] == "#ff7f0e"
    assert "offentlig–privat" in tie["tooltip"] and "Talentudvikling" in tie["tooltip"]
    assert toy_view.notices[0] == "7 af 10 samarbejder krydser en sektorgrænse."


def test_spread_view_goes_from_originator_to_adopters(toy):
    view = spread_view(toy, "Talentudvikling")
    x = {n["name"]: n["x"] for n in view.nodes}
    edges = {(e["from"], e["to"]): e for e in view.edges}
    kolding, sol, vejen = "municipality-0621", "solution-talentudvikling", "municipality-0575"
    variant, billund = "solution-talentudvikling-i-vejen", "municipality-0530"
    assert edges[kolding, sol]["rel"] == "OWNS"
    assert edges[sol, vejen]["rel"] == "SPREAD_TO:adopted" and edges[sol, vejen]["label"] == "2019"
    assert edges[sol, variant]["rel"] == "INSPIRED_BY" and edges[sol, variant]["label"] == "2020"
    assert edges[variant, billund]["label"] == "2021"                    # the chain goes on
    assert edges[sol, "actor-vaeksthus-for-ledelse"]["rel"] == "SPREAD_TO:interested"
    assert edges[sol, "actor-vaeksthus-for-ledelse"]["dashes"]
    assert x["Kolding Kommune"] < x["Talentudvikling"] < x["Vejen Kommune"] < x["Talentudvikling i Vejen"] \
        < x["Billund Kommune"]
    assert view.fixed and all(e["arrows"]["to"]["enabled"] for e in view.edges)
    assert view.notices[0].startswith("Spredt 3 gange, interesse uden spredning 1 gang (2019–2021)")


def test_spread_view_of_a_solution_that_did_not_spread(toy):
    view = spread_view(toy, "Forbedringsdage")
    assert len(view.nodes) == 2 and view.notices[0].startswith("Grafen kender endnu ingen spredning")


def test_neighbourhood_depth_and_regions_not_gone_through(toy):
    one = neighbourhood_view(toy, "Kolding Kommune", depth=1)
    two = neighbourhood_view(toy, "Kolding Kommune", depth=2)
    names1 = {n["name"] for n in one.nodes}
    names2 = {n["name"] for n in two.nodes}
    assert {"Talentudvikling", "Robotter i administrationen", "Region Syddanmark"} <= names1
    assert "Vejen Kommune" not in names1 and "Vejen Kommune" in names2     # adopter, two steps away
    assert "Aarhus Universitet" in names2                                   # partner in a shared solution
    # Billund is in Region Syddanmark too, but a region is shown, not gone through.
    assert "Billund Kommune" not in names2
    centre = next(n for n in two.nodes if n["id"] == "municipality-0621")
    assert centre["step"] == "0" and centre["borderWidth"] == 4
    ids = {n["id"] for n in two.nodes}
    assert all(e["from"] in ids and e["to"] in ids for e in two.edges)


def test_unknown_or_ambiguous_names_are_user_errors(toy):
    from samspil.core.errors import SamspilError

    with pytest.raises(SamspilError, match="no actor called"):
        neighbourhood_view(toy, "Atlantis Kommune")
    with pytest.raises(SamspilError, match="matches 5 actors"):
        neighbourhood_view(toy, "kommune")
    with pytest.raises(SamspilError, match="depth must be 1 or 2"):
        neighbourhood_view(toy, "Kolding Kommune", depth=3)
    with pytest.raises(SamspilError, match="no solution"):
        spread_view(toy, "findes ikke")


def test_candidates_view_ranks_and_sizes(toy):
    ranked = rank_candidates(toy, records=toy_records())
    view = candidates_view(toy, top=3, ranked=ranked)
    sols = {n["id"]: n for n in view.nodes if n["group"] == "solution" and n["label"][0].isdigit()}
    assert len(sols) == 3
    first = next(n for n in sols.values() if n["label"].startswith("1. "))
    assert all(first["size"] >= n["size"] for n in sols.values())
    assert f"Score {ranked[0]['score']:g} af 100" in first["tooltip"]
    assert "Hvorfor: " in first["tooltip"]


def test_aggregation_keeps_every_node_and_says_so():
    g = synthetic_graph(1500, seed=4)
    view = network_view(g)
    drawn = prepare(view, max_nodes=400, seed=4)
    assert len(drawn.nodes) <= 400
    assert sum(n["members"] for n in drawn.nodes) == len(view.nodes) == 1500
    assert drawn.notices[-1].startswith("Kortet er samlet: 1.500 noder")
    by_kind = aggregate(view, by="kind")
    assert sorted(n["members"] for n in by_kind.nodes) == sorted(Counter(n["group"] for n in view.nodes).values())


def test_layout_is_reproducible_by_seed(toy):
    a = prepare(network_view(toy), seed=5)
    b = prepare(network_view(toy), seed=5)
    c = prepare(network_view(toy), seed=6)
    pos = lambda v: {n["id"]: (n["x"], n["y"]) for n in v.nodes}  # noqa: E731
    assert pos(a) == pos(b) and pos(a) != pos(c)
    assert render_map(a) == render_map(b)
    assert a.options["layout"]["randomSeed"] == 5


def test_large_maps_switch_physics_off():
    drawn = prepare(network_view(synthetic_graph(800)))
    assert drawn.options["physics"] == {"enabled": False}
    assert drawn.options["edges"]["smooth"] is False
    assert any("beregnet på forhånd" in n for n in drawn.notices)


def test_redaction():
    assert redact_contacts("ring 12 34 56 78 eller 4019 8078, skriv a.b@c.dk") == (
        "ring [kontaktoplysning skjult] eller [kontaktoplysning skjult], skriv [kontaktoplysning skjult]")
    assert redact_contacts("ÅRSTAL: 2015-2018, 1.000.000 kr., 52 cases") == "ÅRSTAL: 2015-2018, 1.000.000 kr., 52 cases"


def test_no_contact_details_by_default(tmp_path):
    plain = contact_graph(include_contacts=False)
    page = render_map(prepare(network_view(plain)))
    data = page.split('id="samspil-data">', 1)[1].split("</script>", 1)[0]
    assert not EMAIL.search(data) and not PHONE.search(data)
    assert "Anna Testesen" not in page
    # Even a graph that holds Person nodes draws none without include_contacts.
    with_people = contact_graph(include_contacts=True)
    for view in (network_view(with_people), neighbourhood_view(with_people, "Kolding Kommune", depth=2)):
        html_text = render_map(prepare(view))
        assert "Anna Testesen" not in html_text and "anna.testesen@" not in html_text
        assert not any(n["group"] == "person" for n in view.nodes)
    shown = network_view(with_people, include_contacts=True)
    person = next(n for n in shown.nodes if n["group"] == "person")
    assert "anna.testesen@kolding.dk" in person["tooltip"] and "12 34 56 78" in person["tooltip"]


def test_real_default_map_leaks_no_contact_of_the_cases(real_graph):
    from samspil.graph.builder import default_graph

    with_people = default_graph(include_contacts=True)
    people = [d for _, d in with_people.nodes(data=True) if "Person" in d["labels"]]
    secrets = {d[k] for d in people for k in ("email", "phone") if d.get(k)}
    assert len(secrets) > 20                      # the cases do name contacts
    asked = network_view(with_people, include_contacts=True)
    assert sum(n["group"] == "person" for n in asked.nodes) == len(people)
    assert sum(n["group"] == "person" for n in network_view(with_people).nodes) == 0
    for view in (network_view(real_graph), cross_sector_view(real_graph), candidates_view(real_graph)):
        page = render_map(prepare(view))
        data = page.split('id="samspil-data">', 1)[1].split("</script>", 1)[0]
        assert sum(s in page for s in secrets) == 0
        assert not EMAIL.search(data)
        assert not PHONE.search(data)


# --------------------------------------------------------------------------------------------
# in Chromium


@pytest.fixture(scope="module")
def browser():
    with browser_for_tests() as b:
        yield b


def check_drawn(browser, view, path, **kw):
    """Write the map, open it, and check the browser drew exactly the prepared view."""
    written, drawn = write_map(view, path, **kw)
    rep = open_page(written, browser=browser)
    assert rep.clean, (rep.console_errors, rep.page_errors, rep.dialogs, rep.external_requests)
    assert rep.stable, f"not stable after {rep.wall_s:.1f} s"
    assert (rep.nodes_total, rep.edges_total) == (len(drawn.nodes), len(drawn.edges))
    assert (rep.nodes_drawn, rep.edges_drawn) == (len(drawn.nodes), len(drawn.edges))
    assert not is_blank(rep.canvas_screenshot)
    return rep, drawn


REAL_VIEWS = {
    "network": lambda g: network_view(g),
    "cross-sector": lambda g: cross_sector_view(g),
    "spread": lambda g: spread_view(g, "OS2autoproces"),
    "neighbourhood": lambda g: neighbourhood_view(g, "Kolding Kommune", depth=2),
    "candidates": lambda g: candidates_view(g),
}


@pytest.mark.parametrize("name", list(REAL_VIEWS))
def test_each_view_of_the_real_graph_in_chromium(browser, real_graph, tmp_path, name):
    view = REAL_VIEWS[name](real_graph)
    assert len(view.nodes) > 5 and view.edges
    rep, drawn = check_drawn(browser, view, tmp_path / f"{name}.html")
    assert rep.stable_ms < 10_000


@pytest.mark.parametrize("name", ["network", "cross-sector", "spread", "neighbourhood", "candidates"])
def test_each_view_of_a_toy_graph_in_chromium(browser, toy, tmp_path, name):
    view = {"network": lambda: network_view(toy), "cross-sector": lambda: cross_sector_view(toy),
            "spread": lambda: spread_view(toy, "Talentudvikling"),
            "neighbourhood": lambda: neighbourhood_view(toy, "Vejen Kommune", depth=2),
            "candidates": lambda: candidates_view(toy, ranked=rank_candidates(toy, records=toy_records()))}[name]()
    check_drawn(browser, view, tmp_path / f"toy-{name}.html")


def test_aggregated_and_large_maps_in_chromium(browser, tmp_path):
    g = synthetic_graph(1500, seed=2)
    rep, drawn = check_drawn(browser, network_view(g), tmp_path / "agg.html", max_nodes=300, seed=2)
    assert rep.nodes_total <= 300
    rep, drawn = check_drawn(browser, network_view(g), tmp_path / "still.html", seed=2)
    assert rep.nodes_total == 1500 and drawn.options["physics"] == {"enabled": False}
    assert rep.stable_ms < 10_000


@pytest.mark.parametrize("view_name", ["network", "spread", "cross-sector"])
def test_hostile_names_stay_text_in_chromium(browser, tmp_path, view_name):
    g = hostile_graph()
    view = {"network": lambda: network_view(g), "spread": lambda: spread_view(g, "solution-loesning-script-script-alert-2-script"),
            "cross-sector": lambda: cross_sector_view(g)}[view_name]()
    written, drawn = write_map(view, tmp_path / f"hostile-{view_name}.html")
    rep, page = open_page(written, browser=browser, keep_open=True, screenshots=False)
    try:
        assert rep.clean and rep.stable, (rep.console_errors, rep.dialogs)
        assert (rep.nodes_total, rep.edges_total) == (len(drawn.nodes), len(drawn.edges))
        for name in (IMG, QUOTES):
            node = next(n for n in drawn.nodes if n["name"] == name)
            assert page.evaluate("(q) => samspilSearch(q)", name) == node["id"]
            assert page.text_content("#samspil-details .dname") == name
        found = page.evaluate("""() => ({imgs: document.querySelectorAll('img, svg, iframe').length,
            handlers: document.querySelectorAll('[onerror],[onload]').length,
            scripts: document.querySelectorAll('script').length})""")
        assert found == {"imgs": 0, "handlers": 0, "scripts": 3}
        assert rep.dialogs == []
    finally:
        page.context.close()


def test_contact_persons_in_chromium_only_when_asked(browser, tmp_path):
    g = contact_graph(include_contacts=True)
    _, drawn = check_drawn(browser, network_view(g, include_contacts=True), tmp_path / "people.html")
    assert sum(n["group"] == "person" for n in drawn.nodes) == 2          # toy cases 1 and 3
    _, drawn = check_drawn(browser, network_view(g), tmp_path / "nobody.html")
    assert sum(n["group"] == "person" for n in drawn.nodes) == 0


# --------------------------------------------------------------------------------------------
# the atlas and the command line


def test_atlas_is_a_static_site_with_working_links(browser, tmp_path):
    g = toy_graph()
    ranked = rank_candidates(g, records=toy_records())
    out = tmp_path / "atlas"
    stale = out / "spread" / "gammel.html"
    stale.parent.mkdir(parents=True)
    stale.write_text("old", encoding="utf-8")
    (out / "atlas.json").write_text(json.dumps([{"path": "spread/gammel.html"}]), encoding="utf-8")
    (out / "mine.html").write_text("not the atlas's", encoding="utf-8")
    pages = write_atlas(g, out, actors=3, ranked=ranked)
    paths = [p.path for p in pages]
    assert paths[:5] == ["index.html", "network.html", "cross-sector.html", "candidates.html", "spread/talentudvikling.html"]
    assert "candidates-table.html" in paths and sum(p.startswith("actors/") for p in paths) == 3
    assert not stale.exists() and (out / "mine.html").exists()       # stale page pruned, others kept
    for p in pages:
        text = (out / p.path).read_text(encoding="utf-8")
        for href in re.findall(r'href="([^"]+)"', text):
            assert not re.match(r"^[a-z]+:|^/", href), href                   # relative only
            assert (out / p.path).parent.joinpath(href).resolve().is_file(), (p.path, href)
    assert json.loads((out / "atlas.json").read_text(encoding="utf-8"))[0]["path"] == "index.html"
    for name in ("index.html", "candidates-table.html"):
        ctx = browser.new_context()
        ctx.set_offline(True)
        page = ctx.new_page()
        errors, requests = [], []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("request", lambda r: requests.append(r.url) if not r.url.startswith("file:") else None)
        page.goto((out / name).as_uri())
        assert errors == [] and requests == []
        assert page.evaluate("() => document.querySelectorAll('script').length") == 0
        ctx.close()
    rep = open_page(out / "spread" / "talentudvikling.html", browser=browser, screenshots=False)
    assert rep.clean and rep.stable


def run_samspil(*args, cwd=None):
    script = Path(sys.executable).parent / "samspil"
    cmd = [str(script)] if script.exists() else [sys.executable, "-m", "samspil"]
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run([*cmd, *map(str, args)], capture_output=True, text=True, cwd=cwd, env=env,
                          timeout=180)


def test_cli_map_and_atlas(tmp_path):
    out = tmp_path / "kort.html"
    res = run_samspil("map", "spread", "OS2autoproces", "-o", out, "--seed", "3")
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith(f"wrote {out} (") and "fixed layout, seed 3" in res.stdout
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["kort.html"]             # no temporary file left
    res = run_samspil("map", "neighbourhood", "kommune", "-o", tmp_path / "x.html")
    assert res.returncode == 2 and res.stdout == ""
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("samspil: error: 'kommune' matches")
    res = run_samspil("atlas", "-o", tmp_path / "atlas", "--actors", "2")
    assert res.returncode == 0, res.stderr
    assert "neighbourhood" in res.stdout and (tmp_path / "atlas" / "index.html").is_file()
