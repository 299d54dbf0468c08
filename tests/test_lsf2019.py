"""The LÆS STJÆL FORTÆL loader on the real, shipped text (issue 2), and bad input to it
through the real command line (issues 2 and 8).

Expected values are taken from the text itself wherever they can be (the ÅRSTAL lines,
the INDSTILLER lines, the section headings), so a test checks the loader against the
document, not against a copy of the loader's own output.
"""

from __future__ import annotations

import codecs
import csv
import re
from importlib import resources
from pathlib import Path

import pytest

from samspil.core.errors import InputError
from samspil.loaders import lsf2019
from samspil.core.text import decode_source

LONG = range(1, 37)
SHORT_NSB = range(37, 43)
HVERDAG = range(43, 53)

#: The section headings of a long case as the document writes them, and the key each gets.
LONG_HEADINGS = {
    "Fra udfordring": "challenge",
    "Til løsning": "solution",
    "De vigtigste elementer i innovationen": "key_elements",
    "Hvilke ressourcer er der brugt på innovationen?": "resources",
    "Hvem har samarbejdet om innovationen?": "collaboration",
    "POLITISKE MÅL": "value_political_goals",
    "HØJERE KVALITET": "value_quality",
    "ØGET EFFEKTIVITET": "value_efficiency",
    "STYRKET DEMOKRATI OG INDDRAGELSE": "value_democracy",
    "ØGET INNOVATIONSKAPACITET": "value_innovation_capacity",
    "Sådan er innovationen blevet delt": "sharing",
    "SAMARBEJDSKAPACITET": "capacity_collaboration",
    "EVALUERINGSKAPACITET": "capacity_evaluation",
    "SPREDNINGSKAPACITET": "capacity_spread",
    "Hvis du vil genbruge løsningen, så kontakt:": "contacts",
}
SHORT_KEYS = {"summary", "reuse", "contacts"}


def _lines_starting(lines: list[str], prefix: str) -> list[int]:
    """1-based numbers of the lines that start (after blanks) with ``prefix``."""
    return [n for n, line in enumerate(lines, start=1) if line.strip().startswith(prefix)]


@pytest.fixture(scope="module")
def official_municipalities() -> set[str]:
    path = Path(str(resources.files("samspil").joinpath("data", "reference", "danish_municipalities.csv")))
    with path.open(encoding="utf-8", newline="") as fh:
        return {row["name"] for row in csv.DictReader(fh)}


# ------------------------------------------------------------------ counts and numbering

def test_52_cases_numbered_1_to_52_in_order_of_appearance(lsf_cases):
    assert [c.number for c in lsf_cases] == list(range(1, 53))
    assert [c.id for c in lsf_cases] == [f"lsf2019-{n:02d}" for n in range(1, 53)]
    starts = [c.line_start for c in lsf_cases]
    assert starts == sorted(starts) and len(set(starts)) == 52


def test_prizes_and_layouts(lsf_cases):
    prizes = [c.prize for c in lsf_cases]
    assert prizes.count("nyt-sammen-bedre") == 42
    assert prizes.count("hverdagsinnovation") == 10
    assert all(lsf_cases[n - 1].prize == "nyt-sammen-bedre" for n in (*LONG, *SHORT_NSB))
    assert all(lsf_cases[n - 1].prize == "hverdagsinnovation" for n in HVERDAG)
    assert [c.layout for c in lsf_cases] == ["long"] * 36 + ["short"] * 16


def test_counts_agree_with_the_documents_own_markers(lsf_cases, lsf_lines):
    """36 INDSTILLER lines, 36 long contact headings, 16 short ones of which 6 stand
    before the Hverdagsinnovation divider."""
    assert len(_lines_starting(lsf_lines, "INDSTILLER:")) == 36
    assert len(_lines_starting(lsf_lines, "Hvis du vil genbruge løsningen, så kontakt")) == 36
    short = _lines_starting(lsf_lines, "Hvem kan du kontakte?")
    divider = [n for n, line in enumerate(lsf_lines, 1) if line.strip() == "INDSTILLINGER"]
    assert len(short) == 16 and len(divider) == 1
    assert sum(1 for n in short if n < divider[0]) == len(SHORT_NSB)
    hverdag = [c for c in lsf_cases if c.prize == "hverdagsinnovation"]
    assert all(c.line_start > divider[0] for c in hverdag)
    assert all(c.line_end < divider[0] for c in lsf_cases if c.prize == "nyt-sammen-bedre")


