"""Lexical facts about a SPARQL request: its form (SELECT, ASK, ...), whether it calls ``SERVICE``,
and the graphs its ``FROM`` / ``FROM NAMED`` clauses name.

The server must refuse federated queries, pick how to cap results and pass a query's own dataset
on to Oxigraph before Oxigraph sees the request. These facts are lexical in SPARQL: once string
literals, IRIs and comments are blanked out, a query form, ``SERVICE`` or ``FROM`` can only
appear as a keyword. The tokens removed follow the SPARQL 1.1 grammar (``IRIREF``, the four
``STRING_LITERAL`` forms, ``#`` comments), so a keyword-like word inside a literal
(``"service"``) or an IRI never counts.

>>> query_form('PREFIX s: <http://x/select#> ASK { ?a s:construct "SELECT" }')
'ASK'
>>> uses_service('SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }')
True
>>> uses_service('SELECT ?service { ?service ex:service "SERVICE" } # SERVICE')
False
>>> dataset_clause('PREFIX d: <http://x/> SELECT * FROM d:a FROM NAMED <b> { ?s ?p ?o }', 'http://x/q')
(['http://x/a'], ['http://x/b'])
"""

from __future__ import annotations

import re

import pyoxigraph as ox

__all__ = ["blank_out", "dataset_clause", "query_form", "uses_service"]

# Order matters: long strings before short ones, so '''...''' is not read as '' + '...'.
_LITERAL = r"""
      '''(?:[^'\\]|\\.|'(?!''))*'''
    | \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
    | '(?:[^'\\\n\r]|\\.)*'
    | "(?:[^"\\\n\r]|\\.)*"
"""
_IRIREF = r'<[^<>"{}|^`\\\x00-\x20]*>'
_COMMENT = r"\#[^\n\r]*"
_TOKENS = re.compile("|".join((_LITERAL, _IRIREF, _COMMENT)), re.VERBOSE | re.DOTALL)
# IRIs and words (keywords, prefixed names, variables, language tags); literals and comments skipped
_LEXEMES = re.compile(rf"(?P<skip>{_LITERAL}|{_COMMENT}) | (?P<iri>{_IRIREF}) | (?P<word>[?$@]?(?:[\w.:%-]|\\.)+)",
                      re.VERBOSE | re.DOTALL)
_FORMS = {"SELECT", "CONSTRUCT", "DESCRIBE", "ASK"}
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


def dataset_clause(sparql: str, base_iri: str) -> tuple[list[str], list[str]]:
    """The graph IRIs of a query's ``FROM`` clauses and of its ``FROM NAMED`` clauses, in order.

    Prefixed names and relative IRIs are resolved by Oxigraph's own parser: the query's
    prologue (``BASE``, ``PREFIX``) and the IRIs as written go into a small probe query.
    Raises :class:`ValueError` when a ``FROM`` is not followed by an IRI it can resolve.

    >>> dataset_clause('SELECT ?from { ?s <urn:from> "FROM <urn:x>" } # FROM <urn:y>', 'http://x/q')
    ([], [])
    >>> dataset_clause('BASE <http://x/> ASK FROM <a> FROM NAMED <b> FROM NAMED <c> {}', 'http://h/q')
    (['http://x/a'], ['http://x/b', 'http://x/c'])
    """
    lexemes = [m for m in _LEXEMES.finditer(sparql) if m.lastgroup != "skip"]
    words = [m.group().upper() if m.lastgroup == "word" else "" for m in lexemes]
    if "FROM" not in words:
        return [], []
    prologue = sparql[:next((m.start() for m, word in zip(lexemes, words) if word in _FORMS), 0)]
    clauses: list[tuple[bool, str]] = []  # (FROM NAMED?, the IRI as written)
    for at, word in enumerate(words):
        if word != "FROM":
            continue
        named = words[at + 1:at + 2] == ["NAMED"]
        target = lexemes[at + 1 + named] if at + 1 + named < len(lexemes) else None
        if target is None or not (target.lastgroup == "iri" or _is_prefixed_name(target.group())):
            found = target.group() if target is not None else "nothing"
            raise ValueError(f"FROM{' NAMED' if named else ''} needs a graph IRI (<...> or prefix:name), not {found}")
        clauses.append((named, target.group()))
    written = " ".join(iri for _, iri in clauses)
    probe = f"{prologue}\nSELECT ?g WHERE {{ VALUES ?g {{ {written} }} }}"
    try:
        graphs = [row["g"].value for row in ox.Store().query(probe, base_iri=base_iri)]
    except SyntaxError as exc:
        raise ValueError(f"cannot resolve the graph IRIs of its FROM clauses ({written}; is each prefix "
                         f"declared?): {exc}") from exc
    return ([g for g, (named, _) in zip(graphs, clauses) if not named],
            [g for g, (named, _) in zip(graphs, clauses) if named])


def _is_prefixed_name(word: str) -> bool:
    return ":" in word and word[0] not in "?$@_"
