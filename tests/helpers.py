"""Helpers for tests: hand-built spaCy Docs, so dependency rules are tested without a model."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

_VOCAB = Vocab()


def make_doc(rows: list[tuple], ents: list[str] | None = None) -> Doc:
    """A parsed Doc from ``(word, head_index, dep, pos, lemma[, tag])`` rows (head = own index for ROOT).

    ``ents`` holds IOB tags such as ``"B-GPE"`` (``"O"`` outside entities).
    """
    words = [r[0] for r in rows]
    heads = [r[1] for r in rows]
    deps = [r[2] for r in rows]
    pos = [r[3] for r in rows]
    lemmas = [r[4] for r in rows]
    tags = [r[5] if len(r) > 5 else "" for r in rows]
    return Doc(_VOCAB, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas, tags=tags, ents=ents)
