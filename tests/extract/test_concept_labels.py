"""What a concept's label keeps, written as expectations before their rules: a count before the
noun ("five orders"), a model number ("the final 717 jet", "long-range 777"), a percentage that
modifies a noun ("a 29 percent stake"), a modifier's own modifiers ("third party developers") and
the noun's own complement ("an agreement with Boeing", "links between Kunming and Vientiane").
A date, a bare percentage, a comparison and a lexicon noun's complement are not part of a thing."""

from __future__ import annotations

import pytest
from graph_facts import asserted

LABELS = [
    # a count before the noun says how many
    pytest.param("Boeing received five orders from Emirates.", "receive", "five orders", id="word-count"),
    pytest.param("Nokia cut 5,000 jobs in Finland.", "cut", "5,000 jobs", id="thousands"),
    pytest.param("Oxfam fed 300 families last winter.", "feed", "300 families", id="families"),
    pytest.param("The Premier League fined twelve clubs for late payments.", "fine", "twelve clubs", id="clubs"),
    pytest.param("The High Court heard 40 witnesses in the fraud trial.", "hear", "40 witnesses", id="witnesses"),
    pytest.param("The iTunes Store sold 70 million songs in its first year.", "sell", "70 million songs", id="millions"),
    pytest.param("Boeing announced 35 new orders at the show.", "announce", "35 new orders", id="count-and-adjective"),
    # a model number names the thing, before or after its noun, or alone with an article
    pytest.param("Boeing unveiled the new 787 Dreamliner in Everett.", "unveil", "new 787 Dreamliner", id="787"),
    pytest.param("Boeing delivered the final 717 jet to AirTran.", "deliver", "final 717 jet", id="717-jet"),
    pytest.param("Boeing unveils long-range 777", "unveil", "long-range 777", id="hyphenated-then-number"),
    pytest.param("Ferrari showed the new 296 coupe at the show.", "show", "new 296 coupe", id="296-coupe"),
    pytest.param("Boeing delivered the final 717 to AirTran Airways.", "deliver", "final 717", id="final-717"),
    pytest.param("Qantas received the first 787 from Boeing.", "receive", "first 787", id="first-787"),
    # a percentage that modifies a noun is part of a thing
    pytest.param("Ryanair owns a 29 percent stake in Aer Lingus.", "own", "29 percent stake", id="percent-stake"),
    pytest.param("Qatar Airways bought a 10% stake in Heathrow.", "buy", "10% stake", id="pct-stake"),
    # a modifier's own modifiers
    pytest.param("Microsoft courted third party developers at the show.", "court", "third party developers",
                 id="third-party"),
    pytest.param("Sony courted independent game studios at the fair.", "court", "independent game studios",
                 id="independent-game"),
    pytest.param("The EU fined big tech platform owners.", "fine", "big tech platform owners", id="platform-owners"),
    # the noun's own complement, whole
    pytest.param("Sukhoi signed an agreement with Boeing.", "signs", "agreement with Boeing", id="agreement-with"),
    pytest.param("Boeing received five orders for the 777-200LR.", "receive", "five orders for 777-200LR",
                 id="orders-for"),
    pytest.param("Ofcom published a study on broadband speeds.", "publish", "study on broadband speeds",
                 id="study-on"),
    pytest.param("Aeroflot finalised a deal with Unified Aircraft.", "finalise", "deal with Unified Aircraft",
                 id="deal-with"),
    pytest.param("The BBC aired a documentary about Steve Jobs.", "air", "documentary about Steve Jobs",
                 id="documentary-about"),
    pytest.param("China Railway built rail links between Kunming and Vientiane.", "build",
                 "rail links between Kunming and Vientiane", id="between-both-ends"),
    pytest.param("Shell reported losses on both sides of the business.", "report", "losses on both sides",
                 id="on-both-sides"),
    # a date or an ordinal time is no complement
    pytest.param("Apple cut prices on Monday.", "cut", "prices", id="date-is-no-complement"),
    pytest.param("Tesla raised prices for the third time.", "raise", "prices", id="ordinal-time"),
]


@pytest.mark.parametrize("text, predicate, obj", LABELS)
def test_the_label_says_what_the_object_is(text, predicate, obj):
    assert obj in {o for _, p, o in asserted(text) if p == predicate}


@pytest.mark.parametrize("text", [
    pytest.param("The Indian economy grew by 8.5% last year.", id="grew-by-percent"),
    pytest.param("Toyota raised prices by 3 percent in March.", id="raised-by-percent"),
    pytest.param("Unemployment fell to 4 per cent.", id="fell-to-per-cent"),
])
def test_a_bare_percentage_is_no_argument(text):
    assert not any("%" in o or "percent" in o or "per cent" in o for _, _, o in asserted(text))


@pytest.mark.parametrize("text", [
    pytest.param("Boeing won more orders than Airbus last year.", id="more-orders-than"),
    pytest.param("Nokia sold fewer phones than Samsung in 2012.", id="fewer-phones-than"),
])
def test_a_comparison_is_not_a_thing(text):
    assert not any(o.split()[0] in ("more", "fewer", "less") for _, _, o in asserted(text))


def test_a_lexicon_nouns_complement_stays_a_relation():
    assert ("Pakistan", "supports", "China") in asserted("Pakistan reaffirmed its support for China.")
