"""The LÆS STJÆL FORTÆL layout: the 2019 collection of nominations for the NYT SAMMEN
BEDRE prize and the Hverdagsinnovationsprisen, as text turned out of its PDF.

Three kinds of case stand in it, in this order (a text may hold any of them
alone, or begin with short cases):

* long NYT SAMMEN BEDRE cases: a title, a pull-quote, an ``INDSTILLER:`` /
  ``MÅLGRUPPE:`` / ``ÅRSTAL:`` block, a summary and named sections (Fra
  udfordring, Til løsning, ... SPREDNINGSKAPACITET), then "Hvis du vil genbruge
  løsningen, så kontakt:" and the contacts;
* short NYT SAMMEN BEDRE cases: a title, the organisation in capitals, the text,
  "Hvad skal du vide, hvis du vil genbruge innovationen?" and "Hvem kan du
  kontakte?";
* after a "INDSTILLINGER TIL HVERDAGS-INNOVATIONS-PRISEN" divider, the short
  Hverdagsinnovation cases.

Material pasted between two cases (a printout, a flyer) stands before the
title of the case it belongs to and is kept with that case as its
``attachment`` section.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from samspil.core.errors import InputError
from samspil.core.identity import Gazetteer, name_key
from samspil.core.orgnames import split_organisations
from samspil.core.records import CaseRecord, Contact, Section, SourceInfo
from samspil.core.text import Vocabulary, find_email, find_phone, is_furniture, join_lines, read_source

SOURCE = SourceInfo(
    id="lsf2019",
    title="LÆS STJÆL FORTÆL. En casesamling med indstillingerne til NYT SAMMEN BEDRE-prisen og "
    "Hverdagsinnovationsprisen 2019",
    path="002_f4c25f01ed011c46.txt",
    year=2019,
    publisher="Center for Offentlig Innovation og Center for Offentlig Kompetenceudvikling",
)

#: Section headings of a long case, in order, with the key each section gets.
LONG_SECTIONS: tuple[tuple[str, str, str], ...] = (
    ("challenge", "Fra udfordring", r"^\s*Fra udfordring\s*$"),
    ("solution", "Til løsning", r"^\s*Til løsning\s*$"),
    ("key_elements", "De vigtigste elementer i innovationen", r"^\s*De vigtigste elementer i innovationen\s*$"),
    ("resources", "Hvilke ressourcer er der brugt på innovationen?", r"^\s*Hvilke ressourcer er der brugt på innovationen\?\s*$"),
    ("collaboration", "Hvem har samarbejdet om innovationen?", r"^\s*Hvem har samarbejdet om innovationen\?\s*$"),
    ("value", "Værdien, som innovationen har skabt", r"^\s*Værdien, som innovationen har skabt\s*$"),
    ("value_political_goals", "POLITISKE MÅL", r"^\s*POLITISKE MÅL\s*$"),
    ("value_quality", "HØJERE KVALITET", r"^\s*HØJERE KVALITET\s*$"),
    ("value_efficiency", "ØGET EFFEKTIVITET", r"^\s*ØGET EFFEKTIVITET\s*$"),
    ("value_democracy", "STYRKET DEMOKRATI OG INDDRAGELSE", r"^\s*STYRKET DEMOKRATI OG INDDRAGELSE\s*$"),
    ("value_innovation_capacity", "ØGET INNOVATIONSKAPACITET", r"^\s*ØGET INNOVATIONSKAPACITET\s*$"),
    ("sharing", "Sådan er innovationen blevet delt", r"^\s*Sådan er innovationen blevet delt\s*$"),
    ("capacities", "Inspiration til samarbejde, evaluering og spredning", r"^\s*Inspiration til samarbejde, evaluering og spredning\s*$"),
    ("capacity_collaboration", "SAMARBEJDSKAPACITET", r"^\s*SAMARBEJDSKAPACITET\s*$"),
    ("capacity_evaluation", "EVALUERINGSKAPACITET", r"^\s*EVALUERINGSKAPACITET\s*$"),
    ("capacity_spread", "SPREDNINGSKAPACITET", r"^\s*SPREDNINGSKAPACITET\s*$"),
    ("contacts", "Hvis du vil genbruge løsningen, så kontakt:", r"^\s*Hvis du vil genbruge løsningen,? så kontakt:?\s*$"),
)
SHORT_SECTIONS: tuple[tuple[str, str, str], ...] = (
    ("reuse", "Hvad skal du vide, hvis du vil genbruge innovationen?", r"^\s*Hvad skal du vide, hvis du vil genbruge innovationen\?\s*$"),
    ("contacts", "Hvem kan du kontakte?", r"^\s*Hvem kan du kontakte\?\s*$"),
)

_HEADINGS = tuple(re.compile(rx) for _, _, rx in LONG_SECTIONS)
_NOMINATOR = re.compile(r"^\s*INDSTILLER:\s*(.*)$")
_TARGET = re.compile(r"^\s*MÅLGRUPPE:\s*(.*)$")
_YEAR = re.compile(r"^\s*ÅRSTAL:\s*(.*)$")
_HVERDAG_DIVIDER = re.compile(r"^\s*INDSTILLINGER\s*$")
_CAPS_LINE = re.compile(r"^\s*[A-ZÆØÅ][A-ZÆØÅ .,&'’-]{3,}\s*$")
_DOC_ALIAS = re.compile(r"((?:[A-ZÆØÅ][\wæøåÆØÅ-]*\s+)*?[A-ZÆØÅ][\wæøåÆØÅ-]+)\s+\(([A-ZÆØÅ][A-ZÆØÅ0-9]{1,7})\)")
_DOC_ALIAS_WIDE = re.compile(r"((?:[A-ZÆØÅ][\wæøå-]+\s+)(?:(?:for|og|i|af)\s+)?(?:[A-ZÆØÅ][\wæøå-]+\s*){1,3})"
                             r"\(([A-ZÆØÅ]{2,7})\)")
#: Every match of the two patterns above ends in one of these, and holds before it only
#: word characters, hyphens and whitespace.
_PARENTHESISED_ABBREVIATION = re.compile(r"\([A-ZÆØÅ][A-ZÆØÅ0-9]{1,7}\)")
_NAME_CHARACTER = re.compile(r"[\w\s-]")
_CONTACT_HEADING = re.compile(LONG_SECTIONS[-1][2])
_SHORT_CONTACT_HEADING = re.compile(SHORT_SECTIONS[-1][2])


@dataclass
class _Lines:
    """The source's lines with furniture blanked, and the vocabulary to repair them."""

    raw: list[str]
    clean: list[str]
    vocabulary: Vocabulary
    path: str

    def text(self, start: int, end: int) -> str:
        """Repaired text of 0-based lines ``start``..``end`` inclusive."""
        return join_lines(self.clean[start : end + 1], self.vocabulary)


