"""Counts that describe a store: documents, entities by class, relations by property.

Classes and properties are given by their prefixed names (``schema:Country``, ``gb:callsFor``),
as a query would spell them. Every count comes from the store summary
(:mod:`graphbuild.summary`), so ``stats`` costs the same on ten documents or ten thousand.

>>> from graphbuild import KnowledgeGraph
>>> kg = KnowledgeGraph.in_memory()
>>> _ = kg.build(["China supports Pakistan."])
>>> stats = store_stats(kg.store)
>>> stats["documents"], stats["asserted_relations"], stats["relations"]["gb:supports"]
(1, 1, {'statements': 1, 'asserted': 1})
"""

from __future__ import annotations

from .store import Store
from .vocab import prefixed

__all__ = ["store_stats"]


def store_stats(store: Store) -> dict:
    """``{"documents": n, "quads": n, "asserted_relations": n, "entities": {class: n},
    "relations": {property: {"statements": n, "asserted": n}}}``, classes and properties as prefixed
    names. ``asserted_relations`` counts distinct asserted triples
    (:func:`graphbuild.read_model.relation_count`), as ``analyze`` and the viewer do."""
    summary = store.summary()
    entities = {prefixed(cls): n for cls, n in summary.class_counts()}
    relations = {prefixed(p): {"statements": n, "asserted": yes} for p, n, yes in summary.property_counts()}
    return {"documents": summary.documents(), "entities": entities, "relations": relations,
            "asserted_relations": summary.relation_count(), "quads": len(store)}
