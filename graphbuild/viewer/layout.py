"""Node positions computed in Python, so the browser draws a large graph at once, physics off.

:func:`page_layout` lays out a page: communities found with networkx's Louvain method start apart,
and the entities the page opens on are laid out with networkx's ForceAtlas2 (grid spring beyond
:data:`SMALL`); the entities hidden at first are placed next to their neighbours, so that
"show more" and expanding a node bring them in close to what they relate to, without a second layout.

:func:`layout` lays out a whole graph: small graphs use networkx's spring layout (the browser polishes graphs of up to 300 nodes).
Large graphs use a force-directed layout vectorised with numpy and linear in nodes and edges
per iteration: exact repulsion between nodes closer than two ideal edge lengths (found through a
grid of cells, as in Fruchterman and Reingold's grid variant) plus repulsion from the centres of
mass of coarse cells for the rest. (networkx's own method for large graphs needs scipy.)
"""

from __future__ import annotations

import math

import networkx as nx
import numpy as np

__all__ = ["SMALL", "layout", "page_layout"]

SMALL = 400  # up to this many nodes networkx's exact spring layout is fast enough
SPACING = 110.0  # ideal edge length in screen pixels at zoom 1 (whole-graph layout)
GAP = 60.0  # typical distance from a node to its nearest neighbour in a page's first view, at zoom 1


def layout(n: int, edges: list[tuple[int, int]], *, seed: int = 7, iterations: int | None = None) -> np.ndarray:
    """Positions ``(n, 2)`` in pixels for nodes ``0..n-1`` joined by ``edges`` (direction ignored).

    Deterministic for a given ``seed``.

    >>> pos = layout(3, [(0, 1), (1, 2)])
    >>> pos.shape
    (3, 2)
    """
    if n == 0:
        return np.zeros((0, 2))
    pairs = _undirected(edges)
    if n <= SMALL:
        graph = nx.Graph()
        graph.add_nodes_from(range(n))
        graph.add_edges_from(pairs.tolist())
        pos = nx.spring_layout(graph, seed=seed, iterations=iterations or 80, method="force")
        xy = np.array([pos[i] for i in range(n)], dtype=float)
    else:
        xy = grid_spring(n, pairs, seed=seed, iterations=iterations or 60)
    xy = pull_in_outliers(xy)
    return xy * (0.6 * SPACING / _typical_gap(xy, seed))


def page_layout(n: int, edges: list[tuple[int, int]], first: list[int], *, seed: int = 7) -> tuple[np.ndarray, list[int]]:
    """Positions ``(n, 2)`` in pixels and a community number per node (``-1``: in none of 3 or more).

    The nodes in ``first`` (what the page opens on) get a force-directed layout; the others go next
    to their laid-out neighbours, and those with no path to them in rows below.

    >>> pos, community = page_layout(4, [(0, 1), (1, 2)], [0, 1])
    >>> pos.shape, community
    ((4, 2), [0, 0, 0, -1])
    """
    pairs = _undirected(edges)
    community = communities(n, pairs, seed=seed)
    pos = np.zeros((n, 2))
    core = sorted(set(first))
    if core:
        index = {node: i for i, node in enumerate(core)}
        inner = np.array([(index[a], index[b]) for a, b in pairs.tolist() if a in index and b in index],
                         dtype=np.int64).reshape(-1, 2)
        pos[core] = GAP * _core_layout(len(core), inner, [community[node] for node in core], seed=seed)
    placed = np.zeros(n, dtype=bool)
    placed[core] = True
    _place_near_neighbours(pos, placed, pairs)
    _place_in_rows(pos, placed)
    return pos, community


def communities(n: int, pairs: np.ndarray, *, seed: int = 7, smallest: int = 3) -> list[int]:
    """Louvain communities of the undirected graph, largest first; ``-1`` for nodes in smaller ones.

    >>> communities(5, np.array([[0, 1], [1, 2], [0, 2]]))
    [0, 0, 0, -1, -1]
    """
    graph = nx.Graph()  # nodes without an edge are communities of one: left out, Louvain runs faster
    graph.add_edges_from(pairs.tolist())
    found = sorted((sorted(c) for c in nx.community.louvain_communities(graph, seed=seed) if len(c) >= smallest),
                   key=lambda c: (-len(c), c[0]))
    number = [-1] * n
    for k, members in enumerate(found):
        for node in members:
            number[node] = k
    return number


def _core_layout(n: int, pairs: np.ndarray, community: list[int], *, seed: int) -> np.ndarray:
    """Each connected component laid out on its own at unit spacing, then packed in rows, biggest first."""
    graph = nx.Graph()
    graph.add_nodes_from(range(n))
    graph.add_edges_from(pairs.tolist())
    parts = sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c[0]))
    pos = np.zeros((n, 2))
    boxes = []
    for members in parts:
        xy = _component_layout(graph.subgraph(members), members, community, seed=seed)
        xy -= xy.min(axis=0)
        pos[members] = xy
        boxes.append((members, xy.max(axis=0) + 1.5))  # a margin between neighbouring boxes
    _pack(pos, boxes)
    return pos


