"""The one read model of a built store: entities, asserted relations, relation properties and
statement counts. The viewer, the networkx view (and through it analysis and the graph exporters)
and evaluation all read the store through these functions, so they agree on what a graph holds.

Rules shared by every reader:
- an entity is a resource with ``gb:mentionCount`` (its mentions summed over documents);
- an asserted relation is a plain triple whose property is a ``gb:Relation``, other than the
  root ``gb:relatedTo``, between two resources (not a literal);
- a relation's category is its ancestor right under ``gb:relatedTo`` (``gb:support``, ...).

>>> from graphbuild import KnowledgeGraph
>>> kg = KnowledgeGraph.in_memory()
>>> _ = kg.build(["China supports Pakistan."])
>>> [(local_name(p), category) for _, p, _ in asserted_relations(kg.store)
...  for _, category in [relation_properties(kg.store)[p]]]
[('supports', 'support')]
"""

from __future__ import annotations

from dataclasses import dataclass

from .store import Store
from .vocab import ONTOLOGY_GRAPH, PREFIXES, local_name

__all__ = ["EntityRow", "asserted_relations", "entities", "main_class", "relation_count", "relation_properties",
           "statement_counts"]

# Classes that best describe an entity typed with several, most telling first.
CLASS_PRIORITY = ("Person", "Organization", "Country", "City", "Place", "Event", "Group")

# The ontology's relation properties, labels and hierarchy: read from the ontology graph alone,
# never with a property path over the document graphs.
_ONTOLOGY = f"""
SELECT ?p ?label ?parent WHERE {{ GRAPH <{ONTOLOGY_GRAPH}> {{
  ?p a gb:Relation . OPTIONAL {{ ?p rdfs:label ?label }} OPTIONAL {{ ?p rdfs:subPropertyOf ?parent }} }} }}
"""
_ROOT = PREFIXES["gb"] + "relatedTo"


@dataclass(frozen=True)
class EntityRow:
    """An entity: label (else the IRI's last segment), class IRIs, aliases and total mentions."""

    iri: str
    label: str
    types: tuple[str, ...]
    aliases: tuple[str, ...]
    mentions: int


def entities(store: Store) -> list[EntityRow]:
    """Every entity in the store (from the store summary, so without a join over documents)."""
    return [EntityRow(iri=iri, label=label or local_name(iri), types=types, aliases=aliases, mentions=mentions)
            for iri, mentions, label, types, aliases in store.summary().entities()]


def main_class(type_iris: tuple[str, ...] | list[str]) -> str:
    """The local name of the class that best describes an entity typed with ``type_iris``.

    >>> main_class(["https://schema.org/Place", "https://schema.org/Country"])
    'Country'
    """
    names = sorted({local_name(t) for t in type_iris} - {"Thing"})
    for preferred in CLASS_PRIORITY:
        if preferred in names:
            return preferred
    others = [n for n in names if n != "Concept"]
    return (others or names or ["Thing"])[0]


def relation_properties(store: Store) -> dict[str, tuple[str, str | None]]:
    """Each relation property's label and its category's label (``None`` for open relations).

    The lexicon's properties and their hierarchy come from the ontology graph, open relations
    from the documents that declare them (through the store summary).
    """
    labels: dict[str, str] = {}
    parents: dict[str, set[str]] = {}
    for row in store.query(_ONTOLOGY):
        prop = row["p"].value
        if row["label"] is not None:
            labels.setdefault(prop, row["label"].value)
        parents.setdefault(prop, set())
        if row["parent"] is not None:
            parents[prop].add(row["parent"].value)
    found = {prop: (label or local_name(prop), None) for prop, label in store.summary().open_relations().items()}
    found.update({prop: (labels.get(prop) or local_name(prop), _category(prop, parents, labels)) for prop in parents})
    return found


def _category(prop: str, parents: dict[str, set[str]], labels: dict[str, str]) -> str | None:
    """The label of ``prop``'s ancestor (or ``prop`` itself) right under ``gb:relatedTo``."""
    seen, todo = set(), [prop]
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        if _ROOT in parents.get(current, ()) and current.startswith(PREFIXES["gb"]) and current in labels:
            return labels[current]
        todo += sorted(parents.get(current, ()))
    return None


def asserted_relations(store: Store) -> set[tuple[str, str, str]]:
    """``(subject, property, object)`` IRIs of every asserted relation."""
    return store.summary().asserted_relations()


def relation_count(store: Store) -> int:
    """How many asserted relations the store holds: distinct triples as :func:`asserted_relations`
    gives them, counted in the store summary (cheap on any size of store)."""
    return store.summary().relation_count()


def statement_counts(store: Store) -> dict[tuple[str, str, str], int]:
    """How many statement nodes stand behind each ``(subject, property, object)``."""
    return store.summary().statement_counts()


def _text(term: object) -> str:
    return "" if term is None else term.value
