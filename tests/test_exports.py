"""Exports: every RDF format re-parses with pyoxigraph and with raptor's ``rapper``; JSON-LD
round-trips to an isomorphic graph; GraphML, node-link JSON and Neo4j CSV keep the entity graph."""

from __future__ import annotations

import csv
import json
import re
import subprocess
import xml.etree.ElementTree as ET

import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic, to_isomorphic, graph_diff

from graphbuild.cli import main
from graphbuild.export import export
from graphbuild.exporters import format_names
from graphbuild.exporters.rdf import EXPORTERS as RDF_EXPORTERS
from graphbuild.networkx_view import entity_graph
from graphbuild.rdflib_view import to_dataset
from graphbuild.store import Store

RDF_FORMATS = sorted(e.name for e in RDF_EXPORTERS)
RAPPER_NAMES = {"turtle": "turtle", "ntriples": "ntriples", "nquads": "nquads", "trig": "trig", "rdfxml": "rdfxml"}
QUAD_FORMATS = {"nquads", "trig", "jsonld"}


@pytest.fixture(scope="module")
def store(seeds_store):
    with Store(seeds_store, read_only=True) as opened:
        yield opened


@pytest.fixture(scope="module")
def graph(store):
    return entity_graph(store)


def union_triples(store) -> set:
    return {ox.Triple(q.subject, q.predicate, q.object) for q in store.quads()}


def test_every_rdf_format_is_checked():
    assert set(RDF_FORMATS) == set(RAPPER_NAMES) | {"jsonld"}  # raptor reads no JSON-LD: rdflib checks it below


@pytest.mark.parametrize("fmt", RDF_FORMATS)
def test_rdf_export_reparses_with_pyoxigraph(store, tmp_path, fmt):
    extension = {e.name: e.extension for e in RDF_EXPORTERS}[fmt]
    path = export(store, fmt, tmp_path / f"graph.{extension}")
    rdf_format = ox.RdfFormat.from_extension(extension)
    parsed = list(ox.parse(path=str(path), format=rdf_format))
    if fmt in QUAD_FORMATS:
        assert set(parsed) == set(store.quads())
    else:
        assert {ox.Triple(t.subject, t.predicate, t.object) for t in parsed} == union_triples(store)
        assert all(isinstance(getattr(t, "graph_name", ox.DefaultGraph()), ox.DefaultGraph) for t in parsed)


@pytest.mark.parametrize("fmt", sorted(RAPPER_NAMES))
def test_rdf_export_reparses_with_rapper(store, tmp_path, fmt):
    path = export(store, fmt, tmp_path / f"graph.{fmt}")
    run = subprocess.run(["rapper", "-q", "-i", RAPPER_NAMES[fmt], "-o", "ntriples", str(path), "http://base.example/"],
                         capture_output=True, timeout=120)
    assert run.returncode == 0, run.stderr.decode()[:2000]
    assert run.stderr == b"", run.stderr.decode()[:2000]
    expected = len(set(store.quads())) if fmt in QUAD_FORMATS else len(union_triples(store))
    if fmt in QUAD_FORMATS:  # rapper prints the triples of every graph; duplicates across graphs stay
        assert len(run.stdout.splitlines()) == expected
    else:
        assert len(set(run.stdout.splitlines())) == expected


def test_jsonld_round_trips_to_an_isomorphic_graph(store, tmp_path):
    path = export(store, "jsonld", tmp_path / "graph.jsonld")
    dataset = rdflib.Dataset()
    dataset.parse(path, format="json-ld")
    reread = rdflib.Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):  # the union of the named graphs
        reread.add((s, p, o))
    original = rdflib.Graph().parse(data=export(store, "ntriples"), format="nt")
    if not isomorphic(reread, original):
        _, only_reread, only_original = graph_diff(to_isomorphic(reread), to_isomorphic(original))
        pytest.fail(f"only in JSON-LD: {sorted(only_reread)[:5]}\nonly in store: {sorted(only_original)[:5]}")
    assert len(reread) == len(union_triples(store))


