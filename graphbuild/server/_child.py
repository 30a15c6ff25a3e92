"""Oxigraph's own HTTP server (the ``oxigraph`` PyPI package) as a private child process.

The child listens on a free port of 127.0.0.1 only; graphbuild's front (:mod:`._front`) is the
only thing meant to talk to it. Oxigraph evaluates queries, negotiates formats and enforces the
per-query timeout (``--timeout-s`` cancels the evaluation inside the engine); the child dies
with its parent on Linux (``PR_SET_PDEATHSIG``), so a killed ``graphbuild serve`` leaves no
server behind.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import shutil
import signal
import socket
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

from ..errors import E201, E202, GraphbuildError, StoreError

__all__ = ["OxigraphChild", "find_oxigraph"]

_STARTUP_SECONDS = 20.0


def find_oxigraph() -> str:
    """Path of the ``oxigraph`` program: beside this Python first, then on ``PATH``."""
    candidates = [Path(sysconfig.get_path("scripts")) / "oxigraph", Path(sys.executable).parent / "oxigraph"]
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    found = shutil.which("oxigraph")
    if found:
        return found
    raise GraphbuildError(E201.format(where=", ".join(map(str, candidates)) + " and PATH"))


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _die_with_parent() -> None:  # runs in the child between fork and exec
    with contextlib.suppress(Exception):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG = 1


class OxigraphChild:
    """``oxigraph serve-read-only`` (or ``serve`` when ``writable``) on a private port.

    ``start()`` returns once the child accepts connections; ``stop()`` terminates it.
    """

    def __init__(self, location: Path, *, timeout: float, writable: bool = False) -> None:
        self.location = Path(location)
        self.timeout = timeout
        self.writable = writable
        self.port: int | None = None
        self.process: subprocess.Popen | None = None
        self._log = None

    @property
    def address(self) -> tuple[str, int]:
        return "127.0.0.1", self.port

    def command(self, port: int) -> list[str]:
        mode = "serve" if self.writable else "serve-read-only"
        return [find_oxigraph(), mode, "--location", str(self.location), "--bind", f"127.0.0.1:{port}",
                "--union-default-graph", "--timeout-s", str(max(1, round(self.timeout)))]

    def start(self) -> OxigraphChild:
        for _attempt in range(3):  # another program may take the free port before the child binds it
            self.port = _free_port()
            self._log = tempfile.TemporaryFile()
            self.process = subprocess.Popen(
                self.command(self.port), stdin=subprocess.DEVNULL, stdout=self._log, stderr=subprocess.STDOUT,
                preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None,
            )
            if self._wait_ready():
                return self
        raise StoreError(E202.format(path=self.location, cause=self.output() or "it exited at once"))

    def _wait_ready(self) -> bool:
        deadline = time.monotonic() + _STARTUP_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                output = self.output()
                if "address already in use" in output.lower():
                    return False
                raise StoreError(E202.format(path=self.location, cause=output.strip() or
                                             f"exit status {self.process.returncode}"))
            with contextlib.suppress(OSError), socket.create_connection(self.address, timeout=0.5):
                return True
            time.sleep(0.05)
        self.stop()
        raise StoreError(E202.format(path=self.location, cause=f"no answer within {_STARTUP_SECONDS:.0f} s"))

    def output(self) -> str:
        """The last lines Oxigraph printed."""
        if self._log is None:
            return ""
        self._log.seek(0)
        return self._log.read().decode("utf-8", "replace")[-2000:]

    def kill(self) -> None:
        """Stop the child at once (SIGKILL), whatever it is doing."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.stop()

    def stop(self) -> None:
        """Terminate the child (SIGTERM, then SIGKILL after 5 s)."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self._log is not None:
            self._log.close()
            self._log = None
