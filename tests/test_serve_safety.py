"""``graphbuild serve`` turned against its users, as a hostile local program or web page would try.

Every test starts the real server process and real listeners on 127.0.0.1 only.
"""

from __future__ import annotations

import ctypes
import http.client
import json
import os
import socket
import threading
import urllib.parse

import pytest
from server_helpers import listening_sockets, process_tree, start_graphbuild_serve, stop

from graphbuild.server._child import WorkerProcess
from graphbuild.vocab import PREFIXES

TOKEN = "t0ken"


class Listener:
    """A TCP listener on 127.0.0.1 that records every connection made to it."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                connection, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            connection.close()

    def close(self) -> None:
        self.sock.close()


@pytest.fixture
def listener():
    opened = Listener()
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def writable(tmp_path_factory, seeds_store):
    """A server that accepts updates with the token, on a copy of the seeds store."""
    import shutil

    copy = tmp_path_factory.mktemp("writable") / "store"
    shutil.copytree(seeds_store, copy, ignore=shutil.ignore_patterns("graphbuild.lock"))
    proc, url = start_graphbuild_serve(copy, "--allow-update", "--token", TOKEN, "--body-timeout", "1",
                                       "--max-connections", "4", "--allow-host", "graph.example")
    yield proc, url
    assert stop(proc) == 0


def send(url: str, method: str, path: str, body: bytes = b"", headers: dict | None = None) -> tuple[int, bytes]:
    """One request with exactly these headers (http.client adds Host and Content-Length unless given)."""
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def ask(url, sparql, **headers):
    return send(url, "POST", "/query", sparql.encode(), {"Content-Type": "application/sparql-query", **headers})


def update(url, text):
    return send(url, "POST", "/update", text.encode(),
                {"Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"})


def _can_isolate() -> bool:
    """Whether this machine lets a process enter an empty network namespace (tried in a child)."""
    pid = os.fork()
    if pid == 0:
        os._exit(0 if ctypes.CDLL(None).unshare(0x40000000) == 0 else 1)
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) == 0


# ---------------------------------------------------------------- 1: no way round the front
def test_only_the_public_socket_listens(writable):
    proc, url = writable
    port = urllib.parse.urlsplit(url).port
    assert len(process_tree(proc.pid)) == 2  # the server and its one writing worker
    assert listening_sockets(proc.pid) == [f"tcp 127.0.0.1:{port}"]


def test_read_only_workers_listen_nowhere_either(seeds_store):
    proc, url = start_graphbuild_serve(seeds_store, "--workers", "3")
    try:
        assert len(process_tree(proc.pid)) == 4
        assert listening_sockets(proc.pid) == [f"tcp 127.0.0.1:{urllib.parse.urlsplit(url).port}"]
        isolated = {os.readlink(f"/proc/{pid}/ns/net") != os.readlink(f"/proc/{proc.pid}/ns/net")
                    for pid in process_tree(proc.pid)[1:]}
        assert isolated == {_can_isolate()}  # where the kernel allows it, no worker shares our network
    finally:
        stop(proc)


def test_a_worker_cannot_reach_the_network(seeds_store, listener):
    # the second wall, without the front's parser: a worker asked directly to call SERVICE
    worker = WorkerProcess(seeds_store).start()
    try:
        query = f"SELECT * {{ SERVICE <http://127.0.0.1:{listener.port}/sparql> {{ ?s ?p ?o }} }}"
        header, _ = worker.call({"op": "query", "query": query, "max_rows": 5}, b"", 30)
    finally:
        worker.stop()
    assert worker.isolated == _can_isolate()
    if worker.isolated:
        assert header["status"] >= 400 and listener.connections == 0


# ---------------------------------------------------------------- 2: SERVICE and LOAD, however written
BYPASS_QUERIES = [
    # the query: an escaped local name made the text scanner read the rest as a string
    "PREFIX ex: <http://e/> SELECT * WHERE { BIND(ex:a\\' AS ?q) SERVICE <http://127.0.0.1:PORT/sparql> { ?x ?y ?z } # '\n}",
    'PREFIX ex: <http://e/> SELECT * WHERE { BIND(ex:a\\" AS ?q) SERVICE <http://127.0.0.1:PORT/> { ?x ?y ?z } # "\n}',
    "PREFIX ex: <http://e/> SELECT * { ?s ex:a\\#b ?o SERVICE <http://127.0.0.1:PORT/> { ?x ?y ?z } }",
    "SELECT * { ?s <http://e/#'> ?o . SERVICE <http://127.0.0.1:PORT/#x> { ?x ?y ?z } } # '",
    "SELECT * { ?s ?p '''a\\''' SERVICE <http://127.0.0.1:PORT/> { ?x ?y ?z } }",
    "SELECT * { ?s ?p ?o SERVIC\\u0045 <http://127.0.0.1:PORT/> { ?x ?y ?z } }",
    "SELECT * { ?s ?p ?o \\u0053ERVICE <http://127.0.0.1:PORT/> { ?x ?y ?z } }",
    "sElEcT * { ?s ?p ?o . sErViCe SiLeNt <http://127.0.0.1:PORT/> { ?x ?y ?z } }",
    "SELECT * { VALUES ?e { <http://127.0.0.1:PORT/> } SERVICE ?e { ?x ?y ?z } }",
    "ASK { FILTER EXISTS { SERVICE <http://127.0.0.1:PORT/> { ?x ?y ?z } } }",
    "SELECT * { { SELECT * { OPTIONAL { SERVICE <http://127.0.0.1:PORT/> { ?x ?y ?z } } } } }",
    "SELECT * #\n{ ?s ?p ?o } \x00 SERVICE <http://127.0.0.1:PORT/> { }",
]
BYPASS_UPDATES = [
    "LOAD <http://127.0.0.1:PORT/data.ttl>",
    "lOaD SiLeNt <http://127.0.0.1:PORT/data.ttl> INTO GRAPH <urn:g>",
    "L\\u004fAD <http://127.0.0.1:PORT/data.ttl>",
    "INSERT DATA { <urn:a> <urn:b> 'c\\'' } ; # '\nLOAD <http://127.0.0.1:PORT/d.ttl>",
    "PREFIX ex: <http://e/> INSERT { ex:a\\' ex:b ?z } WHERE { SERVICE <http://127.0.0.1:PORT/> { ?x ?y ?z } } # '",
]


@pytest.mark.parametrize("sparql", BYPASS_QUERIES)
def test_service_never_reaches_a_listener(writable, listener, sparql):
    status, body = ask(writable[1], sparql.replace("PORT", str(listener.port)))
    assert status in (400, 403) and body[:4] in (b"E212", b"E250"), body
    assert listener.connections == 0


@pytest.mark.parametrize("text", BYPASS_UPDATES)
def test_load_and_service_in_updates_never_reach_a_listener(writable, listener, text):
    status, body = update(writable[1], text.replace("PORT", str(listener.port)))
    assert status in (400, 403) and body[:4] in (b"E212", b"E218", b"E250"), body
    assert listener.connections == 0


def test_what_the_parser_cannot_read_is_refused(writable):
    status, body = ask(writable[1], "SELECT * { ?s ?p ?o } garbage")
    assert status == 400 and body.startswith(b"E250")


def test_a_long_block_of_triple_patterns_is_parsed(writable):
    # rdflib's grammar recurses per triple pattern: a request thread's stack held ~90 of them
    sparql = "ASK { " + " ".join(f"<urn:a> <urn:p> 'v{i}' ." for i in range(600)) + " }"
    status, body = ask(writable[1], sparql, Accept="application/sparql-results+json")
    assert (status, body) == (200, b'{"head":{},"boolean":false}')


def test_the_cli_prefixes_are_predeclared_and_an_unknown_one_is_named(writable):
    status, body = ask(writable[1], "SELECT ?o WHERE { ?s gb:supports ?o ; rdfs:label 'China' }",
                       Accept="application/sparql-results+json")
    assert status == 200 and json.loads(body)["results"]["bindings"], body
    status, body = ask(writable[1], "SELECT * WHERE { ?s foo:bar ?o }")
    assert status == 400 and body.startswith(b"E251 Unknown prefix 'foo:'"), body
    assert all(f"{prefix}:" in body.decode() for prefix in PREFIXES)


def test_graph_store_writes_with_the_token(writable):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    graph = "/store?graph=" + urllib.parse.quote("urn:gsp:test", safe="")
    status, body = send(writable[1], "PUT", graph, b"<urn:a> <urn:b> [ <urn:c> 'd' ] .",
                        {**auth, "Content-Type": "text/turtle"})
    assert status == 204, body
    status, body = send(writable[1], "GET", graph, headers={"Accept": "application/n-triples"})
    assert status == 200 and body.count(b" .\n") == 2
    assert send(writable[1], "DELETE", graph, headers=auth)[0] == 204
    assert send(writable[1], "GET", graph)[0] == 404


def test_a_graph_name_cannot_smuggle_an_update(writable):
    sneaky = "urn:g> { } } ; INSERT DATA { GRAPH <urn:injected> { <urn:a> <urn:b> <urn:c> } } ; INSERT DATA { GRAPH <urn:x"
    status, body = send(writable[1], "POST", "/store?graph=" + urllib.parse.quote(sneaky, safe=""), b"",
                        {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/n-triples"})
    assert status == 400 and b"Invalid IRI" in body, body
    status, body = ask(writable[1], "ASK { GRAPH <urn:injected> { ?s ?p ?o } }", Accept="application/sparql-results+json")
    assert json.loads(body)["boolean"] is False


# ---------------------------------------------------------------- 5: request bodies
@pytest.mark.parametrize("length", ["-1", "-5", "abc", "+5", "1e3", "", "1_0", "\u00b2", "9" * 40])
def test_an_invalid_content_length_is_refused(writable, length):
    status, body = send(writable[1], "POST", "/query", b"ASK {}",
                        {"Content-Type": "application/sparql-query", "Content-Length": length})
    assert status == 400 and body.startswith(b"E252"), body


def test_a_slow_body_times_out_with_408(writable):
    parts = urllib.parse.urlsplit(writable[1])
    with socket.create_connection((parts.hostname, parts.port), timeout=30) as sock:
        sock.sendall(b"POST /query HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/sparql-query\r\n"
                     b"Content-Length: 1000\r\n\r\nASK {}")
        answer = sock.makefile("rb").read()
    assert answer.startswith(b"HTTP/1.0 408") or answer.startswith(b"HTTP/1.1 408"), answer[:200]
    assert b"E253 The request body did not arrive within 1 s (6 of 1000 bytes came)" in answer


# ---------------------------------------------------------------- 6: Host names (DNS rebinding)
@pytest.mark.parametrize("host, status", [
    ("localhost", 200), ("localhost:PORT", 200), ("127.0.0.1:PORT", 200), ("[::1]:PORT", 200), ("[::1]", 200),
    ("LOCALHOST:PORT", 200), ("graph.example:PORT", 200),
    ("evil.example", 403), ("evil.example:PORT", 403), ("127.0.0.1.evil.example", 403), ("localhost.evil", 403),
    ("localhost:PORT@evil", 403), ("[::1]x", 403),
])
def test_only_loopback_host_names_are_answered(writable, host, status):
    port = str(urllib.parse.urlsplit(writable[1]).port)
    got, body = send(writable[1], "GET", "/query?query=ASK%7B%7D", headers={"Host": host.replace("PORT", port)})
    assert got == status, body
    if status == 403:
        assert body.startswith(b"E254 Host '") and b"--allow-host" in body


# ---------------------------------------------------------------- 7: bounded connections
def test_connections_beyond_the_bound_get_503(writable):
    parts = urllib.parse.urlsplit(writable[1])
    stalled = [socket.create_connection((parts.hostname, parts.port), timeout=30) for _ in range(4)]
    try:
        status, body = send(writable[1], "GET", "/query?query=ASK%7B%7D")
        assert status == 503 and body.startswith(b"E255"), body
    finally:
        for sock in stalled:
            sock.close()
    for _ in range(200):  # the stalled connections' threads notice the close and free their slots
        status, body = send(writable[1], "GET", "/query?query=ASK%7B%7D")
        if status == 200:
            break
    assert status == 200, body
