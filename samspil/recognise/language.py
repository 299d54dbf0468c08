"""Which language a case text is written in: Danish, Norwegian, Swedish or English.

No model: each language has a short list of function words the other three do not
share ("af"/"av"/"och", "efter"/"etter"/"också", "gennem"/"gjennom"/"genom"), and the
language whose words the text uses most wins. Danish is the default: a text too short
or too mixed to tell is read as Danish, as Samspil always did.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Words typical of one language and rare in the other three (lower case); a word two languages
#: spell alike ("at": Danish infinitive and English preposition, "skal", "fra", "by") is left out.
#: Norwegian holds both written standards (bokmål and nynorsk: "ikkje", "frå", "korleis").
_WORDS: dict[str, frozenset[str]] = {
    "da": frozenset((
        "af", "efter", "blev", "bliver", "nogle", "mellem", "ud", "hvad", "gennem", "udviklet", "udvikle", "mig",
        "sig", "os", "kun", "uden", "meget", "havde", "samarbejde", "samarbejdet", "hvordan", "købe", "borgere",
        "mindre", "større", "ældre", "hjælp", "arbejde", "arbejder", "gør", "fået", "også", "ikke", "hvor", "fordi",
        "sammen",
    )),
    "no": frozenset((
        "av", "etter", "ble", "blir", "noen", "mellom", "ut", "hva", "gjennom", "utviklet", "utvikle", "meg",
        "seg", "oss", "uten", "mye", "hadde", "samarbeid", "samarbeidet", "hvordan", "kjøpe", "innbyggere",
        "innbyggerne", "ikkje", "frå", "korleis", "kva", "dei", "ein", "eit", "berre", "mykje", "tjenester",
        "tjenesten", "gjøre", "fått", "bli", "sykehus", "helse", "eldre",
        "hjelp", "arbeid", "jobber", "også", "ikke", "hvor", "fordi", "sammen",
    )),
    "sv": frozenset((
        "och", "att", "är", "inte", "för", "från", "också", "hur", "där", "genom", "ska", "sedan", "några",
        "mellan", "hade", "bara", "detta", "dessa", "vilka", "samarbete", "samarbetet", "utvecklat", "utveckla",
        "invånare", "invånarna", "mig", "sig", "oss", "utan", "mycket", "göra", "fått",
        "bli", "blir", "äldre", "hjälp", "arbete", "arbetar", "tillsammans", "eftersom", "även", "vid", "när", "kommun",
    )),
    "en": frozenset((
        "the", "and", "of", "to", "is", "with", "that", "this", "are", "was", "from", "has", "have", "which",
        "their", "will", "its", "been", "were", "they", "our",
    )),
}
#: Each language's own words: those no other language's list shares, so a shared word counts for none.
_OWN: dict[str, frozenset[str]] = {
    lang: words - frozenset().union(*(w for other, w in _WORDS.items() if other != lang))
    for lang, words in _WORDS.items()
}
_TOKEN = re.compile(r"[a-zæøåäöéü]+")
#: Fewer own words than this in the whole text, and it is read as Danish.
MIN_HITS = 3
#: How far ahead a language must be (its share of all own-word hits) to beat Danish.
MIN_SHARE = 0.5


@dataclass(frozen=True)
class Language:
    """A text's language (``da``, ``no``, ``sv`` or ``en``) and how sure the guess is (0..1)."""

    code: str
    confidence: float


def detect_language(text: str) -> Language:
    """The language of ``text``, by the function words it uses; Danish when unsure.

    Parameters
    ----------
    text : str
        A case text, any length (the first 20 000 characters are read).

    Returns
    -------
    Language
        ``code`` one of ``da``, ``no``, ``sv``, ``en``; ``confidence`` the winner's share of
        the words that tell the languages apart (0.0 when no such word was found).

    Examples
    --------
    >>> detect_language("Bodø kommune har utviklet en app i samarbeid med innbyggerne, og den ble tatt i bruk etter et år.").code
    'no'
    >>> detect_language("Umeå kommun har utvecklat en tjänst tillsammans med invånarna och den används nu även i Skellefteå.").code
    'sv'
    >>> detect_language("Kolding Kommune har udviklet et forløb i samarbejde med Ældre Sagen, og det blev en succes.").code
    'da'
    >>> detect_language("The municipality developed the service with its citizens and it has been a success.").code
    'en'
    >>> detect_language("Kolding Kommune").code, detect_language("Kolding Kommune").confidence
    ('da', 0.0)
    """
    counts = dict.fromkeys(_OWN, 0)
    for token in _TOKEN.findall(text[:20_000].lower()):
        for lang, words in _OWN.items():
            if token in words:
                counts[lang] += 1
    total = sum(counts.values())
    best = max(counts, key=lambda lang: (counts[lang], lang == "da"))
    if total < MIN_HITS or counts[best] == counts["da"]:
        return Language("da", round(counts["da"] / total, 3) if total else 0.0)
    share = counts[best] / total
    if share < MIN_SHARE:
        return Language("da", round(counts["da"] / total, 3))
    return Language(best, round(share, 3))
