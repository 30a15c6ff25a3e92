"""``graphbuild remove``: take documents out of the store by their source."""

from __future__ import annotations

import click

from ._options import store_option


@click.command("remove")
@click.argument("sources", nargs=-1, required=True)
@store_option
def command(sources, store):
    """Remove the documents read from SOURCES: files (deleted ones too), folders, .jsonl files,
    or source names as stored (gb:source).

    All in one transaction; if one SOURCE matches no stored document, nothing is removed.
    Example: graphbuild remove articles/old-report.txt
    """
    from ..graph import KnowledgeGraph

    with KnowledgeGraph.open(store) as kg:
        click.echo(kg.remove(sources).summary())
