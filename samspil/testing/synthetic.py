"""A synthetic corpus of Danish public-sector innovation cases, for scale tests and benchmarks.

:func:`generate` makes N cases with realistic names and the sentences the real
collections use to say who worked together and where a solution went; the
cases are written in the LÆS STJÆL FORTÆL text layout (:func:`render_lsf`, read
by :mod:`samspil.loaders.lsf2019` and the recogniser) or in the structured YAML
format of ``docs/case-format.md`` (:func:`render_yaml`). Every case also
carries what was planted in it (:class:`SyntheticCase`: nominators, actors with
their roles, spread, inspiration, documented effect), so a benchmark or a test
can measure what the loader and the recogniser find against it.

Names
-----
* Municipalities: the 98 of the shipped reference table, drawn with a weight
  that is each one's approximate population in thousands (:data:`MUNICIPALITY_SIZE`:
  rounded, hard-coded figures of the order of Statistics Denmark's 2023
  populations — a size proxy for sampling, not a statistic to quote).
* Regions: the five, weighted by the summed weights of their municipalities.
* Hospitals, state agencies, knowledge institutions, foundations, associations
  and companies: the shipped gazetteer (``samspil/data/gazetteer/*.csv``, rows of
  the file's own kind), plus generated company names ending in ``A/S`` or
  ``ApS``. Each pool is shuffled by the seed and drawn from with Zipf weights
  (``1 / rank**1.1``): a few organisations turn up in many cases, most in a few.

Determinism
-----------
Everything is drawn from :class:`random.Random` instances seeded with strings
made of the seed (string seeds are hashed with SHA-512, not with Python's
randomised ``hash``), and every case has its own generator seeded by its
index: the same ``(n, seed, per_file)`` gives byte-identical files on every run
and machine.

Layout of a text file
---------------------
Like the 2019 collection: long NYT SAMMEN BEDRE cases first, then short ones,
then the "INDSTILLINGER TIL HVERDAGS-INNOVATIONS-PRISEN" divider and the short
Hverdagsinnovation cases, in the 36 : 6 : 10 proportion of the 52 real cases.
A file holds at most ``per_file`` cases (the loader refuses sources over 64 MiB;
1 000 synthetic cases make about 4 MB).
"""

from __future__ import annotations

import csv
import json
import random
import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from itertools import accumulate
from pathlib import Path

import yaml

#: Cases per file when a corpus is split over several files.
DEFAULT_PER_FILE = 1000
#: The proportion of the 2019 collection: long, short NYT SAMMEN BEDRE, short Hverdagsinnovation.
LAYOUT_MIX = (36, 6, 10)
ZIPF_EXPONENT = 1.1
CAPS_NAME = re.compile(r"^[A-ZÆØÅ][A-ZÆØÅ .&'’-]{4,}$")

def _tuples(value):
    """YAML lists as tuples: the tables are constants, and tuples keep them so."""
    if isinstance(value, dict):
        return {k: _tuples(v) for k, v in value.items()}
    if isinstance(value, list):
        return tuple(_tuples(v) for v in value)
    return value


def _words() -> dict:
    text = (resources.files("samspil.testing") / "data" / "synthetic-words.yaml").read_text(encoding="utf-8")
    return _tuples(yaml.safe_load(text))


#: The word tables and sentence templates, as data (samspil/testing/data/synthetic-words.yaml).
_WORDS = _words()
#: Approximate population in thousands of each municipality, by kommunekode: its draw weight.
MUNICIPALITY_SIZE: dict[str, float] = _WORDS["municipality_size"]
#: Solution concepts by theme slug (the slugs of samspil/data/themes.yaml).
CONCEPTS: dict[str, tuple[str, ...]] = _WORDS["concepts"]
ADJECTIVES, TARGETS, GROUPS = _WORDS["adjectives"], _WORDS["targets"], _WORDS["groups"]
FIRST_NAMES, LAST_NAMES, JOB_TITLES = _WORDS["first_names"], _WORDS["last_names"], _WORDS["job_titles"]
COMPANY_HEADS, COMPANY_STEMS, COMPANY_TAILS = _WORDS["company_heads"], _WORDS["company_stems"], _WORDS["company_tails"]
ASSOCIATION_WORDS = _WORDS["association_words"]
#: Generic sentences per section of a long case, and sentences that fit any section.
FILLER: dict[str, tuple[str, ...]] = _WORDS["filler"]
GENERAL, QUOTES = _WORDS["general"], _WORDS["quotes"]


