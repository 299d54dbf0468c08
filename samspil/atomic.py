"""Writing output files whole or not at all."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from samspil.errors import SamspilError


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
    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise SamspilError(f"cannot write: {exc.strerror or exc}", path=path) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)
        os.replace(tmp, path)
    except BaseException as exc:
        if os.path.exists(tmp):
            os.unlink(tmp)
        if isinstance(exc, OSError):  # disk full, file too large, a folder in the way ...
            raise SamspilError(f"cannot write: {exc.strerror or exc}", path=path) from None
        raise
    return path
