"""A document of any length needs the memory of one parsed piece; above --max-doc-chars it is skipped."""

from __future__ import annotations

import gc
import subprocess
import sys

import pytest

import graphbuild.extract
import graphbuild.nlp
from graphbuild import KnowledgeGraph
from graphbuild.errors import InputError
from spacy.tokens import Doc

_SENTENCES = "China supports Pakistan in round {i}. Pakistan praises China and Ishaq Dar met Wang Yi. "


def _live_docs() -> int:
    return sum(1 for o in gc.get_objects() if isinstance(o, Doc))


def test_a_long_document_is_parsed_piece_by_piece_and_each_piece_is_freed(monkeypatch):
    monkeypatch.setattr(graphbuild.nlp, "PIECE_CHARS", 300)
    text = "".join(_SENTENCES.format(i=i) for i in range(40))  # one line, about 3,500 characters
    seen: list[tuple[int, int]] = []  # (piece length, Docs alive) as extraction reaches each piece
    real_extract = graphbuild.extract.extract_document

    def spying_extract(pieces):
        def watched():
            for offset, doc in pieces:
                gc.collect()
                seen.append((len(doc.text), _live_docs()))
                yield offset, doc
        return real_extract(watched())

    monkeypatch.setattr(graphbuild.extract, "extract_document", spying_extract)
    gc.collect()
    before = _live_docs()
    report = KnowledgeGraph.in_memory().build([text], worker=False)
    assert report.documents == 1 and report.sentences == 80
    assert len(seen) >= 10 and all(length <= 300 for length, _ in seen)
    assert max(alive for _, alive in seen) - before <= 2  # this piece and at most the previous one


def test_a_document_longer_than_max_doc_chars_is_skipped_with_a_reason():
    long_text = "".join(_SENTENCES.format(i=i) for i in range(20))
    kg = KnowledgeGraph.in_memory()
    report = kg.build(["China supports Pakistan.", long_text], max_doc_chars=1000)
    assert report.documents == 1
    [skipped] = report.skipped
    assert skipped.source == "text:1"
    assert f"{len(long_text):,} characters, more than --max-doc-chars 1,000" in skipped.reason


def test_build_command_with_only_an_over_long_document_fails_naming_the_option(tmp_path):
    article = tmp_path / "long.txt"
    article.write_text("".join(_SENTENCES.format(i=i) for i in range(20)), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", "from graphbuild.cli import main; main()", "build", str(article),
         "--store", str(tmp_path / "store"), "--no-html", "--max-doc-chars", "1000"],
        capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "E018 Nothing to build: every input was skipped" in result.stderr
    assert "more than --max-doc-chars 1,000; split it into smaller files" in result.stderr


def test_a_file_far_above_max_doc_chars_is_skipped_without_being_read(tmp_path, monkeypatch):
    from pathlib import Path

    article = tmp_path / "huge.txt"
    article.write_text("China supports Pakistan. " * 400, encoding="utf-8")  # 10,000 bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: (_ for _ in ()).throw(AssertionError(f"read {self}")))
    with pytest.raises(InputError, match="E018(.|\n)*10,000 bytes, more than --max-doc-chars 1,000 characters"):
        KnowledgeGraph.in_memory().build([article], max_doc_chars=1000)


def test_a_long_document_among_short_ones_builds_the_same_graph_with_the_mapping_worker(monkeypatch):
    monkeypatch.setattr(graphbuild.nlp, "PIECE_CHARS", 300)
    texts = ["China supports Pakistan.", "".join(_SENTENCES.format(i=i) for i in range(12)), "Pakistan thanked China."]
    exports = []
    for worker in (False, True):
        kg = KnowledgeGraph.in_memory()
        assert kg.build(texts, worker=worker).documents == 3
        lines = kg.export(format="nquads").decode("utf-8").splitlines()
        exports.append(sorted(line for line in lines if "generatedAtTime" not in line))
    assert exports[0] == exports[1]


@pytest.mark.parametrize("value", [0, -5, 2.5])
def test_max_doc_chars_must_be_a_whole_positive_number(value):
    with pytest.raises(InputError, match="E024 max_doc_chars must be a whole number of 1 or more"):
        KnowledgeGraph.in_memory().build(["China supports Pakistan."], max_doc_chars=value)


def test_a_document_with_a_literal_too_long_for_the_nquads_parser_is_stored_from_its_quads(monkeypatch):
    import graphbuild.mapper

    text = "China supports Pakistan's sovereignty. Pakistan thanked China for its support."
    exports = []
    for longest in (10 ** 9, 50):  # 50: the document's text literal is "too long"
        monkeypatch.setattr(graphbuild.mapper, "LONGEST_NQUADS_LITERAL", longest)
        kg = KnowledgeGraph.in_memory()
        assert kg.build([text], worker=False).documents == 1
        lines = kg.export(format="nquads").decode("utf-8").splitlines()
        exports.append(sorted(line for line in lines if "generatedAtTime" not in line))
    assert exports[0] == exports[1] and len(exports[0]) > 20


def test_the_store_takes_a_literal_longer_than_the_nquads_parser_reads(tmp_path):
    """Why: a 20 MB document's text is one N-Quads line longer than Oxigraph's 16 MiB buffer."""
    import pyoxigraph as ox

    from graphbuild.mapper import LONGEST_NQUADS_LITERAL
    from graphbuild.store import Store
    from graphbuild.writer import DocumentWriter

    graph = ox.NamedNode("https://example.org/doc")
    quad = ox.Quad(graph, ox.NamedNode("https://example.org/text"), ox.Literal("a" * 17 * 2 ** 20), graph)
    assert len(quad.object.value) > LONGEST_NQUADS_LITERAL
    with Store(tmp_path / "store") as store:
        with pytest.raises(MemoryError):
            store.load_nquads(ox.serialize([quad], format=ox.RdfFormat.N_QUADS))
        writer = DocumentWriter(store)
        writer.put("doc.txt", graph.value, [quad])
        writer.close()
        assert store.contains(quad)