# ------------------------------------------------------------------ years and targets

def test_year_of_every_long_case_is_the_first_year_of_its_arstal_line(lsf_cases, lsf_lines):
    arstal = [lsf_lines[n - 1] for n in _lines_starting(lsf_lines, "ÅRSTAL:")]
    assert len(arstal) == 36
    expected = [int(re.search(r"\b(?:19|20)\d\d\b", line).group(0)) for line in arstal]
    assert [c.year for c in lsf_cases[:36]] == expected
    assert all(c.year is None for c in lsf_cases[36:])


@pytest.mark.parametrize("number, year, year_end", [(1, 2018, None), (2, 2015, 2018), (9, 2018, None),
                                                    (13, 2009, None), (15, 2012, None), (21, 2011, None),
                                                    (34, 2014, None), (36, 2018, None)])
def test_named_years(case, number, year, year_end):
    assert (case(number).year, case(number).year_end) == (year, year_end)


def test_target_group_of_long_cases(lsf_cases, lsf_lines):
    assert all(c.target_group for c in lsf_cases[:36])
    first = lsf_lines[_lines_starting(lsf_lines, "MÅLGRUPPE:")[0] - 1].split(":", 1)[1].strip()
    assert lsf_cases[0].target_group.startswith(first)


# ------------------------------------------------------------------ titles

@pytest.mark.parametrize("number, title", [
    (1, "Furesø Fremtidsværksted"),
    (2, "Tilbage Til Skole"),
    (9, "Talentudvikling"),
    (10, "Fokus på Talent"),
    (13, "InnoEvent"),
    (30, "OS2autoproces"),
    (32, "TAK-Overblik"),
    (36, "Klimasten"),
    (37, "Virtual Reality hjælper unge med social angst"),
    (43, "’Spisegrupper’ skaber tryghed og nye fællesskaber"),
    (52, "Digitale oplevelsesruter giver byens gæster indblik i det lokale liv"),
])
def test_named_cases(case, number, title):
    assert case(number).title == title


def test_every_title_stands_in_the_text_before_its_case_anchor(lsf_cases, lsf_lines):
    """The title's first word is on a line between the case's first line and its
    INDSTILLER line (long) or its organisation line (short)."""
    anchors = _lines_starting(lsf_lines, "INDSTILLER:")
    for c in lsf_cases:
        anchor = anchors[c.number - 1] if c.layout == "long" else c.sections["summary"].line_start - 1
        before = " ".join(lsf_lines[c.line_start - 1 : anchor - 1])
        first_word = c.title.split()[0].strip("’'")
        assert first_word.lower() in before.lower(), (c.number, first_word)
        assert len(c.title) < 120 and "\n" not in c.title, c.number


# ------------------------------------------------------------------ nominators

@pytest.mark.parametrize("number, nominators, kinds", [
    (15, ["Egedal Kommune", "Furesø Kommune", "Gentofte Kommune", "Gladsaxe Kommune", "Herlev Kommune",
          "Lyngby-Taarbæk Kommune", "Rudersdal Kommune", "Ballerup Kommune", "Rødovre Kommune"],
     {"municipality"}),
    (30, ["Randers Kommune", "Syddjurs Kommune", "Rudersdal Kommune", "Skanderborg Kommune", "Helsingør Kommune"],
     {"municipality"}),
    (28, ["Billund Kommune", "Haderslev Kommune", "Kolding Kommune"], {"municipality"}),
    (32, ["Skattestyrelsen", "Udviklings- og Forenklingsstyrelsen"], {"state_agency"}),
    (13, ["Odense Universitetshospital", "UCL Erhvervsakademi og Professionshøjskole"],
     {"hospital", "knowledge_institution"}),
    (21, ["Ældrerådet i Ringsted Kommune", "Handicaprådet i Ringsted Kommune"], {"unit"}),
    (9, ["Kolding Kommune"], {"municipality"}),
    (39, ["Odense Universitetshospital"], {"hospital"}),
    (41, ["Vejdirektoratet"], {"state_agency"}),
])
def test_nominators_split_into_organisations(case, number, nominators, kinds):
    c = case(number)
    assert c.nominators == nominators
    assert {c.nominator_kinds[n] for n in c.nominators} == kinds


def test_nominator_parents(case):
    assert case(13).nominator_parents.get("Odense Universitetshospital") == "Region Syddanmark"
    assert "UCL Erhvervsakademi og Professionshøjskole" not in case(13).nominator_parents
    assert case(21).nominator_parents == {"Ældrerådet i Ringsted Kommune": "Ringsted Kommune",
                                          "Handicaprådet i Ringsted Kommune": "Ringsted Kommune"}


