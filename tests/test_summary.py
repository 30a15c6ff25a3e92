"""The store summary: whole-store counts that stay right whatever writes the store."""

from __future__ import annotations

import logging
import sqlite3

import pytest

from graphbuild import KnowledgeGraph
from graphbuild.cli import main
from graphbuild.networkx_view import entity_graph
from graphbuild.read_model import asserted_relations, entities, relation_count, statement_counts
from graphbuild.store import Store
from graphbuild.summary import SUMMARY_FILE
from graphbuild.viewer.data import load_graph, with_statements

# Reference answers straight from the union of document graphs, as read_model defined them before
# the summary: slow on a big store, exact on a small one.
ASSERTED = """SELECT DISTINCT ?s ?p ?o WHERE { ?p a gb:Relation . ?s ?p ?o . FILTER(isIRI(?o) && ?p != gb:relatedTo) }"""
MENTIONS = """SELECT ?e (SUM(?n) AS ?total) WHERE { { SELECT DISTINCT ?e ?g ?n WHERE { GRAPH ?g { ?e gb:mentionCount ?n } } } }
              GROUP BY ?e"""
STATEMENTS = """SELECT ?s ?p ?o (COUNT(DISTINCT ?st) AS ?n) WHERE { ?st a gb:Statement ; rdf:subject ?s ;
                rdf:predicate ?p ; rdf:object ?o } GROUP BY ?s ?p ?o"""


def reference(store: Store) -> tuple[set, dict, dict]:
    asserted = {(r["s"].value, r["p"].value, r["o"].value) for r in store.query(ASSERTED)}
    mentions = {r["e"].value: int(r["total"].value) for r in store.query(MENTIONS)}
    counts = {(r["s"].value, r["p"].value, r["o"].value): int(r["n"].value) for r in store.query(STATEMENTS)}
    return asserted, mentions, counts


def assert_summary_matches(store: Store) -> None:
    asserted, mentions, counts = reference(store)
    assert asserted_relations(store) == asserted
    assert relation_count(store) == len(asserted)
    assert {e.iri: e.mentions for e in entities(store)} == mentions
    assert statement_counts(store) == counts


def summary_rows(store_path, table: str) -> int:
    with sqlite3.connect(store_path / SUMMARY_FILE) as db:
        return db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def test_the_summary_answers_as_the_union_of_document_graphs(seeds_store):
    with Store(seeds_store, read_only=True) as store:
        assert_summary_matches(store)
        assert relation_count(store) > 50


def test_write_paths_keep_the_summary(tmp_path):
    """build, remove and prune change the summary as they write, before any read refreshes it."""
    articles = tmp_path / "articles"
    articles.mkdir()
    for name, text in (("a.txt", "China supports Pakistan."), ("b.txt", "India criticizes Nepal.")):
        (articles / name).write_text(text, encoding="utf-8")
    store_path = tmp_path / "store"
    with KnowledgeGraph.open(store_path) as kg:
        kg.build([articles])
        assert summary_rows(store_path, "graphs") == 2 and summary_rows(store_path, "relations") == 2
        kg.remove([articles / "a.txt"])
        (articles / "a.txt").unlink()
        assert summary_rows(store_path, "graphs") == 1 and summary_rows(store_path, "relations") == 1
        assert_summary_matches(kg.store)
        (articles / "b.txt").write_text("India praises Nepal. Nepal supports India.", encoding="utf-8")
        kg.build([articles])  # a changed document replaces its older version
        assert summary_rows(store_path, "graphs") == 1 and summary_rows(store_path, "relations") == 2
        assert_summary_matches(kg.store)
    (articles / "b.txt").unlink()
    (articles / "c.txt").write_text("Russia praises Serbia.", encoding="utf-8")
    with KnowledgeGraph.open(store_path) as kg:
        kg.build([articles], prune=True)  # b.txt is gone: pruned; c.txt is new
        assert summary_rows(store_path, "graphs") == 1
        assert_summary_matches(kg.store)
        assert kg.stats()["asserted_relations"] == 1


def test_a_store_without_a_summary_gets_one_once_with_a_message(store_copy, caplog):
    (store_copy / SUMMARY_FILE).unlink(missing_ok=True)
    with caplog.at_level(logging.WARNING, logger="graphbuild.summary"):
        with Store(store_copy, read_only=True) as store:
            assert_summary_matches(store)
    assert "building the store summary for 2 document graphs" in caplog.text
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="graphbuild.summary"):
        with Store(store_copy, read_only=True) as store:
            assert relation_count(store) > 0
    assert "building" not in caplog.text


