"""Building: idempotent, atomic per document, safe against a second writer and a killed process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from graphbuild import KnowledgeGraph, ModelNotFoundError, StoreError, StoreInUseError
from graphbuild.parse_pool import usable_cores
from graphbuild.store import Store


def nquads(store_path) -> bytes:
    with KnowledgeGraph.open(store_path, read_only=True) as kg:
        return kg.export(format="nquads")


def test_rebuilding_unchanged_files_changes_nothing(store_copy, seeds_dir):
    before = nquads(store_copy)
    with KnowledgeGraph.open(store_copy) as kg:
        report = kg.build([seeds_dir])
    assert (report.documents, report.unchanged) == (0, 2)
    assert nquads(store_copy) == before


def test_the_summary_counts_the_seeds(seeds_store):
    with KnowledgeGraph.open(seeds_store, read_only=True) as kg:
        stats = kg.stats()
    assert stats["documents"] == 2
    assert stats["entities"]["schema:Country"] >= 4
    assert stats["relations"]["gb:supports"]["asserted"] >= 3


def two_articles(folder, first: str, second: str):
    """Write a.txt and b.txt in ``folder``; returns their paths."""
    a, b = folder / "a.txt", folder / "b.txt"
    a.write_text(first, encoding="utf-8")
    b.write_text(second, encoding="utf-8")
    return a, b


def test_a_changed_file_replaces_exactly_its_own_graph(tmp_path):
    a, _ = two_articles(tmp_path, "China supports Pakistan.", "India criticizes Nepal.")
    with KnowledgeGraph.open(tmp_path / "store") as kg:
        kg.build([tmp_path])
        graphs_before = set(kg.store.named_graphs())
        a.write_text("Russia supports Serbia.", encoding="utf-8")
        report = kg.build([tmp_path])
        assert (report.documents, report.unchanged) == (1, 1)
        labels = {r["l"].value for r in kg.query("SELECT DISTINCT ?l WHERE { ?d a gb:Document ; rdfs:label ?l }")}
        assert labels == {"Russia supports Serbia.", "India criticizes Nepal."}
        assert not kg.query("ASK { ?s gb:supports <https://graphbuild.org/id/country/pakistan> }")
        graphs_after = set(kg.store.named_graphs())
    assert len(graphs_after) == len(graphs_before)
    assert len(graphs_after & graphs_before) == len(graphs_before) - 1


def test_a_file_changed_to_another_files_text_drops_its_own_older_graph(tmp_path):
    a, _ = two_articles(tmp_path, "China opposes Japan.", "India criticizes Nepal.")
    with KnowledgeGraph.open(tmp_path / "store") as kg:
        kg.build([tmp_path])
        a.write_text("India criticizes Nepal.", encoding="utf-8")
        report = kg.build([tmp_path])
        assert (report.documents, report.unchanged) == (0, 2)
        assert not kg.query("ASK { ?s gb:opposes ?o }")
        assert len(kg.store.named_graphs()) == 2  # b's document and the ontology


def test_a_damaged_store_is_a_clear_error_and_is_left_as_it_was(tmp_path):
    with KnowledgeGraph.open(tmp_path / "store") as kg:
        kg.build(["China supports Pakistan."])
    (tmp_path / "store" / "CURRENT").write_text("garbage\n", encoding="utf-8")
    with pytest.raises(StoreError, match=r"E002 Cannot open the store at .*store"):
        KnowledgeGraph.open(tmp_path / "store")
    assert (tmp_path / "store" / "CURRENT").read_text(encoding="utf-8") == "garbage\n"


def test_a_second_writer_gets_a_clear_error(tmp_path):
    path = tmp_path / "store"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from graphbuild.store import Store; s = Store(sys.argv[1]); "
         "print('ready', flush=True); time.sleep(60)", str(path)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreInUseError, match="in use by another process"):
            Store(path)
        with pytest.raises(StoreInUseError):
            Store(path, read_only=True)
    finally:
        holder.kill()
        holder.wait()
    Store(path).close()  # free again once the other process is gone


@pytest.mark.slow
def test_a_killed_build_leaves_whole_documents_and_the_next_build_completes(tmp_path, seeds_dir):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]
    for i in range(40):
        (corpus / f"doc{i:02}.txt").write_text(f"Report {i}.\n\n" + texts[i % 2], encoding="utf-8")
    store = tmp_path / "store"
    script = ("import sys; from graphbuild import KnowledgeGraph\n"
              "kg = KnowledgeGraph.open(sys.argv[1])\n"
              "kg.build([sys.argv[2]], progress=lambda done, total: print(done, flush=True))\n")
    proc = subprocess.Popen([sys.executable, "-c", script, str(store), str(corpus)], stdout=subprocess.PIPE, text=True)
    try:
        for line in range(3):  # wait until a few documents are committed, then kill mid-build
            assert proc.stdout.readline(), "the build ended before it could be killed"
            if line == 0:  # the workers, while they surely run
                children = _children(proc.pid)
                workers = {pid: cmd for pid, cmd in children.items() if "spawn_main" in cmd}
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert len(workers) == usable_cores(), f"this build (40 documents) runs one worker process per core: {children}"
    assert _gone(workers), "a worker process outlived the killed build"
    count_per_graph = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    with KnowledgeGraph.open(store) as kg:
        partial = {r["g"].value: int(r["n"].value) for r in kg.query(count_per_graph)}
        stored = len(partial) - 1  # minus the ontology graph
        assert 3 <= stored < 40
        report = kg.build([corpus])
        assert report.documents == 40 - stored and report.unchanged == stored
        assert len(kg.query("SELECT ?g WHERE { ?g a gb:Document }")) == 40
    # every graph that survived the kill is whole: as large as in an uninterrupted build
    reference = KnowledgeGraph.in_memory()
    reference.build([corpus])
    complete = {r["g"].value: int(r["n"].value) for r in reference.query(count_per_graph)}
    assert {g: complete[g] for g in partial} == partial


def test_an_unknown_model_is_a_clear_error():
    kg = KnowledgeGraph.in_memory(model="xx_no_such_model")
    with pytest.raises(ModelNotFoundError, match="E003 No spaCy pipeline named 'xx_no_such_model'"):
        kg.build(["China supports Pakistan."])


def test_a_document_longer_than_the_parser_limit_is_split(monkeypatch):
    from graphbuild.nlp import load_pipeline

    nlp = load_pipeline()
    monkeypatch.setattr(nlp, "max_length", 400)
    text = "\n\n".join(f"China supports Pakistan in round {i}. Pakistan praises China." for i in range(30))
    kg = KnowledgeGraph.in_memory()
    report = kg.build([text])
    assert report.documents == 1 and report.sentences >= 60
    offsets = kg.query("SELECT ?b ?s WHERE { ?st nif:beginIndex ?b ; gb:sentence ?s }")
    assert max(int(r["b"].value) for r in offsets) > 400
    assert all(text[int(r["b"].value):].startswith(r["s"].value) for r in offsets)


def _children(pid: int) -> dict[int, str]:
    """The direct children of ``pid`` (Linux /proc), with their command lines."""
    found = {}
    for task in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as handle:
            found.update({int(child): _cmdline(child) for child in handle.read().split()})
    return found


def _gone(processes: dict[int, str], timeout: float = 15.0) -> bool:
    """True once none of ``processes`` (pid: command line) runs; a reused pid runs another command."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not any(_cmdline(pid) == cmdline for pid, cmdline in processes.items()):
            return True
        time.sleep(0.2)
    return False


def _cmdline(pid) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", encoding="utf-8", errors="replace") as handle:
            return handle.read()
    except OSError:
        return ""


def test_worker_processes_build_the_same_graph(seeds_dir):
    exports = []
    for jobs in (1, 2):
        kg = KnowledgeGraph.in_memory()
        report = kg.build([seeds_dir], jobs=jobs)
        assert report.documents == 2
        lines = kg.export(format="nquads").decode("utf-8").splitlines()
        exports.append(sorted(line for line in lines if "generatedAtTime" not in line))
    assert exports[0] == exports[1] and len(exports[0]) > 1000
