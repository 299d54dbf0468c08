"""What each map shows: plain functions from a Samspil graph to the nodes and edges of a view.

A view is a :class:`MapView` (module ``base``, with :data:`VIEWS` and
:func:`redact_contacts`): vis-network node and edge objects (plain dicts), the legend, the
filter menus and the lines that explain the map. Nothing here knows HTML; turning a view
into a page is :mod:`samspil.viz.maps`, and placing a large one is :mod:`samspil.viz.layout`.

The views
---------
One module per view, sharing the helpers of ``_shared``:

:func:`network_view` (``network``)
    The whole network: actors, solutions and themes. Cases are folded into the solution
    they describe (an actor that nominated a case is tied to its solution), sources are
    left out, and every pair of nodes gets one line in the style of its strongest
    relationship, with all of them listed in its tooltip.
:func:`cross_sector_view` (``cross_sector``)
    Actors only, tied when they made a solution together (the collaboration projection of
    :mod:`samspil.queries.analytics.network`), coloured by sector, ties coloured by the
    sectors they join, sized by betweenness.
:func:`spread_view` (``spread``)
    One solution: who made it, where it went (adopted, interested, visited, inspired) with
    years, the variants made from it and where those went; laid out left to right.
:func:`neighbourhood_view` and :func:`find_actor` (``neighbourhood``)
    One actor and what lies within one or two steps of it in the whole network.
:func:`candidates_view` (``candidates``)
    The Find & Forstør ranking (:func:`samspil.queries.candidates.rank_candidates`): the
    best cases' solutions sized by score, with the actors behind them.

Personal data
-------------
Person nodes (contacts) appear only with ``include_contacts=True``. Without it every text a
view puts on a map is also stripped of e-mail addresses and phone numbers, in case an
evidence quote or summary carries one.
"""

from __future__ import annotations

from samspil.viz.views.base import VIEWS, MapView, redact_contacts
from samspil.viz.views.candidates import candidates_view
from samspil.viz.views.cross_sector import cross_sector_view
from samspil.viz.views.neighbourhood import find_actor, neighbourhood_view
from samspil.viz.views.network import network_view
from samspil.viz.views.spread import spread_view

__all__ = [
    "MapView",
    "VIEWS",
    "network_view",
    "cross_sector_view",
    "spread_view",
    "neighbourhood_view",
    "candidates_view",
    "find_actor",
    "redact_contacts",
]
