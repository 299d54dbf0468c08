"""The shipped gazetteer is whole and consistent: it is data the recogniser trusts blindly."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from samspil.core.identity import Gazetteer
from samspil.core.model import ACTOR_KINDS

FOLDER = Path(__file__).resolve().parents[1] / "samspil" / "data" / "gazetteer"
LISTS = sorted(p for p in FOLDER.glob("*.csv") if p.name != "aliases.csv")


@pytest.mark.parametrize("path", LISTS, ids=lambda p: p.name)
def test_every_row_has_its_fields_and_a_known_kind(path: Path) -> None:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["name", "kind", "aliases", "parent", "note"]
    for number, row in enumerate(rows[1:], start=2):
        assert len(row) == 5, f"{path.name}:{number}: {len(row)} fields"
        assert row[0].strip(), f"{path.name}:{number}: no name"
        assert row[1] in ACTOR_KINDS, f"{path.name}:{number}: kind {row[1]!r}"


def test_no_organisation_twice_and_every_parent_known() -> None:
    names: Counter[str] = Counter()
    parents = []
    for path in LISTS:
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                names[row["name"]] += 1
                if row["parent"]:
                    parents.append((path.name, row["name"], row["parent"]))
    assert [n for n, c in names.items() if c > 1] == []
    g = Gazetteer.default()
    assert [p for p in parents if g.lookup(p[2], fuzzy=False) is None] == []


def test_no_written_form_means_two_organisations() -> None:
    g = Gazetteer.default()
    forms: dict[str, set[str]] = {}
    for org in g.organisations.values():
        for form in (org.name, *org.aliases):
            forms.setdefault(form.casefold(), set()).add(org.name)
    assert {f: n for f, n in forms.items() if len(n) > 1} == {}