def _component_layout(graph: nx.Graph, members: list[int], community: list[int], *, seed: int) -> np.ndarray:
    """One connected component at unit spacing: a point, a line, or ForceAtlas2 started from
    community centres on a circle, edges inside a community pulling harder (grid spring beyond SMALL)."""
    n = len(members)
    if n <= 2:
        return np.array([[0.0, 0.0], [0.8, 1.2]][:n])  # a pair stands upright: rows of them stay apart
    index = {node: i for i, node in enumerate(members)}
    pairs = np.array([(index[a], index[b]) for a, b in graph.edges()], dtype=np.int64).reshape(-1, 2)
    if n > SMALL:
        xy = grid_spring(n, pairs, seed=seed, iterations=60)
    else:
        rng = np.random.default_rng(seed)
        groups = sorted({community[m] for m in members})
        angle = {c: 2 * math.pi * k / len(groups) for k, c in enumerate(groups)}
        radius = math.sqrt(n)
        start = np.array([[radius * math.cos(angle[community[m]]), radius * math.sin(angle[community[m]])]
                          for m in members]) + rng.normal(0, radius / 4, (n, 2))
        weighted = nx.Graph()
        weighted.add_nodes_from(range(n))
        for a, b in pairs.tolist():
            same = community[members[a]] == community[members[b]] and community[members[a]] >= 0
            weighted.add_edge(a, b, weight=1.0 if same else 0.25)
        found = nx.forceatlas2_layout(weighted, pos={i: start[i] for i in range(n)}, max_iter=200, seed=seed,
                                      scaling_ratio=4.0, gravity=1.0, weight="weight")
        xy = np.array([found[i] for i in range(n)], dtype=float)
    return xy / _typical_gap(xy, seed)


def _pack(pos: np.ndarray, boxes: list[tuple[list[int], np.ndarray]]) -> None:
    """Shelf packing: boxes (already at the origin) left to right in rows under the first, the rows
    about as wide as the first box or as the square root of the total area, whichever is wider."""
    area = sum(float(size[0] * size[1]) for _, size in boxes)
    width = max(float(boxes[0][1][0]), math.sqrt(area * 1.5))
    x = y = row_height = 0.0
    for members, size in boxes:
        if x > 0 and x + size[0] > width:
            x, y, row_height = 0.0, y + row_height, 0.0
        pos[members] += (x, y)
        x += size[0]
        row_height = max(row_height, float(size[1]))


def _place_near_neighbours(pos: np.ndarray, placed: np.ndarray, pairs: np.ndarray) -> None:
    """Put each unplaced node around its placed neighbours (a ring per anchor, golden-angle steps),
    one breadth-first layer at a time."""
    if not len(pairs):
        return
    around: dict[int, int] = {}
    while True:
        a, b = pairs[:, 0], pairs[:, 1]
        reach = np.concatenate([b[placed[a] & ~placed[b]], a[placed[b] & ~placed[a]]])
        anchor = np.concatenate([a[placed[a] & ~placed[b]], b[placed[b] & ~placed[a]]])
        if not len(reach):
            return
        first_anchor: dict[int, int] = {}
        for node, at in zip(reach.tolist(), anchor.tolist()):
            first_anchor.setdefault(node, at)
        for node, at in sorted(first_anchor.items()):
            k = around.get(at, 0)
            around[at] = k + 1
            turn, ring = k * 2.39996, GAP * (1.5 + 0.4 * math.sqrt(k))
            pos[node] = pos[at] + ring * np.array([math.cos(turn), math.sin(turn)])
            placed[node] = True


