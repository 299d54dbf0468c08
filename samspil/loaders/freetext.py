"""Free text: one case description that is in no known layout (a web page's text, a form).

The title is the first non-empty line; the rest is the body, kept as one
section per paragraph block so the recogniser sees headings such as
"Samarbejdspartnere:" or "Finansiering:" next to their text.
"""

from __future__ import annotations

import re
from pathlib import Path

from samspil.core.errors import InputError
from samspil.core.identity import slugify
from samspil.core.records import CaseRecord, Contact, Section, SourceInfo
from samspil.core.text import Vocabulary, find_email, find_phone, join_lines, read_source

#: Titles longer than this are not titles but the first paragraph of a text with none.
MAX_TITLE = 200

_START_VERBS = (r"(?:startede|starte|start|begyndte|åbnede|etablerede|lancerede|stiftet|stiftede|indførte|søsatte|"
                r"gik\s+(?:\w+\s+){0,2}sammen|sammen\s+om\s+at|pilotfasen|pilotprojektet|projektperioden|kom\s+i\s+gang|"
                r"blev\s+(?:sat\s+i\s+gang|igangsat))")
_STARTED = re.compile(rf"\b{_START_VERBS}\b[^.]{{0,60}}?\b((?:19|20)\d\d)\b|\b((?:19|20)\d\d)\b[^.]{{0,40}}?\b{_START_VERBS}\b",
                      re.IGNORECASE)
_SINCE = re.compile(r"(?:^|[.!?]\s+)Siden\s+(?:\w+\s+)?((?:19|20)\d\d)\b", re.MULTILINE)


def _is_heading(line: str) -> bool:
    """A short capitalised line with no closing punctuation: a heading of a web page or a form.

    A heading ending in a colon ("Samarbejdspartnere:") introduces the list under it and
    stays with it.

    Examples
    --------
    >>> _is_heading("Baggrund"), _is_heading("Samarbejdspartnere:"), _is_heading("Det virker.")
    (True, False, False)
    """
    stripped = line.strip()
    return (bool(stripped) and stripped[0].isupper() and len(stripped.split()) <= 5
            and not stripped.endswith((".", ",", ";", ":", "!", "?", "–", "-")))


def parse(text: str, *, path: str = "<text>", case_id: str | None = None) -> CaseRecord:
    """Read a free-text case description into a case record.

    Parameters
    ----------
    text : str
        The description; its first non-empty line is the title.
    path : str
        Where it came from, for messages and provenance.
    case_id : str, optional
        Id of the case; ``free-<slug of title>`` when omitted.

    Returns
    -------
    CaseRecord
        With sections ``summary`` (the first paragraph) and ``body`` (all of it);
        the year is the first year the text says the solution started in.

    Raises
    ------
    InputError
        No title, or no text after it.

    Examples
    --------
    >>> r = parse("Spisevenner i Vejen\\n\\nVejen Kommune startede i 2019 spisegrupper sammen med Ældre Sagen.")
    >>> r.title, r.year, r.id
    ('Spisevenner i Vejen', 2019, 'free-spisevenner-i-vejen')
    """
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise InputError("no text", path=path)
    title = re.sub(r"\s+", " ", lines[first]).strip()
    if len(title) > MAX_TITLE:
        raise InputError(f"the first line is {len(title)} characters; put the case's title on a line of its own",
                         path=path, line=first + 1)
    body_lines = lines[first + 1:]
    if not any(x.strip() for x in body_lines):
        raise InputError("a title but no description after it", path=path, line=first + 1)
    vocabulary = Vocabulary.from_lines(lines)
    sections: dict[str, Section] = {}
    paragraphs: list[tuple[int, int]] = []
    start = None
    for i in range(first + 1, len(lines)):
        if lines[i].strip() and start is None:
            start = i
        elif not lines[i].strip() and start is not None:
            paragraphs.append((start, i - 1))
            start = None
        elif start is not None and _is_heading(lines[i - 1]) and i - 1 >= start:
            # "Baggrund" on its own line opens a new part; it is no word of the sentence after it.
            if i - 1 > start:
                paragraphs.append((start, i - 2))
            paragraphs.append((i - 1, i - 1))
            start = i
    if start is not None:
        paragraphs.append((start, len(lines) - 1))
    for n, (a, b) in enumerate(paragraphs, start=1):
        sections[f"p{n}"] = Section(f"p{n}", "", join_lines(lines[a:b + 1], vocabulary), a + 1, b + 1)
    summary = sections["p1"].text if "p1" in sections else ""
    # The start year is told early, with a verb of starting, not in a later paragraph about
    # someone else's work ("..., der har arbejdet med det siden 2015").
    early = "\n\n".join([title] + [s.text for s in list(sections.values())[:3]])
    started = _STARTED.search(early) or _SINCE.search(early)
    contacts = [Contact(name=line.strip(), email=find_email(line), phone=find_phone(line), line=i + 1)
                for i, line in enumerate(lines) if find_email(line)]
    source = SourceInfo(id=f"free-{slugify(Path(path).stem) or 'text'}", title=title, path=Path(path).name)
    return CaseRecord(id=case_id or f"free-{slugify(title)[:60]}", number=None, title=title, source=source,
                      layout="free", year=int(next(g for g in started.groups() if g)) if started else None,
                      sections=sections,
                      summary=summary, contacts=contacts, line_start=first + 1, line_end=len(lines))


def load(path: str | Path, *, case_id: str | None = None) -> CaseRecord:
    """Read a free-text case description from a file (see :func:`parse`)."""
    return parse(read_source(path), path=str(path), case_id=case_id)
