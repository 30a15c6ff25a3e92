"""Network analysis of the entity graph (:func:`graphbuild.networkx_view.entity_graph`).

Graph-first functions with plain results: :func:`analyze` ranks central entities and finds
communities; :func:`find_path` says how two entities are connected, with the relation and its
direction on each hop.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> for node, label in [("c", "China"), ("p", "Pakistan"), ("t", "Taliban")]:
...     g.add_node(node, label=label, type="Country", aliases=[], mentions=1)
>>> g.add_edge("c", "p", key="gb:supports", label="supports", category="support", statements=1)
'gb:supports'
>>> g.add_edge("p", "t", key="gb:urges", label="urges", category="request", statements=1)
'gb:urges'
>>> print(format_path(find_path(g, "taliban", "China")))
Taliban <-urges- Pakistan <-supports- China
>>> analyze(g, top=1)["central"][0]["label"]
'Pakistan'
"""

from __future__ import annotations

import difflib

import networkx as nx

from .errors import E241, InputError

__all__ = ["analyze", "find_path", "format_analysis", "format_path", "resolve_entity"]

_EXACT_BETWEENNESS_LIMIT = 500  # related entities; above this, betweenness is estimated from a fixed sample (linear time)


def _simple(graph: nx.MultiDiGraph) -> nx.Graph:
    """Undirected simple graph; ``weight`` counts the relations between two entities."""
    simple = nx.Graph()
    simple.add_nodes_from(graph.nodes(data=True))
    for source, target in graph.edges():
        if source == target:
            continue
        if simple.has_edge(source, target):
            simple[source][target]["weight"] += 1
        else:
            simple.add_edge(source, target, weight=1)
    return simple


def analyze(graph: nx.MultiDiGraph, top: int = 10) -> dict:
    """Size, the ``top`` most central entities, and the ``top`` largest communities.

    Centrality is degree centrality on the undirected graph (how many other entities one is
    related to), with betweenness (how often it lies on shortest paths between others) beside
    it. Communities are greedy-modularity communities of at least two entities.
    """
    simple = _simple(graph)
    degree = nx.degree_centrality(simple) if len(simple) > 1 else {n: 0.0 for n in simple}
    betweenness = _betweenness(simple)
    ranked = sorted(simple, key=lambda n: (-degree[n], -betweenness[n], -graph.nodes[n].get("mentions", 0),
                                           _label(graph, n)))
    central = [{"id": n, "label": _label(graph, n), "type": graph.nodes[n].get("type", ""),
                "degree": simple.degree(n), "degree_centrality": round(degree[n], 4),
                "betweenness": round(betweenness[n], 4), "mentions": graph.nodes[n].get("mentions", 0)}
               for n in ranked[:top]]
    connected = simple.subgraph([n for n in simple if simple.degree(n) > 0])
    groups = nx.community.greedy_modularity_communities(connected, weight="weight") if len(connected) else []
    groups = sorted((sorted(g, key=lambda n: (-simple.degree(n), _label(graph, n))) for g in groups if len(g) > 1),
                    key=lambda g: (-len(g), _label(graph, g[0])))
    communities = [{"size": len(g), "ids": g, "labels": [_label(graph, n) for n in g]} for g in groups[:top]]
    return {
        "entities": graph.number_of_nodes(),
        "relations": graph.number_of_edges(),
        "components": nx.number_connected_components(simple) if len(simple) else 0,
        "central": central,
        "communities": communities,
    }


def _betweenness(simple: nx.Graph) -> dict:
    """Normalised betweenness of every node, computed on the nodes that have a relation only.

    An entity without relations lies on no path, so leaving the (many) isolated entities out
    changes nothing but the normalisation, which is scaled back to the whole graph.
    """
    scores = {n: 0.0 for n in simple}
    linked = simple.subgraph([n for n in simple if simple.degree(n) > 0])
    n, m = len(simple), len(linked)
    if m <= 2:
        return scores
    k = None if m <= _EXACT_BETWEENNESS_LIMIT else _EXACT_BETWEENNESS_LIMIT
    scale = (m - 1) * (m - 2) / ((n - 1) * (n - 2))
    scores.update({node: value * scale for node, value in nx.betweenness_centrality(linked, k=k, seed=0).items()})
    return scores