@dataclass(frozen=True)
class Org:
    """An organisation of the pools: its name as the gazetteer writes it, its kind, and a short form."""

    name: str
    kind: str
    short: str = ""
    region: str = ""


@dataclass
class Planted:
    """An organisation put into a case with a role (owner, partner, funder, inspiration, mentioned)."""

    name: str
    kind: str
    role: str
    evidence: str = ""


@dataclass
class PlantedSpread:
    """A spread statement put into a case."""

    to: str
    kind: str
    status: str
    year: int | None = None
    evidence: str = ""


@dataclass
class SyntheticCase:
    """One generated case: its text in sections and what was planted in it."""

    index: int
    number: int
    layout: str  # long | short
    prize: str
    title: str
    year: int | None
    year_end: int | None
    target_group: str | None
    theme: str
    nominators: list[Org]
    actors: list[Planted] = field(default_factory=list)
    spread: list[PlantedSpread] = field(default_factory=list)
    inspired_by: list[Planted] = field(default_factory=list)
    documented_effect: bool = False
    quote: str = ""
    summary: str = ""
    sections: dict[str, list[str]] = field(default_factory=dict)
    contacts: list[tuple[str, str, str, str, str]] = field(default_factory=list)  # name, title, org, phone, e-mail

    def truth(self, case_id: str) -> dict:
        """What was planted, as a JSON-ready dict (keys as in the case view where they exist)."""
        return {
            "id": case_id, "number": self.number, "title": self.title, "prize": self.prize, "year": self.year,
            "layout": self.layout, "theme": self.theme, "nominators": [o.name for o in self.nominators],
            "actors": [{"name": a.name, "kind": a.kind, "role": a.role} for a in self.actors],
            "spread": [{"to": s.to, "kind": s.kind, "status": s.status, "year": s.year} for s in self.spread],
            "inspired_by": [{"from": a.name, "kind": a.kind} for a in self.inspired_by],
            "documented_effect": self.documented_effect,
        }


# -- pools ---------------------------------------------------------------------------------

def _data_csv(*parts: str) -> list[dict[str, str]]:
    path = Path(str(resources.files("samspil").joinpath("data", *parts)))
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


class _Pool:
    """Organisations with cumulative weights, drawn with :meth:`draw`."""

    def __init__(self, orgs: Sequence[Org], weights: Sequence[float]) -> None:
        self.orgs = list(orgs)
        self.cum = list(accumulate(weights))

    def draw(self, rng: random.Random) -> Org:
        return self.orgs[bisect_right(self.cum, rng.random() * self.cum[-1])]

    def __len__(self) -> int:
        return len(self.orgs)


def _zipf_pool(orgs: Sequence[Org], rng: random.Random) -> _Pool:
    ordered = sorted(orgs, key=lambda o: o.name)
    rng.shuffle(ordered)
    return _Pool(ordered, [1.0 / (rank ** ZIPF_EXPONENT) for rank in range(1, len(ordered) + 1)])


def _unique_names(make, count: int, taken: set[str]) -> list[str]:
    """``count`` names from ``make()`` that are not in ``taken`` (which grows with them)."""
    names: list[str] = []
    for _ in range(count * 20):
        if len(names) == count:
            break
        name = make()
        if name.lower() not in taken:
            taken.add(name.lower())
            names.append(name)
    return names


