"""Recognition: case records to facts — the organisations a case names, their roles, where
the solution spread, where the idea came from, how well its effect is documented (a grade),
and what stands in its way."""

from samspil.core.lazy import lazy_exports

__all__, __getattr__, __dir__ = lazy_exports(__name__, {
    "recogniser": ["recognise", "sentences"],
    "mentions": ["find_mentions"],
    "spread": ["spread_cues"],
    "effect": ["grade_effect", "find_barriers"],
})
