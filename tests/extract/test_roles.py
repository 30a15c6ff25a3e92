"""Noun-phrase rules, nominal predicates, capitals and factuality on hand-built parses."""

from __future__ import annotations

from helpers import make_doc

from graphbuild.extract import DocumentFacts, extract_document
from graphbuild.resolve import resolve_document
from graphbuild.extract.mentions import MentionIndex, is_acronym_of
from graphbuild.extract.openie import open_tuples
from graphbuild.extract.references import ReferenceResolver
from graphbuild.extract.relations import extract_relations


def found(doc, rule=None):
    relations = extract_relations(doc, MentionIndex(doc), ReferenceResolver())
    return {(r.subject.mention.text, r.predicate, r.object.mention.text) for r in relations
            if rule is None or r.provenance.rule == rule}, relations


def test_title_and_affiliation_of_a_person():
    # Dar met Pakistani Foreign Minister Ishaq Dar ... (only the name phrase matters)
    doc = make_doc([
        ("Wang", 1, "nsubj", "PROPN", "Wang"),
        ("met", 1, "ROOT", "VERB", "meet"),
        ("Pakistani", 5, "amod", "ADJ", "pakistani"),
        ("Foreign", 4, "compound", "PROPN", "Foreign"),
        ("Minister", 5, "compound", "PROPN", "Minister"),
        ("Dar", 1, "dobj", "PROPN", "Dar"),
        (".", 1, "punct", "PUNCT", "."),
    ], ents=["B-PERSON", "O", "B-NORP", "O", "O", "B-PERSON", "O"])
    triples, relations = found(doc, "title_of_person")
    assert triples == {("Dar", "title", "Foreign Minister"), ("Dar", "member", "Pakistani")}
    assert all(r.kind == "link" and r.asserted for r in relations if r.provenance.rule == "title_of_person")


def test_two_coordinated_titles():
    # Deputy Prime Minister and Foreign Minister Dar attended .
    doc = make_doc([
        ("Deputy", 2, "compound", "PROPN", "Deputy"),
        ("Prime", 2, "compound", "PROPN", "Prime"),
        ("Minister", 6, "nmod", "PROPN", "Minister"),
        ("and", 2, "cc", "CCONJ", "and"),
        ("Foreign", 5, "compound", "PROPN", "Foreign"),
        ("Minister", 2, "conj", "PROPN", "Minister"),
        ("Dar", 7, "nsubj", "PROPN", "Dar"),
        ("attended", 7, "ROOT", "VERB", "attend"),
        (".", 7, "punct", "PUNCT", "."),
    ], ents=["O"] * 6 + ["B-PERSON", "O", "O"])
    triples, _ = found(doc, "title_of_person")
    assert triples == {("Dar", "title", "Deputy Prime Minister"), ("Dar", "title", "Foreign Minister")}


def test_possessive_place_is_part_of_the_country_and_concept_belongs_to_it():
    # China supports Pakistan 's sovereignty and Pakistan 's Gwadar port .
    doc = make_doc([
        ("China", 1, "nsubj", "PROPN", "China"),
        ("supports", 1, "ROOT", "VERB", "support"),
        ("Pakistan", 4, "poss", "PROPN", "Pakistan"),
        ("'s", 2, "case", "PART", "'s"),
        ("sovereignty", 1, "dobj", "NOUN", "sovereignty"),
        ("and", 4, "cc", "CCONJ", "and"),
        ("Pakistan", 9, "poss", "PROPN", "Pakistan"),
        ("'s", 6, "case", "PART", "'s"),
        ("Gwadar", 9, "compound", "PROPN", "Gwadar"),
        ("port", 4, "conj", "NOUN", "port"),
        (".", 1, "punct", "PUNCT", "."),
    ], ents=["B-GPE", "O", "B-GPE", "O", "O", "O", "B-GPE", "O", "B-GPE", "O", "O"])
    triples, _ = found(doc)
    assert ("China", "support", "Pakistan's sovereignty") in triples
    assert ("Pakistan's sovereignty", "possessive", "Pakistan") in triples
    assert ("Gwadar", "part", "Pakistan") in triples


