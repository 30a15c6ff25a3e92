"""``graphbuild serve`` as a real process on 127.0.0.1: the SPARQL protocol and its safety defaults."""

from __future__ import annotations

import http.client
import json
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest
from server_helpers import children, cpu_seconds, start_graphbuild_serve, stop

from graphbuild.cli import main
from graphbuild.server._refused import Refused
from graphbuild.server._sparql_check import inspect_query
from graphbuild.server._sparql_text import dataset_clause
from graphbuild.store import Store

MAX_ROWS = 7
TIMEOUT = 2
CROSS_JOIN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
# Oxigraph's own timeout does not stop this one (the sort ignores it): only killing its process does
SORTED_CROSS_JOIN = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a ?f"
WORKERS = 3


@pytest.fixture(scope="module")
def served(seeds_store):
    proc, url = start_graphbuild_serve(seeds_store, "--timeout", str(TIMEOUT), "--max-rows", str(MAX_ROWS),
                                       "--max-body", "4000")
    yield proc, url
    assert stop(proc) == 0


def request(url, path, *, data=None, headers=None, method=None):
    """(status, headers, body) of one HTTP request; HTTP errors are answers, not exceptions."""
    req = urllib.request.Request(url.rstrip("/") + path, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, resp.headers, resp.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read()


def query(url, sparql, accept="application/sparql-results+json", how="post-form"):
    if how == "get":
        return request(url, "/query?" + urllib.parse.urlencode({"query": sparql}), headers={"Accept": accept})
    if how == "post-direct":
        return request(url, "/query", data=sparql.encode(),
                       headers={"Accept": accept, "Content-Type": "application/sparql-query"})
    return request(url, "/query", data=urllib.parse.urlencode({"query": sparql}).encode(),
                   headers={"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"})


def test_listens_on_loopback_by_default(served):
    assert served[1].startswith("http://127.0.0.1:")


@pytest.mark.parametrize("how", ["get", "post-form", "post-direct"])
def test_select_counts_match_the_store(served, seeds_store, how):
    status, headers, body = query(served[1], "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", how=how)
    assert status == 200, body
    served_count = int(json.loads(body)["results"]["bindings"][0]["n"]["value"])
    with Store(seeds_store, read_only=True) as store:  # readers share the lock with the server
        expected = int(next(iter(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))["n"].value)
    assert served_count == expected > 1000
    assert "X-Graphbuild-Truncated" not in headers


@pytest.mark.parametrize("accept, fmt", [
    ("application/sparql-results+json", ox.QueryResultsFormat.JSON),
    ("application/sparql-results+xml", ox.QueryResultsFormat.XML),
    ("text/csv", None),
    ("text/tab-separated-values", ox.QueryResultsFormat.TSV),
])
def test_select_result_formats(served, accept, fmt):
    sparql = "SELECT ?who ?whom WHERE { ?c rdfs:label 'China' ; gb:supports ?o . ?o rdfs:label ?whom . BIND(?c AS ?who) }"
    sparql = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX gb: <https://graphbuild.org/ontology#> " + sparql
    status, headers, body = query(served[1], sparql, accept=accept)
    assert status == 200, body
    assert headers["Content-Type"].startswith(accept)
    if fmt is None:
        assert body.decode().splitlines()[0] == "who,whom"
        return
    rows = list(ox.parse_query_results(body, fmt))
    assert rows and all(row["whom"].value for row in rows)


@pytest.mark.parametrize("accept, fmt", [
    ("text/turtle", ox.RdfFormat.TURTLE),
    ("application/n-triples", ox.RdfFormat.N_TRIPLES),
    ("application/ld+json", ox.RdfFormat.JSON_LD),
    ("application/rdf+xml", ox.RdfFormat.RDF_XML),
])
def test_construct_result_formats(served, accept, fmt):
    sparql = "CONSTRUCT { ?s <urn:p> ?o } WHERE { ?s <https://graphbuild.org/ontology#supports> ?o } LIMIT 3"
    status, headers, body = query(served[1], sparql, accept=accept)
    assert status == 200, body
    assert headers["Content-Type"].startswith(accept)
    assert len(list(ox.parse(body, fmt))) == 3


def test_ask_and_describe(served):
    status, _, body = query(served[1], "ASK { ?s ?p ?o }")
    assert (status, json.loads(body)["boolean"]) == (200, True)
    status, _, body = query(served[1], "DESCRIBE <https://graphbuild.org/id/country/china>", accept="text/turtle")
    assert status == 200 and len(list(ox.parse(body, ox.RdfFormat.TURTLE))) == MAX_ROWS


def test_rows_are_capped_and_the_answer_says_so(served):
    status, headers, body = query(served[1], "SELECT * WHERE { ?s ?p ?o }")
    result = json.loads(body)
    assert status == 200
    assert len(result["results"]["bindings"]) == MAX_ROWS
    assert headers["X-Graphbuild-Truncated"] == "true"
    assert result["head"]["link"] == [f"urn:graphbuild:truncated:max-rows={MAX_ROWS}"]
    status, headers, body = query(served[1], "SELECT * WHERE { ?s ?p ?o } LIMIT 3")
    assert len(json.loads(body)["results"]["bindings"]) == 3 and "X-Graphbuild-Truncated" not in headers


@pytest.mark.parametrize("path, data, content_type", [
    ("/update", "update=INSERT DATA { <urn:a> <urn:b> <urn:c> }", "application/x-www-form-urlencoded"),
    ("/update", "INSERT DATA { <urn:a> <urn:b> <urn:c> }", "application/sparql-update"),
    ("/sparql", "INSERT DATA { <urn:a> <urn:b> <urn:c> }", "application/sparql-update"),
    ("/store?graph=urn:g", "<urn:a> <urn:b> <urn:c> .", "application/n-triples"),
])
def test_updates_are_refused_with_403(served, path, data, content_type):
    status, _, body = request(served[1], path, data=data.encode(), headers={"Content-Type": content_type},
                              method="PUT" if path.startswith("/store") else "POST")
    assert status == 403 and body.startswith(b"E210")
    status, _, body = query(served[1], "ASK { <urn:a> ?p ?o }")
    assert json.loads(body)["boolean"] is False


def busy_cpu(server_pid: int, seconds: float) -> float:
    """CPU seconds the server's Oxigraph children use over ``seconds``."""
    pids = children(server_pid)
    before = sum(cpu_seconds(p) for p in pids)
    time.sleep(seconds)
    return sum(cpu_seconds(p) for p in pids if Path(f"/proc/{p}").exists()) - before


@pytest.mark.parametrize("sparql", [CROSS_JOIN, SORTED_CROSS_JOIN], ids=["count", "order-by"])
def test_a_long_query_is_stopped_and_stops_working(served, sparql):
    proc, url = served
    started = time.monotonic()
    status, _, body = query(url, sparql)
    elapsed = time.monotonic() - started
    assert status == 503 and body.startswith(b"E214"), body
    assert TIMEOUT <= elapsed < TIMEOUT + 2 + 3  # Oxigraph's timeout, else ours 2 s later
    time.sleep(0.3)  # a killed worker's replacement starts
    assert busy_cpu(proc.pid, 1.0) < 0.2  # the evaluation really stopped
    assert len(children(proc.pid)) == WORKERS
    assert query(url, "ASK { ?s ?p ?o }")[0] == 200  # and the server still answers


def test_other_queries_are_answered_while_one_overruns(served):
    import threading

    proc, url = served
    slow = threading.Thread(target=query, args=(url, SORTED_CROSS_JOIN))
    slow.start()
    time.sleep(0.3)
    started = time.monotonic()
    assert query(url, "ASK { ?s ?p ?o }")[0] == 200
    assert time.monotonic() - started < 1.0
    slow.join()


def test_a_long_streaming_result_is_stopped(served):
    # rows flow at once here, so only the cap (not the timeout) ends it; the workers must go idle
    proc, url = served
    status, headers, _ = query(url, "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }", accept="text/csv")
    assert status == 200 and headers["X-Graphbuild-Truncated"] == "true"
    assert busy_cpu(proc.pid, 0.5) < 0.1


@pytest.mark.parametrize("sparql", [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }",
    "select * { service silent <http://example.org/sparql> { ?s ?p ?o } }",
    "SELECT * { ?s ?p ?o . # a comment\n SERVICE ?endpoint { ?s ?p ?o } }",
])
def test_service_calls_are_refused(served, sparql):
    status, _, body = query(served[1], sparql)
    assert status == 403 and body.startswith(b"E212")


