"""Turn parsed documents into their N-Quads: extraction, resolution and RDF mapping.

Everything after the parse runs either in this process or, for larger builds, in one worker
process fed with serialised parses (``Doc.to_bytes``), so that on a machine with two or more
cores the parse of the next documents is not slowed down by the work on the previous ones.
Results come back in submission order.
"""

from __future__ import annotations

import os
import pickle
import queue
import subprocess
import sys
import threading
import traceback
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

import pyoxigraph as ox
from spacy.tokens import Doc

from .errors import E017, WorkerError
from .ingest import Document
from .priority import lower_priority
from .vocab import GB

__all__ = ["DocumentMapper", "MappedDocument", "map_document"]

_MENTION_COUNT = str(GB.mentionCount)
# Oxigraph's N-Quads parser reads no line longer than 16 MiB; a literal of more characters than
# this (4 UTF-8 bytes each at most, such as a very long document's text) may not fit in one.
LONGEST_NQUADS_LITERAL = 16 * 2 ** 20 // 4 - 1024


@dataclass(frozen=True)
class MappedDocument:
    """One document ready to store, with the counts a build reports.

    ``content`` is the graph's quads as N-Quads bytes (cheap to hold and to load), or as
    quads when a literal is too long for Oxigraph's N-Quads parser."""

    source: str
    graph: str
    content: bytes | list[ox.Quad]
    quads: int
    sentences: int
    relations: int
    asserted: int
    words: int
    entities: frozenset[str]


def map_document(document: Document, pieces: Iterable[tuple[int, Doc]], base_iri: str,
                 built_at: datetime) -> MappedDocument:
    """Extract, resolve and map one parsed document to the quads of its named graph.

    ``pieces`` is read once, so a lazy iterator of pieces (a long document) is parsed, extracted
    and freed piece by piece."""
    from .extract import extract_document
    from .rdf import document_quads
    from .resolve import resolve_document

    words = [0]
    facts = extract_document(_counting_words(pieces, words))  # extract -> resolve -> rdf, each its own stage
    resolved = resolve_document(facts, base_iri, scope=document.content_hash[:16])
    graph, quads = document_quads(document, facts, resolved, base_iri, built_at)
    too_long = any(isinstance(q.object, ox.Literal) and len(q.object.value) > LONGEST_NQUADS_LITERAL for q in quads)
    return MappedDocument(
        source=document.source, graph=graph, quads=len(quads),
        content=quads if too_long else ox.serialize(quads, format=ox.RdfFormat.N_QUADS),
        sentences=facts.sentences, relations=len(facts.relations),
        asserted=sum(r.asserted for r in facts.relations), words=words[0],
        entities=frozenset(q.subject.value for q in quads if q.predicate.value == _MENTION_COUNT),
    )


def _counting_words(pieces: Iterable[tuple[int, Doc]], words: list[int]) -> Iterator[tuple[int, Doc]]:
    for offset, doc in pieces:
        words[0] += len(doc)
        yield offset, doc


