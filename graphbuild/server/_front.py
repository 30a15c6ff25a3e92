"""The public HTTP front: enforces graphbuild's safety rules, hands the rest to a worker.

Routes (SPARQL 1.1 Protocol and Graph Store Protocol):

- ``GET|POST /query`` and ``/sparql``: queries (``query`` parameter, form or
  ``application/sparql-query`` body); results capped at ``max_rows``. The workers read the
  union of all graphs by default, so a query's ``FROM`` / ``FROM NAMED`` is passed on as the
  query's dataset (protocol ``default-graph-uri`` / ``named-graph-uri``, if given, win).
  The prefixes of :data:`graphbuild.vocab.PREFIXES` are predeclared, as in the CLI.
- ``POST /update`` (or ``/sparql`` with an update): 403 unless updates are allowed and the
  request carries ``Authorization: Bearer <token>``.
- ``GET /store?graph=IRI`` reads a graph (capped); ``PUT|POST|DELETE /store`` write, like updates.
- ``GET /``: Oxigraph's query page (:mod:`._page`).

Refused before a worker sees them: a ``Host`` other than a loopback name when listening on
loopback (DNS rebinding; ``allow_hosts`` adds names), what the SPARQL parser cannot read,
``SERVICE`` and ``LOAD`` (:mod:`._sparql_check`), bodies over ``max_body_bytes`` (413), of
unknown (411) or invalid (400) length, or slower than ``body_timeout`` (408). Each request
leases one worker from the pool; a request still unanswered ``timeout`` s after it started
gets 503 while its worker is killed and replaced, which stops the work.
"""

from __future__ import annotations

import hmac
import ipaddress
import re
import socket
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs

from ..errors import (E207, E209, E210, E211, E213, E214, E215, E216, E217, E219, E252, E253, E254)
from ..vocab import PREFIXES
from ._pool import Busy, ChildPool
from ._refused import Refused
from ._results import GRAPH_TYPES, SOLUTION_TYPES, negotiate, render_graph, render_solutions
from ._sparql_check import inspect_query, inspect_update
from ._sparql_text import dataset_clause

__all__ = ["FrontConfig", "host_allowed", "make_handler"]

_FORM = "application/x-www-form-urlencoded"
_QUERY_PATHS = {"/query", "/sparql"}
_WRITE_METHODS = {"PUT", "POST", "DELETE"}
_LOOPBACK_NAMES = ("localhost", "127.0.0.1", "[::1]")
_DIGITS = re.compile(r"[0-9]{1,18}")


@dataclass(frozen=True)
class FrontConfig:
    """What the front enforces and which workers answer."""

    pool: ChildPool
    timeout: float = 30.0
    max_rows: int = 10_000
    allow_update: bool = False
    token: str | None = None
    cors: bool = False
    max_body_bytes: int = 1 << 20
    body_timeout: float = 10.0
    loopback: bool = True  # listening on a loopback address: check the Host header
    allow_hosts: tuple[str, ...] = ()
    page: dict | None = None  # {path: (content type, bytes)} of the query page


def make_handler(config: FrontConfig) -> type[BaseHTTPRequestHandler]:
    """A request handler class bound to ``config``."""

    class Handler(_FrontHandler):
        timeout = config.body_timeout  # seconds a client may take to send its request line and headers

    Handler.config = config
    return Handler


def host_allowed(header: str | None, allow_hosts=()) -> bool:
    """True if a ``Host`` header names this machine's loopback (any port) or one of ``allow_hosts``.

    >>> [host_allowed(h) for h in ("localhost:7878", "127.0.0.1", "[::1]:80", "evil.example", "127.0.0.1.evil")]
    [True, True, True, False, False]
    >>> host_allowed("Graph.Example:7878", ["graph.example"])
    True
    """
    name = (header or "").strip().lower()
    if name.startswith("["):
        name, _, rest = name.partition("]")
        name, port = name + "]", rest.removeprefix(":")
        if rest and not rest.startswith(":"):
            return False
    else:
        before, colon, port = name.rpartition(":")
        if not colon:
            port = ""
        else:
            name = before
    if port and not port.isdigit():
        return False
    if name in _LOOPBACK_NAMES or name in {h.lower() for h in allow_hosts}:
        return True
    try:
        return ipaddress.ip_address(name.strip("[]")).is_loopback
    except ValueError:
        return False


