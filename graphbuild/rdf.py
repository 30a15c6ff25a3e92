"""Map one document's resolved entities and relations to quads in its named graph (see DESIGN.md).
Only writes: extraction (:mod:`.extract`) and resolution (:mod:`.resolve`) come before.

A relation becomes a statement node with its provenance and factuality, and, only when the
text asserts it, also a plain triple ``subject property object``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from datetime import datetime, timezone

import pyoxigraph as ox

from .extract import DocumentFacts, Relation
from .ingest import Document
from .iri import document_iri, entity_iri, slug, statement_iri
from .lexicon import Lexicon, load_lexicon
from .resolve import Entity, ResolvedFacts
from .vocab import GB, GBR, NIF, PREFIXES, SCHEMA

__all__ = ["CLASS_IRIS", "document_quads"]

_RDF = PREFIXES["rdf"]
_RDFS = PREFIXES["rdfs"]
_XSD = PREFIXES["xsd"]
_TYPE = ox.NamedNode(_RDF + "type")
_LABEL = ox.NamedNode(_RDFS + "label")
_ALT = ox.NamedNode(PREFIXES["skos"] + "altLabel")
_BOOL = ox.NamedNode(_XSD + "boolean")
_DATETIME = ox.NamedNode(_XSD + "dateTime")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

CLASS_IRIS = {
    "Concept": str(GB.Concept),
    "Group": str(GB.Group),
    "Position": str(GB.Position),
    **{name: str(SCHEMA[name]) for name in ("Person", "Organization", "Country", "Place", "Event",
                                            "Product", "CreativeWork", "Legislation", "Thing")},
}


@functools.lru_cache(maxsize=None)
def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _lit(value: str | int | float | bool) -> ox.Literal:
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=_BOOL)
    if isinstance(value, str):
        value = _CONTROL.sub(" ", value)  # XML 1.0 and some parsers reject control characters
    return ox.Literal(value)


def document_quads(document: Document, facts: DocumentFacts, resolved: ResolvedFacts, base_iri: str,
                   built_at: datetime | None = None, lexicon: Lexicon | None = None) -> tuple[str, list[ox.Quad]]:
    """The document's graph IRI and every quad of that graph, from its extracted and resolved facts."""
    lexicon = lexicon or load_lexicon()
    graph_iri = document_iri(base_iri, document.content_hash)
    graph = _n(graph_iri)
    quads: list[ox.Quad] = []

    def add(s, p, o) -> None:
        quads.append(ox.Quad(s, p, o, graph))

    _describe_document(add, graph, document, facts, built_at)
    entities = resolved.entities
    described = {id(e): e for e in entities.values()}
    for entity in described.values():
        _describe_entity(add, entity)
    _describe_containment(add, described.values(), base_iri)
    declared: set[str] = set()
    for relation in resolved.relations:
        subject = _n(entities[relation.subject.mention].iri)
        obj = _n(entities[relation.object.mention].iri)
        prop = _property(add, lexicon, relation, declared)
        if relation.asserted:
            add(subject, prop, obj)
        _describe_statement(add, base_iri, document, graph, relation, subject, prop, obj, entities)
    return graph_iri, quads


def _describe_document(add, graph, document: Document, facts: DocumentFacts, built_at) -> None:
    built_at = built_at or datetime.now(timezone.utc)
    add(graph, _TYPE, _n(GB.Document))
    add(graph, _LABEL, _lit(document.title))
    add(graph, _n(GB.source), _lit(document.source))
    add(graph, _n(GB.contentHash), _lit(document.content_hash))
    add(graph, _n(GB.sentenceCount), _lit(facts.sentences))
    add(graph, _n(GB.text), _lit(document.text))
    add(graph, _n(PREFIXES["prov"] + "generatedAtTime"),
        ox.Literal(built_at.isoformat(timespec="seconds"), datatype=_DATETIME))
    if document.url:
        add(graph, _n(SCHEMA.url), _lit(document.url))
    if document.published:
        add(graph, _n(SCHEMA.datePublished), _lit(document.published))


