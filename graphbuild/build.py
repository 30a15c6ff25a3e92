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
import re
import time
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone

from .disk_space import disk_full_error, is_disk_full
from .errors import E018, E024, GraphbuildError, InputError
from .ingest import Document, Skipped, Text, read_inputs
from .language import foreign_language
from .limits import DEFAULT_MAX_DOC_CHARS
from .sources import gone_sources
from .store import Store
from .vocab import ONTOLOGY_GRAPH
from .writer import DocumentWriter

__all__ = ["BuildReport", "build"]

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
    removed: list[str] = field(default_factory=list)  # sources pruned because their file is gone

    def summary(self) -> str:
        """A few human-readable lines for the terminal."""
        if not self.documents:
            return self._counts_line()
        lines = [
            self._counts_line(),
            f"sentences: {self.sentences}  entities: {self.entities}  relations: {self.relations} "
            f"({self.asserted} asserted)  triples: {self.quads}",
            f"seconds: {self.seconds:.1f}",
        ]
        return "\n".join(lines)

    def _counts_line(self) -> str:
        line = f"documents: {self.documents} built, {self.unchanged} unchanged, {len(self.skipped)} skipped"
        return line + (f", {len(self.removed)} removed (source file gone)" if self.removed else "")


def build(store: Store, items: Iterable[str | os.PathLike | Text] | str | os.PathLike | Text, *,
          base_iri: str, model: str | None = None, progress: Callable[[int, int], None] | None = None,
          paths_only: bool = False, worker: bool | None = None, languages: Collection[str] | None = None,
          prune: bool = False, max_doc_chars: int = DEFAULT_MAX_DOC_CHARS) -> BuildReport:
    """Add the documents in ``items`` to ``store``; see :meth:`KnowledgeGraph.build`.

    ``worker``: map parsed documents to RDF in a worker process (``None``: when there are at
    least ``WORKER_MIN_DOCUMENTS`` new documents and more than one CPU). ``languages``: ISO
    codes of the languages to build (``"any"`` for all; default: the pipeline's language, from
    its name, e.g. ``de`` for ``de_core_news_sm``); other documents are skipped. ``prune``:
    also remove the stored documents whose source file is gone (in the same transaction as
    the graphs of changed files). ``max_doc_chars``: longer documents are skipped with a reason.
    Raises E018 when no input holds a document.
    """
    if isinstance(max_doc_chars, bool) or not isinstance(max_doc_chars, int) or max_doc_chars < 1:
        raise InputError(E024.format(name="max_doc_chars", value=max_doc_chars))
    try:
        return _build(store, items, base_iri, model, progress, paths_only, worker, languages, prune, max_doc_chars)
    except OSError as exc:  # e.g. the language identifier's temporary file on a full disk
        if isinstance(exc, GraphbuildError) or not is_disk_full(exc):
            raise
        raise disk_full_error(f"the build's files (the store is at '{store.path}')", exc) from exc


def _build(store, items, base_iri, model, progress, paths_only, worker, languages, prune, max_doc_chars) -> BuildReport:
    started = time.perf_counter()
    report = BuildReport()
    documents, report.skipped = read_inputs(items, paths_only=paths_only, max_chars=max_doc_chars)
    documents = _within_length(documents, max_doc_chars, report.skipped)
    if not documents:
        raise _nothing_built(report.skipped)
    todo = _new_documents(store, documents, report, languages or pipeline_languages(model), prune)
    if not todo and not report.unchanged:
        raise _nothing_built(report.skipped)
    _ensure_ontology(store)
    if todo:
        _build_documents(store, todo, base_iri, model, progress, report, worker)
    report.seconds = time.perf_counter() - started
    return report


def pipeline_languages(model: str | None) -> tuple[str, ...]:
    """The language a spaCy pipeline reads, from its name (``de_core_news_sm``: ``de``); English by default.

    >>> pipeline_languages("de_core_news_sm"), pipeline_languages(None), pipeline_languages("my_pipeline")
    (('de',), ('en',), ('en',))
    """
    named = re.match(r"([a-z]{2,3})_(core|dep|ent|sent)_", model or "")  # spaCy's naming: lang_type_genre_size
    return (named.group(1),) if named else ("en",)


def _within_length(documents: list[Document], max_doc_chars: int, skipped: list[Skipped]) -> list[Document]:
    kept = []
    for document in documents:
        if len(document.text) <= max_doc_chars:
            kept.append(document)
        else:
            skipped.append(Skipped(document.source, (
                f"{len(document.text):,} characters, more than --max-doc-chars {max_doc_chars:,}; split it "
                f"into smaller files, or raise --max-doc-chars (memory grows with a document's length)")))
    return kept


def _nothing_built(skipped: list[Skipped], shown: int = 5) -> InputError:
    if not skipped:
        return InputError(E018.format(why="the inputs hold no files", details=""))
    lines = [str(s) for s in skipped[:shown]] + ([f"... and {len(skipped) - shown} more"] if len(skipped) > shown else [])
    return InputError(E018.format(why="every input was skipped", details="".join("\n  " + line for line in lines)))


def _new_documents(store: Store, documents: list[Document], report: BuildReport, languages: Collection[str],
                   prune: bool) -> list[Document]:
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
        elif (foreign := foreign_language(document.text, languages)) is not None:
            code, confidence = foreign
            report.skipped.append(Skipped(document.source, (
                f"written in '{code}' ({confidence:.0%} sure), not {'/'.join(languages)}; build it with "
                f"--lang {code} (and a --model for that language) if you mean to")))
        else:
            todo[document.content_hash] = document
    if prune:
        report.removed = gone_sources(by_source)
        stale += [g for source in report.removed for g in by_source[source]]
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
        writer.put(mapped.source, mapped.graph, mapped.content)
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
    stored = sum(1 for _ in store.graph_quads(ONTOLOGY_GRAPH))
    if stored != len(quads) or not all(store.contains(q) for q in quads):
        store.replace_graph(ONTOLOGY_GRAPH, quads)
