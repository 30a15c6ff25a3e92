"""``graphbuild stats``: what the store holds."""

from __future__ import annotations

import click

from ._options import echo_json, format_option, store_option


@click.command("stats")
@format_option("text", "json")
@store_option
def command(fmt, store):
    """Counts of documents, entities by class and relations by property (as prefixed names,
    e.g. gb:callsFor: what you type in a query)."""
    from ..graph import KnowledgeGraph

    with KnowledgeGraph.open(store, read_only=True) as kg:
        stats = kg.stats()
    if fmt == "json":
        echo_json(stats)
        return
    click.echo(f"documents: {stats['documents']}   quads: {stats['quads']}   "
               f"asserted relations: {stats['asserted_relations']}")
    click.echo("entities by class:")
    for name, count in stats["entities"].items():
        click.echo(f"  {name:<24} {count}")
    click.echo("relations by property (statements, asserted):")
    for name, counts in stats["relations"].items():
        click.echo(f"  {name:<24} {counts['statements']:>5} {counts['asserted']:>5}")
