"""Run SPARQL and turn results into plain Python rows and into table, CSV, TSV or JSON text.

JSON is the SPARQL 1.1 Query Results JSON Format (CONSTRUCT results: JSON-LD); the table writes
IRIs with graphbuild's prefixes (``gb:supports``), as a query would.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from dataclasses import dataclass

import pyoxigraph as ox

from .errors import E005, E008, E012, InputError, QueryError
from .sparql_names import check_names
from .store import Store
from .vocab import PREFIXES, prefixed

__all__ = ["FORMATS", "QueryResult", "format_result", "format_table", "run_query", "select"]

FORMATS = ("table", "csv", "tsv", "json")


@dataclass(frozen=True)
class QueryResult:
    """An eagerly read result: SELECT rows, an ASK boolean, or CONSTRUCT triples."""

    variables: tuple[str, ...] = ()
    rows: tuple[tuple[object, ...], ...] = ()
    boolean: bool | None = None
    triples: tuple[ox.Triple, ...] = ()


def select(store: Store, sparql: str, bindings: Mapping[str, object] | None = None) -> QueryResult:
    """Run ``sparql`` and read every result now, so errors surface here and not while iterating.

    An undeclared prefix (E020) or an unknown ``gb:`` term (E021) is refused before it runs."""
    check_names(sparql)
    results = store.query(sparql, bindings)
    try:
        if isinstance(results, ox.QueryBoolean):
            return QueryResult(boolean=bool(results))
        if isinstance(results, ox.QueryTriples):
            return QueryResult(triples=tuple(results))
        variables = tuple(v.value for v in results.variables)
        rows = tuple(tuple(solution[v] for v in variables) for solution in results)
    except OSError as exc:  # evaluation errors raised lazily by the engine
        raise QueryError(E005.format(cause=exc)) from exc
    _check_bindings(variables, bindings, sparql)
    return QueryResult(variables=variables, rows=rows)


def run_query(store: Store, sparql: str, bindings: Mapping[str, object] | None = None):
    """A list of ``{variable: term}`` dicts (SELECT), a bool (ASK) or a list of triples (CONSTRUCT)."""
    result = select(store, sparql, bindings)
    if result.boolean is not None:
        return result.boolean
    if result.triples:
        return list(result.triples)
    return [dict(zip(result.variables, row)) for row in result.rows]


def _check_bindings(variables, bindings, sparql: str) -> None:
    """A binding for a variable the query never mentions is almost always a typo: say so."""
    unknown = [name for name in (bindings or {}) if f"?{name}" not in sparql and f"${name}" not in sparql]
    if unknown:
        raise InputError(E012.format(names=", ".join(unknown), available=", ".join(variables) or "none"))


def _text(term: object) -> str:
    if term is None:
        return ""
    return term.value if hasattr(term, "value") else str(term)


def _short_text(term: object) -> str:
    """A cell of the table: IRIs prefixed where a prefix fits."""
    return prefixed(term.value) if isinstance(term, ox.NamedNode) else _text(term)


def json_term(term: object) -> dict:
    """One RDF term in the SPARQL 1.1 JSON results form.

    >>> json_term(ox.Literal("Paris", language="fr"))
    {'type': 'literal', 'value': 'Paris', 'xml:lang': 'fr'}
    """
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {"subject": json_term(term.subject),
                                            "predicate": json_term(term.predicate), "object": json_term(term.object)}}
    found = {"type": "literal", "value": term.value}
    if term.language:
        found["xml:lang"] = term.language
    elif term.datatype.value != PREFIXES["xsd"] + "string":
        found["datatype"] = term.datatype.value
    return found


def _sparql_json(result: QueryResult) -> str:
    if result.boolean is not None:
        return json.dumps({"head": {}, "boolean": result.boolean})
    bindings = [{name: json_term(term) for name, term in zip(result.variables, row) if term is not None}
                for row in result.rows]
    return json.dumps({"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}},
                      ensure_ascii=False, indent=1)


def format_result(result: QueryResult, fmt: str, *, width: int | None = 60) -> str:
    """Render a result for the terminal (``table``, cells cut at ``width`` characters unless it is
    ``None``) or for other programs (csv, tsv, json: SPARQL 1.1 JSON results)."""
    if fmt not in FORMATS:
        raise InputError(E008.format(what="query format", value=fmt, choices=", ".join(FORMATS)))
    if result.triples:
        if fmt == "json":
            return ox.serialize(result.triples, format=ox.RdfFormat.JSON_LD).decode("utf-8")
        return "\n".join(f"{t.subject} {t.predicate} {t.object} ." for t in result.triples)
    if fmt == "json":
        return _sparql_json(result)
    if result.boolean is not None:
        return str(result.boolean).lower()
    header = list(result.variables)
    if fmt == "table":
        return format_table(header, [[_short_text(term) for term in row] for row in result.rows], width=width)
    rows = [[_text(term) for term in row] for row in result.rows]
    if fmt in ("csv", "tsv"):
        out = io.StringIO()
        writer = csv.writer(out, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
        return out.getvalue().rstrip("\n")
    raise AssertionError(fmt)  # every format is handled above


def format_table(header: list[str], rows: list[list[str]], *, width: int | None = 60) -> str:
    """Aligned columns with a rule under the header and a row count; cells longer than ``width``
    end in "…" (``None``: never cut)."""
    cut = width is not None
    cells = [[c if not cut or len(c) <= width else c[: width - 1] + "…" for c in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(header)]
    line = lambda values: "  ".join(v.ljust(w) for v, w in zip(values, widths)).rstrip()  # noqa: E731
    out = [line(header), line(["-" * w for w in widths])]
    out += [line(r) for r in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)
