"""Node-link JSON (networkx's ``node_link_data``, as d3 and many web tools read it).

``{"directed": true, "multigraph": true, "nodes": [{"id": IRI, "label", "type", ...}],
"edges": [{"source", "target", "key": property IRI, "label", ...}]}``; aliases stay lists. The
keys are networkx's defaults (3.4 and later), so ``nx.node_link_graph(data)`` reads it as is.
"""

from __future__ import annotations

import json

import networkx as nx

from . import Exporter


def write_nodelink(store, out) -> None:
    """Write the entity graph of ``store`` to the binary stream ``out`` as node-link JSON."""
    from ..networkx_view import entity_graph

    data = nx.node_link_data(entity_graph(store), edges="edges")
    data["nodes"].sort(key=lambda node: node["id"])
    data["edges"].sort(key=lambda edge: (edge["source"], edge["target"], edge["key"]))
    out.write(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8"))
    out.write(b"\n")


EXPORTERS = [Exporter("json", write_nodelink, "json", description="node-link JSON entity network (networkx, d3)")]
