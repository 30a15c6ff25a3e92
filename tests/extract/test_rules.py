"""Each dependency rule on hand-built parses: no trained model needed, so no model drift."""

from __future__ import annotations

import pytest
from helpers import make_doc

from graphbuild.extract import extract_document
from graphbuild.extract.mentions import MentionIndex
from graphbuild.extract.references import ReferenceResolver
from graphbuild.extract.relations import extract_relations


def triples(doc):
    relations = extract_relations(doc, MentionIndex(doc), ReferenceResolver())
    return [(r.subject.mention.text, r.predicate, r.object.mention.text) for r in relations], relations


def test_coordinated_subjects_give_one_relation_each():
    # Pakistan and China urged the Taliban .
    doc = make_doc([
        ("Pakistan", 3, "nsubj", "PROPN", "Pakistan"),
        ("and", 0, "cc", "CCONJ", "and"),
        ("China", 0, "conj", "PROPN", "China"),
        ("urged", 3, "ROOT", "VERB", "urge"),
        ("the", 5, "det", "DET", "the"),
        ("Taliban", 3, "dobj", "PROPN", "Taliban"),
        (".", 3, "punct", "PUNCT", "."),
    ], ents=["B-GPE", "O", "B-GPE", "O", "O", "B-ORG", "O"])
    found, relations = triples(doc)
    assert sorted(found) == [("China", "urge", "Taliban"), ("Pakistan", "urge", "Taliban")]
    assert all(r.provenance.rule == "subject_verb_object" and r.asserted for r in relations)
    assert relations[0].provenance.sentence == doc[:].text


def test_coordinated_verbs_share_the_subject():
    # China supports Pakistan and praises Dar .
    doc = make_doc([
        ("China", 1, "nsubj", "PROPN", "China"),
        ("supports", 1, "ROOT", "VERB", "support"),
        ("Pakistan", 1, "dobj", "PROPN", "Pakistan"),
        ("and", 1, "cc", "CCONJ", "and"),
        ("praises", 1, "conj", "VERB", "praise"),
        ("Dar", 4, "dobj", "PROPN", "Dar"),
        (".", 1, "punct", "PUNCT", "."),
    ], ents=["B-GPE", "O", "B-GPE", "O", "O", "B-PERSON", "O"])
    found, _ = triples(doc)
    assert sorted(found) == [("China", "praise", "Dar"), ("China", "support", "Pakistan")]


def test_passive_agent_becomes_the_subject():
    # Pakistan was attacked by the TTP .
    doc = make_doc([
        ("Pakistan", 2, "nsubjpass", "PROPN", "Pakistan"),
        ("was", 2, "auxpass", "AUX", "be"),
        ("attacked", 2, "ROOT", "VERB", "attack", "VBN"),
        ("by", 2, "agent", "ADP", "by"),
        ("the", 5, "det", "DET", "the"),
        ("TTP", 3, "pobj", "PROPN", "TTP"),
        (".", 2, "punct", "PUNCT", "."),
    ], ents=["B-GPE", "O", "O", "O", "O", "B-ORG", "O"])
    found, relations = triples(doc)
    assert found == [("TTP", "attack", "Pakistan")]
    assert relations[0].provenance.rule == "passive_agent"


def test_prepositional_object_names_the_place():
    # The talks were held in Beijing .
    doc = make_doc([
        ("The", 1, "det", "DET", "the"),
        ("talks", 3, "nsubjpass", "NOUN", "talk", "NNS"),
        ("were", 3, "auxpass", "AUX", "be"),
        ("held", 3, "ROOT", "VERB", "hold", "VBN"),
        ("in", 3, "prep", "ADP", "in"),
        ("Beijing", 4, "pobj", "PROPN", "Beijing"),
        (".", 3, "punct", "PUNCT", "."),
    ], ents=["O", "O", "O", "O", "O", "B-GPE", "O"])
    found, relations = triples(doc)
    assert found == [("talks", "hold in", "Beijing")]
    assert relations[0].object.mention.label == "GPE" and relations[0].subject.mention.label == "CONCEPT"


@pytest.mark.parametrize("aux, negation, modality, asserted", [
    ("does", "not", "asserted", False),
    ("will", None, "future", False),
    ("may", None, "hedged", False),
    ("should", None, "demanded", False),
])
def test_negation_and_modality_are_flagged(aux, negation, modality, asserted):
    # China does not support Pakistan . / China will support Pakistan .
    rows = [("China", 2, "nsubj", "PROPN", "China"), (aux, 2, "aux", "AUX", aux)]
    if negation:
        rows.append((negation, 3, "neg", "PART", negation))
    verb = len(rows)
    rows = [(w, verb if h == 2 else h, d, p, lem) for w, h, d, p, lem in rows]
    rows += [("support", verb, "ROOT", "VERB", "support"), ("Pakistan", verb, "dobj", "PROPN", "Pakistan"),
             (".", verb, "punct", "PUNCT", ".")]
    ents = ["B-GPE"] + ["O"] * (len(rows) - 3) + ["B-GPE", "O"]
    _, relations = triples(make_doc(rows, ents))
    (relation,) = relations
    assert relation.negated is bool(negation)
    assert relation.modality == modality
    assert relation.asserted is asserted


