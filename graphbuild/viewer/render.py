"""Render the graph in a store as one HTML page, to a file or inline in a notebook."""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

from ..atomic import atomic_write
from ..errors import E007, OutputError
from ..store import Store
from .data import document_titles, load_graph

try:  # the store reads that fill in statements after choosing (viewer.data, from the read-speed work)
    from .data import with_statements
except ImportError:  # until then every statement is read with the graph
    with_statements = None
from .layout import page_layout
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


_DOCUMENT_VERSIONS = """
SELECT ?d ?hash WHERE { GRAPH ?d { ?d a gb:Document . OPTIONAL { ?d gb:contentHash ?hash } } } ORDER BY ?d
"""
_STAMP = re.compile(r'<meta name="graphbuild-render" content="([^"]*)">')


@dataclass(frozen=True)
class RenderReport:
    """What a render drew: entities on the page (``first`` of them shown when it opens), asserted
    relations between them, entities left out, where it went, and whether it was already up to date."""

    nodes: int
    edges: int
    left_out: int
    path: Path | None = None
    first: int = 0
    unchanged: bool = False

    def summary(self) -> str:
        if self.unchanged:
            return (f"{self.path} is up to date: the store has not changed since it was written "
                    "(--force writes it again)")
        where = f"wrote {self.path}: " if self.path else ""
        left = f", {self.left_out} left out" if self.left_out else ""
        first = f" ({self.first} shown first{left})" if self.first < self.nodes or self.left_out else ""
        return f"{where}{self.nodes} entities{first}, {self.edges} relations"


def page_html(store: Store, *, title: str | None = None, focus: str | None = None, hops: int = 1,
              construct: str | None = None, max_nodes: int | None = None, show_uncertain: bool = False,
              budget: int | None = None, progress: Callable[[str], None] | None = None,
              stamp: str = "") -> tuple[str, RenderReport]:
    """The viewer page for ``store`` and a report of what it draws (see :func:`render_graph`)."""
    step = progress or (lambda _: None)
    step("reading the store")
    # the sentences behind relations are the bulk of a store: read them for the chosen relations only
    graph = load_graph(store, statements=False) if with_statements else load_graph(store)
    if construct is not None:
        graph = from_construct(store, construct, graph)
    step("choosing what to show")
    selection = choose(graph, focus=focus, hops=hops, max_nodes=max_nodes, include_uncertain=show_uncertain,
                       budget=budget)
    if with_statements:
        step("reading the sentences behind the chosen relations")
        selection = replace(selection, graph=with_statements(store, selection.graph))
    drawn = selection.graph
    index = {iri: i for i, iri in enumerate(drawn.entities)}
    counted = [r for r in drawn.relations if show_uncertain or r.asserted]
    step("laying out")
    positions, communities = page_layout(len(index), [(index[r.source], index[r.target]) for r in counted],
                                         [index[iri] for iri in selection.first])
    title = title if title is not None else default_title(store)
    step("writing the page")
    payload = build_payload(selection, positions, title=title, show_uncertain=show_uncertain, focus=focus,
                            hops=hops, max_nodes=max_nodes, from_query=construct is not None,
                            communities=communities)
    report = RenderReport(nodes=len(drawn.entities), edges=sum(r.asserted for r in drawn.relations),
                          left_out=selection.left_out, first=len(selection.first))
    return build_page(payload, title, stamp=stamp), report


def render_graph(store: Store, path: Path, *, title: str | None = None, focus: str | None = None,
                 hops: int = 1, construct: str | None = None, max_nodes: int | None = None,
                 show_uncertain: bool = False, budget: int | None = None, force: bool = False,
                 progress: Callable[[str], None] | None = None) -> RenderReport:
    """Write the interactive network of ``store`` to ``path`` as one self-contained HTML file.

    The page opens on the ``budget`` (default 200) most connected named entities; isolated ones
    and generic concepts wait behind toggles, "show more" and expanding a node add the rest.
    ``focus`` (a label or alias) with ``hops`` draws only its neighbourhood; ``construct`` (a SPARQL
    CONSTRUCT query) draws the triples it returns; ``max_nodes`` keeps the most connected entities
    (5,000 without a focus) and the page says how many were left out; ``show_uncertain`` shows
    negated, hedged and attributed relations (dashed) when the page opens, instead of leaving them
    to the toggle. ``title`` (escaped like all text) defaults to the document's title or the
    number of documents. ``progress`` is called with the name of each step.

    When ``path`` was written from the same documents with the same options and this version of
    the viewer, it is left alone and the report says ``unchanged``; ``force`` writes it anyway.

    >>> import tempfile
    >>> from graphbuild.store import Store
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     render_graph(Store(None), Path(folder) / "graph.html").nodes
    0
    """
    path = Path(path)
    options = {"title": title, "focus": focus, "hops": hops, "construct": construct, "max_nodes": max_nodes,
               "show_uncertain": show_uncertain, "budget": budget}
    stamp = render_stamp(store, options)
    if not force:
        previous = _read_stamp(path)
        if previous is not None and previous[0] == stamp:
            nodes, edges, left_out, first = previous[1]
            return RenderReport(nodes, edges, left_out, path, first, unchanged=True)
    text, report = page_html(store, progress=progress, stamp=stamp, **options)
    text = text.replace('content="' + stamp + '"', 'content="' + stamp + " " + ",".join(
        str(v) for v in (report.nodes, report.edges, report.left_out, report.first)) + '"', 1)
    try:
        with atomic_write(path, "w", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as exc:
        raise OutputError(E007.format(path=path, cause=exc.strerror or exc)) from exc
    return RenderReport(report.nodes, report.edges, report.left_out, path, report.first)


def render_stamp(store: Store, options: dict) -> str:
    """A digest of what a page is made from: each document graph and its content hash, the render
    options, and the viewer's own code (so a new version redraws)."""
    digest = hashlib.sha256()
    summary = getattr(store, "summary", None)  # the store summary's write stamps, where the store keeps one
    if summary is not None:
        versions = sorted(summary().graph_stamps().items())
    else:
        versions = [(row["d"].value, row["hash"].value if row["hash"] is not None else "")
                    for row in store.query(_DOCUMENT_VERSIONS)]
    for graph, version in versions:
        digest.update(f"{graph} {version}\n".encode())
    digest.update(json.dumps(options, sort_keys=True).encode())
    for name in ("viewer.js", "viewer.html", "viewer.css", "payload.py", "select.py", "layout.py", "render.py"):
        digest.update(resources.files(__package__).joinpath(name).read_bytes())
    return digest.hexdigest()[:32]


def _read_stamp(path: Path) -> tuple[str, tuple[int, int, int, int]] | None:
    """The stamp and counts in the head of a page graphbuild wrote, or None."""
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            head = handle.read(4096)
    except OSError:
        return None
    match = _STAMP.search(head)
    if not match:
        return None
    stamp, _, counts = match.group(1).partition(" ")
    try:
        values = tuple(int(v) for v in counts.split(","))
    except ValueError:
        return None
    return (stamp, values) if len(values) == 4 else None


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
