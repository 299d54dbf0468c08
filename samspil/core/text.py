"""Reading source texts safely, and repairing what a PDF-to-text conversion broke.

The LÆS STJÆL FORTÆL text is a PDF turned into text: words are broken across
lines with no hyphen ("Innovation Silke" / "borg"), sometimes with a blank line
between the halves, ligatures are lost ("�ytte" for "flytte") and page
furniture (lone dashes, ``mailto:`` lines, page numbers, "Denne side er med
vilje efterladt uden indhold.") is mixed into the prose.  The repair here uses
only the document's own vocabulary: two fragments are joined when the joined
word occurs whole elsewhere in the same document.
"""

from __future__ import annotations

import codecs
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from samspil.core.errors import InputError

#: Largest source file read whole; a larger one is refused with a clear error
#: rather than exhausting memory.
MAX_SOURCE_BYTES = 64 * 1024 * 1024

_WORD = re.compile(r"[A-Za-zÆØÅæøåÄÖÜäöüéÉ0-9]+")
_FURNITURE = (
    re.compile(r"^\s*Denne side er med vilje efterladt uden indhold\.?\s*$"),
    # lone dashes, bullets, blank; written so that no two quantifiers can share the spaces of a
    # line (a long indented line made the old form backtrack for seconds)
    re.compile(r"^(?:\s*•)?[\s\-–]*$"),
    re.compile(r"^\s*mailto:\S+\s*$"),
    re.compile(r"^\s*\d{1,3}\s*$"),  # page numbers
)
#: The same patterns as one alternation: a line matches it exactly when it matches one of them.
_ANY_FURNITURE = re.compile("|".join(f"(?:{p.pattern})" for p in _FURNITURE))


def decode_source(data: bytes, path: str | Path) -> str:
    """Decode the bytes of a text source, refusing what is not text.

    UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order mark
    are read; anything else is refused with the line of the first bad byte.

    Parameters
    ----------
    data : bytes
        The file's content.
    path : str or Path
        The file's name, for error messages.

    Returns
    -------
    str
        The text, with Windows and old Mac line endings turned into ``\\n``.

    Raises
    ------
    InputError
        Empty, binary (NUL bytes), not UTF-8/UTF-16 text, or holding a control character
        (see :func:`find_control`); form feeds and vertical tabs are read as spaces.

    Examples
    --------
    >>> decode_source("Kolding Kommune\\r\\n".encode(), "a.txt")
    'Kolding Kommune\\n'
    >>> decode_source(b"caf\\xe9", "a.txt")
    Traceback (most recent call last):
    ...
    samspil.core.errors.InputError: a.txt:1: not UTF-8 text (byte 0xe9 at column 4; Latin-1? convert it with: iconv -f latin1 -t utf-8)
    """
    if not data.strip():
        raise InputError("the file is empty", path=path)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"not valid UTF-16 text ({exc.reason})", path=path) from None
    else:
        if b"\x00" in data:
            line = data[: data.index(b"\x00")].count(b"\n") + 1
            raise InputError("binary data (NUL byte), not a text file", path=path, line=line)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            before = data[: exc.start]
            line = before.count(b"\n") + 1
            column = exc.start - (before.rfind(b"\n") + 1) + 1
            raise InputError(
                f"not UTF-8 text (byte 0x{data[exc.start]:02x} at column {column}; "
                "Latin-1? convert it with: iconv -f latin1 -t utf-8)",
                path=path,
                line=line,
            ) from None
    if "\x00" in text:
        raise InputError("binary data (NUL character), not a text file", path=path)
    if not text.strip():  # a byte-order mark and blanks, nothing else
        raise InputError("the file is empty", path=path)
    # A form feed or vertical tab is a page break of a PDF-to-text conversion: a space.
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", " ").replace("\v", " ")
    bad = find_control(text)
    if bad is not None:
        line = text.count("\n", 0, bad) + 1
        column = bad - (text.rfind("\n", 0, bad) + 1) + 1
        raise InputError(f"{describe_character(text[bad])} at column {column}; remove it "
                         "(GraphML and GEXF cannot hold one)", path=path, line=line)
    return text


