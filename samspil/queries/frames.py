"""Rows of a query as a pandas DataFrame, and as a Parquet file.

pandas and pyarrow are an optional extra: ``pip install 'samspil[dataframes]'``. Without
them :func:`to_dataframe` and :func:`write_parquet` raise a :class:`SamspilError` that says
so in one line.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from typing import Any

from samspil.core.errors import SamspilError

__all__ = ["to_dataframe", "write_parquet"]

_MISSING = "{} is not installed: pip install 'samspil[dataframes]' (pandas and pyarrow)"


def _require(module: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise SamspilError(_MISSING.format(module)) from None


def to_dataframe(rows: Sequence[Mapping[str, Any]], columns: Sequence[str] | None = None) -> Any:
    """Rows (from :meth:`CypherDriver.run`, :func:`samspil.queries.run_query` ...) as a DataFrame.

    Values stay as they are: a node, relationship or map is a dict in its cell, a list a list.

    Parameters
    ----------
    rows : sequence of mappings
        One mapping per row, column name -> value.
    columns : sequence of str, optional
        Column order (and the columns of an empty result); default the first row's keys.

    Returns
    -------
    pandas.DataFrame

    Raises
    ------
    SamspilError
        pandas is not installed.

    Examples
    --------
    >>> frame = to_dataframe([{"name": "Kolding Kommune", "n": 3}, {"name": "TrygFonden", "n": 1}])
    >>> int(frame["n"].sum()), list(frame.columns)
    (4, ['name', 'n'])
    >>> list(to_dataframe([], columns=["name"]).columns)
    ['name']
    """
    pandas = _require("pandas")
    keys = list(columns if columns is not None else (rows[0].keys() if rows else ()))
    return pandas.DataFrame([[row.get(k) for k in keys] for row in rows], columns=keys)


def _parquet_cell(value: Any) -> Any:
    # Parquet columns have one type: nodes, relationships, paths and maps (whose keys differ
    # from row to row) go in as JSON text; lists of one scalar type stay lists.
    if isinstance(value, Mapping):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, list) and (len({type(v) for v in value}) > 1 or any(isinstance(v, (list, Mapping)) for v in value)):
        return json.dumps(value, ensure_ascii=False)
    return value


def write_parquet(rows: Sequence[Mapping[str, Any]], path: str | os.PathLike[str],
                  columns: Sequence[str] | None = None) -> int:
    """Write rows to a Parquet file; nodes, relationships, paths and maps as JSON text.

    Parameters
    ----------
    rows : sequence of mappings
    path : str or PathLike
        The file to write (replaced if it exists).
    columns : sequence of str, optional
        As for :func:`to_dataframe`.

    Returns
    -------
    int
        Rows written.

    Raises
    ------
    SamspilError
        pandas or pyarrow is not installed.

    Examples
    --------
    >>> import pandas, tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "rows.parquet"
    >>> write_parquet([{"m": {"id": "k", "labels": ["Actor"], "properties": {}}, "n": 2}], out)
    1
    >>> pandas.read_parquet(out)["m"][0]
    '{"id": "k", "labels": ["Actor"], "properties": {}}'
    """
    _require("pyarrow")
    frame = to_dataframe([{k: _parquet_cell(v) for k, v in row.items()} for row in rows], columns)
    frame.to_parquet(path, index=False)
    return len(frame)
