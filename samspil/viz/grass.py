"""The Neo4j Browser style (GraSS) of the Samspil labels, in the colours of the maps.

``samspil neo4j style`` prints :data:`GRASS_PATH`, the shipped file, which is
:func:`render_grass`'s text (a test keeps them equal).
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["GRASS_PATH", "render_grass"]

#: The Neo4j Browser style shipped with the package.
GRASS_PATH = Path(__file__).resolve().parents[1] / "data" / "neo4j" / "samspil.grass"

#: Node colours for the labels that are not a kind of the maps (samspil.viz.style.KIND_STYLES).
_EXTRA_NODE_COLOURS = {"Actor": "#a5abb6", "Case": "#c7c7c7", "Source": "#8d6e63", "Channel": "#dbdb8d"}
#: Node sizes: regions and solutions stand out, cases and sources recede.
_DIAMETERS = {"Region": 65, "Solution": 60, "Municipality": 50, "Theme": 45, "Case": 40, "Unit": 40,
              "Source": 35, "Person": 30, "Group": 45, "Channel": 35}
#: Relationship captions: the property that says most about one, else its type.
_REL_CAPTIONS = {"PARTNER_IN": "{role}", "SPREAD_TO": "{status}", "COLLABORATES_WITH": "{weight}",
                 "SHARED_VIA": "{channel}"}
_REL_WIDTHS = {"SPREAD_TO": 3, "OWNS": 2, "PARTNER_IN": 2, "INSPIRED_BY": 2}


def _luminance(colour: str) -> float:
    """Relative luminance (WCAG) of a ``#rrggbb`` colour: 0 black, 1 white."""
    r, g, b = (int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def _darker(colour: str, factor: float = 0.75) -> str:
    """A ``#rrggbb`` colour with each channel scaled by ``factor`` (the border of a node)."""
    return "#" + "".join(f"{int(int(colour[i:i + 2], 16) * factor):02x}" for i in (1, 3, 5))


def render_grass() -> str:
    """The Neo4j Browser style (GraSS) of the Samspil labels, in the colours of the maps.

    Colours come from :data:`samspil.viz.style.KIND_STYLES` (actor kinds, Solution, Theme,
    Person) and :data:`samspil.viz.style.REL_STYLES` (relationship types), so Neo4j Browser
    and the maps speak the same visual language. Neo4j Browser applies the rules in file
    order, later ones winning, so the generic ``node.Actor`` comes before the kind labels.
    ``samspil/data/neo4j/samspil.grass`` is this text (a test keeps them equal). The file
    has no comments, because Neo4j Browser's parser does not skip them.

    Returns
    -------
    str

    Examples
    --------
    >>> "node.Municipality {" in render_grass()
    True
    """
    # Imported here: the command line imports this module (GRASS_PATH) every time it starts.
    from samspil.core.model import ACTOR_KINDS, RELATIONSHIPS
    from samspil.viz.style import KIND_STYLES, REL_STYLES

    colours = dict(_EXTRA_NODE_COLOURS)
    colours.update({kind.label: KIND_STYLES[k]["color"] for k, kind in ACTOR_KINDS.items()})
    colours.update({"Solution": KIND_STYLES["solution"]["color"], "Theme": KIND_STYLES["theme"]["color"],
                    "Person": KIND_STYLES["person"]["color"], "Group": KIND_STYLES["group"]["color"]})
    order = ["Actor", *[kind.label for kind in ACTOR_KINDS.values()], "Solution", "Case", "Source", "Theme", "Person",
             "Group", "Channel"]
    # No comments in the text: Neo4j Browser's GraSS parser does not know them and would read
    # one as part of the first selector.
    out = ["node {", "  diameter: 50px;", "  color: #A5ABB6;", "  border-color: #9AA1AC;", "  border-width: 2px;",
           "  text-color-internal: #FFFFFF;", "  font-size: 10px;", "}", "",
           "relationship {", "  color: #A5ABB6;", "  shaft-width: 1px;", "  font-size: 8px;", "  padding: 3px;",
           "  text-color-external: #000000;", "  text-color-internal: #FFFFFF;", "  caption: '<type>';", "}", ""]
    for label in order:
        colour = colours[label]
        text = "#FFFFFF" if _luminance(colour) < 0.35 else "#2A2C34"
        out += [f"node.{label} {{", f"  color: {colour};", f"  border-color: {_darker(colour)};",
                f"  text-color-internal: {text};", f"  diameter: {_DIAMETERS.get(label, 50)}px;",
                "  caption: '{name}';", "}", ""]
    for rel_type in RELATIONSHIPS:
        style = REL_STYLES.get(rel_type) or REL_STYLES.get(f"{rel_type}:adopted")
        colour = style["color"] if style else "#A5ABB6"
        out += [f"relationship.{rel_type} {{", f"  color: {colour};",
                f"  shaft-width: {_REL_WIDTHS.get(rel_type, 1)}px;",
                f"  caption: '{_REL_CAPTIONS.get(rel_type, '<type>')}';", "}", ""]
    return "\n".join(out)
