"""``graphbuild eval``: score the built graph against gold facts."""

from __future__ import annotations

import click

from ._options import echo_json, format_option, store_option


@click.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@format_option("text", "json")
@store_option
def command(gold, fmt, store):
    """Precision, recall and F1 of the graph's asserted facts against GOLD (JSON Lines of
    subject/relation/object labels, optional "negative": true), then each miss and wrong fact."""
    from ..graph import KnowledgeGraph

    with KnowledgeGraph.open(store, read_only=True) as kg:
        report = kg.evaluate(gold)
    if fmt == "json":
        echo_json(report)
    else:
        click.echo(report.summary())
