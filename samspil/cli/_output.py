"""Printing rows: the one renderer of the command line, and its ``--format`` option.

Every command that prints rows takes ``--format table|json|csv``
(:func:`samspil.cli.app.format_option`) and prints them with :func:`render`:

* ``table`` (the default), for people: a rich table, or one line saying there is nothing.
* ``json``, for programs: the data as they are (usually an array of objects), indented.
* ``csv``, for programs: a header line, then one line a row; a list in a cell is joined by
  ``"; "`` (:func:`cell`).

Where a command took ``--json`` or ``--csv`` before it took ``--format``, it keeps them as
aliases, so what people scripted keeps working.

What the data says is printed as it is, never read as rich markup. Names and titles come
from case files and free text that anyone may write: a name such as ``[bold]x[/bold]``,
``[link=http://evil]`` or ``:smile:`` must print literally, and ``[/]`` must not end the
command in a :class:`rich.errors.MarkupError`. Every table of data in the command line is a
:class:`DataTable`, which turns the strings it is given (title, caption, headings, cells)
into :class:`rich.text.Text`, shown as the text it is. (``rich.markup.escape`` would stop
the markup but still turn ``:smile:`` into an emoji.)

Imported inside the commands, not by :mod:`samspil.cli` (hence the ``_``): rich takes a
while to import, and ``samspil --help`` does not need it (the option itself lives in
:mod:`samspil.cli.app`, which the commands import at start).
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import click
from rich.console import Console
from rich.style import StyleType
from rich.table import Table
from rich.text import Text

from samspil.core.text import printable

#: A table column: (key in the row, heading, how to show the value, justify).
Column = tuple[str, str, Callable[[Any], str], str]

#: Columns of Cypher rows that hold a sequence of names along a path: a table joins them by arrows.
CHAIN_COLUMNS: tuple[str, ...] = ("path", "chain")


def as_text(value: Any, style: StyleType = "") -> Any:
    r"""A string as :class:`~rich.text.Text`, printed as it is (no markup) and made
    :func:`printable`; anything else unchanged.

    Examples
    --------
    >>> as_text("[bold]x[/bold]").plain
    '[bold]x[/bold]'
    >>> as_text("a\nb").plain
    'a⏎b'
    >>> as_text(None) is None
    True
    """
    return Text(printable(value), style=style) if isinstance(value, str) else value


class DataTable(Table):
    """A :class:`rich.table.Table` whose title, caption, column headings and cells are text.

    Used like :class:`~rich.table.Table`; every string given to it is printed literally.

    Examples
    --------
    >>> import io
    >>> from rich.console import Console
    >>> out = io.StringIO()
    >>> table = DataTable("name", title="[i]cases[/i]")
    >>> table.add_row("[link=http://evil]Kolding[/link] :smile:")
    >>> Console(file=out, width=60).print(table)
    >>> "[link=http://evil]Kolding[/link] :smile:" in out.getvalue()
    True
    """

    def __init__(self, *headers: Any, title: Any = None, caption: Any = None, **options: Any) -> None:
        super().__init__(*headers, title=as_text(title, options.get("title_style") or "table.title"),
                         caption=as_text(caption, options.get("caption_style") or "table.caption"), **options)

    def add_column(self, header: Any = "", footer: Any = "", **options: Any) -> None:  # type: ignore[override]
        super().add_column(as_text(header), as_text(footer), **options)

    def add_row(self, *cells: Any, **options: Any) -> None:  # type: ignore[override]
        super().add_row(*(as_text(cell) for cell in cells), **options)


def cell(value: Any, *, cypher: bool = False) -> str:
    """One value as the text of a table or CSV cell.

    Lists are joined by ``"; "``, floats lose their trailing zeros. Rows of
    :mod:`samspil.queries` (the default) show mappings as ``key=value`` pairs and booleans as
    Python writes them; rows of a Cypher engine (``cypher=True``) show values as Cypher does:
    nodes as ``name [id]``, relationships as ``start -[:TYPE]-> end``, paths as their chain,
    maps as JSON, booleans as ``true``/``false``.

    Parameters
    ----------
    value : Any
        A value of a row.
    cypher : bool
        Read ``value`` as a normalised Cypher value (see :mod:`samspil.drivers.base`).

    Returns
    -------
    str

    Examples
    --------
    >>> cell(["a", 1, None, 2.50]), cell({"public": 2, "civil": 1})
    ('a; 1; ; 2.5', 'public=2; civil=1')
    >>> cell({"id": "k", "labels": ["Actor"], "properties": {"id": "k", "name": "Kolding"}}, cypher=True)
    'Kolding [k]'
    >>> cell({"b": True}, cypher=True)
    '{"b": true}'
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return ("true" if value else "false") if cypher else str(value)
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, Mapping):
        if cypher:
            return _cypher_map(value)
        return "; ".join(f"{k}={cell(v)}" for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return "; ".join(cell(v, cypher=cypher) for v in value)
    return str(value)


def _cypher_map(value: Mapping[str, Any]) -> str:
    if set(value) == {"id", "labels", "properties"}:
        name = value["properties"].get("name")
        if name is not None:
            # A node without an id (the label nodes of db.schema.visualization()) is its name.
            return f"{name} [{value['id']}]" if value["id"] is not None else str(name)
        return f"({':'.join(value['labels'])} {value['id']})"
    if set(value) == {"type", "start", "end", "properties"}:
        return f"{value['start']} -[:{value['type']}]-> {value['end']}"
    if set(value) == {"nodes", "relationships"}:
        parts = [cell(value["nodes"][0], cypher=True)] if value["nodes"] else []
        for rel, node in zip(value["relationships"], value["nodes"][1:]):
            parts.append(f"-[:{rel['type']}]-" + cell(node, cypher=True))
        return " ".join(parts)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def to_csv(rows: Sequence[Mapping[str, Any]], keys: Sequence[str] | None = None, *, cypher: bool = False) -> str:
    """Rows as CSV text: a header line (``keys``, else the first row's keys), then one line a row.

    Cells are written with :func:`cell`. Without rows and keys the text is empty.

    Examples
    --------
    >>> print(to_csv([{"a": 1, "b": ["x", "y"]}]), end="")
    a,b
    1,x; y
    """
    keys = list(keys if keys is not None else (rows[0].keys() if rows else ()))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    if keys:
        writer.writerow(keys)
    for row in rows:
        writer.writerow([cell(row.get(k), cypher=cypher) for k in keys])
    return out.getvalue()


def auto_columns(rows: Sequence[Mapping[str, Any]], keys: Sequence[str], *, cypher: bool = False) -> list[Column]:
    """Table columns for rows nobody described: headed by their keys, numbers on the right.

    For Cypher rows, a ``path`` or ``chain`` column of names is joined by arrows.
    """
    def show(value: Any) -> str:
        return cell(value, cypher=cypher)

    def chain(value: Any) -> str:
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return " → ".join(value)
        return show(value)

    columns: list[Column] = []
    for key in keys:
        numeric = all(isinstance(r.get(key), (int, float)) and not isinstance(r.get(key), bool)
                      for r in rows if r.get(key) is not None)
        columns.append((key, key, chain if cypher and key in CHAIN_COLUMNS else show, "right" if numeric else "left"))
    return columns


def render(data: Sequence[Mapping[str, Any]] | Mapping[str, Any], fmt: str, *, title: str,
           columns: Sequence[Column] | None = None, keys: Sequence[str] | None = None, caption: str | None = None,
           empty: str = "no rows", cypher: bool = False, width: int | None = None, no_wrap: Sequence[str] = (),
           **table_options: Any) -> None:
    """Print rows on stdout as a table, JSON or CSV.

    ``data`` is a list of rows (a single mapping is one row). JSON prints ``data`` as it
    is; CSV writes ``keys`` (default: the first row's keys); the table shows ``columns``
    (default: :func:`auto_columns` of ``keys``) under ``title`` and above ``caption``, or
    ``"title: empty"`` when there is no row. ``cypher`` says the values are Cypher values
    (see :func:`cell`); ``width`` is the least width of the table's console; the columns of
    ``no_wrap`` keys never wrap (names people copy); ``table_options``
    go to :class:`DataTable` (``title_justify``, ``show_lines`` ...).
    """
    if fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=1))
        return
    rows = [data] if isinstance(data, Mapping) else list(data)
    if fmt == "csv":
        click.echo(to_csv(rows, keys, cypher=cypher), nl=False)
        return
    if not rows:
        click.echo(printable(f"{title}: {empty}"))
        return
    if columns is None:
        columns = auto_columns(rows, list(keys if keys is not None else rows[0].keys()), cypher=cypher)
    table = DataTable(title=title, caption=caption, **{"show_lines": False, **table_options})
    for key, heading, _, justify in columns:
        table.add_column(heading, justify=justify, overflow="fold", no_wrap=key in no_wrap)
    for row in rows:
        table.add_row(*(show(row.get(key)) for key, _, show, _ in columns))
    console = Console()
    if width is not None and console.width < width:
        console = Console(width=width)
    console.print(table)


def note(text: str) -> None:
    """A line for the person at the terminal (stderr), never mixed into the data on stdout;
    printed as the text it is (names in it are not read as rich markup)."""
    sys.stdout.flush()  # so the line follows the rows it talks about when both go to one terminal
    Console(stderr=True).print(as_text(text), soft_wrap=True)