class _FrontHandler(BaseHTTPRequestHandler):
    config: FrontConfig
    server_version = "graphbuild-serve"
    sys_version = ""

    # ------------------------------------------------------------------ dispatch
    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_HEAD(self) -> None:
        self._dispatch("HEAD")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def do_PUT(self) -> None:
        self._dispatch("PUT")

    def do_DELETE(self) -> None:
        self._dispatch("DELETE")

    def do_OPTIONS(self) -> None:
        self._dispatch("OPTIONS")

    def _dispatch(self, method: str) -> None:
        path, _, query_string = self.path.partition("?")
        try:
            self._check_host()
            if method == "OPTIONS":
                self._options()
            elif path in _QUERY_PATHS and method in ("GET", "HEAD", "POST"):
                self._sparql(method, query_string)
            elif path == "/update" and method == "POST":
                self._update(self._read_body())
            elif path == "/store":
                self._graph_store(method, query_string)
            elif self.config.page and path in self.config.page and method in ("GET", "HEAD"):
                content_type, data = self.config.page[path]
                self._send(200, data, content_type=content_type, head_only=method == "HEAD")
            else:
                raise Refused(404, E207.format(method=method, path=path))
        except Refused as refusal:
            self._send(refusal.status, (str(refusal) + "\n").encode("utf-8"), headers=refusal.headers)
        except TimeoutError:
            self._send(503, (E214.format(timeout=self.config.timeout) + "\n").encode())
        except (OSError, EOFError) as exc:
            if self._response_started:
                raise
            self._send(502, (E219.format(cause=f"the worker did not answer ({exc or type(exc).__name__})")
                             + "\n").encode("utf-8"))

    def _options(self) -> None:
        headers = {"Allow": "GET, HEAD, POST, PUT, DELETE, OPTIONS"}
        if self.config.cors:
            headers.update({"Access-Control-Allow-Methods": "GET, POST, PUT, DELETE, OPTIONS",
                            "Access-Control-Allow-Headers": "Accept, Authorization, Content-Type",
                            "Access-Control-Max-Age": "600"})
        self._send(204, b"", headers=headers)

    def _check_host(self) -> None:
        """On loopback, only loopback names: a page from elsewhere that rebinds its own name to
        127.0.0.1 still sends that name, and is turned away (DNS rebinding)."""
        if self.config.loopback and not host_allowed(self.headers.get("Host"), self.config.allow_hosts):
            self.close_connection = True
            allowed = ", ".join((*_LOOPBACK_NAMES, *self.config.allow_hosts))
            host = self.headers.get("Host")
            raise Refused(400 if host is None else 403, E254.format(host=host or "", allowed=allowed))

    # ------------------------------------------------------------------ requests
    def _read_body(self) -> bytes:
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            self.close_connection = True
            raise Refused(411, E217)
        length = self.headers.get("Content-Length")
        if length is None:
            raise Refused(411, E217)
        if not _DIGITS.fullmatch(length.strip()):  # int() would take "-1", "+5", "1_0"; isdigit() "²"
            self.close_connection = True
            raise Refused(400, E252.format(value=length[:40]))
        size = int(length)
        if size > self.config.max_body_bytes:
            self.close_connection = True
            raise Refused(413, E213.format(size=size, limit=self.config.max_body_bytes))
        return self._read_exactly(size)

    def _read_exactly(self, size: int) -> bytes:
        """``size`` body bytes, all within ``body_timeout`` (408 otherwise, however slowly they trickle)."""
        end = time.monotonic() + self.config.body_timeout
        chunks, got = [], 0
        try:
            while got < size:
                left = end - time.monotonic()
                if left <= 0:
                    raise socket.timeout
                self.connection.settimeout(left)
                chunk = self.rfile.read1(min(size - got, 1 << 16))
                if not chunk:
                    break
                chunks.append(chunk)
                got += len(chunk)
        except (socket.timeout, TimeoutError):
            self.close_connection = True
            raise Refused(408, E253.format(timeout=self.config.body_timeout, got=got, size=size)) from None
        finally:
            self.connection.settimeout(self.timeout)
        if got < size:
            self.close_connection = True
            raise Refused(400, E253.format(timeout=self.config.body_timeout, got=got, size=size))
        return b"".join(chunks)

    def _sparql(self, method: str, query_string: str) -> None:
        params = parse_qs(query_string, keep_blank_values=True)
        body = self._read_body() if method == "POST" else b""
        content_type = self._content_type()
        if method == "POST" and content_type == _FORM:
            params.update(parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True))
        if method == "POST" and (content_type == "application/sparql-update" or "update" in params):
            return self._update(body)
        if method == "POST" and content_type == "application/sparql-query":
            query = body.decode("utf-8", "replace")
        else:
            query = (params.pop("query", [None]) or [None])[0]
        if not query:
            raise Refused(400, E216.format(what="SPARQL query",
                                           fix="send it as the 'query' parameter or as the request body"))
        self._answer_query(method, query, params)

    def _update(self, body: bytes) -> None:
        self._check_write_allowed()
        if self._content_type() == _FORM:
            text = (parse_qs(body.decode("utf-8", "replace")).get("update") or [""])[0]
        else:
            text = body.decode("utf-8", "replace")
        if not text.strip():
            raise Refused(400, E216.format(what="SPARQL update",
                                           fix="send it as the 'update' parameter or as the request body"))
        inspect_update(text, self.config.timeout)
        self._call({"op": "update", "update": text, "base_iri": self._base_iri()})

    def _graph_store(self, method: str, query_string: str) -> None:
        params = parse_qs(query_string, keep_blank_values=True)
        if method not in _WRITE_METHODS | {"GET", "HEAD"}:
            raise Refused(405, E207.format(method=method, path="/store"))
        if "graph" not in params and "default" not in params:
            raise Refused(400, E216.format(what="graph",
                                           fix="name it with /store?graph=IRI, or /store?default for the default graph"))
        graph = params["graph"][0] if "graph" in params else None
        if method in _WRITE_METHODS:
            body = self._read_body() if method != "DELETE" else b""
            self._check_write_allowed()
            return self._call({"op": "write_graph", "method": method, "graph": graph, "media_type": self._content_type(),
                               "base_iri": self._base_iri()}, body)
        media, fmt = self._choose(GRAPH_TYPES)
        header, payload = self._call({"op": "read_graph", "graph": graph, "max_rows": self.config.max_rows},
                                     answer=False)
        self._render(method, header, payload, media, fmt)

    def _check_write_allowed(self) -> None:
        if not self.config.allow_update:
            raise Refused(403, E210)
        header = self.headers.get("Authorization") or ""
        scheme, _, given = header.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), self.config.token.encode()):
            raise Refused(403, E211, headers={"WWW-Authenticate": 'Bearer realm="graphbuild"'})

    # ------------------------------------------------------------------ answering
    def _content_type(self) -> str:
        return (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()

    def _base_iri(self) -> str:
        return f"http://{self.headers.get('Host') or 'localhost'}{self.path.partition('?')[0]}"

    def _choose(self, table: dict) -> tuple[str, object]:
        chosen = negotiate(self.headers.get("Accept"), table)
        if chosen is None:
            raise Refused(406, E215.format(accept=self.headers.get("Accept"), supported=", ".join(table)))
        return chosen

    def _answer_query(self, method: str, query: str, params: dict) -> None:
        form = inspect_query(query, self.config.timeout)
        media, fmt = self._choose(GRAPH_TYPES if form in ("CONSTRUCT", "DESCRIBE") else SOLUTION_TYPES)
        defaults, named = params.get("default-graph-uri"), params.get("named-graph-uri")
        if defaults is None and named is None:  # the protocol's graphs override the query's own FROM
            defaults, named = self._own_dataset(query)
        request = {"op": "query", "query": query, "base_iri": self._base_iri(), "max_rows": self.config.max_rows,
                   "default_graph": defaults, "named_graphs": named}
        header, payload = self._call(request, answer=False)
        self._render(method, header, payload, media, fmt)

    def _own_dataset(self, query: str) -> tuple[list[str] | None, list[str] | None]:
        """The query's FROM / FROM NAMED: the workers read the union of all graphs by default,
        which would otherwise replace the query's dataset."""
        try:
            defaults, named = dataset_clause(query, self._base_iri(), PREFIXES)
        except ValueError as exc:
            raise Refused(400, E219.format(cause=exc)) from None
        return (defaults, named) if defaults or named else (None, None)

    def _render(self, method: str, header: dict, payload: bytes, media: str, fmt) -> None:
        """Answer a worker's capped lines in the chosen format, saying whether they were cut."""
        truncated = header.get("truncated", False)
        if header["kind"] == "boolean":
            output = render_solutions(payload, fmt, None)
        elif header["kind"] == "triples":
            output = render_graph(payload, fmt, self.config.max_rows if truncated else None)
        else:
            output = render_solutions(payload, fmt, self.config.max_rows if truncated else None)
        headers = {"X-Graphbuild-Max-Rows": str(self.config.max_rows)}
        if truncated:
            headers["X-Graphbuild-Truncated"] = "true"
        self._send(200, output, content_type=_content_type(media), headers=headers, head_only=method == "HEAD")

    def _call(self, request: dict, body: bytes = b"", *, answer: bool = True):
        """One request to a leased worker; a worker's error becomes the answer.

        Past the timeout a :class:`TimeoutError` propagates, and the pool kills that worker.
        With ``answer`` a success is answered at once (204), else ``(header, payload)`` is returned.
        """
        try:  # wait up to ``timeout`` for a free worker, then give the request ``timeout`` to run
            with self.config.pool.lease(self.config.timeout) as worker:
                header, payload = worker.call(request, body, self.config.timeout)
        except Busy:
            raise Refused(503, E209.format(workers=self.config.pool.size, timeout=self.config.timeout),
                          headers={"Retry-After": "5"}) from None
        status = header.get("status", 200)
        if status >= 400:
            raise Refused(status, E219.format(cause=header.get("message") or f"HTTP {status}"))
        if answer:
            return self._send(status, b"", content_type=None)
        return header, payload

    # ------------------------------------------------------------------ output
    _response_started = False

    def _send(self, status: int, body: bytes, *, content_type: str | None = "text/plain; charset=utf-8",
              headers: dict | None = None, head_only: bool = False) -> None:
        self._response_started = True
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        if self.config.cors:
            self.send_header("Access-Control-Allow-Origin", "*")
            self.send_header("Access-Control-Expose-Headers", "X-Graphbuild-Truncated, X-Graphbuild-Max-Rows")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if not head_only:
            self.wfile.write(body)


def _content_type(media: str) -> str:
    return media + ("; charset=utf-8" if media.startswith("text/") or media.endswith("json") or media.endswith("xml") else "")
