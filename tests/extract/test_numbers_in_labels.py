"""Numbers in a concept's label. Written as expectations before their rule: a count before a noun
says how many ("five orders", "5,000 jobs") and a model number names the thing ("the 787
Dreamliner", "the final 717 jet", "long-range 777"); both stay in the label."""

from __future__ import annotations

import pytest
from graph_facts import asserted


def objects(text: str, predicate: str) -> set[str]:
    return {o for _, p, o in asserted(text) if p == predicate}


@pytest.mark.parametrize("text, predicate, obj", [
    pytest.param("Boeing received five orders from Emirates.", "receive", "five orders", id="word-count"),
    pytest.param("Nokia cut 5,000 jobs in Finland.", "cut", "5,000 jobs", id="thousands"),
    pytest.param("Oxfam fed 300 families last winter.", "feed", "300 families", id="families"),
    pytest.param("The Premier League fined twelve clubs for late payments.", "fine", "twelve clubs", id="clubs"),
    pytest.param("The High Court heard 40 witnesses in the fraud trial.", "hear", "40 witnesses", id="witnesses"),
    pytest.param("The iTunes Store sold 70 million songs in its first year.", "sell", "70 million songs", id="millions"),
    pytest.param("Boeing announced 35 new orders at the show.", "announce", "35 new orders", id="count-and-adjective"),
])
def test_a_count_before_the_noun_stays_in_the_label(text, predicate, obj):
    assert obj in objects(text, predicate)


@pytest.mark.parametrize("text, predicate, obj", [
    pytest.param("Boeing unveiled the new 787 Dreamliner in Everett.", "unveil", "new 787 Dreamliner", id="787"),
    pytest.param("Boeing delivered the final 717 jet to AirTran.", "deliver", "final 717 jet", id="717-jet"),
    pytest.param("Boeing unveils long-range 777", "unveil", "long-range 777", id="hyphenated-then-number"),
    pytest.param("Ferrari showed the new 296 coupe at the show.", "show", "new 296 coupe", id="296-coupe"),
])
def test_a_model_number_stays_in_the_label(text, predicate, obj):
    assert obj in objects(text, predicate)


@pytest.mark.parametrize("text, fact", [
    pytest.param("Ryanair owns a 29 percent stake in Aer Lingus.", ("Ryanair", "own", "29 percent stake"), id="percent-stake"),
    pytest.param("Qatar Airways bought a 10% stake in Heathrow.", ("Qatar Airways", "buy", "10% stake"), id="pct-stake"),
])
def test_a_percentage_that_modifies_a_noun_is_part_of_a_thing(text, fact):
    assert fact in asserted(text)


@pytest.mark.parametrize("text", [
    pytest.param("The Indian economy grew by 8.5% last year.", id="grew-by-percent"),
    pytest.param("Toyota raised prices by 3 percent in March.", id="raised-by-percent"),
    pytest.param("Unemployment fell to 4 per cent.", id="fell-to-per-cent"),
])
def test_a_bare_percentage_is_no_argument(text):
    assert not any("%" in o or "percent" in o or "per cent" in o for _, _, o in asserted(text))


@pytest.mark.parametrize("text, predicate, obj", [
    pytest.param("Microsoft courted third party developers at the show.", "court", "third party developers",
                 id="third-party"),
    pytest.param("Sony courted independent game studios at the fair.", "court", "independent game studios",
                 id="independent-game"),
    pytest.param("The EU fined big tech platform owners.", "fine", "big tech platform owners", id="platform-owners"),
])
def test_a_modifier_of_a_modifier_stays_in_the_label(text, predicate, obj):
    assert obj in objects(text, predicate)


@pytest.mark.parametrize("text", [
    pytest.param("Boeing won more orders than Airbus last year.", id="more-orders-than"),
    pytest.param("Nokia sold fewer phones than Samsung in 2012.", id="fewer-phones-than"),
])
def test_a_comparison_is_not_a_thing(text):
    assert not any(o.split()[0] in ("more", "fewer", "less") for _, _, o in asserted(text))


@pytest.mark.parametrize("text, predicate, obj", [
    pytest.param("Boeing delivered the final 717 to AirTran Airways.", "deliver", "final 717", id="final-717"),
    pytest.param("Qantas received the first 787 from Boeing.", "receive", "first 787", id="first-787"),
])
def test_a_model_number_with_an_article_is_a_thing(text, predicate, obj):
    assert obj in objects(text, predicate)
