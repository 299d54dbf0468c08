"""Loaders: source formats to case records, nothing else — the LÆS STJÆL FORTÆL layout
(:mod:`~samspil.loaders.lsf2019`), free text (:mod:`~samspil.loaders.freetext`) and the
structured YAML case files (:mod:`~samspil.loaders.structured`)."""

from samspil.core.lazy import lazy_exports

__all__, __getattr__, __dir__ = lazy_exports(__name__, {
    "lsf2019": ["lsf2019"],
    "freetext": ["freetext"],
    "structured": ["structured", "StructuredFile", "load_files"],
    "yamlfile": ["read_yaml"],
})
