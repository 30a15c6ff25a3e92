"""The query page at ``/``: Oxigraph's YASGUI page, taken from the ``oxigraph`` program once.

The page and its scripts are built into the program, which serves them only over HTTP. At
start-up the server runs it once with an empty in-memory store (never the user's store) on a
free port of 127.0.0.1, reads the four files, and stops it; from then on they are served
from memory and no such process is left listening.
"""

from __future__ import annotations

import http.client
import os
import shutil
import socket
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

from ..errors import E201, GraphbuildError

__all__ = ["PAGE_PATHS", "find_oxigraph", "load_page"]

PAGE_PATHS = ("/", "/yasgui.min.js", "/yasgui.min.css", "/logo.svg")
_WAIT_SECONDS = 20.0


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
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def load_page() -> dict[str, tuple[str, bytes]]:
    """``{path: (content type, bytes)}`` for :data:`PAGE_PATHS`."""
    port = _free_port()
    process = subprocess.Popen([find_oxigraph(), "serve", "--bind", f"127.0.0.1:{port}"],
                               stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + _WAIT_SECONDS
        files = {}
        for path in PAGE_PATHS:
            while True:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                try:
                    connection.request("GET", path)
                    response = connection.getresponse()
                    files[path] = (response.getheader("Content-Type", "application/octet-stream"), response.read())
                    break
                except (OSError, http.client.HTTPException):
                    if process.poll() is not None or time.monotonic() > deadline:
                        raise
                    time.sleep(0.05)
                finally:
                    connection.close()
        return files
    finally:
        process.kill()
        process.wait()
