"""Turn documents into their N-Quads: parse, extraction, resolution and RDF mapping.

:func:`build_documents` is the whole per-document job. It runs in the building process
(``--jobs 1``), in each process of the local worker pool (:mod:`graphbuild.parse_pool`) or on
Dask workers (:mod:`graphbuild.cluster`); all three give the same bytes for the same document,
since entity IRIs depend only on the text.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

import pyoxigraph as ox

from .ingest import Document
from .vocab import GB

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["MappedDocument", "build_documents", "map_document"]

_MENTION_COUNT = str(GB.mentionCount)
# Oxigraph's N-Quads parser reads no line longer than 16 MiB; a literal of more characters than
# this (4 UTF-8 bytes each at most, such as a very long document's text) may not fit in one.
LONGEST_NQUADS_LITERAL = 16 * 2 ** 20 // 4 - 1024


@dataclass(frozen=True)
class MappedDocument:
    """One document ready to store, with the counts a build reports.

    ``content`` is the graph's quads as N-Quads bytes (cheap to hold and to load), or as
    quads when a literal is too long for Oxigraph's N-Quads parser."""

    source: str
    graph: str
    content: bytes | list[ox.Quad]
    quads: int
    sentences: int
    relations: int
    asserted: int
    words: int
    entities: frozenset[str]


def map_document(document: Document, pieces: Iterable[tuple[int, Doc]], base_iri: str,
                 built_at: datetime) -> MappedDocument:
    """Extract, resolve and map one parsed document to the quads of its named graph.

    ``pieces`` is read once, so a lazy iterator of pieces (a long document) is parsed, extracted
    and freed piece by piece."""
    from .extract import extract_document
    from .rdf import document_quads
    from .resolve import resolve_document

    words = [0]
    facts = extract_document(_counting_words(pieces, words))  # extract -> resolve -> rdf, each its own stage
    resolved = resolve_document(facts, base_iri, scope=document.content_hash[:16])
    graph, quads = document_quads(document, facts, resolved, base_iri, built_at)
    too_long = any(isinstance(q.object, ox.Literal) and len(q.object.value) > LONGEST_NQUADS_LITERAL for q in quads)
    return MappedDocument(
        source=document.source, graph=graph, quads=len(quads),
        content=quads if too_long else ox.serialize(quads, format=ox.RdfFormat.N_QUADS),
        sentences=facts.sentences, relations=len(facts.relations),
        asserted=sum(r.asserted for r in facts.relations), words=words[0],
        entities=frozenset(q.subject.value for q in quads if q.predicate.value == _MENTION_COUNT),
    )


def _counting_words(pieces: Iterable[tuple[int, Doc]], words: list[int]) -> Iterator[tuple[int, Doc]]:
    for offset, doc in pieces:
        words[0] += len(doc)
        yield offset, doc



def build_documents(nlp: Language, documents: Iterable[Document], base_iri: str,
                    built_at: datetime) -> Iterator[MappedDocument]:
    """Parse ``documents`` in batches and map each one, in order, holding only the batch in progress."""
    from .nlp import parse

    parsing: deque[Document] = deque()

    def texts() -> Iterator[str]:
        for document in documents:
            parsing.append(document)
            yield document.text

    for pieces in parse(nlp, texts()):
        yield map_document(parsing.popleft(), pieces, base_iri, built_at)
