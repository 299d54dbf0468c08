"""The documentation keeps up with the code: every command and every named query is documented.

Like datasette's and sqlite-utils' own test_docs.py: adding a command or a named query
without documenting it fails the suite.
"""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from samspil.cli import main

ROOT = Path(__file__).resolve().parents[1]


def documentation() -> str:
    """README.md and every page under docs/, as one text."""
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    return "\n".join(p.read_text(encoding="utf-8") for p in pages if p.exists())


def commands(group: click.Group = main, prefix: str = "samspil") -> list[str]:
    """Every command path of the CLI: "samspil build", "samspil curate check", ..."""
    found = []
    for name, command in sorted(group.commands.items()):
        path = f"{prefix} {name}"
        if isinstance(command, click.Group):
            # A group is documented through its subcommands, unless it also runs on its own.
            if command.invoke_without_command:
                found.append(path)
            found.extend(commands(command, path))
        else:
            found.append(path)
    return found


@pytest.mark.parametrize("command", commands())
def test_every_command_is_documented(command: str) -> None:
    text = documentation()
    assert re.search(rf"(?m)^\$ {re.escape(command)}(\s|$)", text), (
        f"`{command}` is not shown with its output in README.md or docs/*.md (a line starting with `$ {command}`)")


def test_readme_gives_the_two_commands_and_ci_runs_the_second() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(r"(?m)^make run\b", readme)
    assert re.search(r"(?m)^make test\b", readme)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"(?m)^make test$", ci)


def named_queries() -> list[str]:
    try:
        from samspil.queries.library import list_queries
    except ImportError:  # the library module is not there: nothing to check
        return []
    return [q.name for q in list_queries()]


@pytest.mark.parametrize("name", named_queries())
def test_every_named_query_is_documented(name: str) -> None:
    assert re.search(rf"\b{re.escape(name)}\b", documentation()), f"named query {name!r} is not documented"