def resolve_entity(graph: nx.MultiDiGraph, name: str) -> str:
    """The node for ``name``: an IRI, a label or an alias (case-insensitive); most mentioned wins."""
    if name in graph:
        return name
    wanted = name.casefold().strip()
    matches = [n for n, d in graph.nodes(data=True)
               if str(d.get("label", "")).casefold() == wanted
               or any(str(a).casefold() == wanted for a in d.get("aliases", []))]
    if not matches:
        labels = sorted({str(d.get("label", n)) for n, d in graph.nodes(data=True)})
        close = difflib.get_close_matches(name, labels, n=5, cutoff=0.6)
        hint = f" Did you mean: {', '.join(close)}?" if close else " Check 'graphbuild query' for labels."
        raise InputError(E241.format(name=name, hint=hint))
    return max(matches, key=lambda n: (graph.nodes[n].get("label", "").casefold() == wanted,
                                       graph.nodes[n].get("mentions", 0), n))


def find_path(graph: nx.MultiDiGraph, a_label: str, b_label: str) -> list[dict]:
    """The shortest chain of relations between two entities, ignoring direction.

    Each hop is ``{"source", "source_label", "relation", "property", "target", "target_label",
    "direction"}``; ``direction`` is ``"forward"`` when the text says *source relation target*
    and ``"backward"`` when it says *target relation source*. Empty when there is no path.
    """
    start, end = resolve_entity(graph, a_label), resolve_entity(graph, b_label)
    try:
        nodes = nx.shortest_path(_simple(graph), start, end)
    except nx.NetworkXNoPath:
        return []
    return [_hop(graph, u, v) for u, v in zip(nodes, nodes[1:])]


def _hop(graph: nx.MultiDiGraph, u: str, v: str) -> dict:
    candidates = [(key, data, "forward") for key, data in graph.get_edge_data(u, v, default={}).items()]
    candidates += [(key, data, "backward") for key, data in graph.get_edge_data(v, u, default={}).items()]
    # prefer lexicon relations (they have a category), then the best attested, then a stable order
    key, data, direction = min(candidates, key=lambda c: (c[1].get("category") is None,
                                                          -c[1].get("statements", 0), c[2], c[0]))
    return {"source": u, "source_label": _label(graph, u), "relation": data.get("label", key), "property": key,
            "target": v, "target_label": _label(graph, v), "direction": direction}


def _label(graph: nx.MultiDiGraph, node: str) -> str:
    return str(graph.nodes[node].get("label", node))


def format_path(hops: list[dict]) -> str:
    """``A -rel-> B <-rel- C`` for a list of hops; ``(no path)`` when empty."""
    if not hops:
        return "(no path)"
    parts = [hops[0]["source_label"]]
    for hop in hops:
        arrow = f"-{hop['relation']}->" if hop["direction"] == "forward" else f"<-{hop['relation']}-"
        parts += [arrow, hop["target_label"]]
    return " ".join(parts)


def format_analysis(result: dict) -> str:
    """The result of :func:`analyze` as text for the terminal."""
    lines = [f"{result['entities']} entities, {result['relations']} relations, "
             f"{result['components']} connected components", "", "most central entities:"]
    width = max([len(c["label"]) for c in result["central"]] + [6])
    lines.append(f"  {'entity'.ljust(width)}  {'class':<12} {'related':>7} {'between':>8} {'mentions':>8}")
    for c in result["central"]:
        lines.append(f"  {c['label'].ljust(width)}  {c['type']:<12} {c['degree']:>7} {c['betweenness']:>8.3f} "
                     f"{c['mentions']:>8}")
    lines += ["", "communities:"]
    for number, community in enumerate(result["communities"], 1):
        shown = ", ".join(community["labels"][:8]) + (", ..." if community["size"] > 8 else "")
        lines.append(f"  {number}. ({community['size']}) {shown}")
    if not result["communities"]:
        lines.append("  (none)")
    return "\n".join(lines)
