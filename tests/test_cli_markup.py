"""Names and titles that look like rich markup print as they are in every table of the
command line (samspil/cli/_output.py): ``[bold]``, ``[link=...]``, ``[/]`` and emoji codes
such as ``:smile:`` are text a case file may hold, never formatting or a hyperlink.

tests/test_hostile.py runs the same commands on the large hostile fixture; this file uses a
small case so it can check each literal name in each table it should appear in.
"""

from __future__ import annotations

import pytest

TITLE = "[bold]Spise[/bold]venner :smile:"
LINK = "[link=http://evil]Klik ApS"
CLOSING = "[/] [i]Forening[/i]"
ADOPTER = "[bold]x[/bold] Fonden"

CASES_YAML = f"""\
format: 1
source:
  id: markup
  title: "[bold]Kilde[/bold]"
cases:
  - id: markup-01
    title: "{TITLE}"
    year: 2020
    themes: [aeldre]
    nominators: ["{LINK}"]
    actors:
      - name: Vejen Kommune
        kind: municipality
        role: owner
      - name: "{LINK}"
        kind: company
        role: partner
      - name: "{CLOSING}"
        kind: association
        role: partner
    spread:
      - to: "{ADOPTER}"
        kind: foundation
        status: adopted
        year: 2021
"""

FREE_TEXT = f"{TITLE}\n\nVejen Kommune startede læsecaféen i samarbejde med {LINK}.\n"

#: command → (its arguments after the corpus options, the literal texts its output must hold)
COMMANDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "cases": (("cases",), (TITLE, LINK)),
    # candidates clips titles to 28 characters
    "candidates": (("candidates",), ("[bold]Spise[/bold]venner",)),
    "network ties": (("network", "ties"), (LINK, CLOSING, TITLE)),
    "network sectors": (("network", "sectors", "--by", "actor"), (LINK, CLOSING)),
    "spread paths": (("spread", "paths"), (TITLE, ADOPTER)),
    "spread spreaders": (("spread", "spreaders"), (TITLE, ADOPTER)),
    "spread reach": (("spread", "reach", "markup-01"), (f"Reach of {TITLE}", ADOPTER)),
}


@pytest.fixture(scope="module")
def runs(run_cli_many, tmp_path_factory):
    folder = tmp_path_factory.mktemp("markup")
    cases = folder / "markup.yaml"
    cases.write_text(CASES_YAML, encoding="utf-8")
    text = folder / "laesecafe.txt"
    text.write_text(FREE_TEXT, encoding="utf-8")
    commands = {name: (*args, "--no-defaults", "--cases", cases) for name, (args, _) in COMMANDS.items()}
    commands["extract"] = ("extract", text)
    return run_cli_many(commands)


@pytest.mark.parametrize("name", COMMANDS)
def test_table_prints_markup_in_names_and_titles_literally(runs, name):
    code, out, err = runs[name]
    assert code == 0 and "Traceback" not in err, err[-1500:]
    for literal in COMMANDS[name][1]:
        assert literal in out, f"{literal!r} not printed as it is by samspil {name}:\n{out}"
    assert "😄" not in out, "an emoji code in a name is text, not an emoji"


def test_extract_prints_its_title_and_evidence_literally(runs):
    code, out, err = runs["extract"]
    assert code == 0 and "Traceback" not in err, err[-1500:]
    assert out.splitlines()[0].startswith(f"{TITLE}  (")
    assert f"i samarbejde med {LINK}." in out  # the evidence quote, in the actors table


def test_data_table_keeps_every_string_as_text():
    import io

    from rich.console import Console

    from samspil.cli._output import DataTable

    table = DataTable("[b]name[/b]", title=f"title {TITLE}", caption=f"caption {CLOSING}")
    table.add_column("[i]kind[/i]", justify="right")
    table.add_row(LINK, ADOPTER)
    out = io.StringIO()
    Console(file=out, width=200, color_system=None).print(table)
    for literal in ("[b]name[/b]", "[i]kind[/i]", f"title {TITLE}", f"caption {CLOSING}", LINK, ADOPTER):
        assert literal in out.getvalue(), literal
