"""Pronouns and collective references ("they", "the two sides", "both countries") resolved to the
entities they stand for, from the most recent group of coordinated named subjects.

"it" as the subject of a reporting verb ("..., it added") is the last named source ("the
statement said"). A reference that cannot be resolved yields no argument at all: a relation with
"They" as its subject is worse than none.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .mentions import MentionIndex
from .model import Mention

__all__ = ["ReferenceResolver"]

_PLURAL_PRONOUNS = frozenset({"they", "them", "their", "we", "us", "our", "both"})
_COLLECTIVE_NOUNS = frozenset({"side", "country", "nation", "party", "government", "neighbour", "neighbor",
                               "leader", "minister", "state"})
_COLLECTIVE_MARKERS = frozenset({"two", "both"})
_ACTOR_LABELS = frozenset({"GPE", "ORG", "NORP", "PERSON"})
_REPORTING = frozenset({"say", "add", "state", "note", "announce", "declare", "stress", "conclude"})
_SOURCE_NOUNS = frozenset({"statement", "communique", "communiqué", "declaration", "report", "spokesperson",
                           "spokesman", "spokeswoman", "ministry", "office", "readout"})


class ReferenceResolver:
    """Remembers the last coordinated group of named actors in a document ("Pakistan and China")."""

    def __init__(self) -> None:
        self.group: tuple[Mention, ...] = ()
        self.source: Mention | None = None  # the last statement or body quoted ("the statement said")

    def resolve(self, token: Token) -> list[Mention] | None:
        """Entities ``token`` refers to; ``[]`` for an unresolvable reference; ``None`` if it is no reference."""
        if token.text.lower() in _PLURAL_PRONOUNS or _is_collective(token):
            return list(self.group)
        if token.text.lower() == "it" and token.dep_ == "nsubj" and token.head.lemma_ in _REPORTING:
            return [self.source] if self.source is not None else []
        if token.pos_ == "PRON":
            return []
        return None

    def observe_sentence(self, sent: Span, index: MentionIndex) -> None:
        """Remember the sentence's coordinated named subjects, if it has two or more."""
        for token in sent:
            if token.dep_ == "nsubj" and token.head.lemma_ in _REPORTING and token.lemma_.lower() in _SOURCE_NOUNS:
                self.source = index.entity(token) or index.concept(token)
            if token.dep_ not in ("nsubj", "nsubjpass") or token.dep_ == "conj":
                continue
            members = [index.entity(t) for t in (token, *token.conjuncts)]
            actors = tuple(dict.fromkeys(m for m in members if m is not None and m.label in _ACTOR_LABELS))
            if len(actors) >= 2:
                self.group = actors


def _is_collective(token: Token) -> bool:
    """"the two sides", "both countries": a collective noun counted by "two" or "both"."""
    return token.lemma_.lower() in _COLLECTIVE_NOUNS and token.tag_ in ("NNS", "NNPS") and any(
        child.text.lower() in _COLLECTIVE_MARKERS for child in token.children
    )
