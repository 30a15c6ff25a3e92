"""Node-link JSON (networkx's ``node_link_data``, as d3 and many web tools read it).

``{"directed": true, "multigraph": true, "nodes": [{"id": IRI, "label", "type", ...}],
"links": [{"source", "target", "key": property IRI, "label", ...}]}``; aliases stay lists.
"""

from __future__ import annotations

import json

import networkx as nx

from . import Exporter


def write_nodelink(store, out) -> None:
    """Write the entity graph of ``store`` to the binary stream ``out`` as node-link JSON."""
    from ..networkx_view import entity_graph

    data = nx.node_link_data(entity_graph(store), edges="links")
    data["nodes"].sort(key=lambda node: node["id"])
    data["links"].sort(key=lambda link: (link["source"], link["target"], link["key"]))
    out.write(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8"))
    out.write(b"\n")


EXPORTERS = [Exporter("json", write_nodelink, "json", description="node-link JSON entity network (networkx, d3)")]
