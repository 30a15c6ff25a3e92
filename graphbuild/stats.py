"""Counts that describe a store: documents, entities by class, relations by property.

Classes and properties are given by their prefixed names (``schema:Country``, ``gb:callsFor``),
as a query would spell them.
"""

from __future__ import annotations

from .store import Store
from .vocab import prefixed

__all__ = ["store_stats"]

_DOCUMENTS = "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a gb:Document }"
_ENTITIES = """SELECT ?class (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e gb:mentionCount ?m ; a ?class }
               GROUP BY ?class ORDER BY DESC(?n) ?class"""
_RELATIONS = """SELECT ?p (COUNT(DISTINCT ?st) AS ?n) (COUNT(DISTINCT ?yes) AS ?a) WHERE {
                  ?st a gb:Statement ; rdf:predicate ?p ; gb:asserted ?asserted .
                  BIND(IF(?asserted, ?st, ?unbound) AS ?yes)
                } GROUP BY ?p ORDER BY DESC(?n) ?p"""


def store_stats(store: Store) -> dict:
    """``{"documents": n, "quads": n, "entities": {class: n}, "relations": {property: {"statements": n,
    "asserted": n}}}``, classes and properties as prefixed names."""
    documents = int(next(iter(store.query(_DOCUMENTS)))["n"].value)
    entities = {prefixed(row["class"].value): int(row["n"].value) for row in store.query(_ENTITIES)}
    relations = {
        prefixed(row["p"].value): {"statements": int(row["n"].value), "asserted": int(row["a"].value)}
        for row in store.query(_RELATIONS)
    }
    return {"documents": documents, "entities": entities, "relations": relations, "quads": len(store)}
