"""Canonical entities: the country gazetteer, demonyms, acronyms, name parts, incompatible types."""

from __future__ import annotations

from graphbuild.extract.model import Mention
from graphbuild.gazetteer import load_gazetteer
from graphbuild.resolve import country, resolve_mentions

BASE = "https://example.org/id/"


def test_gazetteer_names_demonyms_capitals_and_codes():
    gazetteer = load_gazetteer()
    assert len(gazetteer.countries) > 240
    assert gazetteer.country("Islamic Republic of Pakistan").code == "PK"
    assert gazetteer.country("PAK") is None and gazetteer.country("GM") is None  # codes are no names
    assert gazetteer.country("Britain").name == gazetteer.country("UK").name == "United Kingdom"
    assert gazetteer.by_demonym("American").name == "United States"  # reviewed, not Northern Mariana Islands
    assert gazetteer.by_demonym("Congolese") is None  # two countries claim it and no alias decides
    assert gazetteer.by_demonym("Afghans").name == "Afghanistan"
    assert gazetteer.by_capital("Beijing").name == "China"
    assert country("Beijing") is None and country("People's Republic of China") == ("China", "CN")


def test_country_spellings_and_demonym_are_one_entity_with_its_iso_code():
    mentions = [Mention("Pakistan", 0, 8, "GPE"), Mention("Islamic Republic of Pakistan", 10, 38, "GPE"),
                Mention("Pakistani", 40, 49, "NORP")]
    entities = resolve_mentions(mentions, BASE)
    (entity,) = {id(e): e for e in entities.values()}.values()
    assert entity.cls == "Country" and entity.label == "Pakistan" and entity.country_code == "PK"
    assert {"Pakistani", "Islamic Republic of Pakistan"} <= entity.aliases and entity.mentions == 3


def test_acronym_defined_in_the_text_joins_its_full_name():
    mentions = [Mention("China-Pakistan Economic Corridor", 0, 32, "ORG"), Mention("CPEC", 34, 38, "ORG"),
                Mention("CPEC", 90, 94, "PRODUCT")]
    entities = resolve_mentions(mentions, BASE, {"CPEC": ("China-Pakistan Economic Corridor", "ORG")})
    assert len({id(e) for e in entities.values()}) == 1
    assert next(iter(entities.values())).aliases == {"CPEC"}


def test_surname_joins_the_full_name_whatever_the_ner_called_it_but_a_namesake_organisation_stays_apart():
    mentions = [Mention("Ishaq Dar", 0, 9, "PERSON"), Mention("Dar", 20, 23, "PERSON"),
                Mention("Dar", 30, 33, "CONCEPT"), Mention("Dar", 40, 43, "ORG"),
                Mention("Dar Holdings", 50, 62, "ORG")]
    entities = resolve_mentions(mentions, BASE)
    person = entities[mentions[0]]
    assert all(entities[m] is person for m in mentions[1:4])  # the name's mentions vote: a person
    assert entities[mentions[4]] is not person and entities[mentions[4]].cls == "Organization"


def test_a_name_votes_its_class_and_a_lone_surname_stays_in_its_document():
    mentions = [Mention("Labour", 0, 6, "ORG"), Mention("Labour", 10, 16, "PERSON"), Mention("Labour", 20, 26, "ORG")]
    entities = resolve_mentions(mentions, BASE)
    assert len({id(e) for e in entities.values()}) == 1 and entities[mentions[1]].cls == "Organization"
    one = resolve_mentions([Mention("Blair", 0, 5, "PERSON")], BASE, scope="doc1")
    two = resolve_mentions([Mention("Blair", 0, 5, "PERSON")], BASE, scope="doc2")
    assert one[next(iter(one))].iri != two[next(iter(two))].iri  # a bare surname never merges across documents
    full = [resolve_mentions([Mention("Tony Blair", 0, 10, "PERSON")], BASE, scope=s) for s in ("doc1", "doc2")]
    assert len({next(iter(f.values())).iri for f in full}) == 1  # a full name does


def test_a_lone_honorific_surname_completes_an_unlabelled_full_name():
    mentions = [Mention("Theresa May", 0, 11, "CONCEPT"), Mention("May", 40, 43, "PERSON")]
    entities = resolve_mentions(mentions, BASE)
    assert entities[mentions[0]] is entities[mentions[1]] and entities[mentions[1]].cls == "Person"
    assert entities[mentions[1]].label == "Theresa May"


def test_a_concept_spelled_like_a_named_entity_is_that_entity():
    mentions = [Mention("Airbus", 0, 6, "CONCEPT"), Mention("Airbus", 30, 36, "ORG"), Mention("China", 40, 45, "CONCEPT"),
                Mention("China", 50, 55, "GPE"), Mention("airbus", 60, 66, "CONCEPT")]
    entities = resolve_mentions(mentions, BASE)
    assert entities[mentions[0]] is entities[mentions[1]] and entities[mentions[0]].cls == "Organization"
    assert entities[mentions[2]] is entities[mentions[3]] and entities[mentions[2]].cls == "Country"
    assert entities[mentions[4]].cls == "Concept"  # the lower-case word is not the name


def test_party_and_organisation_aliases_are_one_entity():
    mentions = [Mention("Lib Dems", 0, 8, "ORG"), Mention("Liberal Democrats", 10, 27, "ORG"), Mention("Tories", 30, 36, "NORP"),
                Mention("Conservative Party", 40, 58, "ORG")]
    entities = resolve_mentions(mentions, BASE)
    assert entities[mentions[0]] is entities[mentions[1]] and entities[mentions[0]].label == "Liberal Democrats"
    assert entities[mentions[2]] is entities[mentions[3]] and entities[mentions[2]].cls == "Organization"


def test_a_city_is_a_place_in_its_country_and_a_city_named_person_is_the_city():
    mentions = [Mention("Toulouse", 0, 8, "GPE"), Mention("Manchester", 10, 20, "PERSON")]
    entities = resolve_mentions(mentions, BASE)
    assert entities[mentions[0]].cls == "Place" and entities[mentions[0]].located_in == ("France", "FR")
    assert entities[mentions[1]].cls == "Place" and entities[mentions[1]].located_in == ("United Kingdom", "GB")
    jackson = resolve_mentions([Mention("Michael Jackson", 0, 15, "PERSON"), Mention("Jackson", 20, 27, "PERSON")], BASE)
    assert {e.label for e in jackson.values()} == {"Michael Jackson"}  # a name part, not the city


def test_a_city_is_contained_in_its_country_in_the_graph():
    from graphbuild import KnowledgeGraph

    kg = KnowledgeGraph.in_memory()
    kg.build(["Airbus opened a plant in Hamburg."])
    rows = kg.query("SELECT ?c ?n WHERE { ?p rdfs:label 'Hamburg' ; schema:containedInPlace ?c . ?c rdfs:label ?n ; a schema:Country }")
    assert [row["n"].value for row in rows] == ["Germany"]
    assert kg.validate().conforms
    kg.close()
