"""The shipped Norwegian and Swedish reference tables and the Nordic gazetteer lists are whole and consistent."""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

import pytest

from samspil.core.identity import Gazetteer
from samspil.core.model import ACTOR_KINDS

DATA = Path(__file__).resolve().parents[1] / "samspil" / "data"
REFERENCE = DATA / "reference"
NORDIC = DATA / "gazetteer" / "nordic"
NORDIC_LISTS = sorted(NORDIC.glob("*.csv"))


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_norwegian_municipalities() -> None:
    table = rows(REFERENCE / "norwegian_municipalities.csv")
    counties = {r["fylkesnummer"]: r["name"] for r in rows(REFERENCE / "norwegian_counties.csv")}
    codes = [r["kommunenummer"] for r in table]
    assert len(table) == 357 and len(set(codes)) == 357
    assert all(re.fullmatch(r"\d{4}", c) for c in codes)
    for r in table:
        assert r["kommunenummer"][:2] == r["fylkesnummer"], r
        assert counties[r["fylkesnummer"]] == r["fylke"], r
        assert r["name"] == f"{r['short_name']} kommune", r
    by_code = {r["kommunenummer"]: r["short_name"] for r in table}
    assert {c: by_code[c] for c in ("0301", "4601", "5001", "1804", "5501", "1103", "1580", "5612")} == {
        "0301": "Oslo", "4601": "Bergen", "5001": "Trondheim", "1804": "Bodø", "5501": "Tromsø",
        "1103": "Stavanger", "1580": "Haram", "5612": "Kautokeino"}
    # two names occur twice in Norway; the code, not the name, is the key
    assert {n for n, c in Counter(by_code.values()).items() if c > 1} == {"Herøy", "Våler"}
    assert "Guovdageaidnu - Kautokeino" in next(r for r in table if r["kommunenummer"] == "5612")["aliases"].split("|")


def test_norwegian_counties() -> None:
    table = rows(REFERENCE / "norwegian_counties.csv")
    codes = [r["fylkesnummer"] for r in table]
    assert len(table) == 15 and len(set(codes)) == 15
    assert all(re.fullmatch(r"\d{2}", c) for c in codes)
    assert set(codes) == {"03", "11", "15", "18", "31", "32", "33", "34", "39", "40", "42", "46", "50", "55", "56"}
    by_code = {r["fylkesnummer"]: r for r in table}
    assert by_code["46"]["county_authority"] == "Vestland fylkeskommune"
    assert by_code["03"]["county_authority"] == "Oslo kommune"
    per_county = Counter(r["fylkesnummer"] for r in rows(REFERENCE / "norwegian_municipalities.csv"))
    assert per_county["03"] == 1 and per_county["34"] == 46 and per_county["46"] == 43 and per_county["39"] == 6


def test_swedish_municipalities() -> None:
    table = rows(REFERENCE / "swedish_municipalities.csv")
    regions = {r["lanskod"]: r for r in rows(REFERENCE / "swedish_regions.csv")}
    codes = [r["kommunkod"] for r in table]
    assert len(table) == 290 and len(set(codes)) == 290
    assert all(re.fullmatch(r"\d{4}", c) for c in codes)
    for r in table:
        assert r["kommunkod"][:2] == r["lanskod"], r
        assert regions[r["lanskod"]]["name"] == r["region"] and regions[r["lanskod"]]["lan"] == r["lan"], r
        assert r["name"] in (f"{r['short_name']} kommun", f"{r['short_name']}s kommun") or r["kommunkod"] == "2080", r
    by_code = {r["kommunkod"]: r for r in table}
    assert {c: by_code[c]["short_name"] for c in ("0180", "1480", "1280", "2480", "0380", "0980")} == {
        "0180": "Stockholm", "1480": "Göteborg", "1280": "Malmö", "2480": "Umeå", "0380": "Uppsala", "0980": "Gotland"}
    assert by_code["2480"]["name"] == "Umeå kommun" and by_code["2480"]["region"] == "Region Västerbotten"
    assert by_code["2080"]["name"] == "Falu kommun"
    assert len(set(by_code[c]["short_name"] for c in by_code)) == 290


def test_swedish_regions() -> None:
    table = rows(REFERENCE / "swedish_regions.csv")
    codes = [r["lanskod"] for r in table]
    assert len(table) == 21 and len(set(codes)) == 21
    assert all(re.fullmatch(r"\d{2}", c) for c in codes)
    assert set(codes) == {"01", "03", "04", "05", "06", "07", "08", "09", "10", "12", "13", "14",
                          "17", "18", "19", "20", "21", "22", "23", "24", "25"}
    by_code = {r["lanskod"]: r["name"] for r in table}
    assert by_code["24"] == "Region Västerbotten" and by_code["14"] == "Västra Götalandsregionen"
    assert by_code["09"] == "Region Gotland"


@pytest.mark.parametrize("path", NORDIC_LISTS, ids=lambda p: p.name)
def test_nordic_lists_have_their_fields_kind_and_country(path: Path) -> None:
    with path.open(encoding="utf-8", newline="") as fh:
        table = list(csv.reader(fh))
    assert table[0] == ["name", "kind", "aliases", "parent", "note", "country"]
    country = path.stem.rsplit("_", 1)[1].upper()
    for number, row in enumerate(table[1:], start=2):
        assert len(row) == 6, f"{path.name}:{number}: {len(row)} fields"
        assert row[0].strip() and row[1] in ACTOR_KINDS, f"{path.name}:{number}"
        assert row[5] == country, f"{path.name}:{number}: country {row[5]!r}"


def test_nordic_names_unique_parents_known_and_apart_from_danish_forms() -> None:
    known = {r["name"] for r in rows(REFERENCE / "swedish_regions.csv")}
    known |= {r["name"] for r in rows(REFERENCE / "swedish_municipalities.csv")}
    known |= {r["name"] for r in rows(REFERENCE / "norwegian_municipalities.csv")}
    table = [r for path in NORDIC_LISTS for r in rows(path)]
    names = Counter(r["name"] for r in table)
    assert [n for n, c in names.items() if c > 1] == []
    known |= set(names)
    assert [(r["name"], r["parent"]) for r in table if r["parent"] and r["parent"] not in known] == []
    forms: dict[str, set[str]] = {}
    for r in table:
        for form in (r["name"], *filter(None, r["aliases"].split("|"))):
            forms.setdefault(form.casefold(), set()).add(r["name"])
    assert {f: n for f, n in forms.items() if len(n) > 1} == {}
    danish = {form.casefold() for org in Gazetteer.default().organisations.values() for form in (org.name, *org.aliases)}
    # the same name in two countries: the recogniser must use the text's country (README)
    assert sorted(set(forms) & danish) == ["socialstyrelsen"]
