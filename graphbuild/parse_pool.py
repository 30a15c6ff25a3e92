"""The build's worker processes on this machine: each loads the spaCy pipeline once and does the
whole per-document job (parse, extract, resolve, map to N-Quads; :func:`graphbuild.mapper.build_documents`).

Documents go to the workers in small chunks over a bounded multiprocessing queue, and come back
as compact results (N-Quads bytes and counts, never parsed Docs) over another; this process only
reads, hashes and writes. At most ``jobs * HELD_PER_WORKER`` chunks are in flight, so memory
holds a few dozen documents whatever the corpus size, and results are handed on in input order.
A worker whose parent is gone (killed) exits within a second; one that dies is a coded error.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import traceback
from collections.abc import Iterable, Iterator
from datetime import datetime

from .cores import usable_cores
from .errors import E017, GraphbuildError, WorkerError
from .ingest import Document
from .mapper import MappedDocument

__all__ = ["CHUNK", "ParsePool", "usable_cores"]

CHUNK = 8  # documents per task at most: enough for spaCy to batch, few enough to balance the workers
# Characters per task at most (a longer document goes alone): the parser's memory grows with the
# text it parses at once, so this bounds a worker's memory whatever the order of the documents.
CHUNK_CHARS = 20_000
CHUNKS_PER_WORKER = 2  # unfinished per worker: one being parsed, one waiting
HELD_PER_WORKER = 6  # sent but not yet handed on, per worker: bounds the results held for ordering
_POLL_SECONDS = 1.0  # how often a waiting side checks that the other one is still alive



class ParsePool:
    """``jobs`` worker processes building documents with pipeline ``model``; use as a context manager.

    ``map(documents)`` yields one :class:`MappedDocument` per document, in input order.
    """

    def __init__(self, jobs: int, model: str | None, base_iri: str, built_at: datetime) -> None:
        from . import nlp

        context = multiprocessing.get_context("spawn")  # a fresh interpreter: no threads or store copied
        self._tasks = context.Queue(maxsize=jobs * CHUNKS_PER_WORKER)
        self._results = context.Queue()
        settings = (model, base_iri, built_at, nlp.PIECE_CHARS, os.getpid())
        self._workers = [context.Process(target=_work, args=(self._tasks, self._results, *settings),
                                         name=f"graphbuild-worker-{number}", daemon=True)
                         for number in range(jobs)]
        for worker in self._workers:
            worker.start()

    @property
    def pids(self) -> list[int]:
        """The worker processes' ids."""
        return [worker.pid for worker in self._workers]

    def map(self, documents: Iterable[Document]) -> Iterator[MappedDocument]:
        """Build ``documents`` in the workers; yields the results in input order as they are ready.

        A worker never waits for a slower one: chunks are sent while fewer than
        ``CHUNKS_PER_WORKER`` per worker are unfinished, and results that finished early wait
        (at most ``HELD_PER_WORKER`` chunks per worker) until those before them are handed on."""
        busy, held = len(self._workers) * CHUNKS_PER_WORKER, len(self._workers) * HELD_PER_WORKER
        finished: dict[int, list[MappedDocument]] = {}
        sent = handed = 0
        for chunk in _chunks(documents):
            while sent - handed - len(finished) >= busy or sent - handed >= held:
                self._receive(finished)
                while handed in finished:
                    yield from finished.pop(handed)
                    handed += 1
            self._tasks.put((sent, chunk))
            sent += 1
        while handed < sent:
            while handed not in finished:
                self._receive(finished)
            yield from finished.pop(handed)
            handed += 1

    def _receive(self, finished: dict[int, list[MappedDocument]]) -> None:
        while True:
            try:
                message = self._results.get(timeout=_POLL_SECONDS)
                break
            except queue.Empty:
                dead = [w for w in self._workers if w.exitcode is not None]
                if dead:
                    raise WorkerError(E017.format(cause=f"worker process {dead[0].pid} exited with status "
                                                        f"{dead[0].exitcode} before answering"))
        kind, payload = message
        if kind == "done":
            number, mapped = payload
            finished[number] = mapped
        elif isinstance(payload, GraphbuildError):  # e.g. no such model: the same error as without workers
            raise payload
        else:
            raise WorkerError(E017.format(cause=payload.strip()))

    def close(self, timeout: float = 30.0) -> None:
        """Let the workers finish and exit; kill those still running after ``timeout`` seconds.

        Never raises, so that it can run in a ``finally`` without hiding the build's own error.
        """
        for worker in self._workers:
            try:
                self._tasks.put(None, timeout=0.1)
            except queue.Full:  # the build stopped half-way: the workers are stopped below
                break
        self._tasks.cancel_join_thread()  # never wait at exit for tasks no worker will read
        for worker in self._workers:
            worker.join(timeout)
            if worker.exitcode is None:
                worker.kill()
                worker.join()

    def __enter__(self) -> ParsePool:
        return self

    def __exit__(self, kind, error, trace) -> None:
        if error is not None:  # stop at once rather than finish work whose results nobody takes
            for worker in self._workers:
                worker.kill()
        self.close()


def _chunks(documents: Iterable[Document]) -> Iterator[list[Document]]:
    """Consecutive documents in groups of at most ``CHUNK`` documents and ``CHUNK_CHARS`` characters.

    >>> [len(c) for c in _chunks(Document(text="x" * n, source="", title="") for n in (9000, 9000, 9000, 5))]
    [2, 2]
    """
    chunk: list[Document] = []
    chars = 0
    for document in documents:
        if chunk and (len(chunk) == CHUNK or chars + len(document.text) > CHUNK_CHARS):
            yield chunk
            chunk, chars = [], 0
        chunk.append(document)
        chars += len(document.text)
    if chunk:
        yield chunk


def _work(tasks, results, model: str | None, base_iri: str, built_at: datetime, piece_chars: int,
          parent: int) -> None:
    """A worker's loop: load the pipeline, then build each chunk of documents until told to stop."""
    from . import nlp as nlp_module
    from .mapper import build_documents

    try:
        nlp_module.PIECE_CHARS = piece_chars  # the parent's setting
        try:
            nlp = nlp_module.load_pipeline(model)
        except GraphbuildError as exc:
            results.put(("error", exc))
            return
        while True:
            try:
                task = tasks.get(timeout=_POLL_SECONDS)
            except queue.Empty:
                if os.getppid() != parent:  # the build was killed: nobody is left to answer
                    os._exit(0)
                continue
            if task is None:
                return
            number, chunk = task
            try:
                results.put(("done", (number, list(build_documents(nlp, chunk, base_iri, built_at)))))
            except Exception:  # noqa: BLE001 - sent back and raised in the building process
                results.put(("failed", traceback.format_exc()))
    except KeyboardInterrupt:  # Ctrl-C reaches the whole process group; the parent reports it
        os._exit(1)
