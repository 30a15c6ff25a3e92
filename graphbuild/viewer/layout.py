"""Node positions computed in Python, so the browser draws a large graph at once, physics off.

Small graphs use networkx's spring layout (the browser polishes graphs of up to 300 nodes).
Large graphs use a force-directed layout vectorised with numpy and linear in nodes and edges
per iteration: exact repulsion between nodes closer than two ideal edge lengths (found through a
grid of cells, as in Fruchterman and Reingold's grid variant) plus repulsion from the centres of
mass of coarse cells for the rest. (networkx's own method for large graphs needs scipy.)
"""

from __future__ import annotations

import math

import networkx as nx
import numpy as np

__all__ = ["SMALL", "layout"]

SMALL = 400  # up to this many nodes networkx's exact spring layout is fast enough
SPACING = 110.0  # ideal edge length in screen pixels at zoom 1


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