def load(path: str | Path | None = None, *, gazetteer: Gazetteer | None = None) -> list[CaseRecord]:
    """Read a text in the LÆS STJÆL FORTÆL layout into case records.

    Parameters
    ----------
    path : str or Path, optional
        The text; the shipped 2019 collection when omitted.
    gazetteer : Gazetteer, optional
        For splitting and naming nominators; the shipped one when omitted.

    Returns
    -------
    list of CaseRecord
        In order of appearance, numbered from 1.

    Raises
    ------
    InputError
        The file cannot be read, or holds no case in this layout, or a case is
        cut off (named by its line).

    Examples
    --------
    >>> cases = load()
    >>> len(cases), cases[8].title, cases[8].nominators
    (52, 'Talentudvikling', ['Kolding Kommune'])
    """
    if path is None:
        path = default_path()
    gazetteer = gazetteer or Gazetteer.default()
    raw = read_source(path).split("\n")
    lines = _Lines(raw, ["" if is_furniture(x) else x.rstrip() for x in raw],
                   Vocabulary.from_lines(raw, extra=(o.name for o in gazetteer.organisations.values())), str(path))
    aliases = document_aliases(lines.text(0, len(raw) - 1))
    source = SourceInfo(SOURCE.id, SOURCE.title, Path(path).name, SOURCE.year, SOURCE.publisher) \
        if Path(path).name == SOURCE.path else SourceInfo(_source_id(path), Path(path).stem, Path(path).name)
    anchors = [i for i, x in enumerate(raw) if _NOMINATOR.match(x)]
    divider = next((i for i, x in enumerate(raw) if _HVERDAG_DIVIDER.match(x)), None)
    short_headings = [i for i, x in enumerate(raw) if _SHORT_CONTACT_HEADING.match(x)]
    if not anchors and divider is None and not short_headings:
        raise InputError("no case in the LÆS STJÆL FORTÆL layout (no 'INDSTILLER:' line and no short case)",
                         path=path)
    records: list[CaseRecord] = []
    previous_end: int | None = None
    # Short cases before the first long case (a text may begin with them): looked for only
    # when a short case's "Hvem kan du kontakte?" stands before the first INDSTILLER line,
    # and only up to the last such heading, so a long case's title is never taken for one.
    leading = [h for h in short_headings if anchors and h < anchors[0]]
    if leading:
        records.extend(_short_cases(lines, 0, divider, gazetteer, aliases, source, scan_end=leading[-1],
                                    limit=anchors[0]))
        previous_end = records[-1].line_end - 1 if records else None
    for n, anchor in enumerate(anchors):
        limit = anchors[n + 1] if n + 1 < len(anchors) else len(raw)
        record, previous_end = _long_case(lines, anchor, limit, previous_end, gazetteer, aliases, source)
        records.append(record)
    start = (previous_end + 1) if previous_end is not None else 0
    records.extend(_short_cases(lines, start, divider, gazetteer, aliases, source))
    if not records:
        raise InputError("no case in the LÆS STJÆL FORTÆL layout ("
                         + ("a divider, but no case after it)" if divider is not None else
                            "no 'INDSTILLER:' line, and no short case: a title, its organisation in capitals)"),
                         path=path)
    for number, record in enumerate(records, start=1):
        record.number = number
        record.id = f"{source.id}-{number:02d}"
    return records


