"""Named queries as text: the header of a ``.cypher`` or ``.rq`` file, and its parameter types.

The named Cypher queries (:mod:`samspil.queries.library`) and the example SPARQL queries
(:mod:`samspil.linked_data.sparql`) start with the same header, so one parser reads both;
only the comment marker differs (``//`` in Cypher, ``#`` in SPARQL)::

    // title: An actor's partners, by sector / En aktørs samarbejdspartnere efter sektor
    // description: The actors that made at least one solution together with the actor
    //    (an indented line continues the field above it) ...
    // param actor (string): the actor's name (any case) or id
    // param limit (integer, default 20): at most this many rows
    // example: actor="Kolding Kommune"
    // returns: sector, partner, partner_id, kind, shared, solutions

* ``param NAME (TYPE[, default JSON]): meaning``: TYPE is one of the types of
  :data:`PARAM_TYPES` the query language can bind; a parameter with a default may be left
  out, and ``default null`` makes it optional with no value. A default that is not JSON is
  read as one word in shell quoting (``default Kolding``), the form the SPARQL headers
  were first written in.
* ``example``: parameter values as on the command line (``name=value``, shell quoting);
  the first one is *the* example.
* ``returns``: the columns, in order, with what they hold.
* Fields the caller names as well (the SPARQL examples' ``cypher:``, the Cypher query that
  answers the same question).

Parameter values typed on the command line are text: :func:`from_text` reads them as the
declared type, :func:`infer_value` guesses the type of an undeclared one.
"""

from __future__ import annotations

import json
import re
import shlex
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from samspil.core.errors import SamspilError

__all__ = [
    "PARAM_TYPES",
    "QueryHeader",
    "QueryParam",
    "command_line",
    "example_values",
    "from_text",
    "infer_value",
    "param_types",
    "parse_header",
    "read_json",
    "typed",
]

#: Parameter types a header may declare -> the query languages that can bind a value of it.
#: Cypher takes lists and maps; a SPARQL variable is bound to one term (text, an integer, a
#: boolean or an IRI: the types ``samspil sparql`` has always read).
PARAM_TYPES: dict[str, tuple[str, ...]] = {
    "string": ("cypher", "sparql"),
    "integer": ("cypher", "sparql"),
    "float": ("cypher",),
    "boolean": ("cypher", "sparql"),
    "list<string>": ("cypher",),
    "list<integer>": ("cypher",),
    "json": ("cypher",),
    "iri": ("sparql",),
}

_INT = re.compile(r"^[+-]?\d+$")
_FLOAT = re.compile(r"^[+-]?(\d+\.\d*|\.\d+|\d+)([eE][+-]?\d+)?$")
_LEADING_ZERO = re.compile(r"^[+-]?0\d")
_TRUE = ("true", "yes", "1")
_FALSE = ("false", "no", "0")
_PARAM_LINE = re.compile(r"^(\w+)\s*\(([\w<>]+)(?:\s*,\s*default\s+(.+?))?\)\s*:\s*(.*)$")
#: Fields whose text may go on over indented lines.
_CONTINUED = ("description", "returns", "param")


def param_types(language: str) -> tuple[str, ...]:
    """The parameter types a query language can bind, in the order of :data:`PARAM_TYPES`.

    Parameters
    ----------
    language : {"cypher", "sparql"}

    Returns
    -------
    tuple of str

    Examples
    --------
    >>> param_types("sparql")
    ('string', 'integer', 'boolean', 'iri')
    """
    return tuple(t for t, languages in PARAM_TYPES.items() if language in languages)


@dataclass(frozen=True)
class QueryParam:
    """One parameter of a named query, as its header declares it.

    Attributes
    ----------
    name : str
        The name used in the query (``$actor`` in Cypher, ``?actor`` in SPARQL).
    type : str
        One of :data:`PARAM_TYPES`.
    description : str
        What it means, for the parameter list.
    required : bool
        False when the header gives a default.
    default : Any
        The value used when the parameter is not given (only when not required), already
        of the declared type; None for ``default null``.
    """

    name: str
    type: str
    description: str
    required: bool = True
    default: Any = None

    def describe_default(self) -> str:
        """The default as the header writes it (``null``, ``3``, ``["company"]``), or ``""``.

        Examples
        --------
        >>> QueryParam("kinds", "list<string>", "", False, ["company"]).describe_default()
        '["company"]'
        """
        return "" if self.required else json.dumps(self.default, ensure_ascii=False)

    def signature(self) -> str:
        """The parameter in a few words: name, type and any default.

        Examples
        --------
        >>> QueryParam("limit", "integer", "rows", required=False, default=25).signature()
        'limit (integer, default 25)'
        """
        return f"{self.name} ({self.type}" + ("" if self.required else f", default {self.describe_default()}") + ")"


