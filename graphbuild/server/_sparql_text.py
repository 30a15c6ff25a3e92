"""Lexical facts about a SPARQL request: its form (SELECT, ASK, ...) and whether it calls ``SERVICE``.

The server must refuse federated queries and pick how to cap results before Oxigraph sees the
request. Both facts are lexical in SPARQL: once string literals, IRIs and comments are blanked
out, a query form or ``SERVICE`` can only appear as a keyword. The tokens removed follow the
SPARQL 1.1 grammar (``IRIREF``, the four ``STRING_LITERAL`` forms, ``#`` comments), so a
keyword-like word inside a literal (``"service"``) or an IRI never counts.

>>> query_form('PREFIX s: <http://x/select#> ASK { ?a s:construct "SELECT" }')
'ASK'
>>> uses_service('SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }')
True
>>> uses_service('SELECT ?service { ?service ex:service "SERVICE" } # SERVICE')
False
"""

from __future__ import annotations

import re

__all__ = ["blank_out", "query_form", "uses_service"]

# Order matters: long strings before short ones, so '''...''' is not read as '' + '...'.
_TOKENS = re.compile(
    r"""
      '''(?:[^'\\]|\\.|'(?!''))*'''
    | \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
    | '(?:[^'\\\n\r]|\\.)*'
    | "(?:[^"\\\n\r]|\\.)*"
    | <[^<>"{}|^`\\\x00-\x20]*>
    | \#[^\n\r]*
    """,
    re.VERBOSE | re.DOTALL,
)
# A keyword is not part of a prefixed name (ex:service, service:x), a variable (?service,
# $service) or a blank node label (_:service).
_SERVICE = re.compile(r"(?<![\w:?$-])SERVICE(?![\w:-])", re.IGNORECASE)
_FORM = re.compile(r"(?<![\w:?$-])(SELECT|CONSTRUCT|DESCRIBE|ASK)(?![\w:-])", re.IGNORECASE)


def blank_out(sparql: str) -> str:
    """``sparql`` with every literal, IRI and comment replaced by a space."""
    return _TOKENS.sub(" ", sparql)


def uses_service(sparql: str) -> bool:
    """True when the query or update contains a ``SERVICE`` clause (a federated call)."""
    return _SERVICE.search(blank_out(sparql)) is not None


def query_form(sparql: str) -> str | None:
    """``SELECT``, ``CONSTRUCT``, ``DESCRIBE`` or ``ASK``: the first form keyword, or None.

    The prologue (``BASE``, ``PREFIX``) holds no such keyword, so the first one found names the
    query form; sub-queries come later than it.
    """
    match = _FORM.search(blank_out(sparql))
    return match.group(1).upper() if match else None
