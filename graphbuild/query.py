"""Run SPARQL and turn results into plain Python rows and into table, CSV, TSV or JSON text."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from dataclasses import dataclass

import pyoxigraph as ox

from .errors import E005, E008, E012, InputError, QueryError
from .store import Store

__all__ = ["FORMATS", "QueryResult", "format_result", "run_query", "select"]

FORMATS = ("table", "csv", "tsv", "json")


@dataclass(frozen=True)
class QueryResult:
    """An eagerly read result: SELECT rows, an ASK boolean, or CONSTRUCT triples."""

    variables: tuple[str, ...] = ()
    rows: tuple[tuple[object, ...], ...] = ()
    boolean: bool | None = None
    triples: tuple[ox.Triple, ...] = ()


def select(store: Store, sparql: str, bindings: Mapping[str, object] | None = None) -> QueryResult:
    """Run ``sparql`` and read every result now, so errors surface here and not while iterating."""
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


def format_result(result: QueryResult, fmt: str) -> str:
    """Render a result for the terminal (``table``) or for other programs (csv, tsv, json)."""
    if fmt not in FORMATS:
        raise InputError(E008.format(what="query format", value=fmt, choices=", ".join(FORMATS)))
    if result.boolean is not None:
        return json.dumps({"boolean": result.boolean}) if fmt == "json" else str(result.boolean).lower()
    if result.triples:
        return "\n".join(f"{t.subject} {t.predicate} {t.object} ." for t in result.triples)
    header = list(result.variables)
    rows = [[_text(term) for term in row] for row in result.rows]
    if fmt == "json":
        return json.dumps([dict(zip(header, row)) for row in rows], ensure_ascii=False, indent=1)
    if fmt in ("csv", "tsv"):
        out = io.StringIO()
        writer = csv.writer(out, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
        return out.getvalue().rstrip("\n")
    return _table(header, rows)


def _table(header: list[str], rows: list[list[str]], width: int = 60) -> str:
    cells = [[c if len(c) <= width else c[: width - 1] + "…" for c in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(header)]
    line = lambda values: "  ".join(v.ljust(w) for v, w in zip(values, widths)).rstrip()  # noqa: E731
    out = [line(header), line(["-" * w for w in widths])]
    out += [line(r) for r in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)