@dataclass(frozen=True)
class QueryHeader:
    """What a named query's header says.

    Attributes
    ----------
    title, description, returns : str
        The fields; a field given on several lines is joined with spaces. The title is the
        first ``title:`` line ("" when there is none).
    params : tuple of QueryParam
    examples : tuple of str
        The ``example:`` lines as written (``actor="Kolding Kommune" limit=5``).
    extra : dict
        The caller's own fields (``cypher``) -> their text.
    """

    title: str
    description: str
    params: tuple[QueryParam, ...]
    examples: tuple[str, ...]
    returns: str
    extra: Mapping[str, str] = field(default_factory=dict)


def parse_header(text: str, marker: str, language: str, *, source: str | Path,
                 extra: Iterable[str] = ()) -> QueryHeader:
    """Read the header of a named query: the comment lines at its top.

    Parameters
    ----------
    text : str
        The whole file; the header ends at the first line that is not a comment or blank.
    marker : str
        The comment marker: ``"//"`` (Cypher) or ``"#"`` (SPARQL).
    language : {"cypher", "sparql"}
        Which parameter types are allowed (:func:`param_types`).
    source : str or Path
        The file (or the query's name), for errors.
    extra : iterable of str
        Field names allowed besides title, description, param, example and returns.

    Returns
    -------
    QueryHeader

    Raises
    ------
    SamspilError
        A header line that cannot be read, or a parameter of a type the language lacks.

    Examples
    --------
    >>> h = parse_header("# title: X\\n# param year (integer, default 2019): a year\\n"
    ...                  "# description: Lists X\\n#    by year.\\n# cypher: x\\nSELECT * {}",
    ...                  "#", "sparql", source="x.rq", extra=("cypher",))
    >>> h.title, h.params[0], h.description, h.extra["cypher"]
    ('X', QueryParam(name='year', type='integer', description='a year', required=False, default=2019), 'Lists X by year.', 'x')
    >>> parse_header("// param x (iri): y", "//", "cypher", source="q.cypher")
    Traceback (most recent call last):
    ...
    samspil.core.errors.SamspilError: q.cypher: cannot read the parameter 'x (iri): y': write 'param NAME (TYPE[, default JSON]): what it is', TYPE one of string, integer, float, boolean, list<string>, list<integer>, json
    """
    names = ("title", "description", "example", "returns", *extra)
    header = re.compile(rf"^{re.escape(marker)}\s?(?:({'|'.join(names)}):|(param)\s)\s*(.*)$")
    fields: dict[str, list[str]] = {}
    last: str | None = None
    for number, line in enumerate(text.splitlines(), 1):
        if not line.startswith(marker):
            if line.strip():
                break
            last = None  # a blank line ends a field: the next indented line is not its continuation
            continue
        rest = line[len(marker):]
        m = header.match(line)
        if m:
            last = m.group(1) or m.group(2)
            fields.setdefault(last, []).append(m.group(3).strip())
        elif last in _CONTINUED and rest.startswith("   "):
            fields[last][-1] += " " + rest.strip()
        elif rest.strip():
            raise SamspilError(f"header line not understood: {line!r}", path=source, line=number)
    params = tuple(_param(spec, language, source) for spec in fields.get("param", []))
    return QueryHeader(title=(fields.get("title") or [""])[0], description=" ".join(fields.get("description", [])),
                       params=params, examples=tuple(fields.get("example", [])),
                       returns=" ".join(fields.get("returns", [])),
                       extra={name: " ".join(fields[name]) for name in extra if name in fields})


def _param(spec: str, language: str, source: str | Path) -> QueryParam:
    """One ``param`` line (after ``param``) as a :class:`QueryParam`."""
    types = param_types(language)
    m = _PARAM_LINE.match(spec)
    if not m or m.group(2) not in types:
        raise SamspilError(f"cannot read the parameter {spec!r}: write 'param NAME (TYPE[, default JSON]): "
                           f"what it is', TYPE one of {', '.join(types)}", path=source)
    name, kind, default, description = m.groups()
    if default is None:
        return QueryParam(name, kind, description.strip())
    where = f"{Path(source).name}: default of {name}"
    try:
        value = typed(json.loads(default), kind, where)
    except json.JSONDecodeError:
        words = shlex.split(default)
        value = from_text(words[0] if words else "", kind, where)
    return QueryParam(name, kind, description.strip(), False, value)


def example_values(example: str) -> dict[str, str]:
    """An ``example:`` line's values as text, name -> value (shell quoting removed).

    Examples
    --------
    >>> example_values('actor="Kolding Kommune" limit=5')
    {'actor': 'Kolding Kommune', 'limit': '5'}
    """
    return dict(item.partition("=")[::2] for item in shlex.split(example))


def command_line(command: str, example: str = "") -> str:
    """The command line that runs a named query with an ``example:`` line's values.

    Parameters
    ----------
    command : str
        The command and the query's name (``samspil query actor-solutions``).
    example : str
        An ``example:`` line, or "" for none.

    Returns
    -------
    str

    Examples
    --------
    >>> command_line("samspil sparql actor-solutions", 'actor="Aarhus Kommune"')
    "samspil sparql actor-solutions --param 'actor=Aarhus Kommune'"
    """
    return " ".join([command, *(f"--param {shlex.quote(item)}" for item in shlex.split(example))])


