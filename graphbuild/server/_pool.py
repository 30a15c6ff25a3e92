"""A few warm worker processes, one request each at a time; a request that overruns kills its worker.

A query running inside pyoxigraph cannot be stopped from outside the thread that runs it, but
a process can be: the front leases a worker for each request, and when the request overruns
its deadline the worker is killed (SIGKILL) and a fresh one takes its place, so the work
really stops and other requests carry on with the other workers.
"""

from __future__ import annotations

import contextlib
import queue
import threading
import time
from collections.abc import Callable, Iterator

from ..errors import E208, StoreError
from ._child import WorkerProcess

__all__ = ["Busy", "ChildPool"]


class Busy(Exception):
    """No child became free before the request's deadline."""


class ChildPool:
    """``size`` children made by ``factory`` (a started :class:`WorkerProcess` each)."""

    def __init__(self, factory: Callable[[], WorkerProcess], size: int) -> None:
        self._factory = factory
        self.size = size
        self._idle: queue.Queue[WorkerProcess] = queue.Queue()
        self._all: set[WorkerProcess] = set()
        self._guard = threading.Lock()
        self.failure: str | None = None  # why a replacement could not be started
        self.replaced = 0
        self._error: Exception | None = None
        # Replacements start on one long-lived thread: on Linux a child's PR_SET_PDEATHSIG
        # fires when the *thread* that forked it ends, so a short-lived thread would take
        # its child down with it.
        self._wanted: queue.Queue[bool] = queue.Queue()
        self._spawner = threading.Thread(target=self._spawn_forever, name="graphbuild-serve-spawner", daemon=True)

    def start(self, wait: float = 60.0) -> ChildPool:
        """Start every child (on the spawner thread) and return once all answer."""
        self._spawner.start()
        for _ in range(self.size):
            self._wanted.put(True)
        deadline = time.monotonic() + wait
        while True:
            with self._guard:
                ready = len(self._all)
            if self.failure is not None or ready == self.size or time.monotonic() > deadline:
                break
            time.sleep(0.01)
        if ready < self.size:
            self.stop()
            raise self._error or StoreError(self.failure or E208.format(ready=ready, size=self.size, wait=wait))
        return self

    def _add(self, child: WorkerProcess) -> None:
        with self._guard:
            self._all.add(child)
        self._idle.put(child)

    @property
    def healthy(self) -> bool:
        with self._guard:
            return self.failure is None and all(c.process.poll() is None for c in self._all)

    @property
    def isolated(self) -> bool:
        """True when every worker runs without network access."""
        with self._guard:
            return all(c.isolated for c in self._all)

    @property
    def pids(self) -> list[int]:
        with self._guard:
            return sorted(c.process.pid for c in self._all)

    @contextlib.contextmanager
    def lease(self, wait: float) -> Iterator[WorkerProcess]:
        """A child for one request; if the request fails with a timeout or an I/O error the
        child is killed and replaced instead of being reused."""
        try:
            child = self._idle.get(timeout=max(wait, 0.001))
        except queue.Empty:
            raise Busy from None
        try:
            yield child
        except (OSError, EOFError):  # TimeoutError is an OSError; EOFError: the worker died
            self._replace(child)
            raise
        except BaseException:
            self._idle.put(child)
            raise
        self._idle.put(child)

    def _replace(self, child: WorkerProcess) -> None:
        with self._guard:  # forget it first, so that ``healthy`` never sees it dying
            self._all.discard(child)
            self.replaced += 1
        child.kill()
        self._wanted.put(True)

    def _spawn_forever(self) -> None:
        while self._wanted.get():
            try:
                self._add(self._factory())
            except Exception as exc:  # reported through ``healthy``; serve() stops with it
                self._error = exc
                self.failure = str(exc)

    def stop(self) -> None:
        self._wanted.put(False)
        if self._spawner.is_alive():
            self._spawner.join(10)
        with self._guard:
            children, self._all = list(self._all), set()
        for child in children:
            child.stop()
