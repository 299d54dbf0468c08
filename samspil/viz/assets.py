"""The web files of the maps (``samspil/viz/static/``) and how they go into a page.

The page templates, the CSS and the page script are real files, shipped as package data and
read with :mod:`importlib.resources`; every page inlines them when it is written, so a map
stays one HTML file that works offline.

``static/map.html``
    the template of a map page (:func:`samspil.viz.page.render_page`);
``static/map.css``, ``static/map.js``
    its style and its script (which holds no data: it reads the page's JSON element);
``static/labels.js``, ``static/focus.js``, ``static/export.js``
    the rest of that script (inlined after ``map.js``, as one script): which labels are
    drawn so none overlaps, the focus panel of a clicked node, PNG/SVG export;
``static/atlas.html``, ``static/atlas.css``
    the template and style of the atlas's plain pages (:func:`samspil.viz.atlas.render_static`).

A template marks each place to fill as ``@@NAME@@`` (see :func:`fill`).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from importlib import resources

__all__ = ["static_text", "inline_text", "fill"]


@lru_cache(maxsize=None)
def static_text(name: str) -> str:
    """The text of one file of ``samspil/viz/static/``.

    Parameters
    ----------
    name : str
        The file's name, e.g. ``"map.js"``.

    Returns
    -------
    str
        The file as UTF-8 text (read once per process).

    Raises
    ------
    FileNotFoundError
        When the package holds no such file (an install without its package data).

    Examples
    --------
    >>> static_text("map.html").startswith("<!DOCTYPE html>")
    True
    """
    return resources.files("samspil.viz").joinpath("static", name).read_text(encoding="utf-8")


def inline_text(*names: str) -> str:
    """The text of the ``<style>`` or ``<script>`` element that inlines static files.

    The first file starts on the line after the opening tag; several files follow each other
    in the given order. A script's Content-Security-Policy hash must be taken of exactly
    this text.

    Parameters
    ----------
    *names : str
        Files of ``samspil/viz/static/``, e.g. ``"map.css"``.

    Returns
    -------
    str
        A newline, then the files.

    Examples
    --------
    >>> inline_text("map.js").startswith("\\n(function () {")
    True
    """
    return "".join("\n" + static_text(name) for name in names)


def fill(template: str, values: Mapping[str, str]) -> str:
    """Replace the ``@@NAME@@`` markers of a template in one pass.

    Inserted text is never scanned again, so a value holding ``@@`` stays as it is.

    Parameters
    ----------
    template : str
        Text with markers; ``@@`` appears nowhere else in it.
    values : mapping of str to str
        The text of each marker's name.

    Returns
    -------
    str

    Raises
    ------
    KeyError
        For a marker without a value.

    Examples
    --------
    >>> fill("<h1>@@TITLE@@</h1>@@LEAD@@", {"TITLE": "@@LEAD@@", "LEAD": "!"})
    '<h1>@@LEAD@@</h1>!'
    """
    parts = template.split("@@")
    # Markers sit at odd positions: text @@NAME@@ text @@NAME@@ ...
    return "".join(values[part] if i % 2 else part for i, part in enumerate(parts))
