"""What the command line prints for people never carries a character the terminal would act on
(issue 15): C0 and C1 controls, DEL and bidirectional overrides in names print as visible marks
(``<U+009B>``, ``␡``, ``⏎``), in tables and in plain lines, and a table row stays one row."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

CASES = Path(__file__).resolve().parent / "data" / "terminal-cases.yaml"
#: What must never reach a terminal raw (a line break only between lines).
ACTIVE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture(scope="module")
def runs(run_cli_many):
    args = ("--no-defaults", "--cases", CASES)
    return run_cli_many({
        "cases": ("cases", *args),
        "cypher": ("cypher", "MATCH (a:Actor) RETURN a.name AS name ORDER BY name", *args),
        "network": ("network", "brokers", *args),
    })


@pytest.mark.parametrize("command", ["cases", "cypher", "network"])
def test_tables_show_controls_as_marks(runs, command):
    result = runs[command]
    assert result.code == 0, result.err[-800:]
    assert not ACTIVE.search(result.out), repr(ACTIVE.search(result.out).group(0))
    if command in ("cypher", "cases"):
        assert "<U+009B>" in result.out


def test_cypher_rows_stay_rows(runs):
    rows = [line for line in runs["cypher"].out.splitlines() if line.startswith("│")]
    assert len(rows) == 4  # three actors of the file and Kolding's region, one line each
    assert any("<U+202E>evil<U+202C>" in row and "␡" in row for row in rows)


def test_an_error_naming_a_file_with_a_line_break_is_one_line(run_cli, tmp_path):
    bad = tmp_path / "to\nlinjer\u202e.yaml"
    bad.write_text("format: [\n", encoding="utf-8")
    result = run_cli("build", "--no-defaults", "--cases", bad, "-o", tmp_path / "out")
    assert result.code == 2
    assert len(result.err.strip().splitlines()) == 1, result.err
    assert "to⏎linjer<U+202E>.yaml" in result.err
