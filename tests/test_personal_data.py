"""Personal data (issue 8, design.md): the cases name contact persons with phone numbers and
e-mail addresses. Through the real command line, on the shipped corpus, every output is
written with the defaults and searched for any e-mail address and any phone number (regular
expressions) and for every contact detail the cases hold, the contact persons' full names too
(issue 15: a contact line quoted as evidence carried them); none is there. With
``--include-contacts`` they are:

* ``build`` (JSON, GraphML, GEXF, Turtle, the case view) and ``export`` in the other RDF formats;
* the atlas, which holds every map view (network, cross-sector, candidates, a spread map per
  solution, neighbourhoods: the pages ``samspil map`` writes) and the static pages;
* ``samspil neo4j load`` into the test Neo4j (SAMSPIL_NEO4J_URI; skipped with
  SAMSPIL_SKIP_NEO4J=1; the database is WIPED): no Person node, no detail in any property.

A failure says which file and how many details, never the details themselves.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

#: Any e-mail address.
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
#: Any Danish phone number: eight digits, in pairs or fours, maybe +45 (not a hex colour, a
#: decimal or a longer number).
PHONE = re.compile(r"(?<![\w#.,])(?:\+45[ \t]?)?\d{2}[ \t]{0,2}\d{2}[ \t]{0,2}\d{2}[ \t]{0,2}\d{2}(?![\d.,]?\d)"
                   r"|(?<![\w#])\d{4}[ \t]\d{4}(?!\d)")
#: The vis-network library and the style sheet of a map page: code, not data.
_CODE = re.compile(r"<(script|style)\b(?![^>]*id=\"samspil-data\")[^>]*>.*?</\1>", re.S)


#: Line breaks and tabs as JSON and XML escape them: a number after "\\n" must still count.
_ESCAPED_SPACE = re.compile(r"\\[ntr]|&#(?:9|10|13|x9|xA|xD);", re.I)


def data_text(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    return _ESCAPED_SPACE.sub(" ", _CODE.sub("", text) if path.suffix == ".html" else text)


@pytest.fixture(scope="module")
def details(lsf_cases) -> dict[str, set[str]]:
    """The contact details the shipped cases hold (full names; e-mail addresses; phone numbers
    as the text writes them and as the loader normalises them)."""
    emails = {c.email for case in lsf_cases for c in case.contacts if c.email}
    phones = {c.phone for case in lsf_cases for c in case.contacts if c.phone}
    names = {c.name for case in lsf_cases for c in case.contacts if c.name and len(c.name.split()) > 1}
    assert len(emails) > 40 and len(phones) > 40 and len(names) > 40, "the cases name contacts"
    return {"email": emails, "phone": phones | {p.replace(" ", "") for p in phones}, "name": names}


@pytest.fixture(scope="module")
def runs(run_cli_many, tmp_path_factory, built_outputs):
    """The outputs of every command, with and without --include-contacts. The default build
    is the suite's shared ``samspil build`` (conftest.built_outputs)."""
    import shutil

    folder = tmp_path_factory.mktemp("personal-data")
    shutil.copytree(built_outputs[0], folder / "default" / "build")
    commands = {"build-contacts": ("build", "--include-contacts", "-o", folder / "contacts" / "build")}
    for mode, flag in (("default", ()), ("contacts", ("--include-contacts",))):
        commands[f"atlas-{mode}"] = ("atlas", *flag, "-o", folder / mode / "atlas", "--actors", "2")
    # build writes JSON, GraphML, GEXF, Turtle and the case view; export writes the other RDF formats.
    for suffix in ("jsonld", "nt"):
        commands[f"{suffix}-default"] = ("export", "-o", folder / "default" / f"samspil.{suffix}")
    results = run_cli_many(commands, timeout=240)
    for name, result in results.items():
        assert result.code == 0, (name, result.err[-2000:])
    return folder


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in (".json", ".graphml", ".gexf", ".ttl",
                                                                               ".jsonld", ".nt", ".html"))


def _leaks(text: str, details: dict[str, set[str]]) -> dict[str, int]:
    return {"e-mail addresses": len(EMAIL.findall(text)), "phone numbers": len(PHONE.findall(text)),
            "known details": sum(1 for d in details["email"] | details["phone"] if d in text),
            "contact persons' names": sum(1 for d in details["name"] if d in text)}


def test_default_outputs_hold_no_contact_details(runs, details):
    files = _files(runs / "default")
    names = {p.name for p in files}
    assert {"samspil.json", "samspil.graphml", "samspil.gexf", "cases.json", "samspil.ttl", "samspil.jsonld",
            "samspil.nt", "network.html", "index.html", "candidates-table.html", "cross-sector.html",
            "candidates.html"} <= names
    assert any(p.parent.name == "spread" for p in files) and any(p.parent.name == "actors" for p in files)
    for path in files:
        leaks = _leaks(data_text(path), details)
        assert leaks == {"e-mail addresses": 0, "phone numbers": 0, "known details": 0,
                         "contact persons' names": 0}, (
            str(path.relative_to(runs)), leaks)


def test_with_include_contacts_they_appear(runs, details):
    emails = details["email"]
    for rel in ("build/samspil.json", "build/samspil.graphml", "build/samspil.gexf", "build/samspil.ttl",
                "atlas/network.html"):
        text = data_text(runs / "contacts" / rel)
        found = sum(1 for e in emails if e in text)
        assert found == len(emails), f"{rel}: {found} of {len(emails)} contact e-mail addresses"
        assert PHONE.search(text), f"{rel}: no phone number"
    # The case view is a contract without contacts: the same with and without the flag.
    assert (runs / "contacts" / "build" / "cases.json").read_bytes() == \
        (runs / "default" / "build" / "cases.json").read_bytes()


@pytest.mark.neo4j
def test_neo4j_load_holds_no_contact_details_unless_asked(run_cli, details):
    if os.environ.get("SAMSPIL_SKIP_NEO4J") == "1":
        pytest.skip("SAMSPIL_SKIP_NEO4J=1")
    from test_drivers import neo4j_settings

    from samspil.drivers import Neo4jDriver

    s = neo4j_settings()
    login = ("--uri", s["uri"], "--user", s["username"], "--password", s["password"])
    found = {}
    with Neo4jDriver(s["uri"], username=s["username"], password=s["password"]) as db:
        for mode, flag in (("default", ()), ("contacts", ("--include-contacts",))):
            code, out, err = run_cli("neo4j", "load", "--wipe", *flag, *login, timeout=240)
            assert code == 0, err[-2000:]
            values = [str(v) for r in db.run("MATCH (n) RETURN properties(n) AS p UNION ALL "
                                             "MATCH ()-[r]->() RETURN properties(r) AS p") for v in r["p"].values()]
            text = "\n".join(values)
            found[mode] = (db.run("MATCH (p:Person) RETURN count(p) AS n")[0]["n"], _leaks(text, details))
    persons, leaks = found["default"]
    assert persons == 0 and set(leaks.values()) == {0}, leaks
    persons, leaks = found["contacts"]
    assert persons > 40 and leaks["known details"] >= len(details["email"]), (persons, leaks)
