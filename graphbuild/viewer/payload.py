"""The data the page draws, as one compact JSON-ready dict (arrays of arrays, shared tables).

Repeated strings (classes, properties, documents, sentences) become indexes into tables, so a
graph of 5,000 nodes and 10,000 edges stays a few megabytes. ``viewer.js`` documents the reading
side of each array.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict

import numpy as np

from .data import GraphData
from .select import GENERIC, Selection

__all__ = ["CATEGORY_COLOURS", "CLASS_COLOURS", "OTHER_CATEGORY", "build_payload"]

CLASS_COLOURS = {
    "Person": "#e15759", "Organization": "#4e79a7", "Country": "#59a14f", "City": "#8cd17d",
    "Place": "#76b7b2", "Event": "#f28e2b", "Group": "#b07aa1", "Concept": "#bab0ac", "Date": "#edc948",
}
_MORE_COLOURS = ("#ff9da7", "#9c755f", "#499894", "#d37295", "#a0cbe8", "#b6992d", "#86bcb6", "#f1ce63")
CATEGORY_COLOURS = {
    "agreement": "#2e8b57", "consultation": "#1f77b4", "support": "#6aa84f", "cooperation": "#17becf",
    "request": "#e69138", "accusation": "#cc0000", "rejection": "#8e44ad", "threat": "#c2185b",
    "assault": "#7f0000", "expression": "#bf9000", "affiliation": "#795548",
}
OTHER_CATEGORY = "other (open relations)"
_OTHER_COLOUR = "#8c8c8c"
LARGE = 1000  # from this many nodes: no hover, edges hidden while dragging or zooming


def build_payload(selection: Selection, positions: np.ndarray, *, title: str, show_uncertain: bool,
                  focus: str | None = None, hops: int = 1, max_nodes: int | None = None,
                  from_query: bool = False, communities: list[int] | None = None) -> dict:
    """Everything the page needs, with node ``i`` at ``positions[i]`` and in ``communities[i]``
    (in the selection's order: most important first)."""
    graph: GraphData = selection.graph
    iris = list(graph.entities)
    index = {iri: i for i, iri in enumerate(iris)}
    degree = Counter()
    for r in graph.relations:
        degree[r.source] += 1
        degree[r.target] += 1

    class_counts = Counter(e.cls for e in graph.entities.values())
    class_names = sorted(class_counts, key=lambda c: (-class_counts[c], c))
    class_index = {name: i for i, name in enumerate(class_names)}
    extra = iter(_MORE_COLOURS * (1 + len(class_names) // len(_MORE_COLOURS)))
    classes = [[name, CLASS_COLOURS.get(name) or next(extra), class_counts[name]] for name in class_names]

    nodes = []
    for i, iri in enumerate(iris):
        e = graph.entities[iri]
        x, y = (round(float(v), 1) for v in positions[i])
        size = round(math.sqrt(e.mentions or degree[iri] or 1), 2)  # area grows with mentions
        nodes.append([e.label, class_index[e.cls], x, y, size, e.mentions, list(e.aliases), iri,
                      selection.relations.get(iri, 0), communities[i] if communities else -1,
                      int(iri in selection.first)])

    categories = [name for name in CATEGORY_COLOURS if any(r.category == name for r in graph.relations)]
    if any(r.category not in CATEGORY_COLOURS for r in graph.relations):
        categories.append(OTHER_CATEGORY)
    category_index = {name: i for i, name in enumerate(categories)}

    props, prop_index = [], {}
    docs, doc_index = [], {}
    sentences, sentence_index = [], {}
    statements = []
    edges = []
    parallel = defaultdict(int)
    for r in graph.relations:
        if r.prop not in prop_index:
            category = r.category if r.category in CATEGORY_COLOURS else OTHER_CATEGORY
            prop_index[r.prop] = len(props)
            props.append([r.label, category_index[category], r.prop])
        refs = []
        for st in r.statements:
            doc = doc_index.setdefault(st.document, len(docs))
            if doc == len(docs):
                docs.append(st.document)
            key = (doc, st.sentence)
            if key not in sentence_index:
                sentence_index[key] = len(sentences)
                sentences.append([doc, st.sentence])
            refs.append(len(statements))
            statements.append([sentence_index[key], st.subject_text, st.predicate_text, st.object_text,
                               st.modality, int(st.negated) | int(st.asserted) << 1, st.attributed_to,
                               list(st.times), st.confidence])
        pair = frozenset((r.source, r.target))
        rank = parallel[pair]
        parallel[pair] += 1
        flags = int(not r.asserted) | int(r.negated) << 1
        edges.append([index[r.source], index[r.target], prop_index[r.prop], flags, rank, refs])

    return {
        "meta": {
            "title": title, "shown": len(nodes), "total": selection.total, "leftOut": selection.left_out,
            "maxNodes": max_nodes, "focus": focus, "hops": hops, "fromQuery": from_query,
            "showUncertain": show_uncertain, "large": len(nodes) >= LARGE,
            "budget": selection.budget, "hideConcepts": selection.hide_concepts,
            "totalRelations": selection.total_relations, "generic": GENERIC,
            "communities": max(communities or [-1]) + 1,
        },
        "classes": classes,
        "categories": [[name, CATEGORY_COLOURS.get(name, _OTHER_COLOUR)] for name in categories],
        "nodes": nodes,
        "props": props,
        "edges": edges,
        "docs": docs,
        "sentences": sentences,
        "statements": statements,
    }
