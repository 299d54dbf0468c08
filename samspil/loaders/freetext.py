"""Free text: one case description that is in no known layout (a web page's text, a form).

The title is the first non-empty line; the rest is the body, kept as one
section per paragraph block so the recogniser sees headings such as
"Samarbejdspartnere:" or "Finansiering:" next to their text.

Any text is read: HTML pasted from a page is turned into its text first, the lines a web
page puts around its content (breadcrumbs, "Del på Facebook", "Læs mere »") are no title,
and a text whose first line is a long sentence gets that sentence as its title. What was
guessed is said in a :class:`~samspil.core.errors.SamspilWarning`.
"""

from __future__ import annotations

import html
import re
import warnings
from html.parser import HTMLParser
from pathlib import Path

from samspil.core.errors import InputError, SamspilWarning
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
#: Markup that makes a paste HTML rather than text with a "<" in it.
_HTML = re.compile(r"<(?:p|div|br|li|ul|h[1-6]|span|a|section|article|strong|em)\b[^>]*>", re.IGNORECASE)
#: Lines a web page puts around its content: never a title ("Forside > Nyheder", "Del på
#: Facebook", "Læs mere »", "Publiceret 3. maj 2024", "Cookies").
_PAGE_CHROME = re.compile(
    r"^(?:.{0,80}\s[>›»/|]\s.{0,80}|(?:del|dele|share)\b.{0,40}|læs\s+(?:mere|også)\b.{0,40}|"
    r"(?:publiceret|opdateret|offentliggjort|skrevet\s+af|sidst\s+opdateret)\b.{0,60}|"
    r"(?:forside|menu|søg|cookies?|print|tilbage|nyheder|hovedmenu|gå\s+til\s+indhold)\s*[»>]?)$",
    re.IGNORECASE)
#: The end of a text's first sentence: a full stop (or ! ?) and a space before a capital.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ0-9\"”])")
_BLOCK_TAGS = frozenset({"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section",
                         "article", "header", "footer", "tr", "table", "blockquote"})


class _TextOfHtml(HTMLParser):
    """The text of an HTML paste: block elements become line breaks, scripts and styles go."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs) -> None:  # type: ignore[no-untyped-def]
        if tag in ("script", "style", "nav"):
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n" if tag in ("br", "li") else "\n\n")
        if tag == "li":
            self.parts.append("• ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "nav"):
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def text_of_html(text: str) -> str:
    """The readable text of a pasted HTML page (or the text as it is, when it holds no markup).

    Examples
    --------
    >>> print(text_of_html("<h1>Spisevenner</h1><p>Vejen Kommune &amp; <b>Ældre Sagen</b>.</p><ul><li>Vejen</li></ul>"), end="")
    Spisevenner
    <BLANKLINE>
    Vejen Kommune & Ældre Sagen.
    <BLANKLINE>
    • Vejen
    """
    if not _HTML.search(text):
        return text
    parser = _TextOfHtml()
    parser.feed(text)
    parser.close()
    joined = html.unescape("".join(parser.parts)).replace("\xa0", " ")
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in joined.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def _title_of(line: str) -> str:
    """A title for a text that has none: the first sentence of its first line, cut at a word
    boundary if that is still too long for a title."""
    sentence = _SENTENCE_END.split(line, maxsplit=1)[0]
    if len(sentence) <= MAX_TITLE:
        return sentence
    return sentence[:MAX_TITLE].rsplit(" ", 1)[0] + " …"


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
        The description (plain text, or an HTML paste); its first non-empty line that is no page
        furniture is the title — or, when that line is a long sentence, its first sentence.
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
    plain = text_of_html(text)
    if plain is not text:
        warnings.warn(f"{path}: read as HTML: the markup was taken out", SamspilWarning, stacklevel=2)
    # A page's own furniture (breadcrumbs, share buttons) is no part of the case.
    lines = ["" if _PAGE_CHROME.match(line.strip()) else line for line in plain.split("\n")]
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise InputError("no text", path=path)
    title = re.sub(r"\s+", " ", lines[first]).strip()
    title_is_text = len(title) > MAX_TITLE
    if title_is_text:
        # No title line: the first sentence names the case, and the whole line stays text.
        title = _title_of(title)
        warnings.warn(f"{path}:{first + 1}: no title line; took the first sentence as the title: {title!r}",
                      SamspilWarning, stacklevel=2)
    body_from = first if title_is_text else first + 1
    body_lines = lines[body_from:]
    if not any(x.strip() for x in body_lines):
        raise InputError("a title but no description after it", path=path, line=first + 1)
    vocabulary = Vocabulary.from_lines(lines)
    sections: dict[str, Section] = {}
    paragraphs: list[tuple[int, int]] = []
    start = None
    for i in range(body_from, len(lines)):
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
