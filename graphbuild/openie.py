"""Open-IE over files: parse with the graph's pipeline and run :mod:`graphbuild.extract.openie`.

Each non-empty line of the input is parsed on its own (a benchmark sentence or a paragraph of an
article), and every tuple names that line as its sentence, as CaRB's scorer expects.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import E015, InputError
from .extract.openie import OpenTuple, open_tuples
from .ingest import Skipped, _decode

__all__ = ["openie_file", "openie_lines"]


def openie_lines(lines: Iterable[str], *, model: str | None = None) -> Iterator[OpenTuple]:
    """Tuples of each line, with the line as their sentence."""
    from .nlp import BATCH_SIZE, load_pipeline

    nlp = load_pipeline(model)
    lines = [line.strip() for line in lines if line.strip()]
    for line, doc in zip(lines, nlp.pipe(lines, batch_size=BATCH_SIZE)):
        for found in open_tuples(doc):
            yield OpenTuple(line, found.confidence, found.relation, found.arguments)


def openie_file(path: str | os.PathLike, *, model: str | None = None) -> Iterator[OpenTuple]:
    """Tuples of a UTF-8 text file (``-`` reads standard input).

    Raises :class:`InputError` (E015) at once, before any parsing, if the file cannot be read
    or is not text."""
    return openie_lines(_read_text(path).splitlines(), model=model)


def _read_text(path: str | os.PathLike) -> str:
    stdin = os.fspath(path) == "-"
    name = "standard input" if stdin else os.fspath(path)
    try:
        if stdin:
            data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode("utf-8")
        else:
            data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(E015.format(path=name, cause=exc.strerror or exc)) from exc
    if not data.strip():
        return ""
    text = _decode(data)  # the checks and reasons ingest gives for article files
    if isinstance(text, Skipped):
        raise InputError(E015.format(path=name, cause=text.reason))
    return text
