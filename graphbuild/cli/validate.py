"""``graphbuild validate``: check the store against the SHACL shapes; exit status 1 if it does not conform."""

from __future__ import annotations

import sys

import click

from ._options import echo_json, format_option, store_option


@click.command("validate")
@store_option
@click.option("--shapes", type=click.Path(dir_okay=False, exists=True), default=None,
              help="SHACL shapes file [default: graphbuild's graphbuild/ontologies/shapes.ttl].")
@click.option("--all", "all_graphs", is_flag=True,
              help="Check every document graph again, not only those changed since the last validation.")
@format_option("text", "json")
def command(store, shapes, all_graphs, fmt):
    """Validate the document graphs with SHACL: labels and classes of entities, provenance of
    statements, document metadata, declared properties.

    Graphs unchanged since the last validation (same content, shapes and ontology) keep their
    recorded result; --all checks them all again. Prints each violation; exits with status 1
    when the graph does not conform.
    """
    from ..graph import KnowledgeGraph

    with KnowledgeGraph.open(store, read_only=True) as kg:
        report = kg.validate(shapes, all_graphs=all_graphs)
    if fmt == "json":
        echo_json(report)
    else:
        click.echo(report.text)
    if not report.conforms:
        sys.exit(1)
