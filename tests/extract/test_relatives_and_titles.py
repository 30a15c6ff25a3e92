"""Expectations written before their rules: the noun an object relative clause is about is the
verb's object ("the forum that Putin set up" -> Putin set up the forum); every title in an
appositive counts ("Ann Lee, chairman and chief executive of Unilever": both posts), with words a
title's name took into it ("Siemens Executive Vice President Anna Berg"); a person "of" a body is
its member; names in apposition and the descriptions they were given stand for each other."""

from __future__ import annotations

import pytest
from graph_facts import asserted

FACTS = [
    # an object relative clause is about its noun
    pytest.param("Airbus built the tankers that the Royal Air Force ordered in 2008.",
                 ("Royal Air Force", "order", "tankers"), id="tankers-that"),
    pytest.param("The summit was held at a resort which Marriott opened last year.",
                 ("Marriott", "open", "resort"), id="resort-which"),
    pytest.param("Police questioned the witness whom Scotland Yard had interviewed earlier.",
                 ("Scotland Yard", "interview", "witness"), id="witness-whom"),
    pytest.param("Fans queued for the album that Adele released on Friday.",
                 ("Adele", "release", "album"), id="album-that"),
    # a title keeps the words the organisation's name took, and all its adjacent modifiers
    pytest.param("Siemens Executive Vice President Anna Berg praised the deal.",
                 ("Anna Berg", "holdsPosition", "Executive Vice President"), id="executive-vice-president"),
    pytest.param("Shell Senior Vice President Tom Hart opened the terminal.",
                 ("Tom Hart", "holdsPosition", "Senior Vice President"), id="senior-vice-president"),
    pytest.param("\"It was close,\" said Rita Moss, the FDA's deputy associate general counsel for drug law.",
                 ("Rita Moss", "holdsPosition", "deputy associate general counsel"), id="associate-general-counsel"),
    # a person "of" an organisation is its member
    pytest.param("The slump is temporary, said Ann Ross of Goldman Sachs.", ("Ann Ross", "memberOf", "Goldman Sachs"),
                 id="said-of-bank"),
    pytest.param("Tom Hill of Greenpeace chained himself to the gates.", ("Tom Hill", "memberOf", "Greenpeace"),
                 id="of-charity"),
    # giving a performance is an event, not a light verb
    pytest.param("Tim Cook gave the keynote at the conference.", ("Tim Cook", "give", "keynote"), id="keynote"),
    pytest.param("Angela Merkel gave a speech in Davos.", ("Angela Merkel", "give", "speech"), id="speech"),
    pytest.param("Elton John gave a concert in Leeds.", ("Elton John", "give", "concert"), id="concert"),
]


@pytest.mark.parametrize("text, fact", FACTS)
def test_the_construction_gives_its_fact(text, fact):
    assert fact in asserted(text)



@pytest.mark.parametrize("text", [
    pytest.param("Ofcom fined the company that Vodafone bought.", id="subject-unresolved-no-gap-confusion"),
])
def test_a_subject_relative_clause_is_not_read_as_an_object_one(text):
    assert ("company", "buy", "Vodafone") not in asserted(text)


@pytest.mark.parametrize("text, person, titles, body", [
    pytest.param("Ann Lee, chairman and chief executive of Unilever, opened the plant.",
                 "Ann Lee", {"chairman", "chief executive"}, "Unilever", id="chairman-and-ceo"),
    pytest.param("Raj Patel, president and CEO of Tata Motors, said the plant would open in May.",
                 "Raj Patel", {"president", "CEO"}, "Tata Motors", id="president-and-ceo"),
])
def test_every_coordinated_title_in_an_appositive_counts(text, person, titles, body):
    found = asserted(text)
    assert {o for s, p, o in found if s == person and p == "holdsPosition"} >= titles
    assert (person, "memberOf", body) in found


@pytest.mark.parametrize("text, fact, vague_subject", [
    pytest.param("Last week the gadget blog Gizmodo published the memo.", ("Gizmodo", "publish", "memo"),
                 "gadget blog", id="gadget-blog"),
    pytest.param("In April, the technology blog Gizmodo obtained a prototype.", ("Gizmodo", "obtain", "prototype"),
                 "technology blog", id="technology-blog"),
])
def test_a_name_in_apposition_to_a_description_is_the_argument(text, fact, vague_subject):
    found = asserted(text)
    assert fact in found
    assert not any(s == vague_subject for s, _, _ in found)


@pytest.mark.parametrize("text, kept, dropped", [
    pytest.param("The EU fined Google for its shopping service in Europe, the company's largest market.",
                 ("EU", "fine", "Google"), ("EU", "fine", "company's largest market"), id="fined-market"),
])
def test_a_second_object_after_a_comma_is_an_apposition_not_an_object(text, kept, dropped):
    found = asserted(text)
    assert kept in found and dropped not in found


def test_a_person_of_a_place_is_no_member():
    assert not any(p == "memberOf" for _, p, _ in asserted("Catherine of Aragon married Henry in 1509."))


def test_giving_support_stays_a_light_verb():
    assert not any(p == "give" for _, p, _ in asserted("Microsoft gave support to the plan."))


@pytest.mark.parametrize("text, fact, wrong_subject", [
    pytest.param("Ford bought Volvo, the Swedish carmaker, in 1999. The carmaker later cut 3,000 jobs.",
                 ("Volvo", "cut", "3,000 jobs"), "Ford", id="the-carmaker"),
    pytest.param("Microsoft released Windows 7, its newest operating system, in 2009. "
                 "The operating system sold 100 million copies.", ("Windows 7", "sell", "100 million copies"),
                 "Microsoft", id="the-operating-system"),
    pytest.param("Diageo bought Casamigos, the tequila brand, in 2017. The brand opened a distillery in Mexico.",
                 ("Casamigos", "open", "distillery"), "Diageo", id="the-brand"),
])
def test_a_description_given_in_apposition_is_what_the_description_later_means(text, fact, wrong_subject):
    found = asserted(text)
    assert fact in found
    assert not any(s == wrong_subject and p == fact[1] for s, p, _ in found)


def test_a_product_named_with_its_owner_is_not_the_company():
    text = ("Apple showed several games at the event on Monday. Among them was EA's Spore. "
            "The company also announced a new phone.")
    found = asserted(text)
    assert not any(s == "Spore" for s, _, _ in found)
