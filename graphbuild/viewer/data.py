"""Read what the viewer draws from the store: entities, relations and the statements behind them.

Entities, asserted relations and relation properties come from :mod:`graphbuild.read_model`;
the statements behind each relation, with what the viewer shows of them, are read here. All of it
becomes plain frozen dataclasses, so that selection, layout and page assembly never touch the store.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import pyoxigraph as ox

from .. import read_model
from ..read_model import main_class
from ..store import Store
from ..vocab import PREFIXES, local_name

__all__ = ["Entity", "GraphData", "Relation", "Statement", "document_titles", "load_graph", "local_name",
           "property_labels", "with_statements"]

_DOCUMENTS = """
SELECT DISTINCT ?d ?title WHERE { GRAPH ?d { ?d a gb:Document . OPTIONAL { ?d rdfs:label ?title } } } ORDER BY ?d
"""

# Statements are read straight from the quad indexes, each value within the statement's own
# document graph (where its document and attributed speaker are labelled too): a SPARQL join over
# the union of document graphs would repeat rows once per document that describes a node.
_STATEMENTS_OF = "SELECT ?g ?st ?s ?p ?o WHERE { GRAPH ?g { ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o } }"
# The statement properties the viewer shows, by short names.
_FIELDS = {PREFIXES["gb"] + "sentence": "sentence", PREFIXES["nif"] + "beginIndex": "begin",
           PREFIXES["gb"] + "subjectText": "stx", PREFIXES["gb"] + "predicateText": "ptx",
           PREFIXES["gb"] + "objectText": "otx", PREFIXES["gb"] + "modality": "mod", PREFIXES["gb"] + "negated": "neg",
           PREFIXES["gb"] + "asserted": "ass", PREFIXES["gb"] + "confidence": "conf"}
_GB = PREFIXES["gb"]
_RDF = PREFIXES["rdf"]
_FIELDS.update({_RDF + "subject": "s", _RDF + "predicate": "p", _RDF + "object": "o"})
_TYPE, _STATEMENT = ox.NamedNode(_RDF + "type"), ox.NamedNode(_GB + "Statement")
_READ = [ox.NamedNode(p) for p in (*_FIELDS, _GB + "time", _GB + "document", _GB + "attributedTo")]
_LABEL = ox.NamedNode(PREFIXES["rdfs"] + "label")
_BULK_KEYS = 200  # relations above which one pass over every statement beats one look-up per relation

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


def load_graph(store: Store, *, statements: bool = True) -> GraphData:
    """Every entity, every relation between entities, and the statements behind each relation.

    Entities, relations and whether each is asserted or denied come from the store summary, so
    they cost the same on any size of store; the statements (sentences and all) are the bulk.
    With ``statements=False`` relations carry none: choose what to draw first, then fill in
    only those with :func:`with_statements`.

    >>> from graphbuild.store import Store
    >>> load_graph(Store(None))
    GraphData(entities={}, relations=())
    """
    entities = {row.iri: Entity(iri=row.iri, label=row.label, cls=main_class(row.types), aliases=row.aliases,
                                mentions=row.mentions) for row in read_model.entities(store)}
    properties = read_model.relation_properties(store)
    asserted = read_model.asserted_relations(store)
    factuality = store.summary().statement_factuality()
    relations = []
    for key in sorted(asserted | factuality.keys()):
        s, p, o = key
        if s not in entities or o not in entities:
            continue  # statements about literals or about things that are not entities
        label, category = properties.get(p, (local_name(p), None))
        total, _, denied = factuality.get(key, (0, 0, 0))
        negated = key not in asserted and total > 0 and denied == total
        relations.append(Relation(s, o, p, label, category, key in asserted, negated))
    graph = GraphData(entities, tuple(relations))
    return with_statements(store, graph) if statements else graph


def with_statements(store: Store, graph: GraphData) -> GraphData:
    """``graph`` with the statements behind each of its relations read from the store (only
    those relations': a drawn neighbourhood costs a few look-ups, not a pass over the store)."""
    keys = {(r.source, r.prop, r.target) for r in graph.relations}
    found = _statements(store, keys if len(keys) <= _BULK_KEYS else None)
    relations = tuple(replace(r, statements=tuple(found.get((r.source, r.prop, r.target), ())))
                      for r in graph.relations)
    return GraphData(graph.entities, relations)


def property_labels(store: Store) -> dict[str, tuple[str, str | None]]:
    """Map each relation property to its label and its top-level category's label (or None)."""
    return read_model.relation_properties(store)


def document_titles(store: Store) -> list[str]:
    """The title (else the IRI) of every document in the store."""
    return [_text(row["title"]) or row["d"].value for row in store.query(_DOCUMENTS)]


def _statements(store: Store, keys: set[tuple[str, str, str]] | None) -> dict[tuple[str, str, str], list[Statement]]:
    """The statements behind each ``(subject, property, object)`` in ``keys`` (``None``: all)."""
    by_statement: dict[str, dict] = {}
    if keys is None:  # one pass over each property's quads
        labels: dict[tuple[ox.NamedNode, ox.NamedNode], str] = {}
        graphs: dict[str, ox.NamedNode] = {}
        for quad in store.match(None, _TYPE, _STATEMENT, None):
            by_statement[quad.subject.value] = {"times": []}
            graphs[quad.subject.value] = quad.graph_name
        for prop in _READ:
            for quad in store.match(None, prop, None, None):
                fields = by_statement.get(quad.subject.value)
                if fields is None or graphs[quad.subject.value] != quad.graph_name:
                    continue
                _take(store, fields, prop.value, quad.object, quad.graph_name, labels)
        by_statement = {st: f for st, f in by_statement.items() if {"s", "p", "o"} <= f.keys()}
    else:  # look each relation's statements up (a join would scan every statement in the store)
        for s, p, o in sorted(keys):
            for row in store.query(_STATEMENTS_OF, {"s": ox.NamedNode(s), "p": ox.NamedNode(p), "o": ox.NamedNode(o)}):
                by_statement.setdefault(row["st"].value, _statement_fields(store, row["st"], row["g"]))
    by_triple: dict[tuple[str, str, str], list[Statement]] = {}
    for _, fields in sorted(by_statement.items(), key=_statement_order):
        get = fields.get
        statement = Statement(
            sentence=get("sentence") or "",
            document=get("dt") or "",
            subject_text=get("stx") or "",
            predicate_text=get("ptx") or "",
            object_text=get("otx") or "",
            modality=get("mod") or "asserted",
            negated=get("neg") == "true",
            asserted=get("ass") != "false",
            attributed_to=get("al") or "",
            times=tuple(sorted(fields["times"])),
            confidence=float(get("conf")) if get("conf") else None,
        )
        by_triple.setdefault((fields["s"], fields["p"], fields["o"]), []).append(statement)
    return by_triple


def _statement_fields(store: Store, statement: ox.NamedNode, graph: ox.NamedNode) -> dict:
    """What the viewer shows of one statement, read from its quads in ``graph``."""
    fields: dict = {"times": []}
    labels: dict[tuple[ox.NamedNode, ox.NamedNode], str] = {}
    for quad in store.match(statement, None, None, graph):
        _take(store, fields, quad.predicate.value, quad.object, graph, labels)
    return fields


def _take(store: Store, fields: dict, prop: str, value, graph: ox.NamedNode, labels: dict) -> None:
    """Note one value of a statement in ``fields`` (the first of each, every time)."""
    if prop in _FIELDS:
        fields.setdefault(_FIELDS[prop], value.value)
    elif prop == _GB + "time":
        if value.value not in fields["times"]:
            fields["times"].append(value.value)
    elif prop in (_GB + "document", _GB + "attributedTo"):
        key = (value, graph)
        if key not in labels:
            labels[key] = _label_in(store, value, graph)
        fields.setdefault("dt" if prop == _GB + "document" else "al", labels[key])


def _label_in(store: Store, node: ox.NamedNode, graph: ox.NamedNode) -> str:
    label = next(store.match(node, _LABEL, None, graph), None)
    return label.object.value if label is not None else node.value


def _statement_order(item: tuple[str, dict]) -> tuple:
    """Statements by document title, then place in the text, then IRI."""
    iri, fields = item
    begin = fields.get("begin")
    return (fields.get("dt") or "", begin is not None, int(begin) if begin and begin.lstrip("-").isdigit() else 0, iri)


def _text(term: object) -> str:
    return "" if term is None else term.value
