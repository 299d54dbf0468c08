"""``-o`` replaces a regular file or makes a new one, nothing else (issue 15): a FIFO, a device
node, a socket or a symbolic link made in a temporary directory (never the system's own /dev
files) is refused with one line and exit 2, and is still there, unchanged, afterwards;
``--follow-symlinks`` writes a link's target atomically and keeps the link. Temporary files of
a killed run are removed by the next one.
"""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys

import pytest

EMPTY = ("--no-defaults",)


def _special(tmp_path, kind: str, name: str):
    """Make a special file of ``kind`` at tmp_path/name; return (path, a snapshot of it)."""
    path = tmp_path / name
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "device":
        try:
            os.mknod(path, stat.S_IFCHR | 0o600, os.makedev(1, 3))
        except PermissionError:
            pytest.skip("making a device node needs root")
    elif kind == "socket":
        sock = socket.socket(socket.AF_UNIX)
        sock.bind(str(path))
        sock.close()
    elif kind == "symlink":
        (tmp_path / "target.json").write_text("keep me\n")
        os.symlink("target.json", path)
    return path, _snapshot(path)


def _snapshot(path):
    st = os.lstat(path)
    link = os.readlink(path) if stat.S_ISLNK(st.st_mode) else None
    return stat.S_IFMT(st.st_mode), st.st_ino, st.st_rdev, link


@pytest.mark.parametrize("kind", ["fifo", "device", "socket", "symlink"])
@pytest.mark.parametrize("command", [
    ("export", "-o", "{path}"),
    ("build", "-o", "{dir}"),
])
def test_o_refuses_what_is_not_a_regular_file(run_cli, one_line_error, tmp_path, kind, command):
    # build writes samspil.json into a folder: the special file stands there
    name = "samspil.json"
    path, before = _special(tmp_path, kind, name)
    args = [a.format(path=path, dir=tmp_path) for a in command]
    result = run_cli(*args, *EMPTY)
    line = one_line_error(result, "not replaced")
    assert name in line
    assert _snapshot(path) == before, f"the {kind} was replaced"
    if kind == "symlink":
        assert (tmp_path / "target.json").read_text() == "keep me\n"
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]


def test_follow_symlinks_writes_the_target_and_keeps_the_link(run_cli, tmp_path):
    link, before = _special(tmp_path, "symlink", "graph.json")
    result = run_cli("--follow-symlinks", "export", "-o", link, *EMPTY)
    assert result.code == 0, result.err
    assert _snapshot(link) == before
    assert '"nodes": []' in (tmp_path / "target.json").read_text()


def test_a_killed_runs_temporary_files_are_removed_by_the_next(run_cli, tmp_path):
    # the pid of a process that has exited: its temporary files can only be leftovers
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    stale = tmp_path / f".samspil.json.{dead}.x1y2z3.tmp"
    stale.write_text("half a graph")
    live = tmp_path / f".samspil.json.{os.getpid()}.a1b2c3.tmp"  # this process is alive
    live.write_text("another run's, still writing")
    result = run_cli("build", "-o", tmp_path, *EMPTY)
    assert result.code == 0, result.err
    assert not stale.exists()
    assert live.exists()