def test_multi_organisation_indstiller_lines_are_the_raw_text(case, lsf_lines):
    """The split starts from the INDSTILLER line as written (with its continuation line)."""
    assert case(15).nominator_text.startswith("Egedal , Furesø, Gentofte")
    assert case(15).nominator_text.endswith("Ballerup og Rødovre kommuner")
    assert case(30).nominator_text.startswith("OS2autoproces styregruppen: Randers, Syddjurs")
    assert case(28).nominator_text == "Billund, Haderslev og Kolding kommune"


def test_every_case_has_nominators_and_municipalities_carry_official_names(lsf_cases, official_municipalities):
    for c in lsf_cases:
        assert c.nominators, c.number
        assert len(set(c.nominators)) == len(c.nominators), c.number
        for name in c.nominators:
            if c.nominator_kinds.get(name) == "municipality":
                assert name in official_municipalities, (c.number, name)
            assert not name.isupper(), (c.number, name)  # "KØBENHAVNS KOMMUNE" is written properly


# ------------------------------------------------------------------ sections and spans

def test_long_cases_have_a_section_for_every_heading_in_their_text(lsf_cases, lsf_lines):
    for c in lsf_cases[:36]:
        span = [line.strip() for line in lsf_lines[c.line_start - 1 : c.line_end]]
        expected = {key for heading, key in LONG_HEADINGS.items() if heading in span}
        got = set(c.sections) - {"summary", "quote", "attachment"}
        assert got == expected, (c.number, sorted(got ^ expected))
        assert {"challenge", "solution", "key_elements", "resources", "collaboration", "value_political_goals",
                "value_quality", "value_innovation_capacity", "sharing", "capacity_collaboration",
                "capacity_evaluation", "capacity_spread", "contacts", "summary"} <= got | {"summary"}
        assert c.sections["summary"].text and c.summary == c.sections["summary"].text


def test_value_sections_as_often_as_the_document_has_them(lsf_cases, lsf_lines):
    for heading in ("ØGET EFFEKTIVITET", "STYRKET DEMOKRATI OG INDDRAGELSE"):
        in_text = sum(1 for line in lsf_lines if line.strip() == heading)
        key = LONG_HEADINGS[heading]
        assert sum(1 for c in lsf_cases if key in c.sections) == in_text


def test_short_cases_have_summary_reuse_and_contacts(lsf_cases):
    for c in lsf_cases[36:]:
        assert set(c.sections) == SHORT_KEYS, c.number
        assert all(s.text for s in c.sections.values()), c.number


def test_line_spans_hold_the_anchor_and_do_not_overlap(lsf_cases, lsf_lines):
    anchors = _lines_starting(lsf_lines, "INDSTILLER:")
    for c, anchor in zip(lsf_cases[:36], anchors):
        assert c.line_start <= anchor <= c.line_end, c.number
    for c in lsf_cases[36:]:
        # the organisation line in capitals stands just before the summary
        organisation = lsf_lines[c.sections["summary"].line_start - 2].strip()
        assert organisation.isupper() and organisation == c.nominator_text, c.number
    for a, b in zip(lsf_cases, lsf_cases[1:]):
        assert a.line_end < b.line_start, (a.number, b.number)
    assert 1 <= lsf_cases[0].line_start and lsf_cases[-1].line_end <= len(lsf_lines)


def test_sections_lie_inside_their_case_and_do_not_overlap(lsf_cases):
    for c in lsf_cases:
        spans = sorted((s.line_start, s.line_end, k) for k, s in c.sections.items())
        for start, end, key in spans:
            assert c.line_start <= start <= end <= c.line_end, (c.number, key)
        for (_, end, k1), (start, _, k2) in zip(spans, spans[1:]):
            assert end < start, (c.number, k1, k2)


# ------------------------------------------------------------------ text repair

def test_words_broken_across_lines_are_repaired(case, lsf_lines):
    # The break is really in the source ...
    assert any(line.rstrip().endswith("Innovation Silke") and nxt.startswith("borg")
               for line, nxt in zip(lsf_lines, lsf_lines[1:]))
    assert any(line.rstrip().endswith("Patientind") for line in lsf_lines)
    # ... and not in the loader's text.
    assert "Innovation Silkeborg og TimeStory VR" in case(37).text()
    assert "effektiv træning" in case(37).text()
    assert "Patientinddragelse" in case(3).text()


