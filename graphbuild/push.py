"""Push every named graph of the store to another graph store, graph by graph.

Two standard ways, both idempotent (a re-push replaces, never duplicates):

- ``via="gsp"``: SPARQL 1.1 Graph Store Protocol, ``PUT <url>?graph=<iri>`` with the graph as
  N-Triples. ``url`` is the target's graph store endpoint (Oxigraph ``http://host:7878/store``,
  Fuseki ``http://host:3030/ds/data``, GraphDB ``.../repositories/R/rdf-graphs/service``).
- ``via="update"``: SPARQL 1.1 Update, ``DROP SILENT GRAPH <iri> ; INSERT DATA { GRAPH <iri> {...} }``,
  in batches of at most ``batch`` triples (a large graph fills a staging graph that one last
  ``MOVE`` puts in place); ``url`` is the update endpoint (Oxigraph ``.../update``, Fuseki
  ``.../ds/update``).

A target that is down, refuses, redirects or times out ends the push; the report says which
graphs were sent, which failed and which were not tried. Credentials in the URL
(``http://user:pw@host/...``) or given as ``user``/``password`` are sent as HTTP Basic, or
Digest when the target asks for it; they never follow a redirect, and the password is shown
as ``***`` in every message (:mod:`.push_http`).

>>> report = push_store(_two_graph_store(), "http://127.0.0.1:1/store", timeout=2)
>>> print(report.text())  # doctest: +ELLIPSIS
failed    https://example.org/g1  (1 triples): E221 Cannot reach http://127.0.0.1:1/store: ...
not sent  https://example.org/g2  (1 triples)
0 of 2 graphs pushed to http://127.0.0.1:1/store
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

import pyoxigraph as ox

from .errors import E204, E220, E224, E225, E226, E227, E228, E229, E258, InputError, OutputError
from .push_http import Target, Unreachable, gsp_request, redact, update_requests
from .store import Store

__all__ = ["GraphPush", "PushError", "PushReport", "push_store"]

_VIAS = ("gsp", "update")
BATCH = 1000  # triples per request with via="update"
_UNSAFE = re.compile(r"[^\x21-\x7e]")  # spaces, control and non-ASCII characters must be percent-encoded


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

    def as_dict(self) -> dict:
        """The report as plain data (``graphbuild push --format json``)."""
        return {"url": self.url, "via": self.via, "ok": self.ok, "pushed": len(self.pushed), "total": len(self.graphs),
                "triples": self.triples, "graphs": [dataclasses.asdict(g) for g in self.graphs]}

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


def push_store(store: Store, url: str, *, graph: str | None = None, token: str | None = None,
               user: str | None = None, password: str | None = None, via: str = "gsp",
               timeout: float = 60.0, batch: int = BATCH) -> PushReport:
    """Send the store's named graphs (or only ``graph``) to ``url``; return a :class:`PushReport`.

    ``token`` sends ``Authorization: Bearer``; ``user``/``password`` (or ``user:password@`` in
    ``url``) send HTTP Basic (Digest when the target asks). ``batch``: most triples per
    request with ``via="update"``. Raises :class:`InputError` for a malformed URL or options, before
    sending anything. Never raises for a failed graph: check ``report.ok`` or call
    ``report.raise_for_failure()``.
    """
    target, shown, url_user, url_password = _split_url(url)
    if via not in _VIAS:
        raise InputError(E226.format(via=via))
    if batch < 1:
        raise InputError(E204.format(name="batch", value=batch))
    if token and user:
        raise InputError(E225)
    if url_user is not None:
        given = "token" if token else "user name" if user else None
        if given is None and url_password is not None and password is not None:
            given = "password"
        if given:
            raise InputError(E229.format(user=url_user + (":***" if url_password is not None else ""), what=given))
        user, password = url_user, password if url_password is None else url_password
    graphs = store.named_graphs()
    if not graphs:  # a push that sends nothing must not look like a success
        raise InputError(E258)
    if graph is not None:
        if graph not in graphs:
            raise InputError(E227.format(graph=graph, available=", ".join(graphs) or "none"))
        graphs = [graph]
    sender = Target(target, shown, token=token, user=user, password=password, timeout=timeout)
    report = PushReport(url=shown, via=via)
    stopped = False
    for name in graphs:
        triples = _graph_triples(store, name)
        if stopped:
            report.graphs.append(GraphPush(name, len(triples), "not sent"))
            continue
        try:
            requests = ([gsp_request(target, name, triples)] if via == "gsp"
                        else update_requests(target, name, triples, batch))
            for request in requests:
                sender.send(name, request)
            report.graphs.append(GraphPush(name, len(triples), "pushed"))
        except Unreachable as exc:
            report.graphs.append(GraphPush(name, len(triples), "failed", str(exc)))
            stopped = True
        except OutputError as exc:
            report.graphs.append(GraphPush(name, len(triples), "failed", str(exc)))
    return report


def _split_url(url: str) -> tuple[str, str, str | None, str | None]:
    """Check a push URL; return the URL to send to (without credentials), the URL to show
    (password as ``***``), and the user name and password it carries (``None`` if absent)."""
    shown = redact(url)
    scheme, sep, rest = url.partition("://")
    if scheme.lower() not in ("http", "https") or not sep:
        raise InputError(E220.format(url=shown))
    if _UNSAFE.search(url):
        raise InputError(E228.format(url=shown.encode("unicode_escape").decode("ascii"),
                                     cause="it contains a space, a control or a non-ASCII character; "
                                           "percent-encode it (a space is %20)"))
    if "#" in url:  # a fragment would swallow the ?graph= parameter and hit the default graph
        raise InputError(E228.format(url=shown, cause="it has a '#' fragment"))
    try:
        parts = urlsplit(url)
    except ValueError as exc:  # e.g. "http://[::1"
        raise InputError(E228.format(url=shown, cause=f"the host is malformed ({exc})")) from exc
    try:
        port = parts.port
    except ValueError:  # not a number, or out of range
        port = -1
    if port is not None and not 0 < port < 65536:
        raise InputError(E228.format(url=shown, cause="the port is not a number from 1 to 65535"))
    if not parts.hostname:
        raise InputError(E228.format(url=shown, cause="it names no host"))
    userinfo, at, hostport = parts.netloc.rpartition("@")
    if not at:
        return url, shown, None, None
    target = f"{scheme}://{hostport}{rest[len(parts.netloc):]}"
    if not userinfo:
        return target, shown, None, None
    user, colon, password = userinfo.partition(":")
    return target, shown, unquote(user), unquote(password) if colon else None


def _graph_triples(store: Store, graph: str) -> list[ox.Triple]:
    return [ox.Triple(q.subject, q.predicate, q.object) for q in store.graph_quads(graph)]


def _two_graph_store() -> Store:  # for the example above
    store = Store(None)
    for name in ("g1", "g2"):
        graph = f"https://example.org/{name}"
        store.replace_graph(graph, [ox.Quad(ox.NamedNode("https://example.org/s"), ox.NamedNode("https://example.org/p"),
                                            ox.Literal(name), ox.NamedNode(graph))])
    return store
