"""Readers for file formats graphbuild does not read itself (PDF, Word, ...), installed as plugins.

A package adds one with an entry point in the group ``graphbuild.readers``, named after the
extension it reads, e.g. in its ``pyproject.toml``::

    [project.entry-points."graphbuild.readers"]
    ".docx" = "mypackage.docx:read_text"   # read_text(path: pathlib.Path) -> str

Files with such an extension are then read, from folders too; without one they are skipped
with a reason (see :data:`graphbuild.ingest.BINARY_FORMATS`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from importlib.metadata import entry_points
from pathlib import Path

__all__ = ["GROUP", "installed_reader"]

GROUP = "graphbuild.readers"


@functools.lru_cache(maxsize=1)
def _installed() -> dict[str, object]:
    return {ep.name.lower(): ep for ep in entry_points(group=GROUP)}


def installed_reader(suffix: str) -> tuple[str, Callable[[Path], str]] | None:
    """``(entry point value, function)`` of the installed reader for ``suffix`` (``.docx``), or ``None``."""
    found = _installed().get(suffix.lower())
    return None if found is None else (found.value, found.load())
