"""``KnowledgeGraph``: every graphbuild operation on one object, for Python users.

>>> kg = KnowledgeGraph.in_memory()
>>> report = kg.build(["Pakistan and China urged the Taliban to act."])
>>> report.documents
1
>>> rows = kg.query("SELECT ?name ?o WHERE { ?s gb:urges ?o . ?s rdfs:label ?name }", name="China")
>>> [row["o"].value for row in rows]
['https://graphbuild.org/id/organization/taliban']
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from .iri import check_base_iri
from .store import Store
from .vocab import DEFAULT_BASE_IRI

if TYPE_CHECKING:
    import networkx as nx
    import pyoxigraph as ox
    import rdflib

    from .build import BuildReport
    from .evaluate import EvalReport
    from .push import PushReport
    from .validate import ValidationReport
    from .viewer.render import NotebookView, RenderReport
    from .catalog import Term
    from .query import QueryResult
    from .query_output import QueryOutput
    from .ingest import Text
    from .remove import RemoveReport

__all__ = ["KnowledgeGraph"]


class KnowledgeGraph:
    """A knowledge graph in an Oxigraph store, on disk or in memory.

    Use :meth:`open` or :meth:`in_memory` rather than the constructor. Close an on-disk graph
    (or use it as a context manager) to release the store for other processes.
    """

    def __init__(self, store: Store, *, base_iri: str = DEFAULT_BASE_IRI, model: str | None = None) -> None:
        self.store = store
        self.base_iri = check_base_iri(base_iri)
        self.model = model

    @classmethod
    def open(cls, path: str | os.PathLike = "graphbuild-store", *, read_only: bool = False,
             base_iri: str = DEFAULT_BASE_IRI, model: str | None = None) -> KnowledgeGraph:
        """Open (or create) the store in folder ``path``; ``read_only`` lets other readers in too."""
        return cls(Store(path, read_only=read_only), base_iri=base_iri, model=model)

    @classmethod
    def in_memory(cls, *, base_iri: str = DEFAULT_BASE_IRI, model: str | None = None) -> KnowledgeGraph:
        """A graph that lives only in this process."""
        return cls(Store(None), base_iri=base_iri, model=model)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> KnowledgeGraph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.store.__exit__(*exc)

    # ------------------------------------------------------------------ writing
    def build(self, items: Iterable[str | os.PathLike | Text] | str | os.PathLike | Text, *,
              progress: Callable[[int, int], None] | None = None, paths_only: bool = False,
              jobs: int | None = None, cluster: str | None = None, worker: bool | None = None,
              languages: Collection[str] | None = None, prune: bool = False,
              max_doc_chars: int | None = None) -> BuildReport:
        """Add documents: paths, folders, globs (``Path`` or str naming an existing path or glob)
        or raw texts (any other str, or a :class:`graphbuild.ingest.Text`; with ``paths_only`` a
        str that names no path is an error instead). Inputs are read as the build goes, so memory
        holds only the documents in progress.
        ``progress(done, total)`` is called (from the writer thread) after each committed document;
        ``total`` counts the new documents found so far (final once every input is read).
        ``jobs``: worker processes that parse and map documents, each loading the pipeline once
        (default: one per usable core, or this process alone for fewer than 8 new documents;
        ``1``: this process). ``cluster``: build on Dask workers instead, ``"tcp://HOST:PORT"``
        (a running ``dask scheduler``) or ``"local:N"`` (needs ``pip install 'graphbuild[dask]'``).
        ``worker``: the older name of the choice, ``False`` being ``jobs=1``.
        ``languages``: ISO codes; documents confidently in another language are skipped (``("any",)``:
        none are; default: the pipeline's language, English for the default pipeline).
        ``prune``: also remove stored documents whose source file is gone.
        ``max_doc_chars``: a document longer than this is skipped with a reason (default
        ``graphbuild.limits.DEFAULT_MAX_DOC_CHARS``, 1,000,000); a long document is parsed piece by
        piece, but its facts are held until it is stored.
        Raises :class:`InputError` (E018) when the inputs hold no document."""
        from .build import build
        from .limits import DEFAULT_MAX_DOC_CHARS
        from .parse_pool import usable_cores

        if jobs is None and worker is not None:
            jobs = max(2, usable_cores()) if worker else 1
        return build(self.store, items, base_iri=self.base_iri, model=self.model, progress=progress,
                     paths_only=paths_only, jobs=jobs, cluster=cluster, languages=languages, prune=prune,
                     max_doc_chars=DEFAULT_MAX_DOC_CHARS if max_doc_chars is None else max_doc_chars)

    def remove(self, sources: Iterable[str | os.PathLike]) -> RemoveReport:
        """Remove the documents read from ``sources`` (files, folders, ``.jsonl`` files, or stored
        source names), in one transaction; a source that matches nothing is E019 and removes nothing."""
        from .remove import remove_sources

        return remove_sources(self.store, [os.fspath(s) for s in sources])

    # ------------------------------------------------------------------ reading
    def query(self, sparql: str, **bindings: Any) -> list[dict[str, Any]] | bool | list[ox.Triple]:
        """Run SPARQL over the union of document graphs; bind variables by keyword.

        Returns a list of dict rows (SELECT), a bool (ASK) or a list of triples (CONSTRUCT).
        """
        from .query import run_query

        return run_query(self.store, sparql, bindings)

    def vocab(self) -> list[Term]:
        """The classes and properties in use, with prefixed names, labels, categories and counts."""
        from .catalog import vocabulary

        return vocabulary(self.store)

    def select(self, sparql: str, **bindings: Any) -> QueryResult:
        """Like :meth:`query`, but the whole result as a :class:`graphbuild.query.QueryResult`
        (variables, rows, boolean or triples), ready for :func:`graphbuild.query.format_result`."""
        from .query import select

        return select(self.store, sparql, bindings)

    def write_query(self, out: TextIO, sparql: str, format: str = "table", *, width: int | None = 60,
                    max_rows: int | None = None, **bindings: Any) -> QueryOutput:
        """Run SPARQL and write the results to the text stream ``out`` as they come (``table``,
        ``csv``, ``tsv`` or ``json``), at most ``max_rows`` rows (``None``: all). Returns a
        :class:`graphbuild.query_output.QueryOutput` whose ``truncated`` says the result had more."""
        from .query_output import write_result

        return write_result(self.store, sparql, out, format, width=width, max_rows=max_rows, bindings=bindings)

    def stats(self) -> dict[str, Any]:
        """Counts of documents, entities by class and relations by property."""
        from .stats import store_stats

        return store_stats(self.store)

    def export(self, path: str | os.PathLike | None = None, format: str = "turtle") -> bytes | Path:
        """Write the graph in ``format`` to ``path``; with no path, return the bytes."""
        from .export import export

        return export(self.store, format, path)

    def render(self, path: str | os.PathLike = "graph.html", **options: Any) -> RenderReport:
        """Write the interactive HTML network; see :func:`graphbuild.viewer.render_graph`."""
        from .viewer import render_graph

        return render_graph(self.store, Path(path), **options)

    def show(self, **options: Any) -> NotebookView:
        """Display the interactive network inline in a notebook."""
        from .viewer import show_graph

        return show_graph(self.store, **options)

    def to_networkx(self) -> nx.MultiDiGraph:
        """Entities as nodes, asserted relations as edges (a ``networkx.MultiDiGraph``)."""
        from .networkx_view import entity_graph

        return entity_graph(self.store)

    def analyze(self, top: int = 10) -> dict[str, Any]:
        """Most central entities, communities and counts; see :func:`graphbuild.analyze.analyze`."""
        from .analyze import analyze

        return analyze(self.to_networkx(), top=top)

    def path(self, a: str, b: str) -> list[dict[str, Any]]:
        """How entity ``a`` connects to ``b`` (labels or aliases): one dict per hop, with its relation."""
        from .analyze import find_path

        return find_path(self.to_networkx(), a, b)

    def validate(self, shapes: str | os.PathLike | None = None, *, all_graphs: bool = False) -> ValidationReport:
        """Check the graph against the SHACL shapes; returns a :class:`graphbuild.validate.ValidationReport`.
        Graphs unchanged since their last validation keep their recorded result unless ``all_graphs``."""
        from .validate import validate_store

        return validate_store(self.store, shapes, all_graphs=all_graphs)

    def evaluate(self, gold: str | os.PathLike) -> EvalReport:
        """Score the asserted facts against a gold JSON Lines file; see :mod:`graphbuild.evaluate`."""
        from .evaluate import evaluate

        return evaluate(self.store, gold)

    def push(self, url: str, **options: Any) -> PushReport:
        """Send every document graph to another store (Graph Store Protocol or SPARQL Update);
        see :func:`graphbuild.push.push_store` for the options. Returns a ``PushReport``."""
        from .push import push_store

        return push_store(self.store, url, **options)

    def to_rdflib(self) -> rdflib.Dataset:
        """Every quad as an ``rdflib.Dataset`` (named graphs kept)."""
        from .rdflib_view import to_dataset

        return to_dataset(self.store)