def test_talks_between_two_people_in_a_place():
    # talks between Dar and Wang in Beijing were held .
    doc = make_doc([
        ("talks", 8, "nsubjpass", "NOUN", "talk", "NNS"),
        ("between", 0, "prep", "ADP", "between"),
        ("Dar", 1, "pobj", "PROPN", "Dar"),
        ("and", 2, "cc", "CCONJ", "and"),
        ("Wang", 2, "conj", "PROPN", "Wang"),
        ("in", 0, "prep", "ADP", "in"),
        ("Beijing", 5, "pobj", "PROPN", "Beijing"),
        ("were", 8, "auxpass", "AUX", "be"),
        ("held", 8, "ROOT", "VERB", "hold", "VBN"),
        (".", 8, "punct", "PUNCT", "."),
    ], ents=["O", "O", "B-PERSON", "O", "B-PERSON", "O", "B-GPE", "O", "O", "O"])
    triples, relations = found(doc, "talks_between")
    assert triples == {("Dar", "meet", "Wang")}
    (meeting,) = [r for r in relations if r.provenance.rule == "talks_between"]
    assert meeting.place is not None and meeting.place.text == "Beijing"


def test_delegation_leader_belongs_to_the_company():
    # Dar met a delegation from MCC , led by Xu .
    doc = make_doc([
        ("Dar", 1, "nsubj", "PROPN", "Dar"),
        ("met", 1, "ROOT", "VERB", "meet"),
        ("a", 3, "det", "DET", "a"),
        ("delegation", 1, "dobj", "NOUN", "delegation"),
        ("from", 3, "prep", "ADP", "from"),
        ("MCC", 4, "pobj", "PROPN", "MCC"),
        (",", 3, "punct", "PUNCT", ","),
        ("led", 3, "acl", "VERB", "lead", "VBN"),
        ("by", 7, "agent", "ADP", "by"),
        ("Xu", 8, "pobj", "PROPN", "Xu"),
        (".", 1, "punct", "PUNCT", "."),
    ], ents=["B-PERSON", "O", "O", "O", "O", "B-ORG", "O", "O", "O", "B-PERSON", "O"])
    triples, _ = found(doc, "delegation_leader")
    assert triples == {("Xu", "member", "MCC")}


def test_nominal_predicate_with_the_preposition_on_the_verb_replaces_the_light_verb():
    # China expressed opposition to standards .
    doc = make_doc([
        ("China", 1, "nsubj", "PROPN", "China"),
        ("expressed", 1, "ROOT", "VERB", "express"),
        ("opposition", 1, "dobj", "NOUN", "opposition"),
        ("to", 1, "prep", "ADP", "to"),
        ("standards", 3, "pobj", "NOUN", "standard", "NNS"),
        (".", 1, "punct", "PUNCT", "."),
    ], ents=["B-GPE", "O", "O", "O", "O", "O"])
    triples, _ = found(doc)
    assert triples == {("China", "opposition", "standards")}


def test_a_capital_as_actor_stands_for_its_country_but_stays_a_place_elsewhere():
    # Islamabad praised China in Beijing .
    doc = make_doc([
        ("Islamabad", 1, "nsubj", "PROPN", "Islamabad"),
        ("praised", 1, "ROOT", "VERB", "praise"),
        ("China", 1, "dobj", "PROPN", "China"),
        ("in", 1, "prep", "ADP", "in"),
        ("Beijing", 3, "pobj", "PROPN", "Beijing"),
        (".", 1, "punct", "PUNCT", "."),
    ], ents=["B-GPE", "O", "B-GPE", "O", "B-GPE", "O"])
    _, extracted = found(doc)
    relations = resolve_document(DocumentFacts((), tuple(extracted), 1), "https://example.org/").relations
    triples = {(r.subject.mention.text, r.predicate, r.object.mention.text) for r in relations}
    assert ("Pakistan", "praise", "China") in triples and ("Pakistan", "praise in", "Beijing") in triples
    praise = next(r for r in relations if r.predicate == "praise")
    assert praise.subject.text == "Islamabad" and praise.place.text == "Beijing"


