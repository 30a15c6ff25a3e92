"""pySHACL on one document graph at a time, in this process or spread over worker processes.

pySHACL is pure Python, so checking thousands of document graphs uses one core; with many
graphs to check, :func:`core_results` hands them to a pool of processes (one per usable core,
started once, each parsing the shapes and the ontology once) and yields results in order, with
a bounded number of graphs in flight so that memory does not grow with the store.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor

import pyoxigraph as ox
import rdflib
from rdflib.namespace import RDF, SH

from .cores import usable_cores

__all__ = ["POOL_MIN_GRAPHS", "core_results", "usable_cores"]

POOL_MIN_GRAPHS = 40  # fewer graphs than this are checked in this process (a pool takes seconds to start)
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_context: dict[str, rdflib.Graph] = {}  # the shapes and the ontology, in whichever process checks



def core_results(graphs: Iterable[tuple[str, bytes]], shapes_nt: bytes, ontology_nt: bytes, *,
                 workers: int = 1) -> Iterator[tuple[str, bool, list[dict], str | None]]:
    """``(name, conforms, results, error)`` for each ``(name, N-Triples)`` in ``graphs``, in order.

    ``results`` are dicts with ``focus``, ``path``, ``value``, ``message``, ``severity`` and
    ``shape``; ``error`` is pySHACL's text when it could not use the shapes at all.
    """
    if workers < 2:
        _start(shapes_nt, ontology_nt)
        for name, data in graphs:
            yield (name, *_check(data))
        return
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"), initializer=_start,
                             initargs=(shapes_nt, ontology_nt)) as pool:
        window: deque = deque()
        for name, data in graphs:
            window.append((name, pool.submit(_check, data)))
            if len(window) >= 4 * workers:
                done, future = window.popleft()
                yield (done, *future.result())
        while window:
            done, future = window.popleft()
            yield (done, *future.result())


def _start(shapes_nt: bytes, ontology_nt: bytes) -> None:
    _context["shapes"] = to_rdflib(shapes_nt)
    _context["ontology"] = to_rdflib(ontology_nt)


def _check(data_nt: bytes) -> tuple[bool, list[dict], str | None]:
    import pyshacl

    data = to_rdflib(data_nt)
    data += _context["ontology"]
    conforms, results, text = pyshacl.validate(data, shacl_graph=_context["shapes"], inference="none",
                                               allow_warnings=True)
    if not isinstance(results, rdflib.Graph):  # pySHACL could not use the shapes themselves
        return False, [], text.strip()
    return conforms, _results(results), None


def _results(results: rdflib.Graph) -> list[dict]:
    found = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        def one(prop):
            value = results.value(result, prop)
            return str(value) if value is not None else None

        found.append({"focus": one(SH.focusNode), "path": one(SH.resultPath), "value": one(SH.value),
                      "message": one(SH.resultMessage) or "does not conform",
                      "severity": (one(SH.resultSeverity) or str(SH.Violation)).rsplit("#", 1)[-1],
                      "shape": one(SH.sourceShape)})
    return found


def to_rdflib(data_nt: bytes) -> rdflib.Graph:
    """N-Triples as an rdflib graph, term by term through pyoxigraph's parser (no rdflib parsing)."""
    graph = rdflib.Graph()
    seen: dict = {}
    for triple in ox.parse(data_nt, ox.RdfFormat.N_TRIPLES):
        graph.add((_term(triple.subject, seen), _term(triple.predicate, seen), _term(triple.object, seen)))
    return graph


def _term(term, seen: dict):
    found = seen.get(term)
    if found is None:
        if isinstance(term, ox.NamedNode):
            found = rdflib.URIRef(term.value)
        elif isinstance(term, ox.BlankNode):
            found = rdflib.BNode(term.value)
        elif term.language:
            found = rdflib.Literal(term.value, lang=term.language)
        elif term.datatype.value == _XSD_STRING:
            found = rdflib.Literal(term.value)  # as rdflib reads a plain literal
        else:
            found = rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))
        seen[term] = found
    return found
