"""The Danish words for the graph's fixed vocabulary: sectors, actor kinds, roles, spread
statuses and effect grades, as Danish public services name them.

Machine outputs keep the English values (JSON, CSV, RDF, Cypher properties); a person may
give either language wherever a value is asked for (``--sector privat`` is ``--sector
private``), and what a Danish reader sees can be shown in Danish.
"""

from __future__ import annotations

#: English value → Danish word, per field.
DANISH: dict[str, dict[str, str]] = {
    "sector": {"public": "offentlig", "private": "privat", "civil": "civilsamfund", "knowledge": "viden"},
    "kind": {"municipality": "kommune", "region": "region", "hospital": "hospital", "state_agency": "styrelse",
             "company": "virksomhed", "foundation": "fond", "association": "forening",
             "knowledge_institution": "videninstitution", "network": "netværk", "unit": "enhed"},
    "role": {"nominator": "indstiller", "owner": "ejer", "partner": "partner", "funder": "finansierer",
             "adopter": "har taget den i brug", "interested": "interesseret", "inspiration": "inspiration",
             "mentioned": "nævnt"},
    "status": {"adopted": "taget i brug", "inspired": "inspireret", "interested": "interesseret",
               "visited": "besøgt"},
    "grade": {"measured": "målt", "reported": "vurderet", "satisfaction": "tilfredshed", "none": "ingen"},
}

#: Other Danish words a person may type for a value ("sygehus" is a hospital, "civil" the civil sector).
_ALSO: dict[str, dict[str, str]] = {
    "sector": {"civil": "civil", "privat sektor": "private", "offentlig sektor": "public"},
    "kind": {"sygehus": "hospital", "statslig myndighed": "state_agency", "myndighed": "state_agency",
             "firma": "company", "selskab": "company", "uddannelsesinstitution": "knowledge_institution"},
}


def english(field: str, value: str) -> str | None:
    """The English value a person meant by ``value`` (English or Danish, any case), or None.

    Parameters
    ----------
    field : str
        ``sector``, ``kind``, ``role``, ``status`` or ``grade``.
    value : str

    Returns
    -------
    str or None

    Examples
    --------
    >>> english("sector", "Privat"), english("kind", "kommune"), english("kind", "municipality")
    ('private', 'municipality', 'municipality')
    >>> english("kind", "sygehus"), english("sector", "lilla") is None
    ('hospital', True)
    """
    words = DANISH[field]
    wanted = value.strip().lower()
    if wanted in words:
        return wanted
    by_danish = {da: en for en, da in words.items()} | _ALSO.get(field, {})
    return by_danish.get(wanted)


def danish(field: str, value: str) -> str:
    """The Danish word for an English value (the value itself when there is none).

    Examples
    --------
    >>> danish("kind", "state_agency"), danish("status", "visited")
    ('styrelse', 'besøgt')
    """
    return DANISH.get(field, {}).get(value, value)


def choices(field: str) -> str:
    """The values of a field in both languages, for a help text or an error.

    Examples
    --------
    >>> choices("sector")
    'public|offentlig, private|privat, civil|civilsamfund, knowledge|viden'
    """
    return ", ".join(f"{en}|{da}" for en, da in DANISH[field].items())
