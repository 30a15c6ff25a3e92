"""``graphbuild vocab``: the classes and properties in the store, as you would write them in a query."""

from __future__ import annotations

import click

from ._options import echo_json, format_option, store_option, width_options


@click.command("vocab")
@click.option("--kind", type=click.Choice(["all", "class", "property"]), default="all", show_default=True,
              help="List classes, properties, or both.")
@format_option("table", "csv", "tsv", "json")
@width_options
@store_option
def command(kind, fmt, width, no_truncate, store):
    """List the classes and properties used in the store: prefixed name (what you type in a
    query), label, category (for relations: gb:support, gb:request, ...) and count (resources of a
    class, triples with a property). The ontology itself is in the store, in its own graph
    <https://graphbuild.org/ontology>.

    Example: graphbuild vocab --kind property
    """
    import csv
    import io

    from ..graph import KnowledgeGraph
    from ..query import format_table

    with KnowledgeGraph.open(store, read_only=True) as kg:
        terms = [t for t in kg.vocab() if kind in ("all", t.kind)]
    if fmt == "json":
        echo_json([t.as_dict() for t in terms])
        return
    header = ["kind", "term", "label", "category", "count"]
    rows = [[t.kind, t.name, t.label, t.category or "", str(t.count)] for t in terms]
    if fmt == "table":
        click.echo(format_table(header, rows, width=None if no_truncate else width))
        return
    out = io.StringIO()
    writer = csv.writer(out, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
    writer.writerows([header, *rows])
    click.echo(out.getvalue(), nl=False)
