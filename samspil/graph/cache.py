"""A built graph kept on disk, keyed by everything it was built from, so that the next command
on the same sources answers at once instead of reading and recognising every text again.

The key is a SHA-256 of the code and shipped data of the installed package, the bytes of every
file the build read, and the options that change the graph: a changed source, correction,
rule or option gives a new key, and nothing stale is ever read. The cache is a folder of the
user's own (``$SAMSPIL_CACHE_DIR``, else ``$XDG_CACHE_HOME/samspil``, else
``~/.cache/samspil``); ``SAMSPIL_CACHE=0`` switches it off. Entries are pickles written by
Samspil itself, readable only by their owner, and written atomically.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from samspil.core.atomic import write_atomic
from samspil.core.text import MAX_SOURCE_BYTES

_PACKAGE = Path(__file__).resolve().parents[1]
#: Entries kept; the oldest go first.
MAX_ENTRIES = 8


@dataclass
class Built:
    """A graph and the warnings its build gave (said again when it is read from the cache)."""

    graph: nx.MultiDiGraph
    warnings: list[str] = field(default_factory=list)


def cache_dir() -> Path | None:
    """Where built graphs are kept, or None when the cache is switched off.

    Examples
    --------
    >>> os.environ["SAMSPIL_CACHE"] = "0"; cache_dir() is None
    True
    >>> del os.environ["SAMSPIL_CACHE"]
    """
    if os.environ.get("SAMSPIL_CACHE", "1") == "0":
        return None
    if os.environ.get("SAMSPIL_CACHE_DIR"):
        return Path(os.environ["SAMSPIL_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "samspil"


def _code_fingerprint() -> str:
    """A hash of the package's code and shipped data: a new rule or gazetteer row is a new key."""
    digest = hashlib.sha256()
    for path in sorted(_PACKAGE.rglob("*")):
        if path.is_file() and path.suffix not in (".pyc",) and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(_PACKAGE)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def graph_key(files: Iterable[str | Path], options: Sequence[Any]) -> str:
    """The cache key of a build: code, the bytes of every input file, the options.

    Examples
    --------
    >>> graph_key([], ("defaults",)) == graph_key([], ("defaults",)) != graph_key([], ("other",))
    True
    """
    digest = hashlib.sha256(_code_fingerprint().encode())
    for f in files:
        digest.update(str(f).encode())
        try:
            if Path(f).stat().st_size > MAX_SOURCE_BYTES:
                digest.update(b"<too large>")  # the build refuses it by its size; never read it here
                continue
            with open(f, "rb") as fh:
                for chunk in iter(lambda: fh.read(1 << 20), b""):
                    digest.update(chunk)
        except OSError:
            digest.update(b"<unreadable>")  # the build itself will say what is wrong with it
    digest.update(repr(tuple(options)).encode())
    return digest.hexdigest()


def cached_build(key: str, build: Callable[[], Built]) -> tuple[Built, bool]:
    """The build of ``key`` from the cache, or built now and kept.

    Returns
    -------
    tuple
        (the :class:`Built`, whether it came from the cache).
    """
    folder = cache_dir()
    if folder is None:
        return build(), False
    entry = folder / f"graph-{key[:32]}.pickle"
    try:
        with entry.open("rb") as fh:
            found = pickle.load(fh)  # noqa: S301 - our own file, in the user's own folder, owner-only
        if isinstance(found, Built):
            return found, True
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass  # no entry, or one of another version: build again
    built = build()
    try:
        write_atomic(entry, pickle.dumps(built, protocol=pickle.HIGHEST_PROTOCOL))
        os.chmod(entry, 0o600)
        for old in sorted(folder.glob("graph-*.pickle"), key=lambda p: p.stat().st_mtime)[:-MAX_ENTRIES]:
            old.unlink(missing_ok=True)
    except Exception:  # noqa: BLE001 - a cache that cannot be written only costs time
        pass
    return built, False