def test_the_word_service_in_literals_and_names_is_fine(served):
    sparql = 'SELECT ?service WHERE { BIND("SERVICE <http://x/>" AS ?service) } # SERVICE'
    status, _, body = query(served[1], sparql)
    assert status == 200, body


def test_bodies_are_bounded(served):
    big = urllib.parse.urlencode({"query": "ASK {}" + " " * 5000}).encode()
    status, _, body = request(served[1], "/query", data=big,
                              headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 413 and body.startswith(b"E213")
    host, port = urllib.parse.urlsplit(served[1]).netloc.split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    connection.putrequest("POST", "/query")
    connection.putheader("Transfer-Encoding", "chunked")
    connection.putheader("Content-Type", "application/sparql-query")
    connection.endheaders()
    connection.send(b"6\r\nASK {}\r\n0\r\n\r\n")
    assert connection.getresponse().status == 411
    connection.close()


def test_cors_is_off_by_default(served):
    status, headers, _ = request(served[1], "/query?query=ASK%7B%7D", headers={"Origin": "https://elsewhere.example"})
    assert status == 200 and "Access-Control-Allow-Origin" not in headers
    status, headers, _ = request(served[1], "/query", method="OPTIONS",
                                 headers={"Origin": "https://elsewhere.example", "Access-Control-Request-Method": "POST"})
    assert "Access-Control-Allow-Origin" not in headers


def test_errors_and_unsupported_types(served):
    status, _, body = query(served[1], "SELECT WHERE nonsense")
    assert status == 400 and body.startswith(b"E250")
    status, _, body = query(served[1], "SELECT * { ?s ?p ?o }", accept="image/png")
    assert status == 406 and body.startswith(b"E215")
    assert request(served[1], "/query")[0] == 400
    assert request(served[1], "/nowhere")[0] == 404


def test_query_page(served):
    status, headers, body = request(served[1], "/")
    assert status == 200 and headers["Content-Type"].startswith("text/html") and b"yasgui" in body.lower()
    assert request(served[1], "/yasgui.min.js")[0] == 200  # served locally, no CDN


def test_building_while_serving_gives_a_clear_error(served, seeds_store, runner, seeds_dir):
    result = runner.invoke(main, ["build", "--store", str(seeds_store), "--no-html", str(seeds_dir)])
    assert result.exit_code == 1
    assert "E001" in result.output and "Traceback" not in result.output


def test_updates_with_a_token(store_copy, runner, seeds_dir):
    proc, url = start_graphbuild_serve(store_copy, "--allow-update", "--token", "s3cret", "--cors")
    try:
        insert = b"INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> 'c' } }"
        plain = {"Content-Type": "application/sparql-update"}
        assert request(url, "/update", data=insert, headers=plain)[0] == 403
        status, headers, _ = request(url, "/update", data=insert, headers={**plain, "Authorization": "Bearer wrong"})
        assert status == 403 and headers["WWW-Authenticate"].startswith("Bearer")
        assert query(url, "ASK { <urn:a> ?p ?o }")[2] == b'{"head":{},"boolean":false}'
        status, _, body = request(url, "/update", data=insert, headers={**plain, "Authorization": "Bearer s3cret"})
        assert status in (200, 204), body
        assert json.loads(query(url, "ASK { <urn:a> ?p ?o }")[2])["boolean"] is True
        load = b"LOAD <http://127.0.0.1:1/data.ttl>"
        assert request(url, "/update", data=load, headers={**plain, "Authorization": "Bearer s3cret"})[0] == 403
        status, headers, _ = request(url, "/query?query=ASK%7B%7D", headers={"Origin": "https://a.example"})
        assert headers["Access-Control-Allow-Origin"] == "*"
        # a writing server holds the lock alone: readers and builds are turned away
        result = runner.invoke(main, ["query", "--store", str(store_copy), "ASK {}"])
        assert result.exit_code == 1 and "E001" in result.output
    finally:
        assert stop(proc) == 0
    with Store(store_copy, read_only=True) as store:
        assert bool(store.query("ASK { GRAPH <urn:g> { <urn:a> <urn:b> 'c' } }"))


def test_allow_update_needs_a_token(runner, store_copy):
    result = runner.invoke(main, ["serve", "--store", str(store_copy), "--allow-update", "--port", "0"])
    assert result.exit_code == 1 and "E203" in result.output


def test_stopping_the_server_stops_oxigraph_and_frees_the_store(store_copy):
    proc, _ = start_graphbuild_serve(store_copy, "--workers", "2")
    workers = children(proc.pid)
    assert len(workers) == 2
    assert stop(proc) == 0
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and any(map(_alive, workers)):
        time.sleep(0.05)
    assert not any(map(_alive, workers))
    Store(store_copy).close()  # a writer can open it again


def test_serving_a_missing_store(runner, tmp_path):
    result = runner.invoke(main, ["serve", "--store", str(tmp_path / "none"), "--port", "0"])
    assert result.exit_code == 1 and "E002" in result.output


@pytest.mark.parametrize("sparql, form, service", [
    ("PREFIX ask: <http://x/> SELECT * { ?s ask:p 'ASK' }", "SELECT", False),
    ("# SELECT\nCONSTRUCT WHERE { ?s ?p ?o }", "CONSTRUCT", False),
    ("BASE <http://select/> DESCRIBE <x>", "DESCRIBE", False),
    ("ASK { ?s ?p '''SERVICE''' }", "ASK", False),
    ("SELECT * { ?s ?p ?o FILTER(?o < 3 && ?o > 1) SERVICE<http://x/>{} }", "SELECT", True),
    ("SELECT * { _:service ?p ?o . ?s <urn:x> $service }", "SELECT", False),
])
def test_query_form_and_service_detection(sparql, form, service):
    if service:
        with pytest.raises(Refused, match="E212"):
            inspect_query(sparql)
    else:
        assert inspect_query(sparql) == form


@pytest.mark.parametrize("sparql, defaults, named", [
    ("SELECT * FROM <http://g/1> FROM NAMED <http://g/2> { ?s ?p ?o }", ["http://g/1"], ["http://g/2"]),
    ("prefix g: <http://g/> construct { ?s ?p ?o } from g:1 from named g:a\\.b where { ?s ?p ?o }",
     ["http://g/1"], ["http://g/a.b"]),
    ("BASE <http://g/> DESCRIBE <x> FROM<rel>", ["http://g/rel"], []),
    ("SELECT * FROM <rel> {}", ["http://host/query/rel"], []),
    ('SELECT ?from { ?s <urn:from> "FROM <urn:x>", """\nFROM <urn:y>""", "x"@from } # FROM <urn:z>', [], []),
    ("SELECT * { ?s from:x ?from ; $from _:from }", [], []),
])
def test_dataset_clause(sparql, defaults, named):
    assert dataset_clause(sparql, "http://host/query/") == (defaults, named)


@pytest.mark.parametrize("sparql", ["SELECT * FROM ?g {}", "ASK FROM NAMED", "SELECT * FROM nope:g {}"])
def test_unreadable_dataset_clause(sparql):
    with pytest.raises(ValueError, match="FROM"):
        dataset_clause(sparql, "http://host/query")


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def test_graph_store_reads_are_capped_too(served):
    graph = urllib.parse.quote("https://graphbuild.org/ontology", safe="")
    status, headers, body = request(served[1], f"/store?graph={graph}", headers={"Accept": "application/n-triples"})
    assert status == 200 and headers["X-Graphbuild-Truncated"] == "true"
    assert len(list(ox.parse(body, ox.RdfFormat.N_TRIPLES))) == MAX_ROWS
    assert request(served[1], "/store")[0] == 400


def _count(url, sparql, **params):
    """COUNT(*) answered by the server for ``sparql`` (with protocol ``params`` like default-graph-uri)."""
    data = urllib.parse.urlencode([("query", sparql), *params.items()]).encode()
    status, _, body = request(url, "/query", data=data, headers={
        "Accept": "application/sparql-results+json", "Content-Type": "application/x-www-form-urlencoded"})
    assert status == 200, body
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


@pytest.fixture(scope="module")
def document_graph(seeds_store):
    """(IRI, triple count) of one document graph of the seeds store."""
    with Store(seeds_store, read_only=True) as store:
        row = next(iter(store.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o . ?g a gb:Document } } "
                                    "GROUP BY ?g ORDER BY ?g LIMIT 1")))
        return row["g"].value, int(row["n"].value)