#: Characters no output may carry: C0 controls other than tab and line breaks (XML 1.0
#: cannot hold them, not even escaped), lone surrogates (UTF-8 cannot encode them) and
#: the non-characters U+FFFE/U+FFFF.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def find_control(text: str) -> int | None:
    """Where the first character that no output can carry stands in ``text``, if any.

    Those are the C0 control characters other than tab, line feed and carriage return,
    lone surrogates and U+FFFE/U+FFFF. Loaders refuse text holding one, naming where.

    Examples
    --------
    >>> find_control("Kolding\\tKommune") is None
    True
    >>> find_control("Kolding\\x07Kommune")
    7
    """
    m = _CONTROL.search(text)
    return m.start() if m else None


def describe_character(char: str) -> str:
    """What a character :func:`find_control` found is, for a message.

    Examples
    --------
    >>> describe_character("\\x1b"), describe_character("\\ud800")
    ('a control character (U+001B)', 'a lone surrogate (U+D800)')
    """
    code = ord(char)
    what = "a lone surrogate" if 0xD800 <= code <= 0xDFFF else \
        "a non-character" if code in (0xFFFE, 0xFFFF) else "a control character"
    return f"{what} (U+{code:04X})"


def read_source(path: str | Path) -> str:
    """Read a text source from disk with :func:`decode_source`'s checks.

    Parameters
    ----------
    path : str or Path

    Returns
    -------
    str

    Raises
    ------
    InputError
        Missing, unreadable, too large, empty, binary or wrongly encoded.

    Examples
    --------
    >>> read_source("/no/such/file.txt")
    Traceback (most recent call last):
    ...
    samspil.core.errors.InputError: /no/such/file.txt: no such file
    """
    p = Path(path)
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        raise InputError("no such file", path=path) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path=path) from None
    if p.is_dir():
        raise InputError("is a directory, not a text file", path=path)
    if size > MAX_SOURCE_BYTES:
        raise InputError(
            f"{size / 1e6:.0f} MB is larger than the {MAX_SOURCE_BYTES // 2**20} MiB a source may be; split it",
            path=path,
        )
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path=path) from None
    return decode_source(data, path)


def is_furniture(line: str) -> bool:
    """Whether a line is page furniture rather than content.

    Examples
    --------
    >>> is_furniture("  - ")
    True
    >>> is_furniture("mailto:etv1@furesoe.dk")
    True
    >>> is_furniture("Denne side er med vilje efterladt uden indhold.")
    True
    >>> is_furniture("Til løsning")
    False
    """
    return _ANY_FURNITURE.match(line) is not None


def words(text: str) -> list[str]:
    """The word tokens of a text (letters and digits, Danish letters included).

    Examples
    --------
    >>> words("Innovation Silkeborg og TimeStory VR.")
    ['Innovation', 'Silkeborg', 'og', 'TimeStory', 'VR']
    """
    return _WORD.findall(text)


class Vocabulary:
    """The words a document uses whole: the ground truth for repairing broken words.

    Only words that stand inside a line count (not the first or last word of a
    line), since a word at a line's edge may itself be a broken fragment.

    Examples
    --------
    >>> v = Vocabulary.from_lines(["I Silkeborg Kommune har de", "OPI med Innovation Silke", "borg og TimeStory"])
    >>> "silkeborg" in v
    True
    >>> "borg" in v
    False
    """

    def __init__(self, counts: Counter[str]) -> None:
        self._counts = counts

    @classmethod
    def from_lines(cls, lines: Iterable[str], extra: Iterable[str] = ()) -> Vocabulary:
        # One Counter over all inner tokens at once (counting line by line costs a Python
        # generator per line); tokens hold no newline, so lowering them joined is lowering each.
        inner: list[str] = []
        for line in lines:
            inner += _WORD.findall(line)[1:-1]
        inner += (w for name in extra for w in words(name))
        return cls(Counter("\n".join(inner).lower().split("\n") if inner else ()))

    def __contains__(self, word: str) -> bool:
        return self._counts.get(word.lower(), 0) > 0

    def count(self, word: str) -> int:
        """How often ``word`` stands whole inside a line of the document."""
        return self._counts.get(word.lower(), 0)


_LIGATURE_CANDIDATES = ("fl", "fi", "ff", "ffi", "ffl")
_BROKEN_LIGATURE = re.compile(r"[A-Za-zÆØÅæøå]*\ufffd[A-Za-zÆØÅæøå]*")


