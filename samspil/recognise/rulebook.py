"""The recogniser's words for one language, read from ``samspil/recognise/rules/<language>.yaml``.

Norwegian and Swedish role cues, list headings and organisation-name shapes are data, so
a phrasing is added by adding a line (docs/recogniser-howto.md); this module compiles
them once per language. Danish has only its word lists there so far (:func:`word_list`);
its cues still live in :mod:`samspil.recognise.roles` and :mod:`samspil.recognise.mentions`,
so :func:`rules_for` gives Danish empty rules that match nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

#: One capitalised word of any Nordic language ("Bodø", "Örebro", "KS", "3F").
CAP = r"(?:[A-ZÆØÅÄÖ][\wæøåäö&-]*|[0-9]+[A-ZÆØÅÄÖa-zæøåäö][\wæøåäö-]*)"
#: A capitalised name of up to five words, "for"/"för"/"i"/"&" joining its words ("og"/"och" join two names).
NAME = rf"{CAP}(?:\s+(?:(?:for|för|i|&)\s+)?{CAP}){{0,4}}"
#: Descriptive lower-case words between a cue and the name ("i samarbeid med det lokale firmaet X").
_DESCRIBING = r"(?:(?:den|det|de|en|et|ett|ei|både)\s+)?(?:(?-i:[a-zæøåäö][\wæøåäö-]*)\s+){0,3}?"


def _rx(text: str) -> str:
    """A rule as a regular expression: a space matches any run of whitespace."""
    return text.strip().replace(" ", r"\s+")


def _alternatives(items: list[str]) -> str:
    return "|".join(f"(?:{_rx(i)})" for i in items)


@dataclass(frozen=True)
class Rules:
    """One language's compiled recogniser rules; every pattern is None where the language has none."""

    language: str
    role_cues: tuple[tuple[str, re.Pattern[str]], ...] = ()
    owner_before: re.Pattern[str] | None = None
    owner_after: re.Pattern[str] | None = None
    partner_after: re.Pattern[str] | None = None
    funder_after: re.Pattern[str] | None = None
    participant_list: re.Pattern[str] | None = None
    names: tuple[tuple[str, re.Pattern[str], tuple[str, ...]], ...] = ()

    def role_before(self, prefix: str) -> str | None:
        """The role the words just before a name give it ("i samarbeid med" → partner), or None.

        Examples
        --------
        >>> rules_for("no").role_before("Appen er laget i samarbeid med ")
        'partner'
        >>> rules_for("sv").role_before("Projektet är finansierat av Vinnova och ")
        'funder'
        >>> rules_for("da").role_before("i samarbejde med ") is None
        True
        """
        return next((role for role, rx in self.role_cues if rx.search(prefix)), None)

    def role_after(self, suffix: str) -> str | None:
        """The role the words right after a name give it ("… har utviklet" → owner), or None.

        Examples
        --------
        >>> rules_for("no").role_after(" har utviklet en app")
        'owner'
        >>> rules_for("sv").role_after(" deltar i projektet")
        'partner'
        """
        for role, rx in (("owner", self.owner_after), ("funder", self.funder_after), ("partner", self.partner_after)):
            if rx is not None and rx.match(suffix):
                return role
        return None

    def owner_named_before(self, prefix: str) -> bool:
        """Whether the words before a name make it the maker: "er utviklet av", "drivs av"."""
        return self.owner_before is not None and bool(self.owner_before.search(prefix))

    def participants_before(self, prefix: str) -> bool:
        """Whether a name stands in a list under a heading of participating municipalities."""
        return self.participant_list is not None and bool(self.participant_list.search(prefix))


def _rules_path(language: str) -> Path:
    return Path(str(resources.files("samspil.recognise").joinpath("rules", f"{language}.yaml")))


@lru_cache(maxsize=8)
def _rule_file(language: str) -> dict[str, Any]:
    """The parsed rule file of ``language``; empty when it has none."""
    path = _rules_path(language)
    if not language.isalpha() or not path.is_file():
        return {}
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def word_list(language: str, name: str) -> tuple[str, ...]:
    """A named word list of a language's rule file (``words:`` → ``name``), in its order; empty if none.

    Parameters
    ----------
    language : str
        A code of :mod:`samspil.recognise.language`.
    name : str
        The list's key, e.g. ``not_organisations``.

    Returns
    -------
    tuple of str

    Examples
    --------
    >>> word_list("da", "landsdele")[:3]
    ('Sjælland', 'Nordsjælland', 'Sydsjælland')
    >>> word_list("sv", "no_such_list")
    ()
    """
    return tuple((_rule_file(language).get("words") or {}).get(name) or ())


@lru_cache(maxsize=8)
def rules_for(language: str) -> Rules:
    """The compiled rules of ``language`` (``no``, ``sv``; any other: empty rules), compiled once.

    Parameters
    ----------
    language : str
        A code of :mod:`samspil.recognise.language`.

    Returns
    -------
    Rules

    Examples
    --------
    >>> rules_for("no").participants_before("Deltakende kommuner: Bodø, ")
    True
    >>> rules_for("da").names
    ()
    """
    data = _rule_file(language)
    if not data.get("before") and not data.get("names"):
        return Rules(language)  # Danish: only word lists so far, its cues are in roles.py
    ands = "|".join(re.escape(w) for w in data.get("and_words", ()))
    # The rest of a list after its first name: "i samarbeid med A, B og C" — the cue speaks of C too.
    tail = rf"(?:(?:(?!,\s*(?:{ands})\b)[^.;!?]){{0,100}}?(?:,|\b(?:{ands})\b|\s[–•-]\s)\s*(?:[a-zæøåäö-]+\s+){{0,2}})?"
    cues = tuple((role, re.compile(rf"\b(?:{_alternatives(items)})\s+{_DESCRIBING}{tail}\s*$", re.IGNORECASE))
                 for role, items in (data.get("before") or {}).items())

    def after(key: str) -> re.Pattern[str] | None:
        items = data.get(key)
        return re.compile(rf"^\s*(?:,\s*(?:som|der|vilka)\s+(?:også\s+|också\s+)?)?(?:{_alternatives(items)})\b",
                          re.IGNORECASE) if items else None

    before = data.get("owner_before")
    headings = data.get("participant_headings")
    names = tuple((n["kind"], re.compile(r"\b(" + n["pattern"].replace("{NAME}", NAME).replace("{CAP}", CAP) + r")(?![\w])"),
                   tuple(w.lower() for w in n.get("words", ())))
                  for n in data.get("names") or ())
    return Rules(
        language=language, role_cues=cues,
        owner_before=re.compile(rf"\b(?:{_alternatives(before)})\s+$", re.IGNORECASE) if before else None,
        owner_after=after("owner_after"), partner_after=after("partner_after"), funder_after=after("funder_after"),
        participant_list=re.compile(rf"\b(?:{_alternatives(headings)})\s*:[^.:]*$", re.IGNORECASE) if headings else None,
        names=names)
