"""Extraction: pure functions from parsed spaCy Docs to plain mentions and relations."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from .mentions import MentionIndex, capitalised_words
from .model import Argument, Mention, Provenance, Relation
from .references import ReferenceResolver
from .relations import extract_relations

__all__ = ["Argument", "DocumentFacts", "Mention", "Provenance", "Relation", "extract_document"]


@dataclass(frozen=True)
class DocumentFacts:
    """Everything extracted from one document."""

    mentions: tuple[Mention, ...]
    relations: tuple[Relation, ...]
    sentences: int
    acronyms: tuple[tuple[str, str, str], ...] = ()  # (acronym, full name, NER label) defined in the text


def extract_document(pieces: list[tuple[int, Doc]]) -> DocumentFacts:
    """Mentions and relations of a document parsed as ``(offset, Doc)`` pieces."""
    resolver = ReferenceResolver()
    acronyms: dict[str, tuple[str, str]] = {}
    mentions: list[Mention] = []
    relations: list[Relation] = []
    sentences = 0
    names: frozenset[str] = frozenset()
    for offset, doc in pieces:  # pieces may be a lazy iterator (a long document): read each once
        names |= capitalised_words([doc])  # case evidence so far, this piece included
        index = MentionIndex(doc, offset, acronyms, names)
        mentions.extend(index.mentions)
        relations.extend(extract_relations(doc, index, resolver))
        sentences += sum(1 for _ in doc.sents)
    defined = tuple((short, full, label) for short, (full, label) in acronyms.items())
    return DocumentFacts(tuple(mentions), tuple(relations), sentences, defined)
