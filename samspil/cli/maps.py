"""Commands that draw maps: ``samspil map <view>`` and ``samspil atlas``.

:mod:`samspil.viz` (igraph, the layout, the page) is imported inside the commands, so
``samspil --help`` does not pay for it; the options' defaults below are its own, and
tests/test_cli_imports.py keeps them equal to :mod:`samspil.viz.maps`'s.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import click

from samspil.cli.app import build_from_options, corpus_options, main

#: :data:`samspil.viz.maps.PHYSICS_LIMIT`, :data:`~samspil.viz.maps.MAX_NODES` and
#: :data:`~samspil.viz.maps.AGGREGATIONS`, for the options and help (a test keeps them equal).
PHYSICS_LIMIT = 150
MAX_NODES = 6000
AGGREGATIONS: tuple[str, ...] = ("community", "kind")


def _drawing_options(func):
    """Options every map shares: where it goes, its layout seed and its size limit."""
    func = click.option("--aggregate", "aggregate_by", type=click.Choice(AGGREGATIONS), default="community",
                        show_default=True, help="How a map above --max-nodes is summarised.")(func)
    func = click.option("--max-nodes", type=click.IntRange(min=1), default=MAX_NODES, show_default=True,
                        help="Aggregate a map with more nodes than this.")(func)
    func = click.option("--seed", type=int, default=1, show_default=True,
                        help="Seed of the layout: the same seed draws the same map.")(func)
    return func


def _out_option(default: str):
    return click.option("-o", "--out", "out_path", default=default, show_default=True,
                        type=click.Path(dir_okay=False), help="HTML file to write (atomically).")


def _size_option(default: str):
    return click.option("--size-by", type=click.Choice(["degree", "betweenness"]), default=default,
                        show_default=True, help="What the size of a node shows.")


_CONTACTS = click.option("--include-contacts", is_flag=True,
                         help="Draw contact persons with phone and e-mail (personal data).")


def _write(view, out_path: str, seed: int, max_nodes: int, aggregate_by: str) -> None:
    from samspil.viz.maps import write_map

    path, drawn = write_map(view, Path(out_path), seed=seed, max_nodes=max_nodes, aggregate_by=aggregate_by)
    physics = "physics on" if drawn.options.get("physics", {}).get("enabled") else "fixed layout"
    click.echo(f"wrote {path} ({path.stat().st_size:,} bytes): {len(drawn.nodes)} nodes, "
               f"{len(drawn.edges)} edges, {physics}, seed {seed}")
    for notice in drawn.notices:
        click.echo(f"  {notice}")


@main.group(name="map")
def map_group() -> None:
    """Draw one interactive network map as a self-contained HTML file.

    Each map works offline (vis-network inline, no request to any host), has a legend,
    a search box and filter menus, and tooltips with the evidence quotes. Up to
    {physics} nodes the layout moves (drag a node); above that it is computed in advance
    and still; above --max-nodes the map is aggregated into communities, and says so.
    Contact persons appear only with --include-contacts.
    """


map_group.help = map_group.help.replace("{physics}", str(PHYSICS_LIMIT))


@map_group.command()
@corpus_options
@_out_option("samspil-network.html")
@_drawing_options
@_size_option("degree")
@_CONTACTS
def network(lsf_paths, case_files, no_defaults, out_path, seed, max_nodes, aggregate_by, size_by,
            include_contacts):
    """The whole network: actors, solutions and themes, coloured by kind."""
    from samspil.viz.views import network_view

    g = build_from_options(lsf_paths, case_files, no_defaults, include_contacts=include_contacts)
    _write(network_view(g, include_contacts=include_contacts, size_by=size_by), out_path, seed, max_nodes,
           aggregate_by)


@map_group.command("cross-sector")
@corpus_options
@_out_option("samspil-cross-sector.html")
@_drawing_options
@_size_option("betweenness")
def cross_sector(lsf_paths, case_files, no_defaults, out_path, seed, max_nodes, aggregate_by, size_by):
    """Actors tied by solutions they made together, coloured by sector."""
    from samspil.viz.views import cross_sector_view

    g = build_from_options(lsf_paths, case_files, no_defaults)
    _write(cross_sector_view(g, size_by=size_by), out_path, seed, max_nodes, aggregate_by)


@map_group.command()
@corpus_options
@click.argument("solution")
@_out_option("samspil-spread.html")
@_drawing_options
def spread(lsf_paths, case_files, no_defaults, solution, out_path, seed, max_nodes, aggregate_by):
    """Where one SOLUTION went (its title, id, or the id of a case describing it)."""
    from samspil.viz.views import spread_view

    g = build_from_options(lsf_paths, case_files, no_defaults)
    _write(spread_view(g, solution), out_path, seed, max_nodes, aggregate_by)


@map_group.command()
@corpus_options
@click.argument("actor")
@click.option("--depth", type=click.IntRange(1, 2), default=1, show_default=True, help="Steps from the actor.")
@_out_option("samspil-neighbourhood.html")
@_drawing_options
@_size_option("degree")
@_CONTACTS
def neighbourhood(lsf_paths, case_files, no_defaults, actor, depth, out_path, seed, max_nodes, aggregate_by,
                  size_by, include_contacts):
    """One ACTOR (name, part of a name, or id) and what lies within 1 or 2 steps."""
    from samspil.viz.views import neighbourhood_view

    g = build_from_options(lsf_paths, case_files, no_defaults, include_contacts=include_contacts)
    _write(neighbourhood_view(g, actor, depth=depth, include_contacts=include_contacts, size_by=size_by),
           out_path, seed, max_nodes, aggregate_by)


@map_group.command()
@corpus_options
@click.option("--top", type=click.IntRange(min=1), default=15, show_default=True, help="How many cases.")
@click.option("--theme", default=None, help="Only this theme or policy area (see `samspil themes`).")
@click.option("--region", default=None, help="Only cases with a maker in this region.")
@click.option("--weight", "weight_items", multiple=True, metavar="NAME=VALUE",
              help="Weight of a score component, as in `samspil candidates`; repeatable.")
@_out_option("samspil-candidates.html")
@_drawing_options
def candidates(lsf_paths, case_files, no_defaults, top, theme, region, weight_items, out_path, seed, max_nodes,
               aggregate_by):
    """The best Find & Forstør candidates and the actors behind them."""
    from samspil.queries.candidates import parse_weights, rank_candidates
    from samspil.viz.views import candidates_view

    weights = parse_weights(weight_items)
    g = build_from_options(lsf_paths, case_files, no_defaults)
    ranked = rank_candidates(g, theme=theme, region=region, weights=weights)
    _write(candidates_view(g, top=top, theme=theme, region=region, ranked=ranked), out_path, seed, max_nodes,
           aggregate_by)


@main.command()
@corpus_options
@click.option("-o", "--out", "out_dir", default="atlas", show_default=True, type=click.Path(file_okay=False),
              help="Folder to write the site to.")
@_drawing_options
@click.option("--top", type=click.IntRange(min=1), default=15, show_default=True,
              help="Candidates on the candidate map (the table lists all).")
@click.option("--actors", type=click.IntRange(min=0), default=12, show_default=True,
              help="Neighbourhood maps of this many actors, the most connected first.")
@_CONTACTS
def atlas(lsf_paths, case_files, no_defaults, out_dir, seed, max_nodes, aggregate_by, top, actors,
          include_contacts):
    """Every map as a small static site: an index, the network maps, a spread map per
    solution that spread, neighbourhoods, the candidate table and a page for every
    municipality and region. Open index.html."""
    from samspil.viz.atlas import write_atlas

    g = build_from_options(lsf_paths, case_files, no_defaults, include_contacts=include_contacts)
    pages = write_atlas(g, Path(out_dir), seed=seed, max_nodes=max_nodes, aggregate_by=aggregate_by,
                        include_contacts=include_contacts, top=top, actors=actors)
    total = sum(p.bytes for p in pages)
    kinds = Counter(p.view for p in pages)
    click.echo(f"wrote {len(pages)} pages ({total:,} bytes) to {out_dir}: "
               + ", ".join(f"{n} {view}" for view, n in kinds.items()))
    click.echo(f"open {Path(out_dir) / 'index.html'}")
