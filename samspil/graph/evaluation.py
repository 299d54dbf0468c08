"""Measuring the recogniser against the hand-annotated development set.

The gold files (``samspil/data/devset``) are case views written by hand; the
prediction is the case view of the same case, built the way ``samspil build``
builds it.  Three scores, each precision / recall / F1 over sets of pairs per
case: actors as (name, kind), roles as (name, role), spread as (to, status).
Names on both sides are resolved through the same gazetteer first, so "OUH"
and "Odense Universitetshospital" count as one organisation.
"""

from __future__ import annotations

import json
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

    def as_dict(self) -> dict[str, Any]:
        return {"items": len(self.items), "actors": self.actors.as_dict(), "roles": self.roles.as_dict(),
                "spread": self.spread.as_dict(),
                "errors": [{"metric": s.name, "case": c, "error": e, "pair": p}
                           for s in (self.actors, self.roles, self.spread) for c, e, p in s.errors]}


def devset_path() -> Path:
    """Where the shipped development set lies."""
    return Path(str(resources.files("samspil").joinpath("data", "devset")))


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
        items.append(json.loads(path.read_text(encoding="utf-8")))
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


def _compare(score: Score, case: str, gold: set[tuple[str, str]], pred: set[tuple[str, str]]) -> None:
    score.tp += len(gold & pred)
    score.fp += len(pred - gold)
    score.fn += len(gold - pred)
    score.errors += [(case, "missed", f"{a} / {b}") for a, b in sorted(gold - pred)]
    score.errors += [(case, "spurious", f"{a} / {b}") for a, b in sorted(pred - gold)]


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
        p = predicted.get(g["id"], {"actors": [], "spread": []})
        _compare(result.actors, g["id"], _pairs(g["actors"], "name", "kind", gazetteer),
                 _pairs(p["actors"], "name", "kind", gazetteer))
        _compare(result.roles, g["id"], _pairs(g["actors"], "name", "role", gazetteer),
                 _pairs(p["actors"], "name", "role", gazetteer))
        _compare(result.spread, g["id"], _pairs(g["spread"], "to", "status", gazetteer),
                 _pairs(p["spread"], "to", "status", gazetteer))
    return result
