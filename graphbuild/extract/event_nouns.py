"""Acts named by a noun: "Disney's acquisition of Pixar", "the takeover of Mobil by Exxon".

The noun's owner (or its "by" phrase) does the act to the noun's "of" phrase; both must be named
entities. The fact takes the factuality of the clause around the noun ("completed its acquisition"
is done, "plans an acquisition" is not), and a noun described as unsettled ("the proposed
takeover") is never asserted.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from ..lang import resources
from .mentions import MentionIndex, possessor
from .model import Argument, Mention
from .registry import noun_rule
from .roles import Link

__all__ = ["act_of_noun"]


@noun_rule(confidence=0.7)
def act_of_noun(sent: Span, index: MentionIndex) -> Iterator[Link]:
    """"Disney completed its acquisition of Pixar": Disney acquires Pixar."""
    en = resources("en")
    for noun in sent:
        verb = en.event_nouns.get(noun.lemma_.lower())
        if verb is None or noun.pos_ != "NOUN":
            continue
        doer = _doer(noun, index)
        done_to = next((index.entity(p) for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "of"
                        for p in prep.children if p.dep_ == "pobj"), None)
        if doer is None or done_to is None or doer == done_to:
            continue
        unsettled = any(c.dep_ == "amod" and c.lower_ in en.words("unsettled-modifiers") for c in noun.children) or (
            noun.dep_ == "dobj" and noun.head.lemma_ in en.words("act-undoing-verbs"))  # "denied its takeover of X"
        yield Link(verb, Argument(doer.text, doer), Argument(done_to.text, done_to), f"{noun.text} of", noun, "verb",
                   vague="an act not yet done" if unsettled else "")


def _doer(noun: Token, index: MentionIndex) -> Mention | None:
    """Who does the act: the noun's owner ("Disney's acquisition"; "its", when the clause's subject
    owns it: "Disney completed its acquisition"), else its "by" phrase."""
    owner = possessor(noun)
    if owner is not None:
        if owner.lower_ in ("its", "their") and noun.dep_ in ("dobj", "pobj"):
            clause = noun.head if noun.dep_ == "dobj" else noun.head.head
            subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            return index.entity(subject) if subject is not None else None
        return index.entity(owner)
    return next((index.entity(p) for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "by"
                 for p in prep.children if p.dep_ == "pobj"), None)
