"""``graphbuild remove``: take documents out of the store by their source."""

from __future__ import annotations

import click

from ._options import echo_json, format_option, store_option


@click.command("remove")
@click.argument("sources", nargs=-1, required=True)
@store_option
@format_option("text", "json")
def command(sources, store, fmt):
    """Remove the documents read from SOURCES: files (deleted ones too), folders, .jsonl files,
    or source names as stored (gb:source).

    All in one transaction; if one SOURCE matches no stored document, nothing is removed.
    Example: graphbuild remove articles/old-report.txt
    """
    from pathlib import Path

    from ..errors import E002, StoreError
    from ..graph import KnowledgeGraph

    if not (Path(store) / "CURRENT").exists():  # never create an empty store just to remove from it
        raise StoreError(E002.format(path=store, cause="no graphbuild store there yet (run 'graphbuild build' first)"))
    with KnowledgeGraph.open(store) as kg:
        report = kg.remove(sources)
    if fmt == "json":
        echo_json(report)
        return
    click.echo(f"removed {report.graphs} document{'s' if report.graphs != 1 else ''}")
    for source in report.sources:
        click.echo(f"  {_shown(source)}")


def _shown(source: str) -> str:
    """A source under the working folder, relative to it (as the user named it)."""
    import os

    here = os.getcwd() + os.sep
    return source[len(here):] if source.startswith(here) else source
