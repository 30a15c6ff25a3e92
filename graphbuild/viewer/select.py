"""Choose what to draw: a CONSTRUCT query's triples, a focus with its neighbourhood, the N most connected.

Pure functions over :class:`~graphbuild.viewer.data.GraphData`; nothing here reads the store
except :func:`from_construct`, which runs the user's query.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections import deque
from dataclasses import dataclass

import pyoxigraph as ox

from ..errors import E101, E102, E104, InputError
from ..query import select as run_select
from ..store import Store
from .data import Entity, GraphData, Relation, local_name, property_labels

__all__ = ["Selection", "choose", "find_entities", "from_construct"]

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"


@dataclass(frozen=True)
class Selection:
    """The part of the graph to draw, and how many entities ``max_nodes`` left out."""

    graph: GraphData
    total: int
    left_out: int = 0


def choose(graph: GraphData, *, focus: str | None = None, hops: int = 1, max_nodes: int | None = None,
           include_uncertain: bool = False) -> Selection:
    """Keep the entities within ``hops`` of ``focus`` (all without a focus), then the ``max_nodes``
    most connected of them (closest to the focus first), and the relations between those kept.

    Neighbourhoods and degrees count asserted relations only, unless ``include_uncertain``: a node
    reached only through a hidden dashed edge would otherwise float unconnected.

    >>> g = GraphData({i: Entity(i, i.upper()) for i in "abcd"},
    ...               (Relation("a", "b", "p", "p"), Relation("b", "c", "p", "p")))
    >>> sorted(choose(g, focus="A", hops=1).graph.entities)
    ['a', 'b']
    >>> s = choose(g, max_nodes=2)
    >>> sorted(s.graph.entities), s.left_out
    (['a', 'b'], 2)
    """
    if hops < 0:
        raise InputError(E104.format(option="--hops", rule="0 or more", value=hops))
    if max_nodes is not None and max_nodes < 1:
        raise InputError(E104.format(option="--max-nodes", rule="1 or more", value=max_nodes))
    counted = [r for r in graph.relations if include_uncertain or r.asserted]
    neighbours: dict[str, set[str]] = {iri: set() for iri in graph.entities}
    degree = dict.fromkeys(graph.entities, 0)  # relations, not distinct neighbours
    for r in counted:
        neighbours[r.source].add(r.target)
        neighbours[r.target].add(r.source)
        degree[r.source] += 1
        degree[r.target] += 1
    if focus is not None:
        seeds = find_entities(graph, focus)
        distance = _distances(neighbours, [e.iri for e in seeds], hops)
    else:
        distance = dict.fromkeys(graph.entities, 0)
    total = len(distance)
    keep = sorted(distance, key=lambda iri: (distance[iri], -degree[iri],
                                             -graph.entities[iri].mentions, graph.entities[iri].label, iri))
    if max_nodes is not None:
        keep = keep[:max_nodes]
    kept = set(keep)
    entities = {iri: graph.entities[iri] for iri in sorted(kept)}
    relations = tuple(r for r in graph.relations if r.source in kept and r.target in kept)
    return Selection(GraphData(entities, relations), total=total, left_out=total - len(kept))


def find_entities(graph: GraphData, name: str) -> list[Entity]:
    """Entities whose label or an alias equals ``name``, ignoring case; an error names close matches."""
    wanted = _fold(name)
    found = [e for e in graph.entities.values() if wanted in {_fold(x) for x in (e.label, *e.aliases)}]
    if found:
        return found
    names = sorted({e.label for e in graph.entities.values()})
    close = difflib.get_close_matches(name, names, n=3, cutoff=0.6)
    hint = f" (did you mean: {', '.join(close)}?)" if close else ""
    raise InputError(E101.format(label=name, hint=hint))


def from_construct(store: Store, sparql: str, graph: GraphData) -> GraphData:
    """The graph a CONSTRUCT query describes: each triple between two resources is an edge.

    Resources already known as entities keep their label, class and mentions; others get
    ``rdfs:label``/``rdf:type`` from the query's own triples, else their IRI's last segment.
    Edges that match a stored relation keep its label, category, style and sentences.
    """
    result = run_select(store, sparql)
    if result.boolean is not None or result.variables:
        raise InputError(E102.format(got="is an ASK query" if result.boolean is not None else "is a SELECT query"))
    labels, types, links = {}, {}, []
    for t in result.triples:
        s, p, o = t.subject, t.predicate.value, t.object
        if not isinstance(s, ox.NamedNode):
            continue
        if p == _LABEL and isinstance(o, ox.Literal):
            labels.setdefault(s.value, o.value)
        elif p == _RDF_TYPE and isinstance(o, ox.NamedNode):
            types.setdefault(s.value, local_name(o.value))
        elif isinstance(o, ox.NamedNode):
            links.append((s.value, p, o.value))
    if not links and (labels or types):  # labels alone would draw nodes without a single edge
        raise InputError(E102.format(got="returns labels or classes but no triple linking two resources"))
    known = {(r.source, r.prop, r.target): r for r in graph.relations}
    entities: dict[str, Entity] = {}
    for iri in sorted({x for s, _, o in links for x in (s, o)} | labels.keys() | types.keys()):
        entities[iri] = graph.entities.get(iri) or Entity(iri, labels.get(iri, local_name(iri)), types.get(iri, "Thing"))
    labels_of = property_labels(store)
    relations = []
    for s, p, o in sorted(set(links)):
        label, category = labels_of.get(p, (local_name(p), None))
        relations.append(known.get((s, p, o)) or Relation(s, o, p, label, category))
    return GraphData(entities, tuple(relations))


def _distances(neighbours: dict[str, set[str]], seeds: list[str], hops: int) -> dict[str, int]:
    """Breadth-first hop counts from ``seeds`` up to ``hops``, ignoring edge direction."""
    distance = dict.fromkeys(seeds, 0)
    queue = deque(seeds)
    while queue:
        node = queue.popleft()
        if distance[node] == hops:
            continue
        for other in sorted(neighbours[node]):
            if other not in distance:
                distance[other] = distance[node] + 1
                queue.append(other)
    return distance


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold().strip()
