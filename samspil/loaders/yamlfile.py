"""Hand-written YAML files (structured cases, corrections): read safely, checked field by field.

Both file kinds share the same promises: a file is read with the loaders' checks (size,
encoding, binary), YAML is parsed safely, a key given twice is refused, and every problem
names the file, the line and the field.
"""

from __future__ import annotations

import reprlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from samspil.core.errors import InputError
from samspil.core.text import describe_character, find_control, read_source


#: How deep collections may nest: hand-written case and correction files need a handful of
#: levels; a deeper document is refused before Python's recursion limit is reached.
MAX_DEPTH = 50


class _DepthLimited(yaml.SafeLoader):
    """A safe YAML loader that refuses documents nested deeper than :data:`MAX_DEPTH`."""

    _depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise yaml.composer.ComposerError(None, None, f"nested more than {MAX_DEPTH} levels deep",
                                                  self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


class _LineLoader(_DepthLimited):
    """A safe, depth-limited YAML loader that remembers the line of every mapping, for error
    messages."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    # YAML keeps the last of two equal keys and drops the first silently: refuse that.
    first_line: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            if key in first_line and key != "<<":
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r} (first on line {first_line[key]})", key_node.start_mark)
            first_line[key] = key_node.start_mark.line + 1
        except TypeError:  # an unhashable key: construct_mapping reports it
            break
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


class Fields:
    """Typed access to one mapping of a YAML file, raising errors that name file, line and field."""

    def __init__(self, data: Any, path: str, where: str, line: int | None = None) -> None:
        if not isinstance(data, dict):
            raise InputError(f"expected a mapping (key: value), got {type(data).__name__}", path=path,
                             line=line, field=where or None)
        self.data = data
        self.path = path
        self.where = where
        self.line = data.get("__line__", line)
        unknown = set(data) - {"__line__"}
        self._unused = unknown

    def _name(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def error(self, key: str, message: str) -> InputError:
        return InputError(message, path=self.path, line=self.line, field=self._name(key))

    def get(self, key: str, kind: type | tuple[type, ...], *, required: bool = False, default: Any = None) -> Any:
        self._unused.discard(key)
        if key not in self.data or self.data[key] is None:
            if required:
                raise self.error(key, "missing (required)")
            return default
        value = self.data[key]
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
            raise self.error(key, f"expected {names}, got {type(value).__name__} {short(value)}")
        if isinstance(value, str):
            self._check_text(key, value)
        return value

    def _check_text(self, key: str, value: str) -> None:
        bad = find_control(value)
        if bad is not None:
            raise self.error(key, f"{describe_character(value[bad])} at position {bad + 1}; "
                                  "remove it (GraphML and GEXF cannot hold one)")

    def strings(self, key: str) -> list[str]:
        """A list of short texts (names, theme keys): each item text, not a mapping or a list."""
        items = self.items(key)
        out = []
        for i, item in enumerate(items):
            if isinstance(item, bool) or not isinstance(item, (str, int, float)):
                raise self.error(f"{key}[{i}]", f"expected text, got {type(item).__name__} {short(item)}")
            text = str(item).strip()
            self._check_text(f"{key}[{i}]", text)
            out.append(text)
        return out

    def text(self, key: str, *, required: bool = False) -> str | None:
        value = self.get(key, (str, int, float), required=required)
        if value is None:
            return None
        value = str(value).strip()
        if required and not value:
            raise self.error(key, "is empty")
        return value

    def choice(self, key: str, allowed: Iterable[str], *, required: bool = False) -> str | None:
        value = self.text(key, required=required)
        allowed = tuple(allowed)
        if value is not None and value not in allowed:
            raise self.error(key, f"{short(value)} is not one of: {', '.join(allowed)}")
        return value

    def year(self, key: str) -> int | None:
        value = self.get(key, int)
        if value is not None and not 1900 <= value <= 2100:
            raise self.error(key, f"{value} is not a year")
        return value

    def items(self, key: str, *, required: bool = False) -> list[Any]:
        value = self.get(key, list, required=required, default=[])
        return value

    def finish(self, doc: str = "docs/case-format.md") -> None:
        """Refuse keys the format does not know: a typo must not pass silently."""
        if self._unused:
            key = sorted(self._unused, key=str)[0]
            raise self.error(str(key), f"unknown field (see {doc})")


_REPR = reprlib.Repr()
_REPR.maxlevel, _REPR.maxstring, _REPR.maxother, _REPR.maxlist, _REPR.maxdict = 2, 60, 60, 4, 4


def short(value: Any, limit: int = 60) -> str:
    """A value for a message: ``repr`` on one line, at most ``limit`` characters, however
    big or deeply nested the value (YAML aliases can make it huge)."""
    if isinstance(value, dict):
        value = {k: v for k, v in value.items() if k != "__line__"}
    text = " ".join(_REPR.repr(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def read_plain_yaml(path: str | Path) -> Any:
    """Parse a small YAML (or JSON) settings file with the same checks as :func:`read_yaml`
    (size, encoding, binary, depth, one-line errors naming the line), without line marks.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "w.yaml"
    >>> _ = p.write_text("{effect: 2, spread: 3}", encoding="utf-8")
    >>> read_plain_yaml(p)
    {'effect': 2, 'spread': 3}
    """
    return _parse(str(path), _DepthLimited)


def read_yaml(path: str | Path) -> Any:
    r"""Parse a hand-written YAML file: mappings carry their line as ``__line__``.

    Parameters
    ----------
    path : str or Path

    Returns
    -------
    Any
        The parsed document.

    Raises
    ------
    InputError
        Unreadable, too large, not text, not YAML, or a key given twice — naming the line.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "x.yaml"
    >>> _ = p.write_text("a: 1\na: 2\n", encoding="utf-8")
    >>> read_yaml(p)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    samspil.core.errors.InputError: ...x.yaml:2: not valid YAML: duplicate key 'a' (first on line 1)
    """
    return _parse(str(path), _LineLoader)


def _parse(path: str, loader: type[yaml.SafeLoader]) -> Any:
    text = read_source(path)  # missing, a folder, unreadable, too large, not UTF-8/UTF-16 text
    try:
        return yaml.load(text, Loader=loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise InputError(f"not valid YAML: {problem}", path=path, line=mark.line + 1 if mark else None) from None
