"""Write a query's results to a stream as they come, never holding more than ``max_rows`` of them.

``graphbuild query`` uses this: CSV, TSV, SPARQL JSON results and N-Triples are written row by
row while the engine produces them; the table (which must measure its columns first) and
JSON-LD hold at most ``max_rows`` rows. When the result has more rows than ``max_rows``, the
output ends well-formed after that many and :class:`QueryOutput` says it was cut.

>>> import io
>>> from graphbuild.store import Store
>>> out = io.StringIO()
>>> write_result(Store(None), "SELECT ?n WHERE { VALUES ?n { 1 2 3 } }", out, "csv", max_rows=2)
QueryOutput(rows=2, truncated=True)
>>> print(out.getvalue(), end="")
n
1
2
"""

from __future__ import annotations

import csv
import itertools
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TextIO

import pyoxigraph as ox

from .errors import E005, E008, E024, InputError, QueryError
from .query import FORMATS, _check_bindings, _short_text, _text, format_table, json_term
from .sparql_names import check_names
from .store import Store

__all__ = ["QueryOutput", "write_result"]


@dataclass(frozen=True)
class QueryOutput:
    """How many rows (or triples) were written, and whether the result had more."""

    rows: int
    truncated: bool = False


def write_result(store: Store, sparql: str, out: TextIO, fmt: str = "table", *, width: int | None = 60,
                 max_rows: int | None = None, bindings: Mapping[str, object] | None = None) -> QueryOutput:
    """Run ``sparql`` and write its results to ``out`` in ``fmt`` (table, csv, tsv or json),
    at most ``max_rows`` rows (``None``: all of them, streamed except for the table)."""
    if fmt not in FORMATS:
        raise InputError(E008.format(what="query format", value=fmt, choices=", ".join(FORMATS)))
    if max_rows is not None and (isinstance(max_rows, bool) or not isinstance(max_rows, int) or max_rows < 1):
        raise InputError(E024.format(name="max_rows", value=max_rows))
    check_names(sparql)
    results = store.query(sparql, bindings)
    try:
        if isinstance(results, ox.QueryBoolean):
            value = bool(results)
            out.write((json.dumps({"head": {}, "boolean": value}) if fmt == "json" else str(value).lower()) + "\n")
            return QueryOutput(rows=1)
        if isinstance(results, ox.QueryTriples):
            return _write_triples(results, out, fmt, max_rows)
        variables = [v.value for v in results.variables]
        _check_bindings(variables, bindings, sparql)
        rows, more = _capped((tuple(solution[v] for v in variables) for solution in results), max_rows)
        writer = {"table": _write_table, "json": _write_json}.get(fmt, _write_delimited)
        written = writer(variables, rows, out, fmt=fmt, width=width, truncated=more)
        return QueryOutput(rows=written, truncated=more())
    except OSError as exc:  # evaluation errors raised lazily by the engine
        raise QueryError(E005.format(cause=exc)) from exc


def _capped(items: Iterable, limit: int | None) -> tuple[Iterator, Callable[[], bool]]:
    """``items`` cut after ``limit``, and a function telling (once they are read) whether more came."""
    iterator = iter(items)
    if limit is None:
        return iterator, lambda: False
    cut = itertools.islice(iterator, limit)
    state: dict[str, bool] = {}

    def more() -> bool:
        if "more" not in state:
            state["more"] = next(iterator, None) is not None
        return state["more"]
    return cut, more


def _write_delimited(variables, rows, out: TextIO, *, fmt: str, **_) -> int:
    writer = csv.writer(out, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
    writer.writerow(variables)
    count = 0
    for row in rows:
        writer.writerow([_text(term) for term in row])
        count += 1
    return count


def _write_json(variables, rows, out: TextIO, **_) -> int:
    """SPARQL 1.1 JSON results, one binding a line."""
    out.write(json.dumps({"head": {"vars": variables}})[:-1] + ', "results": {"bindings": [')
    count = 0
    for row in rows:
        binding = {name: json_term(term) for name, term in zip(variables, row) if term is not None}
        out.write(("," if count else "") + "\n " + json.dumps(binding, ensure_ascii=False))
        count += 1
    out.write("\n]}}\n")
    return count


def _write_table(variables, rows, out: TextIO, *, width: int | None, truncated, **_) -> int:
    cells = [[_short_text(term) for term in row] for row in rows]
    table = format_table(list(variables), cells, width=width)
    if truncated():
        table = table.rsplit("\n", 1)[0] + f"\n(first {len(cells)} rows; the result has more)"
    out.write(table + "\n")
    return len(cells)


def _write_triples(triples: ox.QueryTriples, out: TextIO, fmt: str, max_rows: int | None) -> QueryOutput:
    cut, more = _capped(triples, max_rows)
    if fmt == "json":  # JSON-LD is one document: serialised whole, at most max_rows triples
        kept = list(cut)
        out.write(ox.serialize(kept, format=ox.RdfFormat.JSON_LD).decode("utf-8") + "\n")
        return QueryOutput(rows=len(kept), truncated=more())
    count = 0
    for triple in cut:
        out.write(f"{triple.subject} {triple.predicate} {triple.object} .\n")
        count += 1
    return QueryOutput(rows=count, truncated=more())
