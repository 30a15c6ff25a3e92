"""The embedded Oxigraph store: one named graph per document, replaced atomically.

Writers and readers coordinate through :class:`graphbuild.lock.StoreLock`: a writer (a build)
holds it exclusively, readers (query, export, a server) hold it shared and open Oxigraph
read-only, so many readers can run at once and a build never writes under a reader's feet.
Oxigraph's own lock backs this up between writers.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import pyoxigraph as ox
import rdflib

from .disk_space import disk_full_error, is_disk_full
from .errors import E001, E002, E004, E005, E013, E016, QueryError, StoreError, StoreInUseError
from .lock import StoreLock
from .summary import SUMMARY_FILE, Summary
from .vocab import PREFIXES

__all__ = ["Store"]

_WHERE = re.compile(r"error at (\d+):(\d+)")
# The graph name that ends an N-Quads line (a triple line's object matches too, and is then no graph).
_GRAPH_NAME = re.compile(rb"<([^<>]*)> \.\r?$", re.MULTILINE)


class Store:
    """An Oxigraph store on disk (``path``) or in memory (``path=None``).

    >>> store = Store(None)
    >>> store.replace_graph("https://example.org/g", [
    ...     ox.Quad(ox.NamedNode("https://example.org/a"), ox.NamedNode("https://example.org/p"),
    ...             ox.Literal("b"), ox.NamedNode("https://example.org/g"))])
    >>> len(store)
    1
    """

    def __init__(self, path: str | os.PathLike | None = None, *, read_only: bool = False) -> None:
        self.path = Path(path) if path is not None else None
        self.read_only = read_only
        self._lock: StoreLock | None = None
        self._summary: Summary | None = None
        if self.path is None:
            self._ox = ox.Store()
            return
        self._lock = StoreLock(self.path, exclusive=not read_only)
        try:
            self._ox = ox.Store.read_only(str(self.path)) if read_only else ox.Store(str(self.path))
        except OSError as exc:
            self._unlock()
            if is_disk_full(exc):
                raise disk_full_error(f"the store at '{self.path}'", exc) from exc
            if "lock" in str(exc).lower():
                raise StoreInUseError(E001.format(path=self.path)) from exc
            raise StoreError(E002.format(path=self.path, cause=exc)) from exc
        except RuntimeError as exc:  # RocksDB reports damaged or foreign files this way
            self._unlock()
            raise StoreError(E002.format(path=self.path, cause=_short(str(exc)))) from exc

    def _unlock(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def close(self) -> None:
        """Flush and release the store; the object is unusable afterwards."""
        try:
            if getattr(self, "_ox", None) is not None and not self.read_only and self.path is not None:
                with self._writing():
                    self._ox.flush()
        finally:
            if self._summary is not None:
                self._summary.close()
                self._summary = None
            self._ox = None
            self._unlock()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        if exc_type is None:
            self.close()
            return
        with contextlib.suppress(OSError):  # the error already raised says more than a failed flush
            self.close()

    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        """Turn a write that found the disk full into E023 (the stored documents stay intact)."""
        try:
            yield
        except OSError as exc:
            if is_disk_full(exc) and not isinstance(exc, StoreError):
                raise disk_full_error(f"the store at '{self.path}'", exc) from exc
            raise

    def __len__(self) -> int:
        return len(self._ox)

    @property
    def oxigraph(self) -> ox.Store:
        """The underlying :class:`pyoxigraph.Store`, for callers that need its full API.

        A caller may write through it behind the summary's back, so on a writable store the
        summary (and the validation record) trust nothing recorded from then on.
        """
        if not self.read_only:
            self._summary_for_writes().raw_access()
        return self._ox

    # ------------------------------------------------------------------ the derived summary
    def summary(self) -> Summary:
        """The store summary (:mod:`graphbuild.summary`), in step with the store."""
        return self._summary_for_writes().refresh()

    def _summary_for_writes(self) -> Summary:
        if self._summary is None:
            self._summary = Summary(self, None if self.path is None else self.path / SUMMARY_FILE)
        return self._summary

    # ------------------------------------------------------------------ documents
    def document_index(self) -> tuple[dict[str, str], dict[str, list[str]]]:
        """Content hash -> graph IRI, and source -> graph IRIs, of every stored document (one query)."""
        rows = self._ox.query(
            "SELECT ?g ?h ?s WHERE { GRAPH ?g { ?g gb:contentHash ?h ; gb:source ?s } }", prefixes=PREFIXES
        )
        by_hash: dict[str, str] = {}
        by_source: dict[str, list[str]] = {}
        for row in rows:
            by_hash[row["h"].value] = row["g"].value
            by_source.setdefault(row["s"].value, []).append(row["g"].value)
        return by_hash, by_source

    def graphs_with_source(self, source: str) -> list[str]:
        """Document graphs that were read from ``source`` (older versions of a changed file)."""
        rows = self._ox.query(
            "SELECT ?g ?s WHERE { GRAPH ?g { ?g gb:source ?s } }",
            prefixes=PREFIXES,
            substitutions={ox.Variable("s"): ox.Literal(source)},
        )
        return [row["g"].value for row in rows]

    def has_graph(self, graph: str) -> bool:
        """True if the named graph ``graph`` holds any quad."""
        return self._ox.contains_named_graph(ox.NamedNode(graph))

    def flush(self) -> None:
        """Write the store's in-memory tables to disk (what is written is unchanged, so the summary stays valid)."""
        with self._writing():
            self._ox.flush()

    def load_nquads(self, data: bytes) -> None:
        """Add N-Quads in one transaction (without holding Python's GIL while parsing and writing)."""
        with self._writing():
            self._ox.load(data, ox.RdfFormat.N_QUADS)
            self._summary_for_writes().graphs_written(g.decode("utf-8") for g in set(_GRAPH_NAME.findall(data)))

    def replace_graph(self, graph: str, quads: Iterable[ox.Quad] | bytes, *, also_drop: Iterable[str] = ()) -> None:
        """Replace named graph ``graph`` by ``quads`` and drop ``also_drop``, in one transaction.

        ``quads`` are quads in ``graph``, or their N-Quads serialisation. Oxigraph applies a load
        and a SPARQL update atomically, so a crash leaves either the old state or the new one,
        never half a document.
        """
        also_drop = list(also_drop)
        with self._writing():
            self._replace_graph(graph, quads, also_drop)
            summary = self._summary_for_writes()
            summary.graphs_dropped(g for g in also_drop if g != graph)
            summary.graphs_written([graph])

    def _replace_graph(self, graph: str, quads: Iterable[ox.Quad] | bytes, also_drop: list[str]) -> None:
        if not also_drop and not self._ox.contains_named_graph(ox.NamedNode(graph)):
            # a new graph: one transaction; loading bytes runs without holding Python's GIL
            if isinstance(quads, bytes):
                self._ox.load(quads, ox.RdfFormat.N_QUADS)
            else:
                self._ox.extend(quads)
            return
        if isinstance(quads, bytes):
            quads = ox.parse(quads, ox.RdfFormat.N_QUADS)
        drops = "".join(f"DROP SILENT GRAPH <{g}> ;\n" for g in dict.fromkeys([*also_drop, graph]))
        body = "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads)
        self._ox.update(f"{drops}INSERT DATA {{ GRAPH <{graph}> {{\n{body}\n}} }}")

    def drop_graphs(self, graphs: Iterable[str]) -> None:
        """Remove the named graphs ``graphs`` in one transaction."""
        graphs = list(dict.fromkeys(graphs))
        drops = " ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in graphs)
        if drops:
            with self._writing():
                self._ox.update(drops)
                self._summary_for_writes().graphs_dropped(graphs)

    # ------------------------------------------------------------------ reading
    def query(self, sparql: str, bindings: Mapping[str, object] | None = None, *, union: bool = True,
              graphs: Iterable[str] | None = None, prefixes: Mapping[str, str] | None = None):
        """Run a SPARQL query with graphbuild's prefixes over the union of document graphs.

        ``bindings`` maps variable names to pyoxigraph terms (or Python strings, numbers and
        booleans, turned into literals); the engine substitutes them, no string formatting.
        ``graphs``: query the merge of these named graphs (``""``: the default graph) instead of the union.
        ``prefixes`` are declared besides graphbuild's.
        Returns what pyoxigraph returns; :mod:`graphbuild.query` makes rows of it.
        """
        substitutions = {ox.Variable(name): to_term(value) for name, value in (bindings or {}).items()}
        dataset = {} if graphs is None else {"default_graph": [ox.NamedNode(g) if g else ox.DefaultGraph() for g in graphs]}
        try:
            return self._ox.query(
                sparql, prefixes={**PREFIXES, **(prefixes or {})}, use_default_graph_as_union=union and graphs is None,
                substitutions=substitutions, **dataset
            )
        except SyntaxError as exc:
            update = _UPDATE_START.match(sparql)
            if update is not None:
                raise QueryError(E016.format(keyword=update.group(1).upper())) from exc
            raise QueryError(E004.format(where=_where(str(exc)), cause=_short(str(exc)))) from exc
        except OSError as exc:
            raise QueryError(E005.format(cause=exc)) from exc
        except RuntimeError as exc:  # e.g. a bound variable missing from the SELECT projection
            if "projection" in str(exc):
                raise QueryError(E013.format(cause=exc)) from exc
            raise QueryError(E005.format(cause=exc)) from exc

    def quads(self) -> Iterator[ox.Quad]:
        """Every quad in the store."""
        return self._ox.quads_for_pattern(None, None, None, None)

    def graph_quads(self, graph: str | None) -> Iterator[ox.Quad]:
        """The quads of named graph ``graph`` (``None``: of the default graph)."""
        return self._ox.quads_for_pattern(None, None, None, ox.DefaultGraph() if graph is None else ox.NamedNode(graph))

    def match(self, subject: ox.NamedNode | ox.BlankNode | None = None, predicate: ox.NamedNode | None = None,
              object: ox.NamedNode | ox.BlankNode | ox.Literal | None = None,
              graph: ox.NamedNode | None = None) -> Iterator[ox.Quad]:
        """The quads matching a pattern (``None`` matches anything), straight from the indexes."""
        return self._ox.quads_for_pattern(subject, predicate, object, graph)

    def graph_ntriples(self, graph: str | None) -> bytes:
        """The triples of named graph ``graph`` (``None``: of the default graph) as N-Triples."""
        return self._ox.dump(format=ox.RdfFormat.N_TRIPLES,
                             from_graph=ox.DefaultGraph() if graph is None else ox.NamedNode(graph)) or b""

    def contains(self, quad: ox.Quad) -> bool:
        """True if ``quad`` is stored."""
        return quad in self._ox

    def named_graphs(self) -> list[str]:
        return sorted(g.value for g in self._ox.named_graphs())


