"""Facts to a networkx graph (:func:`build_graph`, :func:`default_graph`), the case view
(the JSON contract of design.md), the export registry, the main job's outputs, and free text
to a case view (:func:`extract_text`) with its evaluation against annotated sets."""

from samspil.core.lazy import lazy_exports

__all__, __getattr__, __dir__ = lazy_exports(__name__, {
    "builder": ["build_corpus_graph", "build_graph", "default_graph", "solution_id"],
    "caseview": ["case_view", "case_views"],
    "exports": ["ExportFormat", "export_graph", "format_for", "register_format", "without_contacts"],
    "outputs": ["write_outputs"],
    "extract": ["extract_file", "extract_graph", "extract_text"],
    "evaluation": ["Evaluation", "evaluate", "load_gold"],
})
