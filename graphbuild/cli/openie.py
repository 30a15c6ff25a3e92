"""``graphbuild openie``: open-IE tuples of a text file, in CaRB's system format or readable."""

from __future__ import annotations

import click


@click.command("openie")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(["carb", "text"]), default="carb", show_default=True,
              help="carb: sentence, confidence, relation, arguments, tab-separated; text: readable.")
@click.option("--model", default=None, help="spaCy pipeline to use (default: en_core_web_sm).")
def command(file, fmt, model):
    """Extract open-IE tuples from FILE with the graph's clause rules (CaRB system format).

    Each non-empty line is parsed on its own and named as the tuple's sentence."""
    from ..openie import openie_file

    for found in openie_file(file, model=model):
        if fmt == "carb":
            click.echo(found.carb())
        else:
            click.echo(f"{found.confidence:.2f}  ({'; '.join((found.arguments[0], found.relation, *found.arguments[1:]))})")
