"""``graphbuild openie``: open-IE tuples of a text file, in CaRB's system format or readable."""

from __future__ import annotations

import dataclasses

import click

from ._options import echo_json, format_option


@click.command("openie")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@format_option("carb", "text", "json")
@click.option("--model", default=None, help="spaCy pipeline to use (default: en_core_web_sm).")
def command(file, fmt, model):
    """Extract open-IE tuples from FILE ('-': standard input) with the graph's clause rules.

    Each non-empty line is parsed on its own and named as the tuple's sentence. --format carb:
    sentence, confidence, relation, arguments, tab-separated (CaRB's system format); text:
    readable; json: a list of tuples."""
    from ..openie import openie_file

    if fmt == "json":
        echo_json([dataclasses.asdict(found) for found in openie_file(file, model=model)])
        return
    for found in openie_file(file, model=model):
        if fmt == "carb":
            click.echo(found.carb())
        else:
            click.echo(f"{found.confidence:.2f}  ({'; '.join((found.arguments[0], found.relation, *found.arguments[1:]))})")
