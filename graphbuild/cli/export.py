"""``graphbuild export``: write the store in an RDF or graph format."""

from __future__ import annotations

import click

from ._options import store_option


def _format_choices() -> list[str]:
    from ..exporters import format_names

    return format_names()


@click.command("export")
@click.option("--format", "fmt", default="turtle", show_default=True,
              help="turtle, ntriples, nquads, trig, jsonld, rdfxml, graphml, json (networkx node-link), "
                   "neo4j, or another registered format (see 'graphbuild export --list').")
@click.option("-o", "--output", type=click.Path(), help="File (or folder, for folder formats); default stdout.")
@click.option("--list", "list_formats", is_flag=True, help="List the export formats and exit.")
@store_option
def command(fmt, output, list_formats, store):
    """Export the graph; quad formats keep each document's named graph."""
    from ..graph import KnowledgeGraph

    if list_formats:
        click.echo("\n".join(_format_choices()))
        return
    with KnowledgeGraph.open(store, read_only=True) as kg:
        result = kg.export(output, format=fmt)
    if output is None:
        click.get_binary_stream("stdout").write(result)
    else:
        click.echo(f"wrote {result}", err=True)
