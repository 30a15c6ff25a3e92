"""Where stored documents came from: which sources a user means, and which source files are gone.

A document's ``gb:source`` is the absolute path of its file, ``FILE#id`` or ``FILE#L3`` for a line
of a ``.jsonl`` file, ``text:N`` for a text given in Python, ``stdin:HASH`` for standard input.

>>> sorted(match_source("/news/a.jsonl", ["/news/a.jsonl#L1", "/news/a.jsonl#x", "/news/b.txt"]))
['/news/a.jsonl#L1', '/news/a.jsonl#x']
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable
from pathlib import Path

from .errors import E019, InputError

__all__ = ["file_of", "gone_sources", "match_source", "resolve_sources"]


def file_of(source: str) -> Path | None:
    """The file a stored source was read from, or ``None`` for a text that came from no file."""
    if not os.path.isabs(source):
        return None
    path = Path(source)
    if "#" in source and not path.exists():
        path = Path(source.rsplit("#", 1)[0])  # a line of a .jsonl file
    return path


def gone_sources(sources: Iterable[str]) -> list[str]:
    """The sources whose file no longer exists."""
    return sorted(s for s in sources if (path := file_of(s)) is not None and not path.exists())


def match_source(given: str, stored: Iterable[str]) -> list[str]:
    """The stored sources ``given`` names: itself, a file (with its ``.jsonl`` lines) or a folder."""
    wanted = {given, str(Path(given).resolve())} if given else set()
    found = []
    for source in stored:
        for name in wanted:
            if source == name or source.startswith((name + "#", name.rstrip("/") + "/")):
                found.append(source)
                break
    return found


def resolve_sources(given: Iterable[str], stored: Iterable[str]) -> list[str]:
    """Every stored source named by ``given``; E019 (naming the first unmatched one) if any names none."""
    stored = list(stored)
    found: dict[str, None] = {}
    for name in given:
        matches = match_source(name, stored)
        if not matches:
            near = difflib.get_close_matches(str(Path(name).resolve()), stored, n=1, cutoff=0.6)
            hint = f" (did you mean '{near[0]}'?)" if near else ""
            raise InputError(E019.format(source=name, hint=hint))
        found.update(dict.fromkeys(matches))
    return list(found)
