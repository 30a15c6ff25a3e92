"""The vocabulary a store uses: its classes and properties with their prefixed names, labels,
relation categories and counts, read from the store (the ontology is stored in its own graph).

>>> from graphbuild import KnowledgeGraph
>>> kg = KnowledgeGraph.in_memory()
>>> _ = kg.build(["China supports Pakistan's sovereignty and Russia supports Serbia."])
>>> [(t.name, t.category, t.count) for t in kg.vocab() if t.name == "gb:supports"]
[('gb:supports', 'gb:support', 2)]
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import pyoxigraph as ox

from .store import Store
from .vocab import ONTOLOGY_GRAPH, prefixed

__all__ = ["Term", "vocabulary"]

_IN_DOCUMENTS = f"FILTER(?g != <{ONTOLOGY_GRAPH}>)"
_CLASSES = f"SELECT ?t (COUNT(DISTINCT ?s) AS ?n) WHERE {{ GRAPH ?g {{ ?s a ?t }} {_IN_DOCUMENTS} }} GROUP BY ?t"
_PROPERTIES = f"SELECT ?t (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?t ?o }} {_IN_DOCUMENTS} }} GROUP BY ?t"
# A relation's category is the ancestor right under gb:relatedTo in the ontology's hierarchy.
_DESCRIBED = f"""SELECT ?t (SAMPLE(?l) AS ?label) (SAMPLE(?c) AS ?category) WHERE {{
    VALUES ?t {{ {{terms}} }}
    OPTIONAL {{ ?t rdfs:label ?l }}
    OPTIONAL {{ ?t rdfs:subPropertyOf* ?c . GRAPH <{ONTOLOGY_GRAPH}> {{ ?c rdfs:subPropertyOf gb:relatedTo }} }}
}} GROUP BY ?t"""


@dataclass(frozen=True)
class Term:
    """A class or property in use: ``count`` resources of the class, or triples with the property."""

    kind: str  # "class" or "property"
    name: str  # prefixed where a prefix fits: gb:supports
    label: str
    category: str | None  # for relations: the political-event category, e.g. gb:support
    count: int
    iri: str

    def as_dict(self) -> dict:
        return asdict(self)


def vocabulary(store: Store) -> list[Term]:
    """Every class and property used in the document graphs, classes first, most used first."""
    counted = [(kind, row["t"].value, int(row["n"].value))
               for kind, sparql in (("class", _CLASSES), ("property", _PROPERTIES))
               for row in store.query(sparql)]
    described = _describe(store, {iri for _, iri, _ in counted})
    terms = []
    for kind, iri, count in counted:
        label, category = described.get(iri, ("", None))
        terms.append(Term(kind, prefixed(iri), label, category, count, iri))
    return sorted(terms, key=lambda t: (t.kind != "class", -t.count, t.name))


def _describe(store: Store, iris: set[str]) -> dict[str, tuple[str, str | None]]:
    if not iris:
        return {}
    values = " ".join(str(ox.NamedNode(iri)) for iri in sorted(iris))
    rows = store.query(_DESCRIBED.replace("{terms}", values))
    return {row["t"].value: (row["label"].value if row["label"] else "",
                             prefixed(row["category"].value) if row["category"] else None) for row in rows}
