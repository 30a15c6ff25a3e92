"""Mentions: named entities from spaCy's NER, and concept phrases for nouns that take part in a relation."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .model import Mention

__all__ = ["ENTITY_LABELS", "MentionIndex", "concept_label"]

# NER labels that become graph nodes; numbers, dates and amounts do not (dates go on statements).
ENTITY_LABELS = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT",
                           "WORK_OF_ART", "LAW"})
_POSSESSIVE = ("'s", "’s", "'", "’")
_LEADING = ("the ", "The ")
# Adjacent left modifiers kept in a concept's label ("terrorist groups", "Belt and Road Initiative").
_CONCEPT_MODIFIERS = frozenset({"compound", "amod", "nmod"})


def clean_entity_text(span: Span) -> tuple[str, int, int]:
    """The entity's name without a leading article or trailing possessive, with its char offsets."""
    text, start, end = span.text, span.start_char, span.end_char
    for lead in _LEADING:
        if text.startswith(lead):
            text, start = text[len(lead):], start + len(lead)
    for suffix in _POSSESSIVE:
        if text.endswith(suffix) and len(text) > len(suffix):
            text, end = text[: -len(suffix)], end - len(suffix)
            break
    return text.strip(), start, end


def concept_span(token: Token) -> Span:
    """The words naming a concept: the noun with its adjacent compound/adjective modifiers.

    "more visible and verifiable actions" -> "verifiable actions"; "terrorist groups" stays.
    """
    left = token.i
    for child in reversed(list(token.lefts)):
        adjacent = child.i == left - 1
        if adjacent and child.dep_ in _CONCEPT_MODIFIERS and child.pos_ in ("NOUN", "ADJ", "PROPN"):
            left = child.i
        elif adjacent and child.text == "-":
            left = child.i
        else:
            break
    return token.doc[left: token.i + 1]


def concept_label(token: Token) -> str:
    """Label of the concept node for ``token`` (lower-cased unless a proper noun)."""
    text = concept_span(token).text
    return text if token.pos_ == "PROPN" else text.lower()


class MentionIndex:
    """Entity mentions of one parsed piece of a document, looked up by token.

    ``offset`` is where the piece starts in the whole document, so offsets are document offsets.
    """

    def __init__(self, doc: Doc, offset: int = 0) -> None:
        self.offset = offset
        self.mentions: list[Mention] = []
        self.dates: dict[int, str] = {}
        self._by_token: dict[int, Mention] = {}
        for ent in doc.ents:
            if ent.label_ in ("DATE", "TIME"):
                for token in ent:
                    self.dates[token.i] = ent.text
                continue
            if ent.label_ not in ENTITY_LABELS:
                continue
            text, start, end = clean_entity_text(ent)
            if not text:
                continue
            mention = Mention(text, start + offset, end + offset, ent.label_)
            self.mentions.append(mention)
            for token in ent:
                self._by_token[token.i] = mention

    def entity(self, token: Token) -> Mention | None:
        """The named-entity mention ``token`` belongs to, if any."""
        return self._by_token.get(token.i)

    def concept(self, token: Token) -> Mention:
        """A concept mention for a common noun ``token``."""
        span = concept_span(token)
        return Mention(concept_label(token), span.start_char + self.offset, span.end_char + self.offset, "CONCEPT")
