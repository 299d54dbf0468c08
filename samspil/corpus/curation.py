"""Curation: reviewed corrections applied after extraction, so human judgement survives re-extraction.

A corrections file (YAML, documented in ``docs/curation.md``) lists operations,
each with the reason a reviewer gave:

* ``add`` — an actor the recogniser missed (case, name, kind, role, evidence);
* ``remove`` — an actor it should not have found (in one case, or everywhere);
* ``rename`` — a name written differently (in one case, or everywhere);
* ``merge`` — several names that are one organisation, into one;
* ``kind`` — an organisation's kind;
* ``role`` — an actor's role in one case;
* ``spread`` — a spread statement to add or to correct (case, to, kind, status, year; ``target`` actor,
  place or group, with ``count``, ``country``, ``region``, ``description`` for places and groups);
* ``group`` — an unnamed group of organisations that takes part (case, description, kind, role partner or
  funder, count, region, country);
* ``remove_spread`` — a spread statement that is not one;
* ``part_of`` — the organisation a unit belongs to (in one case, or everywhere);
* ``effect`` — how well a case documents its effect: a ``grade`` (measured, reported,
  satisfaction, none); the older ``documented_effect: true/false`` is still read.

Corrections are applied to the recognised facts before the graph is built, and
every fact they touch is marked ``method: curated``.  A correction that changes
nothing any more (the text changed, or the recogniser now gets it right by
itself) is reported, so the file can be kept clean.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any

from samspil.core.records import Corpus
from samspil.core.model import (ACTOR_KINDS, EFFECT_GRADES, ROLE_PRIORITY, ROLES, SPREAD_STATUSES, SPREAD_TARGETS,
                                 flag_grade)
from samspil.core.records import ActorMention, CaseFacts, CaseRecord, GroupMention, SpreadMention
from samspil.loaders.yamlfile import Fields, read_yaml

OPERATIONS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # op: (required fields, optional fields); every op also takes "reason" (required).
    "add": (("case", "name", "kind", "role"), ("evidence", "part_of")),
    "remove": (("name",), ("case",)),
    "rename": (("name", "to"), ("case",)),
    "merge": (("names", "into"), ()),
    "kind": (("name", "kind"), ()),
    "role": (("case", "name", "role"), ()),
    "spread": (("case", "to", "kind", "status"), ("year", "evidence", "target", "count", "country", "region",
                                                   "description")),
    "group": (("case", "description", "kind", "role"), ("count", "region", "country", "evidence")),
    "remove_spread": (("case", "to"), ()),
    "part_of": (("name", "part_of"), ("case",)),
    "effect": (("case",), ("grade", "documented_effect", "evidence")),
}


@dataclass
class Correction:
    """One reviewed correction, where it stands in its file, and how often it applied."""

    op: str
    fields: dict[str, Any]
    reason: str
    path: str
    line: int
    applied: int = 0

    def describe(self) -> str:
        what = ", ".join(f"{k}={v}" for k, v in self.fields.items())
        return f"{self.path}:{self.line}: {self.op} {what}"


@dataclass
class Corrections:
    """A list of corrections and the code that applies them to a corpus."""

    items: list[Correction] = field(default_factory=list)

    def apply(self, corpus: Corpus) -> Corpus:
        """The corpus with every correction applied (the input is not changed).

        Examples
        --------
        >>> from samspil.core.records import SourceInfo
        >>> rec = CaseRecord(id="x-01", number=1, title="T", source=SourceInfo("x", "X", "x"))
        >>> facts = CaseFacts(actors=[ActorMention("Mandag Morgen", "company", "mentioned")])
        >>> c = Corrections([Correction("remove", {"name": "Mandag Morgen"}, "a publisher", "f.yaml", 3)])
        >>> c.apply(Corpus(cases=[(rec, facts)])).cases[0][1].actors
        []
        >>> c.items[0].applied
        1
        """
        for item in self.items:
            item.applied = 0
        cases = [(record, self._apply_case(record, facts)) for record, facts in corpus.cases]
        return Corpus(cases=cases, organisations=list(corpus.organisations))

    def unmatched(self) -> list[Correction]:
        """Corrections that matched nothing the last time they were applied."""
        return [c for c in self.items if c.applied == 0]

    # -- per case ------------------------------------------------------------
    def _apply_case(self, record: CaseRecord, facts: CaseFacts) -> CaseFacts:
        actors = list(facts.actors)
        spread = list(facts.spread)
        groups = list(facts.groups)
        for c in self.items:
            f = c.fields
            if "case" in f and f["case"] != record.id:
                continue
            if c.op == "add":
                if not any(a.name == f["name"] for a in actors):
                    actors.append(ActorMention(f["name"], f["kind"], f["role"], f.get("evidence", ""), "curated",
                                               f.get("part_of")))
                    c.applied += 1
            elif c.op == "remove":
                kept = [a for a in actors if a.name != f["name"]]
                c.applied += len(actors) - len(kept)
                actors = kept
                spread = [s for s in spread if s.to != f["name"]]
            elif c.op in ("rename", "merge"):
                olds = [f["name"]] if c.op == "rename" else list(f["names"])
                new = f["to"] if c.op == "rename" else f["into"]
                for i, a in enumerate(actors):
                    if a.name in olds:
                        actors[i] = replace(a, name=new, method="curated")
                        c.applied += 1
                spread = [replace(s, to=new, method="curated") if s.to in olds else s for s in spread]
                actors = _dedupe(actors)
            elif c.op == "kind":
                for i, a in enumerate(actors):
                    if a.name == f["name"] and a.kind != f["kind"]:
                        actors[i] = replace(a, kind=f["kind"], method="curated")
                        c.applied += 1
                spread = [replace(s, kind=f["kind"]) if s.to == f["name"] else s for s in spread]
            elif c.op == "role":
                for i, a in enumerate(actors):
                    if a.name == f["name"] and a.role != f["role"]:
                        actors[i] = replace(a, role=f["role"], method="curated")
                        c.applied += 1
            elif c.op == "part_of":
                for i, a in enumerate(actors):
                    if a.name == f["name"] and a.part_of != f["part_of"]:
                        actors[i] = replace(a, part_of=f["part_of"], method="curated")
                        c.applied += 1
            elif c.op == "spread":
                target = f.get("target", "actor")
                wanted = SpreadMention(f["to"], f["kind"], f["status"], f.get("evidence", ""), f.get("year"), "curated",
                                       target, f.get("count"), f.get("country"), f.get("region"),
                                       f.get("description") or (f["to"] if target == "group" else None))
                current = [s for s in spread if s.to == f["to"]]
                if not any(s.status == wanted.status and (s.year == wanted.year or not wanted.year)
                           and (s.target, s.count, s.country) == (target, wanted.count, wanted.country) for s in current):
                    spread = [s for s in spread if s.to != f["to"]] + [wanted]
                    c.applied += 1
                if target == "group":
                    continue  # a group is no actor: it has no role among the case's actors
                role = "adopter" if f["status"] in ("adopted", "inspired") else "interested"
                mentioned = next((a for a in actors if a.name == f["to"]), None)
                # The spread role only where the actor has no stronger one (a partner that also adopted).
                if mentioned is None:
                    actors.append(ActorMention(f["to"], f["kind"], role, f.get("evidence", ""), "curated"))
                elif ROLE_PRIORITY.index(role) < ROLE_PRIORITY.index(mentioned.role):
                    actors = [replace(a, role=role, method="curated") if a is mentioned else a for a in actors]
            elif c.op == "remove_spread":
                kept_spread = [s for s in spread if s.to != f["to"]]
                c.applied += len(spread) - len(kept_spread)
                spread = kept_spread
                actors = [replace(a, role="mentioned", method="curated")
                          if a.name == f["to"] and a.role in ("adopter", "interested") else a for a in actors]
            elif c.op == "group":
                wanted_group = GroupMention(f["description"], f["kind"], f["role"], f.get("count"), f.get("region"),
                                            f.get("country"), f.get("evidence", ""), "curated")
                if not any((g.description, g.role, g.count) == (wanted_group.description, wanted_group.role,
                                                                wanted_group.count) for g in groups):
                    groups = [g for g in groups if g.description != wanted_group.description] + [wanted_group]
                    c.applied += 1
            elif c.op == "effect":
                grade = effect_grade(f, facts)
                evidence = None if grade == "none" else f.get("evidence") or facts.effect_evidence
                if (grade, evidence) != (facts.effect_grade, facts.effect_evidence):
                    facts = replace(facts, effect_grade=grade, effect_evidence=evidence)
                    c.applied += 1
        return replace(facts, actors=actors, spread=spread, groups=groups)


def effect_grade(fields: dict[str, Any], facts: CaseFacts) -> str:
    """The grade an ``effect`` correction asks for.

    A ``grade`` is taken as it is. The older ``documented_effect`` flag changes the grade only
    when it disagrees with it (:func:`samspil.core.model.flag_grade` then gives the grade).

    Examples
    --------
    >>> effect_grade({"documented_effect": True}, CaseFacts()), effect_grade({"grade": "reported"}, CaseFacts())
    ('measured', 'reported')
    >>> effect_grade({"documented_effect": False}, CaseFacts(effect_grade="reported"))
    'reported'
    """
    if "grade" in fields:
        return str(fields["grade"])
    if bool(fields["documented_effect"]) == facts.documented_effect:
        return facts.effect_grade
    return flag_grade(bool(fields["documented_effect"]))


def _dedupe(actors: list[ActorMention]) -> list[ActorMention]:
    """After a merge, one mention per name: the one with the strongest role."""
    best: dict[str, ActorMention] = {}
    for a in actors:
        cur = best.get(a.name)
        if cur is None or ROLE_PRIORITY.index(a.role) < ROLE_PRIORITY.index(cur.role):
            best[a.name] = a
    return list(best.values())


def _check(item: Any, path: str, index: int) -> Correction:
    where = f"corrections[{index}]"
    f = Fields(item, path, where)
    op = f.choice("op", OPERATIONS, required=True) or ""
    reason = f.text("reason", required=True) or ""
    required, optional = OPERATIONS[op]
    fields: dict[str, Any] = {}
    for key in (*required, *optional):
        if key == "names":
            value: Any = f.strings(key)
            if key in required and not value:
                raise f.error(key, "missing (required)")
        elif key == "year":
            value = f.year(key)
        elif key == "count":
            value = f.get(key, int)
            if value is not None and value < 1:
                raise f.error(key, f"{value} is not a number of organisations")
        elif key == "country":
            value = f.text(key)
            if value is not None and not re.fullmatch(r"[A-Z]{2}", value):
                raise f.error(key, f"{value!r} is not an ISO 3166 alpha-2 code (DK, FI, ES)")
        elif key == "target":
            value = f.choice(key, SPREAD_TARGETS)
        elif key == "documented_effect":
            value = f.get(key, bool, required=key in required)
        elif key == "grade":
            value = f.choice(key, EFFECT_GRADES, required=key in required)
        elif key == "kind":
            value = f.choice(key, ACTOR_KINDS, required=key in required)
        elif key == "role":
            value = f.choice(key, ("partner", "funder") if op == "group" else ROLES, required=key in required)
        elif key == "status":
            value = f.choice(key, SPREAD_STATUSES, required=key in required)
        else:
            value = f.text(key, required=key in required)
        if value is not None:
            fields[key] = value
    if op == "effect" and ("grade" in fields) == ("documented_effect" in fields):
        raise f.error("grade", "give either grade (measured, reported, satisfaction, none) or documented_effect")
    f.finish("docs/curation.md")
    return Correction(op, fields, reason, path, f.line or 0)


def load_corrections(paths: Iterable[str | Path]) -> Corrections:
    """Read corrections files; every problem names the file, line and field.

    Examples
    --------
    >>> c = load_corrections([default_corrections_path()])
    >>> all(item.reason for item in c.items)
    True
    """
    items: list[Correction] = []
    for path in paths:
        path = str(path)
        top = Fields(read_yaml(path), path, "")
        top.get("format", int)
        for i, item in enumerate(top.items("corrections")):
            items.append(_check(item, path, i))
        top.finish("docs/curation.md")
    return Corrections(items)


def default_corrections_path() -> Path:
    """The reviewed corrections shipped with Samspil (for the LÆS STJÆL FORTÆL cases)."""
    return Path(str(resources.files("samspil").joinpath("data", "curation", "corrections.yaml")))
