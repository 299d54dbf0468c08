"""Actor ids (samspil/core/identity.py): bounded in length, deterministic, and unchanged
for every name short enough to keep its slug whole (the curated data, tests and docs use them)."""

from __future__ import annotations

from samspil.core.identity import MAX_SLUG, Gazetteer, actor_id, bounded_slug, slugify


def test_every_known_organisation_keeps_its_whole_slug_as_its_id():
    g = Gazetteer.default()
    others = [o for o in g.organisations.values() if o.kind not in ("municipality", "region")]
    assert others
    for org in others:
        assert org.id == f"actor-{slugify(org.name)}", org.name
        assert len(slugify(org.name)) <= MAX_SLUG, f"raise MAX_SLUG: {org.name!r} would change id"


def test_a_slug_at_the_bound_is_kept_and_one_past_it_is_cut():
    at = "a" * MAX_SLUG
    assert bounded_slug(at) == at
    past = bounded_slug("a" * (MAX_SLUG + 1))
    assert past.startswith("a" * MAX_SLUG + "--") and len(past) == MAX_SLUG + 2 + 12


def test_long_names_give_short_deterministic_distinct_ids():
    base = "Foreningen for Meget Lange Navne og Æblegrød " * 250
    ids = {actor_id(base + tail, "association") for tail in ("", "A", "B", "Æ", " og Co")}
    assert len(ids) == 5 and all(len(i) <= len("actor-") + MAX_SLUG + 14 for i in ids)
    assert actor_id(base + "A", "association") == actor_id(base + "A", "association")
    # Names that slug alike share an id, long or short, as before.
    assert actor_id(base.upper(), "association") == actor_id(base, "association")
    assert all(i.startswith("actor-foreningen-for-meget-lange-navne-og-aebleg") for i in ids)


def test_a_cut_slug_never_equals_a_whole_one():
    cut = bounded_slug("x" * 500)
    assert "--" in cut
    for text in ("a -- b", "a--b", "æ – ø", "-x-", cut):
        assert "--" not in slugify(text), text


def test_names_with_no_latin_letter_stay_apart_in_the_graph(tmp_path):
    from samspil.graph.builder import build_corpus_graph

    case = tmp_path / "cases.yaml"
    case.write_text("""format: 1
source: {id: hostile-scripts, title: Names in other scripts}
cases:
  - id: scripts-1
    title: Two foundations in other scripts
    actors:
      - {name: 北京基金会, kind: foundation, role: funder, evidence: "北京基金会"}
      - {name: 東京基金会, kind: foundation, role: funder, evidence: "東京基金会"}
      - {name: Кольдинг, kind: company, role: partner, evidence: "Кольдинг"}
""", encoding="utf-8")
    g = build_corpus_graph(case_files=[case], defaults=False)
    names = sorted(d["name"] for _, d in g.nodes(data=True) if d.get("name") in ("北京基金会", "東京基金会", "Кольдинг"))
    assert names == ["Кольдинг", "北京基金会", "東京基金会"]


def test_names_that_differ_only_by_punctuation_are_kept_as_aliases(tmp_path):
    """Issue 15: two spellings with one id ("Firma A/S", "Firma A-S") are one node, and the
    second spelling is kept in ``aliases`` instead of being dropped without a word."""
    from samspil.graph.builder import build_corpus_graph

    cases = tmp_path / "punct.yaml"
    cases.write_text(
        "format: 1\nsource: {id: punct, title: Punktum}\ncases:\n"
        "  - id: punct-01\n    number: 1\n    title: Et\n    actors:\n"
        "      - {name: \"Firma A/S\", kind: company, role: owner, evidence: e}\n"
        "  - id: punct-02\n    number: 2\n    title: To\n    actors:\n"
        "      - {name: \"Firma A-S\", kind: company, role: owner, evidence: e}\n", encoding="utf-8")
    g = build_corpus_graph((), [cases], defaults=False)
    firms = [d for _, d in g.nodes(data=True) if d.get("kind") == "company"]
    assert len(firms) == 1
    assert {firms[0]["name"], *firms[0]["aliases"]} == {"Firma A/S", "Firma A-S"}
