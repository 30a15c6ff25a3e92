"""How firmly a sentence states a relation: negation, modality, attribution and time.

Each function takes the predicate's verb token and reads only its dependency neighbourhood; the
words that signal each reading come from the language resources (``lang/en/modality.tsv``,
``negation.tsv``, ``reporting.tsv``).
"""

from __future__ import annotations

from spacy.tokens import Token

from ..lang import resources
from .parse_repairs import coordination_head

__all__ = ["attribution_source", "event_times", "in_quotation", "is_negated", "modality", "speaker", "times"]

_QUOTE_PARITY = "graphbuild.in_quotation"  # Doc.user_data key of the per-token quotation state
_QUOTES = frozenset({'"', "\u201c", "\u201d"})
_COMPLEMENT_DEPS = frozenset({"ccomp", "xcomp", "pcomp", "advcl", "acl", "relcl", "conj"})
# Noun positions a reported clause reaches through: "claims to have seen a device that supports video"
_CLIMB_THROUGH = frozenset({"pobj", "prep", "dobj", "attr", "appos", "nsubj", "nsubjpass", "acomp"})


def _en():
    return resources("en")


def is_negated(verb: Token) -> bool:
    """"did not attend", "never met", "isn't used": a ``neg`` child of the verb or its auxiliary;
    "failed to produce": a complement of a failing verb; "prevent X from being used": a complement
    of a preventing verb; "did not agree to buy", "has yet to name", "is unlikely to win": a
    complement of a negated governor; "No airline bought", "Neither France nor Germany recognised":
    a denied subject; "no plans to close", "no evidence that": a clause under a denied noun."""
    if any(child.dep_ == "neg" or child.text.lower() == "never" for child in verb.children):
        return True
    if _denied_subject(verb):
        return True
    if verb.dep_ == "xcomp" and verb.head.lemma_ in _en().negation["failing-verb"]:  # "failed to produce breakthroughs"
        return True
    if verb.dep_ == "xcomp" and verb.head.i != verb.i:
        governor = verb.head
        if governor.pos_ == "ADJ" and governor.lemma_.lower() in _en().negation["adjective"]:
            return True
        if governor.lemma_ == "have" and any(c.text.lower() == "yet" for c in governor.children):
            return True  # "has yet to name the date"
        if governor.pos_ in ("VERB", "AUX", "ADJ") and is_negated(governor):
            return True
    if verb.dep_ in ("acl", "ccomp") and verb.head.pos_ == "NOUN" and any(
            c.dep_ == "det" and c.text.lower() in _en().negation["determiner"] for c in verb.head.children):
        return True
    head = verb.head
    return (verb.dep_ == "pcomp" and head.text.lower() == "from" and head.head.i != head.i
            and head.head.lemma_ in _en().negation["preventing-verb"])


def _denied_subject(verb: Token) -> bool:
    """"No airline bought the A380", "Neither France nor Germany recognised the result"."""
    for subject in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
        if any(c.dep_ in ("det", "preconj") and c.text.lower() in _en().negation["determiner"] for c in subject.children):
            return True
    return False


def modality(verb: Token) -> str:
    """asserted, hedged, future, demanded or conditional, from auxiliaries, hedges and governors."""
    for child in verb.children:
        if child.dep_ in ("aux", "auxpass") and _en().modality_of("aux", child.text.lower()):
            return _en().modality_of("aux", child.text.lower())
        if child.dep_ == "mark" and child.text.lower() in ("if", "unless"):
            return "conditional"
        if child.dep_ == "mark" and child.text.lower() == "whether":
            return "hedged"  # "questions whether the company had lost its grip": asked, not said
        if child.text.lower() in _en().reporting["hedge"]:
            return "hedged"
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if verb.dep_ == "ROOT" and infinitive:
        return "future"  # a headline's "Apple to open three stores": a plan, not a deed
    if infinitive and any(c.dep_ == "mark" and c.lower_ == "for" for c in verb.children):
        return "future"  # "the expected date for Airbus to deliver": a for-to clause is not a deed
    if verb.dep_ in ("acl", "relcl") and infinitive and verb.head.pos_ in ("NOUN", "PROPN") and not any(
            c.dep_ == "amod" and (c.lower_ in ("first", "last", "only", "next") or c.tag_ == "JJS") or c.ent_type_ == "ORDINAL"
            for c in verb.head.children):
        return "future"  # "the date for Airbus to deliver": not done; but "the first airline to fly" it did
    # A complement of "urge"/"agree"/"hope" inherits its governor's modality.
    governed = _en().modality_of("verb", verb.head.lemma_)
    if verb.dep_ in ("xcomp", "ccomp") and governed and _to_infinitive_or_clause(verb):
        return governed
    governed = _en().modality_of("adjective", verb.head.lemma_.lower())
    if verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ" and governed:
        return governed  # "is likely to sign"
    if verb.dep_ in ("xcomp", "ccomp") and verb.head.pos_ in ("VERB", "AUX") and verb.head.i != verb.i:
        governed = modality(verb.head)  # "should help Afghanistan achieve X": as firm as "help"
        if governed != "asserted":
            return governed
    # "readiness to cooperate", "the importance of strengthening": the noun says it is not done
    noun = verb.head.head if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" else verb.head
    governed = _en().modality_of("noun", noun.lemma_.lower())
    if verb.dep_ in ("acl", "pcomp") and governed and noun.pos_ == "NOUN":
        return governed
    head = coordination_head(verb)
    if head is not None:
        return modality(head)
    # "urged X to enhance Y while rejecting Z": a participle clause is as firm as the verb it modifies
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.pos_ in ("VERB", "AUX") and verb.head.i != verb.i:
        return modality(verb.head)
    return "asserted"


