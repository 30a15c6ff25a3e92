"""A background thread that commits documents to the store while the next ones are parsed.

pyoxigraph releases the GIL while it writes, so on a multi-core machine store writes cost the
build almost nothing. Documents are committed in order, each in its own transaction; the first
error stops the writer and is raised again in the building thread.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable

import pyoxigraph as ox

from .store import Store

__all__ = ["DocumentWriter"]

_STOP = object()


class DocumentWriter:
    """Commit ``(source, graph, quads)`` items in a thread; call :meth:`close` to wait for the rest.

    ``on_commit()`` is called in the writer thread after each document is committed.
    """

    def __init__(self, store: Store, on_commit: Callable[[], None] | None = None, backlog: int = 8) -> None:
        self._store = store
        self._on_commit = on_commit
        self._queue: queue.Queue = queue.Queue(maxsize=backlog)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="graphbuild-writer", daemon=True)
        self._thread.start()

    def put(self, source: str, graph: str, quads: list[ox.Quad]) -> None:
        """Queue one document; raises the writer's error if it has failed."""
        self._raise_if_failed()
        self._queue.put((source, graph, quads))

    def close(self) -> None:
        """Wait until every queued document is committed; raise the writer's error, if any."""
        self._queue.put(_STOP)
        self._thread.join()
        self._raise_if_failed()

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is _STOP:
                return
            if self._error is not None:
                continue  # drain the queue so that put() never blocks forever
            source, graph, quads = item
            try:
                older = [g for g in self._store.graphs_with_source(source) if g != graph]
                self._store.replace_graph(graph, quads, also_drop=older)
                if self._on_commit is not None:
                    self._on_commit()
            except BaseException as exc:  # noqa: BLE001 - re-raised in the building thread
                self._error = exc

    def _raise_if_failed(self) -> None:
        if self._error is not None:
            raise self._error
