"""GraphML for Gephi, Cytoscape and yEd: entities as nodes, asserted relations as edges.

Attributes come from :func:`graphbuild.networkx_view.entity_graph`. GraphML holds only
scalars, so the alias list is joined with ``"; "`` and a missing category becomes ``""``.
"""

from __future__ import annotations

import networkx as nx

from . import Exporter

ALIAS_SEPARATOR = "; "


def graphml_ready(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A sorted copy of ``graph`` that GraphML can hold: scalar attributes, unique edge ids.

    Edge keys (property IRIs) repeat across edges, and GraphML ids must be unique, so edges
    get ids ``e0, e1, ...``; the property stays in the ``property`` attribute.
    """
    ready = nx.MultiDiGraph()
    for node, data in sorted(graph.nodes(data=True)):
        ready.add_node(node, **{key: _scalar(value) for key, value in data.items()})
    edges = sorted(graph.edges(keys=True, data=True), key=lambda e: e[:3])
    for number, (source, target, _key, data) in enumerate(edges):
        ready.add_edge(source, target, key=f"e{number}", **{k: _scalar(v) for k, v in data.items()})
    return ready


def _scalar(value):
    if isinstance(value, (list, tuple, set)):
        return ALIAS_SEPARATOR.join(map(str, value))
    if value is None:
        return ""
    return value


def write_graphml(store, out) -> None:
    """Write the entity graph of ``store`` to the binary stream ``out`` as GraphML."""
    from ..networkx_view import entity_graph

    nx.write_graphml(graphml_ready(entity_graph(store)), out, encoding="utf-8")


EXPORTERS = [Exporter("graphml", write_graphml, "graphml", description="GraphML entity network (Gephi, Cytoscape)")]
