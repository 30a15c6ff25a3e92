"""The public HTTP front: enforces graphbuild's safety rules, forwards the rest to Oxigraph.

Routes (SPARQL 1.1 Protocol and Graph Store Protocol):

- ``GET|POST /query`` and ``/sparql``: queries (``query`` parameter, form or
  ``application/sparql-query`` body); results capped at ``max_rows``. The workers read the
  union of all graphs by default, so a query's ``FROM`` / ``FROM NAMED`` is passed on as
  ``default-graph-uri`` / ``named-graph-uri`` (protocol parameters, if given, win).
- ``POST /update`` (or ``/sparql`` with an update): 403 unless updates are allowed and the
  request carries ``Authorization: Bearer <token>``.
- ``GET /store?graph=IRI`` reads a graph (capped); ``PUT|POST|DELETE /store`` write, like updates.
- ``GET /``: Oxigraph's query page (YASGUI, served from the oxigraph program itself).

Refused before Oxigraph sees them: ``SERVICE`` (and ``LOAD`` in updates: both fetch from other
hosts), bodies over ``max_body_bytes`` (413) or of unknown length (411). Each request leases
one Oxigraph worker from the pool; Oxigraph's own timeout cancels most long queries, and a
request still unanswered ``timeout`` + 2 s after it started gets 503 while its worker is
killed and replaced, which stops the work.
"""

from __future__ import annotations

import hmac
import http.client
import socket
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs, urlencode

from ..errors import E207, E209, E210, E211, E212, E213, E214, E215, E216, E217, E218, E219
from ._relay import Deadline, Refused, json_boolean_as_tsv, read_all, read_lines
from ._pool import Busy, ChildPool
from ._results import GRAPH_TYPES, SOLUTION_TYPES, negotiate, render_graph, render_solutions
from ._sparql_text import blank_out, dataset_clause, query_form, uses_service

__all__ = ["FrontConfig", "make_handler"]

_FORM = "application/x-www-form-urlencoded"
_PAGE_PATHS = {"/", "/yasgui.min.js", "/yasgui.min.css", "/logo.svg"}
_QUERY_PATHS = {"/query", "/sparql"}
_WRITE_METHODS = {"PUT", "POST", "DELETE"}
_GRACE = 2.0  # seconds the front waits beyond Oxigraph's own timeout before it cuts the query


@dataclass(frozen=True)
class FrontConfig:
    """What the front enforces and where Oxigraph listens."""

    pool: ChildPool
    timeout: float = 30.0
    max_rows: int = 10_000
    allow_update: bool = False
    token: str | None = None
    cors: bool = False
    max_body_bytes: int = 1 << 20


def make_handler(config: FrontConfig) -> type[BaseHTTPRequestHandler]:
    """A request handler class bound to ``config``."""

    class Handler(_FrontHandler):
        pass

    Handler.config = config
    return Handler