def test_reported_clause_is_attributed_not_asserted():
    # India said China supports Pakistan .
    doc = make_doc([
        ("India", 1, "nsubj", "PROPN", "India"),
        ("said", 1, "ROOT", "VERB", "say"),
        ("China", 3, "nsubj", "PROPN", "China"),
        ("supports", 1, "ccomp", "VERB", "support"),
        ("Pakistan", 3, "dobj", "PROPN", "Pakistan"),
        (".", 1, "punct", "PUNCT", "."),
    ], ents=["B-GPE", "O", "B-GPE", "O", "B-GPE", "O"])
    _, relations = triples(doc)
    (relation,) = [r for r in relations if r.predicate == "support"]
    assert relation.attribution is not None and relation.attribution.text == "India"
    assert relation.asserted is False


def test_light_verb_with_nominal_predicate():
    # China reaffirmed its support for Pakistan .
    doc = make_doc([
        ("China", 1, "nsubj", "PROPN", "China"),
        ("reaffirmed", 1, "ROOT", "VERB", "reaffirm"),
        ("its", 3, "poss", "PRON", "its"),
        ("support", 1, "dobj", "NOUN", "support"),
        ("for", 3, "prep", "ADP", "for"),
        ("Pakistan", 4, "pobj", "PROPN", "Pakistan"),
        (".", 1, "punct", "PUNCT", "."),
    ], ents=["B-GPE", "O", "O", "O", "O", "B-GPE", "O"])
    _, relations = triples(doc)
    nominal = [r for r in relations if r.kind == "noun"]
    assert [(r.subject.mention.text, r.predicate, r.object.mention.text) for r in nominal] == [
        ("China", "support", "Pakistan")]
    assert "support for" in nominal[0].predicate_text


def test_collective_reference_resolves_to_the_last_group():
    # Pakistan and China met . The two sides condemned terrorism .
    doc = make_doc([
        ("Pakistan", 3, "nsubj", "PROPN", "Pakistan"),
        ("and", 0, "cc", "CCONJ", "and"),
        ("China", 0, "conj", "PROPN", "China"),
        ("met", 3, "ROOT", "VERB", "meet"),
        (".", 3, "punct", "PUNCT", "."),
        ("The", 7, "det", "DET", "the"),
        ("two", 7, "nummod", "NUM", "two"),
        ("sides", 8, "nsubj", "NOUN", "side", "NNS"),
        ("condemned", 8, "ROOT", "VERB", "condemn"),
        ("terrorism", 8, "dobj", "NOUN", "terrorism"),
        (".", 8, "punct", "PUNCT", "."),
    ], ents=["B-GPE", "O", "B-GPE"] + ["O"] * 8)
    facts = extract_document([(0, doc)])
    found = sorted((r.subject.mention.text, r.predicate, r.object.mention.text) for r in facts.relations
                   if r.predicate != "meet")  # "Pakistan and China met": reciprocal_subjects' fact
    assert found == [("China", "condemn", "terrorism"), ("Pakistan", "condemn", "terrorism")]


def test_unresolved_pronoun_is_never_an_argument():
    # They condemned terrorism .
    doc = make_doc([
        ("They", 1, "nsubj", "PRON", "they"),
        ("condemned", 1, "ROOT", "VERB", "condemn"),
        ("terrorism", 1, "dobj", "NOUN", "terrorism"),
        (".", 1, "punct", "PUNCT", "."),
    ])
    found, _ = triples(doc)
    assert found == []


def test_rules_register_by_name_with_their_confidence():
    from graphbuild.extract.registry import CLAUSE_RULES, NOUN_RULES, clause_rule, confidence_of

    assert list(CLAUSE_RULES)[0] == "subject_verb_object"  # the order rules run in
    assert {"title_of_person", "appositive_title", "possessive_link"} <= set(NOUN_RULES)
    assert confidence_of("subject_verb_object") > confidence_of("prepositional_object")
    with pytest.raises(ValueError, match="already registered"):
        clause_rule(0.5)(CLAUSE_RULES["passive_agent"].function)
    with pytest.raises(KeyError, match="no extraction rule named 'nonsense'"):
        confidence_of("nonsense")
