"""The interactive graph viewer: one self-contained HTML page drawn with vis-network.

Modules, in the order a render runs them: :mod:`.data` reads entities, relations and statements
from the store; :mod:`.select` picks what to draw (CONSTRUCT query, focus and hops, max nodes);
:mod:`.layout` computes positions; :mod:`.payload` packs the page's data; :mod:`.page` assembles
the HTML from ``viewer.html``, ``viewer.css``, ``viewer.js`` and pyvis's vis-network build;
:mod:`.render` ties them together.
"""

from .render import NotebookView, RenderReport, render_graph, show_graph

__all__ = ["NotebookView", "RenderReport", "render_graph", "show_graph"]
