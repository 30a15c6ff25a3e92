"""One worker process (:mod:`._worker`) seen from the server: start it, call it, kill it.

The worker talks over two pipes and listens on no port, so nothing on the machine can reach
the store without passing the front. A call that overruns its deadline raises
:class:`TimeoutError`; the pool (:mod:`._pool`) then kills the worker, which really stops the
work, and starts another.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from multiprocessing.connection import Connection
from pathlib import Path

from ..errors import E202, StoreError
from ..vocab import PREFIXES

__all__ = ["WorkerProcess"]

_STARTUP_SECONDS = 30.0
_WORKER = Path(__file__).with_name("_worker.py")


class WorkerProcess:
    """A worker on the store at ``location`` (read-only unless ``writable``).

    ``start()`` returns once the worker has opened the store; ``isolated`` then says whether it
    runs without network access.
    """

    def __init__(self, location: Path, *, writable: bool = False) -> None:
        self.location = Path(location)
        self.writable = writable
        self.isolated = False
        self.process: subprocess.Popen | None = None
        self._log = None
        self._requests: Connection | None = None
        self._answers: Connection | None = None

    def command(self) -> list[str]:
        return [sys.executable, str(_WORKER), str(self.location), json.dumps(PREFIXES),
                *(["--writable"] if self.writable else [])]

    def start(self) -> WorkerProcess:
        self._log = tempfile.TemporaryFile()
        self.process = subprocess.Popen(self.command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=self._log, close_fds=True)
        self._requests = Connection(os.dup(self.process.stdin.fileno()), readable=False)
        self._answers = Connection(os.dup(self.process.stdout.fileno()), writable=False)
        self.process.stdin.close()
        self.process.stdout.close()
        try:
            if not self._answers.poll(_STARTUP_SECONDS):
                raise StoreError(E202.format(path=self.location, cause=f"no answer within {_STARTUP_SECONDS:.0f} s"))
            hello = json.loads(self._answers.recv_bytes())
        except (EOFError, OSError):
            self.process.wait(5)
            hello = {"ready": False, "error": self.output().strip() or f"exit status {self.process.returncode}"}
        except StoreError:
            self.kill()
            raise
        if not hello.get("ready"):
            self.kill()
            raise StoreError(E202.format(path=self.location, cause=hello.get("error")))
        self.isolated = bool(hello.get("isolated"))
        return self

    def call(self, request: dict, body: bytes, seconds: float) -> tuple[dict, bytes]:
        """Send one request; the ``(header, payload)`` answer, or :class:`TimeoutError` after
        ``seconds`` (:class:`EOFError` or :class:`OSError` if the worker died)."""
        self._requests.send_bytes(json.dumps(request).encode("utf-8"))
        self._requests.send_bytes(body)
        if not self._answers.poll(max(seconds, 0)):
            raise TimeoutError
        header = json.loads(self._answers.recv_bytes())
        return header, self._answers.recv_bytes()

    @property
    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def output(self) -> str:
        """The last lines the worker printed."""
        if self._log is None:
            return ""
        self._log.seek(0)
        return self._log.read().decode("utf-8", "replace")[-2000:]

    def kill(self) -> None:
        """Stop the worker at once (SIGKILL), whatever it is doing."""
        if self.alive:
            self.process.kill()
        self.stop()

    def stop(self) -> None:
        """Close its pipes (the worker then exits), SIGKILL it after 5 s."""
        for connection in (self._requests, self._answers):
            if connection is not None:
                connection.close()
        self._requests = self._answers = None
        if self.process is not None:
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self._log is not None:
            self._log.close()
            self._log = None