def test_writes_behind_the_summarys_back_are_seen(store_copy):
    with Store(store_copy) as store:
        before = relation_count(store)
        store.oxigraph.update("PREFIX gb: <https://graphbuild.org/ontology#> "
                              "DELETE { GRAPH ?g { ?s gb:supports ?o } } WHERE { GRAPH ?g { ?s gb:supports ?o } }")
        assert_summary_matches(store)
        assert relation_count(store) < before
    with Store(store_copy, read_only=True) as store:  # and by the next process too
        assert_summary_matches(store)


def test_a_document_graph_replaced_outside_graphbuild_is_recomputed(store_copy):
    """A graph whose version (content hash, build time) changed is read again."""
    import pyoxigraph as ox

    with Store(store_copy) as store:
        relation_count(store)
        graph = store.named_graphs()[0]
    raw = ox.Store(str(store_copy))  # another program, not graphbuild
    raw.update(f"DELETE {{ GRAPH <{graph}> {{ ?s gb:supports ?o . <{graph}> prov:generatedAtTime ?t }} }} "
               f"INSERT {{ GRAPH <{graph}> {{ <{graph}> prov:generatedAtTime \"2030-01-01T00:00:00Z\" }} }} "
               f"WHERE {{ GRAPH <{graph}> {{ ?s gb:supports ?o . <{graph}> prov:generatedAtTime ?t }} }}",
               prefixes={"gb": "https://graphbuild.org/ontology#", "prov": "http://www.w3.org/ns/prov#"})
    raw.flush()
    del raw
    with Store(store_copy, read_only=True) as store:
        assert_summary_matches(store)


def test_stats_analyze_and_the_viewer_count_relations_alike(runner, seeds_store):
    with KnowledgeGraph.open(seeds_store, read_only=True) as kg:
        count = relation_count(kg.store)
        assert kg.stats()["asserted_relations"] == count
        assert kg.analyze()["relations"] == count == entity_graph(kg.store).number_of_edges()
        assert sum(r.asserted for r in load_graph(kg.store).relations) == count
    result = runner.invoke(main, ["stats", "--store", str(seeds_store)])
    assert f"asserted relations: {count}" in result.output.splitlines()[0]


def test_the_build_reports_the_same_relation_count(tmp_path):
    with KnowledgeGraph.open(tmp_path / "store") as kg:
        report = kg.build(["China supports Pakistan. Pakistan praises China.", "China supports Pakistan again."])
        assert report.asserted_relations == relation_count(kg.store) == kg.stats()["asserted_relations"] == 2
        assert f"asserted relations in the store: {report.asserted_relations}" in report.summary()


def test_the_viewer_reads_statements_of_chosen_relations_only(seeds_store):
    with Store(seeds_store, read_only=True) as store:
        full = load_graph(store)
        light = load_graph(store, statements=False)
        assert [r.statements for r in light.relations] == [()] * len(light.relations)
        chosen = type(light)(light.entities, light.relations[::7])
        assert with_statements(store, chosen).relations == full.relations[::7]
        assert any(r.statements for r in full.relations[::7])
        assert [(r.negated, r.asserted) for r in light.relations] == [(r.negated, r.asserted) for r in full.relations]


@pytest.mark.parametrize("table", ["mentions", "facts", "statements", "relations"])
def test_removing_every_document_leaves_an_empty_summary(store_copy, table):
    with KnowledgeGraph.open(store_copy) as kg:
        kg.remove(sorted({r["s"].value for r in kg.query("SELECT ?s WHERE { ?d gb:source ?s }")}))
        assert relation_count(kg.store) == 0 and entities(kg.store) == []
    assert summary_rows(store_copy, table) == 0


def test_a_new_ontology_is_taken_into_account():
    """Which properties are relations comes from the ontology graph: replacing it re-reads them."""
    from graphbuild.vocab import ONTOLOGY_GRAPH

    kg = KnowledgeGraph.in_memory()
    kg.build(["China supports Pakistan."])
    assert relation_count(kg.store) == 1
    supports = "https://graphbuild.org/ontology#supports"
    kept = [q for q in kg.store.graph_quads(ONTOLOGY_GRAPH) if q.subject.value != supports]
    kg.store.replace_graph(ONTOLOGY_GRAPH, kept)
    assert relation_count(kg.store) == 0
    assert_summary_matches(kg.store)


def test_a_first_build_keeps_its_summary_in_step_without_rebuilding_it(tmp_path, caplog):
    with caplog.at_level("WARNING"), KnowledgeGraph.open(tmp_path / "store") as kg:
        from graphbuild.summary import _BULK
        from graphbuild.writer import FLUSH_EVERY
        many = max(_BULK, FLUSH_EVERY) + 1  # a bulk summary, and a flush of the store mid-build
        report = kg.build(["China supports Pakistan."] + [f"Airbus sold {n} jets to Qatar Airways." for n in range(many)],
                          jobs=1)
        assert report.asserted_relations == kg.stats()["asserted_relations"] > 0
    assert not [r for r in caplog.records if "building the store summary" in r.getMessage()]
