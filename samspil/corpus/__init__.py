"""The one way to a corpus: which sources are read (:func:`load_corpus`,
:func:`build_corpus`) and the reviewed corrections applied to what was recognised in them."""

from samspil.core.lazy import lazy_exports

__all__, __getattr__, __dir__ = lazy_exports(__name__, {
    "sources": ["build_corpus", "load_corpus"],
    "curation": ["Corrections", "default_corrections_path", "load_corrections"],
})
