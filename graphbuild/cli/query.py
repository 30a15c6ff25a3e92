"""``graphbuild query``: SPARQL over the store, printed as a table, CSV, TSV or SPARQL JSON results."""

from __future__ import annotations

import sys

import click

from ..errors import E022
from ..limits import DEFAULT_MAX_ROWS
from ._options import format_option, query_file_option, read_query, store_option, width_options


@click.command("query")
@click.argument("sparql", required=False)
@query_file_option
@format_option("table", "csv", "tsv", "json")
@width_options
@click.option("--max-rows", default=DEFAULT_MAX_ROWS, show_default=True, type=click.IntRange(0),
              help="Write at most this many rows (0: no cap); a larger result is cut there, with exit status 1.")
@store_option
def command(sparql, query_file, fmt, width, no_truncate, max_rows, store):
    """Run a SPARQL query over the union of all document graphs.

    Prefixes rdf, rdfs, owl, xsd, skos, schema, prov, nif, gb and gbr are declared for you;
    'graphbuild vocab' lists the terms in use. --format json is the SPARQL 1.1 JSON results format.
    Rows are written as they come (the table waits for all of them), at most --max-rows.

    Example: graphbuild query 'SELECT ?o WHERE { ?s gb:supports ?o }'
    """
    from ..graph import KnowledgeGraph

    if (sparql is None) == (query_file is None):
        raise click.UsageError("give either a SPARQL query or -f FILE ('-' for standard input), not both and not neither")
    if query_file is not None:
        sparql = read_query(query_file)
    with KnowledgeGraph.open(store, read_only=True) as kg:
        written = kg.write_query(sys.stdout, sparql, fmt, width=None if no_truncate else width,
                                 max_rows=max_rows or None)
    if written.truncated:
        raise click.ClickException(E022.format(limit=max_rows))
