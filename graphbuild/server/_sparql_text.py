"""The graphs a query's ``FROM`` / ``FROM NAMED`` clauses name, read from its text.

The workers read the union of all graphs by default, so the front passes a query's own dataset
on explicitly. It runs only on a query the SPARQL parser has accepted (:mod:`._sparql_check`);
safety decisions (``SERVICE``, ``LOAD``) are never taken here. String literals, IRIs and
comments are tokenised as the SPARQL 1.1 grammar does, so a ``FROM`` inside a literal or a
comment never counts.

>>> dataset_clause('PREFIX d: <http://x/> SELECT * FROM d:a FROM NAMED <b> { ?s ?p ?o }', 'http://x/q')
(['http://x/a'], ['http://x/b'])
"""

from __future__ import annotations

import re

import pyoxigraph as ox

__all__ = ["dataset_clause"]

# Order matters: long strings before short ones, so '''...''' is not read as '' + '...'.
_LITERAL = r"""
      '''(?:[^'\\]|\\.|'(?!''))*'''
    | \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
    | '(?:[^'\\\n\r]|\\.)*'
    | "(?:[^"\\\n\r]|\\.)*"
"""
_IRIREF = r'<[^<>"{}|^`\\\x00-\x20]*>'
_COMMENT = r"\#[^\n\r]*"
# IRIs and words (keywords, prefixed names, variables, language tags); literals and comments skipped
_LEXEMES = re.compile(rf"(?P<skip>{_LITERAL}|{_COMMENT}) | (?P<iri>{_IRIREF}) | (?P<word>[?$@]?(?:[\w.:%-]|\\.)+)",
                      re.VERBOSE | re.DOTALL)
_FORMS = {"SELECT", "CONSTRUCT", "DESCRIBE", "ASK"}


def dataset_clause(sparql: str, base_iri: str, prefixes: dict | None = None) -> tuple[list[str], list[str]]:
    """The graph IRIs of a query's ``FROM`` clauses and of its ``FROM NAMED`` clauses, in order.

    Prefixed names and relative IRIs are resolved by Oxigraph's own parser: the query's
    prologue (``BASE``, ``PREFIX``) and the IRIs as written go into a small probe query, with
    ``prefixes`` predeclared.
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
        graphs = [row["g"].value for row in ox.Store().query(probe, base_iri=base_iri, prefixes=prefixes)]
    except SyntaxError as exc:
        raise ValueError(f"cannot resolve the graph IRIs of its FROM clauses ({written}; is each prefix "
                         f"declared?): {exc}") from exc
    return ([g for g, (named, _) in zip(graphs, clauses) if not named],
            [g for g, (named, _) in zip(graphs, clauses) if named])


def _is_prefixed_name(word: str) -> bool:
    return ":" in word and word[0] not in "?$@_"
