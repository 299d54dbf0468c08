"""Build the Samspil graph (a networkx MultiDiGraph in the model of :mod:`samspil.core.model`)
from case records and the facts recognised in them.

One organisation is one node across all cases (resolved by
:mod:`samspil.core.identity`); every edge carries its provenance: the case it
comes from, a short quote as evidence, and the method that found it.
Building is deterministic: the same input in any order gives the same graph.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from itertools import combinations
from pathlib import Path
from typing import Any

import networkx as nx

from samspil.core.identity import Gazetteer, Organisation, actor_id, bounded_slug, slugify
from samspil.core.model import (ACTOR_KINDS, DEFAULT_COUNTRY, EFFECT_GRADES, ROLE_PRIORITY, SPREAD_STATUSES,
                                 actor_labels, edge_key)
from samspil.core.records import ActorMention, CaseFacts, CaseRecord, Corpus, GroupMention, SourceInfo, SpreadMention
from samspil.core.text import redact_contact_details, without_contact_persons
from samspil.core.themes import theme_label
from samspil.corpus.curation import Corrections, default_corrections_path, load_corrections
from samspil.corpus.sources import build_corpus, load_corpus

#: Roles that make an actor one of a solution's makers (for COLLABORATES_WITH).
MAKER_ROLES = ("owner", "partner", "funder")
#: Sector of a network whose members the graph does not know: the networks of this
#: domain (OS2, the regions' innovation networks) are public-sector communities.
DEFAULT_NETWORK_SECTOR = "public"
EVIDENCE_LIMIT = 300


def solution_id(record: CaseRecord) -> str:
    """The id of the solution a case describes: given by the case, else from its title.

    Examples
    --------
    >>> from samspil.core.records import SourceInfo
    >>> solution_id(CaseRecord(id="x-1", number=1, title="Talentudvikling", source=SourceInfo("x", "X", "x.txt")))
    'solution-talentudvikling'
    """
    return record.solution_id or f"solution-{bounded_slug(record.title)}"


def _clip(text: str | None) -> str:
    """Evidence and summaries: one line, no contact details, at most EVIDENCE_LIMIT characters."""
    text = redact_contact_details(" ".join((text or "").split()))
    return text if len(text) <= EVIDENCE_LIMIT else text[: EVIDENCE_LIMIT - 1] + "…"


class _Builder:
    def __init__(self, gazetteer: Gazetteer, include_contacts: bool) -> None:
        self.g = nx.MultiDiGraph()
        self.gazetteer = gazetteer
        self.include_contacts = include_contacts
        #: The parents each unit name is given anywhere in the corpus: a unit named once
        #: without its parent (as another unit's parent, say) is the one unit of that name.
        self.unit_parents: dict[str, set[str]] = defaultdict(set)
        #: (name, job title) of the contact persons of the case being added: personal data
        #: that no evidence quote may carry (design.md), whatever found or curated it.
        self.persons: list[tuple[str | None, str | None]] = []

    def learn_parents(self, corpus: Corpus) -> None:
        for record, facts in corpus.cases:
            for m in facts.actors:
                if m.kind == "unit" and m.part_of:
                    self.unit_parents[m.name].add(m.part_of)
            for name, parent in record.nominator_parents.items():
                self.unit_parents[name].add(parent)

    # -- nodes ---------------------------------------------------------------
    def node(self, node_id: str, labels: tuple[str, ...], **props: Any) -> str:
        props = {k: v for k, v in props.items() if v is not None}
        if node_id in self.g:
            data = self.g.nodes[node_id]
            for k, v in props.items():
                data.setdefault(k, v)
            other = props.get("name")
            if other is not None and other != data.get("name") and other not in data.get("aliases", ()):
                # Two spellings with one id (they differ only by punctuation or case): one node,
                # and the other spelling kept where everyone sees it, never dropped.
                data["aliases"] = sorted({*data.get("aliases", ()), other})
        else:
            self.g.add_node(node_id, labels=labels, **props)
        return node_id

    def actor(self, name: str, kind: str, part_of: str | None = None, *, method: str = "parsed",
              case: str | None = None, evidence: str = "", guessed: bool = False, country: str | None = None) -> str:
        """Add (or find) an actor; returns its id. Known names take the gazetteer's form.

        An actor abroad (``country`` other than DK: the public authority of a named place,
        "Tampere") is never looked up among Danish names and carries no kommunekode; its id
        holds its country (``municipality-fi-tampere``).

        A unit the gazetteer does not know is identified together with its parent:
        "Teknik og Miljø" of Aarhus Kommune and of Herning Kommune are two units.
        A kind only guessed from a name (``guessed``, for a parent named in passing)
        gives way to the kind a later mention gives.
        """
        if country and country != DEFAULT_COUNTRY:
            node_id = f"{kind}-{country.lower()}-{bounded_slug(name)}"
            return self.node(node_id, actor_labels(kind), name=name, kind=kind, sector=ACTOR_KINDS[kind].sector,
                             country=country)
        known: Organisation | None = self.gazetteer.lookup(name)
        if known is None and kind == "municipality":
            known = self.gazetteer.municipality(name.removesuffix(" Kommune").removesuffix(" kommune"))
        if known is not None and (known.kind == kind or kind not in ACTOR_KINDS):
            name, kind = known.name, known.kind
            part_of = part_of or known.parent
            guessed = False
        if kind not in ACTOR_KINDS:
            raise ValueError(f"actor {name!r}: unknown kind {kind!r}")
        if kind == "unit" and part_of is None and len(self.unit_parents.get(name, ())) == 1:
            part_of = next(iter(self.unit_parents[name]))
        parent_known = self.gazetteer.lookup(part_of) if part_of else None
        parent_name = parent_known.name if parent_known else part_of
        node_id = actor_id(name, kind, known.code if known else None, known.country if known else "DK")
        if kind == "unit" and known is None and parent_name:
            node_id = f"{node_id}--{bounded_slug(parent_name)}"
        info = ACTOR_KINDS[kind]
        extra: dict[str, Any] = known.properties() if known is not None and known.kind == kind else {}
        existing = self.g.nodes.get(node_id)
        if existing is not None and existing.get("kind_guessed") and not guessed and existing.get("kind") != kind:
            existing.update(labels=actor_labels(kind), kind=kind, sector=info.sector)
        if existing is not None and not guessed:
            existing.pop("kind_guessed", None)
        self.node(node_id, actor_labels(kind), name=name, kind=kind, sector=info.sector,
                  kind_guessed=True if guessed and existing is None else None,
                  **{"country": DEFAULT_COUNTRY, **extra})
        if kind == "municipality" and known is not None and known.region:
            region = self.actor(known.region, "region", method="reference")
            self.edge(node_id, region, "IN_REGION", None, evidence=f"{name} ligger i {known.region}",
                      method="reference")
        if part_of and part_of != name:
            parent_kind = parent_known.kind if parent_known else self._guess_kind(part_of)
            parent = self.actor(part_of, parent_kind, method=method, case=case, guessed=parent_known is None)
            self.edge(node_id, parent, "PART_OF", case if method != "gazetteer" else None,
                      evidence=evidence or f"{name} ({part_of})", method=method if known is None else "gazetteer")
        return node_id

    def _guess_kind(self, name: str) -> str:
        from samspil.core.orgnames import classify

        return classify(name, self.gazetteer) or "unit"

    # -- edges ---------------------------------------------------------------
    def edge(self, src: str, dst: str, rel_type: str, case: str | None, *, evidence: str = "", method: str,
             **props: Any) -> None:
        key = edge_key(rel_type, case)
        if self.g.has_edge(src, dst, key):
            return
        props = {k: v for k, v in props.items() if v is not None}
        if rel_type != "CONTACT_FOR":
            evidence = without_contact_persons(evidence, self.persons)
        self.g.add_edge(src, dst, key=key, type=rel_type, case=case or "", evidence=_clip(evidence), method=method,
                        **props)

    # -- cases ---------------------------------------------------------------
    def source(self, info: SourceInfo) -> str:
        return self.node(f"source-{info.id}", ("Source",), name=info.title, path=info.path, year=info.year,
                         publisher=info.publisher)

    def case(self, record: CaseRecord, facts: CaseFacts) -> None:
        self.persons = [(c.name, c.title) for c in record.contacts]
        source = self.source(record.source)
        effect = {"effect_grade": facts.effect_grade,
                  "effect_evidence": _clip(facts.effect_evidence) if facts.effect_evidence else None,
                  "barriers": [_clip(b) for b in facts.barriers] or None}
        case = self.node(record.id, ("Case",), name=record.title, number=record.number, prize=record.prize,
                         year=record.year, source=record.source.id, line_start=record.line_start,
                         line_end=record.line_end, layout=record.layout, has_contact=bool(record.contacts),
                         language=record.language, **effect)
        self.edge(case, source, "FROM_SOURCE", record.id, evidence=record.source.title, method="parsed")
        solution = self.node(solution_id(record), ("Solution",), name=record.title, title=record.title,
                             subtitle=record.subtitle, summary=_clip(record.summary), year=record.year,
                             target_group=record.target_group, documented_effect=facts.documented_effect,
                             themes=sorted(set(facts.themes)) or None, **effect)
        # A solution described by several cases holds the best-documented effect among them,
        # and every barrier any of them names.
        sol = self.g.nodes[solution]
        if EFFECT_GRADES.index(facts.effect_grade) < EFFECT_GRADES.index(sol["effect_grade"]):
            sol.update(effect_grade=facts.effect_grade, effect_evidence=effect["effect_evidence"],
                       documented_effect=facts.documented_effect)
        for barrier in effect["barriers"] or ():
            if barrier not in sol.setdefault("barriers", []):
                sol["barriers"].append(barrier)
        self.edge(case, solution, "DESCRIBES", record.id, evidence=record.title, method="parsed")
        for theme in sorted(set(facts.themes)):
            t = self.node(f"theme-{slugify(theme)}", ("Theme",), name=theme_label(theme),
                          name_en=theme_label(theme, "en"), slug=theme)
            self.edge(solution, t, "ADDRESSES", record.id, evidence=theme,
                      method="structured" if record.layout == "structured" else "pattern")
        nominator_evidence = f"INDSTILLER: {record.nominator_text}" if record.nominator_text else "nominator"
        recognised = {m.name: m.kind for m in facts.actors}
        for position, name in enumerate(record.nominators, start=1):
            kind = recognised.get(name) or record.nominator_kinds.get(name) or self._guess_kind(name)
            a = self.actor(name, kind, record.nominator_parents.get(name), case=record.id,
                           evidence=nominator_evidence)
            self.edge(a, case, "NOMINATED", record.id, evidence=nominator_evidence, method="parsed",
                      position=position)
        # Spread statements first: they are more precise than an adopter/interested role.
        parents = {m.name: m.part_of for m in facts.actors if m.part_of}
        for spread in _strongest_spread(facts.spread):
            if spread.target == "group":
                a = self.group(record.id, spread.description or spread.to, spread.kind, spread.count, spread.region,
                               spread.country)
            else:
                a = self.actor(spread.to, spread.kind, parents.get(spread.to), method=spread.method, case=record.id,
                               country=spread.country)
            self.edge(solution, a, "SPREAD_TO", record.id, evidence=spread.evidence, method=spread.method,
                      status=spread.status, year=spread.year, target=spread.target)
        # "12 kommuner deltager" where the case names the twelve: the group is those actors, no more partners.
        named = Counter(m.kind for m in facts.actors if m.role in MAKER_ROLES)
        for g in _strongest_roles(facts.groups):
            if g.count is not None and g.count <= named[g.kind]:
                continue
            a = self.group(record.id, g.description, g.kind, g.count, g.region, g.country)
            self.edge(a, solution, "PARTNER_IN", record.id, evidence=g.evidence, method=g.method, role=g.role)
        for shared in facts.shared:
            channel = self.node(f"channel-{shared.channel}", ("Channel",), name=shared.channel, channel=shared.channel)
            self.edge(solution, channel, "SHARED_VIA", record.id, evidence=shared.evidence, method=shared.method,
                      channel=shared.channel)
        for mention in _strongest_roles(facts.actors):
            a = self.actor(mention.name, mention.kind, mention.part_of, method=mention.method, case=record.id,
                           evidence=mention.evidence)
            self._role_edge(a, mention, case, solution, record.id)
        for inspiration in facts.inspired_by:
            if inspiration.kind == "solution":
                target = self.node(f"solution-{bounded_slug(inspiration.source)}", ("Solution",), name=inspiration.source,
                                   title=inspiration.source)
            else:
                target = self.actor(inspiration.source, inspiration.kind, parents.get(inspiration.source),
                                    method=inspiration.method, case=record.id)
            self.edge(solution, target, "INSPIRED_BY", record.id, evidence=inspiration.evidence,
                      method=inspiration.method)
        if self.include_contacts:
            for contact in record.contacts:
                p = self.node(f"person-{bounded_slug(contact.name)}", ("Person",), name=contact.name, title=contact.title,
                              organisation=contact.organisation, phone=contact.phone, email=contact.email)
                self.edge(p, case, "CONTACT_FOR", record.id, evidence=contact.name, method="parsed")
        self.persons = []

    def group(self, case: str, description: str, kind: str, count: int | None, region: str | None,
              country: str | None) -> str:
        """The Group node of one statement in one case (its id from the case and the words, so stable)."""
        return self.node(f"group-{case}-{bounded_slug(description)}", ("Group",), name=description,
                         description=description, kind=kind, count=count, region=region,
                         country=country or DEFAULT_COUNTRY)

    def _role_edge(self, actor: str, mention: ActorMention, case: str, solution: str, case_id: str) -> None:
        if mention.role in ("owner", "nominator"):
            self.edge(actor, solution, "OWNS", case_id, evidence=mention.evidence, method=mention.method)
        elif mention.role in ("partner", "funder"):
            self.edge(actor, solution, "PARTNER_IN", case_id, evidence=mention.evidence, method=mention.method,
                      role=mention.role)
        elif mention.role in ("adopter", "interested"):
            # A spread statement (facts.spread) for the same actor is more precise and wins.
            self.edge(solution, actor, "SPREAD_TO", case_id, evidence=mention.evidence, method=mention.method,
                      status="adopted" if mention.role == "adopter" else "interested", target="actor")
        elif mention.role == "inspiration":
            self.edge(solution, actor, "INSPIRED_BY", case_id, evidence=mention.evidence, method=mention.method)
        else:
            self.edge(case, actor, "MENTIONS", case_id, evidence=mention.evidence, method=mention.method)

    def source_organisation(self, info: SourceInfo, mention: ActorMention) -> None:
        source = self.source(info)
        # The source stands where a case would: its PART_OF edges carry it as their case.
        a = self.actor(mention.name, mention.kind, mention.part_of, method=mention.method, case=f"source-{info.id}",
                       evidence=mention.evidence)
        self.edge(source, a, "MENTIONS", f"source-{info.id}", evidence=mention.evidence, method=mention.method)

    # -- derived -------------------------------------------------------------
    def sectors_of_units_and_networks(self) -> None:
        """Units take their parent's sector; networks their members' most common one."""
        g = self.g
        actors = [(n, data) for n, data in g.nodes(data=True) if "Actor" in data["labels"]]  # not a Group's members
        for n, data in actors:
            if data.get("kind") == "unit":
                seen = {n}
                parent = n
                sector = None
                while sector is None:
                    parents = sorted(v for _, v, d in g.out_edges(parent, data=True) if d["type"] == "PART_OF")
                    if not parents or parents[0] in seen:
                        break
                    parent = parents[0]
                    seen.add(parent)
                    sector = g.nodes[parent].get("sector") if g.nodes[parent].get("kind") != "unit" else None
                data["sector"] = sector or "public"
        for n, data in actors:
            if data.get("kind") == "network":
                members = [g.nodes[u].get("sector") for u, _, d in g.in_edges(n, data=True) if d["type"] == "PART_OF"]
                members = [m for m in members if m]
                data["sector"] = max(sorted(set(members)), key=members.count) if members else DEFAULT_NETWORK_SECTOR

    def collaborations(self) -> None:
        """COLLABORATES_WITH between every two makers of the same solution (weight: shared solutions)."""
        makers: dict[str, set[str]] = defaultdict(set)
        for u, v, d in self.g.edges(data=True):
            if (d["type"] == "OWNS" or (d["type"] == "PARTNER_IN" and d.get("role") in MAKER_ROLES)) \
                    and "Actor" in self.g.nodes[u]["labels"]:  # a group's unnamed members collaborate with no one by name
                makers[v].add(u)
        pairs: dict[tuple[str, str], set[str]] = defaultdict(set)
        for solution, actors in makers.items():
            for a, b in combinations(sorted(actors), 2):
                pairs[a, b].add(solution)
        for (a, b), solutions in sorted(pairs.items()):
            names = sorted(self.g.nodes[s]["name"] for s in solutions)
            self.edge(a, b, "COLLABORATES_WITH", None, evidence="; ".join(names), method="derived",
                      weight=len(solutions), solutions=sorted(solutions))


def _strongest_spread(spreads: Iterable[SpreadMention]) -> list[SpreadMention]:
    """One spread statement per actor per case: adopted over interested, visited, inspired."""
    best: dict[str, SpreadMention] = {}
    for s in spreads:
        current = best.get(s.to)
        if current is None or SPREAD_STATUSES.index(s.status) < SPREAD_STATUSES.index(current.status):
            best[s.to] = s if s.year or current is None or not current.year else replace(s, year=current.year)
    return [best[k] for k in sorted(best)]


def _strongest_roles(mentions: Iterable[ActorMention | GroupMention]) -> list[Any]:
    """One mention per actor (or group) per case: the one with the strongest role.

    Examples
    --------
    >>> [m.role for m in _strongest_roles([ActorMention("KL", "association", "mentioned"),
    ...                                    ActorMention("KL", "association", "partner")])]
    ['partner']
    """
    best: dict[str, ActorMention | GroupMention] = {}
    for m in mentions:
        name = m.description if isinstance(m, GroupMention) else m.name
        current = best.get(name)
        if current is None or ROLE_PRIORITY.index(m.role) < ROLE_PRIORITY.index(current.role):
            best[name] = m
    return [best[k] for k in sorted(best)]


def build_graph(corpus: Corpus, *, gazetteer: Gazetteer | None = None,
                include_contacts: bool = False) -> nx.MultiDiGraph:
    """Build the graph of a corpus.

    Parameters
    ----------
    corpus : Corpus
        Cases with their facts, and organisations sources name.
    gazetteer : Gazetteer, optional
        Identity of organisations; the shipped one when omitted.
    include_contacts : bool
        Add ``Person`` nodes for contact persons (personal data; off by default).

    Returns
    -------
    networkx.MultiDiGraph
        Nodes keyed by id, edges keyed by ``TYPE@case``; see :mod:`samspil.core.model`.

    Examples
    --------
    >>> from samspil.core.records import SourceInfo, CaseFacts
    >>> src = SourceInfo("demo", "Demo", "demo.txt")
    >>> rec = CaseRecord(id="demo-01", number=1, title="Spisevenner", source=src, nominators=["Vejen Kommune"],
    ...                  nominator_kinds={"Vejen Kommune": "municipality"})
    >>> g = build_graph(Corpus(cases=[(rec, CaseFacts())]))
    >>> sorted(d["type"] for _, _, d in g.edges(data=True))
    ['DESCRIBES', 'FROM_SOURCE', 'IN_REGION', 'NOMINATED', 'OWNS']
    """
    b = _Builder(gazetteer or Gazetteer.for_languages(r.language for r, _ in corpus.cases), include_contacts)
    b.learn_parents(corpus)
    for info, mention in sorted(corpus.organisations, key=lambda x: (x[0].id, x[1].name)):
        b.source_organisation(info, mention)
    for record, facts in sorted(corpus.cases, key=lambda x: x[0].id):
        owners = [ActorMention(name, record.nominator_kinds.get(name) or b._guess_kind(name), "owner",
                               f"INDSTILLER: {record.nominator_text}", "parsed", record.nominator_parents.get(name))
                  for name in record.nominators if not any(m.name == name for m in facts.actors)]
        b.case(record, replace(facts, actors=[*facts.actors, *owners]))
    for _, data in b.g.nodes(data=True):
        data.pop("kind_guessed", None)
    b.sectors_of_units_and_networks()
    b.collaborations()
    return _sorted_copy(b.g)


def _sorted_copy(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The same graph with nodes and edges in sorted order, so outputs are byte-stable."""
    out = nx.MultiDiGraph()
    out.add_nodes_from(sorted(g.nodes(data=True), key=lambda x: x[0]))
    out.add_edges_from(sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])))
    return out


def default_graph(*, include_contacts: bool = False, curated: bool = True) -> nx.MultiDiGraph:
    """The graph of the shipped corpus, with the shipped corrections applied unless ``curated`` is False.

    Examples
    --------
    >>> g = default_graph()
    >>> g.nodes["municipality-0621"]["name"]
    'Kolding Kommune'
    """
    corrections = load_corrections([default_corrections_path()]) if curated else None
    return build_graph(load_corpus(corrections=corrections), include_contacts=include_contacts)


def build_corpus_graph(lsf_paths: Sequence[str | Path] = (), case_files: Sequence[str | Path] = (), *,
                       defaults: bool = True, include_contacts: bool = False,
                       corrections: Corrections | None = None) -> nx.MultiDiGraph:
    """The graph of :func:`build_corpus`'s corpus (``include_contacts`` adds contact persons)."""
    return build_graph(build_corpus(lsf_paths, case_files, defaults=defaults, corrections=corrections),
                       include_contacts=include_contacts)
