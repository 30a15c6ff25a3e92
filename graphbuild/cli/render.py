"""``graphbuild render``: write the interactive HTML network of the store."""

from __future__ import annotations

import dataclasses
import sys
import time

import click

from ._options import echo_json, format_option, query_file_option, read_query, store_option


@click.command("render")
@store_option
@click.option("-o", "--output", default="graph.html", show_default=True, type=click.Path(dir_okay=False),
              help="Where to write the HTML page.")
@click.option("--title", default=None, help="Title and heading of the page [default: from the documents].")
@click.option("--focus", default=None, metavar="LABEL", help="Draw only this entity (label or alias) and its neighbourhood.")
@click.option("--hops", default=1, show_default=True, type=click.IntRange(min=0),
              help="With --focus: how many relations away from it to draw.")
@click.option("--query", "query", default=None, metavar="SPARQL",
              help="Draw the triples of this SPARQL CONSTRUCT query.")
@query_file_option
@click.option("--max-nodes", default=None, type=click.IntRange(min=1),
              help="Keep only the N most connected entities in the page [default: 5,000, all with "
                   "--focus]; the page says how many were left out.")
@click.option("--budget", default=None, type=click.IntRange(min=1),
              help="How many entities the page shows when it opens [default: 200, all with --focus]; "
                   "'show more' adds the next ones.")
@click.option("--force", is_flag=True,
              help="Write the page even when the store has not changed since it was written.")
@click.option("--show-uncertain", is_flag=True,
              help="Show negated, hedged and attributed relations (dashed) when the page opens.")
@format_option("text", "json")
def command(store, output, title, focus, hops, query, query_file, max_nodes, budget, force, show_uncertain, fmt):
    """Write the graph as one self-contained, interactive HTML page (no network access needed).

    It opens on the most connected named entities; search, double-click a node to add its
    neighbours, click an edge to read the sentences behind it. The page is left alone when the
    store has not changed since it was written (--force writes it again).
    Example: graphbuild render --focus Pakistan --hops 2 -o pakistan.html
    """
    started = time.perf_counter()
    from ..errors import E104, InputError
    from ..graph import KnowledgeGraph

    hops_given = click.get_current_context().get_parameter_source("hops") != click.core.ParameterSource.DEFAULT
    if hops_given and focus is None:
        raise InputError(E104.format(option="--hops", rule="given with --focus LABEL", value="alone"))
    if query is not None and query_file is not None:
        raise click.UsageError("give the CONSTRUCT query either with --query or with -f FILE, not both")
    if query_file is not None:
        query = read_query(query_file)
    with KnowledgeGraph.open(store, read_only=True) as kg:
        report = kg.render(output, title=title, focus=focus, hops=hops, construct=query, max_nodes=max_nodes,
                           show_uncertain=show_uncertain, budget=budget, force=force,
                           progress=_progress(started) if sys.stderr.isatty() else None)
    seconds = round(time.perf_counter() - started, 1)
    if fmt == "json":
        echo_json({**dataclasses.asdict(report), "seconds": seconds})
    else:
        click.echo(report.summary())
        click.echo(f"seconds: {seconds}")


def _progress(started: float):
    """Prints each step of the render to the terminal, with the seconds since the command began."""
    def step(name: str) -> None:
        click.echo(f"[{time.perf_counter() - started:5.1f} s] {name}", err=True)
    return step
