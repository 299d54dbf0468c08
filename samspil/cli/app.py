"""The root command group and what every command shares: one-line errors and warnings, exit codes,
the corpus options and the output format option."""

from __future__ import annotations

import functools
import os
import sys
import warnings
from collections.abc import Callable, Sequence
from typing import Any

import click

from samspil import __version__
from samspil.core.errors import SamspilError, SamspilWarning
from samspil.core.text import printable


class SamspilGroup(click.Group):
    """A click group that turns :class:`SamspilError` into one line on stderr and exit code 2."""

    def invoke(self, ctx: click.Context):  # type: ignore[override]
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("always", SamspilWarning)
                warnings.showwarning = _show_warning
                return super().invoke(ctx)
        except SamspilError as exc:
            click.echo(f"samspil: error: {printable(str(exc))}", err=True)
            sys.exit(2)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit, KeyboardInterrupt):
            raise
        except Exception as exc:
            # A bug, not bad input: one line for the user, the traceback for whoever debugs it.
            if os.environ.get("SAMSPIL_DEBUG"):
                raise
            click.echo(f"samspil: internal error: {type(exc).__name__}: {exc} "
                       "(please report it; SAMSPIL_DEBUG=1 shows the traceback)", err=True)
            sys.exit(1)


@click.group(cls=SamspilGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="samspil")
@click.option("--follow-symlinks", is_flag=True,
              help="An output path (-o) that is a symbolic link: write its target (atomically) "
                   "instead of refusing.")
def main(follow_symlinks: bool) -> None:
    """Samspil: a knowledge graph of Danish public-sector innovation.

    Build the graph from the shipped case collections, list the cases, export the
    graph, run Cypher on an embedded engine or Neo4j, analyse networks and spread,
    and draw maps.

    An output path (-o) must be a new path or a regular file: a device, FIFO, socket or
    symbolic link is never replaced (exit 2), unless --follow-symlinks is given for a link.
    """
    from samspil.core.atomic import FOLLOW_SYMLINKS

    FOLLOW_SYMLINKS.set(follow_symlinks)


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:  # noqa: ANN001
    """The library's :class:`SamspilWarning` as one ``samspil: warning:`` line; others as Python shows them."""
    if issubclass(category, SamspilWarning):
        warn(str(message))
    else:
        sys.stderr.write(warnings.formatwarning(message, category, filename, lineno, line))


def warn(message: str) -> None:
    """Say on stderr, as one line ``samspil: warning: MESSAGE``, something the user should know
    that does not stop the command (name the file it is about in ``message``)."""
    click.echo(f"samspil: warning: {printable(message)}", err=True)


def corpus_options(func):
    """Options every command that builds the graph shares: which sources to read."""
    func = click.option("--lsf", "lsf_paths", multiple=True, type=click.Path(),
                        help="Also read this text in the LÆS STJÆL FORTÆL layout (repeatable).")(func)
    func = click.option("--cases", "case_files", multiple=True, type=click.Path(),
                        help="Also read this structured YAML case file (repeatable).")(func)
    func = click.option("--no-defaults", is_flag=True,
                        help="Do not read the shipped sources; only those given with --lsf/--cases.")(func)
    # Curation options reach build_from_options through the click context, so commands
    # keep the three corpus parameters in their signatures.
    func = click.option("--corrections", "correction_files", multiple=True, type=click.Path(),
                        expose_value=False, callback=_remember,
                        help="Also apply this reviewed corrections file (repeatable).")(func)
    func = click.option("--no-curation", is_flag=True, expose_value=False, callback=_remember,
                        help="Do not apply the shipped corrections (see what the recogniser finds alone).")(func)
    return func


#: What ``--format`` offers unless a command offers more (the renderer: samspil/cli/_output.py).
FORMATS: tuple[str, ...] = ("table", "json", "csv")


def format_option(formats: Sequence[str] = FORMATS, *, aliases: Sequence[str] = (),
                  help: str = "table for people, json or csv for programs.") -> Callable[[Callable[..., Any]], Any]:
    """``--format`` (``table`` by default), which the command receives as ``fmt``.

    ``aliases`` names formats that also have a flag of their own (``--json``, ``--csv``):
    the flags commands had before ``--format``, kept so that scripts using them still work.
    Two flags, or a flag and a different ``--format``, are one error.
    """
    def decorate(func: Callable[..., Any]) -> Any:
        @functools.wraps(func)
        def chosen(*args: Any, fmt: str | None, **kwargs: Any) -> Any:
            asked = [f"--format {fmt}"] if fmt is not None else []
            asked += [f"--{alias}" for alias in aliases if kwargs.pop(f"as_{alias}") and alias != fmt]
            if len(asked) > 1:
                raise SamspilError(f"choose one output format: {' or '.join(asked)}")
            flagged = [alias for alias in aliases if f"--{alias}" in asked]
            return func(*args, fmt=fmt or (flagged[0] if flagged else "table"), **kwargs)

        for alias in reversed(aliases):
            chosen = click.option(f"--{alias}", f"as_{alias}", is_flag=True,
                                  help=f"Same as --format {alias}.")(chosen)
        return click.option("--format", "fmt", type=click.Choice(list(formats)), default=None,
                            show_default="table", help=help)(chosen)

    return decorate


def _remember(ctx: click.Context, param: click.Parameter, value):
    ctx.meta[f"samspil.{param.name}"] = value
    return value


def corpus_from_options(lsf_paths: tuple[str, ...], case_files: tuple[str, ...], no_defaults: bool, *,
                        report: Callable[[str], None] | None = None):
    """The corpus the corpus options ask for, curated; warns about corrections that match nothing
    (through ``report`` when given)."""
    from samspil.corpus.curation import load_corrections
    from samspil.corpus.sources import build_corpus

    corrections_paths, _ = _curation_options(no_defaults)
    corrections = load_corrections(corrections_paths) if corrections_paths else None
    corpus = build_corpus(lsf_paths, case_files, defaults=not no_defaults, corrections=corrections)
    for stale in corrections.unmatched() if corrections else ():
        (report or warn)(f"correction matches nothing: {stale.describe()}")
    return corpus


def _curation_options(no_defaults: bool) -> tuple[list[Any], bool]:
    """The corrections files the options ask for, and whether curation is off."""
    from samspil.corpus.curation import default_corrections_path

    meta = click.get_current_context().meta
    correction_files = meta.get("samspil.correction_files", ())
    no_curation = meta.get("samspil.no_curation", False)
    return ([] if no_curation or no_defaults else [default_corrections_path()]) + list(correction_files), no_curation


def build_from_options(lsf_paths: tuple[str, ...], case_files: tuple[str, ...], no_defaults: bool, *,
                       include_contacts: bool = False):
    """Build the graph the corpus options ask for (see :func:`corpus_from_options`), or read it
    from the cache of built graphs when nothing it is built from has changed
    (:mod:`samspil.graph.cache`); the build's warnings are said either way."""
    from samspil.graph.builder import build_graph
    from samspil.graph.cache import Built, cached_build, graph_key

    corrections_paths, no_curation = _curation_options(no_defaults)
    key = graph_key([*lsf_paths, *case_files, *corrections_paths],
                    (tuple(lsf_paths), tuple(case_files), no_defaults, no_curation, include_contacts))

    def build() -> Built:
        said: list[str] = []
        corpus = corpus_from_options(lsf_paths, case_files, no_defaults, report=said.append)
        return Built(build_graph(corpus, include_contacts=include_contacts), said)

    built, cached = cached_build(key, build)
    click.get_current_context().meta["samspil.graph_cached"] = cached
    for message in built.warnings:
        warn(message)
    return built.graph
