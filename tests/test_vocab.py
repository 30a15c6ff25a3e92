"""The Python vocabulary, the ontology file and the lexicon agree with each other."""

from __future__ import annotations

import rdflib
from rdflib.namespace import OWL, RDF, RDFS

from graphbuild.lexicon import load_lexicon
from graphbuild.vocab import GB, ONTOLOGY_DIR


def ontology() -> rdflib.Graph:
    return rdflib.Graph().parse(ONTOLOGY_DIR / "graphbuild.ttl")


def declared_terms(graph: rdflib.Graph) -> set[str]:
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    return {str(s) for kind in kinds for s in graph.subjects(RDF.type, kind) if str(s).startswith(str(GB._NS))}


def test_python_vocabulary_matches_the_ontology_file():
    in_python = {str(GB._NS) + name for name in GB.__annotations__}
    assert in_python == declared_terms(ontology())


def test_every_term_has_a_label_and_a_comment():
    graph = ontology()
    for term in declared_terms(graph):
        node = rdflib.URIRef(term)
        assert graph.value(node, RDFS.label) is not None, f"{term} has no rdfs:label"
        assert graph.value(node, RDFS.comment) is not None, f"{term} has no rdfs:comment"


def test_every_lexicon_property_is_a_declared_relation_under_a_category():
    graph = ontology()
    for (kind, lemma), local in load_lexicon().entries.items():
        prop = GB[local]
        assert (prop, RDF.type, GB.Relation) in graph, f"lexicon {kind} '{lemma}' -> undeclared {local}"
        parents = set(graph.transitive_objects(prop, RDFS.subPropertyOf))
        assert GB.relatedTo in parents, f"{local} is not under gb:relatedTo"


def test_a_typo_in_a_term_is_an_error():
    try:
        GB.suports  # noqa: B018
    except AttributeError:
        return
    raise AssertionError("GB.suports should raise: the namespace is closed")
