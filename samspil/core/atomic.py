"""Writing output files whole or not at all, and never over what is not a regular file.

An output is written to a temporary file beside it and renamed into place. A rename replaces
whatever stands at the path, so before it a target that exists must be a regular file: a
device, a FIFO or a socket is refused, and so is a symbolic link unless links are followed
(:data:`FOLLOW_SYMLINKS`), in which case the link's target is written, atomically, and the
link stays. Temporary files carry the writing process's id, so those left by a killed run are
recognised and removed by the next write to the same folder.
"""

from __future__ import annotations

import contextvars
import os
import re
import stat
import tempfile
from pathlib import Path

from samspil.core.errors import SamspilError

#: Whether an output path that is a symbolic link is written through (its target replaced
#: atomically) rather than refused; ``samspil --follow-symlinks`` sets it for one command.
FOLLOW_SYMLINKS: contextvars.ContextVar[bool] = contextvars.ContextVar("follow_symlinks", default=False)
_STAGED = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.[^.]+\.tmp$")


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
    targets = {writable_target(Path(p)): data for p, data in files.items()}
    staged: list[tuple[str, Path]] = []
    path: Path | None = None
    try:
        for path, data in targets.items():
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


def writable_target(path: Path) -> Path:
    """The file an output at ``path`` replaces: ``path`` itself when it is new or a regular file
    (or a folder, refused later with the system's reason), the link's target when ``path`` is a
    symbolic link and :data:`FOLLOW_SYMLINKS` is set.

    Raises
    ------
    SamspilError
        ``path`` is a device, FIFO or socket, or a symbolic link not to be followed.

    Examples
    --------
    >>> import os, tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> writable_target(d / "new.json") == d / "new.json"
    True
    >>> os.mkfifo(d / "fifo")
    >>> writable_target(d / "fifo")
    Traceback (most recent call last):
    ...
    samspil.core.errors.SamspilError: ...fifo: is a FIFO, not a regular file: not replaced
    """
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return path
    except OSError as exc:
        raise SamspilError(f"cannot write: {exc.strerror or exc}", path=path) from None
    if stat.S_ISLNK(mode):
        if not FOLLOW_SYMLINKS.get():
            raise SamspilError("is a symbolic link: not replaced (--follow-symlinks writes to its target)",
                               path=path)
        target = Path(os.path.realpath(path))
        if target.is_symlink():  # a loop: realpath gave up
            raise SamspilError("is a symbolic link that leads nowhere: not replaced", path=path)
        return writable_target(target)
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return path
    what = ("a FIFO" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a regular file")
    raise SamspilError(f"is {what}, not a regular file: not replaced", path=path)


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Remove the temporary files that runs killed before their rename left in ``folder``:
    those whose writing process no longer exists. A live run's files are left alone.

    Returns
    -------
    list of Path
        The files removed.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / ".out.json.999999999.abc.tmp").write_text("half")
    >>> [p.name for p in remove_stale_temporaries(d)]
    ['.out.json.999999999.abc.tmp']
    """
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        m = _STAGED.match(entry.name)
        if m and entry.is_file(follow_symlinks=False) and not _alive(int(m["pid"])):
            try:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
            except OSError:
                pass  # another run cleaned it first, or it is not ours to remove
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return pid < 2**22  # someone else's live process; an absurd pid is nobody's
    return True


def _stage(path: Path, data: bytes | str) -> str:
    """Write ``data`` to a new temporary file in ``path``'s folder (created if need be), synced,
    with the permissions a new file gets; return its name. Removed again if writing fails."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(path.parent)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent)
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