def _generated_names(kind: str, rng: random.Random, count: int, taken: set[str], towns: Sequence[str]) -> list[str]:
    """Made-up organisations in the forms Danish names take (and the recogniser's patterns know)."""
    if kind == "company":
        def make() -> str:
            place = f" {rng.choice(towns)}" if rng.random() < 0.3 else ""
            return (f"{rng.choice(COMPANY_HEADS)}{rng.choice(COMPANY_STEMS)}{rng.choice(COMPANY_TAILS)}{place} "
                    f"{'A/S' if rng.random() < 0.4 else 'ApS'}")
    elif kind == "association":
        def make() -> str:
            place = f" {rng.choice(towns)}" if rng.random() < 0.5 else ""
            return f"Foreningen {rng.choice(ASSOCIATION_WORDS[0])} {rng.choice(ASSOCIATION_WORDS[1])}{place}"
    elif kind == "foundation":
        def make() -> str:
            last = rng.choice(LAST_NAMES)
            return f"{rng.choice(FIRST_NAMES)} {last}{'' if last.endswith('s') else 's'} Fond" \
                if rng.random() < 0.5 else f"{last} Fonden"
    else:
        return []
    return _unique_names(make, count, taken)


@dataclass
class Pools:
    """Every pool of names a corpus draws from (built once per seed)."""

    municipalities: _Pool
    regions: _Pool
    by_kind: dict[str, _Pool]

    @classmethod
    def build(cls, seed: int, n: int = 1000) -> Pools:
        """The pools of a corpus of ``n`` cases: the generated part grows with ``n`` (a national
        collection names more small companies and associations than one booklet)."""
        rng = random.Random(f"samspil-synthetic:{seed}:pools")
        generated = {"company": 1500 + n // 5, "association": 200 + n // 25, "foundation": 50 + n // 200}
        munis = [Org(r["name"], "municipality", r["short_name"], r["region"])
                 for r in _data_csv("reference", "danish_municipalities.csv")]
        codes = [r["kommunekode"] for r in _data_csv("reference", "danish_municipalities.csv")]
        weights = [MUNICIPALITY_SIZE[c] for c in codes]
        region_weight: dict[str, float] = {}
        for m, w in zip(munis, weights):
            region_weight[m.region] = region_weight.get(m.region, 0.0) + w
        regions = [Org(r["name"], "region", r["name"].removeprefix("Region "), r["name"])
                   for r in _data_csv("reference", "danish_regions.csv")]
        by_kind: dict[str, _Pool] = {}
        gazetteer_files = {"hospital": "hospitals.csv", "state_agency": "state_agencies.csv",
                           "knowledge_institution": "knowledge_institutions.csv",
                           "foundation": "foundations.csv", "association": "associations.csv",
                           "company": "companies.csv"}
        taken: set[str] = {m.name.lower() for m in munis} | {r.name.lower() for r in regions}
        for kind, filename in gazetteer_files.items():
            # A name with a comma ("Aalborg Universitetshospital, Farsø") cannot stand in a list a
            # reader (or the recogniser) splits at commas: left out of the pools.
            rows = [Org(r["name"], kind) for r in _data_csv("gazetteer", filename)
                    if r["kind"] == kind and "," not in r["name"]]
            taken.update(o.name.lower() for o in rows)
            rows += [Org(name, kind) for name in _generated_names(kind, rng, generated.get(kind, 0), taken,
                                                                  [m.short for m in munis])]
            by_kind[kind] = _zipf_pool(rows, rng)
        return cls(_Pool(munis, weights), _Pool(regions, [region_weight[r.name] for r in regions]), by_kind)

    def draw(self, rng: random.Random, kind: str) -> Org:
        if kind == "municipality":
            return self.municipalities.draw(rng)
        if kind == "region":
            return self.regions.draw(rng)
        return self.by_kind[kind].draw(rng)


def _kind(rng: random.Random, table: Sequence[tuple[str, float]]) -> str:
    x = rng.random() * sum(w for _, w in table)
    for kind, w in table:
        x -= w
        if x < 0:
            return kind
    return table[-1][0]


OWNER_KINDS = (("municipality", 78), ("region", 9), ("hospital", 7), ("state_agency", 4),
               ("knowledge_institution", 2))
PARTNER_KINDS = (("company", 32), ("knowledge_institution", 18), ("association", 15), ("municipality", 17),
                 ("hospital", 8), ("state_agency", 5), ("region", 5))
FUNDER_KINDS = (("foundation", 75), ("state_agency", 15), ("region", 10))
SPREAD_KINDS = (("municipality", 88), ("region", 5), ("hospital", 7))
INSPIRATION_KINDS = (("association", 50), ("municipality", 35), ("knowledge_institution", 15))


# -- sentences -----------------------------------------------------------------------------

def name_list(names: Sequence[str]) -> str:
    """"A", "A og B", "A, B og C".

    Examples
    --------
    >>> name_list(["Vejle Kommune", "KL", "TrygFonden"])
    'Vejle Kommune, KL og TrygFonden'
    """
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " og " + names[-1]


COLLABORATION, FUNDING, SPREAD = _WORDS["collaboration"], _WORDS["funding"], _WORDS["spread"]
INSPIRATION, EFFECT = _WORDS["inspiration"], _WORDS["effect"]


# -- generation ----------------------------------------------------------------------------

def _layouts(n: int, per_file: int) -> list[tuple[str, str, int]]:
    """(layout, prize, number in its file) of every case, files filled in the 36 : 6 : 10 mix."""
    out: list[tuple[str, str, int]] = []
    total = sum(LAYOUT_MIX)
    for start in range(0, n, per_file):
        k = min(per_file, n - start)
        n_long = max(1, round(k * LAYOUT_MIX[0] / total))
        n_short = round(k * LAYOUT_MIX[1] / total) if k > n_long else 0
        n_short = min(n_short, k - n_long)
        kinds = ([("long", "nyt-sammen-bedre")] * n_long + [("short", "nyt-sammen-bedre")] * n_short
                 + [("short", "hverdagsinnovation")] * (k - n_long - n_short))
        out.extend((layout, prize, i) for i, (layout, prize) in enumerate(kinds, start=1))
    return out


def _town(org: Org) -> str:
    return org.short if org.kind in ("municipality", "region") and org.short else ""


def _title(rng: random.Random, concept: str, owner: Org, used: set[str]) -> str:
    town = _town(owner)
    place = f" i {town}" if town else ""
    candidates = [f"{concept}{place}"]
    for _ in range(6):
        candidates.append(f"{rng.choice(ADJECTIVES)} {concept[0].lower() + concept[1:]}{place}")
    for _ in range(6):
        candidates.append(f"{concept} for {rng.choice(GROUPS)}{place}")
    for title in candidates:
        if title.lower() not in used and len(title.split()) <= 8:
            used.add(title.lower())
            return title
    k = 2
    while f"{candidates[0]}, fase {k}".lower() in used:
        k += 1
    title = f"{candidates[0]}, fase {k}"
    used.add(title.lower())
    return title


def _distinct(rng: random.Random, pools: Pools, table, count: int, avoid: set[str]) -> list[Org]:
    out: list[Org] = []
    for _ in range(count * 6):
        if len(out) == count:
            break
        org = pools.draw(rng, _kind(rng, table))
        if org.name not in avoid:
            avoid.add(org.name)
            out.append(org)
    return out


def _email_domain(org: Org) -> str:
    from samspil.core.identity import slugify

    base = org.short or org.name.replace(" A/S", "").replace(" ApS", "")
    return slugify(base).replace("-", "")[:24] + ".dk"


def _case(index: int, seed: int, layout: str, prize: str, number: int, pools: Pools, used: set[str]) -> SyntheticCase:
    rng = random.Random(f"samspil-synthetic:{seed}:case:{index}")
    theme = rng.choice(sorted(CONCEPTS))
    concept = rng.choice(CONCEPTS[theme])
    taken: set[str] = set()
    owner = pools.draw(rng, _kind(rng, OWNER_KINDS))
    # A short case names its organisation on a line of capitals, which the layout tells from
    # prose by its letters ("VEJEN KOMMUNE"): a name too short or with digits or "/" cannot stand there.
    while layout == "short" and not CAPS_NAME.match(owner.name.upper()):
        owner = pools.draw(rng, _kind(rng, OWNER_KINDS))
    taken.add(owner.name)
    nominators = [owner]
    if layout == "long" and rng.random() < 0.15 and " og " not in owner.name:
        # "INDSTILLER: X og Y": neither name may hold an "og" of its own.
        for _ in range(10):
            second = pools.draw(rng, _kind(rng, OWNER_KINDS))
            # "Odense Universitetshospital og Region Sjælland" is read as the hospital of that
            # region (samspil.core.orgnames): a hospital and a region are not paired here.
            if (second.name not in taken and " og " not in second.name
                    and {owner.kind, second.kind} != {"hospital", "region"}):
                taken.add(second.name)
                nominators.append(second)
                break
    title = _title(rng, concept, owner, used)
    year = rng.randint(2012, 2023) if layout == "long" else None
    year_end = None
    if year is not None and rng.random() < 0.3:
        year_end = min(2024, year + rng.randint(1, 3))
    case = SyntheticCase(index=index, number=number, layout=layout, prize=prize, title=title, year=year,
                         year_end=year_end, target_group=rng.choice(TARGETS) if layout == "long" else None,
                         theme=theme, nominators=nominators)
    owners = " og ".join(o.name for o in nominators)
    lead = nominators[0].name
    for o in nominators:
        case.actors.append(Planted(o.name, o.kind, "owner", f"INDSTILLER: {owners}"))

    partners = _distinct(rng, pools, PARTNER_KINDS, rng.choice((1, 1, 2, 2, 3, 4)), taken)
    collab = rng.choice(COLLABORATION).format(list=name_list([p.name for p in partners]), owner=lead) if partners else ""
    for p in partners:
        case.actors.append(Planted(p.name, p.kind, "partner", collab))
    funder_sentence = ""
    if rng.random() < 0.5:
        funders = _distinct(rng, pools, FUNDER_KINDS, 1, taken)
        if funders:
            funder_sentence = rng.choice(FUNDING).format(name=funders[0].name,
                                                         amount=f"{rng.randint(2, 40) * 50_000:,}".replace(",", "."))
            case.actors.append(Planted(funders[0].name, funders[0].kind, "funder", funder_sentence))
    inspiration_sentence = ""
    if rng.random() < 0.15:
        sources = _distinct(rng, pools, INSPIRATION_KINDS, 1, taken)
        if sources:
            inspiration_sentence = rng.choice(INSPIRATION).format(name=sources[0].name)
            case.inspired_by.append(Planted(sources[0].name, sources[0].kind, "inspiration", inspiration_sentence))
    spread_sentences: list[str] = []
    for _ in range(rng.choice((0, 0, 1, 1, 1, 2, 2, 3))):
        status = rng.choice(("adopted", "adopted", "interested", "visited"))
        targets = _distinct(rng, pools, SPREAD_KINDS, rng.choice((1, 1, 1, 2)), taken)
        if not targets:
            continue
        when = rng.randint(max(2012, (year or 2016) + 1), 2024)
        template = rng.choice(SPREAD[status])
        sentence = template.format(list=name_list([t.name for t in targets]), year=when)
        spread_sentences.append(sentence)
        for t in targets:
            case.spread.append(PlantedSpread(t.name, t.kind, status, when if "{year}" in template else None, sentence))
    effect = ""
    if rng.random() < 0.5:
        m = rng.randint(10, 60)
        effect = rng.choice(EFFECT).format(n=rng.randint(10, 45), k=rng.randint(3, m - 1), m=m)
        case.documented_effect = True

    group = case.target_group.lower() if case.target_group else rng.choice(GROUPS)
    opening = f"{lead} har udviklet {concept[0].lower() + concept[1:]}, et tilbud til {group}."
    case.quote = rng.choice(QUOTES)
    if layout == "long":
        # Section lengths that make a long case about as long as the 2019 collection's (~9 kB of text).
        def pick(key: str, lo: int, hi: int) -> list[str]:
            chosen = rng.sample(FILLER[key], min(rng.randint(lo, hi), len(FILLER[key])))
            return chosen + rng.sample(GENERAL, rng.randint(1, 3)) if key != "key_elements" else chosen

        case.summary = " ".join([opening, *pick("solution", 2, 3), *pick("value_quality", 1, 1)])
        s = case.sections
        s["challenge"] = pick("challenge", 5, 8)
        s["solution"] = pick("solution", 7, 10)
        s["key_elements"] = pick("key_elements", 4, 6)
        s["resources"] = pick("resources", 3, 5) + ([funder_sentence] if funder_sentence else [])
        s["collaboration"] = ([collab] if collab else []) + pick("collaboration", 3, 5)
        s["value"] = []
        s["value_political_goals"] = pick("value_political_goals", 2, 3)
        s["value_quality"] = pick("value_quality", 3, 4) + ([effect] if effect else []) + [rng.choice(QUOTES)]
        s["value_efficiency"] = pick("value_efficiency", 3, 4)
        s["value_democracy"] = pick("value_democracy", 2, 3)
        s["value_innovation_capacity"] = pick("value_innovation_capacity", 2, 3)
        s["sharing"] = ([inspiration_sentence] if inspiration_sentence else []) + spread_sentences + \
            ["Erfaringerne er delt på møder i netværket."] + pick("capacity_spread", 1, 2)
        s["capacities"] = []
        s["capacity_collaboration"] = pick("capacity_collaboration", 2, 4)
        s["capacity_evaluation"] = pick("capacity_evaluation", 2, 4)
        s["capacity_spread"] = pick("capacity_spread", 2, 3)
    else:
        body = [opening] + ([collab] if collab else []) + rng.sample(FILLER["challenge"], 2) + \
            rng.sample(FILLER["solution"], 4)
        more = ([funder_sentence] if funder_sentence else []) + ([effect] if effect else []) + \
            ([inspiration_sentence] if inspiration_sentence else []) + spread_sentences + \
            rng.sample(FILLER["value_quality"], 2) + rng.sample(GENERAL, 3)
        case.summary = " ".join(body)
        case.sections["text"] = [" ".join(body), " ".join(more)] if more else [" ".join(body)]
        case.sections["reuse"] = [f"{i}. {t}" for i, t in enumerate(rng.sample(FILLER["reuse"], 3), start=1)]
    for _ in range(rng.choice((1, 1, 2))):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        phone = " ".join(f"{rng.randint(20, 99)}" if i == 0 else f"{rng.randint(0, 99):02d}" for i in range(4))
        email = f"{first[:2].lower()}{last[:2].lower()}{rng.randint(1, 99)}@{_email_domain(owner)}"
        email = email.translate(str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"}))
        case.contacts.append((f"{first} {last}", rng.choice(JOB_TITLES), lead, phone, email))
    return case


def generate(n: int, seed: int = 0, *, per_file: int = DEFAULT_PER_FILE) -> list[SyntheticCase]:
    """Generate ``n`` cases.

    Parameters
    ----------
    n : int
        Number of cases (at least 1).
    seed : int
        Same seed, same cases.
    per_file : int
        Cases per file: decides each case's layout and number (a file mixes long and
        short cases in the 2019 collection's proportion, and numbers them from 1).

    Returns
    -------
    list of SyntheticCase

    Examples
    --------
    >>> cases = generate(3, seed=1)
    >>> [c.layout for c in cases], [c.number for c in cases]
    (['long', 'long', 'short'], [1, 2, 3])
    """
    return list(iter_cases(n, seed, per_file=per_file))


def iter_cases(n: int, seed: int = 0, *, per_file: int = DEFAULT_PER_FILE) -> Iterator[SyntheticCase]:
    """:func:`generate`, one case at a time."""
    if n < 1:
        raise ValueError("n must be at least 1")
    if per_file < 1:
        raise ValueError("per_file must be at least 1")
    pools = Pools.build(seed, n)
    used: set[str] = set()
    for index, (layout, prize, number) in enumerate(_layouts(n, per_file)):
        yield _case(index, seed, layout, prize, number, pools, used)
