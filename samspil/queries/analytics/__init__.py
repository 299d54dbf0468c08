"""Analytics on the Samspil graph: cross-sector networks and the spread of solutions.

One module per family, plain functions that take a graph and return plain data:

* :mod:`samspil.queries.analytics.network` — the collaboration projection, sector mix,
  ties between sectors, brokers (betweenness, Gould–Fernandez roles), communities.
* :mod:`samspil.queries.analytics.spread` — spread paths and chains, reach, the
  solutions and actors that spread furthest, who could adopt next.

The Find & Forstør ranking is :func:`samspil.queries.candidates.rank_candidates`;
the case register's filters are in :mod:`samspil.queries.register`.
"""
