"""What starting the command line costs: ``samspil --help`` (and importing :mod:`samspil.cli`)
must not import the heavy libraries that only some commands use — rdflib and pyshacl (linked
data), pyvis and igraph (maps), the database drivers — nor rich (tables): each command imports
what it needs when it runs.
"""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("rdflib", "pyshacl", "pyvis", "igraph", "falkordb", "neo4j", "redis", "networkx", "rich")


def test_importing_the_command_line_imports_no_heavy_library():
    code = ("import samspil.cli, sys; "
            f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.strip() == "[]", result.stdout + result.stderr


def test_help_lists_every_command_without_the_heavy_libraries():
    code = ("import sys\n"
            "from click.testing import CliRunner\n"
            "from samspil.cli import main\n"
            "result = CliRunner().invoke(main, ['--help'])\n"
            "assert result.exit_code == 0, result.output\n"
            "print(result.output)\n"
            f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    *help_lines, imported = result.stdout.strip().splitlines()
    assert imported == "[]", imported
    help_text = "\n".join(help_lines)
    for command in ("build", "cases", "export", "extract", "cypher", "query", "neo4j", "network", "spread",
                    "candidates", "map", "atlas", "validate", "sparql", "synth"):
        assert f"  {command} " in help_text or f"  {command}\n" in help_text, command


def test_map_options_use_the_drawing_defaults():
    """samspil/cli/maps.py keeps its own copy of the drawing limits (so that it need not import
    samspil.viz); they must be those of samspil.viz.maps."""
    from samspil.cli import maps as cli_maps
    from samspil.viz import maps

    assert (cli_maps.PHYSICS_LIMIT, cli_maps.MAX_NODES, cli_maps.AGGREGATIONS) == \
        (maps.PHYSICS_LIMIT, maps.MAX_NODES, maps.AGGREGATIONS)
