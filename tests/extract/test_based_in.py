"""Expectations written before their rule: "Seattle-based Amazon" (with or without the hyphen)
says where the company is based, and when the parser takes the place for a verb's object
("chose Los Angeles based Northrop Grumman") the object is the company."""

from __future__ import annotations

import pytest
from graph_facts import asserted


@pytest.mark.parametrize("text, company, place", [
    pytest.param("Seattle-based Amazon bought Whole Foods in 2017.", "Amazon", "Seattle", id="seattle-amazon"),
    pytest.param("Shares of London-based Barclays fell on Monday.", "Barclays", "London", id="london-barclays"),
    pytest.param("The Pentagon chose Los Angeles based Northrop Grumman to build the tanker.", "Northrop Grumman",
                 "Los Angeles", id="no-hyphen"),
    pytest.param("Munich-based Siemens sold its rail unit.", "Siemens", "Munich", id="munich-siemens"),
])
def test_a_place_based_modifier_says_where_the_company_is(text, company, place):
    assert (company, "locatedIn", place) in asserted(text)


@pytest.mark.parametrize("text, fact", [
    pytest.param("The Pentagon chose Los Angeles based Northrop Grumman to build the tanker.",
                 ("Pentagon", "choose", "Northrop Grumman"), id="chose-company"),
    pytest.param("Walmart acquired Bentonville based Jet Logistics last year.",
                 ("Walmart", "acquire", "Jet Logistics"), id="acquired-company"),
])
def test_the_company_not_its_place_is_the_object(text, fact):
    found = asserted(text)
    assert any(s.endswith(fact[0]) and p == fact[1] and o == fact[2] for s, p, o in found), found


def test_based_in_a_place_later_in_the_sentence_is_not_this_construction():
    found = asserted("Apple sold the unit to a firm based in Dublin.")
    assert not any(p == "locatedIn" and o == "Apple" for _, p, o in found)