def test_no_broken_silkeborg_anywhere(lsf_cases):
    for c in lsf_cases:
        for key, section in c.sections.items():
            assert "Silke borg" not in section.text, (c.number, key)
        assert "Silke borg" not in c.title


def test_page_furniture_is_gone(lsf_cases, lsf_lines):
    assert sum("Denne side er med vilje efterladt uden indhold" in line for line in lsf_lines) >= 3
    assert sum(line.strip().startswith("mailto:") for line in lsf_lines) >= 30
    assert sum(line.strip() in ("-", "–") for line in lsf_lines) >= 100
    lone_dashes = re.compile(r"(^|\s)[-–](\s+[-–])+(\s|$)")
    for c in lsf_cases:
        for key, section in c.sections.items():
            text = section.text
            assert "Denne side er med vilje" not in text, (c.number, key)
            assert "mailto:" not in text, (c.number, key)
            assert not lone_dashes.search(text), (c.number, key)
            assert not re.search(r"(^|\s)[-–]$", text) and not re.match(r"^[-–](\s|$)", text), (c.number, key)


def test_collaboration_section_of_case_1_ends_before_the_dashes(case, lsf_lines):
    """Lines 182-189 of the source are lone dashes inside case 1's collaboration section."""
    section = case(1).sections["collaboration"]
    raw = lsf_lines[section.line_start - 1 : section.line_end]
    assert sum(line.strip() == "-" for line in raw) >= 3
    assert section.text.endswith(".")


# ------------------------------------------------------------------ printouts

@pytest.mark.parametrize("number, marker", [(9, "TALENTERNE"), (10, "Projekt 1: Fokus På Talent"), (35, "WasteHERO")])
def test_printouts_belong_to_the_case_after_them(case, number, marker):
    attachment = case(number).sections["attachment"]
    assert marker in attachment.text
    previous = case(number - 1)
    assert all(marker not in s.text for s in previous.sections.values())
    assert previous.line_end < attachment.line_start <= attachment.line_end < case(number).sections["quote"].line_start


def test_talentudvikling_printout_is_not_in_its_summary(case):
    assert "TALENTERNE" not in case(9).sections["summary"].text
    assert case(9).sections["summary"].text.startswith(case(9).summary[:40])


# ------------------------------------------------------------------ contacts (personal data: no values printed)

