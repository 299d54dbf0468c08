"""The main job: every output of a built graph, written to one folder."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import networkx as nx

from samspil.errors import SamspilError
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
    return _write_all({Path(out_dir) / name: data for name, data in payloads.items()})


def _write_all(files: dict[Path, bytes | str]) -> list[Path]:
    """Write every file through a temporary file beside it, then rename them all.

    The renames start only after every temporary file is written and synced, and after a
    check that no target is a folder, so the usual failures (a full disk, a file too large,
    no permission, a folder in the way) leave every target untouched.
    """
    staged: list[tuple[str, Path]] = []
    path: Path | None = None
    try:
        for path, data in files.items():
            staged.append((_stage(path, data), path))
        for tmp, path in staged:
            if path.is_dir():
                raise IsADirectoryError(21, "Is a directory")
        for tmp, path in staged:
            os.replace(tmp, path)
    except BaseException as exc:
        for tmp, _ in staged:
            if os.path.exists(tmp):
                os.unlink(tmp)
        if isinstance(exc, OSError):  # disk full, file too large, a folder in the way ...
            raise SamspilError(f"cannot write: {exc.strerror or exc}", path=path) from None
        raise
    return list(files)


def _stage(path: Path, data: bytes | str) -> str:
    """Write ``data`` to a new temporary file in ``path``'s folder (created if need be), synced,
    with the permissions a new file gets; return its name. Removed again if writing fails."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)
    except BaseException:
        os.unlink(tmp)
        raise
    return tmp
