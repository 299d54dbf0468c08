"""Questions to the graph: named Cypher queries run on either engine (:mod:`.library`),
the case register and candidates for Find & Forstør, and the networkx analytics
(:mod:`samspil.queries.analytics`); rows as pandas DataFrames or Parquet (:mod:`.frames`)."""

from samspil.core.lazy import lazy_exports

__all__, __getattr__, __dir__ = lazy_exports(__name__, {
    "library": ["NamedQuery", "get_query", "list_queries", "run_query"],
    "register": ["case_register", "filter_cases"],
    "candidates": ["rank_candidates"],
    "frames": ["to_dataframe", "write_parquet"],
})
