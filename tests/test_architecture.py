"""The package layers point one way (docs/architecture.md), and modules stay small.

Every ``import`` of a ``samspil`` module, at the top of a file or inside a function, is read
with :mod:`ast` and checked against the layer order: a package may import its own modules and
those of lower layers, never a higher layer or a sibling of its own layer.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "samspil"

#: The layers, lowest first; packages on one line are siblings and do not import each other.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("core",),
    ("loaders",),
    ("recognise",),
    ("corpus",),
    ("graph",),
    ("drivers", "linked_data"),
    ("queries",),
    ("viz",),
    ("testing",),
    ("cli",),
)
RANK = {package: rank for rank, layer in enumerate(LAYERS) for package in layer}
#: Modules of the package root and what they may import.
ROOT_MODULES = {"__init__": (), "__main__": ("cli",)}
MAX_LINES = 700


def _package_of(path: Path) -> str:
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 else path.stem


def _imported_packages(text: str, path: Path) -> list[tuple[int, str]]:
    """(line, top-level samspil package) for every import of samspil in ``text``, the source
    of the module at ``path`` (which resolves relative imports)."""
    tree = ast.parse(text, filename=str(path))
    here = path.relative_to(PACKAGE).with_suffix("").parts
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(here[: len(here) - node.level])
                module = ".".join(["samspil", *base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            # "from samspil import x" names the package x itself
            names = [f"{module}.{a.name}" for a in node.names] if module == "samspil" else [module]
        else:
            continue
        for name in names:
            parts = name.split(".")
            if parts[0] == "samspil" and len(parts) > 1:
                found.append((node.lineno, parts[1]))
    return found


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py"))


def test_every_package_has_a_layer():
    packages = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert packages == set(RANK), "a package is missing from LAYERS (or LAYERS names one that is gone)"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_follow_the_layers(path):
    package = _package_of(path)
    wrong = []
    for line, target in _imported_packages(path.read_text(encoding="utf-8"), path):
        if package in ROOT_MODULES:
            allowed = target in ROOT_MODULES[package] or target == "__version__"
        elif target in ROOT_MODULES or target == "__version__":
            allowed = True
        else:
            allowed = target == package or RANK[target] < RANK[package] and not _siblings(package, target)
        if not allowed:
            wrong.append(f"line {line}: {package} imports {target}")
    assert not wrong, f"{path.relative_to(PACKAGE)} imports against the layer order: " + "; ".join(wrong)


def _siblings(a: str, b: str) -> bool:
    return RANK[a] == RANK[b]


def test_the_checker_sees_an_import_against_the_arrow():
    """The check can fail: imports of the CLI and of viz inside a function of a core module
    (where lazy imports hide) are found, with their lines."""
    probe = "import json\n\ndef f():\n    from samspil.cli.app import cli\n    import samspil.viz.maps\n"
    found = _imported_packages(probe, PACKAGE / "core" / "probe.py")
    assert found == [(4, "cli"), (5, "viz")]
    assert all(RANK[target] > RANK["core"] for _, target in found)
    relative = _imported_packages("from ..graph import builder\n", PACKAGE / "core" / "probe.py")
    assert relative == [(1, "graph")]


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_over_700_lines(path):
    lines = path.read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{path.relative_to(PACKAGE)} has {lines} lines (at most {MAX_LINES}): split it"


@pytest.mark.parametrize("package", sorted(RANK))
def test_each_package_declares_its_public_names(package):
    module = importlib.import_module(f"samspil.{package}")
    public = getattr(module, "__all__", None)
    assert public, f"samspil/{package}/__init__.py declares no __all__"
    missing = [name for name in public if not hasattr(module, name)]
    assert not missing, f"samspil.{package}.__all__ names what it does not have: {missing}"
