"""RDF namespaces graphbuild writes, and the prefixes declared for every SPARQL query.

``GB`` lists graphbuild's own terms; it must agree with ``ontologies/graphbuild.ttl``
(``tests/test_vocab.py`` checks both directions). With ``_fail = True`` a typo such as
``GB.suports`` raises instead of minting a silent new IRI.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef

__all__ = [
    "DEFAULT_BASE_IRI", "GB", "GBR", "GB_TERMS", "NIF", "ONTOLOGY_DIR", "ONTOLOGY_GRAPH", "PREFIXES", "SCHEMA",
    "local_name", "prefixed",
]

# Ontology, shapes, lexicon and gazetteer ship inside the package, so a wheel install has them.
ONTOLOGY_DIR = Path(str(files("graphbuild") / "ontologies"))
# The store keeps the ontology in this named graph, beside one graph per document.
ONTOLOGY_GRAPH = "https://graphbuild.org/ontology"
DEFAULT_BASE_IRI = "https://graphbuild.org/id/"


class GB(DefinedNamespace):
    """graphbuild's ontology terms (classes, metadata, statement and relation properties)."""

    _NS = Namespace("https://graphbuild.org/ontology#")
    _fail = True

    # classes
    Document: URIRef
    Statement: URIRef
    Concept: URIRef
    Group: URIRef
    Position: URIRef
    Date: URIRef
    Relation: URIRef
    # document metadata
    source: URIRef
    contentHash: URIRef
    sentenceCount: URIRef
    text: URIRef
    # entities
    mentionCount: URIRef
    # statements
    sentence: URIRef
    document: URIRef
    subjectText: URIRef
    subjectResolvedBy: URIRef
    objectResolvedBy: URIRef
    notAssertedBecause: URIRef
    predicateText: URIRef
    objectText: URIRef
    confidence: URIRef
    negated: URIRef
    modality: URIRef
    asserted: URIRef
    attributedTo: URIRef
    time: URIRef
    place: URIRef
    rule: URIRef
    # relation hierarchy: root and categories
    relatedTo: URIRef
    agreement: URIRef
    consultation: URIRef
    support: URIRef
    cooperation: URIRef
    request: URIRef
    accusation: URIRef
    rejection: URIRef
    threat: URIRef
    assault: URIRef
    expression: URIRef
    affiliation: URIRef
    # lexicon relations
    agreesTo: URIRef
    signs: URIRef
    meets: URIRef
    visits: URIRef
    attends: URIRef
    supports: URIRef
    praises: URIRef
    welcomes: URIRef
    cooperatesWith: URIRef
    callsFor: URIRef
    urges: URIRef
    accuses: URIRef
    criticizes: URIRef
    opposes: URIRef
    rejects: URIRef
    threatens: URIRef
    warns: URIRef
    attacks: URIRef
    kills: URIRef
    condemns: URIRef
    concernedAbout: URIRef
    holdsPosition: URIRef
    memberOf: URIRef
    locatedIn: URIRef
    partOf: URIRef
    belongsTo: URIRef


# Open relations, named after a verb lemma ("gbr:pursue"), declared in each document graph.
GBR = Namespace("https://graphbuild.org/relation/")
SCHEMA = Namespace("https://schema.org/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")

PREFIXES: dict[str, str] = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "schema": str(SCHEMA),
    "prov": "http://www.w3.org/ns/prov#",
    "nif": str(NIF),
    "gb": str(GB._NS),
    "gbr": str(GBR),
}

# Local names of every gb: term, for spotting a misspelt one in a query.
GB_TERMS: frozenset[str] = frozenset(GB.__annotations__)


def local_name(iri: str) -> str:
    """The last segment of an IRI, as a fallback label.

    >>> local_name("https://graphbuild.org/relation/deepen_in")
    'deepen_in'
    """
    return iri.rstrip("/#").rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def prefixed(iri: str) -> str:
    """``iri`` written with one of graphbuild's query prefixes, or unchanged if none fits.

    >>> prefixed("https://graphbuild.org/ontology#supports"), prefixed("https://example.org/x")
    ('gb:supports', 'https://example.org/x')
    """
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and _is_local_name(iri[len(namespace):]):
            return f"{prefix}:{iri[len(namespace):]}"
    return iri


def _is_local_name(text: str) -> bool:
    return bool(text) and text.replace("_", "a").replace("-", "a").isalnum() and not text[0].isdigit()