def test_jsonld_has_a_context_of_the_prefixes_and_keeps_every_named_graph(store, tmp_path):
    from graphbuild.vocab import PREFIXES

    path = export(store, "jsonld", tmp_path / "graph.jsonld")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["@context"] == PREFIXES
    text = path.read_text(encoding="utf-8")
    assert '"rdfs:label"' in text and '"gb:' in text and "http://www.w3.org/2000/01/rdf-schema#label" not in text
    dataset = rdflib.Dataset()
    dataset.parse(path, format="json-ld")
    reread = set(dataset.quads((None, None, None, None)))
    stored = set(to_dataset(store).quads((None, None, None, None)))
    assert reread == stored and len({g for *_, g in reread}) == len(store.named_graphs()) > 2


def test_graph_formats_are_registered():
    assert {"graphml", "json", "neo4j"} <= set(format_names())


def test_graphml(store, graph, tmp_path):
    path = export(store, "graphml", tmp_path / "graph.graphml")
    ids = [e.get("id") for e in ET.parse(path).getroot().iter() if e.get("id") is not None]
    assert len(ids) == len(set(ids))  # GraphML ids are unique
    reread = nx.read_graphml(path, force_multigraph=True)
    assert reread.number_of_nodes() == graph.number_of_nodes() > 20
    assert reread.number_of_edges() == graph.number_of_edges() > 20
    china = reread.nodes["https://graphbuild.org/id/country/china"]
    assert china["label"] == "China" and china["type"] == "Country" and china["mentions"] >= 10
    assert china["aliases"] == "; ".join(graph.nodes["https://graphbuild.org/id/country/china"]["aliases"])
    labels = {d["label"] for *_, d in reread.edges(data=True)}
    assert "supports" in labels or "support" in labels


def test_nodelink_json(store, graph, tmp_path):
    path = export(store, "json", tmp_path / "graph.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert "edges" in data and "links" not in data
    reread = nx.node_link_graph(data)  # networkx's defaults, nothing to tell it
    assert dict(reread.nodes(data=True)) == dict(graph.nodes(data=True))
    assert sorted(reread.edges(keys=True, data=True)) == sorted(graph.edges(keys=True, data=True))
    assert isinstance(data["nodes"][0]["aliases"], list)


def test_neo4j_csv(runner, seeds_store, graph, tmp_path):
    result = runner.invoke(main, ["export", "--store", str(seeds_store), "--format", "neo4j", "-o", str(tmp_path / "neo")])
    assert result.exit_code == 0, result.output
    with open(tmp_path / "neo" / "nodes.csv", newline="", encoding="utf-8") as handle:
        nodes = list(csv.reader(handle))
    with open(tmp_path / "neo" / "relationships.csv", newline="", encoding="utf-8") as handle:
        relationships = list(csv.reader(handle))
    assert nodes[0][0].endswith(":ID") and ":LABEL" in nodes[0]
    assert relationships[0][:3] == [":START_ID", ":END_ID", ":TYPE"]
    ids = [row[0] for row in nodes[1:]]
    assert len(ids) == len(set(ids)) == graph.number_of_nodes()
    assert len(relationships) - 1 == graph.number_of_edges()
    known = set(ids)
    type_column = relationships[0].index(":TYPE")
    for row in relationships[1:]:
        assert row[0] in known and row[1] in known
        assert re.fullmatch(r"[A-Z][A-Z0-9_]*", row[type_column]), row
    label_column = nodes[0].index(":LABEL")
    assert all(row[label_column].startswith("Entity") for row in nodes[1:])
    assert not any("\n" in cell for row in nodes + relationships for cell in row)


def test_neo4j_needs_a_folder(runner, seeds_store):
    result = runner.invoke(main, ["export", "--store", str(seeds_store), "--format", "neo4j"])
    assert result.exit_code == 1 and "E007" in result.output
