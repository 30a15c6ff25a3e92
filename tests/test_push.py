"""``graphbuild push`` against a real Oxigraph server process (read-write) started by the test."""

from __future__ import annotations

import json
import time
import urllib.parse
import urllib.request
from collections import Counter

import pytest
from server_helpers import free_port, start_graphbuild_serve, start_oxigraph, stop

from graphbuild.cli import main
from graphbuild.errors import InputError
from graphbuild.push import PushError, push_store
from graphbuild.store import Store


@pytest.fixture
def oxigraph(tmp_path):
    proc, url = start_oxigraph(tmp_path / "target")
    yield url
    stop(proc)


def remote_counts(url: str) -> Counter:
    sparql = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    request = urllib.request.Request(url + "/query", data=urllib.parse.urlencode({"query": sparql}).encode(),
                                     headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        rows = json.load(response)["results"]["bindings"]
    return Counter({row["g"]["value"]: int(row["n"]["value"]) for row in rows})


def remote_dump(url: str) -> bytes:
    request = urllib.request.Request(url + "/store", headers={"Accept": "application/n-quads"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return b"\n".join(sorted(response.read().splitlines()))


def local_counts(store_path) -> Counter:
    with Store(store_path, read_only=True) as store:
        return Counter(q.graph_name.value for q in store.quads())


@pytest.mark.parametrize("via, path", [("gsp", "/store"), ("update", "/update")])
def test_push_then_push_again_changes_nothing(runner, seeds_store, oxigraph, via, path):
    result = runner.invoke(main, ["push", oxigraph + path, "--store", str(seeds_store), "--via", via])
    assert result.exit_code == 0, result.output
    expected = local_counts(seeds_store)
    assert len(expected) == 3  # two documents and the ontology
    assert remote_counts(oxigraph) == expected
    first = remote_dump(oxigraph)
    result = runner.invoke(main, ["push", oxigraph + path, "--store", str(seeds_store), "--via", via])
    assert result.exit_code == 0, result.output
    assert remote_counts(oxigraph) == expected
    assert remote_dump(oxigraph) == first
    assert "3 of 3 graphs pushed" in result.output


def test_push_one_graph(seeds_store, oxigraph):
    with Store(seeds_store, read_only=True) as store:
        graph = next(g for g in store.named_graphs() if "/doc/" in g)
        report = push_store(store, oxigraph + "/store", graph=graph)
        with pytest.raises(InputError, match="E227"):
            push_store(store, oxigraph + "/store", graph="https://example.org/none")
    assert report.ok and [g.graph for g in report.graphs] == [graph]
    assert list(remote_counts(oxigraph)) == [graph]


def test_a_target_that_is_down(runner, seeds_store):
    url = f"http://127.0.0.1:{free_port()}/store"
    result = runner.invoke(main, ["push", url, "--store", str(seeds_store)])
    assert result.exit_code == 1
    assert f"E221 Cannot reach {url}" in result.output
    assert "failed" in result.output and "not sent" in result.output and "0 of 3 graphs pushed" in result.output
    assert "Traceback" not in result.output


def test_a_target_that_refuses(runner, seeds_store):
    # graphbuild's own read-only endpoint answers 403 to Graph Store writes
    proc, url = start_graphbuild_serve(seeds_store)
    try:
        result = runner.invoke(main, ["push", url + "store", "--store", str(seeds_store)])
    finally:
        stop(proc)
    assert result.exit_code == 1
    assert f"E222 {url}store refused graph" in result.output and "HTTP 403" in result.output


def test_push_to_graphbuild_serve_with_a_token(seeds_store, tmp_path):
    target = tmp_path / "empty"
    proc, url = start_graphbuild_serve(target, "--allow-update", "--token", "t0k")
    try:
        with Store(seeds_store, read_only=True) as store:
            denied = push_store(store, url + "store", token="wrong")
            report = push_store(store, url + "update", via="update", token="t0k")
    finally:
        stop(proc)
    assert not denied.ok and "HTTP 403" in denied.graphs[0].error
    assert [g.status for g in denied.graphs][1:] == ["not sent", "not sent"]
    with pytest.raises(PushError, match="E224"):
        denied.raise_for_failure()
    assert report.ok and report.triples == sum(local_counts(seeds_store).values())
    assert local_counts(target) == local_counts(seeds_store)


def test_a_target_that_times_out(seeds_store):
    import socket
    import threading

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)  # accepts connections, never answers
    url = f"http://127.0.0.1:{listener.getsockname()[1]}/store"
    accepted = []
    thread = threading.Thread(target=lambda: accepted.append(listener.accept()), daemon=True)
    thread.start()
    started = time.monotonic()
    try:
        with Store(seeds_store, read_only=True) as store:
            report = push_store(store, url, timeout=1)
    finally:
        for connection, _ in accepted:
            connection.close()
        listener.close()
    assert time.monotonic() - started < 10
    assert report.graphs[0].status == "failed" and "E223" in report.graphs[0].error and url in report.graphs[0].error


@pytest.mark.parametrize("args, code", [
    (["ftp://example.org/x"], "E220"),
    (["http://127.0.0.1:1/store", "--token", "a", "--user", "b", "--password", "c"], "E225"),
])
def test_bad_arguments(runner, seeds_store, args, code):
    result = runner.invoke(main, ["push", *args, "--store", str(seeds_store)])
    assert result.exit_code == 1 and code in result.output


def test_a_partial_push_is_reported_graph_by_graph(runner, seeds_store):
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
    import threading

    class Picky(BaseHTTPRequestHandler):  # a target whose disk fills up on the ontology graph
        def do_PUT(self):
            self.rfile.read(int(self.headers["Content-Length"]))
            full = "ontology" in urllib.parse.unquote(self.path)
            self.send_response(507 if full else 204)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Picky)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{httpd.server_address[1]}/store"
        result = runner.invoke(main, ["push", url, "--store", str(seeds_store)])
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert sum(line.startswith("pushed") for line in lines) == 2
    assert any(line.startswith("failed") and "ontology" in line and "HTTP 507" in line for line in lines)
    assert "2 of 3 graphs pushed" in result.output
