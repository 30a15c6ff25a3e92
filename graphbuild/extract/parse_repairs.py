"""Read past a few attachment errors the small English parser makes in long news sentences.

Each function answers one question about the parse as the sentence means it, without changing
the Doc: which verb a coordinated verb really continues, whether a noun acts as a verb, whether a
direct object is really the verb's.
"""

from __future__ import annotations

from spacy.tokens import Token

__all__ = ["acts_as_verb", "coordination_head", "is_misplaced_object"]

_VERB_POS = ("VERB", "AUX")
_FINITE_PAST_OR_THIRD = ("VBD", "VBZ")
_BARE_FORMS = ("VB", "VBP")


def coordination_head(verb: Token) -> Token | None:
    """The verb that ``verb`` is coordinated with, as the sentence means it, or None.

    - "agreed to encourage Kabul to establish X, pursue Y and play Z": the parser hangs the bare
      "pursue" on the finite "agreed"; a bare verb without a subject of its own continues the
      nearest bare verb before it ("establish").
    - "the importance of operationalising X, ensuring Y, and strengthening Z": a gerund joined by
      a comma right after a gerund phrase continues that list, whatever the parser attached it to.
    """
    if verb.dep_ == "conj" and verb.head.i != verb.i and verb.head.pos_ in _VERB_POS:
        head = verb.head
        if (verb.tag_ in _BARE_FORMS and head.tag_ in _FINITE_PAST_OR_THIRD
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)):
            nearer = [t for t in verb.doc[head.i + 1: verb.i] if t.tag_ == "VB" and t.pos_ in _VERB_POS]
            if nearer:
                return nearer[-1]
        return head
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i >= 2 and verb.doc[verb.i - 1].text == ",":
        before = verb.doc[verb.i - 2]  # the last word of the phrase before the comma
        gerund = next((t for t in (before, *before.ancestors) if t.tag_ == "VBG" and t.right_edge.i == before.i), None)
        if gerund is not None and gerund.dep_ in ("pcomp", "conj"):
            return gerund
    if verb.pos_ == "NOUN" and acts_as_verb(verb):  # "pursue X, prioritise Y": a verb tagged as a noun
        return verb.head
    return None


def acts_as_verb(token: Token) -> bool:
    """A verb, or a verb the tagger took for a noun: "pursue moderate policies, prioritise
    development" (a "noun" coordinated with a verb and taking a direct object)."""
    if token.pos_ in _VERB_POS:
        return True
    return (token.pos_ == "NOUN" and token.dep_ == "conj" and token.head.pos_ in _VERB_POS
            and any(c.dep_ == "dobj" for c in token.children))


def is_misplaced_object(verb: Token, obj: Token) -> bool:
    """A "direct object" after the verb's own that-clause belongs to that clause: in
    "reiterated that the dispute should be resolved in accordance with A, B and C", C is not
    what was reiterated (English puts a verb's object before its clausal complement)."""
    return any(c.dep_ == "ccomp" and c.i < obj.i for c in verb.children)
