"""``graphbuild validate``: the seeds graph conforms to graphbuild/ontologies/shapes.ttl; broken graphs do not."""

from __future__ import annotations

import pytest

from graphbuild.cli import main
from graphbuild.rdf import CLASS_IRIS
from graphbuild.store import Store
from graphbuild.validate import validate_store
from graphbuild.vocab import PREFIXES

PREFIX = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())

# (name, SPARQL update that breaks one document graph, text the report must contain)
BREAKAGES = [
    ("entity without label",
     "DELETE { GRAPH ?g { gb:x rdfs:label ?l } } WHERE { GRAPH ?g { gb:x rdfs:label ?l } }"
     .replace("gb:x", "<https://graphbuild.org/id/country/china>"),
     "<https://graphbuild.org/id/country/china> rdfs:label: An entity needs a label"),
    ("entity without class",
     "DELETE { GRAPH ?g { <https://graphbuild.org/id/country/pakistan> a ?c } } "
     "WHERE { GRAPH ?g { <https://graphbuild.org/id/country/pakistan> a ?c } }",
     "<https://graphbuild.org/id/country/pakistan> rdf:type: An entity needs a class"),
    ("statement without sentence",
     "DELETE WHERE { GRAPH ?g { {st0} gb:sentence ?s } }",
     "gb:sentence: A statement needs the sentence"),
    ("statement without document",
     "DELETE WHERE { GRAPH ?g { {st1} gb:document ?d } }",
     "gb:document: A statement needs its document"),
    ("shifted offsets",
     "DELETE { GRAPH ?g { {st2} nif:beginIndex ?b } } INSERT { GRAPH ?g { {st2} nif:beginIndex ?b2 } } "
     "WHERE { GRAPH ?g { {st2} nif:beginIndex ?b } BIND(?b + 1 AS ?b2) }",
     "offsets do not select its sentence"),
    ("missing offsets",
     "DELETE WHERE { GRAPH ?g { {st3} nif:endIndex ?e } }",
     "nif:endIndex: A statement needs an end offset"),
    ("undeclared ontology property",
     "INSERT { GRAPH ?g { <https://graphbuild.org/id/country/china> gb:befriends ?g } } "
     "WHERE { GRAPH ?g { ?g a gb:Document } }",
     "Property https://graphbuild.org/ontology#befriends is used but declared neither"),
    ("undeclared open relation",
     "INSERT { GRAPH ?g { <https://graphbuild.org/id/country/china> gbr:befriend ?g } } "
     "WHERE { GRAPH ?g { ?g a gb:Document } }",
     "Property https://graphbuild.org/relation/befriend is used but declared neither"),
    ("asserted statement without its triple",
     "DELETE { GRAPH ?g { ?s ?p ?o } } WHERE { GRAPH ?g { {asserted} "
     "rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o . ?s ?p ?o } }",
     "is asserted but its triple is missing"),
    ("typed entity without label",
     "INSERT { GRAPH ?g { <https://graphbuild.org/id/person/nobody> a schema:Person } } "
     "WHERE { GRAPH ?g { ?g a gb:Document } }",
     "<https://graphbuild.org/id/person/nobody> rdfs:label: An entity needs a label"),
    ("unknown modality",
     "DELETE { GRAPH ?g { {st4} gb:modality ?m } } INSERT { GRAPH ?g { {st4} gb:modality 'maybe' } } "
     "WHERE { GRAPH ?g { {st4} gb:modality ?m } }",
     "gb:modality: gb:modality is one of"),
]