def test_prevented_complement_is_negated():
    # China prevents groups from attacking Pakistan .
    doc = make_doc([
        ("China", 1, "nsubj", "PROPN", "China"),
        ("prevents", 1, "ROOT", "VERB", "prevent"),
        ("groups", 1, "dobj", "NOUN", "group", "NNS"),
        ("from", 1, "prep", "ADP", "from"),
        ("attacking", 3, "pcomp", "VERB", "attack", "VBG"),
        ("Pakistan", 4, "dobj", "PROPN", "Pakistan"),
        (".", 1, "punct", "PUNCT", "."),
    ], ents=["B-GPE", "O", "O", "O", "O", "B-GPE", "O"])
    triples, relations = found(doc)
    assert ("groups", "attack", "Pakistan") in triples
    attack = [r for r in relations if r.predicate == "attack"]
    assert all(r.negated and not r.asserted for r in attack)
    assert all(r.asserted for r in relations if r.predicate == "prevent")


def test_quantifier_noun_gives_way_to_its_of_phrase():
    # Pakistan opposes any form of independence .
    doc = make_doc([
        ("Pakistan", 1, "nsubj", "PROPN", "Pakistan"),
        ("opposes", 1, "ROOT", "VERB", "oppose"),
        ("any", 3, "det", "DET", "any"),
        ("form", 1, "dobj", "NOUN", "form"),
        ("of", 3, "prep", "ADP", "of"),
        ("independence", 4, "pobj", "NOUN", "independence"),
        (".", 1, "punct", "PUNCT", "."),
    ], ents=["B-GPE"] + ["O"] * 6)
    triples, _ = found(doc, "subject_verb_object")
    assert triples == {("Pakistan", "oppose", "independence")}


def test_acronym_defined_in_text_becomes_a_mention_of_the_full_name():
    # Dar backed the China-Pakistan Corridor ( CPC ) .
    doc = make_doc([
        ("Dar", 1, "nsubj", "PROPN", "Dar"),
        ("backed", 1, "ROOT", "VERB", "back"),
        ("the", 4, "det", "DET", "the"),
        ("China-Pakistan", 4, "compound", "PROPN", "China-Pakistan"),
        ("Corridor", 1, "dobj", "PROPN", "Corridor"),
        ("(", 4, "punct", "PUNCT", "("),
        ("CPC", 4, "appos", "PROPN", "CPC"),
        (")", 4, "punct", "PUNCT", ")"),
        (".", 1, "punct", "PUNCT", "."),
    ], ents=["B-PERSON", "O", "O", "B-ORG", "I-ORG", "O", "O", "O", "O"])
    facts = extract_document([(0, doc)])
    assert ("CPC", "China-Pakistan Corridor", "ORG") in facts.acronyms
    assert {m.text for m in facts.mentions} >= {"CPC", "China-Pakistan Corridor"}


def test_acronym_letters():
    assert is_acronym_of("CPEC", ["China", "Pakistan", "Economic", "Corridor"])
    assert not is_acronym_of("MCC", ["China", "Minmetals", "Corporation"])  # an anagram is no acronym
    assert not is_acronym_of("USA", ["South", "Asian", "Union"]) and not is_acronym_of("PM", ["Pakistan", "Muslim", "League"])
    assert is_acronym_of("OPEC", ["Organization", "of", "the", "Petroleum", "Exporting", "Countries"])
    assert is_acronym_of("TTP", ["Tehrik", "e", "Taliban", "Pakistan"])
    assert not is_acronym_of("TTP", ["Pakistan"])


def test_open_tuple_spans_of_a_clause():
    # Pakistan and China urged stronger measures on Monday .
    doc = make_doc([
        ("Pakistan", 3, "nsubj", "PROPN", "Pakistan"),
        ("and", 0, "cc", "CCONJ", "and"),
        ("China", 0, "conj", "PROPN", "China"),
        ("urged", 3, "ROOT", "VERB", "urge"),
        ("stronger", 5, "amod", "ADJ", "strong"),
        ("measures", 3, "dobj", "NOUN", "measure", "NNS"),
        ("on", 3, "prep", "ADP", "on"),
        ("Monday", 6, "pobj", "PROPN", "Monday"),
        (".", 3, "punct", "PUNCT", "."),
    ])
    (only,) = list(open_tuples(doc))
    assert only.relation == "urged"
    assert only.arguments == ("Pakistan and China", "stronger measures", "on Monday")
    assert only.carb().split("\t")[2:] == ["urged", "Pakistan and China", "stronger measures", "on Monday"]
