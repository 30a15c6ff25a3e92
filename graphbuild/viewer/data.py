"""Read what the viewer draws from the store: entities, relations and the statements behind them.

Entities, asserted relations and relation properties come from :mod:`graphbuild.read_model`;
the statements behind each relation, with what the viewer shows of them, are read here. All of it
becomes plain frozen dataclasses, so that selection, layout and page assembly never touch the store.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import read_model
from ..read_model import main_class
from ..store import Store
from ..vocab import local_name

__all__ = ["Entity", "GraphData", "Relation", "Statement", "document_titles", "load_graph", "local_name",
           "property_labels"]

_DOCUMENTS = """
SELECT DISTINCT ?d ?title WHERE { GRAPH ?d { ?d a gb:Document . OPTIONAL { ?d rdfs:label ?title } } } ORDER BY ?d
"""

_STATEMENTS = """
SELECT ?st (SAMPLE(?s) AS ?subject) (SAMPLE(?p) AS ?predicate) (SAMPLE(?o) AS ?object)
       (SAMPLE(?sentence) AS ?text) (SAMPLE(?dt) AS ?doc) (SAMPLE(?begin) AS ?start)
       (SAMPLE(?stx) AS ?st_text) (SAMPLE(?ptx) AS ?p_text) (SAMPLE(?otx) AS ?o_text)
       (SAMPLE(?mod) AS ?modality) (SAMPLE(?neg) AS ?negated) (SAMPLE(?ass) AS ?is_asserted)
       (SAMPLE(?al) AS ?attributed) (SAMPLE(?conf) AS ?confidence)
       (GROUP_CONCAT(DISTINCT ?time; SEPARATOR="\\u001f") AS ?times)
WHERE {
  ?st a gb:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
  OPTIONAL { ?st gb:sentence ?sentence }
  OPTIONAL { ?st nif:beginIndex ?begin }
  OPTIONAL { ?st gb:document ?d . OPTIONAL { ?d rdfs:label ?dl } BIND(COALESCE(?dl, STR(?d)) AS ?dt) }
  OPTIONAL { ?st gb:subjectText ?stx }
  OPTIONAL { ?st gb:predicateText ?ptx }
  OPTIONAL { ?st gb:objectText ?otx }
  OPTIONAL { ?st gb:modality ?mod }
  OPTIONAL { ?st gb:negated ?neg }
  OPTIONAL { ?st gb:asserted ?ass }
  OPTIONAL { ?st gb:confidence ?conf }
  OPTIONAL { ?st gb:attributedTo ?a . OPTIONAL { ?a rdfs:label ?all } BIND(COALESCE(?all, STR(?a)) AS ?al) }
  OPTIONAL { ?st gb:time ?time }
} GROUP BY ?st ORDER BY ?doc ?start ?st
"""


@dataclass(frozen=True)
class Entity:
    """A node: an entity with its label, class (local name), aliases and total mention count."""

    iri: str
    label: str
    cls: str = "Thing"
    aliases: tuple[str, ...] = ()
    mentions: int = 0


@dataclass(frozen=True)
class Statement:
    """One sentence behind a relation, with the matched words and how firmly it is stated."""

    sentence: str
    document: str = ""
    subject_text: str = ""
    predicate_text: str = ""
    object_text: str = ""
    modality: str = "asserted"
    negated: bool = False
    asserted: bool = True
    attributed_to: str = ""
    times: tuple[str, ...] = ()
    confidence: float | None = None


@dataclass(frozen=True)
class Relation:
    """An edge ``source -property-> target``; ``asserted`` when the plain triple is stored.

    An edge that only statements back (negated, hedged or attributed) is drawn dashed;
    ``negated`` when, besides, every statement behind it denies the relation.
    """

    source: str
    target: str
    prop: str
    label: str
    category: str | None = None
    asserted: bool = True
    negated: bool = False
    statements: tuple[Statement, ...] = ()


@dataclass(frozen=True)
class GraphData:
    """Entities by IRI and the relations between them."""

    entities: dict[str, Entity] = field(default_factory=dict)
    relations: tuple[Relation, ...] = ()


def load_graph(store: Store) -> GraphData:
    """Every entity, every relation between entities, and the statements behind each relation.

    >>> from graphbuild.store import Store
    >>> load_graph(Store(None))
    GraphData(entities={}, relations=())
    """
    entities = {row.iri: Entity(iri=row.iri, label=row.label, cls=main_class(row.types), aliases=row.aliases,
                                mentions=row.mentions) for row in read_model.entities(store)}
    properties = read_model.relation_properties(store)
    asserted = read_model.asserted_relations(store)
    statements = _statements(store)
    relations = []
    for key in sorted(asserted | statements.keys()):
        s, p, o = key
        if s not in entities or o not in entities:
            continue  # statements about literals or about things that are not entities
        behind = tuple(statements.get(key, ()))
        label, category = properties.get(p, (local_name(p), None))
        negated = key not in asserted and bool(behind) and all(st.negated for st in behind)
        relations.append(Relation(s, o, p, label, category, key in asserted, negated, behind))
    return GraphData(entities, tuple(relations))


def property_labels(store: Store) -> dict[str, tuple[str, str | None]]:
    """Map each relation property to its label and its top-level category's label (or None)."""
    return read_model.relation_properties(store)


def document_titles(store: Store) -> list[str]:
    """The title (else the IRI) of every document in the store."""
    return [_text(row["title"]) or row["d"].value for row in store.query(_DOCUMENTS)]


def _statements(store: Store) -> dict[tuple[str, str, str], list[Statement]]:
    by_triple: dict[tuple[str, str, str], list[Statement]] = {}
    for row in store.query(_STATEMENTS):
        confidence = _text(row["confidence"])
        statement = Statement(
            sentence=_text(row["text"]),
            document=_text(row["doc"]),
            subject_text=_text(row["st_text"]),
            predicate_text=_text(row["p_text"]),
            object_text=_text(row["o_text"]),
            modality=_text(row["modality"]) or "asserted",
            negated=_text(row["negated"]) == "true",
            asserted=_text(row["is_asserted"]) != "false",
            attributed_to=_text(row["attributed"]),
            times=tuple(filter(None, _text(row["times"]).split("\x1f"))),
            confidence=float(confidence) if confidence else None,
        )
        key = (row["subject"].value, row["predicate"].value, row["object"].value)
        by_triple.setdefault(key, []).append(statement)
    return by_triple


def _text(term: object) -> str:
    return "" if term is None else term.value