def repair_ligatures(text: str, vocabulary: Vocabulary) -> str:
    """Put back ligatures a PDF conversion turned into U+FFFD ("�ytte" → "flytte").

    The candidate (fl, fi, ff, ffi, ffl) whose word the document uses elsewhere
    wins; with no such word the text is left as it is.

    Examples
    --------
    >>> v = Vocabulary.from_lines(["de vil flytte hjemmefra nu", "de fleste af dem"])
    >>> repair_ligatures("så han kan \ufffdytte og de \ufffdeste", v)
    'så han kan flytte og de fleste'
    """

    if "\ufffd" not in text:
        return text  # nothing to repair (and the pattern below is slow to find nothing)

    def fix(match: re.Match[str]) -> str:
        broken = match.group(0)
        for candidate in _LIGATURE_CANDIDATES:
            word = broken.replace("\ufffd", candidate)
            if word in vocabulary:
                return word
        return broken

    return _BROKEN_LIGATURE.sub(fix, text)


_TRAILING_FRAGMENT = re.compile(r"([A-Za-zÆØÅæøå]+)(-?)\s*$")
_FRAGMENT_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzÆØÅæøå")


def _trailing_fragment(text: str, offset: int) -> tuple[int, int, bool] | None:
    """Where ``_TRAILING_FRAGMENT.search(text, offset)`` matches, found from the end of the text.

    Returns ``(start, end, hyphen)``: the fragment is ``text[start:end]``, followed by a
    hyphen or not, then only whitespace. The regular expression finds the same span but
    tries every start position of the window, which made it the loader's slowest step.

    Examples
    --------
    >>> _trailing_fragment("med Innovation Silke", 0)
    (15, 20, False)
    >>> _trailing_fragment("Sundheds- ", 0)
    (0, 8, True)
    >>> _trailing_fragment("i 2019.", 0) is None
    True
    """
    end = len(text)
    while end > offset and text[end - 1].isspace():
        end -= 1
    hyphen = end > offset and text[end - 1] == "-"
    if hyphen:
        end -= 1
    start = end
    while start > offset and text[start - 1] in _FRAGMENT_LETTERS:
        start -= 1
    return (start, end, hyphen) if start < end else None


_LEADING_FRAGMENT = re.compile(r"^\s*([a-zæøå][A-Za-zÆØÅæøå]*)")


def _should_join(left: str, right: str, hyphen: bool, vocabulary: Vocabulary) -> bool:
    joined = left + right
    if joined.lower() not in vocabulary:
        # A compound the document never writes whole ("arbejdsmarkedsområ" /
        # "det"): join when the left part is no word and the joint ends in one.
        return (not hyphen and left not in vocabulary and len(left) >= 3
                and any(joined[-(len(right) + k):] in vocabulary for k in range(2, len(left))))
    if hyphen:
        # "Sundheds- og Omsorgsforvaltningen" keeps its hyphen: only join when
        # the joined word is what the document writes whole.
        return True
    # A word that is common standing alone and whose neighbour is too is more
    # likely a normal line wrap; a compound the document uses wins otherwise.
    return not (vocabulary.count(left) > vocabulary.count(joined) and vocabulary.count(right) > vocabulary.count(joined))


