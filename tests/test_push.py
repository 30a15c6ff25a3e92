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


@pytest.mark.parametrize("url, cause", [
    ("http://[::1", "the host is malformed"),
    ("http://127.0.0.1:abc/store", "the port is not a number"),
    ("http://127.0.0.1:99999/store", "the port is not a number"),
    ("http://exa mple.com/store", "a space, a control or a non-ASCII character"),
    ("http://127.0.0.1/st\x01ore", "a space, a control or a non-ASCII character"),
    ("http://127.0.0.1/st\u00f6re", "a space, a control or a non-ASCII character"),
    ("http://:80/store", "it names no host"),
    ("http://127.0.0.1:1/store#part", "'#' fragment"),
])
def test_a_malformed_url_is_refused_before_sending(runner, seeds_store, url, cause):
    result = runner.invoke(main, ["push", url, "--store", str(seeds_store)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output.startswith("Error: E228 Push target") and cause in result.output


def test_credentials_in_the_url_are_used_and_never_shown(runner, seeds_store, oxigraph):
    url = oxigraph.replace("http://", "http://admin:s3cret@") + "/store"
    result = runner.invoke(main, ["push", url, "--store", str(seeds_store)])
    assert result.exit_code == 0, result.output
    assert remote_counts(oxigraph) == local_counts(seeds_store)
    assert "s3cret" not in result.output and "admin:***@127.0.0.1" in result.output
    down = f"http://admin:s3cret@127.0.0.1:{free_port()}/store"
    for args in ([down], ["ftp://admin:s3cret@example.org/x"], ["http://admin:s3cret@[::1/x"],
                 [down + "#x"], [down, "--token", "t"], [down, "--user", "u", "--password", "p"]):
        result = runner.invoke(main, ["push", *args, "--store", str(seeds_store)])
        assert result.exit_code == 1 and "admin:***@" in result.output and "s3cret" not in result.output, args


@pytest.mark.parametrize("options, what", [({"token": "t"}, "token"), ({"user": "u"}, "user name"),
                                           ({"password": "p"}, "password")])
def test_credentials_given_twice(seeds_store, options, what):
    with Store(seeds_store, read_only=True) as store:
        with pytest.raises(InputError, match=f"E229 Credentials given twice: the URL has 'admin:\\*\\*\\*@' "
                                             f"and a {what} is given too"):
            push_store(store, "http://admin:s3cret@127.0.0.1:1/store", **options)


def _recording_server(headers: list):
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
    import threading

    class Recorder(BaseHTTPRequestHandler):
        def do_PUT(self):
            self.rfile.read(int(self.headers["Content-Length"]))
            headers.append((self.path, self.headers.get("Authorization")))
            self.send_response(204)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


@pytest.mark.parametrize("userinfo, password, expected", [
    ("admin:s3cret", None, "admin:s3cret"),
    ("ad%40min:p%3Ass", None, "ad@min:p:ss"),  # percent-encoded in the URL, sent decoded
    ("admin", "fromoption", "admin:fromoption"),  # the URL names the user, --password gives the password
    (":tok", None, ":tok"),
])
def test_credentials_in_the_url_become_basic_auth(seeds_store, userinfo, password, expected):
    import base64

    seen: list = []
    httpd = _recording_server(seen)
    try:
        url = f"http://{userinfo}@127.0.0.1:{httpd.server_address[1]}/store"
        with Store(seeds_store, read_only=True) as store:
            report = push_store(store, url, password=password)
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert report.ok, report.text()
    assert len(seen) == 3 and all(path.startswith("/store?graph=") for path, _ in seen)
    assert {auth for _, auth in seen} == {"Basic " + base64.b64encode(expected.encode()).decode()}


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


def test_a_url_that_urllib_refuses_while_sending_is_a_failed_graph_not_a_traceback():
    from graphbuild.push_http import Target, Unreachable, gsp_request

    target = Target("http://127.0.0.1:abc/store", "shown", token=None, user=None, password=None, timeout=2)
    with pytest.raises(Unreachable, match="E228 Push target 'shown' is not a valid URL: nonnumeric port"):
        target.send("https://example.org/g", gsp_request("http://127.0.0.1:abc/store", "https://example.org/g", []))


def test_a_target_that_does_not_speak_http(seeds_store):
    import socket
    import threading

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)

    def answer_garbage():
        connection, _ = listener.accept()
        connection.settimeout(10)
        connection.recv(1024)
        connection.sendall(b"SSH-2.0-OpenSSH\r\n\r\n")
        connection.shutdown(socket.SHUT_WR)
        while connection.recv(65536):  # read the whole request, or closing would reset the connection
            pass
        connection.close()

    threading.Thread(target=answer_garbage, daemon=True).start()
    url = f"http://127.0.0.1:{listener.getsockname()[1]}/store"
    try:
        with Store(seeds_store, read_only=True) as store:
            report = push_store(store, url, timeout=5)
    finally:
        listener.close()
    assert [g.status for g in report.graphs] == ["failed", "not sent", "not sent"]
    assert f"E221 Cannot reach {url}: BadStatusLine" in report.graphs[0].error


def test_push_reads_graphs_through_the_store_api_never_oxigraph_itself(seeds_store, monkeypatch):
    def no_reaching_through(self):
        raise AssertionError("push reached through Store.oxigraph")

    monkeypatch.setattr(Store, "oxigraph", property(no_reaching_through))
    with Store(seeds_store, read_only=True) as store:
        report = push_store(store, "http://127.0.0.1:1/store", timeout=2)
    assert not report.ok and all(g.triples > 0 for g in report.graphs) and len(report.graphs) == 3


def test_push_command_goes_through_knowledge_graph_and_prints_json(runner, seeds_store, oxigraph, monkeypatch):
    from graphbuild import KnowledgeGraph

    calls = []
    real_push = KnowledgeGraph.push

    def spying_push(self, url, **options):
        calls.append((self.store.read_only, url))
        return real_push(self, url, **options)

    monkeypatch.setattr(KnowledgeGraph, "push", spying_push)
    result = runner.invoke(main, ["push", oxigraph + "/store", "--store", str(seeds_store), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert calls == [(True, oxigraph + "/store")]
    report = json.loads(result.output)
    assert report["ok"] and report["pushed"] == report["total"] == 3
    assert {g["status"] for g in report["graphs"]} == {"pushed"} and report["triples"] == sum(local_counts(seeds_store).values())


def test_a_failed_push_still_prints_its_json_report_and_exits_1(seeds_store):
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-c", "from graphbuild.cli import main; main()", "push",
                             f"http://127.0.0.1:{free_port()}/store", "--store", str(seeds_store), "--format", "json",
                             "--timeout", "2"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and "E224" in result.stderr
    report = json.loads(result.stdout)
    assert not report["ok"] and [g["status"] for g in report["graphs"]] == ["failed", "not sent", "not sent"]