def typed(value: Any, kind: str, where: str) -> Any:
    """``value`` as a value of parameter type ``kind``: text is read, other values are checked.

    Parameters
    ----------
    value : Any
        Text (as typed on a command line) or a Python value; None stays None.
    kind : str
        One of :data:`PARAM_TYPES`.
    where : str
        What the value is (``query x, parameter limit``), for errors.

    Returns
    -------
    Any

    Raises
    ------
    SamspilError
        A value that is not of the type.

    Examples
    --------
    >>> typed("3", "integer", "limit"), typed(3, "float", "x"), typed(("a",), "list<string>", "k")
    (3, 3.0, ['a'])
    """
    if value is None:
        return None
    if isinstance(value, str) and kind != "string":
        return from_text(value, kind, where)
    ok = {
        "string": lambda v: isinstance(v, str),
        "iri": lambda v: isinstance(v, str),
        "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
        "float": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
        "boolean": lambda v: isinstance(v, bool),
        "list<string>": lambda v: isinstance(v, (list, tuple)) and all(isinstance(x, str) for x in v),
        "list<integer>": lambda v: isinstance(v, (list, tuple)) and all(
            isinstance(x, int) and not isinstance(x, bool) for x in v),
        "json": lambda v: True,
    }[kind]
    if not ok(value):
        raise SamspilError(f"{where}: expected {kind}, got {value!r}")
    if kind == "float":
        return float(value)
    if kind.startswith("list<"):
        return list(value)
    return value


def from_text(text: str, kind: str, where: str) -> Any:
    """The value of parameter type ``kind`` that a command-line text stands for.

    Parameters
    ----------
    text : str
    kind : str
        One of :data:`PARAM_TYPES`. A list is JSON or comma-separated (``a,b``: no quoting
        needed on a shell); an IRI may be written in angle brackets.
    where : str
        What the value is, for errors.

    Returns
    -------
    Any

    Raises
    ------
    SamspilError
        A text that is not of the type, or an unknown type.

    Examples
    --------
    >>> from_text("yes", "boolean", "b"), from_text("1,2", "list<integer>", "x"), from_text("<urn:x>", "iri", "i")
    (True, [1, 2], 'urn:x')
    >>> from_text("lots", "integer", "parameter limit")
    Traceback (most recent call last):
    ...
    samspil.core.errors.SamspilError: parameter limit: 'lots' is not an integer
    """
    stripped = text.strip()
    if kind == "string":
        return text
    if kind == "iri":
        return stripped[1:-1] if stripped.startswith("<") and stripped.endswith(">") else stripped
    if kind == "integer":
        if _INT.match(stripped):
            return int(stripped)
        raise SamspilError(f"{where}: {text!r} is not an integer")
    if kind == "float":
        if _FLOAT.match(stripped):
            return float(stripped)
        raise SamspilError(f"{where}: {text!r} is not a number")
    if kind == "boolean":
        if stripped.lower() in _TRUE:
            return True
        if stripped.lower() in _FALSE:
            return False
        raise SamspilError(f"{where}: {text!r} is not true or false")
    if kind.startswith("list<"):
        item = kind[5:-1]
        if stripped.startswith("["):
            items = read_json(stripped, where)
            if not isinstance(items, list):
                raise SamspilError(f"{where}: {text!r} is not a list")
            return [typed(x, item, where) for x in items]
        return [from_text(part.strip(), item, where) for part in stripped.split(",") if part.strip()]
    if kind == "json":
        return read_json(stripped, where)
    raise SamspilError(f"{where}: unknown parameter type {kind!r} (known: {', '.join(PARAM_TYPES)})")


def read_json(text: str, where: str) -> Any:
    """Parse JSON, with an error that says where and at which character.

    Examples
    --------
    >>> read_json('["a", 2]', "x")
    ['a', 2]
    """
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise SamspilError(f"{where}: {text!r} is not valid JSON ({exc.msg} at character {exc.pos + 1})") from None


def infer_value(text: str) -> Any:
    """The value a ``--param name=value`` text stands for when no type is declared.

    ``true``/``false`` → bool, ``null`` → None, integers → int (but not with a leading zero:
    ``0621`` is a code, kept as text), decimals → float, text starting with ``[``, ``{`` or
    ``"`` → parsed as JSON (a list, a map, a quoted string); anything else stays text.

    Examples
    --------
    >>> [infer_value(t) for t in ("3", "-1.5", "true", "null", '["a", 2]', '"42"', "0621", "Kolding Kommune")]
    [3, -1.5, True, None, ['a', 2], '42', '0621', 'Kolding Kommune']
    """
    stripped = text.strip()
    if stripped in ("true", "false"):
        return stripped == "true"
    if stripped == "null":
        return None
    if _INT.match(stripped) and not _LEADING_ZERO.match(stripped):
        return int(stripped)
    if _FLOAT.match(stripped) and not _LEADING_ZERO.match(stripped):
        return float(stripped)
    if stripped[:1] in ("[", "{", '"'):
        return read_json(stripped, f"parameter value {text!r}")
    return text
