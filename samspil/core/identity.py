"""Who is who: canonical names and stable ids of organisations, and the gazetteer behind them.

One organisation is one node however a text writes it: "Kolding Kommune",
"Kolding kommune", "Koldings" and "kommunerne Billund og Kolding" all mean
``municipality-0621``; "OUH" and "Odense Universitetshospital" are one hospital.
Municipalities and regions take their ids from the official kommunekode and
regionskode; every other organisation's id is a slug of its canonical name, cut
to :data:`MAX_SLUG` characters and made unique by a hash when the name is longer.

The gazetteer is shipped data (``samspil/data/reference`` and
``samspil/data/gazetteer``): general lists of Danish public-sector
organisations, not answers for any one case collection.
"""

from __future__ import annotations

import csv
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from samspil.core.model import ACTOR_KINDS

_DANISH = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "ae", "Ø": "oe", "Å": "aa"})


def slugify(text: str) -> str:
    """A lowercase ASCII slug: Danish letters spelled out, everything else a hyphen.

    Examples
    --------
    >>> slugify("Ældre Sagen")
    'aeldre-sagen'
    >>> slugify("Udviklings- og Forenklingsstyrelsen")
    'udviklings-og-forenklingsstyrelsen'
    """
    text = unicodedata.normalize("NFKD", text.translate(_DANISH))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def name_key(text: str) -> str:
    """The form names are compared in: case, spacing, hyphens and dots folded.

    Examples
    --------
    >>> name_key(" Lyngby-Taarbæk  kommune ") == name_key("Lyngby Taarbæk Kommune")
    True
    """
    text = unicodedata.normalize("NFC", text).lower()
    text = re.sub(r"[-–‐/.,’'´`]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def _swapped(a: str, b: str) -> bool:
    """Whether two equally long strings differ only by one pair of neighbouring letters swapped."""
    if len(a) != len(b):
        return False
    diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def within_one_edit(a: str, b: str) -> bool:
    """Whether two strings are at most one edit apart: one insertion, deletion, substitution or
    swap of neighbouring letters (optimal-string-alignment distance ≤ 1), found in one pass
    (a full distance table made lookups of unknown names the slowest step on long texts).

    Examples
    --------
    >>> within_one_edit("regionspyskiatrien", "regionspsykiatrien")
    True
    >>> within_one_edit("halnæs kommune", "halsnæs kommune")
    True
    >>> within_one_edit("herning kommune", "horsens kommune")
    False
    """
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    i = next((k for k, (x, y) in enumerate(zip(short, long_)) if x != y), len(short))
    if len(short) != len(long_):
        return short[i:] == long_[i + 1:]
    return (short[i + 1:] == long_[i + 1:]
            or i + 1 < len(short) and short[i] == long_[i + 1] and short[i + 1] == long_[i]
            and short[i + 2:] == long_[i + 2:])


@dataclass(frozen=True)
class Organisation:
    """An organisation the gazetteer knows, with its canonical name and id."""

    name: str
    kind: str
    id: str
    parent: str | None = None
    code: str | None = None
    region: str | None = None
    short_name: str | None = None
    aliases: tuple[str, ...] = ()


#: Longest slug an id keeps whole. The longest name the shipped data knows
#: ("KORA – Det Nationale Institut for Kommuners og Regioners Analyse og Forskning")
#: slugs to 75 characters; a longer slug is cut and a hash of the whole slug added,
#: so an id stays small enough for a unique index however long a name is.
MAX_SLUG = 80
#: Hex digits of the hash in a cut slug.
_HASH_DIGITS = 12


def bounded_slug(text: str, limit: int = MAX_SLUG) -> str:
    """:func:`slugify`, kept whole up to ``limit`` characters; a longer one cut, with a hash.

    A cut slug is its first ``limit`` characters, ``--`` and the first 12 hex digits of
    the SHA-256 of the whole slug: deterministic, different for different long slugs,
    and never equal to a slug kept whole (a slug has no ``--``).

    Examples
    --------
    >>> bounded_slug("Ældre Sagen")
    'aeldre-sagen'
    >>> cut = bounded_slug("Foreningen " * 100)
    >>> len(cut), cut[:20], cut[-14:-12]
    (94, 'foreningen-foreninge', '--')
    >>> bounded_slug("Foreningen " * 100) == cut != bounded_slug("Foreningen " * 101)
    True

    A name with no Latin letter or digit has no slug; it is named by a hash of itself, so two
    such names stay two nodes:

    >>> bounded_slug("北京") != bounded_slug("東京") and bounded_slug("北京").startswith("u-")
    True
    """
    slug = slugify(text)
    if not slug and text.strip():
        return "u-" + hashlib.sha256(unicodedata.normalize("NFC", text.strip()).encode()).hexdigest()[:_HASH_DIGITS]
    if len(slug) <= limit:
        return slug
    digest = hashlib.sha256(slug.encode("ascii")).hexdigest()[:_HASH_DIGITS]
    return f"{slug[:limit].rstrip('-')}--{digest}"


def actor_id(name: str, kind: str, code: str | None = None) -> str:
    """The stable id of an actor.

    Parameters
    ----------
    name : str
        Canonical name.
    kind : str
        Actor kind.
    code : str, optional
        kommunekode / regionskode for municipalities and regions.

    Returns
    -------
    str

    Examples
    --------
    >>> actor_id("Kolding Kommune", "municipality", "0621")
    'municipality-0621'
    >>> actor_id("TrygFonden", "foundation")
    'actor-trygfonden'
    >>> len(actor_id("Foreningen for Meget Lange Navne " * 300, "association"))
    100
    """
    if kind in ("municipality", "region") and code:
        return f"{kind}-{code}"
    return f"actor-{bounded_slug(name)}"


def _data_path(*parts: str) -> Path:
    return Path(str(resources.files("samspil").joinpath("data", *parts)))


def _read_csv(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        yield from csv.DictReader(fh)


@dataclass(eq=False)  # identity-hashed, so matchers built from it can be cached
class Gazetteer:
    """Known organisations, looked up by any of their names.

    Examples
    --------
    >>> g = Gazetteer.default()
    >>> g.lookup("Kolding kommune").id
    'municipality-0621'
    >>> g.lookup("Region Syddanmark").code
    '1083'
    >>> g.municipality("Københavns").name
    'Københavns Kommune'
    """

    organisations: dict[str, Organisation] = field(default_factory=dict)
    _by_key: dict[str, str] = field(default_factory=dict)
    _short: dict[str, str] = field(default_factory=dict)

    def add(self, org: Organisation, *, names: Iterable[str] = ()) -> None:
        self.__dict__.pop("_cache", None)
        self.__dict__.pop("_buckets", None)
        self.organisations[org.name] = org
        for n in (org.name, *org.aliases, *names):
            self._by_key.setdefault(name_key(n), org.name)

    def add_alias(self, alias: str, name: str) -> None:
        self.__dict__.pop("_cache", None)
        self.__dict__.pop("_buckets", None)
        if name in self.organisations:
            self._by_key[name_key(alias)] = name

    def lookup(self, text: str, *, fuzzy: bool = True) -> Organisation | None:
        """The organisation a full name or alias means (cached; see :meth:`_lookup`)."""
        cache = self.__dict__.setdefault("_cache", {})
        key = (text, fuzzy)
        if key not in cache:
            cache[key] = self._lookup(text, fuzzy=fuzzy)
        return cache[key]

    def _lookup(self, text: str, *, fuzzy: bool = True) -> Organisation | None:
        """The organisation a full name or alias means.

        Also finds a name in the genitive ("Region Syddanmarks") and, for names of
        ten letters or more, one misspelt by a single letter or a swapped pair
        ("Halnæs Kommune", "Regionspyskiatrien Horsens").
        """
        key = name_key(text)
        hit = self._by_key.get(key)
        if hit is None and key.endswith("s"):
            hit = self._by_key.get(key[:-1])
        if hit is None and fuzzy and len(key) >= 10:
            # Misspellings are forgiven only where they cannot name another organisation:
            # a municipality or region (the fixed reference lists), or two swapped letters.
            close = {name for k, name in self._keys_near(key)
                     if within_one_edit(k, key)
                     and (self.organisations[name].kind in ("municipality", "region") or _swapped(k, key))}
            if len(close) == 1:
                hit = close.pop()
        return self.organisations[hit] if hit else None

    def _keys_near(self, key: str) -> list[tuple[str, str]]:
        """Known keys of about the same length and first letter: the only ones one edit away."""
        buckets = self.__dict__.get("_buckets")
        if buckets is None:
            buckets = {}
            for k, name in self._by_key.items():
                buckets.setdefault((k[:1], len(k)), []).append((k, name))
            self.__dict__["_buckets"] = buckets
        return [pair for n in (len(key) - 1, len(key), len(key) + 1) for pair in buckets.get((key[:1], n), ())]

    def municipality(self, short: str) -> Organisation | None:
        """The municipality a short name (a town's name) stands for: "Kolding", "Københavns"."""
        key = name_key(short)
        hit = self._short.get(key)
        if hit is None and key.endswith("s"):
            hit = self._short.get(key[:-1])
        return self.organisations[hit] if hit else None

    def names_of_kind(self, kind: str) -> list[Organisation]:
        return [o for o in self.organisations.values() if o.kind == kind]

    def all_names(self) -> Iterator[tuple[str, Organisation]]:
        """Every (written form, organisation) pair, for building matchers."""
        for key, name in self._by_key.items():
            yield key, self.organisations[name]

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> Gazetteer:
        """The shipped gazetteer: reference tables plus ``data/gazetteer/*.csv``."""
        g = cls()
        regions: dict[str, str] = {}
        for row in _read_csv(_data_path("reference", "danish_regions.csv")):
            regions[row["regionskode"]] = row["name"]
            short = row["name"].removeprefix("Region ")
            g.add(Organisation(row["name"], "region", actor_id(row["name"], "region", row["regionskode"]),
                               code=row["regionskode"], short_name=short))
        for row in _read_csv(_data_path("reference", "danish_municipalities.csv")):
            org = Organisation(row["name"], "municipality",
                               actor_id(row["name"], "municipality", row["kommunekode"]),
                               code=row["kommunekode"], region=row["region"], short_name=row["short_name"])
            g.add(org, names=[f"{row['short_name']} Kommune", f"{row['short_name']}s Kommune"])
            g._short[name_key(row["short_name"])] = org.name
        folder = _data_path("gazetteer")
        if folder.is_dir():
            for path in sorted(folder.glob("*.csv")):
                if path.name == "aliases.csv":
                    continue
                for row in _read_csv(path):
                    kind = row["kind"].strip()
                    if kind not in ACTOR_KINDS or not row["name"].strip():
                        continue
                    name = row["name"].strip()
                    aliases = tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip())
                    if name in g.organisations:
                        continue
                    g.add(Organisation(name, kind, actor_id(name, kind), parent=(row.get("parent") or "").strip() or None,
                                       aliases=aliases))
            alias_file = folder / "aliases.csv"
            if alias_file.exists():
                for row in _read_csv(alias_file):
                    g.add_alias(row["alias"], row["name"])
        return g
