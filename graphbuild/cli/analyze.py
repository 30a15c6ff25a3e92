"""``graphbuild analyze``: central entities, communities, and how two entities are connected."""

from __future__ import annotations

import click

from ._options import echo_json, format_option, store_option


@click.command("analyze")
@store_option
@click.option("--top", default=10, show_default=True, type=click.IntRange(1), help="How many entities and communities to list.")
@click.option("--path", "path", nargs=2, metavar="A B", default=None,
              help="Show how entities A and B are connected (labels, aliases or IRIs).")
@format_option("text", "json")
def command(store, top, path, fmt):
    """Analyse the entity network with networkx.

    Example: graphbuild analyze --path China Taliban
    """
    from ..analyze import format_analysis, format_path
    from ..graph import KnowledgeGraph

    with KnowledgeGraph.open(store, read_only=True) as kg:
        result = kg.path(*path) if path else kg.analyze(top=top)
    if fmt == "json":
        echo_json(result)
    else:
        click.echo(format_path(result) if path else format_analysis(result))
