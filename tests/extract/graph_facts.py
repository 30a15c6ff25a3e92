"""End-to-end harness for construction tests: build one text in memory, read back its facts.

``asserted(text)`` gives the plain triples, ``statements(text)`` every statement node, both as
``(subject label, property local name, object label)``: "Airbus delivered the jet to Emirates."
-> ``("Airbus", "deliver_to", "Emirates")``; a lexicon verb gives its property ("supports").
``entities(text)`` gives ``(label, class local name)`` of every entity node.
"""

from __future__ import annotations

import functools

from graphbuild import KnowledgeGraph

_STATEMENTS = """
SELECT DISTINCT ?s ?p ?o ?asserted WHERE {
  ?st a gb:Statement ; rdf:subject/rdfs:label ?s ; rdf:predicate ?p ; rdf:object/rdfs:label ?o ;
      gb:asserted ?asserted .
}"""
_ENTITIES = "SELECT DISTINCT ?label ?cls WHERE { ?e rdfs:label ?label ; a ?cls . FILTER(?cls != gb:Statement && ?cls != gb:Document && ?cls != gb:Relation && ?cls != owl:ObjectProperty) FILTER NOT EXISTS { GRAPH <https://graphbuild.org/ontology> { ?e ?x ?y } } }"


def _local(iri: str) -> str:
    return iri.rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


@functools.lru_cache(maxsize=512)
def _build(text: str) -> tuple[frozenset, frozenset, frozenset]:
    kg = KnowledgeGraph.in_memory()
    kg.build([text])
    rows = [(r["s"].value, _local(r["p"].value), r["o"].value, r["asserted"].value == "true")
            for r in kg.query(_STATEMENTS)]
    ents = frozenset((r["label"].value, _local(r["cls"].value)) for r in kg.query(_ENTITIES))
    kg.close()
    return frozenset(r[:3] for r in rows if r[3]), frozenset(r[:3] for r in rows), ents


def asserted(text: str) -> frozenset[tuple[str, str, str]]:
    return _build(text)[0]


def statements(text: str) -> frozenset[tuple[str, str, str]]:
    return _build(text)[1]


def entities(text: str) -> frozenset[tuple[str, str]]:
    return _build(text)[2]
