"""Linked data: the RDF export, the vocabulary, the SHACL shapes and the SPARQL examples.

Counts are taken from the graph as it is built at test time (the recogniser grows the
graph), never written in.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SH, SKOS

from samspil.cli import main
from samspil.graph.builder import default_graph
from samspil.core.errors import SamspilError
from samspil.core import model
from samspil import linked_data as rdf
from samspil.graph.exports import FORMATS, export_graph, without_contacts
from samspil.linked_data import SP

FORMATS_RDF = ("turtle", "jsonld", "nt")
SUFFIX = {"turtle": ".ttl", "jsonld": ".jsonld", "nt": ".nt"}

HOSTILE = [
    'Fonden "Gode Idéer" & Co.',
    'tre """ anførselstegn """',
    "ender med anførselstegn\"",
    "linje et\nlinje to\r\nlinje tre",
    "<script>alert('x')</script>",
    "x\" } ; DROP GRAPH <urn:x> ; INSERT DATA { <a> <b> <c> } #",
    "'; SELECT * WHERE { ?s ?p ?o } #",
    "back\\slash \\n \\u0041 tab\there",
    "Ældre Sagen – æøå ÆØÅ ✓ \u2028",
]


@pytest.fixture(scope="module")
def graph() -> nx.MultiDiGraph:
    """The shipped graph without contact persons (what a default export holds)."""
    return without_contacts(default_graph())


@pytest.fixture(scope="module")
def exported(graph) -> Graph:
    return rdf.to_rdf(graph)


@pytest.fixture(scope="module")
def queryable(exported) -> Graph:
    return rdf.queryable(rdf=exported)


def _labelled(g: nx.MultiDiGraph, label: str) -> int:
    return sum(1 for _, d in g.nodes(data=True) if label in d["labels"])


# -- export and round trip ----------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS_RDF)
def test_export_parses_back_with_the_graphs_numbers(graph, tmp_path, fmt):
    path = export_graph(graph, tmp_path / f"samspil{SUFFIX[fmt]}", fmt)
    back = rdf.read_rdf(path)
    counts = rdf.summary(back)
    assert counts["organisations"] == _labelled(graph, "Actor") > 0
    assert counts["solutions"] == _labelled(graph, "Solution") > 0
    assert counts["cases"] == _labelled(graph, "Case") > 0
    assert counts["sources"] == _labelled(graph, "Source")
    assert counts["relations"] == graph.number_of_edges() > 0
    # Every edge is there with its type, its ends and its case.
    edges = Counter((u, d["type"], v, d.get("case") or "") for u, v, d in graph.edges(data=True))
    notation = {rdf.relation_class(t): t for t in model.RELATIONSHIPS}
    found = Counter()
    for r in back.subjects(SP["from"], None):
        types = [notation[t] for t in back.objects(r, RDF.type) if t in notation]
        case = back.value(r, SP.case)
        found[(rdf.node_id_of(back.value(r, SP["from"])), types[0], rdf.node_id_of(back.value(r, SP.to)),
               rdf.node_id_of(case) if case else "")] += 1
    assert found == edges


def test_every_node_and_property_survives(graph, exported):
    for n, data in graph.nodes(data=True):
        s = rdf.node_iri(n)
        assert exported.value(s, RDFS.label) == Literal(data["name"])
        assert str(exported.value(s, DCTERMS.identifier)) == n
        for label in data["labels"]:
            assert (s, RDF.type, SP[label]) in exported
    for n, data in graph.nodes(data=True):
        if data.get("kommunekode"):
            assert str(exported.value(rdf.node_iri(n), SP.kommunekode)) == data["kommunekode"]
        if data.get("regionskode"):
            assert str(exported.value(rdf.node_iri(n), SP.regionskode)) == data["regionskode"]


def test_standard_vocabularies_are_used(graph, exported):
    actors = [n for n, d in graph.nodes(data=True) if "Actor" in d["labels"]]
    assert all((rdf.node_iri(a), RDF.type, ORG.Organization) in exported for a in actors)
    expected = {"municipality": rdf.SCHEMA.GovernmentOrganization, "company": rdf.SCHEMA.Corporation,
                "hospital": rdf.SCHEMA.Hospital, "knowledge_institution": rdf.SCHEMA.CollegeOrUniversity,
                "foundation": rdf.SCHEMA.NGO, "association": rdf.SCHEMA.NGO, "unit": ORG.OrganizationalUnit}
    for n in actors:
        kind = graph.nodes[n]["kind"]
        if kind in expected:
            assert (rdf.node_iri(n), RDF.type, expected[kind]) in exported, (n, kind)
    for u, v, d in graph.edges(data=True):
        s, o = rdf.node_iri(u), rdf.node_iri(v)
        if d["type"] == "PART_OF":
            standard = ORG.memberOf if "Network" in graph.nodes[v]["labels"] else ORG.subOrganizationOf
            assert (s, standard, o) in exported
        elif d["type"] in ("OWNS", "PARTNER_IN"):
            assert (o, PROV.wasAttributedTo, s) in exported
        elif d["type"] == "SPREAD_TO":
            assert (o, PROV.wasInfluencedBy, s) in exported


def test_qualified_relations_carry_case_evidence_and_prov(graph, exported):
    for u, v, key, d in graph.edges(keys=True, data=True):
        r = rdf.relation_iri(u, key, v)
        assert str(exported.value(r, SP.evidence) or "") == d["evidence"]
        assert exported.value(r, SP.method) == rdf.concept("method", d["method"])
        if d.get("case"):
            assert exported.value(r, SP.case) == rdf.node_iri(d["case"])
        if d["type"] in ("OWNS", "PARTNER_IN"):
            assert (rdf.node_iri(v), PROV.qualifiedAttribution, r) in exported
            assert exported.value(r, PROV.agent) == rdf.node_iri(u)
        if d["type"] == "SPREAD_TO":
            assert (rdf.node_iri(v), PROV.qualifiedInfluence, r) in exported
            assert exported.value(r, SP.status) == rdf.concept("status", d["status"])
        if d["type"] == "COLLABORATES_WITH":
            assert len(list(exported.objects(r, PROV.wasDerivedFrom))) >= 2


def test_jsonld_embeds_its_context_and_needs_no_network(graph):
    doc = json.loads(rdf.serialise_rdf(graph, "jsonld"))
    assert isinstance(doc["@context"], dict)
    assert doc["@context"]["sp"] == str(SP)
    assert "http" not in json.dumps(doc["@context"]).replace('"http', "")  # no remote context URL


def test_export_is_deterministic(graph):
    assert rdf.serialise_rdf(graph, "nt") == rdf.serialise_rdf(graph, "nt")


def test_formats_are_registered_for_samspil_export():
    for name, suffix in (("turtle", ".ttl"), ("jsonld", ".jsonld"), ("nt", ".nt")):
        assert FORMATS[name].suffixes == (suffix,)


# -- hostile text -------------------------------------------------------------

def _hostile_graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    g.add_node("source-x", labels=("Source",), name=HOSTILE[0], path="x.txt")
    for i, name in enumerate(HOSTILE):
        g.add_node(f"actor-{i}", labels=("Actor", "Company"), name=name, kind="company", sector="private")
    g.add_node('case-"1"/#?', labels=("Case",), name=HOSTILE[1], number=1, source="x")
    g.add_node("solution-x", labels=("Solution",), name=HOSTILE[5], title=HOSTILE[5], summary=HOSTILE[3])
    g.add_edge('case-"1"/#?', "source-x", key='FROM_SOURCE@case-"1"/#?', type="FROM_SOURCE",
               case='case-"1"/#?', evidence=HOSTILE[4], method="parsed")
    g.add_edge('case-"1"/#?', "solution-x", key='DESCRIBES@case-"1"/#?', type="DESCRIBES",
               case='case-"1"/#?', evidence=HOSTILE[2], method="parsed")
    for i in range(len(HOSTILE)):
        g.add_edge(f"actor-{i}", "solution-x", key=f'OWNS@case-"1"/#?', type="OWNS", case='case-"1"/#?',
                   evidence=HOSTILE[i], method="parsed")
    return g


@pytest.mark.parametrize("fmt", FORMATS_RDF)
def test_hostile_strings_survive_a_round_trip(tmp_path, fmt):
    g = _hostile_graph()
    path = export_graph(g, tmp_path / f"h{SUFFIX[fmt]}", fmt)
    back = rdf.read_rdf(path)
    for n, data in g.nodes(data=True):
        assert str(back.value(rdf.node_iri(n), RDFS.label)) == data["name"]
        assert str(back.value(rdf.node_iri(n), DCTERMS.identifier)) == n
        assert rdf.node_id_of(rdf.node_iri(n)) == n
    for u, v, key, d in g.edges(keys=True, data=True):
        assert str(back.value(rdf.relation_iri(u, key, v), SP.evidence)) == d["evidence"]
    assert str(back.value(rdf.node_iri("solution-x"), DCTERMS.abstract)) == HOSTILE[3]
    assert rdf.validate(back).conforms


def test_hostile_parameter_values_are_bound_not_spliced():
    data = rdf.to_rdf(_hostile_graph())
    query = "SELECT ?a WHERE { ?a a sp:Company ; rdfs:label ?name }"
    for name in HOSTILE:
        rows = rdf.run_sparql(data, query, {"name": name}).rows()
        assert len(rows) == 1 and rdf.node_id_of(rows[0]["a"]).startswith("actor-")
    assert rdf.run_sparql(data, query, {"name": "no such name"}).rows() == []


# -- personal data ------------------------------------------------------------

@pytest.fixture(scope="module")
def contacts():
    g = default_graph(include_contacts=True)
    people = [d for _, d in g.nodes(data=True) if "Person" in d["labels"]]
    assert people, "the shipped cases name contact persons"
    return g, people


@pytest.mark.parametrize("fmt", FORMATS_RDF)
def test_no_email_or_phone_in_a_default_export(tmp_path, contacts, fmt):
    g, people = contacts
    text = export_graph(g, tmp_path / f"d{SUFFIX[fmt]}", fmt).read_text(encoding="utf-8")
    assert not re.search(r"[\w.+-]+@[\w-]+\.[a-z]{2,}", text), "an e-mail address in the default export"
    for p in people:
        if p.get("email"):
            assert p["email"] not in text
        if p.get("phone"):
            digits = re.sub(r"\D", "", p["phone"])
            assert p["phone"] not in text and not re.search(rf"(?<!\d){digits}(?!\d)", text)
    with_contacts = export_graph(g, tmp_path / f"c{SUFFIX[fmt]}", fmt, include_contacts=True)
    text = with_contacts.read_text(encoding="utf-8")
    assert any(p["email"] in text for p in people if p.get("email"))
    assert any(p["phone"] in text for p in people if p.get("phone"))


def test_export_with_contacts_conforms(contacts):
    g, people = contacts
    data = rdf.to_rdf(g)
    assert rdf.summary(data)["people"] == len(people)
    report = rdf.validate(data)
    assert report.conforms, rdf.format_report(report)


# -- vocabulary and shapes ----------------------------------------------------

def test_export_conforms_to_the_shapes(exported):
    report = rdf.validate(exported)
    assert report.conforms, rdf.format_report(report)
    assert all(r.severity != "Violation" for r in report.results)


def test_every_term_the_export_uses_is_in_the_vocabulary_with_danish_and_english_labels(exported):
    assert rdf.undefined_terms(exported) == []


def test_vocabulary_covers_the_model():
    vocab = rdf.vocabulary()
    for label in model.LABELS:
        assert (SP[label], RDF.type, OWL.Class) in vocab, label
    for rel_type in model.RELATIONSHIPS:
        cls, prop = rdf.relation_class(rel_type), rdf.direct_property(rel_type)
        assert str(vocab.value(cls, SKOS.notation)) == rel_type
        assert str(vocab.value(prop, SKOS.notation)) == rel_type
        assert vocab.value(cls, SP.directProperty) == prop
    for prefix, words in (("status", model.SPREAD_STATUSES), ("role", model.ROLES), ("method", model.METHODS),
                          ("sector", model.SECTORS), ("prize", model.PRIZES)):
        for word in words:
            assert str(vocab.value(rdf.concept(prefix, word), SKOS.notation)) == word
    for term in set(vocab.subjects(RDFS.label, None)):
        langs = {lit.language for lit in vocab.objects(term, RDFS.label)}
        assert {"da", "en"} <= langs, term


def test_shapes_lists_match_the_model():
    shapes = rdf.shapes()
    lists = []
    for node in shapes.objects(None, SH["in"]):
        lists.append({str(x) for x in shapes.items(node)})
    for prefix, words in (("status", model.SPREAD_STATUSES), ("method", model.METHODS),
                          ("sector", model.SECTORS), ("prize", model.PRIZES)):
        assert {str(rdf.concept(prefix, w)) for w in words} in lists, prefix
    kinds = {str(SP[k.label]) for k in model.ACTOR_KINDS.values()}
    assert kinds in lists
    assert {str(rdf.relation_class(t)) for t in model.RELATIONSHIPS} in lists


def _broken(exported: Graph) -> Graph:
    g = Graph()
    for t in exported:
        g.add(t)
    kolding = rdf.node_iri("municipality-0621")
    g.set((kolding, SP.kommunekode, Literal("621")))
    owns = next(g.subjects(RDF.type, SP.Ownership))
    g.remove((g.value(owns, SP["from"]), SP.owns, g.value(owns, SP.to)))
    actor = next(g.subjects(RDF.type, SP.Company))
    g.remove((actor, RDFS.label, None))
    g.add((rdf.node_iri("municipality-0621"), SP.partnerIn, rdf.node_iri("solution-nowhere")))
    collaboration = next(g.subjects(RDF.type, SP.Collaboration))
    g.set((collaboration, SP.weight, Literal(99)))
    g.add((URIRef(rdf.BASE + "rel/x"), RDF.type, SP.Spread))
    return g


def test_a_broken_export_fails_with_a_readable_report(exported):
    report = rdf.validate(_broken(exported))
    assert not report.conforms
    text = rdf.format_report(report, source="broken.ttl")
    assert text.startswith("broken.ttl does NOT conform: ")
    expected = [
        'A kommunekode is four digits as text, e.g. "0621" (Kolding Kommune).',
        'id:municipality-0621 "Kolding Kommune"  sp:kommunekode = "621"',
        "The relation's direct triple is missing:",
        "Every node has one non-empty name (rdfs:label).",
        "direct triples but qualified relations for only",
        "A collaboration's weight (99) is not its number of solutions",
        "A relation has one start node (sp:from).",
        "Spread has one status",
    ]
    for line in expected:
        assert line in text, f"{line!r} not in the report:\n{text}"
    assert "Traceback" not in text


# -- SPARQL examples against the graph (networkx) and the Cypher library -------

def _find(g: nx.MultiDiGraph, text: str, label: str) -> str:
    return next(n for n, d in g.nodes(data=True) if label in d["labels"]
                and (n == text or d["name"].lower() == text.lower()))


def nx_partners(g, actor):
    a = _find(g, actor, "Actor")
    rows = set()
    for u, v, d in list(g.out_edges(a, data=True)) + list(g.in_edges(a, data=True)):
        if d["type"] == "COLLABORATES_WITH":
            p = v if u == a else u
            rows.add((g.nodes[p]["sector"], g.nodes[p]["name"], p, g.nodes[p]["kind"], d["weight"],
                      frozenset(g.nodes[s]["name"] for s in d["solutions"])))
    return rows


def nx_cross_sector(g, min_sectors):
    makers = defaultdict(set)
    for u, v, d in g.edges(data=True):
        if d["type"] in ("OWNS", "PARTNER_IN") and "Actor" in g.nodes[u]["labels"]:  # a Group has no sector
            makers[v].add(u)
    rows = set()
    for s, actors in makers.items():
        sectors = {g.nodes[a]["sector"] for a in actors}
        if len(sectors) >= min_sectors:
            order = ", ".join(x for x in model.SECTORS if x in sectors)
            rows.add((s, len(sectors), order,
                      frozenset(f"{g.nodes[a]['name']} ({g.nodes[a]['sector']})" for a in actors)))
    return rows


def nx_spread(g, solution):
    root = _find(g, solution, "Solution")
    chains, frontier = [[root]], [[root]]
    for _ in range(3):  # solutions inspired by it, up to three steps away
        frontier = [c + [u] for c in frontier for u, _, d in g.in_edges(c[-1], data=True)
                    if d["type"] == "INSPIRED_BY" and "Solution" in g.nodes[u]["labels"]]
        chains += frontier
    rows = set()
    for chain in chains:
        for _, t, d in g.out_edges(chain[-1], data=True):
            if d["type"] == "SPREAD_TO":
                path = " > ".join([g.nodes[c]["name"] for c in chain] + [g.nodes[t]["name"]])
                rows.add((len(chain) - 1, path, g.nodes[t]["name"], d["status"], d["case"]))
    return rows


def nx_cases_per_region_year(g):
    def regions(a):
        seen, todo, found = {a}, [a], set()
        while todo:
            n = todo.pop()
            if "Region" in g.nodes[n]["labels"]:
                found.add(g.nodes[n]["name"])
            for _, m, d in g.out_edges(n, data=True):
                if d["type"] in ("PART_OF", "IN_REGION") and m not in seen:
                    seen.add(m)
                    todo.append(m)
        return found or {None}

    counts = defaultdict(set)
    for c, data in g.nodes(data=True):
        if "Case" not in data["labels"]:
            continue
        actors = [u for u, _, d in g.in_edges(c, data=True) if d["type"] == "NOMINATED"]
        if not actors:
            solutions = [v for _, v, d in g.out_edges(c, data=True) if d["type"] == "DESCRIBES"]
            actors = [u for s in solutions for u, _, d in g.in_edges(s, data=True) if d["type"] == "OWNS"]
        for r in set().union(*(regions(a) for a in actors)) if actors else {None}:
            counts[r, data.get("year")].add(c)
    return {(r, y, len(cs), frozenset(cs)) for (r, y), cs in counts.items()}


def nx_actor_solutions(g, actor):
    a = _find(g, actor, "Actor")
    units, todo = {a}, [a]
    while todo:  # the actor and its units, any depth
        for u, _, d in g.in_edges(todo.pop(), data=True):
            if d["type"] == "PART_OF" and u not in units:
                units.add(u)
                todo.append(u)
    rows = defaultdict(set)
    for u in units:
        for _, s, d in g.out_edges(u, data=True):
            if d["type"] == "OWNS":
                rows["owner", s, u].add(d["case"])
            elif d["type"] == "PARTNER_IN":
                rows[d.get("role") or "partner", s, u].add(d["case"])
        for s, _, d in g.in_edges(u, data=True):
            if d["type"] == "SPREAD_TO":
                rows[d["status"], s, u].add(d["case"])
            elif d["type"] == "INSPIRED_BY" and "Solution" in g.nodes[s]["labels"]:
                rows["inspiration", s, u].add(d["case"])
    return {(role, s, None if u == a else g.nodes[u]["name"], frozenset(cases))
            for (role, s, u), cases in rows.items()}


def _split(text, sep):
    return frozenset(x for x in (text or "").split(sep) if x)


#: example query -> (its rows as comparable keys, the same from networkx, the same from Cypher rows)
COMPARISONS = {
    "actor-partners-by-sector": (
        lambda r: (r["sector"], r["partner"], r["partner_id"], r["kind"], r["shared"], _split(r["solutions"], "; ")),
        lambda g, p: nx_partners(g, p["actor"]),
        lambda r: (r["sector"], r["partner"], r["partner_id"], r["kind"], r["shared"], frozenset(r["solutions"]))),
    "cross-sector-solutions": (
        lambda r: (r["solution_id"], r["n_sectors"], r["sectors"], _split(r["makers"], "; ")),
        lambda g, p: nx_cross_sector(g, int(p.get("minSectors", 3))),
        lambda r: (r["solution_id"], r["n_sectors"], ", ".join(r["sectors"]), frozenset(r["makers"]))),
    "solution-spread": (
        lambda r: (r["generation"], r["path"], r["to"], r["status"], r["case"]),
        lambda g, p: nx_spread(g, p["solution"]),
        lambda r: (r["generation"], " > ".join(r["path"]), r["to"], r["status"], r["case"])),
    "cases-per-region-year": (
        lambda r: (r["region"], r["year"], r["cases"], _split(r["case_ids"], ", ")),
        lambda g, p: nx_cases_per_region_year(g),
        lambda r: (r["region"], r["year"], r["cases"], frozenset(r["case_ids"]))),
    "actor-solutions": (
        lambda r: (r["role"], r["solution_id"], r["via"], _split(r["cases"], ", ")),
        lambda g, p: nx_actor_solutions(g, p["actor"]),
        lambda r: (r["role"], r["solution_id"], r["via"], frozenset(r["cases"]))),
}


def _runs():
    examples = rdf.example_queries()
    return [(name, params) for name in COMPARISONS for params in (examples[name].examples or ({},))]


def test_every_example_query_runs_and_is_documented(queryable):
    docs = (Path(__file__).resolve().parents[1] / "docs" / "linked-data.md").read_text(encoding="utf-8")
    try:
        from samspil.queries.library import list_queries
    except ImportError:  # the Cypher library is not there yet: nothing to check against
        cypher_names = None
    else:
        cypher_names = {q.name for q in list_queries()}
    for name, example in rdf.example_queries().items():
        assert example.title and example.description and example.returns, name
        for params in example.examples or ({},):
            rdf.run_sparql(queryable, example.text, params, example=example)
        assert name in docs, f"example query {name} is not in docs/linked-data.md"
        if example.cypher and cypher_names is not None:
            assert example.cypher in cypher_names, f"{name} names a Cypher query the library does not have"


@pytest.mark.parametrize("name,params", _runs())
def test_example_query_answers_what_networkx_answers(graph, queryable, name, params):
    example = rdf.example_queries()[name]
    rows = rdf.run_sparql(queryable, example.text, params, example=example).rows()
    key, expected, _ = COMPARISONS[name]
    sparql = [key(r) for r in rows]
    assert len(sparql) == len(set(sparql)), "a row twice"
    assert set(sparql) == expected(graph, params)


@pytest.fixture(scope="module")
def cypher_engine(graph):
    library = pytest.importorskip("samspil.queries.library")
    with library.load_embedded(graph) as db:
        yield library, db


@pytest.mark.parametrize("name,params", _runs())
def test_example_query_answers_what_the_cypher_query_answers(queryable, cypher_engine, name, params):
    library, db = cypher_engine
    example = rdf.example_queries()[name]
    if example.cypher not in {q.name for q in library.list_queries()}:
        pytest.skip(f"no Cypher query {example.cypher} in the library yet")
    cypher_rows = library.run_query(example.cypher, params, db)
    rows = rdf.run_sparql(queryable, example.text, params, example=example).rows()
    key, _, cypher_key = COMPARISONS[name]
    assert Counter(key(r) for r in rows) == Counter(cypher_key(r) for r in cypher_rows)


# -- SPARQL safety and errors -------------------------------------------------

@pytest.mark.parametrize("query,message", [
    ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "SERVICE is not supported"),
    ("SELECT * FROM <http://example.org/g> WHERE { ?s ?p ?o }", "FROM and FROM NAMED are not supported"),
    ("DELETE WHERE { ?s ?p ?o }", "not a SPARQL query"),
    ("SELECT ?x WHERE { ?x ", "not a SPARQL query"),
])
def test_unsafe_or_broken_queries_are_refused(exported, query, message):
    with pytest.raises(SamspilError, match=message):
        rdf.run_sparql(exported, query)


def test_example_parameters_are_checked(queryable):
    example = rdf.example_queries()["cross-sector-solutions"]
    with pytest.raises(SamspilError, match="is not an integer"):
        rdf.run_sparql(queryable, example.text, {"minSectors": "three"}, example=example)
    with pytest.raises(SamspilError, match="has no parameter actor"):
        rdf.run_sparql(queryable, example.text, {"actor": "x"}, example=example)
    partners = rdf.example_queries()["actor-partners-by-sector"]
    with pytest.raises(SamspilError, match="needs parameter actor"):
        rdf.run_sparql(queryable, partners.text, {}, example=partners)


# -- the command line ---------------------------------------------------------

@pytest.fixture(scope="module")
def export_file(tmp_path_factory, graph):
    return export_graph(graph, tmp_path_factory.mktemp("rdf") / "samspil.ttl")


def test_cli_validate_a_file(export_file):
    result = CliRunner().invoke(main, ["validate", str(export_file)])
    assert result.exit_code == 0, result.output
    assert f"{export_file} conforms" in result.output


def test_cli_validate_a_broken_file_exits_1(tmp_path, exported):
    path = tmp_path / "broken.ttl"
    path.write_bytes(_broken(exported).serialize(format="turtle", encoding="utf-8"))
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 1
    assert "does NOT conform" in result.output and "sp:kommunekode" in result.output


def test_cli_validate_bad_input_is_one_line(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix x: <urn:x> .\nx:a x:b \"unterminated .\n", encoding="utf-8")
    for args in (["validate", str(bad)], ["validate", str(tmp_path / "missing.ttl")],
                 ["validate", str(tmp_path / "x.unknown")]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 2, result.output
        assert result.output.startswith("samspil: error: ") and result.output.count("\n") == 1


def test_cli_sparql_formats(export_file):
    query = "SELECT ?code WHERE { ?m sp:kommunekode ?code ; rdfs:label ?name }"
    args = ["sparql", query, "--file", str(export_file), "--param", "name=Kolding Kommune"]
    table = CliRunner().invoke(main, args)
    assert table.exit_code == 0 and "0621" in table.output and "1 row" in table.output
    as_json = CliRunner().invoke(main, args + ["--format", "json"])
    assert json.loads(as_json.output)["results"]["bindings"] == [
        {"code": {"type": "literal", "value": "0621"}}]
    as_csv = CliRunner().invoke(main, args + ["--format", "csv"])
    assert as_csv.output.splitlines() == ["code", "0621"]
    ask = CliRunner().invoke(main, ["sparql", "ASK { ?s a org:Organization }", "--file", str(export_file)])
    assert ask.output == "true\n"


def test_cli_sparql_example_and_list(export_file):
    listed = CliRunner().invoke(main, ["sparql", "--list"])
    assert listed.exit_code == 0
    for name in rdf.example_queries():
        assert name in listed.output
    result = CliRunner().invoke(main, ["sparql", "actor-partners-by-sector", "--file", str(export_file),
                                       "--param", "actor=Kolding Kommune", "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "actor_name,sector,partner,partner_id,kind,shared,solutions"


def test_cli_sparql_refuses_with_one_line(export_file):
    result = CliRunner().invoke(main, ["sparql", "SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }",
                                       "--file", str(export_file)])
    assert result.exit_code == 2
    assert result.output.startswith("samspil: error: SERVICE is not supported")
