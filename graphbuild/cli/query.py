"""``graphbuild query``: SPARQL over the store, printed as a table, CSV, TSV or JSON."""

from __future__ import annotations

import click

from ._options import store_option


@click.command("query")
@click.argument("sparql", required=False)
@click.option("-f", "--file", "query_file", type=click.Path(dir_okay=False), help="Read the query from FILE.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table",
              show_default=True)
@store_option
def command(sparql, query_file, fmt, store):
    """Run a SPARQL query over the union of all document graphs.

    Prefixes rdf, rdfs, owl, xsd, skos, schema, prov, nif, gb and gbr are declared for you.

    Example: graphbuild query 'SELECT ?o WHERE { ?s gb:supports ?o }'
    """
    from ..errors import E011, InputError
    from ..query import format_result, select
    from ..store import Store

    if (sparql is None) == (query_file is None):
        raise click.UsageError("give either a SPARQL query or -f FILE, not both and not neither")
    if query_file is not None:
        try:
            with open(query_file, encoding="utf-8") as handle:
                sparql = handle.read()
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(E011.format(path=query_file, cause=getattr(exc, "strerror", None) or exc)) from exc
    with Store(store, read_only=True) as opened:
        click.echo(format_result(select(opened, sparql), fmt))