class DocumentMapper:
    """Maps documents in order, in a worker process when ``worker`` is true.

    The worker is a fresh interpreter running this module (``python -m graphbuild.mapper``), fed
    pickled ``(document, serialised parses)`` on its stdin and answering on its stdout; a reader
    thread collects the answers so that neither side can block the other on a full pipe. If this
    process dies, the worker sees the end of its input and exits.
    """

    def __init__(self, lang: str, base_iri: str, built_at: datetime, *, worker: bool) -> None:
        self._args = (base_iri, built_at)
        self._in_flight = 0
        self._process: subprocess.Popen | None = None
        if worker:
            self._process = subprocess.Popen([sys.executable, "-m", __name__, lang],
                                             stdin=subprocess.PIPE, stdout=subprocess.PIPE)
            self._results: queue.Queue = queue.Queue()
            self._requests: queue.Queue = queue.Queue()
            self._threads = [threading.Thread(target=target, name=f"graphbuild-mapper-{target.__name__}",
                                              daemon=True) for target in (self._read, self._send)]
            for thread in self._threads:
                thread.start()

    def submit(self, document: Document, pieces: Iterable[tuple[int, Doc]]) -> Iterator[MappedDocument]:
        """Hand over one parsed document; yields the documents finished meanwhile, in order.

        Never waits for the worker: parses come in bursts (spaCy parses a batch, then yields it),
        and the next batch should be parsing while the worker maps this one. A long document,
        whose pieces come as a lazy iterator, is mapped here piece by piece (after the documents
        in progress), so that its parses never pile up in a pipe or in the worker.
        """
        if self._process is None or not isinstance(pieces, list):
            yield from self.finish()
            yield map_document(document, pieces, *self._args)
            return
        serialised = [(offset, doc.to_bytes(exclude=["tensor", "user_data"])) for offset, doc in pieces]
        self._requests.put((document, serialised, *self._args))
        self._in_flight += 1
        while self._in_flight and not self._results.empty():
            yield self._next()

    def finish(self) -> Iterator[MappedDocument]:
        """Yield the documents still in progress, in order."""
        while self._in_flight:
            yield self._next()

    @property
    def pid(self) -> int | None:
        """The worker process's id, or ``None`` when mapping in this process."""
        return None if self._process is None else self._process.pid

    def close(self, timeout: float = 60.0) -> None:
        """Let the worker finish and exit; kill it if it has not exited after ``timeout`` seconds.

        Never raises, so that it can run in a ``finally`` without hiding the build's own error.
        """
        if self._process is None:
            return
        process, self._process = self._process, None
        self._requests.put(None)  # the sender closes the worker's input: it exits
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()  # hung, or stopped: it cannot be waited for any longer
            process.wait()

    def _next(self) -> MappedDocument:
        result = self._results.get()
        self._in_flight -= 1
        if isinstance(result, MappedDocument):
            return result
        raise WorkerError(E017.format(cause=result.strip()))

    def _send(self) -> None:
        lower_priority()
        stdin = self._process.stdin
        try:
            while (request := self._requests.get()) is not None:
                pickle.dump(request, stdin, pickle.HIGHEST_PROTOCOL)
                stdin.flush()
            stdin.close()
        except BrokenPipeError:
            pass  # the worker died; the reader reports it

    def _read(self) -> None:
        lower_priority()
        stdout = self._process.stdout
        while True:
            try:
                self._results.put(pickle.load(stdout))
            except EOFError:
                self._results.put("it exited before answering (see its error output above)")
                return


def _serve(lang: str) -> None:
    """The worker's loop: read requests from stdin until it closes, answer each on stdout."""
    import spacy

    lower_priority()  # the parser in the building process comes first
    vocab = spacy.blank(lang).vocab  # enough to rebuild parsed Docs from their bytes
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    while True:
        try:
            document, pieces, base_iri, built_at = pickle.load(stdin)
        except (EOFError, pickle.UnpicklingError):  # input closed, or cut off by a dying parent
            return
        try:
            docs = [(offset, Doc(vocab).from_bytes(data)) for offset, data in pieces]
            answer: object = map_document(document, docs, base_iri, built_at)
        except Exception:  # noqa: BLE001 - sent back and raised in the building process
            answer = traceback.format_exc()
        try:
            pickle.dump(answer, stdout, pickle.HIGHEST_PROTOCOL)
            stdout.flush()
        except BrokenPipeError:  # the building process is gone: nobody is left to answer
            return


def _main(lang: str) -> None:
    try:
        _serve(lang)
    except KeyboardInterrupt:  # Ctrl-C reaches the whole process group; the parent reports it
        pass
    # answers were flushed one by one; exiting without the final flush of a pipe whose reader may
    # be gone keeps Python from printing "Exception ignored ... BrokenPipeError"
    os._exit(0)


if __name__ == "__main__":
    # run the package's copy of this module, so that answers pickle as graphbuild.mapper classes
    from graphbuild.mapper import _main as main

    main(sys.argv[1])
