"""``graphbuild stats``: what the store holds."""

from __future__ import annotations

import click

from ._options import store_option


@click.command("stats")
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
@store_option
def command(as_json, store):
    """Counts of documents, entities by class and relations by property."""
    import json

    from ..stats import store_stats
    from ..store import Store

    with Store(store, read_only=True) as opened:
        stats = store_stats(opened)
    if as_json:
        click.echo(json.dumps(stats, indent=1))
        return
    click.echo(f"documents: {stats['documents']}   quads: {stats['quads']}")
    click.echo("entities by class:")
    for name, count in stats["entities"].items():
        click.echo(f"  {name:<24} {count}")
    click.echo("relations by property (statements, asserted):")
    for name, counts in stats["relations"].items():
        click.echo(f"  {name:<24} {counts['statements']:>5} {counts['asserted']:>5}")
