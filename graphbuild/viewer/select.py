"""Choose what to draw: a CONSTRUCT query's triples, a focus with its neighbourhood, the N most connected,
and, of those, what the page shows first.

The page holds the chosen entities in order of importance: named entities before generic concepts,
entities with relations before isolated ones, then the most relations first. It opens on the first
``budget`` of those it shows by default (isolated entities and, in the whole-graph view, generic
concepts stay behind toggles); "show more", expanding a node and the toggles reveal the rest.

Pure functions over :class:`~graphbuild.viewer.data.GraphData`; nothing here reads the store
except :func:`from_construct`, which runs the user's query.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections import deque
from dataclasses import dataclass, field

import pyoxigraph as ox

from ..errors import E101, E102, E104, InputError
from ..query import select as run_select
from ..store import Store
from .data import Entity, GraphData, Relation, local_name, property_labels

__all__ = ["DEFAULT_BUDGET", "PAGE_LIMIT", "Selection", "choose", "find_entities", "from_construct"]

DEFAULT_BUDGET = 200  # entities the whole-graph view opens on; "show more" adds more
PAGE_LIMIT = 5000  # entities a page holds at most unless --max-nodes says otherwise
GENERIC = "Concept"  # the class of generic concepts ("talks", "cooperation")

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"


@dataclass(frozen=True)
class Selection:
    """The part of the graph to draw, most important entity first, and what the page opens on.

    ``relations`` counts each entity's asserted relations in the whole selection (before
    ``max_nodes``), ``first`` is the set of entities shown when the page opens, ``hide_concepts``
    whether generic concepts start hidden, ``total_relations`` the asserted relations between the
    ``total`` entities.
    """

    graph: GraphData
    total: int
    left_out: int = 0
    relations: dict[str, int] = field(default_factory=dict)
    first: frozenset[str] = frozenset()
    hide_concepts: bool = False
    total_relations: int = 0
    budget: int = DEFAULT_BUDGET


def choose(graph: GraphData, *, focus: str | None = None, hops: int = 1, max_nodes: int | None = None,
           include_uncertain: bool = False, budget: int | None = None) -> Selection:
    """Keep the entities within ``hops`` of ``focus`` (all without a focus), then the ``max_nodes``
    most important of them (closest to the focus first; at most :data:`PAGE_LIMIT` without a
    focus), and the relations between those kept; mark the ``budget`` shown first.

    Neighbourhoods and relation counts follow asserted relations only, unless ``include_uncertain``:
    a node reached only through a hidden dashed edge would otherwise float unconnected.

    >>> g = GraphData({i: Entity(i, i.upper()) for i in "abcd"},
    ...               (Relation("a", "b", "p", "p"), Relation("b", "c", "p", "p")))
    >>> sorted(choose(g, focus="A", hops=1).graph.entities)
    ['a', 'b']
    >>> s = choose(g, max_nodes=2)
    >>> list(s.graph.entities), s.left_out, sorted(s.first)
    (['b', 'a'], 2, ['a', 'b'])
    """
    if hops < 0:
        raise InputError(E104.format(option="--hops", rule="0 or more", value=hops))
    if max_nodes is not None and max_nodes < 1:
        raise InputError(E104.format(option="--max-nodes", rule="1 or more", value=max_nodes))
    if budget is not None and budget < 1:
        raise InputError(E104.format(option="--budget", rule="1 or more", value=budget))
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
    named = {iri for iri in distance if graph.entities[iri].cls != GENERIC and degree[iri]}
    keep = sorted(distance, key=lambda iri: (distance[iri], not degree[iri], iri not in named, -degree[iri],
                                             -graph.entities[iri].mentions, graph.entities[iri].label, iri))
    limit = max_nodes if max_nodes is not None else None if focus is not None else PAGE_LIMIT
    if limit is not None:
        keep = keep[:limit]
    kept = set(keep)
    entities = {iri: graph.entities[iri] for iri in keep}
    relations = tuple(r for r in graph.relations if r.source in kept and r.target in kept)
    whole = focus is None
    # the whole graph opens on named entities when it has any; a focus shows its neighbourhood whole
    hide_concepts = whole and bool(named & kept)
    budget = budget or (DEFAULT_BUDGET if whole else len(keep))
    page_degree = dict.fromkeys(keep, 0)
    for r in relations:
        if include_uncertain or r.asserted:
            page_degree[r.source] += 1
            page_degree[r.target] += 1
    shown = [iri for iri in keep if (page_degree[iri] or not whole or len(keep) == 1)
             and not (hide_concepts and graph.entities[iri].cls == GENERIC)]
    asserted = sum(r.asserted for r in graph.relations if r.source in distance and r.target in distance)
    return Selection(GraphData(entities, relations), total=total, left_out=total - len(kept),
                     relations=_asserted_counts(graph, kept),
                     first=frozenset(shown[:budget]), hide_concepts=hide_concepts, total_relations=asserted,
                     budget=budget)


def _asserted_counts(graph: GraphData, kept: set[str]) -> dict[str, int]:
    """Each kept entity's asserted relations in ``graph`` (to anything), the count tooltips show."""
    counts = dict.fromkeys(kept, 0)
    for r in graph.relations:
        if r.asserted:
            if r.source in counts:
                counts[r.source] += 1
            if r.target in counts:
                counts[r.target] += 1
    return counts


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
