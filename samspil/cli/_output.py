"""Rich tables of data: what the data says is printed as it is, never read as rich markup.

Names and titles come from case files and free text that anyone may write: a name such as
``[bold]x[/bold]``, ``[link=http://evil]`` or ``:smile:`` must print literally, and ``[/]``
must not end the command in a :class:`rich.errors.MarkupError`. Every table of data in the
command line is a :class:`DataTable`, which turns the strings it is given (title, caption,
headings, cells) into :class:`rich.text.Text`, shown as the text it is. (``rich.markup.escape``
would stop the markup but still turn ``:smile:`` into an emoji.)

Imported inside the commands, not by :mod:`samspil.cli`: rich takes a while to import, and
``samspil --help`` does not need it.
"""

from __future__ import annotations

from typing import Any

from rich.style import StyleType
from rich.table import Table
from rich.text import Text


def as_text(value: Any, style: StyleType = "") -> Any:
    """A string as :class:`~rich.text.Text` (printed as it is); anything else unchanged.

    Examples
    --------
    >>> as_text("[bold]x[/bold]").plain
    '[bold]x[/bold]'
    >>> as_text(None) is None
    True
    """
    return Text(value, style=style) if isinstance(value, str) else value


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
