"""Dependency rules that turn a parsed sentence into relations between mentions.

One function per construction, each named after it and documented with an example. They all
share :class:`_Clause`, the verb with its resolved subjects, so coordination ("Pakistan and China
urged ... and reaffirmed ...") is handled once: every subject is paired with every object.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..lexicon import load_lexicon
from . import factuality
from .mentions import MentionIndex
from .model import Argument, Mention, Provenance, Relation
from .references import ReferenceResolver

__all__ = ["RULES", "extract_relations"]

_VERB_POS = ("VERB", "AUX")
_SUBJECT_DEPS = ("nsubj",)
_PASSIVE_SUBJECT_DEPS = ("nsubjpass",)
_OBJECT_DEPS = ("dobj", "obj", "dative")
_RELATIVE_PRONOUNS = frozenset({"which", "that", "who", "whom"})
# Verbs that carry no relation of their own before a nominal predicate ("reaffirmed its support for X").
_LIGHT_VERBS = frozenset({"reaffirm", "express", "extend", "voice", "pledge", "reiterate", "offer", "give",
                          "show", "convey", "declare", "announce", "renew", "lend", "register", "raise"})
_BASE_CONFIDENCE = {"subject_verb_object": 0.85, "passive_agent": 0.8, "nominal_predicate": 0.8,
                    "prepositional_object": 0.7}


@dataclass(frozen=True)
class _Clause:
    verb: Token
    subjects: tuple[Argument, ...]
    passive: bool
    resolved: bool  # a subject came from a pronoun or collective reference


def subject_verb_object(clause: _Clause, args) -> Iterator[tuple[str, Argument, Argument, str, str]]:
    """"China supports Pakistan": nsubj and dobj of an active verb."""
    if clause.passive:
        return
    for obj_token in _children(clause.verb, _OBJECT_DEPS):
        for obj in args(obj_token):
            for subj in clause.subjects:
                yield clause.verb.lemma_, subj, obj, clause.verb.text, "verb"


def passive_agent(clause: _Clause, args) -> Iterator[tuple[str, Argument, Argument, str, str]]:
    """"Pakistan was attacked by the TTP": the agent is the subject, the passive subject the object."""
    if not clause.passive:
        return
    for agent in _children(clause.verb, ("agent",)):
        for pobj in _children(agent, ("pobj",)):
            for subj in args(pobj):
                for obj in clause.subjects:
                    yield clause.verb.lemma_, subj, obj, f"{clause.verb.text} by", "verb"


def prepositional_object(clause: _Clause, args) -> Iterator[tuple[str, Argument, Argument, str, str]]:
    """"talks held in Beijing", "called for action": the verb plus its preposition relates subject and pobj."""
    for prep in _children(clause.verb, ("prep",)):
        for pobj in _children(prep, ("pobj",)):
            for obj in args(pobj):
                for subj in clause.subjects:
                    yield f"{clause.verb.lemma_} {prep.text.lower()}", subj, obj, f"{clause.verb.text} {prep.text}", "verb"


def nominal_predicate(clause: _Clause, args) -> Iterator[tuple[str, Argument, Argument, str, str]]:
    """"reaffirmed its support for X", "voiced concern over X": light verb + noun + prep + object."""
    if clause.verb.lemma_ not in _LIGHT_VERBS:
        return
    for noun in _children(clause.verb, _OBJECT_DEPS):
        if load_lexicon().property_for("noun", noun.lemma_) is None:
            continue  # "expressed satisfaction with X" stays the verb's relation
        for prep in _children(noun, ("prep",)):
            for pobj in _children(prep, ("pobj",)):
                for obj in args(pobj):
                    for subj in clause.subjects:
                        text = f"{clause.verb.text} {clause.verb.doc[noun.left_edge.i: noun.i + 1].text} {prep.text}"
                        yield noun.lemma_, subj, obj, text, "noun"


RULES = (subject_verb_object, passive_agent, prepositional_object, nominal_predicate)


def extract_relations(doc: Doc, index: MentionIndex, resolver: ReferenceResolver | None = None) -> list[Relation]:
    """Every relation the rules find in ``doc`` (one parsed piece of a document)."""
    resolver = resolver or ReferenceResolver()
    relations: list[Relation] = []
    for sent in doc.sents:
        provenance_base = (sent.text, sent.start_char + index.offset, sent.end_char + index.offset)

        def args(token: Token) -> list[Argument]:
            return [arg for t in (token, *token.conjuncts) for arg in _arguments(t, index, resolver)]

        for verb in sent:
            if verb.pos_ not in _VERB_POS:
                continue
            clause = _clause(verb, args)
            if clause is None:
                continue
            for rule in RULES:
                for predicate, subj, obj, text, kind in rule(clause, args):
                    if subj.mention == obj.mention:
                        continue
                    relations.append(_relation(rule.__name__, clause, predicate, subj, obj, text, kind,
                                               provenance_base, index, resolver))
        resolver.observe_sentence(sent, index)
    return relations


def _relation(rule, clause, predicate, subj, obj, text, kind, provenance_base, index, resolver) -> Relation:
    verb = clause.verb
    claimant = factuality.attribution_source(verb)
    attribution = None
    if claimant is not None:
        attribution = index.entity(claimant) or Mention(claimant.text, claimant.idx + index.offset,
                                                        claimant.idx + len(claimant.text) + index.offset, "CONCEPT")
    confidence = _BASE_CONFIDENCE[rule]
    confidence -= 0.1 * sum(arg.mention.label == "CONCEPT" for arg in (subj, obj))
    confidence -= 0.1 if clause.resolved else 0.0
    return Relation(
        subject=subj, predicate=predicate.lower(), predicate_text=text, object=obj,
        provenance=Provenance(*provenance_base, rule=rule), kind=kind,
        negated=factuality.is_negated(verb), modality=factuality.modality(verb),
        attribution=attribution, times=factuality.times(verb, index.dates),
        confidence=round(max(0.05, min(1.0, confidence)), 2),
    )


def _clause(verb: Token, args) -> _Clause | None:
    """The verb with its subjects: its own, or inherited from the verb or noun it depends on."""
    tokens, passive = _subject_tokens(verb)
    subjects: list[Argument] = []
    resolved = False
    for token in tokens:
        found = args(token)
        resolved = resolved or any(arg.text != arg.mention.text and token.pos_ == "PRON" for arg in found)
        subjects.extend(found)
    if not subjects:
        return None
    return _Clause(verb, tuple(dict.fromkeys(subjects)), passive, resolved)


def _subject_tokens(verb: Token, depth: int = 0) -> tuple[list[Token], bool]:
    own = _children(verb, _SUBJECT_DEPS)
    if own:
        # "organisations ... which continue to pose threats": the relative pronoun stands for the noun
        if verb.dep_ == "relcl" and own[0].text.lower() in _RELATIVE_PRONOUNS:
            return [verb.head], False
        return own, False
    passive = _children(verb, _PASSIVE_SUBJECT_DEPS)
    if passive:
        if verb.dep_ == "relcl" and passive[0].text.lower() in _RELATIVE_PRONOUNS:
            return [verb.head], True
        return passive, True
    if depth > 3:
        return [], False
    # "urged ... and reaffirmed": a coordinated or controlled verb shares its head's subject
    if verb.dep_ in ("conj", "xcomp") and verb.head.pos_ in _VERB_POS and verb.head is not verb:
        return _subject_tokens(verb.head, depth + 1)
    # "the dialogue, held in Beijing" (passive participle) / "groups operating from Afghan soil"
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return [verb.head], verb.tag_ == "VBN"
    return [], False


def _arguments(token: Token, index: MentionIndex, resolver: ReferenceResolver) -> list[Argument]:
    """What ``token`` names: its entity, the entities a pronoun or collective stands for, or a concept."""
    mention = index.entity(token)
    if mention is not None:
        return [Argument(mention.text, mention)]
    referents = resolver.resolve(token)
    if referents is not None:
        return [Argument(token.text, m) for m in referents]
    if token.pos_ in ("NOUN", "PROPN") and not token.is_stop and token.i not in index.dates:
        concept = index.concept(token)
        return [Argument(concept.text, concept)]
    return []


def _children(token: Token, deps: tuple[str, ...]) -> list[Token]:
    return [child for child in token.children if child.dep_ in deps]

