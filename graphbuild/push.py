"""Push every named graph of the store to another graph store, graph by graph.

Two standard ways, both idempotent (a re-push replaces, never duplicates):

- ``via="gsp"``: SPARQL 1.1 Graph Store Protocol, ``PUT <url>?graph=<iri>`` with the graph as
  N-Triples. ``url`` is the target's graph store endpoint (Oxigraph ``http://host:7878/store``,
  Fuseki ``http://host:3030/ds/data``, GraphDB ``.../repositories/R/rdf-graphs/service``).
- ``via="update"``: SPARQL 1.1 Update, ``DROP SILENT GRAPH <iri> ; INSERT DATA { GRAPH <iri> {...} }``
  in one request; ``url`` is the update endpoint (Oxigraph ``.../update``, Fuseki ``.../ds/update``).

A target that is down, refuses or times out ends the push; the report says which graphs were
sent, which failed and which were not tried.

>>> report = push_store(_two_graph_store(), "http://127.0.0.1:1/store", timeout=2)
>>> print(report.text())  # doctest: +ELLIPSIS
failed    https://example.org/g1  (1 triples): E221 Cannot reach http://127.0.0.1:1/store: ...
not sent  https://example.org/g2  (1 triples)
0 of 2 graphs pushed to http://127.0.0.1:1/store
"""

from __future__ import annotations

import base64
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit

import pyoxigraph as ox

from .errors import E220, E221, E222, E223, E224, E225, E226, E227, InputError, OutputError
from .store import Store

__all__ = ["GraphPush", "PushError", "PushReport", "push_store"]

_VIAS = ("gsp", "update")


@dataclass(frozen=True)
class GraphPush:
    """What happened to one graph: ``status`` is ``pushed``, ``failed`` or ``not sent``."""

    graph: str
    triples: int
    status: str
    error: str | None = None


@dataclass
class PushReport:
    """The outcome of a push, graph by graph."""

    url: str
    via: str
    graphs: list[GraphPush] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(g.status == "pushed" for g in self.graphs)

    @property
    def pushed(self) -> list[GraphPush]:
        return [g for g in self.graphs if g.status == "pushed"]

    @property
    def triples(self) -> int:
        return sum(g.triples for g in self.pushed)

    def text(self) -> str:
        """One line per graph, then a summary line."""
        lines = [f"{g.status:<9} {g.graph}  ({g.triples} triples)" + (f": {g.error}" if g.error else "")
                 for g in self.graphs]
        lines.append(f"{len(self.pushed)} of {len(self.graphs)} graphs pushed to {self.url}"
                     + (f" ({self.triples} triples)" if self.pushed else ""))
        return "\n".join(lines)

    def raise_for_failure(self) -> None:
        """Raise :class:`PushError` unless every graph was pushed."""
        if not self.ok:
            failed = len(self.graphs) - len(self.pushed)
            raise PushError(E224.format(url=self.url, failed=failed, total=len(self.graphs), details=self.text()),
                            self)


class PushError(OutputError):
    """A push that did not deliver every graph; ``report`` tells which."""

    def __init__(self, message: str, report: PushReport) -> None:
        super().__init__(message)
        self.report = report


class _Unreachable(Exception):
    """The target cannot be reached at all: stop pushing."""


def push_store(store: Store, url: str, *, graph: str | None = None, token: str | None = None,
               user: str | None = None, password: str | None = None, via: str = "gsp",
               timeout: float = 60.0) -> PushReport:
    """Send the store's named graphs (or only ``graph``) to ``url``; return a :class:`PushReport`.

    ``token`` sends ``Authorization: Bearer``; ``user``/``password`` send HTTP Basic.
    Never raises for a failed graph: check ``report.ok`` or call ``report.raise_for_failure()``.
    """
    if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).netloc:
        raise InputError(E220.format(url=url))
    if via not in _VIAS:
        raise InputError(E226.format(via=via))
    if token and user:
        raise InputError(E225)
    graphs = store.named_graphs()
    if graph is not None:
        if graph not in graphs:
            raise InputError(E227.format(graph=graph, available=", ".join(graphs) or "none"))
        graphs = [graph]
    headers = _auth_headers(token, user, password)
    report = PushReport(url=url, via=via)
    stopped = False
    for name in graphs:
        triples = _graph_triples(store, name)
        if stopped:
            report.graphs.append(GraphPush(name, len(triples), "not sent"))
            continue
        try:
            _send(url, name, triples, via=via, headers=headers, timeout=timeout)
            report.graphs.append(GraphPush(name, len(triples), "pushed"))
        except _Unreachable as exc:
            report.graphs.append(GraphPush(name, len(triples), "failed", str(exc)))
            stopped = True
        except OutputError as exc:
            report.graphs.append(GraphPush(name, len(triples), "failed", str(exc)))
    return report


def _graph_triples(store: Store, graph: str) -> list[ox.Triple]:
    quads = store.oxigraph.quads_for_pattern(None, None, None, ox.NamedNode(graph))
    return [ox.Triple(q.subject, q.predicate, q.object) for q in quads]


def _auth_headers(token: str | None, user: str | None, password: str | None) -> dict[str, str]:
    if token:
        return {"Authorization": f"Bearer {token}"}
    if user:
        pair = f"{user}:{password or ''}".encode("utf-8")
        return {"Authorization": "Basic " + base64.b64encode(pair).decode("ascii")}
    return {}


def _send(url: str, graph: str, triples: list[ox.Triple], *, via: str, headers: dict, timeout: float) -> None:
    body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
    if via == "gsp":
        target = url + ("&" if "?" in url else "?") + "graph=" + quote(graph, safe="")
        request = urllib.request.Request(target, data=body, method="PUT",
                                         headers={**headers, "Content-Type": "application/n-triples"})
    else:
        update = (f"DROP SILENT GRAPH <{graph}> ;\nINSERT DATA {{ GRAPH <{graph}> {{\n".encode("utf-8")
                  + body + b"}}")
        request = urllib.request.Request(url, data=update, method="POST",
                                         headers={**headers, "Content-Type": "application/sparql-update"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
    except urllib.error.HTTPError as exc:
        detail = exc.read(500).decode("utf-8", "replace").strip()
        message = E222.format(url=url, graph=graph, status=exc.code, reason=exc.reason,
                              detail=f": {detail}" if detail else "")
        if exc.code in (401, 403, 404, 405):  # every other graph would meet the same answer
            raise _Unreachable(message) from exc
        raise OutputError(message) from exc
    except (socket.timeout, TimeoutError) as exc:
        raise _Unreachable(E223.format(url=url, timeout=timeout, graph=graph)) from exc
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, (socket.timeout, TimeoutError)):
            raise _Unreachable(E223.format(url=url, timeout=timeout, graph=graph)) from exc
        raise _Unreachable(E221.format(url=url, cause=getattr(exc.reason, "strerror", None) or exc.reason)) from exc
    except OSError as exc:  # connection reset half-way and the like
        raise _Unreachable(E221.format(url=url, cause=exc.strerror or exc)) from exc


def _two_graph_store() -> Store:  # for the example above
    store = Store(None)
    for name in ("g1", "g2"):
        graph = f"https://example.org/{name}"
        store.replace_graph(graph, [ox.Quad(ox.NamedNode("https://example.org/s"), ox.NamedNode("https://example.org/p"),
                                            ox.Literal(name), ox.NamedNode(graph))])
    return store
