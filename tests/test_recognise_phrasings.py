"""Danish phrasings of ownership, partnership, funding, spread and inspiration in free texts.

Each test is one general rule of the recogniser, shown on a small invented text.
"""

from __future__ import annotations

import pytest

from samspil.loaders import freetext
from samspil.core.text import sentences
from samspil.recognise.recogniser import recognise


def _roles(text: str) -> dict[str, str]:
    facts = recognise(freetext.parse(text, case_id="free-test"))
    return {a.name: a.role for a in facts.actors}


def _spread(text: str) -> set[tuple[str, str]]:
    facts = recognise(freetext.parse(text, case_id="free-test"))
    return {(s.to, s.status) for s in facts.spread}


def test_a_publisher_line_with_a_date_names_the_owner() -> None:
    roles = _roles("Madpakker til alle\n\nHaderslev Kommune, nyhed, 14. marts 2025\n\n"
                   "Skolerne pakker nu den overskydende mad. Sydbank Fonden har støttet ordningen med 200.000 kr.")
    assert roles["Haderslev Kommune"] == "owner"
    assert roles["Sydbank Fonden"] == "funder"


def test_a_publisher_of_other_peoples_cases_is_no_owner() -> None:
    roles = _roles("Skolebus for alle\n\nTrafikstyrelsen · Gode eksempler\n\n"
                   "Projektejer er Tønder Kommune. Projektet er støttet af Trafikstyrelsen.")
    assert roles["Tønder Kommune"] == "owner"
    assert roles["Trafikstyrelsen"] == "funder"


@pytest.mark.parametrize("sentence", [
    "ZBC har skræddersyet kurserne i procesteknik.",
    "Her har ZBC hjulpet med at planlægge kurserne.",
    "Samarbejdspartnere: ZBC – har bidraget med kurser for de ledige.",
    "Kurserne er tilrettelagt af ZBC.",
])
def test_an_organisation_doing_something_for_the_solution_is_a_partner(sentence: str) -> None:
    roles = _roles(f"Branchepakker\n\nI Kalundborg Kommune har man siden 2021 tilbudt branchepakker. {sentence}")
    assert roles["Kalundborg Kommune"] == "owner"
    assert roles["ZBC"] == "partner"


def test_idle_verbs_negations_and_committees_give_no_part() -> None:
    roles = _roles("Genoptræning\n\nI Aalborg Kommune har man siden 2022 tilbudt genoptræning i hjemmet. "
                   "Brønderslev Kommune deltager ikke. Sundhedsstyrelsen anbefaler modellen. "
                   "Sundheds- og Kulturudvalget i Aalborg Kommune godkendte ordningen.")
    assert roles["Aalborg Kommune"] == "owner"
    assert roles["Brønderslev Kommune"] == "mentioned"
    assert roles["Sundhedsstyrelsen"] == "mentioned"
    assert roles["Sundheds- og Kulturudvalget"] == "mentioned"


def test_spread_phrasings_of_forms_and_posts() -> None:
    spread = _spread("Sprogkufferten\n\nVarde Kommune har udviklet sprogkufferten.\n\n"
                     "Spredning: – Esbjerg Kommune: bruger kufferterne siden 2023 – Region Syddanmark: rundvisning i maj 2024\n\n"
                     "Billund Kommune har meldt sig som den næste. Fredericia Kommune har søgt om at få lov til at bruge dem.")
    assert ("Esbjerg Kommune", "adopted") in spread
    assert ("Region Syddanmark", "visited") in spread
    assert ("Billund Kommune", "interested") in spread
    assert ("Fredericia Kommune", "interested") in spread


def test_a_source_named_right_after_its_cue_is_no_receiver() -> None:
    text = ("Blodprøvebussen\n\nRegion Syddanmark har udviklet blodprøvebussen. Idéen er bragt med hjem fra et "
            "studiebesøg på Akershus universitetssykehus, hvor mobile prøvetagningsbusser har kørt siden 2017.")
    facts = recognise(freetext.parse(text, case_id="free-test"))
    roles = {a.name: a.role for a in facts.actors}
    assert roles["Akershus universitetssykehus"] == "inspiration"
    assert not facts.spread


def test_a_company_and_its_legal_form_are_one_actor() -> None:
    roles = _roles("Regn i skolegården\n\nDet fik Sønderborg Kommune og Sønderborg Forsyning til at starte projektet. "
                   "Sønderborg Forsyning A/S betaler anlægsudgifterne.")
    assert "Sønderborg Forsyning" not in roles
    assert roles["Sønderborg Forsyning A/S"] == "owner"


def test_emoji_bullets_and_ordinals_in_names_split_sentences_right() -> None:
    assert sentences("Sådan gjorde vi: 👉 Lejerbo har stået for det 👉 Køge Kommune har hjulpet") == \
        ["Sådan gjorde vi:", "Lejerbo har stået for det", "Køge Kommune har hjulpet"]
    assert sentences("Ansøgning til 15. Juni Fonden om droner.") == ["Ansøgning til 15. Juni Fonden om droner."]


def test_a_bulleted_list_of_towns_under_a_municipalities_heading() -> None:
    """Issue 14: "Projektkommuner:" and eight bare town names, one a bullet each, are eight
    municipalities taking part, each with its kommunekode in the graph."""
    from samspil.graph.extract import extract_text

    towns = ["Hjørring", "Thisted", "Skive", "Brønderslev", "Frederikshavn", "Jammerbugt", "Vesthimmerland", "Rebild"]
    text = ("Læsemakkere i Nordjylland\n\nProjektet drives af Professionshøjskolen UCN.\n\nProjektkommuner:\n"
            + "".join(f"• {t}\n" for t in towns) + "\nAlle har læsemakkere på skolerne.")
    view = extract_text(text)
    municipalities = {a["name"]: a["role"] for a in view["actors"] if a["kind"] == "municipality"}
    assert len(municipalities) == 8 and set(municipalities.values()) == {"partner"}
    assert "Vesthimmerlands Kommune" in municipalities
    from samspil.core.identity import Gazetteer

    codes = {Gazetteer.default().municipality(t).code for t in towns}
    assert len(codes) == 8 and all(len(c) == 4 for c in codes)
