"""``graphbuild analyze``: central entities, communities, and how two entities are connected."""

from __future__ import annotations

import json

import click

from ._options import store_option


@click.command("analyze")
@store_option
@click.option("--top", default=10, show_default=True, type=click.IntRange(1), help="How many entities and communities to list.")
@click.option("--path", "path", nargs=2, metavar="A B", default=None,
              help="Show how entities A and B are connected (labels, aliases or IRIs).")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def command(store, top, path, as_json):
    """Analyse the entity network with networkx.

    Example: graphbuild analyze --path China Taliban
    """
    from ..analyze import analyze, find_path, format_analysis, format_path
    from ..networkx_view import entity_graph
    from ..store import Store

    with Store(store, read_only=True) as opened:
        graph = entity_graph(opened)
    if path:
        hops = find_path(graph, *path)
        click.echo(json.dumps(hops, ensure_ascii=False, indent=1) if as_json else format_path(hops))
        return
    result = analyze(graph, top=top)
    click.echo(json.dumps(result, ensure_ascii=False, indent=1) if as_json else format_analysis(result))
