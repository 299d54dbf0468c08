"""The shared core: the graph model's fixed vocabulary, organisation identity and the
gazetteer, case records and facts, source text handling, themes, errors, atomic writes and
the headers of named queries. Every other package builds on it; it imports none of them."""

from samspil.core.lazy import lazy_exports

__all__, __getattr__, __dir__ = lazy_exports(__name__, {
    "model": ["ACTOR_KINDS", "LABELS", "RELATIONSHIPS", "ROLES", "SECTORS", "SPREAD_STATUSES", "ActorKind", "actor_labels", "check_identifier", "edge_key"],
    "identity": ["Gazetteer", "Organisation", "actor_id", "name_key", "slugify"],
    "records": ["ActorMention", "CaseFacts", "CaseRecord", "Contact", "Corpus", "InspirationMention", "Section", "SourceInfo", "SpreadMention"],
    "text": ["read_source", "redact_contact_details"],
    "themes": ["load_themes", "resolve_theme", "tag_themes", "theme_label"],
    "errors": ["EngineError", "InputError", "SamspilError"],
    "atomic": ["write_all_atomic", "write_atomic"],
    "querytext": ["PARAM_TYPES", "QueryHeader", "QueryParam", "parse_header"],
})
