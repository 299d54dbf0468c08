"""Graphs and corpora made for tests and benchmarks, never for analysis: small hand-made
cases (:mod:`.toys`), synthetic graphs of any size (:mod:`.graphs`) and synthetic source
texts in the shipped formats (:mod:`.synthetic`)."""

from samspil.core.lazy import lazy_exports

__all__, __getattr__, __dir__ = lazy_exports(__name__, {
    "toys": ["toy_graph", "toy_records"],
    "graphs": ["synthetic_graph"],
    "synthetic": ["generate"],
    "synthetic_files": ["render_lsf", "render_yaml", "write_corpus"],
})
