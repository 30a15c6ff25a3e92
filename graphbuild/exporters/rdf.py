"""RDF serialisations of the whole store, written by Oxigraph's own serialisers.

Quad formats (N-Quads, TriG, JSON-LD) keep each document's named graph; triple formats
(Turtle, N-Triples, RDF/XML) hold the union of all graphs, as queries see it. JSON-LD has an
``@context`` of graphbuild's prefixes. Output is sorted where the format allows so that an
unchanged store exports byte-identically.
"""

from __future__ import annotations

import pyoxigraph as ox

from . import Exporter
from ._jsonld import write_jsonld

_QUAD_FORMATS = {"nquads": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG, "jsonld": ox.RdfFormat.JSON_LD}
_TRIPLE_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "rdfxml": ox.RdfFormat.RDF_XML,
}
_PREFIX_FORMATS = {"turtle", "trig", "rdfxml"}


def _sorted_quads(store):
    return sorted(store.quads(), key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))


def _union_triples(store):
    triples = {ox.Triple(q.subject, q.predicate, q.object) for q in store.quads()}
    return sorted(triples, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))


def _writer(name: str, rdf_format: ox.RdfFormat, quads: bool):
    def write(store, out) -> None:
        from ..vocab import PREFIXES

        prefixes = PREFIXES if name in _PREFIX_FORMATS else None
        items = _sorted_quads(store) if quads else _union_triples(store)
        if rdf_format == ox.RdfFormat.JSON_LD:
            write_jsonld(items, out, PREFIXES)
        else:
            ox.serialize(items, out, rdf_format, prefixes=prefixes)

    return write


EXPORTERS = [
    Exporter(name, _writer(name, fmt, True), fmt.file_extension, description=f"{fmt.name} (named graphs kept)")
    for name, fmt in _QUAD_FORMATS.items()
] + [
    Exporter(name, _writer(name, fmt, False), fmt.file_extension, description=f"{fmt.name} (union of graphs)")
    for name, fmt in _TRIPLE_FORMATS.items()
]
