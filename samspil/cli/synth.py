"""``samspil synth``: a synthetic corpus for scale tests and benchmarks."""

from __future__ import annotations

import click

from samspil.cli.app import main


@main.command()
@click.option("-n", "n", type=click.IntRange(min=1), required=True, help="Number of cases.")
@click.option("--seed", type=int, default=0, show_default=True, help="Same seed, byte-identical output.")
@click.option("--format", "fmt", type=click.Choice(["lsf", "yaml"]), default="lsf", show_default=True,
              help="lsf: the LÆS STJÆL FORTÆL text layout (read with --lsf); yaml: structured case files "
                   "(read with --cases).")
@click.option("-o", "--out", "out", type=click.Path(), required=True,
              help="File to write; a folder when the cases take more than one file (N > --per-file).")
@click.option("--per-file", type=click.IntRange(min=1), default=1000, show_default=True,
              help="Cases per file (a source may be at most 64 MiB; 1 000 cases make about 3 MB).")
@click.option("--truth", type=click.Path(dir_okay=False),
              help="Also write what was planted in every case (actors, roles, spread), one JSON object a line.")
def synth(n, seed, fmt, out, per_file, truth):
    """Generate N synthetic cases with realistic Danish names.

    Municipalities are drawn by size, other organisations from the gazetteer and
    generated company names with long-tailed weights; the texts say who worked
    together ("i samarbejde med ...", "finansieret af ...") and where the solution
    spread ("har spredt sig til ...", "... har udvist interesse", "... var på besøg
    i 2021"). For tests and benchmarks, never for analysis: see samspil/testing/synthetic.py.

    \b
    Example:
      samspil synth -n 10000 --seed 1 -o synth/     # 10 files of 1 000 cases
      samspil build --no-defaults $(printf -- '--lsf %s ' synth/*.txt) -o out
    """
    from samspil.testing.synthetic_files import write_corpus

    written = write_corpus(n, seed, fmt, out, per_file=per_file, truth=truth)
    size = sum(p.stat().st_size for p in written)
    where = written[0] if len(written) == 1 else f"{len(written)} files in {out}"
    click.echo(f"{n} cases (seed {seed}, {fmt}) → {where}, {size:,} bytes", err=True)
