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
from .vocab import local_name

__all__ = ["EntityRow", "asserted_relations", "entities", "main_class", "relation_properties", "statement_counts"]

# Classes that best describe an entity typed with several, most telling first.
CLASS_PRIORITY = ("Person", "Organization", "Country", "City", "Place", "Event", "Group")

_ENTITIES = """
SELECT ?e ?mentions (SAMPLE(?l) AS ?label)
       (GROUP_CONCAT(DISTINCT STR(?t); SEPARATOR=" ") AS ?types)
       (GROUP_CONCAT(DISTINCT ?alt; SEPARATOR="\\u001f") AS ?aliases)
WHERE {
  # summed apart from the OPTIONAL joins below, which repeat rows (once per graph and per value)
  { SELECT ?e (SUM(?n) AS ?mentions) WHERE {
      { SELECT DISTINCT ?e ?g ?n WHERE { GRAPH ?g { ?e gb:mentionCount ?n } } }
    } GROUP BY ?e }
  OPTIONAL { ?e rdfs:label ?l }
  OPTIONAL { ?e a ?t }
  OPTIONAL { ?e skos:altLabel ?alt }
} GROUP BY ?e ?mentions
"""

_PROPERTIES = """
SELECT ?p (SAMPLE(?pl) AS ?label) (SAMPLE(?cl) AS ?category)
WHERE {
  ?p a gb:Relation .
  OPTIONAL { ?p rdfs:label ?pl }
  OPTIONAL { ?p rdfs:subPropertyOf* ?c . ?c rdfs:subPropertyOf gb:relatedTo ; rdfs:label ?cl .
             FILTER(STRSTARTS(STR(?c), STR(gb:))) }
} GROUP BY ?p
"""

_ASSERTED = """
SELECT DISTINCT ?s ?p ?o WHERE { ?p a gb:Relation . ?s ?p ?o . FILTER(isIRI(?o) && ?p != gb:relatedTo) }
"""

_STATEMENT_COUNTS = """
SELECT ?s ?p ?o (COUNT(DISTINCT ?st) AS ?n) WHERE { ?st a gb:Statement ; rdf:subject ?s ; rdf:predicate ?p ;
  rdf:object ?o } GROUP BY ?s ?p ?o
"""


@dataclass(frozen=True)
class EntityRow:
    """An entity: label (else the IRI's last segment), class IRIs, aliases and total mentions."""

    iri: str
    label: str
    types: tuple[str, ...]
    aliases: tuple[str, ...]
    mentions: int


def entities(store: Store) -> list[EntityRow]:
    """Every entity in the store."""
    found = []
    for row in store.query(_ENTITIES):
        iri = row["e"].value
        found.append(EntityRow(
            iri=iri,
            label=_text(row["label"]) or local_name(iri),
            types=tuple(sorted(_text(row["types"]).split())),
            aliases=tuple(sorted(set(filter(None, _text(row["aliases"]).split("\x1f"))))),
            mentions=int(float(_text(row["mentions"]) or 0)),
        ))
    return found


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
    """Each relation property's label and its category's label (``None`` for open relations)."""
    return {row["p"].value: (_text(row["label"]) or local_name(row["p"].value), _text(row["category"]) or None)
            for row in store.query(_PROPERTIES)}


def asserted_relations(store: Store) -> set[tuple[str, str, str]]:
    """``(subject, property, object)`` IRIs of every asserted relation."""
    return {(row["s"].value, row["p"].value, row["o"].value) for row in store.query(_ASSERTED)}


def statement_counts(store: Store) -> dict[tuple[str, str, str], int]:
    """How many statement nodes stand behind each ``(subject, property, object)``."""
    return {(row["s"].value, row["p"].value, row["o"].value): int(row["n"].value)
            for row in store.query(_STATEMENT_COUNTS)}


def _text(term: object) -> str:
    return "" if term is None else term.value
