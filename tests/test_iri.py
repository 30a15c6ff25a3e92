"""Any entity name yields a valid IRI: exported graphs re-parse with pyoxigraph's strict parser."""

from __future__ import annotations

import io

import pyoxigraph as ox
from hypothesis import given, settings
from hypothesis import strategies as st

from graphbuild.extract.model import Mention
from graphbuild.iri import entity_iri
from graphbuild.resolve import resolve_mentions
from graphbuild.store import Store
from graphbuild.vocab import DEFAULT_BASE_IRI

awkward = st.sampled_from(['"', "<", ">", " ", "\n", "\u200f", "\u202e", "😀", "{", "}", "|", "\\", "^", "`",
                           "%", "#", "?", "/", "\x00", "\x7f", "\ufeff", "e\u0301"])
names = st.lists(st.one_of(st.characters(), awkward), min_size=1, max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(name=names, cls=st.sampled_from(["Person", "Country", "Concept", "Thing"]))
def test_any_name_gives_an_iri_that_strict_parsers_accept(name, cls):
    iri = entity_iri(DEFAULT_BASE_IRI, cls, name)
    assert iri.isascii() and iri.startswith(DEFAULT_BASE_IRI)
    node = ox.NamedNode(iri)  # pyoxigraph validates IRIs on construction
    data = f"<{iri}> <https://e.org/p> <{iri}> .\n".encode()
    (triple,) = list(ox.parse(io.BytesIO(data), ox.RdfFormat.N_TRIPLES))
    assert triple.subject == node


@settings(max_examples=100, deadline=None)
@given(name=names)
def test_entities_with_any_name_survive_a_store_round_trip(name):
    from graphbuild.rdf import _describe_entity

    store = Store(None)
    (entity,) = resolve_mentions([Mention(name, 0, len(name), "PERSON")], DEFAULT_BASE_IRI).values()
    quads = []
    graph = ox.NamedNode("https://graphbuild.org/id/doc/test")
    _describe_entity(lambda s, p, o: quads.append(ox.Quad(s, p, o, graph)), entity)
    store.replace_graph(graph.value, quads)
    out = io.BytesIO()
    ox.serialize(store.quads(), out, ox.RdfFormat.N_QUADS)
    reparsed = list(ox.parse(io.BytesIO(out.getvalue()), ox.RdfFormat.N_QUADS))
    assert len(reparsed) == len(quads)


def test_the_same_name_and_type_give_the_same_iri():
    composed, decomposed = "Caf\u00e9", "Cafe\u0301"
    assert entity_iri(DEFAULT_BASE_IRI, "Place", composed) == entity_iri(DEFAULT_BASE_IRI, "Place", decomposed)
    assert entity_iri(DEFAULT_BASE_IRI, "Place", "Paris") != entity_iri(DEFAULT_BASE_IRI, "Person", "Paris")
