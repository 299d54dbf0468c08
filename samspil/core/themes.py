"""The theme vocabulary: themes and policy areas, with Danish and English labels, and tagging.

The vocabulary lives in ``samspil/data/themes.yaml``: the three themes of seed 000
(mental sundhed og trivsel, ulighed i sundhed, svær overvægt) and the policy areas
the cases cover (ældre, beskæftigelse, børn og skole, sundhed, digitalisering, ...).
Each has a stable slug (``svaer-overvaegt``), the id structured case files and Theme
nodes use, and keyword patterns that :func:`tag_themes` matches on Danish text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from samspil.core.errors import InputError, SamspilError
from samspil.core.identity import slugify

#: Kinds of entries in the vocabulary.
THEME_KINDS = ("theme", "policy_area")


@dataclass(frozen=True)
class Theme:
    """One theme or policy area of the vocabulary."""

    slug: str
    kind: str
    da: str
    en: str
    aliases: tuple[str, ...]
    patterns: tuple[re.Pattern[str], ...]
    #: All patterns in one, lower-cased and matched on lower-cased text: one pass over a
    #: long case instead of one per pattern, and no IGNORECASE (together six times faster)
    #: instead of one per pattern (six times faster on the 52 cases).
    matcher: re.Pattern[str] | None = None

    def label(self, lang: str = "da") -> str:
        """The label in ``lang`` (``"da"`` or ``"en"``)."""
        return self.en if lang == "en" else self.da


def default_path() -> Path:
    """The shipped vocabulary, ``samspil/data/themes.yaml``."""
    return Path(str(resources.files("samspil") / "data" / "themes.yaml"))


def load_themes(path: str | Path | None = None) -> tuple[Theme, ...]:
    """Read a theme vocabulary.

    Parameters
    ----------
    path : str or Path, optional
        A YAML file in the shape of ``samspil/data/themes.yaml``; the shipped one when None.

    Returns
    -------
    tuple of Theme
        In the file's order (seed 000's themes first).

    Raises
    ------
    InputError
        If the file is not valid YAML, a field is missing, a slug repeats or a pattern
        is not a regular expression.

    Examples
    --------
    >>> [t.slug for t in load_themes()][:3]
    ['mental-sundhed', 'ulighed-i-sundhed', 'svaer-overvaegt']
    >>> load_themes()[2].label("en")
    'Severe obesity'
    """
    return _load(str(Path(path) if path is not None else default_path()))


@lru_cache(maxsize=8)
def _load(path: str) -> tuple[Theme, ...]:
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise InputError(f"cannot read the theme vocabulary: {exc}".splitlines()[0], path=path) from None
    if not isinstance(data, dict) or not isinstance(data.get("themes"), list):
        raise InputError("expected a mapping with a list 'themes'", path=path)
    themes: list[Theme] = []
    for i, entry in enumerate(data["themes"]):
        where = f"themes[{i}]"
        if not isinstance(entry, dict):
            raise InputError("expected a mapping", path=path, field=where)
        for key in ("slug", "kind", "da", "en", "patterns"):
            if not entry.get(key):
                raise InputError("missing", path=path, field=f"{where}.{key}")
        if entry["kind"] not in THEME_KINDS:
            raise InputError(f"kind must be one of {', '.join(THEME_KINDS)}", path=path, field=f"{where}.kind")
        if any(t.slug == entry["slug"] for t in themes):
            raise InputError(f"slug {entry['slug']!r} repeats", path=path, field=f"{where}.slug")
        patterns = []
        for pattern in entry["patterns"]:
            try:
                patterns.append(re.compile(str(pattern), re.IGNORECASE))
            except re.error as exc:
                raise InputError(f"not a regular expression: {exc}", path=path,
                                 field=f"{where}.patterns") from None
        matcher = re.compile("|".join(f"(?:{_lower_pattern(p.pattern)})" for p in patterns))
        themes.append(Theme(str(entry["slug"]), entry["kind"], str(entry["da"]), str(entry["en"]),
                            tuple(str(a) for a in entry.get("aliases") or ()), tuple(patterns), matcher))
    return tuple(themes)


def _lower_pattern(pattern: str) -> str:
    """A pattern in lower case, its escapes (``\\W``, ``\\B``, ``\\S``) left as they are."""
    return re.sub(r"\\.|[^\\]+", lambda m: m.group() if m.group().startswith("\\") else m.group().lower(), pattern)


def theme_hits(text: str, *, themes: tuple[Theme, ...] | None = None) -> dict[str, int]:
    """How often each theme's patterns match ``text``.

    Parameters
    ----------
    text : str
        Danish text (a case's title, target group, sections).
    themes : tuple of Theme, optional
        The vocabulary; the shipped one when None.

    Returns
    -------
    dict
        Slug → number of matches, only themes with at least one, in vocabulary order.

    Examples
    --------
    >>> theme_hits("Unge med angst træner i supermarkedet med VR-briller")
    {'mental-sundhed': 1, 'boern-og-unge': 1, 'digitalisering': 1}
    """
    hits = {}
    lowered = text.lower()
    for theme in themes or load_themes():
        n = len(theme.matcher.findall(lowered)) if theme.matcher else sum(len(p.findall(text)) for p in theme.patterns)
        if n:
            hits[theme.slug] = n
    return hits


def tag_themes(text: str, *, min_hits: int = 1, themes: tuple[Theme, ...] | None = None) -> list[str]:
    """The themes a text is about: those whose patterns match at least ``min_hits`` times.

    Parameters
    ----------
    text : str
        Danish text. For a title or target group one match is telling; for a whole case
        description raise ``min_hits`` (words like "børn" or "data" occur in passing).
    min_hits : int
        Matches needed to tag a theme.
    themes : tuple of Theme, optional
        The vocabulary; the shipped one when None.

    Returns
    -------
    list of str
        Slugs, in vocabulary order.

    Examples
    --------
    >>> tag_themes("Kolding Kommunes indsats mod svær overvægt hos børn")
    ['svaer-overvaegt', 'boern-og-unge']
    >>> tag_themes("Pårørende til demensramte tager på højskoleophold")
    ['aeldre']
    """
    return [slug for slug, n in theme_hits(text, themes=themes).items() if n >= min_hits]


def resolve_theme(name: str, *, themes: tuple[Theme, ...] | None = None) -> str:
    """The slug of a theme a user named by slug, Danish or English label, or alias.

    Parameters
    ----------
    name : str
        ``"svaer-overvaegt"``, ``"Svær overvægt"``, ``"obesity"``, ``"ældre"`` ...
    themes : tuple of Theme, optional
        The vocabulary; the shipped one when None.

    Returns
    -------
    str
        The slug.

    Raises
    ------
    SamspilError
        If no theme has that name; the message lists the slugs.

    Examples
    --------
    >>> resolve_theme("Mental health and well-being"), resolve_theme("ældre"), resolve_theme("fedme")
    ('mental-sundhed', 'aeldre', 'svaer-overvaegt')
    """
    vocabulary = themes or load_themes()
    wanted = slugify(name)
    for theme in vocabulary:
        if wanted in {slugify(theme.slug), slugify(theme.da), slugify(theme.en), *(slugify(a) for a in theme.aliases)}:
            return theme.slug
    raise SamspilError(f"unknown theme {name!r}; choose one of: {', '.join(t.slug for t in vocabulary)}")


def theme_label(slug: str, lang: str = "da", *, themes: tuple[Theme, ...] | None = None) -> str:
    """The label of a slug in ``lang``; the slug itself when the vocabulary lacks it.

    Examples
    --------
    >>> theme_label("aeldre"), theme_label("aeldre", "en"), theme_label("robotter")
    ('Ældre', 'Elderly care', 'robotter')
    """
    return next((t.label(lang) for t in themes or load_themes() if t.slug == slug), slug)


def tag_case_themes(head: str, body: str = "", *, themes: tuple[Theme, ...] | None = None) -> list[str]:
    """The themes of a case, from its head (title, target group, summary) and its body.

    A theme named twice in the head is the case's; in the body, where words like "børn"
    or "data" occur in passing, a theme must match at least five times and at least a
    quarter as often as the body's most frequent theme.

    Parameters
    ----------
    head : str
        Title, subtitle, target group and summary.
    body : str
        The rest of the description (all sections), or "" when there is none.
    themes : tuple of Theme, optional
        The vocabulary; the shipped one when None.

    Returns
    -------
    list of str
        Slugs, in vocabulary order.

    Examples
    --------
    >>> tag_case_themes("Talentudvikling. Unge (i udskolingen) med sociale udfordringer",
    ...                 "Talentudviklerne hjælper unge fra skole til uddannelse og job. " * 3)
    ['boern-og-unge']
    """
    vocabulary = themes or load_themes()
    in_head = theme_hits(head, themes=vocabulary)
    in_body = theme_hits(body, themes=vocabulary) if body else {}
    floor = max(5, max(in_body.values(), default=0) / 4)
    return [t.slug for t in vocabulary if in_head.get(t.slug, 0) >= 2 or in_body.get(t.slug, 0) >= floor]
