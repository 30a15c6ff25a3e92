"""Precision constructions, each written as an expectation before its rule: quotations running over
sentences, ambiguous pronouns, stale groups, titles, possessives, units, permission and hedges,
partitive nouns and names inside a concept."""

from __future__ import annotations

import pytest
from graph_facts import asserted, entities, statements


def _any(found, subject=None, predicate=None, obj=None):
    return any((subject is None or s == subject) and (predicate is None or p == predicate) and (obj is None or o == obj)
               for s, p, o in found)


@pytest.mark.parametrize("text, subject, predicate", [
    pytest.param('Ralph Crosby said: "We are proud of the team. We have begun the work on the tanker."',
                 None, "begin", id="quote-second-sentence-we"),
    pytest.param('"Northrop has won the contract. Boeing lost it," said the analyst Ron Epstein.',
                 "Northrop", "win", id="quote-first-sentence-third-party"),
    pytest.param('The minister spoke for an hour. "Germany will support Ukraine. Poland backs the plan too."',
                 "Poland", "supports", id="quote-no-speaker-in-sentence"),
    pytest.param('"Tesla has cut prices in China," Reuters reported on Monday.',
                 "Tesla", "cut", id="quote-trailing-reporter"),
])
def test_quoted_content_is_not_asserted(text, subject, predicate):
    assert not _any(asserted(text), subject, predicate)


def test_a_speakers_own_stance_in_a_quotation_is_asserted():
    text = '"Poland supports the sanctions against Russia," said Poland.'
    assert _any(asserted(text), "Poland", "supports")


@pytest.mark.parametrize("text, wrong", [
    pytest.param("Steve Jobs met Bill Gates in 2007. He later fought cancer.", "fight", id="he-two-subjects"),
    pytest.param("Angela Merkel and Emmanuel Macron spoke on Friday. She criticised the tariffs.",
                 "criticizes", id="she-two-people"),
])
def test_an_ambiguous_pronoun_is_not_resolved(text, wrong):
    assert not _any(asserted(text), None, wrong)


def test_an_unambiguous_pronoun_still_is():
    assert _any(asserted("Tim Cook flew to Beijing on Monday. He met Li Qiang."), "Tim Cook", "meets", "Li Qiang")


def test_a_group_named_long_ago_is_not_they():
    text = ("Airbus and Boeing bid for the tanker contract. The Air Force chose a winner last year. "
            "A review followed in March. Congress held hearings. They served jail sentences.")
    assert not _any(asserted(text), None, "serve")


@pytest.mark.parametrize("text, title", [
    pytest.param("Deputy Defense Secretary Gordon England visited Baghdad.", "Deputy Defense Secretary",
                 id="title-with-department"),
    pytest.param("Senior Vice President Scott Fancher toured the plant.", "Senior Vice President",
                 id="title-senior-vp"),
])
def test_a_title_naming_a_department_stays_whole(text, title):
    found = asserted(text)
    assert any(p == "holdsPosition" and o.lower() == title.lower() for _, p, o in found), sorted(found)


def test_a_former_post_is_not_a_current_one():
    found = asserted("Former Microsoft chief executive Steve Ballmer bought the Clippers.")
    assert not _any(found, "Steve Ballmer", "memberOf") and not _any(found, "Steve Ballmer", "holdsPosition")
    assert _any(statements("Former Microsoft chief executive Steve Ballmer bought the Clippers."), "Steve Ballmer",
                "holdsPosition")


def test_a_company_of_a_country_is_not_its_possession():
    text = "France's Thales won a radar contract in May."
    assert not _any(asserted(text), "Thales", "belongsTo", "France")


@pytest.mark.parametrize("text, unit", [
    pytest.param("The new iPod holds 6GB of music.", "GB", id="unit-gb"),
    pytest.param("Each song costs 99 cents on the store.", "cents", id="unit-cents"),
    pytest.param("The phone weighs 140 grams.", "grams", id="unit-grams"),
])
def test_a_unit_is_no_argument(text, unit):
    found = asserted(text)
    assert not any(unit in (s, o) for s, _, o in found), sorted(found)


@pytest.mark.parametrize("text, subject, predicate", [
    pytest.param("Boeing was allowed to bid for the contract again.", "Boeing", "bid_for", id="allowed-to"),
    pytest.param("Regulators permitted Uber to operate in London.", "Uber", "locatedIn", id="permitted-to"),
    pytest.param("Samsung probably shipped more phones than Apple.", "Samsung", "ship", id="probably"),
    pytest.param("The line may be eliminated, and Ford will maybe close the plant.", "Ford", "close", id="maybe"),
])
def test_permission_and_hedges_are_not_facts(text, subject, predicate):
    assert not _any(asserted(text), subject, predicate)
    assert _any(statements(text), subject, predicate)


@pytest.mark.parametrize("text, label", [
    pytest.param("Apple introduced the first generation of its Intel laptops.", "first generation of Intel laptops",
                 id="partitive-generation"),
    pytest.param("Airbus won a Qatar Airways order worth $15bn.", "Qatar Airways order", id="name-in-concept"),
    pytest.param("Siemens bought the rest of the Osram shares.", "rest of Osram shares", id="partitive-rest"),
])
def test_a_concept_keeps_what_makes_it_specific(text, label):
    labels = {o for _, _, o in statements(text)}
    assert label in labels, sorted(labels)
    assert (label, "Concept") in entities(text)


def test_a_state_politician_is_no_member_of_the_state():
    found = asserted("Kansas Senator Sam Brownback criticised the tanker decision.")
    assert _any(found, "Sam Brownback", "holdsPosition") and not _any(found, "Sam Brownback", "memberOf", "Kansas")
    assert _any(asserted("Indonesian President Susilo Yudhoyono visited Tokyo."), "Susilo Yudhoyono", "memberOf",
                "Indonesia")  # a country's president is its official


def test_a_possessive_that_restates_its_label_is_not_asserted():
    text = "Boeing's upcoming new design will replace the 737 airliner."
    assert not _any(asserted(text), None, "belongsTo", "Boeing")
    assert _any(statements(text), None, "belongsTo", "Boeing")


@pytest.mark.parametrize("text, wrong_subject, predicate", [
    pytest.param("Boeing unveiled the 777-200LR on Tuesday. It carries 300 passengers.", "Boeing", "carry",
                 id="it-product-object"),
    pytest.param("Apple released the iPod nano in London. It holds 1,000 songs.", "Apple", "hold",
                 id="it-product-ipod"),
])
def test_it_with_a_thing_in_reach_is_not_the_company(text, wrong_subject, predicate):
    assert not _any(asserted(text), wrong_subject, predicate)


def test_it_with_only_the_company_in_reach_is_the_company():
    text = "Siemens cut 6,000 jobs on Monday. It also sold its rail unit to Alstom."
    assert _any(asserted(text), "Siemens", None, "Alstom")


@pytest.mark.parametrize("text, subject, predicate, obj", [
    pytest.param('"We bought Beats last year," Apple said.', "Apple", "buy", "Beats", id="we-speaker-body"),
    pytest.param('"I founded SpaceX in 2002," said Elon Musk.', "Elon Musk", "found", "SpaceX", id="i-speaker-person"),
])
def test_i_and_we_in_a_quotation_are_its_speaker(text, subject, predicate, obj):
    assert _any(asserted(text), subject, predicate, obj), sorted(statements(text))


def test_we_in_a_quotation_with_a_person_speaker_stays_open():
    text = '"We bought Beats last year," said Tim Cook.'
    assert not any(s in ("We", "we") for s, _, _ in statements(text))
    assert not _any(asserted(text), "Tim Cook", "buy")
