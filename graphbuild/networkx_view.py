"""The entity graph as a networkx ``MultiDiGraph``: entities as nodes, asserted relations as edges.

Node keys are entity IRIs; node attributes: ``label``, ``type`` (class local name such as
``Country``), ``type_iri``, ``aliases`` (list), ``mentions`` (total over documents).
Edge keys are property IRIs; edge attributes: ``property``, ``label``, ``category`` (the
top-level relation group's label, or ``None`` for open relations), ``statements`` (how many
statement nodes back the edge).
"""

from __future__ import annotations

import networkx as nx

from .store import Store
from .vocab import local_name

__all__ = ["entity_graph"]

_NODES = """
SELECT ?e ?mentions (SAMPLE(?l) AS ?label) (SAMPLE(?t) AS ?type)
       (GROUP_CONCAT(DISTINCT ?alt; SEPARATOR="\\u001f") AS ?aliases)
WHERE {
  { SELECT ?e (SUM(?n) AS ?mentions) WHERE { GRAPH ?g { ?e gb:mentionCount ?n } } GROUP BY ?e }
  OPTIONAL { ?e rdfs:label ?l }
  OPTIONAL { ?e a ?t }
  OPTIONAL { ?e skos:altLabel ?alt }
} GROUP BY ?e ?mentions
"""

_EDGES = """
SELECT ?s ?p ?o (SAMPLE(?pl) AS ?label) (SAMPLE(?cl) AS ?category) (COUNT(DISTINCT ?st) AS ?statements)
WHERE {
  ?p a gb:Relation .
  ?s ?p ?o .
  FILTER(?p != gb:relatedTo)
  OPTIONAL { ?p rdfs:label ?pl }
  OPTIONAL { ?p rdfs:subPropertyOf* ?c . ?c rdfs:subPropertyOf gb:relatedTo ; rdfs:label ?cl .
             FILTER(STRSTARTS(STR(?c), STR(gb:))) }
  OPTIONAL { ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o }
} GROUP BY ?s ?p ?o
"""


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
    for row in store.query(_NODES):
        type_iri = row["type"].value if row["type"] is not None else ""
        aliases = row["aliases"].value.split("\x1f") if row["aliases"] is not None and row["aliases"].value else []
        graph.add_node(
            row["e"].value,
            label=row["label"].value if row["label"] is not None else row["e"].value,
            type=local_name(type_iri),
            type_iri=type_iri,
            aliases=sorted(aliases),
            mentions=int(row["mentions"].value),
        )
    for row in store.query(_EDGES):
        s, p, o = row["s"].value, row["p"].value, row["o"].value
        if s not in graph or o not in graph:
            continue  # literal objects or nodes that are not entities
        category = row["category"].value if row["category"] is not None else None
        graph.add_edge(
            s, o, key=p, property=p,
            label=row["label"].value if row["label"] is not None else local_name(p),
            category=category, statements=int(row["statements"].value),
        )
    return graph

