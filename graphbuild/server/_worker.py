"""A worker process: pyoxigraph on the store, requests in on stdin, answers out on stdout.

Run by :mod:`._child` as a script, ``python .../_worker.py LOCATION PREFIXES_JSON [--writable]``,
so that it starts in a tenth of the time the whole package takes to import. It listens on no socket: the front is the only way in. Before opening the store it leaves the
network (:func:`._sandbox.isolate_network`) where the kernel allows it. Each message is one
``multiprocessing.connection`` frame; a request is a JSON header frame then a body frame, an
answer likewise (see :func:`answer`).
"""

from __future__ import annotations

import json
import os
import signal
import sys
from multiprocessing.connection import Connection

import pyoxigraph as ox

if __package__:
    from ._sandbox import die_with_parent, isolate_network
else:  # run as a script: this folder is sys.path[0]
    from _sandbox import die_with_parent, isolate_network

__all__ = ["answer", "main"]

_LINE_FORMATS = {"solutions": "text/tab-separated-values", "triples": "application/n-triples"}


def _capped(items, max_rows: int) -> tuple[list, bool]:
    kept = []
    for item in items:
        if len(kept) == max_rows:
            return kept, True
        kept.append(item)
    return kept, False


def _tsv(solutions, max_rows: int) -> tuple[bytes, bool]:
    """At most ``max_rows`` solutions as SPARQL TSV (a term's ``str`` is its N-Triples form)."""
    variables = solutions.variables
    rows, truncated = _capped(solutions, max_rows)
    lines = ["\t".join(str(v) for v in variables)]
    lines += ["\t".join("" if row[v] is None else str(row[v]) for v in variables) for row in rows]
    return ("\n".join(lines) + "\n").encode("utf-8"), truncated


def _ntriples(triples, max_rows: int) -> tuple[bytes, bool]:
    kept, truncated = _capped(triples, max_rows)
    return "".join(f"{t.subject} {t.predicate} {t.object} .\n" for t in kept).encode("utf-8"), truncated


def _graph(name: str | None):
    return ox.DefaultGraph() if name is None else ox.NamedNode(name)


def _query(store: ox.Store, request: dict, prefixes: dict) -> tuple[dict, bytes]:
    options = {"base_iri": request.get("base_iri"), "prefixes": prefixes}
    defaults, named = request.get("default_graph"), request.get("named_graphs")
    if defaults is None and named is None:
        options["use_default_graph_as_union"] = True
    else:  # the protocol's dataset (SPARQL 1.1 Protocol 2.1.4): what is not named is empty
        options["default_graph"] = [ox.NamedNode(g) for g in defaults or []]
        options["named_graphs"] = [ox.NamedNode(g) for g in named or []]
    result = store.query(request["query"], **options)
    if isinstance(result, ox.QueryBoolean):
        return {"kind": "boolean"}, b"true" if bool(result) else b"false"
    if isinstance(result, ox.QuerySolutions):
        payload, truncated = _tsv(result, request["max_rows"])
        return {"kind": "solutions", "truncated": truncated}, payload
    payload, truncated = _ntriples(result, request["max_rows"])
    return {"kind": "triples", "truncated": truncated}, payload


def _read_graph(store: ox.Store, request: dict) -> tuple[dict, bytes]:
    name = request.get("graph")
    if name is not None and not store.contains_named_graph(ox.NamedNode(name)):
        return {"status": 404, "message": f"no graph <{name}> in the store"}, b""
    quads = store.quads_for_pattern(None, None, None, _graph(name))
    payload, truncated = _ntriples((ox.Triple(q.subject, q.predicate, q.object) for q in quads),
                                   request["max_rows"])
    return {"kind": "triples", "truncated": truncated}, payload


def _write_graph(store: ox.Store, request: dict, body: bytes) -> tuple[dict, bytes]:
    """Graph Store Protocol writes, each one atomic SPARQL update (PUT replaces, POST adds)."""
    name, method = request.get("graph"), request["method"]
    target = "DEFAULT" if name is None else f"GRAPH {ox.NamedNode(name)}"  # NamedNode checks the IRI
    if method == "DELETE":
        if name is not None and not store.contains_named_graph(ox.NamedNode(name)):
            return {"status": 404, "message": f"no graph <{name}> in the store"}, b""
        store.update(f"CLEAR SILENT {target}" if name is None else f"DROP SILENT {target}")
        return {"status": 204}, b""
    fmt = ox.RdfFormat.from_media_type(request.get("media_type") or "application/n-triples")
    if fmt is None or fmt.supports_datasets:
        return {"status": 415, "message": f"cannot read a graph from {request.get('media_type')}"}, b""
    triples = ox.serialize(ox.parse(body, fmt, base_iri=request.get("base_iri")), format=ox.RdfFormat.N_TRIPLES)
    data = (triples or b"").decode("utf-8")
    insert = f"INSERT DATA {{ {data} }}" if name is None else f"INSERT DATA {{ {target} {{ {data} }} }}"
    store.update((f"CLEAR SILENT {target} ;\n" if method == "PUT" else "") + insert)
    return {"status": 204}, b""


def answer(store: ox.Store, request: dict, body: bytes, prefixes: dict) -> tuple[dict, bytes]:
    """``(header, payload)`` for one request; the header has ``status`` (200 unless said).

    >>> answer(ox.Store(), {"op": "query", "query": "ASK { ?s ex:p ?o }", "max_rows": 5}, b"",
    ...        {"ex": "http://e/"})
    ({'kind': 'boolean', 'status': 200}, b'false')
    """
    op = request["op"]
    try:
        if op == "query":
            header, payload = _query(store, request, prefixes)
        elif op == "update":
            store.update(request["update"], base_iri=request.get("base_iri"), prefixes=prefixes)
            header, payload = {"status": 204}, b""
        elif op == "read_graph":
            header, payload = _read_graph(store, request)
        elif op == "write_graph":
            header, payload = _write_graph(store, request, body)
        else:
            header, payload = {"status": 400, "message": f"unknown operation {op!r}"}, b""
    except (SyntaxError, ValueError) as exc:
        header, payload = {"status": 400, "message": str(exc)}, b""
    except OSError as exc:
        header, payload = {"status": 500, "message": str(exc)}, b""
    header.setdefault("status", 200)
    return header, payload


def main(argv: list[str]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the server, which stops us
    die_with_parent()
    requests = Connection(os.dup(0), writable=False)
    answers = Connection(os.dup(1), readable=False)
    os.dup2(2, 1)  # nothing printed by accident can break the answer stream
    sys.stdout = sys.stderr
    isolated = isolate_network()
    location, prefixes, writable = argv[0], json.loads(argv[1]), "--writable" in argv[2:]
    try:
        store = ox.Store(location) if writable else ox.Store.read_only(location)
    except OSError as exc:
        answers.send_bytes(json.dumps({"ready": False, "error": str(exc)}).encode())
        return
    answers.send_bytes(json.dumps({"ready": True, "isolated": isolated}).encode())
    while True:
        try:
            request = json.loads(requests.recv_bytes())
            body = requests.recv_bytes()
        except EOFError:  # the server closed the pipe: stop
            return
        header, payload = answer(store, request, body, prefixes)
        answers.send_bytes(json.dumps(header).encode())
        answers.send_bytes(payload)


if __name__ == "__main__":
    main(sys.argv[1:])
