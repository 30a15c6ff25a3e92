"""Render the graph in a store as one HTML page, to a file or inline in a notebook."""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

from ..atomic import atomic_write
from ..errors import E007, OutputError
from ..store import Store
from .data import document_titles, load_graph
from .layout import layout
from .page import build_page
from .payload import build_payload
from .select import choose, from_construct

__all__ = ["NotebookView", "RenderReport", "page_html", "render_graph", "show_graph"]



def default_title(store: Store) -> str:
    """The page title when the user gives none: the document's title, or how many documents."""
    titles = document_titles(store)
    if len(titles) == 1:
        return f"{titles[0]}: knowledge graph"
    return f"Knowledge graph of {len(titles)} documents" if titles else "Knowledge graph"


@dataclass(frozen=True)
class RenderReport:
    """What a render drew: entities and relations on the page, entities left out, where it went."""

    nodes: int
    edges: int
    left_out: int
    path: Path | None = None

    def summary(self) -> str:
        where = f"wrote {self.path}: " if self.path else ""
        left = f" ({self.left_out} left out)" if self.left_out else ""
        return f"{where}{self.nodes} nodes{left}, {self.edges} edges"


def page_html(store: Store, *, title: str | None = None, focus: str | None = None, hops: int = 1,
              construct: str | None = None, max_nodes: int | None = None,
              show_uncertain: bool = False) -> tuple[str, RenderReport]:
    """The viewer page for ``store`` and a report of what it draws (see :func:`render_graph`)."""
    graph = load_graph(store)
    if construct is not None:
        graph = from_construct(store, construct, graph)
    selection = choose(graph, focus=focus, hops=hops, max_nodes=max_nodes, include_uncertain=show_uncertain)
    drawn = selection.graph
    index = {iri: i for i, iri in enumerate(drawn.entities)}
    positions = layout(len(index), [(index[r.source], index[r.target]) for r in drawn.relations])
    title = title if title is not None else default_title(store)
    payload = build_payload(selection, positions, title=title, show_uncertain=show_uncertain, focus=focus,
                            hops=hops, max_nodes=max_nodes, from_query=construct is not None)
    report = RenderReport(nodes=len(drawn.entities), edges=len(drawn.relations), left_out=selection.left_out)
    return build_page(payload, title), report


def render_graph(store: Store, path: Path, *, title: str | None = None, focus: str | None = None,
                 hops: int = 1, construct: str | None = None, max_nodes: int | None = None,
                 show_uncertain: bool = False) -> RenderReport:
    """Write the interactive network of ``store`` to ``path`` as one self-contained HTML file.

    ``focus`` (a label or alias) with ``hops`` draws only its neighbourhood; ``construct`` (a SPARQL
    CONSTRUCT query) draws the triples it returns; ``max_nodes`` keeps the most connected entities
    and the page says how many were left out; ``show_uncertain`` shows negated, hedged and
    attributed relations (dashed) when the page opens, instead of leaving them to the toggle.
    ``title`` (escaped like all text) defaults to the document's title or the number of documents.

    >>> import tempfile
    >>> from graphbuild.store import Store
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     render_graph(Store(None), Path(folder) / "graph.html").nodes
    0
    """
    text, report = page_html(store, title=title, focus=focus, hops=hops, construct=construct,
                             max_nodes=max_nodes, show_uncertain=show_uncertain)
    path = Path(path)
    try:
        with atomic_write(path, "w", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as exc:
        raise OutputError(E007.format(path=path, cause=exc.strerror or exc)) from exc
    return RenderReport(report.nodes, report.edges, report.left_out, path)


class NotebookView:
    """The viewer inline in a notebook: a sandboxed ``<iframe srcdoc>`` that Jupyter displays.

    Works without IPython (Jupyter calls :meth:`_repr_html_`); ``display()`` shows it explicitly.
    """

    def __init__(self, page: str, report: RenderReport, height: int = 640) -> None:
        self.page = page
        self.report = report
        self.height = height

    def _repr_html_(self) -> str:
        return (f'<iframe srcdoc="{html.escape(self.page, quote=True)}" sandbox="allow-scripts" '
                f'style="width:100%;height:{int(self.height)}px;border:1px solid #ddd" '
                f'title="graphbuild graph"></iframe>')

    def display(self) -> None:
        """Show the viewer now (needs IPython, imported only here)."""
        from IPython.display import HTML, display

        display(HTML(self._repr_html_()))

    def __repr__(self) -> str:
        return f"<graphbuild viewer: {self.report.summary()}>"


def show_graph(store: Store, *, height: int = 640, **options) -> NotebookView:
    """The viewer for a notebook cell; takes :func:`render_graph`'s options (and ``height``)."""
    page, report = page_html(store, **options)
    return NotebookView(page, report, height)
