"""Check the prefixed names of a SPARQL query before it runs: an undeclared prefix, or a ``gb:`` term
that the ontology does not define (a guessed ``gb:opposition`` would silently match nothing), is
an error naming it and suggesting the nearest known one.

>>> check_names("SELECT ?o WHERE { ?s gb:supports ?o }")
>>> check_names("SELECT ?o WHERE { ?s gb:suports ?o }")
Traceback (most recent call last):
...
graphbuild.errors.QueryError: E021 'gb:suports' is not a graphbuild term (did you mean 'gb:supports'?). ...
"""

from __future__ import annotations

import difflib
import re

from .errors import E020, E021, QueryError
from .vocab import GB_TERMS, PREFIXES

__all__ = ["check_names", "prefixed_names"]

# Parts of a query where a colon is no prefixed name: strings, IRIs and comments.
_NOT_NAMES = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
    r'|<[^<>"{}|^`\\\s]*>|#[^\n]*')
_DECLARED = re.compile(r"(?i)\bPREFIX\s+([A-Za-z][\w.-]*)?:")
_NAME = re.compile(r"(?<![\w?$:.-])([A-Za-z][\w.-]*)?:((?:[\w-]|\.(?=[\w-]))*)")


def prefixed_names(sparql: str) -> list[tuple[str, str]]:
    """``(prefix, local)`` of each prefixed name used in ``sparql``, in order, without repeats."""
    text = _NOT_NAMES.sub(" ", sparql)
    return list(dict.fromkeys((m.group(1) or "", m.group(2)) for m in _NAME.finditer(text)))


def check_names(sparql: str) -> None:
    """Raise :class:`QueryError` E020 for an undeclared prefix, E021 for an unknown ``gb:`` term."""
    declared = set(PREFIXES) | {(m.group(1) or "") for m in _DECLARED.finditer(_NOT_NAMES.sub(" ", sparql))}
    redefined_gb = re.search(r"(?i)\bPREFIX\s+gb:", sparql) is not None
    for prefix, local in prefixed_names(sparql):
        name = f"{prefix}:{local}"
        if prefix not in declared:
            raise QueryError(E020.format(prefix=prefix, name=name, hint=_hint(prefix, declared, ":"),
                                         declared=", ".join(sorted(PREFIXES))))
        if prefix == "gb" and not redefined_gb and local and local not in GB_TERMS:
            raise QueryError(E021.format(name=name, hint=_hint(local, GB_TERMS, "", "gb:")))


def _hint(word: str, known, suffix: str, prefix: str = "") -> str:
    near = difflib.get_close_matches(word, sorted(known), n=1, cutoff=0.5)
    if not near:
        lowered = {k.lower(): k for k in known}
        near = [lowered[word.lower()]] if word.lower() in lowered else []
    return f" (did you mean '{prefix}{near[0]}{suffix}'?)" if near else ""