def join_lines(lines: Sequence[str], vocabulary: Vocabulary) -> str:
    """Join the lines of one passage into running text, repairing broken words.

    Blank lines inside the passage are treated as soft breaks (the PDF puts them
    in the middle of sentences); a word broken across lines — with or without a
    hyphen, with or without a blank line between the halves — is joined when the
    document uses the joined word elsewhere.

    Parameters
    ----------
    lines : sequence of str
        The lines, furniture already removed.
    vocabulary : Vocabulary
        The document's vocabulary.

    Returns
    -------
    str
        One line of text with single spaces.

    Examples
    --------
    >>> v = Vocabulary.from_lines(["I Silkeborg Kommune har de", "et af de nye innovationspriserne i år"])
    >>> join_lines(["samarbejde med Innovation Silke", "borg og TimeStory VR."], v)
    'samarbejde med Innovation Silkeborg og TimeStory VR.'
    >>> join_lines(["Med innova", "", "tionspriserne ønsker vi"], v)
    'Med innovationspriserne ønsker vi'
    >>> join_lines(["Sundheds- og", "Omsorgsforvaltningen"], v)
    'Sundheds- og Omsorgsforvaltningen'
    """
    # ``out`` is the working end of the text (at least its last 80 characters, where a
    # fragment can stand); older text moves to ``done`` and is not copied again, so
    # joining a long passage (a whole document) stays linear.
    done: list[str] = []
    out = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if not out:
            out = line
            continue
        head = _LEADING_FRAGMENT.match(line)  # the cheaper test first: most lines start with no fragment
        tail = _trailing_fragment(out, max(0, len(out) - 80)) if head else None
        if tail and head and _should_join(out[tail[0]:tail[1]], head.group(1), tail[2], vocabulary):
            out = out[: tail[1]] + head.group(1) + line[head.end():]
        else:
            out = f"{out} {line}"
        if len(out) > 480:
            done.append(out[:-160])
            out = out[-160:]
    done.append(out)
    # str.split() splits at exactly the characters the regular expression \s matches, so this is
    # re.sub(r"\s+", " ", text).strip(), several times faster.
    return " ".join(repair_ligatures("".join(done), vocabulary).split())


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
#: Eight digits in pairs or fours; the PDF conversion sometimes doubles a space ("96 28  80 75").
_PHONE = re.compile(r"(?<!\d)(\+45\s?)?(\d{2}[ \t]{0,2}\d{2}[ \t]{0,2}\d{2}[ \t]{0,2}\d{2})(?!\d)")


def find_email(text: str) -> str | None:
    """The first e-mail address in a text, if any.

    Examples
    --------
    >>> find_email("72 16 44 85     etv1@furesoe.dk")
    'etv1@furesoe.dk'
    """
    m = _EMAIL.search(text)
    return m.group(0) if m else None


def find_phone(text: str) -> str | None:
    """The first Danish eight-digit phone number in a text, normalised to ``dd dd dd dd``.

    Examples
    --------
    >>> find_phone("72 16 44 85     etv1@furesoe.dk")
    '72 16 44 85'
    >>> find_phone("4019 8078  psyk.bu.sdb.odense@rsyd.dk")
    '40 19 80 78'
    >>> find_phone("96 28  80 75 gafbk@herning.dk")
    '96 28 80 75'
    >>> find_phone("ÅRSTAL: 2015 - 2018") is None
    True
    """
    m = _PHONE.search(text)
    if not m:
        return None
    digits = re.sub(r"\D", "", m.group(2))
    return " ".join(digits[i : i + 2] for i in range(0, 8, 2))


_PHONE_ANYWHERE = re.compile(r"(?<!\d)(?<!\d[.,])(?:\+45\s?)?\d{2}[ \t]?\d{2}[ \t]?\d{2}[ \t]?\d{2}(?!\d|[.,]\d)"
                             r"|(?<!\d)\d{4}[ \t]\d{4}(?!\d)")


#: Characters a terminal acts on instead of showing: C0 controls (but tab), DEL, C1 controls
#: (U+009B starts an escape sequence on some terminals, U+0085 is a line break) and the
#: bidirectional overrides, embeddings, isolates and marks that reorder what follows them.
_ACTIVE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _visible(match: re.Match[str]) -> str:
    char = match.group(0)
    if char == "\n":
        return "⏎"
    if char < "\x20":
        return chr(0x2400 + ord(char))  # the Control Pictures: ␀ … ␟
    return "␡" if char == "\x7f" else f"<U+{ord(char):04X}>"


def printable(text: str) -> str:
    r"""``text`` safe to print on a terminal: controls, DEL, C1 controls and bidi overrides
    shown as visible marks instead of acted on, a line break as ``⏎`` (a table row stays one row).

    Examples
    --------
    >>> printable("Kolding\nKommune\x1b[31m \u202eevil \x9b")
    'Kolding⏎Kommune␛[31m <U+202E>evil <U+009B>'
    >>> printable("Ærø Kommune")
    'Ærø Kommune'
    """
    return _ACTIVE.sub(_visible, text)


