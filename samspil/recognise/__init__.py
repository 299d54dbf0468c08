"""Recognition: case records to facts — the organisations a case names, their roles, where
the solution spread, where the idea came from, and whether its effect is documented."""

from samspil.core.lazy import lazy_exports

__all__, __getattr__, __dir__ = lazy_exports(__name__, {
    "recogniser": ["recognise", "sentences"],
    "mentions": ["find_mentions"],
    "spread": ["spread_cues"],
})
