"""``graphbuild query``: SPARQL over the store, printed as a table, CSV, TSV or SPARQL JSON results."""

from __future__ import annotations

import click

from ._options import format_option, query_file_option, read_query, store_option, width_options


@click.command("query")
@click.argument("sparql", required=False)
@query_file_option
@format_option("table", "csv", "tsv", "json")
@width_options
@store_option
def command(sparql, query_file, fmt, width, no_truncate, store):
    """Run a SPARQL query over the union of all document graphs.

    Prefixes rdf, rdfs, owl, xsd, skos, schema, prov, nif, gb and gbr are declared for you;
    'graphbuild vocab' lists the terms in use. --format json is the SPARQL 1.1 JSON results format.

    Example: graphbuild query 'SELECT ?o WHERE { ?s gb:supports ?o }'
    """
    from ..graph import KnowledgeGraph
    from ..query import format_result

    if (sparql is None) == (query_file is None):
        raise click.UsageError("give either a SPARQL query or -f FILE ('-' for standard input), not both and not neither")
    if query_file is not None:
        sparql = read_query(query_file)
    with KnowledgeGraph.open(store, read_only=True) as kg:
        result = kg.select(sparql)
    click.echo(format_result(result, fmt, width=None if no_truncate else width))