def _to_infinitive_or_clause(verb: Token) -> bool:
    """"is to visit", "plans to build": a to-infinitive (or a finite clause), not "went shopping"."""
    if verb.head.lemma_ not in ("be", "go"):
        return True
    return any(c.dep_ == "aux" and c.text.lower() == "to" for c in verb.children) and (
        verb.head.lemma_ == "be" or verb.head.tag_ == "VBG")  # "is to visit", "is going to buy"


def attribution_source(verb: Token) -> Token | None:
    """The token naming who claims the clause, when the clause is reported rather than asserted.

    "Pakistan has accused the Taliban of providing sanctuary": "providing" is Pakistan's claim.
    "Despite the Taliban's assurances that Afghan territory isn't used": the Taliban's claim.
    Returns the claimant's token (subject of the reporting verb, possessor of the reporting noun)
    or the reporting word itself when no claimant is named.
    """
    token = verb
    for _ in range(8):  # climb a few clause levels, no further
        according = _according_to(token)  # "According to X, [the memo showed that] S"
        if according is not None:
            return according
        head = token.head
        if head.i == token.i or token.dep_ not in _COMPLEMENT_DEPS | _CLIMB_THROUGH:
            return None
        if head.pos_ in ("VERB", "AUX") and head.lemma_ in _en().reporting["verb"] and token.dep_ != "conj":
            return next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), head)
        if head.pos_ == "NOUN" and head.lemma_ in _en().reporting["noun"] and _is_content_clause(token):
            return next((c for c in head.children if c.dep_ == "poss"), head)
        token = head
    return None


def _according_to(verb: Token) -> Token | None:
    """"According to the BBC, Russia attacked Ukraine": the BBC claims it."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.text.lower() == "according":
            for to in prep.children:
                source = next((p for p in to.children if p.dep_ == "pobj"), None)
                if source is not None:
                    return source
    return None


def in_quotation(token: Token) -> bool:
    """Inside a quotation: an odd number of double quotes before the token in its paragraph, so a
    quotation running over several sentences ("We won. We have begun the work," he said) counts."""
    parity = token.doc.user_data.get(_QUOTE_PARITY)
    if parity is None:  # one pass per document, then a look-up per token
        parity, inside = [], False
        for other in token.doc:
            if "\n" in other.text:
                inside = False
            parity.append(inside)
            if other.text in _QUOTES:
                inside = not inside
            elif "\n" in other.whitespace_:
                inside = False
        token.doc.user_data[_QUOTE_PARITY] = parity
    return parity[token.i]


def speaker(token: Token) -> Token | None:
    """Who speaks a quotation ``token`` is in: the subject of a reporting verb of the sentence
    outside the quotes ("\"We have won,\" said Ms Ardern"), if the sentence names one."""
    for verb in token.sent:
        if verb.lemma_ in _en().reporting["verb"] and verb.pos_ in ("VERB", "AUX") and not in_quotation(verb):
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None:
                return subject
    return None


def times(verb: Token, dates: dict[int, str]) -> tuple[str, ...]:
    """DATE mentions inside the verb's own clause ("on December 4", "since 2021"), as written."""
    found = list(_own_dates(verb, dates))
    # "a suicide car bombing in 2024 that killed ...": the relative clause's event is dated by its noun
    if verb.dep_ == "relcl":
        found.extend(t for t in _own_dates(verb.head, dates) if t not in found)
    return tuple(found)


def event_times(noun: Token, dates: dict[int, str]) -> tuple[str, ...]:
    """When an event noun happened: its own date ("talks ... on December 4"), else the date of the
    nearest verb above it ("a statement released following talks ... on December 4")."""
    own = _own_dates(noun, dates)
    if own:
        return own
    token = noun
    while token.head.i != token.i:
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            found = times(token, dates)
            if found:
                return found
    return ()


def _own_dates(anchor: Token, dates: dict[int, str]) -> tuple[str, ...]:
    """DATE mentions under ``anchor`` (a verb or an event noun) that no nested clause of another verb owns."""
    found: list[str] = []
    for token in anchor.subtree:
        text = dates.get(token.i)
        if text is None or text in found:
            continue
        owner = token
        while owner.i != anchor.i and owner.pos_ not in ("VERB", "AUX") and owner.head.i != owner.i:
            owner = owner.head
        if owner.i == anchor.i:
            found.append(text)
    return tuple(found)


def _is_content_clause(verb: Token) -> bool:
    """"assurances that the territory isn't used": a clause introduced by "that" under a noun."""
    return verb.dep_ in ("acl", "ccomp", "relcl") and any(
        child.dep_ == "mark" and child.text.lower() == "that" for child in verb.children
    )