def default_path() -> Path:
    """Where the shipped 2019 collection lies."""
    from importlib import resources

    return Path(str(resources.files("samspil").joinpath("data", "sources", SOURCE.path)))


def _source_id(path: str | Path) -> str:
    return re.sub(r"[^a-z0-9]+", "-", Path(path).stem.lower()).strip("-") or "source"


def document_aliases(text: str) -> dict[str, str]:
    """Abbreviations a document defines for itself: "Digitaliseringsforening Sjælland (DIGIT)".

    Returns
    -------
    dict
        ``name_key(abbreviation)`` → the full name before it.

    Examples
    --------
    >>> document_aliases("hos Odense Universitetshospital (OUH) og i Center for Offentlig Innovation (COI)")
    {'ouh': 'Odense Universitetshospital', 'coi': 'Center for Offentlig Innovation'}
    """
    found: dict[str, str] = {}
    for m in _matches_before_abbreviations(_DOC_ALIAS, text):
        full, abbreviation = m.group(1).strip(), m.group(2)
        words = full.split()
        # "Center for Offentlig Innovation (COI)": the full name's words start
        # with the abbreviation's letters; take the shortest tail that fits.
        initials = abbreviation.lower()
        for k in range(len(words)):
            tail = words[k:]
            letters = "".join(w[0].lower() for w in tail)
            if letters == initials or (tail[0].lower().startswith(initials[:2]) and len(tail) <= 3):
                full = " ".join(tail)
                break
        else:
            full = " ".join(words[-3:])
        found.setdefault(name_key(abbreviation), full)
    # A lowercase word inside a full name ("for", "og") is part of it; the regex
    # above only takes capitalised words, so widen to "X for Y Z" forms.
    for m in _matches_before_abbreviations(_DOC_ALIAS_WIDE, text):
        full, abbreviation = m.group(1).strip(), m.group(2)
        if "".join(w[0] for w in full.split() if w[0].isupper()).upper() == abbreviation:
            found[name_key(abbreviation)] = full
    return found