def test_contacts_are_parsed(lsf_cases, lsf_lines):
    email = re.compile(r"^[\w.+-]+@[\w-]+(\.[\w-]+)+$")
    total = 0
    for c in lsf_cases:
        section = c.sections["contacts"]
        raw = "\n".join(lsf_lines[section.line_start - 2 : section.line_end])
        # one e-mail a contact: a second address on the same line ("a@x.dk / b@y.dk") is the same person's
        email_lines = sum(1 for line in raw.splitlines()
                          if re.search(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", line) and not line.strip().startswith("mailto:"))
        n_contacts = len(c.contacts)
        every_has_name = all(len(p.name.split()) >= 2 and p.name[0].isupper() for p in c.contacts)
        every_reachable = all(p.email or p.phone for p in c.contacts)
        emails_valid = all(email.match(p.email) for p in c.contacts if p.email)
        names_in_text = all(p.name.split()[0] in raw and p.name.split()[-1] in raw for p in c.contacts)
        parsed_emails = sum(1 for p in c.contacts if p.email)
        lines_in_span = all(section.line_start - 1 <= (p.line or 0) <= section.line_end for p in c.contacts)
        assert n_contacts >= 1, f"case {c.number}: no contact"
        assert every_has_name and every_reachable and emails_valid and names_in_text and lines_in_span, \
            f"case {c.number}: a contact is incomplete or not from the contacts section"
        assert parsed_emails == email_lines, f"case {c.number}: {parsed_emails} e-mails parsed, {email_lines} lines with one"
        total += n_contacts
    assert total >= 60


def test_phone_with_a_doubled_space_is_found(case):
    """Case 35's contact writes the number "dd dd  dd dd" (two spaces)."""
    contacts = case(35).contacts
    has_phone = len(contacts) == 1 and contacts[0].phone is not None
    well_formed = has_phone and re.fullmatch(r"\d\d \d\d \d\d \d\d", contacts[0].phone) is not None
    assert has_phone and well_formed, "case 35: the contact's phone number was not parsed"


def test_case_15_has_three_contacts_with_email(case):
    contacts = case(15).contacts
    count, with_email = len(contacts), sum(1 for p in contacts if p.email)
    assert (count, with_email) == (3, 3)


# ------------------------------------------------------------------ reading the file in other encodings (in process)

@pytest.mark.parametrize("encode", [
    pytest.param(lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), id="utf-8-bom"),
    pytest.param(lambda t: t.encode("utf-16"), id="utf-16-native-bom"),
    pytest.param(lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"), id="utf-16-le-bom"),
    pytest.param(lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), id="utf-16-be-bom"),
    pytest.param(lambda t: t.replace("\n", "\r\n").encode("utf-8"), id="crlf"),
    pytest.param(lambda t: t.replace("\n", "\r").encode("utf-8"), id="old-mac-cr"),
])
def test_decode_gives_the_same_text(lsf_path, encode):
    text = lsf_path.read_text(encoding="utf-8")
    assert decode_source(encode(text), "x.txt") == text


@pytest.mark.parametrize("data, message, line", [
    (b"", "empty", None),
    (b"  \n\n \t\n", "empty", None),
    (b"Kolding Kommune\nabc\x00def\n", "binary", 2),
    ("Kolding\nKøbenhavns Kommune\n".encode("latin-1"), "not UTF-8", 2),
    ("Københavns Kommune\n".encode("utf-16-le"), "binary", 1),  # UTF-16 without a BOM
    (codecs.BOM_UTF16_LE + b"\x00\xd8", "UTF-16", None),  # a lone surrogate
])
def test_decode_refuses_what_is_not_text(data, message, line):
    with pytest.raises(InputError) as info:
        decode_source(data, "bad.txt")
    assert message in str(info.value) and info.value.path == "bad.txt" and info.value.line == line


@pytest.mark.parametrize("cut_in", [1, 2, 36, 37, 43, 52])
def test_a_text_cut_inside_a_case_names_the_file_and_the_case(tmp_path, lsf_cases, lsf_lines, cut_in):
    c = lsf_cases[cut_in - 1]
    cut = (c.line_start + c.line_end) // 2
    path = tmp_path / "cut.txt"
    path.write_text("\n".join(lsf_lines[:cut]), encoding="utf-8")
    with pytest.raises(InputError) as info:
        lsf2019.load(path)
    assert info.value.path == str(path)
    assert c.line_start <= info.value.line <= cut, (info.value.line, c.line_start, cut)
    assert "cut off" in info.value.message


def test_a_text_cut_between_two_cases_keeps_the_cases_before(tmp_path, lsf_cases, lsf_lines):
    path = tmp_path / "first-ten.txt"
    path.write_text("\n".join(lsf_lines[: lsf_cases[9].line_end]), encoding="utf-8")
    records = lsf2019.load(path)
    assert [r.title for r in records] == [c.title for c in lsf_cases[:10]]
    assert records[0].source.id == "first-ten" and records[0].id == "first-ten-01"


# ------------------------------------------------------------------ bad input through the real command line

def _variants(text: str) -> dict[str, bytes]:
    return {
        "utf-16-bom": text.encode("utf-16"),
        "utf-8-bom": codecs.BOM_UTF8 + text.encode("utf-8"),
        "crlf": text.replace("\n", "\r\n").encode("utf-8"),
    }


@pytest.fixture(scope="module")
def encoded_runs(run_cli_many, tmp_path_factory, lsf_path):
    """``samspil cases --json`` on the shipped text re-encoded, under its shipped name."""
    folder = tmp_path_factory.mktemp("encoded")
    commands = {"original": ("cases", "--no-defaults", "--lsf", lsf_path, "--json")}
    for variant, data in _variants(lsf_path.read_text(encoding="utf-8")).items():
        path = folder / variant / lsf_path.name
        path.parent.mkdir()
        path.write_bytes(data)
        commands[variant] = ("cases", "--no-defaults", "--lsf", path, "--json")
    return run_cli_many(commands)


@pytest.mark.parametrize("variant", ["utf-16-bom", "utf-8-bom", "crlf"])
def test_cli_reads_other_encodings_and_line_endings_to_the_same_cases(encoded_runs, variant):
    """Written under the shipped name, the re-encoded text gives exactly the case view of the UTF-8 original."""
    import json

    code, out, err = encoded_runs[variant]
    assert code == 0, err[-2000:]
    original = encoded_runs["original"]
    assert original.code == 0, original.err[-2000:]
    views = json.loads(out)
    assert [v["number"] for v in views] == list(range(1, 53))
    assert views == json.loads(original.out)


def _bad_sources(folder: Path, lsf_lines: list[str]) -> dict[str, tuple[Path, tuple[str, ...]]]:
    """name → (file, what the one-line error must say besides the file name)."""
    folder.mkdir(parents=True, exist_ok=True)

    def write(name: str, data: bytes) -> Path:
        p = folder / name
        p.write_bytes(data)
        return p

    second = _lines_starting(lsf_lines, "INDSTILLER:")[1]
    first_non_ascii = next(n for n, line in enumerate(lsf_lines, 1) if not line.isascii())
    return {
        "missing": (folder / "no-such-file.txt", ("no such file",)),
        "empty": (write("empty.txt", b""), ("empty",)),
        "blank": (write("blank.txt", b"\n \n\t\n"), ("empty",)),
        "binary": (write("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))), ("binary", ":3:")),
        "latin-1": (write("latin1.txt", "\n".join(lsf_lines[:400]).encode("latin-1", "replace")),
                    (f":{first_non_ascii}:", "not UTF-8", "iconv")),
        "utf-16-no-bom": (write("utf16.txt", "\n".join(lsf_lines[:400]).encode("utf-16-le")), (":2:", "binary")),  # line 1 is empty
        "truncated": (write("truncated.txt", "\n".join(lsf_lines[:400]).encode()), (f":{second}:", "cut off")),
        "no-case": (write("no-case.txt", "Et notat om innovation.\n\nIngen cases her.\n".encode()), ("no case",)),
        "divider-only": (write("divider.txt", b"INDSTILLINGER\nTIL HVERDAGSINNOVATIONSPRISEN\n"), ("no case",)),
    }


BAD_SOURCES = ["missing", "empty", "blank", "binary", "latin-1", "utf-16-no-bom", "truncated", "no-case",
               "divider-only"]


@pytest.fixture(scope="module")
def bad_sources(tmp_path_factory, lsf_lines):
    return _bad_sources(tmp_path_factory.mktemp("bad-lsf"), lsf_lines)


@pytest.fixture(scope="module")
def bad_source_runs(run_cli_many, bad_sources, tmp_path_factory):
    """``samspil build --no-defaults --lsf BAD -o OUT`` for every bad source: name → (result, OUT)."""
    folder = tmp_path_factory.mktemp("bad-lsf-out")
    outs = {name: folder / name for name in BAD_SOURCES}
    results = run_cli_many({name: ("build", "--no-defaults", "--lsf", bad_sources[name][0], "-o", outs[name])
                            for name in BAD_SOURCES})
    return {name: (results[name], outs[name]) for name in BAD_SOURCES}


@pytest.mark.parametrize("name", BAD_SOURCES)
def test_cli_bad_source_is_one_line_error_and_writes_nothing(one_line_error, bad_sources, bad_source_runs, name):
    path, needles = bad_sources[name]
    result, out = bad_source_runs[name]
    one_line_error(result, str(path), *needles)
    assert result.code == 2
    assert not out.exists()


def test_cli_bad_source_leaves_an_earlier_output_folder_untouched(run_cli, one_line_error, tmp_path, bad_sources):
    out = tmp_path / "out"
    out.mkdir()
    old = {name: f"old {name}\n" for name in ("samspil.json", "samspil.graphml", "samspil.gexf", "cases.json")}
    for name, text in old.items():
        (out / name).write_text(text)
    one_line_error(run_cli("build", "--no-defaults", "--lsf", bad_sources["truncated"][0], "-o", out))
    assert {p.name: p.read_text() for p in out.iterdir()} == old


def test_cli_source_too_large_is_refused_without_reading_it(run_cli, one_line_error, tmp_path, lsf_path):
    """A 200 MB text is refused by its size, quickly, with no output."""
    big = tmp_path / "big.txt"
    chunk = lsf_path.read_bytes()
    with big.open("wb") as fh:
        while fh.tell() < 200 * 10**6:
            fh.write(chunk)
    out = tmp_path / "out"
    result = run_cli("build", "--no-defaults", "--lsf", big, "-o", out, timeout=30)
    one_line_error(result, str(big), "MB", "split")
    assert not out.exists()


def test_cli_a_folder_given_as_source_is_refused(run_cli, tmp_path):
    code, out, err = run_cli("build", "--no-defaults", "--lsf", tmp_path, "-o", tmp_path / "out")
    assert code != 0 and "Traceback" not in err and str(tmp_path) in err
    assert not (tmp_path / "out").exists()
