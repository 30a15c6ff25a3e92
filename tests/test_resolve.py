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


def test_surname_joins_the_full_name_but_a_namesake_organisation_stays_apart():
    mentions = [Mention("Ishaq Dar", 0, 9, "PERSON"), Mention("Dar", 20, 23, "PERSON"),
                Mention("Dar", 30, 33, "CONCEPT"), Mention("Dar", 40, 43, "ORG")]
    entities = resolve_mentions(mentions, BASE)
    person = entities[mentions[0]]
    assert entities[mentions[1]] is person and entities[mentions[2]] is person
    assert entities[mentions[3]] is not person and entities[mentions[3]].cls == "Organization"