def _matches_before_abbreviations(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for the alias patterns, searched only before each "(ABBR)".

    Every match of those patterns ends in a parenthesised abbreviation and holds before it
    only word characters, hyphens and whitespace, so it lies in the stretch of such
    characters that ends at one of them. Scanning a whole document (every capital letter
    of it) with the patterns themselves was the loader's second slowest step.
    """
    end = 0
    for candidate in _PARENTHESISED_ABBREVIATION.finditer(text):
        if candidate.start() < end:
            continue
        start = candidate.start()
        while start > end and _NAME_CHARACTER.match(text, start - 1):
            start -= 1
        m = pattern.search(text, start, candidate.end())
        if m:
            end = m.end()
            yield m


def _contact_end(lines: _Lines, heading: int, limit: int) -> int:
    """Last line of a contact block that starts at ``heading``.

    Contact lines are names with titles, phone numbers, e-mail addresses,
    ``mailto:``/web lines and dashes; the block ends at the first line that is
    none of these and is not followed closely by a phone number or e-mail.
    """
    end = heading
    i = heading + 1
    while i < limit:
        line = lines.raw[i]
        stripped = line.strip()
        if not stripped or is_furniture(line):
            i += 1
            continue
        contactish = bool(find_email(stripped) or find_phone(stripped) or re.match(r"^(https?://|www\.|Se desuden)", stripped))
        if not contactish:
            if line.startswith(" ") and not line.startswith("  "):
                break  # a new page starts with a single space in this conversion
            ahead = [x for x in lines.raw[i + 1 : min(limit, i + 6)] if x.strip() and not is_furniture(x)][:2]
            if not any(find_email(x) or find_phone(x) for x in ahead) and not _is_continuation(stripped):
                break
        end = i
        i += 1
    return end


def _is_continuation(line: str) -> bool:
    """A contact's title wrapped onto a second line ("Sundheds- og Omsorgsforvaltningen, Københavns Kommune")."""
    return bool(re.match(r"^[A-ZÆØÅ][\w -]*(forvaltning|Kommune|Region|afdeling|center|Centret)\b", line)) and len(line) < 100


def _blocks(lines: _Lines, start: int, end: int) -> list[tuple[int, int]]:
    """Runs of non-blank clean lines in ``start``..``end`` (inclusive), as (first, last)."""
    blocks: list[tuple[int, int]] = []
    first = None
    for i in range(start, end + 1):
        if lines.clean[i].strip():
            if first is None:
                first = i
        elif first is not None:
            blocks.append((first, i - 1))
            first = None
    if first is not None:
        blocks.append((first, end))
    return blocks


def _starts_quote_continuation(text: str) -> bool:
    return bool(re.match(r"^\s*([a-zæøå0-9]|[–\-”\"…]\s*[a-zæøå])", text))


def _title_and_quote(lines: _Lines, start: int, end: int) -> tuple[int, str, str | None, str, int]:
    """Find the title block and the pull-quote before an INDSTILLER line.

    Returns (first line of title block, title, subtitle, quote text, first line of quote).
    """
    blocks = _blocks(lines, start, end)
    if not blocks:
        raise InputError("a case with no title before its INDSTILLER line", path=lines.path, line=end + 2)
    q = len(blocks) - 1
    while q > 0 and (_starts_quote_continuation(lines.clean[blocks[q][0]])
                     or _JOIN_AFTER.search(lines.clean[blocks[q - 1][1]].strip())
                     or _ends_sentence(lines, blocks[q - 1])):
        q -= 1
    quote_start = blocks[q][0]
    quote = lines.text(quote_start, end)
    t = q - 1
    if t < 0:
        return quote_start, quote, None, "", quote_start
    first, last = blocks[t]
    title_lines = [lines.clean[i].strip() for i in range(first, last + 1)]
    if title_lines[0][:1].islower() and t > 0:
        # The PDF put a blank line inside the title ("... Herning" / "som Danmarks Smart City").
        first = blocks[t - 1][1]
        title_lines.insert(0, lines.clean[first].strip())
        t -= 1
    title_lines[0] = _strip_leaked_prose(title_lines[0])
    title, subtitle = _join_title(title_lines, lines.vocabulary)
    if t > 0:
        before = blocks[t - 1]
        single = lines.clean[before[0]].strip()
        if before[0] == before[1] and single.isupper() and len(single.split()) <= 3 and len(single) > 3:
            title, subtitle = single.capitalize(), " ".join(filter(None, (title, subtitle)))
            first = before[0]
    return first, title, subtitle, quote, quote_start


def _ends_sentence(lines: _Lines, block: tuple[int, int]) -> bool:
    """A block that ends a sentence is prose of the pull-quote, not a title."""
    return bool(re.search(r"[.!?”\"]\s*$", lines.clean[block[1]].strip()))


def _strip_leaked_prose(line: str) -> str:
    """A title line the PDF merged with the prose before it keeps only its capitalised tail.

    ("... hvordan deres sortering er i forhold Herning" → "Herning").
    """
    tokens = line.split()
    if len(tokens) <= 8:
        return line
    for k in range(len(tokens) - 1, 0, -1):
        if tokens[k][0].isupper() and tokens[k - 1][0].islower():
            return " ".join(tokens[k:])
    return line


_JOIN_AFTER = re.compile(r"(,|\b(og|for|til|i|af|med|på|om|fra|der|som|at|en|et|de|den|det))\s*$", re.IGNORECASE)


def _join_title(parts: Sequence[str], vocabulary: Vocabulary) -> tuple[str, str | None]:
    """Join title lines; a line starting with a capital or a dash after a complete line starts a subtitle."""
    title: list[str] = [parts[0]]
    subtitle: list[str] = []
    for part in parts[1:]:
        target = subtitle if subtitle else title
        proper_name = len(target) == 1 and len(target[-1].split()) == 1 and len(part.split()) <= 2
        if not subtitle and (re.match(r"^[-–]\s*", part)
                             or (part[:1].isupper() and not _JOIN_AFTER.search(target[-1]) and not proper_name)):
            subtitle.append(re.sub(r"^[-–]\s*", "", part))
        else:
            target.append(part)
    text = join_lines(title, vocabulary)
    return text, (join_lines(subtitle, vocabulary) if subtitle else None)


def _field(lines: _Lines, start: int, pattern: re.Pattern[str], stop: Sequence[re.Pattern[str]], limit: int) -> tuple[str, int]:
    """A labelled field (INDSTILLER: ...) and its continuation lines; returns (text, last line)."""
    m = pattern.match(lines.raw[start])
    parts = [m.group(1) if m else ""]
    i = start + 1
    while i < limit and lines.raw[i].strip() and not any(p.match(lines.raw[i]) for p in stop):
        parts.append(lines.raw[i].strip())
        i += 1
    return join_lines(parts, lines.vocabulary), i - 1


def _years(text: str) -> tuple[int | None, int | None]:
    found = [int(y) for y in re.findall(r"\b(19\d\d|20\d\d)\b", text)]
    if not found:
        return None, None
    return found[0], (found[-1] if len(found) > 1 and found[-1] != found[0] else None)


def _sections(lines: _Lines, start: int, end: int, spec: Sequence[tuple[str, str, str]]) -> dict[str, Section]:
    """Named sections between ``start`` and ``end`` (inclusive), each up to the next heading."""
    found: list[tuple[int, str, str]] = []
    patterns = [(key, heading, re.compile(rx)) for key, heading, rx in spec]
    any_heading = re.compile("|".join(f"(?:{rx})" for _, _, rx in spec))
    for i in range(start, end + 1):
        if not any_heading.match(lines.raw[i]):
            continue  # most lines are no heading: one test instead of one per heading
        for key, heading, rx in patterns:
            if rx.match(lines.raw[i]) and all(k != key for _, k, _ in found):
                found.append((i, key, heading))
                break
    found.sort()
    sections: dict[str, Section] = {}
    for n, (line, key, heading) in enumerate(found):
        stop = found[n + 1][0] - 1 if n + 1 < len(found) else end
        text = lines.text(line + 1, stop)
        if text:
            sections[key] = Section(key, heading, text, line + 2, stop + 1)
    return sections


def _contacts(lines: _Lines, start: int, end: int) -> list[Contact]:
    """Contact persons: a "Name, title, organisation" line followed by phone and/or e-mail."""
    contacts: list[Contact] = []
    pending: list[tuple[int, str]] = []
    for i in range(start, end + 1):
        line = lines.raw[i].strip()
        if not line or is_furniture(lines.raw[i]) or line.startswith(("mailto:", "http")):
            continue
        email, phone = find_email(line), find_phone(line)
        rest = line
        for found in (email, ):
            if found:
                rest = rest.replace(found, " ")
        rest = re.sub(r"(\+45\s?)?\d{2}[ \t]{0,2}\d{2}[ \t]{0,2}\d{2}[ \t]{0,2}\d{2}", " ", rest)
        rest = re.sub(r"\s+", " ", rest.replace("tlf.", " ")).strip(" -/,:")
        if rest and re.search(r"[A-Za-zÆØÅæøå]{2}", rest) and not rest.lower().startswith("att"):
            pending.append((i, rest))
        if email or phone:
            if pending:
                first_line = pending[0][0]
                text = join_lines([p for _, p in pending], lines.vocabulary)
                pending = []
                name, _, rest_text = text.partition(",")
                pieces = [p.strip() for p in rest_text.split(",") if p.strip()]
                contacts.append(Contact(name=name.strip(), title=pieces[0] if pieces else None,
                                        organisation=", ".join(pieces[1:]) or None, phone=phone, email=email,
                                        line=first_line + 1))
            elif contacts and (email or phone):
                last = contacts[-1]
                last.email = last.email or email
                last.phone = last.phone or phone
    return contacts


def _set_nominators(record: CaseRecord, text: str, gazetteer: Gazetteer, aliases: dict[str, str]) -> CaseRecord:
    for org in split_organisations(text, gazetteer, document_aliases=aliases):
        record.nominators.append(org.name)
        record.nominator_kinds[org.name] = org.kind
        if org.part_of:
            record.nominator_parents[org.name] = org.part_of
    return record


def _long_case(lines: _Lines, anchor: int, limit: int, previous_end: int | None, gazetteer: Gazetteer,
               aliases: dict[str, str], source: SourceInfo) -> tuple[CaseRecord, int]:
    # A field ends at a blank line, the next field or a section heading (a hand-made text may have no blank line).
    stops = (_TARGET, _YEAR, *_HEADINGS)
    nominator_text, last = _field(lines, anchor, _NOMINATOR, stops, limit)
    target = year_text = ""
    i = last + 1
    if i < limit and _TARGET.match(lines.raw[i]):
        target, last = _field(lines, i, _TARGET, (_YEAR, *_HEADINGS), limit)
        i = last + 1
    if i < limit and _YEAR.match(lines.raw[i]):
        year_text, last = _field(lines, i, _YEAR, _HEADINGS, limit)
    contact_heading = next((j for j in range(last, limit) if _CONTACT_HEADING.match(lines.raw[j])), None)
    if contact_heading is None:
        raise InputError("case is cut off: no 'Hvis du vil genbruge løsningen, så kontakt:' before the next case",
                         path=lines.path, line=anchor + 1)
    end = _contact_end(lines, contact_heading, limit)
    region_start = previous_end + 1 if previous_end is not None else 0
    title_first, title, subtitle, quote, quote_start = _title_and_quote(lines, region_start, anchor - 1)
    sections: dict[str, Section] = {}
    attachment = _blocks(lines, region_start, title_first - 1) if previous_end is not None else []
    if attachment:
        a_start, a_end = attachment[0][0], attachment[-1][1]
        sections["attachment"] = Section("attachment", "Vedlagt materiale", lines.text(a_start, a_end),
                                         a_start + 1, a_end + 1)
    if quote:
        sections["quote"] = Section("quote", "Citat", quote, quote_start + 1, anchor)
    body = _sections(lines, last + 1, end, LONG_SECTIONS)
    first_heading = min((s.line_start - 2 for s in body.values()), default=end)
    summary = lines.text(last + 1, first_heading - 1)
    sections["summary"] = Section("summary", "Resumé", summary, last + 2, first_heading)
    sections.update(body)
    year, year_end = _years(year_text)
    start_line = (attachment[0][0] if attachment else title_first) + 1
    record = CaseRecord(
        id="", number=None, title=title, subtitle=subtitle, source=source, prize="nyt-sammen-bedre", layout="long",
        year=year, year_end=year_end, target_group=target or None, nominator_text=nominator_text,
        sections=sections, contacts=_contacts(lines, contact_heading + 1, end), line_start=start_line,
        line_end=end + 1, summary=summary,
    )
    return _set_nominators(record, nominator_text, gazetteer, aliases), end


def _short_cases(lines: _Lines, start: int, divider: int | None, gazetteer: Gazetteer, aliases: dict[str, str],
                 source: SourceInfo, *, scan_end: int | None = None, limit: int | None = None) -> list[CaseRecord]:
    """Short cases from line ``start`` on: each a title, its organisation in capitals (the
    anchor), the text and "Hvem kan du kontakte?".

    Anchors are looked for before ``scan_end``, and the last case ends before ``limit``
    (both the end of the text when None).
    """
    limit = len(lines.raw) if limit is None else limit
    scan_end = limit if scan_end is None else scan_end
    anchors = []
    for i in range(max(start, 1), scan_end):
        prev = lines.clean[i - 1].strip()
        if (_CAPS_LINE.match(lines.clean[i]) and prev and not prev.isupper()
                and not _HVERDAG_DIVIDER.match(lines.raw[i])):
            anchors.append(i)
    records = []
    for n, anchor in enumerate(anchors):
        first = anchor - 1
        while first - 1 >= start and lines.clean[first - 1].strip():
            first -= 1
        stop = anchors[n + 1] if n + 1 < len(anchors) else limit
        heading = next((j for j in range(anchor, stop) if _SHORT_CONTACT_HEADING.match(lines.raw[j])), None)
        if heading is None:
            raise InputError("short case is cut off: no 'Hvem kan du kontakte?'", path=lines.path, line=anchor + 1)
        end = _contact_end(lines, heading, stop)
        title, subtitle = _join_title([lines.clean[j].strip() for j in range(first, anchor)], lines.vocabulary)
        organisation = lines.raw[anchor].strip()
        body = _sections(lines, anchor + 1, end, SHORT_SECTIONS)
        first_heading = min((s.line_start - 2 for s in body.values()), default=end)
        summary = lines.text(anchor + 1, first_heading - 1)
        sections = {"summary": Section("summary", "Resumé", summary, anchor + 2, first_heading)}
        sections.update(body)
        prize = "hverdagsinnovation" if divider is not None and anchor > divider else "nyt-sammen-bedre"
        record = CaseRecord(
            id="", number=None, title=title, subtitle=subtitle, source=source, prize=prize, layout="short",
            nominator_text=organisation, sections=sections, contacts=_contacts(lines, heading + 1, end),
            line_start=first + 1, line_end=end + 1, summary=summary,
        )
        records.append(_set_nominators(record, _uncapitalise(organisation, gazetteer), gazetteer, aliases))
    return records


def _uncapitalise(name: str, gazetteer: Gazetteer) -> str:
    """"ODENSE UNIVERSITETSHOSPITAL" → the gazetteer's spelling, else title case."""
    known = gazetteer.lookup(name)
    if known is not None:
        return known.name
    return " ".join(w.capitalize() for w in name.split())