def without_contact_persons(text: str, persons: Iterable[tuple[str | None, str | None]]) -> str:
    """Text with contact persons taken out: where a person's name stands in it, the name and
    the person's job title are removed, and the punctuation left between them closed up.

    A contact line quoted as evidence ("‹name›, projektleder, Digital Innovation, Syddansk
    Sundhedsinnovation") keeps only its organisations; a sentence that names no contact person
    is returned as it is (a job title alone, in the case's own prose, is no one's).

    Parameters
    ----------
    text : str
    persons : iterable of (name, job title)

    Returns
    -------
    str

    Examples
    --------
    >>> without_contact_persons("Hanne Holm, projektleder, Digital Innovation, Syddansk Sundhedsinnovation",
    ...                         [("Hanne Holm", "projektleder")])
    'Digital Innovation, Syddansk Sundhedsinnovation'
    >>> without_contact_persons("En projektleder fra Digital Innovation deltog", [("Hanne Holm", "projektleder")])
    'En projektleder fra Digital Innovation deltog'
    """
    for name, title in persons:
        if name and name in text:
            text = text.replace(name, "")
            if title:
                text = text.replace(title, "")
            text = _LEFT_BETWEEN.sub(", ", text).strip(" ,;:–-")
    return text


#: Separators left where a name and a title were taken out of a line.
_LEFT_BETWEEN = re.compile(r"(?:\s*[,;]\s*){2,}|^\s*[,;]\s*")


def redact_contact_details(text: str, marker: str = "[…]") -> str:
    """Text with e-mail addresses and phone numbers replaced by "[…]": personal data stays out of
    evidence quotes and summaries unless contacts are asked for.

    Examples
    --------
    >>> redact_contact_details("kontakt Kari på kaen@lejre.dk / tlf. 24 79 03 12 for mere")
    'kontakt Kari på […] / tlf. […] for mere'
    >>> redact_contact_details("Budgettet er 2.000.000 kr. for 2019")
    'Budgettet er 2.000.000 kr. for 2019'
    """
    # An address holds "@": without one the e-mail pattern (slow to find nothing: it tries
    # every start of every word) cannot match.
    return _PHONE_ANYWHERE.sub(marker, _EMAIL.sub(marker, text) if "@" in text else text)


_SENTENCE = re.compile(r"(?<=[.!?”])\s+(?=[A-ZÆØÅ0-9”\"'’•–-])|\s+•\s+|\s+(?=\d\.\s+[A-ZÆØÅ])"
                       # dash lists of a form: "Spredning: – Assens Kommune: implementeret 2024 – Interesse fra ..."
                       r"|(?<=:)\s+[–-]\s+(?=[A-ZÆØÅ])|\s+[–-]\s+(?=[A-ZÆØÅ][^.:–]{0,60}:)"
                       r"|\s+[–-]\s+(?=(?:Interesse|Besøg|Henvendelse)\b)"
                       # emoji bullets of a post: "👉 Køge Kommune har ... 👉 ..."
                       r"|\s*[\U0001F300-\U0001FAFF\u2705\u27A1\u2714]\ufe0f?\s+")
#: An ordinal after a preposition or article ("til 15. Juni Fonden", "den 3. Maj"): no sentence ends there.
_ORDINAL_AFTER_WORD = re.compile(r"\b(?:til|af|fra|med|for|den|det|i|på|hos|ved|om|siden|inden|efter|før)\s+\d{1,2}\.$")
#: A full stop that ends an abbreviation or an initial, not a sentence.
_ABBREVIATION = re.compile(r"(?:\b[A-ZÆØÅ]|\bbl\.a|\bfx|\bf\.eks|\bca|\bdvs|\bmv|\bjf|\bnr|\bpt|\bevt|\bSt|\bDr)\.$")


def sentences(text: str) -> list[str]:
    """Split a passage into sentences (and bullet points, and numbered tips).

    Examples
    --------
    >>> sentences("Det virker. 89 procent er tilbage. • Punkt to 1. Tip et")
    ['Det virker.', '89 procent er tilbage.', 'Punkt to', '1. Tip et']
    >>> sentences("Botilbuddet H.C. Branners Vej, Silkeborg Kommune. Ny sætning.")
    ['Botilbuddet H.C. Branners Vej, Silkeborg Kommune.', 'Ny sætning.']
    """
    out: list[str] = []
    for piece in _SENTENCE.split(text):
        piece = re.sub(r"^[•–-]\s+", "", piece.strip()) if piece else ""
        if not piece:
            continue
        if out and (_ABBREVIATION.search(out[-1]) or re.fullmatch(r"\d{1,2}\.", out[-1])
                    or _ORDINAL_AFTER_WORD.search(out[-1])):
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out
