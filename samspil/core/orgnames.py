"""Danish organisation names: what kind a name is, and how a list of names splits.

Danish public-sector names carry their kind in their words: "... Kommune",
"Region ...", "...styrelsen", "...fonden", "Foreningen ...", "... A/S",
"... Universitetshospital", "Professionshøjskolen ...", "Jobcenter ...".  These
rules classify names the gazetteer does not know; the gazetteer wins where it
knows a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from samspil.core.identity import Gazetteer, Organisation, name_key

_KIND_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        ("company", r"\b(A/S|ApS|I/S|P/S|IVS|K/S|a\.m\.b\.a\.|Ltd\.?|GmbH|Inc\.?|AB|AS)$"),
        ("region", r"^Region\s+\w+|^Regionerne\b"),
        ("municipality", r"\b(Kommune|kommune|Komune)$"),
        ("hospital", r"(hospital|hospitalet|sygehus|sygehuset|Rigshospitalet)(\s+\w+)?$|^(Sygehus|Hospitalsenhed|Regionshospital|Hospital)\w*\b"),
        ("foundation", r"(fonden|fond|fondet|Foundation)$|^(Fonden|Fondet)\b"),
        ("state_agency", r"(styrelsen|styrelse|direktoratet|ministeriet|tilsynet|nævnet|ombudsmanden|rådet for|Agency|Udbetaling Danmark|Rigspolitiet|politi(et)?|Kriminalforsorgen|Statens \w+)$|^(Styrelsen|Ministeriet|Direktoratet|Statens)\b"),
        ("knowledge_institution", r"^(EUC|VUC|UCN|UCL|KEA)\b|(Erhvervsskole|Erhvervsskolerne|Handelsskole|Tekniske Skole|Gymnasium|Produktionsskole|Sprogcenter)\b|(universitet|universitetet|University|Professionshøjskole|Professionshøjskolen|Erhvervsakademi|Erhvervsakademiet|University College|Business Academy|Institut|Instituttet|Institute|Akademi|Akademiet|Handelshøjskole)\b|^(UC|Professionshøjskolen|Erhvervsakademi|Danmarks Tekniske|Teknologisk)\b"),
        ("association", r"(forening|foreningen|forbund|forbundet|sagen|organisation|organisationer|selskab|selskabet|sammenslutning|landsforening|Forening)$|^(Foreningen|Landsforeningen|Danske|Dansk)\b|\w+forening(en)?\b"),
        ("network", r"(netværk|netværket|fællesskab|fællesskabet|klynge|klyngen|Cluster|Network|partnerskab|partnerskabet)$|^(OS2)\b"),
        ("unit", r"^(UU|Ungdommens Uddannelsesvejledning)\b|(afdeling|afdelingen|center|centret|centeret|centre|bibliotek|biblioteket|bibliotekerne|botilbud|botilbuddet|jobcenter|jobcentret|jobcenteret|skole|skolen|forvaltning|forvaltningen|værksted|værkstedet|klinik|klinikken|psykiatri|psykiatrien|ældrerådet|handicaprådet|råd|rådet|sekretariat|sekretariatet|enhed|enheden|team|teamet|hus|huset|børnehave|vuggestue|dagtilbud|plejehjem|plejecenter|institution)$|^(Afdeling|Center|Centret|Jobcenter|Psykiatrien|Regionspsykiatrien|Biblioteket|Botilbuddet|Medborgercentret|Sundhedshuset|Klinisk|Børne- og|Ungdomscenter)\b"),
    )
)


def classify(name: str, gazetteer: Gazetteer | None = None) -> str | None:
    """The actor kind a Danish organisation name carries, or None if its words do not say.

    Parameters
    ----------
    name : str
        An organisation's name as written.
    gazetteer : Gazetteer, optional
        Known organisations; a known name gets its known kind.

    Returns
    -------
    str or None
        One of the actor kinds of :mod:`samspil.core.model`.

    Examples
    --------
    >>> classify("Skattestyrelsen")
    'state_agency'
    >>> classify("Shape Robotics ApS")
    'company'
    >>> classify("Foreningen Talentspejderen")
    'association'
    >>> classify("Jobcenter Aalborg")
    'unit'
    >>> classify("Vejle Sygehus")
    'hospital'
    >>> classify("Grundejernes Investeringsfond")
    'foundation'
    >>> classify("Motes") is None
    True
    """
    if gazetteer is not None:
        known = gazetteer.lookup(name)
        if known is not None:
            return known.kind
    cleaned = name.strip().rstrip(".,;:")
    for kind, pattern in _KIND_RULES:
        if pattern.search(cleaned):
            return kind
    return None


@dataclass(frozen=True)
class NamedOrganisation:
    """A name split out of a list, with its kind and the parent the list gave it."""

    name: str
    kind: str | None
    part_of: str | None = None
    known: Organisation | None = None


def canonical(name: str, gazetteer: Gazetteer, *, document_aliases: dict[str, str] | None = None) -> NamedOrganisation:
    """Resolve one organisation name to its canonical form and kind.

    Parameters
    ----------
    name : str
        As written ("Halnæs Kommune", "OUH", "Lyngby Taarbæk").
    gazetteer : Gazetteer
    document_aliases : dict, optional
        Abbreviations the document itself defines ("DIGIT" → "Digitaliseringsforening Sjælland").

    Returns
    -------
    NamedOrganisation

    Examples
    --------
    >>> g = Gazetteer.default()
    >>> canonical("Lyngby Taarbæk", g).name
    'Lyngby-Taarbæk Kommune'
    >>> canonical("Billund kommune", g).name
    'Billund Kommune'
    """
    text = re.sub(r"\s+", " ", name).strip(" ,.;:")
    if document_aliases and name_key(text) in document_aliases:
        text = document_aliases[name_key(text)]
    known = gazetteer.lookup(text)
    if known is None:
        known = gazetteer.municipality(re.sub(r"\s+(kommune|Kommune)$", "", text))
    if known is not None:
        return NamedOrganisation(known.name, known.kind, known.parent or None, known)
    in_parent = _IN_PARENT.match(text)
    if in_parent and classify(in_parent.group("units")) in ("unit", None):
        # "Psykiatrien i Region Syddanmark": a unit named with its parent.
        return NamedOrganisation(text, "unit", canonical(in_parent.group("parent"), gazetteer).name)
    return NamedOrganisation(text, classify(text, gazetteer))


_PLURAL_MUNICIPALITIES = re.compile(r"^(?P<items>.+?)\s+(?:kommuner|kommune|Kommuner|Kommune)\s*$")
_AND = re.compile(r"(?<![-–])\s+(?:og|samt|&)\s+")
#: Danish definite endings: "Handicaprådet" names one body, "Professionshøjskole" none.
_DEFINITE = re.compile(r"(en|et|erne|ene)$")
_PAREN = re.compile(r"\s*\(([^)]*)\)")
_IN_PARENT = re.compile(r"^(?P<units>.+?)\s+i\s+(?P<parent>(?:Region\s+\w+|[\wÆØÅæøå-]+\s+Kommune))$")


def _split_and(piece: str, gazetteer: Gazetteer) -> list[str]:
    """Split on "og" except inside a name: "UCL Erhvervsakademi og Professionshøjskole".

    Two neighbouring parts stay one name when the gazetteer knows them joined,
    or when the second is a bare generic word ("Professionshøjskole") that
    names no organisation by itself.
    """
    if gazetteer.lookup(piece) is not None:
        return [piece]
    parts = [p.strip() for p in _AND.split(piece) if p.strip()]
    merged: list[str] = []
    for part in parts:
        if merged:
            joined = f"{merged[-1]} og {part}"
            bare = (len(part.split()) == 1 and classify(part) is not None and gazetteer.lookup(part) is None
                    and gazetteer.municipality(part) is None and not _DEFINITE.search(part))
            if gazetteer.lookup(joined) is not None or bare:
                merged[-1] = joined
                continue
        merged.append(part)
    return merged


def split_organisations(text: str, gazetteer: Gazetteer, *,
                        document_aliases: dict[str, str] | None = None) -> list[NamedOrganisation]:
    """Split a list of organisations (an INDSTILLER line) into organisations.

    Handles the forms Danish nominations use: "A, B og C kommuner" (one
    municipality each), "X (Region Y)" and "X, Y Kommune" (X part of Y),
    "Ældrerådet og Handicaprådet i Ringsted Kommune" (two units of one
    municipality), a group prefix ("OS2autoproces styregruppen: ...") and names
    that themselves contain "og" ("Udviklings- og Forenklingsstyrelsen").

    Parameters
    ----------
    text : str
        The list as written.
    gazetteer : Gazetteer
    document_aliases : dict, optional
        Abbreviations the document defines.

    Returns
    -------
    list of NamedOrganisation
        In the order written, without duplicates.

    Examples
    --------
    >>> g = Gazetteer.default()
    >>> [o.name for o in split_organisations("Billund, Haderslev og Kolding kommune", g)]
    ['Billund Kommune', 'Haderslev Kommune', 'Kolding Kommune']
    >>> [(o.name, o.part_of) for o in split_organisations("Vejle Sygehus (Region Syddanmark)", g)]
    [('Vejle Sygehus', 'Region Syddanmark')]
    >>> [o.name for o in split_organisations("Skattestyrelsen og Udviklings- og Forenklingsstyrelsen", g)]
    ['Skattestyrelsen', 'Udviklings- og Forenklingsstyrelsen']
    """
    text = re.sub(r"\s+", " ", text).strip(" .")
    if ":" in text:
        text = text.rsplit(":", 1)[1].strip()
    parents: dict[str, str] = {}

    def note_parent(m: re.Match[str]) -> str:
        parents[m.string[: m.start()].strip().split(",")[-1].strip()] = m.group(1).strip()
        return ""

    text = _PAREN.sub(note_parent, text)
    items: list[tuple[str, str | None]] = []
    plural = _PLURAL_MUNICIPALITIES.match(text)
    if plural and ("," in plural.group("items") or _AND.search(plural.group("items"))):
        shorts = [p.strip() for piece in re.split(r"\s*,\s*", plural.group("items")) for p in _AND.split(piece)]
        towns = [gazetteer.municipality(s) or gazetteer.lookup(f"{s} Kommune") for s in shorts if s]
        if towns and all(t is not None and t.kind == "municipality" for t in towns):
            return _dedupe([NamedOrganisation(t.name, "municipality", None, t) for t in towns if t])
    in_parent = _IN_PARENT.match(text)
    if in_parent and _AND.search(in_parent.group("units")):
        parent = canonical(in_parent.group("parent"), gazetteer).name
        units = _split_and(in_parent.group("units"), gazetteer)
        return _dedupe([NamedOrganisation(f"{u.strip()} i {parent}", "unit", parent) for u in units])
    for piece in re.split(r"\s*,\s*", text):
        items.extend((p.strip(), parents.get(piece.strip())) for p in _split_and(piece, gazetteer))
    resolved = [canonical(p, gazetteer, document_aliases=document_aliases) for p, _ in items if p]
    result: list[NamedOrganisation] = []
    for i, org in enumerate(resolved):
        parent = items[i][1] or org.part_of
        nxt = resolved[i + 1] if i + 1 < len(resolved) else None
        if nxt is not None and _is_parent(org, nxt):
            result.append(NamedOrganisation(org.name, org.kind, nxt.name, org.known))
            resolved[i + 1] = NamedOrganisation("", None)
            continue
        if org.name:
            if parent:
                parent = canonical(parent, gazetteer).name
            result.append(NamedOrganisation(org.name, org.kind, parent, org.known))
    return _dedupe([o for o in result if o.name])


def _is_parent(child: NamedOrganisation, parent: NamedOrganisation) -> bool:
    """In "Knudmoseskolen, Herning Kommune" the second name qualifies the first."""
    if child.kind in ("unit", "hospital") and parent.kind in ("municipality", "region", "unit", "hospital"):
        return child.kind == "unit" or parent.kind == "region"
    return False


def _dedupe(orgs: list[NamedOrganisation]) -> list[NamedOrganisation]:
    seen: set[str] = set()
    out = []
    for o in orgs:
        if o.name not in seen:
            seen.add(o.name)
            out.append(o)
    return out
