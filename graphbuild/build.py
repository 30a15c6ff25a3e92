"""The build: read inputs, parse, extract, resolve, map to RDF, write each document atomically.

Inputs are read one file at a time (:func:`graphbuild.ingest.iter_inputs`); documents whose content
hash is already stored are skipped, so re-running changes nothing, and only new ones go on to be
built: in this process, in worker processes (:mod:`graphbuild.parse_pool`, one per core by
default) or on a Dask cluster (:mod:`graphbuild.cluster`), each doing the whole per-document job
(:func:`graphbuild.mapper.build_documents`). A background writer (:mod:`graphbuild.writer`)
commits the results while the next documents are built. Every stage holds a bounded number of
documents, so memory does not grow with the corpus. A changed file replaces its old graph
(found by its source) in the same transaction that writes the new one. Each document is
committed as soon as it is built: a build killed half-way leaves only whole documents, and the
next build completes the rest.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from itertools import chain, islice

from .disk_space import disk_full_error, is_disk_full
from .errors import E018, E024, GraphbuildError, InputError
from .ingest import Document, Skipped, Text, iter_inputs
from .language import foreign_language
from .limits import DEFAULT_MAX_DOC_CHARS
from .parse_pool import usable_cores
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
    relations: int = 0  # statements extracted from the written documents
    asserted: int = 0  # of which the text asserts (also stored as plain triples)
    asserted_relations: int = 0  # the store's relations after the build, as stats, analyze and render count them
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
            f"sentences: {self.sentences}  entities: {self.entities}  statements: {self.relations} "
            f"({self.asserted} asserted)  triples: {self.quads}",
            f"asserted relations in the store: {self.asserted_relations}",
            f"seconds: {self.seconds:.1f}",
        ]
        return "\n".join(lines)

    def _counts_line(self) -> str:
        line = f"documents: {self.documents} built, {self.unchanged} unchanged, {len(self.skipped)} skipped"
        return line + (f", {len(self.removed)} removed (source file gone)" if self.removed else "")


def build(store: Store, items: Iterable[str | os.PathLike | Text] | str | os.PathLike | Text, *,
          base_iri: str, model: str | None = None, progress: Callable[[int, int], None] | None = None,
          paths_only: bool = False, jobs: int | None = None, cluster: str | None = None,
          languages: Collection[str] | None = None, prune: bool = False,
          max_doc_chars: int = DEFAULT_MAX_DOC_CHARS) -> BuildReport:
    """Add the documents in ``items`` to ``store``; see :meth:`KnowledgeGraph.build`.

    ``jobs``: worker processes that parse and map documents (``1``: in this process; ``None``:
    one per usable core, or this process for fewer than ``WORKER_MIN_DOCUMENTS`` new documents).
    ``cluster``: a Dask scheduler's address (``tcp://HOST:PORT``) or ``local:N`` (a local Dask
    cluster of N workers) to do that work instead (:mod:`graphbuild.cluster`). ``languages``: ISO
    codes of the languages to build (``"any"`` for all; default: the pipeline's language, from
    its name, e.g. ``de`` for ``de_core_news_sm``); other documents are skipped. ``prune``:
    also remove the stored documents whose source file is gone. ``max_doc_chars``: longer
    documents are skipped with a reason. Raises E018 when no input holds a document.
    """
    for name, value in (("max_doc_chars", max_doc_chars), ("jobs", jobs)):
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
            raise InputError(E024.format(name=name, value=value))
    if cluster is not None:
        from .cluster import check_address

        check_address(cluster)
    try:
        return _build(store, items, base_iri, model, progress, paths_only, jobs, cluster, languages, prune,
                      max_doc_chars)
    except OSError as exc:  # e.g. the language identifier's temporary file on a full disk
        if isinstance(exc, GraphbuildError) or not is_disk_full(exc):
            raise
        raise disk_full_error(f"the build's files (the store is at '{store.path}')", exc) from exc


def _build(store, items, base_iri, model, progress, paths_only, jobs, cluster, languages, prune,
           max_doc_chars) -> BuildReport:
    started = time.perf_counter()
    report = BuildReport()
    scan = _Scan(store, report, languages or pipeline_languages(model), max_doc_chars)
    todo = scan.new_documents(iter_inputs(items, paths_only=paths_only, max_chars=max_doc_chars))
    first = list(islice(todo, WORKER_MIN_DOCUMENTS))  # enough to tell a small build from a large one
    if not first and not report.unchanged:
        raise _nothing_built(report.skipped)
    _ensure_ontology(store)
    if first:
        if cluster is None and jobs is None:
            jobs = usable_cores() if len(first) == WORKER_MIN_DOCUMENTS else 1
        _build_documents(store, chain(first, todo), base_iri, model, progress, report, jobs, cluster, scan)
    stale = scan.stale
    if prune:
        report.removed = gone_sources(scan.by_source)
        stale += [g for source in report.removed for g in scan.by_source[source]]
    store.drop_graphs(stale)
    if report.documents or report.removed or stale:
        from .read_model import relation_count

        report.asserted_relations = relation_count(store)  # one definition of "relations" for every command
    report.seconds = time.perf_counter() - started
    return report


def pipeline_languages(model: str | None) -> tuple[str, ...]:
    """The language a spaCy pipeline reads, from its name (``de_core_news_sm``: ``de``); English by default.

    >>> pipeline_languages("de_core_news_sm"), pipeline_languages(None), pipeline_languages("my_pipeline")
    (('de',), ('en',), ('en',))
    """
    named = re.match(r"([a-z]{2,3})_(core|dep|ent|sent)_", model or "")  # spaCy's naming: lang_type_genre_size
    return (named.group(1),) if named else ("en",)


def _nothing_built(skipped: list[Skipped], shown: int = 5) -> InputError:
    if not skipped:
        return InputError(E018.format(why="the inputs hold no files", details=""))
    lines = [str(s) for s in skipped[:shown]] + ([f"... and {len(skipped) - shown} more"] if len(skipped) > shown else [])
    return InputError(E018.format(why="every input was skipped", details="".join("\n  " + line for line in lines)))


class _Scan:
    """Decides, one document at a time as the inputs are read, what to build: new texts in the
    accepted languages and within the length limit; the rest is counted or skipped with a reason.

    Holds the store's index of content hashes and, per build, the hashes (not the texts) of the
    documents sent to be built, to skip a second file with the same text."""

    def __init__(self, store: Store, report: BuildReport, languages: Collection[str], max_doc_chars: int) -> None:
        self.stored, self.by_source = store.document_index()
        self.stale: list[str] = []  # graphs of files changed to the text of another stored document
        self._report = report
        self._languages = languages
        self._max_doc_chars = max_doc_chars
        self._building: dict[str, str] = {}  # content hash -> source, of the documents sent to be built

    def new_documents(self, inputs: Iterable[Document | Skipped]) -> Iterator[Document]:
        for item in inputs:
            reason = item.reason if isinstance(item, Skipped) else self._why_not(item)
            if reason is not None:
                self._report.skipped.append(Skipped(item.source, reason))
            elif item.content_hash in self.stored:
                self._report.unchanged += 1
                # a file changed to the text of another stored document: its own older graph goes
                self.stale += [g for g in self.by_source.get(item.source, ()) if g != self.stored[item.content_hash]]
            else:
                self._building[item.content_hash] = item.source
                yield item

    def _why_not(self, document: Document) -> str | None:
        if len(document.text) > self._max_doc_chars:
            return (f"{len(document.text):,} characters, more than --max-doc-chars {self._max_doc_chars:,}; split it "
                    f"into smaller files, or raise --max-doc-chars (memory grows with a document's length)")
        if document.content_hash in self._building:
            return f"same text as {self._building[document.content_hash]}"
        if document.content_hash not in self.stored and (
                foreign := foreign_language(document.text, self._languages)) is not None:
            code, confidence = foreign
            return (f"written in '{code}' ({confidence:.0%} sure), not {'/'.join(self._languages)}; build it with "
                    f"--lang {code} (and a --model for that language) if you mean to")
        return None


def _build_documents(store, todo, base_iri, model, progress, report, jobs, cluster, scan) -> None:
    built_at = datetime.now(timezone.utc).replace(microsecond=0)
    entities: set[str] = set()
    committed = found = 0

    def counted(documents: Iterable[Document]) -> Iterator[Document]:
        nonlocal found
        for document in documents:
            found += 1
            yield document

    def on_commit() -> None:
        nonlocal committed
        committed += 1
        if progress is not None:
            progress(committed, found)

    writer = DocumentWriter(store, on_commit, yield_to_parser=cluster is None and jobs == 1)
    try:
        with _results(counted(todo), model, base_iri, built_at, jobs, cluster) as results:
            for mapped in results:
                if isinstance(mapped, Skipped):  # a document that killed cluster workers
                    report.skipped.append(mapped)
                    continue
                writer.put(mapped.source, mapped.graph, mapped.content)
                report.sentences += mapped.sentences
                report.relations += mapped.relations
                report.asserted += mapped.asserted
                report.quads += mapped.quads
                report.words += mapped.words
                entities.update(mapped.entities)
    finally:
        writer.close()
    report.documents = committed
    report.entities = len(entities)


@contextmanager
def _results(documents, model, base_iri, built_at, jobs, cluster):
    """The built documents, from the Dask cluster, the local worker pool or this process."""
    if cluster is not None:
        from .cluster import cluster_results

        yield cluster_results(cluster, documents, model=model, base_iri=base_iri, built_at=built_at)
    elif jobs > 1:
        from .parse_pool import ParsePool

        with ParsePool(jobs, model, base_iri, built_at) as pool:
            yield pool.map(documents)
    else:
        from .mapper import build_documents  # imported here so that reading commands never load spaCy
        from .nlp import load_pipeline

        yield build_documents(load_pipeline(model), documents, base_iri, built_at)


def _ensure_ontology(store: Store) -> None:
    """Keep the ontology in its own named graph, so property paths over categories work in SPARQL."""
    from .rdf import ontology_quads

    quads = list(ontology_quads())
    stored = sum(1 for _ in store.graph_quads(ONTOLOGY_GRAPH))
    if stored != len(quads) or not all(store.contains(q) for q in quads):
        store.replace_graph(ONTOLOGY_GRAPH, quads)
