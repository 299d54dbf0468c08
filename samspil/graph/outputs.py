"""The main job: every output of a built graph, written to one folder."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from samspil.core.atomic import write_all_atomic
from samspil.graph.caseview import case_views
from samspil.graph.exports import format_for, without_contacts


def write_outputs(g: nx.MultiDiGraph, out_dir: Path, *, include_contacts: bool = False) -> list[Path]:
    """Write the graph's outputs to ``out_dir``: samspil.json (node-link), .graphml, .gexf, .ttl
    (linked data) and cases.json (the case view), as one set.

    Every file is computed, then written to a temporary file beside its target, and only when
    all of them are written are they renamed into place: a failure on the way (a full disk, a
    folder in the way) leaves every old output as it was and no temporary file behind.

    Parameters
    ----------
    g : networkx.MultiDiGraph
    out_dir : Path
    include_contacts : bool
        Keep contact persons in the exports.

    Returns
    -------
    list of Path
        The files written.

    Raises
    ------
    SamspilError
        An output cannot be written (named, with the system's reason).
    """
    views = json.dumps(case_views(g), ensure_ascii=False, indent=1) + "\n"
    exported = g if include_contacts else without_contacts(g)
    payloads = {f"samspil.{suffix}": format_for(f"x.{suffix}").serialise(exported)
                for suffix in ("json", "graphml", "gexf", "ttl")}
    payloads["cases.json"] = views.encode("utf-8")
    return write_all_atomic({Path(out_dir) / name: data for name, data in payloads.items()})
