"""Expectations written before their rule: a common noun restricted by its own prepositional
complement keeps it in its label ("an agreement with Boeing", "five orders for the 777-200LR",
"a study on broadband speeds"); without it the argument is vague. A date, an amount or a
lexicon noun's complement ("support for X", a relation of its own) is not part of the label."""

from __future__ import annotations

import pytest
from graph_facts import asserted


def objects(text: str, predicate: str) -> set[str]:
    return {o for _, p, o in asserted(text) if p == predicate}


@pytest.mark.parametrize("text, predicate, obj", [
    pytest.param("Sukhoi signed an agreement with Boeing.", "signs", "agreement with Boeing", id="agreement-with"),
    pytest.param("Boeing received five orders for the 777-200LR.", "receive", "five orders for 777-200LR",
                 id="orders-for"),
    pytest.param("Ofcom published a study on broadband speeds.", "publish", "study on broadband speeds",
                 id="study-on"),
    pytest.param("Aeroflot finalised a deal with Unified Aircraft.", "finalise", "deal with Unified Aircraft",
                 id="deal-with"),
    pytest.param("The BBC aired a documentary about Steve Jobs.", "air", "documentary about Steve Jobs",
                 id="documentary-about"),
])
def test_a_nouns_own_complement_stays_in_its_label(text, predicate, obj):
    assert obj in objects(text, predicate)


@pytest.mark.parametrize("text, predicate, obj", [
    pytest.param("Apple cut prices on Monday.", "cut", "prices", id="date-is-no-complement"),
    pytest.param("Tesla raised prices for the third time.", "raise", "prices", id="ordinal-time"),
])
def test_a_date_or_time_is_not_part_of_the_label(text, predicate, obj):
    assert obj in objects(text, predicate)


def test_a_lexicon_nouns_complement_stays_a_relation():
    found = asserted("Pakistan reaffirmed its support for China.")
    assert ("Pakistan", "supports", "China") in found


@pytest.mark.parametrize("text, predicate, obj", [
    pytest.param("China Railway built rail links between Kunming and Vientiane.", "build",
                 "rail links between Kunming and Vientiane", id="between-both-ends"),
    pytest.param("Shell reported losses on both sides of the business.", "report", "losses on both sides",
                 id="on-both-sides"),
])
def test_a_complement_keeps_what_makes_it_whole(text, predicate, obj):
    assert any(o == obj or o.startswith(obj) for o in objects(text, predicate))
