"""On all 60 shared Wikinews articles (news the rules were not written for): no entity that names
nothing, no person split into a full name and a part of it, and the graph conforms to the shapes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from graphbuild import KnowledgeGraph
from graphbuild.lang import resources

WIKINEWS = Path(__file__).resolve().parent.parent.parent / "shared" / "wikinews"

_ENTITIES = """SELECT DISTINCT ?g ?e ?label ?cls WHERE { GRAPH ?g { ?e rdfs:label ?label ; a ?cls .
  FILTER(?cls NOT IN (gb:Statement, gb:Document, gb:Relation, owl:ObjectProperty)) } }"""
_ASSERTED = """SELECT DISTINCT ?s ?o WHERE { ?st gb:asserted true ; rdf:subject ?x ; rdf:object ?y .
  ?x rdfs:label ?s . ?y rdfs:label ?o }"""


@pytest.fixture(scope="module")
def wikinews_graph(tmp_path_factory):
    articles = sorted(WIKINEWS.glob("*.txt"))
    assert len(articles) == 60, f"expected the 60 shared Wikinews articles in {WIKINEWS}"
    kg = KnowledgeGraph.open(tmp_path_factory.mktemp("wikinews") / "store")
    kg.build(articles)
    yield kg
    kg.close()


def _names_nothing(label: str) -> bool:
    en = resources("en")
    word = label.lower().rstrip(".")
    return (len(label) < 2 or not re.search(r"\w", label) or word in en.pronouns or word in en.honorifics)


@pytest.mark.slow
def test_no_entity_or_asserted_argument_names_nothing(wikinews_graph):
    labels = {row["label"].value for row in wikinews_graph.query(_ENTITIES)}
    assert len(labels) > 500
    assert sorted(label for label in labels if _names_nothing(label)) == []
    arguments = {row[k].value for row in wikinews_graph.query(_ASSERTED) for k in ("s", "o")}
    assert sorted(label for label in arguments if _names_nothing(label)) == []


@pytest.mark.slow
def test_no_person_is_split_into_a_name_and_part_of_it(wikinews_graph):
    people: dict[str, set[str]] = {}
    for row in wikinews_graph.query(_ENTITIES):
        if row["cls"].value == "https://schema.org/Person":
            people.setdefault(row["g"].value, set()).add(row["label"].value)
    split = [(doc, a, b) for doc, names in people.items() for a in names for b in names
             if a != b and _is_part(a.split(), b.split())]
    assert split == []


def _is_part(part: list[str], whole: list[str]) -> bool:
    n = len(part)
    return n < len(whole) and any(whole[i:i + n] == part for i in range(len(whole) - n + 1))


@pytest.mark.slow
def test_the_graph_conforms_to_the_shapes(wikinews_graph):
    report = wikinews_graph.validate()
    assert report.conforms, report