def _describe_entity(add, entity: Entity) -> None:
    node = _n(entity.iri)
    add(node, _TYPE, _n(CLASS_IRIS[entity.cls]))
    add(node, _LABEL, _lit(entity.label))
    for alias in sorted(entity.aliases):
        add(node, _ALT, _lit(alias))
    if entity.mentions:
        add(node, _n(GB.mentionCount), _lit(entity.mentions))
    if entity.country_code:
        add(node, _n(SCHEMA.identifier), _lit(entity.country_code))


def _describe_containment(add, entities, base_iri: str) -> None:
    """A city the gazetteer knows is ``schema:containedInPlace`` its country (gazetteer knowledge,
    not a statement of the text, so no gb: relation); the country is described if the text is silent."""
    countries = {e.label: e for e in entities if e.cls == "Country"}
    for entity in entities:
        if entity.located_in is None:
            continue
        name, code = entity.located_in
        home = countries.get(name)
        if home is None:
            home = countries[name] = Entity(entity_iri(base_iri, "Country", name), "Country", name, country_code=code)
            _describe_entity(add, home)
        add(_n(entity.iri), _n(SCHEMA.containedInPlace), _n(home.iri))


def _property(add, lexicon: Lexicon, relation: Relation, declared: set[str]) -> ox.NamedNode:
    """The lexicon's property for the predicate, or an open relation declared in this graph."""
    local = lexicon.property_for(relation.kind, relation.predicate)
    if local is not None:
        return _n(GB[local])
    iri = str(GBR) + slug(relation.predicate)
    prop = _n(iri)
    if iri not in declared:
        declared.add(iri)
        add(prop, _TYPE, _n(GB.Relation))
        add(prop, _TYPE, _n(PREFIXES["owl"] + "ObjectProperty"))
        add(prop, _LABEL, _lit(relation.predicate))
        add(prop, _n(_RDFS + "subPropertyOf"), _n(GB.relatedTo))
    return prop


def _describe_statement(add, base_iri, document, graph, relation: Relation, subject, prop, obj, entities) -> None:
    prov = relation.provenance
    node = _n(statement_iri(base_iri, document.content_hash, prov.start, prov.rule, subject.value,
                            prop.value, obj.value, relation.predicate_text))
    add(node, _TYPE, _n(GB.Statement))
    add(node, _n(_RDF + "subject"), subject)
    add(node, _n(_RDF + "predicate"), prop)
    add(node, _n(_RDF + "object"), obj)
    add(node, _n(GB.sentence), _lit(prov.sentence))
    add(node, _n(NIF.beginIndex), _lit(prov.start))
    add(node, _n(NIF.endIndex), _lit(prov.end))
    add(node, _n(GB.document), graph)
    add(node, _n(GB.subjectText), _lit(relation.subject.text))
    add(node, _n(GB.predicateText), _lit(relation.predicate_text))
    add(node, _n(GB.objectText), _lit(relation.object.text))
    add(node, _n(GB.confidence), _lit(float(relation.confidence)))
    add(node, _n(GB.negated), _lit(relation.negated))
    add(node, _n(GB.modality), _lit(relation.modality))
    add(node, _n(GB.asserted), _lit(relation.asserted))
    add(node, _n(GB.rule), _lit(prov.rule))
    if relation.subject.sieve:
        add(node, _n(GB.subjectResolvedBy), _lit(relation.subject.sieve))
    if relation.object.sieve:
        add(node, _n(GB.objectResolvedBy), _lit(relation.object.sieve))
    if relation.vague:
        add(node, _n(GB.notAssertedBecause), _lit(relation.vague))
    if relation.attribution is not None:
        add(node, _n(GB.attributedTo), _n(entities[relation.attribution].iri))
    if relation.place is not None:
        add(node, _n(GB.place), _n(entities[relation.place].iri))
    for time in relation.times:
        add(node, _n(GB.time), _lit(time))


def ontology_quads() -> Iterator[ox.Quad]:
    """The ontology file's triples in the ontology's own named graph."""
    from .vocab import ONTOLOGY_DIR, ONTOLOGY_GRAPH

    graph = _n(ONTOLOGY_GRAPH)
    with open(ONTOLOGY_DIR / "graphbuild.ttl", "rb") as handle:
        for triple in ox.parse(handle, ox.RdfFormat.TURTLE):
            yield ox.Quad(triple.subject, triple.predicate, triple.object, graph)
