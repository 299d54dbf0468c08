"""Maps of a Samspil graph: interactive, offline HTML pages, an atlas of them, and the
Neo4j Browser style in the same colours.

=============================  ===============================================================
module                         what it holds
=============================  ===============================================================
:mod:`~samspil.viz.views`      what each map shows (:class:`MapView`; one module per view)
:mod:`~samspil.viz.maps`       from a view to a page: size limits, layout, physics, the file
:mod:`~samspil.viz.page`       the page itself (template, CSS and script in ``static/``)
:mod:`~samspil.viz.atlas`      every map as a small static site
:mod:`~samspil.viz.places`     the atlas's page for each municipality and region
:mod:`~samspil.viz.style`      colours, shapes and Danish words of kinds, sectors, relations
:mod:`~samspil.viz.layout`     positions, sizes and communities (igraph)
:mod:`~samspil.viz.grass`      the Neo4j Browser style
:mod:`~samspil.viz.assets`     reading ``static/`` and filling its templates
=============================  ===============================================================

Every name of :data:`__all__` can be imported from here. A name is imported from its module
on first use, so ``import samspil.viz.grass`` (which the command line does at every start)
does not bring in networkx, igraph and the page.

Examples
--------
>>> import samspil.viz
>>> samspil.viz.VIEWS
('network', 'cross-sector', 'spread', 'neighbourhood', 'candidates')
"""

from __future__ import annotations

import importlib
from typing import Any

#: The module of each public name.
_HOMES: dict[str, str] = {
    **dict.fromkeys(("MapView", "VIEWS", "network_view", "cross_sector_view", "spread_view",
                     "neighbourhood_view", "candidates_view", "find_actor", "redact_contacts"),
                    "views"),
    **dict.fromkeys(("PHYSICS_LIMIT", "MAX_NODES", "AGGREGATIONS", "prepare", "aggregate",
                     "render_map", "write_map"), "maps"),
    **dict.fromkeys(("DEFAULT_PALETTE", "SWATCH_SHAPES", "APP_SCRIPTS", "LegendEntry", "FilterControl",
                     "vis_network_assets", "render_page", "write_page"), "page"),
    **dict.fromkeys(("AtlasPage", "write_atlas", "render_static"), "atlas"),
    **dict.fromkeys(("Place", "PlacePage", "places_of", "place_of", "render_place", "write_places",
                     "places_index"), "places"),
    **dict.fromkeys(("KIND_STYLES", "SECTOR_STYLES", "REL_STYLES", "REL_ORDER", "SECTOR_PAIR_COLORS",
                     "SECTOR_RINGS", "node_colors", "kind_legend", "sector_legend", "rel_control", "sector_control", "kind_control",
                     "rel_key", "edge_style", "sector_pair_label", "sector_pair_color"), "style"),
    **dict.fromkeys(("degrees", "betweenness", "communities", "force_layout"), "layout"),
    **dict.fromkeys(("GRASS_PATH", "render_grass"), "grass"),
}

__all__ = list(_HOMES)


def __getattr__(name: str) -> Any:
    """Import a public name from its module when it is first asked for (PEP 562)."""
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_HOMES[name]}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
