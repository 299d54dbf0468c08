"""The real ``samspil`` command line: the case view contract of design.md (``samspil cases
--json``), the readable table, help and exit codes (issue 2)."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from samspil.loaders import structured

#: design.md, "The case view": the keys, in this order.
CASE_VIEW_KEYS = ["id", "number", "title", "prize", "year", "target_group", "nominators", "actors", "spread",
                  "inspired_by", "documented_effect", "effect", "barriers", "group_partners", "shared"]
KINDS = {"municipality", "region", "hospital", "state_agency", "company", "foundation", "association",
         "knowledge_institution", "network", "unit"}
ROLES = {"nominator", "owner", "partner", "funder", "adopter", "interested", "inspiration", "mentioned"}
STATUSES = {"adopted", "interested", "visited", "inspired"}
PRIZES = {"nyt-sammen-bedre", "hverdagsinnovation", None}


@pytest.fixture(scope="module")
def lsf_views(cli_case_views):
    return [v for v in cli_case_views if v["id"].startswith("lsf2019-")]


@pytest.fixture(scope="module")
def by_number(lsf_views):
    return {v["number"]: v for v in lsf_views}


# ------------------------------------------------------------------ the JSON contract

def test_cases_json_is_an_array_of_objects_with_exactly_design_mds_keys(cli_case_views):
    assert isinstance(cli_case_views, list) and cli_case_views
    for view in cli_case_views:
        assert list(view) == CASE_VIEW_KEYS, view.get("id")


def test_case_view_value_types_and_vocabulary(cli_case_views):
    ids = [v["id"] for v in cli_case_views]
    assert len(ids) == len(set(ids))
    for v in cli_case_views:
        where = v["id"]
        assert isinstance(v["id"], str) and isinstance(v["title"], str) and v["title"], where
        assert v["number"] is None or (isinstance(v["number"], int) and v["number"] >= 1), where
        assert v["prize"] in PRIZES, where
        assert v["year"] is None or (isinstance(v["year"], int) and 1900 <= v["year"] <= 2100), where
        assert v["target_group"] is None or isinstance(v["target_group"], str), where
        assert isinstance(v["documented_effect"], bool), where
        assert v["effect"]["grade"] in ("measured", "reported", "satisfaction", "none"), where
        assert v["documented_effect"] == (v["effect"]["grade"] == "measured"), where
        assert v["effect"]["grade"] != "none" or v["effect"]["evidence"] is None, where
        assert all(isinstance(b, str) and b for b in v["barriers"]), where
        assert all(isinstance(n, str) and n for n in v["nominators"]), where
        for a in v["actors"]:
            # an actor abroad also says its country and national code (additive keys)
            assert set(a) - {"country", "code"} == {"name", "kind", "role", "evidence"}, where
            assert a.get("country", "DK") != "DK" or set(a) == {"name", "kind", "role", "evidence"}, where
            assert a["kind"] in KINDS and a["role"] in ROLES, (where, a["kind"], a["role"])
            assert isinstance(a["evidence"], str), where
        for s in v["spread"]:
            assert set(s) == {"to", "target", "kind", "count", "status", "year", "evidence"}, where
            assert s["status"] in STATUSES and s["target"] in ("actor", "place", "group"), where
            assert s["count"] is None or (s["target"] == "group" and s["count"] >= 1), where
        for i in v["inspired_by"]:
            assert set(i) == {"from", "evidence"}, where
        names = [a["name"] for a in v["actors"]]
        assert len(names) == len(set(names)), where  # one entry per actor
        assert set(v["nominators"]) <= set(names), where


def test_the_52_cases_numbered_1_to_52_in_order(cli_case_views, lsf_views):
    assert [v["number"] for v in lsf_views] == list(range(1, 53))
    assert [v["id"] for v in lsf_views] == [f"lsf2019-{n:02d}" for n in range(1, 53)]
    assert cli_case_views[:52] == lsf_views  # sorted by source, then number


def test_prizes(lsf_views):
    prizes = [v["prize"] for v in lsf_views]
    assert (prizes.count("nyt-sammen-bedre"), prizes.count("hverdagsinnovation")) == (42, 10)
    assert prizes == ["nyt-sammen-bedre"] * 42 + ["hverdagsinnovation"] * 10


def test_year_of_each_long_case_from_the_text(lsf_views, lsf_lines):
    years = [int(re.search(r"\b(?:19|20)\d\d\b", line).group(0)) for line in lsf_lines
             if line.strip().startswith("ÅRSTAL:")]
    assert len(years) == 36
    assert [v["year"] for v in lsf_views[:36]] == years
    assert (lsf_views[1]["year"], lsf_views[8]["year"], lsf_views[12]["year"]) == (2015, 2018, 2009)


@pytest.mark.parametrize("number, title", [(1, "Furesø Fremtidsværksted"), (9, "Talentudvikling"),
                                           (36, "Klimasten"), (37, "Virtual Reality hjælper unge med social angst"),
                                           (43, "’Spisegrupper’ skaber tryghed og nye fællesskaber"),
                                           (52, "Digitale oplevelsesruter giver byens gæster indblik i det lokale liv")])
def test_named_titles(by_number, number, title):
    assert by_number[number]["title"] == title


@pytest.mark.parametrize("number, nominators", [
    (15, ["Egedal Kommune", "Furesø Kommune", "Gentofte Kommune", "Gladsaxe Kommune", "Herlev Kommune",
          "Lyngby-Taarbæk Kommune", "Rudersdal Kommune", "Ballerup Kommune", "Rødovre Kommune"]),
    (30, ["Randers Kommune", "Syddjurs Kommune", "Rudersdal Kommune", "Skanderborg Kommune", "Helsingør Kommune"]),
    (28, ["Billund Kommune", "Haderslev Kommune", "Kolding Kommune"]),
    (32, ["Skattestyrelsen", "Udviklings- og Forenklingsstyrelsen"]),
    (13, ["Odense Universitetshospital", "UCL Erhvervsakademi og Professionshøjskole"]),
    (21, ["Ældrerådet i Ringsted Kommune", "Handicaprådet i Ringsted Kommune"]),
    (9, ["Kolding Kommune"]),
])
def test_nominators_split_into_organisations(by_number, number, nominators):
    view = by_number[number]
    assert view["nominators"] == nominators
    kinds = {a["name"]: a["kind"] for a in view["actors"]}
    assert all(name in kinds for name in nominators)


def test_nominator_kinds_in_the_view(by_number):
    kinds = {a["name"]: a["kind"] for a in by_number[13]["actors"]}
    assert kinds["Odense Universitetshospital"] == "hospital"
    assert kinds["UCL Erhvervsakademi og Professionshøjskole"] == "knowledge_institution"
    assert {a["kind"] for a in by_number[15]["actors"] if a["name"] in by_number[15]["nominators"]} == {"municipality"}
    assert {a["kind"] for a in by_number[32]["actors"] if a["name"] in by_number[32]["nominators"]} == {"state_agency"}


def test_the_cases_of_the_other_seeds(cli_case_views):
    shipped = [r.id for f in structured.load_files(structured.default_files()) for r, _ in f.cases]
    others = [v["id"] for v in cli_case_views if not v["id"].startswith("lsf2019-")]
    assert sorted(others) == sorted(shipped)
    assert {i.split("-")[0] for i in others} == {"seed000", "seed001", "seed003", "seed004"}
    views = {v["id"]: v for v in cli_case_views}
    ligevaegt = views["seed000-ligevaegt"]
    assert ligevaegt["title"] == "Ligevægt"
    assert {"name": "Kolding Kommune", "kind": "municipality", "role": "owner"} in \
           [{k: a[k] for k in ("name", "kind", "role")} for a in ligevaegt["actors"]]


def test_actors_are_named_organisations_not_persons(cli_case_views, lsf_cases):
    people = {c.name for case in lsf_cases for c in case.contacts}
    actor_names = {a["name"] for v in cli_case_views for a in v["actors"]}
    persons_as_actors = len(people & actor_names)
    assert persons_as_actors == 0, f"{persons_as_actors} contact persons listed as actors"
    for name in actor_names:
        assert name[:1].isupper() or name[:1].isdigit(), name  # not "lokale virksomheder"


def test_actor_names_are_not_written_in_capitals(cli_case_views):
    """Names in their official form: "KØBENHAVNS KOMMUNE" becomes Københavns Kommune; only
    acronyms (SINTEF, DIGIT, UCL) stay in capitals."""
    shouting = sorted({a["name"] for v in cli_case_views for a in v["actors"]
                       if a["name"].isupper() and len(a["name"].replace(" ", "")) > 8})
    assert shouting == []


def test_no_contact_details_in_the_case_view(cli_case_views, lsf_cases):
    text = json.dumps(cli_case_views, ensure_ascii=False)
    details = [x for case in lsf_cases for c in case.contacts for x in (c.email, c.phone) if x]
    leaked = sum(1 for x in details if x in text)
    assert leaked == 0, f"{leaked} contact details in the case view"


# ------------------------------------------------------------------ the table, help, exit codes

@pytest.fixture(scope="module")
def table_and_help(run_cli_many):
    return run_cli_many({
        "table": ("cases",),
        "help": ("--help",),
        "version": ("--version",),
        "unknown-command": ("frobnicate",),
        "unknown-option": ("cases", "--frobnicate"),
        "export-without-out": ("export",),
    })


def test_cases_table_is_readable(table_and_help, cli_case_views):
    code, out, err = table_and_help["table"]
    assert code == 0 and "Traceback" not in err, err[-2000:]
    assert f"{len(cli_case_views)} cases" in out.splitlines()[0]
    for column in ("id", "title", "prize", "year", "nominators", "actors", "spread"):
        assert re.search(rf"\b{column}\b", out), column
    for n in range(1, 53):
        assert f"lsf2019-{n:02d}" in out, n
    assert "Furesø Fremtidsværksted" in out and "Talentudvikling" in out
    assert "Kolding Kommune" in out
    assert not out.lstrip().startswith("[")  # a table, not JSON
    assert max(len(line) for line in out.splitlines()) <= 160


def test_help_lists_the_commands(table_and_help):
    code, out, _ = table_and_help["help"]
    assert code == 0
    for command in ("build", "cases", "export"):
        assert re.search(rf"^\s+{command}\b", out, flags=re.M), command


def test_version(table_and_help):
    code, out, _ = table_and_help["version"]
    assert code == 0 and re.match(r"samspil, version \d+\.\d+", out)


@pytest.mark.parametrize("name", ["unknown-command", "unknown-option", "export-without-out"])
def test_usage_errors_exit_2_without_traceback(table_and_help, name):
    code, out, err = table_and_help[name]
    assert code == 2 and "Traceback" not in err and "Error" in err and out == ""


def test_python_dash_m_runs_the_same_command():
    proc = subprocess.run([sys.executable, "-m", "samspil", "--version"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and proc.stdout.startswith("samspil, version")


def test_cases_json_with_only_a_given_file(run_cli, tmp_path):
    """--no-defaults: the view holds only the given sources."""
    path = tmp_path / "one.yaml"
    path.write_text("source: {id: one, title: One}\ncases:\n  - {id: one-1, title: Et, number: 1}\n",
                    encoding="utf-8")
    code, out, err = run_cli("cases", "--no-defaults", "--cases", path, "--json")
    assert code == 0, err[-2000:]
    assert json.loads(out) == [{"id": "one-1", "number": 1, "title": "Et", "prize": None, "year": None,
                                "target_group": None, "nominators": [], "actors": [], "spread": [],
                                "inspired_by": [], "documented_effect": False,
                                "effect": {"grade": "none", "evidence": None}, "barriers": [], "group_partners": [],
                                "shared": []}]


def test_filters_take_danish_words_too(run_cli_many):
    """Issue 18: sector and kind in Danish or English give the same cases; an unknown word is
    one line naming both languages' choices."""
    runs = run_cli_many({
        "da": ("cases", "--sector", "privat", "--kind", "kommune", "--format", "json"),
        "en": ("cases", "--sector", "private", "--kind", "municipality", "--format", "json"),
        "bad": ("cases", "--sector", "lilla"),
    })
    assert runs["da"].code == 0 and runs["da"].out == runs["en"].out
    cases = json.loads(runs["da"].out)
    assert cases and all(any(a["kind"] == "municipality" for a in c["actors"]) for c in cases)
    assert runs["bad"].code == 2 and "private|privat" in runs["bad"].err