def test_the_seeds_graph_conforms(runner, seeds_store):
    result = runner.invoke(main, ["validate", "--store", str(seeds_store)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("conforms: 2 graphs checked")


@pytest.fixture(scope="module")
def broken_store(seeds_store, tmp_path_factory):
    """One copy of the seeds store with every breakage applied (pySHACL runs once for all of them)."""
    import shutil

    target = tmp_path_factory.mktemp("broken") / "store"
    shutil.copytree(seeds_store, target, ignore=shutil.ignore_patterns("graphbuild.lock", "LOCK"))
    with Store(target) as store:
        # distinct statements for distinct breakages, so that one does not hide another
        rows = store.query("SELECT ?st ?a WHERE { ?st a gb:Statement ; gb:asserted ?a } ORDER BY ?st")
        names = {f"{{st{i}}}": f"<{row['st'].value}>" for i, row in enumerate(list(rows)[:5])}
        unused = [row["st"].value for row in store.query("SELECT ?st WHERE { ?st gb:asserted true } ORDER BY DESC(?st)")]
        names["{asserted}"] = f"<{unused[0]}>"
        assert len(set(names.values())) == 6
        for _name, update, _expected in BREAKAGES:
            for placeholder, iri in names.items():
                update = update.replace(placeholder, iri)
            store.oxigraph.update(PREFIX + update)
    return target


@pytest.mark.parametrize("name, update, expected", BREAKAGES, ids=[b[0] for b in BREAKAGES])
def test_a_broken_graph_does_not_conform(broken_store, name, update, expected, _report_cache={}):
    if "report" not in _report_cache:
        with Store(broken_store, read_only=True) as store:
            _report_cache["report"] = validate_store(store)
    report = _report_cache["report"]
    assert not report.conforms
    assert expected in report.text, report.text


def test_validate_exits_1_with_a_readable_list(runner, broken_store):
    result = runner.invoke(main, ["validate", "--store", str(broken_store)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].endswith("in 2 graphs:") or lines[0].endswith("in 1 graph:"), lines[0]
    assert any(line.startswith("<https://graphbuild.org/id/doc/") and '"' in line for line in lines)  # doc and title
    assert "Traceback" not in result.output


def test_a_graph_written_by_hand_is_checked_too():
    import pyoxigraph as ox

    store = Store(None)
    graph = ox.NamedNode("https://example.org/doc")
    statement = ox.NamedNode("https://example.org/st")
    quads = [ox.Quad(statement, ox.NamedNode(PREFIXES["rdf"] + "type"), ox.NamedNode(PREFIXES["gb"] + "Statement"), graph)]
    store.replace_graph(graph.value, quads)
    report = validate_store(store)
    assert not report.conforms
    paths = {v.path for v in report.violations if v.focus == statement.value}
    for required in ("gb:sentence", "gb:document", "nif:beginIndex", "nif:endIndex", "rdf:subject"):
        prefix, local = required.split(":")
        assert PREFIXES[prefix] + local in paths


def test_every_class_graphbuild_writes_needs_a_label():
    import pyoxigraph as ox

    store = Store(None)
    graph = ox.NamedNode("https://example.org/doc")
    entities = {f"https://example.org/{name}": iri for name, iri in CLASS_IRIS.items()}
    store.replace_graph(graph.value, [ox.Quad(ox.NamedNode(e), ox.NamedNode(PREFIXES["rdf"] + "type"),
                                              ox.NamedNode(cls), graph) for e, cls in entities.items()])
    report = validate_store(store)
    unlabelled = {v.focus for v in report.violations if v.path == PREFIXES["rdfs"] + "label"}
    assert unlabelled == set(entities), report.text


def test_only_graphs_changed_since_the_last_validation_are_checked(runner, store_copy, tmp_path):
    from graphbuild import KnowledgeGraph

    first = runner.invoke(main, ["validate", "--store", str(store_copy), "--all"])
    assert first.output.strip() == "conforms: 2 graphs checked, no violations"
    again = runner.invoke(main, ["validate", "--store", str(store_copy)])
    assert again.output.strip() == "conforms: 2 graphs checked (2 unchanged since the last validation, not checked again), no violations"
    with KnowledgeGraph.open(store_copy) as kg:
        kg.build(["China supports Pakistan."])
        assert kg.validate().unchanged == 2  # only the new document was checked
        assert kg.validate(all_graphs=True).unchanged == 0
        # a write behind graphbuild's back is never covered by an old result
        kg.store.oxigraph.update(PREFIX + BREAKAGES[0][1])
        report = kg.validate()
        assert report.unchanged == 0 and not report.conforms
        assert BREAKAGES[0][2] in report.text
    everything = runner.invoke(main, ["validate", "--store", str(store_copy), "--all"])
    assert everything.exit_code == 1 and BREAKAGES[0][2] in everything.output
    again = runner.invoke(main, ["validate", "--store", str(store_copy)])  # the recorded failure still counts
    assert again.exit_code == 1 and BREAKAGES[0][2] in again.output


def test_other_shapes_mean_a_fresh_check(store_copy, tmp_path):
    from graphbuild.validate import SHAPES_PATH

    with Store(store_copy, read_only=True) as store:
        assert validate_store(store).conforms
        strict = tmp_path / "strict.ttl"
        strict.write_text(SHAPES_PATH.read_text(encoding="utf-8") + """
gbs:NoChinaShape a sh:NodeShape ;
    sh:targetNode <https://graphbuild.org/id/country/china> ;
    sh:sparql [ a sh:SPARQLConstraint ; sh:message "China is mentioned: {?value}" ; sh:prefixes gbs: ;
                sh:select "SELECT $this ?value WHERE { $this gb:mentionCount ?value }" ] .
""", encoding="utf-8")
        report = validate_store(store, strict)
        assert report.unchanged == 0 and not report.conforms
        assert "<https://graphbuild.org/id/country/china> China is mentioned: " in report.text
        assert validate_store(store).unchanged == 0  # the record holds the last validation of each graph
        assert validate_store(store).unchanged == 2


def test_worker_processes_report_what_one_process_does(broken_store, monkeypatch):
    import graphbuild.validate

    with Store(broken_store, read_only=True) as store:
        alone = validate_store(store, all_graphs=True)
        monkeypatch.setattr(graphbuild.validate, "POOL_MIN_GRAPHS", 1)
        monkeypatch.setattr(graphbuild.validate, "usable_cores", lambda: 2)
        pooled = validate_store(store, all_graphs=True)
    assert not pooled.conforms and pooled.text == alone.text
