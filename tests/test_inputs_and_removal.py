"""Inputs are never silent (language, standard input), and documents can be removed or pruned."""

from __future__ import annotations

import subprocess
import sys

import pytest

from graphbuild import InputError, KnowledgeGraph

GERMAN = ("Die Bundesregierung unterstützt die Ukraine. Der Bundeskanzler traf am Montag den "
          "ukrainischen Präsidenten in Berlin, um über weitere Hilfe zu sprechen.")
ENGLISH = "China supports Pakistan."
CLI = [sys.executable, "-c", "from graphbuild.cli import main; main()"]


def test_a_document_in_another_language_is_skipped_with_a_reason():
    kg = KnowledgeGraph.in_memory()
    report = kg.build([GERMAN, ENGLISH])
    assert report.documents == 1
    (skipped,) = report.skipped
    assert skipped.source == "text:0" and "written in 'de'" in skipped.reason and "--lang de" in skipped.reason
    assert not kg.query("ASK { ?s gb:supports <https://graphbuild.org/id/country/ukraine> }")


def test_only_foreign_documents_is_nothing_to_build_unless_the_language_is_accepted():
    with pytest.raises(InputError, match="(?s)E018 Nothing to build: every input was skipped.*written in 'de'"):
        KnowledgeGraph.in_memory().build([GERMAN])
    assert KnowledgeGraph.in_memory().build([GERMAN], languages=("de",)).documents == 1
    assert KnowledgeGraph.in_memory().build([GERMAN], languages=("any",)).documents == 1


def _build(tmp_path, *args, stdin=None):
    return subprocess.run([*CLI, "build", *args, "--store", str(tmp_path / "store"), "--no-html"],
                          input=stdin, capture_output=True, text=True, timeout=300, cwd=tmp_path)


def test_build_dash_reads_one_article_from_standard_input(tmp_path):
    first = _build(tmp_path, "-", stdin=ENGLISH)
    assert first.returncode == 0 and "documents: 1 built" in first.stdout, first.stderr
    again = _build(tmp_path, "-", stdin=ENGLISH)
    assert again.stdout.strip() == "documents: 0 built, 1 unchanged, 0 skipped"
    other = _build(tmp_path, "-", stdin="India criticizes Nepal.")
    assert "documents: 1 built" in other.stdout  # a second text is a second document
    with KnowledgeGraph.open(tmp_path / "store", read_only=True) as kg:
        sources = sorted(r["s"].value for r in kg.query("SELECT ?s WHERE { ?d gb:source ?s }"))
    assert len(sources) == 2 and all(s.startswith("stdin:") for s in sources)


def _articles(folder):
    folder.mkdir()
    for name, text in (("a.txt", "China supports Pakistan."), ("b.txt", "India criticizes Nepal."),
                       ("c.txt", "Russia praises Serbia.")):
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _sources(kg) -> list[str]:
    return sorted(r["s"].value.rsplit("/", 1)[1] for r in kg.query("SELECT ?s WHERE { ?d gb:source ?s }"))


def test_remove_takes_out_exactly_the_named_documents(tmp_path):
    articles = _articles(tmp_path / "articles")
    with KnowledgeGraph.open(tmp_path / "store") as kg:
        kg.build([articles])
        report = kg.remove([articles / "a.txt", str(articles / "b.txt")])
        assert report.graphs == 2 and [s.rsplit("/", 1)[1] for s in report.sources] == ["a.txt", "b.txt"]
        assert _sources(kg) == ["c.txt"]
        assert not kg.query("ASK { ?s gb:supports ?o }")


def test_remove_of_an_unknown_source_removes_nothing_and_suggests_one(tmp_path):
    articles = _articles(tmp_path / "articles")
    with KnowledgeGraph.open(tmp_path / "store") as kg:
        kg.build([articles])
        with pytest.raises(InputError, match=r"E019 No stored document was read from '.*d\.txt' \(did you mean"):
            kg.remove([articles / "a.txt", articles / "d.txt"])
        assert _sources(kg) == ["a.txt", "b.txt", "c.txt"]


def test_remove_command_reports_what_it_removed(tmp_path):
    articles = _articles(tmp_path / "articles")
    assert _build(tmp_path, "articles").returncode == 0
    (articles / "a.txt").unlink()  # a deleted file can still be named
    result = subprocess.run([*CLI, "remove", "articles/a.txt", "--store", "store"], capture_output=True,
                            text=True, timeout=120, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["removed 1 document", "  articles/a.txt"]


def test_build_prune_drops_documents_whose_file_is_gone(tmp_path):
    articles = _articles(tmp_path / "articles")
    assert _build(tmp_path, "articles").returncode == 0
    (articles / "b.txt").unlink()
    kept = _build(tmp_path, "articles")
    assert kept.stdout.strip() == "documents: 0 built, 2 unchanged, 0 skipped"
    pruned = _build(tmp_path, "articles", "--prune")
    assert pruned.stdout.strip() == "documents: 0 built, 2 unchanged, 0 skipped, 1 removed (source file gone)"
    with KnowledgeGraph.open(tmp_path / "store", read_only=True) as kg:
        assert _sources(kg) == ["a.txt", "c.txt"]


def test_remove_from_a_store_that_does_not_exist_creates_nothing(runner, tmp_path):
    from graphbuild.cli import main

    result = runner.invoke(main, ["remove", "a.txt", "--store", str(tmp_path / "none")])
    assert result.exit_code == 1 and "E002" in result.output and "graphbuild build" in result.output
    assert not (tmp_path / "none").exists()
