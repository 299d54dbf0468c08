"""Public names of a package, imported from its modules on first use.

A package's ``__init__`` lists what it offers (``__all__``) without importing the modules
that hold it, so ``import samspil.graph`` stays cheap and the command line starts without
networkx, rdflib or pyvis (tests/test_cli_imports.py): each name is imported when it is
first looked up (PEP 562).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, Sequence
from typing import Any


def lazy_exports(package: str, modules: Mapping[str, Sequence[str]]
                 ) -> tuple[list[str], Callable[[str], Any], Callable[[], list[str]]]:
    """``__all__``, ``__getattr__`` and ``__dir__`` for a package.

    Parameters
    ----------
    package : str
        The package's ``__name__``.
    modules : mapping of str to sequence of str
        Each module of the package (relative name) and the public names it holds; a module
        that lists its own name is itself public (``samspil.loaders.lsf2019``).

    Returns
    -------
    tuple
        ``(__all__, __getattr__, __dir__)``, to assign in the package's ``__init__``.

    Examples
    --------
    >>> all_, getattr_, dir_ = lazy_exports("samspil.core", {"identity": ["slugify"]})
    >>> all_
    ['slugify']
    >>> getattr_("slugify")("Kolding Kommune")
    'kolding-kommune'
    """
    where = {name: module for module, names in modules.items() for name in names}

    def __getattr__(name: str) -> Any:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        imported = importlib.import_module(f"{package}.{module}")
        return imported if name == module else getattr(imported, name)

    def __dir__() -> list[str]:
        return sorted(set(where) | set(globals_of(package)))

    return list(where), __getattr__, __dir__


def globals_of(package: str) -> list[str]:
    """The names a package module already holds (its submodules once imported, dunders)."""
    return list(vars(importlib.import_module(package)))
