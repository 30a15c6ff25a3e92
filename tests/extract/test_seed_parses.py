"""Rules on real parses of seed sentences (the installed en_core_web_sm), end to end through extraction."""

from __future__ import annotations

import pytest

from graphbuild.extract import extract_document
from graphbuild.nlp import load_pipeline


def relations(text):
    facts = extract_document([(0, load_pipeline()(text))])
    return facts, {(r.subject.mention.text, r.predicate, r.object.mention.text, r.asserted) for r in facts.relations}


@pytest.mark.parametrize("text, expected", [
    ("China reaffirmed its support for Pakistan’s sovereignty, territorial integrity, and development path.",
     {("China", "support", "Pakistan's sovereignty", True), ("China", "support", "Pakistan's development path", True)}),
    ("Islamabad also praised China’s people-centric development model.",
     {("Pakistan", "praise", "China's centric development model", True)}),
    ("Separately, Dar met CIDCA Chairman Chen Xiaodong to review socio-economic cooperation.",
     {("Dar", "meet", "Chen Xiaodong", True), ("Chen Xiaodong", "title", "Chairman", True),
      ("Chen Xiaodong", "member", "CIDCA", True)}),
    ("The two sides expressed their firm opposition to double standards on counterterrorism.", set()),
])
def test_seed_sentence(text, expected):
    _, found = relations(text)
    assert expected <= found


def test_accusation_is_asserted_but_the_accused_act_is_only_a_claim():
    text = ("Pakistan has consistently accused Afghanistan’s Taliban government of providing sanctuary to the "
            "banned Tehrik-e-Taliban Pakistan (TTP), which has been responsible for attacks within Pakistan since 2021.")
    facts, found = relations(text)
    assert ("Pakistan", "accuse", "Afghanistan's Taliban government", True) in found
    sanctuary = [r for r in facts.relations if r.predicate == "provide sanctuary to"]
    assert sanctuary and all(not r.asserted and r.attribution.text == "Pakistan" for r in sanctuary)
    assert sanctuary[0].object.mention.text == "Tehrik-e-Taliban Pakistan"
    assert ("TTP", "Tehrik-e-Taliban Pakistan", "ORG") in facts.acronyms


def test_collective_subject_resolves_and_date_is_kept():
    text = ("Pakistan and China met in Beijing on December 4. "
            "The two sides expressed their firm opposition to double standards.")
    facts, found = relations(text)
    assert {("Pakistan", "opposition", "double standards", True), ("China", "opposition", "double standards", True)} <= found
    assert all(r.subject.mention.text not in ("sides", "The two sides") for r in facts.relations)
    met = [r for r in facts.relations if r.predicate == "meet in"]
    assert met and all(r.times == ("December 4",) and r.object.mention.text == "Beijing" for r in met)
