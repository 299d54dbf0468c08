"""The synthetic corpus generator (samspil.testing.synthetic, samspil synth): deterministic, read back
exactly by the LÆS STJÆL FORTÆL loader and the structured loader, and its planted actors and
spread found by the recogniser."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from samspil.cli import main
from samspil.core.identity import Gazetteer
from samspil.loaders import lsf2019, structured
from samspil.recognise.recogniser import recognise
from samspil.testing.synthetic import MUNICIPALITY_SIZE, Pools, generate
from samspil.testing.synthetic_files import render_lsf, render_yaml, write_corpus

N = 100


@pytest.fixture(scope="module")
def cases():
    return generate(N, seed=7, per_file=N)


@pytest.fixture(scope="module")
def lsf_records(cases, tmp_path_factory):
    path = tmp_path_factory.mktemp("synth") / "synth.txt"
    path.write_text(render_lsf(cases, seed=7), encoding="utf-8")
    return lsf2019.load(path)


def test_same_seed_same_bytes_other_seed_other_cases(tmp_path):
    for fmt in ("lsf", "yaml"):
        a = write_corpus(60, 3, fmt, tmp_path / f"a.{fmt}")
        b = write_corpus(60, 3, fmt, tmp_path / f"b.{fmt}")
        c = write_corpus(60, 4, fmt, tmp_path / f"c.{fmt}")
        assert a[0].read_bytes() == b[0].read_bytes()
        assert a[0].read_bytes() != c[0].read_bytes()


def test_every_municipality_has_a_size_and_pools_are_long_tailed():
    pools = Pools.build(0)
    assert len(pools.municipalities) == 98 and len(MUNICIPALITY_SIZE) == 98
    assert {o.name for o in pools.regions.orgs} == {"Region Hovedstaden", "Region Sjælland", "Region Syddanmark",
                                                   "Region Midtjylland", "Region Nordjylland"}
    companies = pools.by_kind["company"]
    assert any(o.name.endswith(" ApS") for o in companies.orgs) and any(o.name.endswith(" A/S") for o in companies.orgs)
    # Zipf weights: the first company weighs far more than the median one.
    weights = [b - a for a, b in zip([0.0, *companies.cum], companies.cum)]
    assert weights[0] > 50 * weights[len(weights) // 2]


def test_loader_reads_every_case_with_its_fields(cases, lsf_records):
    assert len(lsf_records) == N
    assert [r.number for r in lsf_records] == [c.number for c in cases] == list(range(1, N + 1))
    assert [r.title for r in lsf_records] == [c.title for c in cases]
    assert [r.year for r in lsf_records] == [c.year for c in cases]
    assert [r.year_end for r in lsf_records] == [c.year_end for c in cases]
    assert [r.prize for r in lsf_records] == [c.prize for c in cases]
    assert [r.layout for r in lsf_records] == [c.layout for c in cases]
    assert [r.nominators for r in lsf_records] == [[o.name for o in c.nominators] for c in cases]
    assert {r.prize for r in lsf_records} == {"nyt-sammen-bedre", "hverdagsinnovation"}
    assert all(r.contacts and r.contacts[0].email for r in lsf_records)


def test_recogniser_finds_what_was_planted(cases, lsf_records):
    gazetteer = Gazetteer.default()
    actors = found_actors = roles = spread = found_spread = 0
    for case, record in zip(cases, lsf_records):
        facts = recognise(record, gazetteer=gazetteer)
        found = {a.name: a.role for a in facts.actors}
        statuses = {s.to: s.status for s in facts.spread}
        for planted in case.actors:
            actors += 1
            found_actors += planted.name in found
            roles += found.get(planted.name) == planted.role
        for planted in case.spread:
            spread += 1
            found_spread += statuses.get(planted.to) == planted.status
    assert actors > 2 * N and spread > N // 2
    assert found_actors / actors >= 0.95, (found_actors, actors)
    assert roles / actors >= 0.9, (roles, actors)
    assert found_spread / spread >= 0.9, (found_spread, spread)


def test_yaml_holds_the_same_cases(cases, tmp_path):
    path = tmp_path / "synth.yaml"
    path.write_text(render_yaml(cases, seed=7, source_id="synth-test"), encoding="utf-8")
    loaded = structured.load_file(path)
    assert [r.title for r, _ in loaded.cases] == [c.title for c in cases]
    for case, (record, facts) in zip(cases, loaded.cases):
        assert record.nominators == [o.name for o in case.nominators]
        assert [(a.name, a.role) for a in facts.actors] == [(a.name, a.role) for a in case.actors]
        assert [(s.to, s.status, s.year) for s in facts.spread] == [(s.to, s.status, s.year) for s in case.spread]
        assert facts.documented_effect == case.documented_effect


def test_split_files_restart_numbering_and_load(tmp_path):
    written = write_corpus(100, 2, "lsf", tmp_path / "many", per_file=40, truth=tmp_path / "truth.jsonl")
    assert [p.name for p in written] == ["synth-s2-0001.txt", "synth-s2-0002.txt", "synth-s2-0003.txt"]
    counts = [len(lsf2019.load(p)) for p in written]
    assert counts == [40, 40, 20]
    truth = [json.loads(line) for line in (tmp_path / "truth.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(truth) == 100 and truth[0]["id"] == "synth-s2-0001-01" and truth[40]["number"] == 1


def test_cli_synth_writes_a_corpus_samspil_reads(tmp_path):
    runner = CliRunner()
    out = tmp_path / "c.txt"
    result = runner.invoke(main, ["synth", "-n", "30", "--seed", "5", "-o", str(out)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["cases", "--no-defaults", "--no-curation", "--lsf", str(out), "--json"])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)) == 30