class _FrontHandler(BaseHTTPRequestHandler):
    config: FrontConfig
    server_version = "graphbuild-serve"
    sys_version = ""
    timeout = 60  # seconds a client may take to send its request

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
        headers = {"Allow": "GET, HEAD, POST, PUT, DELETE, OPTIONS"}
        if self.config.cors:
            headers.update({"Access-Control-Allow-Methods": "GET, POST, PUT, DELETE, OPTIONS",
                            "Access-Control-Allow-Headers": "Accept, Authorization, Content-Type",
                            "Access-Control-Max-Age": "600"})
        self._send(204, b"", headers=headers)

    def _dispatch(self, method: str) -> None:
        path, _, query_string = self.path.partition("?")
        try:
            if path in _QUERY_PATHS and method in ("GET", "HEAD", "POST"):
                self._sparql(method, query_string)
            elif path == "/update" and method == "POST":
                self._update(self._read_body(), query_string)
            elif path == "/store":
                self._graph_store(method, query_string)
            elif path in _PAGE_PATHS and method in ("GET", "HEAD"):
                self._pass_through(method)
            else:
                raise Refused(404, E207.format(method=method, path=path))
        except Refused as refusal:
            self._send(refusal.status, (str(refusal) + "\n").encode("utf-8"), headers=refusal.headers)
        except TimeoutError:
            self._send(503, (E214.format(timeout=self.config.timeout) + "\n").encode())
        except (OSError, http.client.HTTPException) as exc:
            if self._response_started:
                raise
            self._send(502, (E219.format(cause=f"Oxigraph did not answer ({exc})") + "\n").encode("utf-8"))

    # ------------------------------------------------------------------ requests
    def _read_body(self) -> bytes:
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            raise Refused(411, E217)
        length = self.headers.get("Content-Length")
        if length is None:
            raise Refused(411, E217)
        try:
            size = int(length)
        except ValueError:
            raise Refused(400, E217) from None
        if size > self.config.max_body_bytes:
            self.close_connection = True
            raise Refused(413, E213.format(size=size, limit=self.config.max_body_bytes))
        return self.rfile.read(size)

    def _sparql(self, method: str, query_string: str) -> None:
        params = parse_qs(query_string, keep_blank_values=True)
        body = self._read_body() if method == "POST" else b""
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if method == "POST" and content_type == _FORM:
            params.update(parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True))
        if method == "POST" and (content_type == "application/sparql-update" or "update" in params):
            return self._update(body, query_string)
        if method == "POST" and content_type == "application/sparql-query":
            query = body.decode("utf-8", "replace")
        else:
            query = (params.pop("query", [None]) or [None])[0]
        if not query:
            raise Refused(400, E216.format(what="SPARQL query",
                                           fix="send it as the 'query' parameter or as the request body"))
        if uses_service(query):
            raise Refused(403, E212)
        self._answer_query(method, query, params)

    def _update(self, body: bytes, query_string: str) -> None:
        self._check_write_allowed()
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if content_type == _FORM:
            text = (parse_qs(body.decode("utf-8", "replace")).get("update") or [""])[0]
        else:
            text = body.decode("utf-8", "replace")
        if not text.strip():
            raise Refused(400, E216.format(what="SPARQL update",
                                           fix="send it as the 'update' parameter or as the request body"))
        if uses_service(text):
            raise Refused(403, E212)
        if "LOAD" in blank_out(text).upper().split():
            raise Refused(403, E218)
        self._forward_raw("POST", "/update" + (f"?{query_string}" if query_string else ""), body)

    def _graph_store(self, method: str, query_string: str) -> None:
        if method in _WRITE_METHODS:
            body = self._read_body() if method != "DELETE" else b""
            self._check_write_allowed()
            return self._forward_raw(method, f"/store?{query_string}", body)
        if method not in ("GET", "HEAD"):
            raise Refused(405, E207.format(method=method, path="/store"))
        params = parse_qs(query_string, keep_blank_values=True)
        if "graph" not in params and "default" not in params:
            raise Refused(400, E216.format(what="graph",
                                           fix="name it with /store?graph=IRI, or /store?default for the default graph"))
        chosen = self._choose(GRAPH_TYPES)
        self._capped(method, f"/store?{query_string}", None, "CONSTRUCT", chosen)

    def _check_write_allowed(self) -> None:
        if not self.config.allow_update:
            raise Refused(403, E210)
        header = self.headers.get("Authorization") or ""
        scheme, _, given = header.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), self.config.token.encode()):
            raise Refused(403, E211, headers={"WWW-Authenticate": 'Bearer realm="graphbuild"'})

    # ------------------------------------------------------------------ answering
    def _choose(self, table: dict) -> tuple[str, object]:
        chosen = negotiate(self.headers.get("Accept"), table)
        if chosen is None:
            raise Refused(406, E215.format(accept=self.headers.get("Accept"), supported=", ".join(table)))
        return chosen

    def _answer_query(self, method: str, query: str, params: dict) -> None:
        form = query_form(query)
        chosen = self._choose(GRAPH_TYPES if form in ("CONSTRUCT", "DESCRIBE") else SOLUTION_TYPES)
        extra = [(name, value) for name in ("default-graph-uri", "named-graph-uri") for value in params.get(name, [])]
        if not extra:  # the protocol's graphs override the query's own FROM / FROM NAMED
            extra = self._own_dataset(query)
        body = urlencode([("query", query), *extra]).encode("utf-8")
        self._capped(method, "/query", body, form, chosen)

    def _own_dataset(self, query: str) -> list[tuple[str, str]]:
        """The query's FROM / FROM NAMED as protocol parameters: the workers run with
        ``--union-default-graph``, which would otherwise replace the query's dataset."""
        base = f"http://{self.headers.get('Host') or 'localhost'}{self.path.partition('?')[0]}"
        try:
            defaults, named = dataset_clause(query, base)
        except ValueError as exc:
            raise Refused(400, E219.format(cause=exc)) from None
        return [("default-graph-uri", g) for g in defaults] + [("named-graph-uri", g) for g in named]

    def _capped(self, method: str, path: str, body: bytes | None, form: str | None, chosen) -> None:
        """Ask Oxigraph for a line format, keep ``max_rows`` lines, answer in the chosen format."""
        media, fmt = chosen
        graph = form in ("CONSTRUCT", "DESCRIBE")
        accept = "application/n-triples" if graph else (
            "application/sparql-results+json" if form == "ASK" else "text/tab-separated-values")

        def read(connection, response, deadline):
            if response.status != 200:
                return response.status, _error_text(response), False
            if form == "ASK":
                return 200, read_all(connection, response, deadline), False
            lines, truncated = read_lines(connection, response, deadline, self.config.max_rows, header=not graph)
            return 200, b"".join(lines), truncated

        status, payload, truncated = self._exchange("POST" if body is not None else "GET", path, body,
                                                    {"Accept": accept, "Content-Type": _FORM}, read)
        if status != 200:
            return self._send(status, (E219.format(cause=payload.decode("utf-8", "replace")) + "\n").encode("utf-8"))
        if form == "ASK":
            output = render_solutions(json_boolean_as_tsv(payload), fmt, None)
        elif graph:
            output = render_graph(payload, fmt, self.config.max_rows if truncated else None)
        else:
            output = render_solutions(payload, fmt, self.config.max_rows if truncated else None)
        headers = {"X-Graphbuild-Max-Rows": str(self.config.max_rows)}
        if truncated:
            headers["X-Graphbuild-Truncated"] = "true"
        self._send(200, output, content_type=_content_type(media), headers=headers, head_only=method == "HEAD")

    def _forward_raw(self, method: str, path: str, body: bytes | None, *, head_only: bool = False,
                     headers: dict | None = None) -> None:
        """Forward as is (updates, Graph Store writes, the query page) and relay the answer."""
        if headers is None:
            headers = {name: self.headers[name] for name in ("Content-Type", "Accept") if self.headers.get(name)}

        def read(connection, response, deadline):
            return response.status, read_all(connection, response, deadline, limit=1 << 26), \
                response.getheader("Content-Type")

        status, data, content_type = self._exchange(method, path, body, headers, read)
        self._send(status, data, content_type=content_type, head_only=head_only)

    def _pass_through(self, method: str) -> None:
        self._forward_raw("GET", self.path, None, head_only=method == "HEAD", headers={})

    def _exchange(self, method, path, body, headers, read):
        """One request to a leased Oxigraph child, read by ``read(connection, response, deadline)``.

        Past the deadline a :class:`TimeoutError` propagates, and the pool kills that child.
        """
        deadline = Deadline(self.config.timeout + _GRACE)
        try:
            with self.config.pool.lease(deadline.remaining()) as child:
                connection = http.client.HTTPConnection(*child.address, timeout=deadline.remaining())
                try:
                    connection.request(method, path, body=body, headers=headers)
                    connection.sock.settimeout(deadline.remaining())
                    return read(connection, connection.getresponse(), deadline)
                except socket.timeout:
                    raise TimeoutError from None
                finally:
                    connection.close()  # also stops Oxigraph if it is still streaming rows
        except Busy:
            raise Refused(503, E209.format(workers=self.config.pool.size, timeout=self.config.timeout),
                          headers={"Retry-After": "5"}) from None

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
        self.end_headers()
        if not head_only:
            self.wfile.write(body)


def _error_text(response: http.client.HTTPResponse) -> bytes:
    """Oxigraph's error message; a cancellation is our timeout."""
    text = response.read(64 * 1024)
    if b"cancelled" in text.lower():
        raise TimeoutError
    return text.strip()


def _content_type(media: str) -> str:
    return media + ("; charset=utf-8" if media.startswith("text/") or media.endswith("json") or media.endswith("xml") else "")
