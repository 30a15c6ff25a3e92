"""Counts that describe a store: documents, entities by class, relations by property."""

from __future__ import annotations

from .store import Store

__all__ = ["store_stats"]

_DOCUMENTS = "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a gb:Document }"
_ENTITIES = """SELECT ?class (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e gb:mentionCount ?m ; a ?class }
               GROUP BY ?class ORDER BY DESC(?n) ?class"""
_RELATIONS = """SELECT ?label (COUNT(DISTINCT ?st) AS ?n) (COUNT(DISTINCT ?yes) AS ?a) WHERE {
                  ?st a gb:Statement ; rdf:predicate ?p ; gb:asserted ?asserted .
                  BIND(IF(?asserted, ?st, ?unbound) AS ?yes)
                  { SELECT ?p (SAMPLE(?pl) AS ?label) WHERE { ?p a gb:Relation ; rdfs:label ?pl } GROUP BY ?p }
                } GROUP BY ?label ORDER BY DESC(?n) ?label"""


def store_stats(store: Store) -> dict:
    """``{"documents": n, "entities": {class: n}, "relations": {label: {"statements": n, "asserted": n}}}``"""
    documents = int(next(iter(store.query(_DOCUMENTS)))["n"].value)
    entities = {_local(row["class"].value): int(row["n"].value) for row in store.query(_ENTITIES)}
    relations = {
        row["label"].value: {"statements": int(row["n"].value), "asserted": int(row["a"].value)}
        for row in store.query(_RELATIONS)
    }
    return {"documents": documents, "entities": entities, "relations": relations, "quads": len(store)}


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
