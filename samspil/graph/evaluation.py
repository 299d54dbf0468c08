"""Measuring the recogniser against the hand-annotated development set.

The gold files (``samspil/data/devset``) are case views written by hand; the
prediction is the case view of the same case, built the way ``samspil build``
builds it.  Three scores, each precision / recall / F1 over sets of pairs per
case: actors as (name, kind), roles as (name, role), spread as (to, status).
Names on both sides are resolved through the same gazetteer first, so "OUH"
and "Odense Universitetshospital" count as one organisation.

The spread set (``samspil/data/spreadset/lsf2019/NN.json``, one file per long
case) annotates every spread statement, also those to places abroad and to
unnamed groups.  On it, spread scores named organisations and places as
(to, status) pairs; ``groups`` scores group receivers as (kind, count, status)
and ``group_partners`` groups that took part as (kind, count, role), each
matched as a multiset per case.  Dev-set files written before places and
groups existed (their spread entries have no ``target``) are scored on named
organisations only, and a place the recogniser now finds there is not held
against them.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from samspil.core.records import Corpus

from samspil.graph.builder import build_graph
from samspil.graph.caseview import case_view
from samspil.core.identity import Gazetteer, name_key
from samspil.loaders import freetext, lsf2019
from samspil.recognise.recogniser import recognise


@dataclass
class Score:
    """Counts and the errors behind them, for one kind of pair."""

    name: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[tuple[str, str, str]] = field(default_factory=list)  # (case, "missed"/"spurious", pair)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"precision": round(self.precision, 3), "recall": round(self.recall, 3), "f1": round(self.f1, 3),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Evaluation:
    """Scores over a set of items, and which items they cover."""

    items: list[str]
    actors: Score
    roles: Score
    spread: Score
    groups: Score = field(default_factory=lambda: Score("groups"))
    group_partners: Score = field(default_factory=lambda: Score("group_partners"))

    def scores(self) -> tuple[Score, ...]:
        """Every score, in the order they are reported."""
        return (self.actors, self.roles, self.spread, self.groups, self.group_partners)

    def as_dict(self) -> dict[str, Any]:
        return {"items": len(self.items), **{s.name: s.as_dict() for s in self.scores()},
                "errors": [{"metric": s.name, "case": c, "error": e, "pair": p}
                           for s in self.scores() for c, e, p in s.errors]}


def devset_path() -> Path:
    """Where the shipped development set lies."""
    return Path(str(resources.files("samspil").joinpath("data", "devset")))


def spreadset_path() -> Path:
    """Where the shipped spread set lies (``lsf2019/NN.json``, one file per long case)."""
    return Path(str(resources.files("samspil").joinpath("data", "spreadset")))


def _modern(item: dict[str, Any]) -> bool:
    """Whether a gold item annotates places and groups (the spread set), not only named organisations."""
    return "group_partners" in item or any("target" in s for s in item.get("spread", []))


def load_gold(folder: str | Path | None = None) -> list[dict[str, Any]]:
    """The gold case views of a development set, with free texts' paths attached.

    Examples
    --------
    >>> gold = load_gold()
    >>> sum(1 for g in gold if g["id"].startswith("lsf2019")) >= 15
    True
    """
    folder = Path(folder) if folder else devset_path()
    items = []
    for path in sorted((folder / "lsf2019").glob("*.json")):
        items.append({**json.loads(path.read_text(encoding="utf-8")), "_path": str(path)})
    for path in sorted((folder / "freetext").glob("*.json")):
        item = json.loads(path.read_text(encoding="utf-8"))
        item["_text"] = str(path.with_suffix(".txt"))
        items.append(item)
    return items


def predict(gold: Sequence[dict[str, Any]], *, corrections: Any = None,
            gazetteer: Gazetteer | None = None) -> dict[str, dict[str, Any]]:
    """Case views the pipeline gives for the gold items (optionally after curation).

    Parameters
    ----------
    gold : sequence of dict
        Gold items (from :func:`load_gold`).
    corrections : samspil.corpus.curation.Corrections, optional
        Applied after recognition, as ``samspil build`` applies them.
    gazetteer : Gazetteer, optional
        One gazetteer for every text; by default each text's language chooses one.

    Returns
    -------
    dict
        Case id → predicted case view.
    """
    # Without a gazetteer each free text is read with its language's (Danish, Norwegian, Swedish).
    wanted = {g["number"] for g in gold if str(g["id"]).startswith("lsf2019")}
    corpus = Corpus()
    for record in lsf2019.load(gazetteer=gazetteer or Gazetteer.default()):
        if record.number in wanted:
            corpus.cases.append((record, recognise(record, gazetteer=gazetteer)))
    for g in gold:
        if "_text" in g:
            record = freetext.load(g["_text"], case_id=g["id"])
            corpus.cases.append((record, recognise(record, gazetteer=gazetteer)))
    if corrections is not None:
        corpus = corrections.apply(corpus)
    graph = build_graph(corpus, gazetteer=gazetteer)
    return {g["id"]: case_view(graph, g["id"]) for g in gold if g["id"] in graph}


def _canon(name: str, gazetteer: Gazetteer) -> str:
    known = gazetteer.lookup(name)
    return name_key(known.name if known else name)


def _pairs(items: Iterable[dict[str, Any]], key: str, value: str, gazetteer: Gazetteer) -> set[tuple[str, str]]:
    return {(_canon(x[key], gazetteer), x[value]) for x in items}


def _compare(score: Score, case: str, gold: Iterable[tuple[Any, ...]], pred: Iterable[tuple[Any, ...]]) -> None:
    """Count matches of two multisets of tuples (sets count each tuple once)."""
    g, p = Counter(gold), Counter(pred)
    score.tp += sum((g & p).values())
    score.fp += sum((p - g).values())
    score.fn += sum((g - p).values())
    score.errors += [(case, "missed", " / ".join(map(str, t))) for t in sorted((g - p).elements(), key=str)]
    score.errors += [(case, "spurious", " / ".join(map(str, t))) for t in sorted((p - g).elements(), key=str)]


def _receivers(spread: Iterable[dict[str, Any]], targets: tuple[str, ...]) -> list[dict[str, Any]]:
    return [s for s in spread if s.get("target", "actor") in targets]


def _groups(items: Iterable[dict[str, Any]], last: str) -> list[tuple[Any, ...]]:
    return [(x["kind"], x.get("count"), x[last]) for x in items]


def evaluate(gold: Sequence[dict[str, Any]] | None = None, *, corrections: Any = None,
             gazetteer: Gazetteer | None = None) -> Evaluation:
    """Score the pipeline on a development set.

    Parameters
    ----------
    gold : sequence of dict, optional
        Gold items; the shipped development set when omitted.
    corrections : samspil.corpus.curation.Corrections, optional
        Score after curation.
    gazetteer : Gazetteer, optional

    Returns
    -------
    Evaluation

    Examples
    --------
    >>> e = evaluate()
    >>> 0.0 <= e.actors.f1 <= 1.0
    True
    """
    gold = list(gold) if gold is not None else load_gold()
    predicted = predict(gold, corrections=corrections, gazetteer=gazetteer)
    # Names on both sides are compared through the gazetteer of the texts' languages (the case
    # view of a text not in Danish says its language): Danish sets keep the Danish one.
    gazetteer = gazetteer or Gazetteer.for_languages(p.get("language") for p in predicted.values())
    result = Evaluation(items=[g["id"] for g in gold], actors=Score("actors"), roles=Score("roles"),
                        spread=Score("spread"))
    for g in gold:
        p = predicted.get(g["id"], {"actors": [], "spread": [], "group_partners": []})
        modern = _modern(g)
        named = ("actor", "place") if modern else ("actor",)
        if "actors" in g:
            places = set() if modern else {s["to"] for s in _receivers(p["spread"], ("place",))}
            actors = [a for a in p["actors"] if a["name"] not in places]
            _compare(result.actors, g["id"], _pairs(g["actors"], "name", "kind", gazetteer),
                     _pairs(actors, "name", "kind", gazetteer))
            _compare(result.roles, g["id"], _pairs(g["actors"], "name", "role", gazetteer),
                     _pairs(actors, "name", "role", gazetteer))
        _compare(result.spread, g["id"], _pairs(_receivers(g["spread"], named), "to", "status", gazetteer),
                 _pairs(_receivers(p["spread"], named), "to", "status", gazetteer))
        if modern:
            _compare(result.groups, g["id"], _groups(_receivers(g["spread"], ("group",)), "status"),
                     _groups(_receivers(p["spread"], ("group",)), "status"))
            _compare(result.group_partners, g["id"], _groups(g.get("group_partners", []), "role"),
                     _groups(p.get("group_partners", []), "role"))
    return result


def propose_spread_corrections(gold: Sequence[dict[str, Any]], predicted: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Curation entries for the gold's spread statements and group partners the prediction misses.

    Each entry is a ``spread`` (or ``group``) operation of the corrections file with the gold's
    evidence and a reason naming the gold file, for a reviewer to check and add.

    Parameters
    ----------
    gold : sequence of dict
        Spread-set items (from :func:`load_gold`).
    predicted : dict
        Case id → case view (from :func:`predict`).

    Returns
    -------
    list of dict
        In gold order.

    Examples
    --------
    >>> gold = [{"id": "x-1", "_path": "x/01.json", "spread": [
    ...     {"to": "tre kommuner", "target": "group", "kind": "municipality", "count": 3, "status": "visited",
    ...      "year": None, "country": "DK", "region": None, "evidence": "tre kommuner har været forbi"}]}]
    >>> [(c["op"], c["to"], c["count"], c["reason"]) for c in propose_spread_corrections(gold, {})]
    [('spread', 'tre kommuner', 3, 'x/01.json: visited by a group of 3 municipality, missed by the recogniser')]
    """
    gazetteer = Gazetteer.default()
    proposals: list[dict[str, Any]] = []
    for g in gold:
        p = predicted.get(g["id"], {})
        where = g.get("_path", g["id"])
        named = _pairs(_receivers(p.get("spread", []), ("actor", "place")), "to", "status", gazetteer)
        groups = Counter(_groups(_receivers(p.get("spread", []), ("group",)), "status"))
        for s in g.get("spread", []):
            target = s.get("target", "actor")
            if target == "group":
                key = (s["kind"], s.get("count"), s["status"])
                if groups[key]:
                    groups[key] -= 1
                    continue
                what = f"{s['status']} by a group of {s.get('count') or 'an unknown number of'} {s['kind']}"
            elif (_canon(s["to"], gazetteer), s["status"]) in named:
                continue
            else:
                what = f"{s['status']} by {target} {s['to']}"
            entry = {"op": "spread", "case": g["id"], "to": s["to"], "kind": s["kind"], "status": s["status"],
                     "target": target, "count": s.get("count"), "country": s.get("country"), "region": s.get("region"),
                     "year": s.get("year"), "evidence": s.get("evidence"),
                     "reason": f"{where}: {what}, missed by the recogniser"}
            proposals.append({k: v for k, v in entry.items() if v is not None})
        partners = Counter(_groups(p.get("group_partners", []), "role"))
        for gp in g.get("group_partners", []):
            key = (gp["kind"], gp.get("count"), gp["role"])
            if partners[key]:
                partners[key] -= 1
                continue
            entry = {"op": "group", "case": g["id"], "description": gp["description"], "kind": gp["kind"],
                     "role": gp["role"], "count": gp.get("count"), "region": gp.get("region"),
                     "country": gp.get("country"), "evidence": gp.get("evidence"),
                     "reason": f"{where}: a group of {gp.get('count') or 'unknown'} {gp['kind']} as {gp['role']}, "
                               f"missed by the recogniser"}
            proposals.append({k: v for k, v in entry.items() if v is not None})
    return proposals
