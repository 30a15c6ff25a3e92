"""The entity graph as a networkx ``MultiDiGraph``: entities as nodes, asserted relations as edges.

Node keys are entity IRIs; node attributes: ``label``, ``type`` (class local name such as
``Country``), ``type_iri``, ``aliases`` (list), ``mentions`` (total over documents).
Edge keys are property IRIs; edge attributes: ``property``, ``label``, ``category`` (the
top-level relation group's label, or ``None`` for open relations), ``statements`` (how many
statement nodes back the edge).
"""

from __future__ import annotations

import networkx as nx

from . import read_model
from .store import Store
from .vocab import local_name

__all__ = ["entity_graph"]


def entity_graph(store: Store) -> nx.MultiDiGraph:
    """Build the entity graph from ``store``.

    >>> from graphbuild import KnowledgeGraph
    >>> kg = KnowledgeGraph.in_memory()
    >>> _ = kg.build(["China supports Pakistan."])
    >>> g = kg.to_networkx()
    >>> sorted(d["label"] for _, d in g.nodes(data=True))
    ['China', 'Pakistan']
    """
    graph = nx.MultiDiGraph()
    for entity in read_model.entities(store):
        main = read_model.main_class(entity.types)
        graph.add_node(
            entity.iri, label=entity.label, type=main,
            type_iri=next((t for t in entity.types if local_name(t) == main), ""),
            aliases=list(entity.aliases), mentions=entity.mentions,
        )
    properties = read_model.relation_properties(store)
    counts = read_model.statement_counts(store)
    for s, p, o in sorted(read_model.asserted_relations(store)):
        if s not in graph or o not in graph:
            continue  # nodes that are not entities
        label, category = properties.get(p, (local_name(p), None))
        graph.add_edge(s, o, key=p, property=p, label=label, category=category, statements=counts.get((s, p, o), 0))
    return graph
