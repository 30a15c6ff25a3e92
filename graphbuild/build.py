"""The build: read inputs, parse, extract, resolve, map to RDF, write each document atomically.

Parsed documents are mapped to RDF by :mod:`graphbuild.mapper` (in a worker process for larger
builds) and committed by a background writer (:mod:`graphbuild.writer`) while the next ones are
parsed. Documents whose content hash is already stored are skipped, so re-running changes nothing. A
changed file replaces its old graph (found by its source) in the same transaction that writes
the new one. Each document is committed as soon as it is parsed: a build killed half-way leaves
only whole documents, and the next build completes the rest.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone

from .ingest import Document, Skipped, read_inputs
from .store import Store
from .writer import DocumentWriter

__all__ = ["BuildReport", "build"]

ONTOLOGY_GRAPH = "https://graphbuild.org/ontology"
# Below this many new documents, starting a worker process costs more than it saves.
WORKER_MIN_DOCUMENTS = 8


@dataclass
class BuildReport:
    """What a build did."""

    documents: int = 0  # written (new or changed)
    unchanged: int = 0  # already stored with the same content
    sentences: int = 0
    entities: int = 0  # distinct entities in the written documents
    relations: int = 0  # statements extracted
    asserted: int = 0  # of which also stored as plain triples
    quads: int = 0  # quads written
    words: int = 0
    seconds: float = 0.0
    skipped: list[Skipped] = field(default_factory=list)

    def summary(self) -> str:
        """A few human-readable lines for the terminal."""
        lines = [
            f"documents: {self.documents} built, {self.unchanged} unchanged, {len(self.skipped)} skipped",
            f"sentences: {self.sentences}  entities: {self.entities}  relations: {self.relations} "
            f"({self.asserted} asserted)  triples: {self.quads}",
            f"seconds: {self.seconds:.1f}",
        ]
        return "\n".join(lines)


def build(store: Store, items: Iterable[str | os.PathLike] | str | os.PathLike, *, base_iri: str,
          model: str | None = None, progress: Callable[[int, int], None] | None = None,
          paths_only: bool = False, worker: bool | None = None) -> BuildReport:
    """Add the documents in ``items`` to ``store``; see :meth:`KnowledgeGraph.build`.

    ``worker``: map parsed documents to RDF in a worker process (``None``: when there are at
    least ``WORKER_MIN_DOCUMENTS`` new documents and more than one CPU).
    """
    started = time.perf_counter()
    report = BuildReport()
    documents, report.skipped = read_inputs(items, paths_only=paths_only)
    todo = _new_documents(store, documents, report)
    _ensure_ontology(store)
    if todo:
        _build_documents(store, todo, base_iri, model, progress, report, worker)
    report.seconds = time.perf_counter() - started
    return report


def _new_documents(store: Store, documents: list[Document], report: BuildReport) -> list[Document]:
    stored, by_source = store.document_index()
    todo: dict[str, Document] = {}
    stale: list[str] = []
    for document in documents:
        if document.content_hash in stored:
            report.unchanged += 1
            # a file changed to the text of another stored document: its own older graph goes
            stale += [g for g in by_source.get(document.source, ()) if g != stored[document.content_hash]]
        elif document.content_hash in todo:
            report.skipped.append(Skipped(document.source, f"same text as {todo[document.content_hash].source}"))
        else:
            todo[document.content_hash] = document
    store.drop_graphs(stale)
    return list(todo.values())


def _build_documents(store, todo, base_iri, model, progress, report, worker) -> None:
    # imported here so that reading commands never load spaCy
    from .mapper import DocumentMapper
    from .nlp import load_pipeline, parse

    nlp = load_pipeline(model)
    built_at = datetime.now(timezone.utc).replace(microsecond=0)
    if worker is None:
        worker = len(todo) >= WORKER_MIN_DOCUMENTS and (os.cpu_count() or 1) > 1
    entities: set[str] = set()
    committed = 0

    def on_commit() -> None:
        nonlocal committed
        committed += 1
        if progress is not None:
            progress(committed, len(todo))

    def store_mapped(mapped) -> None:
        writer.put(mapped.source, mapped.graph, mapped.nquads)
        report.sentences += mapped.sentences
        report.relations += mapped.relations
        report.asserted += mapped.asserted
        report.quads += mapped.quads
        report.words += mapped.words
        entities.update(mapped.entities)

    writer = DocumentWriter(store, on_commit)
    mapper = DocumentMapper(nlp.lang, base_iri, built_at, worker=worker)
    try:
        for document, pieces in zip(todo, parse(nlp, (d.text for d in todo))):
            for mapped in mapper.submit(document, pieces):
                store_mapped(mapped)
        for mapped in mapper.finish():
            store_mapped(mapped)
    finally:
        mapper.close()
        writer.close()
    report.documents = committed
    report.entities = len(entities)


def _ensure_ontology(store: Store) -> None:
    """Keep the ontology in its own named graph, so property paths over categories work in SPARQL."""
    from .rdf import ontology_quads

    quads = list(ontology_quads())
    stored = store.oxigraph.quads_for_pattern(None, None, None, quads[0].graph_name)
    if sum(1 for _ in stored) != len(quads) or not all(store.oxigraph.__contains__(q) for q in quads):
        store.replace_graph(ONTOLOGY_GRAPH, quads)
