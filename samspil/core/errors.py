"""Errors a user can act on: each names the file and line, or the field, it is about."""

from __future__ import annotations

from pathlib import Path


class SamspilError(Exception):
    """An error the command line prints as one line, with no traceback.

    Parameters
    ----------
    message : str
        What is wrong, in words a user understands.
    path : str or Path, optional
        The file it is about.
    line : int, optional
        The 1-based line in that file.
    field : str, optional
        The field (of a YAML case, a record, a setting) it is about.

    Examples
    --------
    >>> str(SamspilError("missing field", path="cases/x.yaml", field="title"))
    'cases/x.yaml: field title: missing field'
    >>> str(SamspilError("not UTF-8 text", path="a.txt", line=3))
    'a.txt:3: not UTF-8 text'
    """

    def __init__(self, message: str, *, path: str | Path | None = None, line: int | None = None,
                 field: str | None = None) -> None:
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.field = field
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path or ""
        if self.line is not None:
            where += f":{self.line}"
        if self.field is not None:
            where += f"{': ' if where else ''}field {self.field}"
        return f"{where}: {self.message}" if where else self.message


class InputError(SamspilError):
    """A source, case file or corrections file that cannot be read as it is."""


class EngineError(SamspilError):
    """A database (Neo4j, the embedded engine) that cannot be reached or refused a query."""


class SamspilWarning(UserWarning):
    """Something a user should know that does not stop the work (a title guessed from the
    text, markup taken out): the command line prints it as one ``samspil: warning:`` line."""
