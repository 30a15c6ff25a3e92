"""``graphbuild eval``: score the built graph against gold facts."""

from __future__ import annotations

import click

from ._options import store_option


@click.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@store_option
def command(gold, as_json, store):
    """Precision, recall and F1 of the graph's asserted facts against GOLD (JSON Lines of
    subject/relation/object labels, optional "negative": true), then each miss and wrong fact."""
    import dataclasses
    import json

    from ..evaluate import evaluate
    from ..store import Store

    with Store(store, read_only=True) as opened:
        report = evaluate(opened, gold)
    if as_json:
        click.echo(json.dumps(dataclasses.asdict(report), indent=1, default=str))
    else:
        click.echo(report.summary())