def to_term(value: object) -> ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple:
    """A pyoxigraph term for ``value``; plain Python values become typed literals."""
    if isinstance(value, (ox.NamedNode, ox.BlankNode, ox.Literal, ox.Triple)):
        return value
    if isinstance(value, rdflib.URIRef):
        return ox.NamedNode(str(value))
    if isinstance(value, rdflib.Literal):
        datatype = ox.NamedNode(str(value.datatype)) if value.datatype else None
        return ox.Literal(str(value), language=value.language, datatype=datatype)
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=ox.NamedNode(PREFIXES["xsd"] + "boolean"))
    if isinstance(value, (int, float, str)):
        return ox.Literal(value)
    raise TypeError(f"cannot bind {type(value).__name__} {value!r}: pass a str, number, bool or pyoxigraph term")


# An update operation's first keyword, after any PREFIX/BASE declarations and comments.
_UPDATE_START = re.compile(
    r"(?is)^(?:\s+|#[^\n]*\n|PREFIX\s+[^:\s]*:\s*<[^>]*>|BASE\s*<[^>]*>)*"
    r"(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b")


def _where(message: str) -> str:
    match = _WHERE.search(message)
    return f" at line {match.group(1)}, column {match.group(2)}" if match else ""


def _short(message: str, limit: int = 300) -> str:
    message = _WHERE.sub("", message).lstrip(": ")
    return message if len(message) <= limit else message[:limit] + " ..."

