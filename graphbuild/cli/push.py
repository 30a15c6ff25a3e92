"""``graphbuild push``: send every document graph to another graph store."""

from __future__ import annotations

import click

from ._options import echo_json, format_option, store_option


@click.command("push")
@click.argument("url")
@store_option
@click.option("--graph", "graph", default=None, metavar="IRI", help="Push only this named graph.")
@click.option("--via", type=click.Choice(["gsp", "update"]), default="gsp", show_default=True,
              help="gsp: Graph Store Protocol PUT per graph (URL = graph store endpoint); "
                   "update: SPARQL Update (URL = update endpoint).")
@click.option("--token", envvar="GRAPHBUILD_PUSH_TOKEN", help="Bearer token [env GRAPHBUILD_PUSH_TOKEN].")
@click.option("--user", help="User name for HTTP Basic or Digest authentication (password from --password, "
              "GRAPHBUILD_PUSH_PASSWORD, or a prompt).")
@click.option("--password", envvar="GRAPHBUILD_PUSH_PASSWORD", help="Password for --user.")
@click.option("--timeout", default=60.0, show_default=True, type=float, help="Seconds to wait for each request.")
@click.option("--batch", default=1000, show_default=True, type=click.IntRange(1),
              help="With --via update: most triples per request (a larger graph goes in several).")
@format_option("text", "json")
def command(url, store, graph, via, token, user, password, timeout, batch, fmt):
    """Push the graphs to the store at URL; pushing again replaces them, never duplicates.

    \b
    Examples:
      graphbuild push http://localhost:7878/store                 (Oxigraph)
      graphbuild push http://localhost:3030/ds/data --user admin  (Apache Jena Fuseki)
      graphbuild push http://localhost:7878/update --via update

    A target that should answer queries over all graphs (as 'graphbuild query' does) must union
    its named graphs: 'oxigraph serve --union-default-graph', for example.
    With --format json the report (every graph's status) is printed whether or not all were pushed.
    """
    from ..graph import KnowledgeGraph

    if user and password is None:
        password = click.prompt(f"password for {user}", hide_input=True, default="", show_default=False)
    with KnowledgeGraph.open(store, read_only=True) as kg:
        report = kg.push(url, graph=graph, token=token, user=user, password=password, via=via,
                         timeout=timeout, batch=batch)
    if fmt == "json":
        echo_json(report.as_dict())
    elif report.ok:
        click.echo(report.text())
    report.raise_for_failure()
