"""The ``samspil`` command line: one thin module per family of commands.

Every module in this package registers its commands on :data:`samspil.cli.app.main`;
importing the package imports them all, so adding a command family is adding a module.
A module whose name starts with ``_`` holds helpers the commands import when they run.
"""

from __future__ import annotations

import importlib
import pkgutil

from samspil.cli.app import main

for _module in pkgutil.iter_modules(__path__):
    if _module.name != "app" and not _module.name.startswith("_"):
        importlib.import_module(f"{__name__}.{_module.name}")

__all__ = ["main"]
