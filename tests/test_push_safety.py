"""``graphbuild push`` against targets that redirect, want Digest, refuse, or quote requests back.

Each target is a real HTTP server on 127.0.0.1 started by the test.
"""

from __future__ import annotations

import hashlib
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from server_helpers import start_oxigraph, stop
from test_push import local_counts, remote_counts, remote_dump

from graphbuild.cli import main
from graphbuild.store import Store


class Target:
    """A local HTTP server; ``answer(handler, body)`` returns (status, headers, body) per request.
    Every request is recorded as (method, path, Authorization, body)."""

    def __init__(self, answer) -> None:
        self.requests: list[tuple[str, str, str | None, bytes]] = []
        target = self

        class Handler(BaseHTTPRequestHandler):
            def _any(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                target.requests.append((self.command, self.path, self.headers.get("Authorization"), body))
                status, headers, data = answer(self, body)
                self.send_response(status)
                for name, value in {**headers, "Content-Length": str(len(data))}.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_PUT = do_POST = do_DELETE = _any

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def targets():
    started = []

    def start(answer):
        started.append(Target(answer))
        return started[-1]

    yield start
    for target in started:
        target.close()


def ok(handler, body):
    return 204, {}, b""


@pytest.mark.parametrize("via, path", [("gsp", "/store"), ("update", "/update")])
@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
@pytest.mark.parametrize("credentials", [["--token", "tok3n"], ["--user", "admin", "--password", "s3cret"], []])
def test_a_redirect_is_an_error_and_nothing_follows_it(runner, seeds_store, targets, via, path, status, credentials):
    elsewhere = targets(ok)
    redirecting = targets(lambda handler, body: (status, {"Location": elsewhere.url + path}, b""))
    result = runner.invoke(main, ["push", redirecting.url + path, "--store", str(seeds_store), "--via", via,
                                  *credentials])
    assert result.exit_code == 1
    assert f"E256 {redirecting.url}{path} redirected (HTTP {status}) to {elsewhere.url}{path}" in result.output
    assert "0 of 3 graphs pushed" in result.output and not re.search(r"^pushed ", result.output, re.M)
    assert len(redirecting.requests) == 1 and elsewhere.requests == []  # neither data nor credentials went on


def test_pushing_an_empty_store_is_not_a_success(runner, tmp_path, targets):
    target = targets(ok)
    Store(tmp_path / "empty").close()
    result = runner.invoke(main, ["push", target.url + "/store", "--store", str(tmp_path / "empty")])
    assert result.exit_code == 1 and "E258" in result.output and "pushed" not in result.output
    assert target.requests == []


def test_a_redirect_hides_a_password_in_its_location(runner, seeds_store, targets):
    redirecting = targets(lambda handler, body: (302, {"Location": "http://u:pw123@127.0.0.1:1/x"}, b""))
    result = runner.invoke(main, ["push", redirecting.url + "/store", "--store", str(seeds_store)])
    assert "to http://u:***@127.0.0.1:1/x" in result.output and "pw123" not in result.output


def _digest_target(user: str, password: str):
    """An answer function that wants HTTP Digest (RFC 2617, MD5, qop=auth) with these credentials."""
    realm, nonce = "graphs", "n0nce"

    def md5(text: str) -> str:
        return hashlib.md5(text.encode()).hexdigest()

    def answer(handler, body):
        header = handler.headers.get("Authorization") or ""
        fields = dict(re.findall(r'(\w+)="?([^",]*)"?', header))
        if header.startswith("Digest ") and fields.get("username") == user:
            ha1 = md5(f"{user}:{realm}:{password}")
            ha2 = md5(f"{handler.command}:{fields['uri']}")
            expected = md5(f"{ha1}:{nonce}:{fields['nc']}:{fields['cnonce']}:{fields['qop']}:{ha2}")
            if fields.get("response") == expected:
                return 204, {}, b""
        challenge = f'Digest realm="{realm}", nonce="{nonce}", qop="auth", algorithm=MD5'
        return 401, {"WWW-Authenticate": challenge}, b"unauthorized"

    return answer


@pytest.mark.parametrize("via, path", [("gsp", "/store"), ("update", "/update")])
def test_digest_authentication(runner, seeds_store, targets, via, path):
    target = targets(_digest_target("admin", "s3cret"))
    result = runner.invoke(main, ["push", target.url + path, "--store", str(seeds_store), "--via", via,
                                  "--user", "admin", "--password", "s3cret"])
    assert result.exit_code == 0, result.output
    assert "3 of 3 graphs pushed" in result.output
    accepted = [r for r in target.requests if (r[2] or "").startswith("Digest ")]
    assert len(accepted) >= 3


def test_a_refused_password_says_401_and_how_to_fix_it(runner, seeds_store, targets):
    target = targets(_digest_target("admin", "s3cret"))
    result = runner.invoke(main, ["push", target.url + "/store", "--store", str(seeds_store),
                                  "--user", "admin", "--password", "wrong"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "E257" in result.output and "HTTP 401 Unauthorized (it asks for Digest authentication)" in result.output
    assert "refused these credentials" in result.output and "wrong" not in result.output


def test_a_401_without_credentials_says_which_to_give(runner, seeds_store, targets):
    target = targets(lambda handler, body: (401, {"WWW-Authenticate": 'Basic realm="x"'}, b""))
    result = runner.invoke(main, ["push", target.url + "/store", "--store", str(seeds_store)])
    assert result.exit_code == 1
    assert "HTTP 401 Unauthorized (it asks for Basic authentication)" in result.output
    assert "give --user and --password (Basic or Digest), or --token" in result.output


def _triples_in(update: bytes) -> int:
    return sum(1 for line in update.decode().splitlines() if line.endswith(" ."))


def test_updates_go_in_bounded_batches(runner, seeds_store, targets):
    target = targets(ok)
    result = runner.invoke(main, ["push", target.url + "/update", "--store", str(seeds_store), "--via", "update",
                                  "--batch", "40"])
    assert result.exit_code == 0, result.output
    sizes = [_triples_in(body) for _, _, _, body in target.requests]
    assert max(sizes) <= 40
    assert sum(sizes) == sum(local_counts(seeds_store).values())
    moves = [body for _, _, _, body in target.requests if body.startswith(b"MOVE SILENT GRAPH <urn:graphbuild:push:")]
    assert len(moves) == 3  # every seeds graph is larger than 40 triples: staged, then moved in one step


def test_batched_updates_replace_each_graph_exactly(runner, seeds_store, tmp_path):
    proc, url = start_oxigraph(tmp_path / "target")
    try:
        for _ in range(2):  # pushing again replaces, never duplicates or leaves a staging graph
            result = runner.invoke(main, ["push", url + "/update", "--store", str(seeds_store), "--via", "update",
                                          "--batch", "25"])
            assert result.exit_code == 0, result.output
            assert remote_counts(url) == local_counts(seeds_store)
        with Store(seeds_store, read_only=True) as store:
            expected = sorted(" ".join(str(t) for t in (q.subject, q.predicate, q.object, q.graph_name)) + " ."
                              for q in store.quads() if not any(type(t).__name__ == "BlankNode" for t in q))
        dumped = remote_dump(url).decode().splitlines()
        assert [line for line in dumped if "_:" not in line] == [line.encode().decode() for line in expected]
    finally:
        stop(proc)


def test_no_error_repeats_the_request(runner, seeds_store, targets):
    # like Virtuoso: refuses the update and quotes the whole query back
    target = targets(lambda handler, body: (400, {}, b"Virtuoso 37000 Error: SQL text exceeded; query: " + body))
    result = runner.invoke(main, ["push", target.url + "/update", "--store", str(seeds_store), "--via", "update"])
    assert result.exit_code == 1
    assert "Virtuoso 37000 Error: SQL text exceeded; query: [request text not shown]" in result.output
    assert "INSERT DATA" not in result.output and "DROP SILENT" not in result.output and "rdf-schema" not in result.output
    assert len(result.output) < 3000


UPDATE = b'DROP SILENT GRAPH <urn:g> ;\nINSERT DATA { GRAPH <urn:g> {\n<urn:a> <urn:b> "secret value" .\n} }'


@pytest.mark.parametrize("answer", [
    "Error: " + UPDATE.decode(),                       # the whole request, first line only
    "Error: " + " ".join(UPDATE.decode().split()),     # the whole request on one line
    "Error: " + UPDATE.decode()[31:61].replace("\n", " "),  # 30 characters from the middle
    "Error: near '" + UPDATE.decode()[60:].replace("\n", "\t"),
])
def test_a_quoted_request_is_cut_from_the_detail(answer):
    from graphbuild.push_http import _detail

    detail = _detail(answer, UPDATE)
    assert detail.startswith("Error:") and detail.endswith("[request text not shown]"), detail
    assert "secret" not in detail and "urn:" not in detail
