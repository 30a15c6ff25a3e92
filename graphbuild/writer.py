"""A background thread that commits documents to the store while the next ones are built.

pyoxigraph releases the GIL while it writes, so on a multi-core machine store writes cost the
build little. Documents are committed in order; new documents that queued up while the previous
transaction was written share the next one (fewer, larger transactions are much cheaper on disk),
so a crash still leaves only whole documents. Every ``FLUSH_EVERY`` documents the store writes
what it holds in memory to disk, so that its memory does not grow with the corpus. The first
error stops the writer and is raised again in the building thread.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable

import pyoxigraph as ox

from .priority import lower_priority
from .store import Store

__all__ = ["DocumentWriter"]

_STOP = object()
_MAX_BATCH = 32  # documents per transaction, at most
# Oxigraph keeps recent writes in memory (RocksDB memtables) until they are flushed to disk: about
# 0.4 MB per stored document, so without a flush now and then memory grows with the corpus.
FLUSH_EVERY = 64  # documents


class DocumentWriter:
    """Commit ``(source, graph, quads or N-Quads bytes)`` items in a thread; :meth:`close` waits for the rest.

    ``on_commit()`` is called in the writer thread after each document is committed.
    ``yield_to_parser``: run at a lower priority than a parse in this process (``False`` when
    worker processes parse: at a lower priority, the writer would wait until they are done).
    """

    def __init__(self, store: Store, on_commit: Callable[[], None] | None = None, backlog: int = 64, *,
                 yield_to_parser: bool = True) -> None:
        self._store = store
        self._yield_to_parser = yield_to_parser
        self._on_commit = on_commit
        self._queue: queue.Queue = queue.Queue(maxsize=backlog)
        self._error: BaseException | None = None
        self._unflushed = 0  # documents committed since the store last wrote its memory to disk
        self._thread = threading.Thread(target=self._run, name="graphbuild-writer", daemon=True)
        self._thread.start()

    def put(self, source: str, graph: str, quads: list[ox.Quad] | bytes) -> None:
        """Queue one document; raises the writer's error if it has failed."""
        self._raise_if_failed()
        self._queue.put((source, graph, quads))

    def close(self) -> None:
        """Wait until every queued document is committed; raise the writer's error, if any."""
        self._queue.put(_STOP)
        self._thread.join()
        self._raise_if_failed()

    def _run(self) -> None:
        if self._yield_to_parser:  # the parse in this process comes first; worker processes must not starve us
            lower_priority()
        stopping = False
        while not stopping:
            batch = [self._queue.get()]
            while len(batch) < _MAX_BATCH and not self._queue.empty():
                batch.append(self._queue.get())  # documents that queued up while we wrote
            if batch[-1] is _STOP:
                batch.pop()
                stopping = True
            if self._error is not None or not batch:
                continue  # drain the queue so that put() never blocks forever
            try:
                self._commit(batch)
            except BaseException as exc:  # noqa: BLE001 - re-raised in the building thread
                self._error = exc

    def _commit(self, batch: list[tuple[str, str, list[ox.Quad] | bytes]]) -> None:
        """New documents given as N-Quads go in together, in one transaction (each one whole);
        a document that replaces an older version gets a transaction of its own."""
        fresh: list[tuple[str, str, bytes]] = []
        for source, graph, quads in batch:
            older = [g for g in self._store.graphs_with_source(source) if g != graph]
            if isinstance(quads, bytes) and not older and not self._store.has_graph(graph):
                fresh.append((source, graph, quads))
            else:
                self._store.replace_graph(graph, quads, also_drop=older)
                self._committed(1)
        if fresh:
            self._store.load_nquads(b"".join(data for _, _, data in fresh))
            self._committed(len(fresh))
        self._unflushed += len(batch)
        if self._unflushed >= FLUSH_EVERY:
            self._store.flush()
            self._unflushed = 0

    def _committed(self, count: int) -> None:
        if self._on_commit is not None:
            for _ in range(count):
                self._on_commit()

    def _raise_if_failed(self) -> None:
        if self._error is not None:
            raise self._error

