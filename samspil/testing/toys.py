"""A small graph in the model's shape, for examples and tests of the analytics.

Built with the real builder (:func:`samspil.graph.builder.build_graph`) from hand-made
case records and facts, so it has exactly the shape the recogniser's graph will
have: owners, partners of three sectors, a spread (Kolding → Vejen, as in LÆS
STJÆL FORTÆL case 9), a variant that spread on (Vejen → Billund), an idea taken
from an association, a network, and a single-actor case without effect.

:func:`gold_graph` is the shipped corpus with the development set's hand
annotation in place of the recogniser's facts, for tests that should not wait
for the recogniser.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path

import networkx as nx

from samspil.core.model import flag_grade
from samspil.core.records import Corpus

from samspil.graph.builder import build_graph
from samspil.core.records import (ActorMention, CaseFacts, CaseRecord, Contact, InspirationMention, Section,
                                     SourceInfo, SpreadMention)

TOY_SOURCE = SourceInfo("toy", "Toy cases", "toy.txt", year=2021)


def toy_case(number: int, title: str, *, year: int | None = None, target_group: str | None = None,
             summary: str = "", capacity_spread: str = "", contact: bool = False,
             actors: list[tuple[str, str, str]] = (), part_of: dict[str, str] | None = None,
             spread: list[tuple[str, str, str, int | None]] = (), inspired_by: list[tuple[str, str]] = (),
             effect: str | None = None, themes: list[str] = ()) -> tuple[CaseRecord, CaseFacts]:
    """One toy case: a record and its facts.

    Parameters
    ----------
    number : int
        Order in the toy source; the case id is ``toy-<number>``.
    title : str
    year, target_group, summary : optional
    capacity_spread : str
        Text of the case's SPREDNINGSKAPACITET section.
    contact : bool
        Give the case a (made-up) contact person.
    actors : list of (name, kind, role)
    part_of : dict, optional
        Actor name → parent name (a unit's organisation, a network a member is in).
    spread : list of (to, kind, status, year)
    inspired_by : list of (source, kind)
        ``kind`` an actor kind, or ``"solution"`` for a solution's title.
    effect : str, optional
        The sentence that documents effect in figures.
    themes : list of str

    Returns
    -------
    (CaseRecord, CaseFacts)

    Examples
    --------
    >>> record, facts = toy_case(1, "Talentudvikling", actors=[("Kolding Kommune", "municipality", "owner")])
    >>> record.id, facts.actors[0].role
    ('toy-01', 'owner')
    """
    part_of = part_of or {}
    record = CaseRecord(id=f"toy-{number:02d}", number=number, title=title, source=TOY_SOURCE, year=year,
                        target_group=target_group, summary=summary or None, layout="structured")
    record.sections["summary"] = Section("summary", "", " ".join(t for t in (summary, effect) if t), 1, 1)
    if capacity_spread:
        record.sections["capacity_spread"] = Section("capacity_spread", "SPREDNINGSKAPACITET", capacity_spread, 2, 2)
    if contact:
        record.contacts.append(Contact("Kontakt Person", "projektleder", actors[0][0] if actors else None))
    facts = CaseFacts(
        actors=[ActorMention(n, k, r, evidence=f"{n} ({r})", method="curated", part_of=part_of.get(n))
                for n, k, r in actors],
        spread=[SpreadMention(to, kind, status, evidence=f"{title} → {to}", year=y, method="curated")
                for to, kind, status, y in spread],
        inspired_by=[InspirationMention(s, k, evidence=f"inspireret af {s}", method="curated") for s, k in inspired_by],
        effect_grade="measured" if effect else "none", effect_evidence=effect, themes=list(themes))
    return record, facts


def toy_cases() -> list[tuple[CaseRecord, CaseFacts]]:
    """The records and facts of :func:`toy_graph`."""
    return [
        toy_case(1, "Talentudvikling", year=2018, target_group="Unge i udskolingen med sociale udfordringer",
                 summary="Talentudviklere støtter unge i udskolingen mod uddannelse og job.",
                 capacity_spread="Konceptet kan overføres til andre kommuner; der findes en drejebog.", contact=True,
                 actors=[("Kolding Kommune", "municipality", "owner"),
                         ("Foreningen Talentspejderen", "association", "partner"),
                         ("Talentfabrikken ApS", "company", "partner")],
                 spread=[("Vejen Kommune", "municipality", "adopted", 2019),
                         ("Væksthus for Ledelse", "association", "interested", None)],
                 themes=["boern-og-unge"]),
        toy_case(2, "Talentudvikling i Vejen", year=2020, target_group="Unge i udskolingen",
                 actors=[("Vejen Kommune", "municipality", "owner")],
                 spread=[("Billund Kommune", "municipality", "adopted", 2021)],
                 inspired_by=[("Talentudvikling", "solution")], themes=["boern-og-unge"]),
        toy_case(3, "Spisegrupper", year=2019, target_group="Ældre borgere, der spiser alene",
                 summary="Ældre spiser sammen i små grupper.", contact=True,
                 actors=[("Vejen Kommune", "municipality", "owner"), ("Ældre Sagen", "association", "partner")],
                 inspired_by=[("Ældre Sagen", "association")],
                 effect="Ensomheden faldt for 40 procent af deltagerne.", themes=["aeldre"]),
        toy_case(4, "Forbedringsdage", year=2017, target_group="Medarbejdere i psykiatrien",
                 actors=[("Regionspsykiatrien Horsens", "unit", "owner")],
                 part_of={"Regionspsykiatrien Horsens": "Region Midtjylland"}),
        toy_case(5, "Robotter i administrationen", year=2021, target_group="Ansatte i administrationen",
                 summary="Softwarerobotter overtager rutineopgaver.",
                 actors=[("Rudersdal Kommune", "municipality", "owner"), ("Syddjurs Kommune", "municipality", "owner"),
                         ("Kolding Kommune", "municipality", "partner"),
                         ("Aarhus Universitet", "knowledge_institution", "partner")],
                 part_of={"Rudersdal Kommune": "OS2", "Syddjurs Kommune": "OS2"},
                 effect="Sagsbehandlingstiden er reduceret med 30 procent.", themes=["digitalisering"]),
    ]


def toy_graph() -> nx.MultiDiGraph:
    """A graph of five toy cases in the model's shape.

    Examples
    --------
    >>> g = toy_graph()
    >>> sorted(d["status"] for _, _, d in g.edges(data=True) if d["type"] == "SPREAD_TO")
    ['adopted', 'adopted', 'interested']
    """
    return build_graph(Corpus(cases=toy_cases()))


def toy_records() -> dict[str, CaseRecord]:
    """The records of :func:`toy_graph`'s cases, by case id (their text and contacts).

    Examples
    --------
    >>> sorted(toy_records())[:2]
    ['toy-01', 'toy-02']
    """
    return {record.id: record for record, _ in toy_cases()}


def gold_facts(path: str | Path) -> CaseFacts:
    """The facts of one hand-annotated development-set file (case-view JSON).

    Parameters
    ----------
    path : str or Path
        A file of ``samspil/data/devset/``.

    Returns
    -------
    CaseFacts
    """
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    kinds = {a["name"]: a["kind"] for a in data["actors"]}
    return CaseFacts(
        actors=[ActorMention(a["name"], a["kind"], a["role"], a.get("evidence", ""), "curated", a.get("part_of"))
                for a in data["actors"] if a["role"] not in ("adopter", "interested")],
        spread=[SpreadMention(s["to"], kinds.get(s["to"], "municipality"), s["status"], s.get("evidence", ""),
                              s.get("year"), "curated") for s in data["spread"]],
        inspired_by=[InspirationMention(i["from"], kinds.get(i["from"], "solution"), i.get("evidence", ""), "curated")
                     for i in data["inspired_by"]],
        effect_grade=(data.get("effect") or {}).get("grade") or flag_grade(bool(data["documented_effect"])))


def gold_graph() -> nx.MultiDiGraph:
    """The shipped corpus with the development set's hand annotation as the facts of its cases.

    What the graph will look like once the recogniser finds what the annotator found:
    the 23 annotated LÆS STJÆL FORTÆL cases take their gold facts, the others keep the
    recogniser's.

    Examples
    --------
    >>> g = gold_graph()
    >>> sorted(g.nodes[v]["name"] for u, v, d in g.out_edges("solution-talentudvikling", data=True)
    ...        if d["type"] == "SPREAD_TO")
    ['Vejen Kommune', 'Væksthus for Ledelse']
    """
    from samspil.corpus.sources import load_corpus

    folder = Path(str(resources.files("samspil") / "data" / "devset" / "lsf2019"))
    gold = {f"lsf2019-{p.stem}": gold_facts(p) for p in folder.glob("*.json")}
    corpus = load_corpus()
    corpus.cases = [(record, gold.get(record.id, facts)) for record, facts in corpus.cases]
    return build_graph(corpus)


@lru_cache(maxsize=1)
def shared_gold_graph() -> nx.MultiDiGraph:
    """:func:`gold_graph`, built once: for tests that only read it."""
    return gold_graph()


@lru_cache(maxsize=1)
def shared_default_graph() -> nx.MultiDiGraph:
    """The shipped graph (:func:`samspil.corpus.sources.default_graph`), built once: for tests that only read it."""
    from samspil.graph.builder import default_graph

    return default_graph()
