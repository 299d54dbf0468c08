"""The samspil.viz package: its web files (samspil/viz/static/) are valid and shipped, and its
public names are those of its modules."""

from __future__ import annotations

import fnmatch
import importlib
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
STATIC = ROOT / "samspil" / "viz" / "static"


@pytest.mark.parametrize("script", sorted(p.name for p in STATIC.glob("*.js")))
def test_every_script_parses(script: str) -> None:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed: `node --check` cannot parse the page scripts")
    result = subprocess.run([node, "--check", str(STATIC / script)], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr


def test_every_static_file_is_package_data() -> None:
    """A wheel holds only what [tool.setuptools.package-data] names: a page needs every file."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["samspil"]
    files = sorted(p.relative_to(ROOT / "samspil").as_posix() for p in STATIC.iterdir())
    assert files
    assert [f for f in files if not any(fnmatch.fnmatch(f, pat) for pat in patterns)] == []


MODULES = ("views", "maps", "page", "atlas", "places", "style", "layout", "grass")


def test_the_package_exposes_every_public_name_of_its_modules() -> None:
    import samspil.viz as viz

    expected = {}
    for name in MODULES:
        module = importlib.import_module(f"samspil.viz.{name}")
        expected.update({public: getattr(module, public) for public in module.__all__})
    assert sorted(viz.__all__) == sorted(expected)
    for public, value in expected.items():
        assert getattr(viz, public) is value, public
