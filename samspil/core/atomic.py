"""Writing output files whole or not at all."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from samspil.core.errors import SamspilError


def write_atomic(path: str | Path, data: bytes | str) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename.

    A reader sees the old file or the new one, never half of one; if writing
    fails, the temporary file is removed and ``path`` is untouched.

    Parameters
    ----------
    path : str or Path
    data : bytes or str
        Text is written as UTF-8.

    Returns
    -------
    Path
        The path written.

    Raises
    ------
    SamspilError
        The file or its folder cannot be written (named, with the system's reason).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "out.json"
    >>> write_atomic(p, '{"ok": true}').read_text()
    '{"ok": true}'
    """
    return write_all_atomic({Path(path): data})[0]


def write_all_atomic(files: dict[Path, bytes | str]) -> list[Path]:
    """Write every file through a temporary file beside it, then rename them all: a set of
    outputs that is replaced as one.

    The renames start only after every temporary file is written and synced, and after a
    check that no target is a folder, so the usual failures (a full disk, a file too large,
    no permission, a folder in the way) leave every target untouched.

    Parameters
    ----------
    files : dict of Path to bytes or str
        Target path → content; text is written as UTF-8.

    Returns
    -------
    list of Path
        The paths written, in the order given.

    Raises
    ------
    SamspilError
        A file or its folder cannot be written (named, with the system's reason).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> [p.name for p in write_all_atomic({d / "a.txt": "a", d / "b.txt": b"b"})]
    ['a.txt', 'b.txt']
    """
    staged: list[tuple[str, Path]] = []
    path: Path | None = None
    try:
        for path, data in files.items():
            path = Path(path)
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