@pytest.mark.parametrize("how", ["get", "post-form", "post-direct"])
def test_from_sets_the_default_graph(served, document_graph, how):
    graph, expected = document_graph
    all_count = _count(served[1], "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    status, _, body = query(served[1], f"SELECT (COUNT(*) AS ?n) FROM <{graph}> WHERE {{ ?s ?p ?o }}", how=how)
    assert status == 200, body
    assert int(json.loads(body)["results"]["bindings"][0]["n"]["value"]) == expected < all_count
    assert _count(served[1], "SELECT (COUNT(*) AS ?n) FROM <http://nope/> WHERE { ?s ?p ?o }") == 0


def test_from_with_prefixes_base_and_several_graphs(served, document_graph):
    graph, expected = document_graph
    namespace, local = graph.rsplit("/", 1)
    prefixed = f"PREFIX d: <{namespace}/> # FROM <http://nope/>\nSELECT (COUNT(*) AS ?n) FROM d:{local} WHERE {{ ?s ?p ?o }}"
    assert _count(served[1], prefixed) == expected
    based = f"BASE <{namespace}/x> SELECT (COUNT(*) AS ?n) FROM <{local}> FROM <http://nope/> WHERE {{ ?s ?p ?o }}"
    assert _count(served[1], based) == expected
    ontology = _count(served[1], "SELECT (COUNT(*) AS ?n) FROM <https://graphbuild.org/ontology> { ?s ?p ?o }")
    both = f"SELECT (COUNT(*) AS ?n) FROM <{graph}> FROM <https://graphbuild.org/ontology> {{ ?s ?p ?o }}"
    assert _count(served[1], both) == expected + ontology


def test_from_named_limits_the_named_graphs(served, document_graph):
    graph, expected = document_graph
    named = f"SELECT (COUNT(*) AS ?n) FROM NAMED <{graph}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"
    assert _count(served[1], named) == expected
    # FROM NAMED alone leaves the default graph empty (SPARQL 1.1 Query, 13.2)
    assert _count(served[1], f"SELECT (COUNT(*) AS ?n) FROM NAMED <{graph}> WHERE {{ ?s ?p ?o }}") == 0
    assert _count(served[1], "SELECT (COUNT(*) AS ?n) FROM NAMED <http://nope/> { GRAPH ?g { ?s ?p ?o } }") == 0
    status, _, body = query(served[1], f"ASK FROM <{graph}> {{ <{graph}> a ?c }}")
    assert (status, json.loads(body)["boolean"]) == (200, True)
    status, _, body = query(served[1], f"CONSTRUCT {{ ?s ?p ?o }} FROM <http://nope/> WHERE {{ ?s ?p ?o }}",
                            accept="application/n-triples")
    assert (status, body) == (200, b"")


def test_protocol_graphs_override_from(served, document_graph):
    graph, expected = document_graph
    sparql = "SELECT (COUNT(*) AS ?n) FROM <http://nope/> WHERE { ?s ?p ?o }"
    assert _count(served[1], sparql, **{"default-graph-uri": graph}) == expected
    sparql = f"SELECT (COUNT(*) AS ?n) FROM <{graph}> WHERE {{ ?s ?p ?o }}"
    assert _count(served[1], sparql, **{"default-graph-uri": "http://nope/"}) == 0


def test_an_unreadable_from_is_refused(served):
    status, _, body = query(served[1], "SELECT * FROM ?g WHERE { ?s ?p ?o }")
    assert status == 400 and body.startswith(b"E250"), body
