"""Open-IE over files: parse with the graph's pipeline and run :mod:`graphbuild.extract.openie`.

Each non-empty line of the input is parsed on its own (a benchmark sentence or a paragraph of an
article), and every tuple names that line as its sentence, as CaRB's scorer expects.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator

from .extract.openie import OpenTuple, open_tuples

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
    """Tuples of a UTF-8 text file (``-`` reads standard input)."""
    if os.fspath(path) == "-":
        yield from openie_lines(sys.stdin.read().splitlines(), model=model)
        return
    with open(path, encoding="utf-8") as handle:
        yield from openie_lines(handle.read().splitlines(), model=model)