def _place_in_rows(pos: np.ndarray, placed: np.ndarray) -> None:
    """Nodes with no path to a placed one, in rows under the placed ones (in their order)."""
    rest = np.flatnonzero(~placed)
    if not len(rest):
        return
    if placed.any():
        low, high = pos[placed].min(axis=0), pos[placed].max(axis=0)
    else:
        low = high = np.zeros(2)
    step = 2 * GAP
    per_row = max(4, int((high[0] - low[0]) / step) + 1, int(math.sqrt(len(rest))))
    for k, node in enumerate(rest.tolist()):
        pos[node] = (low[0] + step * (k % per_row), high[1] + step * (1.5 + k // per_row))
    placed[rest] = True


def pull_in_outliers(xy: np.ndarray, quantile: float = 0.95, squeeze: float = 0.1) -> np.ndarray:
    """Move nodes beyond the ``quantile`` radius (isolated nodes and small components, which
    repulsion drives far out) radially towards it, so the first view is not mostly empty space.

    >>> out = pull_in_outliers(np.array([[0.0, 0.0]] * 19 + [[100.0, 0.0]]), quantile=0.9)
    >>> round(float(out[-1, 0]), 3)  # 100 beyond the limit (0) becomes 10
    10.0
    """
    if len(xy) < 20:
        return xy
    centre = np.median(xy, axis=0)
    offset = xy - centre
    radius = np.sqrt((offset**2).sum(axis=1))
    limit = max(float(np.quantile(radius, quantile)), 1e-9)
    far = radius > limit
    scaled = limit + (radius[far] - limit) * squeeze
    offset[far] *= (scaled / radius[far])[:, None]
    return centre + offset


def _typical_gap(xy: np.ndarray, seed: int) -> float:
    """Median distance from a node to its nearest neighbour, over a sample of at most 200 nodes."""
    if len(xy) < 2:
        return 1.0
    sample = np.random.default_rng(seed).choice(len(xy), min(len(xy), 200), replace=False)
    d2 = ((xy[sample, None, :] - xy[None, :, :]) ** 2).sum(axis=2)
    d2[np.arange(len(sample)), sample] = np.inf
    gap = float(np.sqrt(np.median(d2.min(axis=1))))
    return gap if gap > 1e-9 else 1.0


def grid_spring(n: int, pairs: np.ndarray, *, seed: int = 7, iterations: int = 120) -> np.ndarray:
    """Force-directed layout at unit ideal distance, in linear time per iteration.

    Attraction ``d`` along every edge; repulsion ``1/d`` between all nodes, exact for nodes
    closer than 2 (found through a grid of cells) and from the centre of mass of each of at most
    16 x 16 coarse cells for the rest (softened, so a node's own cell does not blow it away); a
    weak pull towards the centre keeps components near; the step limit cools linearly.
    """
    rng = np.random.default_rng(seed)
    side = math.sqrt(n)
    pos = rng.uniform(0, side, (n, 2))
    step = side / 6
    i_edge, j_edge = pairs[:, 0], pairs[:, 1]
    for it in range(iterations):
        disp = _repulsion(pos, radius=2.0) + _far_repulsion(pos)
        pull = pos[i_edge] - pos[j_edge]  # |f| = d, along delta/d
        for dim in (0, 1):
            disp[:, dim] -= np.bincount(i_edge, weights=pull[:, dim], minlength=n)
            disp[:, dim] += np.bincount(j_edge, weights=pull[:, dim], minlength=n)
        disp -= 0.05 * (pos - pos.mean(axis=0))
        length = np.sqrt((disp**2).sum(axis=1)) + 1e-9
        limit = step * (1 - it / iterations) + 0.02
        pos += disp * (np.minimum(length, limit) / length)[:, None]
    return pos - pos.mean(axis=0)


def _far_repulsion(pos: np.ndarray, cells: int = 16) -> np.ndarray:
    """Repulsion from the mass of each coarse cell at its centroid, softened by the cell size."""
    low = pos.min(axis=0)
    size = max(float((pos.max(axis=0) - low).max()) / cells, 1e-6)
    index = np.minimum(((pos - low) / size).astype(np.int64), cells - 1)
    flat = index[:, 0] * cells + index[:, 1]
    mass = np.bincount(flat, minlength=cells * cells).astype(float)
    used = mass > 0
    centre = np.stack([np.bincount(flat, weights=pos[:, d], minlength=cells * cells)[used] / mass[used]
                       for d in (0, 1)], axis=1)
    # |p - c|^2 through one matrix product instead of an (n, cells, 2) array of differences
    d2 = (pos**2).sum(axis=1)[:, None] + (centre**2).sum(axis=1)[None, :] - 2 * pos @ centre.T
    weight = mass[used][None, :] / (np.maximum(d2, 0) + size * size)
    return pos * weight.sum(axis=1)[:, None] - weight @ centre


def _repulsion(pos: np.ndarray, radius: float) -> np.ndarray:
    """Sum of ``delta/d^2`` (|f| = 1/d) over node pairs closer than ``radius``, via a grid of cells."""
    n = len(pos)
    cells = np.floor(pos / radius).astype(np.int64)
    cells -= cells.min(axis=0)
    width = int(cells[:, 1].max()) + 3
    key = (cells[:, 0] + 1) * width + cells[:, 1] + 1
    order = np.argsort(key, kind="stable")
    sorted_keys = key[order]
    disp = np.zeros_like(pos)
    for dx in (-1, 0, 1):
        for dy in (-1, 0, 1):
            target = key + dx * width + dy
            lo = np.searchsorted(sorted_keys, target, "left")
            count = np.searchsorted(sorted_keys, target, "right") - lo
            total = int(count.sum())
            if total == 0:
                continue
            i = np.repeat(np.arange(n), count)
            within = np.arange(total) - np.repeat(np.cumsum(count) - count, count)
            j = order[np.repeat(lo, count) + within]
            keep = i != j
            i, j = i[keep], j[keep]
            delta = pos[i] - pos[j]
            d2 = (delta**2).sum(axis=1) + 1e-9
            near = d2 < radius * radius
            force = delta[near] / d2[near][:, None]
            for dim in (0, 1):
                disp[:, dim] += np.bincount(i[near], weights=force[:, dim], minlength=n)
    return disp


def _undirected(edges: list[tuple[int, int]]) -> np.ndarray:
    """Distinct unordered pairs without self-loops, as an ``(m, 2)`` int array."""
    pairs = {(min(a, b), max(a, b)) for a, b in edges if a != b}
    return np.array(sorted(pairs), dtype=np.int64).reshape(-1, 2)
